"""A FastAPI app that receives Open Notificaties' deliveries and tells a citizen's portal.

Run it (from the repository root):

    uvicorn app:app --app-dir examples/notifications_fastapi --host 127.0.0.1 --port 8000

and register `http://127.0.0.1:8000/notificaties/` as the abonnement's callback URL, with
the `auth` value of `NOTIFICATIONS_AUTH` (see the README beside this file).
"""

from __future__ import annotations

import logging
import os
from collections import deque

from fastapi import FastAPI

from zgw_client.notifications import (
    Authenticator,
    CloudEvent,
    JWTAuthenticator,
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
    kanalen,
)
from zgw_client.notifications.fastapi import notification_router

logger = logging.getLogger("notifications_example")
DEMO_AUTH = "Token demo-only-change-me"


def authenticators() -> list[Authenticator]:
    """From the environment: the abonnement's `auth` value and/or JWT secrets (comma-separated)."""
    found: list[Authenticator] = []
    if auth := os.environ.get("NOTIFICATIONS_AUTH", DEMO_AUTH):
        found.append(StaticTokenAuthenticator(auth))
    if secrets := os.environ.get("NOTIFICATIONS_JWT_SECRETS"):
        found.append(JWTAuthenticator(secrets.split(",")))
    return found


receiver = NotificationReceiver(auth=authenticators())
#: What arrived, newest last (a real portal would update its cache or send an e-mail).
received: deque[str] = deque(maxlen=100)


@receiver.on(kanaal=kanalen.ZAKEN.naam, resource="status", actie="create")
async def new_status(notification: Notification) -> None:
    received.append(f"zaak {notification.hoofd_object} has a new status")
    logger.info(received[-1])


@receiver.on(kanaal=kanalen.OBJECTEN.naam)
def taak_changed(notification: Notification) -> None:
    # a sync handler: runs in a worker thread, so blocking calls are fine here
    received.append(f"object {notification.resource_url} {notification.actie}")
    logger.info(received[-1])


@receiver.on_cloud_event(type="nl.overheid.zaken.zaak-gemuteerd")
async def zaak_changed(event: CloudEvent) -> None:
    received.append(f"zaak {event.subject} changed")
    logger.info(received[-1])


app = FastAPI(title="Notifications receiver example")
app.include_router(notification_router(receiver), prefix="/notificaties")
