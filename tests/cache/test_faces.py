"""Each face calls its cache its own way: the async client awaits an async cache (and
does not block its event loop meanwhile); the sync client refuses one."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest

from tests.zaken.conftest import seed
from zgw_client import AsyncZGWClient, ConfigurationError, NoCache, ZGWClient
from zgw_client.cache import InMemoryCache
from zgw_client.testing import InMemoryBackend, config_for


class GatedCache:
    """An async cache whose reads wait until the test opens the gate."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.gate = asyncio.Event()
        self.reads = 0

    async def get(self, key: str) -> Any | None:
        self.reads += 1
        await self.gate.wait()
        return self.data.get(key)

    async def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        self.data[key] = value


async def test_the_async_client_awaits_its_cache_without_blocking_the_loop() -> None:
    backend = InMemoryBackend()
    seeded = seed(backend)
    cache = GatedCache()
    http = httpx.AsyncClient(transport=backend.async_transport())
    async with AsyncZGWClient(config_for(backend), http_client=http, cache=cache) as client:
        fetch = asyncio.create_task(client.catalogi.zaaktypen.get(seeded["zaaktype"]["url"]))
        ticks = 0
        while cache.reads == 0 or ticks < 3:  # the loop runs while the cache read waits
            await asyncio.sleep(0)
            ticks += 1
        assert not fetch.done()
        cache.gate.set()
        zaaktype = await fetch
        assert zaaktype.omschrijving == "Parkeervergunning"
        backend.reset_log()
        await client.catalogi.zaaktypen.get(seeded["zaaktype"]["url"])
        assert backend.request_log == []  # served from the async cache


def test_the_sync_client_refuses_an_async_cache() -> None:
    with pytest.raises(ConfigurationError, match="sync cache"):
        ZGWClient(config_for(InMemoryBackend()), cache=GatedCache())


def test_an_object_without_get_and_set_is_no_cache() -> None:
    with pytest.raises(ConfigurationError, match="is not a cache"):
        ZGWClient(config_for(InMemoryBackend()), cache=object())


async def test_the_async_client_takes_a_sync_in_memory_cache() -> None:
    backend = InMemoryBackend()
    seeded = seed(backend)
    cache = InMemoryCache()
    http = httpx.AsyncClient(transport=backend.async_transport())
    async with AsyncZGWClient(config_for(backend), http_client=http, cache=cache) as client:
        await client.catalogi.zaaktypen.get(seeded["zaaktype"]["url"])
        assert len(cache) == 1  # the entry (no write yet: the initial generation)


def test_no_cache_keeps_nothing_and_sends_no_etag(monkeypatch: pytest.MonkeyPatch) -> None:
    backend = InMemoryBackend()
    seeded = seed(backend)
    sent: list[str] = []
    original = backend.process

    def spy(request: httpx.Request, **kwargs: Any) -> Any:
        sent.append(request.headers.get("If-None-Match", ""))
        return original(request, **kwargs)

    monkeypatch.setattr(backend, "process", spy)
    http = httpx.Client(transport=backend.transport())
    with ZGWClient(config_for(backend), http_client=http, cache=NoCache()) as client:
        for _ in range(2):
            client.catalogi.zaaktypen.get(seeded["zaaktype"]["url"])
            client.zaken.zaken.get(seeded["zaken"][0]["url"])
    assert sent == ["", "", "", ""]
