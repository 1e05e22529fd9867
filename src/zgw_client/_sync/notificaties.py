# GENERATED from src/zgw_client/_async/notificaties.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Notificaties API (Open Notificaties) on the synchronous client (``client.notificaties``).

What the API offers (Notificaties 1.0): kanalen (list, read, create), abonnementen (list,
read, create, replace, change, delete) and ``POST /notificaties`` to publish. Kanalen and
abonnementen are unpaged lists. The models are the receiver's own,
[`Kanaal`][zgw_client.notifications.Kanaal] and
[`Abonnement`][zgw_client.notifications.Abonnement]; a published message comes back as a
[`Notification`][zgw_client.notifications.Notification].

Authentication is JWT-ZGW, as for Open Zaak: a service with
[`ZGWCredentials`][zgw_client.ZGWCredentials] (the client_id and secret an Open Notificaties
admin registered, with the scopes `notificaties.consumeren` to subscribe and
`notificaties.publiceren` to publish).

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel, SecretStr
from typing_extensions import Unpack

from .._exceptions import InputError
from .._resource import Ref
from ..notifications import _filters as f
from ..notifications._subscription import (
    KanalenWithFilters,
    SubscriptionResult,
    auth_text,
    is_as_wanted,
    wanted_kanalen,
)
from ..notifications._subscription import write_body as subscription_body
from ..notifications.models import Abonnement, Kanaal, Notification
from .api import API, ResourceSlot
from .pagination import Paginator
from .resource import Resource, Timeout

__all__ = [
    "Abonnementen",
    "Kanalen",
    "Notificaties",
    "NotificatiesAPI",
]


def _not_offered(what: str) -> InputError:
    return InputError(f"The Notificaties API has no {what}.")


class Kanalen(Resource[Kanaal]):
    """``/kanaal``: the channels publishers send on (list, get, create).

    `update`, `partial_update` and `delete` raise [`InputError`][zgw_client.InputError]
    before any request: the API cannot change or remove a kanaal.
    """

    kind, path, model = "notificaties", "kanaal", Kanaal
    wire_names, joined = f.WIRE_NAMES["KanaalFilters"], f.JOINED["KanaalFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.KanaalFilters],
    ) -> Paginator[Kanaal]:
        """The kanalen, all of them or the one named ``naam`` (one unpaged response).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are.
            **filters: ``naam``.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)

    def update(
        self,
        ref: Ref | BaseModel,
        data: Kanaal | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Kanaal:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("PUT on a kanaal: a kanaal is registered once by its publisher")

    def partial_update(
        self,
        ref: Ref | BaseModel,
        data: Kanaal | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Kanaal:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("PATCH on a kanaal")

    def delete(
        self,
        ref: Ref | BaseModel,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> None:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("DELETE on a kanaal")


class Abonnementen(Resource[Abonnement]):
    """``/abonnement``: subscriptions (list, get, create, update, partial_update, delete).

    The server never returns an abonnement's `auth`; it is write-only. To subscribe
    without adding a second abonnement for the same callback, use
    [`ensure_subscription`][zgw_client.notifications.NotificatiesAPI.ensure_subscription].
    """

    kind, path, model = "notificaties", "abonnement", Abonnement

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
    ) -> Paginator[Abonnement]:
        """Every abonnement this client may see (one unpaged response; the API has no
        filters).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are.
        """
        return self._list({}, limit=limit, extra_params=extra_params)


class Notificaties(Resource[Notification]):
    """``/notificaties``: publish a message (``create``); nothing else is offered.

    Publishing is what Open Zaak does on every write; a portal rarely publishes, but tests
    and the CLI do (``zgw notificaties``). The server answers the message as it took it.
    """

    kind, path, model = "notificaties", "notificaties", Notification

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
    ) -> Paginator[Notification]:
        """Not offered by the API: sent notifications cannot be listed.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("list of notificaties")

    def get(self, ref: Ref | BaseModel, **kwargs: Any) -> Notification:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("read of a notificatie")

    def update(
        self,
        ref: Ref | BaseModel,
        data: Notification | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Notification:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("PUT on a notificatie")

    def partial_update(
        self,
        ref: Ref | BaseModel,
        data: Notification | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Notification:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("PATCH on a notificatie")

    def delete(
        self,
        ref: Ref | BaseModel,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> None:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("DELETE on a notificatie")


class NotificatiesAPI(API):
    """The Notificaties API: ``client.notificaties.kanalen``, ``.abonnementen``,
    ``.notificaties``."""

    kind = "notificaties"

    kanalen = ResourceSlot(Kanalen)
    abonnementen = ResourceSlot(Abonnementen)
    notificaties = ResourceSlot(Notificaties)

    def ensure_subscription(
        self,
        callback_url: str,
        kanalen: KanalenWithFilters,
        auth: str | SecretStr,
        *,
        replace_auth: bool = False,
    ) -> SubscriptionResult:
        """Make sure one abonnement delivers these kanalen to `callback_url`; idempotent.

        Looks for an abonnement with this callback URL (exact match). None: creates it.
        One that shows other kanalen or filters: replaces it (PUT) with these and `auth`.
        One that already shows them: leaves it, unless `replace_auth`. Run it at every
        deploy or start-up; it writes only when something changed. Open Notificaties
        checks the callback on a create and a PUT (a test notification with `auth`, which
        must answer 204), so the receiver must be up.

        Args:
            callback_url: where the receiver listens.
            kanalen: kanaal name -> filters (``{"zaken": {"bronorganisatie": "002220647"},
                "documenten": {}}``), or a list of
                [`AbonnementKanaal`][zgw_client.notifications.AbonnementKanaal]. Filter
                names may be given snake_case or camelCase.
            auth: the exact `Authorization` value to send, as the receiver accepts it
                (``"Token abc"``, ``"Bearer <jwt>"``).
            replace_auth: also PUT when kanalen and filters are as asked. The server never
                shows an abonnement's auth, so a changed secret cannot be seen: pass `True`
                when you rotated it.

        Returns:
            The abonnement, what was done, and any further abonnementen for the same URL.

        Raises:
            InputError: no kanaal, a kanaal twice, a bad filter value or an empty auth
                (before any request).
        """
        wanted = wanted_kanalen(kanalen)
        secret = auth_text(auth)
        abonnementen = self.abonnementen
        found = [a for a in abonnementen.list() if a.callback_url == callback_url]
        body = subscription_body(callback_url, wanted, secret)
        if not found:
            created = abonnementen.create(body)
            return SubscriptionResult(created, "created")
        current, others = found[0], tuple(a.url or "" for a in found[1:])
        if is_as_wanted(current, callback_url, wanted) and not replace_auth:
            return SubscriptionResult(current, "unchanged", others)
        updated = abonnementen.update(current.url or "", body)
        return SubscriptionResult(updated, "updated", others)
