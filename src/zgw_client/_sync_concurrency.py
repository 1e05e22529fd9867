"""Run independent calls concurrently, bounded, keeping failures as values (sync face).

The counterpart of ``_async_concurrency.py``, on a thread pool: ``httpx.Client`` and the
client's caches are safe to share between threads.
"""

from __future__ import annotations

import contextvars
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from ._exceptions import ZGWError
from ._request_context import REQUEST_LIMITER

__all__ = ["current_limiter", "gather_limited", "new_limiter", "new_signal", "wait_at_most"]

T = TypeVar("T")


def new_limiter(limit: int) -> threading.BoundedSemaphore:
    """A bound on requests in flight; set it with ``_request_context.limit_requests``."""
    return threading.BoundedSemaphore(max(1, limit))


def current_limiter() -> threading.BoundedSemaphore | None:
    """The limiter the requests of the current thread's context go through, if any."""
    limiter = REQUEST_LIMITER.get()
    return limiter if isinstance(limiter, threading.BoundedSemaphore) else None


def new_signal() -> threading.Event:
    """A one-way signal between the calls of one composition (across threads)."""
    return threading.Event()


def wait_at_most(signal: threading.Event, seconds: float) -> None:
    """Wait until ``signal`` is set, but no longer than ``seconds``."""
    signal.wait(seconds)


def gather_limited(limit: int, calls: Sequence[Callable[[], T]]) -> list[T | ZGWError]:
    """Run every call with at most ``limit`` at once; results in order, errors as values."""

    def run(call: Callable[[], T]) -> T | ZGWError:
        try:
            return call()
        except ZGWError as error:
            return error

    if len(calls) <= 1 or limit <= 1:
        return [run(call) for call in calls]
    # Each call runs in a copy of the caller's context (its request limiter, for one).
    contexts = [contextvars.copy_context() for _ in calls]
    with ThreadPoolExecutor(max_workers=min(limit, len(calls))) as pool:
        return list(pool.map(lambda ctx, call: ctx.run(run, call), contexts, calls))
