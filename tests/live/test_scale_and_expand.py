"""What only a real server shows: pages of its own size over more than 100 items, and
``expand`` as Open Zaak embeds it."""

from __future__ import annotations

import concurrent.futures
import datetime as dt
import random

import pytest

from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.catalogi.models import Zaaktype
from zgw_client.zaken.models import Status, Zaak

from .conftest import Catalogue, Cleanup, Exchanges, now, rol_body, zaak_body

pytestmark = pytest.mark.live

MANY = 101  # one more than a page of Open Zaak (and of the test double)


def test_list_over_more_than_a_page(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, exchanges: Exchanges
) -> None:
    # A start date no other zaak has: the filter then finds exactly these.
    startdatum = (dt.date(1901, 1, 1) + dt.timedelta(days=random.randrange(36000))).isoformat()
    zaken = client.zaken.zaken
    made: list[Zaak] = []

    def delete_all() -> None:
        with concurrent.futures.ThreadPoolExecutor(4) as pool:
            list(pool.map(zaken.delete, made))

    cleanup.add(f"{MANY} zaken of {startdatum}", delete_all)
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        made.extend(
            pool.map(
                lambda n: zaken.create(
                    zaak_body(catalogue, startdatum=startdatum, omschrijving=f"page {n}")
                ),
                range(MANY),
            )
        )
    exchanges.clear()
    found = zaken.list(zaaktype=catalogue.zaaktype, startdatum=startdatum).to_list()
    assert sorted(str(z.url) for z in found) == sorted(str(z.url) for z in made)
    pages = exchanges.matching("GET", "/zaken/api/v1/zaken")
    assert len(pages) == 2, exchanges  # the server's page size, its next link followed
    assert "page=2" in pages[1].url
    # The count says so without reading the pages.
    exchanges.clear()
    assert zaken.list(zaaktype=catalogue.zaaktype, startdatum=startdatum).count() == MANY
    assert len(exchanges.items) == 1


def test_expand_on_open_zaak(client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup) -> None:
    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add("zaak", lambda: client.zaken.zaken.delete(zaak))
    client.zaken.rollen.create(rol_body(catalogue, str(zaak.url)))
    status = client.zaken.statussen.create(
        {"zaak": zaak.url, "statustype": catalogue.statustypen[0], "datumStatusGezet": now()}
    )
    got = client.zaken.zaken.get(zaak, expand=["zaaktype", "status.statustype", "rollen"])
    assert got.expand is not None
    assert isinstance(got.expand.zaaktype, Zaaktype)
    assert str(got.expand.zaaktype.url) == catalogue.zaaktype
    assert isinstance(got.expand.status, Status)
    assert got.expand.status.url == status.url
    assert got.expand.status.expand is not None
    assert str(got.expand.status.expand.statustype.url) == catalogue.statustypen[0]
    assert [str(r.roltype) for r in got.expand.rollen or []] == [catalogue.initiator_roltype]
    # In a list too (Open Zaak embeds per item).
    listed = client.zaken.zaken.list(
        zaaktype=catalogue.zaaktype, identificatie=str(zaak.identificatie), expand=["status"]
    ).to_list()
    assert [z.url for z in listed] == [zaak.url]
    assert listed[0].expand is not None
    assert listed[0].expand.status is not None
    assert listed[0].expand.status.url == status.url


@pytest.mark.asyncio
async def test_expand_on_open_zaak_async(
    async_client: AsyncZGWClient, catalogue: Catalogue
) -> None:
    zaken = async_client.zaken.zaken
    zaak = await zaken.create(zaak_body(catalogue))
    try:
        got = await zaken.get(zaak, expand=["zaaktype"])
        assert got.expand is not None
        assert isinstance(got.expand.zaaktype, Zaaktype)
        assert got.expand.status is None  # no status yet: nothing embedded
    finally:
        await zaken.delete(zaak)
