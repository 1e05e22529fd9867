"""Built-in handlers that keep what a portal caches fresh, and its "Recente berichten".

```python
receiver.router.include(invalidate_catalogi(client))
receiver.router.include(invalidate_overviews(client, overview_cache))
receiver.router.include(record_updates(client, recent))
```

Each builder takes a client of either face and returns a
[`Router`][zgw_client.notifications.Router] with handlers of that face: `async` ones for an
[`AsyncZGWClient`][zgw_client.AsyncZGWClient] (run them with `receive_async`), plain ones for
a [`ZGWClient`][zgw_client.ZGWClient]. The stores (overview cache, recent updates) must be of
the same face as the client.

* [`invalidate_catalogi`][zgw_client.notifications.handlers.invalidate_catalogi]: on
  `zaaktypen`, `informatieobjecttypen`, `besluittypen` (any actie), every cached Catalogi
  body of the client becomes stale, in every worker that shares the cache (a new generation
  per Catalogi root, as a write through the client does).
* [`invalidate_overviews`][zgw_client.notifications.handlers.invalidate_overviews]: on
  `zaken`, `documenten`, `besluiten`, `objecten`, the cached overview of each citizen the
  resource is about ([`CitizenResolver`][zgw_client.notifications.handlers.CitizenResolver]).
* [`record_updates`][zgw_client.notifications.handlers.record_updates]: a new status, a
  document linked to a zaak, a resultaat, a besluit, a new taak become a
  [`CitizenUpdate`][zgw_client.notifications.updates.CitizenUpdate] for each citizen whose
  zaak it is (the [`Policy`][zgw_client.mijnzaken.Policy]'s rules: qualifying rollen, zaak
  and document vertrouwelijkheid, statustypen to inform about); read them back with
  [`recent_updates`][zgw_client.notifications.handlers.recent_updates].

What no notification reports is not caught: a removed rol or a deleted zaak can no longer
be resolved to its citizen. The overview cache's TTL bounds how long that stays stale.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, overload

from .._async.citizen_caches import AsyncOverviewCache, AsyncRecentUpdates
from .._async.client import AsyncZGWClient
from .._async.notification_handlers import (
    CATALOGI_KANALEN,
    CITIZEN_KANALEN,
    AsyncCitizenResolver,
)
from .._sync.citizen_caches import OverviewCache, RecentUpdates
from .._sync.notification_handlers import CitizenResolver
from ._router import Router
from .updates import CitizenUpdate

if TYPE_CHECKING:
    from .._sync.client import ZGWClient
    from ..mijnzaken.policy import Policy

__all__ = [
    "CATALOGI_KANALEN",
    "CITIZEN_KANALEN",
    "AsyncCitizenResolver",
    "AsyncOverviewCache",
    "AsyncRecentUpdates",
    "CitizenResolver",
    "CitizenUpdate",
    "OverviewCache",
    "RecentUpdates",
    "invalidate_catalogi",
    "invalidate_overviews",
    "recent_updates",
    "record_updates",
]


def invalidate_catalogi(client: ZGWClient | AsyncZGWClient) -> Router:
    """Handlers that make the client's cached Catalogi stale on a type change."""
    if isinstance(client, AsyncZGWClient):
        from .._async.notification_handlers import catalogi_router as async_router

        return async_router(client)
    from .._sync.notification_handlers import catalogi_router

    return catalogi_router(client)


def invalidate_overviews(
    client: ZGWClient | AsyncZGWClient,
    cache: OverviewCache | AsyncOverviewCache,
    *,
    policy: Policy | None = None,
) -> Router:
    """Handlers that invalidate the cached overview of each citizen a change is about."""
    if isinstance(client, AsyncZGWClient):
        from .._async.notification_handlers import overviews_router as async_router

        return async_router(client, _same_face(cache, AsyncOverviewCache), policy=policy)
    from .._sync.notification_handlers import overviews_router

    return overviews_router(client, _same_face(cache, OverviewCache), policy=policy)


def record_updates(
    client: ZGWClient | AsyncZGWClient,
    store: RecentUpdates | AsyncRecentUpdates,
    *,
    policy: Policy | None = None,
) -> Router:
    """Handlers that add citizen-facing updates to `store`."""
    if isinstance(client, AsyncZGWClient):
        from .._async.notification_handlers import updates_router as async_router

        return async_router(client, _same_face(store, AsyncRecentUpdates), policy=policy)
    from .._sync.notification_handlers import updates_router

    return updates_router(client, _same_face(store, RecentUpdates), policy=policy)


@overload
def recent_updates(
    store: RecentUpdates, bsn: str, since: dt.datetime | None = None
) -> list[CitizenUpdate]: ...
@overload
def recent_updates(
    store: AsyncRecentUpdates, bsn: str, since: dt.datetime | None = None
) -> Any: ...
def recent_updates(
    store: RecentUpdates | AsyncRecentUpdates, bsn: str, since: dt.datetime | None = None
) -> Any:
    """What changed for the citizen since `since`, newest first.

    The same as ``store.since(bsn, since)``: a coroutine for an
    [`AsyncRecentUpdates`][zgw_client.notifications.handlers.AsyncRecentUpdates].
    """
    return store.since(bsn, since)


def _same_face(store: Any, expected: type[Any]) -> Any:
    from .._exceptions import ConfigurationError

    if not isinstance(store, expected):
        raise ConfigurationError(
            f"{type(store).__name__} is of the other face than the client: use "
            f"{expected.__name__} with this client."
        )
    return store
