"""What the Open VTB and Open Product fakes share: DRF field checks with their messages.

Both servers run Django REST framework with commonground-api-common 2.12 (problem bodies,
Dutch texts): a 400 has the title ``Ongeldige invoerwaarde.``, a missing field the reason
``Dit veld is vereist.``, and nested fields are named by their path
(``isGerelateerdAan.0.urn``, ``eigenaren.0.bsn``). Open VTB camelCases the names, Open
Product does not. URNs are checked with the RFC 8141 pattern both servers use.

A ``FieldErrors`` collects the problems of one body; ``raise_if_any`` ends the write
with a 400 listing them all, as DRF does for field errors.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal
from typing import Any, ClassVar

import httpx

from ..urns import is_valid_urn
from ._collections import Collection, _is_date, _is_datetime
from ._filters import ValuesFn, is_url
from ._pagination import paginate
from ._problems import InvalidParam, ProblemError
from ._responses import json_response
from ._router import RequestContext
from ._types import JSON

#: ``URN_NAMESPACE`` of the fake servers: resource URNs are ``urn:<ns>:<api>:<resource>:<uuid>``.
URN_NAMESPACE = "nld:denhaag"

VALIDATION_TITLE = "Ongeldige invoerwaarde."
REQUIRED = "Dit veld is vereist."
#: Open Product's translation of the same message (seen on the real server).
OPEN_PRODUCT_REQUIRED = "Dit veld is verplicht."
NOT_BLANK = "Dit veld mag niet leeg zijn."
INVALID_BOOL = "Moet een geldige boolean zijn."
INVALID_URL = "Voer een geldige URL in."
INVALID_DATE = "Datum heeft het verkeerde formaat, gebruik 1 van deze formaten: YYYY-MM-DD."
INVALID_DATETIME = (
    "Datetime heeft een ongeldig formaat, gebruik 1 van de volgende formaten: "
    "YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z]."
)
NOT_A_LIST = 'Verwachtte een lijst met items, maar kreeg type "{kind}".'
NOT_A_DICT = "Ongeldige data. Verwachtte een dictionary, maar kreeg een {kind}."
#: Open VTB's ``URNValidator`` (not translated).
VTB_INVALID_URN = (
    "Enter a valid URN. Correct format: 'urn:<namespace>:<resource>' "
    "(e.g., urn:isbn:9780143127796)."
)
_JSON_KINDS = {dict: "dict", list: "list", str: "str", int: "int", float: "float", bool: "bool"}


def now() -> str:
    """The current moment as DRF renders it (UTC, microseconds, ``Z``)."""
    return (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    )


def each(field: str, key: str) -> ValuesFn:
    """Filter candidates from a list of objects: ``each("eigenaren", "bsn")``."""

    def values(ctx: RequestContext, body: JSON) -> list[Any]:
        items = body.get(field) or []
        return [item.get(key) for item in items if isinstance(item, dict)]

    return values


def money(value: Any) -> str:
    """A decimal amount as DRF's ``DecimalField(decimal_places=2)`` renders it."""
    return str(Decimal(str(value)).quantize(Decimal("0.01")))


def kind_of(value: Any) -> str:
    return _JSON_KINDS.get(type(value), type(value).__name__)


