"""``expand`` (inclusions) the way Open Zaak does it, including its quirks.

Expansion is generic: the value of a requested field is a URL (or a list of URLs) that the
backend resolves to the rendered resource, whatever API it lives in. Nested paths
(``status.statustype``) sit in the parent's own ``_expand``. Quirks copied from the samples:

* a nested path whose parent was not requested is silently ignored; when nothing is left the
  top-level ``_expand`` key disappears altogether;
* empty or null relations, and URLs that cannot be resolved, are left out of ``_expand``;
* a child only gets ``_expand`` when something is expanded below it;
* an unknown value is a 400 ``invalid_choice`` (the first bad value is reported).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

from ._problems import INVALID_CHOICE, InvalidParam, validation_error
from ._types import JSON

Tree = dict[str, "Tree"]
Resolver = Callable[[str], "JSON | None"]


def parse_expand(values: Iterable[str], allowed: Collection[str]) -> list[str]:
    """Split comma lists and check each value against ``allowed``."""
    paths: list[str] = []
    for value in values:
        for part in value.split(","):
            name = part.strip()
            if not name:
                continue
            if name not in allowed:
                raise validation_error(
                    InvalidParam("expand", "invalid_choice", INVALID_CHOICE.format(value=name))
                )
            if name not in paths:
                paths.append(name)
    return paths


def build_tree(paths: Iterable[str]) -> Tree:
    """The requested paths as a tree, dropping paths whose parent was not requested."""
    tree: Tree = {}
    for path in sorted(paths, key=lambda p: p.count(".")):
        *parents, leaf = path.split(".")
        node: Tree | None = tree
        for parent in parents:
            node = None if node is None else node.get(parent)
        if node is not None:
            node.setdefault(leaf, {})
    return tree


def expand_into(body: JSON, tree: Tree, resolve: Resolver) -> None:
    """Add ``_expand`` entries for ``tree`` to ``body`` (in place)."""
    found: JSON = {}
    for field, subtree in tree.items():
        value: Any = body.get(field)
        if isinstance(value, list):
            children = [c for c in (resolve(u) for u in value if isinstance(u, str)) if c]
            if not children:
                continue
            for child in children:
                if subtree:
                    expand_into(child, subtree, resolve)
            found[field] = children
        elif isinstance(value, str) and value:
            single = resolve(value)
            if single is None:
                continue
            if subtree:
                expand_into(single, subtree, resolve)
            found[field] = single
    existing = body.get("_expand")
    body["_expand"] = {**existing, **found} if isinstance(existing, dict) else found


def expand_resource(body: JSON, paths: list[str], resolve: Resolver) -> JSON:
    """Expand a top-level resource; applies the "child without parent" quirk."""
    if not paths:
        return body
    tree = build_tree(paths)
    if not tree:
        body.pop("_expand", None)
        return body
    expand_into(body, tree, resolve)
    return body
