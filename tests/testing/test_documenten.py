"""The Documenten API: base64 and chunked uploads, downloads, locks, versions, relations."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend

from .conftest import CRS

CONTENT = b"%PDF-1.4\n% a document from the in-memory backend\n"


@pytest.fixture
def iotype(backend: InMemoryBackend) -> dict[str, Any]:
    return backend.add(
        "catalogi",
        "informatieobjecttypen",
        {"omschrijving": "Bijlage", "vertrouwelijkheidaanduiding": "intern"},
    )


@pytest.fixture
def documenten(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["documenten"],
        headers=backend.auth_headers("documenten"),
    ) as client:
        yield client


def new_document(iotype: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {
        "bronorganisatie": "002220647",
        "creatiedatum": "2026-11-29",
        "titel": "Bijlage bij aanvraag",
        "auteur": "Tester",
        "taal": "dut",
        "formaat": "application/pdf",
        "bestandsnaam": "bijlage.pdf",
        "informatieobjecttype": iotype["url"],
        **fields,
    }


def upload(client: httpx.Client, url: str, content: bytes, lock: str) -> httpx.Response:
    return client.put(
        url, data={"lock": lock}, files={"inhoud": ("part.bin", content, "application/pdf")}
    )


def test_base64_upload_and_download(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    inhoud = base64.b64encode(CONTENT).decode()
    created = documenten.post(
        "enkelvoudiginformatieobjecten", json=new_document(iotype, inhoud=inhoud)
    )
    assert created.status_code == 201, created.text
    document = created.json()
    url = document["url"]
    assert created.headers["Location"] == url
    assert document["inhoud"] == f"{url}/download?versie=1"
    assert document["bestandsomvang"] == len(CONTENT)
    assert document["identificatie"].startswith("DOCUMENT-2026-")
    assert document["vertrouwelijkheidaanduiding"] == "intern"  # from the informatieobjecttype
    assert document["lock"] == ""
    assert document["locked"] is False
    assert "_expand" not in document
    assert "uuid" not in document
    download = documenten.get(document["inhoud"])
    assert download.status_code == 200
    assert download.content == CONTENT
    assert download.headers["Content-Type"] == "application/octet-stream"
    filename = download.headers["Content-Disposition"].split('filename="')[1].rstrip('"')
    assert filename.endswith(".bin")
    assert filename != f"{url.rsplit('/', 1)[1]}.bin"  # a storage name, not the document uuid
    assert "API-version" not in download.headers
    read = documenten.get(url).json()
    assert read["_expand"] == {}
    assert "lock" not in read


def test_detail_etag_and_expand(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    url = documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype)).json()["url"]
    response = documenten.get(url)
    etag = response.headers["ETag"]
    cached = documenten.get(url, headers={"If-None-Match": etag})
    assert cached.status_code == 304
    assert "API-version" not in cached.headers
    expanded = documenten.get(url, params={"expand": "informatieobjecttype"}).json()
    assert expanded["_expand"]["informatieobjecttype"]["omschrijving"] == "Bijlage"
    assert documenten.get(url, params={"expand": "zaak"}).status_code == 400


def test_bad_base64_and_size_mismatch(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    bad = documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype, inhoud="abc"))
    assert bad.status_code == 400
    assert bad.json()["invalidParams"][0] == {
        "name": "inhoud",
        "code": "incorrect-base64-padding",
        "reason": "De aangeleverde base64-data heeft een ongeldige padding",
    }
    inhoud = base64.b64encode(CONTENT).decode()
    size = documenten.post(
        "enkelvoudiginformatieobjecten",
        json=new_document(iotype, inhoud=inhoud, bestandsomvang=1),
    )
    assert size.json()["invalidParams"][0]["code"] == "file-size"


def test_chunked_upload_in_three_parts() -> None:
    backend = InMemoryBackend(chunk_size=20)
    iotype = backend.add("catalogi", "informatieobjecttypen", {"omschrijving": "Bijlage"})
    content = bytes(range(50))
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["documenten"],
        headers=backend.auth_headers("documenten"),
    ) as client:
        body = new_document(iotype, inhoud=None, bestandsomvang=len(content))
        created = client.post("enkelvoudiginformatieobjecten", json=body)
        assert created.status_code == 201, created.text
        document = created.json()
        lock = document["lock"]
        assert document["locked"] is True
        assert document["inhoud"] is None
        parts = document["bestandsdelen"]
        assert [(p["volgnummer"], p["omvang"], p["voltooid"]) for p in parts] == [
            (1, 20, False),
            (2, 20, False),
            (3, 10, False),
        ]
        assert {p["lock"] for p in parts} == {lock}
        unlock = client.post(f"{document['url']}/unlock", json={"lock": lock})
        assert unlock.json()["invalidParams"][0]["code"] == "incomplete-upload"
        wrong = upload(client, parts[0]["url"], content[:20], "not-the-lock")
        assert wrong.json()["invalidParams"][0]["code"] == "incorrect-lock-id"
        short = upload(client, parts[0]["url"], content[:5], lock)
        assert short.json()["invalidParams"][0]["code"] == "file-size"
        for part, start in zip(parts, (0, 20, 40), strict=True):
            answer = upload(client, part["url"], content[start : start + part["omvang"]], lock)
            assert answer.status_code == 200, answer.text
            assert answer.json()["voltooid"] is True
            assert answer.json()["lock"] == lock
        unlocked = client.post(f"{document['url']}/unlock", json={"lock": lock})
        assert unlocked.status_code == 204
        after = client.get(document["url"]).json()
        assert after["bestandsdelen"] == []
        assert after["locked"] is False
        assert after["versie"] == 1
        assert after["inhoud"] == f"{document['url']}/download?versie=1"
        download = client.get(after["inhoud"])
        assert download.content == content
        assert download.headers["Content-Disposition"] == 'attachment; filename="bijlage.pdf"'


def test_default_chunk_size_gives_one_part(
    documenten: httpx.Client, iotype: dict[str, Any]
) -> None:
    body = new_document(iotype, inhoud=None, bestandsomvang=93)
    document = documenten.post("enkelvoudiginformatieobjecten", json=body).json()
    assert [(p["volgnummer"], p["omvang"]) for p in document["bestandsdelen"]] == [(1, 93)]


def test_locking_and_versions(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    inhoud = base64.b64encode(CONTENT).decode()
    url = documenten.post(
        "enkelvoudiginformatieobjecten", json=new_document(iotype, inhoud=inhoud)
    ).json()["url"]
    unlocked = documenten.patch(url, json={"titel": "x"})
    assert unlocked.json()["invalidParams"][0]["code"] == "unlocked"
    locked = documenten.post(f"{url}/lock")
    assert locked.status_code == 200
    lock = locked.json()["lock"]
    assert set(locked.json()) == {"lock"}
    assert documenten.post(f"{url}/lock").json()["invalidParams"][0]["code"] == "existing-lock"
    missing = documenten.patch(url, json={"titel": "x"})
    assert missing.status_code == 400
    assert missing.json()["invalidParams"] == [
        {
            "name": "nonFieldErrors",
            "code": "missing-lock-id",
            "reason": "Je moet het lock ID meegeven",
        }
    ]
    wrong = documenten.patch(url, json={"titel": "x", "lock": "0" * 32})
    assert wrong.json()["invalidParams"][0]["code"] == "incorrect-lock-id"
    new_content = b"second version"
    patched = documenten.patch(
        url,
        json={
            "titel": "Bewerkt",
            "lock": lock,
            "inhoud": base64.b64encode(new_content).decode(),
            "bestandsomvang": len(new_content),
        },
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["versie"] == 2
    assert body["locked"] is True
    assert body["inhoud"] == f"{url}/download?versie=2"
    assert "lock" not in body
    assert documenten.get(f"{url}/download").content == new_content
    assert documenten.get(f"{url}/download", params={"versie": 1}).content == CONTENT
    assert documenten.get(url, params={"versie": 1}).json()["titel"] == "Bijlage bij aanvraag"
    assert documenten.get(url, params={"versie": 9}).status_code == 404
    titel_only = documenten.patch(url, json={"titel": "Nog eens", "lock": lock}).json()
    assert titel_only["versie"] == 3
    assert documenten.get(titel_only["inhoud"]).content == new_content
    assert documenten.post(f"{url}/unlock", json={"lock": "nope"}).status_code == 400
    assert documenten.post(f"{url}/unlock", json={"lock": lock}).status_code == 204
    assert documenten.get(url).json()["locked"] is False


def test_zoek(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    first = documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype)).json()
    documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype))
    uuid = first["url"].rsplit("/", 1)[1]
    found = documenten.post("enkelvoudiginformatieobjecten/_zoek", json={"uuid__in": [uuid]})
    assert found.status_code == 200, found.text
    assert [r["url"] for r in found.json()["results"]] == [first["url"]]
    empty = documenten.post("enkelvoudiginformatieobjecten/_zoek", json={})
    assert empty.json()["invalidParams"][0]["code"] == "empty_search_body"


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"bronorganisatie": "002220647"}, 2),
        ({"titel": "BIJLAGE"}, 1),
        ({"auteur": "test"}, 2),
        ({"locked": "true"}, 1),
        ({"locked": "false"}, 1),
        ({"trefwoorden": "a,b"}, 1),
        ({"trefwoorden": "a,c"}, 0),
        ({"trefwoorden__overlap": "c,b"}, 1),
        ({"creatiedatum__gte": "2026-11-29"}, 1),
        ({"vertrouwelijkheidaanduiding": "intern"}, 2),
        ({"ordering": "-titel"}, 2),
    ],
)
def test_list_filters(
    documenten: httpx.Client, iotype: dict[str, Any], params: dict[str, str], expected: int
) -> None:
    documenten.post(
        "enkelvoudiginformatieobjecten",
        json=new_document(iotype, trefwoorden=["a", "b"]),
    )
    documenten.post(
        "enkelvoudiginformatieobjecten",
        json=new_document(
            iotype, titel="Brief", creatiedatum="2026-01-01", inhoud=None, bestandsomvang=3
        ),
    )
    response = documenten.get("enkelvoudiginformatieobjecten", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["count"] == expected


def test_documents_of_a_zaak(
    backend: InMemoryBackend,
    documenten: httpx.Client,
    zaken: httpx.Client,
    data: dict[str, Any],
    iotype: dict[str, Any],
) -> None:
    zaak = data["open"]["url"]
    linked = documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype)).json()
    documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype, titel="Los"))
    assert (
        zaken.post(
            "zaakinformatieobjecten", json={"zaak": zaak, "informatieobject": linked["url"]}
        ).status_code
        == 201
    )
    page = documenten.get(
        "enkelvoudiginformatieobjecten", params={"objectinformatieobjecten__object": zaak}
    ).json()
    assert [r["url"] for r in page["results"]] == [linked["url"]]
    by_type = documenten.get(
        "enkelvoudiginformatieobjecten", params={"objectinformatieobjecten__objectType": "zaak"}
    ).json()
    assert by_type["count"] == 1
    oios = documenten.get("objectinformatieobjecten", params={"object": zaak})
    assert oios.json() == [
        {
            "url": oios.json()[0]["url"],
            "informatieobject": linked["url"],
            "object": zaak,
            "objectType": "zaak",
        }
    ]
    again = documenten.post(
        "objectinformatieobjecten",
        json={"informatieobject": linked["url"], "object": zaak, "objectType": "zaak"},
    )
    assert again.status_code == 201
    assert again.json()["url"] == oios.json()[0]["url"]
    refused = documenten.delete(linked["url"])
    assert refused.json()["invalidParams"][0]["code"] == "pending-relations"


def test_gebruiksrechten_and_verzendingen(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    url = documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype)).json()["url"]
    assert documenten.get("gebruiksrechten").json() == []
    recht = documenten.post(
        "gebruiksrechten",
        json={
            "informatieobject": url,
            "startdatum": "2026-11-29T10:00:00Z",
            "omschrijvingVoorwaarden": "Alleen intern",
        },
    )
    assert recht.status_code == 201, recht.text
    assert documenten.get(url).json()["indicatieGebruiksrecht"] is True
    listed = documenten.get("gebruiksrechten", params={"startdatum__lt": "2026-12-01T00:00:00Z"})
    assert [r["url"] for r in listed.json()] == [recht.json()["url"]]
    documenten.delete(recht.json()["url"])
    assert documenten.get(url).json()["indicatieGebruiksrecht"] is None
    verzending = documenten.post(
        "verzendingen",
        json={
            "informatieobject": url,
            "betrokkene": "http://klanten.test/klanten/1",
            "aardRelatie": "geadresseerde",
            "contactPersoon": "http://medewerkers.test/1",
            "verzenddatum": "2026-11-29",
        },
    )
    assert verzending.status_code == 201, verzending.text
    page = documenten.get("verzendingen", params={"aardRelatie": "geadresseerde"}).json()
    assert page["count"] == 1


def test_audittrail(documenten: httpx.Client, iotype: dict[str, Any]) -> None:
    url = documenten.post("enkelvoudiginformatieobjecten", json=new_document(iotype)).json()["url"]
    documenten.post(f"{url}/lock")
    trail = documenten.get(f"{url}/audittrail").json()
    assert [(e["bron"], e["actie"], e["resource"]) for e in trail] == [
        ("DRC", "create", "enkelvoudiginformatieobject")
    ]


def test_download_over_http(backend: InMemoryBackend, iotype: dict[str, Any]) -> None:
    inhoud = base64.b64encode(CONTENT).decode()
    headers = backend.auth_headers("documenten")
    with backend.serve() as served:
        root = served.api_roots["documenten"]
        created = httpx.post(
            f"{root}enkelvoudiginformatieobjecten",
            json=new_document(iotype, inhoud=inhoud),
            headers=headers,
        ).json()
        assert created["inhoud"].startswith(root)
        download = httpx.get(created["inhoud"], headers=headers)
    assert download.content == CONTENT
    assert "API-version" not in download.headers


def test_crs_headers_are_not_needed(backend: InMemoryBackend, iotype: dict[str, Any]) -> None:
    headers = {**backend.auth_headers("documenten"), **CRS}
    with httpx.Client(transport=backend.transport(), headers=headers) as client:
        response = client.get(backend.api_roots["documenten"] + "enkelvoudiginformatieobjecten")
    assert response.status_code == 200
    assert "Content-Crs" not in response.headers
