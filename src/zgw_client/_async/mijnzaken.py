"""Compose a citizen's "Mijn Zaken" from the registers (async face).

Uses only the public client API. Requests start as soon as what they depend on has arrived,
with at most ``policy.concurrency`` in flight in one composition:

1. the subject's zaken (with status, resultaat and, for details, zaakinformatieobjecten
   embedded when the server can) first, and once that request is written their rollen,
   their open taken and (for details) their klantcontacten;
2. as soon as the zaken are in, the catalogi they point at: per zaaktype the zaaktype, its
   statustypen and (for details) its besluittypen, and the embedded resultaten's
   resultaattypen. These hold nothing personal, so they need not wait for the rollen; they
   are asked from the zaken as sent, and parsing (the zaken, the rollen if they are in)
   waits until they are written: what the rest waits for goes first;
3. once the rollen tell which zaken are the subject's: with ``details``, per zaak its
   statussen, besluiten and contact moments, and all documents in one search (then, right
   away, their informatieobjecttypen); without ``expand``, the statussen and resultaten;
4. only what the above could not embed or pre-fetch (a type outside the zaaktype's lists).

Each URL is fetched at most once per composition (catalogi also across compositions).
A part that fails is reported in ``missing``; the rest is still returned.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import threading
from collections.abc import Awaitable, Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, Concatenate, ParamSpec, TypeVar

from .._async_concurrency import gather_limited, new_limiter, new_signal, wait_at_most
from .._exceptions import AccessDeniedError, InputError, ZGWError
from .._models import parse_response_body
from .._request_context import limit_requests, report_written
from ..besluiten.models import Besluit
from ..catalogi.models import Besluittype, Informatieobjecttype, Resultaattype, Statustype, Zaaktype
from ..contact import Contactmoment, from_klantcontact
from ..documenten.models import EnkelvoudigInformatieObject
from ..identifiers import mask_bsn, validate_bsn, validate_kvk, validate_vestigingsnummer
from ..klantinteracties.models import Klantcontact
from ..mijnzaken import _compose as c
from ..mijnzaken.models import (
    BesluitView,
    DocumentView,
    Missing,
    Overview,
    QuestionConfirmation,
    Subject,
    ZaakDetail,
    ZaakSummary,
)
from ..mijnzaken.policy import Policy
from ..objecten.taken import Taak, is_open
from ..zaken.models import Resultaat, Rol, Status, Zaak
from .contact import contactmomenten_about_zaak

if TYPE_CHECKING:
    from .client import AsyncZGWClient

__all__ = ["AsyncMijnZaken"]

T = TypeVar("T")
P = ParamSpec("P")
R = TypeVar("R")

#: What the zaken list embeds (with ``expand``, Zaken 1.5+). Open Zaak 1.30 pays for every
#: embedded object (26 zaken: a plain list 140 ms, with status and resultaat 400 ms, also
#: with zaaktype 1400 ms), so only what saves a request per zaak is embedded. Left out on
#: purpose: ``status.statustype`` and ``resultaat.resultaattype`` (the zaaktype's
#: statustypen, needed for the steps anyway, hold the former; the latter comes beside them,
#: both cached); ``zaaktype`` (every zaak would repeat it; one GET beside the statustypen,
#: cached); and ``rollen`` (one ``rollen`` list of the citizen, asked at the same time as
#: the zaken, costs Open Zaak less than embedding the rollen of every zaak).
OVERVIEW_EXPAND = ["status", "resultaat"]
#: With details also the zaakinformatieobjecten: the documents then come in one search.
DETAIL_EXPAND = ["status", "resultaat", "zaakinformatieobjecten"]
#: One zaak (detail, question): its rollen decide access, so they are embedded.
ZAAK_EXPAND = ["zaaktype", "status", "resultaat", "rollen"]
#: The subject's own klantcontacten: who started the contact and which zaak it was about.
#: Not ``hadBetrokkenen.wasPartij``: that would repeat the subject's partij in every one.
SUBJECT_CONTACT_EXPAND = ["hadBetrokkenen", "gingOverOnderwerpobjecten"]
#: The zaken list gates the most work (the catalogi, then every view), so it goes out
#: first: the other requests of the first round start once it has been written, told by
#: the transport (httpx's default and the in-memory one report it), else after this many
#: seconds. They are needed a round trip later, so waiting costs them nothing; sent at
#: once, they would hold up the zaken list's connect and write on a busy event loop
#: (measured on loopback: about 4 ms of 60).
HEAD_START = 0.05


def _catalogi_refs(items: Sequence[Any]) -> tuple[builtins.list[str], builtins.list[str]]:
    """The zaaktypen (unless embedded) and embedded resultaten's resultaattypen that zaken
    point at, read from the zaken as sent (before they are parsed)."""
    zaaktypen: builtins.list[str] = []
    resultaattypen: builtins.list[str] = []
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


def _reporting(
    calls: Sequence[Callable[[], Awaitable[T]]], sent: Any
) -> builtins.list[Callable[[], Awaitable[T]]]:
    """``calls``, each reporting when its first request is on its way (or it ended without
    one); ``sent`` is set once all of them have (at once when there are none)."""
    countdown = _Countdown(len(calls), sent)

    def reporting(call: Callable[[], Awaitable[T]]) -> Callable[[], Awaitable[T]]:
        async def run() -> T:
            done = countdown.part()
            try:
                with report_written(done):
                    return await call()
            finally:
                done()

        return run

    return [reporting(call) for call in calls]


class _Countdown:
    """Sets ``signal`` once ``parts`` parts have each reported (once; from any thread)."""

    def __init__(self, parts: int, signal: Any) -> None:
        self._left = parts
        self._signal = signal
        self._lock = threading.Lock()
        if parts <= 0:
            signal.set()

    def part(self) -> Callable[[], None]:
        reported = False

        def report() -> None:
            nonlocal reported
            with self._lock:
                if reported:
                    return
                reported = True
                self._left -= 1
                last = self._left == 0
            if last:
                self._signal.set()

        return report


class _Subject:
    """The validated identity the overview is for."""

    def __init__(self, bsn: str | None, kvk: str | None, vestigingsnummer: str | None) -> None:
        if (bsn is None) == (kvk is None):
            raise InputError("Give exactly one of bsn or kvk.")
        self.bsn = validate_bsn(bsn) if bsn is not None else None
        self.kvk = validate_kvk(kvk) if kvk is not None else None
        self.vestigingsnummer = (
            validate_vestigingsnummer(vestigingsnummer) if vestigingsnummer else None
        )

    def view(self) -> Subject:
        value = self.bsn or self.kvk or ""
        return Subject(
            kind="bsn" if self.bsn else "kvk",
            masked="*" * (len(value) - 4) + value[-4:],
            vestigingsnummer=self.vestigingsnummer,
        )

    def zaak_filters(self) -> dict[str, Any]:
        if self.bsn:
            return {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": self.bsn}
        # Not narrowed to the vestiging on the server: a rol for the whole company (no
        # vestigingsNummer) counts for each vestiging; holds() applies the vestiging.
        return {"rol__betrokkene_identificatie__niet_natuurlijk_persoon__kvk_nummer": self.kvk}

    def rol_filters(self) -> dict[str, Any]:
        if self.bsn:
            return {"betrokkene_identificatie__natuurlijk_persoon__inp_bsn": self.bsn}
        return {"betrokkene_identificatie__niet_natuurlijk_persoon__kvk_nummer": self.kvk}

    def holds(self, rollen: Sequence[Rol], policy: Policy) -> bool:
        return c.holds_qualifying_rol(
            rollen, policy, bsn=self.bsn, kvk=self.kvk, vestigingsnummer=self.vestigingsnummer
        )


class _Composition:
    """What one composition fetched: parsed resources by URL, and what failed."""

    def __init__(self) -> None:
        self.by_url: dict[str, Any] = {}
        self.missing: builtins.list[Missing] = []
        #: URLs and list keys asked for already (found or failed): asked once only.
        self.attempted: set[str] = set()
        #: The zaken were asked with ``expand=zaakinformatieobjecten``.
        self.documents_embedded = False
        #: The subject's klantcontacten grouped by the UUID of the zaak they are about.
        self.contacts_by_zaak: dict[str, builtins.list[Klantcontact]] | None = None

    def claim(self, key: str) -> bool:
        """True the first time ``key`` is asked for (and it is not known already)."""
        if key in self.attempted or key in self.by_url:
            return False
        self.attempted.add(key)
        return True

    def pending(self, keys: Iterable[str | None]) -> bool:
        """Whether any of ``keys`` is still to be asked for (without claiming it)."""
        return any(k and k not in self.attempted and k not in self.by_url for k in keys)


def _bounded(
    method: Callable[Concatenate[AsyncMijnZaken, P], Awaitable[R]],
) -> Callable[Concatenate[AsyncMijnZaken, P], Awaitable[R]]:
    """Every request the method sends, also from the helpers it calls, counts against
    ``policy.concurrency``: at most that many are in flight at once."""

    @functools.wraps(method)
    async def bounded(self: AsyncMijnZaken, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with limit_requests(new_limiter(self.policy.concurrency)):
            return await method(self, *args, **kwargs)

    return bounded


class AsyncMijnZaken:
    """A citizen's or company's overview of zaken, taken and contact (async).

    Args:
        client: a configured client; ``zaken`` and ``catalogi`` are needed, ``documenten``,
            ``besluiten``, ``klantinteracties``/``contactmomenten`` and ``objecten`` are
            used when configured.
        policy: what may be shown (safe defaults, see [`Policy`][zgw_client.mijnzaken.Policy]).
        today: the date "days left" counts from (default: today).

    Example:
        ```python
        async with AsyncZGWClient.from_env() as client:
            overview = await AsyncMijnZaken(client).overview(bsn="999993653")
            for taak in overview.taken:
                print(taak.titel, taak.days_left)
        ```
    """

    def __init__(
        self,
        client: AsyncZGWClient,
        policy: Policy | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        self._client = client
        self.policy = policy or Policy()
        self._today = today

    def _has(self, service: str) -> bool:
        return bool(self._client.services_of(service))

    async def _gather(
        self, calls: Sequence[Callable[[], Awaitable[T]]]
    ) -> builtins.list[T | ZGWError]:
        return await gather_limited(self.policy.concurrency, calls)

    # -- the overview ----------------------------------------------------------------------
    @_bounded
    async def overview(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        details: bool = False,
    ) -> Overview:
        """The overview for a citizen (``bsn``) or a company (``kvk``, optional vestiging).

        Args:
            bsn: the citizen's BSN (checked with the 11-proef before any request).
            kvk: the company's KVK-nummer.
            vestigingsnummer: limit a company's zaken to one vestiging.
            details: also compose every zaak's detail (steps, documents, besluiten,
                contact timeline), as a portal's detail pages need.

        Returns:
            The overview; ``missing`` lists the parts that could not be fetched.
        """
        subject = _Subject(bsn, kvk, vestigingsnummer)
        comp = _Composition()
        zaken, taken = await self._zaken_and_taken(subject, comp, details=details)
        visible = await self._visible(zaken, subject, comp)
        await self._complete_zaken(visible, comp, details=details)
        today = self._today()
        taken_by_zaak: dict[str, int] = {}
        for taak in taken:
            key = c.taak_zaak_uuid(taak)
            if key:
                taken_by_zaak[key] = taken_by_zaak.get(key, 0) + 1
        summaries = [self._summary(zaak, comp, taken_by_zaak) for zaak in visible]
        by_uuid = {s.uuid: s for s in summaries if s.uuid}
        taak_views = c.sort_taken(c.taak_view(t, today, by_uuid) for t in taken)
        detail_views = None
        if details:
            detail_views = [
                self._detail(zaak, summary, comp, taken)
                for zaak, summary in zip(visible, summaries, strict=True)
            ]
        warnings = []
        if not self._has("objecten"):
            warnings.append("No objecten service configured: taken are not shown.")
        return Overview(
            subject=subject.view(),
            generated_at=dt.datetime.now(dt.timezone.utc),
            taken=taak_views,
            lopende_zaken=c.sort_by_activity(s for s in summaries if not s.afgerond),
            afgeronde_zaken=c.sort_by_activity(s for s in summaries if s.afgerond),
            details=detail_views,
            missing=comp.missing,
            warnings=warnings,
        )

    async def _zaken_and_taken(
        self, subject: _Subject, comp: _Composition, *, details: bool = False
    ) -> tuple[builtins.list[Zaak], builtins.list[Taak]]:
        """Phase 1: the subject's zaken (and rollen), open taken, and (with details) the
        subject's klantcontacten, concurrently."""
        expand = None
        if self.policy.use_expand:
            expand = DETAIL_EXPAND if details else OVERVIEW_EXPAND
            comp.documents_embedded = details
        zaken_api = self._client.zaken
        filters = subject.zaak_filters()
        if expand:
            filters["expand"] = expand

        zaken_sent = new_signal()  # the zaken list is on its way
        zaken_in = new_signal()  # ... and has arrived
        catalogi_sent = new_signal()  # the catalogi it points at are on their way

        async def zaken() -> Any:
            try:
                with report_written(zaken_sent.set):
                    items = await zaken_api.zaken.list(page_size=100, **filters).raw().to_list()
            except BaseException:
                catalogi_sent.set()  # none will be asked: let nobody wait for them
                raise
            finally:
                zaken_sent.set()
                zaken_in.set()
            # Catalogi hold nothing personal: ask for them now, before the zaken are even
            # parsed, while the rollen (which decide what is shown) may be on their way.
            zaaktypen, resultaattypen = _catalogi_refs(items)
            catalogi = self._catalogi_calls(zaaktypen, resultaattypen, comp, details=details)

            async def parse() -> builtins.list[Zaak]:
                await wait_at_most(catalogi_sent, HEAD_START)  # CPU work that can wait
                return [zaken_api.zaken.parse(item) for item in items]

            both: builtins.list[Callable[[], Awaitable[Any]]] = [
                functools.partial(self._gather, _reporting(catalogi, catalogi_sent)),
                parse,
            ]
            return (await self._gather(both))[1]

        async def rollen() -> Any:
            await wait_at_most(zaken_sent, HEAD_START)
            rollen_api = zaken_api.rollen
            items = await rollen_api.list(page_size=100, **subject.rol_filters()).raw().to_list()
            if zaken_in.is_set():  # the catalogi requests are being sent: they go first
                await wait_at_most(catalogi_sent, HEAD_START)
            return [rollen_api.parse(item) for item in items]

        async def taken() -> Any:
            if not self._has("objecten"):
                return []
            await wait_at_most(zaken_sent, HEAD_START)
            return await self._client.objecten.taken.open_taken(bsn=subject.bsn, kvk=subject.kvk)

        async def contacts() -> Any:
            if details and self._has("klantinteracties"):
                await wait_at_most(zaken_sent, HEAD_START)
                await self._subject_klantcontacten(subject, comp)

        zaken_result, rollen_result, taken_result, _ = await self._gather(
            [zaken, rollen, taken, contacts]
        )
        found_zaken: builtins.list[Zaak] = []
        if isinstance(zaken_result, ZGWError):
            comp.missing.append(c.missing_from("zaken", zaken_result, "zaken"))
        else:
            found_zaken = zaken_result
        if isinstance(rollen_result, ZGWError):
            # Without rollen no zaak can be shown safely.
            comp.missing.append(c.missing_from("zaken (rollen)", rollen_result, "zaken"))
            found_zaken = []
        else:
            for rol in rollen_result:
                comp.by_url.setdefault(f"rollen-of:{rol.zaak}", []).append(rol)
        found_taken: builtins.list[Taak] = []
        if isinstance(taken_result, ZGWError):
            comp.missing.append(c.missing_from("taken", taken_result, "objecten"))
        else:
            found_taken = taken_result
        return found_zaken, found_taken

    def _rollen_of(self, zaak: Zaak, comp: _Composition) -> builtins.list[Rol]:
        if zaak.expand is not None and zaak.expand.rollen is not None:
            return zaak.expand.rollen
        rollen: builtins.list[Rol] = comp.by_url.get(f"rollen-of:{zaak.url}", [])
        return rollen

    async def _visible(
        self, zaken: Sequence[Zaak], subject: _Subject, comp: _Composition
    ) -> builtins.list[Zaak]:
        """The subject's zaken the policy lets them see (fetching zaaktypen when needed)."""
        for zaak in zaken:
            if zaak.expand is not None and zaak.expand.zaaktype is not None and zaak.zaaktype:
                comp.by_url[zaak.zaaktype] = zaak.expand.zaaktype
        await self._fetch_all({z.zaaktype for z in zaken if z.zaaktype}, Zaaktype, comp, "zaaktype")
        visible = []
        for zaak in zaken:
            if not subject.holds(self._rollen_of(zaak, comp), self.policy):
                continue
            if not c.zaaktype_visible(comp.by_url.get(zaak.zaaktype or ""), self.policy):
                continue
            if not c.zaak_level_visible(zaak, self.policy):
                continue
            visible.append(zaak)
        return visible

    async def _fetch_all(
        self, urls: set[str] | builtins.list[str], model: type[Any], comp: _Composition, part: str
    ) -> None:
        """GET every URL not asked for yet in this composition, concurrently, parsed."""
        todo = [u for u in sorted({u for u in urls if u}) if comp.claim(u)]
        results = await self._gather(
            [functools.partial(self._client.get_json, url) for url in todo]
        )
        for url, result in zip(todo, results, strict=True):
            if isinstance(result, ZGWError):
                comp.missing.append(c.missing_from(f"{part} {url}", result))
            else:
                try:
                    comp.by_url[url] = parse_response_body(
                        model, result, source=f"GET {mask_bsn(url)}"
                    )
                except ZGWError as error:
                    comp.missing.append(c.missing_from(f"{part} {url}", error))

    def _fetch_calls(
        self,
        comp: _Composition,
        *wanted: tuple[Sequence[str | None], type[Any], str],
    ) -> builtins.list[Callable[[], Awaitable[Any]]]:
        """A `_fetch_all` call for each ``(urls, model, part)`` with a URL not asked for
        yet; none for the rest (a task that has nothing to do still costs a turn)."""
        return [
            functools.partial(self._fetch_all, [u for u in urls if u], model, comp, part)
            for urls, model, part in wanted
            if comp.pending(urls)
        ]

    def _catalogi_calls(
        self,
        zaaktypen: Sequence[str],
        resultaattypen: Sequence[str | None],
        comp: _Composition,
        *,
        details: bool,
    ) -> builtins.list[Callable[[], Awaitable[Any]]]:
        """What zaken point at in the Catalogi API: their zaaktypen with the statustypen (and
        besluittypen for details), and the resultaattypen of their embedded resultaten."""
        zaaktype_urls = sorted(set(zaaktypen))
        calls: builtins.list[Callable[[], Awaitable[Any]]] = [
            functools.partial(self._statustypen, url, comp)
            for url in zaaktype_urls
            if comp.pending([f"statustypen-of:{url}"])
        ]
        calls += self._fetch_calls(
            comp,
            (zaaktype_urls, Zaaktype, "zaaktype"),
            (resultaattypen, Resultaattype, "resultaattype"),
        )
        if details and self._has("besluiten"):
            for url in zaaktype_urls:
                zaaktype = comp.by_url.get(url)
                if isinstance(zaaktype, Zaaktype) and zaaktype.besluittypen == []:
                    continue  # no besluiten can be of this zaaktype
                if comp.pending([f"besluittypen-of:{url}"]):
                    calls.append(functools.partial(self._besluittypen, url, comp))
        return calls

    async def _complete_zaken(
        self, zaken: Sequence[Zaak], comp: _Composition, *, details: bool
    ) -> None:
        """Everything the views of ``zaken`` need that is not fetched yet."""
        for zaak in zaken:
            expand = zaak.expand
            if expand is None:
                continue
            if expand.status is not None and zaak.status:
                comp.by_url[zaak.status] = expand.status
                nested = expand.status.expand
                if nested is not None and nested.statustype is not None:
                    comp.by_url[expand.status.statustype or ""] = nested.statustype
            if expand.resultaat is not None and zaak.resultaat:
                comp.by_url[zaak.resultaat] = expand.resultaat
                nested_r = expand.resultaat.expand
                if nested_r is not None and nested_r.resultaattype is not None:
                    comp.by_url[expand.resultaat.resultaattype or ""] = nested_r.resultaattype

        # Empty for what was pre-fetched when the zaken arrived, or embedded.
        calls = self._catalogi_calls(
            [z.zaaktype for z in zaken if z.zaaktype],
            [
                z.expand.resultaat.resultaattype
                for z in zaken
                if z.expand is not None and z.expand.resultaat is not None
            ],
            comp,
            details=details,
        )
        calls += self._fetch_calls(
            comp,
            ([z.status for z in zaken], Status, "status"),
            ([z.resultaat for z in zaken], Resultaat, "resultaat"),
        )
        if details:
            bulk_documents = (
                comp.documents_embedded
                and self._has("documenten")
                and all(z.expand is not None for z in zaken)
            )
            if bulk_documents:
                calls.append(functools.partial(self._documents_in_bulk, zaken, comp))
            bulk_contacts = "klantcontacten-of-subject" in comp.by_url
            for zaak in zaken:
                calls.extend(
                    self._detail_calls(
                        zaak, comp, documents=not bulk_documents, contacts=not bulk_contacts
                    )
                )
        await self._gather(calls)

        # What nothing above embedded or listed (a type from outside the zaaktype's lists).
        statustypen: builtins.list[str | None] = []
        resultaattypen: builtins.list[str | None] = []
        io_types: builtins.list[str | None] = []
        besluittypen: builtins.list[str | None] = []
        for value in self._fetched(comp):
            if isinstance(value, Status):
                statustypen.append(value.statustype)
            elif isinstance(value, Resultaat):
                resultaattypen.append(value.resultaattype)
            elif isinstance(value, EnkelvoudigInformatieObject):
                io_types.append(value.informatieobjecttype)
            elif isinstance(value, Besluit):
                besluittypen.append(value.besluittype)
        await self._gather(
            self._fetch_calls(
                comp,
                (statustypen, Statustype, "statustype"),
                (resultaattypen, Resultaattype, "resultaattype"),
                (io_types, Informatieobjecttype, "informatieobjecttype"),
                (besluittypen, Besluittype, "besluittype"),
            )
        )

    @staticmethod
    def _fetched(comp: _Composition) -> Iterable[Any]:
        """Every resource the composition holds, also those inside the lists it keeps."""
        for value in comp.by_url.values():
            if isinstance(value, builtins.list):
                yield from value
            else:
                yield value

    async def _subject_klantcontacten(self, subject: _Subject, comp: _Composition) -> None:
        """All klantcontacten the subject took part in, in one list (not one per zaak).

        The portal's timeline shows the citizen's own contact about each zaak; they are
        matched to zaken by their onderwerpobject (the zaak's UUID) afterwards.
        """
        soort = "bsn" if subject.bsn else "kvk_nummer"
        klantcontacten = self._client.klantinteracties.klantcontacten
        try:
            found = await klantcontacten.list(
                had_betrokkene__was_partij__partij_identificator__code_soort_object_id=soort,
                had_betrokkene__was_partij__partij_identificator__object_id=(
                    subject.bsn or subject.kvk or ""
                ),
                expand=SUBJECT_CONTACT_EXPAND,
                page_size=100,
            ).to_list()
        except ZGWError as error:
            comp.missing.append(c.missing_from("contactmomenten", error, "klantinteracties"))
            comp.by_url["klantcontacten-of-subject"] = None
            return
        comp.by_url["klantcontacten-of-subject"] = found

    def _contacts_of(self, zaak: Zaak, comp: _Composition) -> builtins.list[Contactmoment]:
        """The subject's klantcontacten about ``zaak`` from the one list, as neutral models."""
        by_zaak = comp.contacts_by_zaak
        if by_zaak is None:  # grouped once per composition, not once per zaak
            by_zaak = comp.contacts_by_zaak = {}
            for klantcontact in comp.by_url.get("klantcontacten-of-subject") or []:
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
        found = [
            from_klantcontact(klantcontact, zaak_url=zaak.url, zaak_uuid=zaak_uuid)
            for klantcontact in by_zaak.get(zaak_uuid, [])
        ]
        return builtins.list(dict.fromkeys(found))

    async def _documents_in_bulk(self, zaken: Sequence[Zaak], comp: _Composition) -> None:
        """The documents of every zaak in one search, from the embedded zaakinformatieobjecten."""
        owner: dict[str, builtins.list[str]] = {}
        for zaak in zaken:
            links = zaak.expand.zaakinformatieobjecten if zaak.expand else None
            comp.by_url[f"documenten-of:{zaak.url}"] = []
            for link in links or []:
                if link.informatieobject:
                    owner.setdefault(link.informatieobject, []).append(zaak.url or "")
        if not owner:
            return
        uuids = sorted({url.rstrip("/").rsplit("/", 1)[-1] for url in owner})
        search = self._client.documenten.enkelvoudiginformatieobjecten.search
        try:
            documents = await search(uuid__in=uuids).to_list()
        except ZGWError as error:
            for zaak in zaken:
                label = f"documenten of {zaak.identificatie or zaak.url}"
                comp.missing.append(c.missing_from(label, error, "documenten"))
            return
        for document in documents:
            for zaak_url in owner.get(document.url or "", []):
                comp.by_url[f"documenten-of:{zaak_url}"].append(document)
        # Their types right away, each once (cached). Not embedded: Open Zaak 1.30 answers
        # this search in 120 ms, with ``expand=informatieobjecttype`` in 1.5 s (78 documents).
        await self._fetch_all(
            [d.informatieobjecttype for d in documents if d.informatieobjecttype],
            Informatieobjecttype,
            comp,
            "informatieobjecttype",
        )

    async def _statustypen(self, zaaktype: str, comp: _Composition) -> None:
        """The zaaktype's statustypen, in one list: the steps, and each status's type."""
        key = f"statustypen-of:{zaaktype}"
        if not comp.claim(key):
            return
        statustypen_api = self._client.catalogi.statustypen
        try:
            statustypen = await statustypen_api.list(zaaktype=zaaktype, page_size=100).to_list()
        except ZGWError as error:
            comp.missing.append(c.missing_from(f"statustypen of {zaaktype}", error, "catalogi"))
            return
        comp.by_url[key] = statustypen
        for statustype in statustypen:
            if statustype.url:
                comp.by_url[statustype.url] = statustype

    async def _besluittypen(self, zaaktype: str, comp: _Composition) -> None:
        """The zaaktype's besluittypen, in one list, so that the besluiten's types need not
        wait for the besluiten. A besluittype outside it is fetched afterwards."""
        key = f"besluittypen-of:{zaaktype}"
        if not comp.claim(key):
            return
        besluittypen_api = self._client.catalogi.besluittypen
        try:
            besluittypen = await besluittypen_api.list(zaaktypen=zaaktype, page_size=100).to_list()
        except ZGWError:
            return  # not missing yet: each besluit's own type is asked for afterwards
        comp.by_url[key] = besluittypen
        for besluittype in besluittypen:
            if besluittype.url:
                comp.by_url.setdefault(besluittype.url, besluittype)

    def _detail_calls(
        self, zaak: Zaak, comp: _Composition, *, documents: bool = True, contacts: bool = True
    ) -> builtins.list[Callable[[], Awaitable[Any]]]:
        url = zaak.url or ""
        client = self._client

        async def statussen() -> Any:
            return await client.zaken.statussen.list(zaak=url, page_size=100).to_list()

        async def documenten() -> Any:
            if not self._has("documenten"):
                return []
            return await client.documenten.enkelvoudiginformatieobjecten.list(
                objectinformatieobjecten__object=url, page_size=100
            ).to_list()

        async def besluiten() -> Any:
            if not self._has("besluiten"):
                return []
            return await client.besluiten.besluiten.list(zaak=url, page_size=100).to_list()

        async def contact() -> Any:
            if not (self._has("klantinteracties") or self._has("contactmomenten")):
                return []
            return await contactmomenten_about_zaak(client, zaak)

        parts: dict[str, Callable[[], Awaitable[Any]]] = {
            "statussen": statussen,
            "besluiten": besluiten,
        }
        if documents:
            parts["documenten"] = documenten
        if contacts:
            parts["contactmomenten"] = contact

        def store(part: str, fetch: Callable[[], Awaitable[Any]]) -> Callable[[], Awaitable[None]]:
            async def run() -> None:
                try:
                    comp.by_url[f"{part}-of:{url}"] = await fetch()
                except ZGWError as error:
                    label = f"{part} of {zaak.identificatie or url}"
                    comp.missing.append(c.missing_from(label, error))

            return run

        return [store(part, fetch) for part, fetch in parts.items()]

    # -- views ------------------------------------------------------------------------------
    def _summary(
        self, zaak: Zaak, comp: _Composition, taken_by_zaak: dict[str, int]
    ) -> ZaakSummary:
        status = comp.by_url.get(zaak.status or "")
        statustype = (
            comp.by_url.get(status.statustype or "") if isinstance(status, Status) else None
        )
        resultaat = comp.by_url.get(zaak.resultaat or "")
        resultaat_text = None
        if isinstance(resultaat, Resultaat):
            resultaattype = comp.by_url.get(resultaat.resultaattype or "")
            if isinstance(resultaattype, Resultaattype):
                resultaat_text = resultaattype.omschrijving
            resultaat_text = resultaat_text or resultaat.toelichting or None
        return c.zaak_summary(
            zaak,
            zaaktype=comp.by_url.get(zaak.zaaktype or ""),
            status=status if isinstance(status, Status) else None,
            statustype=statustype if isinstance(statustype, Statustype) else None,
            statustypen=comp.by_url.get(f"statustypen-of:{zaak.zaaktype}", []),
            resultaat_text=resultaat_text,
            open_taken=taken_by_zaak.get(str(zaak.uuid) if zaak.uuid else "", 0),
            policy=self.policy,
        )

    def _detail(
        self, zaak: Zaak, summary: ZaakSummary, comp: _Composition, taken: Sequence[Taak]
    ) -> ZaakDetail:
        url = zaak.url or ""
        status = comp.by_url.get(zaak.status or "")
        current = status.statustype if isinstance(status, Status) else None
        steps = c.build_steps(
            comp.by_url.get(f"statustypen-of:{zaak.zaaktype}", []),
            comp.by_url.get(f"statussen-of:{url}", []),
            current,
            self.policy,
        )
        documents = [
            self._document_view(d, comp)
            for d in comp.by_url.get(f"documenten-of:{url}", [])
            if c.document_visible(d, self.policy)
        ]
        besluiten = [
            self._besluit_view(b, comp) for b in comp.by_url.get(f"besluiten-of:{url}", [])
        ]
        neutral = comp.by_url.get(f"contactmomenten-of:{url}")
        if neutral is None and "klantcontacten-of-subject" in comp.by_url:
            neutral = self._contacts_of(zaak, comp)
        contacts = [c.contact_view(m) for m in neutral or []]
        contacts.sort(
            key=lambda v: v.registered_at or dt.datetime.min.replace(tzinfo=dt.timezone.utc),
            reverse=True,
        )
        today = self._today()
        own_taken = [
            c.taak_view(t, today, {summary.uuid or "": summary})
            for t in taken
            if c.taak_zaak_uuid(t) == summary.uuid
        ]
        label = zaak.identificatie or url
        missing = [m for m in comp.missing if m.part.endswith(f"of {label}")]
        return ZaakDetail(
            zaak=summary,
            steps=steps,
            documenten=documents,
            besluiten=besluiten,
            contactmomenten=contacts,
            timeline=c.timeline(contacts, steps),
            taken=c.sort_taken(own_taken),
            missing=missing,
        )

    @staticmethod
    def _document_view(document: EnkelvoudigInformatieObject, comp: _Composition) -> DocumentView:
        iotype = comp.by_url.get(document.informatieobjecttype or "")
        created = document.creatiedatum
        return DocumentView(
            url=document.url or "",
            titel=document.titel,
            type=iotype.omschrijving if isinstance(iotype, Informatieobjecttype) else None,
            formaat=document.formaat or None,
            bestandsnaam=document.bestandsnaam or None,
            size=document.bestandsomvang,
            date=created,
            download_url=(document.url.rstrip("/") + "/download") if document.url else None,
        )

    @staticmethod
    def _besluit_view(besluit: Besluit, comp: _Composition) -> BesluitView:
        besluittype = comp.by_url.get(besluit.besluittype or "")
        return BesluitView(
            url=besluit.url or "",
            identificatie=besluit.identificatie,
            besluittype=besluittype.omschrijving if isinstance(besluittype, Besluittype) else None,
            datum=besluit.datum,
            ingangsdatum=besluit.ingangsdatum,
            toelichting=besluit.toelichting or None,
        )

    # -- one zaak ---------------------------------------------------------------------------
    async def _accessible_zaak(self, zaak_ref: str, subject: _Subject, comp: _Composition) -> Zaak:
        """The zaak, after checking the subject may see it; else [`AccessDeniedError`][zgw_client.AccessDeniedError]."""
        expand = ["zaaktype", "rollen"]
        if self.policy.use_expand:
            expand = [*ZAAK_EXPAND, "zaakinformatieobjecten"]
            comp.documents_embedded = True
        zaak = await self._client.zaken.zaken.get(zaak_ref, expand=expand)
        visible = await self._visible([zaak], subject, comp)
        if not visible:
            # The same answer whether the zaak is someone else's or hidden by policy, so
            # that the response does not reveal which.
            raise AccessDeniedError(
                "This zaak is not available to this person: they hold no qualifying rol on "
                "it, or the portal's policy hides it."
            )
        return zaak

    @_bounded
    async def zaak_detail(
        self,
        zaak: str,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
    ) -> ZaakDetail:
        """One zaak in full, for its owner only.

        Args:
            zaak: the zaak's URL or UUID.
            bsn: the citizen asking (or ``kvk`` for a company).
            kvk: the company asking.
            vestigingsnummer: the company's vestiging.

        Raises:
            AccessDeniedError: the subject holds no qualifying rol, or policy hides the zaak.
        """
        subject = _Subject(bsn, kvk, vestigingsnummer)
        comp = _Composition()
        found = await self._accessible_zaak(zaak, subject, comp)

        async def taken() -> Any:
            if not self._has("objecten"):
                return []
            return await self._client.objecten.taken.taken_of_zaak(found.url or "")

        async def rest() -> None:
            await self._complete_zaken([found], comp, details=True)

        results = await self._gather([taken, rest])
        zaak_taken: builtins.list[Taak] = []
        if isinstance(results[0], ZGWError):
            comp.missing.append(c.missing_from(f"taken of {found.identificatie}", results[0]))
        else:
            zaak_taken = [t for t in results[0] if is_open(t)]
        summary = self._summary(found, comp, {str(found.uuid): len(zaak_taken)})
        detail = self._detail(found, summary, comp, zaak_taken)
        detail.missing = comp.missing
        return detail

    # -- a question ------------------------------------------------------------------------
    @_bounded
    async def stel_een_vraag(
        self,
        zaak: str,
        inhoud: str,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        onderwerp: str | None = None,
        kanaal: str | None = None,
    ) -> QuestionConfirmation:
        """Register a citizen's question about their zaak as a klantcontact.

        The klantcontact gets the citizen's partij as betrokkene (when Open Klant knows the
        BSN or KVK) and the zaak as onderwerpobject, so it shows in the zaak's contact
        timeline.

        Args:
            zaak: the zaak's URL or UUID.
            inhoud: the question.
            bsn: the citizen asking (or ``kvk``).
            kvk: the company asking.
            onderwerp: a subject line; by default "Vraag over zaak <identificatie>".
            kanaal: the channel; by default ``policy.question_kanaal``.

        Returns:
            A confirmation with the date by which an answer can be expected.

        Raises:
            AccessDeniedError: the subject may not see the zaak.
            ConfigurationError: no klantinteracties service is configured.
        """
        if not inhoud.strip():
            raise InputError("A question needs text (inhoud).")
        subject = _Subject(bsn, kvk, None)
        comp = _Composition()
        found = await self._accessible_zaak(zaak, subject, comp)
        ki = self._client.klantinteracties
        if subject.bsn:
            partij = await ki.partij_for_bsn(subject.bsn)
        else:
            partij = await ki.partij_for_kvk(subject.kvk or "")
        now = dt.datetime.now(dt.timezone.utc)
        klantcontact = await ki.klantcontacten.create(
            {
                "kanaal": kanaal or self.policy.question_kanaal,
                "onderwerp": onderwerp or f"Vraag over zaak {found.identificatie or ''}".strip(),
                "inhoud": inhoud,
                "indicatieContactGelukt": True,
                "taal": "nld",
                "vertrouwelijk": True,
                "plaatsgevondenOp": now.isoformat(),
            }
        )
        reference = {"uuid": str(klantcontact.uuid)}
        betrokkene: dict[str, Any] = {
            "hadKlantcontact": reference,
            "rol": "klant",
            "initiator": True,
            "organisatienaam": "",
        }
        if partij is not None and partij.uuid:
            betrokkene["wasPartij"] = {"uuid": str(partij.uuid)}
        await ki.betrokkenen.create(betrokkene)
        await ki.onderwerpobjecten.create(
            {
                # No "wasKlantcontact": null: the Klantinteracties spec does not allow it.
                "klantcontact": reference,
                "onderwerpobjectidentificator": {
                    "objectId": str(found.uuid),
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            }
        )
        expected = c.add_working_days(self._today(), self.policy.answer_days)
        return QuestionConfirmation(
            klantcontact_url=klantcontact.url or "",
            zaak_identificatie=found.identificatie,
            registered_at=now,
            answer_expected_by=expected,
            message=(
                f"Uw vraag over zaak {found.identificatie or ''} is ontvangen. U krijgt "
                f"uiterlijk {expected.strftime('%d-%m-%Y')} antwoord."
            ),
        )
