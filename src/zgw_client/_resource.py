"""Pure helpers of the resource layer: references, filters, expand and bodies."""

from __future__ import annotations

import re
import uuid as uuid_module
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from ._exceptions import InputError, InvalidFilterError
from ._models import model_to_wire
from .identifiers import validate_bsn, validate_kvk, validate_rsin

__all__ = [
    "check_filters",
    "expand_with_parents",
    "filter_params",
    "identifier_kind",
    "resource_url",
    "search_body",
    "uuid_from_url",
    "write_body",
]

Ref = str | uuid_module.UUID


def resource_url(collection_url: str, ref: Ref | BaseModel) -> str:
    """The URL of one resource: ``ref`` is its URL, its UUID, or a model with a ``url``."""
    if isinstance(ref, BaseModel):
        url = getattr(ref, "url", None)
        if not url:
            raise InputError(f"{type(ref).__name__} has no url; pass its URL or UUID instead.")
        return str(url)
    text = str(ref).strip()
    if text.startswith(("http://", "https://")):
        return text
    try:
        uuid_module.UUID(text)
    except ValueError:
        raise InputError(
            f"{text!r} is neither a URL nor a UUID; pass the resource's URL or UUID."
        ) from None
    return f"{collection_url.rstrip('/')}/{text}"


def uuid_from_url(url: str) -> str:
    """The UUID at the end of a resource URL."""
    tail = url.rstrip("/").rsplit("/", 1)[-1]
    try:
        return str(uuid_module.UUID(tail))
    except ValueError:
        raise InputError(f"{url} does not end in a UUID.") from None


def expand_with_parents(expand: Sequence[str] | str) -> list[str]:
    """Add the parents of nested expand paths, in order, without duplicates.

    Open Zaak ignores ``status.statustype`` unless ``status`` is asked for too, so
    ``["status.statustype"]`` becomes ``["status", "status.statustype"]``.
    """
    paths = [p.strip() for p in expand.split(",")] if isinstance(expand, str) else list(expand)
    result: list[str] = []
    for path in paths:
        if not path:
            continue
        parts = path.split(".")
        for depth in range(1, len(parts) + 1):
            prefix = ".".join(parts[:depth])
            if prefix not in result:
                result.append(prefix)
    return result


