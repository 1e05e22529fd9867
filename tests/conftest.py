"""Shared fixtures: run each client test in both faces (sync and async)."""

from __future__ import annotations

import inspect
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from zgw_client import AsyncZGWClient, RetryPolicy, Service, ZGWClient, ZGWConfig, ZGWCredentials

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = SHARED / "samples"
SPECS = SHARED / "specs"

ZAKEN_ROOT = "https://openzaak.test/zaken/api/v1/"
CATALOGI_ROOT = "https://openzaak.test/catalogi/api/v1/"
SECRET = "geheim-secret-value-123"
FAST_RETRY = RetryPolicy(max_attempts=3, backoff_initial=0, backoff_max=0, deadline=30)


def samples_dir() -> Path:
    """The shared samples folder, or a clear skip when this checkout lacks it."""
    if not SAMPLES.is_dir():
        pytest.skip(f"../shared/samples not found at {SAMPLES}: sample-based tests need it")
    return SAMPLES


def default_config(retry: RetryPolicy = FAST_RETRY) -> ZGWConfig:
    creds = ZGWCredentials("zgw-client-test", SECRET, user_id="tester")
    return ZGWConfig(
        {
            "zaken": Service(ZAKEN_ROOT, creds, retry=retry),
            "catalogi": Service(CATALOGI_ROOT, creds, retry=retry),
        }
    )


async def resolve(value: Any) -> Any:
    """Await ``value`` when the async face returned an awaitable."""
    if inspect.isawaitable(value):
        return await value
    return value


async def collect(paginator: Any) -> list[Any]:
    """Every item of a sync or async paginator."""
    if hasattr(paginator, "__aiter__"):
        return [item async for item in paginator]
    return list(paginator)


async def close(client: Any) -> None:
    await resolve(client.aclose() if isinstance(client, AsyncZGWClient) else client.close())


def pytest_report_header() -> list[str]:
    from tests.support.redis_server import which_redis

    if SPECS.is_dir():
        contract = (
            f"contract checks: exchanges with the in-memory backend are validated against {SPECS}"
        )
    else:
        contract = (
            f"contract checks: OFF - the OpenAPI specs folder {SPECS} is absent, so requests "
            "and responses are not validated against the official specs"
        )
    binary = which_redis()
    redis = (
        f"redis: the Redis cache tests run against a real redis-server ({binary}) on a free "
        "loopback port"
        if binary
        else "redis: redis-server not found (or ZGW_TEST_REDIS=fake): the Redis cache tests "
        "run against fakeredis, in-process"
    )
    return [contract, redis]


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A redis-server of the test session (or the fakeredis fallback), see tests/support."""
    from tests.support.redis_server import start_redis

    server = start_redis(tmp_path_factory.mktemp("redis"))
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def hermetic_environment(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Unit tests do not see ``ZGW_*`` variables (a developer's shell, or the behaviour
    suite in tests/live, which points them at its stack)."""
    path = str(request.node.path).replace("\\", "/")
    if "tests/live/" in path:
        return
    if "tests/cassette_tests/" in path and os.environ.get("ZGW_RECORD") == "1":
        return  # recording a cassette needs the real stack's variables
    for key in [k for k in os.environ if k.startswith("ZGW_") and k != "ZGW_CONTRACT"]:
        monkeypatch.delenv(key)


@pytest.fixture(autouse=True)
def contract_check(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Any:
    """Validate every exchange with the in-memory backend against the official spec."""
    if (
        not SPECS.is_dir()
        or request.node.get_closest_marker("no_contract")
        or os.environ.get("ZGW_CONTRACT") == "0"
    ):
        yield None
        return
    from tests.contract.recorder import ContractRecorder
    from zgw_client.testing import InMemoryBackend

    recorder = ContractRecorder()
    original = InMemoryBackend.process

    def recording(self: InMemoryBackend, http_request: httpx.Request, **kwargs: Any) -> Any:
        outcome = original(self, http_request, **kwargs)
        if isinstance(outcome, httpx.Response):
            recorder.record(http_request, outcome)
        return outcome

    monkeypatch.setattr(InMemoryBackend, "process", recording)
    yield recorder
    violations = recorder.violations()
    if violations:
        shown = "\n".join(f"  - {v}" for v in violations[:15])
        pytest.fail(
            f"{len(violations)} exchange(s) break the official OpenAPI spec:\n{shown}",
            pytrace=False,
        )


@pytest.fixture(params=["sync", "async"])
def face(request: pytest.FixtureRequest) -> str:
    return str(request.param)


Handler = Callable[[httpx.Request], httpx.Response]


@pytest.fixture
def make_client(face: str) -> Callable[..., Any]:
    """Build a client of the current face around a MockTransport handler."""
    made: list[Any] = []

    def build(handler: Handler, config: ZGWConfig | None = None) -> Any:
        transport = httpx.MockTransport(handler)
        cfg = config or default_config()
        client: Any
        if face == "sync":
            client = ZGWClient(cfg, http_client=httpx.Client(transport=transport))
        else:
            client = AsyncZGWClient(cfg, http_client=httpx.AsyncClient(transport=transport))
        made.append(client)
        return client

    return build


def snapshot(request: httpx.Request) -> httpx.Request:
    """A copy of ``request`` as sent: the client blanks credentials once the exchange ends."""
    return httpx.Request(
        request.method,
        request.url,
        headers=request.headers.copy(),
        extensions=dict(request.extensions),
    )


def decode_token(token: str, secret: str) -> dict[str, Any]:
    """Decode a JWT in a test, without pyjwt's short-key warning about our test secrets."""
    import warnings

    import jwt

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return dict(jwt.decode(token, secret, algorithms=["HS256"]))


def json_response(status: int, body: Any, **headers: str) -> httpx.Response:
    content_type = headers.pop("content_type", "application/json")
    return httpx.Response(status, json=body, headers={"Content-Type": content_type, **headers})
