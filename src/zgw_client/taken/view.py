"""One citizen-facing view of a taak, whichever register it comes from.

A citizen's "Wat ik moet regelen" mixes two kinds of taken: Open VTB's externetaken
([`ExterneTaak`][zgw_client.taken.ExterneTaak]: betaal-, url- and formuliertaken) and the
NL Portal taken kept as objects in the Objects API
([`Taak`][zgw_client.objecten.taken.Taak]: url, portaalformulier, ogonebetaling). They name
the same things differently (``einddatumHandelingsTermijn`` and ``verloopdatum``,
``bedrag`` as a decimal string and as a float, a zaak by zaaknummer URN or by UUID).
[`CitizenTaak`][zgw_client.taken.view.CitizenTaak] is what a portal shows of either, made by
[`citizen_taak_from_vtb`][zgw_client.taken.view.citizen_taak_from_vtb] or
[`citizen_taak_from_objecten`][zgw_client.taken.view.citizen_taak_from_objecten]. No I/O.

Example:
    ```python
    today = datetime.date.today()
    taken = [citizen_taak_from_vtb(t, today=today) for t in vtb_taken]
    taken += [citizen_taak_from_objecten(t, today=today) for t in object_taken]
    for taak in sorted(taken, key=deadline_order):
        print(taak.titel, taak.amount_text, taak.days_left)   # Betaal uw parkeerbon € 74,90 14
    ```
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from ..objecten.taken import Taak, is_open
from ..objecten.taken import days_left as objecten_days_left
from .models import (
    BetaalTaakDetails,
    ExterneTaak,
    FormulierTaakDetails,
    TaakStatus,
    URLTaakDetails,
)

__all__ = [
    "CitizenTaak",
    "CitizenTaakSoort",
    "TaakBron",
    "citizen_taak_from_objecten",
    "citizen_taak_from_vtb",
    "deadline_order",
    "format_euro",
]

_CENT = Decimal("0.01")


class CitizenTaakSoort(str, Enum):
    """What the citizen has to do."""

    BETALEN = "betalen"
    FORMULIER = "formulier"
    LINK = "link"
    OVERIG = "overig"


class TaakBron(str, Enum):
    """Which register the taak comes from."""

    OPEN_VTB = "openvtb"
    OBJECTEN = "objecten"


class CitizenTaak(BaseModel):
    """A taak as a citizen sees it: what, until when, how much, where to do it.

    Attributes:
        titel: the title to show.
        soort: pay, fill in a form, follow a link, or something else.
        status: ``open`` while the citizen still has to act, else ``closed``.
        source_status: the register's own status (``open``, ``uitgevoerd``, ``afgerond``...).
        deadline: the last day to act, if there is one.
        days_left: days from ``today`` to the deadline (negative when passed).
        amount: what to pay (betalen).
        amount_text: ``amount`` in Dutch notation, e.g. ``"€ 74,90"``.
        payment_reference: the reference to pay with (Open VTB ``transactieomschrijving``,
            NL Portal ``betaalkenmerk``).
        link: where to do it (an urltaak's ``uitvraagLink``, a url taak's ``uri``).
        form: the Form.io definition to render (Open VTB formuliertaak).
        form_reference: the form to open, by URL or id (NL Portal portaalformulier).
        prefill: data to pre-fill the form or the linked page with.
        toelichting: the explanation to show, if any.
        zaak_identificatie: the zaaknummer of the zaak it belongs to (Open VTB links zaken
            so).
        zaak_uuid: the UUID of the zaak it belongs to (the Objects API links zaken so).
        zaak_url: the zaak's URL, where the taak gives it.
        source: the register it comes from.
        source_url: the taak's URL in that register (to complete it there).
    """

    model_config = ConfigDict(frozen=True)

    titel: str
    soort: CitizenTaakSoort
    status: Literal["open", "closed"]
    source_status: str | None = None
    deadline: datetime.date | None = None
    days_left: int | None = None
    amount: Decimal | None = None
    amount_text: str | None = None
    payment_reference: str | None = None
    link: str | None = None
    form: dict[str, Any] | None = None
    form_reference: str | None = None
    prefill: dict[str, Any] | None = None
    toelichting: str | None = None
    zaak_identificatie: str | None = None
    zaak_uuid: str | None = None
    zaak_url: str | None = None
    source: TaakBron
    source_url: str | None = None

    @property
    def is_open(self) -> bool:
        """Whether the citizen still has to act."""
        return self.status == "open"

    @property
    def is_overdue(self) -> bool:
        """Open with its deadline passed."""
        return self.is_open and self.days_left is not None and self.days_left < 0


def format_euro(amount: Decimal | float | str) -> str:
    """An amount in Dutch notation: ``€ 74,90``, ``€ 1.250,00``, ``€ -5,00``.

    Rounded half up to cents; a point groups thousands, a comma separates the cents, as
    the Dutch government's style (and CLDR ``nl``) writes euros. The space is a plain
    space; put a non-breaking one in HTML if the line may wrap.

    Raises:
        ValueError: ``amount`` is not a finite number.
    """
    try:
        value = Decimal(str(amount))
    except InvalidOperation:
        raise ValueError("format_euro needs a number, e.g. Decimal('74.90').") from None
    if not value.is_finite():
        raise ValueError("format_euro needs a finite number.")
    cents = value.quantize(_CENT, rounding=ROUND_HALF_UP)
    sign = "-" if cents < 0 else ""
    euros, _, fraction = f"{abs(cents):.2f}".partition(".")
    grouped = f"{int(euros):,}".replace(",", ".")
    return f"€ {sign}{grouped},{fraction}"


def deadline_order(taak: CitizenTaak) -> tuple[bool, datetime.date, str]:
    """Sort key: soonest deadline first, taken without one last, then by title."""
    return (taak.deadline is None, taak.deadline or datetime.date.max, taak.titel)


def _text(value: Enum | str | None) -> str | None:
    return value.value if isinstance(value, Enum) else value


def citizen_taak_from_vtb(taak: ExterneTaak, *, today: datetime.date) -> CitizenTaak:
    """The citizen's view of an Open VTB taak (any ``taakSoort``)."""
    details = taak.details
    soort = CitizenTaakSoort.OVERIG
    fields: dict[str, Any] = {}
    if isinstance(details, BetaalTaakDetails):
        soort = CitizenTaakSoort.BETALEN
        fields = {
            "amount": details.bedrag,
            "amount_text": format_euro(details.bedrag),
            "payment_reference": details.transactieomschrijving,
        }
    elif isinstance(details, URLTaakDetails):
        soort = CitizenTaakSoort.LINK
        fields = {"link": details.uitvraag_link, "prefill": details.voorinvullen_gegevens or None}
    elif isinstance(details, FormulierTaakDetails):
        soort = CitizenTaakSoort.FORMULIER
        fields = {
            "form": details.formulier_definitie,
            "prefill": details.voorinvullen_gegevens or None,
        }
    zaken = taak.zaak_identificaties
    deadline = taak.einddatum_handelings_termijn
    return CitizenTaak(
        titel=taak.titel,
        soort=soort,
        status="open" if _text(taak.status) in (None, TaakStatus.OPEN.value) else "closed",
        source_status=_text(taak.status),
        deadline=deadline,
        days_left=(deadline - today).days,
        toelichting=taak.toelichting or None,
        zaak_identificatie=zaken[0] if zaken else None,
        source=TaakBron.OPEN_VTB,
        source_url=taak.url,
        **fields,
    )


