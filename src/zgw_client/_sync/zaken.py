# GENERATED from src/zgw_client/_async/zaken.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Zaken API's resources on the synchronous client (``client.zaken``).

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import builtins
import copy
import functools
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .. import _core
from .._bsn_filters import carries_bsn, zoek_body
from .._exceptions import InputError, MethodNotAllowedError, NotFoundError
from .._models import parse_response_list
from .._resource import Ref, expand_with_parents, filter_params, search_body
from ..zaken import _filters as f
from ..zaken._expand import ExpandPlan, needs_fallback
from ..zaken.models import (
    AuditTrail,
    Resultaat,
    Rol,
    Status,
    SubStatus,
    Zaak,
    ZaakBesluit,
    ZaakContactMoment,
    ZaakEigenschap,
    ZaakInformatieObject,
    ZaakKlantcontact,
    ZaakNotitie,
    ZaakObject,
    ZaakVerzoek,
)
from .api import API, ResourceSlot
from .pagination import Paginator, PageHook
from .resource import NestedResource, Resource, Timeout

if TYPE_CHECKING:
    from .client import ZGWClient

__all__ = [
    "Resultaten",
    "Rollen",
    "Statussen",
    "SubStatussen",
    "ZaakContactMomenten",
    "ZaakEigenschappen",
    "ZaakInformatieObjecten",
    "ZaakKlantcontacten",
    "ZaakNotities",
    "ZaakObjecten",
    "ZaakVerzoeken",
    "Zaken",
    "ZakenAPI",
]

ZOEK = "zaken/_zoek"
#: The fields of the ``zaken/_zoek`` body (Open Zaak 1.30, Zaken 1.5.1): nothing else is
#: ever sent, since the server ignores unknown keys and would return every zaak.
ZOEK_FIELDS = frozenset(f.WIRE_NAMES["ZakenZoekFilters"].values())
#: Rollen filters answered from the rollen embedded in a ``_zoek`` (field of a rol).
_ROL_FIELDS = {
    "zaak": "zaak",
    "roltype": "roltype",
    "omschrijving": "omschrijving",
    "omschrijvingGeneriek": "omschrijvingGeneriek",
    "betrokkeneType": "betrokkeneType",
    "betrokkene": "betrokkene",
}
_ROL_BSN = "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
PagePick = Callable[[Any], Any]


