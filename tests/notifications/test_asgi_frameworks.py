"""The FastAPI router, the plain ASGI app and the plain WSGI app, through httpx transports."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import MutableMapping
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from zgw_client.notifications import Notification, NotificationReceiver, StaticTokenAuthenticator
from zgw_client.notifications.asgi import asgi_app, read_asgi_body
from zgw_client.notifications.fastapi import notification_router
from zgw_client.notifications.wsgi import environ_headers, wsgi_app

from .conftest import AUTH, TOKEN, cloud_event, message


def make_receiver() -> tuple[NotificationReceiver, list[str]]:
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN), max_body_size=8192)
    seen: list[str] = []

    @receiver.on(kanaal="zaken")
    async def on_zaken(notification: Notification) -> None:
        seen.append(f"async {notification.resource}")

    @receiver.on(kanaal="objecten")
    def on_objecten(notification: Notification) -> None:
        seen.append(f"sync {notification.resource}")

    return receiver, seen


def fastapi_app(receiver: NotificationReceiver) -> FastAPI:
    app = FastAPI()
    app.include_router(notification_router(receiver), prefix="/notificaties")
    return app


async def exchange(app: object, url: str) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        return [
            await client.post(url, json=message(), headers=AUTH),
            await client.post(url, json=message(), headers=AUTH),  # a redelivery
            await client.post(
                url, json=message(kanaal="objecten", resource="object"), headers=AUTH
            ),
            await client.post(url, json=message()),
            await client.post(url, json=message(), headers={"Authorization": "Token no"}),
            await client.post(url, content=b"{", headers=AUTH),
            await client.post(url, content=b"x" * 9000, headers=AUTH),
            await client.get(url, headers=AUTH),
            await client.post(
                url,
                json=cloud_event(),
                headers={**AUTH, "Content-Type": "application/cloudevents+json"},
            ),
        ]


EXPECTED = [204, 204, 204, 401, 403, 400, 413, 405, 204]


@pytest.mark.parametrize("kind", ["fastapi", "asgi"])
def test_asgi_apps_answer_as_the_contract_says(kind: str) -> None:
    receiver, seen = make_receiver()
    app = fastapi_app(receiver) if kind == "fastapi" else asgi_app(receiver)
    url = "/notificaties/" if kind == "fastapi" else "/any/path"
    responses = asyncio.run(exchange(app, url))
    assert [r.status_code for r in responses] == EXPECTED
    # The CloudEvent is another message (its own id), so the zaken handler runs for it too.
    assert seen == ["async status", "sync object", "async status"]
    assert responses[0].content == b""
    assert responses[3].headers["content-type"] == "application/problem+json"
    assert responses[3].headers["www-authenticate"] == "Token"
    assert responses[3].headers["content-length"] == str(len(responses[3].content))
    assert responses[5].json()["invalidParams"][0]["code"] == "parse_error"


def test_the_fastapi_route_is_documented_and_the_others_are_not() -> None:
    receiver, _ = make_receiver()
    paths = fastapi_app(receiver).openapi()["paths"]
    assert list(paths) == ["/notificaties/"]
    assert list(paths["/notificaties/"]) == ["post"]


def test_wsgi_app_answers_as_the_contract_says() -> None:
    receiver, seen = make_receiver()
    transport = httpx.WSGITransport(app=wsgi_app(receiver))
    with httpx.Client(transport=transport, base_url="http://127.0.0.1") as client:
        statuses = [
            client.post("/", json=message(), headers=AUTH).status_code,
            client.post("/", json=message(), headers=AUTH).status_code,
            client.post(
                "/", json=message(kanaal="objecten", resource="object"), headers=AUTH
            ).status_code,
            client.post("/", json=message()).status_code,
            client.post("/", content=b"[1]", headers=AUTH).status_code,
            client.post("/", content=b"x" * 9000, headers=AUTH).status_code,
            client.delete("/", headers=AUTH).status_code,
        ]
    assert statuses == [204, 204, 204, 401, 400, 413, 405]
    assert seen == ["async status", "sync object"]


def test_wsgi_headers_come_from_the_environ() -> None:
    environ = {
        "HTTP_AUTHORIZATION": TOKEN,
        "CONTENT_TYPE": "application/json",
        "CONTENT_LENGTH": "",
        "REQUEST_METHOD": "POST",
    }
    assert environ_headers(environ) == [
        ("AUTHORIZATION", TOKEN),
        ("CONTENT-TYPE", "application/json"),
    ]


def test_the_asgi_reader_stops_at_the_limit() -> None:
    chunks = [
        {"type": "http.request", "body": b"a" * 6, "more_body": True},
        {"type": "http.request", "body": b"b" * 6, "more_body": True},
        {"type": "http.request", "body": b"never read", "more_body": False},
    ]

    async def receive() -> dict[str, object]:
        return chunks.pop(0)

    assert asyncio.run(read_asgi_body(receive, 10)) == b"aaaaaabbbb"
    assert len(chunks) == 1


def test_the_asgi_app_speaks_lifespan() -> None:
    receiver, _ = make_receiver()
    app = asgi_app(receiver)
    incoming: list[dict[str, Any]] = [{"type": "lifespan.startup"}, {"type": "lifespan.shutdown"}]
    sent: list[MutableMapping[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return incoming.pop(0)

    async def send(message: MutableMapping[str, Any]) -> None:
        sent.append(message)

    async def lifespan() -> None:
        await app({"type": "lifespan"}, receive, send)

    asyncio.run(lifespan())
    assert [m["type"] for m in sent] == ["lifespan.startup.complete", "lifespan.shutdown.complete"]


def test_importing_the_package_imports_no_framework() -> None:
    code = (
        "import sys, zgw_client.notifications, zgw_client.notifications.asgi, "
        "zgw_client.notifications.wsgi; "
        "loaded = {'django', 'fastapi', 'starlette'} & {m.split('.')[0] for m in sys.modules}; "
        "print(sorted(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
