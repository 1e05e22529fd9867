"""Request-scoped context for one piece of work, whatever helpers it calls.

* A bound on requests in flight: a composition (say, a citizen's overview) sets a limiter
  for its duration; every request the client sends meanwhile, also from helpers that start
  requests of their own at the same time, waits for a free slot.
* A report that a request is on the wire: a composition that sends its most important
  request first starts the others once that one has been written, not before.

``ContextVar``s carry both: async tasks inherit them, and the sync face's thread pool copies
the context into its threads. Each face reads the limiter through its concurrency module,
which knows the limiter's type.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

REQUEST_LIMITER: ContextVar[Any | None] = ContextVar("zgw_request_limiter", default=None)
REQUEST_WRITTEN: ContextVar[Callable[[], None] | None] = ContextVar(
    "zgw_request_written", default=None
)


@contextmanager
def limit_requests(limiter: Any) -> Iterator[None]:
    """Send the requests started inside this block through ``limiter``."""
    token = REQUEST_LIMITER.set(limiter)
    try:
        yield
    finally:
        REQUEST_LIMITER.reset(token)


@contextmanager
def report_written(callback: Callable[[], None]) -> Iterator[None]:
    """Call ``callback`` when a request sent inside this block has been written to the
    network (told by httpcore's ``trace`` events), and in any case once it has been
    answered or has failed (for transports that do not report the write)."""
    token = REQUEST_WRITTEN.set(callback)
    try:
        yield
    finally:
        REQUEST_WRITTEN.reset(token)
