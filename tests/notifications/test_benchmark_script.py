"""The benchmark script keeps working (a few messages each; the figures are its business)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "notifications_receiver.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("notifications_receiver_bench", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "name",
    ["bench_core_sync", "bench_core_duplicates", "bench_core_async", "bench_fastapi_in_process"],
)
def test_each_in_process_measurement_runs(bench: ModuleType, name: str) -> None:
    assert getattr(bench, name)(20, 2) > 0


def test_the_uvicorn_measurement_runs(bench: ModuleType) -> None:
    assert bench.bench_uvicorn(10, 1, 2) > 0


def test_the_loop_benchmark_runs_on_both_faces() -> None:
    path = SCRIPT.with_name("notifications_loop.py")
    spec = importlib.util.spec_from_file_location("notifications_loop_bench", path)
    assert spec is not None
    assert spec.loader is not None
    loop = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = loop
    spec.loader.exec_module(loop)
    import asyncio

    for times in (loop.run_sync(2), asyncio.run(loop.run_async(2))):
        assert {name: len(values) for name, values in times.items()} == {
            "loop": 2,
            "write": 2,
            "compose": 2,
        }
