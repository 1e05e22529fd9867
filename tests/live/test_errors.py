"""Errors from the real servers, mapped to the SDK's exceptions."""

from __future__ import annotations

import os

import httpx
import pytest

from zgw_client import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    Service,
    TokenCredentials,
    UnconfiguredURLError,
    ZGWClient,
    ZGWConfig,
    ZGWCredentials,
)

from .conftest import Catalogue, Exchanges, taak_objecttype

pytestmark = pytest.mark.live

MISSING = "00000000-0000-0000-0000-000000000000"


def test_400_carries_invalid_params(client: ZGWClient, catalogue: Catalogue) -> None:
    with pytest.raises(BadRequestError) as caught:
        client.zaken.zaken.create({"zaaktype": catalogue.zaaktype})
    error = caught.value
    assert error.status == 400
    assert error.code == "invalid"
    names = {p.name for p in error.invalid_params}
    assert {"bronorganisatie", "verantwoordelijkeOrganisatie", "startdatum"} <= names
    assert all(p.code == "required" for p in error.invalid_params)
    assert error.instance
    assert error.instance.startswith("urn:uuid:")
    assert "bronorganisatie" in str(error)


@pytest.mark.usefixtures("need_klantinteracties")
def test_400_from_open_klant(client: ZGWClient) -> None:
    with pytest.raises(BadRequestError) as caught:
        client.klantinteracties.klantcontacten.create({"kanaal": "e-mail"})
    assert {"onderwerp", "taal", "vertrouwelijk"} <= {p.name for p in caught.value.invalid_params}


@pytest.mark.usefixtures("need_objecten")
def test_400_from_objects_api_json_schema(client: ZGWClient) -> None:
    # The Objects API spells it "invalid_params" (snake_case); the SDK reads both.
    with pytest.raises(BadRequestError) as caught:
        client.objecten.objects.create(
            {
                "type": taak_objecttype(),
                "record": {"typeVersion": 1, "startAt": "2025-01-01", "data": {"titel": "x"}},
            }
        )
    params = caught.value.invalid_params
    assert [p.code for p in params] == ["invalid-json-schema"]


def test_404(client: ZGWClient) -> None:
    with pytest.raises(NotFoundError) as caught:
        client.zaken.zaken.get(MISSING)
    assert caught.value.status == 404
    assert caught.value.code == "not_found"
    with pytest.raises(NotFoundError):
        client.documenten.enkelvoudiginformatieobjecten.get(MISSING)


@pytest.mark.usefixtures("need_klantinteracties", "need_objecten")
def test_404_other_servers(client: ZGWClient) -> None:
    with pytest.raises(NotFoundError):
        client.klantinteracties.partijen.get(MISSING)
    with pytest.raises(NotFoundError):
        client.objecten.objects.get(MISSING)


def test_foreign_url_is_refused_without_a_request(client: ZGWClient, exchanges: Exchanges) -> None:
    for url in (
        f"https://evil.example.org/zaken/api/v1/zaken/{MISSING}",
        f"http://127.0.0.1:9/zaken/api/v1/zaken/{MISSING}",
        # same host, but a path under no configured API root
        client.service("zaken").api_root.replace("/zaken/api/v1/", "/autorisaties/api/v1/")
        + "applicaties",
    ):
        with pytest.raises(UnconfiguredURLError):
            client.get_json(url)
        with pytest.raises(UnconfiguredURLError):
            client.zaken.zaken.get(url)
    assert exchanges.items == []


@pytest.mark.usefixtures("need_openzaak")
def test_wrong_secret_is_an_auth_error() -> None:
    root = os.environ["ZGW_ZAKEN_API_ROOT"]
    client_id = os.environ.get("ZGW_ZAKEN_CLIENT_ID") or os.environ["ZGW_CLIENT_ID"]
    config = ZGWConfig({"zaken": Service(root, ZGWCredentials(client_id, "wrong-secret-value"))})
    with ZGWClient(config, http_client=httpx.Client()) as wrong, pytest.raises(APIError) as caught:
        wrong.zaken.zaken.list().to_list()
    # Open Zaak: 403 invalid-jwt-signature
    assert isinstance(caught.value, PermissionDeniedError), caught.value
    assert caught.value.status == 403


@pytest.mark.usefixtures("need_openzaak")
def test_412_when_a_required_crs_header_is_missing() -> None:
    # The SDK always sends Accept-Crs to the zaken; a proxy that strips it (simulated by
    # a request hook) gets the server's 412, mapped to its exception.
    def strip_crs(request: httpx.Request) -> None:
        del request.headers["Accept-Crs"]

    http = httpx.Client(event_hooks={"request": [strip_crs]})
    with (
        ZGWClient(ZGWConfig.from_env(), http_client=http) as stripped,
        pytest.raises(PreconditionFailedError) as caught,
    ):
        stripped.zaken.zaken.list(page_size=1).to_list()
    http.close()
    assert caught.value.status == 412
    assert caught.value.code == "precondition_failed"
    assert "Accept-Crs" in str(caught.value)


@pytest.mark.usefixtures("need_klantinteracties", "need_objecten")
@pytest.mark.parametrize("api", ["klantinteracties", "objecten"])
def test_401_for_a_wrong_token(api: str) -> None:
    root = os.environ[f"ZGW_{api.upper()}_API_ROOT"]
    config = ZGWConfig({api: Service(root, TokenCredentials("not-a-valid-token"))})
    with ZGWClient(config, http_client=httpx.Client()) as wrong:
        listing = (
            wrong.klantinteracties.partijen.list()
            if api == "klantinteracties"
            else wrong.objecten.objects.list()
        )
        with pytest.raises(AuthenticationError) as caught:
            listing.to_list()
    assert caught.value.status == 401
    assert caught.value.code == "authentication_failed"
    assert "not-a-valid-token" not in str(caught.value)
