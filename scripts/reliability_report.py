"""Print the reliability figures: faults injected and survived, payloads fuzzed by outcome,
leak attempts and leaks, BSN-in-output checks; both faces.

It runs the same campaign as ``tests/reliability`` (``tests/reliability/campaign.py``), with
the same fixed seeds, so the figures are those CI checks. ``--scale N`` draws N times as
many hypothesis examples (a longer, still repeatable run).

    python scripts/reliability_report.py            # Markdown tables, as in the guide
    python scripts/reliability_report.py --scale 5
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.reliability.campaign import (  # noqa: E402 - the repository root is on the path now
    ASYNC_ONLY,
    FACES,
    FAST_FAULTS,
    SLOW_FAULTS,
    VECTORS,
    Budget,
    Tally,
    run_campaign,
)


def _table(header: list[str], rows: list[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def faults(tally: Tally) -> str:
    rows: list[list[object]] = []
    for kind in FAST_FAULTS + SLOW_FAULTS:
        row: list[object] = [kind]
        for face in FACES:
            if face == "sync" and kind in ASYNC_ONLY:
                row += ["n/a", "", ""]
                continue
            key = (face, kind)
            row += [tally.injected[key], tally.survived[key], tally.recovered[key]]
        rows.append(row)
    totals: list[object] = ["**total**"]
    for face in FACES:
        for counter in (tally.injected, tally.survived, tally.recovered):
            totals.append(sum(n for (f, _), n in counter.items() if f == face))
    rows.append(totals)
    header = ["fault"] + [
        f"{face} {what}" for face in FACES for what in ("injected", "survived", "recovered")
    ]
    return _table(header, rows)


def payloads(tally: Tally) -> str:
    by: Counter[tuple[str, str]] = Counter()
    for (face, target, outcome), count in tally.payloads.items():
        by[(f"{face}|{target}", outcome)] += count
    keys = sorted({(target, outcome) for (_, target, outcome) in tally.payloads})
    rows = [
        [target, outcome, *(by[(f"{face}|{target}", outcome)] for face in FACES)]
        for target, outcome in keys
    ]
    rows.append(
        [
            "**total**",
            "",
            *(sum(n for (f, _, _), n in tally.payloads.items() if f == face) for face in FACES),
        ]
    )
    return _table(["answer", "outcome", *FACES], rows)


def leaks(tally: Tally) -> str:
    rows: list[list[object]] = []
    for vector in VECTORS:
        row: list[object] = [vector]
        for face in FACES:
            found = sum(1 for leak in tally.leaks if leak.startswith(f"{face} {vector}:"))
            row += [tally.leak_attempts[(face, vector)], found]
        rows.append(row)
    header = ["URL enters through"] + [
        f"{face} {what}" for face in FACES for what in ("attempts", "leaks")
    ]
    return _table(header, rows)


def bsn(tally: Tally) -> str:
    channels = sorted({channel for (_, channel) in tally.bsn_checks})
    rows = []
    for channel in channels:
        checks = {face: n for (face, c), n in tally.bsn_checks.items() if c == channel}
        hits = sum(1 for hit in tally.bsn_hits if f" {channel}: " in hit)
        where = ", ".join(f"{face} {n}" for face, n in sorted(checks.items()))
        rows.append([channel, where.replace("- ", "both faces "), hits])
    return _table(["output channel", "texts checked", "with a BSN"], rows)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1, help="draw N times as many examples")
    args = parser.parse_args(argv)
    base = Budget()
    budget = Budget(
        fault_sequences=base.fault_sequences * args.scale,
        payloads=base.payloads * args.scale,
        leaks=base.leaks * args.scale,
    )
    tally = run_campaign(budget)
    print(f"## Socket faults (fake server on 127.0.0.1)\n\n{faults(tally)}\n")
    print(f"## Fuzzed payloads (mock transport)\n\n{payloads(tally)}\n")
    print(f"## Credential leaks (capture servers)\n\n{leaks(tally)}\n")
    print(f"## BSNs in output\n\n{bsn(tally)}\n")
    print(
        f"Failures: {len(tally.escapes)} outside the ZGWError tree, {len(tally.duplicates)} "
        f"POST/PATCH sent twice, {len(tally.overruns)} calls past their deadline, "
        f"{len(tally.leaks)} leaks, {len(tally.bsn_hits)} BSNs in output. "
        f"Campaign time: {tally.seconds:.1f} s (budget: {budget})."
    )
    for failure in tally.failures()[:50]:
        print(f"  - {failure}")
    return 1 if tally.failures() else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
