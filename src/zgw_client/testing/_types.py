"""Type aliases shared by the in-memory backend.

Bodies are kept as plain JSON dicts (never SDK models): the fake must send exactly the wire
shapes of the real servers and stay independent of the client code it is used to test.
"""

from __future__ import annotations

from typing import Any

JSON = dict[str, Any]
"""One resource body, as the server sends it."""

JSONValue = JSON | list[Any] | str | int | float | bool | None
"""Any decoded JSON document."""
