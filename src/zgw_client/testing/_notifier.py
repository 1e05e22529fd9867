"""The backend publishes a notification on every write, as Open Zaak and the Objects API do,
and delivers it as Open Notificaties does: to each abonnement whose kanaal and filters match.

Messages as the real publishers send them (Open Zaak 1.30, Objects API): kanaal per API (``zaken``,
``documenten``, ``besluiten``, ``zaaktypen``/``informatieobjecttypen``/ ``besluittypen``,
``objecten``), ``hoofdObject`` the main resource (the zaak for a status, rol or resultaat),
``resource`` its model name, ``actie`` the DRF action, and the kanaal's kenmerken (zaken:
``bronorganisatie``, ``zaaktype``, ``zaaktype.catalogus``, ``vertrouwelijkheidaanduiding``;
documenten and besluiten with the type's catalogus too). Matching as Open Notificaties'
``FilterGroup.match_pattern``: each filter key camelCased, ``*`` matches any value, a kenmerk the
message lacks does not exclude it.

Delivery happens after the write's answer is made and before the client gets it (the
transports and the server call ``deliver_pending``), outside the backend's lock: a callback
connected in process (``connect``: a
[`NotificationReceiver`][zgw_client.notifications.NotificationReceiver] or a function of
headers and body) gets it directly, on the client's face (``receive_async`` from the async
transport); any other callback URL gets an HTTP POST (httpx), with the abonnement's ``auth``
as ``Authorization``. ``deliveries`` keeps ``(callback URL, status)`` of each attempt; a
failed delivery is not retried.
"""

from __future__ import annotations

import copy
import datetime as dt
import inspect
import json
import threading
from typing import TYPE_CHECKING, Any

import httpx

from ..notifications._router import camelize
from ..notifications.kanalen import known_kanaal
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend
    from ._collections import Collection

#: Catalogi collections with a kanaal of their own (Open Zaak); the others publish nothing.
_CATALOGI_KANALEN = {
    "zaaktypen": "zaaktype",
    "informatieobjecttypen": "informatieobjecttype",
    "besluittypen": "besluittype",
}
_TIMEOUT = 10.0  # Open Notificaties' NOTIFICATION_REQUESTS_TIMEOUT


def _now() -> str:
    return (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    )


def matches(groups: list[JSON], message: JSON) -> bool:
    """Whether an abonnement's kanalen take ``message`` (Open Notificaties' rules)."""
    kenmerken = message.get("kenmerken") or {}
    for group in groups:
        if group.get("naam") != message.get("kanaal"):
            continue
        filters = {camelize(k): v for k, v in (group.get("filters") or {}).items()}
        if all(v == "*" or k not in kenmerken or kenmerken[k] == v for k, v in filters.items()):
            return True
    return False


