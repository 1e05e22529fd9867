"""Compose a citizen's "Mijn Zaken" from the registers (async face).

What to fetch and in which order is the plan's ([`Composition`][zgw_client.mijnzaken._plan]);
this module runs it with the face's executor and turns each request of the plan into a call
on the public client API. A part that fails is reported in ``missing``; the rest is still
returned.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from .. import _core, tracing
from .._exceptions import ConfigurationError, InputError, UnconfiguredURLError, ZGWError
from .._executor import AsyncExecutor
from .._models import parse_response_body
from .._urls import parse_url
from ..identifiers import mask_bsn
from ..mijnzaken import _compose as c
from ..mijnzaken import _views as views
from ..mijnzaken._plan import Composition, Services
from ..mijnzaken._requests import (
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
from ..mijnzaken._state import MODELS
from ..mijnzaken._subject import SubjectIdentity
from ..mijnzaken.models import Overview, QuestionConfirmation, ZaakDetail
from ..mijnzaken.policy import Policy
from ..objecten.taken import is_open
from .besluiten import AsyncBesluitenAPI
from .catalogi import AsyncCatalogiAPI
from .citizen_caches import AsyncOverviewCache
from .contact import contactmomenten_about_zaak
from .documenten import AsyncDocumentenAPI
from .zaken import AsyncZakenAPI

if TYPE_CHECKING:
    from .client import AsyncZGWClient

__all__ = ["AsyncMijnZaken"]

A = TypeVar("A")

#: What the subject's own klantcontacten embed: who started the contact and which zaak it
#: was about. Not ``hadBetrokkenen.wasPartij``: that would repeat the subject's partij.
SUBJECT_CONTACT_EXPAND = ["hadBetrokkenen", "gingOverOnderwerpobjecten"]
#: The kinds an overview cannot do without.
REQUIRED_KINDS = ("zaken", "catalogi")


class AsyncMijnZaken:
    """A citizen's or company's overview of zaken, taken and contact (async).

    Args:
        client: a configured client. At least one ``zaken`` and a ``catalogi`` service
            are needed; ``documenten``, ``besluiten``, ``klantinteracties`` or
            ``contactmomenten``, and ``objecten`` are used when configured. With several
            Zaken services, the overview reads the subject's zaken from all of them.
        policy: what may be shown (safe defaults, see
            [`Policy`][zgw_client.mijnzaken.Policy]).
        today: the date "days left" counts from (default: today).
        overview_cache: keep composed overviews there
            ([`AsyncOverviewCache`][zgw_client.mijnzaken.AsyncOverviewCache]), until a
            notification invalidates them or their TTL passes. Off by default. Only
            complete overviews are kept.

    Raises:
        ConfigurationError: no Zaken or no Catalogi service is configured (an overview
            without them would be empty, not merely incomplete).

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
        overview_cache: AsyncOverviewCache | None = None,
    ) -> None:
        absent = [kind for kind in REQUIRED_KINDS if not client.services_of(kind)]
        if absent:
            raise ConfigurationError(
                f"MijnZaken needs a {' and a '.join(absent)} service, and none is configured: "
                "without them every overview would be empty. Configure them, e.g. "
                "ZGWConfig.open_zaak(base_url, credentials)."
            )
        self._client = client
        self.policy = policy or Policy()
        self._today = today
        #: Where composed overviews are kept (`None`: composed every time).
        self.overview_cache = overview_cache

    def _services(self) -> Services:
        client = self._client
        kinds = [client.kind_of(name) for name in client.config.services]
        return Services(client.services_of("zaken"), kinds, self._sibling)

    def _sibling(self, kind: str, zaak_url: str) -> str | None:
        """The service of ``kind`` on the zaak's host, else the default one of the kind."""
        names = self._client.services_of(kind)
        if not names:
            return None
        origin = parse_url(zaak_url)
        for name in names:
            root = parse_url(self._client.service(name).api_root)
            if (root.scheme, root.host, root.port) == (origin.scheme, origin.host, origin.port):
                return name
        try:
            return self._client.default_service(kind)
        except ConfigurationError:
            return names[0]

    def _api(self, namespace: Callable[[AsyncZGWClient, str], A], url: str) -> A:
        """The API ``namespace`` on the service that holds ``url`` (its own catalogus, its
        own Zaken API: with several Open Zaaks each URL is read where it lives)."""
        name = self._client.service_name_for(url)
        if name is None:
            roots = [service.api_root for service in self._client.config.services.values()]
            raise UnconfiguredURLError(url, roots)
        return namespace(self._client, name)

    def _zaak_url(self, zaak: str) -> tuple[str, str]:
        """The URL of a zaak given by URL or UUID (a UUID: on the default Zaken service),
        and the name of the service it is on."""
        text = str(zaak).strip()
        if text.startswith(("http://", "https://")):
            return self._api(AsyncZakenAPI, text).zaken.url_of(text), self._client.service_name_for(
                text
            ) or ""
        zaken = self._client.zaken
        return zaken.zaken.url_of(text), zaken.service

    async def _run(self, plan: Composition) -> None:
        await AsyncExecutor(self.policy.concurrency).run(plan, self._perform)

    # -- the overview ----------------------------------------------------------------------
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
            The overview; ``missing`` lists the parts that could not be fetched, and
            ``complete`` says whether anything is.
        """
        subject = SubjectIdentity(bsn, kvk, vestigingsnummer)
        cache = self.overview_cache
        kind, value = ("bsn", subject.bsn or "") if subject.bsn else ("kvk", subject.kvk or "")
        variant = f"details={details}|vestiging={subject.vestigingsnummer or ''}"
        generation = ""
        if cache is not None:
            cached, generation = await cache.get(kind, value, variant)
            if cached is not None:
                return cached
        plan = Composition.overview(subject, self.policy, self._services(), details=details)
        # One span around the composition: its requests' spans are its children.
        attributes = {"zgw.subject.kind": subject.view().kind, "zgw.details": details}
        with tracing.span("mijnzaken.overview", **attributes):
            await self._run(plan)
        warnings = []
        if not self._client.services_of("objecten"):
            warnings.append("No objecten service configured: taken are not shown.")
        composed = views.overview(plan, self._today(), warnings)
        if cache is not None and composed.complete:
            await cache.put(kind, value, variant, composed, generation)
        return composed

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
            zaak: the zaak's URL or UUID (a UUID is looked up on the default Zaken service).
            bsn: the citizen asking (or ``kvk`` for a company).
            kvk: the company asking.
            vestigingsnummer: the company's vestiging.

        Raises:
            AccessDeniedError: the subject holds no qualifying rol, or policy hides the zaak.
        """
        subject = SubjectIdentity(bsn, kvk, vestigingsnummer)
        url, service = self._zaak_url(zaak)
        plan = Composition.zaak(url, subject, self.policy, self._services(), service=service)
        with tracing.span("mijnzaken.zaak_detail", **{"zgw.subject.kind": subject.view().kind}):
            await self._run(plan)
        found, source = plan.visible_zaken()[0]
        state = plan.fetched
        open_taken = [t for t in state.taken if is_open(t)]
        summary = views.summary(
            found, source, state, {str(found.uuid): len(open_taken)}, self.policy
        )
        detail = views.zaak_detail(found, summary, state, open_taken, self.policy, self._today())
        detail.missing = state.missing
        return detail

    # -- one request of a plan ---------------------------------------------------------------
    async def _perform(self, request: PlanRequest) -> Any:
        """Send what ``request`` describes through the public client API."""
        client = self._client
        if isinstance(request, ZakenOf):
            zaken = AsyncZakenAPI(client, request.service).zaken
            filters = _thawed(request.filters)
            return await zaken.list(page_size=100, **filters).raw().to_list()
        if isinstance(request, RollenOf):
            rollen = AsyncZakenAPI(client, request.service).rollen
            return await rollen.list(page_size=100, **_thawed(request.filters)).to_list()
        if isinstance(request, Fetch):
            body = await client.get_json(request.url)
            source = f"GET {mask_bsn(request.url)}"
            return parse_response_body(MODELS[request.model], body, source=source)
        if isinstance(request, StatustypenOf):
            statustypen = self._api(AsyncCatalogiAPI, request.zaaktype).statustypen
            found = await statustypen.list(zaaktype=request.zaaktype, page_size=100).to_list()
            return sorted(found, key=lambda s: s.volgnummer or 0)
        if isinstance(request, BesluittypenOf):
            besluittypen = self._api(AsyncCatalogiAPI, request.zaaktype).besluittypen
            return await besluittypen.list(zaaktypen=request.zaaktype, page_size=100).to_list()
        if isinstance(request, OpenTaken):
            return await client.objecten.taken.open_taken(bsn=request.bsn, kvk=request.kvk)
        if isinstance(request, TakenOfZaak):
            return await client.objecten.taken.taken_of_zaak(request.zaak)
        if isinstance(request, SubjectContacts):
            klantcontacten = client.klantinteracties.klantcontacten
            return await klantcontacten.list(
                had_betrokkene__was_partij__partij_identificator__code_soort_object_id=(
                    request.soort
                ),
                had_betrokkene__was_partij__partij_identificator__object_id=request.value,
                expand=SUBJECT_CONTACT_EXPAND,
                page_size=100,
            ).to_list()
        if isinstance(request, StatussenOf):
            statussen = self._api(AsyncZakenAPI, request.zaak).statussen
            return await statussen.list(zaak=request.zaak, page_size=100).to_list()
        if isinstance(request, DocumentenOf):
            documents = AsyncDocumentenAPI(client, request.service).enkelvoudiginformatieobjecten
            return await documents.list(
                objectinformatieobjecten__object=request.zaak, page_size=100
            ).to_list()
        if isinstance(request, DocumentSearch):
            documents = AsyncDocumentenAPI(client, request.service).enkelvoudiginformatieobjecten
            return await documents.search(uuid__in=list(request.uuids)).to_list()
        if isinstance(request, BesluitenOf):
            besluiten = AsyncBesluitenAPI(client, request.service).besluiten
            return await besluiten.list(zaak=request.zaak, page_size=100).to_list()
        if isinstance(request, ContactsAbout):
            return await contactmomenten_about_zaak(client, request.zaak)
        if isinstance(request, ZaakWith):
            zaken = self._api(AsyncZakenAPI, request.url).zaken
            return await zaken.get(request.url, expand=list(request.expand))
        raise TypeError(f"no way to perform {request!r}")  # a plan asked for something new

    # -- a question ------------------------------------------------------------------------
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
        timeline. It takes three writes; if one fails, what was written is deleted again
        (newest first), so no half-registered question is left behind, and the error is
        raised.

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
        subject = SubjectIdentity(bsn, kvk, None)
        ki = self._client.klantinteracties  # a clear ConfigurationError before any request
        url, service = self._zaak_url(zaak)
        plan = Composition.zaak(
            url, subject, self.policy, self._services(), service=service, access_only=True
        )
        await self._run(plan)
        found = plan.visible_zaken()[0][0]
        if subject.bsn:
            partij = await ki.partij_for_bsn(subject.bsn)
        else:
            partij = await ki.partij_for_kvk(subject.kvk or "")
        now = dt.datetime.now(dt.timezone.utc)
        written: builtins.list[tuple[Any, str]] = []  # (resource, URL), to undo on failure
        try:
            klantcontact = await ki.klantcontacten.create(
                {
                    "kanaal": kanaal or self.policy.question_kanaal,
                    "onderwerp": onderwerp
                    or f"Vraag over zaak {found.identificatie or ''}".strip(),
                    "inhoud": inhoud,
                    "indicatieContactGelukt": True,
                    "taal": "nld",
                    "vertrouwelijk": True,
                    "plaatsgevondenOp": now.isoformat(),
                }
            )
            written.append((ki.klantcontacten, klantcontact.url or ""))
            reference = {"uuid": str(klantcontact.uuid)}
            betrokkene: dict[str, Any] = {
                "hadKlantcontact": reference,
                "rol": "klant",
                "initiator": True,
                "organisatienaam": "",
            }
            if partij is not None and partij.uuid:
                betrokkene["wasPartij"] = {"uuid": str(partij.uuid)}
            created = await ki.betrokkenen.create(betrokkene)
            written.append((ki.betrokkenen, created.url or ""))
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
        except BaseException:
            await _undo(written)
            raise
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


async def _undo(written: builtins.list[tuple[Any, str]]) -> None:
    """Delete what a failed question wrote, newest first; a failure to undo is logged, and
    the original error is what the caller sees."""
    for resource, url in reversed(written):
        if not url:
            continue
        try:
            await resource.delete(url)
        except ZGWError as error:
            _core.logger.warning(
                "Could not undo %s after a failed question: %s", _core.loggable_url(url), error
            )


def _thawed(filters: tuple[tuple[str, Any], ...]) -> Mapping[str, Any]:
    return {key: list(value) if isinstance(value, tuple) else value for key, value in filters}
