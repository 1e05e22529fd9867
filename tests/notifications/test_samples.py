"""What real Open Zaak sent through real Open Notificaties (``samples/``, recorded by
``tests/live/test_notifications.py``; hosts scrubbed), against what the SDK makes of it and
what the in-memory backend publishes for the same writes: the same keys, the same kenmerken
names, the hoofdobject and resource in the same collections."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.notifications.conftest import AUTH, TOKEN
from zgw_client.notifications import Notification, NotificationReceiver, StaticTokenAuthenticator
from zgw_client.testing import InMemoryBackend, client_for, seed_demo

SAMPLES = Path(__file__).parent / "samples"
SAMPLE_FILES = sorted(SAMPLES.glob("*.json"))
#: How Open Zaak writes aanmaakdatum: UTC, milliseconds, "Z".
AANMAAKDATUM = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")


def load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def triple(message: dict[str, Any]) -> tuple[str, str, str]:
    return message["kanaal"], message["resource"], message["actie"]


def collection(url: str) -> str:
    """``/zaken/api/v1/statussen`` of a resource URL: its collection, without host or UUID."""
    return urlsplit(url).path.rsplit("/", 1)[0]


def test_the_samples_are_there_and_scrubbed() -> None:
    assert {triple(load(p)) for p in SAMPLE_FILES} >= {
        ("zaken", "zaak", "create"),
        ("zaken", "status", "create"),
        ("zaken", "zaak", "destroy"),
    }
    for path in SAMPLE_FILES:
        text = path.read_text(encoding="utf-8")
        assert set(re.findall(r"https?://[^/\"]+", text)) == {"http://openzaak.example"}, path
        assert "Token" not in text
        assert "Bearer" not in text


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_the_receiver_takes_a_real_message_whole(path: Path) -> None:
    sample = load(path)
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    got: list[Notification] = []
    receiver.on(name="keep")(got.append)

    answer = receiver.receive(
        "POST", {**AUTH, "Content-Type": "application/json"}, path.read_bytes()
    )

    assert answer.status == 204
    (notification,) = got
    assert triple(sample) == (notification.kanaal, notification.resource, notification.actie)
    assert notification.hoofd_object == sample["hoofdObject"]
    assert notification.resource_url == sample["resourceUrl"]
    assert notification.kenmerken == sample["kenmerken"]
    assert notification.source == sample.get("source")
    assert notification.aanmaakdatum.tzinfo is not None
    assert (
        notification.aanmaakdatum.astimezone(dt.timezone.utc)
        .isoformat(timespec="milliseconds")
        .replace("+00:00", "Z")
        == sample["aanmaakdatum"]
    )
    assert notification.model_extra == {}  # no field of Open Zaak's the model does not know


@pytest.fixture(scope="module")
def published() -> dict[tuple[str, str, str], dict[str, Any]]:
    """The in-memory backend's messages for the writes the live test made, by triple."""
    backend = InMemoryBackend()
    scenario = seed_demo(backend)
    backend.notifier.source = "openzaak"
    zaaktype = scenario.zaaktypen["parkeervergunning"]
    with client_for(backend) as client:
        zaak = client.zaken.zaken.create(
            {
                "bronorganisatie": "000000000",
                "verantwoordelijkeOrganisatie": "000000000",
                "zaaktype": zaaktype,
                "startdatum": "2026-12-07",
                "omschrijving": "samples",
                "vertrouwelijkheidaanduiding": "openbaar",
            }
        )
        (roltype, *_) = client.catalogi.roltypen.list(zaaktype=zaaktype).to_list()
        client.zaken.rollen.create(
            {
                "zaak": zaak.url,
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": roltype.url,
                "roltoelichting": "initiator",
                "betrokkeneIdentificatie": {"inpBsn": "999990111"},
            }
        )
        client.zaken.statussen.create(
            {
                "zaak": zaak.url,
                "statustype": scenario.statustypen["parkeervergunning"][0],
                "datumStatusGezet": "2026-12-07T10:00:00Z",
            }
        )
        client.zaken.zaken.partial_update(zaak, {"omschrijving": "samples (changed)"})
        types = client.catalogi.zaaktypen.get(zaaktype)
        document = client.documenten.enkelvoudiginformatieobjecten.upload(
            b"samples\n",
            metadata={
                "bronorganisatie": "000000000",
                "creatiedatum": "2026-12-07",
                "titel": "samples",
                "auteur": "zgw-client",
                "taal": "nld",
                "informatieobjecttype": types.informatieobjecttypen[0],
                "bestandsnaam": "samples.txt",
                "formaat": "text/plain",
                "vertrouwelijkheidaanduiding": "openbaar",
            },
        )
        link = client.zaken.zaakinformatieobjecten.create(
            {"zaak": zaak.url, "informatieobject": document.url}
        )
        besluit = client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": "000000000",
                "besluittype": types.besluittypen[0],
                "zaak": zaak.url,
                "datum": "2026-12-07",
                "ingangsdatum": "2026-12-07",
            }
        )
        client.besluiten.besluiten.delete(besluit)
        client.zaken.zaakinformatieobjecten.delete(link)
        client.documenten.enkelvoudiginformatieobjecten.delete(document)
        client.zaken.zaken.delete(zaak)
    mine = {zaak.url, document.url, besluit.url}
    return {triple(m): m for m in backend.notifier.sent if m["hoofdObject"] in mine}


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_the_backend_publishes_what_open_zaak_does(
    path: Path, published: dict[tuple[str, str, str], dict[str, Any]]
) -> None:
    sample = load(path)
    ours = published.get(triple(sample))
    assert ours is not None, f"the backend published no {triple(sample)}; it did {list(published)}"
    assert set(ours) == set(sample)
    assert set(ours["kenmerken"]) == set(sample["kenmerken"])
    assert ours["source"] == sample["source"]
    assert collection(ours["hoofdObject"]) == collection(sample["hoofdObject"])
    assert collection(ours["resourceUrl"]) == collection(sample["resourceUrl"])
    assert (ours["hoofdObject"] == ours["resourceUrl"]) == (
        sample["hoofdObject"] == sample["resourceUrl"]
    )
    assert AANMAAKDATUM.match(ours["aanmaakdatum"])
    assert AANMAAKDATUM.match(sample["aanmaakdatum"])
    for name, value in sample["kenmerken"].items():  # URL kenmerken are URLs in both
        assert value.startswith("http") == ours["kenmerken"][name].startswith("http"), name
        assert ours["kenmerken"][name], name  # none empty, also on a destroy


def test_without_a_source_the_backend_sends_none_as_open_zaak_by_default() -> None:
    backend = InMemoryBackend()
    scenario = seed_demo(backend)
    with client_for(backend) as client:
        client.zaken.statussen.create(
            {
                "zaak": scenario.zaken["subsidie"],
                "statustype": scenario.statustypen["subsidie"][2],
                "datumStatusGezet": "2026-12-07T10:00:00Z",
            }
        )
    (message,) = [m for m in backend.notifier.sent if m["resource"] == "status"]
    assert "source" not in message
    assert set(message) == set(load(SAMPLES / "zaken-status-create.json")) - {"source"}


def test_the_backend_sends_no_notification_open_zaak_does_not(
    published: dict[tuple[str, str, str], dict[str, Any]],
) -> None:
    # Open Zaak's ZaakInformatieObjectViewSet notifies on create only (kanalen.ZAKEN).
    assert ("zaken", "zaakinformatieobject", "create") in published
    assert ("zaken", "zaakinformatieobject", "destroy") not in published
