"""The Python code blocks of README.md and docs/, so that they cannot drift from the SDK.

Every ```python block is type-checked with ``mypy --strict`` (``python scripts/doc_snippets.py``,
run by .ci/run); ``tests/docs/test_code_blocks.py`` runs every block that does not need a
real server against the in-memory backend. Both take the same pages: README.md and every
page under docs/ except those in ``UNCHECKED``, so a new page is checked from the start.

How a page's blocks are read:

* The blocks of a page form one session per face, in page order, as a reader follows them:
  a later block sees what an earlier one defined. A block with a top-level ``await``,
  ``async for`` or ``async with`` belongs to the async face, any other to the sync face.
* Each session starts with ``backend`` (an ``InMemoryBackend`` seeded with ``seed_demo``),
  ``scenario`` (its ``DemoScenario``) and ``client`` (a ``ZGWClient``, or an
  ``AsyncZGWClient`` in the async face, wired to ``backend``).
* A page may add names for its blocks in a hidden setup comment, run (and type-checked)
  first in both faces::

      <!-- snippet-setup
      zaak_url = scenario.zaken["subsidie"]
      -->

* A block that needs a real server (it builds its own client for ``openzaak.example.nl``)
  says so in a comment on the line above its fence, and is type-checked only::

      <!-- snippet: needs a real server -->
"""

from __future__ import annotations

import argparse
import ast
import re
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NEEDS_SERVER = "<!-- snippet: needs a real server -->"
_FENCE = re.compile(r"^(?P<indent>[ \t]*)```(?P<lang>[\w+-]*)[^\n]*$")
_SETUP = re.compile(r"<!-- snippet-setup\n(?P<code>.*?)-->", re.S)

#: Pages whose blocks are not checked yet: they are being rewritten on other branches.
UNCHECKED: frozenset[str] = frozenset()

PRELUDE = {
    "sync": (
        "from zgw_client import ZGWClient\n"
        "from zgw_client.testing import DemoScenario, InMemoryBackend\n"
        "backend: InMemoryBackend\nscenario: DemoScenario\nclient: ZGWClient\n"
    ),
    "async": (
        "from zgw_client import AsyncZGWClient\n"
        "from zgw_client.testing import DemoScenario, InMemoryBackend\n"
        "backend: InMemoryBackend\nscenario: DemoScenario\nclient: AsyncZGWClient\n"
    ),
}


@dataclass
class Block:
    """One ```python block of a page."""

    path: Path
    line: int  #: 1-based line of the code's first line
    code: str
    needs_server: bool
    face: str = field(init=False)

    def __post_init__(self) -> None:
        self.face = "async" if has_top_level_await(self.code) else "sync"

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO).as_posix()}:{self.line}"


@dataclass
class Page:
    path: Path
    setup: str
    blocks: list[Block]


def has_top_level_await(code: str) -> bool:
    """Whether ``code`` awaits outside any function (it only compiles as a coroutine)."""
    compiled = compile(code, "<snippet>", "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)
    return bool(compiled.co_flags & 0x80)  # CO_COROUTINE


def checked_pages() -> list[Path]:
    """README.md, then every page under docs/ in path order, less ``UNCHECKED``."""
    paths = [REPO / "README.md", *sorted((REPO / "docs").rglob("*.md"))]
    return [p for p in paths if p.relative_to(REPO).as_posix() not in UNCHECKED]


def pages() -> list[Page]:
    """Every checked page that has Python blocks."""
    return [page for page in map(read_page, checked_pages()) if page.blocks]


def read_page(path: Path) -> Page:
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    blocks: list[Block] = []
    i = 0
    while i < len(lines):
        opening = _FENCE.match(lines[i])
        if not opening:
            i += 1
            continue
        indent, lang = opening["indent"], opening["lang"]
        start = i + 1
        j = start
        while j < len(lines) and lines[j].strip() != "```":
            j += 1
        if lang == "python":
            body = [
                line[len(indent) :] if line.startswith(indent) else line.lstrip()
                for line in lines[start:j]
            ]
            above = lines[i - 1].strip() if i > 0 else ""
            blocks.append(
                Block(path, start + 1, "\n".join(body) + "\n", needs_server=above == NEEDS_SERVER)
            )
        i = j + 1
    setup = "".join(textwrap.dedent(m["code"]) for m in _SETUP.finditer(text))
    return Page(path, setup, blocks)


def session_module(page: Page, face: str) -> tuple[str, list[tuple[int, str]]]:
    """One module for mypy: the prelude, the setup and every block of ``face`` in order.

    The async face's session is the body of one ``async def``, where ``await`` is legal.
    Returns the source and, per line of it, the doc location it came from ("" for ours).
    """
    out: list[str] = []
    origin: list[tuple[int, str]] = []

    def add(code: str, where: str, first_line: int, indent: str) -> None:
        for offset, line in enumerate(code.splitlines()):
            out.append(indent + line if line else "")
            origin.append((first_line + offset, where))

    add(PRELUDE[face], "", 0, "")
    indent = ""
    if face == "async":
        add("async def _session() -> None:", "", 0, "")
        indent = "    "
        add("pass", "", 0, indent)
    if page.setup:
        add(page.setup, f"{page.path.relative_to(REPO).as_posix()} (snippet-setup)", 1, indent)
    for block in page.blocks:
        if block.face == face:
            add(block.code, block.path.relative_to(REPO).as_posix(), block.line, indent)
    return "\n".join(out) + "\n", origin


def typecheck(paths: list[Path] | None = None) -> int:
    """Run ``mypy --strict`` over every session; print errors at their doc locations."""
    chosen = [read_page(p) for p in paths] if paths else pages()
    with tempfile.TemporaryDirectory() as tmp:
        origins: dict[str, list[tuple[int, str]]] = {}
        files = []
        for n, page in enumerate(chosen):
            for face in ("sync", "async"):
                if not any(b.face == face for b in page.blocks):
                    continue
                source, origin = session_module(page, face)
                name = f"snippets_{n}_{face}.py"
                (Path(tmp) / name).write_text(source, encoding="utf-8")
                origins[name] = origin
                files.append(str(Path(tmp) / name))
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "mypy",
                "--strict",
                "--config-file",
                str(REPO / "pyproject.toml"),
                "--cache-dir",
                str(REPO / ".mypy_cache" / "snippets"),
                *files,
            ],
            capture_output=True,
            text=True,
            cwd=tmp,
        )
    errors = 0
    for line in result.stdout.splitlines():
        found = re.match(r"^(snippets_\d+_\w+\.py):(\d+): (.*)$", line)
        if not found:
            continue
        doc_line, where = origins[found[1]][int(found[2]) - 1]
        print(f"{where}:{doc_line}: {found[3]}" if where else f"(prelude): {found[3]}")
        errors += "error:" in found[3]
    blocks = sum(len(p.blocks) for p in chosen)
    if result.returncode and not errors:
        print(result.stdout + result.stderr)
        return 1
    print(f"{blocks} code blocks on {len(chosen)} pages: {errors} mypy --strict errors")
    return 1 if errors else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="*", type=Path, help="only these pages (default: all)")
    args = parser.parse_args()
    return typecheck([p.resolve() for p in args.pages] or None)


if __name__ == "__main__":
    sys.exit(main())
