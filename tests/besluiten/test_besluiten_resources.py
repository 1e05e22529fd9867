"""The Besluiten resources on both faces, against recorded Open Zaak shapes."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.catalogi.conftest import ROOTS, Routes, sample
from tests.conftest import collect, resolve
from zgw_client import BadRequestError, InputError
from zgw_client.besluiten.models import AuditTrail, Besluit, BesluitInformatieObject

ROOT = ROOTS["besluiten"]


async def test_list_filters_and_pages(api_client: Any, routes: Routes) -> None:
    first = sample("besluiten_besluit_list")
    last = {**first, "next": None, "results": first["results"][:1]}

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=last if "page" in request.url.params else first)

    routes.add("GET", f"{ROOT}besluiten", answer)
    zaak = "https://openzaak.test/zaken/api/v1/zaken/592fe2e5-602f-4254-89d7-0ec780cb0f14"
    besluiten = await collect(
        api_client.besluiten.besluiten.list(
            zaak=zaak, verantwoordelijke_organisatie="002220647", page_size=2
        )
    )
    assert len(besluiten) == len(first["results"]) + 1
    assert all(isinstance(b, Besluit) for b in besluiten)
    params = routes.log[0].url.params
    assert params["zaak"] == zaak
    assert params["verantwoordelijkeOrganisatie"] == "002220647"
    assert params["pageSize"] == "2"


async def test_get_create_patch_delete(api_client: Any, routes: Routes) -> None:
    detail = sample("besluiten_besluit_detail")
    created = sample("write_besluit_post_201")
    routes.add("GET", detail["url"], detail)
    routes.add("POST", f"{ROOT}besluiten", created, status=201)
    routes.add("PATCH", created["url"], {**created, "toelichting": "bijgewerkt"})
    routes.add("DELETE", created["url"], lambda request: httpx.Response(204))
    resource = api_client.besluiten.besluiten

    got = await resolve(resource.get(detail["url"].rsplit("/", 1)[1]))
    assert isinstance(got, Besluit)
    assert got.url == detail["url"]
    made = await resolve(resource.create(sample("write_besluit_post_201", "request")))
    assert made.url == created["url"]
    assert json.loads(routes.log[-1].content) == sample("write_besluit_post_201", "request")
    patched = await resolve(resource.partial_update(made, {"toelichting": "bijgewerkt"}))
    assert patched.toelichting == "bijgewerkt"
    await resolve(resource.delete(made))
    assert routes.log[-1].method == "DELETE"


async def test_besluitinformatieobjecten_plain_array_and_400(
    api_client: Any, routes: Routes
) -> None:
    besluit = sample("besluiten_besluit_detail")["url"]
    link = {
        "url": f"{ROOT}besluitinformatieobjecten/0b8f4c2a-0000-4000-8000-000000000001",
        "besluit": besluit,
        "informatieobject": "https://openzaak.test/documenten/api/v1/enkelvoudiginformatieobjecten/3ad20ba4-e234-4747-bb3b-6f49faf20fab",
    }
    routes.add("GET", f"{ROOT}besluitinformatieobjecten", [link])
    links = await collect(api_client.besluiten.besluitinformatieobjecten.list(besluit=besluit))
    assert [type(x) for x in links] == [BesluitInformatieObject]
    assert routes.log[-1].url.params["besluit"] == besluit

    refused = sample("write_besluitinformatieobject_post_400")
    routes.add(
        "POST",
        f"{ROOT}besluitinformatieobjecten",
        lambda request: httpx.Response(
            400, json=refused, headers={"Content-Type": "application/problem+json"}
        ),
    )
    with pytest.raises(BadRequestError) as caught:
        await resolve(
            api_client.besluiten.besluitinformatieobjecten.create(
                {"besluit": besluit, "informatieobject": link["informatieobject"]}
            )
        )
    assert caught.value.code == refused["code"]


async def test_audittrail(api_client: Any, routes: Routes) -> None:
    besluit = sample("besluiten_besluit_detail")["url"]
    routes.add("GET", f"{besluit}/audittrail", sample("zaken_zaak_audittrail")[:1])
    trail = await resolve(api_client.besluiten.besluiten.audittrail(besluit))
    assert [type(t) for t in trail] == [AuditTrail]


async def test_unknown_filter_is_refused(api_client: Any) -> None:
    with pytest.raises(InputError, match="Unknown filter"):
        api_client.besluiten.besluiten.list(besluit_type="x")


def test_sync_face_is_generated() -> None:
    from zgw_client._sync.besluiten import Besluiten, BesluitenAPI

    assert hasattr(Besluiten, "audittrail")
    assert BesluitenAPI.kind == "besluiten"
