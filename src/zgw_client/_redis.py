"""What the Redis caches of both faces share (no I/O): the optional import, the value
encoding, and how an unreachable Redis degrades to no cache with one warning.

``redis`` (redis-py) is an optional extra (``pip install "zgw-client[redis]"``): nothing
here imports it until a cache is made from a URL or a Redis error has to be recognised.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ._exceptions import ConfigurationError

if TYPE_CHECKING:
    import redis
    import redis.asyncio

    RedisClient = redis.Redis
    AsyncRedisClient = redis.asyncio.Redis

__all__ = ["Outage", "decode", "encode", "redis_errors"]

logger = logging.getLogger("zgw_client.cache")

#: Seconds to wait for Redis before treating it as down: a cache must never slow a page.
DEFAULT_SOCKET_TIMEOUT = 0.5
#: Seconds to leave Redis alone after it failed, before trying again.
DEFAULT_RETRY_AFTER = 30.0


def _missing() -> ConfigurationError:
    return ConfigurationError('The Redis cache needs redis-py: pip install "zgw-client[redis]".')


def _sync_client_from_url(url: str, **options: Any) -> RedisClient:
    try:
        import redis
    except ImportError:  # pragma: no cover - the extra is installed in the test env
        raise _missing() from None
    return redis.Redis.from_url(url, **options)


def _async_client_from_url(url: str, **options: Any) -> AsyncRedisClient:
    try:
        import redis.asyncio
    except ImportError:  # pragma: no cover
        raise _missing() from None
    return redis.asyncio.Redis.from_url(url, **options)


def client_options(socket_timeout: float, options: dict[str, Any]) -> dict[str, Any]:
    """Short timeouts unless the caller chose others: a slow cache is a down cache."""
    merged = {
        "socket_timeout": socket_timeout,
        "socket_connect_timeout": socket_timeout,
        "health_check_interval": 30,
    }
    merged.update(options)
    return merged


def redis_errors() -> tuple[type[BaseException], ...]:
    """What a Redis call raises when Redis is unreachable or misbehaves."""
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover
        return (OSError,)
    return (RedisError, OSError)


def encode(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def decode(raw: bytes | str | None) -> Any | None:
    """A stored value, or ``None`` for an absent or unreadable one (never an error)."""
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None


def ttl_ms(ttl: float | None) -> int | None:
    """Redis ``PX``: at least one millisecond; ``None`` for no expiry."""
    return None if ttl is None else max(1, int(ttl * 1000))


class Outage:
    """Whether Redis is usable, and the one warning when it is not.

    After a failure Redis is left alone for ``retry_after`` seconds (no request waits for
    a timeout meanwhile); then one call tries again. The first failure of an outage is
    logged as a warning, the recovery as info, nothing in between.
    """

    def __init__(
        self, retry_after: float = DEFAULT_RETRY_AFTER, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.retry_after = retry_after
        self._clock = clock
        self._down_since: float | None = None
        self._until = 0.0
        self._lock = threading.Lock()
        #: Calls that failed, for metrics and tests.
        self.failures = 0

    @property
    def down(self) -> bool:
        return self._down_since is not None

    def usable(self) -> bool:
        """False while Redis is being left alone after a failure."""
        return self._down_since is None or self._clock() >= self._until

    def failed(self, error: BaseException, where: str) -> None:
        with self._lock:
            self.failures += 1
            first = self._down_since is None
            now = self._clock()
            if first:
                self._down_since = now
            self._until = now + self.retry_after
        if first:
            logger.warning(
                "Redis cache at %s is unreachable (%s: %s); going on without a cache and "
                "trying again every %.0f s.",
                where,
                type(error).__name__,
                error,
                self.retry_after,
            )

    def succeeded(self, where: str) -> None:
        if self._down_since is None:
            return
        with self._lock:
            self._down_since = None
        logger.info("Redis cache at %s is reachable again; caching resumes.", where)


def describe(client: Any) -> str:
    """Where a Redis client points, without a password."""
    try:
        kwargs = client.connection_pool.connection_kwargs
    except AttributeError:
        return type(client).__name__
    if "path" in kwargs:
        return f"unix:{kwargs['path']}"
    return f"{kwargs.get('host', '?')}:{kwargs.get('port', '?')}/{kwargs.get('db', 0)}"
