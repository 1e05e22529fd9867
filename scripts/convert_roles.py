"""Rewrite Sphinx roles in docstrings and comments as mkdocstrings cross-references.

mkdocstrings reads Google-style Markdown, so ``:class:`~zgw_client.Zaak``` renders
literally. This turns each role (``:class:``, ``:attr:``, ``:func:``, ``:meth:``, ``:mod:``,
``:data:``, ``:exc:``, ``:obj:``, with or without ``~`` and ``py:``) into

* ``[`Name`][full.path]`` when the target is an object the API reference documents (looked
  up in the site's ``objects.inv``, so a converted reference always resolves), or
* ``` `Name` ``` in plain backticks otherwise (a private helper, a third-party class).

Only docstrings (string statements) and comments are touched, never code or other
strings; running it again changes nothing. The sync face is generated: convert, then run
``python scripts/unasync.py``.

Usage::

    python scripts/convert_roles.py            # builds the docs once for the inventory
    python scripts/convert_roles.py --inventory site/objects.inv --check
"""

from __future__ import annotations

import argparse
import ast
import io
import re
import subprocess
import sys
import tempfile
import tokenize
import zlib
from collections.abc import Mapping
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SOURCES = REPO / "src"
ROLE = re.compile(
    r":(?:py:)?(?:class|attr|func|meth|mod|data|exc|obj):"
    r"`(?P<tilde>~?)(?P<target>[\w.]+)(?P<call>\(\))?`"
)


#: Inventory roles of class members: a bare name resolves to one only from its class's file.
MEMBER_ROLES = frozenset({"py:method", "py:attribute", "py:property", "py:function"})


def read_inventory(path: Path) -> dict[str, str]:
    """Identifier -> role, from a Sphinx-format ``objects.inv`` as mkdocstrings writes it."""
    data = path.read_bytes()
    parts = data.split(b"\n", 4)
    body = zlib.decompress(parts[4]).decode("utf-8")
    found = {}
    for line in body.splitlines():
        fields = line.split(" ")
        if len(fields) >= 2:
            found[fields[0]] = fields[1]
    return found


def build_inventory() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as site:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--site-dir", site, "--quiet"],
            cwd=REPO,
            check=True,
        )
        return read_inventory(Path(site) / "objects.inv")


