"""Errors: problem+json and the servers' other error bodies become typed exceptions."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SECRET, ZAKEN_ROOT, close, json_response, resolve, samples_dir
from zgw_client import (
    APIError,
    AuthenticationError,
    BadRequestError,
    NotAcceptableError,
    NotFoundError,
    PermissionDeniedError,
    PreconditionFailedError,
    ServerError,
    TokenExpiredError,
    UnexpectedResponseError,
    ZGWError,
)
from zgw_client._core import api_error, decode_json

EXPECTED = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    406: NotAcceptableError,
    412: PreconditionFailedError,
    500: ServerError,
}


def _sample_errors() -> list[tuple[str, dict[str, Any]]]:
    root = samples_dir()
    found = []
    for path in sorted(root.glob("*/*.json")):
        data = json.loads(path.read_text())
        status = data["response"]["status"]
        if status >= 400:
            found.append((f"{path.parent.name}/{path.name}", data))
    assert found, "no error samples found"
    return found


def _replay(data: dict[str, Any]) -> httpx.Response:
    response = data["response"]
    headers = {k: v for k, v in response["headers"].items() if k.lower() != "content-length"}
    body = response["body"]
    if isinstance(body, dict) and "_note" in body:
        content = b"<!DOCTYPE html><html><body>Server Error</body></html>"
        headers["Content-Type"] = body.get("content_type", "text/html")
    else:
        content = json.dumps(body).encode()
    request = httpx.Request(data["request"]["method"], data["request"]["url"])
    request.headers["Authorization"] = f"Bearer {SECRET}"
    return httpx.Response(response["status"], headers=headers, content=content, request=request)


def test_every_sample_error_maps_to_its_type() -> None:
    for name, data in _sample_errors():
        error = api_error(_replay(data))
        status = data["response"]["status"]
        assert isinstance(error, EXPECTED.get(status, APIError)), name
        assert error.status == status
        body = data["response"]["body"]
        if isinstance(body, dict) and "code" in body:
            assert error.code == body["code"], name
            assert error.title == body.get("title"), name
            assert error.detail == body.get("detail"), name
            assert error.instance == body.get("instance"), name
        raw = (
            body.get("invalidParams") or body.get("invalid_params")
            if isinstance(body, dict)
            else None
        )
        if raw:
            assert [(p.name, p.code, p.reason) for p in error.invalid_params] == [
                (p["name"], p["code"], p["reason"]) for p in raw
            ], name
        assert SECRET not in str(error)
        assert SECRET not in repr(error)
        assert error.response is not None
        assert SECRET not in str(error.response.request.headers)


def test_jwt_expired_is_its_own_type() -> None:
    data = json.loads((samples_dir() / "openzaak" / "error_403_jwt_expired.json").read_text())
    error = api_error(_replay(data))
    assert isinstance(error, TokenExpiredError)
    assert isinstance(error, PermissionDeniedError)


def test_objects36_drf_bodies_are_parsed() -> None:
    data = json.loads((samples_dir() / "objects36" / "error_400_schema_violation.json").read_text())
    error = api_error(_replay(data))
    assert isinstance(error, BadRequestError)
    assert error.invalid_params, "non_field_errors should become invalid params"
    assert error.invalid_params[0].name == "nonFieldErrors"


def test_message_says_what_to_do() -> None:
    request = httpx.Request("POST", ZAKEN_ROOT + "zaken")
    response = httpx.Response(
        400,
        json={
            "code": "invalid",
            "title": "Invalid input.",
            "status": 400,
            "invalidParams": [
                {"name": "zaaktype", "code": "required", "reason": "Dit veld is vereist."}
            ],
        },
        headers={"Content-Type": "application/problem+json"},
        request=request,
    )
    error = api_error(response)
    assert "zaaktype (required): Dit veld is vereist." in str(error)
    assert "Fix the fields" in str(error)


async def test_html_page_instead_of_json(make_client: Any) -> None:
    client = make_client(
        lambda r: httpx.Response(
            200, text="<html><body>Login</body></html>", headers={"Content-Type": "text/html"}
        )
    )
    with pytest.raises(UnexpectedResponseError, match="HTML page"):
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)


async def test_truncated_json(make_client: Any) -> None:
    client = make_client(
        lambda r: httpx.Response(
            200,
            content=b'{"count": 1, "results": [{"ur',
            headers={"Content-Type": "application/json"},
        )
    )
    with pytest.raises(UnexpectedResponseError, match="not valid JSON"):
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)


async def test_html_500_is_a_server_error_not_a_crash(make_client: Any) -> None:
    client = make_client(
        lambda r: httpx.Response(
            500, text="<!DOCTYPE html><html>Traceback</html>", headers={"Content-Type": "text/html"}
        )
    )
    with pytest.raises(ServerError) as info:
        await resolve(client.request("POST", ZAKEN_ROOT + "zaken/_zoek", json={}))
    await close(client)
    assert info.value.status == 500
    assert "HTML" in str(info.value)


async def test_error_statuses_raise_in_both_faces(make_client: Any) -> None:
    client = make_client(
        lambda r: json_response(
            404,
            {"code": "not_found", "title": "Niet gevonden."},
            content_type="application/problem+json",
        )
    )
    with pytest.raises(NotFoundError) as info:
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken/123"))
    await close(client)
    assert isinstance(info.value, ZGWError)
    assert info.value.code == "not_found"


# -- decoding JSON bodies -------------------------------------------------------------------
_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"])),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


def _ok(content: bytes) -> httpx.Response:
    request = httpx.Request("GET", ZAKEN_ROOT + "zaken")
    return httpx.Response(
        200, headers={"Content-Type": "application/json"}, content=content, request=request
    )


@settings(max_examples=300, deadline=None)
@given(value=_json_values, ensure_ascii=st.booleans())
def test_bodies_decode_as_the_standard_parser_reads_them(value: Any, ensure_ascii: bool) -> None:
    content = json.dumps(value, ensure_ascii=ensure_ascii).encode()
    assert decode_json(_ok(content)) == json.loads(content)


@pytest.mark.parametrize(
    "content",
    [b'"\\ud800"', '{"a": 1}'.encode("utf-16"), b'{"a": NaN, "b": 1e400}'],
    ids=["lone-surrogate", "utf-16", "nan-inf"],
)
def test_edge_bodies_decode_as_the_standard_parser_reads_them(content: bytes) -> None:
    expected = json.loads(content)
    decoded = decode_json(_ok(content))
    assert json.dumps(decoded) == json.dumps(expected)


def test_a_truncated_body_is_an_unexpected_response() -> None:
    with pytest.raises(UnexpectedResponseError, match="not valid JSON"):
        decode_json(_ok(b'{"results": [{"url": "http'))
