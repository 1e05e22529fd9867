"""Caching rules (no I/O): what is kept, under which key, for how long, and when it is stale.

Two things are worth keeping between requests, in one entry per URL:

* **Bodies served without asking.** A zaaktype with ``concept: false`` never changes (a
  change makes a new version), so it is served from the cache for ``CachePolicy.published``
  seconds. Catalogi resources that carry no ``concept`` flag themselves (statustypen,
  resultaattypen, roltypen, ...) belong to a zaaktype that may still be a concept, so they
  are served for the kind's ``fresh`` TTL (``catalogi``: 300 s). Concepts are never cached.
* **ETags.** Open Zaak sends an ETag on single-resource GETs (checked on Open Zaak 1.30:
  zaken, statussen, rollen, catalogi details, enkelvoudiginformatieobjecten, besluiten;
  never on lists, ``_zoek`` or writes). Asking again with ``If-None-Match`` costs the
  server little and answers 304 when nothing changed, and the cached body is reused. Two
  limits, both seen on Open Zaak 1.30: the ETag does not depend on ``?expand=`` (a 304
  would hide changed embedded resources, so expanded GETs are never revalidated), and it
  is not always recomputed right after a write, also not of a related resource (a new
  status changes the zaak). So a write through the client makes every entry of that API
  stale, in every process that shares the cache (see *generations* below).

Keys and values are built to be shared between processes (Redis, Django's cache):

* A key is ``zgw:<format>:<kind>:<api root>|<path>[?<hash of the query>]``: namespaced per
  API root and kind, readable up to the query (which is hashed, so no search value ever
  lands in a key).
* A value is a JSON object ``{"f": <format>, "body", "etag", "fresh", "gen"}``. The cache
  keeps the server's JSON, not SDK models, so only this envelope has a shape of ours;
  ``CACHE_FORMAT`` is in the key *and* the value, so a release that changes the envelope
  bumps it and never reads an old one.
* *Generations*: each namespace has a generation key holding a random token; an entry
  records the token it was read under. A write through the client sets a new token, which
  makes every older entry of that API stale at once, in every worker, in O(1).
"""

from __future__ import annotations

import hashlib
import inspect
import math
import re
import secrets
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ._exceptions import ConfigurationError

__all__ = [
    "CACHE_FORMAT",
    "CacheEntry",
    "CachePlan",
    "CachePolicy",
    "InMemoryCache",
    "NoCache",
    "catalogi_ttl_for",
]

#: The version of the stored envelope; bump it when :class:`CacheEntry`'s shape changes.
CACHE_FORMAT = 1
#: Kinds whose servers send ETags (Open Zaak's APIs); other kinds are never revalidated,
#: so their GETs cost no cache round trip.
ETAG_KINDS = frozenset({"zaken", "catalogi", "documenten", "besluiten"})

_UUID_AT_END = re.compile(
    r"/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/?$"
)

#: Returned by :func:`catalogi_ttl_for` for "as long as published resources are kept".
FOREVER = math.inf