class Notifier:
    """What the backend published (``sent``), where it went (``deliveries``), and the
    callbacks connected in process."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend
        self.sent: list[JSON] = []
        self.deliveries: list[tuple[str, int]] = []
        #: Check a callback on an abonnement's create and PUT, as Open Notificaties does
        #: (its check message must answer 204, else 400 ``invalid-callback-url``). Off by
        #: default, so abonnementen for callbacks that do not exist can be made in tests.
        self.check_callbacks = False
        #: The publisher's ``NOTIFICATIONS_SOURCE``: when set, every message carries it as
        #: ``source``, as Open Zaak's do when it is configured (its default sends none).
        self.source: str | None = None
        self._targets: dict[str, Any] = {}
        self._pending: list[JSON] = []
        self._lock = threading.Lock()

    def connect(self, callback_url: str, target: Any) -> None:
        """Deliver to ``target`` in process what an abonnement sends to ``callback_url``.

        ``target``: a [`NotificationReceiver`][zgw_client.notifications.NotificationReceiver],
        or a function (plain or ``async``) of the headers and the body returning the status.
        """
        self._targets[callback_url] = target

    def disconnect(self, callback_url: str) -> None:
        self._targets.pop(callback_url, None)

    # -- publishing ----------------------------------------------------------------------
    def publish(self, message: JSON) -> None:
        """Take one message for delivery (``POST /notificaties``, or a write)."""
        with self._lock:
            self.sent.append(copy.deepcopy(message))
            self._pending.append(copy.deepcopy(message))

    def written(
        self, collection: Collection, action: str, old: JSON | None, new: JSON | None
    ) -> None:
        """Publish what the real server would after an HTTP write to ``collection``."""
        subject = new if new is not None else old
        if subject is None:
            return
        message = self._message(collection, action, subject)
        if message is not None:
            self.publish(message)

    def _message(self, collection: Collection, action: str, subject: JSON) -> JSON | None:
        api, url = collection.api, str(subject.get("url", ""))
        if api == "catalogi":
            resource = _CATALOGI_KANALEN.get(collection.name)
            if resource is None:
                return None
            kanaal, main = collection.name, url
            kenmerken = {"catalogus": str(subject.get("catalogus", ""))}
        elif api == "objecten":
            if collection.name != "objects":
                return None
            kanaal, resource, main = "objecten", "object", url
            kenmerken = {"objectType": str(subject.get("type", ""))}
        elif api in ("zaken", "documenten", "besluiten") and collection.audit_resource:
            kanaal, resource = api, collection.audit_resource
            main = collection.audit_main_object(subject) or url
            # A destroy of the hoofdobject itself: its kenmerken as it was (Open Zaak too).
            kenmerken = self._kenmerken(
                api, self.backend.get(main) or (subject if main == url else {})
            )
        else:
            return None
        known = known_kanaal(kanaal)
        if known is not None and action not in known.resources.get(resource, (action,)):
            return None  # Open Zaak sends no such notification (a zaakinformatieobject's destroy)
        message: JSON = {
            "kanaal": kanaal,
            "hoofdObject": main,
            "resource": resource,
            "resourceUrl": url,
            "actie": action,
            "aanmaakdatum": _now(),
            "kenmerken": kenmerken,
        }
        if self.source:
            message["source"] = self.source
        return message

    def _kenmerken(self, api: str, body: JSON) -> dict[str, str]:
        if api == "zaken":
            zaaktype = str(body.get("zaaktype", ""))
            return {
                "bronorganisatie": str(body.get("bronorganisatie", "")),
                "zaaktype": zaaktype,
                "zaaktype.catalogus": self._catalogus_of(zaaktype),
                "vertrouwelijkheidaanduiding": str(body.get("vertrouwelijkheidaanduiding", "")),
            }
        if api == "documenten":
            iotype = str(body.get("informatieobjecttype", ""))
            return {
                "bronorganisatie": str(body.get("bronorganisatie", "")),
                "informatieobjecttype": iotype,
                "vertrouwelijkheidaanduiding": str(body.get("vertrouwelijkheidaanduiding", "")),
                "informatieobjecttype.catalogus": self._catalogus_of(iotype),
            }
        besluittype = str(body.get("besluittype", ""))
        return {
            "verantwoordelijkeOrganisatie": str(body.get("verantwoordelijkeOrganisatie", "")),
            "besluittype": besluittype,
            "besluittype.catalogus": self._catalogus_of(besluittype),
        }

    def _catalogus_of(self, type_url: str) -> str:
        return str((self.backend.get(type_url) or {}).get("catalogus", ""))

    # -- delivering ------------------------------------------------------------------------
    def _take(self) -> list[tuple[str, dict[str, str], bytes]]:
        with self._lock:
            pending, self._pending = self._pending, []
        if not pending:
            return []
        abonnementen = list(self.backend.table("notificaties", "abonnement").values())
        out = []
        for message in pending:
            body = json.dumps(message).encode()
            for abonnement in abonnementen:
                if matches(abonnement.get("kanalen") or [], message):
                    headers = {
                        "Authorization": str(abonnement.get("auth", "")),
                        "Content-Type": "application/json",
                    }
                    out.append((str(abonnement["callbackUrl"]), headers, body))
        return out

    def _public(self, url: str, body: bytes, origin: str | None) -> bytes:
        if origin is None or origin == self.backend.base_url:
            return body
        return body.replace(f"{self.backend.base_url}/".encode(), f"{origin}/".encode())

    def deliver_pending(self, origin: str | None = None) -> None:
        """Deliver every pending message (sync: the sync transport and the server)."""
        for url, headers, body in self._take():
            body = self._public(url, body, origin)
            target = self._targets.get(url)
            status = self._send_sync(target, url, headers, body)
            self.deliveries.append((url, status))

    async def deliver_pending_async(self, origin: str | None = None) -> None:
        """Deliver every pending message, awaiting async receivers (the async transport)."""
        from ..notifications import NotificationReceiver

        for url, headers, body in self._take():
            body = self._public(url, body, origin)
            target = self._targets.get(url)
            if isinstance(target, NotificationReceiver):
                status = (await target.receive_async("POST", headers, body)).status
            elif target is not None:
                outcome = target(headers, body)
                status = int(await outcome if inspect.isawaitable(outcome) else outcome)
            else:
                status = await _post_async(url, headers, body)
            self.deliveries.append((url, status))

    def _send_sync(self, target: Any, url: str, headers: dict[str, str], body: bytes) -> int:
        from ..notifications import NotificationReceiver

        if isinstance(target, NotificationReceiver):
            return target.receive("POST", headers, body).status
        if target is not None:
            return int(target(headers, body))
        try:
            return httpx.post(url, content=body, headers=headers, timeout=_TIMEOUT).status_code
        except httpx.HTTPError:
            return 0

    def check_callback(self, url: str, auth: str) -> bool:
        """Open Notificaties' check of a callback: its test message must answer 204."""
        message = {
            "kanaal": "test",
            "hoofdObject": "http://some.hoofdobject.nl/",
            "resource": "some_resource",
            "resourceUrl": "http://some.resource.nl/",
            "actie": "create",
            "aanmaakdatum": "2019-01-01T12:00:00Z",
            "kenmerken": {},
        }
        headers = {"Authorization": auth, "Content-Type": "application/json"}
        body = json.dumps(message).encode()
        return self._send_sync(self._targets.get(url), url, headers, body) == 204


async def _post_async(url: str, headers: dict[str, str], body: bytes) -> int:
    try:
        async with httpx.AsyncClient(timeout=_TIMEOUT) as http:
            return (await http.post(url, content=body, headers=headers)).status_code
    except httpx.HTTPError:
        return 0
