"""The pure part of the citizen overview: rules and view building, no I/O.

The composers (async, and the sync one generated from it) fetch; these functions decide
what the citizen may see and shape it. Keeping them apart makes every rule testable on
plain data.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from .._durations import parse_duration
from .._exceptions import APIError, RetriesExhaustedError, ZGWError
from ..catalogi.models import Statustype, Zaaktype
from ..contact import Contactmoment
from ..objecten.taken import Taak
from ..zaken.models import Rol, Status, Zaak
from .models import (
    ContactView,
    ExpectedEnd,
    Missing,
    Progress,
    Step,
    StepState,
    TaakView,
    TimelineEntry,
    ZaakSummary,
)
from .policy import Policy, vertrouwelijkheid_level

__all__ = [
    "add_working_days",
    "build_steps",
    "expected_end",
    "holds_qualifying_rol",
    "missing_from",
    "taak_view",
    "timeline",
    "zaak_summary",
    "zaaktype_visible",
]


# -- who may see what ----------------------------------------------------------------------
def holds_qualifying_rol(
    rollen: Iterable[Rol],
    policy: Policy,
    *,
    bsn: str | None = None,
    kvk: str | None = None,
    vestigingsnummer: str | None = None,
) -> bool:
    """True when one of ``rollen`` is the subject's, in a role the policy counts."""
    for rol in rollen:
        generiek = getattr(rol.omschrijving_generiek, "value", rol.omschrijving_generiek)
        if generiek not in policy.qualifying_roles:
            continue
        machtiging = getattr(rol.indicatie_machtiging, "value", rol.indicatie_machtiging)
        if machtiging == "gemachtigde" and not policy.allow_machtiging:
            continue
        ident = rol.betrokkene_identificatie
        if bsn is not None and _identificatie(ident, "inp_bsn", "inpBsn") == bsn:
            return True
        # A rol for the whole company counts for each of its vestigingen.
        rol_vestiging = _identificatie(ident, "vestigings_nummer", "vestigingsNummer") or None
        if (
            kvk is not None
            and _identificatie(ident, "kvk_nummer", "kvkNummer") == kvk
            and (vestigingsnummer is None or rol_vestiging in (None, vestigingsnummer))
        ):
            return True
    return False


def _identificatie(ident: Any, field: str, alias: str) -> Any:
    """One value of a rol's ``betrokkeneIdentificatie``: a typed model (also its unknown
    fields, kept by their wire name), a raw dict (an unknown betrokkeneType) or nothing."""
    if ident is None:
        return None
    if isinstance(ident, Mapping):
        return ident.get(alias)
    value = getattr(ident, field, None)
    if value is None and ident.model_extra:
        value = ident.model_extra.get(alias)
    return value


def zaaktype_visible(zaaktype: Zaaktype | None, policy: Policy) -> bool:
    """The zaaktype is one the citizen may see (``indicatieInternOfExtern``)."""
    if zaaktype is None:
        return False
    scope = getattr(
        zaaktype.indicatie_intern_of_extern, "value", zaaktype.indicatie_intern_of_extern
    )
    return scope in policy.zaaktype_scope


def zaak_level_visible(zaak: Zaak, policy: Policy) -> bool:
    """The zaak's vertrouwelijkheidaanduiding is within the policy's maximum."""
    return vertrouwelijkheid_level(zaak.vertrouwelijkheidaanduiding) <= policy.zaak_visible_level()


def document_visible(document: Any, policy: Policy) -> bool:
    """A document is shown when definitief/gearchiveerd and not too confidential."""
    status = getattr(document.status, "value", document.status)
    if status not in policy.document_statuses:
        return False
    level = vertrouwelijkheid_level(document.vertrouwelijkheidaanduiding)
    return level <= policy.document_visible_level()


# -- dates -----------------------------------------------------------------------------------
def add_working_days(start: dt.date, days: int) -> dt.date:
    """``start`` plus ``days`` working days (Monday to Friday)."""
    current = start
    remaining = days
    while remaining > 0:
        current += dt.timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def expected_end(zaak: Zaak, zaaktype: Zaaktype | None) -> ExpectedEnd | None:
    """``uiterlijkeEinddatumAfdoening``, else ``einddatumGepland``, else start + doorlooptijd."""
    if zaak.uiterlijke_einddatum_afdoening:
        return ExpectedEnd(
            date=zaak.uiterlijke_einddatum_afdoening, source="uiterlijke_einddatum_afdoening"
        )
    if zaak.einddatum_gepland:
        return ExpectedEnd(date=zaak.einddatum_gepland, source="einddatum_gepland")
    if zaaktype is not None and zaaktype.doorlooptijd and zaak.startdatum:
        end = _add_calendar_duration(zaak.startdatum, zaaktype.doorlooptijd)
        if end is None:
            try:
                duration = parse_duration(zaaktype.doorlooptijd)
            except ValueError:
                return None
            end = zaak.startdatum + duration if duration is not None else None
        if end is not None:
            return ExpectedEnd(date=end, source="doorlooptijd")
    return None


