"""The benchmark script keeps working: its measuring and its three ways of composing.

Run against the served in-memory backend with one run each, so it is quick; the figures
themselves are the script's business (``benchmarks/mijnzaken_overview.py``). The 20 ms
latency keeps the request order of a composition (and so the measured depth) steady.
The gemma-zds-client baseline is not run here (it is an optional dependency).
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from zgw_client import ZGWConfig
from zgw_client.mijnzaken import Policy
from zgw_client.testing import DEMO_BSN, InMemoryBackend, config_for, seed_benchmark

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "mijnzaken_overview.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("mijnzaken_overview", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def served() -> Iterator[ZGWConfig]:
    backend = InMemoryBackend(latency=0.02)
    seed_benchmark(backend)
    with backend.serve() as server:
        yield config_for(backend, base_url=server.url)


def test_trace_depth_counts_dependent_requests(bench: ModuleType) -> None:
    trace = bench.Trace()
    trace.spans = [(0.0, 1.0), (0.1, 1.2), (1.1, 2.0), (2.5, 3.0), (1.3, 1.4)]
    # (1.1, 2.0) starts after (0.0, 1.0) ended: level 2; (2.5, 3.0) after it: level 3.
    assert trace.depth() == 3
    assert trace.count == 5


def test_overview_ways(bench: ModuleType, served: ZGWConfig) -> None:
    policy = Policy()
    cold, warm = bench.run_async(served, policy, DEMO_BSN, 1, details=False)
    assert (cold.requests, cold.depth) == (6, bench.CHAIN[False])
    assert (warm.requests, warm.depth, warm.catalogi_requests) == (4, 1, 0)
    open_conns, open_warm = bench.run_async(
        served, policy, DEMO_BSN, 1, details=False, open_connections=True
    )
    assert (open_conns.requests, open_warm.requests) == (6, 4)
    sync = bench.run_sync(served, policy, DEMO_BSN, 1, details=False)
    assert sync.requests == 6


def test_report_names_the_targets(
    bench: ModuleType, served: ZGWConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    cold, warm = bench.run_async(served, Policy(), DEMO_BSN, 1, details=True)
    bench._report(True, [cold, warm], latency=0.02, concurrency=8)
    out = capsys.readouterr().out
    assert "lower bound (chain x latency)" in out
    assert f"= {cold.requests} requests / 8 at once" in out
    assert "catalogi requests, warm: 0" in out
    assert "(no target: see below)" in out  # the 1.5x target is the overview's
    bench._report(False, [cold, warm], latency=0.02, concurrency=8)
    assert "(target <= 1.5x)" in capsys.readouterr().out
