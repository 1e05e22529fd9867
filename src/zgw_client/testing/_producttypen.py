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
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import httpx

from ._collections import _is_date
from ._filters import Filter
from ._platform import (
    OPEN_PRODUCT_REQUIRED,
    FieldErrors,
    PlatformCollection,
    each,
    kind_of,
    money,
)
from ._problems import ProblemError
from ._responses import json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "producttypen"
STATUSES = ("in_aanvraag", "gereed", "actief", "ingetrokken", "geweigerd", "verlopen")
DOELGROEPEN = (
    "burgers",
    "interne_organisatie",
    "samenwerkingspartners",
    "bedrijven_en_instellingen",
)
_UPL = "http://standaarden.overheid.nl/owms/terms/"
NOT_FOUND_UUID = "Object met uuid={value} bestaat niet."


def is_uuid(value: object) -> bool:
    try:
        uuidlib.UUID(str(value))
    except ValueError:
        return False
    return True


def check_uuid_ref(
    backend: InMemoryBackend, errors: FieldErrors, data: JSON, name: str, table: str
) -> None:
    """A ``UUIDRelatedField``: the UUID of an existing object of ``table``."""
    value = data.get(name)
    if value in (None, ""):
        return
    if not is_uuid(value):
        errors.add(name, "invalid", "Ongeldige waarde")
    elif str(value) not in backend.table(API, table):
        errors.add(name, "does_not_exist", NOT_FOUND_UUID.format(value=value))


def check_uuid_refs(
    backend: InMemoryBackend, errors: FieldErrors, data: JSON, name: str, table: str
) -> None:
    for index, value in enumerate(data.get(name) or []):
        if not is_uuid(value):
            errors.add(f"{name}.{index}", "invalid", "Ongeldige waarde")
        elif str(value) not in backend.table(API, table):
            errors.add(name, "does_not_exist", NOT_FOUND_UUID.format(value=value))


class OpenProductCollection(PlatformCollection):
    """Open Product: ``page_size``, timestamps, no ``url`` or ``urn`` unless declared."""

    api = API
    page_size_param = "page_size"
    has_url: ClassVar[bool] = False
    read_only: ClassVar[tuple[str, ...]] = ("uuid", "url", "aanmaak_datum", "update_datum")

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if "aanmaak_datum" in self.defaults():
            body["aanmaak_datum"] = (previous or {}).get("aanmaak_datum") or local_now()
            body["update_datum"] = local_now()

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        if not self.has_url:
            rendered.pop("url", None)
        return {"uuid": rendered.pop("uuid"), **rendered}


def local_now() -> str:
    """Now as Open Product renders it: in its TIME_ZONE (Europe/Amsterdam), with the offset
    (``2026-12-07T12:41:15.094677+01:00``); UTC where the zone database is missing."""
    try:
        zone: dt.tzinfo = ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # pragma: no cover - a system without tzdata
        zone = dt.timezone.utc
    return dt.datetime.now(zone).isoformat(timespec="microseconds")


def published(body: JSON, today: dt.date | None = None) -> bool:
    """Open Product's ``gepubliceerd``: started and not yet ended."""
    day = (today or dt.date.today()).isoformat()
    start, end = body.get("publicatie_start_datum"), body.get("publicatie_eind_datum")
    return bool(start) and str(start) <= day and (not end or str(end) > day)


class Locaties(OpenProductCollection):
    name = "locaties"
    filters: ClassVar[tuple[Filter, ...]] = (Filter("postcode"), Filter("stad"))

    def defaults(self) -> JSON:
        return {
            "naam": "",
            "email": "",
            "telefoonnummer": "",
            "straat": "",
            "huisnummer": "",
            "postcode": "",
            "stad": "",
        }

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "naam")
        errors.max_length(
            data,
            {"naam": 255, "telefoonnummer": 15, "straat": 255, "huisnummer": 10, "postcode": 7},
        )
        errors.raise_if_any()


class Organisaties(Locaties):
    name = "organisaties"
    filters = (Filter("code"), Filter("postcode"), Filter("stad"))

    def defaults(self) -> JSON:
        return {"naam": "", "code": "", **super().defaults()}

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "naam", "code")
        errors.raise_if_any()
        super().check_body(ctx, data, previous)


