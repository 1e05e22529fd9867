"""A backend and a client of each face for the Klantinteracties tests, and seeding helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from zgw_client import AsyncZGWClient, Service, TokenCredentials, ZGWClient, ZGWConfig
from zgw_client.testing import InMemoryBackend, async_client_for, client_for

BSN = "111222333"
ZAAK_UUID = "8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60"


@pytest.fixture(params=["sync", "async"])
def face(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    if face == "sync":
        with client_for(backend) as sync_client:
            yield sync_client
    else:
        async with async_client_for(backend) as async_client:
            yield async_client


def offline_client(face: str, config: ZGWConfig | None = None) -> Any:
    """A client whose transport fails the test on any request (to prove nothing is sent)."""

    def refuse(request: httpx.Request) -> httpx.Response:
        pytest.fail(f"no request was expected, got {request.method} {request.url}")

    cfg = config or ZGWConfig(
        {
            "klantinteracties": Service(
                "https://openklant.test/klantinteracties/api/v1/", TokenCredentials("t" * 40)
            ),
            "objecten": Service("https://objecten.test/api/v2/", TokenCredentials("t" * 40)),
        }
    )
    transport = httpx.MockTransport(refuse)
    if face == "sync":
        return ZGWClient(cfg, http_client=httpx.Client(transport=transport))
    return AsyncZGWClient(cfg, http_client=httpx.AsyncClient(transport=transport))


def persoon(bsn: str = BSN, voornaam: str = "Jan") -> dict[str, Any]:
    """The body of a persoon partij with a BSN."""
    return {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "indicatieGeheimhouding": False,
        "voorkeurstaal": "nld",
        "partijIdentificatie": {
            "contactnaam": {
                "voorletters": voornaam[0],
                "voornaam": voornaam,
                "voorvoegselAchternaam": "van",
                "achternaam": "Jansen",
            }
        },
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                }
            }
        ],
    }


async def add_contact(
    client: Any,
    partij: Any,
    *,
    zaak_uuid: str = ZAAK_UUID,
    when: str = "2026-11-28T10:00:00Z",
    kanaal: str = "telefoon",
    inhoud: str = "Burger vraagt naar de status van zijn aanvraag.",
    initiator: bool = True,
    actor: Any = None,
) -> Any:
    """A klantcontact about ``zaak_uuid`` with ``partij`` as betrokkene (and an actor)."""
    ki = client.klantinteracties
    klantcontact = await resolve(
        ki.klantcontacten.create(
            {
                "kanaal": kanaal,
                "onderwerp": "Vraag over aanvraag",
                "inhoud": inhoud,
                "taal": "nld",
                "vertrouwelijk": False,
                "plaatsgevondenOp": when,
            }
        )
    )
    ref = {"uuid": str(klantcontact.uuid)}
    await resolve(
        ki.betrokkenen.create(
            {
                "wasPartij": {"uuid": str(partij.uuid)},
                "hadKlantcontact": ref,
                "rol": "klant",
                "initiator": initiator,
                "organisatienaam": "",
            }
        )
    )
    await resolve(
        ki.onderwerpobjecten.create(
            {
                "klantcontact": ref,
                "onderwerpobjectidentificator": {
                    "objectId": zaak_uuid,
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            }
        )
    )
    if actor is not None:
        await resolve(
            ki.actorklantcontacten.create({"actor": {"uuid": str(actor.uuid)}, "klantcontact": ref})
        )
    return klantcontact


async def add_medewerker(client: Any, naam: str = "P. van Dijk") -> Any:
    """A medewerker actor."""
    return await resolve(
        client.klantinteracties.actoren.create(
            {
                "naam": naam,
                "soortActor": "medewerker",
                "indicatieActief": True,
                "actoridentificator": {
                    "objectId": "pvdijk",
                    "codeObjecttype": "mdw",
                    "codeRegister": "ad",
                    "codeSoortObjectId": "gebruikersnaam",
                },
                "actorIdentificatie": {
                    "functie": "KCC",
                    "emailadres": "p.vandijk@gemeente.nl",
                    "telefoonnummer": "0201234567",
                },
            }
        )
    )
