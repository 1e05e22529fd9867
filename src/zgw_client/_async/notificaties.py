"""The Notificaties API (Open Notificaties) on the asynchronous client (``client.notificaties``).

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

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .._exceptions import InputError
from .._resource import Ref
from ..notifications import _filters as f
from ..notifications.models import Abonnement, Kanaal, Notification
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import AsyncResource, Timeout

__all__ = [
    "AsyncAbonnementen",
    "AsyncKanalen",
    "AsyncNotificaties",
    "AsyncNotificatiesAPI",
]


def _not_offered(what: str) -> InputError:
    return InputError(f"The Notificaties API has no {what}.")


class AsyncKanalen(AsyncResource[Kanaal]):
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
    ) -> AsyncPaginator[Kanaal]:
        """The kanalen, all of them or the one named ``naam`` (one unpaged response).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are.
            **filters: ``naam``.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)

    async def update(
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

    async def partial_update(
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

    async def delete(
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


class AsyncAbonnementen(AsyncResource[Abonnement]):
    """``/abonnement``: subscriptions (list, get, create, update, partial_update, delete).

    The server never returns an abonnement's `auth`; it is write-only. To subscribe
    without adding a second abonnement for the same callback, use
    [`ensure_subscription`][zgw_client.notifications.AsyncNotificatiesAPI.ensure_subscription].
    """

    kind, path, model = "notificaties", "abonnement", Abonnement

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
    ) -> AsyncPaginator[Abonnement]:
        """Every abonnement this client may see (one unpaged response; the API has no
        filters).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are.
        """
        return self._list({}, limit=limit, extra_params=extra_params)


class AsyncNotificaties(AsyncResource[Notification]):
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
    ) -> AsyncPaginator[Notification]:
        """Not offered by the API: sent notifications cannot be listed.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("list of notificaties")

    async def get(self, ref: Ref | BaseModel, **kwargs: Any) -> Notification:
        """Not offered by the API.

        Raises:
            InputError: always, before any request.
        """
        raise _not_offered("read of a notificatie")

    async def update(
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

    async def partial_update(
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

    async def delete(
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


class AsyncNotificatiesAPI(AsyncAPI):
    """The Notificaties API: ``client.notificaties.kanalen``, ``.abonnementen``,
    ``.notificaties``."""

    kind = "notificaties"

    kanalen = AsyncResourceSlot(AsyncKanalen)
    abonnementen = AsyncResourceSlot(AsyncAbonnementen)
    notificaties = AsyncResourceSlot(AsyncNotificaties)