class Contacten(OpenProductCollection):
    name = "contacten"
    read_only = ("uuid", "url", "organisatie")
    filters = (Filter("naam"), Filter("rol"), Filter("organisatie__uuid", type="uuid"))

    def defaults(self) -> JSON:
        return {"organisatie_uuid": None, "naam": "", "email": "", "telefoonnummer": "", "rol": ""}

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "naam")
        check_uuid_ref(self.backend, errors, data, "organisatie_uuid", "organisaties")
        errors.raise_if_any()

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        organisatie = self.backend.table(API, "organisaties").get(
            str(rendered.pop("organisatie_uuid", None))
        )
        return {
            "uuid": rendered.pop("uuid"),
            "organisatie": _organisaties(self.backend).render(organisatie) if organisatie else None,
            **rendered,
        }


def _organisaties(backend: InMemoryBackend) -> OpenProductCollection:
    collection = backend.collections[(API, "organisaties")]
    assert isinstance(collection, OpenProductCollection)
    return collection


class _OfProducttype(OpenProductCollection):
    """Prijzen and links: each belongs to one producttype (``producttype_uuid``)."""

    filters: ClassVar[tuple[Filter, ...]] = (
        Filter("producttype__uuid", type="uuid", field="producttype_uuid"),
    )

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "producttype_uuid", *self.required)
        check_uuid_ref(self.backend, errors, data, "producttype_uuid", "producttypen")
        self.check_fields(errors, data)
        errors.raise_if_any()

    def check_fields(self, errors: FieldErrors, data: JSON) -> None:
        """Checks of the resource's own fields."""


class Links(_OfProducttype):
    name = "links"
    required = ("naam", "url")

    def defaults(self) -> JSON:
        return {"naam": "", "url": "", "producttype_uuid": None}

    def clean_input(self, data: JSON) -> JSON:
        # ``url`` is the link itself here, not the resource's own URL
        known = set(self.defaults())
        return {k: v for k, v in data.items() if k in known}

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        key = data.get("uuid") or str(uuidlib.uuid4())
        body = {"uuid": key, **self.defaults(), **data}
        self.prepare(body, previous)
        # stored under a private URL: the body's ``url`` is the link
        self.backend.store(API, self.name, key, {**body, "_self": self.url_for(key)})
        return body

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        rendered.pop("_self", None)
        return {"uuid": rendered.pop("uuid"), **rendered}

    def check_fields(self, errors: FieldErrors, data: JSON) -> None:
        errors.url(data, "url")
        errors.max_length(data, {"naam": 255, "url": 200})


class Prijzen(_OfProducttype):
    name = "prijzen"
    required = ("actief_vanaf",)

    def defaults(self) -> JSON:
        return {
            "producttype_uuid": None,
            "prijsopties": [],
            "prijsregels": [],
            "actief_vanaf": None,
        }

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        """As the real server: ``actief_vanaf`` (when sent) not before today and every
        ``bedrag`` at least 0.01; a second price of a producttype on the same day breaks
        its unique constraint and answers 500 (the server's own bug)."""
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        today = dt.date.today().isoformat()
        value = data.get("actief_vanaf")
        if isinstance(value, str) and _is_date(value) and value < today:
            errors.add(
                "actief_vanaf", "min_value", f"Zorg ervoor dat deze waarde minstens {today} is."
            )
        for index, optie in enumerate(data.get("prijsopties") or []):
            bedrag = optie.get("bedrag") if isinstance(optie, dict) else None
            try:
                too_low = bedrag is not None and Decimal(str(bedrag)) < Decimal("0.01")
            except InvalidOperation:
                too_low = False
            if too_low:
                errors.add(
                    f"prijsopties.{index}.bedrag",
                    "min_value",
                    "Zorg ervoor dat deze waarde groter is dan of gelijk is aan 0.01.",
                )
        errors.raise_if_any()
        super().check(ctx, data, previous, partial=partial)
        merged = {**(previous or {}), **data}
        for other in self.table.values():
            same_day = other.get("actief_vanaf") == merged.get("actief_vanaf")
            same_type = str(other.get("producttype_uuid")) == str(merged.get("producttype_uuid"))
            if same_day and same_type and other["uuid"] != (previous or {}).get("uuid"):
                raise ProblemError(500, detail="Internal Server Error")

    def check_fields(self, errors: FieldErrors, data: JSON) -> None:
        errors.date(data, "actief_vanaf")
        for index, optie in enumerate(errors.objects(data, "prijsopties")):
            errors.required(optie, "bedrag", "beschrijving", prefix=f"prijsopties.{index}.")

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        body["prijsopties"] = [
            {
                "uuid": o.get("uuid") or str(uuidlib.uuid4()),
                "bedrag": money(o["bedrag"]),
                "beschrijving": o.get("beschrijving", ""),
            }
            for o in body.get("prijsopties") or []
        ]


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
