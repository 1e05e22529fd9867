"""Generate the sync face of zgw-client from its async source.

The async modules are the single source of the I/O shells; this script derives the sync
ones by dropping ``async``/``await`` and renaming ``Async*`` names, the way httpcore does.

    python scripts/unasync.py          # rewrite the generated files
    python scripts/unasync.py --check  # exit 1 if a generated file is stale
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "zgw_client"

#: Each async source module and the sync module generated from it.
FILES = {
    "_async_client.py": "_sync_client.py",
    "_async_pagination.py": "_sync_pagination.py",
    "_async_resource.py": "_sync_resource.py",
    "_async_contact.py": "_sync_contact.py",
    "mijnzaken/_async_composer.py": "mijnzaken/_sync_composer.py",
}

# Also any module named ``_async_resources.py`` inside an API package.
FILES.update(
    {
        str(path.relative_to(PACKAGE)): str(
            path.relative_to(PACKAGE).with_name("_sync_resources.py")
        )
        for path in sorted(PACKAGE.glob("*/_async_resources.py"))
    }
)

SUBSTITUTIONS: list[tuple[str, str]] = [
    (r"\basync def\b", "def"),
    (r"\bawait ", ""),
    (r"\basync for\b", "for"),
    (r"\basync with\b", "with"),
    (r"\basynccontextmanager\b", "contextmanager"),
    (r"__aenter__", "__enter__"),
    (r"__aexit__", "__exit__"),
    (r"__aiter__", "__iter__"),
    (r"__anext__", "__next__"),
    (r"\bStopAsyncIteration\b", "StopIteration"),
    (r"\baclose\b", "close"),
    (r"\baread\b", "read"),
    (r"\baiter_bytes\b", "iter_bytes"),
    (r"\baiter_raw\b", "iter_raw"),
    (r"\basync_transport\b", "transport"),
    (r"\b_async_", "_sync_"),
    (r"Awaitable\[([^\[\]]+)\]", r"\1"),
    (r"\bAwaitable, ", ""),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\basynchronous\b", "synchronous"),
    (r"\bAsynchronous\b", "Synchronous"),
    (r"\bawaitable\b", "callable"),
    # The source's note "Source of ``_sync_x.py`` (see ...)" reads wrong in the output.
    (
        r"Source of ``_sync_[\w.]+`` \(see ``scripts/unasync\.py``\)",
        "Generated from its ``_async_`` source by ``scripts/unasync.py``",
    ),
]

HEADER = "# Generated from {source} by scripts/unasync.py. Do not edit: edit the source.\n"


def generate(source: Path) -> str:
    text = source.read_text(encoding="utf-8")
    for pattern, replacement in SUBSTITUTIONS:
        text = re.sub(pattern, replacement, text)
    return HEADER.format(source=source.name) + text


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source_name, target_name in FILES.items():
        source, target = PACKAGE / source_name, PACKAGE / target_name
        expected = generate(source)
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != expected:
            stale.append(target_name)
            if not check:
                target.write_text(expected, encoding="utf-8")
    if check and stale:
        print("stale generated files: " + ", ".join(stale) + " (run scripts/unasync.py)")
        return 1
    if not check:
        print("regenerated: " + (", ".join(stale) or "nothing to do"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