_DATE_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def _add_calendar_duration(start: dt.date, duration: str) -> dt.date | None:
    """``start`` plus a whole-number date duration in calendar years and months (``P3M`` from
    31 January is 30 April), as Open Zaak computes ``uiterlijkeEinddatumAfdoening``; ``None``
    for any other duration."""
    found = _DATE_DURATION.match(duration.strip())
    if found is None or not any(found.groups()):
        return None
    years, months, weeks, days = (int(g or 0) for g in found.groups())
    month_index = start.month - 1 + months
    year, month = start.year + years + month_index // 12, month_index % 12 + 1
    try:
        day = min(start.day, calendar.monthrange(year, month)[1])
        return dt.date(year, month, day) + dt.timedelta(weeks=weeks, days=days)
    except (ValueError, OverflowError):
        return None


def days_until(day: dt.date | None, today: dt.date) -> int | None:
    return None if day is None else (day - today).days


# -- steps -----------------------------------------------------------------------------------
def shown_statustypen(statustypen: Sequence[Statustype], policy: Policy) -> list[Statustype]:
    """The zaaktype's steps in ``volgnummer`` order, without those not to be shown."""
    ordered = sorted(statustypen, key=lambda st: st.volgnummer or 0)
    if policy.hide_uninformed_steps:
        ordered = [st for st in ordered if st.informeren is not False]
    return ordered


def step_states(
    statustypen: Sequence[Statustype],
    statussen: Sequence[Status],
    current_statustype: str | None,
    policy: Policy,
) -> list[tuple[Statustype, StepState, dt.datetime | None]]:
    """Each shown step's statustype, state and the date it was (first) reached."""
    reached: dict[str, dt.datetime] = {}
    for status in statussen:
        if status.statustype and status.datum_status_gezet:
            earlier = reached.get(status.statustype)
            if earlier is None or status.datum_status_gezet < earlier:
                reached[status.statustype] = status.datum_status_gezet
    current_number = next(
        (st.volgnummer or 0 for st in statustypen if st.url == current_statustype), 0
    )
    states: list[tuple[Statustype, StepState, dt.datetime | None]] = []
    for st in shown_statustypen(statustypen, policy):
        state: StepState
        if current_statustype and st.url == current_statustype:
            state = "current"
        elif (st.volgnummer or 0) < current_number or st.url in reached:
            state = "done"
        else:
            state = "upcoming"
        states.append((st, state, reached.get(st.url or "")))
    return states


def build_steps(
    statustypen: Sequence[Statustype],
    statussen: Sequence[Status],
    current_statustype: str | None,
    policy: Policy,
) -> list[Step]:
    """Every step with its state and the date it was (first) reached."""
    return [
        Step(
            volgnummer=st.volgnummer or 0,
            naam=st.statustekst or st.omschrijving or f"Stap {st.volgnummer or 0}",
            state=state,
            reached_at=reached_at,
        )
        for st, state, reached_at in step_states(statustypen, statussen, current_statustype, policy)
    ]


def progress_of(steps: Sequence[Step], afgerond: bool) -> Progress | None:
    return _progress([s.state for s in steps], afgerond)


def _progress(states: Sequence[str], afgerond: bool) -> Progress | None:
    if not states:
        return None
    done = len(states) if afgerond else sum(1 for s in states if s in ("done", "current"))
    return Progress(current=done, total=len(states))


# -- views -----------------------------------------------------------------------------------
def status_text(status: Status | None, statustype: Statustype | None) -> str | None:
    """``statustekst`` before ``omschrijving``, then the status's own explanation."""
    if statustype is not None and (statustype.statustekst or statustype.omschrijving):
        return statustype.statustekst or statustype.omschrijving
    if status is not None and status.statustoelichting:
        return status.statustoelichting
    return None


