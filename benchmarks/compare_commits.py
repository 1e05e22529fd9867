"""Run a benchmark against another commit and this checkout, alternately, in one run.

Speed on a shared machine drifts between minutes, so a before/after comparison is only
fair when both sides run interleaved: this exports ``src/`` of ``--base`` (a commit, tag or
branch) to a temporary folder, then runs the benchmark script of *this* checkout
``--rounds`` times per side, alternating, with ``PYTHONPATH`` pointing at either source
tree, and prints each side's figures and the median per line.

    python benchmarks/compare_commits.py --base 202cdc5 -- --runs 5
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: A result line of mijnzaken_overview.py: "<approach>  <n>ms  <requests>  <depth>".
LINE = re.compile(r"^(?P<name>\S.*?\S)\s+(?P<ms>\d+)ms\s+(?P<requests>\d+)\s+(?P<depth>\d+)$")


def export(ref: str, target: Path) -> Path:
    """``src/`` of ``ref``, unpacked under ``target``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True
    ).stdout
    path = target / "archive.tar"
    path.write_bytes(archive)
    with tarfile.open(path) as tar:
        tar.extractall(target, filter="data")
    return target / "src"


def run(script: Path, src: Path, args: list[str]) -> dict[str, tuple[int, int, int]]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    out = subprocess.run(
        [sys.executable, str(script), *args], env=env, capture_output=True, text=True, check=True
    ).stdout
    section = ""
    found: dict[str, tuple[int, int, int]] = {}
    for line in out.splitlines():
        if line.startswith("== "):
            section = line[3:].strip()
        match = LINE.match(line.strip())
        if match:
            key = f"{section}: {match['name']}"
            found[key] = (int(match["ms"]), int(match["requests"]), int(match["depth"]))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", required=True, help="the commit to compare with")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--script", default="benchmarks/mijnzaken_overview.py")
    parser.add_argument("args", nargs="*", help="arguments for the benchmark script")
    options = parser.parse_args()
    script = ROOT / options.script
    with tempfile.TemporaryDirectory() as tmp:
        sides = {options.base: export(options.base, Path(tmp)), "this checkout": ROOT / "src"}
        results: dict[str, dict[str, list[tuple[int, int, int]]]] = {
            side: defaultdict(list) for side in sides
        }
        for _ in range(options.rounds):
            for side, src in sides.items():
                for key, value in run(script, src, options.args).items():
                    results[side][key].append(value)
    base, this = results[options.base], results["this checkout"]
    print(f"median over {options.rounds} alternating rounds of {options.script} {options.args}")
    print(f"{'line':56} {'base ms':>8} {'this ms':>8} {'ratio':>6}  requests  depth")
    for key in this:
        if key not in base:
            continue
        b = statistics.median(v[0] for v in base[key])
        t = statistics.median(v[0] for v in this[key])
        requests = f"{base[key][0][1]}->{this[key][0][1]}"
        depth = f"{base[key][0][2]}->{this[key][0][2]}"
        print(f"{key[:56]:56} {b:8.0f} {t:8.0f} {t / b:6.2f}  {requests:>8}  {depth:>5}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
