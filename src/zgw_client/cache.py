"""Caching: the stores a client keeps bodies and ETags in, and how long they live.

``ZGWClient(config, cache=...)`` takes a [`ResponseCache`][zgw_client.cache.ResponseCache],
``AsyncZGWClient`` an [`AsyncResponseCache`][zgw_client.cache.AsyncResponseCache] (or a sync
in-memory one). The default is a per-client [`InMemoryCache`][zgw_client.cache.InMemoryCache];
a portal with several workers shares [`RedisCache`][zgw_client.cache.RedisCache] /
[`AsyncRedisCache`][zgw_client.cache.AsyncRedisCache] (extra ``redis``) or Django's cache
(``zgw_client.django.DjangoCache``). What is cached for how long is a
[`CachePolicy`][zgw_client.cache.CachePolicy]; see the caching guide for the rules.

Importing this module does not import redis-py: that happens when a Redis cache is made
from a URL.
"""

from ._async.cache import AsyncResponseCache
from ._async.redis_cache import AsyncRedisCache
from ._cache import CACHE_FORMAT, CachePolicy, InMemoryCache, NoCache, catalogi_ttl_for
from ._sync.cache import ResponseCache
from ._sync.redis_cache import RedisCache

__all__ = [
    "CACHE_FORMAT",
    "AsyncRedisCache",
    "AsyncResponseCache",
    "CachePolicy",
    "InMemoryCache",
    "NoCache",
    "RedisCache",
    "ResponseCache",
    "catalogi_ttl_for",
]
