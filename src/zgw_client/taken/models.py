"""Models of the Taken API 0.1 (Open VTB): tasks a citizen or company has to carry out.

Not to be confused with the NL Portal "portaaltaak" objects of the Objects API
([`zgw_client.objecten.taken`][zgw_client.objecten.taken]): these are the Open VTB
``externetaken``, one resource in three kinds (``taakSoort``):

* ``betaaltaak``: pay an amount
  (``details``: [`BetaalTaakDetails`][zgw_client.taken.BetaalTaakDetails]);
* ``urltaak``: do something on another site (``details.uitvraagLink``);
* ``formuliertaak``: fill in a form (``details.formulierDefinitie``, a Form.io definition).

``/externetaken`` lists all kinds ([`ExterneTaak`][zgw_client.taken.ExterneTaak], whose
``details`` is typed by ``taakSoort``); ``/betaaltaken``, ``/urltaken`` and
``/formuliertaken`` serve one kind each, and there ``taakSoort`` must not be sent on writes.

Server facts the models follow (Open VTB 0.1.0):

* ``isToegewezenAan`` is the party URN (BSN, KVK, vestiging or klantnummer); the server
  only checks its URN syntax.
* ``einddatumHandelingsTermijn`` (the deadline) is a date and required; ``startdatum``
  defaults to today, ``datumHerinnering`` to seven days before the deadline, ``status``
  to ``open``.
* A taak is completed by changing ``status`` (``PATCH {"status": "uitgevoerd"}``); there is
  no action endpoint. A PATCH of ``details`` is merged into the stored details.
* Amounts are decimal strings (``"74.90"``); the only ``valuta`` accepted is ``EUR``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

from pydantic import Discriminator, Tag, model_validator

from .._models import OPEN_ENUM, ZGWModel
from .._vtb import IsGerelateerdAan, zaak_identificaties

__all__ = [
    "RESOURCE_MODELS",
    "BetaalTaak",
    "BetaalTaakDetails",
    "Doelrekening",
    "ExterneTaak",
    "FormulierTaak",
    "FormulierTaakDetails",
    "IsGerelateerdAan",
    "TaakDetails",
    "TaakSoort",
    "TaakStatus",
    "URLTaak",
    "URLTaakDetails",
]


class TaakStatus(str, Enum):
    """``status`` of a taak: ``open`` until the party (or the system) acts."""

    OPEN = "open"
    UITGEVOERD = "uitgevoerd"
    NIET_UITGEVOERD = "niet_uitgevoerd"
    AFGEBROKEN = "afgebroken"
    VERWERKT = "verwerkt"


class TaakSoort(str, Enum):
    """``taakSoort``: selects the shape of ``details``."""

    BETAALTAAK = "betaaltaak"
    URLTAAK = "urltaak"
    FORMULIERTAAK = "formuliertaak"


class Doelrekening(ZGWModel):
    """The receiving account of a betaaltaak; the server wants at least one field."""

    naam: str | None = None
    code: str | None = None
    iban: str | None = None


class BetaalTaakDetails(ZGWModel):
    """``details`` of a betaaltaak: what to pay, to whom, with which description."""

    bedrag: Decimal
    valuta: str | None = None
    transactieomschrijving: str
    doelrekening: Doelrekening


class URLTaakDetails(ZGWModel):
    """``details`` of a urltaak: the link to follow and the data exchanged with it."""

    uitvraag_link: str
    voorinvullen_gegevens: dict[str, Any] | None = None
    ontvangen_gegevens: dict[str, Any] | None = None


class FormulierTaakDetails(ZGWModel):
    """``details`` of a formuliertaak: the form (Form.io JSON) and its data."""

    formulier_definitie: dict[str, Any]
    voorinvullen_gegevens: dict[str, Any] | None = None
    ontvangen_gegevens: dict[str, Any] | None = None


def _details_tag(value: Any) -> str:
    return type(value).__name__ if isinstance(value, ZGWModel) else "onbekend"


#: ``details``: the typed model for a known ``taakSoort``, else the plain dict.
TaakDetails = Annotated[
    Annotated[BetaalTaakDetails, Tag("BetaalTaakDetails")]
    | Annotated[URLTaakDetails, Tag("URLTaakDetails")]
    | Annotated[FormulierTaakDetails, Tag("FormulierTaakDetails")]
    | Annotated[dict[str, Any], Tag("onbekend")],
    Discriminator(_details_tag),
]

_DETAILS: dict[str, type[ZGWModel]] = {
    TaakSoort.BETAALTAAK.value: BetaalTaakDetails,
    TaakSoort.URLTAAK.value: URLTaakDetails,
    TaakSoort.FORMULIERTAAK.value: FormulierTaakDetails,
}


class ExterneTaak(ZGWModel):
    """A taak of any kind (``/externetaken``); ``details`` is typed by ``taak_soort``.

    ``taak_soort`` is required in responses; it is optional here because the per-kind
    endpoints refuse it in request bodies.
    """

    url: str | None = None
    urn: str | None = None
    uuid: UUID | None = None
    titel: str
    verwerker_taak_id: str | None = None
    status: Annotated[TaakStatus | str | None, OPEN_ENUM] = None
    startdatum: datetime.date | None = None
    handelings_perspectief: str | None = None
    einddatum_handelings_termijn: datetime.date
    datum_herinnering: datetime.date | None = None
    toelichting: str | None = None
    is_toegewezen_aan: str | None = None
    is_gerelateerd_aan: list[IsGerelateerdAan] | None = None
    taak_soort: Annotated[TaakSoort | str | None, OPEN_ENUM] = None
    details: TaakDetails

    @model_validator(mode="before")
    @classmethod
    def _typed_details(cls, data: Any) -> Any:
        """Pick the ``details`` model from the sibling ``taakSoort`` (before validation)."""
        if not isinstance(data, dict):
            return data
        soort = data.get("taakSoort", data.get("taak_soort"))
        soort = soort.value if isinstance(soort, Enum) else soort
        model = _DETAILS.get(soort) if isinstance(soort, str) else None
        details = data.get("details")
        if model is not None and isinstance(details, dict):
            return {**data, "details": model.model_validate(details)}
        return data

    @property
    def is_open(self) -> bool:
        """Whether the taak still waits for the party (status ``open``)."""
        return self.status == TaakStatus.OPEN

    @property
    def zaak_identificaties(self) -> list[str]:
        """The zaaknummers this taak is about (from zaak URNs in ``isGerelateerdAan``)."""
        return zaak_identificaties(self.is_gerelateerd_aan)

    def days_left(self, today: datetime.date) -> int:
        """Days until ``einddatumHandelingsTermijn`` (negative when overdue)."""
        return (self.einddatum_handelings_termijn - today).days


class BetaalTaak(ExterneTaak):
    """A payment taak (``/betaaltaken``)."""

    details: BetaalTaakDetails


class URLTaak(ExterneTaak):
    """A taak carried out on another site (``/urltaken``)."""

    details: URLTaakDetails


class FormulierTaak(ExterneTaak):
    """A form to fill in (``/formuliertaken``)."""

    details: FormulierTaakDetails


#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "externetaken": ExterneTaak,
    "betaaltaken": BetaalTaak,
    "urltaken": URLTaak,
    "formuliertaken": FormulierTaak,
}
