"""The Objects API 2.7 as Open Object 4.0 serves it, with the objecttypes built in.

Resources: ``objecttypes`` (+ ``objecttypes/{uuid}/versions``), ``objects`` (+ ``search``,
``{uuid}/history`` and ``{uuid}/{index}``). Token auth (401), English problem texts, the list
key ``invalid_params``.

Server behaviour copied from the samples:

* ``Content-Crs`` is required on writes of objects (412, Dutch detail); ``Accept-Crs`` is
  optional; every objects response carries ``Content-Crs: EPSG:4326`` (objecttypes: none);
* no ``ETag``;
* ``record.data`` is validated against the JSON schema of the objecttype version: a 400
  ``invalid-json-schema`` with the validator's message in ``nonFieldErrors``;
* ``data_attr`` (repeatable, ``key__op__value``, nested keys with ``__``), ``data_attrs``
  (comma separated, deprecated) and ``data_icontains`` filter ``record.data``;
* ``POST objects/search`` takes the filters in the body; with ``data_attr`` in the body the
  real server crashes, so this answers its 500 HTML debug page too;
* a PUT/PATCH adds a record (``index`` + 1) and ends the previous one (``history``).
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._collections import Collection
from ._filters import Filter, is_url
from ._objecten_schema import (
    _HTML_500,
    REQUIRED,
    _is_date,
    _strings,
    _today,
    check_objects_crs,
    data_matches,
    english_checks,
    parse_data_attr,
    schema_error,
    with_content_crs,
)
from ._pagination import paginate
from ._problems import InvalidParam, ProblemError, validation_error
from ._responses import empty_response, json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "objecten"
DATA_CLASSIFICATION = ("open", "intern", "confidential", "strictly_confidential")
UPDATE_FREQUENCY = ("real_time", "hourly", "daily", "weekly", "monthly", "yearly", "unknown")
VERSION_STATUS = ("published", "draft", "deprecated")

BAD_HYPERLINK = "Invalid hyperlink - Object does not exist."
BAD_DATE = "Date has wrong format. Use one of these formats instead: YYYY-MM-DD."


# -- JSON schema ---------------------------------------------------------------------------


# -- data_attr -----------------------------------------------------------------------------


# -- CRS -----------------------------------------------------------------------------------


# -- objecttypes ---------------------------------------------------------------------------


class ObjectenCollection(Collection):
    """English validation, no ETag."""

    api = API
    read_only: ClassVar[tuple[str, ...]] = ()

    def clean_input(self, data: JSON) -> JSON:
        cleaned = super().clean_input(data)
        return {k: v for k, v in cleaned.items() if k not in self.read_only}

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        errors = english_checks(self, data, partial=partial)
        if errors:
            raise validation_error(*errors)
        self.validate(ctx, data, previous)

    def handle_read(self, ctx: RequestContext) -> httpx.Response:
        return json_response(200, self.render(self.get_or_404(ctx)))


class Objecttypes(ObjectenCollection):
    name = "objecttypes"
    required = ("name", "namePlural")
    url_fields = ("documentationUrl",)
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "dataClassification": DATA_CLASSIFICATION,
        "updateFrequency": UPDATE_FREQUENCY,
    }
    read_only = ("createdAt", "modifiedAt", "versions")
    filters = (Filter("dataClassification", type="choice", choices=DATA_CLASSIFICATION),)

    def defaults(self) -> JSON:
        return {
            "name": "",
            "namePlural": "",
            "description": "",
            "dataClassification": "open",
            "maintainerOrganization": "",
            "maintainerDepartment": "",
            "contactPerson": "",
            "contactEmail": "",
            "source": "",
            "updateFrequency": "unknown",
            "providerOrganization": "",
            "documentationUrl": "",
            "labels": {},
            "createdAt": None,
            "modifiedAt": None,
            "allowGeometry": True,
            "versions": [],
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        body["createdAt"] = (previous or {}).get("createdAt") or body.get("createdAt") or _today()
        body["modifiedAt"] = _today() if previous else body.get("modifiedAt") or _today()

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        versions = self.backend.related(API, "objecttype-versions", "objectType").get(
            body["url"], []
        )
        ordered = sorted(versions, key=lambda v: int(v.get("version") or 0))
        rendered["versions"] = [v["url"] for v in ordered]
        return rendered

    def after_delete(self, body: JSON) -> None:
        versions = self.backend.related(API, "objecttype-versions", "objectType")
        for version in list(versions.get(body["url"], [])):
            self.backend.unstore(API, "objecttype-versions", _version_key(version["url"]))


def _version_key(url: str) -> str:
    """``<objecttype uuid>/<version>``: version numbers repeat across objecttypes."""
    parts = url.rstrip("/").split("/")
    return f"{parts[-3]}/{parts[-1]}"


class ObjecttypeVersions(ObjectenCollection):
    name = "objecttype-versions"
    path = "objecttypes/{objecttype_uuid}/versions"
    parent = ("objecttype_uuid", "objectType")
    uuid_field = False
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"status": VERSION_STATUS}
    read_only = ("version", "createdAt", "modifiedAt", "publishedAt")

    def defaults(self) -> JSON:
        return {
            "version": None,
            "objectType": "",
            "status": "draft",
            "jsonSchema": {},
            "createdAt": None,
            "modifiedAt": None,
            "publishedAt": None,
        }

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        objecttype = str(data["objectType"])
        siblings = self.backend.related(API, self.name, "objectType").get(objecttype, [])
        version = (previous or data).get("version") or max(
            (int(v.get("version") or 0) for v in siblings), default=0
        ) + 1
        url = f"{objecttype}/versions/{version}"
        body = {"url": url, **self.defaults(), **data, "version": int(version)}
        self.prepare(body, previous)
        self.backend.store(API, self.name, _version_key(url), body)
        return body

    def get_or_404(self, ctx: RequestContext) -> JSON:
        self._parent_filter(ctx)
        body = self.table.get(f"{ctx.params['objecttype_uuid']}/{ctx.params['uuid']}")
        if body is None:
            raise ProblemError(404)
        return body

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        if previous is not None and previous.get("status") == "published":
            reason = "Only draft versions can be changed"
            raise validation_error(InvalidParam("nonFieldErrors", "invalid", reason))

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        body["createdAt"] = (previous or {}).get("createdAt") or body.get("createdAt") or _today()
        body["modifiedAt"] = _today() if previous else body.get("modifiedAt") or _today()
        if body.get("status") == "published" and not body.get("publishedAt"):
            body["publishedAt"] = _today()

    def handle_delete(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        self.backend.unstore(API, self.name, _version_key(body["url"]))
        return empty_response(204)


# -- objects -------------------------------------------------------------------------------


def _record_defaults() -> JSON:
    return {
        "index": None,
        "typeVersion": None,
        "data": {},
        "geometry": None,
        "references": [],
        "startAt": None,
        "endAt": None,
        "registrationAt": None,
        "correctionFor": None,
        "correctedBy": None,
    }


_RECORD_WRITABLE = ("typeVersion", "data", "geometry", "references", "startAt", "correctionFor")


class Objects(ObjectenCollection):
    name = "objects"

    def defaults(self) -> JSON:
        return {"type": "", "record": _record_defaults()}

    @property
    def history(self) -> dict[str, JSON]:
        """Object uuid -> ``{"records": [...]}``, every record an object has had."""
        return self.backend.table(API, "objectrecords")

    def register(self, router: Router) -> None:
        crs = with_content_crs
        router.add(API, "objects", {"GET": crs(self.handle_list), "POST": crs(self.handle_create)})
        router.add(
            API,
            "objects/{uuid}",
            {
                "GET": crs(self.handle_read),
                "PUT": crs(self.handle_update),
                "PATCH": crs(self.handle_update),
                "DELETE": crs(self.handle_delete),
            },
        )
        router.add(API, "objects/search", {"POST": crs(self.handle_search)})
        router.add(API, "objects/{uuid}/history", {"GET": crs(self.handle_history)})
        router.add(API, "objects/{uuid}/{index}", {"GET": crs(self.handle_record)})

    # -- store ---------------------------------------------------------------------------

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        given = body.get("record")
        record = {**_record_defaults(), **(given if isinstance(given, dict) else {})}
        if previous is not None:
            record["index"] = int(previous["record"].get("index") or 0) + 1
            record["registrationAt"] = _today()
            record["endAt"] = None
            record["correctedBy"] = None
        else:
            record["index"] = record.get("index") or 1
            record["registrationAt"] = record.get("registrationAt") or _today()
        body["record"] = record

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        records = self.history.setdefault(body["uuid"], {"records": []})["records"]
        record = body["record"]
        if records:
            records[-1]["endAt"] = record["startAt"]
        for old in records:
            if old["index"] == record.get("correctionFor"):
                old["correctedBy"] = record["index"]
        records.append(copy.deepcopy(record))

    def after_delete(self, body: JSON) -> None:
        self.history.pop(body["uuid"], None)

    # -- writes --------------------------------------------------------------------------

    def handle_create(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=True)
        given = ctx.json_object()
        data = self.validated(ctx, given, None)
        if isinstance(given.get("uuid"), str) and given["uuid"]:
            if given["uuid"] in self.table:
                reason = "Object with this UUID already exists."
                raise validation_error(InvalidParam("uuid", "unique", reason))
            data["uuid"] = given["uuid"]
        body = self.insert(data)
        self.backend.notifier.written(self, "create", None, body)
        return json_response(201, self.render(body), {"Location": body["url"]})

    def handle_update(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=True)
        previous = self.get_or_404(ctx)
        data = self.validated(ctx, ctx.json_object(), previous)
        body = self.insert({"uuid": previous["uuid"], "url": previous["url"], **data}, previous)
        action = "partial_update" if ctx.method == "PATCH" else "update"
        self.backend.notifier.written(self, action, previous, body)
        return json_response(200, self.render(body))

    def validated(self, ctx: RequestContext, given: JSON, previous: JSON | None) -> JSON:
        """``type`` and ``record`` checked, then ``record.data`` against the JSON schema."""
        partial = ctx.method == "PATCH"
        errors: list[InvalidParam] = []
        type_url = given.get("type", previous["type"] if previous else None)
        raw_record = given.get("record")
        if raw_record is None and not partial:
            errors.append(InvalidParam("record", "required", REQUIRED))
        if not type_url:
            errors.append(InvalidParam("type", "required", REQUIRED))
        record: JSON = {}
        if partial and previous is not None:
            record = {k: copy.deepcopy(previous["record"].get(k)) for k in _RECORD_WRITABLE}
        if isinstance(raw_record, dict):
            record.update({k: v for k, v in raw_record.items() if k in _RECORD_WRITABLE})
        if raw_record is not None or not partial:
            for field in ("typeVersion", "startAt"):
                if record.get(field) in (None, ""):
                    errors.append(InvalidParam(f"record.{field}", "required", REQUIRED))
            if record.get("startAt") and not _is_date(record["startAt"]):
                errors.append(InvalidParam("record.startAt", "invalid", BAD_DATE))
        if errors:
            raise validation_error(*errors)
        objecttype = self.backend.get(str(type_url))
        if objecttype is None or not self.backend.exists(str(type_url), f"{API}/objecttypes"):
            raise validation_error(InvalidParam("type", "does_not_exist", BAD_HYPERLINK))
        if previous is not None and type_url != previous["type"]:
            reason = "This field can't be changed"
            raise validation_error(InvalidParam("type", "immutable-field", reason))
        if partial and raw_record is None and previous is not None:
            return {"type": type_url, "record": record}
        version = self.backend.get(f"{type_url}/versions/{record['typeVersion']}")
        if version is None:
            reason = f"Object type version {record['typeVersion']} does not exist."
            raise validation_error(InvalidParam("nonFieldErrors", "unknown-version", reason))
        message = schema_error(version.get("jsonSchema"), record.get("data") or {})
        if message:
            raise validation_error(InvalidParam("nonFieldErrors", "invalid-json-schema", message))
        return {"type": type_url, "record": record}

    # -- reads ---------------------------------------------------------------------------

    def handle_read(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=False)
        return super().handle_read(ctx)

    def handle_list(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=False)
        query = ctx.query
        terms = {k: query.get(k) for k in ("type", "typeVersion", "date", "data_icontains")}
        rows = self.search(
            terms,
            [*query.get_list("data_attr")],
            query.get("data_attrs"),
            query.get("ordering"),
        )
        return self.page(ctx, rows)

    def handle_search(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=True)
        body = ctx.json_object()
        if "data_attr" in body:
            # Open Object 4.0 and Objects 3.6 crash on this (DEBUG page, 220 KB in reality)
            html = {"Content-Type": "text/html; charset=utf-8"}
            return httpx.Response(500, headers=html, content=_HTML_500.encode())
        terms = {k: body.get(k) for k in ("type", "typeVersion", "date", "data_icontains")}
        rows = self.search(terms, [], body.get("data_attrs"), body.get("ordering"))
        return self.page(ctx, rows)

    def page(self, ctx: RequestContext, rows: list[JSON]) -> httpx.Response:
        page = paginate(ctx.url, rows, ctx.query.get("page"), ctx.query.get("pageSize"))
        return json_response(200, page)

    def search(
        self,
        terms: dict[str, Any],
        data_attr: list[str],
        data_attrs: str | None,
        ordering: str | None,
    ) -> list[JSON]:
        """The rendered objects matching the Objects API filters."""
        rows = [self.rendered(body) for body in self.table.values()]  # shared: read only
        type_url = terms.get("type")
        if type_url:
            if not is_url(type_url):
                raise validation_error(InvalidParam("type", "invalid", "Enter a valid URL."))
            rows = [r for r in rows if r["type"] == type_url]
        if terms.get("typeVersion") not in (None, ""):
            try:
                version = int(terms["typeVersion"])
            except ValueError:
                reason = "Enter a whole number."
                raise validation_error(InvalidParam("typeVersion", "invalid", reason)) from None
            rows = [r for r in rows if r["record"]["typeVersion"] == version]
        if terms.get("date"):
            if not _is_date(terms["date"]):
                raise validation_error(InvalidParam("date", "invalid", "Enter a valid date."))
            day = str(terms["date"])
            rows = [
                r
                for r in rows
                if str(r["record"]["startAt"]) <= day
                and (not r["record"]["endAt"] or str(r["record"]["endAt"]) > day)
            ]
        expressions = [(raw, "data_attr") for raw in data_attr]
        if data_attrs:
            expressions += [(raw, "data_attrs") for raw in str(data_attrs).split(",") if raw]
        for raw, name in expressions:
            path, operator, value = parse_data_attr(raw, name)
            rows = [r for r in rows if data_matches(r["record"]["data"], path, operator, value)]
        needle = terms.get("data_icontains")
        if needle:
            text = str(needle).lower()
            rows = [
                r for r in rows if any(text in s.lower() for s in _strings(r["record"]["data"]))
            ]
        return self.sorted(rows, ordering)

    def sorted(self, rows: list[JSON], ordering: str | None) -> list[JSON]:
        """``ordering=-record__data__length,record__index``: nested fields, ``-`` descending."""
        for field in reversed([f for f in str(ordering or "").split(",") if f]):
            path = field.lstrip("-").split("__")

            def key(row: JSON, path: list[str] = path) -> tuple[int, str]:
                value: Any = row
                for part in path:
                    value = value.get(part) if isinstance(value, dict) else None
                if isinstance(value, (int, float)) and not isinstance(value, bool):
                    return (0, f"{value:020.6f}")
                return (1, "" if value is None else str(value))

            rows = sorted(rows, key=key, reverse=field.startswith("-"))
        return rows

    def handle_history(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=False)
        body = self.get_or_404(ctx)
        records = self.history.get(body["uuid"], {"records": [body["record"]]})["records"]
        return self.page(ctx, copy.deepcopy(records))

    def handle_record(self, ctx: RequestContext) -> httpx.Response:
        check_objects_crs(ctx, write=False)
        body = self.get_or_404(ctx)
        records = self.history.get(body["uuid"], {"records": [body["record"]]})["records"]
        for record in records:
            if str(record.get("index")) == ctx.params["index"]:
                return json_response(200, copy.deepcopy(record))
        raise ProblemError(404)


class Permissions(Collection):
    """``permissions``: the token's objecttype permissions; this backend grants all, lists none."""

    api = API
    name = "permissions"
    operations = frozenset({"list"})


COLLECTIONS: tuple[type[Collection], ...] = (
    Objecttypes,
    ObjecttypeVersions,
    Objects,
    Permissions,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Objects API collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
