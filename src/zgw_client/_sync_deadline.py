"""The deadline of one call (sync face): nothing to cancel here.

A blocking read cannot be cancelled from the thread that waits on it. The sync face keeps
the deadline by giving each read no more than the time left and by checking it between the
chunks of a body (``_core.CallLimits``); a server that sends its *headers* a byte at a time
can keep a sync call past its deadline (each read still ends within the read timeout).
The async face (``_async_deadline.py``) cancels the exchange instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import httpx

from ._core import CallLimits

__all__ = ["enforce_deadline"]


@contextmanager
def enforce_deadline(limits: CallLimits, request: httpx.Request) -> Iterator[None]:
    """The block as it is: the reads inside check ``limits`` themselves."""
    yield
