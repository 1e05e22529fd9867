"""The Producttypen API of Open Product 1.8.0 (API-version 1.7.0), the part a portal reads.

Served: ``producttypen`` (with ``/{uuid}/actuele-prijs``, ``/{uuid}/content`` and
``/actuele-prijzen``), ``themas`` (with ``/{uuid}/content-elementen``), ``prijzen``,
``links``, ``locaties``, ``organisaties``, ``contacten``, ``acties``, ``content`` and
``schemas``, with full CRUD, and ``contentlabels`` (a list), with ``page_size`` pagination
(100, max 500), snake_case bodies and problem bodies with ``invalid_params`` (snake_case
names), as the real server. Writes name related objects by UUID (``thema_uuids``,
``producttype_uuid``, ``organisatie_uuid``); reads embed them. ``gepubliceerd`` of a
producttype is computed from its publication dates.

As the real server, and unlike its spec: ``producttypen/{uuid}/content``,
``themas/{uuid}/content-elementen`` and ``producttypen/actuele-prijzen`` answer plain
arrays; a schema is addressed by a number its body does not show; acties take a
``direct_url`` (no DMN configurations exist, so a ``tabel_endpoint`` does not either);
content labels exist only when seeded (``backend.add("producttypen", "contentlabels", ...)``,
the real server makes them in its admin).

Not served (404): ``bestanden`` (multipart uploads) and the ``vertaling`` endpoints.
"""

from __future__ import annotations

import copy
import datetime as dt
import uuid as uuidlib
from typing import TYPE_CHECKING, ClassVar

import httpx

from ._filters import Filter
from ._open_product import (
    _UPL,
    API,
    DOELGROEPEN,
    STATUSES,
    OpenProductCollection,
    check_uuid_ref,
    check_uuid_refs,
    published,
)
from ._platform import (
    OPEN_PRODUCT_REQUIRED,
    FieldErrors,
    each,
    kind_of,
)
from ._producttype_parts import Contacten, Links, Locaties, Organisaties, Prijzen, _OfProducttype
from ._responses import json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


class Themas(OpenProductCollection):
    name = "themas"
    read_only = ("uuid", "url", "aanmaak_datum", "update_datum", "producttypen")
    filters = (
        Filter("naam"),
        Filter("gepubliceerd", type="bool"),
        Filter("hoofd_thema__uuid", type="uuid", field="hoofd_thema"),
    )

    def defaults(self) -> JSON:
        return {
            "naam": "",
            "beschrijving": "",
            "gepubliceerd": False,
            "aanmaak_datum": None,
            "update_datum": None,
            "hoofd_thema": None,
            "producttype_uuids": [],
        }

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        if not partial:
            # required, though ``null`` and ``[]`` are fine (as the real server says)
            errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
            for name in ("hoofd_thema", "producttype_uuids"):
                if name not in data:
                    errors.add(name, "required", OPEN_PRODUCT_REQUIRED)
            errors.raise_if_any()
        super().check(ctx, data, previous, partial=partial)

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "naam")
        errors.max_length(data, {"naam": 255})
        check_uuid_ref(self.backend, errors, data, "hoofd_thema", "themas")
        check_uuid_refs(self.backend, errors, data, "producttype_uuids", "producttypen")
        errors.raise_if_any()

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        for key in body.pop("producttype_uuids", None) or []:
            producttype = self.backend.table(API, "producttypen").get(str(key))
            if producttype is not None and body["uuid"] not in producttype["thema_uuids"]:
                producttype["thema_uuids"].append(body["uuid"])

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        rendered.pop("producttype_uuids", None)
        producttypen = producttypen_of(self.backend)
        rendered["producttypen"] = [
            producttypen.nested(p)
            for p in self.backend.table(API, "producttypen").values()
            if body["uuid"] in p.get("thema_uuids", [])
        ]
        return rendered

    def nested(self, body: JSON) -> JSON:
        rendered = super().render(body)
        rendered.pop("producttype_uuids", None)
        return rendered

    def register(self, router: Router) -> None:
        super().register(router)
        router.add(API, "themas/{uuid}/content-elementen", {"GET": self.handle_content})

    def handle_content(self, ctx: RequestContext) -> httpx.Response:
        return _content(self.backend).of(ctx, "thema_uuid", self.get_or_404(ctx)["uuid"])


