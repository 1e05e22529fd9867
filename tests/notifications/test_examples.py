"""The two example apps run as their READMEs say: FastAPI under uvicorn on 127.0.0.1, Django
with its own settings module, both in this process."""

from __future__ import annotations

import importlib.util
import socket
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
import uvicorn
from django.test import Client, override_settings

from .conftest import message

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DEMO_AUTH = {"Authorization": "Token demo-only-change-me"}


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def no_example_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NOTIFICATIONS_AUTH", raising=False)
    monkeypatch.delenv("NOTIFICATIONS_JWT_SECRETS", raising=False)


@pytest.fixture
def served_fastapi_example(no_example_env: None) -> Iterator[tuple[str, ModuleType]]:
    module = load(EXAMPLES / "notifications_fastapi" / "app.py", "notifications_fastapi_app")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(module.app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}", module
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def test_the_fastapi_example_under_uvicorn(served_fastapi_example: tuple[str, ModuleType]) -> None:
    url, module = served_fastapi_example
    with httpx.Client(base_url=url) as client:
        accepted = client.post("/notificaties/", json=message(), headers=DEMO_AUTH)
        refused = client.post("/notificaties/", json=message())
        objecten = client.post(
            "/notificaties/",
            json=message(kanaal="objecten", resource="object", actie="update"),
            headers=DEMO_AUTH,
        )
    assert (accepted.status_code, refused.status_code, objecten.status_code) == (204, 401, 204)
    received = list(module.received)
    assert received[0] == f"zaak {message()['hoofdObject']} has a new status"
    assert received[1] == f"object {message()['resourceUrl']} update"


@pytest.fixture
def django_example(django_configured: None, no_example_env: None) -> Iterator[ModuleType]:
    root = EXAMPLES / "notifications_django"
    sys.path.insert(0, str(root))
    try:
        settings_module = importlib.import_module("notifications_site.settings")
        example_settings = {
            k: getattr(settings_module, k)
            for k in dir(settings_module)
            if k.isupper() and k != "DATABASES"
        }
        with override_settings(**example_settings):
            yield importlib.import_module("notifications_site.receiver")
    finally:
        sys.path.remove(str(root))
        for name in [m for m in sys.modules if m.split(".")[0] == "notifications_site"]:
            del sys.modules[name]


def test_the_django_example_with_its_settings(django_example: ModuleType) -> None:
    client = Client(enforce_csrf_checks=True, HTTP_HOST="127.0.0.1")
    accepted = client.post(
        "/notificaties/", message(), content_type="application/json", headers=DEMO_AUTH
    )
    again = client.post(
        "/notificaties/", message(), content_type="application/json", headers=DEMO_AUTH
    )
    wrong = client.post(
        "/notificaties/",
        message(),
        content_type="application/json",
        headers={"Authorization": "Token guessed"},
    )
    assert (accepted.status_code, again.status_code, wrong.status_code) == (204, 204, 403)
    assert list(django_example.received) == [f"zaak {message()['hoofdObject']} has a new status"]
