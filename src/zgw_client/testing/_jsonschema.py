"""The part of JSON Schema the fakes check, with the messages of the ``jsonschema`` library.

Open VTB checks a verzoek's ``aanvraagGegevens`` against its verzoektype version's schema
(``Draft202012Validator``) and reports one error, the library's best match: the shallowest
one. The SDK does not depend on ``jsonschema``, so the fake checks the keywords request
forms use (``type``, ``required``, ``properties``, ``additionalProperties``, ``enum``,
``const``, ``minimum``/``maximum`` and their exclusive forms, ``minLength``/``maxLength``,
``pattern``, ``items``, ``minItems``/``maxItems``) and ignores the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

__all__ = ["first_error"]

_TYPES = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: (
        (isinstance(v, int) and not isinstance(v, bool))
        or (isinstance(v, float) and v.is_integer())
    ),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "object": lambda v: isinstance(v, dict),
    "array": lambda v: isinstance(v, list),
    "null": lambda v: v is None,
}


def first_error(instance: Any, schema: Any) -> tuple[list[str], str] | None:
    """The error ``jsonschema`` would raise first (path, message), or ``None``."""
    found: list[tuple[list[str], str]] = list(_errors(instance, schema, []))
    if not found:
        return None
    return min(found, key=lambda error: len(error[0]))  # the first of the shallowest


def _errors(instance: Any, schema: Any, path: list[str]) -> Iterator[tuple[list[str], str]]:
    if not isinstance(schema, dict):
        return
    for keyword, value in schema.items():
        yield from _keyword(keyword, value, instance, schema, path)


def _keyword(
    keyword: str, value: Any, instance: Any, schema: dict[str, Any], path: list[str]
) -> Any:
    if keyword == "type":
        types = value if isinstance(value, list) else [value]
        if not any(_TYPES.get(t, lambda v: True)(instance) for t in types):
            shown = ", ".join(repr(t) for t in types)
            yield path, f"{instance!r} is not of type {shown}"
    elif keyword == "required" and isinstance(instance, dict):
        for name in value:
            if name not in instance:
                yield path, f"{name!r} is a required property"
    elif keyword == "properties" and isinstance(instance, dict):
        for name, subschema in value.items():
            if name in instance:
                yield from _errors(instance[name], subschema, [*path, name])
    elif keyword == "additionalProperties" and isinstance(instance, dict):
        extra = [k for k in instance if k not in schema.get("properties", {})]
        if value is False and extra:
            verb = "was" if len(extra) == 1 else "were"
            yield (
                path,
                (
                    "Additional properties are not allowed "
                    f"({', '.join(repr(k) for k in extra)} {verb} unexpected)"
                ),
            )
        elif isinstance(value, dict):
            for name in extra:
                yield from _errors(instance[name], value, [*path, name])
    elif keyword == "enum" and instance not in value:
        yield path, f"{instance!r} is not one of {value!r}"
    elif keyword == "const" and instance != value:
        yield path, f"{value!r} was expected"
    elif _TYPES["number"](instance):
        yield from _number(keyword, value, instance, path)
    elif isinstance(instance, str):
        if keyword == "minLength" and len(instance) < value:
            yield path, f"{instance!r} is too short"
        elif keyword == "maxLength" and len(instance) > value:
            yield path, f"{instance!r} is too long"
        elif keyword == "pattern" and not re.search(value, instance):
            yield path, f"{instance!r} does not match {value!r}"
    elif isinstance(instance, list):
        if keyword == "items" and isinstance(value, dict):
            for index, item in enumerate(instance):
                yield from _errors(item, value, [*path, str(index)])
        elif keyword == "minItems" and len(instance) < value:
            shortfall = "should be non-empty" if value == 1 else "is too short"
            yield path, f"{instance!r} {shortfall}"
        elif keyword == "maxItems" and len(instance) > value:
            yield path, f"{instance!r} is too long"


def _number(
    keyword: str, value: Any, instance: Any, path: list[str]
) -> Iterator[tuple[list[str], str]]:
    if keyword == "minimum" and instance < value:
        yield path, f"{instance!r} is less than the minimum of {value!r}"
    elif keyword == "maximum" and instance > value:
        yield path, f"{instance!r} is greater than the maximum of {value!r}"
    elif keyword == "exclusiveMinimum" and instance <= value:
        yield path, f"{instance!r} is less than or equal to the minimum of {value!r}"
    elif keyword == "exclusiveMaximum" and instance >= value:
        yield path, f"{instance!r} is greater than or equal to the maximum of {value!r}"
