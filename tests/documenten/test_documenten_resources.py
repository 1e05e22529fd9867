"""The Documenten collections on both faces, against recorded Open Zaak shapes."""

from __future__ import annotations

import json
from functools import cached_property
from typing import Any

import httpx
import pytest

from tests.catalogi.conftest import ROOTS, Routes, sample
from tests.conftest import collect, resolve
from zgw_client import BadRequestError, InputError
from zgw_client.documenten.models import (
    AuditTrail,
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    ObjectInformatieObject,
    Verzending,
)

ROOT = ROOTS["documenten"]
EIO = f"{ROOT}enkelvoudiginformatieobjecten"


def page(results: list[Any]) -> dict[str, Any]:
    return {"count": len(results), "next": None, "previous": None, "results": results}


async def test_eio_list_follows_pages_and_types_items(api_client: Any, routes: Routes) -> None:
    first = sample("documenten_eio_list")
    second = page([first["results"][0]])

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=second if "page" in request.url.params else first)

    routes.add("GET", EIO, answer)
    docs = await collect(
        api_client.documenten.enkelvoudiginformatieobjecten.list(
            bronorganisatie="002220647", page_size=2, expand=["informatieobjecttype"]
        )
    )
    assert len(docs) == len(first["results"]) + 1
    assert all(isinstance(d, EnkelvoudigInformatieObject) for d in docs)
    params = routes.log[0].url.params
    assert params["bronorganisatie"] == "002220647"
    assert params["pageSize"] == "2"
    assert params["expand"] == "informatieobjecttype"


async def test_eio_get_create_update_patch_delete(api_client: Any, routes: Routes) -> None:
    created = sample("write_eio_post_201")
    url = created["url"]
    routes.add("POST", EIO, created, status=201)
    routes.add("GET", url, sample("documenten_eio_detail"))
    routes.add("PUT", url, created)
    routes.add("PATCH", url, {**created, "titel": "Nieuw"})
    routes.add("DELETE", url, lambda request: httpx.Response(204))
    resource = api_client.documenten.enkelvoudiginformatieobjecten

    doc = await resolve(resource.create(sample("write_eio_post_201", "request")))
    assert isinstance(doc, EnkelvoudigInformatieObject)
    assert doc.inhoud
    assert doc.inhoud.endswith("/download?versie=1")
    assert isinstance(await resolve(resource.get(url)), EnkelvoudigInformatieObject)
    await resolve(resource.update(url, {"titel": "x", "lock": "abc"}))
    changed = await resolve(resource.partial_update(url, {"titel": "Nieuw", "lock": "abc"}))
    assert changed.titel == "Nieuw"
    assert json.loads(routes.log[-1].content) == {"titel": "Nieuw", "lock": "abc"}
    await resolve(resource.delete(url, headers={"X-Audit-Toelichting": "dubbel"}))
    assert routes.log[-1].method == "DELETE"
    assert routes.log[-1].headers["X-Audit-Toelichting"] == "dubbel"


async def test_patch_without_lock_maps_to_bad_request(api_client: Any, routes: Routes) -> None:
    recorded = sample("write_eio_patch_without_lock_400")
    url = f"{EIO}/e878b07e-5cbf-47bf-bbb1-49663236f120"
    routes.add(
        "PATCH",
        url,
        lambda request: httpx.Response(
            400, json=recorded, headers={"Content-Type": "application/problem+json"}
        ),
    )
    with pytest.raises(BadRequestError) as caught:
        await resolve(
            api_client.documenten.enkelvoudiginformatieobjecten.partial_update(url, {"titel": "x"})
        )
    assert caught.value.code == recorded["code"]


async def test_search_posts_uuids_and_expand_as_arrays(api_client: Any, routes: Routes) -> None:
    routes.add("POST", f"{EIO}/_zoek", page(sample("documenten_eio_list")["results"]))
    uuids = ["3ad20ba4-e234-4747-bb3b-6f49faf20fab", "e878b07e-5cbf-47bf-bbb1-49663236f120"]
    found = await collect(
        api_client.documenten.enkelvoudiginformatieobjecten.search(
            uuid__in=tuple(uuids), expand=["informatieobjecttype"]
        )
    )
    assert found
    assert all(isinstance(d, EnkelvoudigInformatieObject) for d in found)
    body = json.loads(routes.log[0].content)
    assert body == {"uuid__in": uuids, "expand": ["informatieobjecttype"]}


async def test_audittrail_is_a_plain_list(api_client: Any, routes: Routes) -> None:
    url = f"{EIO}/3ad20ba4-e234-4747-bb3b-6f49faf20fab"
    entry = sample("zaken_zaak_audittrail")[0]
    routes.add("GET", f"{url}/audittrail", [entry])
    trail = await resolve(api_client.documenten.enkelvoudiginformatieobjecten.audittrail(url))
    assert [type(t) for t in trail] == [AuditTrail]


async def test_objectinformatieobjecten_plain_array(api_client: Any, routes: Routes) -> None:
    body = sample("documenten_oio_list_by_object")
    zaak = body[0]["object"]
    routes.add("GET", f"{ROOT}objectinformatieobjecten", body)
    links = await collect(api_client.documenten.objectinformatieobjecten.list(object=zaak))
    assert [type(link) for link in links] == [ObjectInformatieObject]
    assert routes.log[0].url.params["object"] == zaak
    detail = sample("documenten_oio_detail")
    routes.add("GET", detail["url"], detail)
    got = await resolve(api_client.documenten.objectinformatieobjecten.get(detail["url"]))
    assert isinstance(got, ObjectInformatieObject)


async def test_gebruiksrechten_and_verzendingen(api_client: Any, routes: Routes) -> None:
    recht = {
        "url": f"{ROOT}gebruiksrechten/1b2c3d4e-0000-4000-8000-000000000001",
        "informatieobject": f"{EIO}/3ad20ba4-e234-4747-bb3b-6f49faf20fab",
        "startdatum": "2026-01-01T00:00:00Z",
        "omschrijvingVoorwaarden": "geen",
    }
    routes.add("GET", f"{ROOT}gebruiksrechten", [recht])
    routes.add("POST", f"{ROOT}gebruiksrechten", recht, status=201)
    rechten = await collect(api_client.documenten.gebruiksrechten.list())
    assert [type(r) for r in rechten] == [Gebruiksrechten]
    created = await resolve(api_client.documenten.gebruiksrechten.create(recht))
    assert created.omschrijving_voorwaarden == "geen"

    verzending = {
        "url": f"{ROOT}verzendingen/1b2c3d4e-0000-4000-8000-000000000002",
        "informatieobject": recht["informatieobject"],
        "aardRelatie": "afzender",
    }
    routes.add("GET", f"{ROOT}verzendingen", page([verzending]))
    found = await collect(api_client.documenten.verzendingen.list(aard_relatie="afzender"))
    assert [type(v) for v in found] == [Verzending]
    assert routes.log[-1].url.params["aardRelatie"] == "afzender"


async def test_unknown_filter_is_refused(api_client: Any) -> None:
    with pytest.raises(InputError, match="Unknown filter"):
        api_client.documenten.enkelvoudiginformatieobjecten.list(titl="x")


def test_namespaces_exist_on_both_faces() -> None:
    from zgw_client import AsyncZGWClient, ZGWClient
    from zgw_client._sync.documenten import DocumentenAPI

    assert isinstance(ZGWClient.__dict__["documenten"], cached_property)
    assert "documenten" in AsyncZGWClient.__dict__
    assert DocumentenAPI.kind == "documenten"
