"""The Besluiten API: the besluit ↔ zaak link, besluitinformatieobjecten and their checks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend


@pytest.fixture
def besluiten(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["besluiten"],
        headers=backend.auth_headers("besluiten"),
    ) as client:
        yield client


@pytest.fixture
def types(backend: InMemoryBackend, data: dict[str, Any]) -> dict[str, Any]:
    """A besluittype of the conftest zaaktype, with one informatieobjecttype, and documents."""
    listed = backend.add("catalogi", "informatieobjecttypen", {"omschrijving": "Besluitbrief"})
    other = backend.add("catalogi", "informatieobjecttypen", {"omschrijving": "Bijlage"})
    besluittype = backend.add(
        "catalogi",
        "besluittypen",
        {
            "omschrijving": "Toekenning",
            "zaaktypen": [data["zaaktype"]["url"]],
            "informatieobjecttypen": [listed["url"]],
        },
    )
    documents = {
        name: backend.add(
            "documenten",
            "enkelvoudiginformatieobjecten",
            {"titel": name, "informatieobjecttype": iotype["url"], "bronorganisatie": "002220647"},
        )
        for name, iotype in (("brief", listed), ("bijlage", other))
    }
    return {**data, "besluittype": besluittype, **documents}


def new_besluit(types: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "verantwoordelijkeOrganisatie": "002220647",
        "besluittype": types["besluittype"]["url"],
        "zaak": types["open"]["url"],
        "datum": "2026-11-29",
        "ingangsdatum": "2026-11-29",
        **fields,
    }


def test_besluit_appears_on_its_zaak(
    besluiten: httpx.Client, zaken: httpx.Client, types: dict[str, Any]
) -> None:
    created = besluiten.post("besluiten", json=new_besluit(types, toelichting="Toegekend"))
    assert created.status_code == 201, created.text
    besluit = created.json()
    assert created.headers["Location"] == besluit["url"]
    assert besluit["identificatie"] == "BESLUIT-2026-0000000001"
    assert besluit["vervalredenWeergave"] == ""
    assert "uuid" not in besluit
    zaak = types["open"]
    linked = zaken.get(f"zaken/{zaak['uuid']}/besluiten").json()
    assert [link["besluit"] for link in linked] == [besluit["url"]]
    assert set(linked[0]) == {"url", "uuid", "besluit"}
    assert zaken.get(f"zaken/{types['closed']['uuid']}/besluiten").json() == []
    moved = besluiten.patch(besluit["url"], json={"zaak": types["closed"]["url"]})
    assert moved.status_code == 200, moved.text
    assert zaken.get(f"zaken/{zaak['uuid']}/besluiten").json() == []
    assert len(zaken.get(f"zaken/{types['closed']['uuid']}/besluiten").json()) == 1
    assert besluiten.delete(besluit["url"]).status_code == 204
    assert zaken.get(f"zaken/{types['closed']['uuid']}/besluiten").json() == []


def test_besluit_filters_and_order(besluiten: httpx.Client, types: dict[str, Any]) -> None:
    first = besluiten.post("besluiten", json=new_besluit(types)).json()
    second = besluiten.post("besluiten", json=new_besluit(types, zaak="")).json()
    page = besluiten.get("besluiten").json()
    assert [r["url"] for r in page["results"]] == [second["url"], first["url"]]  # newest first
    by_zaak = besluiten.get("besluiten", params={"zaak": types["open"]["url"]}).json()
    assert [r["url"] for r in by_zaak["results"]] == [first["url"]]
    by_id = besluiten.get("besluiten", params={"identificatie": second["identificatie"]}).json()
    assert by_id["count"] == 1
    by_type = besluiten.get("besluiten", params={"besluittype": types["besluittype"]["url"]})
    assert by_type.json()["count"] == 2
    assert besluiten.get("besluiten", params={"zaak": "geen-url"}).status_code == 400


def test_besluit_validation(besluiten: httpx.Client, types: dict[str, Any]) -> None:
    first = besluiten.post("besluiten", json=new_besluit(types, identificatie="B-1"))
    assert first.status_code == 201
    duplicate = besluiten.post("besluiten", json=new_besluit(types, identificatie="B-1"))
    assert duplicate.status_code == 400
    assert duplicate.json()["invalidParams"][0]["code"] == "identificatie-niet-uniek"
    vervallen = besluiten.post(
        "besluiten", json=new_besluit(types, vervaldatum="2027-01-01", vervalreden="tijdelijk")
    ).json()
    assert vervallen["vervalredenWeergave"] == "Besluit met tijdelijke werking"


def test_besluittype_must_belong_to_the_zaaktype(
    backend: InMemoryBackend, besluiten: httpx.Client, types: dict[str, Any]
) -> None:
    foreign = backend.add("catalogi", "besluittypen", {"omschrijving": "Ander zaaktype"})
    response = besluiten.post("besluiten", json=new_besluit(types, besluittype=foreign["url"]))
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "nonFieldErrors",
            "code": "zaaktype-mismatch",
            "reason": "De referentie hoort niet bij het zaaktype van de zaak.",
        }
    ]


def test_besluitinformatieobjecten(
    backend: InMemoryBackend, besluiten: httpx.Client, types: dict[str, Any]
) -> None:
    besluit = besluiten.post("besluiten", json=new_besluit(types)).json()
    assert besluiten.get("besluitinformatieobjecten").json() == []
    refused = besluiten.post(
        "besluitinformatieobjecten",
        json={"besluit": besluit["url"], "informatieobject": types["bijlage"]["url"]},
    )
    assert refused.status_code == 400
    assert refused.json()["invalidParams"] == [
        {
            "name": "nonFieldErrors",
            "code": "missing-besluittype-informatieobjecttype-relation",
            "reason": "Het informatieobjecttype hoort niet bij het besluittype van de besluit.",
        }
    ]
    created = besluiten.post(
        "besluitinformatieobjecten",
        json={"besluit": besluit["url"], "informatieobject": types["brief"]["url"]},
    )
    assert created.status_code == 201, created.text
    assert set(created.json()) == {"url", "informatieobject", "besluit"}
    twice = besluiten.post(
        "besluitinformatieobjecten",
        json={"besluit": besluit["url"], "informatieobject": types["brief"]["url"]},
    )
    assert twice.json()["invalidParams"][0]["code"] == "unique"
    listed = besluiten.get("besluitinformatieobjecten", params={"besluit": besluit["url"]})
    assert listed.json() == [created.json()]
    mirrors = backend.all("documenten", "objectinformatieobjecten")
    assert [(m["object"], m["objectType"]) for m in mirrors] == [(besluit["url"], "besluit")]
    assert besluiten.delete(created.json()["url"]).status_code == 204
    assert backend.all("documenten", "objectinformatieobjecten") == []


def test_unknown_besluit_reference_is_400(besluiten: httpx.Client, types: dict[str, Any]) -> None:
    response = besluiten.post(
        "besluitinformatieobjecten",
        json={
            "besluit": "http://zgw.test/besluiten/api/v1/besluiten/00000000-0000-0000-0000-000000000000",
            "informatieobject": types["brief"]["url"],
        },
    )
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "does_not_exist"
