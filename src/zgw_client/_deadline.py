"""The deadline of one call: the one place where the faces need different machinery.

The async face cancels the whole exchange at the deadline (``async_deadline``), also while
the headers trickle in: with ``asyncio.timeout`` where it exists (Python 3.11+, asyncio),
else with anyio's cancel scope, which also serves trio. The sync face cannot cancel a
blocking read from the thread that waits on it: there (``deadline``) the deadline is kept by
giving each read no more than the time left and by checking it between the chunks of a body
(``_core.CallLimits``); a server that sends its *headers* a byte at a time can keep a sync
call past its deadline (each read still ends within the read timeout).

``scripts/unasync.py`` turns ``async_deadline`` in the async source into ``deadline``.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import anyio
import httpx
import sniffio

from ._core import CallLimits

__all__ = ["async_deadline", "deadline"]

_asyncio_timeout: Any = getattr(asyncio, "timeout", None) if sys.version_info >= (3, 11) else None


@asynccontextmanager
async def async_deadline(limits: CallLimits, request: httpx.Request) -> AsyncIterator[None]:
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


@contextmanager
def deadline(limits: CallLimits, request: httpx.Request) -> Iterator[None]:
    """The block as it is: the reads inside check ``limits`` themselves."""
    yield
