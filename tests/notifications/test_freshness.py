"""The built-in handlers: Catalogi invalidated across workers sharing a cache, a citizen's
cached overview invalidated by zaken/documenten/besluiten/objecten notifications, and
citizen-facing updates recorded ("Recente berichten"). Notifications are delivered by hand
here; tests/notifications/test_backend_loop.py lets the backend publish them."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.notifications.conftest import AUTH, TOKEN
from zgw_client import AsyncZGWClient, ConfigurationError, InMemoryCache, ZGWClient
from zgw_client.mijnzaken import AsyncMijnZaken, AsyncOverviewCache, MijnZaken, OverviewCache
from zgw_client.notifications import NotificationReceiver, StaticTokenAuthenticator
from zgw_client.notifications.handlers import (
    AsyncRecentUpdates,
    RecentUpdates,
    invalidate_catalogi,
    invalidate_overviews,
    recent_updates,
    record_updates,
)
from zgw_client.testing import DEMO_BSN, DEMO_BSN_OTHER, InMemoryBackend, config_for, seed_demo
from zgw_client.testing.demo import DemoScenario

SECRET = "a-key-for-the-hmac-of-bsns"
NOW = "2026-11-30T09:12:03Z"


@pytest.fixture
def demo(backend: InMemoryBackend) -> DemoScenario:
    return seed_demo(backend)


def make_client(face: str, backend: InMemoryBackend, cache: Any = None) -> Any:
    config = config_for(backend)
    if face == "sync":
        return ZGWClient(
            config, http_client=httpx.Client(transport=backend.transport()), cache=cache
        )
    http = httpx.AsyncClient(transport=backend.async_transport())
    return AsyncZGWClient(config, http_client=http, cache=cache)


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    made = make_client(face, backend)
    yield made
    await resolve(made.aclose() if face == "async" else made.close())


def receiver_with(*routers: Any) -> NotificationReceiver:
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    for router in routers:
        receiver.router.include(router)
    return receiver


async def deliver(face: str, receiver: NotificationReceiver, **message: Any) -> None:
    body = json.dumps({"aanmaakdatum": NOW, "kenmerken": {}, "actie": "create", **message})
    if face == "sync":
        answer = receiver.receive("POST", AUTH, body.encode())
    else:
        answer = await receiver.receive_async("POST", AUTH, body.encode())
    assert answer.status == 204, answer.body


def overview_cache(face: str) -> Any:
    cache_class = OverviewCache if face == "sync" else AsyncOverviewCache
    return cache_class(InMemoryCache(), key_secret=SECRET)


def recent_store(face: str) -> Any:
    store_class = RecentUpdates if face == "sync" else AsyncRecentUpdates
    return store_class(InMemoryCache(), key_secret=SECRET)


def composer(face: str, client: Any, cache: Any) -> Any:
    return (MijnZaken if face == "sync" else AsyncMijnZaken)(client, overview_cache=cache)


async def test_catalogi_are_invalidated_in_every_worker_that_shares_the_cache(
    face: str, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    shared = InMemoryCache()  # what Redis is to several workers
    worker_a, worker_b = make_client(face, backend, shared), make_client(face, backend, shared)
    zaaktype = demo.zaaktypen["subsidie"]
    first = await resolve(worker_b.catalogi.zaaktypen.get(zaaktype))
    stored = backend.get(zaaktype)
    assert stored is not None
    stored["omschrijving"] = "Subsidie geluidsisolatie (nieuw)"
    backend._changed()
    cached = await resolve(worker_b.catalogi.zaaktypen.get(zaaktype))
    assert cached.omschrijving == first.omschrijving  # served from the shared cache
    receiver = receiver_with(invalidate_catalogi(worker_a))
    await deliver(
        face,
        receiver,
        kanaal="zaaktypen",
        resource="zaaktype",
        actie="update",
        hoofdObject=zaaktype,
        resourceUrl=zaaktype,
        kenmerken={"catalogus": demo.catalogus},
    )
    fresh = await resolve(worker_b.catalogi.zaaktypen.get(zaaktype))
    assert fresh.omschrijving == "Subsidie geluidsisolatie (nieuw)"


async def test_a_zaken_notification_invalidates_the_citizens_overview(
    face: str, client: Any, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    cache = overview_cache(face)
    mijn = composer(face, client, cache)
    before = await resolve(mijn.overview(bsn=DEMO_BSN))
    backend.reset_log()
    assert await resolve(mijn.overview(bsn=DEMO_BSN)) == before
    assert backend.request_log == []  # from the cache
    zaak, statustypen = demo.zaken["subsidie"], demo.statustypen["subsidie"]
    status = backend.add(
        "zaken",
        "statussen",
        {"zaak": zaak, "statustype": statustypen[2], "datumStatusGezet": NOW},
    )
    assert await resolve(mijn.overview(bsn=DEMO_BSN)) == before  # no notification yet
    other = composer(face, client, cache)
    other_before = await resolve(other.overview(bsn=DEMO_BSN_OTHER))
    receiver = receiver_with(invalidate_overviews(client, cache))
    await deliver(
        face,
        receiver,
        kanaal="zaken",
        resource="status",
        hoofdObject=zaak,
        resourceUrl=status["url"],
    )
    after = await resolve(mijn.overview(bsn=DEMO_BSN))
    assert after != before
    (subsidie,) = [z for z in after.lopende_zaken if z.url == zaak]
    assert subsidie.status is not None
    backend.reset_log()
    assert await resolve(other.overview(bsn=DEMO_BSN_OTHER)) == other_before
    assert backend.request_log == []  # the other citizen's overview stayed cached


@pytest.mark.parametrize("kanaal", ["documenten", "besluiten", "objecten"])
async def test_documenten_besluiten_and_taken_resolve_to_their_citizen(
    face: str, client: Any, backend: InMemoryBackend, demo: DemoScenario, kanaal: str
) -> None:
    cache = overview_cache(face)
    mijn = composer(face, client, cache)
    await resolve(mijn.overview(bsn=DEMO_BSN))
    url = {
        "documenten": next(iter(demo.documenten.values())),
        "besluiten": next(iter(demo.besluiten.values())),
        "objecten": demo.taken["subsidie"],
    }[kanaal]
    receiver = receiver_with(invalidate_overviews(client, cache))
    await deliver(
        face,
        receiver,
        kanaal=kanaal,
        resource="x",
        actie="update",
        hoofdObject=url,
        resourceUrl=url,
    )
    backend.reset_log()
    await resolve(mijn.overview(bsn=DEMO_BSN))
    assert backend.request_log != []  # composed again: the cached one was invalidated


async def test_a_notification_about_a_resource_that_is_gone_invalidates_nothing(
    face: str, client: Any, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    cache = overview_cache(face)
    mijn = composer(face, client, cache)
    await resolve(mijn.overview(bsn=DEMO_BSN))
    gone = backend.api_roots["besluiten"] + "besluiten/00000000-0000-4000-8000-000000000000"
    receiver = receiver_with(invalidate_overviews(client, cache))
    await deliver(
        face,
        receiver,
        kanaal="besluiten",
        resource="besluit",
        actie="destroy",
        hoofdObject=gone,
        resourceUrl=gone,
    )
    backend.reset_log()
    await resolve(mijn.overview(bsn=DEMO_BSN))
    assert backend.request_log == []


async def test_updates_are_recorded_for_the_zaak_s_citizen_only(
    face: str, client: Any, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    store = recent_store(face)
    receiver = receiver_with(record_updates(client, store))
    zaak, statustypen = demo.zaken["subsidie"], demo.statustypen["subsidie"]
    status = backend.add(
        "zaken",
        "statussen",
        {"zaak": zaak, "statustype": statustypen[2], "datumStatusGezet": NOW},
    )
    message = {
        "kanaal": "zaken",
        "resource": "status",
        "hoofdObject": zaak,
        "resourceUrl": status["url"],
    }
    await deliver(face, receiver, **message)
    await deliver(face, receiver, **message)  # a redelivery adds nothing
    await deliver(
        face,
        receiver,
        kanaal="objecten",
        resource="object",
        hoofdObject=demo.taken["subsidie"],
        resourceUrl=demo.taken["subsidie"],
        aanmaakdatum="2026-11-30T10:00:00Z",
    )
    updates = await resolve(recent_updates(store, DEMO_BSN))
    assert [u.kind for u in updates] == ["taak", "status"]  # newest first
    taak, nieuw = updates
    assert taak.titel.startswith("Nieuwe taak: ")
    assert nieuw.titel.startswith("Nieuwe status: ")
    assert nieuw.zaak == zaak
    assert nieuw.zaak_identificatie
    later = dt.datetime(2026, 11, 30, 9, 30, tzinfo=dt.timezone.utc)
    assert [u.kind for u in await resolve(store.since(DEMO_BSN, later))] == ["taak"]
    assert await resolve(recent_updates(store, DEMO_BSN_OTHER)) == []
    assert DEMO_BSN not in repr(store)


async def test_the_stores_need_a_secret_and_the_client_s_face(face: str, client: Any) -> None:
    with pytest.raises(ConfigurationError, match="secret"):
        OverviewCache(InMemoryCache(), key_secret="")
    other_face = recent_store("async" if face == "sync" else "sync")
    with pytest.raises(ConfigurationError, match="other face"):
        record_updates(client, other_face)
