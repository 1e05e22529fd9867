"""MijnZaken (the citizen overview) composed from the real registers."""

from __future__ import annotations

import asyncio
import datetime as dt
import importlib.util
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import pytest

from zgw_client import AccessDeniedError, AsyncZGWClient, ZGWClient
from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken, Overview, Policy
from zgw_client.zaken.models import Zaak

from .conftest import (
    OTHER_TEST_BSN,
    TEST_BSN,
    Catalogue,
    Cleanup,
    document_metadata,
    now,
    rol_body,
    taak_data,
    taak_objecttype,
    today,
    zaak_body,
)
from .test_klantinteracties import partij_body

pytestmark = [
    pytest.mark.live,
    pytest.mark.usefixtures("need_klantinteracties", "need_objecten"),
]

FIXED_TODAY = dt.date(2030, 12, 1)


@dataclass
class Scene:
    lopend: Zaak
    afgerond: Zaak
    foreign: Zaak
    taak_url: str
    document_url: str
    besluit_url: str


@pytest.fixture
def scene(client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup) -> Scene:
    """Two zaken of the test BSN (one running, one closed) and one of another BSN."""
    zaken = client.zaken
    documenten = client.documenten.enkelvoudiginformatieobjecten

    def zaak_for(bsn: str, omschrijving: str) -> Zaak:
        zaak = zaken.zaken.create(zaak_body(catalogue, omschrijving=omschrijving))
        cleanup.add("zaak", lambda: zaken.zaken.delete(zaak))
        zaken.rollen.create(rol_body(catalogue, str(zaak.url), bsn))
        return zaak

    lopend = zaak_for(TEST_BSN, "MijnZaken live: lopend")
    zaken.statussen.create(
        {"zaak": lopend.url, "statustype": catalogue.statustypen[0], "datumStatusGezet": now()}
    )
    zaken.statussen.create(
        {"zaak": lopend.url, "statustype": catalogue.statustypen[1], "datumStatusGezet": now()}
    )
    document = documenten.upload(b"ontvangstbevestiging", metadata=document_metadata(catalogue))
    cleanup.add("document", lambda: documenten.delete(document))
    link = zaken.zaakinformatieobjecten.create(
        {"zaak": lopend.url, "informatieobject": document.url}
    )
    cleanup.add("zio", lambda: zaken.zaakinformatieobjecten.delete(link))
    besluit = client.besluiten.besluiten.create(
        {
            "verantwoordelijkeOrganisatie": catalogue.bronorganisatie,
            "besluittype": catalogue.besluittype,
            "zaak": lopend.url,
            "datum": today(),
            "ingangsdatum": today(),
        }
    )
    cleanup.add("besluit", lambda: client.besluiten.besluiten.delete(besluit))
    taak = client.objecten.objects.create(
        {
            "type": taak_objecttype(),
            "record": {
                "typeVersion": 1,
                "startAt": today(),
                "data": taak_data(zaak_uuid=str(lopend.uuid)),
            },
        }
    )
    cleanup.add("taak", lambda: client.objecten.objects.delete(taak))

    afgerond = zaak_for(TEST_BSN, "MijnZaken live: afgerond")
    resultaat = zaken.resultaten.create(
        {"zaak": afgerond.url, "resultaattype": catalogue.resultaattype}
    )
    cleanup.add("resultaat", lambda: zaken.resultaten.delete(resultaat))
    zaken.statussen.create(
        {"zaak": afgerond.url, "statustype": catalogue.statustypen[-1], "datumStatusGezet": now()}
    )
    foreign = zaak_for(OTHER_TEST_BSN, "MijnZaken live: van een ander")
    return Scene(lopend, afgerond, foreign, str(taak.url), str(document.url), str(besluit.url))


