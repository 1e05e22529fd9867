"""The Django portal example (examples/portal_django) with its own settings, through Django's
test client: settings.ZGW from the ``ZGW_*`` variables, the demo login into a session, the
citizen's overview, the notifications view mounted by include, and the ZGW cache and the
sessions shared by "workers" in a real Redis (Django's RedisCache) when ``ZGW_REDIS_URL``
is set, in locmem otherwise."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from tests.support.django_settings import configure_django
from zgw_client.testing import InMemoryBackend, ServedBackend
from zgw_client.testing.demo import DEMO_BSN, seed_demo

configure_django()

from django.core import checks  # noqa: E402 - Django must be configured first
from django.test import Client, override_settings  # noqa: E402

import zgw_client.django as zgw_django  # noqa: E402

ROOT = Path(__file__).resolve().parents[2] / "examples" / "portal_django"
DEMO_AUTH = {"Authorization": "Token demo-only-change-me"}


@pytest.fixture(scope="module")
def served() -> Iterator[ServedBackend]:
    backend = InMemoryBackend()
    seed_demo(backend)
    with backend.serve() as running:
        yield running


def example_env(served: ServedBackend) -> dict[str, str]:
    """What the README exports: the ``ZGW_*`` variables of the served backend."""
    backend = served.backend
    env = {
        "ZGW_CLIENT_ID": backend.jwt_client_id,
        "ZGW_SECRET": backend.jwt_secret,
        "ZGW_KLANTINTERACTIES_TOKEN": backend.token,
        "ZGW_OBJECTEN_TOKEN": backend.token,
        "ZGW_DEMO_BSN": DEMO_BSN,
    }
    for name, root in served.api_roots.items():
        env[f"ZGW_{name.upper()}_API_ROOT"] = root
    return env


@pytest.fixture
def example(served: ServedBackend, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Any]]:
    """``with example(**env):`` the example's settings in force, read with ``env`` set."""
    monkeypatch.delenv("NOTIFICATIONS_AUTH", raising=False)
    sys.path.insert(0, str(ROOT))

    @contextmanager
    def running(**extra: str) -> Iterator[Any]:
        for key, value in {**example_env(served), **extra}.items():
            monkeypatch.setenv(key, value)
        module = importlib.import_module("portal_site.settings")
        values = {k: getattr(module, k) for k in dir(module) if k.isupper() and k != "DATABASES"}
        try:
            with override_settings(**values):
                yield importlib.import_module("portal_site.notifications")
        finally:
            for name in [m for m in sys.modules if m.split(".")[0] == "portal_site"]:
                del sys.modules[name]

    try:
        yield running
    finally:
        sys.path.remove(str(ROOT))


def browser(*, enforce_csrf_checks: bool = False) -> Client:
    """A browser on the example's host (its ALLOWED_HOSTS are 127.0.0.1 and localhost)."""
    return Client(enforce_csrf_checks=enforce_csrf_checks, HTTP_HOST="127.0.0.1")


def log_in(client: Client) -> None:
    form = client.get("/inloggen/")
    assert form.status_code == 200
    token = form.cookies["csrftoken"].value
    answer = client.post("/inloggen/", {"csrfmiddlewaretoken": token})
    assert (answer.status_code, answer.headers["Location"]) == (302, "/")


def catalogi_requests(served: ServedBackend) -> list[str]:
    return served.backend.requests_matching(contains="/catalogi/api/v1/")


def test_the_overview_needs_a_login_and_shows_the_citizen_s_zaken(
    example: Callable[..., Any], served: ServedBackend
) -> None:
    with example():
        assert [m for m in checks.run_checks() if m.id == "zgw_client.E001"] == []
        client = browser(enforce_csrf_checks=True)
        anonymous = client.get("/")
        assert (anonymous.status_code, anonymous.headers["Location"]) == (302, "/inloggen/")
        refused = client.post("/inloggen/")  # no CSRF token
        assert refused.status_code == 403
        served.backend.reset_log()
        log_in(client)
        page = client.get("/")
    assert page.status_code == 200
    html = page.content.decode()
    assert f"Ingelogd met BSN *****{DEMO_BSN[-4:]}" in html
    assert DEMO_BSN not in html  # masked
    assert "Aanvraag subsidie geluidsisolatie" in html
    assert "nog 2 dagen" in html
    assert "Niet alles kon worden geladen" not in html
    assert not [u for _, u in served.backend.request_log if DEMO_BSN in u]  # not in any URL


def test_without_a_demo_bsn_there_is_no_demo_login(
    example: Callable[..., Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    with example(ZGW_DEMO_BSN=""):
        assert browser().get("/inloggen/").status_code == 404


def test_the_notifications_view_is_mounted_by_include(example: Callable[..., Any]) -> None:
    message = {
        "kanaal": "zaken",
        "hoofdObject": "http://127.0.0.1:8000/zaken/api/v1/zaken/1",
        "resource": "status",
        "resourceUrl": "http://127.0.0.1:8000/zaken/api/v1/statussen/1",
        "actie": "create",
        "aanmaakdatum": "2026-12-01T10:00:00Z",
        "kenmerken": {},
    }
    with example() as notifications:
        client = browser(enforce_csrf_checks=True)  # the view is CSRF-exempt, the rest is not
        accepted = client.post(
            "/notificaties/", message, content_type="application/json", headers=DEMO_AUTH
        )
        refused = client.post("/notificaties/", message, content_type="application/json")
        received = list(notifications.received)
    assert (accepted.status_code, refused.status_code) == (204, 401)
    assert received == [f"zaak {message['hoofdObject']} has a new status"]


def test_without_redis_the_cache_is_per_process(
    example: Callable[..., Any], served: ServedBackend
) -> None:
    with example():
        from django.conf import settings
        from django.core.cache import caches

        backends = {c["BACKEND"].rsplit(".", 1)[1] for c in settings.CACHES.values()}
        assert backends == {"LocMemCache"}
        caches["zgw"].clear()  # locmem lives as long as the process: other tests filled it
        client = browser()
        log_in(client)
        served.backend.reset_log()
        assert client.get("/").status_code == 200
        assert catalogi_requests(served)  # a cold cache asks for the zaaktypen
        served.backend.reset_log()
        assert client.get("/").status_code == 200
        assert catalogi_requests(served) == []


def test_with_redis_workers_share_the_zgw_cache_and_the_sessions(
    example: Callable[..., Any], served: ServedBackend, redis_server: Any
) -> None:
    if not redis_server.real:
        pytest.skip("needs a real redis-server: Django's RedisCache cannot use fakeredis")
    redis_server.flush()
    with example(ZGW_REDIS_URL=redis_server.url):
        client = browser()
        log_in(client)
        served.backend.reset_log()
        first = client.get("/")
        assert first.status_code == 200
        assert catalogi_requests(served)
        # Another worker: a new client of its own (zgw_client.django makes one per
        # process), the same Redis, the same session cookie.
        zgw_django.close_client()
        served.backend.reset_log()
        second = client.get("/")
        assert second.status_code == 200
        assert catalogi_requests(served) == []  # the catalogi came from Redis
        assert second.content == first.content
        keys = [key.decode() for key in redis_server.sync_client().keys("*")]
    assert any(key.startswith("zgw:") and ":zgw:1:catalogi:" in key for key in keys), keys
    assert any(key.startswith("portal:") and "django.contrib.sessions" in key for key in keys)
    assert not [key for key in keys if DEMO_BSN in key]
