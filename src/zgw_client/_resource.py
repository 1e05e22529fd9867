"""Pure helpers of the resource layer: references, filters, expand and bodies."""

from __future__ import annotations

import uuid as uuid_module
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel

from ._exceptions import InputError
from ._models import model_to_wire

__all__ = [
    "expand_with_parents",
    "filter_params",
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
    comma-separated are joined; ``expand`` gets its parents added. An unknown keyword is an
    error (a typo would otherwise silently widen the result), unless passed through
    ``extra_params``.
    """
    params: dict[str, Any] = {}
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
        if name == "expand" or wire == "expand":
            value = ",".join(expand_with_parents(value))
        elif (name in joined or wire in joined) and not isinstance(value, str):
            value = ",".join(str(v) for v in value)
        params[wire] = value
    if extra_params:
        params.update(extra_params)
    return params


def search_body(filters: Mapping[str, Any], wire_names: Mapping[str, str]) -> dict[str, Any]:
    """The JSON body of a ``_zoek``/``search`` POST from typed keyword filters.

    Python names map to the wire names; lists stay JSON arrays (``expand`` too, with its
    parents added: Open Zaak answers 500 to ``expand`` as a comma string in the body).
    """
    body: dict[str, Any] = {}
    for name, value in filters.items():
        if value is None:
            continue
        key = wire_names.get(name, name)
        if key == "expand":
            value = expand_with_parents(value)
        elif isinstance(value, (list, tuple, set, frozenset)):
            value = [str(v) for v in value]
        body[key] = value
    return body


def write_body(data: BaseModel | Mapping[str, Any]) -> dict[str, Any]:
    """The JSON body for a write: a model's set fields in camelCase, or the mapping as is."""
    if isinstance(data, BaseModel):
        return model_to_wire(data, exclude_unset=True)
    return dict(data)
