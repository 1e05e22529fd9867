"""A citizen's home page as one plan, and the views of what it fetched: pure, no I/O.

The home page has up to four parts, and all their requests are in one plan, so that they
run concurrently under one bound (``policy.concurrency``):

* "Mijn lopende zaken": the MijnZaken overview's plan
  ([`Composition`][zgw_client.mijnzaken._plan.Composition]), run as it is, inside this one;
* "Wat ik moet regelen": the party's open taken in Open VTB (one read of the whole list,
  which cannot be filtered) and in the Objects API (two queries), beside each other;
* "Laatste berichten": the party's berichten in Open VTB (one read of the whole list);
* "Mijn producten": the party's products in Open Product (one filtered list).

Only the zaken need more than one round trip (their catalogi); the other parts are one
request each (more only when a list has more than one page), whatever the number of zaken
or berichten. A part whose register fails is recorded in ``missing``; the others are not
affected. The zaken are those the MijnZaken plan may show (the subject's rol, ``extern``
zaaktypen, the vertrouwelijkheid policy); a bericht or taak is linked to a zaak only when
it names one of those, by zaaknummer URN (Open VTB) or UUID (the Objects API).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from .._exceptions import ZGWError
from .._vtb import party_of
from ..berichten.models import Bericht
from ..objecten.taken import Taak
from ..producten.current import current_product, expiry_order
from ..producten.models import Product
from ..taken.models import ExterneTaak
from ..taken.view import (
    CitizenTaak,
    citizen_taak_from_objecten,
    citizen_taak_from_vtb,
    deadline_order,
)
from . import _compose as c
from . import _views as views
from ._plan import Composition
from ._requests import BerichtenOf, OpenTaken, PlanRequest, ProductenOf, VTBTakenOf
from ._subject import SubjectIdentity
from .models import BerichtView, HomePageView, HomePart, Missing, ProductView, ZaakSummary
from .policy import HomeParts, Policy

__all__ = ["HomeComposition", "home_view"]


class HomeComposition:
    """The plan of one home page; see the module docstring.

    Args:
        subject: whose home page it is.
        policy: what may be shown, and the bound on requests in flight.
        zaken: the MijnZaken plan of the subject's overview (``None``: no zaken part).
        vtb_taken: read the open taken of Open VTB.
        object_taken: read the open taken of the Objects API.
        berichten: read the berichten (published by ``now``).
        producten: read the products.
        now: the moment that counts as now for a bericht's ``publicatiedatum``.
    """

    def __init__(
        self,
        subject: SubjectIdentity,
        policy: Policy,
        *,
        zaken: Composition | None,
        vtb_taken: bool,
        object_taken: bool,
        berichten: bool,
        producten: bool,
        now: dt.datetime,
    ) -> None:
        self.subject = subject
        self.policy = policy
        self.zaken = zaken
        self.missing: list[Missing] = []
        self.parts: list[HomePart] = []
        if zaken is not None:
            self.parts.append("zaken")
        if vtb_taken or object_taken:
            self.parts.append("taken")
        if berichten:
            self.parts.append("berichten")
        if producten:
            self.parts.append("producten")
        # What each part found (None: not asked, or failed).
        self.vtb_taken: list[ExterneTaak] | None = None
        self.object_taken: list[Taak] | None = None
        self.berichten: list[Bericht] | None = None
        self.producten: list[Product] | None = None
        pages = max(1, min(2, policy.concurrency))  # a whole-list read: pages at once
        self._first: list[PlanRequest] = []
        if vtb_taken or berichten:
            party = party_of(
                bsn=subject.bsn, kvk=subject.kvk, vestigingsnummer=subject.vestigingsnummer
            ).urn
            if vtb_taken:
                self._first.append(VTBTakenOf(party, slots=pages))
            if berichten:
                self._first.append(BerichtenOf(party, now.isoformat(), slots=pages))
        if object_taken:
            self._first.append(OpenTaken(subject.bsn, subject.kvk))
        if producten:
            self._first.append(ProductenOf(subject.bsn, subject.kvk, subject.vestigingsnummer))

    # -- the plan protocol -------------------------------------------------------------------
    def start(self) -> list[PlanRequest]:
        # The zaken first: their answers unlock the catalogi (priority 0 goes first anyway).
        first = list(self.zaken.start()) if self.zaken is not None else []
        return first + self._first

    def settle(self, request: PlanRequest, outcome: Any) -> list[PlanRequest]:
        handler = _HANDLERS.get(type(request))
        if handler is None:
            assert self.zaken is not None  # only the zaken plan asks for anything else
            return self.zaken.settle(request, outcome)
        handler(self, request, outcome)
        return []

    def idle(self) -> list[PlanRequest]:
        return self.zaken.idle() if self.zaken is not None else []

    # -- answers -----------------------------------------------------------------------------
    def _failed(self, part: str, outcome: Any, service: str) -> bool:
        if isinstance(outcome, ZGWError):
            self.missing.append(c.missing_from(part, outcome, service))
            return True
        return False

    def _vtb_taken_in(self, request: VTBTakenOf, outcome: Any) -> None:
        if not self._failed("taken (Open VTB)", outcome, "taken"):
            self.vtb_taken = outcome

    def _object_taken_in(self, request: OpenTaken, outcome: Any) -> None:
        label = "taken (Objects API)" if "taken" in self.parts else "taken"
        if not self._failed(label, outcome, "objecten"):
            self.object_taken = outcome

    def _berichten_in(self, request: BerichtenOf, outcome: Any) -> None:
        if not self._failed("berichten", outcome, "berichten"):
            self.berichten = outcome

    def _producten_in(self, request: ProductenOf, outcome: Any) -> None:
        if not self._failed("producten", outcome, "producten"):
            self.producten = outcome


_HANDLERS: dict[type[Any], Callable[[HomeComposition, Any, Any], None]] = {
    VTBTakenOf: HomeComposition._vtb_taken_in,
    OpenTaken: HomeComposition._object_taken_in,
    BerichtenOf: HomeComposition._berichten_in,
    ProductenOf: HomeComposition._producten_in,
}


# -- views -------------------------------------------------------------------------------------
def home_view(
    plan: HomeComposition,
    parts: HomeParts,
    today: dt.date,
    warnings: list[str],
) -> HomePageView:
    """The home page of a plan that has run."""
    shown: list[ZaakSummary] = []  # every zaak the subject may see, lopend or afgerond
    lopende: list[ZaakSummary] | None = None
    missing: list[Missing] = []
    if plan.zaken is not None:
        overview = views.overview(plan.zaken, today, [])
        shown = overview.lopende_zaken + overview.afgeronde_zaken
        missing += plan.zaken.fetched.missing
    missing += plan.missing
    by_uuid = {s.uuid: s for s in shown if s.uuid}
    by_identificatie = {s.identificatie: s for s in shown if s.identificatie}

    taken: list[CitizenTaak] | None = None
    if "taken" in plan.parts:
        found = [citizen_taak_from_vtb(t, today=today) for t in plan.vtb_taken or []]
        found += [citizen_taak_from_objecten(t, today=today) for t in plan.object_taken or []]
        taken = sorted(
            (_linked_taak(t, by_uuid, by_identificatie) for t in found if t.is_open),
            key=deadline_order,
        )
    if plan.zaken is not None:
        lopende = [
            s.model_copy(update={"open_taken": _taken_of(s, taken or [])})
            for s in overview.lopende_zaken
        ]

    berichten: list[BerichtView] | None = None
    unread: int | None = None
    if "berichten" in plan.parts:
        read = plan.berichten or []
        berichten = [_bericht_view(b, by_identificatie) for b in read[: parts.berichten_limit]]
        unread = sum(1 for b in read if not b.is_opened) if plan.berichten is not None else None

    producten: list[ProductView] | None = None
    if "producten" in plan.parts:
        current = [current_product(p, today=today) for p in plan.producten or []]
        producten = [
            ProductView(
                url=item.product.url,
                naam=item.naam,
                producttype=item.product.producttype.naam if item.product.producttype else None,
                status=item.status,
                start_datum=item.start_datum,
                eind_datum=item.eind_datum,
                days_left=item.days_left,
            )
            for item in sorted((i for i in current if i.is_current), key=expiry_order)
        ]

    return HomePageView(
        subject=plan.subject.view(),
        generated_at=dt.datetime.now(dt.timezone.utc),
        parts=plan.parts,
        lopende_zaken=lopende,
        taken=taken,
        berichten=berichten,
        unread_berichten=unread,
        producten=producten,
        missing=missing,
        warnings=warnings,
    )


def _linked_taak(
    taak: CitizenTaak,
    by_uuid: dict[str, ZaakSummary],
    by_identificatie: dict[str, ZaakSummary],
) -> CitizenTaak:
    """The taak with the zaak it names filled in, when that zaak is one the subject may see."""
    zaak = by_uuid.get(taak.zaak_uuid or "") or by_identificatie.get(taak.zaak_identificatie or "")
    if zaak is None:
        return taak
    return taak.model_copy(
        update={
            "zaak_url": zaak.url,
            "zaak_uuid": zaak.uuid,
            "zaak_identificatie": zaak.identificatie,
        }
    )


def _taken_of(zaak: ZaakSummary, taken: Iterable[CitizenTaak]) -> int:
    return sum(1 for t in taken if t.zaak_url == zaak.url)


def _bericht_view(bericht: Bericht, by_identificatie: dict[str, ZaakSummary]) -> BerichtView:
    zaak = next(
        (by_identificatie[i] for i in bericht.zaak_identificaties if i in by_identificatie),
        None,
    )
    return BerichtView(
        url=bericht.url,
        onderwerp=bericht.onderwerp,
        publicatiedatum=bericht.publicatiedatum,
        unread=not bericht.is_opened,
        bericht_type=bericht.bericht_type or None,
        handelings_perspectief=bericht.handelings_perspectief or None,
        einddatum_handelings_termijn=bericht.einddatum_handelings_termijn,
        bijlagen=len(bericht.bijlagen),
        zaak_url=zaak.url if zaak else None,
        zaak_identificatie=zaak.identificatie if zaak else None,
    )
