"""Run a plan of requests with a bound on how many are in flight: one executor per face.

A composition (a citizen's overview) is a [`Plan`][zgw_client._executor.Plan]: pure code
that says which requests to start, and, as each answer (or error) comes in, which requests
that answer makes possible. The executor only starts what the plan asks, at most ``limit``
at a time, and hands every outcome back; it knows nothing of zaken or catalogi. So the plan
can be tested without I/O, and the two faces differ only here: tasks on the event loop
(async) or threads (sync). This is the one place where they need different machinery, not
just different keywords, so both are written by hand, side by side.

Both also ``gather`` independent calls (a resource's few queries at once).

Threads run each call in a copy of the caller's context, as asyncio's tasks do, so that the
request spans of a composition are children of its span (OpenTelemetry keeps the current
span in a context variable); nothing of the SDK's is steered by it.

A request that itself sends several requests at once says so in ``slots``; the executor
counts them against the limit. A [`ZGWError`][zgw_client.ZGWError] is an outcome the plan
decides about; any other exception is a bug and stops the run (the others are cancelled).
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextvars
import heapq
import itertools
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from ._exceptions import ZGWError

__all__ = ["AsyncExecutor", "Executor", "Plan", "Request"]


class Request(Protocol):
    """What a plan asks for: a description, not a call. ``slots`` is how many requests
    it has in flight at most when it runs (1 for one request, or a paginated list);
    requests with a lower ``priority`` start first (in the order asked among equals)."""

    @property
    def slots(self) -> int: ...

    @property
    def priority(self) -> int: ...


R = TypeVar("R", bound=Request)
T = TypeVar("T")


class Plan(Protocol[R]):
    """Which requests a composition needs, given what it has learnt so far."""

    def start(self) -> Iterable[R]:
        """The requests that need nothing but the input."""
        ...

    def settle(self, request: R, outcome: Any) -> Iterable[R]:
        """Take the outcome of ``request`` (its result, or a ``ZGWError``); return the
        requests it makes possible."""
        ...

    def idle(self) -> Iterable[R]:
        """Nothing is running: the last requests, for what no answer provided (may be
        empty; asked again after those have settled)."""
        ...


class AsyncExecutor:
    """Runs a plan on the event loop, at most ``limit`` requests in flight."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)

    async def gather(self, calls: Sequence[Callable[[], Awaitable[T]]]) -> list[T | ZGWError]:
        """Await independent calls, at most ``limit`` at once; results in order, a
        ``ZGWError`` in the place of a call that failed with one (a bug propagates)."""
        if len(calls) == 1:  # no task to schedule: the call starts now
            return [await _acall(calls[0])]
        semaphore = asyncio.Semaphore(self.limit)

        async def run(call: Callable[[], Awaitable[T]]) -> T | ZGWError:
            async with semaphore:
                return await _acall(call)

        return list(await asyncio.gather(*(run(call) for call in calls)))

    async def run(self, plan: Plan[R], perform: Callable[[R], Awaitable[Any]]) -> None:
        """Start the plan's requests through ``perform`` until the plan asks for no more.

        What an answer unlocks is started right after that answer is settled, before the
        next answer is looked at, and urgent answers are settled first: the requests the
        rest waits for go out as early as the plan allows.
        """
        queue = _Queue(plan.start())
        running: dict[asyncio.Future[Any], R] = {}

        async def fill() -> None:
            used = sum(request.slots for request in running.values())
            tier = None
            while queue and (not running or used + queue.first().slots <= self.limit):
                request = queue.pop()
                if tier is not None and request.priority > tier:
                    # Let the urgent ones get going (build, connect, send) before the
                    # event loop is shared with the rest.
                    await asyncio.sleep(0)
                tier = request.priority
                used += request.slots
                running[asyncio.ensure_future(perform(request))] = request

        try:
            while True:
                await fill()
                if not running:
                    queue.extend(plan.idle())
                    if not queue:
                        return
                    continue
                done, _ = await asyncio.wait(running, return_when=asyncio.FIRST_COMPLETED)
                for future in sorted(done, key=lambda f: running[f].priority):
                    request = running.pop(future)
                    queue.extend(plan.settle(request, _outcome(future)))
                    await fill()
        finally:
            for future in running:
                future.cancel()
            if running:
                await asyncio.wait(running)


