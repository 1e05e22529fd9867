"""Helpers for resource tests against recorded Open Zaak shapes, over ``httpx.MockTransport``.

The samples in ``../shared/samples/openzaak`` were captured on ``http://127.0.0.1:8000``;
:func:`sample` moves their URLs to the test host so the client routes them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from tests.conftest import FAST_RETRY, SECRET, samples_dir
from zgw_client import Service, ZGWConfig, ZGWCredentials

HOST = "https://openzaak.test"
ROOTS = {api: f"{HOST}/{api}/api/v1/" for api in ("catalogi", "documenten", "besluiten", "zaken")}
RECORDED_HOST = "http://127.0.0.1:8000"


def relocate(value: Any) -> Any:
    """``value`` with every recorded URL moved to the test host."""
    text = json.dumps(value).replace(RECORDED_HOST, HOST)
    text = text.replace(quote(RECORDED_HOST, safe=""), quote(HOST, safe=""))
    return json.loads(text)


def sample(name: str, part: str = "response") -> Any:
    """The relocated body of a recorded exchange, e.g. ``sample("catalogi_zaaktype_detail")``."""
    path = samples_dir() / "openzaak" / f"{name}.json"
    return relocate(json.loads(path.read_text(encoding="utf-8"))[part]["body"])


def config() -> ZGWConfig:
    creds = ZGWCredentials("zgw-client-test", SECRET, user_id="tester")
    return ZGWConfig({api: Service(root, creds, retry=FAST_RETRY) for api, root in ROOTS.items()})


Responder = Callable[[httpx.Request], httpx.Response]


class Routes:
    """A tiny router for MockTransport: ``(method, path)`` -> responder; logs every request."""

    def __init__(self) -> None:
        self.routes: dict[tuple[str, str], Responder] = {}
        self.log: list[httpx.Request] = []

    def add(self, method: str, url: str, responder: Responder | Any, status: int = 200) -> None:
        """Answer ``method url`` (path only is matched) with a responder or a JSON body."""
        path = httpx.URL(url).path
        if not callable(responder):
            body = responder

            def responder(request: httpx.Request) -> httpx.Response:
                return httpx.Response(status, json=body)

        self.routes[(method, path)] = responder

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.log.append(request)
        route = self.routes.get((request.method, request.url.path))
        if route is None:
            return httpx.Response(
                404,
                json={"code": "not_found", "title": "Niet gevonden.", "status": 404},
                headers={"Content-Type": "application/problem+json"},
            )
        return route(request)

    def requests(self, method: str | None = None) -> list[httpx.Request]:
        return [r for r in self.log if method is None or r.method == method]


@pytest.fixture
def routes() -> Routes:
    return Routes()


@pytest.fixture
def api_client(make_client: Callable[..., Any], routes: Routes) -> Any:
    """A client of the current face whose requests go to ``routes``."""
    return make_client(routes, config())
