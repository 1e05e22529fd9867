"""A seeded backend and a client of each face for the Zaken resource tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from zgw_client.testing import InMemoryBackend, async_client_for, client_for

BSN = "999990111"


def seed(backend: InMemoryBackend) -> dict[str, Any]:
    """A zaaktype with 3 statustypen, and two zaken of one citizen (one with 2 statussen)."""
    catalogus = backend.add("catalogi", "catalogussen", {"domein": "TEST", "rsin": "002220647"})
    zaaktype = backend.add(
        "catalogi",
        "zaaktypen",
        {"omschrijving": "Parkeervergunning", "catalogus": catalogus["url"], "concept": False},
    )
    statustypen = [
        backend.add(
            "catalogi",
            "statustypen",
            {"zaaktype": zaaktype["url"], "volgnummer": n, "omschrijving": f"Stap {n}"},
        )
        for n in (1, 2, 3)
    ]
    roltype = backend.add(
        "catalogi",
        "roltypen",
        {
            "zaaktype": zaaktype["url"],
            "omschrijving": "Aanvrager",
            "omschrijvingGeneriek": "initiator",
        },
    )
    zaken = []
    for n in range(2):
        zaak = backend.add(
            "zaken",
            "zaken",
            {
                "zaaktype": zaaktype["url"],
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "startdatum": f"2026-0{n + 1}-01",
                "omschrijving": f"Zaak {n}",
            },
        )
        backend.add(
            "zaken",
            "rollen",
            {
                "zaak": zaak["url"],
                "roltype": roltype["url"],
                "betrokkeneType": "natuurlijk_persoon",
                "roltoelichting": "aanvrager",
                "betrokkeneIdentificatie": {"inpBsn": BSN},
            },
        )
        zaken.append(zaak)
    for n in (0, 1):
        backend.add(
            "zaken",
            "statussen",
            {
                "zaak": zaken[0]["url"],
                "statustype": statustypen[n]["url"],
                "datumStatusGezet": f"2026-01-0{n + 2}T10:00:00Z",
            },
        )
    return {"zaaktype": zaaktype, "statustypen": statustypen, "zaken": zaken, "roltype": roltype}


@pytest.fixture(params=["sync", "async"])
def face(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
def seeded(backend: InMemoryBackend) -> dict[str, Any]:
    return seed(backend)


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    if face == "sync":
        with client_for(backend) as sync_client:
            yield sync_client
    else:
        async with async_client_for(backend) as async_client:
            yield async_client