class FieldErrors:
    """The field errors of one request body, in the order they were found."""

    def __init__(self, required_reason: str = REQUIRED) -> None:
        self.params: list[InvalidParam] = []
        self.required_reason = required_reason

    def add(self, name: str, code: str, reason: str) -> None:
        self.params.append(InvalidParam(name, code, reason))

    def has(self, name: str) -> bool:
        return any(p.name == name or p.name.startswith(f"{name}.") for p in self.params)

    def raise_if_any(self) -> None:
        if self.params:
            raise ProblemError(400, title=VALIDATION_TITLE, invalid_params=list(self.params))

    # -- the DRF fields ------------------------------------------------------------------

    def required(self, data: JSON, *names: str, prefix: str = "", partial: bool = False) -> None:
        """A missing field is ``required``; ``null`` is ``null``; ``""`` is ``blank``."""
        for name in names:
            if name not in data:
                if not partial:
                    self.add(f"{prefix}{name}", "required", self.required_reason)
            elif data[name] is None:
                self.add(f"{prefix}{name}", "null", "Dit veld mag niet leeg zijn.")
            elif data[name] == "":
                self.add(f"{prefix}{name}", "blank", NOT_BLANK)

    def max_length(self, data: JSON, limits: Mapping[str, int], prefix: str = "") -> None:
        for name, limit in limits.items():
            value = data.get(name)
            if isinstance(value, str) and len(value) > limit:
                self.add(
                    f"{prefix}{name}",
                    "max_length",
                    f"Zorg ervoor dat dit veld niet meer dan {limit} karakters bevat.",
                )

    def urn(
        self, data: JSON, name: str, *, prefix: str = "", reason: str = VTB_INVALID_URN
    ) -> None:
        value = data.get(name)
        if value in (None, ""):
            return
        if not isinstance(value, str) or not is_valid_urn(value):
            self.add(f"{prefix}{name}", "invalid_urn", reason)

    def boolean(self, data: JSON, name: str, prefix: str = "") -> None:
        if name in data and data[name] is not None and not isinstance(data[name], bool):
            self.add(f"{prefix}{name}", "invalid", INVALID_BOOL)

    def date(self, data: JSON, name: str, prefix: str = "") -> None:
        value = data.get(name)
        if value not in (None, "") and not _is_date(value):
            self.add(f"{prefix}{name}", "invalid", INVALID_DATE)

    def datetime(self, data: JSON, name: str, prefix: str = "") -> None:
        value = data.get(name)
        if value not in (None, "") and not _is_datetime(value):
            self.add(f"{prefix}{name}", "invalid", INVALID_DATETIME)

    def url(self, data: JSON, name: str, prefix: str = "") -> None:
        value = data.get(name)
        if value not in (None, "") and not is_url(value):
            self.add(f"{prefix}{name}", "invalid", INVALID_URL)

    def choice(self, data: JSON, name: str, allowed: tuple[str, ...], prefix: str = "") -> None:
        if name in data and data[name] not in allowed:
            self.add(f"{prefix}{name}", "invalid_choice", f'"{data[name]}" is een ongeldige keuze.')

    def objects(self, data: JSON, name: str, prefix: str = "") -> list[JSON]:
        """The items of a list of objects (``many=True``); wrong shapes are errors."""
        value = data.get(name)
        if value is None:
            return []
        if not isinstance(value, list):
            self.add(f"{prefix}{name}", "not_a_list", NOT_A_LIST.format(kind=kind_of(value)))
            return []
        items = []
        for index, item in enumerate(value):
            if isinstance(item, dict):
                items.append(item)
            else:
                self.add(
                    f"{prefix}{name}.{index}.nonFieldErrors",
                    "invalid",
                    NOT_A_DICT.format(kind=kind_of(item)),
                )
        return items


class PlatformCollection(Collection):
    """A collection of Open VTB or Open Product: DRF messages, its own page-size parameter.

    Subclasses check a write in ``check_body`` (all field errors at once); the engine's
    Open Zaak style checks (``required``, ``url_fields``, ...) are not used.

    Attributes:
        page_size_param: ``pageSize`` (Open VTB) or ``page_size`` (Open Product).
        read_only: fields a write may send but the server ignores.
        urn_component / urn_resource: the parts of the resource's own ``urn``; empty for
            resources without one.
    """

    page_size_param: ClassVar[str] = "pageSize"
    read_only: ClassVar[tuple[str, ...]] = ("url", "urn", "uuid")
    urn_component: ClassVar[str] = ""
    urn_resource: ClassVar[str] = ""

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        """Raise a 400 for what is wrong in ``data`` (the merged body on a PATCH)."""

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        self.check_body(ctx, {**previous, **data} if partial and previous else data, previous)

    def clean_input(self, data: JSON) -> JSON:
        known = set(self.defaults())
        return {
            k: v for k, v in data.items() if k not in self.read_only and (not known or k in known)
        }

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        body = super().insert(data, previous)
        if self.urn_component and "urn" not in body:
            # the server's URNModelSerializer: urn:<namespace>:<component>:<resource>:<uuid>,
            # right after the url (the serializers' field order)
            url, rest = body["url"], {k: v for k, v in body.items() if k != "url"}
            urn = urn_of(self.urn_component, self.urn_resource, body["uuid"])
            body.clear()
            body.update({"url": url, "urn": urn, **rest})
        return body

    def list_response(
        self, ctx: RequestContext, rows: list[JSON], expand_raw: list[str]
    ) -> httpx.Response:
        page = paginate(ctx.url, rows, ctx.query.get("page"), ctx.query.get(self.page_size_param))
        return json_response(200, page)


def urn_of(component: str, resource: str, key: str) -> str:
    """The URN the fake server gives one of its own resources."""
    return f"urn:{URN_NAMESPACE}:{component}:{resource}:{key}"
