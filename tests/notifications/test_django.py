"""The Django adapter in Django: its URL include, the view with CSRF on, the cache store."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from django.core.cache import caches
from django.test import Client, override_settings
from django.urls import include, path

from zgw_client.notifications import (
    InMemoryDeliveryStore,
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
)
from zgw_client.notifications import django as zgw_notifications

from .conftest import TOKEN, cloud_event, message


@pytest.fixture
def receiver(django_configured: None) -> NotificationReceiver:
    return NotificationReceiver(
        auth=StaticTokenAuthenticator(TOKEN), store=zgw_notifications.CacheDeliveryStore()
    )


@pytest.fixture
def client(receiver: NotificationReceiver) -> Iterator[Client]:
    patterns = [path("notificaties/", include(zgw_notifications.urls(receiver)))]
    urlconf = type("URLConf", (), {"urlpatterns": patterns})
    caches["default"].clear()
    with override_settings(ROOT_URLCONF=urlconf):
        yield Client(enforce_csrf_checks=True)


def test_a_notification_is_received_with_csrf_checks_on(
    receiver: NotificationReceiver, client: Client
) -> None:
    got: list[Notification] = []
    receiver.on(kanaal="zaken", name="got")(got.append)
    response = client.post(
        "/notificaties/",
        message(),
        content_type="application/json",
        headers={"Authorization": TOKEN},
    )
    assert response.status_code == 204
    assert response.content == b""
    assert "Content-Type" not in response
    assert response["API-version"] == "1.0.0-rc1"
    assert got[0].resource == "status"


def test_refusals_are_problem_json(client: Client) -> None:
    missing = client.post("/notificaties/", message(), content_type="application/json")
    assert missing.status_code == 401
    assert missing["Content-Type"] == "application/problem+json"
    assert missing.json()["code"] == "not_authenticated"
    wrong = client.post(
        "/notificaties/",
        message(),
        content_type="application/json",
        headers={"Authorization": "Token nope"},
    )
    assert wrong.status_code == 403
    bad = client.post(
        "/notificaties/",
        b"{",
        content_type="application/json",
        headers={"Authorization": TOKEN},
    )
    assert bad.status_code == 400
    assert client.get("/notificaties/", headers={"Authorization": TOKEN}).status_code == 405


def test_a_big_body_is_413_however_large_django_allows(
    django_configured: None, client: Client
) -> None:
    response = client.post(
        "/notificaties/",
        b"x" * 400_000,
        content_type="application/json",
        headers={"Authorization": TOKEN},
    )
    assert response.status_code == 413


def test_cloud_events_arrive_through_django(receiver: NotificationReceiver, client: Client) -> None:
    got: list[str] = []
    receiver.on_cloud_event(name="ce")(lambda event: got.append(event.type))
    response = client.post(
        "/notificaties/",
        cloud_event(),
        content_type="application/cloudevents+json",
        headers={"Authorization": TOKEN},
    )
    assert response.status_code == 204
    assert got == ["nl.overheid.zaken.status.create"]


def test_the_cache_store_recognises_a_redelivery(
    receiver: NotificationReceiver, client: Client
) -> None:
    ran: list[Notification] = []
    receiver.on(name="once")(ran.append)
    for _ in range(2):
        client.post(
            "/notificaties/",
            message(),
            content_type="application/json",
            headers={"Authorization": TOKEN},
        )
    assert len(ran) == 1
    # another process with the same (shared) cache would see the done mark as well
    other = NotificationReceiver(
        auth=StaticTokenAuthenticator(TOKEN), store=zgw_notifications.CacheDeliveryStore()
    )
    other.on(name="once")(ran.append)
    other.receive("POST", {"Authorization": TOKEN}, client_body())
    assert len(ran) == 1
    assert repr(zgw_notifications.CacheDeliveryStore()) == "CacheDeliveryStore('default')"


def client_body() -> bytes:
    return json.dumps(message()).encode()


def test_cache_store_operations(django_configured: None) -> None:
    store = zgw_notifications.CacheDeliveryStore(caches["default"])
    caches["default"].clear()
    assert store.add_if_absent("k", "processing", 30)
    assert not store.add_if_absent("k", "processing", 30)
    store.set("k", "done", 30)
    assert store.get("k") == "done"
    store.delete("k")
    assert store.get("k") is None
    assert not isinstance(store, InMemoryDeliveryStore)
