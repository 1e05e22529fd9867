"""client.producttypen on both faces against the in-memory Open Product: CRUD of every
collection, the price and content endpoints, schemas by number, content labels."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import collect, resolve
from tests.support.platform import offline_client
from zgw_client import BadRequestError, InputError, NotFoundError
from zgw_client.producttypen import (
    Actie,
    Contact,
    ContentElement,
    ContentLabel,
    JsonSchema,
    Link,
    Locatie,
    NestedContentElement,
    Organisatie,
    Prijs,
    ProductType,
    ProductTypeActuelePrijs,
    Thema,
)
from zgw_client.testing import InMemoryBackend


@pytest.fixture
def thema(backend: InMemoryBackend) -> dict[str, Any]:
    return backend.add("producttypen", "themas", {"naam": "Parkeren", "gepubliceerd": True})


@pytest.fixture
def producttype(backend: InMemoryBackend, thema: dict[str, Any]) -> dict[str, Any]:
    return backend.add("producttypen", "producttypen", producttype_body(thema["uuid"]))


def producttype_body(thema_uuid: str, **extra: Any) -> dict[str, Any]:
    return {
        "uniforme_product_naam": "parkeervergunning",
        "doelgroep": "burgers",
        "thema_uuids": [thema_uuid],
        "naam": "Parkeervergunning bewoners",
        "samenvatting": "Parkeren in uw wijk.",
        "code": "PV-BEWONER",
        "publicatie_start_datum": "2025-01-01",
        "toegestane_statussen": ["actief", "verlopen"],
        **extra,
    }


async def test_producttypen_crud(
    client: Any, backend: InMemoryBackend, thema: dict[str, Any]
) -> None:
    locatie = backend.add("producttypen", "locaties", {"naam": "Stadhuis", "stad": "Den Haag"})
    created = await resolve(
        client.producttypen.producttypen.create(
            producttype_body(thema["uuid"], locatie_uuids=[locatie["uuid"]])
        )
    )
    assert isinstance(created, ProductType)
    assert created.gepubliceerd is True
    assert [t.naam for t in created.themas] == ["Parkeren"]
    assert [loc.naam for loc in created.locaties] == ["Stadhuis"]
    assert await resolve(client.producttypen.producttypen.get(created)) == created  # by uuid
    assert (
        await resolve(client.get(f"{backend.api_roots['producttypen']}producttypen/{created.uuid}"))
        == created
    )
    # written back as read: themas and locaties go as thema_uuids and locatie_uuids
    created.samenvatting = "Parkeren bij u in de buurt."
    replaced = await resolve(client.producttypen.producttypen.update(created, created))
    assert replaced.samenvatting == "Parkeren bij u in de buurt."
    assert [t.uuid for t in replaced.themas] == [t.uuid for t in created.themas]
    assert [str(loc.uuid) for loc in replaced.locaties] == [locatie["uuid"]]
    changed = await resolve(
        client.producttypen.producttypen.partial_update(created.uuid, {"keywords": ["auto"]})
    )
    assert changed.keywords == ["auto"]
    found = await collect(client.producttypen.producttypen.list(code="PV-BEWONER", page_size=1))
    assert [p.uuid for p in found] == [created.uuid]
    await resolve(client.producttypen.producttypen.delete(created))
    with pytest.raises(NotFoundError):
        await resolve(client.producttypen.producttypen.get(created.uuid))


async def test_themas_crud_and_content_elementen(
    client: Any, backend: InMemoryBackend, producttype: dict[str, Any]
) -> None:
    # the server wants hoofd_thema and producttype_uuids, even when null and empty
    hoofd = await resolve(
        client.producttypen.themas.create(
            {"naam": "Verkeer", "hoofd_thema": None, "producttype_uuids": []}
        )
    )
    assert isinstance(hoofd, Thema)
    sub = await resolve(
        client.producttypen.themas.create(
            {
                "naam": "Fietsen",
                "hoofd_thema": str(hoofd.uuid),
                "producttype_uuids": [producttype["uuid"]],
            }
        )
    )
    assert sub.hoofd_thema == hoofd.uuid
    assert [p.code for p in sub.producttypen] == ["PV-BEWONER"]
    again = await resolve(client.producttypen.themas.update(sub, sub))  # producttypen as uuids
    assert [p.code for p in again.producttypen] == ["PV-BEWONER"]
    renamed = await resolve(client.producttypen.themas.partial_update(sub, {"naam": "Fiets"}))
    assert renamed.naam == "Fiets"
    listed = await collect(client.producttypen.themas.list(hoofd_thema__uuid=str(hoofd.uuid)))
    assert [t.uuid for t in listed] == [sub.uuid]

    await resolve(
        client.producttypen.content.create({"thema_uuid": str(sub.uuid), "content": "# Fietsen"})
    )
    elementen = await collect(client.producttypen.themas.content_elementen(sub))
    assert [(type(e), e.content) for e in elementen] == [(NestedContentElement, "# Fietsen")]
    await resolve(client.producttypen.themas.delete(sub))
    await resolve(client.producttypen.themas.delete(hoofd.uuid))


async def test_prices_in_force(
    client: Any, backend: InMemoryBackend, producttype: dict[str, Any]
) -> None:
    prijzen = client.producttypen.prijzen
    today = dt.date.today()
    # a price list of last year was made then; new ones start today or later
    older = backend.add(
        "producttypen",
        "prijzen",
        {
            "producttype_uuid": producttype["uuid"],
            "actief_vanaf": (today - dt.timedelta(days=365)).isoformat(),
            "prijsopties": [{"bedrag": "60", "beschrijving": "1 jaar"}],
        },
    )
    current = await resolve(
        prijzen.create(
            {
                "producttype_uuid": producttype["uuid"],
                "actief_vanaf": today.isoformat(),
                "prijsopties": [{"bedrag": "75", "beschrijving": "1 jaar"}],
            }
        )
    )
    assert isinstance(current, Prijs)
    assert str(current.prijsopties[0].bedrag) == "75.00"
    future = await resolve(
        prijzen.create(
            {
                "producttype_uuid": producttype["uuid"],
                "actief_vanaf": (today + dt.timedelta(days=30)).isoformat(),
                "prijsopties": [{"bedrag": "80", "beschrijving": "1 jaar"}],
            }
        )
    )
    actueel = await resolve(client.producttypen.producttypen.actuele_prijs(producttype["uuid"]))
    assert isinstance(actueel, ProductTypeActuelePrijs)
    assert actueel.actuele_prijs is not None
    assert actueel.actuele_prijs.uuid == current.uuid
    alle = await resolve(client.producttypen.producttypen.actuele_prijzen())
    assert [(a.code, a.actuele_prijs.uuid if a.actuele_prijs else None) for a in alle] == [
        ("PV-BEWONER", current.uuid)
    ]
    assert str((await resolve(prijzen.get(older["uuid"]))).actief_vanaf) == older["actief_vanaf"]
    later = (today + dt.timedelta(days=60)).isoformat()
    moved = await resolve(prijzen.partial_update(future, {"actief_vanaf": later}))
    assert str(moved.actief_vanaf) == later
    replaced = await resolve(prijzen.update(moved, moved))
    assert replaced.uuid == future.uuid
    with pytest.raises(BadRequestError) as caught:
        await resolve(prijzen.partial_update(future, {"actief_vanaf": older["actief_vanaf"]}))
    assert [p.code for p in caught.value.invalid_params] == ["min_value"]
    assert len(await collect(prijzen.list(producttype__uuid=producttype["uuid"]))) == 3
    await resolve(prijzen.delete(older["uuid"]))
    await resolve(prijzen.delete(future))


@pytest.mark.parametrize(
    ("resource", "model", "body", "change"),
    [
        (
            "links",
            Link,
            {"naam": "Meer info", "url": "https://denhaag.nl/parkeren"},
            {"naam": "Info"},
        ),
        ("locaties", Locatie, {"naam": "Stadhuis", "stad": "Den Haag"}, {"postcode": "2511BT"}),
        ("organisaties", Organisatie, {"naam": "Gemeente", "code": "DH"}, {"stad": "Den Haag"}),
        ("contacten", Contact, {"naam": "Parkeerloket"}, {"rol": "loket"}),
        (
            "acties",
            Actie,
            {"naam": "Opzeggen", "direct_url": "https://formulieren.example.nl/opzeggen"},
            {"naam": "Zeg op"},
        ),
    ],
)
async def test_crud_of_the_catalogue_collections(
    client: Any,
    producttype: dict[str, Any],
    resource: str,
    model: type[Link | Locatie | Contact | Actie],
    body: dict[str, Any],
    change: dict[str, Any],
) -> None:
    endpoint = getattr(client.producttypen, resource)
    if resource in ("links", "acties"):
        body = {**body, "producttype_uuid": producttype["uuid"]}
    created = await resolve(endpoint.create(body))
    assert isinstance(created, model)
    assert await resolve(endpoint.get(created)) == created  # by the model's uuid, not its url
    changed = await resolve(endpoint.partial_update(created.uuid, change))
    for key, value in change.items():
        assert getattr(changed, key) == value
    replaced = await resolve(endpoint.update(changed, {**body, **change}))
    assert replaced.uuid == created.uuid
    assert [item.uuid for item in await collect(endpoint.list())] == [created.uuid]
    await resolve(endpoint.delete(created))
    with pytest.raises(NotFoundError):
        await resolve(endpoint.get(created.uuid))


async def test_an_actie_url_is_where_it_leads(client: Any, producttype: dict[str, Any]) -> None:
    actie = await resolve(
        client.producttypen.acties.create(
            {
                "producttype_uuid": producttype["uuid"],
                "naam": "Opzeggen",
                "direct_url": "https://x.example.nl/a",
            }
        )
    )
    assert actie.url == "https://x.example.nl/a"
    embedded = await resolve(client.producttypen.producttypen.get(producttype["uuid"]))
    assert [a.url for a in embedded.acties] == ["https://x.example.nl/a"]
    with pytest.raises(BadRequestError) as caught:
        await resolve(
            client.producttypen.acties.create(
                {"producttype_uuid": producttype["uuid"], "naam": "Leeg"}
            )
        )
    assert [p.name for p in caught.value.invalid_params] == ["model_errors"]


async def test_contact_written_back_keeps_its_organisatie(client: Any) -> None:
    organisatie = await resolve(
        client.producttypen.organisaties.create({"naam": "Gemeente", "code": "DH"})
    )
    contact = await resolve(
        client.producttypen.contacten.create(
            {"naam": "Loket", "organisatie_uuid": str(organisatie.uuid)}
        )
    )
    assert contact.organisatie is not None
    again = await resolve(client.producttypen.contacten.update(contact, contact))
    assert again.organisatie is not None
    assert again.organisatie.uuid == organisatie.uuid


async def test_content_with_labels(
    client: Any, backend: InMemoryBackend, producttype: dict[str, Any]
) -> None:
    with pytest.raises(BadRequestError) as caught:
        await resolve(
            client.producttypen.content.create(
                {"producttype_uuid": producttype["uuid"], "content": "x", "labels": ["kosten"]}
            )
        )
    assert [p.code for p in caught.value.invalid_params] == ["does_not_exist"]
    backend.add("producttypen", "contentlabels", {"naam": "kosten"})  # made in the admin
    backend.add("producttypen", "contentlabels", {"naam": "openingstijden"})
    labels = await collect(client.producttypen.contentlabels.list(page_size=1))
    assert labels == [ContentLabel(naam="kosten"), ContentLabel(naam="openingstijden")]

    kosten = await resolve(
        client.producttypen.content.create(
            {"producttype_uuid": producttype["uuid"], "content": "Gratis", "labels": ["kosten"]}
        )
    )
    assert isinstance(kosten, ContentElement)
    assert kosten.taal == "nl"
    uren = await resolve(
        client.producttypen.content.create(
            {
                "producttype_uuid": producttype["uuid"],
                "content": "9-17",
                "labels": ["openingstijden"],
            }
        )
    )
    of_type = client.producttypen.producttypen.content
    assert [e.uuid for e in await collect(of_type(producttype["uuid"], labels=["kosten"]))] == [
        kosten.uuid
    ]
    assert [
        e.uuid for e in await collect(of_type(producttype["uuid"], exclude_labels="kosten"))
    ] == [uren.uuid]
    assert len(await collect(of_type(producttype["uuid"]))) == 2
    assert await resolve(client.producttypen.content.get(kosten)) == kosten
    edited = await resolve(
        client.producttypen.content.partial_update(kosten, {"content": "Kosteloos"})
    )
    assert edited.content == "Kosteloos"
    replaced = await resolve(client.producttypen.content.update(edited, edited))
    assert replaced.content == "Kosteloos"
    listed = await collect(client.producttypen.content.list(producttype__uuid=producttype["uuid"]))
    assert len(listed) == 2
    await resolve(client.producttypen.content.delete(kosten))
    await resolve(client.producttypen.content.delete(uren.uuid))


async def test_schemas_by_number(client: Any) -> None:
    created = await resolve(
        client.producttypen.schemas.create({"naam": "kenteken", "schema": {"type": "object"}})
    )
    assert isinstance(created, JsonSchema)
    assert created.schema_ == {"type": "object"}
    assert await resolve(client.producttypen.schemas.get(1)) == created
    found = await collect(client.producttypen.schemas.list(naam="kenteken"))
    assert found == [created]
    renamed = await resolve(client.producttypen.schemas.partial_update("1", {"naam": "auto"}))
    assert renamed.naam == "auto"
    replaced = await resolve(client.producttypen.schemas.update(1, renamed))
    assert replaced == renamed
    await resolve(client.producttypen.schemas.delete(1))
    assert await collect(client.producttypen.schemas.list()) == []


async def test_references_are_checked_before_any_request(face: str) -> None:
    client = offline_client(face)
    with pytest.raises(InputError, match="its number"):
        client.producttypen.schemas.url_of(JsonSchema(naam="x", schema_={}))
    with pytest.raises(InputError, match="has no uuid"):
        client.producttypen.themas.url_of(ContentLabel(naam="x"))
    with pytest.raises(InputError, match="not an item"):
        client.producttypen.themas.url_of(
            "https://product.test/producttypen/api/v1/links/8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60"
        )