class ProductTypen(OpenProductCollection):
    name = "producttypen"
    read_only = (
        "uuid",
        "url",
        "aanmaak_datum",
        "update_datum",
        "gepubliceerd",
        "taal",
        "themas",
        "locaties",
        "organisaties",
        "contacten",
        "prijzen",
        "links",
        "acties",
        "bestanden",
        "verbruiksobject_schema",
        "dataobject_schema",
    )
    filters = (
        Filter("code"),
        Filter("naam"),
        Filter("naam__icontains", field="naam"),
        Filter("uniforme_product_naam"),
        Filter("doelgroep", type="choice", choices=DOELGROEPEN),
        Filter("gepubliceerd", type="bool"),
        Filter("themas__uuid", type="uuid", values=each("themas", "uuid")),
        Filter("keywords", field="keywords"),
    )

    def defaults(self) -> JSON:
        return {
            "uniforme_product_naam": None,
            "doelgroep": "",
            "thema_uuids": [],
            "locatie_uuids": [],
            "organisatie_uuids": [],
            "eigenaar": None,
            "contact_uuids": [],
            "naam": "",
            "samenvatting": "",
            "externe_codes": [],
            "parameters": [],
            "publicatie_start_datum": None,
            "publicatie_eind_datum": None,
            "aanmaak_datum": None,
            "update_datum": None,
            "code": "",
            "toegestane_statussen": [],
            "keywords": [],
            "interne_opmerkingen": "",
            "zaaktypen": [],
            "verzoektypen": [],
            "processen": [],
        }

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "code", "doelgroep", "naam", "samenvatting", "thema_uuids")
        errors.choice(data, "doelgroep", DOELGROEPEN)
        errors.max_length(data, {"code": 255, "naam": 255})
        for name in ("publicatie_start_datum", "publicatie_eind_datum"):
            errors.date(data, name)
        for index, status in enumerate(data.get("toegestane_statussen") or []):
            if status not in STATUSES:
                errors.add(
                    f"toegestane_statussen.{index}",
                    "invalid_choice",
                    f'"{status}" is een ongeldige keuze.',
                )
        for name, table in (
            ("thema_uuids", "themas"),
            ("locatie_uuids", "locaties"),
            ("organisatie_uuids", "organisaties"),
            ("contact_uuids", "contacten"),
        ):
            check_uuid_refs(self.backend, errors, data, name, table)
        errors.raise_if_any()

    def _embedded(self, table: str, keys: list[str]) -> list[JSON]:
        collection = self.backend.collections[(API, table)]
        rows = self.backend.table(API, table)
        return [collection.render(rows[str(k)]) for k in keys if str(k) in rows]

    def nested(self, body: JSON, *, with_themas: bool = False) -> JSON:
        """The ``NestedProductType`` form (in a thema; with ``themas`` in a product)."""
        nested: JSON = {
            "uuid": body["uuid"],
            "code": body["code"],
            "naam": body["naam"],
            "keywords": list(body.get("keywords", [])),
            "uniforme_product_naam": body.get("uniforme_product_naam"),
            "toegestane_statussen": list(body.get("toegestane_statussen", [])),
            "gepubliceerd": published(body),
            "publicatie_start_datum": body.get("publicatie_start_datum"),
            "publicatie_eind_datum": body.get("publicatie_eind_datum"),
            "aanmaak_datum": body.get("aanmaak_datum"),
            "update_datum": body.get("update_datum"),
        }
        if with_themas:
            themas = _themas(self.backend)
            rows = self.backend.table(API, "themas")
            nested["themas"] = [
                themas.nested(rows[k]) for k in body.get("thema_uuids", []) if k in rows
            ]
        nested["taal"] = "nl"
        return nested

    def render(self, body: JSON) -> JSON:
        b = copy.deepcopy(body)
        themas = _themas(self.backend)
        theme_rows = self.backend.table(API, "themas")
        related = {
            name: [
                {k: v for k, v in row.items() if k != "producttype_uuid"}
                for row in self.backend.all(API, name)
                if row.get("producttype_uuid") == b["uuid"]
            ]
            for name in ("prijzen", "links")
        }
        return {
            "uuid": b["uuid"],
            "uniforme_product_naam": b.get("uniforme_product_naam"),
            "doelgroep": b.get("doelgroep"),
            "themas": [themas.nested(theme_rows[k]) for k in b["thema_uuids"] if k in theme_rows],
            "locaties": self._embedded("locaties", b["locatie_uuids"]),
            "organisaties": self._embedded("organisaties", b["organisatie_uuids"]),
            "eigenaar": b.get("eigenaar"),
            "contacten": self._embedded("contacten", b["contact_uuids"]),
            "prijzen": related["prijzen"],
            "links": related["links"],
            "acties": [
                _acties(self.backend).nested(row)
                for row in self.backend.all(API, "acties")
                if row.get("producttype_uuid") == b["uuid"]
            ],
            "bestanden": [],
            "naam": b["naam"],
            "samenvatting": b["samenvatting"],
            "taal": "nl",
            "externe_codes": b.get("externe_codes", []),
            "parameters": b.get("parameters", []),
            "verbruiksobject_schema": None,
            "dataobject_schema": None,
            "gepubliceerd": published(b),
            "publicatie_start_datum": b.get("publicatie_start_datum"),
            "publicatie_eind_datum": b.get("publicatie_eind_datum"),
            "aanmaak_datum": b.get("aanmaak_datum"),
            "update_datum": b.get("update_datum"),
            "code": b["code"],
            "toegestane_statussen": b.get("toegestane_statussen", []),
            "keywords": b.get("keywords", []),
            "interne_opmerkingen": b.get("interne_opmerkingen", ""),
            "zaaktypen": b.get("zaaktypen", []),
            "verzoektypen": b.get("verzoektypen", []),
            "processen": b.get("processen", []),
        }

    def register(self, router: Router) -> None:
        super().register(router)
        router.add(API, "producttypen/{uuid}/actuele-prijs", {"GET": self.handle_actuele_prijs})
        router.add(API, "producttypen/actuele-prijzen", {"GET": self.handle_actuele_prijzen})
        router.add(API, "producttypen/{uuid}/content", {"GET": self.handle_content})

    def handle_content(self, ctx: RequestContext) -> httpx.Response:
        return _content(self.backend).of(ctx, "producttype_uuid", self.get_or_404(ctx)["uuid"])

    def handle_actuele_prijzen(self, ctx: RequestContext) -> httpx.Response:
        """Every producttype's price in force: a plain array, as the real server answers."""
        return json_response(200, [self.actuele_prijs(b) for b in self.backend.all(API, self.name)])

    def handle_actuele_prijs(self, ctx: RequestContext) -> httpx.Response:
        return json_response(200, self.actuele_prijs(self.get_or_404(ctx)))

    def actuele_prijs(self, body: JSON) -> JSON:
        today = dt.date.today().isoformat()
        prijzen = [
            p
            for p in self.backend.all(API, "prijzen")
            if p.get("producttype_uuid") == body["uuid"] and p.get("actief_vanaf", "") <= today
        ]
        current = max(prijzen, key=lambda p: p["actief_vanaf"], default=None)
        if current is not None:
            current = {k: v for k, v in current.items() if k != "producttype_uuid"}
        return {
            "uuid": body["uuid"],
            "code": body["code"],
            "upl_naam": body.get("uniforme_product_naam") or "",
            "upl_uri": f"{_UPL}{body.get('uniforme_product_naam') or ''}",
            "actuele_prijs": current,
        }