def module_of(path: Path) -> str:
    """``src/zgw_client/_async/zaken.py`` -> ``zgw_client._async.zaken``."""
    parts = list(path.relative_to(SOURCES).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def public_form(name: str) -> str:
    """A private path's public spelling: the faces' and private modules' segments dropped
    (``zgw_client._async.zaken.AsyncZaken`` -> ``zgw_client.zaken.AsyncZaken``)."""
    parts = name.split(".")
    if parts[0] != "zgw_client":
        return name
    kept = [parts[0]]
    for part in parts[1:]:
        if part in ("_async", "_sync"):
            continue
        if part.startswith("_"):
            continue
        kept.append(part)
    return ".".join(kept)


class Resolver:
    """Finds the documented identifier a role's target means, from where it is written."""

    def __init__(self, inventory: Mapping[str, str]) -> None:
        # Only public identifiers: a link must not send a reader to a private module.
        self.roles = {
            identifier: role
            for identifier, role in inventory.items()
            if not any(p.startswith("_") and not p.startswith("__") for p in identifier.split("."))
        }
        self.inventory = set(self.roles)
        self._by_tail: dict[str, list[str]] = {}
        for identifier in self.roles:
            parts = identifier.split(".")
            for i in range(1, len(parts)):
                self._by_tail.setdefault(".".join(parts[i:]), []).append(identifier)

    def resolve(
        self, target: str, module: str, classes: frozenset[str] = frozenset()
    ) -> str | None:
        """The identifier ``target`` means in ``module``, whose file defines ``classes``."""
        target = target.lstrip(".")
        if target in self.inventory:
            return target
        if target.rsplit(".", 1)[-1].startswith("_"):
            return None  # a private module or helper: not in the reference
        public = public_form(target)
        if public in self.inventory:
            return public
        tail = public[len("zgw_client.") :] if public.startswith("zgw_client.") else public
        candidates = self._by_tail.get(tail, [])
        if "." not in tail:  # a bare member name: only a member of a class of this file
            candidates = [
                c
                for c in candidates
                if self.roles.get(c) not in MEMBER_ROLES
                or c.rsplit(".", 2)[-2] in classes
                or "Async" + c.rsplit(".", 2)[-2] in classes
            ]
        if len(candidates) == 1:
            return candidates[0]
        if not candidates:
            return None
        # Several: the one nearest the module it is written in (same API package first).
        home = public_form(module).split(".")
        for depth in range(len(home), 0, -1):
            prefix = ".".join(home[:depth]) + "."
            near = [c for c in candidates if c.startswith(prefix)]
            if len(near) == 1:
                return near[0]
            if near:
                return min(near, key=len)
        return min(candidates, key=lambda c: (len(c.split(".")), c))


def convert_text(
    text: str, resolver: Resolver, module: str, classes: frozenset[str] = frozenset()
) -> str:
    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        shown = target.rsplit(".", 1)[-1] if match["tilde"] else target
        if match["call"]:
            shown += "()"
        found = resolver.resolve(target, module, classes)
        if found:
            return f"[`{shown}`][{found}]"
        if any(p.startswith("_") and not p.startswith("__") for p in target.split(".")):
            shown = target.rsplit(".", 1)[-1] + (match["call"] or "")  # no private path shown
        return f"`{shown}`"

    return ROLE.sub(replace, text)


def docstring_positions(source: str) -> set[tuple[int, int]]:
    """Start (line, column) of every string statement: module, class, function and
    attribute docstrings. Other strings are code and stay as they are."""
    positions = set()
    for node in ast.walk(ast.parse(source)):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            positions.add((node.value.lineno, node.value.col_offset))
    return positions


def convert_source(source: str, resolver: Resolver, module: str) -> str:
    docstrings = docstring_positions(source)
    classes = frozenset(
        node.name for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ClassDef)
    )
    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    lines = source.splitlines(keepends=True)
    # Rewrite from the end so that earlier positions stay valid.
    edits = []
    for token in tokens:
        is_doc = token.type == tokenize.STRING and token.start in docstrings
        if (is_doc or token.type == tokenize.COMMENT) and ROLE.search(token.string):
            edits.append(
                (token.start, token.end, convert_text(token.string, resolver, module, classes))
            )
    if not edits:
        return source
    offsets = [0]
    for line in lines:
        offsets.append(offsets[-1] + len(line))
    out = source
    for (sl, sc), (el, ec), new in reversed(edits):
        start, end = offsets[sl - 1] + sc, offsets[el - 1] + ec
        out = out[:start] + new + out[end:]
    return out


def files() -> list[Path]:
    generated = SOURCES / "zgw_client" / "_sync"
    return [p for p in sorted(SOURCES.rglob("*.py")) if generated not in p.parents]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--inventory", type=Path, help="objects.inv of a built site")
    parser.add_argument(
        "--check", action="store_true", help="change nothing; exit 1 if a role is left"
    )
    args = parser.parse_args()
    inventory = read_inventory(args.inventory) if args.inventory else build_inventory()
    resolver = Resolver(inventory)
    changed = []
    for path in files():
        source = path.read_text(encoding="utf-8")
        converted = convert_source(source, resolver, module_of(path))
        if converted != source:
            changed.append(path.relative_to(REPO).as_posix())
            if not args.check:
                path.write_text(converted, encoding="utf-8")
    verb = "would convert" if args.check else "converted"
    print(f"{verb}: {', '.join(changed) or 'nothing'}")
    if changed and not args.check:
        print("now run: python scripts/unasync.py")
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
