"""Django integration in the real framework: settings.ZGW, the system check, one client per
process, Django's cache shared by "workers", and a view through Django's test client."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.django_settings import configure_django
from zgw_client.testing import InMemoryBackend
from zgw_client.testing.demo import DEMO_BSN, seed_demo

configure_django()

from django.core import checks  # noqa: E402 - Django must be configured first
from django.test import Client, override_settings  # noqa: E402

import zgw_client.django as zgw_django  # noqa: E402


@pytest.fixture(scope="module")
def served() -> Iterator[Any]:
    backend = InMemoryBackend()
    seed_demo(backend)
    with backend.serve() as running:
        yield running


def zgw_settings(served: Any, cache: str | None = "shared") -> dict[str, Any]:
    backend = served.backend
    services: dict[str, Any] = {}
    for name, root in served.api_roots.items():
        auth = backend.apis[name].auth
        table: dict[str, Any] = {"api_root": root, "kind": backend.apis[name].name}
        if auth == "jwt":
            table |= {"client_id": backend.jwt_client_id, "secret": backend.jwt_secret}
        elif auth == "token":
            table["token"] = backend.token
        services[backend.apis[name].name] = table
    return {"services": services, "cache": cache}


def test_the_system_check_reports_a_broken_configuration(served: Any) -> None:
    with override_settings(ZGW={"services": {"zaken": {"api_root": "not a url"}}}):
        [error] = [m for m in checks.run_checks() if m.id == "zgw_client.E001"]
    assert "api_root" in error.msg
    with override_settings(ZGW=zgw_settings(served, cache="nope")):
        [error] = [m for m in checks.run_checks() if m.id == "zgw_client.E001"]
    assert "no CACHES alias 'nope'" in error.msg
    with override_settings(ZGW=zgw_settings(served)):
        assert [m for m in checks.run_checks() if m.id == "zgw_client.E001"] == []


def test_one_client_per_process_made_again_after_a_fork(
    served: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with override_settings(ZGW=zgw_settings(served)):
        first = zgw_django.get_client()
        assert zgw_django.get_client() is first
        monkeypatch.setattr(os, "getpid", lambda: -1)  # as in a worker forked after --preload
        forked = zgw_django.get_client()
        assert forked is not first
        monkeypatch.undo()
    assert zgw_django._client is None  # settings changed: the client was let go


def test_django_cache_is_shared_by_the_workers_and_a_view_shows_the_overview(served: Any) -> None:
    with override_settings(ZGW=zgw_settings(served)):
        served.backend.reset_log()
        answer = Client().get("/mijn-zaken/", headers={"X-Test-Citizen": DEMO_BSN})
        assert answer.status_code == 200
        assert answer.json()["lopende_zaken"]
        assert served.backend.requests_matching(contains="/catalogi/api/v1/")
        zgw_django.close_client()  # another worker: a new client, the same Django cache
        served.backend.reset_log()
        again = Client().get("/mijn-zaken/", headers={"X-Test-Citizen": DEMO_BSN})
        assert again.json()["lopende_zaken"] == answer.json()["lopende_zaken"]
        assert served.backend.requests_matching(contains="/catalogi/api/v1/") == []
        assert not [u for _, u in served.backend.request_log if DEMO_BSN in u]
