"""The demo's fixed identities and the scenario records seed functions return."""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass, field

from ._types import JSON

DEMO_BSN = "999993653"
"""Anne Klap, the citizen of the research prototypes (a test BSN that passes the 11-proof)."""


DEMO_BSN_OTHER = "999990019"
"""A second citizen, whose zaak the first must never see."""


DEMO_KVK = "69599084"
"""Haagse Horeca B.V., a company with two zaken of its own."""


DEMO_VESTIGINGSNUMMER = "000038509490"


DEMO_RSIN = "002220647"
"""The gemeente (bronorganisatie, verantwoordelijke organisatie)."""


_NAMESPACE = uuidlib.UUID("5f0c3c0e-4a52-4d6e-9a57-2d0c1a0f6e11")


TAAK_SCHEMA: JSON = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ObjectType Taak",
    "type": "object",
    "required": ["titel", "status", "soort", "identificatie", "verwerker_taak_id", "eigenaar"],
    "properties": {
        "titel": {"type": "string"},
        "status": {"type": "string", "enum": ["open", "afgerond", "verwerkt", "gesloten"]},
        "soort": {"type": "string", "enum": ["url", "portaalformulier", "ogonebetaling"]},
        "url": {
            "type": "object",
            "required": ["uri"],
            "properties": {"uri": {"type": "string", "format": "uri"}},
        },
        "portaalformulier": {
            "type": "object",
            "required": ["formulier"],
            "properties": {
                "formulier": {
                    "type": "object",
                    "properties": {
                        "soort": {"type": "string", "enum": ["url", "id"]},
                        "value": {"type": "string"},
                    },
                },
                "data": {"type": "object"},
                "verzonden_data": {"type": "object"},
            },
        },
        "ogonebetaling": {
            "type": "object",
            "required": ["bedrag", "betaalkenmerk", "pspid"],
            "properties": {
                "bedrag": {"type": "number", "minimum": 0},
                "betaalkenmerk": {"type": "string"},
                "pspid": {"type": "string"},
            },
        },
        "identificatie": {
            "type": "object",
            "required": ["type", "value"],
            "properties": {"type": {"type": "string"}, "value": {"type": "string"}},
        },
        "koppeling": {
            "type": "object",
            "properties": {"registratie": {"type": "string"}, "uuid": {"type": "string"}},
        },
        "verloopdatum": {"type": "string", "format": "date-time"},
        "eigenaar": {"type": "string"},
        "verwerker_taak_id": {"type": "string", "format": "uuid"},
    },
}
"""The NL Portal portaaltaak v2 shape (``taak-nlportal-v2.schema.json``), trimmed to what a
validator needs; ``multipleOf: 0.01`` is left out because floats such as 74.90 fail it."""


def stable_uuid(name: str) -> str:
    """A UUID that is the same in every run, for ``name``."""
    return str(uuidlib.uuid5(_NAMESPACE, name))


@dataclass(frozen=True)
class DemoScenario:
    """The URLs `seed_demo` created, by a short name (``zaken["subsidie"]``)."""

    today: dt.date
    bsn: str
    other_bsn: str
    kvk: str
    catalogus: str
    zaaktypen: dict[str, str]
    statustypen: dict[str, list[str]]
    zaken: dict[str, str]
    documenten: dict[str, str]
    besluiten: dict[str, str]
    taak_objecttype: str
    taken: dict[str, str]
    partijen: dict[str, str]
    klantcontacten: dict[str, str]
    contactmomenten: dict[str, str]
    platform: PlatformScenario | None = None

    @property
    def citizen_zaken(self) -> list[str]:
        """Anne Klap's zaken, the intern one included (a portal must hide it)."""
        return [url for key, url in self.zaken.items() if not key.startswith(("bedrijf", "ander"))]


@dataclass(frozen=True)
class PlatformScenario:
    """The Dienstverleningsplatform resources `seed_platform` created, by short name."""

    party_urn: str
    berichten: dict[str, str]
    taken: dict[str, str]
    producttype: str
    producten: dict[str, str]


@dataclass(frozen=True)
class BenchmarkScenario:
    """What `seed_benchmark` created."""

    bsn: str
    zaaktype: str
    zaken: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)


_ANNE = ("Anne", "A.", "Klap")


_ANNE_CONTACTNAAM: JSON = {
    "voorletters": "A.",
    "voornaam": "Anne",
    "voorvoegselAchternaam": "",
    "achternaam": "Klap",
}
