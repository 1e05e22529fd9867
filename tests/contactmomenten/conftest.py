"""A backend with a zaak, clients of each face, and helpers for the Contactmomenten tests."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.conftest import resolve
from tests.zaken.conftest import seed
from zgw_client.testing import InMemoryBackend, async_client_for, client_for


@pytest.fixture(params=["sync", "async"])
def face(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
def zaak(backend: InMemoryBackend) -> dict[str, Any]:
    """A zaak in the backend's Zaken API (objectcontactmomenten must point at one)."""
    return dict(seed(backend)["zaken"][0])


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    if face == "sync":
        with client_for(backend) as sync_client:
            yield sync_client
    else:
        async with async_client_for(backend) as async_client:
            yield async_client


async def add_contactmoment(
    client: Any,
    zaak_url: str | None,
    *,
    when: str = "2026-11-28T11:00:00+01:00",
    kanaal: str = "Telefoon",
    tekst: str = "Burger vraagt naar de status van zijn aanvraag.",
    initiatiefnemer: str = "klant",
) -> Any:
    """A contactmoment handled by P. van Dijk, linked to ``zaak_url`` when given."""
    cm = client.contactmomenten
    contactmoment = await resolve(
        cm.contactmomenten.create(
            {
                "bronorganisatie": "002220647",
                "registratiedatum": when,
                "kanaal": kanaal,
                "tekst": tekst,
                "initiatiefnemer": initiatiefnemer,
                "medewerkerIdentificatie": {
                    "identificatie": "pvdijk",
                    "voorletters": "P.",
                    "voorvoegselAchternaam": "van",
                    "achternaam": "Dijk",
                },
            }
        )
    )
    if zaak_url is not None:
        await resolve(
            cm.objectcontactmomenten.create(
                {"contactmoment": contactmoment.url, "object": zaak_url, "objectType": "zaak"}
            )
        )
    return contactmoment
