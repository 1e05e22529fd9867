"""A bound on requests in flight for one piece of work, whatever helpers it calls.

A composition (say, a citizen's overview) sets a limiter for its duration; every request the
client sends meanwhile, also from helpers that start requests of their own at the same time,
waits for a free slot. A ``ContextVar`` carries it: async tasks inherit it, and the sync
face's thread pool copies the context into its threads.

Each face reads it through its concurrency module, which knows the limiter's type.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

REQUEST_LIMITER: ContextVar[Any | None] = ContextVar("zgw_request_limiter", default=None)


@contextmanager
def limit_requests(limiter: Any) -> Iterator[None]:
    """Send the requests started inside this block through ``limiter``."""
    token = REQUEST_LIMITER.set(limiter)
    try:
        yield
    finally:
        REQUEST_LIMITER.reset(token)
