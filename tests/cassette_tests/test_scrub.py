"""The scrubbing hooks used while recording."""

from __future__ import annotations

import pytest
from vcr.request import Request

from . import scrub

JWT = "eyJhbGciOiJIUzI1NiJ9.eyJjbGllbnRfaWQiOiJ4In0.c2lnbmF0dXJlLXZhbHVl"
OTHER_BSN = "999993653"  # passes the 11-proef, not one of the test BSNs


def test_request_is_scrubbed() -> None:
    request = Request(
        "POST",
        f"http://127.0.0.1:8000/zaken/api/v1/zaken?rol__inpBsn={OTHER_BSN}&x=999990111",
        f'{{"token": "{JWT}", "inpBsn": "{OTHER_BSN}", "rsin": "000000000"}}'.encode(),
        {"Authorization": f"Bearer {JWT}", "X-Api-Key": "k3y-value", "Accept": "text/plain"},
    )
    scrubbed = scrub.before_record_request(request)
    assert "Authorization" not in scrubbed.headers
    assert "X-Api-Key" not in scrubbed.headers
    assert scrubbed.headers["Accept"] == "text/plain"
    assert OTHER_BSN not in scrubbed.uri
    assert "999990111" in scrubbed.uri
    body = scrubbed.body.decode()
    assert JWT not in body
    assert OTHER_BSN not in body
    assert '"rsin": "000000000"' in body


def test_response_is_scrubbed() -> None:
    response = {
        "status": {"code": 200, "message": "OK"},
        "headers": {"Set-Cookie": ["csrftoken=abc"], "Content-Type": ["application/json"]},
        "body": {"string": f'{{"inpBsn": "{OTHER_BSN}", "note": "Token abcdef123456"}}'.encode()},
    }
    scrubbed = scrub.before_record_response(response)
    assert "Set-Cookie" not in scrubbed["headers"]
    text = scrubbed["body"]["string"].decode()
    assert OTHER_BSN not in text
    assert "abcdef123456" not in text


def test_configured_secrets_are_redacted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZGW_OBJECTEN_TOKEN", "a-very-secret-token")
    assert scrub.scrub_text("x a-very-secret-token y") == "x <redacted> y"


def test_binary_bodies_are_left_alone() -> None:
    assert scrub._scrub_body(b"\xff\xfe" + OTHER_BSN.encode()) == b"\xff\xfe" + OTHER_BSN.encode()
