"""The whole loop without servers, both faces: subscribe, write a status, the backend
publishes and delivers the notification, the handlers invalidate the overview and record
the update; also over HTTP when the backend is served, and the message shapes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.notifications.conftest import TOKEN
from tests.notifications.test_freshness import composer, overview_cache, recent_store
from tests.support.receiver_server import recording, serve_receiver
from zgw_client import BadRequestError, ZGWClient
from zgw_client.notifications import (
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
    kanalen,
)
from zgw_client.notifications.handlers import invalidate_overviews, record_updates
from zgw_client.testing import DEMO_BSN, InMemoryBackend, config_for, seed_demo

CALLBACK = "https://portal.test/notificaties/"
KANALEN: dict[str, dict[str, str]] = {
    "zaken": {},
    "documenten": {},
    "besluiten": {},
    "objecten": {},
}


async def test_a_status_write_reaches_the_overview_and_recent_updates(
    face: str, client: Any, backend: InMemoryBackend
) -> None:
    demo = seed_demo(backend)
    cache, store = overview_cache(face), recent_store(face)
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    receiver.router.include(invalidate_overviews(client, cache))
    receiver.router.include(record_updates(client, store))
    received = recording(receiver)
    backend.notifier.connect(CALLBACK, receiver)
    backend.notifier.check_callbacks = True
    result = await resolve(client.notificaties.ensure_subscription(CALLBACK, KANALEN, TOKEN))
    assert result.action == "created"

    mijn = composer(face, client, cache)
    before = await resolve(mijn.overview(bsn=DEMO_BSN))
    zaak, statustypen = demo.zaken["subsidie"], demo.statustypen["subsidie"]
    status = await resolve(
        client.zaken.statussen.create(
            {"zaak": zaak, "statustype": statustypen[2], "datumStatusGezet": "2026-11-30T09:00:00Z"}
        )
    )
    (notification,) = [n for n in received if n.resource == "status"]
    assert notification.hoofd_object == zaak
    assert notification.resource_url == status.url
    assert set(notification.kenmerken) == set(kanalen.ZAKEN.kenmerken)
    after = await resolve(mijn.overview(bsn=DEMO_BSN))
    assert after != before  # the cached overview was invalidated and composed anew
    (subsidie,) = [z for z in after.lopende_zaken if z.url == zaak]
    (old,) = [z for z in before.lopende_zaken if z.url == zaak]
    assert subsidie.status != old.status
    updates = await resolve(store.since(DEMO_BSN, dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)))
    assert [u.kind for u in updates] == ["status"]
    assert backend.notifier.deliveries[-1] == (CALLBACK, 204)


async def test_filters_decide_who_gets_a_message(client: Any, backend: InMemoryBackend) -> None:
    demo = seed_demo(backend)
    got: dict[str, list[bytes]] = {"mine": [], "other": []}

    def keeper(name: str) -> Any:
        def keep(headers: Any, body: bytes) -> int:
            got[name].append(body)
            return 204

        return keep

    backend.notifier.connect("https://a.test/", keeper("mine"))
    backend.notifier.connect("https://b.test/", keeper("other"))
    notificaties = client.notificaties
    await resolve(
        notificaties.ensure_subscription(
            "https://a.test/", {"zaken": {"bronorganisatie": "*"}}, TOKEN
        )
    )
    await resolve(
        notificaties.ensure_subscription(
            "https://b.test/", {"zaken": {"bronorganisatie": "123456782"}}, TOKEN
        )
    )
    await resolve(
        client.zaken.statussen.create(
            {
                "zaak": demo.zaken["subsidie"],
                "statustype": demo.statustypen["subsidie"][2],
                "datumStatusGezet": "2026-11-30T09:00:00Z",
            }
        )
    )
    assert len(got["mine"]) == 1
    assert got["other"] == []


def test_an_objecten_write_publishes_on_objecten_with_its_object_type() -> None:
    backend = InMemoryBackend()
    demo = seed_demo(backend)
    http = httpx.Client(transport=backend.transport())
    with ZGWClient(config_for(backend), http_client=http) as client:
        taak = client.objecten.objects.get(demo.taken["subsidie"])
        record = taak.record
        client.objecten.objects.partial_update(
            taak.url or "",
            {
                "record": {
                    "typeVersion": record.type_version,
                    "data": record.data,
                    "startAt": "2026-01-01",
                }
            },
        )
    (message,) = [m for m in backend.notifier.sent if m["kanaal"] == "objecten"]
    assert message["resource"] == "object"
    assert message["actie"] == "partial_update"
    assert message["kenmerken"] == {"objectType": demo.taak_objecttype}
    assert Notification.model_validate(message).hoofd_object == demo.taken["subsidie"]


def test_over_http_the_served_backend_posts_to_the_callback() -> None:
    backend = InMemoryBackend()
    demo = seed_demo(backend)
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    received = recording(receiver)
    with serve_receiver(receiver) as callback, backend.serve() as served:
        backend.notifier.check_callbacks = True
        with ZGWClient(config_for(backend, base_url=served.url)) as client:
            with pytest.raises(BadRequestError) as refused:
                client.notificaties.abonnementen.create(
                    {
                        "callbackUrl": "http://127.0.0.1:9/",
                        "auth": TOKEN,
                        "kanalen": [{"naam": "zaken"}],
                    }
                )
            assert refused.value.invalid_params[0].code == "invalid-callback-url"
            client.notificaties.ensure_subscription(callback, {"zaken": {}}, TOKEN)
            zaak = demo.zaken["subsidie"].replace(backend.base_url, served.url)
            client.zaken.statussen.create(
                {
                    "zaak": zaak,
                    "statustype": demo.statustypen["subsidie"][2].replace(
                        backend.base_url, served.url
                    ),
                    "datumStatusGezet": "2026-11-30T09:00:00Z",
                }
            )
    (notification,) = received
    assert notification.hoofd_object == zaak  # the URL as the client knows it
    assert backend.notifier.deliveries[-1] == (callback, 204)
