"""The Besluiten API's resources on the asynchronous client (``client.besluiten``).

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .. import _core
from .._models import parse_response_list
from .._resource import Ref
from ..besluiten import _filters as f
from ..besluiten.models import AuditTrail, Besluit, BesluitInformatieObject
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import AsyncResource

__all__ = ["AsyncBesluitInformatieObjecten", "AsyncBesluiten", "AsyncBesluitenAPI"]


class AsyncBesluiten(AsyncResource[Besluit]):
    """``/besluiten``: decisions, usually taken within a zaak."""

    kind, path, model = "besluiten", "besluiten", Besluit
    wire_names, joined = f.WIRE_NAMES["BesluitenFilters"], f.JOINED["BesluitenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BesluitenFilters],
    ) -> AsyncPaginator[Besluit]:
        """Besluiten matching ``filters`` (``zaak``, ``besluittype``, ``identificatie``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching besluiten.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)

    async def audittrail(self, besluit: Ref | BaseModel) -> builtins.list[AuditTrail]:
        """The besluit's audit trail: who changed what, oldest first (an unpaged list).

        Args:
            besluit: the besluit's URL, UUID or model.
        """
        url = self.url_of(besluit).rstrip("/") + "/audittrail"
        body = await self._client.get_json(url)
        return parse_response_list(AuditTrail, body, source=f"GET {_core.loggable_url(url)}")


class AsyncBesluitInformatieObjecten(AsyncResource[BesluitInformatieObject]):
    """``/besluitinformatieobjecten``: the documents that record a besluit (unpaged list).

    The document's informatieobjecttype must be one the besluittype allows, or the server
    answers 400.
    """

    kind, path, model = "besluiten", "besluitinformatieobjecten", BesluitInformatieObject
    wire_names = f.WIRE_NAMES["BesluitinformatieobjectenFilters"]
    joined = f.JOINED["BesluitinformatieobjectenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BesluitinformatieobjectenFilters],
    ) -> AsyncPaginator[BesluitInformatieObject]:
        """Links matching ``filters`` (``besluit=<url>``, ``informatieobject=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy iterator over the links (one unpaged response).
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncBesluitenAPI(AsyncAPI):
    """The Besluiten API: ``client.besluiten.besluiten``, ``.besluitinformatieobjecten``.

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``.
    """

    kind = "besluiten"

    besluiten = AsyncResourceSlot(AsyncBesluiten)
    besluitinformatieobjecten = AsyncResourceSlot(AsyncBesluitInformatieObjecten)
