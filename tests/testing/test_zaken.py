"""The Zaken API: CRS, paging, filters, expand, ETags, writes and their side effects."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend

from .conftest import BSN, mint, seed


def test_missing_accept_crs_is_412(backend: InMemoryBackend, data: dict[str, Any]) -> None:
    headers = {"Authorization": f"Bearer {mint(backend)}"}
    with httpx.Client(transport=backend.transport(), headers=headers) as client:
        response = client.get(data["open"]["url"])
        assert response.status_code == 412
        assert response.json()["detail"] == "'Accept-Crs' header ontbreekt"
        assert response.json()["code"] == "precondition_failed"
        wrong = client.get(data["open"]["url"], headers={"Accept-Crs": "EPSG:28992"})
        assert wrong.status_code == 406
        assert wrong.json()["detail"] == "CRS 'EPSG:28992' is niet ondersteund"
        post = client.post(
            backend.api_roots["zaken"] + "zaken",
            json={"omschrijving": "x"},
            headers={"Accept-Crs": "EPSG:4326"},
        )
        assert post.status_code == 412
        assert post.json()["detail"] == "'Content-Crs' header ontbreekt"
        # sub-resources do not need CRS headers
        assert client.get(backend.api_roots["zaken"] + "rollen").status_code == 200


def test_paging(backend: InMemoryBackend, zaken: httpx.Client) -> None:
    for _ in range(3):
        seed(backend)
    first = zaken.get("zaken", params={"pageSize": 4}).json()
    assert first["count"] == 6
    assert first["previous"] is None
    assert first["next"] == "http://zgw.test/zaken/api/v1/zaken?page=2&pageSize=4"
    second = zaken.get(first["next"]).json()
    assert second["next"] is None
    assert second["previous"] == "http://zgw.test/zaken/api/v1/zaken?pageSize=4"
    assert len(first["results"]) + len(second["results"]) == 6
    assert zaken.get("zaken", params={"page": 3, "pageSize": 4}).status_code == 404
    big = zaken.get("zaken", params={"pageSize": 10_000}).json()
    assert big["count"] == 6


def test_newest_zaak_first_and_ordering(zaken: httpx.Client, data: dict[str, Any]) -> None:
    results = zaken.get("zaken").json()["results"]
    assert [r["uuid"] for r in results] == [data["open"]["uuid"], data["closed"]["uuid"]]
    ordered = zaken.get("zaken", params={"ordering": "startdatum"}).json()["results"]
    assert [r["startdatum"] for r in ordered] == ["2026-10-20", "2026-11-29"]
    bad = zaken.get("zaken", params={"ordering": "omschrijving"})
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0]["code"] == "invalid_choice"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN}, 2),
        ({"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": "999990111"}, 0),
        ({"rol__betrokkeneIdentificatie__nietNatuurlijkPersoon__kvkNummer": "12345678"}, 0),
        ({"rol__omschrijvingGeneriek": "initiator"}, 2),
        ({"startdatum__gte": "2026-11-01"}, 1),
        ({"startdatum__lte": "2026-11-01"}, 1),
        ({"einddatum__isnull": "true"}, 1),
        ({"archiefnominatie": "vernietigen"}, 1),
        ({"archiefstatus__in": "nog_te_archiveren,gearchiveerd"}, 2),
        ({"identificatie__icontains": "zaak-"}, 2),
        ({"bronorganisatie": "002220647"}, 2),
        ({"maximaleVertrouwelijkheidaanduiding": "openbaar"}, 2),
        ({"unknownFilter": "ignored"}, 2),
    ],
)
def test_zaken_filters(
    zaken: httpx.Client, data: dict[str, Any], params: dict[str, str], expected: int
) -> None:
    response = zaken.get("zaken", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["count"] == expected


def test_zaaktype_filter(zaken: httpx.Client, data: dict[str, Any]) -> None:
    assert zaken.get("zaken", params={"zaaktype": data["zaaktype"]["url"]}).json()["count"] == 2
    statustype = data["statustypen"][2]["url"]
    assert zaken.get("zaken", params={"status__statustype": statustype}).json()["count"] == 1


def test_invalid_filter_value_is_400(zaken: httpx.Client, data: dict[str, Any]) -> None:
    response = zaken.get("zaken", params={"zaaktype": "not-a-url"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "invalid"
    assert body["invalidParams"] == [
        {"name": "zaaktype", "code": "invalid", "reason": "Voer een geldige URL in."}
    ]
    assert zaken.get("zaken", params={"startdatum__gte": "gisteren"}).status_code == 400


def test_zaak_detail_and_etag(zaken: httpx.Client, data: dict[str, Any]) -> None:
    url = data["open"]["url"]
    response = zaken.get(url)
    assert response.status_code == 200
    body = response.json()
    assert body["_expand"] == {}
    assert response.headers["Content-Crs"] == "EPSG:4326"
    etag = response.headers["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    cached = zaken.get(url, headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert cached.content == b""
    assert "API-version" not in cached.headers
    # the ETag does not depend on expand (Open Zaak quirk)
    assert (
        zaken.get(url, params={"expand": "status"}, headers={"If-None-Match": etag}).status_code
        == 304
    )
    zaken.patch(url, json={"omschrijving": "changed"})
    assert zaken.get(url, headers={"If-None-Match": etag}).status_code == 200


def test_unknown_uuid_is_404(zaken: httpx.Client) -> None:
    response = zaken.get("zaken/00000000-0000-0000-0000-000000000000")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert response.json()["title"] == "Niet gevonden."


def test_expand(zaken: httpx.Client, data: dict[str, Any]) -> None:
    body = zaken.get(
        data["open"]["url"],
        params={"expand": "status,status.statustype,zaaktype,rollen,zaakinformatieobjecten"},
    ).json()
    expanded = body["_expand"]
    assert set(expanded) == {"status", "zaaktype", "rollen"}  # empty relations left out
    assert expanded["status"]["_expand"]["statustype"]["omschrijving"] == "Ontvangen"
    assert expanded["zaaktype"]["identificatie"] == "SDK-KIRE"
    assert "_expand" not in expanded["rollen"][0]


def test_expand_child_without_parent_drops_expand(
    zaken: httpx.Client, data: dict[str, Any]
) -> None:
    body = zaken.get(data["open"]["url"], params={"expand": "status.statustype"}).json()
    assert "_expand" not in body


def test_expand_resultaat_and_list(zaken: httpx.Client, data: dict[str, Any]) -> None:
    closed = zaken.get(
        data["closed"]["url"], params={"expand": "resultaat,resultaat.resultaattype,status"}
    ).json()
    assert closed["_expand"]["resultaat"]["_expand"]["resultaattype"]["omschrijving"] == "Toegekend"
    page = zaken.get(
        "zaken",
        params={
            "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN,
            "expand": "zaaktype",
        },
    ).json()
    assert all("zaaktype" in r["_expand"] for r in page["results"])


@pytest.mark.parametrize("value", ["foo", "zaaktype.statustypen"])
def test_unknown_expand_is_400_invalid_choice(
    zaken: httpx.Client, data: dict[str, Any], value: str
) -> None:
    response = zaken.get(data["open"]["url"], params={"expand": value})
    assert response.status_code == 400
    assert response.json()["invalidParams"] == [
        {
            "name": "expand",
            "code": "invalid_choice",
            "reason": f"Selecteer een geldige keuze. {value} is geen beschikbare keuze.",
        }
    ]


def test_lower_api_version_has_no_expand() -> None:
    backend = InMemoryBackend(zaken_api_version="1.0.3")
    data = seed(backend)
    headers = {**backend.auth_headers("zaken")}
    with httpx.Client(transport=backend.transport(), headers=headers) as client:
        response = client.get(data["open"]["url"], params={"expand": "status"})
    assert response.headers["API-version"] == "1.0.3"
    assert "_expand" not in response.json()


def test_zoek(zaken: httpx.Client, data: dict[str, Any]) -> None:
    body = {
        "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN,
        "expand": ["status", "zaaktype"],
        "uuid__in": [data["open"]["uuid"]],
    }
    response = zaken.post("zaken/_zoek", params={"pageSize": 2}, json=body)
    assert response.status_code == 200
    page = response.json()
    assert page["count"] == 1
    assert set(page["results"][0]["_expand"]) == {"status", "zaaktype"}
    crash = zaken.post("zaken/_zoek", json={"expand": "status,zaaktype"})
    assert crash.status_code == 500
    assert crash.json()["code"] == "error"


def test_create_zaak_validation(zaken: httpx.Client, data: dict[str, Any]) -> None:
    missing = zaken.post("zaken", json={"omschrijving": "no zaaktype etc."})
    assert missing.status_code == 400
    names = [p["name"] for p in missing.json()["invalidParams"]]
    assert names == ["bronorganisatie", "zaaktype", "verantwoordelijkeOrganisatie", "startdatum"]
    assert {p["code"] for p in missing.json()["invalidParams"]} == {"required"}
    bad = zaken.post(
        "zaken",
        json={
            "bronorganisatie": "123456789",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": "http://zgw.test/catalogi/api/v1/zaaktypen/00000000-0000-0000-0000-000000000000",
            "startdatum": "not-a-date",
        },
    )
    assert bad.status_code == 400
    assert [p["code"] for p in bad.json()["invalidParams"]] == ["does_not_exist"]


def test_write_flow(backend: InMemoryBackend, zaken: httpx.Client, data: dict[str, Any]) -> None:
    created = zaken.post(
        "zaken",
        json={
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "zaaktype": data["zaaktype"]["url"],
            "startdatum": "2026-11-29",
            "zaakgeometrie": {"type": "Point", "coordinates": [4.8897, 52.374]},
        },
    )
    assert created.status_code == 201
    zaak = created.json()
    assert created.headers["Location"] == zaak["url"]
    assert "_expand" not in zaak
    assert zaak["uiterlijkeEinddatumAfdoening"] == "2026-12-29"
    assert zaak["identificatie"].startswith("ZAAK-")
    statustypen = data["statustypen"]
    first = zaken.post(
        "statussen",
        json={
            "zaak": zaak["url"],
            "statustype": statustypen[0]["url"],
            "datumStatusGezet": "2026-11-29T01:12:47.466003+00:00",
        },
    )
    assert first.status_code == 201
    assert first.json()["datumStatusGezet"] == "2026-11-29T01:12:47.466003Z"
    assert zaken.get(zaak["url"]).json()["status"] == first.json()["url"]
    eind = {
        "zaak": zaak["url"],
        "statustype": statustypen[2]["url"],
        "datumStatusGezet": "2026-12-01T10:00:00Z",
    }
    refused = zaken.post("statussen", json=eind)
    assert refused.status_code == 400
    assert refused.json()["invalidParams"][0]["code"] == "resultaat-does-not-exist"
    resultaat = zaken.post(
        "resultaten", json={"zaak": zaak["url"], "resultaattype": data["resultaattype"]["url"]}
    )
    assert resultaat.status_code == 201
    closing = zaken.post("statussen", json=eind)
    assert closing.status_code == 201
    closed = zaken.get(zaak["url"]).json()
    assert closed["einddatum"] == "2026-12-01"
    assert closed["resultaat"] == resultaat.json()["url"]
    assert closed["archiefnominatie"] == "vernietigen"
    assert closed["archiefactiedatum"] == "2036-12-01"
    old = zaken.get(first.json()["url"]).json()
    assert old["indicatieLaatstGezetteStatus"] is False
    trail = zaken.get(f"zaken/{zaak['uuid']}/audittrail")
    assert trail.status_code == 200
    assert isinstance(trail.json(), list)
    assert [e["actie"] for e in trail.json()] == ["create"] * 4
    assert {e["resource"] for e in trail.json()} == {"zaak", "status", "resultaat"}


def test_rollen_and_sub_resources(
    backend: InMemoryBackend, zaken: httpx.Client, data: dict[str, Any]
) -> None:
    zaak = data["open"]
    rollen = zaken.get("rollen", params={"zaak": zaak["url"]}).json()
    assert rollen["count"] == 1
    assert rollen["results"][0]["omschrijvingGeneriek"] == "initiator"
    assert rollen["results"][0]["betrokkeneIdentificatie"]["inpBsn"] == BSN
    by_bsn = zaken.get("rollen", params={"betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN})
    assert by_bsn.json()["count"] == 2
    document = backend.add("documenten", "enkelvoudiginformatieobjecten", {"titel": "Brief"})
    zio = zaken.post(
        "zaakinformatieobjecten", json={"zaak": zaak["url"], "informatieobject": document["url"]}
    )
    assert zio.status_code == 201
    assert zio.json()["aardRelatieWeergave"] == "Hoort bij, omgekeerd: kent"
    listed = zaken.get("zaakinformatieobjecten", params={"zaak": zaak["url"]}).json()
    assert isinstance(listed, list)
    assert len(listed) == 1
    assert backend.all("documenten", "objectinformatieobjecten")[0]["object"] == zaak["url"]
    eigenschap = backend.add("catalogi", "eigenschappen", {"naam": "kenteken"})
    ze = zaken.post(
        f"zaken/{zaak['uuid']}/zaakeigenschappen",
        json={"eigenschap": eigenschap["url"], "waarde": "AB-12-CD"},
    )
    assert ze.status_code == 201
    assert ze.json()["naam"] == "kenteken"
    assert ze.json()["url"].startswith(f"{zaak['url']}/zaakeigenschappen/")
    assert zaken.get(f"zaken/{zaak['uuid']}/zaakeigenschappen").json()[0]["waarde"] == "AB-12-CD"
    besluit = backend.add("besluiten", "besluiten", {"identificatie": "B1"})
    zb = zaken.post(f"zaken/{zaak['uuid']}/besluiten", json={"besluit": besluit["url"]})
    assert zb.status_code == 201
    assert set(zb.json()) == {"url", "uuid", "besluit"}
    assert zaken.get(f"zaken/{zaak['uuid']}/besluiten").json() == [zb.json()]
    assert zaken.get("zaakobjecten").json() == {
        "count": 0,
        "next": None,
        "previous": None,
        "results": [],
    }
    detail = zaken.get(zaak["url"]).json()
    assert detail["zaakinformatieobjecten"] == [zio.json()["url"]]
    assert detail["eigenschappen"] == [ze.json()["url"]]


def test_delete_zaak_cascades(
    backend: InMemoryBackend, zaken: httpx.Client, data: dict[str, Any]
) -> None:
    zaak = data["open"]
    response = zaken.delete(zaak["url"])
    assert response.status_code == 204
    assert zaken.get(zaak["url"]).status_code == 404
    assert zaken.get("rollen", params={"zaak": zaak["url"]}).json()["count"] == 0


def test_method_not_allowed(zaken: httpx.Client, data: dict[str, Any]) -> None:
    status = data["open"]["status"]
    response = zaken.delete(status)
    assert response.status_code == 405
    assert response.headers["Allow"] == "GET, HEAD, OPTIONS"
