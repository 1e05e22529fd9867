"""The hand-tuned benchmark variant (``benchmarks/handtuned_overview.py``) shows what the
SDK's overview shows, for the seeded benchmark citizen on the served in-memory backend: so
the real-stack benchmark compares like with like. Also how few requests it sends."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from zgw_client import ZGWClient, ZGWConfig
from zgw_client.mijnzaken import MijnZaken
from zgw_client.testing import DEMO_BSN, InMemoryBackend, config_for, seed_benchmark

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "handtuned_overview.py"


@pytest.fixture(scope="module")
def handtuned() -> ModuleType:
    spec = importlib.util.spec_from_file_location("handtuned_overview", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def served() -> Iterator[tuple[InMemoryBackend, ZGWConfig]]:
    backend = InMemoryBackend()
    seed_benchmark(backend)
    with backend.serve() as server:
        yield backend, config_for(backend, base_url=server.url)


def _stack(handtuned: ModuleType, backend: InMemoryBackend, config: ZGWConfig) -> Any:
    roots = {name: service.api_root for name, service in config.services.items()}
    tokens = {name: backend.token for name in ("klantinteracties", "objecten") if name in roots}
    return handtuned.Stack(roots, backend.jwt_client_id, backend.jwt_secret, tokens)


@pytest.mark.parametrize("details", [False, True], ids=["overview", "details"])
def test_same_content_as_the_sdk(
    handtuned: ModuleType, served: tuple[InMemoryBackend, ZGWConfig], details: bool
) -> None:
    backend, config = served
    with ZGWClient(config) as client:
        overview = MijnZaken(client).overview(bsn=DEMO_BSN, details=details)
    assert overview.complete, overview.missing
    expected = handtuned.content(overview)
    got = asyncio.run(
        handtuned.run_once(_stack(handtuned, backend, config), DEMO_BSN, details=details)
    )
    assert len(expected["zaken"]) == 25
    assert expected["taken"]
    if details:
        first = next(iter(expected["zaken"].values()))
        assert first["steps"]
        assert first["documenten"]
        assert first["besluiten"]
        assert first["contactmomenten"]
    assert got == expected


def test_fewest_requests(handtuned: ModuleType, served: tuple[InMemoryBackend, ZGWConfig]) -> None:
    backend, config = served
    sent: list[str] = []

    async def record(request: httpx.Request) -> None:
        sent.append(f"{request.method} {request.url.path}")

    async def main() -> None:
        stack = _stack(handtuned, backend, config)
        async with handtuned.new_http(stack, event_hooks={"request": [record]}) as http:
            await handtuned.run_once(stack, DEMO_BSN, details=True, http=http)

    asyncio.run(main())
    per_zaak = [s for s in sent if s.endswith(("/statussen", "/enkelvoudiginformatieobjecten"))]
    assert len(per_zaak) == 50  # 25 zaken x (statussen, documents)
    assert sum(s.endswith("/klantcontacten") for s in sent) == 1
    assert sum(s.endswith("/zaken/_zoek") for s in sent) == 1
    assert sum(s.endswith("/statustypen") for s in sent) == 1
    assert sum("/informatieobjecttypen" in s for s in sent) == 1
