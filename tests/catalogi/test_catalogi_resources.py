"""The Catalogi resources on both faces, against recorded Open Zaak shapes."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.catalogi.conftest import ROOTS, Routes, sample
from tests.conftest import collect, resolve
from zgw_client import InputError
from zgw_client.catalogi.models import (
    Besluittype,
    Catalogus,
    Eigenschap,
    Informatieobjecttype,
    Resultaattype,
    Roltype,
    Statustype,
    Zaakobjecttype,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)

ROOT = ROOTS["catalogi"]
UUID = "058df6e8-92b0-41ab-b6fd-b67d521c7d60"


def page(results: list[Any], next_url: str | None = None) -> dict[str, Any]:
    return {"count": len(results), "next": next_url, "previous": None, "results": results}


RESOURCES = [
    ("catalogussen", "catalogussen", Catalogus),
    ("zaaktypen", "zaaktypen", Zaaktype),
    ("statustypen", "statustypen", Statustype),
    ("resultaattypen", "resultaattypen", Resultaattype),
    ("roltypen", "roltypen", Roltype),
    ("eigenschappen", "eigenschappen", Eigenschap),
    ("informatieobjecttypen", "informatieobjecttypen", Informatieobjecttype),
    ("besluittypen", "besluittypen", Besluittype),
    (
        "zaaktype_informatieobjecttypen",
        "zaaktype-informatieobjecttypen",
        ZaaktypeInformatieobjecttype,
    ),
    ("zaakobjecttypen", "zaakobjecttypen", Zaakobjecttype),
]


@pytest.mark.parametrize(("attribute", "path", "model"), RESOURCES)
async def test_every_collection_lists_and_gets_its_model(
    api_client: Any, routes: Routes, attribute: str, path: str, model: type[Any]
) -> None:
    url = f"{ROOT}{path}/{UUID}"
    item = {"url": url, "concept": True}
    routes.add("GET", f"{ROOT}{path}", page([item]))
    routes.add("GET", url, item)
    resource = getattr(api_client.catalogi, attribute)
    items = await collect(resource.list(page_size=5))
    assert [type(i) for i in items] == [model]
    assert routes.log[-1].url.params["pageSize"] == "5"
    got = await resolve(resource.get(UUID))
    assert isinstance(got, model)
    assert got.url == url


async def test_zaaktypen_list_sends_typed_filters_and_parses_samples(
    api_client: Any, routes: Routes
) -> None:
    routes.add("GET", f"{ROOT}zaaktypen", {**sample("catalogi_zaaktype_list"), "next": None})
    catalogus = f"{ROOT}catalogussen/26c08ce9-8f3f-4c4a-974c-b52608992db0"
    zaaktypen = await collect(
        api_client.catalogi.zaaktypen.list(
            catalogus=catalogus, status="alles", trefwoorden=["a", "b"]
        )
    )
    assert zaaktypen
    assert all(isinstance(z, Zaaktype) for z in zaaktypen)
    params = routes.log[0].url.params
    assert params["catalogus"] == catalogus
    assert params["status"] == "alles"
    assert params["trefwoorden"] == "a,b"


async def test_unknown_filter_is_refused(api_client: Any, routes: Routes) -> None:
    with pytest.raises(InputError, match="Unknown filter 'zaaktyp'"):
        api_client.catalogi.statustypen.list(zaaktyp="x")
    assert routes.log == []


async def test_published_zaaktype_is_served_from_cache(api_client: Any, routes: Routes) -> None:
    body = sample("catalogi_zaaktype_detail")
    assert body["concept"] is False
    routes.add("GET", body["url"], body)
    first = await resolve(api_client.catalogi.zaaktypen.get(body["url"]))
    second = await resolve(api_client.catalogi.zaaktypen.get(UUID))
    assert first == second
    assert isinstance(first, Zaaktype)
    assert len(routes.requests("GET")) == 1


async def test_concept_zaaktype_is_fetched_every_time(api_client: Any, routes: Routes) -> None:
    body = {**sample("catalogi_zaaktype_detail"), "concept": True}
    routes.add("GET", body["url"], body)
    await resolve(api_client.catalogi.zaaktypen.get(UUID))
    await resolve(api_client.catalogi.zaaktypen.get(UUID))
    assert len(routes.requests("GET")) == 2


async def test_statustypen_of_reads_all_pages_sorted_by_volgnummer(
    api_client: Any, routes: Routes
) -> None:
    zaaktype = f"{ROOT}zaaktypen/{UUID}"
    first = sample("catalogi_statustype_list")  # volgnummers 4 and 3, with a next link
    second = page(
        [{**first["results"][0], "url": f"{ROOT}statustypen/{n}", "volgnummer": n} for n in (2, 1)]
    )

    def answer(request: httpx.Request) -> httpx.Response:
        assert request.url.params["zaaktype"] == zaaktype
        return httpx.Response(200, json=second if "page" in request.url.params else first)

    routes.add("GET", f"{ROOT}statustypen", answer)
    statustypen = await resolve(api_client.catalogi.statustypen_of(UUID))
    assert [s.volgnummer for s in statustypen] == [1, 2, 3, 4]
    assert all(isinstance(s, Statustype) for s in statustypen)
    assert len(routes.log) == 2

    zaaktype_model = Zaaktype.model_validate(sample("catalogi_zaaktype_detail"))
    again = await resolve(api_client.catalogi.statustypen_of(zaaktype_model, status="alles"))
    assert [s.volgnummer for s in again] == [1, 2, 3, 4]
    assert routes.log[-1].url.params["status"] == "alles"


@pytest.mark.parametrize("attribute", ["zaaktypen", "informatieobjecttypen", "besluittypen"])
async def test_publish_posts_to_the_publish_action(
    api_client: Any, routes: Routes, attribute: str
) -> None:
    path = attribute
    url = f"{ROOT}{path}/{UUID}"
    routes.add("POST", f"{url}/publish", {"url": url, "concept": False})
    resource = getattr(api_client.catalogi, attribute)
    published = await resolve(resource.publish(url))
    assert published.concept is False
    assert routes.log[-1].method == "POST"
    assert routes.log[-1].url.path.endswith(f"/{UUID}/publish")


async def test_create_posts_camel_case_body(api_client: Any, routes: Routes) -> None:
    created = sample("catalogi_roltype_detail")
    routes.add("POST", f"{ROOT}roltypen", created, status=201)
    roltype = await resolve(
        api_client.catalogi.roltypen.create(
            {
                "zaaktype": created["zaaktype"],
                "omschrijving": "x",
                "omschrijvingGeneriek": "adviseur",
            }
        )
    )
    assert isinstance(roltype, Roltype)
    assert b'"omschrijvingGeneriek"' in routes.log[-1].content


def test_namespace_repr_and_sync_face_exists() -> None:
    from zgw_client._sync.catalogi import CatalogiAPI, Zaaktypen

    assert hasattr(Zaaktypen, "publish")
    assert hasattr(CatalogiAPI, "statustypen_of")
