"""Notifications against a real Open Notificaties: subscribe with the SDK, change a zaak in
Open Zaak, and receive what Open Notificaties delivers in a receiver on 127.0.0.1.

Open Notificaties must be able to reach this machine's 127.0.0.1 (it runs beside the
tests). With ``ZGW_LIVE_RECORD_NOTIFICATIONS=<dir>`` the test also writes one received
message per kanaal, resource and actie to that directory, with every URL's origin replaced
by ``http://openzaak.example`` (how ``tests/notifications/samples/`` was recorded).
"""

from __future__ import annotations

import json
import os
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.receiver_server import serve_receiver
from zgw_client import ServerError, ZGWClient
from zgw_client.notifications import (
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
    WebhookResponse,
    kanalen,
)
from zgw_client.notifications.models import Abonnement

from .conftest import Catalogue, Cleanup, document_metadata, now, rol_body, today, zaak_body

pytestmark = pytest.mark.live

NOTIFICATIES_VARS = ("ZGW_NOTIFICATIES_API_ROOT",)
#: Open Notificaties' celery beat delivers every few seconds; a minute is plenty.
TIMEOUT = 60.0
_ORIGIN = re.compile(r"https?://[^/\s\"]+")


@pytest.fixture
def need_notificaties(need_openzaak: None) -> None:
    if os.environ.get("ZGW_LIVE") != "1":
        pytest.skip("live test: set ZGW_LIVE=1 and the ZGW_* variables (tests/live/conftest.py)")
    missing = [name for name in NOTIFICATIES_VARS if not os.environ.get(name)]
    if not (os.environ.get("ZGW_NOTIFICATIES_CLIENT_ID") or os.environ.get("ZGW_CLIENT_ID")):
        missing.append("ZGW_NOTIFICATIES_CLIENT_ID/ZGW_NOTIFICATIES_SECRET")
    if missing:
        pytest.skip(
            f"live test needs notificaties (Open Notificaties): {', '.join(missing)} not set"
        )


class RecordingReceiver(NotificationReceiver):
    """A receiver that also keeps every request's body and its answer."""

    def __init__(self, token: str) -> None:
        super().__init__(auth=StaticTokenAuthenticator(token))
        self.lock = threading.Lock()
        self.requests: list[tuple[bool, int, bytes]] = []  # (had auth, status, body)
        self.notifications: list[Notification] = []

        @self.on(name="tests.live.keep")
        def keep(notification: Notification) -> None:
            with self.lock:
                self.notifications.append(notification)

    def receive(self, method: str, headers: Any, body: bytes) -> WebhookResponse:
        response = super().receive(method, headers, body)
        had_auth = any(str(k).lower() == "authorization" for k in dict(headers))
        with self.lock:
            self.requests.append((had_auth, response.status, body))
        return response

    def wait_for(self, check: Callable[[Notification], bool]) -> Notification:
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            with self.lock:
                found = [n for n in self.notifications if check(n)]
            if found:
                return found[0]
            time.sleep(0.2)
        with self.lock:
            seen = [f"{n.kanaal}/{n.resource}/{n.actie}" for n in self.notifications]
        raise AssertionError(f"no such notification within {TIMEOUT:.0f} s; received: {seen}")


@pytest.fixture
def receiver() -> Iterator[tuple[RecordingReceiver, str, str]]:
    token = f"Token {secrets.token_hex(20)}"
    made = RecordingReceiver(token)
    with serve_receiver(made) as url:
        yield made, f"{url}notificaties/{secrets.token_hex(4)}/", token


def delete_abonnement(client: ZGWClient, abonnement: Abonnement) -> None:
    """Delete it, again when Open Notificaties answers 500: 1.16 does when a delivery to the
    abonnement (of anyone's zaak change) logs its response while the delete runs (the
    foreign key of NotificatieResponse fails at commit)."""
    for attempt in range(5):
        try:
            client.notificaties.abonnementen.delete(abonnement)
            return
        except ServerError:
            if attempt == 4:
                raise
            time.sleep(1 + attempt)


def about(resource: str, actie: str, hoofd_object: str) -> Callable[[Notification], bool]:
    return lambda n: (n.resource, n.actie, n.hoofd_object) == (resource, actie, hoofd_object)


def scrub(text: str) -> str:
    """Every URL's origin replaced: no host of the machine the sample was recorded on."""
    return _ORIGIN.sub("http://openzaak.example", text)


def record_samples(receiver: RecordingReceiver, *hoofd_objects: str) -> None:
    directory = os.environ.get("ZGW_LIVE_RECORD_NOTIFICATIONS")
    if not directory:
        return
    Path(directory).mkdir(parents=True, exist_ok=True)
    for had_auth, status, body in receiver.requests:
        message = json.loads(body)
        if not had_auth or status != 204 or message.get("hoofdObject") not in hoofd_objects:
            continue
        name = f"{message['kanaal']}-{message['resource']}-{message['actie']}.json"
        text = scrub(json.dumps(message, indent=2, sort_keys=True)) + "\n"
        (Path(directory) / name).write_text(text, encoding="utf-8")


