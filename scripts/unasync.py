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

ASYNC, SYNC = PACKAGE / "_async", PACKAGE / "_sync"

#: Each async source module and the sync module generated from it: every module of
#: ``_async/`` has its twin of the same name in ``_sync/``.
FILES = {
    f"_async/{path.name}": f"_sync/{path.name}"
    for path in sorted(ASYNC.glob("*.py"))
    if path.name != "__init__.py"  # each package says what it is in its own words
}

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
    (r"\basync_deadline\b", "deadline"),
    (r"\b_async_", "_sync_"),
    (r"Awaitable\[([^\[\]]+)\]", r"\1"),
    (r"\bAwaitable, ", ""),
    (r"\bAsync([A-Z]\w*)", r"\1"),
    (r"\basynchronous\b", "synchronous"),
    (r"\bAsynchronous\b", "Synchronous"),
    (r"\bawaitable\b", "callable"),
    # The source's note "Source of the sync face (see ...)" reads wrong in the output.
    (
        r"Source of the sync face \(see ``scripts/unasync\.py``\)",
        "Generated from its ``_async/`` source by ``scripts/unasync.py``",
    ),
]

HEADER = (
    "# GENERATED from src/zgw_client/_async/{source} by scripts/unasync.py.\n"
    "# Do not edit: edit the source and run the script.\n"
)


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
    orphans = sorted(
        f"_sync/{path.name}"
        for path in SYNC.glob("*.py")
        if path.name != "__init__.py" and f"_sync/{path.name}" not in FILES.values()
    )
    if orphans:
        print("generated files without a source: " + ", ".join(orphans) + " (delete them)")
        return 1
    if check and stale:
        print("stale generated files: " + ", ".join(stale) + " (run scripts/unasync.py)")
        return 1
    if not check:
        print("regenerated: " + (", ".join(stale) or "nothing to do"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
