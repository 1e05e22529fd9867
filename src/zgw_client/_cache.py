"""Caching rules and stores: published catalogi and ETags.

Two things are worth keeping between requests:

* **Published catalogi resources.** A zaaktype with ``concept: false`` never changes (a
  change makes a new version), so it is cached without expiry. Catalogi resources that carry
  no ``concept`` flag themselves (statustypen, resultaattypen, roltypen, ...) belong to a
  zaaktype that may still be a concept, so they are cached for ``catalogi_ttl`` seconds.
  Concepts are never cached.
* **ETags.** Open Zaak sends an ETag on single-resource GETs; asking again with
  ``If-None-Match`` costs the server little and answers 304 when nothing changed, and the
  cached body is reused. Two limits, both seen on Open Zaak 1.30: the ETag does not depend
  on ``?expand=`` (a 304 would hide changed embedded resources, so expanded GETs are never
  revalidated), and it is not always recomputed right after a write, also not of a related
  resource (a new status changes the zaak). So when the client writes to an API itself, it
  forgets every ETag it holds of that API.

The store is pluggable ([`ResponseCache`][zgw_client.ResponseCache]), so a portal can share one across processes
(e.g. backed by Redis); the default is a bounded in-memory LRU.
"""

from __future__ import annotations

import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Any, Protocol, runtime_checkable

__all__ = ["InMemoryCache", "NoCache", "ResponseCache", "catalogi_ttl_for"]


@runtime_checkable
class ResponseCache(Protocol):
    """Where parsed response bodies are kept. Implement it to share a cache.

    Values are JSON-compatible (dicts, lists, strings, numbers); keys are full URLs.
    """

    def get(self, key: str) -> Any | None:
        """The value stored under ``key``, or ``None`` when absent or expired."""

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        """Store ``value``; ``ttl`` seconds to live, ``None`` for no expiry."""


class InMemoryCache:
    """A thread-safe LRU of at most ``maxsize`` entries, with optional expiry per entry."""

    def __init__(self, maxsize: int = 4096, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.maxsize = maxsize
        self._clock = clock
        self._data: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: str) -> Any | None:
        with self._lock:
            entry = self._data.get(key)
            if entry is None:
                return None
            expires, value = entry
            if expires <= self._clock():
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return value

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        expires = math.inf if ttl is None else self._clock() + ttl
        with self._lock:
            self._data[key] = (expires, value)
            self._data.move_to_end(key)
            while len(self._data) > self.maxsize:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def discard_prefix(self, prefix: str) -> None:
        """Forget every entry whose key starts with ``prefix``."""
        with self._lock:
            for key in [k for k in self._data if k.startswith(prefix)]:
                del self._data[key]


class NoCache:
    """A cache that keeps nothing (``cache=NoCache()`` turns caching off)."""

    def get(self, key: str) -> Any | None:
        return None

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        return None


#: Returned by `catalogi_ttl_for` for "cache without expiry".
FOREVER = math.inf


def catalogi_ttl_for(body: Any, default_ttl: float) -> float | None:
    """How long a Catalogi API body may be cached: ``inf``, seconds, or ``None`` (not at all).

    A page is as cacheable as its least cacheable item.
    """
    if isinstance(body, dict) and isinstance(body.get("results"), list):
        items: list[Any] = body["results"]
    elif isinstance(body, list):
        items = body
    else:
        items = [body]
    ttl = FOREVER
    for item in items:
        if not isinstance(item, dict):
            return None
        concept = item.get("concept")
        if concept is True:
            return None
        if concept is not False:
            ttl = min(ttl, default_ttl)
    return ttl