def zaak_summary(
    zaak: Zaak,
    *,
    zaaktype: Zaaktype | None,
    status: Status | None,
    statustype: Statustype | None,
    statustypen: Sequence[Statustype],
    resultaat_text: str | None,
    open_taken: int,
    policy: Policy,
) -> ZaakSummary:
    afgerond = zaak.einddatum is not None
    states = step_states(
        statustypen,
        [status] if status else [],
        statustype.url if statustype else None,
        policy,
    )
    last_change = status.datum_status_gezet if status else None
    if last_change is None and zaak.registratiedatum:
        last_change = dt.datetime.combine(zaak.registratiedatum, dt.time(), dt.timezone.utc)
    return ZaakSummary(
        url=zaak.url or "",
        uuid=str(zaak.uuid) if zaak.uuid else None,
        identificatie=zaak.identificatie,
        zaaktype=(zaaktype.omschrijving if zaaktype else None),
        omschrijving=zaak.omschrijving or None,
        aangevraagd_op=zaak.registratiedatum or zaak.startdatum,
        status=status_text(status, statustype),
        progress=_progress([state for _, state, _ in states], afgerond),
        last_change=last_change,
        expected_end=None if afgerond else expected_end(zaak, zaaktype),
        afgerond=afgerond,
        einddatum=zaak.einddatum,
        resultaat=resultaat_text if afgerond else None,
        open_taken=open_taken,
    )


def sort_by_activity(summaries: Iterable[ZaakSummary]) -> list[ZaakSummary]:
    """Most recent activity first; zaken without a date last."""
    floor = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return sorted(summaries, key=lambda s: _aware(s.last_change) or floor, reverse=True)


def _aware(value: dt.datetime | None) -> dt.datetime | None:
    if value is None or value.tzinfo is not None:
        return value
    return value.replace(tzinfo=dt.timezone.utc)


def taak_view(taak: Taak, today: dt.date, zaken_by_uuid: Mapping[str, ZaakSummary]) -> TaakView:
    """A taak as "Wat ik moet regelen" shows it."""
    verloop = taak.verloopdatum
    verloop_date = verloop.date() if isinstance(verloop, dt.datetime) else verloop
    zaak = zaken_by_uuid.get(taak_zaak_uuid(taak) or "")
    bedrag = None
    if taak.ogonebetaling is not None and taak.ogonebetaling.bedrag is not None:
        bedrag = str(taak.ogonebetaling.bedrag)
    return TaakView(
        url=taak.object_url,
        titel=taak.titel,
        status=str(getattr(taak.status, "value", taak.status)),
        soort=str(getattr(taak.soort, "value", taak.soort)) if taak.soort else None,
        verloopdatum=verloop_date,
        days_left=days_until(verloop_date, today),
        action_url=taak.url.uri if taak.url is not None else None,
        bedrag=bedrag,
        zaak_url=zaak.url if zaak else None,
        zaak_identificatie=zaak.identificatie if zaak else None,
    )


def taak_zaak_uuid(taak: Taak) -> str | None:
    """The UUID of the zaak a taak belongs to (``koppeling`` or a v1 ``zaak`` URL)."""
    if taak.koppeling is not None and taak.koppeling.id:
        registratie = getattr(taak.koppeling.registratie, "value", taak.koppeling.registratie)
        if registratie in (None, "zaak"):
            return str(taak.koppeling.id)
    if taak.zaak_url:
        return taak.zaak_url.rstrip("/").rsplit("/", 1)[-1]
    return None


def sort_taken(taken: Iterable[TaakView]) -> list[TaakView]:
    """Soonest deadline first; taken without a deadline last."""
    return sorted(taken, key=lambda t: (t.verloopdatum is None, t.verloopdatum or dt.date.max))


def contact_view(contact: Contactmoment) -> ContactView:
    return ContactView(
        url=contact.url,
        registered_at=contact.registered_at,
        kanaal=contact.kanaal,
        onderwerp=contact.onderwerp,
        tekst=contact.tekst,
        direction=contact.direction,
        source=contact.source,
    )


def timeline(contacts: Sequence[ContactView], steps: Sequence[Step]) -> list[TimelineEntry]:
    """Contact moments and reached steps in one list, newest first."""
    entries = [
        TimelineEntry(
            at=c.registered_at,
            kind="contact",
            title=c.onderwerp or f"Contact via {c.kanaal or 'onbekend kanaal'}",
            text=c.tekst,
        )
        for c in contacts
    ]
    entries += [
        TimelineEntry(at=s.reached_at, kind="status", title=s.naam)
        for s in steps
        if s.reached_at is not None
    ]
    floor = dt.datetime.min.replace(tzinfo=dt.timezone.utc)
    return sorted(entries, key=lambda e: _aware(e.at) or floor, reverse=True)


def missing_from(part: str, error: ZGWError, service: str | None = None) -> Missing:
    """Describe a failed part honestly (type, status, message; no secrets in our errors)."""
    cause = error.last_error if isinstance(error, RetriesExhaustedError) else error
    status = cause.status if isinstance(cause, APIError) else None
    return Missing(
        part=part, reason=f"{type(error).__name__}: {error}", service=service, status=status
    )
