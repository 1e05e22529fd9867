"""The demo seed: what a MijnDenHaag portal needs, relative to today, and deterministic."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from zgw_client.identifiers import validate_bsn
from zgw_client.objecten.models import Object
from zgw_client.objecten.taken import taak_from_object
from zgw_client.testing import DEMO_BSN, DEMO_KVK, InMemoryBackend, seed_benchmark, seed_demo
from zgw_client.testing._objecten_schema import schema_error
from zgw_client.testing.demo import DEMO_BSN_OTHER, TAAK_SCHEMA

TODAY = dt.date(2026, 11, 29)


@pytest.fixture
def demo(backend: InMemoryBackend) -> Any:
    return seed_demo(backend, today=TODAY)


def get(backend: InMemoryBackend, api: str, path: str, **params: Any) -> Any:
    headers = backend.auth_headers(api)
    with httpx.Client(transport=backend.transport(), headers=headers) as client:
        response = client.get(backend.api_roots[api] + path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_identifiers_are_valid() -> None:
    assert validate_bsn(DEMO_BSN) == DEMO_BSN
    assert validate_bsn(DEMO_BSN_OTHER) == DEMO_BSN_OTHER
    assert len(DEMO_KVK) == 8
    assert DEMO_KVK.isdigit()


def test_deterministic() -> None:
    first, second = InMemoryBackend(), InMemoryBackend()
    assert seed_demo(first, today=TODAY) == seed_demo(second, today=TODAY)
    assert [b["url"] for b in first.all("zaken", "statussen")] == [
        b["url"] for b in second.all("zaken", "statussen")
    ]


def test_zaken_per_person(backend: InMemoryBackend, demo: Any) -> None:
    def zaken_of(**params: str) -> set[str]:
        found = get(backend, "zaken", "zaken", **params)
        return {z["url"] for z in found["results"]}

    anne = zaken_of(rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=DEMO_BSN)
    assert anne == set(demo.citizen_zaken)
    assert len(anne) == 5
    other = zaken_of(rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=DEMO_BSN_OTHER)
    assert other == {demo.zaken["ander_ooievaarspas"]}
    bedrijf = zaken_of(rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer=DEMO_KVK)
    assert bedrijf == {demo.zaken["bedrijf_terras"], demo.zaken["bedrijf_parkeren"]}
    intern = backend.get(demo.zaaktypen["intern"])
    assert intern is not None
    assert intern["indicatieInternOfExtern"] == "intern"


def test_subsidie_is_at_step_two_of_four(backend: InMemoryBackend, demo: Any) -> None:
    zaak = backend.resolve(demo.zaken["subsidie"])
    assert zaak is not None
    status = backend.get(zaak["status"])
    assert status is not None
    assert status["statustype"] == demo.statustypen["subsidie"][1]
    assert status["datumStatusGezet"].startswith((TODAY - dt.timedelta(days=20)).isoformat())
    assert len(demo.statustypen["subsidie"]) == 4
    assert zaak["einddatumGepland"] == (TODAY + dt.timedelta(days=60)).isoformat()
    statustypen = [backend.get(url) for url in demo.statustypen["ooievaarspas"]]
    assert [s["informeren"] for s in statustypen if s] == [True, False, True]


def test_afgeronde_zaak_has_resultaat_and_besluit(backend: InMemoryBackend, demo: Any) -> None:
    zaak = backend.resolve(demo.zaken["parkeervergunning"])
    assert zaak is not None
    assert zaak["einddatum"] == (TODAY - dt.timedelta(days=60)).isoformat()
    assert zaak["resultaat"]
    besluit = backend.get(demo.besluiten["parkeervergunning"])
    assert besluit is not None
    assert besluit["zaak"] == demo.zaken["parkeervergunning"]
    open_zaak = backend.resolve(demo.zaken["ooievaarspas"])
    assert open_zaak is not None
    assert open_zaak["einddatum"] is None


def test_documents_for_a_portal(backend: InMemoryBackend, demo: Any) -> None:
    subsidie = demo.zaken["subsidie"]
    zios = backend.related("zaken", "zaakinformatieobjecten", "zaak")[subsidie]
    documents = [backend.get(z["informatieobject"]) for z in zios]
    by_status = {
        d["titel"]: (d["status"], d["vertrouwelijkheidaanduiding"]) for d in documents if d
    }
    assert by_status["Concept advies maatregelen"][0] == "in_bewerking"
    assert by_status["Interne notitie behandelaar"] == ("definitief", "vertrouwelijk")
    assert by_status["Aanvraagformulier subsidie geluidsisolatie"] == ("definitief", "openbaar")


def test_taken(backend: InMemoryBackend, demo: Any) -> None:
    objecttype = demo.taak_objecttype
    mine = get(
        backend,
        "objecten",
        "objects",
        type=objecttype,
        data_attr=["identificatie__value__exact__" + DEMO_BSN, "status__exact__open"],
    )
    taken = {t["record"]["data"]["soort"]: t for t in mine["results"]}
    assert sorted(taken) == ["ogonebetaling", "portaalformulier", "url"]
    betaling = taak_from_object(Object.model_validate(taken["ogonebetaling"]))
    assert betaling.ogonebetaling is not None
    assert betaling.ogonebetaling.bedrag == pytest.approx(74.90)
    assert betaling.zaak_uuid == demo.zaken["parkeerbon"].rsplit("/", 1)[-1]
    informatie = taak_from_object(Object.model_validate(taken["portaalformulier"]))
    deadline = informatie.verloopdatum
    assert isinstance(deadline, dt.datetime)
    assert deadline.date() - TODAY == dt.timedelta(days=2)  # "nog 2 dagen"
    kvk = get(backend, "objecten", "objects", data_attr="identificatie__value__exact__" + DEMO_KVK)
    assert kvk["count"] == 1
    for body in backend.all("objecten", "objects"):
        assert schema_error(TAAK_SCHEMA, body["record"]["data"]) is None


def test_contact_about_two_zaken(backend: InMemoryBackend, demo: Any) -> None:
    klantcontacten = get(
        backend,
        "klantinteracties",
        "klantcontacten",
        hadBetrokkene__wasPartij__partijIdentificator__objectId=DEMO_BSN,
        expand="gingOverOnderwerpobjecten",
    )
    assert klantcontacten["count"] == 2
    onderwerpen = {
        o["onderwerpobjectidentificator"]["objectId"]
        for k in klantcontacten["results"]
        for o in k["_expand"]["gingOverOnderwerpobjecten"]
    }
    assert onderwerpen == {
        demo.zaken[key].rsplit("/", 1)[-1] for key in ("subsidie", "ooievaarspas")
    }
    for key in ("subsidie", "ooievaarspas"):
        links = get(backend, "contactmomenten", "objectcontactmomenten", object=demo.zaken[key])
        assert links["count"] == 1
    bedrijf = get(backend, "klantinteracties", "partijen", partijIdentificator__objectId=DEMO_KVK)[
        "results"
    ][0]
    codes = {
        i["partijIdentificator"]["codeSoortObjectId"] for i in bedrijf["partijIdentificatoren"]
    }
    assert codes == {"kvk_nummer", "vestigingsnummer"}


def test_dates_follow_today() -> None:
    backend = InMemoryBackend()
    demo = seed_demo(backend)
    assert demo.today == dt.date.today()
    taak = backend.get(demo.taken["subsidie"])
    assert taak is not None
    expected = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    assert taak["record"]["data"]["verloopdatum"].startswith(expected)


def test_seed_benchmark_sizes() -> None:
    backend = InMemoryBackend()
    scenario = seed_benchmark(
        backend, zaken=5, statussen=3, documenten=2, besluiten=1, contactmomenten=2, taken=4
    )
    assert len(scenario.zaken) == 5
    assert len(scenario.taken) == 4
    assert len(backend.all("zaken", "statussen")) == 15
    assert len(backend.all("zaken", "zaakinformatieobjecten")) == 10
    assert len(backend.all("besluiten", "besluiten")) == 5
    assert len(backend.all("klantinteracties", "klantcontacten")) == 10
    for url in scenario.zaken:
        zaak = backend.resolve(url)
        assert zaak is not None
        assert zaak["einddatum"] is None
