"""Services have a kind apart from their name; several services may share a kind."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import close, resolve
from zgw_client import (
    API_KINDS,
    AsyncZGWClient,
    ConfigurationError,
    InputError,
    Service,
    ZGWClient,
    ZGWConfig,
)
from zgw_client.testing import (
    InMemoryBackend,
    async_mounts_for,
    config_for,
    mounts_for,
)
from zgw_client.testing.demo import seed_demo
from zgw_client.zaken import Zaak


def test_the_kind_defaults_from_a_name_that_is_a_kind() -> None:
    config = ZGWConfig({"zaken": Service("https://oz.test/zaken/api/v1/")})
    assert config.kind_of("zaken") == "zaken"


def test_a_name_that_is_no_kind_needs_one() -> None:
    with pytest.raises(ConfigurationError, match="has no kind") as caught:
        ZGWConfig({"zaken_oost": Service("https://oz.test/zaken/api/v1/")})
    assert "kind='zaken'" in str(caught.value)


def test_an_unknown_kind_lists_the_valid_ones() -> None:
    with pytest.raises(ConfigurationError, match="unknown kind 'zaak'") as caught:
        Service("https://oz.test/zaken/api/v1/", kind="zaak")  # type: ignore[arg-type]
    assert all(kind in str(caught.value) for kind in API_KINDS)


def test_toml_and_environment_take_a_kind(tmp_path: Path) -> None:
    path = tmp_path / "zgw.toml"
    path.write_text(
        '[services.zaken]\napi_root = "https://west.test/zaken/api/v1/"\n'
        '[services.zaken_oost]\napi_root = "https://oost.test/zaken/api/v1/"\nkind = "zaken"\n',
        encoding="utf-8",
    )
    config = ZGWConfig.from_toml(path)
    assert config.names_of("zaken") == ["zaken", "zaken_oost"]
    env = {
        "ZGW_ZAKEN_OOST_API_ROOT": "https://oost.test/zaken/api/v1/",
        "ZGW_ZAKEN_OOST_KIND": "zaken",
    }
    assert ZGWConfig.from_env(env).kind_of("zaken_oost") == "zaken"
    with pytest.raises(ConfigurationError, match="unknown kind"):
        ZGWConfig.from_env({**env, "ZGW_ZAKEN_OOST_KIND": "zaakje"})
    path.write_text(
        '[services.oost]\napi_root = "https://oost.test/zaken/api/v1/"\nkind = "zaak"\n',
        encoding="utf-8",
    )
    with pytest.raises(ConfigurationError, match=r"\[services.oost\]: unknown kind"):
        ZGWConfig.from_toml(path)


def test_several_of_a_kind_without_a_default_ask_to_pick_one() -> None:
    client = ZGWClient(
        {
            "west": Service("https://west.test/zaken/api/v1/", kind="zaken"),
            "oost": Service("https://oost.test/zaken/api/v1/", kind="zaken"),
        }
    )
    with pytest.raises(ConfigurationError, match=r"Several zaken services .* client.api"):
        _ = client.zaken
    assert client.api("oost").service == "oost"
    with pytest.raises(ConfigurationError, match="No catalogi service"):
        _ = client.catalogi


def _renamed(face: str) -> tuple[Any, InMemoryBackend]:
    """The issue's example: the Zaken service of the backend renamed ``zaken_oost``."""
    backend = InMemoryBackend()
    seed_demo(backend)
    services = dict(config_for(backend).services)
    services["zaken_oost"] = services.pop("zaken")
    if face == "sync":
        return ZGWClient(
            ZGWConfig(services), http_client=httpx.Client(transport=backend.transport())
        ), backend
    return AsyncZGWClient(
        ZGWConfig(services), http_client=httpx.AsyncClient(transport=backend.async_transport())
    ), backend


async def test_a_renamed_zaken_service_works_with_models(face: str) -> None:
    client, _ = _renamed(face)
    zaken_api = client.zaken  # the only zaken service is the default
    assert zaken_api.service == "zaken_oost"
    zaken = await resolve(client.api("zaken_oost").zaken.list().to_list())
    assert zaken
    url = zaken[0].url
    body = await resolve(client.get_json(url))  # CRS headers by kind: no 412
    assert body["url"] == url
    zaak = await resolve(client.get(url))  # models by kind
    assert isinstance(zaak, Zaak)
    status = await resolve(client.get(zaak.status)) if zaak.status else None
    assert status is None or type(status).__name__ == "Status"
    typed = client.zaken.of("zaken_oost")
    assert (await resolve(typed.zaken.get(url))).url == url
    await close(client)


async def test_two_backends_each_reached_by_its_root(face: str) -> None:
    west, oost = InMemoryBackend(), InMemoryBackend(base_url="http://oost.test")
    seed_demo(west)
    seed_demo(oost)
    config = ZGWConfig(
        {
            **config_for(west).services,
            **config_for(oost, name=lambda kind: f"{kind}_oost").services,
        }
    )
    client: Any
    if face == "sync":
        client = ZGWClient(config, http_client=httpx.Client(mounts=mounts_for(west, oost)))
    else:
        client = AsyncZGWClient(
            config, http_client=httpx.AsyncClient(mounts=async_mounts_for(west, oost))
        )
    west_zaken = await resolve(client.zaken.zaken.list().to_list())
    oost_zaken = await resolve(client.api("zaken_oost").zaken.list().to_list())
    assert {z.url.split("/")[2] for z in west_zaken} == {"zgw.test"}
    assert {z.url.split("/")[2] for z in oost_zaken} == {"oost.test"}
    # Following a URL picks the backend by its root, also through the other namespace.
    oost_zaak = await resolve(client.zaken.zaken.get(oost_zaken[0].url))
    assert oost_zaak.url == oost_zaken[0].url
    zaaktype = await resolve(client.get(oost_zaak.zaaktype))
    assert zaaktype.url.startswith("http://oost.test/catalogi/")
    statustypen = await resolve(
        client.api_for(oost_zaak.zaaktype).statustypen.list(zaaktype=oost_zaak.zaaktype).to_list()
    )
    assert statustypen
    assert all(s.url.startswith("http://oost.test/") for s in statustypen)
    assert oost.requests_matching(contains="/zaken/api/v1/zaken")
    # A URL of another kind is still refused by a resource.
    with pytest.raises(InputError):
        await resolve(client.zaken.zaken.get(zaaktype.url))
    await close(client)
