"""Receive notifications of the Notificaties API (Open Notificaties), in any framework.

Open Zaak, Open Klant and the Objects API publish a notification on a kanaal for every
create, update and delete; Open Notificaties POSTs it to the callback URL of each matching
abonnement, with the `Authorization` value registered there. This package is the receiving
end: a framework-free [`NotificationReceiver`][zgw_client.notifications.NotificationReceiver]
that authenticates, parses (also the CloudEvents form), routes to your handlers, runs each
handler once per message however often it is delivered, and answers what the receiver
contract asks. Adapters for Django (`zgw_client.notifications.django`), FastAPI
(`.fastapi`), plain ASGI (`.asgi`) and WSGI (`.wsgi`) are separate modules: importing this
package imports no framework.

Exceptions, both in the one tree under `ZGWError`:

    ZGWError
    ├── InputError
    │   └── InvalidDeliveryError   dispatch() got a body that holds no notification
    └── DispatchError              dispatch(): a handler failed or runs elsewhere; retry
"""

from typing import TYPE_CHECKING

from .. import _lazy
from . import kanalen
from ._auth import Authenticator, AuthResult, JWTAuthenticator, StaticTokenAuthenticator
from ._delivery import Delivery, Headers
from ._receiver import DispatchError, FailedDelivery, InvalidDeliveryError, NotificationReceiver
from ._response import WebhookResponse
from ._router import Handler, Router
from ._store import AsyncDeliveryStore, DeliveryStore, InMemoryDeliveryStore
from ._subscription import KanalenWithFilters, SubscriptionAction, SubscriptionResult
from .models import (
    RESOURCE_MODELS,
    Abonnement,
    AbonnementKanaal,
    Actie,
    CloudEvent,
    CloudEventFilterGroup,
    Kanaal,
    Notification,
)

if TYPE_CHECKING:
    from .._async.notificaties import (
        AsyncAbonnementen,
        AsyncKanalen,
        AsyncNotificaties,
        AsyncNotificatiesAPI,
    )
    from .._sync.notificaties import Abonnementen, Kanalen, Notificaties, NotificatiesAPI

#: The Notificaties API's resources, imported when first read (see ``zgw_client._lazy``):
#: receiving notifications loads no client face.
_EXPORTS = {
    "AsyncAbonnementen": "zgw_client._async.notificaties",
    "AsyncKanalen": "zgw_client._async.notificaties",
    "AsyncNotificaties": "zgw_client._async.notificaties",
    "AsyncNotificatiesAPI": "zgw_client._async.notificaties",
    "Abonnementen": "zgw_client._sync.notificaties",
    "Kanalen": "zgw_client._sync.notificaties",
    "Notificaties": "zgw_client._sync.notificaties",
    "NotificatiesAPI": "zgw_client._sync.notificaties",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "Abonnement",
    "AbonnementKanaal",
    "Abonnementen",
    "Actie",
    "AsyncAbonnementen",
    "AsyncDeliveryStore",
    "AsyncKanalen",
    "AsyncNotificaties",
    "AsyncNotificatiesAPI",
    "AuthResult",
    "Authenticator",
    "CloudEvent",
    "CloudEventFilterGroup",
    "Delivery",
    "DeliveryStore",
    "DispatchError",
    "FailedDelivery",
    "Handler",
    "Headers",
    "InMemoryDeliveryStore",
    "InvalidDeliveryError",
    "JWTAuthenticator",
    "Kanaal",
    "Kanalen",
    "KanalenWithFilters",
    "Notificaties",
    "NotificatiesAPI",
    "Notification",
    "NotificationReceiver",
    "Router",
    "StaticTokenAuthenticator",
    "SubscriptionAction",
    "SubscriptionResult",
    "WebhookResponse",
    "kanalen",
]
