"""Besluiten against a real Open Zaak."""

from __future__ import annotations

import pytest

from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.besluiten.models import Besluit

from .conftest import Catalogue, Cleanup, today, zaak_body

pytestmark = pytest.mark.live


def test_besluit_create_and_list_by_zaak(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup
) -> None:
    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add("zaak", lambda: client.zaken.zaken.delete(zaak))
    besluit = client.besluiten.besluiten.create(
        {
            "verantwoordelijkeOrganisatie": catalogue.bronorganisatie,
            "besluittype": catalogue.besluittype,
            "zaak": zaak.url,
            "datum": today(),
            "ingangsdatum": today(),
            "toelichting": "zgw-client live test",
        }
    )
    cleanup.add("besluit", lambda: client.besluiten.besluiten.delete(besluit))
    assert isinstance(besluit, Besluit)
    assert besluit.identificatie
    listed = client.besluiten.besluiten.list(zaak=str(zaak.url)).to_list()
    assert [b.url for b in listed] == [besluit.url]
    # Open Zaak mirrors the link on the zaak side
    assert [zb.besluit for zb in client.zaken.zaken.besluiten(zaak)] == [besluit.url]
    assert client.besluiten.besluiten.get(besluit).besluittype == catalogue.besluittype
    trail = client.besluiten.besluiten.audittrail(besluit)
    assert trail
    assert trail[0].actie == "create"


@pytest.mark.asyncio
async def test_async_besluit(async_client: AsyncZGWClient, catalogue: Catalogue) -> None:
    zaak = await async_client.zaken.zaken.create(zaak_body(catalogue))
    try:
        besluit = await async_client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": catalogue.bronorganisatie,
                "besluittype": catalogue.besluittype,
                "zaak": zaak.url,
                "datum": today(),
                "ingangsdatum": today(),
            }
        )
        try:
            found = await async_client.besluiten.besluiten.list(zaak=str(zaak.url)).to_list()
            assert [b.url for b in found] == [besluit.url]
        finally:
            await async_client.besluiten.besluiten.delete(besluit)
    finally:
        await async_client.zaken.zaken.delete(zaak)
