"""client.producten on both faces against the in-memory Open Product: CRUD, filters,
page_size, problem bodies with invalid_params, a party's (current) products."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.conftest import collect, resolve
from tests.support.platform import BSN, KVK, OTHER_BSN, VESTIGING, offline_client
from zgw_client import BadRequestError, InputError, NotFoundError
from zgw_client.identifiers import InvalidBSNError
from zgw_client.producten import CurrentProduct, Product, ProductStatus, current_product
from zgw_client.testing import InMemoryBackend

TODAY = dt.date.today()
ZAAK_URL = "https://openzaak.example.nl/zaken/api/v1/zaken/5551a7c5-4e92-43e6-8d23-80359b7e22b7"


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


@pytest.fixture
def producttype(backend: InMemoryBackend) -> str:
    thema = backend.add("producttypen", "themas", {"naam": "Parkeren", "gepubliceerd": True})
    created = backend.add(
        "producttypen",
        "producttypen",
        {
            "uniforme_product_naam": "parkeervergunning",
            "doelgroep": "burgers",
            "thema_uuids": [thema["uuid"]],
            "naam": "Parkeervergunning bewoners",
            "samenvatting": "Parkeren in uw wijk.",
            "code": "PV-BEWONER",
            "toegestane_statussen": ["gereed", "actief", "verlopen", "ingetrokken"],
        },
    )
    return str(created["uuid"])


def product(producttype: str, **extra: Any) -> dict[str, Any]:
    return {
        "producttype_uuid": producttype,
        "eigenaren": [{"bsn": BSN}],
        "naam": "Parkeervergunning K-539-VB",
        "status": "actief",
        "start_datum": day(-10),
        "eind_datum": day(355),
        "prijs": "75",
        "frequentie": "jaarlijks",
        "aanvraag_zaak_url": ZAAK_URL,
        **extra,
    }


async def test_crud(client: Any, backend: InMemoryBackend, producttype: str) -> None:
    created = await resolve(client.producten.producten.create(product(producttype)))
    assert isinstance(created, Product)
    assert created.status == ProductStatus.ACTIEF
    assert str(created.prijs) == "75.00"
    assert created.producttype is not None
    assert created.producttype.code == "PV-BEWONER"
    assert created.eigenaren[0].bsn == BSN

    assert await resolve(client.producten.producten.get(created.uuid)) == created
    assert await resolve(client.get(created.url)) == created  # the registry knows producten

    # A product read from the server can be written back: its embedded producttype goes
    # as producttype_uuid, the read-only fields stay out (the contract check would say).
    created.naam = "Parkeervergunning K-540-VB"
    replaced = await resolve(client.producten.producten.update(created, created))
    assert replaced.naam == "Parkeervergunning K-540-VB"
    assert replaced.eigenaren[0].uuid == created.eigenaren[0].uuid  # the eigenaar is kept
    changed = await resolve(
        client.producten.producten.partial_update(replaced.url, {"status": "ingetrokken"})
    )
    assert changed.status == ProductStatus.INGETROKKEN
    await resolve(client.producten.producten.delete(changed))
    with pytest.raises(NotFoundError):
        await resolve(client.producten.producten.get(created.url))


async def test_list_filters_and_page_size(
    client: Any, backend: InMemoryBackend, producttype: str
) -> None:
    for _ in range(3):
        backend.add("producten", "producten", product(producttype))
    backend.add("producten", "producten", product(producttype, eigenaren=[{"bsn": OTHER_BSN}]))
    backend.reset_log()
    mine = await collect(client.producten.producten.list(eigenaren__bsn=BSN, page_size=2))
    assert len(mine) == 3
    first = httpx.URL(backend.request_log[0][1])
    assert first.params["page_size"] == "2"  # Open Product's name, not pageSize
    assert first.params["eigenaren__bsn"] == BSN
    assert len(backend.request_log) == 2
    by_code = await collect(
        client.producten.producten.list(producttype__code__in=["PV-BEWONER", "X"], status="actief")
    )
    assert len(by_code) == 4
    assert httpx.URL(backend.request_log[-1][1]).params["producttype__code__in"] == "PV-BEWONER,X"


async def test_invalid_params_are_parsed_with_their_snake_case_names(
    client: Any, producttype: str
) -> None:
    with pytest.raises(BadRequestError) as caught:
        await resolve(
            client.producten.producten.create(
                product(producttype, eigenaren=[{"bsn": "123"}], eind_datum=day(-20))
            )
        )
    names = {p.name: p.code for p in caught.value.invalid_params}
    assert names == {"eigenaren.0.bsn": "invalid"}
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.producten.producten.create(product(producttype, status="geweigerd")))
    assert [p.name for p in caught.value.invalid_params] == ["status"]


async def test_of_a_party_rechecks_the_server(
    client: Any, backend: InMemoryBackend, producttype: str
) -> None:
    mine = backend.add("producten", "producten", product(producttype))
    backend.add("producten", "producten", product(producttype, eigenaren=[{"bsn": OTHER_BSN}]))
    company = backend.add(
        "producten", "producten", product(producttype, eigenaren=[{"kvk_nummer": KVK}])
    )
    branch = backend.add(
        "producten",
        "producten",
        product(producttype, eigenaren=[{"kvk_nummer": KVK, "vestigingsnummer": VESTIGING}]),
    )
    assert [p.url for p in await resolve(client.producten.producten.of(bsn=BSN))] == [mine["url"]]
    of_company = await resolve(client.producten.producten.of(kvk=KVK))
    assert {p.url for p in of_company} == {company["url"], branch["url"]}
    of_branch = await resolve(client.producten.producten.of(kvk=KVK, vestigingsnummer=VESTIGING))
    assert [p.url for p in of_branch] == [branch["url"]]
    assert await resolve(client.producten.producten.of(bsn=BSN, status="verlopen")) == []


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({}, InputError),
        ({"bsn": BSN, "kvk": KVK}, InputError),
        ({"bsn": BSN, "vestigingsnummer": VESTIGING}, InputError),
        ({"bsn": "123456789"}, InvalidBSNError),
        ({"kvk": "1234"}, InputError),
    ],
)
async def test_of_checks_the_party_first(
    face: str, kwargs: dict[str, str], error: type[Exception]
) -> None:
    with pytest.raises(error):
        await resolve(offline_client(face).producten.producten.of(**kwargs))


async def test_current_products_with_their_validity(
    client: Any, backend: InMemoryBackend, producttype: str
) -> None:
    active = backend.add("producten", "producten", product(producttype, eind_datum=day(30)))
    open_ended = backend.add("producten", "producten", product(producttype, eind_datum=None))
    due = backend.add(  # gereed, started yesterday: the nightly move to actief is due
        "producten", "producten", product(producttype, status="gereed", start_datum=day(-1))
    )
    for status, extra in (
        ("gereed", {"start_datum": day(5)}),  # not started
        ("actief", {"eind_datum": day(0)}),  # ended today (not yet moved to verlopen)
        ("verlopen", {}),
        ("ingetrokken", {}),
    ):
        backend.add("producten", "producten", product(producttype, status=status, **extra))
    current = await resolve(client.producten.producten.current_of(bsn=BSN, today=TODAY))
    assert all(isinstance(c, CurrentProduct) for c in current)
    assert [c.product.url for c in current] == [active["url"], due["url"], open_ended["url"]]
    assert [c.days_left for c in current] == [30, 355, None]
    assert current[0].naam == "Parkeervergunning K-539-VB"
    assert current[0].status == "actief"


def test_current_product_falls_back_to_the_producttype_name() -> None:
    item = Product.model_validate(
        {
            "eigenaren": [{"bsn": BSN}],
            "status": "actief",
            "producttype": {
                "code": "PV",
                "naam": "Parkeervergunning",
                "uniforme_product_naam": "parkeervergunning",
            },
        }
    )
    found = current_product(item, today=TODAY)
    assert (found.naam, found.is_current, found.days_left) == ("Parkeervergunning", True, None)
