"""The Catalogi API's resources on the asynchronous client (``client.catalogi``).

Source of the sync face (see ``scripts/unasync.py``).

Published catalogi resources (``concept: false``) never change, so ``get`` and ``list`` read
them through the client's catalogi cache: a second ``get`` of a published zaaktype makes no
request. Concept resources are always fetched.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, TypeVar

from pydantic import BaseModel
from typing_extensions import Unpack

from .. import _core
from .._models import ZGWModel
from .._resource import Ref
from ..catalogi import _filters as f
from ..catalogi.models import (
    Besluittype,
    Catalogus,
    Eigenschap,
    Informatieobjecttype,
    Resultaattype,
    Roltype,
    Statustype,
    Zaakobjecttype,
    Zaaktype,
    ZaaktypeInformatieobjecttype,
)
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import AsyncResource, Timeout

__all__ = [
    "AsyncBesluittypen",
    "AsyncCatalogiAPI",
    "AsyncCatalogussen",
    "AsyncEigenschappen",
    "AsyncInformatieobjecttypen",
    "AsyncPublishable",
    "AsyncResultaattypen",
    "AsyncRoltypen",
    "AsyncStatustypen",
    "AsyncZaakobjecttypen",
    "AsyncZaaktypeInformatieobjecttypen",
    "AsyncZaaktypen",
]

P = TypeVar("P", bound=ZGWModel)


class AsyncPublishable(AsyncResource[P]):
    """A type that starts as a concept and is published with ``POST {url}/publish``."""

    async def publish(
        self,
        ref: Ref | BaseModel,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> P:
        """Publish a concept (``POST {url}/publish``); it can no longer be changed after.

        Args:
            ref: the concept's URL, UUID or model.
            headers: extra headers for this request.
            timeout: seconds (or an ``httpx.Timeout``) for this call only.

        Returns:
            The published resource, as the server returns it (``concept`` false).
        """
        url = self.url_of(ref).rstrip("/") + "/publish"
        response = await self._client.request(
            "POST", url, json={}, headers=headers, timeout=timeout
        )
        return self.parse(_core.decode_json(response))


class AsyncCatalogussen(AsyncResource[Catalogus]):
    """``/catalogussen``: the catalogues that hold an organisation's types."""

    kind, path, model = "catalogi", "catalogussen", Catalogus
    wire_names = f.WIRE_NAMES["CatalogussenFilters"]
    joined = f.JOINED["CatalogussenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.CatalogussenFilters],
    ) -> AsyncPaginator[Catalogus]:
        """Catalogussen matching ``filters`` (e.g. ``domein``, ``rsin``, ``rsin__in``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching catalogussen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncZaaktypen(AsyncPublishable[Zaaktype]):
    """``/zaaktypen``: the kinds of zaken, with their process rules. ``publish()`` publishes."""

    kind, path, model = "catalogi", "zaaktypen", Zaaktype
    wire_names, joined = f.WIRE_NAMES["ZaaktypenFilters"], f.JOINED["ZaaktypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaaktypenFilters],
    ) -> AsyncPaginator[Zaaktype]:
        """Zaaktypen matching ``filters`` (``catalogus``, ``identificatie``, ``status``, ...).

        Open Zaak lists only published zaaktypen unless ``status="alles"`` or
        ``status="concept"`` is given.

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching zaaktypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncStatustypen(AsyncResource[Statustype]):
    """``/statustypen``: the steps of a zaaktype, ordered by ``volgnummer``."""

    kind, path, model = "catalogi", "statustypen", Statustype
    wire_names, joined = f.WIRE_NAMES["StatustypenFilters"], f.JOINED["StatustypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.StatustypenFilters],
    ) -> AsyncPaginator[Statustype]:
        """Statustypen matching ``filters`` (e.g. ``zaaktype=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching statustypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncResultaattypen(AsyncResource[Resultaattype]):
    """``/resultaattypen``: the possible outcomes of a zaaktype."""

    kind, path, model = "catalogi", "resultaattypen", Resultaattype
    wire_names, joined = f.WIRE_NAMES["ResultaattypenFilters"], f.JOINED["ResultaattypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ResultaattypenFilters],
    ) -> AsyncPaginator[Resultaattype]:
        """Resultaattypen matching ``filters`` (e.g. ``zaaktype=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching resultaattypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncRoltypen(AsyncResource[Roltype]):
    """``/roltypen``: the roles people and organisations can have in a zaak of a zaaktype."""

    kind, path, model = "catalogi", "roltypen", Roltype
    wire_names, joined = f.WIRE_NAMES["RoltypenFilters"], f.JOINED["RoltypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.RoltypenFilters],
    ) -> AsyncPaginator[Roltype]:
        """Roltypen matching ``filters`` (``zaaktype``, ``omschrijving_generiek``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching roltypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncEigenschappen(AsyncResource[Eigenschap]):
    """``/eigenschappen``: the extra properties a zaak of a zaaktype can carry."""

    kind, path, model = "catalogi", "eigenschappen", Eigenschap
    wire_names, joined = f.WIRE_NAMES["EigenschappenFilters"], f.JOINED["EigenschappenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.EigenschappenFilters],
    ) -> AsyncPaginator[Eigenschap]:
        """Eigenschappen matching ``filters`` (e.g. ``zaaktype=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching eigenschappen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncInformatieobjecttypen(AsyncPublishable[Informatieobjecttype]):
    """``/informatieobjecttypen``: the kinds of documents. ``publish()`` publishes a concept."""

    kind, path, model = "catalogi", "informatieobjecttypen", Informatieobjecttype
    wire_names = f.WIRE_NAMES["InformatieobjecttypenFilters"]
    joined = f.JOINED["InformatieobjecttypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.InformatieobjecttypenFilters],
    ) -> AsyncPaginator[Informatieobjecttype]:
        """Informatieobjecttypen matching ``filters`` (``catalogus``, ``omschrijving``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching informatieobjecttypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncBesluittypen(AsyncPublishable[Besluittype]):
    """``/besluittypen``: the kinds of besluiten. ``publish()`` publishes a concept."""

    kind, path, model = "catalogi", "besluittypen", Besluittype
    wire_names, joined = f.WIRE_NAMES["BesluittypenFilters"], f.JOINED["BesluittypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BesluittypenFilters],
    ) -> AsyncPaginator[Besluittype]:
        """Besluittypen matching ``filters`` (``catalogus``, ``zaaktypen``, ``status``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching besluittypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncZaaktypeInformatieobjecttypen(AsyncResource[ZaaktypeInformatieobjecttype]):
    """``/zaaktype-informatieobjecttypen``: which documents a zaaktype uses, and how."""

    kind, path, model = "catalogi", "zaaktype-informatieobjecttypen", ZaaktypeInformatieobjecttype
    wire_names = f.WIRE_NAMES["ZaaktypeInformatieobjecttypenFilters"]
    joined = f.JOINED["ZaaktypeInformatieobjecttypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaaktypeInformatieobjecttypenFilters],
    ) -> AsyncPaginator[ZaaktypeInformatieobjecttype]:
        """Zaaktype-informatieobjecttypen matching ``filters`` (``zaaktype``, ``richting``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching relations.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncZaakobjecttypen(AsyncResource[Zaakobjecttype]):
    """``/zaakobjecttypen``: the kinds of objects a zaak of a zaaktype can be about."""

    kind, path, model = "catalogi", "zaakobjecttypen", Zaakobjecttype
    wire_names = f.WIRE_NAMES["ZaakobjecttypenFilters"]
    joined = f.JOINED["ZaakobjecttypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaakobjecttypenFilters],
    ) -> AsyncPaginator[Zaakobjecttype]:
        """Zaakobjecttypen matching ``filters`` (``zaaktype``, ``objecttype``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching zaakobjecttypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncCatalogiAPI(AsyncAPI):
    """The Catalogi API: ``client.catalogi.zaaktypen``, ``.statustypen``, ``.roltypen``, ...

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``; zaaktypen, informatieobjecttypen and besluittypen also have
    ``publish``. Published types are served from the client's cache.
    """

    kind = "catalogi"

    catalogussen = AsyncResourceSlot(AsyncCatalogussen)
    zaaktypen = AsyncResourceSlot(AsyncZaaktypen)
    statustypen = AsyncResourceSlot(AsyncStatustypen)
    resultaattypen = AsyncResourceSlot(AsyncResultaattypen)
    roltypen = AsyncResourceSlot(AsyncRoltypen)
    eigenschappen = AsyncResourceSlot(AsyncEigenschappen)
    informatieobjecttypen = AsyncResourceSlot(AsyncInformatieobjecttypen)
    besluittypen = AsyncResourceSlot(AsyncBesluittypen)
    zaaktype_informatieobjecttypen = AsyncResourceSlot(AsyncZaaktypeInformatieobjecttypen)
    zaakobjecttypen = AsyncResourceSlot(AsyncZaakobjecttypen)

    async def statustypen_of(
        self, zaaktype: Ref | BaseModel, *, status: str | None = None
    ) -> builtins.list[Statustype]:
        """The statustypen of a zaaktype, in process order (sorted by ``volgnummer``).

        Args:
            zaaktype: the zaaktype's URL, UUID or model.
            status: the publication status filter (``"alles"``, ``"concept"`` or
                ``"definitief"``); Open Zaak's default shows only published statustypen.

        Returns:
            Every statustype of the zaaktype (all pages read), first step first.
        """
        filters: dict[str, Any] = {"zaaktype": self.zaaktypen.url_of(zaaktype)}
        if status is not None:
            filters["status"] = status
        items = await self.statustypen._list(filters).to_list()
        return sorted(items, key=_volgnummer)


def _volgnummer(item: Statustype) -> int:
    return item.volgnummer if item.volgnummer is not None else 0
