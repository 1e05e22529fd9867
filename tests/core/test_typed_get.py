"""``client.get(url, Model)``: typed by the model named, checked against the URL first."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.conftest import resolve
from zgw_client import ConfigurationError, InputError, ZGWModel
from zgw_client.catalogi import Statustype
from zgw_client.testing import InMemoryBackend, async_client_for, client_for, seed_demo
from zgw_client.zaken import Status, Zaak


@pytest.fixture
def backend() -> InMemoryBackend:
    backend = InMemoryBackend()
    seed_demo(backend)
    return backend


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    if face == "sync":
        with client_for(backend) as sync_client:
            yield sync_client
    else:
        async with async_client_for(backend) as async_client:
            yield async_client


async def test_get_with_a_model_returns_that_model(client: Any, backend: InMemoryBackend) -> None:
    zaak_url = next(z["url"] for z in backend.all("zaken", "zaken") if z.get("status"))
    zaak = await resolve(client.get(zaak_url, Zaak))
    status = await resolve(client.get(zaak.status, Status))
    statustype = await resolve(client.get(status.statustype, Statustype))
    assert isinstance(status, Status)
    assert isinstance(statustype, Statustype)


async def test_get_without_a_model_is_the_registry_model(
    client: Any, backend: InMemoryBackend
) -> None:
    zaak_url = backend.all("zaken", "zaken")[0]["url"]
    assert type(await resolve(client.get(zaak_url))) is Zaak


async def test_a_model_that_does_not_fit_the_url_fails_before_the_request(
    client: Any, backend: InMemoryBackend
) -> None:
    zaak_url = backend.all("zaken", "zaken")[0]["url"]
    backend.reset_log()
    with pytest.raises(InputError, match="is a Zaak, not a Status"):
        await resolve(client.get(zaak_url, Status))
    assert backend.request_log == []


async def test_the_base_model_fits_every_url(client: Any, backend: InMemoryBackend) -> None:
    zaak_url = backend.all("zaken", "zaken")[0]["url"]
    assert isinstance(await resolve(client.get(zaak_url, ZGWModel)), ZGWModel)


async def test_no_model_known_says_how_to_pass_one(client: Any, backend: InMemoryBackend) -> None:
    url = client.url_for("zaken", "onbekend/1")
    with pytest.raises(ConfigurationError, match=r"get\(url, MyModel\)"):
        await resolve(client.get(url))