class InMemoryCache:
    """A thread-safe LRU of at most ``maxsize`` entries, with optional expiry per entry.

    The default store: per process, no serialisation (values are kept as given). Hand-
    written rather than ``cachetools.TLRUCache``: that would still need the lock, the
    ``get_many`` and the prefix discard around it, and the SDK would gain a dependency for
    the thirty lines it replaces (see the caching guide).
    """

    def __init__(self, maxsize: int = 4096, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.maxsize = maxsize
        self._clock = clock
        self._data: OrderedDict[str, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def _get(self, key: str, now: float) -> Any | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        expires, value = entry
        if expires <= now:
            del self._data[key]
            return None
        self._data.move_to_end(key)
        return value

    def get(self, key: str) -> Any | None:
        """The value under ``key``, or ``None`` when absent or expired."""
        with self._lock:
            return self._get(key, self._clock())

    def get_many(self, keys: Sequence[str]) -> list[Any | None]:
        """The values under ``keys``, in order (``None`` for each one absent)."""
        with self._lock:
            now = self._clock()
            return [self._get(key, now) for key in keys]

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        """Store ``value`` for ``ttl`` seconds (``None``: until evicted)."""
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
    """A cache that keeps nothing: ``cache=NoCache()`` turns caching and ETags off."""

    def get(self, key: str) -> Any | None:
        return None

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        return None


def catalogi_ttl_for(body: Any, default_ttl: float) -> float | None:
    """How long a Catalogi API body may be served: ``inf`` (published), seconds, or
    ``None`` (not at all: a concept).

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


def _positive(value: float | None, name: str) -> None:
    if value is not None and not value > 0:
        raise ConfigurationError(f"CachePolicy.{name} must be a positive number of seconds.")


@dataclass(frozen=True)
class CachePolicy:
    """How long cached bodies live, per resource kind.

    Args:
        fresh: seconds a body is served *without a request*, by API kind (``"catalogi"``)
            or by kind and collection (``"catalogi/zaaktypen"``, which wins over the
            kind). Catalogi bodies follow their ``concept`` flag on top of it. Add a kind
            only for data that may be a little out of date, e.g. ``{"objecttypen": 600}``.
        published: seconds a published catalogi resource (``concept: false``) is served
            without a request; ``None`` keeps it until evicted.
        revalidate: seconds a body with an ETag is kept to be revalidated
            (``If-None-Match``); it is never served without asking.
        etag_kinds: the kinds whose servers send ETags (Open Zaak's APIs). GETs of other
            kinds cost no cache lookup unless they are in ``fresh``.
    """

    fresh: Mapping[str, float] = field(default_factory=lambda: {"catalogi": 300.0})
    published: float | None = 86400.0
    revalidate: float = 86400.0
    etag_kinds: frozenset[str] = ETAG_KINDS

    def __post_init__(self) -> None:
        for name, ttl in self.fresh.items():
            _positive(ttl, f"fresh[{name!r}]")
        _positive(self.published, "published")
        _positive(self.revalidate, "revalidate")
        object.__setattr__(self, "fresh", dict(self.fresh))
        object.__setattr__(self, "etag_kinds", frozenset(self.etag_kinds))

    def fresh_ttl(self, kind: str, relative_path: str) -> float | None:
        """The ``fresh`` TTL for a path below the API root of a service of ``kind``."""
        collection = relative_path.split("/", 1)[0].split("?", 1)[0]
        found = self.fresh.get(f"{kind}/{collection}")
        return found if found is not None else self.fresh.get(kind)

    def keep_for(self, *, fresh: float | None, etag: bool) -> float | None:
        """How long the store keeps an entry: the longest reason to keep it."""
        if fresh is not None and math.isinf(fresh):
            return None
        ttls = [t for t in (fresh, self.revalidate if etag else None) if t is not None]
        return max(ttls) if ttls else None


def namespace(kind: str, api_root: str) -> str:
    """The key prefix of one API root of one kind."""
    return f"zgw:{CACHE_FORMAT}:{kind}:{api_root}"


def generation_key(space: str) -> str:
    """The key holding the current generation token of a namespace."""
    return f"{space}#generation"


#: The generation of a namespace that was never written to. A lost generation key (evicted)
#: falls back to it: keep generation keys from eviction (they have no TTL; use a
#: ``volatile-*`` maxmemory policy), or entries from before the last write count again.
INITIAL_GENERATION = "0"


def new_generation() -> str:
    """A fresh generation token (random, so workers need no counter in common)."""
    return secrets.token_hex(8)


def cache_key(space: str, relative_path: str, query: str) -> str:
    """The key of one URL: readable path, hashed query (no search value in a key)."""
    if not query:
        return f"{space}|{relative_path}"
    digest = hashlib.sha256(query.encode("utf-8")).hexdigest()[:32]
    return f"{space}|{relative_path}?{digest}"


@dataclass(frozen=True)
class CachePlan:
    """What the cache may do for one GET (decided before any I/O)."""

    key: str
    generation_key: str
    kind: str
    #: Seconds the body may be served without a request (``None``: never).
    fresh_ttl: float | None
    #: The body may be revalidated with its ETag.
    revalidate: bool


@dataclass(frozen=True)
class CacheEntry:
    """One stored body with what it takes to serve or revalidate it."""

    body: Any
    etag: str | None
    #: Wall-clock time (``time.time()``) until which the body is served without asking.
    fresh_until: float | None
    generation: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "f": CACHE_FORMAT,
            "body": self.body,
            "etag": self.etag,
            "fresh": self.fresh_until,
            "gen": self.generation,
        }

    @classmethod
    def from_json(cls, value: Any, generation: Any) -> CacheEntry | None:
        """The entry in a stored value, or ``None`` when it is of another format or an
        older generation (stale after a write), or not an entry at all."""
        if not isinstance(value, Mapping) or value.get("f") != CACHE_FORMAT:
            return None
        if value.get("gen") != (generation if isinstance(generation, str) else None):
            return None
        etag, fresh = value.get("etag"), value.get("fresh")
        return cls(
            body=value.get("body"),
            etag=etag if isinstance(etag, str) else None,
            fresh_until=float(fresh) if isinstance(fresh, (int, float)) else None,
            generation=value.get("gen"),
        )

    def is_fresh(self, now: float) -> bool:
        return self.fresh_until is not None and now < self.fresh_until


def plan_for(
    policy: CachePolicy,
    *,
    kind: str,
    api_root: str,
    relative_path: str,
    query: str,
    expanded: bool,
    use_etags: bool,
) -> CachePlan | None:
    """The cache's part in a GET, or ``None`` when it has none (no lookup is made)."""
    fresh = policy.fresh_ttl(kind, relative_path)
    revalidate = (
        use_etags
        and not expanded
        and kind in policy.etag_kinds
        and bool(_UUID_AT_END.search("/" + relative_path))
    )
    if fresh is None and not revalidate:
        return None
    space = namespace(kind, api_root)
    return CachePlan(
        key=cache_key(space, relative_path, query),
        generation_key=generation_key(space),
        kind=kind,
        fresh_ttl=fresh,
        revalidate=revalidate,
    )


def writes_invalidate(policy: CachePolicy, kind: str) -> bool:
    """Whether a write to an API of ``kind`` may leave entries to invalidate."""
    return kind in policy.etag_kinds or any(
        name == kind or name.startswith(kind + "/") for name in policy.fresh
    )


def entry_after_get(
    policy: CachePolicy,
    plan: CachePlan,
    *,
    body: Any,
    etag: str | None,
    generation: str | None,
    now: float,
) -> tuple[CacheEntry, float | None] | None:
    """The entry to store after a GET answered ``body`` (200, or 304 with the known
    body), with the store's TTL; ``None`` when there is nothing to keep."""
    fresh: float | None = plan.fresh_ttl
    if fresh is not None and plan.kind == "catalogi":
        fresh = catalogi_ttl_for(body, fresh)
        if fresh == FOREVER:
            fresh = policy.published if policy.published is not None else FOREVER
    keep_etag = plan.revalidate and bool(etag)
    if fresh is None and not keep_etag:
        return None
    fresh_until = None if fresh is None else now + fresh
    if fresh_until is not None and math.isinf(fresh_until):
        fresh_until = 1e18  # JSON has no infinity; far enough
    entry = CacheEntry(
        body=body, etag=etag if keep_etag else None, fresh_until=fresh_until, generation=generation
    )
    return entry, policy.keep_for(fresh=fresh, etag=keep_etag)


def is_async_cache(cache: Any) -> bool:
    """Whether ``cache``'s methods are coroutines (an ``AsyncResponseCache``)."""
    return inspect.iscoroutinefunction(getattr(cache, "get", None))


def check_face(cache: Any, face: str) -> bool:
    """Check that ``cache`` fits the client face whose protocol is ``face``; return
    whether its calls must be awaited.

    The async face takes both kinds (a sync in-memory store is called directly: it does
    not block); the sync face cannot await an async cache.
    """
    if not callable(getattr(cache, "get", None)) or not callable(getattr(cache, "set", None)):
        raise ConfigurationError(
            f"{type(cache).__name__} is not a cache: it needs get(key) and set(key, value, ttl)."
        )
    awaits = is_async_cache(cache)
    if awaits and face == "ResponseCache":
        raise ConfigurationError(
            f"{type(cache).__name__} is asynchronous; the sync ZGWClient needs a sync cache "
            "(e.g. RedisCache instead of AsyncRedisCache)."
        )
    return awaits
