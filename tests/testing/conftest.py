"""Fixtures for the in-memory backend tests: a backend seeded with one citizen's zaken."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import httpx
import jwt
import pytest

from zgw_client.testing import InMemoryBackend

BSN = "111222333"
CRS = {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}


def mint(backend: InMemoryBackend, *, secret: str | None = None, **claims: Any) -> str:
    """A JWT-ZGW minted with pyjwt, as a client would."""
    payload = {
        "iss": backend.jwt_client_id,
        "iat": int(time.time()),
        "client_id": backend.jwt_client_id,
        "user_id": "tester",
        "user_representation": "Tester",
        **claims,
    }
    return jwt.encode(payload, secret or backend.jwt_secret, algorithm="HS256")


def seed(backend: InMemoryBackend) -> dict[str, Any]:
    """Catalogi bodies plus two zaken of BSN 111222333 (one open, one closed)."""
    zaaktype = backend.add(
        "catalogi",
        "zaaktypen",
        {
            "identificatie": "SDK-KIRE",
            "omschrijving": "Aanvraag parkeervergunning",
            "vertrouwelijkheidaanduiding": "openbaar",
            "doorlooptijd": "P30D",
            "concept": False,
        },
    )
    statustypen = [
        backend.add(
            "catalogi",
            "statustypen",
            {
                "omschrijving": name,
                "statustekst": f"Uw aanvraag is {name.lower()}",
                "zaaktype": zaaktype["url"],
                "volgnummer": number,
                "isEindstatus": number == 3,
            },
        )
        for number, name in ((1, "Ontvangen"), (2, "In behandeling"), (3, "Afgehandeld"))
    ]
    resultaattype = backend.add(
        "catalogi",
        "resultaattypen",
        {
            "zaaktype": zaaktype["url"],
            "omschrijving": "Toegekend",
            "archiefnominatie": "vernietigen",
            "archiefactietermijn": "P10Y",
            "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
        },
    )
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
    for start, omschrijving in (("2026-10-20", "Eerdere aanvraag"), ("2026-11-29", "Aanvraag")):
        zaak = backend.add(
            "zaken",
            "zaken",
            {
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "zaaktype": zaaktype["url"],
                "omschrijving": omschrijving,
                "startdatum": start,
            },
        )
        backend.add(
            "zaken",
            "rollen",
            {
                "zaak": zaak["url"],
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": roltype["url"],
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {"inpBsn": BSN, "geslachtsnaam": "Jansen"},
            },
        )
        backend.add(
            "zaken",
            "statussen",
            {
                "zaak": zaak["url"],
                "statustype": statustypen[0]["url"],
                "datumStatusGezet": f"{start}T09:00:00Z",
            },
        )
        zaken.append(zaak)
    closed = zaken[0]
    backend.add(
        "zaken",
        "resultaten",
        {"zaak": closed["url"], "resultaattype": resultaattype["url"], "toelichting": "Toegekend"},
    )
    backend.add(
        "zaken",
        "statussen",
        {
            "zaak": closed["url"],
            "statustype": statustypen[2]["url"],
            "datumStatusGezet": "2026-11-29T10:00:00Z",
        },
    )
    return {
        "zaaktype": zaaktype,
        "statustypen": statustypen,
        "resultaattype": resultaattype,
        "roltype": roltype,
        "closed": backend.resolve(closed["url"]),
        "open": backend.resolve(zaken[1]["url"]),
    }


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
def data(backend: InMemoryBackend) -> dict[str, Any]:
    return seed(backend)


@pytest.fixture
def zaken(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    """A client on the Zaken API root with a fresh JWT and the CRS headers."""
    headers = {"Authorization": f"Bearer {mint(backend)}", **CRS}
    with httpx.Client(
        transport=backend.transport(), base_url=backend.api_roots["zaken"], headers=headers
    ) as client:
        yield client
