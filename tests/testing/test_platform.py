"""The Dienstverleningsplatform fakes (Open VTB 0.1.0, Open Product 1.8.0) over plain httpx."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend
from zgw_client.testing.demo import DEMO_BSN, seed_demo

PARTY = f"urn:nld:brp:bsn:{DEMO_BSN}"


@pytest.fixture
def api(backend: InMemoryBackend) -> Iterator[Any]:
    clients: list[httpx.Client] = []

    def client(name: str) -> httpx.Client:
        made = httpx.Client(
            transport=backend.transport(),
            base_url=backend.api_roots[name],
            headers=backend.auth_headers(name),
        )
        clients.append(made)
        return made

    yield client
    for made in clients:
        made.close()


def bericht(**extra: Any) -> dict[str, Any]:
    return {
        "onderwerp": "Uw parkeerbon",
        "berichtTekst": "Betaal binnen 14 dagen.",
        "ontvanger": PARTY,
        "mijnOverheidBerichtenbox": False,
        **extra,
    }


def names(response: httpx.Response, key: str = "invalidParams") -> dict[str, str]:
    assert response.status_code == 400, response.text
    return {p["name"]: p["code"] for p in response.json()[key]}


@pytest.mark.parametrize("name", ["berichten", "taken", "verzoeken", "producten", "producttypen"])
def test_token_auth_401_names_the_oidc_scheme(backend: InMemoryBackend, name: str) -> None:
    collection = {"taken": "externetaken", "verzoeken": "verzoeken"}.get(name, name)
    url = backend.api_roots[name] + collection
    with httpx.Client(transport=backend.transport()) as client:
        missing = client.get(url)
        wrong = client.get(url, headers={"Authorization": "Token wrong"})
        bearer = client.get(url, headers={"Authorization": f"Bearer {backend.jwt_token()}"})
        good = client.get(url, headers=backend.auth_headers(name))
    assert missing.status_code == 401
    assert missing.headers["WWW-Authenticate"] == 'Bearer realm="api"'
    assert missing.json()["code"] == "not_authenticated"
    assert wrong.status_code == 401
    assert wrong.json()["code"] == "authentication_failed"
    assert wrong.json()["detail"] == "Ongeldige token."
    assert bearer.status_code == 401  # a ZGW JWT is not an OIDC token these servers know
    assert good.status_code == 200
    assert good.headers["API-version"] == backend.apis[name].version


def test_bericht_create_read_and_mark_opened(api: Any) -> None:
    client = api("berichten")
    created = client.post("berichten", json=bericht())
    assert created.status_code == 201, created.text
    body = created.json()
    assert body["urn"] == f"urn:nld:denhaag:berichten:bericht:{body['uuid']}"
    assert body["geopendOp"] is None
    assert body["publicatiedatum"]
    opened = client.patch(
        f"berichten/{body['uuid']}",
        json={"geopendOp": "2026-03-01T10:00:00Z", "onderwerp": "genegeerd"},
    )
    assert opened.status_code == 200
    assert opened.json()["geopendOp"] == "2026-03-01T10:00:00Z"
    assert opened.json()["onderwerp"] == "Uw parkeerbon"  # only geopendOp is writable
    assert client.put(f"berichten/{body['uuid']}", json=bericht()).status_code == 405
    assert client.delete(f"berichten/{body['uuid']}").status_code == 405


def test_bericht_validation_and_urn_errors(api: Any) -> None:
    client = api("berichten")
    empty = client.post("berichten", json={})
    assert empty.json()["title"] == "Ongeldige invoerwaarde."
    assert names(empty) == {
        "onderwerp": "required",
        "berichtTekst": "required",
        "ontvanger": "required",
        "mijnOverheidBerichtenbox": "required",
    }
    bad = client.post(
        "berichten",
        json=bericht(
            ontvanger="999993653",
            isGerelateerdAan=[{"urn": "zaak 1"}],
            bijlagen=[{"informatieObject": "doc"}],
            onderwerp="x" * 51,
        ),
    )
    assert names(bad) == {
        "ontvanger": "invalid_urn",
        "isGerelateerdAan.0.urn": "invalid_urn",
        "bijlagen.0.informatieObject": "invalid_urn",
        "onderwerp": "max_length",
    }
    reason = bad.json()["invalidParams"][1]["reason"]
    assert reason.startswith("Enter a valid URN.")
    # like Open VTB 0.1.0, only the URN syntax is checked: an invalid BSN is stored
    assert client.post("berichten", json=bericht(ontvanger="urn:nld:brp:bsn:1")).status_code == 201


def test_pagination_with_page_size(api: Any) -> None:
    client = api("berichten")
    for index in range(5):
        assert client.post("berichten", json=bericht(referentie=str(index))).status_code == 201
    first = client.get("berichten", params={"pageSize": 2}).json()
    assert first["count"] == 5
    assert [b["referentie"] for b in first["results"]] == ["0", "1"]
    assert first["next"].endswith("berichten?page=2&pageSize=2")
    last = client.get(first["next"].replace("page=2", "page=3")).json()
    assert [b["referentie"] for b in last["results"]] == ["4"]
    assert last["next"] is None
    assert client.get("berichten", params={"page": 9}).status_code == 404
    # 0.1.0 has no filters: a query parameter does not narrow the list
    assert client.get("berichten", params={"ontvanger": "urn:nld:brp:bsn:1"}).json()["count"] == 5


def betaaltaak(**extra: Any) -> dict[str, Any]:
    return {
        "titel": "Betaal uw parkeerbon",
        "einddatumHandelingsTermijn": "2026-12-31",
        "isToegewezenAan": PARTY,
        "details": {
            "bedrag": "74.90",
            "transactieomschrijving": "NH-2026-000123",
            "doelrekening": {"iban": "NL79INGB0000005678"},
        },
        **extra,
    }


def test_taken_per_kind_endpoints_share_one_store(api: Any) -> None:
    client = api("taken")
    created = client.post("betaaltaken", json=betaaltaak())
    assert created.status_code == 201, created.text
    taak = created.json()
    assert taak["url"].endswith(f"/externetaken/{taak['uuid']}")
    assert taak["taakSoort"] == "betaaltaak"
    assert taak["status"] == "open"
    assert taak["datumHerinnering"] == "2026-12-24"
    assert taak["details"]["valuta"] == "EUR"
    assert client.get("externetaken").json()["count"] == 1
    assert client.get("urltaken").json()["count"] == 0
    assert client.get(f"urltaken/{taak['uuid']}").status_code == 404
    done = client.patch(
        f"betaaltaken/{taak['uuid']}", json={"status": "uitgevoerd", "details": {"bedrag": "80"}}
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "uitgevoerd"
    assert done.json()["details"]["transactieomschrijving"] == "NH-2026-000123"  # merged
    assert client.delete(f"externetaken/{taak['uuid']}").status_code == 204


def test_taken_validation(api: Any) -> None:
    client = api("taken")
    assert names(client.post("betaaltaken", json=betaaltaak(taakSoort="betaaltaak"))) == {
        "taakSoort": "invalid"
    }
    assert names(client.post("externetaken", json={})) == {
        "titel": "required",
        "einddatumHandelingsTermijn": "required",
        "details": "required",
        "taakSoort": "required",
    }
    bad = betaaltaak(isToegewezenAan="bsn 999993653", status="klaar")
    bad["details"] = {"bedrag": "74.90", "valuta": "USD", "doelrekening": {}}
    assert names(client.post("betaaltaken", json=bad)) == {
        "status": "invalid_choice",
        "isToegewezenAan": "invalid_urn",
        "details.transactieomschrijving": "required",
        "details.valuta": "invalid",
        "details.doelrekening": "required",
    }
    late = betaaltaak(startdatum="2027-01-01")
    assert names(client.post("betaaltaken", json=late)) == {
        "einddatumHandelingsTermijn": "date-mismatch"
    }
    form = {"titel": "Vul in", "einddatumHandelingsTermijn": "2026-12-31", "details": {}}
    assert names(client.post("formuliertaken", json=form)) == {
        "details.formulierDefinitie": "required"
    }


def test_verzoektype_versions_and_verzoeken(api: Any) -> None:
    client = api("verzoeken")
    verzoektype = client.post("verzoektypen", json={"naam": "Melding openbare ruimte"}).json()
    base = f"verzoektypen/{verzoektype['uuid']}/versies"
    no_version = client.post(
        "verzoeken", json={"verzoekType": verzoektype["url"], "aanvraagGegevens": {}}
    )
    assert names(no_version) == {"verzoekType": "unknown-schema"}
    v1 = client.post(base, json={"aanvraagGegevensSchema": {"type": "object"}})
    assert v1.status_code == 201, v1.text
    assert v1.json()["versie"] == 1
    assert v1.json()["status"] == "draft"
    published = client.patch(f"{base}/1", json={"status": "published"})
    assert published.json()["beginGeldigheid"] is not None
    assert names(client.patch(f"{base}/1", json={"status": "draft"})) == {
        "status": "non-draft-versie-update"
    }
    assert names(client.delete(f"{base}/1")) == {"nonFieldErrors": "non-draft-versie-destroy"}
    v2 = client.post(base, json={"aanvraagGegevensSchema": {}, "status": "published"}).json()
    assert client.get(f"{base}/1").json()["eindeGeldigheid"] is not None
    listed = client.get(f"verzoektypen/{verzoektype['uuid']}").json()["versies"]
    assert [v["versie"] for v in listed] == [2, 1]
    verzoek = client.post(
        "verzoeken",
        json={"verzoekType": verzoektype["url"], "aanvraagGegevens": {"a": 1}, "initiator": PARTY},
    )
    assert verzoek.status_code == 201, verzoek.text
    assert verzoek.json()["versie"] == v2["versie"]
    assert verzoek.json()["verzoekTypeUrn"].endswith(verzoektype["uuid"])
    assert client.get(f"{base}/3").status_code == 404


def test_producten_eigenaar_rules_and_bsn_filter(backend: InMemoryBackend, api: Any) -> None:
    scenario = seed_demo(backend)
    assert scenario.platform is not None
    client = api("producten")
    mine = client.get("producten", params={"eigenaren__bsn": DEMO_BSN}).json()
    assert mine["count"] == 1
    product = mine["results"][0]
    assert product["producttype"]["naam"] == "Parkeervergunning bewoners"
    assert product["producttype"]["themas"][0]["naam"] == "Parkeren"
    assert product["eigenaren"][0]["kvk_nummer"] == ""
    assert client.get("producten", params={"eigenaren__bsn": "111222333"}).json()["count"] == 0
    bad = client.post(
        "producten",
        json={
            "producttype_uuid": scenario.platform.producttype,
            "eigenaren": [
                {"bsn": "999993654"},
                {"bsn": DEMO_BSN, "kvk_nummer": "69599084"},
                {"vestigingsnummer": "000038509490"},
            ],
            "status": "ingetrokken",
        },
    )
    assert names(bad, "invalid_params") == {
        "eigenaren.0.bsn": "invalid",
        "eigenaren.1.model_errors": "invalid",
        "eigenaren.2.model_errors": "invalid",
    }
    status = client.post(
        "producten",
        json={
            "producttype_uuid": scenario.platform.producttype,
            "eigenaren": [{"kvk_nummer": "69599084"}],
            "status": "ingetrokken",
            "zaken": [{"urn": "urn:nld:denhaag:zaak:zaaknummer:ZAAK-1"}],
        },
    )
    assert names(status, "invalid_params") == {"zaken.0.urn": "invalid"}
    assert client.get("producten", params={"page_size": 1, "page": 2}).status_code == 404
    assert client.get("producten", params={"status": "x"}).status_code == 400


def test_demo_platform_data(backend: InMemoryBackend, api: Any) -> None:
    scenario = seed_demo(backend)
    assert scenario.platform is not None
    berichten = api("berichten").get("berichten").json()["results"]
    unread = [b for b in berichten if b["geopendOp"] is None]
    assert len(berichten) == 2
    assert len(unread) == 1
    zaak = backend.get(scenario.zaken["parkeerbon"])
    assert zaak is not None
    assert unread[0]["isGerelateerdAan"] == [
        {"urn": f"urn:nld:denhaag:zaak:zaaknummer:{zaak['identificatie']}"}
    ]
    taken = api("taken").get("betaaltaken").json()["results"]
    assert taken[0]["titel"] == "Betaal uw parkeerbon"
    assert taken[0]["details"]["bedrag"] == "74.90"
    assert taken[0]["details"]["transactieomschrijving"] == "Parkeerbon NH-2026-000123"
    assert api("taken").get("formuliertaken").json()["count"] == 1
