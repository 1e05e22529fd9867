"""A MijnZaken composition as a plan: which requests, and which answer unlocks which.

Pure: the plan never sends anything. The composer of each face runs it with an executor
([`AsyncExecutor`][zgw_client._executor.AsyncExecutor] or
[`Executor`][zgw_client._executor.Executor]), which starts what the plan asks, at most
``policy.concurrency`` at a time, and hands every answer back to
[`Composition.settle`][zgw_client.mijnzaken._plan.Composition.settle]. Tests drive it
with answers of their own choosing.

The dataflow of an overview, per configured Zaken service:

1. the subject's zaken (with status, resultaat and, for details, zaakinformatieobjecten
   embedded) and their rollen, beside the subject's open taken and (for details) their
   klantcontacten;
2. as soon as the zaken are in: the catalogi they point at (the zaaktype, its statustypen,
   for details its besluittypen; an embedded resultaat's resultaattype). They hold nothing
   personal, so they need not wait for the rollen;
3. once the rollen and the zaaktype say a zaak is the subject's and may be shown: what its
   summary still lacks (a status or resultaat that was not embedded) and, for details, its
   statussen, besluiten, contact moments, and the documents of all such zaken in one
   search (then, right away, the documents' types);
4. when nothing is running any more: only what none of the above provided (a type outside
   the zaaktype's lists).

A zaak's documents and besluiten are read from the Documenten and Besluiten services on
the same host as its Zaken service (else the default one of their kind), so that an
overview over several Open Zaaks reads each zaak's documents where they live.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from .._exceptions import AccessDeniedError, ZGWError
from .._models import parse_response_body
from ..catalogi.models import Zaaktype
from ..zaken.models import Resultaat, Status, Zaak
from . import _compose as c
from ._requests import (
    BesluitenOf,
    BesluittypenOf,
    ContactsAbout,
    DocumentenOf,
    DocumentSearch,
    Fetch,
    OpenTaken,
    PlanRequest,
    RollenOf,
    StatussenOf,
    StatustypenOf,
    SubjectContacts,
    TakenOfZaak,
    ZaakWith,
    ZakenOf,
)
from ._state import Fetched
from ._subject import SubjectIdentity
from .policy import Policy

__all__ = ["DETAIL_EXPAND", "OVERVIEW_EXPAND", "ZAAK_EXPAND", "Composition", "Services"]

#: What the zaken list embeds (with ``expand``, Zaken 1.5+). Open Zaak 1.30 pays for every
#: embedded object (26 zaken: a plain list 140 ms, with status and resultaat 400 ms, also
#: with zaaktype 1400 ms), so only what saves a request per zaak is embedded: not the
#: zaaktype (one GET per distinct zaaktype, cached), nor ``status.statustype`` (the
#: zaaktype's statustypen, needed for the steps anyway, hold it), nor the rollen (one list
#: of the subject's rollen costs Open Zaak less than embedding every zaak's).
OVERVIEW_EXPAND = ("status", "resultaat")
#: With details also the zaakinformatieobjecten: the documents then come in one search.
DETAIL_EXPAND = ("status", "resultaat", "zaakinformatieobjecten")
#: One zaak (detail, question): its rollen decide access, so they are embedded.
ZAAK_EXPAND = ("zaaktype", "status", "resultaat", "rollen", "zaakinformatieobjecten")
#: Without expand: the zaaktype and rollen still come with the zaak (Zaken < 1.5 falls back).
ZAAK_EXPAND_MINIMAL = ("zaaktype", "rollen")


class Services:
    """What the composition may read, and where: the configured services, without I/O.

    Args:
        zaken: the names of the Zaken services to read the subject's zaken from.
        kinds: the kinds configured at all.
        sibling: for a kind and a zaak URL, the service of that kind to read the zaak's
            documents or besluiten from (``None``: none configured).
    """

    def __init__(
        self,
        zaken: Sequence[str],
        kinds: Iterable[str],
        sibling: Callable[[str, str], str | None],
    ) -> None:
        self.zaken = list(zaken)
        self.kinds = frozenset(kinds)
        self.sibling = sibling

    def has(self, kind: str) -> bool:
        return kind in self.kinds


class Composition:
    """The plan of one overview or one zaak's detail; see the module docstring.

    Build one with [`overview`][zgw_client.mijnzaken._plan.Composition.overview] or
    [`zaak`][zgw_client.mijnzaken._plan.Composition.zaak]; after the executor has run it,
    ``fetched`` holds everything found and what is missing.
    """

    def __init__(
        self,
        subject: SubjectIdentity,
        policy: Policy,
        services: Services,
        *,
        details: bool,
    ) -> None:
        self.subject = subject
        self.policy = policy
        self.services = services
        self.details = details
        self.fetched = Fetched()
        self._first: list[PlanRequest] = []
        self._asked: set[PlanRequest] = set()
        # Per Zaken service: its zaken as sent until selected, then [] (None: not
        # selected yet), and whether its rollen are in (True), failed (False) or pending.
        self._raw: dict[str, list[Any]] = {}
        self._zaken: dict[str, list[Zaak] | None] = {}
        self._rollen: dict[str, bool] = {}
        self._order: list[str] = []  # zaak URLs, as listed, services in configured order
        # Zaken that hold a qualifying rol, waiting for their zaaktype to decide.
        self._waiting: dict[str, list[tuple[Zaak, str]]] = {}
        self._undecided = 0
        # The documents to search in one go, per Documenten service: document URL -> zaken.
        self._document_owners: dict[str, dict[str, list[str]]] = {}
        self._document_zaken: dict[str, list[str]] = {}  # ... and every zaak it is for
        self._one_zaak: str | None = None  # zaak(): the URL asked for
        self._one_service = ""
        self._access_only = False
        self._contacts_in_one_list = details and services.has("klantinteracties")

    # -- building ----------------------------------------------------------------------------
    @classmethod
    def overview(
        cls, subject: SubjectIdentity, policy: Policy, services: Services, *, details: bool
    ) -> Composition:
        """The plan of a subject's overview over every Zaken service in ``services``."""
        plan = cls(subject, policy, services, details=details)
        filters = subject.zaak_filters()
        if policy.use_expand:
            filters["expand"] = list(DETAIL_EXPAND if details else OVERVIEW_EXPAND)
        for service in services.zaken:
            plan._zaken[service] = None
            plan._first.append(ZakenOf(service, _frozen(filters)))
            plan._first.append(RollenOf(service, _frozen(subject.rol_filters())))
        if services.has("objecten"):
            plan._first.append(OpenTaken(subject.bsn, subject.kvk))
        if plan._contacts_in_one_list:
            plan._first.append(SubjectContacts(*subject.partij_identificator()))
        return plan

    @classmethod
    def zaak(
        cls,
        url: str,
        subject: SubjectIdentity,
        policy: Policy,
        services: Services,
        *,
        service: str,
        access_only: bool = False,
    ) -> Composition:
        """The plan of one zaak's detail (or, ``access_only``, of the check that the subject
        may see it). Settling raises [`AccessDeniedError`][zgw_client.AccessDeniedError]
        when the subject may not, and the zaak's own error when it cannot be read."""
        plan = cls(subject, policy, services, details=True)
        plan._contacts_in_one_list = False
        plan._one_zaak = url
        plan._one_service = service
        plan._access_only = access_only
        expand = ZAAK_EXPAND if policy.use_expand else ZAAK_EXPAND_MINIMAL
        plan._first.append(ZaakWith(url, expand))
        return plan

    # -- the plan protocol -------------------------------------------------------------------
    def start(self) -> list[PlanRequest]:
        return [r for r in self._first if self._claim(r)]

    def settle(self, request: PlanRequest, outcome: Any) -> list[PlanRequest]:
        """Take one answer (or error); return the requests it unlocks."""
        new: list[PlanRequest] = []
        handler = _HANDLERS[type(request)]
        handler(self, request, outcome, new)
        return [r for r in new if self._claim(r)]

    def idle(self) -> list[PlanRequest]:
        """What no list or embedding provided: the types of fetched statussen, resultaten,
        documents and besluiten (each once)."""
        state = self.fetched
        wanted: list[PlanRequest] = []
        for zaak, _ in state.visible.values():
            status = state.get(zaak.status, Status)
            if status is not None and status.statustype:
                wanted.append(Fetch(status.statustype, "statustype"))
            resultaat = state.get(zaak.resultaat, Resultaat)
            if resultaat is not None and resultaat.resultaattype:
                wanted.append(Fetch(resultaat.resultaattype, "resultaattype"))
        for documents in state.documenten_of.values():
            wanted += [
                Fetch(d.informatieobjecttype, "informatieobjecttype")
                for d in documents
                if d.informatieobjecttype
            ]
        for besluiten in state.besluiten_of.values():
            wanted += [Fetch(b.besluittype, "besluittype") for b in besluiten if b.besluittype]
        return [r for r in wanted if self._claim(r)]

    def _claim(self, request: PlanRequest) -> bool:
        """True the first time ``request`` is asked for, unless what it fetches is known."""
        if request in self._asked:
            return False
        if isinstance(request, Fetch) and request.url in self.fetched.resources:
            return False
        self._asked.add(request)
        return True

    def _missing(self, part: str, error: ZGWError, service: str | None = None) -> None:
        self.fetched.missing.append(c.missing_from(part, error, service))

    # -- the subject's zaken -----------------------------------------------------------------
    def _zaken_in(self, request: ZakenOf, outcome: Any, new: list[PlanRequest]) -> None:
        service = request.service
        if isinstance(outcome, ZGWError):
            self._missing(self._zaken_label(service), outcome, "zaken")
            outcome = []
        # Catalogi first: they hold nothing personal and every view needs them. The zaken
        # are parsed once their rollen are in too (after these requests are on their way).
        zaaktypen, resultaattypen = _catalogi_refs(outcome)
        new += self._catalogi_of(zaaktypen)
        new += [Fetch(url, "resultaattype") for url in resultaattypen]
        self._raw[service] = outcome
        self._select(service, new)

    def _zaken_label(self, service: str) -> str:
        return "zaken" if len(self.services.zaken) == 1 else f"zaken ({service})"

    def _rollen_in(self, request: RollenOf, outcome: Any, new: list[PlanRequest]) -> None:
        if isinstance(outcome, ZGWError):
            # Without rollen no zaak of this service can be shown safely.
            label = "zaken (rollen)"
            if len(self.services.zaken) > 1:
                label = f"zaken (rollen, {request.service})"
            self._missing(label, outcome, "zaken")
            self._rollen[request.service] = False
        else:
            for rol in outcome:
                self.fetched.rollen_of.setdefault(rol.zaak or "", []).append(rol)
            self._rollen[request.service] = True
        self._select(request.service, new)

    def _select(self, service: str, new: list[PlanRequest]) -> None:
        """Once a service's zaken and rollen are both in: the zaken that are the subject's
        wait for their zaaktype (the policy's scope), the rest are dropped."""
        raw = self._raw.pop(service, None)
        if raw is None or service not in self._rollen:
            if raw is not None:
                self._raw[service] = raw
            return
        label = self._zaken_label(service)
        try:
            zaken = [parse_response_body(Zaak, item, source=label) for item in raw]
        except ZGWError as error:
            self._missing(label, error, "zaken")
            zaken = []
        self._zaken[service] = []  # selected
        for zaak in zaken:
            self.fetched.remember_embedded(zaak)
        for zaak in zaken:
            self._order.append(zaak.url or "")
            if not self._rollen[service]:
                continue
            rollen = self.fetched.rollen_of.get(zaak.url or "", [])
            if zaak.expand is not None and zaak.expand.rollen is not None:
                rollen = zaak.expand.rollen
            if not self.subject.holds(rollen, self.policy):
                continue
            if not c.zaak_level_visible(zaak, self.policy):
                continue
            self._await_zaaktype(zaak, service, new)
        self._maybe_search_documents(new)

    def _await_zaaktype(self, zaak: Zaak, service: str, new: list[PlanRequest]) -> None:
        zaaktype = zaak.zaaktype or ""
        if zaaktype in self.fetched.resources or not zaaktype:
            self._decide(zaak, service, new)
            return
        self._undecided += 1
        self._waiting.setdefault(zaaktype, []).append((zaak, service))
        new.append(Fetch(zaaktype, "zaaktype"))

    def _decide(self, zaak: Zaak, service: str, new: list[PlanRequest]) -> None:
        zaaktype = self.fetched.get(zaak.zaaktype, Zaaktype)
        if not c.zaaktype_visible(zaaktype, self.policy):
            if self._one_zaak is not None:
                raise _denied()
            return
        self.fetched.visible[zaak.url or ""] = (zaak, service)
        if self._access_only:
            return
        new += self._needs_of(zaak)

    def _needs_of(self, zaak: Zaak) -> list[PlanRequest]:
        """What the views of a zaak that may be shown still need."""
        url = zaak.url or ""
        needs: list[PlanRequest] = []
        if zaak.status:
            needs.append(Fetch(zaak.status, "status"))
        if zaak.resultaat:
            needs.append(Fetch(zaak.resultaat, "resultaat"))
        if zaak.zaaktype:
            needs += self._catalogi_of([zaak.zaaktype])
        if not self.details:
            return needs
        needs.append(StatussenOf(url))
        besluiten = self.services.sibling("besluiten", url)
        if besluiten is not None:
            needs.append(BesluitenOf(url, besluiten))
        documenten = self.services.sibling("documenten", url)
        if documenten is not None:
            links = zaak.expand.zaakinformatieobjecten if zaak.expand is not None else None
            if self.policy.use_expand and zaak.expand is not None:
                self.fetched.documenten_of[url] = []
                self._document_zaken.setdefault(documenten, []).append(url)
                owners = self._document_owners.setdefault(documenten, {})
                for link in links or []:
                    if link.informatieobject:
                        owners.setdefault(link.informatieobject, []).append(url)
            else:
                needs.append(DocumentenOf(url, documenten))
        has_contacts = self.services.has("klantinteracties") or self.services.has("contactmomenten")
        if has_contacts and not self._contacts_in_one_list:
            needs.append(ContactsAbout(url, str(zaak.uuid) if zaak.uuid else ""))
        if self._one_zaak is not None and self.services.has("objecten"):
            needs.append(TakenOfZaak(url))
        return needs

    def _maybe_search_documents(self, new: list[PlanRequest]) -> None:
        """The documents of every shown zaak in one search per Documenten service, once
        every zaak is decided (one search instead of one list per zaak)."""
        if self._undecided or any(z is None for z in self._zaken.values()):
            return
        if len(self._rollen) < len(self._zaken):
            return
        for service, owners in self._document_owners.items():
            if owners:
                uuids = tuple(sorted({u.rstrip("/").rsplit("/", 1)[-1] for u in owners}))
                new.append(DocumentSearch(service, uuids))

    # -- the catalogi --------------------------------------------------------------------------
    def _catalogi_of(self, zaaktypen: Iterable[str]) -> list[PlanRequest]:
        wanted: list[PlanRequest] = []
        for url in dict.fromkeys(zaaktypen):
            wanted += [Fetch(url, "zaaktype"), StatustypenOf(url)]
            if self.details and self.services.has("besluiten"):
                zaaktype = self.fetched.get(url, Zaaktype)
                if zaaktype is None or zaaktype.besluittypen != []:
                    wanted.append(BesluittypenOf(url))
        return wanted

    def _resource_in(self, request: Fetch, outcome: Any, new: list[PlanRequest]) -> None:
        if isinstance(outcome, ZGWError):
            self._missing(f"{request.model} {request.url}", outcome)
        else:
            self.fetched.resources[request.url] = outcome
            if isinstance(outcome, Resultaat) and outcome.resultaattype:
                new.append(Fetch(outcome.resultaattype, "resultaattype"))
        if request.model == "zaaktype":
            waiting = self._waiting.pop(request.url, [])
            self._undecided -= len(waiting)
            for zaak, service in waiting:
                self._decide(zaak, service, new)
            self._maybe_search_documents(new)

    def _statustypen_in(self, request: StatustypenOf, outcome: Any, new: list[PlanRequest]) -> None:
        if isinstance(outcome, ZGWError):
            self._missing(f"statustypen of {request.zaaktype}", outcome, "catalogi")
            return
        self.fetched.statustypen_of[request.zaaktype] = outcome
        for statustype in outcome:
            if statustype.url:
                self.fetched.resources[statustype.url] = statustype

    def _besluittypen_in(
        self, request: BesluittypenOf, outcome: Any, new: list[PlanRequest]
    ) -> None:
        if isinstance(outcome, ZGWError):
            return  # not missing yet: each besluit's own type is asked for afterwards
        self.fetched.besluittypen_of[request.zaaktype] = outcome
        for besluittype in outcome:
            if besluittype.url:
                self.fetched.resources.setdefault(besluittype.url, besluittype)

    # -- details -----------------------------------------------------------------------------
    def _label(self, zaak_url: str) -> str:
        found = self.fetched.visible.get(zaak_url)
        return (found[0].identificatie if found else None) or zaak_url

    def _list_in(self, request: Any, outcome: Any, new: list[PlanRequest]) -> None:
        part, store = _LISTS[type(request)]
        if isinstance(outcome, ZGWError):
            self._missing(f"{part} of {self._label(request.zaak)}", outcome)
            return
        getattr(self.fetched, store)[request.zaak] = outcome
        if isinstance(request, DocumentenOf):
            new += [
                Fetch(d.informatieobjecttype, "informatieobjecttype")
                for d in outcome
                if d.informatieobjecttype
            ]

    def _search_in(self, request: DocumentSearch, outcome: Any, new: list[PlanRequest]) -> None:
        owners = self._document_owners.get(request.service, {})
        if isinstance(outcome, ZGWError):
            for zaak_url in self._document_zaken.get(request.service, []):
                self._missing(f"documenten of {self._label(zaak_url)}", outcome, "documenten")
            return
        for document in outcome:
            for zaak_url in owners.get(document.url or "", []):
                self.fetched.documenten_of[zaak_url].append(document)
        # Their types right away, each once (cached). Not embedded: Open Zaak 1.30 answers
        # the search in 120 ms, with ``expand=informatieobjecttype`` in 1.5 s (78 documents).
        new += [
            Fetch(d.informatieobjecttype, "informatieobjecttype")
            for d in outcome
            if d.informatieobjecttype
        ]

    def _taken_in(
        self, request: OpenTaken | TakenOfZaak, outcome: Any, new: list[PlanRequest]
    ) -> None:
        if isinstance(outcome, ZGWError):
            part = (
                "taken"
                if isinstance(request, OpenTaken)
                else f"taken of {self._label(request.zaak)}"
            )
            self._missing(part, outcome, "objecten")
        else:
            self.fetched.taken = outcome

    def _subject_contacts_in(
        self, request: SubjectContacts, outcome: Any, new: list[PlanRequest]
    ) -> None:
        if isinstance(outcome, ZGWError):
            self._missing("contactmomenten", outcome, "klantinteracties")
            self.fetched.subject_contacts = []
        else:
            self.fetched.subject_contacts = outcome

    def _zaak_in(self, request: ZaakWith, outcome: Any, new: list[PlanRequest]) -> None:
        if isinstance(outcome, ZGWError):
            raise outcome
        zaak: Zaak = outcome
        self.fetched.remember_embedded(zaak)
        rollen = zaak.expand.rollen if zaak.expand is not None else None
        if not self.subject.holds(rollen or [], self.policy) or not c.zaak_level_visible(
            zaak, self.policy
        ):
            raise _denied()
        self._order.append(zaak.url or "")
        self._await_zaaktype(zaak, self._one_service, new)
        if not self._access_only:
            self._maybe_search_documents(new)

    # -- results -------------------------------------------------------------------------------
    def visible_zaken(self) -> list[tuple[Zaak, str]]:
        """The zaken the subject may see, as listed (services in configured order)."""
        visible = self.fetched.visible
        return [visible[url] for url in self._order if url in visible]


