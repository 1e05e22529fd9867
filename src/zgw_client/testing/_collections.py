"""The generic collection resource: list, create, read, update, partial update, delete.

An API module declares one subclass of [`Collection`][zgw_client.testing.Collection] per resource
and overrides the hooks it needs; the engine here does the HTTP side the same way for every
resource:

* list: filters (`_filters`), ``ordering``, ``expand``, DRF pagination or a plain array;
* read: ``ETag`` and ``If-None-Match`` -> 304, ``expand``;
* writes: read-only fields dropped, unknown fields dropped, required fields, references into
  the backend that do not exist, URL/date formats, then the ``validate`` hook; 201 with
  ``Location``; audit trail entries when ``audit_main_object`` names a main object.

Hooks, in the order they run on a write: ``defaults`` (the full server shape, in the server's
key order), ``validate`` (HTTP only), ``prepare`` (server-computed fields), store,
``after_write`` (side effects on other resources). ``render`` adds read-time derived fields
(e.g. a zaak's ``rollen``), ``after_delete`` cascades.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid as uuidlib
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._expand import expand_resource, parse_expand
from ._filters import Filter, apply_filters, is_url, parse_datetime
from ._pagination import paginate
from ._problems import INVALID_CHOICE, REQUIRED, InvalidParam, ProblemError, validation_error
from ._responses import empty_response, etag_of, if_none_match, json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

OPERATIONS = frozenset({"list", "create", "read", "update", "partial_update", "delete"})
_RESERVED_QUERY = frozenset({"page", "pageSize", "expand", "ordering"})


def rsin_is_valid(value: str) -> bool:
    """The 11-proof for RSIN/BSN (nine digits)."""
    if len(value) != 9 or not value.isdigit():
        return False
    total = sum(int(d) * w for d, w in zip(value[:8], range(9, 1, -1), strict=True))
    return (total - int(value[8])) % 11 == 0


class Collection:
    """One resource collection of one API. Subclass and set the class attributes.

    Attributes:
        api: the API name (``"zaken"``).
        name: the store table, and the default URL path of the list.
        path: the list path below the API root, if not ``name``; may hold placeholders
            (``"zaken/{zaak_uuid}/zaakeigenschappen"``) that
            [`path_params`][zgw_client.testing.Collection.path_params] fills.
        paginated: ``False`` for endpoints that answer a plain JSON array.
        operations: the subset of ``list create read update partial_update delete``.
        required: fields a write must carry.
        url_fields / date_fields / datetime_fields / rsin_fields: format checks on writes.
        choice_fields: field -> allowed values.
        references: field -> ``"api/collection"``; a URL into this backend must exist.
        filters: the list filters; ordering: the allowed ``ordering`` fields.
        newest_first: default list order is newest first (Open Zaak zaken) instead of oldest.
        crs: the endpoints demand ``Accept-Crs``/``Content-Crs``.
        expand: the allowed ``expand`` values (empty: the endpoint has no ``expand``).
        expand_since: the first API version with ``expand``; older served versions ignore it.
        uuid_field: the body has a ``uuid`` key (Catalogi resources only have ``url``).
        parent: for nested paths, ``(placeholder, field)``: ``("zaak_uuid", "zaak")`` makes
            ``zaken/{zaak_uuid}/zaakeigenschappen`` list only the zaak's resources and fill
            ``zaak`` from the URL on writes.
        audit_resource: the ``resource`` name in audit trail entries (``"zaak"``, ``"rol"``).
    """

    api: ClassVar[str]
    name: ClassVar[str]
    path: ClassVar[str | None] = None
    paginated: ClassVar[bool] = True
    operations: ClassVar[frozenset[str]] = OPERATIONS
    required: ClassVar[tuple[str, ...]] = ()
    url_fields: ClassVar[tuple[str, ...]] = ()
    date_fields: ClassVar[tuple[str, ...]] = ()
    datetime_fields: ClassVar[tuple[str, ...]] = ()
    rsin_fields: ClassVar[tuple[str, ...]] = ()
    choice_fields: ClassVar[Mapping[str, tuple[str, ...]]] = {}
    references: ClassVar[Mapping[str, str]] = {}
    filters: ClassVar[tuple[Filter, ...]] = ()
    ordering: ClassVar[tuple[str, ...]] = ()
    newest_first: ClassVar[bool] = False
    crs: ClassVar[bool] = False
    expand: ClassVar[frozenset[str]] = frozenset()
    expand_since: ClassVar[tuple[int, ...]] = (0,)
    uuid_field: ClassVar[bool] = True
    parent: ClassVar[tuple[str, str] | None] = None
    audit_resource: ClassVar[str] = ""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend
        self._render_cache: dict[Any, tuple[int, JSON]] = {}

    # -- hooks ----------------------------------------------------------------------------

    def defaults(self) -> JSON:
        """The full body of a new resource, in the server's key order (minus url/uuid)."""
        return {}

    def path_params(self, body: JSON) -> dict[str, str]:
        """Values for the placeholders of `path`, taken from a body."""
        if self.parent is None:
            return {}
        placeholder, field = self.parent
        return {placeholder: _key_from_url(body.get(field)) or ""}

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        """Extra checks of an HTTP write; raise
        [`ProblemError`][zgw_client.testing.ProblemError]."""

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        """Fill server-computed fields before the body is stored (HTTP writes and ``add``)."""

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        """Side effects on other resources after a create or update."""

    def after_delete(self, body: JSON) -> None:
        """Side effects after a delete (cascades)."""

    def render(self, body: JSON) -> JSON:
        """The representation of a stored body; add read-time derived fields here."""
        return copy.deepcopy(body)

    def render_write(self, body: JSON) -> JSON:
        """The representation in the 201/200 answer of a write (defaults to
        [`render`][zgw_client.testing.Collection.render])."""
        return self.render(body)

    def audit_main_object(self, body: JSON) -> str | None:
        """The URL of the main object (``hoofdObject``) whose audit trail records writes."""
        return None

    # -- store ----------------------------------------------------------------------------

    @property
    def table(self) -> dict[str, JSON]:
        return self.backend.table(self.api, self.name)

    def list_path(self, params: Mapping[str, str] | None = None) -> str:
        return (self.path or self.name).format(**(params or {}))

    def url_for(self, key: str, params: Mapping[str, str] | None = None) -> str:
        return f"{self.backend.api_roots[self.api]}{self.list_path(params)}/{key}"

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        """Store a new (or replaced) resource; fills url/uuid and defaults. No validation."""
        key = data.get("uuid") or _key_from_url(data.get("url")) or str(uuidlib.uuid4())
        url = data.get("url") or self.url_for(key, self.path_params(data))
        head: JSON = {"url": url, "uuid": key} if self.uuid_field else {"url": url}
        body = {**head, **self.defaults(), **{k: v for k, v in data.items() if k not in head}}
        self.prepare(body, previous)
        self.backend.store(self.api, self.name, key, body)
        self.after_write(body, previous)
        return body

    def remove(self, key: str) -> JSON | None:
        body = self.backend.unstore(self.api, self.name, key)
        if body is not None:
            self.after_delete(body)
        return body

    # -- routes ---------------------------------------------------------------------------

    def register(self, router: Router) -> None:
        ops = self.operations
        list_handlers = {}
        if "list" in ops:
            list_handlers["GET"] = self.handle_list
        if "create" in ops:
            list_handlers["POST"] = self.handle_create
        detail_handlers = {}
        if "read" in ops:
            detail_handlers["GET"] = self.handle_read
        if "update" in ops:
            detail_handlers["PUT"] = self.handle_update
        if "partial_update" in ops:
            detail_handlers["PATCH"] = self.handle_update
        if "delete" in ops:
            detail_handlers["DELETE"] = self.handle_delete
        base = self.path or self.name
        if list_handlers:
            router.add(self.api, base, list_handlers, crs=self.crs)
        if detail_handlers:
            router.add(self.api, f"{base}/{{uuid}}", detail_handlers, crs=self.crs)

    # -- handlers -------------------------------------------------------------------------

    def handle_list(self, ctx: RequestContext) -> httpx.Response:
        given = [(k, v) for k, v in ctx.query.multi_items() if k not in _RESERVED_QUERY]
        items = self.query(ctx, given, ctx.query.get_list("ordering"))
        return self.list_response(ctx, items, ctx.query.get_list("expand"))

    def query(
        self,
        ctx: RequestContext,
        given: list[tuple[str, Any]],
        ordering: list[str],
    ) -> list[JSON]:
        """Rendered, filtered and ordered resources of this collection."""
        parent = self._parent_filter(ctx).items()
        rows = [
            self.rendered(body)
            for body in self.table.values()
            if all(body.get(k) == v for k, v in parent)
        ]
        if self.newest_first:
            rows.reverse()
        rows = apply_filters(ctx, rows, self.filters, given)
        # The cached renders are shared: hand out copies. Callers only set top-level keys
        # (``expand`` adds ``_expand``), so a shallow copy is enough and far cheaper.
        return [dict(row) for row in self.order(rows, ordering)]

    def rendered(self, body: JSON) -> JSON:
        """``render(body)``, cached until the next write anywhere in the backend (shared:
        do not change it).

        Filtering a list renders every stored body; without the cache a list of statussen
        deep-copies the whole table on every request.
        """
        key = body.get("url", id(body))
        cached = self._render_cache.get(key)
        generation = self.backend.generation
        if cached is not None and cached[0] == generation:
            return cached[1]
        rendered = self.render(body)
        self._render_cache[key] = (generation, rendered)
        return rendered

    def _parent_filter(self, ctx: RequestContext) -> dict[str, str]:
        """For nested lists (``zaken/{zaak_uuid}/...``): the parent field and its URL."""
        if self.parent is None:
            return {}
        placeholder, field = self.parent
        prefix = (self.path or self.name).split(f"{{{placeholder}}}")[0]
        parent_url = f"{self.backend.api_roots[self.api]}{prefix}{ctx.params[placeholder]}"
        if self.backend.get(parent_url) is None:
            raise ProblemError(404)
        return {field: parent_url}

    def order(self, rows: list[JSON], ordering: list[str]) -> list[JSON]:
        fields = [f for raw in ordering for f in raw.split(",") if f]
        for field in fields:
            if field.lstrip("-") not in self.ordering:
                raise validation_error(
                    InvalidParam("ordering", "invalid_choice", INVALID_CHOICE.format(value=field))
                )
        for field in reversed(fields):
            name = field.lstrip("-")
            present = [r for r in rows if r.get(name) not in (None, "")]
            missing = [r for r in rows if r.get(name) in (None, "")]
            present.sort(key=lambda r: str(r[name]), reverse=field.startswith("-"))
            # PostgreSQL puts NULLs last ascending and first descending
            rows = missing + present if field.startswith("-") else present + missing
        return rows

    def expand_paths(self, raw: list[str]) -> list[str]:
        if not self.expand or not self.backend.supports(self.api, self.expand_since):
            return []
        return parse_expand(raw, self.expand)

    def list_response(
        self, ctx: RequestContext, rows: list[JSON], expand_raw: list[str]
    ) -> httpx.Response:
        paths = self.expand_paths(expand_raw)
        if self.paginated:
            page = paginate(ctx.url, rows, ctx.query.get("page"), ctx.query.get("pageSize"))
            page["results"] = [self._expanded(r, paths) for r in page["results"]]
            return json_response(200, page)
        return json_response(200, [self._expanded(r, paths) for r in rows])

    def _expanded(self, row: JSON, paths: list[str]) -> JSON:
        return expand_resource(row, paths, self.backend.resolve_for_expand) if paths else row

    def get_or_404(self, ctx: RequestContext) -> JSON:
        body = self.table.get(ctx.params["uuid"])
        if body is None or not all(body.get(k) == v for k, v in self._parent_filter(ctx).items()):
            raise ProblemError(404)
        return body

    def handle_read(self, ctx: RequestContext) -> httpx.Response:
        rendered = self.render(self.get_or_404(ctx))
        etag = etag_of(rendered)
        if if_none_match(ctx.request.headers.get("If-None-Match"), etag):
            return empty_response(304, {"ETag": etag})
        paths = self.expand_paths(ctx.query.get_list("expand"))
        return json_response(200, self._expanded(rendered, paths), {"ETag": etag})

    def handle_create(self, ctx: RequestContext) -> httpx.Response:
        data = self.clean_input(ctx.json_object())
        data.update(self.path_params_from_route(ctx))
        self.check(ctx, data, None, partial=False)
        body = self.insert(data)
        self.backend.record_audit(ctx, self, "create", None, body)
        return json_response(201, self.render_write(body), {"Location": body["url"]})

    def path_params_from_route(self, ctx: RequestContext) -> JSON:
        """Body fields implied by the URL of a nested list (e.g. ``zaak``)."""
        return dict(self._parent_filter(ctx))

    def handle_update(self, ctx: RequestContext) -> httpx.Response:
        previous = self.get_or_404(ctx)
        partial = ctx.method == "PATCH"
        data = self.clean_input(ctx.json_object())
        data.update(self.path_params_from_route(ctx))
        self.check(ctx, data, previous, partial=partial)
        keep: JSON = {k: previous[k] for k in ("url", "uuid") if k in previous}
        merged = {**previous, **data} if partial else {**keep, **data}
        body = self.insert(merged, previous)
        if partial:
            self.backend.record_audit(ctx, self, "partial_update", previous, body)
        else:
            self.backend.record_audit(ctx, self, "update", previous, body)
        return json_response(200, self.render_write(body))

    def handle_delete(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        main = self.audit_main_object(body)
        self.remove(ctx.params["uuid"])
        self.backend.record_audit(ctx, self, "destroy", body, None, main_object=main)
        return empty_response(204)

    # -- validation -----------------------------------------------------------------------

    def clean_input(self, data: JSON) -> JSON:
        """Drop read-only and unknown fields, as DRF ignores them."""
        known = set(self.defaults())
        return {
            k: v for k, v in data.items() if k not in ("url", "uuid") and (not known or k in known)
        }

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        """Required fields (all), then references (first), then formats (all), then hook."""
        missing = []
        for field in self.required:
            if partial and field not in data:
                continue
            if field not in data:
                missing.append(InvalidParam(field, "required", REQUIRED))
            elif data[field] is None:
                missing.append(InvalidParam(field, "null", "Dit veld mag niet leeg zijn."))
            elif data[field] == "":
                missing.append(InvalidParam(field, "blank", "Dit veld mag niet leeg zijn."))
        if missing:
            raise validation_error(*missing)
        for field, target in self.references.items():
            value = data.get(field)
            if isinstance(value, str) and value and not self.backend.exists(value, target):
                raise validation_error(
                    InvalidParam(
                        field,
                        "does_not_exist",
                        f'Bad URL "{value}" - object could not be fetched. This *may* be '
                        "because you have insufficient read permissions.",
                    )
                )
        errors = list(self.format_errors(data))
        if errors:
            raise validation_error(*errors)
        self.validate(ctx, data, previous)

    def format_errors(self, data: JSON) -> list[InvalidParam]:
        errors: list[InvalidParam] = []
        for field in self.url_fields:
            value = data.get(field)
            if value not in (None, "") and not is_url(value):
                errors.append(InvalidParam(field, "invalid", "Voer een geldige URL in."))
        for field in self.date_fields:
            value = data.get(field)
            if value not in (None, "") and not _is_date(value):
                errors.append(
                    InvalidParam(
                        field,
                        "invalid",
                        "Datum heeft het verkeerde formaat, gebruik 1 van deze formaten: "
                        "YYYY-MM-DD.",
                    )
                )
        for field in self.datetime_fields:
            value = data.get(field)
            if value not in (None, "") and not _is_datetime(value):
                errors.append(
                    InvalidParam(
                        field,
                        "invalid",
                        "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende "
                        "formaten: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].",
                    )
                )
        for field in self.rsin_fields:
            value = data.get(field)
            if isinstance(value, str) and value and not rsin_is_valid(value):
                errors.append(InvalidParam(field, "invalid", "Onjuist RSIN nummer"))
        for field, allowed in self.choice_fields.items():
            value = data.get(field)
            if field in data and value not in allowed:
                errors.append(
                    InvalidParam(
                        field,
                        "invalid_choice",
                        f'"{value}" is een ongeldige keuze.',
                    )
                )
        return errors


def _key_from_url(url: object) -> str | None:
    if isinstance(url, str) and url:
        return url.rstrip("/").rsplit("/", 1)[-1]
    return None


def _is_date(value: object) -> bool:
    try:
        dt.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _is_datetime(value: object) -> bool:
    try:
        parse_datetime(str(value))
    except ValueError:
        return False
    return True
