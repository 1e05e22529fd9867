"""The deadline of one call, enforced by cancelling it (async face).

The sync face (``_sync_deadline.py``) cannot cancel a blocking read: there the deadline is
checked between the chunks of a body and each read is given no more than the time left
(see ``_core.CallLimits``). Here the whole exchange is cancelled at the deadline, also while
the headers trickle in: with ``asyncio.timeout`` where it exists (Python 3.11+, asyncio),
else with anyio's cancel scope, which also serves trio.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import anyio
import httpx
import sniffio

from ._core import CallLimits

__all__ = ["enforce_deadline"]

_asyncio_timeout: Any = getattr(asyncio, "timeout", None) if sys.version_info >= (3, 11) else None


@asynccontextmanager
async def enforce_deadline(limits: CallLimits, request: httpx.Request) -> AsyncIterator[None]:
    """Cancel the block when ``limits``'s deadline passes; raise `RequestTimeout` then."""
    seconds = max(limits.remaining(), 0.0)
    try:
        if _asyncio_timeout is not None and sniffio.current_async_library() == "asyncio":
            async with _asyncio_timeout(seconds):
                yield
        else:
            with anyio.fail_after(seconds):
                yield
    except TimeoutError:
        raise limits.timeout_error(request) from None
