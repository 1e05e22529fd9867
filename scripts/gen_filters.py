"""Generate the typed list filters of each API from the official OpenAPI files.

Every query parameter of every list endpoint in ``../shared/specs`` becomes a key of a
``TypedDict`` (snake_case) that the resource ``list()`` methods take as keyword arguments,
plus a table from the Python name to the wire name. The output is committed; a test
regenerates it and fails when it no longer matches the specs.

    python scripts/gen_filters.py [--check] [--specs ../shared/specs]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "zgw_client"

#: package -> the spec file it is generated from (what the reference servers serve).
SOURCES = {
    "zaken": "openzaak-1.30.0-zaken-1.5.1.yaml",
    "catalogi": "openzaak-1.30.0-catalogi-1.3.1.yaml",
    "documenten": "openzaak-1.30.0-documenten-1.4.2.yaml",
    "besluiten": "openzaak-1.30.0-besluiten-1.1.0.yaml",
    "klantinteracties": "klantinteracties-0.9.0.yaml",
    "contactmomenten": "contactmomenten-1.0.0.yaml",
    "objecten": "objects-2.7.0.yaml",
    "berichten": "open-vtb-0.1.0-berichten.yaml",
    "taken": "open-vtb-0.1.0-taken.yaml",
    "verzoeken": "open-vtb-0.1.0-verzoeken.yaml",
    "producten": "open-product-1.8.0-producten.yaml",
    "producttypen": "open-product-1.8.0-producttypen.yaml",
    # the Notificaties API's models live beside the receiver, in zgw_client.notifications
    "notifications": "notificaties-1.0.0.yaml",
}

#: Parameters the paginator sets itself.
SKIPPED = {"page"}


def snake(name: str) -> str:
    """``rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn`` -> ``rol__betrokkene_...``."""
    parts = []
    for segment in name.split("__"):
        segment = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", segment).lower()
        parts.append(segment.replace("__", "_"))
    return "__".join(parts)


def class_name(path: str) -> str:
    segments = [s for s in path.strip("/").split("/") if not s.startswith("{")]
    words = re.split(r"[-_]", segments[-1])
    name = "".join(w[:1].upper() + w[1:] for w in words if w)
    if len(segments) > 1 and segments[-1] in ("_zoek", "search"):
        name = class_name("/" + segments[-2])[: -len("Filters")] + "Zoek"
    return name + "Filters"


def nested_class_name(path: str) -> str:
    """The class name for a nested list whose last segment another list already uses.

    ``/producttypen/{uuid}/content`` -> ``ProducttypenContentFilters`` (``/content`` keeps
    ``ContentFilters``).
    """
    segments = [s for s in path.strip("/").split("/") if not s.startswith("{")]
    if len(segments) < 2:
        raise ValueError(f"two list endpoints would both be named {class_name(path)}: {path}")
    return class_name("/" + segments[-2])[: -len("Filters")] + class_name(path)


def python_type(schema: dict[str, Any], style_explode: bool, *, body: bool = False) -> str:
    kind = schema.get("type")
    if kind == "array":
        return "Sequence[str]" if body else "Sequence[str] | str"
    if kind == "object" or "$ref" in schema or "allOf" in schema:
        return "dict[str, Any]"
    if kind == "integer":
        return "int"
    if kind == "number":
        return "float"
    if kind == "boolean":
        return "bool"
    fmt = schema.get("format")
    if fmt == "date":
        return "datetime.date | str"
    if fmt == "date-time":
        return "datetime.datetime | str"
    return "str"


def fix_reference_type(param: dict[str, Any]) -> dict[str, Any]:
    """The schema of ``param``, with a known spec bug fixed.

    Open Zaak's spec types some URL filters (``rollen?zaak=``, ``statussen?zaak=``) as
    ``integer`` while the server takes, and the description says, a URL.
    """
    schema = dict(param.get("schema", {}))
    if schema.get("type") == "integer" and "URL" in str(param.get("description", "")):
        schema = {"type": "string", "format": "uri"}
    return schema


def resolve(spec: dict[str, Any], item: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in item:
        ref = item["$ref"]
        if not ref.startswith("#/"):
            return {}
        node: Any = spec
        for part in ref[2:].split("/"):
            node = node[part]
        item = node
    return item


def generate(package: str, spec_path: Path) -> str:
    spec = yaml.safe_load(spec_path.read_text(encoding="utf-8"))
    classes: list[str] = []
    wire: dict[str, dict[str, str]] = {}
    joined: dict[str, list[str]] = {}
    seen: set[str] = set()
    for path, operations in spec["paths"].items():
        get = operations.get("get")
        if not get or path.rstrip("/").endswith("}"):
            continue
        params = [resolve(spec, p) for p in get.get("parameters", [])]
        params = [p for p in params if p.get("in") == "query" and p["name"] not in SKIPPED]
        if not params:
            continue
        name = class_name(path)
        if name in seen:
            name = nested_class_name(path)
        seen.add(name)
        lines = [
            f"class {name}(TypedDict, total=False):",
            f'    """Filters of ``GET {path}``."""',
            "",
        ]
        wire[name] = {}
        joined[name] = []
        for param in sorted(params, key=lambda p: p["name"]):
            schema = fix_reference_type(param)
            explode = param.get("explode", True)
            py = snake(param["name"])
            if not py.isidentifier():
                continue
            wire[name][py] = param["name"]
            if schema.get("type") == "array" and not explode:
                joined[name].append(py)
            description = " ".join(str(param.get("description", "")).split())
            if len(description) > 88:
                description = description[:85].rstrip() + "..."
            if description:
                lines.append(f"    #: {description}")
            lines.append(f"    {py}: {python_type(schema, explode)}")
        classes.append("\n".join(lines))
    for path, operations in spec["paths"].items():
        post = operations.get("post")
        if not post or not path.rstrip("/").endswith(("_zoek", "/search")):
            continue
        content = post.get("requestBody", {}).get("content", {})
        schema = resolve(spec, next(iter(content.values()), {}).get("schema", {}))  # type: ignore[call-overload]
        properties = schema.get("properties", {})
        if not properties:
            continue
        name = class_name(path)
        lines = [
            f"class {name}(TypedDict, total=False):",
            f'    """Body fields of ``POST {path}`` (sent as JSON, lists stay lists)."""',
            "",
        ]
        wire[name] = {}
        joined[name] = []
        for field, field_schema in properties.items():
            py = snake(field)
            if not py.isidentifier():
                continue
            wire[name][py] = field
            description = " ".join(str(field_schema.get("description", "")).split())
            if len(description) > 88:
                description = description[:85].rstrip() + "..."
            if description:
                lines.append(f"    #: {description}")
            lines.append(f"    {py}: {python_type(field_schema, True, body=True)}")
        classes.append("\n".join(lines))
    body = "\n".join(classes)
    out = [
        f'"""Typed list filters of the {package} API, generated from ``{spec_path.name}``.',
        "",
        "Generated by scripts/gen_filters.py. Do not edit.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        *(["import datetime"] if "datetime." in body else []),
        *(["from collections.abc import Sequence"] if "Sequence[" in body else []),
        *([""] if "datetime." in body or "Sequence[" in body else []),
        *(["from typing import Any", ""] if "Any]" in body else []),
        "from typing_extensions import TypedDict",
        "",
        "__all__ = [",
        '    "JOINED",',
        '    "WIRE_NAMES",',
        *[f'    "{c.split("(")[0].removeprefix("class ")}",' for c in sorted(classes)],
        "]",
        "",
        "",
        "\n\n\n".join(classes),
        "",
        "",
        "#: Python keyword -> query parameter name, per filters class.",
        "WIRE_NAMES: dict[str, dict[str, str]] = {",
    ]
    for name in sorted(wire):
        out.append(f'    "{name}": {{')
        for py, real in wire[name].items():
            out.append(f'        "{py}": "{real}",')
        out.append("    },")
    out.append("}")
    out.append("")
    out.append("#: Array parameters the server reads comma-separated (style form, explode false).")
    out.append("JOINED: dict[str, frozenset[str]] = {")
    for name in sorted(joined):
        items = ", ".join(f'"{j}"' for j in joined[name])
        out.append(
            f'    "{name}": frozenset({{{items}}}),' if items else f'    "{name}": frozenset(),'
        )
    out.append("}")
    return "\n".join(out) + "\n"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--specs", type=Path, default=ROOT.parent / "shared" / "specs")
    args = parser.parse_args(argv)
    if not args.specs.is_dir():
        print(f"specs folder {args.specs} not found", file=sys.stderr)
        return 2
    stale = []
    for package, filename in SOURCES.items():
        text = generate(package, args.specs / filename)
        target = PACKAGE / package / "_filters.py"
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            stale.append(str(target.relative_to(ROOT)))
            if not args.check:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
    if args.check and stale:
        print("stale: " + ", ".join(stale))
        return 1
    print(("stale: " if args.check else "written: ") + (", ".join(stale) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
