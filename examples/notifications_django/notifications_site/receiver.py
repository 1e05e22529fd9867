"""The receiver and its handlers: what the portal does when a register changes."""

from __future__ import annotations

import logging
import os
from collections import deque

from zgw_client.notifications import (
    Authenticator,
    JWTAuthenticator,
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
    kanalen,
)
from zgw_client.notifications.django import CacheDeliveryStore

logger = logging.getLogger("notifications_site")
DEMO_AUTH = "Token demo-only-change-me"


def authenticators() -> list[Authenticator]:
    """From the environment: the abonnement's `auth` value and/or JWT secrets (comma-separated)."""
    found: list[Authenticator] = []
    if auth := os.environ.get("NOTIFICATIONS_AUTH", DEMO_AUTH):
        found.append(StaticTokenAuthenticator(auth))
    if secrets := os.environ.get("NOTIFICATIONS_JWT_SECRETS"):
        found.append(JWTAuthenticator(secrets.split(",")))
    return found


receiver = NotificationReceiver(auth=authenticators(), store=CacheDeliveryStore("default"))
#: What arrived, newest last (a real portal would refresh a cache or send an e-mail).
received: deque[str] = deque(maxlen=100)


@receiver.on(kanaal=kanalen.ZAKEN.naam, resource="status", actie="create")
def new_status(notification: Notification) -> None:
    # Runs in the request's thread: the ORM, sessions and e-mail work as in any view.
    received.append(f"zaak {notification.hoofd_object} has a new status")
    logger.info(received[-1])


@receiver.on(kanaal=kanalen.OBJECTEN.naam, actie=["create", "update", "partial_update"])
def taak_changed(notification: Notification) -> None:
    received.append(f"object {notification.resource_url} {notification.actie}")
    logger.info(received[-1])