def _themas(backend: InMemoryBackend) -> Themas:
    collection = backend.collections[(API, "themas")]
    assert isinstance(collection, Themas)
    return collection


def producttypen_of(backend: InMemoryBackend) -> ProductTypen:
    collection = backend.collections[(API, "producttypen")]
    assert isinstance(collection, ProductTypen)
    return collection


class Acties(_OfProducttype):
    """Acties with a ``direct_url`` (rendered as ``url``); DMN tables are not configured."""

    name = "acties"
    required = ("naam",)
    filters: ClassVar[tuple[Filter, ...]] = (
        Filter("producttype__uuid", type="uuid", field="producttype_uuid"),
        Filter("naam"),
    )

    def defaults(self) -> JSON:
        return {"naam": "", "direct_url": "", "producttype_uuid": None, "mapping": None}

    def clean_input(self, data: JSON) -> JSON:
        known = {*self.defaults(), "tabel_endpoint", "dmn_tabel_id"}
        return {k: v for k, v in data.items() if k in known}

    def check_fields(self, errors: FieldErrors, data: JSON) -> None:
        errors.max_length(data, {"naam": 255})
        errors.url(data, "direct_url")
        endpoint = data.pop("tabel_endpoint", None)
        data.pop("dmn_tabel_id", None)
        if endpoint:
            errors.add(
                "tabel_endpoint",
                "does_not_exist",
                f"Object met tabel_endpoint={endpoint} bestaat niet.",
            )
        elif not data.get("direct_url"):
            errors.add("model_errors", "invalid", "Een actie moet een url of een dmn tabel hebben.")

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        key = data.get("uuid") or str(uuidlib.uuid4())
        body = {"uuid": key, **self.defaults(), **{k: v for k, v in data.items() if k != "url"}}
        stored = {**body, "url": self.url_for(key)}  # ``url`` is rendered from direct_url
        self.backend.store(API, self.name, key, stored)
        return stored

    def render(self, body: JSON) -> JSON:
        return {
            "uuid": body["uuid"],
            "naam": body.get("naam", ""),
            "url": self._link(body),
            "producttype_uuid": body.get("producttype_uuid"),
            "mapping": body.get("mapping"),
        }

    def nested(self, body: JSON) -> JSON:
        return {
            "uuid": body["uuid"],
            "naam": body.get("naam", ""),
            "url": self._link(body),
            "mapping": body.get("mapping"),
        }

    @staticmethod
    def _link(body: JSON) -> str:
        return str(body["direct_url"] if "direct_url" in body else body.get("url", ""))


