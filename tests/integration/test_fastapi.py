"""The FastAPI example in the real framework: lifespan, dependency, the overview endpoint."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from zgw_client import AsyncZGWClient
from zgw_client.fastapi import ZGWClientDep, zgw_lifespan
from zgw_client.testing import InMemoryBackend, config_for
from zgw_client.testing.demo import DEMO_BSN, seed_demo

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "portal_fastapi" / "app.py"


def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("portal_fastapi_app", EXAMPLE)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def backend() -> InMemoryBackend:
    backend = InMemoryBackend()
    seed_demo(backend)
    return backend


def test_the_example_serves_the_logged_in_citizens_overview(
    backend: InMemoryBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[AsyncZGWClient] = []

    def factory() -> AsyncZGWClient:
        http = httpx.AsyncClient(transport=backend.async_transport())
        made.append(AsyncZGWClient(config_for(backend), http_client=http))
        return made[-1]

    monkeypatch.setenv("ZGW_DEMO_SESSIONS", f"demo-token={DEMO_BSN}")
    app = load_example().create_app(factory)
    with TestClient(app) as http:
        assert http.get("/mijn-zaken").status_code == 401
        answer = http.get("/mijn-zaken", headers={"Authorization": "Bearer demo-token"})
        again = http.get("/mijn-zaken", headers={"Authorization": "Bearer demo-token"})
    assert answer.status_code == 200
    overview = answer.json()
    assert overview["subject"]["masked"].endswith(DEMO_BSN[-4:])
    assert overview["lopende_zaken"]
    assert overview["missing"] == []
    assert again.status_code == 200
    assert len(made) == 1  # one client for the app's life, made at start-up


async def test_the_lifespan_closes_the_client_and_its_own_cache() -> None:
    closed: list[str] = []

    class Cache:
        async def get(self, key: str) -> Any:
            return None

        async def set(self, key: str, value: Any, ttl: float | None = None) -> None:
            return None

        async def aclose(self) -> None:
            closed.append("cache")

    backend = InMemoryBackend()

    def factory() -> AsyncZGWClient:
        return AsyncZGWClient(config_for(backend), cache=Cache())

    app = FastAPI(lifespan=zgw_lifespan(factory))

    @app.get("/kinds")
    async def kinds(client: ZGWClientDep) -> list[str]:
        return sorted({client.kind_of(name) for name in client.config.services})

    with TestClient(app) as http:
        assert "zaken" in http.get("/kinds").json()
        client = app.state.zgw_client
    assert closed == ["cache"]
    assert client._http.is_closed


def test_without_the_lifespan_the_dependency_says_what_to_do() -> None:
    app = FastAPI()

    @app.get("/x")
    async def x(client: ZGWClientDep) -> str:
        return "unreachable"

    with (
        TestClient(app, raise_server_exceptions=True) as http,
        pytest.raises(RuntimeError, match="zgw_lifespan"),
    ):
        http.get("/x")
