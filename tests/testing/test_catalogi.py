"""The Catalogi API: derived back-references, isEindstatus, concept filtering, publish."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend


@pytest.fixture
def catalogi(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["catalogi"],
        headers=backend.auth_headers("catalogi"),
    ) as client:
        yield client


@pytest.fixture
def types(backend: InMemoryBackend, catalogi: httpx.Client, data: dict[str, Any]) -> dict[str, Any]:
    """The conftest zaaktype plus a catalogus, an informatieobjecttype and a besluittype."""
    catalogus = backend.add(
        "catalogi",
        "catalogussen",
        {"domein": "SDK", "rsin": "002220647", "contactpersoonBeheerNaam": "Tester"},
    )
    zaaktype_url = data["zaaktype"]["url"]
    assert catalogi.patch(zaaktype_url, json={"catalogus": catalogus["url"]}).status_code == 200
    iotype = backend.add(
        "catalogi",
        "informatieobjecttypen",
        {
            "catalogus": catalogus["url"],
            "omschrijving": "Aanvraagformulier",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": "2026-01-01",
        },
    )
    backend.add(
        "catalogi",
        "zaaktype-informatieobjecttypen",
        {
            "zaaktype": zaaktype_url,
            "informatieobjecttype": iotype["url"],
            "volgnummer": 1,
            "richting": "inkomend",
        },
    )
    besluittype = backend.add(
        "catalogi",
        "besluittypen",
        {
            "catalogus": catalogus["url"],
            "omschrijving": "Toekenning",
            "zaaktypen": [zaaktype_url],
            "informatieobjecttypen": [iotype["url"]],
            "beginGeldigheid": "2026-01-01",
        },
    )
    return {**data, "catalogus": catalogus, "iotype": iotype, "besluittype": besluittype}


def test_zaaktype_back_references(catalogi: httpx.Client, types: dict[str, Any]) -> None:
    zaaktype = catalogi.get(types["zaaktype"]["url"]).json()
    assert "uuid" not in zaaktype
    assert zaaktype["statustypen"] == [s["url"] for s in reversed(types["statustypen"])]
    assert zaaktype["resultaattypen"] == [types["resultaattype"]["url"]]
    assert zaaktype["roltypen"] == [types["roltype"]["url"]]
    assert zaaktype["informatieobjecttypen"] == [types["iotype"]["url"]]
    assert zaaktype["besluittypen"] == [types["besluittype"]["url"]]
    assert zaaktype["referentieproces"] == {"naam": "", "link": ""}
    catalogus = catalogi.get(types["catalogus"]["url"]).json()
    assert catalogus["zaaktypen"] == [types["zaaktype"]["url"]]
    assert catalogus["informatieobjecttypen"] == [types["iotype"]["url"]]
    iotype = catalogi.get(types["iotype"]["url"]).json()
    assert iotype["zaaktypen"] == [types["zaaktype"]["url"]]
    assert iotype["besluittypen"] == [types["besluittype"]["url"]]
    besluittype = catalogi.get(types["besluittype"]["url"]).json()
    assert besluittype["vastgelegdIn"] == ["Aanvraagformulier"]


def test_parts_take_identificatie_and_catalogus_from_zaaktype(
    catalogi: httpx.Client, types: dict[str, Any]
) -> None:
    roltype = catalogi.get(types["roltype"]["url"]).json()
    assert roltype["zaaktypeIdentificatie"] == "SDK-KIRE"
    assert roltype["catalogus"] == types["catalogus"]["url"]


def test_is_eindstatus_is_the_highest_volgnummer(
    backend: InMemoryBackend, catalogi: httpx.Client, types: dict[str, Any]
) -> None:
    zaaktype = types["zaaktype"]["url"]
    listed = catalogi.get("statustypen", params={"zaaktype": zaaktype}).json()
    assert listed["count"] == 3
    eind = {r["volgnummer"]: r["isEindstatus"] for r in listed["results"]}
    assert eind == {1: False, 2: False, 3: True}
    backend.add(
        "catalogi",
        "statustypen",
        {"zaaktype": zaaktype, "omschrijving": "Gearchiveerd", "volgnummer": 4},
    )
    assert catalogi.get(types["statustypen"][2]["url"]).json()["isEindstatus"] is False


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("zaaktypen", {"identificatie": "SDK-KIRE"}, 1),
        ("zaaktypen", {"identificatie__icontains": "kire"}, 1),
        ("zaaktypen", {"identificatie": "OTHER"}, 0),
        ("zaaktypen", {"datumGeldigheid": "2026-06-01"}, 0),
        ("roltypen", {"omschrijvingGeneriek": "initiator"}, 1),
        ("roltypen", {"omschrijving": "aanvra"}, 1),
        ("statustypen", {"zaaktypeIdentificatie": "SDK-KIRE"}, 3),
        ("resultaattypen", {"status": "concept"}, 0),
        ("informatieobjecttypen", {"datumGeldigheid": "2026-06-01"}, 1),
        ("informatieobjecttypen", {"datumGeldigheid": "2025-06-01"}, 0),
        ("informatieobjecttypen", {"omschrijving__icontains": "formulier"}, 1),
        ("zaaktype-informatieobjecttypen", {"richting": "inkomend"}, 1),
        ("eigenschappen", {}, 0),
    ],
)
def test_list_filters(
    catalogi: httpx.Client,
    types: dict[str, Any],
    path: str,
    params: dict[str, str],
    expected: int,
) -> None:
    response = catalogi.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.json()["count"] == expected


def test_url_filters(catalogi: httpx.Client, types: dict[str, Any]) -> None:
    zaaktype, catalogus = types["zaaktype"]["url"], types["catalogus"]["url"]
    assert catalogi.get("zaaktypen", params={"catalogus": catalogus}).json()["count"] == 1
    assert catalogi.get("informatieobjecttypen", params={"zaaktype": zaaktype}).json()["count"] == 1
    assert catalogi.get("besluittypen", params={"zaaktypen": zaaktype}).json()["count"] == 1
    bad = catalogi.get("statustypen", params={"zaaktype": "not-a-url"})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["name"] == "zaaktype"
    status = catalogi.get("zaaktypen", params={"status": "nieuw"})
    assert status.json()["invalidParams"][0]["code"] == "invalid_choice"


def test_created_types_are_concepts_until_published(
    catalogi: httpx.Client, types: dict[str, Any]
) -> None:
    created = catalogi.post(
        "informatieobjecttypen",
        json={
            "catalogus": types["catalogus"]["url"],
            "omschrijving": "Bijlage",
            "vertrouwelijkheidaanduiding": "intern",
            "beginGeldigheid": "2026-01-01",
            "informatieobjectcategorie": "Bijlage",
            "concept": False,  # read-only: ignored
        },
    )
    assert created.status_code == 201, created.text
    url = created.json()["url"]
    assert created.json()["concept"] is True
    assert created.headers["Location"] == url
    default = catalogi.get("informatieobjecttypen").json()
    assert url not in [r["url"] for r in default["results"]]
    concepts = catalogi.get("informatieobjecttypen", params={"status": "concept"}).json()
    assert [r["url"] for r in concepts["results"]] == [url]
    assert catalogi.get("informatieobjecttypen", params={"status": "alles"}).json()["count"] == 2
    published = catalogi.post(f"{url}/publish")
    assert published.status_code == 200
    assert published.json()["concept"] is False
    refused = catalogi.delete(url)
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "non-concept-object"


def test_parts_of_a_published_zaaktype_cannot_be_deleted(
    catalogi: httpx.Client, types: dict[str, Any]
) -> None:
    response = catalogi.delete(types["roltype"]["url"])
    assert response.status_code == 400
    assert response.json()["invalidParams"][0]["code"] == "non-concept-zaaktype"


def test_create_zaaktype_validation(catalogi: httpx.Client, types: dict[str, Any]) -> None:
    response = catalogi.post("zaaktypen", json={"omschrijving": "Onvolledig"})
    assert response.status_code == 400
    names = {p["name"] for p in response.json()["invalidParams"]}
    assert {"doel", "catalogus", "beginGeldigheid"} <= names
    assert "omschrijving" not in names


def test_detail_etag_and_404(catalogi: httpx.Client, types: dict[str, Any]) -> None:
    url = types["catalogus"]["url"]
    response = catalogi.get(url)
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
    assert catalogi.get(url, headers={"If-None-Match": response.headers["ETag"]}).status_code == (
        304
    )
    missing = catalogi.get("zaaktypen/00000000-0000-0000-0000-000000000000")
    assert missing.status_code == 404
    assert missing.json()["code"] == "not_found"
