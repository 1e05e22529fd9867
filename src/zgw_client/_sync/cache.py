# GENERATED from src/zgw_client/_async/cache.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The cache protocol of the synchronous face and the store the client reads it through.

The rules (keys, TTLs, generations) are in ``zgw_client._cache``; this module does the
cache's I/O, so the async client awaits its cache and never blocks its event loop on a
shared one (Redis). A lookup is one round trip: the entry and its namespace's generation
are read together (``get_many``, e.g. Redis ``MGET``) when the cache has it.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any, Protocol, runtime_checkable

from .._cache import (
    INITIAL_GENERATION,
    CacheEntry,
    CachePlan,
    CachePolicy,
    NoCache,
    check_face,
    entry_after_get,
    new_generation,
)

__all__ = ["CacheStore", "ResponseCache"]


@runtime_checkable
class ResponseCache(Protocol):
    """Where the synchronous client keeps cached bodies. Implement it to share a cache.

    Keys are strings the client makes (see the caching guide); values are JSON-compatible
    (dicts, lists, strings, numbers). A ``get_many(keys)`` method returning a list, when
    the cache has one, is used to read two keys in one round trip. A cache that cannot be
    reached should answer ``None`` and store nothing rather than raise: the client then
    works as without a cache ([`RedisCache`][zgw_client.cache.RedisCache] does).
    """

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``, or ``None`` when absent or expired."""

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        """Store ``value``; ``ttl`` seconds to live, ``None`` for no expiry."""


class CacheStore:
    """Reads and writes the client's cache entries through a
    [`ResponseCache`][zgw_client.cache.ResponseCache].

    Args:
        cache: the store. The async face also takes a sync one (an in-memory store is
            called directly; it does not block).
        policy: the TTLs.
        clock: wall-clock time, shared by every process reading the cache.
    """

    def __init__(
        self,
        cache: Any,
        policy: CachePolicy,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.cache = cache
        self.policy = policy
        self._awaits = check_face(cache, "ResponseCache")
        self._get_many = getattr(cache, "get_many", None)
        #: Nothing is kept: the client skips every lookup.
        self.disabled = isinstance(cache, NoCache)
        self.now = clock

    def _resolve(self, value: Any) -> Any:
        return value if self._awaits else value

    def _read(self, keys: Sequence[str]) -> list[Any]:
        if self._get_many is not None:
            values = self._resolve(self._get_many(list(keys)))
            return list(values)
        return [self._resolve(self.cache.get(key)) for key in keys]

    def lookup(self, plan: CachePlan) -> tuple[CacheEntry | None, str]:
        """The valid entry for ``plan`` (or ``None``) and the generation it belongs to.

        A namespace nobody wrote to yet is of generation ``INITIAL_GENERATION``, the same
        in every worker, so workers that start together agree on it; a write sets a
        random one.
        """
        stored, generation = self._read([plan.key, plan.generation_key])
        if not isinstance(generation, str) or not generation:
            generation = INITIAL_GENERATION
        return CacheEntry.from_json(stored, generation), generation

    def store(
        self,
        plan: CachePlan,
        *,
        body: Any,
        etag: str | None,
        generation: str,
        revalidated: CacheEntry | None = None,
    ) -> None:
        """Keep ``body`` as the policy says (nothing when it says nothing).

        After a 304 (``revalidated`` is the entry it confirmed) an ETag-only entry is not
        written again: nothing in it changed.
        """
        made = entry_after_get(
            self.policy, plan, body=body, etag=etag, generation=generation, now=self.now()
        )
        if made is None:
            return
        entry, ttl = made
        if revalidated is not None and entry.fresh_until is None and entry.etag == revalidated.etag:
            return
        self._resolve(self.cache.set(plan.key, entry.to_json(), ttl))

    def invalidate(self, generation_key: str) -> None:
        """Make every entry of a namespace stale (after a write to its API)."""
        self._resolve(self.cache.set(generation_key, new_generation(), None))
