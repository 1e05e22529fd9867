"""Models of the Contactmomenten API 1.0 (the VNG API older installs still run).

It predates Klantinteracties: references are plain URLs, a contactmoment has no ``uuid`` field
([`Contactmoment.uuid`][zgw_client.contactmomenten.models.Contactmoment.uuid] takes it from the URL)
and no ``onderwerp``; links to a zaak and to a klant live in separate resources
([`ObjectContactMoment`][zgw_client.contactmomenten.models.ObjectContactMoment],
[`KlantContactMoment`][zgw_client.contactmomenten.models.KlantContactMoment]). Servers that add
fields (KISS adds ``vraag``, ``gespreksresultaat``) keep them in ``model_extra``.
"""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from uuid import UUID

from pydantic import Field

from .._models import OPEN_ENUM, Reference, ZGWModel

__all__ = [
    "RESOURCE_MODELS",
    "Contactmoment",
    "Initiatiefnemer",
    "KlantContactMoment",
    "KlantContactMomentRol",
    "MedewerkerIdentificatie",
    "ObjectContactMoment",
    "ObjectType",
]


class Initiatiefnemer(str, Enum):
    """Who started the contact."""

    GEMEENTE = "gemeente"
    KLANT = "klant"


class KlantContactMomentRol(str, Enum):
    """``KlantContactMoment.rol``."""

    BELANGHEBBENDE = "belanghebbende"
    GESPREKSPARTNER = "gesprekspartner"


class ObjectType(str, Enum):
    """``ObjectContactMoment.objectType``: only ``zaak`` in 1.0."""

    ZAAK = "zaak"


class MedewerkerIdentificatie(ZGWModel):
    """The medewerker who handled the contact, when not given as a URL."""

    identificatie: str | None = None
    achternaam: str | None = None
    voorletters: str | None = None
    voorvoegsel_achternaam: str | None = None


def _uuid_from_url(url: str | None) -> UUID | None:
    if not url:
        return None
    try:
        return UUID(url.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


class Contactmoment(ZGWModel):
    """One registered contact with a klant (``/contactmomenten``)."""

    url: Reference | None = None
    vorig_contactmoment: Reference | None = None
    volgend_contactmoment: Reference | None = None
    bronorganisatie: str
    registratiedatum: datetime | None = None
    kanaal: str | None = None
    voorkeurskanaal: str | None = None
    voorkeurstaal: str | None = None
    tekst: str | None = None
    onderwerp_links: list[Reference] = Field(default_factory=list)
    initiatiefnemer: Initiatiefnemer | str | None = Field(default=None, union_mode="left_to_right")
    medewerker: Reference | None = None
    medewerker_identificatie: MedewerkerIdentificatie | None = None

    @property
    def uuid(self) -> UUID | None:
        """The UUID at the end of `url` (1.0 has no ``uuid`` field)."""
        return _uuid_from_url(self.url)


class ObjectContactMoment(ZGWModel):
    """Links a contactmoment to an object, in 1.0 always a zaak (``/objectcontactmomenten``)."""

    url: Reference | None = None
    contactmoment: Reference
    object: Reference
    object_type: ObjectType | str = OPEN_ENUM


class KlantContactMoment(ZGWModel):
    """Links a contactmoment to a klant of the Klanten API (``/klantcontactmomenten``)."""

    url: Reference | None = None
    contactmoment: Reference
    klant: Reference
    rol: KlantContactMomentRol | str = OPEN_ENUM


#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "contactmomenten": Contactmoment,
    "objectcontactmomenten": ObjectContactMoment,
    "klantcontactmomenten": KlantContactMoment,
}
