"""A backend with Taak objecttypes of each shape, clients of each face, and seeding helpers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from zgw_client.testing import InMemoryBackend, async_client_for, client_for
from zgw_client.testing.demo import TAAK_SCHEMA

BSN = "999990111"
OTHER_BSN = "111222333"
KVK = "69599084"
ZAAK_UUID = "8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60"
ZAAK_URL = f"https://openzaak.example.nl/zaken/api/v1/zaken/{ZAAK_UUID}"

#: The v1 Taak schema of the samples (``objecttypes/objecttype_version_detail.json``).
TAAK_V1_SCHEMA: dict[str, Any] = {
    "type": "object",
    "title": "Taak",
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "required": ["titel", "status", "identificatie", "formulier"],
    "properties": {
        "data": {"type": "object"},
        "zaak": {"type": ["string", "null"], "format": "uri"},
        "titel": {"type": "string"},
        "status": {"enum": ["open", "ingediend", "verwerkt"], "type": "string"},
        "formulier": {
            "type": "object",
            "required": ["type", "value"],
            "properties": {
                "type": {"enum": ["url", "id"], "type": "string"},
                "value": {"type": "string"},
            },
        },
        "verloopdatum": {"type": ["string", "null"], "format": "date-time"},
        "identificatie": {
            "type": "object",
            "required": ["type", "value"],
            "properties": {
                "type": {"enum": ["bsn", "kvk"], "type": "string"},
                "value": {"type": "string"},
            },
        },
        "verwerker_taak_id": {"type": "string"},
    },
}


@dataclass
class Seeded:
    """URLs of what :func:`seed_taken` created, by short name."""

    types: dict[str, str] = field(default_factory=dict)
    objects: dict[str, str] = field(default_factory=dict)


def objecttype(backend: InMemoryBackend, name: str, schema: dict[str, Any]) -> str:
    """An objecttype with one published version of ``schema``."""
    created = backend.add("objecten", "objecttypes", {"name": name, "namePlural": name + "s"})
    backend.add(
        "objecten",
        "objecttype-versions",
        {"objectType": created["url"], "version": 1, "status": "published", "jsonSchema": schema},
    )
    return str(created["url"])


def add_object(backend: InMemoryBackend, type_url: str, data: dict[str, Any]) -> str:
    created = backend.add(
        "objecten",
        "objects",
        {"type": type_url, "record": {"typeVersion": 1, "data": data, "startAt": "2026-11-01"}},
    )
    return str(created["url"])


def v2(titel: str, **extra: Any) -> dict[str, Any]:
    return {
        "titel": titel,
        "status": "open",
        "soort": "url",
        "url": {"uri": "https://example.nl/taak"},
        "identificatie": {"type": "bsn", "value": BSN},
        "verwerker_taak_id": "3b3a7c2e-1c1e-4f7e-9a6f-0a6e2c1d7e11",
        "eigenaar": "gzac",
        **extra,
    }


def v1(titel: str, **extra: Any) -> dict[str, Any]:
    return {
        "titel": titel,
        "status": "open",
        "formulier": {"type": "url", "value": "https://formulieren.example.com/x"},
        "identificatie": {"type": "bsn", "value": BSN},
        "data": {},
        **extra,
    }


def seed_taken(backend: InMemoryBackend) -> Seeded:
    """Taken of every supported shape for :data:`BSN`, and some that must not match."""
    s = Seeded()
    s.types["v2"] = objecttype(backend, "TaakV2", TAAK_SCHEMA)
    s.types["v1"] = objecttype(backend, "TaakV1", TAAK_V1_SCHEMA)
    s.types["legacy"] = objecttype(backend, "GZAC taak", {"type": "object"})
    s.types["melding"] = objecttype(backend, "Melding", {"type": "object"})
    koppeling = {"registratie": "zaak", "uuid": ZAAK_UUID}
    add = add_object
    s.objects["v2_soon"] = add(
        backend, s.types["v2"], v2("Betaal", verloopdatum="2026-12-02T10:00:00Z")
    )
    s.objects["v2_zaak"] = add(
        backend,
        s.types["v2"],
        v2("Upload", verloopdatum="2026-12-20T23:59:59Z", koppeling=koppeling),
    )
    s.objects["v2_value"] = add(
        backend,
        s.types["v2"],
        v2("Bekijk", koppeling={"registratie": "zaak", "value": ZAAK_UUID}, status="verwerkt"),
    )
    s.objects["v2_done"] = add(
        backend, s.types["v2"], v2("Klaar", status="afgerond", verloopdatum="2026-11-30T10:00:00Z")
    )
    s.objects["v2_other"] = add(
        backend,
        s.types["v2"],
        v2("Ander", identificatie={"type": "bsn", "value": OTHER_BSN}, koppeling=koppeling),
    )
    s.objects["v2_kvk"] = add(
        backend, s.types["v2"], v2("Terras", identificatie={"type": "kvk", "value": KVK})
    )
    s.objects["v1"] = add(
        backend,
        s.types["v1"],
        v1("Aanvullen", zaak=ZAAK_URL, verloopdatum="2026-12-10T23:59:59Z"),
    )
    s.objects["legacy"] = add(
        backend,
        s.types["legacy"],
        {
            "titel": "Oud formulier",
            "status": "open",
            "bsn": BSN,
            "formulier_id": "oud-1",
            "verloopdatum": "2026-12-05",
        },
    )
    s.objects["melding"] = add(
        backend,
        s.types["melding"],
        {"status": "open", "identificatie": {"type": "bsn", "value": BSN}, "omschrijving": "x"},
    )
    return s


@pytest.fixture(params=["sync", "async"])
def face(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
def seeded(backend: InMemoryBackend) -> Seeded:
    return seed_taken(backend)


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    if face == "sync":
        with client_for(backend) as sync_client:
            yield sync_client
    else:
        async with async_client_for(backend) as async_client:
            yield async_client
