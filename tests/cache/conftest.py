"""Workers of a portal: clients of the current face sharing one Redis (real, or fakeredis)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from tests.zaken.conftest import seed
from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.cache import AsyncRedisCache, RedisCache
from zgw_client.testing import InMemoryBackend, config_for


@pytest.fixture
def redis(redis_server: Any) -> Any:
    redis_server.flush()
    return redis_server


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
def seeded(backend: InMemoryBackend) -> dict[str, Any]:
    return seed(backend)


@pytest.fixture
async def worker(
    face: str, redis: Any, backend: InMemoryBackend
) -> AsyncIterator[Callable[..., Any]]:
    """``worker()`` starts another process of the portal: its own client and connection,
    the shared Redis."""
    made: list[tuple[Any, Any]] = []

    def build(**kwargs: Any) -> Any:
        client: Any
        if face == "sync":
            cache: Any = RedisCache(redis.sync_client())
            client = ZGWClient(
                config_for(backend),
                http_client=httpx.Client(transport=backend.transport()),
                cache=cache,
                **kwargs,
            )
        else:
            cache = AsyncRedisCache(redis.async_client())
            client = AsyncZGWClient(
                config_for(backend),
                http_client=httpx.AsyncClient(transport=backend.async_transport()),
                cache=cache,
                **kwargs,
            )
        made.append((client, cache))
        return client

    yield build
    for client, cache in made:
        if isinstance(client, AsyncZGWClient):
            await client.aclose()
            await cache.redis.aclose()
        else:
            client.close()
            cache.redis.close()


class Spy:
    """The If-None-Match of every request the backend answers, in order."""

    def __init__(self, backend: InMemoryBackend, monkeypatch: pytest.MonkeyPatch) -> None:
        self.sent: list[tuple[str, str, str]] = []
        original = backend.process

        def spy(request: httpx.Request, **kwargs: Any) -> Any:
            self.sent.append(
                (request.method, str(request.url), request.headers.get("If-None-Match", ""))
            )
            return original(request, **kwargs)

        monkeypatch.setattr(backend, "process", spy)

    def clear(self) -> None:
        self.sent.clear()


@pytest.fixture
def spy(backend: InMemoryBackend, monkeypatch: pytest.MonkeyPatch) -> Spy:
    return Spy(backend, monkeypatch)
