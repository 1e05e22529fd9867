# GENERATED from src/zgw_client/_async/redis_cache.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""A cache in Redis, shared by every worker of a portal, for the synchronous client.

Built on redis-py (``redis.asyncio`` for the async face, so a lookup never blocks the
event loop; ``redis.Redis`` for the sync face). Every call
that fails (Redis down, a timeout, a wrong password) is answered as a miss: the client
goes on without a cache, with one warning per outage (see ``zgw_client._redis.Outage``).

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .._redis import (
    DEFAULT_RETRY_AFTER,
    DEFAULT_SOCKET_TIMEOUT,
    Outage,
    _sync_client_from_url,
    client_options,
    decode,
    describe,
    encode,
    redis_errors,
    ttl_ms,
)

if TYPE_CHECKING:
    from .._redis import RedisClient

__all__ = ["RedisCache"]


class RedisCache:
    """An [`ResponseCache`][zgw_client.cache.ResponseCache] in Redis.

    Values are stored as JSON with a TTL (``PX``); a lookup of an entry and its
    generation is one ``MGET``. Use a ``volatile-*`` maxmemory policy (entries expire,
    the few generation keys do not) or give the cache a Redis database of its own.

    Args:
        redis: a redis-py client of this face (``decode_responses`` either way). The
            cache does not close a client it was given.
        prefix: put before every key, to share one Redis database between apps.
        retry_after: seconds to leave Redis alone after a failure.

    Example:
        ```python
        cache = RedisCache.from_url("redis://cache.internal:6379/3")
        with ZGWClient(config, cache=cache) as client:
            ...
        cache.close()
        ```
    """

    def __init__(
        self,
        redis: RedisClient,
        *,
        prefix: str = "",
        retry_after: float = DEFAULT_RETRY_AFTER,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.outage = Outage(retry_after)
        self._where = describe(redis)
        self._errors = redis_errors()
        self._owns = False

    @classmethod
    def from_url(
        cls,
        url: str,
        *,
        prefix: str = "",
        socket_timeout: float = DEFAULT_SOCKET_TIMEOUT,
        retry_after: float = DEFAULT_RETRY_AFTER,
        **options: Any,
    ) -> RedisCache:
        """A cache on the Redis at ``url`` (``redis://host:port/db``, ``rediss://``,
        ``unix://``), with short timeouts: a slow cache must not slow a page down.

        ``options`` go to redis-py's ``from_url``. ``close`` closes the connections made
        here.
        """
        client = _sync_client_from_url(url, **client_options(socket_timeout, options))
        cache = cls(client, prefix=prefix, retry_after=retry_after)
        cache._owns = True
        return cache

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._where!r}, prefix={self.prefix!r})"

    def get(self, key: str) -> Any | None:
        """The value under ``key``; ``None`` when absent, unreadable or Redis is down."""
        return (self.get_many([key]))[0]

    def get_many(self, keys: Sequence[str]) -> list[Any | None]:
        """The values under ``keys`` in one round trip (``MGET``)."""
        if not keys or not self.outage.usable():
            return [None] * len(keys)
        try:
            raw = self.redis.mget([self.prefix + key for key in keys])
        except self._errors as error:
            self.outage.failed(error, self._where)
            return [None] * len(keys)
        self.outage.succeeded(self._where)
        return [decode(value) for value in raw]

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        """Store ``value`` for ``ttl`` seconds (``None``: no expiry); nothing when down."""
        if not self.outage.usable():
            return
        try:
            self.redis.set(self.prefix + key, encode(value), px=ttl_ms(ttl))
        except self._errors as error:
            self.outage.failed(error, self._where)
            return
        self.outage.succeeded(self._where)

    def close(self) -> None:
        """Close the connections of a cache made by ``from_url``."""
        if self._owns:
            self.redis.close()
