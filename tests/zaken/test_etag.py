"""ETag revalidation: used where safe, never where a 304 could hide a change."""

from __future__ import annotations

from typing import Any

import httpx

from tests.conftest import resolve
from tests.zaken.conftest import seed
from zgw_client import ZGWClient
from zgw_client.testing import InMemoryBackend, config_for


async def test_second_get_revalidates_and_reuses_the_body(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any]
) -> None:
    url = seeded["zaken"][0]["url"]
    first = await resolve(client.zaken.zaken.get(url))
    backend.request_log.clear()
    second = await resolve(client.zaken.zaken.get(url))
    assert second == first
    assert len(backend.request_log) == 1  # one cheap 304, same body


async def test_expanded_get_is_never_revalidated(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any], monkeypatch: Any
) -> None:
    url = seeded["zaken"][0]["url"]
    sent: list[str] = []
    original = backend.process

    def spy(request: Any, **kwargs: Any) -> Any:
        sent.append(request.headers.get("If-None-Match", ""))
        return original(request, **kwargs)

    monkeypatch.setattr(backend, "process", spy)
    await resolve(client.zaken.zaken.get(url, expand=["rollen"]))
    # A rol goes away elsewhere; the zaak's own ETag may not change with it.
    await resolve(client.zaken.zaken.get(url, expand=["rollen"]))
    assert sent == ["", ""]


async def test_own_write_forgets_the_etags_of_that_api(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any], monkeypatch: Any
) -> None:
    url = seeded["zaken"][1]["url"]
    await resolve(client.zaken.zaken.get(url))
    await resolve(
        client.zaken.statussen.create(
            {
                "zaak": url,
                "statustype": seeded["statustypen"][0]["url"],
                "datumStatusGezet": "2026-03-01T10:00:00Z",
            }
        )
    )
    sent: list[str] = []
    original = backend.process

    def spy(request: Any, **kwargs: Any) -> Any:
        sent.append(request.headers.get("If-None-Match", ""))
        return original(request, **kwargs)

    monkeypatch.setattr(backend, "process", spy)
    zaak = await resolve(client.zaken.zaken.get(url))
    assert sent == [""]  # a full GET, not a revalidation
    assert zaak.status  # and it shows the new status


def test_etags_can_be_turned_off(monkeypatch: Any) -> None:
    backend = InMemoryBackend()
    seeded = seed(backend)
    sent: list[str] = []
    original = backend.process

    def spy(request: Any, **kwargs: Any) -> Any:
        sent.append(request.headers.get("If-None-Match", ""))
        return original(request, **kwargs)

    monkeypatch.setattr(backend, "process", spy)
    http = httpx.Client(transport=backend.transport())
    with ZGWClient(config_for(backend), http_client=http, use_etags=False) as client:
        client.zaken.zaken.get(seeded["zaken"][0]["url"])
        client.zaken.zaken.get(seeded["zaken"][0]["url"])
    assert sent == ["", ""]
