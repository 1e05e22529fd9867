"""Run independent calls concurrently, bounded, keeping failures as values (sync face).

The counterpart of ``_async_concurrency.py``, on a thread pool: ``httpx.Client`` and the
client's caches are safe to share between threads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from ._exceptions import ZGWError

__all__ = ["gather_limited"]

T = TypeVar("T")


def gather_limited(limit: int, calls: Sequence[Callable[[], T]]) -> list[T | ZGWError]:
    """Run every call with at most ``limit`` at once; results in order, errors as values."""

    def run(call: Callable[[], T]) -> T | ZGWError:
        try:
            return call()
        except ZGWError as error:
            return error

    if len(calls) <= 1 or limit <= 1:
        return [run(call) for call in calls]
    with ThreadPoolExecutor(max_workers=min(limit, len(calls))) as pool:
        return list(pool.map(run, calls))
