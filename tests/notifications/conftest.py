"""Shared pieces of the notification tests: a real-looking message, tokens, JWTs, receivers."""

from __future__ import annotations

import json
import time
import warnings
from typing import Any

import jwt
import pytest

from tests.support.platform import backend, client
from zgw_client.notifications import (
    JWTAuthenticator,
    NotificationReceiver,
    StaticTokenAuthenticator,
)

__all__ = ["backend", "client"]

TOKEN = "Token 7d1f0c3a9b2e4f6a8c0d2e4f6a8b0c1d2e3f4a5b"
JWT_SECRET = "a-shared-secret-of-open-notificaties"
OLD_JWT_SECRET = "the-secret-before-the-rotation"
ZAAK = "http://127.0.0.1:8000/zaken/api/v1/zaken/6f1b5a52-3c4c-4c0e-9a55-2cbb7f0e6d10"
STATUS = "http://127.0.0.1:8000/zaken/api/v1/statussen/0e4c1f5a-9d8b-4d59-8f0a-4a1f6c6b7e21"
ZAAKTYPE = "http://127.0.0.1:8000/catalogi/api/v1/zaaktypen/9a6e2c5b-0f1d-4c3b-8e7a-6d5c4b3a2f10"


def message(**changes: Any) -> dict[str, Any]:
    """A notification as Open Zaak publishes it: a new status of a zaak."""
    body: dict[str, Any] = {
        "kanaal": "zaken",
        "hoofdObject": ZAAK,
        "resource": "status",
        "resourceUrl": STATUS,
        "actie": "create",
        "aanmaakdatum": "2026-11-30T09:12:03.456Z",
        "kenmerken": {
            "bronorganisatie": "002220647",
            "zaaktype": ZAAKTYPE,
            "zaaktype.catalogus": "http://127.0.0.1:8000/catalogi/api/v1/catalogussen/1",
            "vertrouwelijkheidaanduiding": "openbaar",
        },
    }
    body.update(changes)
    return body


def body_of(data: Any) -> bytes:
    return json.dumps(data).encode()


def cloud_event(**changes: Any) -> dict[str, Any]:
    """A notification as Open Notificaties wraps it (`_transform_to_cloudevent`)."""
    event: dict[str, Any] = {
        "id": "1d3c1b57-5a3f-4bb2-9f30-3e0a5c0d9b77",
        "source": "urn:nld:oin:00000001823288444000:systeem:open-zaak",
        "specversion": "1.0",
        "type": "nl.overheid.zaken.status.create",
        "datacontenttype": "application/json",
        "subject": STATUS.rsplit("/", 1)[1],
        "time": "2026-11-30T09:12:03Z",
        "data": {
            "bronorganisatie": "002220647",
            "zaaktype": ZAAKTYPE,
            "vertrouwelijkheidaanduiding": "openbaar",
            "hoofdObject": ZAAK,
        },
    }
    event.update(changes)
    return event


def make_jwt(
    secret: str = JWT_SECRET, *, headers: dict[str, Any] | None = None, **claims: Any
) -> str:
    """A JWT-ZGW as Open Notificaties mints it (zgw-consumers' ZGWAuth: iat, exp = iat + 12 h)."""
    now = int(time.time())
    payload: dict[str, Any] = {
        "iss": "open-notificaties",
        "iat": now,
        "exp": now + 12 * 3600,
        "client_id": "open-notificaties",
        "user_id": "",
        "user_representation": "",
    }
    payload.update(claims)
    payload = {k: v for k, v in payload.items() if v is not None}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # short test secrets
        return jwt.encode(payload, secret, algorithm="HS256", headers=headers)


AUTH = {"Authorization": TOKEN}


@pytest.fixture
def receiver() -> NotificationReceiver:
    return NotificationReceiver(
        auth=[
            StaticTokenAuthenticator(TOKEN),
            JWTAuthenticator([JWT_SECRET, OLD_JWT_SECRET], client_ids={"open-notificaties"}),
        ]
    )


@pytest.fixture(scope="session")
def django_configured() -> None:
    """Django with a minimal settings module, configured once for the test session.

    Each test puts its own URLs in place with `override_settings(ROOT_URLCONF=...)`.
    """
    from tests.support.django_settings import configure_django

    configure_django()