def check_overview(overview: Overview, scene: Scene) -> None:
    assert overview.missing == [], overview.missing
    assert overview.subject.masked == "*****0111"
    lopend = {z.url: z for z in overview.lopende_zaken}
    afgerond = {z.url: z for z in overview.afgeronde_zaken}
    assert scene.lopend.url in lopend
    assert scene.afgerond.url in afgerond
    assert scene.foreign.url not in lopend
    assert scene.foreign.url not in afgerond
    summary = lopend[scene.lopend.url]
    assert summary.zaaktype  # the zaaktype's name
    assert summary.status  # the current status' text
    assert summary.open_taken == 1
    assert summary.afgerond is False
    closed = afgerond[scene.afgerond.url]
    assert closed.afgerond is True
    assert closed.einddatum is not None
    assert closed.resultaat  # the resultaattype's omschrijving
    taken = [t for t in overview.taken if t.url == scene.taak_url]
    assert len(taken) == 1
    assert taken[0].zaak_identificatie == scene.lopend.identificatie
    assert taken[0].action_url == "https://example.org/formulier"
    assert taken[0].days_left == 30  # 2030-12-31 from the fixed "today" 2030-12-01


def test_overview(client: ZGWClient, scene: Scene) -> None:
    overview = MijnZaken(client, today=lambda: FIXED_TODAY).overview(bsn=TEST_BSN)
    check_overview(overview, scene)
    assert overview.details is None


def test_overview_with_details(client: ZGWClient, scene: Scene) -> None:
    overview = MijnZaken(client, today=lambda: FIXED_TODAY).overview(bsn=TEST_BSN, details=True)
    check_overview(overview, scene)
    assert overview.details is not None
    detail = next(d for d in overview.details if d.zaak.url == scene.lopend.url)
    assert [d.url for d in detail.documenten] == [scene.document_url]
    assert [b.url for b in detail.besluiten] == [scene.besluit_url]


def test_zaak_detail_and_access(client: ZGWClient, scene: Scene) -> None:
    policy = Policy(hide_uninformed_steps=False)  # the seeded statustypen say informeren=false
    mijnzaken = MijnZaken(client, policy, today=lambda: FIXED_TODAY)
    detail = mijnzaken.zaak_detail(str(scene.lopend.url), bsn=TEST_BSN)
    assert detail.missing == [], detail.missing
    states = [s.state for s in detail.steps]
    assert states[:2] == ["done", "current"]
    assert all(state == "upcoming" for state in states[2:])
    assert detail.zaak.progress is not None
    assert detail.zaak.progress.current == 2
    assert [d.url for d in detail.documenten] == [scene.document_url]
    assert detail.documenten[0].type  # the informatieobjecttype's omschrijving
    assert [b.url for b in detail.besluiten] == [scene.besluit_url]
    assert detail.besluiten[0].besluittype
    assert [t.url for t in detail.taken] == [scene.taak_url]
    with pytest.raises(AccessDeniedError):
        mijnzaken.zaak_detail(str(scene.foreign.url), bsn=TEST_BSN)
    with pytest.raises(AccessDeniedError):
        mijnzaken.zaak_detail(str(scene.lopend.url), bsn=OTHER_TEST_BSN)


def test_stel_een_vraag(client: ZGWClient, scene: Scene, cleanup: Cleanup) -> None:
    ki = client.klantinteracties
    existing = ki.partij_for_bsn(TEST_BSN)
    if existing is not None:
        ki.partijen.delete(existing)
    partij = ki.partijen.create(partij_body(TEST_BSN))
    cleanup.add("partij", lambda: ki.partijen.delete(partij))

    def remove_contacts() -> None:
        for contact in ki.klantcontacten_about_zaak(scene.lopend, expand=None).to_list():
            for onderwerp in contact.ging_over_onderwerpobjecten:
                ki.onderwerpobjecten.delete(str(onderwerp.url))
            for betrokkene in contact.had_betrokkenen:
                ki.betrokkenen.delete(str(betrokkene.url))
            ki.klantcontacten.delete(contact)

    cleanup.add("klantcontacten", remove_contacts)
    mijnzaken = MijnZaken(client, today=lambda: dt.date(2030, 12, 6))  # a Friday
    confirmation = mijnzaken.stel_een_vraag(
        str(scene.lopend.url), "Wanneer hoor ik iets?", bsn=TEST_BSN
    )
    assert confirmation.zaak_identificatie == scene.lopend.identificatie
    assert confirmation.answer_expected_by == dt.date(2030, 12, 13)  # 5 working days
    contact = ki.klantcontacten.get(confirmation.klantcontact_url, expand=["hadBetrokkenen"])
    assert contact.inhoud == "Wanneer hoor ik iets?"
    assert contact.expand is not None
    assert contact.expand.had_betrokkenen
    was_partij = contact.expand.had_betrokkenen[0].was_partij
    assert was_partij is not None
    assert was_partij.uuid == partij.uuid

    detail = mijnzaken.zaak_detail(str(scene.lopend.url), bsn=TEST_BSN)
    assert [c.url for c in detail.contactmomenten] == [confirmation.klantcontact_url]
    assert detail.contactmomenten[0].direction == "inkomend"
    assert any(entry.kind == "contact" for entry in detail.timeline)
    with pytest.raises(AccessDeniedError):
        mijnzaken.stel_een_vraag(str(scene.foreign.url), "Mag ik dit zien?", bsn=TEST_BSN)


