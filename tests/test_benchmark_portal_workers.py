"""The workers benchmark keeps working: its processes come up, talk, and its table prints.

One smoke run with the smallest numbers (one worker per wave, a few overviews) against a
real redis-server, the served backend and uvicorn; the figures themselves are the script's
business (``benchmarks/portal_workers.py``), so only the shape of its report is checked, and
what does not depend on timing: every overview answered, and a worker that starts after the
cache is warm asks the backend for no catalogi.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "portal_workers.py"


@pytest.mark.skipif(
    shutil.which("redis-server") is None, reason="redis-server not installed (apt redis-server)"
)
def test_a_smoke_run_prints_the_tables() -> None:
    command = [sys.executable, str(SCRIPT), "--workers", "1", "--requests", "3"]
    command += ["--in-flight", "1", "--latency", "0"]  # one at a time: one cold miss
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
    out = done.stdout
    assert "1 uvicorn workers per wave, 3 overviews per wave, 1 in flight" in out
    assert "== backend requests per worker" in out
    assert "== per wave" in out
    rows = {
        m["worker"]: (int(m["overviews"]), int(m["catalogi"]))
        for m in re.finditer(
            r"^(cold|warm)\s+(?P<worker>\S+)\s+(?P<overviews>\d+)\s+(?P<catalogi>\d+)\s+\d+\s+",
            out,
            re.MULTILINE,
        )
    }
    assert rows.keys() == {"cold-1", "warm-1"}
    assert rows["cold-1"] == (3, 2)  # the zaaktype and its statustypen, once
    assert rows["warm-1"] == (3, 0)
    waves = re.findall(r"^(cold|warm)\s+3\s+\d+ms\s+\d+ms\s+(\d+)\s+[\d.]+  ", out, re.MULTILINE)
    assert waves == [("cold", "2"), ("warm", "0")]
    assert "catalogi requests of workers started warm: 0  (target 0)" in out
