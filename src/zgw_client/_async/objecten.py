"""The Objects API's resources on the asynchronous client (``client.objecten``).

Objects 3.6 serves API 2.6 and takes its objecttypes from a separate Objecttypes API;
Objects 4.0 ("Open Object") serves API 2.7 with ``/objecttypes`` built in. Configure the
separate API as the service ``objecttypen`` and `AsyncObjectenAPI.objecttypes` uses it;
without it the objecttypes are read from the ``objecten`` service itself.

Filtering on ``record.data`` uses ``data_attr`` (``key__operator__value``), repeated as a
query parameter once per expression. ``POST /objects/search`` takes the comma-joined
``data_attrs`` in its body; ``data_attr`` in that body makes both server versions fail
with a 500, so `AsyncObjects.search` never sends it.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
import datetime
import functools
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from typing_extensions import TypedDict, Unpack

from .. import _core
from .._exceptions import InputError, MethodNotAllowedError, NotFoundError, ZGWError
from .._executor import AsyncExecutor
from .._models import parse_response_body
from .._resource import Ref, resource_url
from ..identifiers import validate_bsn, validate_kvk
from ..objecten import _filters as f
from ..objecten.models import Object, ObjectRecord, Objecttype, ObjecttypeVersion
from ..objecten.taken import Taak, TaakStatus, is_open, taak_from_object, taak_to_data
from .api import AsyncAPI, AsyncResourceSlot
from .klantinteracties import zaak_uuid_of
from .pagination import AsyncPaginator
from .resource import AsyncResource

if TYPE_CHECKING:
    from .client import AsyncZGWClient

__all__ = [
    "AsyncObjectenAPI",
    "AsyncObjects",
    "AsyncObjecttypes",
    "AsyncTaken",
    "ObjectsListFilters",
]


class ObjectsListFilters(TypedDict, total=False):
    """Filters of ``GET /objects``; ``data_attr`` may be given several times (a sequence)."""

    #: ``key__operator__value`` expressions, each sent as its own ``data_attr`` parameter;
    #: operators ``exact``, ``gt``, ``gte``, ``lt``, ``lte``, ``icontains``, ``in`` (``a|b``).
    data_attr: Sequence[str] | str
    #: Deprecated by the API: comma-joined expressions (values may not contain commas).
    data_attrs: str
    #: Search in all string values of ``data``.
    data_icontains: str
    #: The material date: show the record valid on that day (default today).
    date: datetime.date | str
    #: Comma-separated fields to return, e.g. ``"url,uuid,record__data__titel"``.
    fields: str
    #: Comma-separated ordering, ``-`` for descending, e.g. ``"-record__data__verloopdatum"``.
    ordering: str
    #: Items per page (default 100, maximum 500).
    page_size: int
    #: The registration date: show the record as registered on that day.
    registration_date: datetime.date | str
    #: The objecttype's URL (on Objects 3.6: its URL in the Objecttypes API).
    type: str
    #: Only records of this version of the objecttype.
    type_version: int


_OBJECTS_WIRE = f.WIRE_NAMES["ObjectsFilters"]
_SEARCH = "objects/search"


def _data_attr_list(value: Sequence[str] | str) -> builtins.list[str]:
    """Check ``key__operator__value`` expressions and return them as a list."""
    items = [value] if isinstance(value, str) else builtins.list(value)
    for item in items:
        if not isinstance(item, str) or item.count("__") < 2:
            raise InputError(
                f"data_attr {item!r} is not of the form key__operator__value "
                "(e.g. 'status__exact__open', 'identificatie__value__exact__111222333')."
            )
    return items


class AsyncObjects(AsyncResource[Object]):
    """``/objects``: objects of any objecttype; their content is ``record.data``.

    Writes (``create``, ``update``, ``partial_update``) carry ``Content-Crs`` automatically.
    """

    kind, path, model = "objecten", "objects", Object
    wire_names, joined = _OBJECTS_WIRE, f.JOINED["ObjectsFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[ObjectsListFilters],
    ) -> AsyncPaginator[Object]:
        """Objects matching ``filters`` (lazily, across pages).

        Args:
            limit: stop after this many objects.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: ``type`` (objecttype URL), ``data_attr`` (one expression or a
                sequence; each is sent as its own ``data_attr`` parameter), ``date``,
                ``data_icontains``, ``page_size``, ``ordering``, ...

        Returns:
            A paginator of typed objects.

        Raises:
            InputError: a ``data_attr`` expression is not ``key__operator__value``, or a
                filter is unknown.

        Example:
            ```python
            client.objecten.objects.list(
                type=taak_type_url,
                data_attr=["identificatie__value__exact__111222333", "status__exact__open"],
            )
            ```
        """
        params: dict[str, Any] = dict(filters)
        if params.get("data_attr") is not None:
            params["data_attr"] = _data_attr_list(params["data_attr"])
        return self._list(params, limit=limit, extra_params=extra_params)

    def search(
        self,
        *,
        type: str | None = None,
        data_attrs: Sequence[str] | str | None = None,
        data_icontains: str | None = None,
        date: datetime.date | str | None = None,
        registration_date: datetime.date | str | None = None,
        type_version: int | None = None,
        geometry: Mapping[str, Any] | None = None,
        ordering: str | None = None,
        page_size: int | None = None,
        limit: int | None = None,
    ) -> AsyncPaginator[Object]:
        """``POST /objects/search``: filters in the body, e.g. a geometry to search within.

        ``data_attrs`` is sent comma-joined as the body's ``data_attrs``; ``data_attr`` is
        never put in the body (both Objects 3.6 and 4.0 answer 500 to it). For values that
        contain a comma use [`list`][zgw_client.objecten.Objects.list] with ``data_attr``.

        Args:
            type: the objecttype's URL.
            data_attrs: ``key__operator__value`` expressions (a sequence or comma-joined).
            data_icontains: search in all string values of ``data``.
            date: the material date.
            registration_date: the registration date.
            type_version: only records of this objecttype version.
            geometry: ``{"within": <GeoJSON geometry>}``.
            ordering: comma-separated ordering.
            page_size: items per page (a query parameter).
            limit: stop after this many objects.

        Returns:
            A paginator of typed objects (each page is another POST with the same body).

        Raises:
            InputError: an expression is malformed or contains a comma.
        """
        body: dict[str, Any] = {}
        if type is not None:
            body["type"] = type
        if data_attrs is not None:
            expressions = _data_attr_list(
                [p for p in data_attrs.split(",") if p]
                if isinstance(data_attrs, str)
                else data_attrs
            )
            for expression in expressions:
                if "," in expression:
                    raise InputError(
                        f"data_attrs expression {expression!r} contains a comma, which the "
                        "search body cannot carry; use objects.list(data_attr=[...]) instead."
                    )
            body["data_attrs"] = ",".join(expressions)
        for key, value in (
            ("data_icontains", data_icontains),
            ("date", date),
            ("registrationDate", registration_date),
            ("typeVersion", type_version),
            ("geometry", dict(geometry) if geometry is not None else None),
            ("ordering", ordering),
        ):
            if value is not None:
                body[key] = value.isoformat() if isinstance(value, datetime.date) else value
        query = {"pageSize": page_size} if page_size is not None else None
        return self._search("objects/search", body, params=query, limit=limit)

    def history(
        self, obj: Ref | BaseModel, *, limit: int | None = None
    ) -> AsyncPaginator[ObjectRecord]:
        """Every record (version) of an object, oldest first.

        Args:
            obj: the object's URL, UUID or model.
            limit: stop after this many records.

        Returns:
            A paginator of [`ObjectRecord`][zgw_client.objecten.models.ObjectRecord].
        """
        url = self.url_of(obj).rstrip("/") + "/history"
        return self._client.paginate(url, parse=ObjectRecord.model_validate, limit=limit)


class AsyncObjecttypes(AsyncResource[Objecttype]):
    """``/objecttypes``: from the ``objecttypen`` service when one is configured, else from
    the Objects API itself.

    Objects 4.0 serves the objecttypes itself; Objects 3.6 reads them from a separate
    Objecttypes API, configured as the service ``objecttypen``.
    """

    kind, path, model = "objecten", "objecttypes", Objecttype
    wire_names = f.WIRE_NAMES["ObjecttypesFilters"]
    joined = f.JOINED["ObjecttypesFilters"]

    def __init__(self, client: AsyncZGWClient, service: str | None = None) -> None:
        super().__init__(client, service)
        if client.services_of("objecttypen"):
            # Objects 3.x: the objecttypes live in the Objecttypes API.
            self.service = client.default_service("objecttypen")

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ObjecttypesFilters],
    ) -> AsyncPaginator[Objecttype]:
        """Objecttypes matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: ``data_classification``, ``page_size``.

        Returns:
            A paginator of typed objecttypes.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)

    def versions(
        self, objecttype: Ref | BaseModel, *, limit: int | None = None
    ) -> AsyncPaginator[ObjecttypeVersion]:
        """The versions of an objecttype (each with its JSON schema).

        Args:
            objecttype: the objecttype's URL, UUID or model.
            limit: stop after this many versions.

        Returns:
            A paginator of typed objecttype versions.
        """
        url = self.url_of(objecttype).rstrip("/") + "/versions"
        return self._client.paginate(url, parse=ObjecttypeVersion.model_validate, limit=limit)

    async def version(self, objecttype: Ref | BaseModel, version: int) -> ObjecttypeVersion:
        """One version of an objecttype, e.g. to read the JSON schema objects must match.

        Args:
            objecttype: the objecttype's URL, UUID or model.
            version: the version number.

        Returns:
            The typed objecttype version.
        """
        url = f"{self.url_of(objecttype).rstrip('/')}/versions/{int(version)}"
        body = await self._client.get_json(url)
        return parse_response_body(ObjecttypeVersion, body, source=f"GET {_core.loggable_url(url)}")


