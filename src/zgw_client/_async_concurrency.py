"""Run independent calls concurrently, bounded, keeping failures as values (async face).

The sync face (``_sync_concurrency.py``) is written by hand with a thread pool: this is the
one place where the two faces need different machinery, not just different keywords.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Sequence
from typing import TypeVar

from ._exceptions import ZGWError
from ._request_context import REQUEST_LIMITER

__all__ = ["current_limiter", "gather_limited", "new_limiter", "new_signal", "wait_at_most"]

T = TypeVar("T")


def new_limiter(limit: int) -> asyncio.Semaphore:
    """A bound on requests in flight; set it with ``_request_context.limit_requests``."""
    return asyncio.Semaphore(max(1, limit))


def current_limiter() -> asyncio.Semaphore | None:
    """The limiter the requests of the current task go through, if any."""
    limiter = REQUEST_LIMITER.get()
    return limiter if isinstance(limiter, asyncio.Semaphore) else None


def new_signal() -> asyncio.Event:
    """A one-way signal between the calls of one composition."""
    return asyncio.Event()


async def wait_at_most(signal: asyncio.Event, seconds: float) -> None:
    """Wait until ``signal`` is set, but no longer than ``seconds``."""
    if signal.is_set():
        return
    with contextlib.suppress(asyncio.TimeoutError):
        await asyncio.wait_for(signal.wait(), seconds)


async def gather_limited(
    limit: int, calls: Sequence[Callable[[], Awaitable[T]]]
) -> list[T | ZGWError]:
    """Await every call with at most ``limit`` in flight, in order.

    A call that fails with a [`ZGWError`][zgw_client.ZGWError] yields that error in its place, so one
    failing part never hides the others; anything else (a bug) propagates.
    """
    if not calls:
        return []
    if len(calls) == 1:  # no task to schedule: the call starts now, not after the queue
        try:
            return [await calls[0]()]
        except ZGWError as error:
            return [error]
    semaphore = asyncio.Semaphore(max(1, limit))

    async def run(call: Callable[[], Awaitable[T]]) -> T | ZGWError:
        async with semaphore:
            try:
                return await call()
            except ZGWError as error:
                return error

    return list(await asyncio.gather(*(run(call) for call in calls)))
