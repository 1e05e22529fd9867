"""From what a composition fetched to what a citizen sees: pure, after all I/O is done."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..besluiten.models import Besluit
from ..catalogi.models import Besluittype, Informatieobjecttype, Resultaattype, Statustype, Zaaktype
from ..contact import Contactmoment, from_klantcontact
from ..documenten.models import EnkelvoudigInformatieObject
from ..objecten.taken import Taak
from ..zaken.models import Resultaat, Status, Zaak
from . import _compose as c
from ._plan import Composition
from ._state import Fetched
from .models import BesluitView, DocumentView, Overview, ZaakDetail, ZaakSummary
from .policy import Policy

__all__ = ["overview", "zaak_detail"]


def overview(plan: Composition, today: dt.date, warnings: list[str]) -> Overview:
    """The overview of a composition that has run."""
    state, policy = plan.fetched, plan.policy
    visible = plan.visible_zaken()
    taken_by_zaak: dict[str, int] = {}
    for taak in state.taken:
        key = c.taak_zaak_uuid(taak)
        if key:
            taken_by_zaak[key] = taken_by_zaak.get(key, 0) + 1
    summaries = [summary(zaak, source, state, taken_by_zaak, policy) for zaak, source in visible]
    by_uuid = {s.uuid: s for s in summaries if s.uuid}
    details = None
    if plan.details:
        details = [
            zaak_detail(zaak, s, state, state.taken, policy, today)
            for (zaak, _), s in zip(visible, summaries, strict=True)
        ]
    return Overview(
        subject=plan.subject.view(),
        generated_at=dt.datetime.now(dt.timezone.utc),
        taken=c.sort_taken(c.taak_view(t, today, by_uuid) for t in state.taken),
        lopende_zaken=c.sort_by_activity(s for s in summaries if not s.afgerond),
        afgeronde_zaken=c.sort_by_activity(s for s in summaries if s.afgerond),
        details=details,
        missing=state.missing,
        warnings=warnings,
    )


def summary(
    zaak: Zaak, source: str, state: Fetched, taken_by_zaak: dict[str, int], policy: Policy
) -> ZaakSummary:
    """One line of "Mijn lopende zaken"."""
    status = state.get(zaak.status, Status)
    statustype = state.get(status.statustype, Statustype) if status is not None else None
    resultaat = state.get(zaak.resultaat, Resultaat)
    resultaat_text = None
    if resultaat is not None:
        resultaattype = state.get(resultaat.resultaattype, Resultaattype)
        if resultaattype is not None:
            resultaat_text = resultaattype.omschrijving
        resultaat_text = resultaat_text or resultaat.toelichting or None
    view = c.zaak_summary(
        zaak,
        zaaktype=state.get(zaak.zaaktype, Zaaktype),
        status=status,
        statustype=statustype,
        statustypen=state.statustypen_of.get(zaak.zaaktype or "", []),
        resultaat_text=resultaat_text,
        open_taken=taken_by_zaak.get(str(zaak.uuid) if zaak.uuid else "", 0),
        policy=policy,
    )
    view.source = source or None
    return view


def zaak_detail(
    zaak: Zaak,
    view: ZaakSummary,
    state: Fetched,
    taken: Sequence[Taak],
    policy: Policy,
    today: dt.date,
) -> ZaakDetail:
    """Everything about one zaak the citizen may see."""
    url = zaak.url or ""
    status = state.get(zaak.status, Status)
    steps = c.build_steps(
        state.statustypen_of.get(zaak.zaaktype or "", []),
        state.statussen_of.get(url, []),
        status.statustype if status is not None else None,
        policy,
    )
    documents = [
        _document_view(d, state)
        for d in state.documenten_of.get(url, [])
        if c.document_visible(d, policy)
    ]
    besluiten = [_besluit_view(b, state) for b in state.besluiten_of.get(url, [])]
    neutral = state.contacts_of.get(url)
    if neutral is None and state.subject_contacts is not None:
        neutral = _subject_contacts_about(zaak, state)
    contacts = [c.contact_view(m) for m in neutral or []]
    contacts.sort(
        key=lambda v: v.registered_at or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
        reverse=True,
    )
    own_taken = [
        c.taak_view(t, today, {view.uuid or "": view})
        for t in taken
        if c.taak_zaak_uuid(t) == view.uuid
    ]
    label = zaak.identificatie or url
    return ZaakDetail(
        zaak=view,
        steps=steps,
        documenten=documents,
        besluiten=besluiten,
        contactmomenten=contacts,
        timeline=c.timeline(contacts, steps),
        taken=c.sort_taken(own_taken),
        missing=[m for m in state.missing if m.part.endswith(f"of {label}")],
    )


def _subject_contacts_about(zaak: Zaak, state: Fetched) -> list[Contactmoment]:
    """The subject's klantcontacten about ``zaak`` from the one list, as neutral models."""
    by_zaak = state.subject_contacts_by_zaak
    if by_zaak is None:  # grouped once per composition, not once per zaak
        by_zaak = state.subject_contacts_by_zaak = {}
        for klantcontact in state.subject_contacts or []:
            expand = klantcontact.expand
            onderwerpen = (expand.ging_over_onderwerpobjecten if expand else None) or []
            about = {
                str(o.onderwerpobjectidentificator.object_id)
                for o in onderwerpen
                if o.onderwerpobjectidentificator is not None
            }
            for zaak_uuid in about:
                by_zaak.setdefault(zaak_uuid, []).append(klantcontact)
    zaak_uuid = str(zaak.uuid) if zaak.uuid else ""
    # One per klantcontact: two contacts at the same time, on the same kanaal, with the
    # same text are still two (the neutral model compares them as equal, to merge one
    # contact seen through two APIs).
    unique = {k.url or id(k): k for k in by_zaak.get(zaak_uuid, [])}
    return [
        from_klantcontact(klantcontact, zaak_url=zaak.url, zaak_uuid=zaak_uuid)
        for klantcontact in unique.values()
    ]


def _document_view(document: EnkelvoudigInformatieObject, state: Fetched) -> DocumentView:
    iotype = state.get(document.informatieobjecttype, Informatieobjecttype)
    return DocumentView(
        url=document.url or "",
        titel=document.titel,
        type=iotype.omschrijving if iotype is not None else None,
        formaat=document.formaat or None,
        bestandsnaam=document.bestandsnaam or None,
        size=document.bestandsomvang,
        date=document.creatiedatum,
        download_url=(document.url.rstrip("/") + "/download") if document.url else None,
    )


def _besluit_view(besluit: Besluit, state: Fetched) -> BesluitView:
    besluittype = state.get(besluit.besluittype, Besluittype)
    return BesluitView(
        url=besluit.url or "",
        identificatie=besluit.identificatie,
        besluittype=besluittype.omschrijving if besluittype is not None else None,
        datum=besluit.datum,
        ingangsdatum=besluit.ingangsdatum,
        toelichting=besluit.toelichting or None,
    )