def _searching(
    client: ZGWClient,
    service: str,
    *,
    body: Mapping[str, Any],
    query: Mapping[str, Any],
    list_url: str,
    list_params: Mapping[str, Any],
    parse: Callable[[Any], Any],
    limit: int | None,
    page_hook: PageHook | None = None,
    pick: PagePick | None = None,
) -> Paginator[Any]:
    """Page through ``POST zaken/_zoek`` with ``body``; with ``bsn_filters='auto'`` a
    server without ``_zoek`` (404/405 on the first page) is asked the list instead.

    ``pick`` turns each ``_zoek`` page into the page the caller lists (the rollen in the
    zaken); pages of the list are taken as they come.
    """
    zoek_url = client.url_for(service, ZOEK)
    automatic = client.service(service).bsn_filters == "auto"

    def fetch(
        page_url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> Any:
        if httpx_path(page_url).endswith("/_zoek"):
            try:
                response = client.request(
                    "POST", page_url, json=dict(body), params=params, headers=headers
                )
            except (NotFoundError, MethodNotAllowedError) as error:
                if not automatic or page_url != zoek_url:
                    raise
                client._note_missing_search(service, ZOEK, error.status)
                return client.get_json(list_url, params=list_params, headers=headers)
            page = _core.decode_json(response)
            return page if pick is None else pick(page)
        return client.get_json(page_url, params=params, headers=headers)

    return Paginator(
        fetch,
        zoek_url,
        api_root=client.service(service).api_root,
        parse=parse,
        params=query,
        limit=limit,
        page_hook=page_hook,
    )


def httpx_path(url: str) -> str:
    """The path of ``url`` (without its query)."""
    return url.split("?", 1)[0].rstrip("/")


class Zaken(Resource[Zaak]):
    """``/zaken``: list (with every filter of the spec), search, get, create, update, delete.

    ``expand`` works on every Zaken server: on Zaken 1.5+ the server embeds the related
    resources; on an older server (known from the ``API-version`` header) the client fetches
    them and fills `Zaak.expand` the same way. Parents of nested paths are added
    (``status.statustype`` also asks for ``status``), as Open Zaak needs them.
    """

    kind = "zaken"
    path = "zaken"
    model = Zaak
    wire_names = f.WIRE_NAMES["ZakenFilters"]
    joined = f.JOINED["ZakenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZakenFilters],
    ) -> Paginator[Zaak]:
        """Every zaak matching ``filters`` (lazily, across pages).

        Filters are the spec's query parameters in snake_case (the spec's own spelling is
        accepted too), e.g.::

            client.zaken.zaken.list(
                rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn="999990111",
                expand=["zaaktype", "status.statustype"],
            )

        A filter on a BSN (``rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn``)
        is sent in the body of ``POST zaken/_zoek``, not in the URL, as the service's
        ``bsn_filters`` says (default ``auto``: the list is asked instead when the server
        has no ``_zoek``).
        """
        params = filter_params(filters, self.wire_names, self.joined, extra_params)
        expand = params.get("expand")
        hook = self._expand_fallback_hook(expand)
        if carries_bsn(params) and self._client._bsn_in_body(self.service, ZOEK):
            body, query = zoek_body(params, ZOEK_FIELDS)
            return _searching(
                self._client,
                self.service,
                body=body,
                query=query,
                list_url=self.url,
                list_params=params,
                parse=self.parse,
                limit=limit,
                page_hook=hook,
            )
        return self._client.paginate(
            self.url, parse=self.parse, params=params, limit=limit, page_hook=hook
        )

    def search(
        self,
        *,
        limit: int | None = None,
        **filters: Unpack[f.ZakenZoekFilters],
    ) -> Paginator[Zaak]:
        """``POST /zaken/_zoek``: filters in the body (``zaakgeometrie``, ``uuid__in``, ...).

        ``expand`` is sent as a JSON array, as the spec says (a comma string makes Open Zaak
        fail with 500).
        """
        names = f.WIRE_NAMES["ZakenZoekFilters"]
        unknown = sorted(k for k in filters if k not in names and k not in ZOEK_FIELDS)
        if unknown:
            # The server ignores unknown body keys: a typo would return every zaak.
            raise InputError(
                f"Unknown _zoek field(s) {', '.join(unknown)}; known: {', '.join(sorted(names))}."
            )
        body = search_body(filters, names)
        expand = ",".join(body.get("expand", [])) or None
        return self._search(
            "zaken/_zoek", body, limit=limit, page_hook=self._expand_fallback_hook(expand)
        )

    def get(
        self,
        ref: Ref | BaseModel,
        *,
        expand: Sequence[str] | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Zaak:
        """One zaak by URL or UUID, optionally with related resources expanded."""
        paths = expand_with_parents(expand) if expand else []
        params = {"expand": ",".join(paths)} if paths else None
        # get_json revalidates with the ETag; the body is shared with its cache, so copy it
        # before the fallback fills in ``_expand``.
        body = self._client.get_json(
            self.url_of(ref), params=params, headers=headers, timeout=timeout
        )
        if paths and needs_fallback(body, self._client.api_version(self.service)):
            body = copy.deepcopy(body)
            self._fill_expand(body, paths)
        return self.parse(body)

    def _expand_fallback_hook(self, expand: str | None) -> Any:
        if not expand:
            return None
        paths = expand_with_parents(expand)

        def hook(items: builtins.list[Any]) -> None:
            version = self._client.api_version(self.service)
            for item in items:
                if isinstance(item, dict) and needs_fallback(item, version):
                    self._fill_expand(item, paths)

        return hook

    def _fill_expand(self, body: dict[str, Any], paths: Sequence[str]) -> None:
        """Build ``_expand`` by fetching, for servers without expand (Zaken < 1.5)."""
        plan = ExpandPlan(paths)
        body["_expand"] = self._expand_object(body, plan, "")

    def _expand_object(
        self, body: Mapping[str, Any], plan: ExpandPlan, prefix: str
    ) -> dict[str, Any]:
        expanded: dict[str, Any] = {}
        for field in plan.children(prefix):
            value = self._fetch_relation(body, field)
            if value is None or value == []:
                continue  # like Open Zaak: empty relations are left out
            path = f"{prefix}.{field}" if prefix else field
            if plan.children(path):
                if isinstance(value, builtins.list):
                    for item in value:
                        item["_expand"] = self._expand_object(item, plan, path)
                else:
                    value["_expand"] = self._expand_object(value, plan, path)
            expanded[field] = value
        return expanded

    def _fetch_relation(self, body: Mapping[str, Any], field: str) -> Any:
        url = body.get("url", "")
        listed = {
            "rollen": "rollen",
            "zaakobjecten": "zaakobjecten",
            "zaakinformatieobjecten": "zaakinformatieobjecten",
        }
        if field in listed:
            list_url = self._client.url_for(self.service, listed[field])
            return self._client.paginate(list_url, parse=dict, params={"zaak": url}).to_list()
        if field == "eigenschappen":
            return self._client.paginate(url + "/zaakeigenschappen", parse=dict).to_list()
        target = body.get(field)
        if isinstance(target, str) and target:
            return self._client.get_json(target)
        if isinstance(target, builtins.list):
            return [self._client.get_json(t) for t in target if isinstance(t, str) and t]
        return None

    def audittrail(self, zaak: Ref | BaseModel) -> builtins.list[AuditTrail]:
        """The zaak's audit trail: who changed what, oldest first (a plain, unpaged list)."""
        url = self.url_of(zaak).rstrip("/") + "/audittrail"
        body = self._client.get_json(url)
        return parse_response_list(AuditTrail, body, source=f"GET {_core.loggable_url(url)}")

    def besluiten(self, zaak: Ref | BaseModel) -> builtins.list[ZaakBesluit]:
        """The besluiten linked to the zaak (``zaken/{uuid}/besluiten``, unpaged)."""
        url = self.url_of(zaak).rstrip("/") + "/besluiten"
        body = self._client.get_json(url)
        return parse_response_list(ZaakBesluit, body, source=f"GET {_core.loggable_url(url)}")


class Statussen(Resource[Status]):
    """``/statussen``: the status history of zaken. A new status sets the zaak's status."""

    kind, path, model = "zaken", "statussen", Status
    wire_names, joined = f.WIRE_NAMES["StatussenFilters"], f.JOINED["StatussenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.StatussenFilters],
    ) -> Paginator[Status]:
        """Statussen matching ``filters`` (e.g. ``zaak=<url>``)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class SubStatussen(Resource[SubStatus]):
    """``/substatussen`` (Open Zaak): finer-grained updates within a status."""

    kind, path, model = "zaken", "substatussen", SubStatus
    wire_names, joined = f.WIRE_NAMES["SubstatussenFilters"], f.JOINED["SubstatussenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.SubstatussenFilters],
    ) -> Paginator[SubStatus]:
        """Substatussen matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class Rollen(Resource[Rol]):
    """``/rollen``: who is involved in a zaak, and how (initiator, behandelaar, ...)."""

    kind, path, model = "zaken", "rollen", Rol
    wire_names, joined = f.WIRE_NAMES["RollenFilters"], f.JOINED["RollenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.RollenFilters],
    ) -> Paginator[Rol]:
        """Rollen matching ``filters`` (e.g. ``zaak=<url>``, ``omschrijving_generiek``).

        The Zaken API has no search for rollen, so a filter on a BSN
        (``betrokkene_identificatie__natuurlijk_persoon__inp_bsn``) is answered from
        ``POST zaken/_zoek`` with the rollen embedded, keeping the BSN out of the URL:
        the rollen of the person are picked from the zaken they have a rol in, with
        ``zaak``, ``roltype``, ``omschrijving``, ``omschrijving_generiek``,
        ``betrokkene_type`` and ``betrokkene`` applied to them. Other filters beside a BSN
        use the list (``bsn_filters='auto'``) or raise (``'body'``). ``page_size`` counts
        zaken per page there, and the pages carry no ``count``.
        """
        params = filter_params(filters, self.wire_names, self.joined, extra_params)
        if not (carries_bsn(params) and self._client._bsn_in_body(self.service, ZOEK)):
            return self._client.paginate(self.url, parse=self.parse, params=params, limit=limit)
        others = sorted(k for k in params if k not in (*_ROL_FIELDS, _ROL_BSN, "pageSize"))
        if others:
            if self._client.service(self.service).bsn_filters == "body":
                raise InputError(
                    f"rollen filtered on a BSN are found through zaken/_zoek, which cannot "
                    f"apply {', '.join(others)}; drop them, or set bsn_filters='auto'."
                )
            return self._client.paginate(self.url, parse=self.parse, params=params, limit=limit)
        bsn = str(params[_ROL_BSN])
        # ``expand`` in the query (Open Zaak takes it there too): the URL tells this search
        # from the zaken list's in logs and traces, and still carries no BSN.
        body: dict[str, Any] = {f"rol__{_ROL_BSN}": bsn}
        for name in ("omschrijvingGeneriek", "betrokkeneType"):  # narrow the zaken
            if params.get(name):
                body[f"rol__{name}"] = params[name]
        wanted = {field: str(params[key]) for key, field in _ROL_FIELDS.items() if key in params}
        query: dict[str, Any] = {"expand": "rollen"}
        if "pageSize" in params:
            query["pageSize"] = params["pageSize"]
        return _searching(
            self._client,
            self.service,
            body=body,
            query=query,
            list_url=self.url,
            list_params=params,
            parse=self.parse,
            limit=limit,
            pick=functools.partial(self._rollen_in, bsn=bsn, wanted=wanted),
        )

    def _rollen_in(self, page: Any, *, bsn: str, wanted: Mapping[str, str]) -> Any:
        """A ``_zoek`` page of zaken as a page of the person's rollen (no ``count``)."""
        if not isinstance(page, dict) or not isinstance(page.get("results"), builtins.list):
            return page  # parse_page says what is wrong with it
        found: builtins.list[Any] = []
        for zaak in page["results"]:
            if not isinstance(zaak, dict):
                continue
            embedded = zaak.get("_expand")
            if isinstance(embedded, dict):
                rollen = embedded.get("rollen") or []
            else:  # a server without expand: the zaak's rollen by its URL (no BSN in it)
                rollen = self._client.paginate(
                    self.url, parse=dict, params={"zaak": zaak.get("url", "")}
                ).to_list()
            for rol in rollen:
                if not isinstance(rol, dict):
                    continue
                identificatie = rol.get("betrokkeneIdentificatie")
                if not isinstance(identificatie, dict) or identificatie.get("inpBsn") != bsn:
                    continue
                if all(str(rol.get(field, "")) == value for field, value in wanted.items()):
                    found.append(rol)
        return {
            "count": None,
            "next": page.get("next"),
            "previous": page.get("previous"),
            "results": found,
        }


class Resultaten(Resource[Resultaat]):
    """``/resultaten``: the outcome of a zaak."""

    kind, path, model = "zaken", "resultaten", Resultaat
    wire_names, joined = f.WIRE_NAMES["ResultatenFilters"], f.JOINED["ResultatenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ResultatenFilters],
    ) -> Paginator[Resultaat]:
        """Resultaten matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakObjecten(Resource[ZaakObject]):
    """``/zaakobjecten``: the objects (address, building, ...) a zaak is about."""

    kind, path, model = "zaken", "zaakobjecten", ZaakObject
    wire_names, joined = f.WIRE_NAMES["ZaakobjectenFilters"], f.JOINED["ZaakobjectenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaakobjectenFilters],
    ) -> Paginator[ZaakObject]:
        """Zaakobjecten matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakInformatieObjecten(Resource[ZaakInformatieObject]):
    """``/zaakinformatieobjecten``: documents linked to a zaak (an unpaged list)."""

    kind, path, model = "zaken", "zaakinformatieobjecten", ZaakInformatieObject
    wire_names = f.WIRE_NAMES["ZaakinformatieobjectenFilters"]
    joined = f.JOINED["ZaakinformatieobjectenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaakinformatieobjectenFilters],
    ) -> Paginator[ZaakInformatieObject]:
        """Zaakinformatieobjecten matching ``filters`` (``zaak``, ``informatieobject``)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakContactMomenten(Resource[ZaakContactMoment]):
    """``/zaakcontactmomenten``: links between zaken and Contactmomenten API records."""

    kind, path, model = "zaken", "zaakcontactmomenten", ZaakContactMoment
    wire_names = f.WIRE_NAMES["ZaakcontactmomentenFilters"]
    joined = f.JOINED["ZaakcontactmomentenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaakcontactmomentenFilters],
    ) -> Paginator[ZaakContactMoment]:
        """Zaakcontactmomenten matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakVerzoeken(Resource[ZaakVerzoek]):
    """``/zaakverzoeken``: links between zaken and verzoeken."""

    kind, path, model = "zaken", "zaakverzoeken", ZaakVerzoek
    wire_names = f.WIRE_NAMES["ZaakverzoekenFilters"]
    joined = f.JOINED["ZaakverzoekenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaakverzoekenFilters],
    ) -> Paginator[ZaakVerzoek]:
        """Zaakverzoeken matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakKlantcontacten(Resource[ZaakKlantcontact]):
    """``/klantcontacten`` of the Zaken API (the old, zaak-bound contact record)."""

    kind, path, model = "zaken", "klantcontacten", ZaakKlantcontact
    wire_names = f.WIRE_NAMES["KlantcontactenFilters"]
    joined = f.JOINED["KlantcontactenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.KlantcontactenFilters],
    ) -> Paginator[ZaakKlantcontact]:
        """Klantcontacten matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakNotities(Resource[ZaakNotitie]):
    """``/zaaknotities`` (Open Zaak): notes on a zaak."""

    kind, path, model = "zaken", "zaaknotities", ZaakNotitie
    wire_names = f.WIRE_NAMES["ZaaknotitiesFilters"]
    joined = f.JOINED["ZaaknotitiesFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaaknotitiesFilters],
    ) -> Paginator[ZaakNotitie]:
        """Zaaknotities matching ``filters``."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaakEigenschappen(NestedResource[ZaakEigenschap]):
    """``/zaken/{uuid}/zaakeigenschappen``: the values of a zaak's eigenschappen."""

    kind, parent_path, path, model = "zaken", "zaken", "zaakeigenschappen", ZaakEigenschap
    parent_field = "zaak"

    def list(
        self, zaak: Ref | BaseModel, *, limit: int | None = None
    ) -> Paginator[ZaakEigenschap]:
        """The eigenschappen of ``zaak`` (URL, UUID or model)."""
        return self._list({}, limit=limit, url=self.collection_url(zaak))


class ZakenAPI(API):
    """The Zaken API: ``client.zaken.zaken``, ``.statussen``, ``.rollen``, ...

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``.
    """

    kind = "zaken"

    zaken = ResourceSlot(Zaken)
    statussen = ResourceSlot(Statussen)
    substatussen = ResourceSlot(SubStatussen)
    rollen = ResourceSlot(Rollen)
    resultaten = ResourceSlot(Resultaten)
    zaakobjecten = ResourceSlot(ZaakObjecten)
    zaakinformatieobjecten = ResourceSlot(ZaakInformatieObjecten)
    zaakeigenschappen = ResourceSlot(ZaakEigenschappen)
    zaakcontactmomenten = ResourceSlot(ZaakContactMomenten)
    zaakverzoeken = ResourceSlot(ZaakVerzoeken)
    klantcontacten = ResourceSlot(ZaakKlantcontacten)
    zaaknotities = ResourceSlot(ZaakNotities)
