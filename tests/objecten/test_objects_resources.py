"""The Objects API resources on both faces: the backend, and the samples of both versions."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import collect, resolve, samples_dir
from tests.klantinteracties.conftest import offline_client
from tests.objecten.conftest import BSN, TAAK_V1_SCHEMA, Seeded, objecttype
from zgw_client import (
    AsyncZGWClient,
    InputError,
    NotFoundError,
    Service,
    TokenCredentials,
    ZGWClient,
    ZGWConfig,
)
from zgw_client.objecten.models import Object, ObjectRecord, Objecttype, ObjecttypeVersion
from zgw_client.testing import InMemoryBackend

TOKEN = TokenCredentials("t" * 40)


async def test_list_sends_data_attr_repeated_and_types_objects(
    client: Any, seeded: Seeded, backend: InMemoryBackend
) -> None:
    backend.request_log.clear()
    found = await collect(
        client.objecten.objects.list(
            type=seeded.types["v2"],
            data_attr=["identificatie__value__exact__" + BSN, "status__exact__open"],
            page_size=2,
        )
    )
    assert all(isinstance(o, Object) for o in found)
    assert {o.url for o in found} == {seeded.objects["v2_soon"], seeded.objects["v2_zaak"]}
    first = httpx.URL(backend.request_log[0][1])
    assert first.params.get_list("data_attr") == [
        "identificatie__value__exact__" + BSN,
        "status__exact__open",
    ]
    assert first.params["pageSize"] == "2"
    # One expression may be a plain string; a tuple works as well.
    one = await collect(client.objecten.objects.list(data_attr="titel__exact__Betaal"))
    assert [o.url for o in one] == [seeded.objects["v2_soon"]]
    same = await collect(client.objecten.objects.list(data_attr=("titel__exact__Betaal",)))
    assert [o.url for o in same] == [seeded.objects["v2_soon"]]


async def test_a_malformed_data_attr_is_refused_before_sending(face: str) -> None:
    client = offline_client(face)
    with pytest.raises(InputError, match="key__operator__value"):
        client.objecten.objects.list(data_attr=["status=open"])
    with pytest.raises(InputError, match="Unknown filter"):
        client.objecten.objects.list(data_attribute="status__exact__open")


async def test_search_sends_data_attrs_in_the_body_never_data_attr(
    client: Any, seeded: Seeded
) -> None:
    found = await collect(
        client.objecten.objects.search(
            type=seeded.types["v2"],
            data_attrs=["identificatie__value__exact__" + BSN, "status__exact__open"],
            page_size=1,
        )
    )
    assert {o.url for o in found} == {seeded.objects["v2_soon"], seeded.objects["v2_zaak"]}
    joined = await collect(
        client.objecten.objects.search(data_attrs="titel__exact__Betaal,status__exact__open")
    )
    assert [o.url for o in joined] == [seeded.objects["v2_soon"]]


async def test_search_refuses_an_expression_with_a_comma(face: str) -> None:
    client = offline_client(face)
    with pytest.raises(InputError, match="comma"):
        client.objecten.objects.search(data_attrs=["titel__exact__a,b"])


async def test_crud_with_content_crs_and_history(client: Any, backend: InMemoryBackend) -> None:
    type_url = objecttype(backend, "TaakV1", TAAK_V1_SCHEMA)
    objects = client.objecten.objects
    data = {
        "titel": "Nieuw",
        "status": "open",
        "formulier": {"type": "url", "value": "https://formulieren.example.com/x"},
        "identificatie": {"type": "bsn", "value": BSN},
    }
    created = await resolve(
        objects.create(
            {"type": type_url, "record": {"typeVersion": 1, "data": data, "startAt": "2026-11-29"}}
        )
    )
    assert isinstance(created, Object)
    assert created.objecttype_uuid is not None
    changed = await resolve(
        objects.partial_update(
            created.uuid,
            {
                "record": {
                    "typeVersion": 1,
                    "data": {**data, "status": "ingediend"},
                    "startAt": "2026-11-30",
                }
            },
        )
    )
    assert changed.record.data["status"] == "ingediend"
    assert changed.record.index == 2
    replaced = await resolve(
        objects.update(
            created.url,
            {
                "type": type_url,
                "record": {"typeVersion": 1, "data": data, "startAt": "2026-12-01"},
            },
        )
    )
    assert replaced.record.index == 3
    history = await collect(objects.history(created))
    assert [r.index for r in history] == [1, 2, 3]
    assert all(isinstance(r, ObjectRecord) for r in history)
    # The writes carried Content-Crs: the backend, like the real servers, answers 412 without.
    await resolve(objects.delete(created.url))
    with pytest.raises(NotFoundError):
        await resolve(objects.get(created.url))


async def test_objecttypes_on_the_objects_api(client: Any, seeded: Seeded) -> None:
    objecttypes = client.objecten.objecttypes
    assert objecttypes.service == "objecten"
    listed = await collect(objecttypes.list())
    assert seeded.types["v1"] in {t.url for t in listed}
    taak = await resolve(objecttypes.get(seeded.types["v1"].rsplit("/", 1)[-1]))
    assert isinstance(taak, Objecttype)
    assert taak.name == "TaakV1"
    versions = await collect(objecttypes.versions(taak))
    assert [v.version for v in versions] == [1]
    version = await resolve(objecttypes.version(taak.url, 1))
    assert isinstance(version, ObjecttypeVersion)
    assert version.json_schema["properties"]["status"]["enum"] == ["open", "ingediend", "verwerkt"]


def _sample(name: str) -> dict[str, Any]:
    return dict(json.loads((samples_dir() / name).read_text(encoding="utf-8")))


def _sample_client(face: str, handler: Any, *, objecttypen: bool) -> Any:
    services = {"objecten": Service("http://127.0.0.1:8004/api/v2/", TOKEN)}
    if objecttypen:
        services["objecttypen"] = Service("http://127.0.0.1:8002/api/v2/", TOKEN)
    transport = httpx.MockTransport(handler)
    if face == "sync":
        return ZGWClient(ZGWConfig(services), http_client=httpx.Client(transport=transport))
    return AsyncZGWClient(ZGWConfig(services), http_client=httpx.AsyncClient(transport=transport))


async def test_objecttypes_come_from_the_objecttypen_service_when_configured(face: str) -> None:
    """Objects 3.6: the objecttypes live in the separate Objecttypes API (:8002)."""
    listing = _sample("objecttypes/objecttype_list.json")["response"]["body"]
    version = _sample("objecttypes/objecttype_version_detail.json")["response"]["body"]
    seen: list[httpx.URL] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url)
        body = version if "/versions/" in request.url.path else listing
        return httpx.Response(200, json=body)

    client = _sample_client(face, handler, objecttypen=True)
    assert client.objecten.objecttypes.service == "objecttypen"
    found = await collect(client.objecten.objecttypes.list(page_size=2))
    assert found[0].name == "Taak"
    got = await resolve(client.objecten.objecttypes.version(found[0], 1))
    assert got.json_schema["title"] == "Taak"
    assert {u.port for u in seen} == {8002}
    assert str(seen[0]) == "http://127.0.0.1:8002/api/v2/objecttypes?pageSize=2"


@pytest.mark.parametrize("server", ["objects36", "objects40"])
async def test_requests_match_the_samples_of_both_versions(face: str, server: str) -> None:
    """Same wire as the recorded exchanges: repeated data_attr, data_attrs in the body, CRS."""
    listed = _sample(f"{server}/object_list_data_attr.json")
    searched = _sample(f"{server}/object_search_data_attrs.json")
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        sample = searched if request.method == "POST" else listed
        body = dict(sample["response"]["body"])
        body["next"] = None
        return httpx.Response(200, json=body, headers={"Content-Crs": "EPSG:4326"})

    port = httpx.URL(listed["request"]["url"]).port
    services = {"objecten": Service(f"http://127.0.0.1:{port}/api/v2/", TOKEN)}
    transport = httpx.MockTransport(handler)
    client: Any = (
        ZGWClient(ZGWConfig(services), http_client=httpx.Client(transport=transport))
        if face == "sync"
        else AsyncZGWClient(ZGWConfig(services), http_client=httpx.AsyncClient(transport=transport))
    )
    want = httpx.URL(listed["request"]["url"])
    found = await collect(
        client.objecten.objects.list(
            type=want.params["type"], data_attr=want.params.get_list("data_attr")
        )
    )
    assert sent[0].url.params.multi_items() == want.params.multi_items()
    assert found
    assert all(o.record.data["status"] == "open" for o in found)

    body = searched["request"]["body"]
    await collect(
        client.objecten.objects.search(
            type=body["type"], data_attrs=body["data_attrs"].split(","), page_size=2
        )
    )
    post = sent[-1]
    assert json.loads(post.content) == body
    assert post.url.params["pageSize"] == "2"
    assert post.headers["Content-Crs"] == "EPSG:4326"
