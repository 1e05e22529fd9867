"""The view models of a citizen overview: typed, JSON-serialisable, ready to render.

``Overview.model_dump(mode="json")`` is what a portal's front end needs; nothing in it
requires another request.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field, model_validator

from ..taken.view import CitizenTaak

__all__ = [
    "BerichtView",
    "BesluitView",
    "ContactView",
    "DocumentView",
    "ExpectedEnd",
    "HomePageView",
    "HomePart",
    "Missing",
    "Overview",
    "ProductView",
    "Progress",
    "QuestionConfirmation",
    "Step",
    "Subject",
    "TaakView",
    "TimelineEntry",
    "ZaakDetail",
    "ZaakSummary",
]


class View(BaseModel):
    model_config = ConfigDict(frozen=False, extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _derived_fields_are_not_input(cls, data: Any) -> Any:
        # ``complete`` is computed; a dumped view (a cache, a queue) parses back.
        if isinstance(data, dict) and "complete" in data:
            data = {key: value for key, value in data.items() if key != "complete"}
        return data


class Missing(View):
    """A part that could not be fetched; the rest of the result is still there."""

    part: str = Field(description="What is missing, e.g. 'taken' or 'documenten of ZAAK-1'.")
    reason: str = Field(description="Why: the error type and message, without secrets.")
    service: str | None = None
    status: int | None = None


class Subject(View):
    """Whose overview this is."""

    kind: Literal["bsn", "kvk"]
    #: The identifier masked for display (``*****1234``).
    masked: str
    vestigingsnummer: str | None = None


class TaakView(View):
    """Something the citizen must do ("Wat ik moet regelen")."""

    url: str | None
    titel: str
    status: str
    soort: str | None
    verloopdatum: dt.date | None
    days_left: int | None = Field(description="Days until verloopdatum; negative when overdue.")
    action_url: str | None = Field(description="Where to do it (soort url), if known.")
    bedrag: str | None = None
    zaak_url: str | None = None
    zaak_identificatie: str | None = None


class Progress(View):
    """Step ``current`` of ``total`` (both counting only steps shown to the citizen)."""

    current: int
    total: int


class ExpectedEnd(View):
    """When the zaak is expected to be done, and which rule gave the date."""

    date: dt.date
    source: Literal["uiterlijke_einddatum_afdoening", "einddatum_gepland", "doorlooptijd"]


class ZaakSummary(View):
    """One line of "Mijn lopende zaken" / "Afgeronde zaken"."""

    url: str
    uuid: str | None
    identificatie: str | None
    zaaktype: str | None = Field(description="The zaaktype's name for citizens.")
    omschrijving: str | None
    aangevraagd_op: dt.date | None = Field(description="Date of the request (registratie).")
    status: str | None = Field(description="statustekst, else omschrijving of the status.")
    progress: Progress | None
    last_change: dt.datetime | None
    expected_end: ExpectedEnd | None
    afgerond: bool
    einddatum: dt.date | None
    resultaat: str | None
    open_taken: int = 0
    source: str | None = Field(
        default=None, description="The Zaken service (its configured name) the zaak is from."
    )


#: Where a step stands: reached before, the zaak's status now, or still to come.
StepState = Literal["done", "current", "upcoming"]


class Step(View):
    """One status step of a zaak, as the citizen sees it."""

    volgnummer: int
    naam: str
    state: StepState
    reached_at: dt.datetime | None


class DocumentView(View):
    """A document the citizen may see."""

    url: str
    titel: str | None
    type: str | None
    formaat: str | None
    bestandsnaam: str | None
    size: int | None
    date: dt.date | None
    download_url: str | None


class BesluitView(View):
    """A decision on the zaak."""

    url: str
    identificatie: str | None
    besluittype: str | None
    datum: dt.date | None
    ingangsdatum: dt.date | None
    toelichting: str | None


class ContactView(View):
    """A contact moment about the zaak (from Klantinteracties or the Contactmomenten API)."""

    url: str | None
    registered_at: dt.datetime | None
    kanaal: str | None
    onderwerp: str | None
    tekst: str | None
    direction: str | None
    source: str


class TimelineEntry(View):
    """A contact moment or a status change, for one merged timeline (newest first)."""

    at: dt.datetime | None
    kind: Literal["contact", "status"]
    title: str
    text: str | None = None


class ZaakDetail(View):
    """Everything about one zaak the citizen may see."""

    zaak: ZaakSummary
    steps: list[Step]
    documenten: list[DocumentView]
    besluiten: list[BesluitView]
    contactmomenten: list[ContactView]
    timeline: list[TimelineEntry]
    taken: list[TaakView]
    missing: list[Missing] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def complete(self) -> bool:
        """True when nothing of this zaak is missing (in every serialised form too)."""
        return not self.missing


class Overview(View):
    """A citizen's (or company's) overview: what to do, running and closed zaken."""

    subject: Subject
    generated_at: dt.datetime
    taken: list[TaakView]
    lopende_zaken: list[ZaakSummary]
    afgeronde_zaken: list[ZaakSummary]
    details: list[ZaakDetail] | None = Field(
        default=None, description="Per zaak, when asked for with details=True."
    )
    missing: list[Missing] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def complete(self) -> bool:
        """True when nothing is missing: a portal shows "not everything could be loaded"
        otherwise. In ``model_dump()`` and the JSON too, so a front end sees it."""
        return not self.missing and all(not d.missing for d in self.details or [])


class QuestionConfirmation(View):
    """The answer to "Stel een vraag": it was registered, and when to expect an answer."""

    klantcontact_url: str
    zaak_identificatie: str | None
    registered_at: dt.datetime
    answer_expected_by: dt.date
    message: str


#: The parts of a citizen's home page.
HomePart = Literal["zaken", "taken", "berichten", "producten"]


class BerichtView(View):
    """One of "Laatste berichten": a message to the citizen, read or not."""

    url: str | None
    onderwerp: str
    publicatiedatum: dt.datetime | None
    unread: bool = Field(description="Not opened in the portal yet (no geopendOp).")
    bericht_type: str | None = None
    handelings_perspectief: str | None = Field(
        default=None, description="What the citizen is asked to do (betalen, lezen, ...)."
    )
    einddatum_handelings_termijn: dt.datetime | None = None
    bijlagen: int = Field(default=0, description="How many attachments it has.")
    zaak_url: str | None = Field(
        default=None,
        description="The citizen's zaak it is about (isGerelateerdAan names it by zaaknummer).",
    )
    zaak_identificatie: str | None = None


class ProductView(View):
    """A product the citizen holds now (a parkeervergunning, an Ooievaarspas)."""

    url: str | None
    naam: str
    producttype: str | None = Field(description="The producttype's name, when embedded.")
    status: str | None
    start_datum: dt.date | None = Field(description="Valid from (None: from the start).")
    eind_datum: dt.date | None = Field(description="The first day it is no longer valid.")
    days_left: int | None = Field(description="Days until eind_datum (None: no end).")


class HomePageView(View):
    """A citizen's (or company's) home page: lopende zaken, wat ik moet regelen, laatste
    berichten, producten.

    A part is ``None`` when this home page does not have it (its services are not
    configured, or it is switched off, see ``parts``). Otherwise it holds what could be
    fetched, and ``missing`` says what could not: a part whose register failed is an empty
    list beside a ``Missing`` entry, and the other parts are still there.
    """

    subject: Subject
    generated_at: dt.datetime
    parts: list[HomePart] = Field(description="The parts this home page has, in order.")
    lopende_zaken: list[ZaakSummary] | None = None
    taken: list[CitizenTaak] | None = Field(
        default=None,
        description="Open taken from Open VTB and the Objects API, soonest deadline first.",
    )
    berichten: list[BerichtView] | None = Field(
        default=None, description="The newest berichten (HomeParts.berichten_limit), newest first."
    )
    unread_berichten: int | None = Field(
        default=None, description="Unread berichten in all (not only those listed)."
    )
    producten: list[ProductView] | None = Field(
        default=None, description="Current products, the one that ends soonest first."
    )
    missing: list[Missing] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def complete(self) -> bool:
        """True when nothing is missing (also in ``model_dump()`` and the JSON)."""
        return not self.missing