def _denied() -> AccessDeniedError:
    # The same answer whether the zaak is someone else's or hidden by policy, so that the
    # response does not reveal which.
    return AccessDeniedError(
        "This zaak is not available to this person: they hold no qualifying rol on it, or "
        "the portal's policy hides it."
    )


def _frozen(filters: dict[str, Any]) -> tuple[tuple[str, Any], ...]:
    return tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in filters.items())


def _catalogi_refs(items: Sequence[Any]) -> tuple[list[str], list[str]]:
    """The zaaktypen (unless embedded) and embedded resultaten's resultaattypen that zaken
    point at, read from the zaken as sent (before they are parsed)."""
    zaaktypen: list[str] = []
    resultaattypen: list[str] = []
    for item in items:
        if not isinstance(item, dict):
            continue
        expand = item.get("_expand")
        embedded: dict[str, Any] = expand if isinstance(expand, dict) else {}
        zaaktype = item.get("zaaktype")
        if isinstance(zaaktype, str) and zaaktype and not embedded.get("zaaktype"):
            zaaktypen.append(zaaktype)
        resultaat = embedded.get("resultaat")
        if isinstance(resultaat, dict) and isinstance(resultaat.get("resultaattype"), str):
            resultaattypen.append(resultaat["resultaattype"])
    return zaaktypen, resultaattypen


#: The lists a zaak's detail reads: which part they are, and where they are kept.
_LISTS: dict[type[Any], tuple[str, str]] = {
    StatussenOf: ("statussen", "statussen_of"),
    BesluitenOf: ("besluiten", "besluiten_of"),
    DocumentenOf: ("documenten", "documenten_of"),
    ContactsAbout: ("contactmomenten", "contacts_of"),
}

_HANDLERS: dict[type[Any], Callable[[Composition, Any, Any, list[PlanRequest]], None]] = {
    ZakenOf: Composition._zaken_in,
    RollenOf: Composition._rollen_in,
    OpenTaken: Composition._taken_in,
    TakenOfZaak: Composition._taken_in,
    SubjectContacts: Composition._subject_contacts_in,
    Fetch: Composition._resource_in,
    StatustypenOf: Composition._statustypen_in,
    BesluittypenOf: Composition._besluittypen_in,
    StatussenOf: Composition._list_in,
    BesluitenOf: Composition._list_in,
    DocumentenOf: Composition._list_in,
    ContactsAbout: Composition._list_in,
    DocumentSearch: Composition._search_in,
    ZaakWith: Composition._zaak_in,
}
