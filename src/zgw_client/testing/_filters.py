"""Filter declarations for list endpoints (django-filter semantics, Open Zaak messages).

A [`Filter`][zgw_client.testing.Filter] is named like the query parameter. The lookup comes from the suffix
(``startdatum__gte`` -> field ``startdatum``, lookup ``gte``); a name without a suffix is an
exact match. The field is a dotted path in the rendered body (``__`` becomes ``.``) unless
``field`` is given, and a ``values`` function can supply the candidates for relations
(``rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn`` on zaken). A resource matches
when any candidate matches. Bad values give the 400 Open Zaak sends (``Voer een geldige URL
in.``); unknown parameters are ignored, as django-filter does.
"""

from __future__ import annotations

import functools

import datetime as dt
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import urlsplit

from ._problems import INVALID_CHOICE, InvalidParam, validation_error
from ._types import JSON

if TYPE_CHECKING:
    from ._router import RequestContext

FilterType = Literal["str", "url", "uuid", "date", "datetime", "bool", "int", "choice"]
Lookup = Literal["exact", "in", "not_in", "gt", "gte", "lt", "lte", "isnull", "icontains"]
ValuesFn = Callable[["RequestContext", JSON], Iterable[Any]]

_SUFFIXES: tuple[Lookup, ...] = ("in", "not_in", "gt", "gte", "lt", "lte", "isnull", "icontains")
_MESSAGES = {
    "url": "Voer een geldige URL in.",
    "uuid": "Voer een geldige UUID in.",
    "date": "Voer een geldige datum in.",
    "datetime": "Voer een geldige datum/tijd in.",
    "int": "Voer een geheel getal in.",
}


def is_url(value: object) -> bool:
    if not isinstance(value, str):
        return False
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def parse_date(value: str) -> dt.date:
    return dt.date.fromisoformat(value[:10]) if len(value) >= 10 else dt.date.fromisoformat(value)


def parse_datetime(value: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Filter:
    """One query parameter of a list endpoint."""

    name: str
    type: FilterType = "str"
    field: str | None = None
    choices: tuple[str, ...] = ()
    values: ValuesFn | None = None

    @functools.cached_property
    def lookup(self) -> Lookup:
        for suffix in _SUFFIXES:
            if self.name.endswith(f"__{suffix}"):
                return suffix
        return "exact"

    @functools.cached_property
    def path(self) -> str:
        """The dotted field path in the body."""
        if self.field is not None:
            return self.field
        base = self.name if self.lookup == "exact" else self.name.rsplit("__", 1)[0]
        return base.replace("__", ".")

    @functools.cached_property
    def _path_parts(self) -> tuple[str, ...]:
        return tuple(self.path.split("."))

    # -- values ---------------------------------------------------------------------------

    def parse(self, raw: Any) -> Any:
        """Turn the query (or ``_zoek`` body) value into the value to compare with."""
        if self.lookup in ("in", "not_in"):
            items = raw if isinstance(raw, list) else [v for v in str(raw).split(",") if v]
            return [self._parse_one(item) for item in items]
        if self.lookup == "isnull":
            return _parse_bool(raw)
        return self._parse_one(raw)

    def _parse_one(self, raw: Any) -> Any:
        kind = self.type
        if kind == "bool":
            return _parse_bool(raw)
        text = raw if isinstance(raw, str) else str(raw)
        try:
            if kind == "url" and not is_url(text):
                raise ValueError(text)
            if kind == "uuid":
                return str(uuid.UUID(text))
            if kind == "date":
                return dt.date.fromisoformat(text)
            if kind == "datetime":
                return parse_datetime(text)
            if kind == "int":
                return int(text)
        except ValueError:
            raise validation_error(InvalidParam(self.name, "invalid", _MESSAGES[kind])) from None
        if kind == "choice" and self.choices and text not in self.choices:
            raise validation_error(
                InvalidParam(self.name, "invalid_choice", INVALID_CHOICE.format(value=text))
            )
        return text

    # -- matching -------------------------------------------------------------------------

    def candidates(self, ctx: RequestContext, body: JSON) -> list[Any]:
        if self.values is not None:
            return list(self.values(ctx, body))
        value: Any = body
        for part in self._path_parts:
            value = value.get(part) if isinstance(value, dict) else None
        return list(value) if isinstance(value, list) else [value]

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        found = self.candidates(ctx, body)
        lookup = self.lookup
        if lookup == "isnull":
            if wanted is None:
                return True
            empty = all(c is None or c == "" for c in found)
            return bool(empty == wanted)
        if lookup == "not_in":
            return not any(self._coerce(c) in wanted for c in found)
        for candidate in found:
            value = self._coerce(candidate)
            if value is None:
                continue
            if lookup == "exact" and (wanted is None or value == wanted):
                return True
            if lookup == "in" and value in wanted:
                return True
            if lookup == "icontains" and str(wanted).lower() in str(value).lower():
                return True
            if lookup in ("gt", "gte", "lt", "lte") and _compare(value, wanted, lookup):
                return True
        return False

    def _coerce(self, value: Any) -> Any:
        """Bring a body value into the type of the parsed filter value."""
        if value is None or value == "":
            return None
        try:
            if self.type == "date":
                return parse_date(str(value))
            if self.type == "datetime":
                return parse_datetime(str(value))
        except ValueError:
            return None
        if self.type == "bool":
            return bool(value)
        if self.type == "int":
            return int(value)
        return value


def _parse_bool(raw: Any) -> bool | None:
    """django's NullBooleanField: unknown values mean "no filter"."""
    if isinstance(raw, bool):
        return raw
    text = str(raw).strip().lower()
    if text in ("true", "1", "yes"):
        return True
    if text in ("false", "0", "no"):
        return False
    return None


def _compare(value: Any, wanted: Any, lookup: str) -> bool:
    try:
        if lookup == "gt":
            return bool(value > wanted)
        if lookup == "gte":
            return bool(value >= wanted)
        if lookup == "lt":
            return bool(value < wanted)
        return bool(value <= wanted)
    except TypeError:
        return False


def apply_filters(
    ctx: RequestContext,
    items: Iterable[JSON],
    filters: Sequence[Filter],
    given: Sequence[tuple[str, Any]],
) -> list[JSON]:
    """Keep the items matching every given filter; ``given`` is (name, raw value) pairs."""
    by_name = {f.name: f for f in filters}
    active: list[tuple[Filter, Any]] = []
    for name, raw in given:
        declared = by_name.get(name)
        if declared is None:
            continue
        wanted = declared.parse(raw)
        if wanted is None and declared.type == "bool":
            continue
        active.append((declared, wanted))
    return [item for item in items if all(f.matches(ctx, item, w) for f, w in active)]
