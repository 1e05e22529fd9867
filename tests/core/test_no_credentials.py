"""A service without credentials refuses to send; ``NoAuth`` is the explicit opt-out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ZAKEN_ROOT, json_response, resolve, snapshot
from zgw_client import (
    AuthenticationError,
    ConfigurationError,
    NoAuth,
    PermissionDeniedError,
    Service,
    ServiceAuth,
    ServiceRouter,
    TokenCredentials,
    ZGWConfig,
)

OBJECTEN_ROOT = "https://objecten.test/api/v2/"


async def test_no_credentials_fails_before_any_request(make_client: Any) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return json_response(200, {})

    client = make_client(handler, ZGWConfig({"zaken": Service(ZAKEN_ROOT)}))
    with pytest.raises(ConfigurationError) as caught:
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    assert sent == []
    message = str(caught.value)
    assert "No credentials configured for service 'zaken'" in message
    assert 'auth = "none"' in message
    assert "ZGW_ZAKEN_CLIENT_ID" in message


async def test_noauth_sends_without_credentials(make_client: Any) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(snapshot(request))
        return json_response(200, {"count": 0, "next": None, "previous": None, "results": []})

    client = make_client(handler, ZGWConfig({"objecten": Service(OBJECTEN_ROOT, NoAuth())}))
    await resolve(client.request("GET", OBJECTEN_ROOT + "objects"))
    assert len(sent) == 1
    assert "Authorization" not in sent[0].headers


@pytest.mark.parametrize("status", [401, 403])
async def test_refusal_without_credentials_does_not_blame_a_secret(
    make_client: Any, status: int
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(status, {"code": "not_authenticated", "title": "Niet ingelogd."})

    client = make_client(handler, ZGWConfig({"objecten": Service(OBJECTEN_ROOT, NoAuth())}))
    with pytest.raises((AuthenticationError, PermissionDeniedError)) as caught:
        await resolve(client.request("GET", OBJECTEN_ROOT + "objects"))
    message = str(caught.value)
    assert "No credentials were sent" in message
    assert "secret is wrong" not in message
    assert "Check the service's credentials" not in message


async def test_refusal_with_credentials_keeps_its_hint(make_client: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(401, {"code": "authentication_failed", "title": "Ongeldig."})

    config = ZGWConfig({"objecten": Service(OBJECTEN_ROOT, TokenCredentials("t" * 40))})
    client = make_client(handler, config)
    with pytest.raises(AuthenticationError) as caught:
        await resolve(client.request("GET", OBJECTEN_ROOT + "objects"))
    assert "Check the service's credentials" in str(caught.value)
    assert "No credentials were sent" not in str(caught.value)


def test_service_auth_on_a_plain_httpx_client_refuses_too() -> None:
    router = ServiceRouter({"zaken": Service(ZAKEN_ROOT)})
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return json_response(200, {})

    transport = httpx.MockTransport(handler)
    with (
        httpx.Client(auth=ServiceAuth(router), transport=transport) as http,
        pytest.raises(ConfigurationError, match="No credentials configured"),
    ):
        http.get(ZAKEN_ROOT + "zaken")
    assert sent == []


def test_toml_without_auth_settings_has_no_credentials(tmp_path: Path) -> None:
    path = tmp_path / "zgw.toml"
    path.write_text(
        '[services.zaken]\napi_root = "https://oz.test/zaken/api/v1/"\n\n'
        '[services.objecten]\napi_root = "https://obj.test/api/v2/"\nauth = "none"\n',
        encoding="utf-8",
    )
    config = ZGWConfig.from_toml(path)
    assert config.services["zaken"].credentials is None
    assert config.services["objecten"].credentials == NoAuth()


def test_env_auth_none_is_noauth() -> None:
    config = ZGWConfig.from_env(
        {
            "ZGW_OBJECTEN_API_ROOT": "https://obj.test/api/v2/",
            "ZGW_OBJECTEN_AUTH": "none",
            "ZGW_ZAKEN_API_ROOT": "https://oz.test/zaken/api/v1/",
        }
    )
    assert config.services["objecten"].credentials == NoAuth()
    assert config.services["zaken"].credentials is None
