"""The notifications receiver: Open Notificaties calls ``/notificaties/``."""

from __future__ import annotations

import logging
import os
from collections import deque

from zgw_client.notifications import (
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
    kanalen,
)
from zgw_client.notifications.django import CacheDeliveryStore

logger = logging.getLogger("portal_site")
DEMO_AUTH = "Token demo-only-change-me"

receiver = NotificationReceiver(
    auth=[StaticTokenAuthenticator(os.environ.get("NOTIFICATIONS_AUTH", DEMO_AUTH))],
    # In the shared cache, so a redelivery is recognised by whichever worker it reaches.
    store=CacheDeliveryStore("default"),
)
#: What arrived, newest last (a portal would e-mail the citizen, or refresh a page).
received: deque[str] = deque(maxlen=100)


@receiver.on(kanaal=kanalen.ZAKEN.naam, resource="status", actie="create")
def new_status(notification: Notification) -> None:
    received.append(f"zaak {notification.hoofd_object} has a new status")
    logger.info(received[-1])
