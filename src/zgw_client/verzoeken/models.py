"""Models of the Verzoeken API 0.1 (Open VTB): requests citizens and companies submit.

A verzoek is a submitted request (a form sent from the portal) of a verzoektype; its
``aanvraagGegevens`` must validate against the JSON schema of a version of that type
(``versie``, else the latest). Verzoektypen have numbered versions below
``/verzoektypen/{uuid}/versies/{versie}``, each ``draft``, ``published`` or ``deprecated``.

Server facts the models follow (Open VTB 0.1.0):

* ``verzoekType`` is a URL (and may not change after creation); the server adds
  ``verzoekTypeUrn``. ``initiator`` is the party URN of whoever submitted it.
* Only ``draft`` versions can be changed or deleted; publishing a version sets its
  ``beginGeldigheid`` and ends the previous one (``eindeGeldigheid``).
* ``geometrie`` is GeoJSON, kept as a dict.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

from pydantic import Field

from .._models import OPEN_ENUM, ZGWModel
from .._vtb import IsGerelateerdAan, zaak_identificaties

__all__ = [
    "RESOURCE_MODELS",
    "BijlageType",
    "IsGerelateerdAan",
    "VerwerkStatus",
    "Verzoek",
    "VerzoekBetaling",
    "VerzoekBijlage",
    "VerzoekBron",
    "VerzoekType",
    "VerzoekTypeVersie",
    "VerzoekTypeVersieStatus",
    "VerzoekTypeVersieSummary",
]


class VerwerkStatus(str, Enum):
    """``verwerkStatus`` of a verzoek: whether the back office has processed it."""

    GEREGISTREERD = "geregistreerd"
    VERWERKT = "verwerkt"


class VerzoekTypeVersieStatus(str, Enum):
    """``status`` of a verzoektype version: only ``draft`` versions can change."""

    PUBLISHED = "published"
    DRAFT = "draft"
    DEPRECATED = "deprecated"


class VerzoekBijlage(ZGWModel):
    """A document submitted with a verzoek: the URN of an enkelvoudiginformatieobject."""

    informatie_object: str


class VerzoekBron(ZGWModel):
    """Where the verzoek came from (e.g. the form system and its submission number)."""

    naam: str | None = None
    kenmerk: str | None = None


class VerzoekBetaling(ZGWModel):
    """A payment made with the verzoek."""

    provider_kenmerk: str | None = None
    bedrag: Decimal | None = None
    voltooid: bool | None = None
    transactie_datum: datetime.datetime | None = None
    transactie_referentie: str | None = None


class Verzoek(ZGWModel):
    """A submitted request (``/verzoeken``)."""

    url: str | None = None
    urn: str | None = None
    uuid: UUID | None = None
    verzoek_type: str
    verzoek_type_urn: str | None = None
    #: GeoJSON geometry, kept as sent.
    geometrie: dict[str, Any] | None = None
    aanvraag_gegevens: dict[str, Any]
    versie: int | None = None
    bijlagen: list[VerzoekBijlage] = Field(default_factory=list)
    initiator: str | None = None
    is_gerelateerd_aan: list[IsGerelateerdAan] | None = None
    kanaal: str | None = None
    verzoek_taal: str | None = None
    verwerk_status: Annotated[VerwerkStatus | str | None, OPEN_ENUM] = None
    verzoek_informatie_object: str | None = None
    verzoek_bron: VerzoekBron | None = None
    verzoek_betaling: VerzoekBetaling | None = None

    @property
    def zaak_identificaties(self) -> list[str]:
        """The zaaknummers this verzoek led to or is about (from ``isGerelateerdAan``)."""
        return zaak_identificaties(self.is_gerelateerd_aan)


class VerzoekTypeVersieSummary(ZGWModel):
    """A version as listed in ``VerzoekType.versies``: number, status and URL."""

    url: str
    versie: int
    status: Annotated[VerzoekTypeVersieStatus | str | None, OPEN_ENUM] = None


class VerzoekType(ZGWModel):
    """A kind of request citizens can submit (``/verzoektypen``)."""

    url: str | None = None
    urn: str | None = None
    uuid: UUID | None = None
    versies: list[VerzoekTypeVersieSummary] = Field(default_factory=list)
    naam: str
    omschrijving: str | None = None


class BijlageType(ZGWModel):
    """A kind of attachment a verzoektype version asks for (an informatieobjecttype URN)."""

    informatie_objecttype: str
    omschrijving: str | None = None


class VerzoekTypeVersie(ZGWModel):
    """One version of a verzoektype (``/verzoektypen/{uuid}/versies``)."""

    url: str | None = None
    versie: int | None = None
    verzoek_type: str | None = None
    bijlage_typen: list[BijlageType] = Field(default_factory=list)
    status: Annotated[VerzoekTypeVersieStatus | str | None, OPEN_ENUM] = None
    aanvraag_gegevens_schema: dict[str, Any]
    aangemaakt_op: datetime.date | None = None
    gewijzigd_op: datetime.date | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None


#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "verzoeken": Verzoek,
    "verzoektypen": VerzoekType,
    "versies": VerzoekTypeVersie,
}
