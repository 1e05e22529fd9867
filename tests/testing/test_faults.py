"""Injected faults and latency, through the sync and async transports."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

import httpx
import pytest

from zgw_client.testing import Fault, InMemoryBackend


def test_status_fault_fires_times_then_stops(backend: InMemoryBackend, zaken: httpx.Client) -> None:
    fault = backend.faults.add(Fault(503, retry_after="2", times=2, path_contains="/zaken"))
    for _ in range(2):
        response = zaken.get("zaken")
        assert response.status_code == 503
        assert response.headers["Retry-After"] == "2"
        assert response.json()["status"] == 503
    assert zaken.get("zaken").status_code == 200
    assert fault.fired == 2
    assert len(backend.faults) == 0


def test_fault_matches_method(backend: InMemoryBackend, zaken: httpx.Client) -> None:
    backend.faults.add(Fault(500, method="POST"))
    assert zaken.get("zaken").status_code == 200
    assert zaken.post("zaken", json={}).status_code == 500


@pytest.mark.parametrize(
    ("kind", "error"),
    [
        ("reset", httpx.ConnectError),
        ("disconnect", httpx.RemoteProtocolError),
        ("timeout", httpx.ReadTimeout),
    ],
)
def test_transport_faults_raise(
    backend: InMemoryBackend, zaken: httpx.Client, kind: Any, error: type[Exception]
) -> None:
    backend.faults.add(Fault(kind=kind))
    with pytest.raises(error):
        zaken.get("zaken")
    assert zaken.get("zaken").status_code == 200


def test_truncated_and_html(
    backend: InMemoryBackend, zaken: httpx.Client, data: dict[str, Any]
) -> None:
    backend.faults.add(Fault(kind="truncated"))
    truncated = zaken.get(data["open"]["url"])
    assert truncated.status_code == 200
    with pytest.raises(json.JSONDecodeError):
        truncated.json()
    backend.faults.add(Fault(kind="html"))
    html = zaken.get("zaken")
    assert html.status_code == 502
    assert html.headers["Content-Type"] == "text/html"


def test_fault_needs_status() -> None:
    with pytest.raises(ValueError, match="needs a status"):
        Fault()


def test_request_log_counts(backend: InMemoryBackend, zaken: httpx.Client) -> None:
    zaken.get("zaken")
    zaken.get("rollen")
    assert backend.request_log == [
        ("GET", "http://zgw.test/zaken/api/v1/zaken"),
        ("GET", "http://zgw.test/zaken/api/v1/rollen"),
    ]
    assert len(backend.requests_matching("GET", "/rollen")) == 1


def test_unknown_host_does_not_connect(backend: InMemoryBackend) -> None:
    with httpx.Client(transport=backend.transport()) as client, pytest.raises(httpx.ConnectError):
        client.get("http://elsewhere.test/zaken/api/v1/")


def test_sync_latency(backend: InMemoryBackend, zaken: httpx.Client) -> None:
    backend.latency = 0.05
    started = time.perf_counter()
    zaken.get("zaken")
    assert time.perf_counter() - started >= 0.05


async def test_async_transport_latency_overlaps(
    backend: InMemoryBackend, data: dict[str, Any]
) -> None:
    backend.latency = 0.1
    headers = backend.auth_headers("zaken")
    async with httpx.AsyncClient(
        transport=backend.async_transport(), base_url=backend.api_roots["zaken"], headers=headers
    ) as client:
        started = time.perf_counter()
        responses = await asyncio.gather(*(client.get("zaken") for _ in range(10)))
        elapsed = time.perf_counter() - started
    assert all(r.status_code == 200 for r in responses)
    assert responses[0].json()["count"] == 2
    assert 0.1 <= elapsed < 0.5


async def test_async_faults(backend: InMemoryBackend) -> None:
    backend.faults.add(Fault(kind="timeout"))
    async with httpx.AsyncClient(transport=backend.async_transport()) as client:
        with pytest.raises(httpx.ReadTimeout):
            await client.get(backend.api_roots["zaken"])
        assert (await client.get(backend.api_roots["zaken"])).status_code == 200
