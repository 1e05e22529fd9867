"""The small Open Product resources a producttype points to: locaties, organisaties, contacten,
links and prijzen."""

from __future__ import annotations

import copy
import datetime as dt
import uuid as uuidlib
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, ClassVar

from ._collections import _is_date
from ._filters import Filter
from ._open_product import API, OpenProductCollection, check_uuid_ref
from ._platform import (
    OPEN_PRODUCT_REQUIRED,
    FieldErrors,
    money,
)
from ._problems import ProblemError
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


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
