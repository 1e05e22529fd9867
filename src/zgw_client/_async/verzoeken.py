"""The Verzoeken API (Open VTB) on the asynchronous client (``client.verzoeken``).

Verzoeken (submitted requests), verzoektypen, and the numbered versions of a verzoektype
(``verzoektypen/{uuid}/versies/{versie}``), all with full CRUD; the lists have **no
filters** (Open VTB 0.1.0). A portal registers a verzoek with ``register()`` and later
follows it to the zaak it became with ``zaak_of()`` (see
[`zgw_client.verzoeken.registration`][zgw_client.verzoeken.registration]).

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .. import _core
from .._exceptions import InputError
from .._resource import Ref, resource_url, write_body
from .._vtb import party_matcher, party_of
from ..verzoeken import _filters as f
from ..verzoeken.models import (
    Verzoek,
    VerzoekType,
    VerzoekTypeVersie,
    VerzoekTypeVersieStatus,
)
from ..verzoeken.registration import ZaakLinkError, registration_body
from ..zaken._filters import ZakenFilters
from ..zaken.models import Zaak
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import Timeout
from .vtb import DEFAULT_CONCURRENCY, MAX_PAGE_SIZE, AsyncVTBResource, scan

__all__ = [
    "AsyncVerzoekTypeVersies",
    "AsyncVerzoekTypen",
    "AsyncVerzoeken",
    "AsyncVerzoekenAPI",
]

_VERSIE_PATH = re.compile(r"verzoektypen/[^/]+/versies/[0-9]+/?")


class AsyncVerzoeken(AsyncVTBResource[Verzoek]):
    """``/verzoeken``: submitted requests; ``register()`` and ``zaak_of()`` for portals."""

    kind, path, model = "verzoeken", "verzoeken", Verzoek
    read_only = frozenset({"url", "urn", "uuid", "verzoekTypeUrn"})
    blank_urns = frozenset({"initiator", "verzoekInformatieObject"})
    null_unset = frozenset({"geometrie", "verzoekBron", "verzoekBetaling"})
    wire_names, joined = f.WIRE_NAMES["VerzoekenFilters"], f.JOINED["VerzoekenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.VerzoekenFilters],
    ) -> AsyncPaginator[Verzoek]:
        """Every verzoek (lazily, across pages). The API cannot filter; for one party's
        verzoeken use ``of()``."""
        return self._list(filters, limit=limit, extra_params=extra_params)

    async def of(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        initiator: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> builtins.list[Verzoek]:
        """The verzoeken one party submitted (``initiator``), in the server's order.

        Reads the **whole** list (Open VTB 0.1.0 cannot filter) and parses only the
        party's verzoeken; see the Verzoeken guide for the cost.

        Raises:
            InputError: no party or more than one, or an invalid number.
        """
        party = party_of(bsn=bsn, kvk=kvk, vestigingsnummer=vestigingsnummer, urn=initiator)
        raw = await scan(
            self._client,
            self.url,
            match=party_matcher(party, "initiator"),
            page_size=page_size,
            concurrency=concurrency,
        )
        return [self.parse(item) for item in raw]

    async def register(
        self,
        verzoektype: Ref | VerzoekType,
        aanvraag_gegevens: Mapping[str, Any],
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        initiator: str | None = None,
        bijlagen: Sequence[str] = (),
        versie: int | None = None,
        verzoek_informatie_object: str | None = None,
        kanaal: str | None = None,
        verzoek_taal: str | None = None,
        extra: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
    ) -> Verzoek:
        """Register a verzoek a party submitted, with its attachments.

        Bijlagen are URNs of documents already in the Documenten API (Open VTB stores no
        files): upload each first, then pass ``informatieobject_urn(uuid, organisatie=...)``
        with the document's UUID (the last segment of its ``url``). Everything is checked
        before the request (the party's number, the URNs, duplicates); the server checks
        ``aanvraag_gegevens`` against the JSON schema of the verzoektype's version and
        answers a [`BadRequestError`][zgw_client.BadRequestError] naming the fields.

        Args:
            verzoektype: the verzoektype's URL, UUID or model.
            aanvraag_gegevens: the submitted form data.
            bsn: the submitting citizen; or ``kvk`` (+ ``vestigingsnummer``), or the
                ``initiator`` URN itself.
            kvk: the submitting company's KVK-nummer.
            vestigingsnummer: its branch (only with ``kvk``).
            initiator: the party URN, instead of a number.
            bijlagen: URNs of the attached documents.
            versie: the verzoektype version (default: the latest).
            verzoek_informatie_object: URN of the verzoek itself as a document (a PDF).
            kanaal: the channel, e.g. ``"web"``.
            verzoek_taal: the language, two letters (server default ``nl``).
            extra: more fields as the API names them (``verzoekBron``, ``geometrie``,
                ``verzoekBetaling``, ``isGerelateerdAan``).
            timeout: seconds for this request.
        """
        party = party_of(bsn=bsn, kvk=kvk, vestigingsnummer=vestigingsnummer, urn=initiator)
        body = registration_body(
            verzoektype_url=AsyncVerzoekTypen(self._client, self.service).url_of(verzoektype),
            aanvraag_gegevens=aanvraag_gegevens,
            initiator=party.urn,
            bijlagen=bijlagen,
            versie=versie,
            verzoek_informatie_object=verzoek_informatie_object,
            kanaal=kanaal,
            verzoek_taal=verzoek_taal,
            extra=extra,
        )
        return await self.create(body, timeout=timeout)

    async def zaak_of(
        self,
        verzoek: Ref | Verzoek,
        *,
        bronorganisatie: str | None = None,
        zaken_service: str | None = None,
        timeout: Timeout = None,
    ) -> Zaak | None:
        """The zaak the verzoek became, or ``None`` while the back office has not linked one.

        The verzoek is read first unless a model is passed (pass a fresh one, or its URL).
        Its first zaak URN in ``isGerelateerdAan`` (``...:zaak:zaaknummer:<nr>``) is looked
        up with ``zaken?identificatie=<nr>`` in the Zaken API (one request).

        Args:
            verzoek: the verzoek's URL, UUID or model.
            bronorganisatie: the RSIN the zaak is registered under, when zaaknummers are
                not unique across the organisations in the Zaken API.
            zaken_service: the Zaken service to ask (default: ``client.zaken``'s).
            timeout: seconds for each request.

        Raises:
            ZaakLinkError: the URN names no zaak there, or several (pass ``bronorganisatie``).
        """
        current = (
            verzoek if isinstance(verzoek, Verzoek) else await self.get(verzoek, timeout=timeout)
        )
        identificaties = current.zaak_identificaties
        if not identificaties:
            return None
        zaken_api = (
            self._client.zaken if zaken_service is None else self._client.zaken.of(zaken_service)
        )
        filters: ZakenFilters = {"identificatie": identificaties[0]}
        if bronorganisatie is not None:
            filters["bronorganisatie"] = bronorganisatie
        found = await zaken_api.zaken.list(limit=2, **filters).to_list()
        if len(found) == 1:
            return found[0]
        if not found:
            raise ZaakLinkError(
                "The verzoek links a zaak by zaaknummer that the Zaken API of service "
                f"{zaken_api.service!r} does not know. Check that the back office registers "
                "zaken there (or pass zaken_service=...), and the zaaknummer in the link."
            )
        raise ZaakLinkError(
            "The verzoek's zaaknummer names several zaken (of different bronorganisaties): "
            "pass bronorganisatie=... to pick the municipality's."
        )


class AsyncVerzoekTypen(AsyncVTBResource[VerzoekType]):
    """``/verzoektypen``: the kinds of request a portal offers (each with numbered
    versions: ``client.verzoeken.versies``)."""

    kind, path, model = "verzoeken", "verzoektypen", VerzoekType
    wire_names, joined = f.WIRE_NAMES["VerzoektypenFilters"], f.JOINED["VerzoektypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.VerzoektypenFilters],
    ) -> AsyncPaginator[VerzoekType]:
        """Every verzoektype (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)

    #: ``versies`` is a read-only list of links a model read from the server carries.
    read_only = frozenset({"url", "urn", "uuid", "versies"})


class AsyncVerzoekTypeVersies(AsyncVTBResource[VerzoekTypeVersie]):
    """``/verzoektypen/{uuid}/versies/{versie}``: the versions of a verzoektype, by number.

    A version is named by its URL, by its model, or by its verzoektype (URL, UUID or
    model) together with ``versie=<number>``. Only ``draft`` versions can be changed or
    deleted; ``publish()`` makes one the version in force.
    """

    kind, path, model = "verzoeken", "versies", VerzoekTypeVersie
    read_only = frozenset(
        {"url", "versie", "verzoekType", "aangemaaktOp", "gewijzigdOp", "beginGeldigheid"}
    )
    wire_names, joined = f.WIRE_NAMES["VersiesFilters"], f.JOINED["VersiesFilters"]

    @property
    def url(self) -> str:
        """The verzoektypen collection: the versions live below each verzoektype."""
        return self._client.url_for(self.service, "verzoektypen")

    @classmethod
    def _item_path(cls) -> re.Pattern[str]:
        return _VERSIE_PATH

    def collection_url(self, verzoektype: Ref | BaseModel) -> str:
        """The versions collection of ``verzoektype`` (its URL, UUID or model)."""
        return f"{AsyncVerzoekTypen(self._client, self.service).url_of(verzoektype)}/versies"

    def url_of(self, ref: Ref | BaseModel, *, versie: int | None = None) -> str:
        """The URL of one version: its URL or model, or a verzoektype and ``versie``.

        Raises:
            InputError: a verzoektype without ``versie``, or a URL that is not a version.
        """
        if versie is not None:
            if isinstance(versie, bool) or not isinstance(versie, int) or versie < 1:
                raise InputError("versie must be a version number (1, 2, ...).")
            return f"{self.collection_url(ref)}/{versie}"
        if isinstance(ref, VerzoekType) or (
            not isinstance(ref, BaseModel) and not str(ref).startswith(("http://", "https://"))
        ):
            raise InputError(
                "A version is named by its URL or model, or by its verzoektype with "
                "versie=<number>."
            )
        url = resource_url(self.url, ref)
        try:
            self._client._check_in_collection(url, self.url, self._item_path())
        except InputError:
            raise InputError(
                f"{_core.loggable_url(url)} is not a version of a verzoektype "
                "(.../verzoektypen/<uuid>/versies/<number>); name a version by its URL, "
                "or by its verzoektype with versie=<number>."
            ) from None
        return url

    def list(
        self,
        verzoektype: Ref | BaseModel,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.VersiesFilters],
    ) -> AsyncPaginator[VerzoekTypeVersie]:
        """The versions of ``verzoektype``, highest number first."""
        return self._list(
            filters, limit=limit, extra_params=extra_params, url=self.collection_url(verzoektype)
        )

    async def get(
        self,
        ref: Ref | BaseModel,
        *,
        versie: int | None = None,
        expand: Sequence[str] | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> VerzoekTypeVersie:
        """One version: ``get(version_url)`` or ``get(verzoektype, versie=2)``."""
        body = await self._client.get_json(
            self.url_of(ref, versie=versie), headers=headers, timeout=timeout
        )
        return self.parse(body)

    async def published(self, verzoektype: Ref | VerzoekType) -> VerzoekTypeVersie | None:
        """The version in force: the highest-numbered ``published`` one (its schema is the
        form a portal shows), or ``None``. Reads the verzoektype, then that version."""
        typed = (
            verzoektype
            if isinstance(verzoektype, VerzoekType)
            else await AsyncVerzoekTypen(self._client, self.service).get(verzoektype)
        )
        published = [v for v in typed.versies if v.status == VerzoekTypeVersieStatus.PUBLISHED]
        if not published:
            return None
        return await self.get(max(published, key=lambda v: v.versie).url)

    async def create(
        self,
        data: VerzoekTypeVersie | Mapping[str, Any],
        *,
        verzoektype: Ref | BaseModel | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> VerzoekTypeVersie:
        """Add a version (numbered by the server) to ``verzoektype``, or to the one named in
        ``data["verzoekType"]``; it starts as ``draft`` unless ``data`` says otherwise."""
        body = write_body(data)
        parent = verzoektype if verzoektype is not None else body.get("verzoekType")
        if not parent:
            raise InputError(
                "Name the verzoektype: create(data, verzoektype=<url, uuid or model>)."
            )
        return await self._write("POST", self.collection_url(parent), body, headers, timeout)

    async def update(
        self,
        ref: Ref | BaseModel,
        data: VerzoekTypeVersie | Mapping[str, Any],
        *,
        versie: int | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> VerzoekTypeVersie:
        """Replace a ``draft`` version (PUT)."""
        return await self._write("PUT", self.url_of(ref, versie=versie), data, headers, timeout)

    async def partial_update(
        self,
        ref: Ref | BaseModel,
        data: VerzoekTypeVersie | Mapping[str, Any],
        *,
        versie: int | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> VerzoekTypeVersie:
        """Change some fields of a ``draft`` version (PATCH)."""
        return await self._write("PATCH", self.url_of(ref, versie=versie), data, headers, timeout)

    async def publish(
        self, ref: Ref | BaseModel, *, versie: int | None = None, timeout: Timeout = None
    ) -> VerzoekTypeVersie:
        """Publish a ``draft`` version: the server sets its ``beginGeldigheid`` to today and
        ends the previous version's validity."""
        return await self.partial_update(
            ref, {"status": VerzoekTypeVersieStatus.PUBLISHED.value}, versie=versie, timeout=timeout
        )

    async def delete(
        self,
        ref: Ref | BaseModel,
        *,
        versie: int | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> None:
        """Delete a ``draft`` version (the server refuses others with a 400)."""
        await self._client.request(
            "DELETE", self.url_of(ref, versie=versie), headers=headers, timeout=timeout
        )


class AsyncVerzoekenAPI(AsyncAPI):
    """The Verzoeken API (Open VTB): ``client.verzoeken.verzoeken``, ``.verzoektypen``,
    ``.versies``."""

    kind = "verzoeken"

    verzoeken = AsyncResourceSlot(AsyncVerzoeken)
    verzoektypen = AsyncResourceSlot(AsyncVerzoekTypen)
    versies = AsyncResourceSlot(AsyncVerzoekTypeVersies)