class ContentLabels(OpenProductCollection):
    """Labels exist only when seeded: the real server makes them in its admin."""

    name = "contentlabels"
    operations = frozenset({"list"})

    def defaults(self) -> JSON:
        return {"naam": ""}

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        key = str(data["naam"])
        stored = {"naam": key, "url": self.url_for(key)}
        self.backend.store(API, self.name, key, stored)
        return stored

    def render(self, body: JSON) -> JSON:
        return {"naam": body["naam"]}


class Content(OpenProductCollection):
    """Content elements of a producttype or a thema (Markdown), in Dutch only."""

    name = "content"
    read_only = ("uuid", "url", "taal")
    filters = (
        Filter("producttype__uuid", type="uuid", field="producttype_uuid"),
        Filter("thema__uuid", type="uuid", field="thema_uuid"),
    )

    def defaults(self) -> JSON:
        return {
            "content": "",
            "aanvullende_informatie": "",
            "labels": [],
            "producttype_uuid": None,
            "thema_uuid": None,
        }

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "content")
        check_uuid_ref(self.backend, errors, data, "producttype_uuid", "producttypen")
        check_uuid_ref(self.backend, errors, data, "thema_uuid", "themas")
        known = self.backend.table(API, "contentlabels")
        for label in data.get("labels") or []:
            if str(label) not in known:
                errors.add("labels", "does_not_exist", f"Object met naam={label} bestaat niet.")
        errors.raise_if_any()
        if not data.get("producttype_uuid") and not data.get("thema_uuid"):
            errors.add("model_errors", "invalid", "Geef een producttype of thema op.")
        errors.raise_if_any()

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        return {**rendered, "taal": "nl"}

    def nested(self, body: JSON) -> JSON:
        return {
            "uuid": body["uuid"],
            "taal": "nl",
            "content": body.get("content", ""),
            "aanvullende_informatie": body.get("aanvullende_informatie", ""),
            "labels": list(body.get("labels", [])),
        }

    def of(self, ctx: RequestContext, field: str, key: str) -> httpx.Response:
        """``producttypen/{uuid}/content`` and ``themas/{uuid}/content-elementen``: a plain
        array (the real server does not paginate them), filtered by ``labels`` and
        ``exclude_labels`` (comma-separated)."""
        wanted = {v for value in ctx.query.get_list("labels") for v in value.split(",") if v}
        unwanted = {
            v for value in ctx.query.get_list("exclude_labels") for v in value.split(",") if v
        }
        rows = [
            self.nested(row)
            for row in self.backend.all(API, self.name)
            if row.get(field) == key
            and (not wanted or wanted & set(row.get("labels", [])))
            and not unwanted & set(row.get("labels", []))
        ]
        return json_response(200, rows)


class Schemas(OpenProductCollection):
    """JSON schemas, addressed by a number (``/schemas/{id}``) the bodies never show."""

    name = "schemas"
    uuid_field = False
    filters = (Filter("naam"), Filter("naam__contains", field="naam"))

    def defaults(self) -> JSON:
        return {"naam": "", "schema": {}}

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "naam", "schema")
        errors.max_length(data, {"naam": 200})
        if "schema" in data and not isinstance(data["schema"], dict):
            errors.add(
                "schema",
                "not_a_dict",
                f'Verwachtte een dictionary, maar kreeg "{kind_of(data["schema"])}".',
            )
        errors.raise_if_any()

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        key = (
            (previous or {}).get("uuid")
            or data.get("uuid")
            or str(max((int(k) for k in self.backend.table(API, self.name)), default=0) + 1)
        )
        body = {
            "uuid": key,
            **self.defaults(),
            **{k: v for k, v in data.items() if k in ("naam", "schema")},
        }
        stored = {**body, "url": self.url_for(key)}
        self.backend.store(API, self.name, key, stored)
        return stored

    def render(self, body: JSON) -> JSON:
        return {"naam": body["naam"], "schema": body["schema"]}


def _acties(backend: InMemoryBackend) -> Acties:
    collection = backend.collections[(API, "acties")]
    assert isinstance(collection, Acties)
    return collection


def _content(backend: InMemoryBackend) -> Content:
    collection = backend.collections[(API, "content")]
    assert isinstance(collection, Content)
    return collection


def install(backend: InMemoryBackend) -> None:
    for collection in (
        Locaties,
        Organisaties,
        Contacten,
        Themas,
        ProductTypen,
        Prijzen,
        Links,
        Acties,
        ContentLabels,
        Content,
        Schemas,
    ):
        backend.register(collection)