def filter_params(
    filters: Mapping[str, Any],
    wire_names: Mapping[str, str],
    joined: frozenset[str],
    extra_params: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Turn typed keyword filters into query parameters.

    Python names map to the wire names of the spec; array filters the server reads
    comma-separated are joined; ``expand`` gets its parents added (an empty one is left
    out). An unknown keyword is an error (a typo would otherwise silently widen the
    result), unless passed through ``extra_params``. Identifier filters and empty values,
    ``extra_params`` included, are checked by
    [`check_filters`][zgw_client._resource.check_filters].
    """
    typed: dict[str, Any] = {}
    for name, value in filters.items():
        if value is None:
            continue
        wire = wire_names.get(name)
        if wire is None:
            if name in wire_names.values():
                wire = name  # the wire name itself is accepted too
            else:
                known = ", ".join(sorted(wire_names)) or "(none)"
                raise InputError(
                    f"Unknown filter {name!r}. Known filters: {known}. "
                    "Pass anything else in extra_params={...}."
                )
        if wire == "expand":
            value = ",".join(expand_with_parents(value))
            if not value:
                continue  # asks for nothing: the same as no expand
        typed[wire] = value
    checked = check_filters({**typed, **(extra_params or {})})
    params: dict[str, Any] = {}
    for wire in typed:
        value = checked[wire]
        if wire in joined and wire != "expand" and not isinstance(value, str):
            value = ",".join(str(v) for v in value)
        params[wire] = value
    for wire in extra_params or {}:
        params[wire] = checked[wire]
    return params


def search_body(filters: Mapping[str, Any], wire_names: Mapping[str, str]) -> dict[str, Any]:
    """The JSON body of a ``_zoek``/``search`` POST from typed keyword filters.

    Python names map to the wire names; lists stay JSON arrays (``expand`` too, with its
    parents added: Open Zaak answers 500 to ``expand`` as a comma string in the body).
    Identifier fields and empty values are checked as list filters are.
    """
    body: dict[str, Any] = {}
    for name, value in filters.items():
        if value is None:
            continue
        key = wire_names.get(name, name)
        if key == "expand":
            value = expand_with_parents(value)
            if not value:
                continue
        elif isinstance(value, (list, tuple, set, frozenset)):
            value = [v if isinstance(v, str) else str(v) for v in value]
        body[key] = value
    return check_filters(body)


# -- checking filters ------------------------------------------------------------------
#: Django filter lookups that may end a filter name (``bronorganisatie__in``).
_LOOKUPS = frozenset(
    {"in", "exact", "iexact", "contains", "icontains", "startswith", "istartswith",
     "endswith", "iendswith", "gt", "gte", "lt", "lte", "isnull", "regex", "iregex"}
)  # fmt: skip
#: Lookups whose value is a whole identifier (the others take part of one, or a flag).
_WHOLE_VALUE_LOOKUPS = frozenset({"", "exact", "iexact", "in"})
#: The last field of a filter name, lower case without underscores, and what it holds.
#: ``innNnpId`` is the RSIN of a niet-natuurlijk persoon (RGBZ ``inn.nnpId``).
_IDENTIFIER_FIELDS = {
    "bsn": "BSN",
    "burgerservicenummer": "BSN",
    "kvk": "KVK-nummer",
    "kvknummer": "KVK-nummer",
    "rsin": "RSIN",
    "bronorganisatie": "RSIN",
    "verantwoordelijkeorganisatie": "RSIN",
    "innnnpid": "RSIN",
}
_VALIDATORS: dict[str, Callable[[str], str]] = {
    "BSN": validate_bsn,
    "KVK-nummer": validate_kvk,
    "RSIN": validate_rsin,
}
#: Klantinteracties pairs ``...codeSoortObjectId`` (what kind of number) with ``...objectId``.
_SOORT = re.compile(r"([cC])odeSoortObjectId$")
_SOORT_KINDS = {"bsn": "BSN", "kvk_nummer": "KVK-nummer", "rsin": "RSIN"}


def _field_and_lookup(wire_name: str) -> tuple[str, str]:
    parts = wire_name.split("__")
    if len(parts) > 1 and parts[-1] in _LOOKUPS:
        return parts[-2], parts[-1]
    return parts[-1], ""


def identifier_kind(wire_name: str) -> str | None:
    """``"BSN"``, ``"KVK-nummer"`` or ``"RSIN"`` when the filter ``wire_name`` takes a whole
    identifier of that kind (judged by its last field: ``inpBsn``, ``inp_bsn``, ``bsn``,
    ``kvkNummer``, ``bronorganisatie__in``, ...), else ``None``.

    A rule on field names, not a list of filters: it covers the filters of every
    generated table (a test walks them all) and names passed in ``extra_params``.
    """
    field, lookup = _field_and_lookup(wire_name)
    if lookup not in _WHOLE_VALUE_LOOKUPS:
        return None
    key = field.replace("_", "").lower()
    if key in _IDENTIFIER_FIELDS:
        return _IDENTIFIER_FIELDS[key]
    if key.endswith("bsn"):  # inpBsn
        return "BSN"
    if key.endswith("kvknummer"):
        return "KVK-nummer"
    return None


def check_filters(params: Mapping[str, Any]) -> dict[str, Any]:
    """Check filters (by wire name) before they are sent; return them normalised.

    * An identifier filter (see [`identifier_kind`][zgw_client._resource.identifier_kind],
      and a klantinteracties ``...objectId`` whose ``...codeSoortObjectId`` is ``bsn``,
      ``kvk_nummer`` or ``rsin``) must hold a valid one: a BSN or RSIN passes the 11-proef
      (8 digits are padded), a KVK-nummer has 8 digits. A mistyped BSN would otherwise
      answer an empty list, as if the person had no zaken.
    * No value may be empty (``""``, blanks, an empty list): servers built on Django
      filters read an empty value as no filter at all and answer every item.

    ``None`` values are left for the encoder to drop; ``expand`` is not a filter.

    Raises:
        InvalidFilterError: the message names the filter and the rule, never the value.
    """
    kinds: dict[str, str] = {}
    for name, value in params.items():
        soort = _SOORT.search(name)
        if soort and isinstance(value, str) and value.strip().lower() in _SOORT_KINDS:
            object_id = "o" if soort.group(1) == "c" else "O"
            kinds[name[: soort.start()] + object_id + "bjectId"] = _SOORT_KINDS[
                value.strip().lower()
            ]
    checked: dict[str, Any] = {}
    for name, value in params.items():
        if value is None or name == "expand":
            checked[name] = value
            continue
        kind = kinds.get(name) or identifier_kind(name)
        checked[name] = _checked_value(name, value, kind)
    return checked


def _checked_value(name: str, value: Any, kind: str | None) -> Any:
    if isinstance(value, (list, tuple, set, frozenset)):
        if not value:
            raise InvalidFilterError(
                f"Filter {name!r} got an empty list. It would go out as an empty value, "
                "which servers built on Django filters read as no filter at all (every "
                "item). Nothing matches an empty list: skip the call instead.",
                name=name,
            )
        return [_checked_value(name, item, kind) for item in value]
    if isinstance(value, str) and not value.strip():
        raise InvalidFilterError(
            f"Filter {name!r} is empty. Servers built on Django filters read an empty value "
            "as no filter at all and answer every item. Leave the filter out (None) to not "
            "filter on it.",
            name=name,
        )
    if kind is None:
        return value
    if isinstance(value, str) and _field_and_lookup(name)[1] == "in":
        return ",".join(_identifier(name, item, kind) for item in value.split(","))
    return _identifier(name, value, kind)


def _identifier(name: str, value: Any, kind: str) -> str:
    try:
        return _VALIDATORS[kind](value)
    except InputError as error:
        raise InvalidFilterError(
            f"Filter {name!r} takes a {kind}, and the value given is not one: {error}",
            name=name,
        ) from error


def write_body(data: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body for a write: a model's set fields in camelCase, or the mapping as is."""
    if isinstance(data, BaseModel):
        return model_to_wire(data, exclude_unset=True)
    return dict(data)
