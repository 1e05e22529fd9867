"""Auth: JWT-ZGW, Token and API key headers; routing by URL; refusal of foreign URLs."""

from __future__ import annotations

import warnings
from typing import Any

import httpx
import pytest

from tests.conftest import SECRET, ZAKEN_ROOT, close, decode_token, json_response, resolve, snapshot
from zgw_client import (
    APIKeyCredentials,
    Service,
    TokenCredentials,
    UnconfiguredURLError,
    ZGWConfig,
    ZGWCredentials,
    ZGWJWTAuth,
)


async def test_jwt_bearer_has_zgw_claims(make_client: Any) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(snapshot(request))
        return json_response(200, {})

    client = make_client(handler)
    await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    scheme, token = seen[0].headers["Authorization"].split(" ")
    assert scheme == "Bearer"
    claims = decode_token(token, SECRET)
    assert claims["iss"] == claims["client_id"] == "zgw-client-test"
    assert isinstance(claims["iat"], int)
    assert claims["user_id"] == "tester"
    assert "user_representation" in claims


def test_short_legacy_secret_works_without_warning() -> None:
    auth = ZGWJWTAuth(ZGWCredentials("legacy", "kort"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        token = auth.token()
    assert caught == []
    assert decode_token(token, "kort")["client_id"] == "legacy"


def test_token_reused_within_lifetime_and_reminted_after() -> None:
    now = [1_000_000.0]
    auth = ZGWJWTAuth(ZGWCredentials("c", "s", token_lifetime=60), clock=lambda: now[0])
    first = auth.token()
    now[0] += 59
    assert auth.token() == first
    now[0] += 2
    second = auth.token()
    assert second != first
    assert decode_token(second, "s")["iat"] == 1_000_061


def test_expired_token_is_reminted_and_request_retried_once() -> None:
    now = [2_000_000.0]
    auth = ZGWJWTAuth(ZGWCredentials("c", "s"), clock=lambda: now[0])
    iats: list[int] = []

    def handler(request: httpx.Request) -> httpx.Response:
        token = request.headers["Authorization"].removeprefix("Bearer ")
        iats.append(decode_token(token, "s")["iat"])
        now[0] += 5
        if len(iats) == 1:
            return json_response(403, {"code": "jwt-expired", "title": "expired"})
        return json_response(200, {"ok": True})

    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as http:
        response = http.get("https://h/")
    assert response.status_code == 200
    assert iats == [2_000_000, 2_000_005]


def test_expired_token_retried_only_once() -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return json_response(403, {"code": "jwt-expired"})

    auth = ZGWJWTAuth(ZGWCredentials("c", "s"))
    with httpx.Client(transport=httpx.MockTransport(handler), auth=auth) as http:
        assert http.get("https://h/").status_code == 403
    assert len(calls) == 2


async def test_token_and_api_key_auth(make_client: Any) -> None:
    seen: dict[str, httpx.Request] = {}

    def handler(request: httpx.Request) -> httpx.Response:
        seen[request.url.host] = snapshot(request)
        return json_response(200, {})

    config = ZGWConfig(
        {
            "klantinteracties": Service(
                "https://klant.test/klantinteracties/api/v1/", TokenCredentials("tok-123")
            ),
            "objecten": Service(
                "https://objects.test/api/v2/", APIKeyCredentials("key-9", header="X-Api-Key")
            ),
        }
    )
    client = make_client(handler, config)
    await resolve(client.request("GET", "https://klant.test/klantinteracties/api/v1/partijen"))
    await resolve(client.request("GET", "https://objects.test/api/v2/objects"))
    await close(client)
    assert seen["klant.test"].headers["Authorization"] == "Token tok-123"
    assert seen["objects.test"].headers["X-Api-Key"] == "key-9"
    assert "Authorization" not in seen["objects.test"].headers


async def test_longest_api_root_wins(make_client: Any) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(snapshot(request))
        return json_response(200, {})

    config = ZGWConfig(
        {
            "gateway": Service("https://gw.test/", TokenCredentials("gateway-token"), kind="other"),
            "zaken": Service("https://gw.test/zaken/api/v1/", TokenCredentials("zaken-token")),
        }
    )
    client = make_client(handler, config)
    await resolve(client.request("GET", "https://gw.test/zaken/api/v1/statussen"))
    await resolve(client.request("GET", "https://gw.test/other/thing"))
    await close(client)
    assert seen[0].headers["Authorization"] == "Token zaken-token"
    assert seen[1].headers["Authorization"] == "Token gateway-token"


@pytest.mark.parametrize(
    "url",
    [
        "https://evil.test/zaken/api/v1/zaken",
        "https://openzaak.test.evil.test/zaken/api/v1/zaken",
        "https://openzaak.test@evil.test/zaken/api/v1/zaken",
        "https://user:pw@openzaak.test/zaken/api/v1/zaken",
        "http://openzaak.test/zaken/api/v1/zaken",
        "https://openzaak.test:8443/zaken/api/v1/zaken",
        "https://openzaak.test/zaken/api/v1-evil/zaken",
        "https://openzaak.test/documenten/api/v1/enkelvoudiginformatieobjecten",
    ],
)
async def test_foreign_url_refused_before_any_io(make_client: Any, url: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        pytest.fail(f"transport was called for {request.url}")

    client = make_client(handler)
    with pytest.raises(UnconfiguredURLError) as info:
        await resolve(client.request("GET", url))
    with pytest.raises(UnconfiguredURLError):
        await resolve(client.get_json(url))
    await close(client)
    assert "configured" in str(info.value)
    assert SECRET not in str(info.value)


def test_router_refuses_at_auth_level_too() -> None:
    """ServiceAuth on a plain httpx client also refuses foreign hosts."""
    from tests.conftest import default_config
    from zgw_client import ServiceAuth, ServiceRouter

    router = ServiceRouter(default_config().services)

    def handler(request: httpx.Request) -> httpx.Response:
        pytest.fail("sent")

    with (
        httpx.Client(transport=httpx.MockTransport(handler), auth=ServiceAuth(router)) as http,
        pytest.raises(UnconfiguredURLError),
    ):
        http.get("https://evil.test/x")
