"""The home page benchmark keeps working: its scenario and the requests of each composition.

One run each against the served in-memory backend (``benchmarks/home_page.py``); the
figures themselves are the script's business. 600 berichten and taken of other citizens
make each Open VTB list two pages of 500.
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
from zgw_client.testing import InMemoryBackend, config_for

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "home_page.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("home_page", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def served(bench: ModuleType) -> Iterator[ZGWConfig]:
    backend = InMemoryBackend(latency=0.02)
    bench.seed(backend, 600)
    with backend.serve() as server:
        yield config_for(backend, base_url=server.url)


def test_each_composition_and_its_requests(bench: ModuleType, served: ZGWConfig) -> None:
    policy = Policy()
    requests = {name: bench.run_async(served, policy, name, 1).requests for name in bench.WAYS}
    assert requests == {
        # the zaken and rollen, the zaaktype and its statustypen, the Objects API's two
        "MijnZaken overview (today)": 6,
        "home page, zaken part only": 4,
        # ... and two pages each of Open VTB's taken and berichten, one of producten
        "home page, every part": 11,
    }
    sync = bench.run_sync(served, policy, "home page, every part", 1)
    assert sync.requests == 11


def test_the_report_compares_with_the_overview(
    bench: ModuleType, served: ZGWConfig, capsys: pytest.CaptureFixture[str]
) -> None:
    results = bench.measure(served.services["zaken"].api_root.split("/zaken/")[0], Policy(), 1)
    bench.report(results, 0.02)
    out = capsys.readouterr().out
    assert "async: home page, every part" in out
    assert "sync:  home page, every part" in out
    assert "home page / overview:" in out
    assert "+5 requests" in out
