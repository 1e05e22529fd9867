"""The receiver keeps the webhook receiver contract (notificaties-webhook-receiver 1.0.0-rc1).

Every answer is checked against the response the spec declares for its status: the status
must be one the spec lists (or 405/413, which HTTP itself defines), and a problem body must
match `Fout` or, for 400, `ValidatieFout`. The messages the tests send are checked against
the spec's `Notificatie`, so the tests speak the real shape.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest
import yaml
from openapi_schema_validator import OAS30Validator

from tests.conftest import SPECS
from zgw_client.notifications import NotificationReceiver, StaticTokenAuthenticator

from .conftest import AUTH, TOKEN, body_of, message

SPEC = SPECS / "notificaties-webhook-receiver-1.0.0-rc1.yaml"

pytestmark = pytest.mark.skipif(not SPEC.is_file(), reason=f"{SPEC} absent")


@functools.cache
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return loaded


def validator(schema_name: str) -> OAS30Validator:
    document = {"$ref": f"#/components/schemas/{schema_name}", **spec()}
    return OAS30Validator(document)


def check_answer(status: int, body: bytes, content_type: str | None) -> None:
    responses = spec()["paths"]["/{webhooks_path}"]["post"]["responses"]
    if status in (405, 413):
        schema = "Fout"  # not in the spec; answered with its problem shape all the same
    else:
        assert str(status) in responses, f"{status} is not an answer the contract allows"
        content = responses[str(status)].get("content")
        if content is None:
            assert body == b""
            return
        schema = content["application/problem+json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert content_type == "application/problem+json"
    validator(schema).validate(json.loads(body))


@pytest.mark.parametrize(
    ("method", "headers", "body"),
    [
        ("POST", AUTH, body_of(message())),
        ("POST", {}, body_of(message())),
        ("POST", {"Authorization": "Token wrong"}, body_of(message())),
        ("POST", AUTH, b"{"),
        ("POST", AUTH, body_of(message(resourceUrl=None))),
        ("POST", AUTH, b"x" * 300_000),
        ("GET", AUTH, b""),
    ],
)
def test_every_answer_matches_the_contract(method: str, headers: Any, body: bytes) -> None:
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    receiver.on(name="ok")(lambda n: None)
    response = receiver.receive(method, headers, body)
    check_answer(response.status, response.body, response.header("Content-Type"))


def test_a_failing_handler_answer_matches_the_contract() -> None:
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    receiver.on(name="boom")(lambda n: 1 / 0)
    response = receiver.receive("POST", AUTH, body_of(message()))
    assert response.status == 500
    check_answer(response.status, response.body, response.header("Content-Type"))


def test_the_test_messages_are_notificaties_of_the_spec() -> None:
    validator("Notificatie").validate(message())
