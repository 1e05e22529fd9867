"""Shared fixtures and bodies of the Dienstverleningsplatform tests (Open VTB, Open Product).

Each test directory's ``conftest.py`` imports the fixtures it uses from here, so every test
runs on both faces against a fresh in-memory backend (and the contract recorder checks every
exchange against the specs).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from zgw_client import AsyncZGWClient, Service, TokenCredentials, ZGWClient, ZGWConfig
from zgw_client.testing import InMemoryBackend, async_client_for, client_for

#: The test BSNs (pass the 11-proef, exist only in test data).
BSN = "999990111"
OTHER_BSN = "111222333"
KVK = "69599084"
VESTIGING = "000038509504"
PARTY = f"urn:nld:brp:bsn:{BSN}"
OTHER_PARTY = f"urn:nld:brp:bsn:{OTHER_BSN}"
ORGANISATIE = "denhaag"


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


PLATFORM_ROOTS = {
    "berichten": "https://vtb.test/berichten/api/v1/",
    "taken": "https://vtb.test/taken/api/v1/",
    "verzoeken": "https://vtb.test/verzoeken/api/v1/",
    "producten": "https://product.test/producten/api/v1/",
    "producttypen": "https://product.test/producttypen/api/v1/",
}


def offline_client(face: str) -> Any:
    """A client of the five APIs whose transport fails the test on any request."""

    def refuse(request: httpx.Request) -> httpx.Response:
        pytest.fail(f"no request was expected, got {request.method} {request.url}")

    token = TokenCredentials("t" * 40)
    config = ZGWConfig({name: Service(root, token) for name, root in PLATFORM_ROOTS.items()})
    transport = httpx.MockTransport(refuse)
    if face == "sync":
        return ZGWClient(config, http_client=httpx.Client(transport=transport))
    return AsyncZGWClient(config, http_client=httpx.AsyncClient(transport=transport))


def methods(backend: InMemoryBackend) -> list[str]:
    """The methods of the logged requests, in order."""
    return [method for method, _ in backend.request_log]


# -- bodies ------------------------------------------------------------------------------
def bericht(ontvanger: str = PARTY, **extra: Any) -> dict[str, Any]:
    return {
        "onderwerp": "Uw parkeerbon",
        "berichtTekst": "Betaal binnen 14 dagen.",
        "ontvanger": ontvanger,
        "mijnOverheidBerichtenbox": False,
        **extra,
    }


def betaaltaak(toegewezen_aan: str = PARTY, **extra: Any) -> dict[str, Any]:
    return {
        "titel": "Betaal uw parkeerbon",
        "einddatumHandelingsTermijn": "2030-12-31",
        "isToegewezenAan": toegewezen_aan,
        "details": {
            "bedrag": "74.90",
            "transactieomschrijving": "Parkeerbon NH-2026-000123",
            "doelrekening": {"naam": "Gemeente Den Haag", "iban": "NL79INGB0000005678"},
        },
        **extra,
    }


def urltaak(toegewezen_aan: str = PARTY, **extra: Any) -> dict[str, Any]:
    return {
        "titel": "Upload uw bewijsstukken",
        "einddatumHandelingsTermijn": "2030-11-30",
        "isToegewezenAan": toegewezen_aan,
        "details": {"uitvraagLink": "https://formulieren.example.nl/bewijs"},
        **extra,
    }


FORM = {
    "components": [
        {"label": "Voorkeursdatum", "key": "datum", "type": "date", "validate": {"required": True}},
        {
            "label": "Gegevens",
            "key": "paneel",
            "type": "panel",
            "components": [{"label": "Opmerking", "key": "opmerking", "type": "textarea"}],
        },
        {"label": "Verstuur", "key": "submit", "type": "button"},
    ]
}


def formuliertaak(toegewezen_aan: str = PARTY, **extra: Any) -> dict[str, Any]:
    return {
        "titel": "Kies een datum voor de geluidsmeting",
        "einddatumHandelingsTermijn": "2030-10-31",
        "isToegewezenAan": toegewezen_aan,
        "details": {"formulierDefinitie": FORM},
        **extra,
    }


SCHEMA = {
    "type": "object",
    "required": ["omschrijving"],
    "properties": {"omschrijving": {"type": "string"}, "aantal": {"type": "integer"}},
}
