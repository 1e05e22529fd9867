"""Objects API 2.7 as Open Object 4.0: objecttypes, CRS, data_attr, search and its 500 bug."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend

from ._replay import body, names, replay

CRS = {"Content-Crs": "EPSG:4326"}
SCHEMA = {
    "type": "object",
    "required": ["titel", "status", "identificatie"],
    "properties": {
        "titel": {"type": "string"},
        "status": {"type": "string", "enum": ["open", "afgerond", "verwerkt"]},
        "bedrag": {"type": "number"},
        "identificatie": {
            "type": "object",
            "required": ["type", "value"],
            "properties": {"type": {"type": "string"}, "value": {"type": "string"}},
        },
    },
}


@pytest.fixture
def client(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["objecten"],
        headers=backend.auth_headers("objecten"),
    ) as client:
        yield client


@pytest.fixture
def objecttype(client: httpx.Client) -> str:
    created = client.post("objecttypes", json={"name": "Taak", "namePlural": "Taken"})
    assert created.status_code == 201, created.text
    assert "Content-Crs" not in created.headers
    version = client.post(
        f"objecttypes/{created.json()['uuid']}/versions",
        json={"status": "published", "jsonSchema": SCHEMA},
    )
    assert version.status_code == 201, version.text
    assert version.json()["url"].endswith("/versions/1")
    assert version.json()["publishedAt"] is not None
    url: str = created.json()["url"]
    return url


def taak(titel: str, status: str = "open", bsn: str = "999993653", **extra: Any) -> dict[str, Any]:
    return {
        "titel": titel,
        "status": status,
        "identificatie": {"type": "bsn", "value": bsn},
        **extra,
    }


@pytest.fixture
def objects(client: httpx.Client, objecttype: str) -> list[dict[str, Any]]:
    created = []
    for data, start in (
        (taak("Betaal uw parkeerbon", bedrag=74.9, verloopdatum="2026-12-15"), "2026-11-01"),
        (taak("Geef informatie, subsidie", verloopdatum="2026-12-02"), "2026-11-20"),
        (taak("Verleng uw identiteitskaart", status="verwerkt"), "2026-10-01"),
        (taak("Lever een plattegrond aan", bsn="999990019", bedrag=12), "2026-11-25"),
    ):
        response = client.post(
            "objects",
            json={"type": objecttype, "record": {"typeVersion": 1, "data": data, "startAt": start}},
            headers=CRS,
        )
        assert response.status_code == 201, response.text
        created.append(response.json())
    return created


def test_objecttype_lists_its_versions(client: httpx.Client, objecttype: str) -> None:
    detail = client.get(objecttype).json()
    assert detail["versions"] == [f"{objecttype}/versions/1"]
    listed = client.get(f"{objecttype}/versions").json()
    assert listed["count"] == 1
    assert client.get(f"{objecttype}/versions/2").status_code == 404
    published = client.patch(f"{objecttype}/versions/1", json={"jsonSchema": {}})
    assert published.status_code == 400
    second = client.post(f"{objecttype}/versions", json={"jsonSchema": {}}).json()
    assert second["version"] == 2
    assert second["status"] == "draft"
    assert client.patch(second["url"], json={"status": "published"}).json()["version"] == 2


def test_crs_headers(client: httpx.Client, objecttype: str, objects: list[dict[str, Any]]) -> None:
    listed = client.get("objects")
    assert listed.status_code == 200
    assert listed.headers["Content-Crs"] == "EPSG:4326"
    assert "ETag" not in client.get(objects[0]["url"]).headers
    body = {
        "type": objecttype,
        "record": {"typeVersion": 1, "data": taak("x"), "startAt": "2026-11-29"},
    }
    missing = client.post("objects", json=body)
    assert missing.status_code == 412
    assert missing.json()["detail"] == "'Content-Crs' header ontbreekt"
    assert missing.headers["Content-Crs"] == "EPSG:4326"
    assert client.get("objects", headers={"Accept-Crs": "EPSG:28992"}).status_code == 406
    gone = client.get("objects/00000000-0000-0000-0000-000000000000")
    assert gone.status_code == 404
    assert gone.json()["title"] == "Not found."
    assert gone.headers["Content-Crs"] == "EPSG:4326"


def test_write_validation(client: httpx.Client, objecttype: str) -> None:
    def post(payload: dict[str, Any]) -> dict[str, Any]:
        response = client.post("objects", json=payload, headers=CRS)
        assert response.status_code == 400, response.text
        result: dict[str, Any] = response.json()
        return result

    schema = post(
        {
            "type": objecttype,
            "record": {
                "typeVersion": 1,
                "startAt": "2026-11-28",
                "data": {"titel": "x", "status": "bogus"},
            },
        }
    )
    assert schema["invalid_params"] == [
        {
            "name": "nonFieldErrors",
            "code": "invalid-json-schema",
            "reason": "'identificatie' is a required property",
        }
    ]
    assert schema["title"] == "Invalid input."
    enum = post(
        {
            "type": objecttype,
            "record": {
                "typeVersion": 1,
                "startAt": "2026-11-28",
                "data": taak("x", status="bogus"),
            },
        }
    )
    assert "is not one of" in enum["invalid_params"][0]["reason"]
    missing = post({"type": objecttype, "record": {"data": {}}})
    assert {p["name"] for p in missing["invalid_params"]} == {
        "record.typeVersion",
        "record.startAt",
    }
    unknown = post(
        {"type": objecttype + "x", "record": {"typeVersion": 1, "startAt": "2026-11-28"}}
    )
    assert unknown["invalid_params"][0]["code"] == "does_not_exist"
    version = post({"type": objecttype, "record": {"typeVersion": 9, "startAt": "2026-11-28"}})
    assert version["invalid_params"][0]["name"] == "nonFieldErrors"


@pytest.mark.parametrize(
    ("data_attr", "expected"),
    [
        (["identificatie__value__exact__999993653"], 3),
        (["identificatie__value__exact__999993653", "status__exact__open"], 2),
        (["status__in__verwerkt|afgerond"], 1),
        (["titel__icontains__PARKEERBON"], 1),
        (["titel__icontains__subsidie, "], 0),
        (["bedrag__gt__50"], 1),
        (["bedrag__lte__12"], 1),
        (["bedrag__exact__74.9"], 1),
        (["verloopdatum__lt__2026-12-10"], 1),
        (["verloopdatum__gte__2026-12-01"], 2),
        (["onbekend__exact__x"], 0),
    ],
)
def test_data_attr(
    client: httpx.Client,
    objecttype: str,
    objects: list[dict[str, Any]],
    data_attr: list[str],
    expected: int,
) -> None:
    params = [("type", objecttype), *(("data_attr", v) for v in data_attr)]
    response = client.get("objects", params=params)  # type: ignore[arg-type]
    assert response.status_code == 200, response.text
    assert response.json()["count"] == expected


@pytest.mark.filterwarnings("ignore:data_attrs parameter is deprecated")
def test_data_attr_commas_and_errors(client: httpx.Client, objects: list[dict[str, Any]]) -> None:
    assert (
        client.get(
            "objects", params={"data_attr": "titel__exact__Geef informatie, subsidie"}
        ).json()["count"]
        == 1
    )
    combined = {"data_attrs": "identificatie__value__exact__999993653,status__exact__open"}
    assert client.get("objects", params=combined).json()["count"] == 2
    assert client.get("objects", params={"data_icontains": "plattegrond"}).json()["count"] == 1
    assert client.get("objects", params={"date": "2026-11-10"}).json()["count"] == 2
    unknown = client.get("objects", params={"data_attr": "status__like__open"})
    assert unknown.status_code == 400
    assert unknown.json()["invalid_params"][0]["reason"] == "Comparison operator `like` is unknown"
    text = client.get("objects", params={"data_attr": "titel__gt__abc"}).json()
    assert "supports only dates and/or numeric values" in text["invalid_params"][0]["reason"]
    ordered = client.get("objects", params={"ordering": "-record__data__titel"}).json()["results"]
    assert ordered[0]["record"]["data"]["titel"] == "Verleng uw identiteitskaart"


@pytest.mark.filterwarnings("ignore:data_attrs parameter is deprecated")
def test_search(client: httpx.Client, objecttype: str, objects: list[dict[str, Any]]) -> None:
    body = {
        "type": objecttype,
        "data_attrs": "identificatie__value__exact__999993653,status__exact__open",
    }
    found = client.post("objects/search", json=body, params={"pageSize": 1}, headers=CRS)
    assert found.status_code == 200
    assert found.json()["count"] == 2
    assert found.json()["next"].endswith("objects/search?page=2&pageSize=1")
    assert client.post("objects/search", json=body).status_code == 412
    crash = client.post(
        "objects/search",
        json={"type": objecttype, "data_attr": "identificatie__value__exact__999993653"},
        headers=CRS,
    )
    assert crash.status_code == 500
    assert crash.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<html" in crash.text


def test_update_adds_a_record(client: httpx.Client, objects: list[dict[str, Any]]) -> None:
    url = objects[1]["url"]
    patched = client.patch(
        url,
        json={
            "record": {
                "data": taak("Geef informatie, subsidie", status="afgerond"),
                "startAt": "2026-11-28",
            }
        },
        headers=CRS,
    )
    assert patched.status_code == 200, patched.text
    record = patched.json()["record"]
    assert (record["index"], record["typeVersion"]) == (2, 1)
    history = client.get(f"{url}/history").json()["results"]
    assert [r["endAt"] for r in history] == ["2026-11-28", None]
    assert client.get(f"{url}/1").json()["data"]["status"] == "open"
    assert client.patch(url, json={"type": "http://zgw.test/x"}, headers=CRS).status_code == 400
    assert client.delete(url).status_code == 204
    assert client.get(url).status_code == 404


def test_token_auth(backend: InMemoryBackend) -> None:
    with httpx.Client(transport=backend.transport()) as plain:
        response = plain.get(backend.api_roots["objecten"] + "objects")
        assert response.status_code == 401
        assert response.json()["title"] == "Authentication credentials were not provided."


# -- the recorded Objects API 4.0 exchanges ------------------------------------------------

O40 = "objects40"


def sample_backend() -> InMemoryBackend:
    """The sample host, with the Objects API mounted at ``/api/v2/`` as Open Object does."""
    backend = InMemoryBackend("http://127.0.0.1:8003")
    backend.mount_api(dataclasses.replace(backend.apis["objecten"], root_path="/api/v2/"))
    backend.add("objecten", "objecttypes", body(O40, "objecttype_detail.json"))
    backend.add("objecten", "objecttype-versions", body(O40, "objecttype_version_detail.json"))
    seen = set()
    for name in ("object_list_paged.json", "object_list_data_attr.json", "object_detail.json"):
        found = body(O40, name)
        for resource in found.get("results", [found]):
            if resource["uuid"] not in seen:
                seen.add(resource["uuid"])
                backend.add("objecten", "objects", resource)
    return backend


@pytest.mark.skipif(not names(O40), reason="recorded samples not found (../shared absent)")
@pytest.mark.parametrize("name", names(O40))
def test_objects40_sample_shape(name: str) -> None:
    # the framework answers a 401 before any handler runs, so without Content-Crs; and it
    # adds API-version to every handler's answer, the HTML 500 included
    ignore = {
        "error_401_no_token.json": ("Content-Crs",),
        "bug_500_search_data_attr_in_body.json": ("API-version",),
    }.get(name, ())
    replay(sample_backend(), O40, name, ignore_headers=ignore)