def test_a_real_notification_is_received_authenticated_parsed_and_routed(
    need_notificaties: None,
    stack: str,
    client: ZGWClient,
    catalogue: Catalogue,
    cleanup: Cleanup,
    receiver: tuple[RecordingReceiver, str, str],
) -> None:
    got, callback, token = receiver
    routed: list[Notification] = []

    @got.on(kanaal="zaken", resource="status", actie="create", name="tests.live.status")
    def new_status(notification: Notification) -> None:
        routed.append(notification)

    wanted = {"zaken": {"bronorganisatie": catalogue.bronorganisatie}}
    first = client.notificaties.ensure_subscription(callback, wanted, token)
    cleanup.add("abonnement", lambda: delete_abonnement(client, first.abonnement))
    assert first.action == "created"
    assert first.duplicates == ()
    assert isinstance(first.abonnement, Abonnement)
    if stack == "real":  # Open Notificaties checked the callback: 401 without auth, 204 with
        assert [(a, s) for a, s, _ in got.requests] == [(False, 401), (True, 204)]

    again = client.notificaties.ensure_subscription(callback, wanted, token)
    assert again.action == "unchanged"
    assert again.abonnement.url == first.abonnement.url
    assert again.duplicates == ()

    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add(f"zaak {zaak.url}", lambda: client.zaken.zaken.delete(zaak))
    client.zaken.rollen.create(rol_body(catalogue, zaak.url))
    status = client.zaken.statussen.create(
        {"zaak": zaak.url, "statustype": catalogue.statustypen[0], "datumStatusGezet": now()}
    )
    client.zaken.zaken.partial_update(zaak, {"omschrijving": "zgw-client live test (changed)"})

    received = got.wait_for(lambda n: n.resource == "status" and n.hoofd_object == zaak.url)
    assert received.kanaal == "zaken"
    assert received.actie == "create"
    assert received.resource_url == status.url
    assert received.kenmerken["bronorganisatie"] == catalogue.bronorganisatie
    assert received.kenmerken["zaaktype"] == catalogue.zaaktype
    assert set(received.kenmerken) == set(kanalen.ZAKEN.kenmerken)
    assert received.model_extra == {}  # every field Open Zaak sends is one the model knows
    assert [n.resource_url for n in routed if n.hoofd_object == zaak.url] == [status.url]
    for resource, actie in [("zaak", "create"), ("rol", "create"), ("zaak", "partial_update")]:
        got.wait_for(about(resource, actie, zaak.url))

    client.zaken.zaken.delete(zaak)
    got.wait_for(about("zaak", "destroy", zaak.url))
    mine = [(a, s) for a, s, b in got.requests if zaak.url.encode() in b]
    assert mine
    assert all(answer == (True, 204) for answer in mine), mine
    record_samples(got, zaak.url)

    delete_abonnement(client, first.abonnement)
    assert callback not in [a.callback_url for a in client.notificaties.abonnementen.list()]


def test_documenten_and_besluiten_notifications_are_received(
    need_notificaties: None,
    client: ZGWClient,
    catalogue: Catalogue,
    cleanup: Cleanup,
    receiver: tuple[RecordingReceiver, str, str],
) -> None:
    got, callback, token = receiver
    wanted = {
        "zaken": {"bronorganisatie": catalogue.bronorganisatie},
        "documenten": {"bronorganisatie": catalogue.bronorganisatie},
        "besluiten": {},
    }
    subscription = client.notificaties.ensure_subscription(callback, wanted, token)
    cleanup.add("abonnement", lambda: delete_abonnement(client, subscription.abonnement))
    assert subscription.action == "created"

    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add(f"zaak {zaak.url}", lambda: client.zaken.zaken.delete(zaak))
    documenten = client.documenten.enkelvoudiginformatieobjecten
    document = documenten.upload(b"zgw-client live test\n", metadata=document_metadata(catalogue))
    cleanup.add("document", lambda: documenten.delete(document))
    link = client.zaken.zaakinformatieobjecten.create(
        {"zaak": zaak.url, "informatieobject": document.url}
    )
    cleanup.add("zio", lambda: client.zaken.zaakinformatieobjecten.delete(link))
    besluit = client.besluiten.besluiten.create(
        {
            "verantwoordelijkeOrganisatie": catalogue.bronorganisatie,
            "besluittype": catalogue.besluittype,
            "zaak": zaak.url,
            "datum": today(),
            "ingangsdatum": today(),
            "toelichting": "zgw-client live test",
        }
    )
    cleanup.add("besluit", lambda: client.besluiten.besluiten.delete(besluit))

    created = got.wait_for(about("enkelvoudiginformatieobject", "create", document.url))
    assert created.kanaal == "documenten"
    assert created.resource_url == document.url
    assert set(created.kenmerken) == set(kanalen.DOCUMENTEN.kenmerken)
    assert created.kenmerken["informatieobjecttype"] == catalogue.informatieobjecttype
    zio = got.wait_for(about("zaakinformatieobject", "create", zaak.url))
    assert zio.resource_url == link.url
    decided = got.wait_for(about("besluit", "create", besluit.url))
    assert decided.kanaal == "besluiten"
    assert set(decided.kenmerken) == set(kanalen.BESLUITEN.kenmerken)
    assert decided.kenmerken["besluittype"] == catalogue.besluittype

    client.besluiten.besluiten.delete(besluit)
    client.zaken.zaakinformatieobjecten.delete(link)
    documenten.delete(document)
    got.wait_for(about("besluit", "destroy", besluit.url))
    gone = got.wait_for(about("enkelvoudiginformatieobject", "destroy", document.url))
    assert set(gone.kenmerken) == set(kanalen.DOCUMENTEN.kenmerken)
    record_samples(got, zaak.url, str(document.url), str(besluit.url))
