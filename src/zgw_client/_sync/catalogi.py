# GENERATED from src/zgw_client/_async/catalogi.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Catalogi API's resources on the synchronous client (``client.catalogi``).

Generated from its ``_async/`` source by ``scripts/unasync.py``.

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
from .api import API, ResourceSlot
from .pagination import Paginator
from .resource import Resource, Timeout

__all__ = [
    "Besluittypen",
    "CatalogiAPI",
    "Catalogussen",
    "Eigenschappen",
    "Informatieobjecttypen",
    "Publishable",
    "Resultaattypen",
    "Roltypen",
    "Statustypen",
    "Zaakobjecttypen",
    "ZaaktypeInformatieobjecttypen",
    "Zaaktypen",
]

P = TypeVar("P", bound=ZGWModel)


class Publishable(Resource[P]):
    """A type that starts as a concept and is published with ``POST {url}/publish``."""

    def publish(
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
        response = self._client.request(
            "POST", url, json={}, headers=headers, timeout=timeout
        )
        return self.parse(_core.decode_json(response))


class Catalogussen(Resource[Catalogus]):
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
    ) -> Paginator[Catalogus]:
        """Catalogussen matching ``filters`` (e.g. ``domein``, ``rsin``, ``rsin__in``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching catalogussen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Zaaktypen(Publishable[Zaaktype]):
    """``/zaaktypen``: the kinds of zaken, with their process rules. ``publish()`` publishes."""

    kind, path, model = "catalogi", "zaaktypen", Zaaktype
    wire_names, joined = f.WIRE_NAMES["ZaaktypenFilters"], f.JOINED["ZaaktypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ZaaktypenFilters],
    ) -> Paginator[Zaaktype]:
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


class Statustypen(Resource[Statustype]):
    """``/statustypen``: the steps of a zaaktype, ordered by ``volgnummer``."""

    kind, path, model = "catalogi", "statustypen", Statustype
    wire_names, joined = f.WIRE_NAMES["StatustypenFilters"], f.JOINED["StatustypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.StatustypenFilters],
    ) -> Paginator[Statustype]:
        """Statustypen matching ``filters`` (e.g. ``zaaktype=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching statustypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Resultaattypen(Resource[Resultaattype]):
    """``/resultaattypen``: the possible outcomes of a zaaktype."""

    kind, path, model = "catalogi", "resultaattypen", Resultaattype
    wire_names, joined = f.WIRE_NAMES["ResultaattypenFilters"], f.JOINED["ResultaattypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ResultaattypenFilters],
    ) -> Paginator[Resultaattype]:
        """Resultaattypen matching ``filters`` (e.g. ``zaaktype=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching resultaattypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Roltypen(Resource[Roltype]):
    """``/roltypen``: the roles people and organisations can have in a zaak of a zaaktype."""

    kind, path, model = "catalogi", "roltypen", Roltype
    wire_names, joined = f.WIRE_NAMES["RoltypenFilters"], f.JOINED["RoltypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.RoltypenFilters],
    ) -> Paginator[Roltype]:
        """Roltypen matching ``filters`` (``zaaktype``, ``omschrijving_generiek``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching roltypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Eigenschappen(Resource[Eigenschap]):
    """``/eigenschappen``: the extra properties a zaak of a zaaktype can carry."""

    kind, path, model = "catalogi", "eigenschappen", Eigenschap
    wire_names, joined = f.WIRE_NAMES["EigenschappenFilters"], f.JOINED["EigenschappenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.EigenschappenFilters],
    ) -> Paginator[Eigenschap]:
        """Eigenschappen matching ``filters`` (e.g. ``zaaktype=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching eigenschappen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Informatieobjecttypen(Publishable[Informatieobjecttype]):
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
    ) -> Paginator[Informatieobjecttype]:
        """Informatieobjecttypen matching ``filters`` (``catalogus``, ``omschrijving``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching informatieobjecttypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Besluittypen(Publishable[Besluittype]):
    """``/besluittypen``: the kinds of besluiten. ``publish()`` publishes a concept."""

    kind, path, model = "catalogi", "besluittypen", Besluittype
    wire_names, joined = f.WIRE_NAMES["BesluittypenFilters"], f.JOINED["BesluittypenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BesluittypenFilters],
    ) -> Paginator[Besluittype]:
        """Besluittypen matching ``filters`` (``catalogus``, ``zaaktypen``, ``status``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching besluittypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class ZaaktypeInformatieobjecttypen(Resource[ZaaktypeInformatieobjecttype]):
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
    ) -> Paginator[ZaaktypeInformatieobjecttype]:
        """Zaaktype-informatieobjecttypen matching ``filters`` (``zaaktype``, ``richting``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching relations.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Zaakobjecttypen(Resource[Zaakobjecttype]):
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
    ) -> Paginator[Zaakobjecttype]:
        """Zaakobjecttypen matching ``filters`` (``zaaktype``, ``objecttype``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the matching zaakobjecttypen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class CatalogiAPI(API):
    """The Catalogi API: ``client.catalogi.zaaktypen``, ``.statustypen``, ``.roltypen``, ...

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``; zaaktypen, informatieobjecttypen and besluittypen also have
    ``publish``. Published types are served from the client's cache.
    """

    kind = "catalogi"

    catalogussen = ResourceSlot(Catalogussen)
    zaaktypen = ResourceSlot(Zaaktypen)
    statustypen = ResourceSlot(Statustypen)
    resultaattypen = ResourceSlot(Resultaattypen)
    roltypen = ResourceSlot(Roltypen)
    eigenschappen = ResourceSlot(Eigenschappen)
    informatieobjecttypen = ResourceSlot(Informatieobjecttypen)
    besluittypen = ResourceSlot(Besluittypen)
    zaaktype_informatieobjecttypen = ResourceSlot(ZaaktypeInformatieobjecttypen)
    zaakobjecttypen = ResourceSlot(Zaakobjecttypen)

    def statustypen_of(
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
        items = self.statustypen._list(filters).to_list()
        return sorted(items, key=_volgnummer)


def _volgnummer(item: Statustype) -> int:
    return item.volgnummer if item.volgnummer is not None else 0