def _deadline_key(taak: Taak) -> tuple[bool, datetime.date, str]:
    """Soonest verloopdatum first (by calendar date, as `days_left`), none last."""
    deadline = taak.verloopdatum
    if deadline is None:
        return (True, datetime.date.max, taak.titel)
    day = deadline.date() if isinstance(deadline, datetime.datetime) else deadline
    return (False, day, taak.titel)


class AsyncTaken:
    """Citizen tasks ("taken") stored as objects, read and written as one typed
    [`Taak`][zgw_client.objecten.Taak].

    A taak has no standard shape (see [`zgw_client.objecten.taken`][zgw_client.objecten.taken]), so
    each question is asked once per shape and the answers merged:

    * by person or company: ``identificatie__type``/``identificatie__value`` (portaaltaak
      v2 and the v1 shape with an ``identificatie`` block) and the top-level ``bsn``/``kvk``
      of the oldest v1 shape;
    * by zaak: ``koppeling__uuid`` and ``koppeling__value`` (v2: the schema's example and
      text disagree) and ``zaak__icontains__<uuid>`` (v1 stores the zaak's URL, whose host
      may differ from the one this client knows).

    The results are checked again on the client (status, identificatie, zaak), so a loose
    server filter never widens the answer.
    """

    def __init__(self, client: AsyncZGWClient, service: str | None = None) -> None:
        self._client = client
        self._objects = AsyncObjects(client, service)
        #: The name of the Objects API service the taken are read from.
        self.service = self._objects.service

    def __repr__(self) -> str:
        return f"<Taken of {self.service!r}>"

    def _type_url(self, objecttype: Ref | BaseModel | None) -> str | None:
        if objecttype is None:
            return None
        if isinstance(objecttype, BaseModel):
            return resource_url("", objecttype)
        text = str(objecttype).strip()
        if text.startswith(("http://", "https://")):
            return text
        return AsyncObjecttypes(self._client).url_of(text)

    async def _query(
        self,
        variants: Sequence[Sequence[str]],
        objecttype: Ref | BaseModel | None,
        *,
        personal: bool = False,
    ) -> builtins.list[tuple[Object, Taak | None]]:
        """Objects matching any of ``variants``; ``personal`` ones (a BSN or KVK-nummer)
        are asked with ``POST objects/search``, the identifier in the body (see
        [`Service.bsn_filters`][zgw_client.Service])."""
        type_url = self._type_url(objecttype)
        client, service = self._client, self.service

        async def listed(data_attr: Sequence[str]) -> builtins.list[Object]:
            filters: ObjectsListFilters = {"data_attr": data_attr}
            if type_url is not None:
                filters["type"] = type_url
            return await self._objects.list(**filters).to_list()

        async def query(data_attr: Sequence[str]) -> builtins.list[Object]:
            in_body = personal and not any("," in part for part in data_attr)
            if not (in_body and client._bsn_in_body(service, _SEARCH)):
                return await listed(data_attr)
            try:
                return await self._objects.search(type=type_url, data_attrs=data_attr).to_list()
            except (NotFoundError, MethodNotAllowedError) as error:
                if client.service(service).bsn_filters != "auto":
                    raise
                client._note_missing_search(service, _SEARCH, error.status)
                return await listed(data_attr)

        # The variants are independent: ask them at once, not one after another.
        results = await AsyncExecutor(len(variants)).gather(
            [functools.partial(query, data_attr) for data_attr in variants]
        )
        found: dict[str, tuple[Object, Taak | None]] = {}
        for result in results:
            if isinstance(result, ZGWError):
                raise result
            for obj in result:
                key = obj.url or str(obj.uuid)
                if key in found:
                    continue
                try:
                    taak: Taak | None = taak_from_object(obj)
                except InputError:
                    if type_url is not None:
                        raise  # the caller named a Taak objecttype: a malformed taak is news
                    taak = None  # another objecttype that happens to match the filter
                found[key] = (obj, taak)
        return builtins.list(found.values())

    async def open_taken(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        objecttype: Ref | BaseModel | None = None,
    ) -> builtins.list[Taak]:
        """The open taken of a person (BSN) or company (KVK), soonest deadline first.

        The identifier is checked before any request. Objects that match the filters but
        are no taak (another objecttype) are skipped when ``objecttype`` is not given.

        Args:
            bsn: the citizen's BSN.
            kvk: the company's KVK-nummer.
            objecttype: the Taak objecttype (URL, UUID or model) to restrict to.

        Returns:
            The open taken, by verloopdatum (soonest first, those without one last).

        Raises:
            InputError: neither or both of ``bsn`` and ``kvk`` are given.
            InvalidBSNError: the BSN is malformed (no request is sent).
            InvalidKVKError: the KVK-nummer is malformed (no request is sent).
        """
        if bsn is not None and kvk is None:
            soort, value = "bsn", validate_bsn(bsn)
        elif kvk is not None and bsn is None:
            soort, value = "kvk", validate_kvk(kvk)
        else:
            raise InputError("open_taken needs exactly one of bsn= or kvk=.")
        open_status = f"status__exact__{TaakStatus.OPEN.value}"
        variants = [
            [
                f"identificatie__type__exact__{soort}",
                f"identificatie__value__exact__{value}",
                open_status,
            ],
            [f"{soort}__exact__{value}", open_status],
        ]
        taken = [
            taak
            for _, taak in await self._query(variants, objecttype, personal=True)
            if taak is not None
            and is_open(taak)
            and taak.identificatie is not None
            and taak.identificatie.value == value
            and _code(taak.identificatie.type) in (soort, None)
        ]
        return sorted(taken, key=_deadline_key)

    async def taken_of_zaak(
        self, zaak: Ref | BaseModel, *, objecttype: Ref | BaseModel | None = None
    ) -> builtins.list[Taak]:
        """Every taak linked to a zaak, open or not, soonest deadline first.

        Args:
            zaak: the zaak's URL, UUID or model.
            objecttype: the Taak objecttype (URL, UUID or model) to restrict to.

        Returns:
            The taken, by verloopdatum (soonest first, those without one last).
        """
        zaak_uuid = zaak_uuid_of(zaak).lower()
        variants = [
            ["koppeling__registratie__exact__zaak", f"koppeling__uuid__exact__{zaak_uuid}"],
            ["koppeling__registratie__exact__zaak", f"koppeling__value__exact__{zaak_uuid}"],
            [f"zaak__icontains__{zaak_uuid}"],
        ]
        taken = [
            taak
            for _, taak in await self._query(variants, objecttype)
            if taak is not None and (taak.zaak_uuid or "").lower() == zaak_uuid
        ]
        return sorted(taken, key=_deadline_key)

    async def get(self, ref: Ref | BaseModel) -> Taak:
        """One taak by its object's URL or UUID.

        Args:
            ref: the object's URL, UUID or model.

        Returns:
            The taak.

        Raises:
            InputError: the object holds no taak.
        """
        return taak_from_object(await self._objects.get(ref))

    async def complete(self, taak: Taak) -> Taak:
        """Mark a taak done: a new record whose ``data.status`` is "afgerond".

        The data is written in the shape it was read in (`taak_to_data`), so the
        objecttype's JSON schema accepts it: a ``portaaltaak-v1`` taak gets "ingediend",
        the v1 name for "afgerond" (v1 schemas have no "afgerond"). The object is read
        first for its ``typeVersion``; the new record starts today.

        Args:
            taak: the taak, as read by this client (it must carry its object's URL or UUID).

        Returns:
            The taak as the server stored it.

        Raises:
            InputError: the taak does not say which object it came from.
        """
        ref = taak.object_url or (str(taak.object_uuid) if taak.object_uuid else None)
        if ref is None:
            raise InputError("complete() needs a taak read from the Objects API (no object_url).")
        obj = await self._objects.get(ref)
        done = TaakStatus.INGEDIEND if taak.variant == "portaaltaak-v1" else TaakStatus.AFGEROND
        data = taak_to_data(taak.model_copy(update={"status": done}))
        start = max(datetime.date.today(), obj.record.start_at)
        record: dict[str, Any] = {
            "typeVersion": obj.record.type_version,
            "data": data,
            "startAt": start.isoformat(),
        }
        if obj.record.geometry is not None:
            record["geometry"] = obj.record.geometry
        updated = await self._objects.partial_update(obj.url or ref, {"record": record})
        return taak_from_object(updated)


def _code(value: Any) -> str | None:
    return getattr(value, "value", value) if value is not None else None


class AsyncObjectenAPI(AsyncAPI):
    """The Objects API: ``client.objecten.objects``, ``.objecttypes`` and ``.taken``."""

    kind = "objecten"

    objects = AsyncResourceSlot(AsyncObjects)
    objecttypes = AsyncResourceSlot(AsyncObjecttypes)
    taken = AsyncResourceSlot(AsyncTaken)