def citizen_taak_from_objecten(taak: Taak, *, today: datetime.date) -> CitizenTaak:
    """The citizen's view of an NL Portal taak kept in the Objects API (v1 or v2 shape)."""
    soort = CitizenTaakSoort.OVERIG
    fields: dict[str, Any] = {}
    if taak.ogonebetaling is not None:
        soort = CitizenTaakSoort.BETALEN
        amount = Decimal(str(taak.ogonebetaling.bedrag)).quantize(_CENT, rounding=ROUND_HALF_UP)
        fields = {
            "amount": amount,
            "amount_text": format_euro(amount),
            "payment_reference": taak.ogonebetaling.betaalkenmerk,
        }
    elif taak.portaalformulier is not None:
        soort = CitizenTaakSoort.FORMULIER
        fields = {
            "form_reference": taak.portaalformulier.formulier.value,
            "prefill": taak.portaalformulier.data or None,
        }
    elif taak.url is not None:
        soort = CitizenTaakSoort.LINK
        fields = {"link": taak.url.uri}
    verloop = taak.verloopdatum
    deadline = verloop.date() if isinstance(verloop, datetime.datetime) else verloop
    return CitizenTaak(
        titel=taak.titel,
        soort=soort,
        status="open" if is_open(taak) else "closed",
        source_status=_text(taak.status),
        deadline=deadline,
        days_left=objecten_days_left(taak, today),
        zaak_uuid=taak.zaak_uuid,
        zaak_url=taak.zaak_url,
        source=TaakBron.OBJECTEN,
        source_url=taak.object_url,
        **fields,
    )