class Executor:
    """Runs a plan on a thread pool, at most ``limit`` requests in flight."""

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)

    def gather(self, calls: Sequence[Callable[[], T]]) -> list[T | ZGWError]:
        """Run independent calls, at most ``limit`` at once (threads: ``httpx.Client`` and
        the client's caches are safe to share); results in order, errors as values."""
        if len(calls) <= 1 or self.limit == 1:
            return [_call(call) for call in calls]
        workers = min(self.limit, len(calls))
        with concurrent.futures.ThreadPoolExecutor(workers, thread_name_prefix="zgw") as pool:
            futures = [pool.submit(contextvars.copy_context().run, _call, c) for c in calls]
            return [future.result() for future in futures]

    def run(self, plan: Plan[R], perform: Callable[[R], Any]) -> None:
        """Start the plan's requests through ``perform`` until the plan asks for no more
        (in the same order as [`AsyncExecutor.run`][zgw_client._executor.AsyncExecutor.run])."""
        queue = _Queue(plan.start())
        running: dict[concurrent.futures.Future[Any], R] = {}
        pool: concurrent.futures.ThreadPoolExecutor | None = None

        def fill() -> None:
            nonlocal pool
            used = sum(request.slots for request in running.values())
            while queue and (not running or used + queue.first().slots <= self.limit):
                request = queue.pop()
                if not running and not queue and pool is None:
                    # One request and nothing beside it: no thread needed.
                    queue.extend(plan.settle(request, _call(perform, request)))
                    continue
                if pool is None:
                    pool = concurrent.futures.ThreadPoolExecutor(
                        self.limit, thread_name_prefix="zgw-plan"
                    )
                used += request.slots
                future = pool.submit(contextvars.copy_context().run, perform, request)
                running[future] = request

        try:
            while True:
                fill()
                if not running:
                    queue.extend(plan.idle())
                    if not queue:
                        return
                    continue
                done, _ = concurrent.futures.wait(
                    running, return_when=concurrent.futures.FIRST_COMPLETED
                )
                for future in sorted(done, key=lambda f: running[f].priority):
                    request = running.pop(future)
                    queue.extend(plan.settle(request, _outcome(future)))
                    fill()
        finally:
            for future in running:
                future.cancel()
            if pool is not None:
                pool.shutdown(wait=True)


class _Queue(Generic[R]):
    """The requests waiting for a slot: lowest ``priority`` first, then first asked."""

    def __init__(self, requests: Iterable[R]) -> None:
        self._heap: list[tuple[int, int, R]] = []
        self._order = itertools.count()
        self.extend(requests)

    def __bool__(self) -> bool:
        return bool(self._heap)

    def extend(self, requests: Iterable[R]) -> None:
        for request in requests:
            heapq.heappush(self._heap, (request.priority, next(self._order), request))

    def first(self) -> R:
        return self._heap[0][2]

    def pop(self) -> R:
        return heapq.heappop(self._heap)[2]


def _outcome(future: asyncio.Future[Any] | concurrent.futures.Future[Any]) -> Any:
    """The future's result, or its ``ZGWError``; anything else is raised."""
    error = future.exception()
    if error is None:
        return future.result()
    if isinstance(error, ZGWError):
        return error
    raise error


def _call(call: Callable[..., T], *args: Any) -> T | ZGWError:
    try:
        return call(*args)
    except ZGWError as error:
        return error


async def _acall(call: Callable[[], Awaitable[T]]) -> T | ZGWError:
    try:
        return await call()
    except ZGWError as error:
        return error
