"""Configuration from code, environment and TOML; secrets never shown."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import SECRET, ZAKEN_ROOT, close, default_config, json_response, resolve
from zgw_client import (
    APIKeyCredentials,
    AsyncZGWClient,
    ConfigurationError,
    RetryPolicy,
    Service,
    TokenCredentials,
    ZGWClient,
    ZGWConfig,
    ZGWCredentials,
)
from zgw_client._auth import ServiceAuth, ServiceRouter, auth_for


def test_from_env() -> None:
    env = {
        "ZGW_CLIENT_ID": "portaal",
        "ZGW_SECRET": "s3cret",
        "ZGW_ZAKEN_API_ROOT": "https://oz.test/zaken/api/v1",
        "ZGW_CATALOGI_API_ROOT": "https://oz.test/catalogi/api/v1/",
        "ZGW_CATALOGI_TIMEOUT": "5",
        "ZGW_KLANTINTERACTIES_API_ROOT": "https://ok.test/klantinteracties/api/v1/",
        "ZGW_KLANTINTERACTIES_TOKEN": "tok",
        "ZGW_KLANTINTERACTIES_MAX_ATTEMPTS": "2",
        "ZGW_OBJECTEN_API_ROOT": "https://obj.test/api/v2/",
        "ZGW_OBJECTEN_API_KEY": "k",
        "ZGW_OBJECTEN_API_KEY_HEADER": "X-Key",
        "OTHER": "x",
    }
    config = ZGWConfig.from_env(env)
    assert set(config.services) == {"zaken", "catalogi", "klantinteracties", "objecten"}
    zaken = config.services["zaken"]
    assert zaken.api_root == "https://oz.test/zaken/api/v1/"
    assert isinstance(zaken.credentials, ZGWCredentials)
    assert zaken.credentials.client_id == "portaal"
    assert zaken.credentials.secret.get_secret_value() == "s3cret"
    assert config.services["catalogi"].timeouts.read == 5.0
    assert isinstance(config.services["klantinteracties"].credentials, TokenCredentials)
    assert config.services["klantinteracties"].retry.max_attempts == 2
    objecten = config.services["objecten"].credentials
    assert isinstance(objecten, APIKeyCredentials)
    assert objecten.header == "X-Key"


def test_from_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "zgw.toml"
    path.write_text(
        """
[defaults]
timeout = 12

[services.zaken]
api_root = "https://oz.test/zaken/api/v1/"
client_id = "portaal"
secret_env = "ZAKEN_SECRET"
user_id = "portaal"

[services.zaken.retry]
max_attempts = 6
deadline = 90

[services.klantinteracties]
api_root = "https://ok.test/klantinteracties/api/v1/"
auth = "token"
token_env = "OK_TOKEN"
timeout = 3
""",
        encoding="utf-8",
    )
    config = ZGWConfig.from_toml(path, environ={"ZAKEN_SECRET": "abc", "OK_TOKEN": "tok"})
    zaken = config.services["zaken"]
    assert zaken.retry == RetryPolicy(max_attempts=6, deadline=90)
    assert zaken.timeouts.read == 12
    assert config.services["klantinteracties"].timeouts.read == 3
    monkeypatch.setenv("ZAKEN_SECRET", "abc")
    monkeypatch.setenv("OK_TOKEN", "tok")
    with ZGWClient.from_toml(path) as client:
        assert client.url_for("zaken", "zaken") == "https://oz.test/zaken/api/v1/zaken"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[services.zaken]\napi_root = 'https://x.test/'\nsecret_env = 'NOPE'\nclient_id='c'",
            "NOPE",
        ),
        ("[services.zaken]\napi_root = 'https://x.test/'\nfoo = 1", "unknown setting"),
        ("[services.zaken]\nclient_id = 'c'", "api_root is required"),
        (
            "[services.zaken]\napi_root = 'https://x.test/'\nauth = 'jwt'\nclient_id='c'",
            "needs secret",
        ),
        ("[services.zaken]\napi_root = 'x.test/zaken'", "absolute http"),
        ("title = 'no services'", "no [services.NAME]"),
        ("this is = not toml [", "not valid TOML"),
    ],
)
def test_toml_errors_are_clear(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigurationError, match=message.replace("[", r"\[")):
        ZGWConfig.from_toml(path, environ={})


def test_no_services_is_a_clear_error() -> None:
    with pytest.raises(ConfigurationError, match="No services configured"):
        ZGWClient()


def test_unknown_service_name_is_a_clear_error() -> None:
    client = ZGWClient(default_config())
    with pytest.raises(ConfigurationError, match="No service named 'objecten'"):
        client.url_for("objecten", "objects")
    client.close()


def test_open_zaak_shortcut_and_keyword_services() -> None:
    creds = ZGWCredentials("c", "s")
    config = ZGWConfig.open_zaak("https://oz.test/", creds)
    assert config.services["besluiten"].api_root == "https://oz.test/besluiten/api/v1/"
    client = AsyncZGWClient(
        config, objecten=Service("https://obj.test/api/v2/", TokenCredentials("t"))
    )
    assert set(client.config.services) == {
        "zaken",
        "catalogi",
        "documenten",
        "besluiten",
        "objecten",
    }


async def test_secrets_never_in_repr_str_or_logs(
    make_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    token = "tok-very-secret-999"
    key = "key-very-secret-888"
    config = (
        default_config()
        .with_service(
            "klantinteracties",
            Service("https://ok.test/klantinteracties/api/v1/", TokenCredentials(token)),
        )
        .with_service("objecten", Service("https://obj.test/api/v2/", APIKeyCredentials(key)))
    )
    caplog.set_level(logging.DEBUG)

    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(403, {"code": "permission_denied", "title": "Geen rechten"})

    client = make_client(handler, config)
    errors = []
    for url in (
        ZAKEN_ROOT + "zaken",
        "https://ok.test/klantinteracties/api/v1/partijen",
        "https://obj.test/api/v2/objects",
    ):
        try:
            await resolve(client.request("GET", url))
        except Exception as exc:
            errors.append(exc)
    await close(client)
    assert len(errors) == 3
    router = ServiceRouter(config.services)
    shown = [
        repr(config),
        str(config),
        repr(client),
        repr(ServiceAuth(router)),
        *(repr(auth_for(s.credentials)) for s in config.services.values()),
        *(repr(s) for s in config.services.values()),
        *(repr(e) + str(e) + str(e.response.request.headers) for e in errors),  # type: ignore[attr-defined]
        caplog.text,
    ]
    for text in shown:
        for secret in (SECRET, token, key):
            assert secret not in text