@pytest.mark.asyncio
async def test_async_overview(async_client: AsyncZGWClient, scene: Scene) -> None:
    overview = await AsyncMijnZaken(async_client, today=lambda: FIXED_TODAY).overview(bsn=TEST_BSN)
    check_overview(overview, scene)


def test_access_is_revoked_when_the_rol_is_deleted(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup
) -> None:
    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add("zaak", lambda: client.zaken.zaken.delete(zaak))
    rol = client.zaken.rollen.create(rol_body(catalogue, str(zaak.url)))
    mijnzaken = MijnZaken(client)
    assert mijnzaken.zaak_detail(str(zaak.url), bsn=TEST_BSN).zaak.url == zaak.url
    with ZGWClient.from_env() as other_system:
        other_system.zaken.rollen.delete(rol)
    with pytest.raises(AccessDeniedError):
        mijnzaken.zaak_detail(str(zaak.url), bsn=TEST_BSN)


def _raw_http() -> ModuleType:
    """``benchmarks/handtuned_overview.py``: the overview from raw HTTP calls."""
    path = Path(__file__).resolve().parents[2] / "benchmarks" / "handtuned_overview.py"
    spec = importlib.util.spec_from_file_location("handtuned_overview", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("details", [False, True], ids=["overview", "details"])
def test_overview_field_by_field_with_raw_http(
    client: ZGWClient, scene: Scene, details: bool
) -> None:
    raw = _raw_http()
    env = os.environ
    roots = {name: client.service(name).api_root for name in client.config.services}
    stack = raw.Stack(
        roots,
        env.get("ZGW_ZAKEN_CLIENT_ID") or env["ZGW_CLIENT_ID"],
        env.get("ZGW_ZAKEN_SECRET") or env["ZGW_SECRET"],
        {
            "klantinteracties": env["ZGW_KLANTINTERACTIES_TOKEN"],
            "objecten": env["ZGW_OBJECTEN_TOKEN"],
        },
    )
    overview = MijnZaken(client).overview(bsn=TEST_BSN, details=details)
    by_sdk = raw.content(overview)
    by_http = asyncio.run(raw.run_once(stack, TEST_BSN, details=details))
    ours = [str(scene.lopend.url), str(scene.afgerond.url)]
    # Other tests may make zaken of the test BSN meanwhile: compare the scene's.
    for url in ours:
        assert by_sdk["zaken"][url] == by_http["zaken"][url], url
    assert str(scene.foreign.url) not in by_sdk["zaken"]
    assert str(scene.foreign.url) not in by_http["zaken"]
    lopend = by_http["zaken"][str(scene.lopend.url)]
    assert lopend["summary"]["open_taken"] == 1
    assert by_http["zaken"][str(scene.afgerond.url)]["summary"]["resultaat"]
    if details:
        assert [d[0] for d in lopend["documenten"]] == [scene.document_url]
        assert [b[0] for b in lopend["besluiten"]] == [scene.besluit_url]
        # The steps are compared above; Open Zaak's statustypen default to informeren
        # false, which the default policy hides, so they may be empty here.
        assert lopend["summary"]["status"]
