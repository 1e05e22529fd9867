"""The Producttypen API (Open Product) on the asynchronous client (``client.producttypen``).

The catalogue behind a citizen's products: producttypen with their themas, prijzen,
links, locaties, organisaties, contacten, acties and content, all with CRUD;
``contentlabels`` is a list only. Bodies are snake_case, pages use ``page_size``. Writes
name related objects by UUID (``thema_uuids``, ``producttype_uuid``); reads embed them.

Resources are named by URL, UUID or model; a model is taken by its ``uuid`` (these bodies
have no ``url`` of their own: an actie's ``url`` is where the action leads). Not offered:
``bestanden`` (multipart uploads) and the ``vertaling`` endpoints; use
``client.request()`` for those.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel
from typing_extensions import Unpack

from .. import _core
from .._exceptions import InputError
from .._models import SnakeCaseModel, parse_response_body, parse_response_list
from .._resource import Ref, filter_params, write_body
from ..producttypen import _filters as f
from ..producttypen.models import (
    Actie,
    Contact,
    ContentElement,
    ContentLabel,
    JsonSchema,
    Link,
    Locatie,
    NestedContentElement,
    Organisatie,
    Prijs,
    ProductType,
    ProductTypeActuelePrijs,
    Thema,
)
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import AsyncResource, Timeout

__all__ = [
    "AsyncActies",
    "AsyncContacten",
    "AsyncContent",
    "AsyncContentLabels",
    "AsyncLinks",
    "AsyncLocaties",
    "AsyncOrganisaties",
    "AsyncPrijzen",
    "AsyncProductTypen",
    "AsyncProducttypenAPI",
    "AsyncSchemas",
    "AsyncThemas",
]

M = TypeVar("M", bound=SnakeCaseModel)


class AsyncOpenProductResource(AsyncResource[M]):
    """A collection of Open Product: items are named by UUID, and a model read from the
    server can be written back (read-only fields left out, embedded objects sent as the
    UUIDs the writes take: ``themas`` as ``thema_uuids``)."""

    #: Fields the server fills itself (read-only in the spec).
    read_only: ClassVar[frozenset[str]] = frozenset({"uuid", "aanmaak_datum", "update_datum"})
    #: Embedded objects (read-only) -> the field that names them on writes, and by which
    #: key of the embedded object (``uuid``, or ``naam`` for schemas).
    embedded: ClassVar[Mapping[str, tuple[str, str]]] = {}

    async def _write(
        self,
        method: str,
        url: str,
        data: BaseModel | Mapping[str, Any],
        headers: Mapping[str, str] | None,
        timeout: Timeout,
    ) -> M:
        body = write_body(data)
        for field, (write_field, key) in self.embedded.items():
            value = body.get(field)
            if write_field in body or value is None:
                continue
            if isinstance(value, list):
                body[write_field] = [v.get(key) for v in value if isinstance(v, dict)]
            elif isinstance(value, dict):
                body[write_field] = value.get(key)
        drop = self.read_only | set(self.embedded)
        # A model read from the server has "" for unset text (``email``, ``kvk_nummer``),
        # which the spec's formats refuse in a request; sent back, "" means the same as
        # leaving it out. A mapping is sent as given ("" there may clear a field).
        from_model = isinstance(data, BaseModel)
        clean = {k: v for k, v in body.items() if k not in drop and not (from_model and v == "")}
        return await super()._write(method, url, clean, headers, timeout)

    def url_of(self, ref: Ref | BaseModel) -> str:
        """The URL of one item from its URL, UUID or model (by the model's ``uuid``).

        Raises:
            InputError: a model without ``uuid``, or a URL of another collection.
        """
        if isinstance(ref, BaseModel):
            uuid = getattr(ref, "uuid", None)
            if uuid is None:
                raise InputError(f"{type(ref).__name__} has no uuid; pass its URL or UUID.")
            ref = str(uuid)
        return super().url_of(ref)


def _parsed(model: type[M], body: Any, url: str) -> M:
    return parse_response_body(model, body, source=f"GET {_core.loggable_url(url)}")


class AsyncProductTypen(AsyncOpenProductResource[ProductType]):
    """``/producttypen``: the products the municipality offers.

    Besides CRUD: ``actuele_prijs()``, ``actuele_prijzen()`` and ``content()``.
    """

    kind, path, model = "producttypen", "producttypen", ProductType
    wire_names, joined = f.WIRE_NAMES["ProducttypenFilters"], f.JOINED["ProducttypenFilters"]
    read_only = frozenset(
        {
            "uuid",
            "aanmaak_datum",
            "update_datum",
            "gepubliceerd",
            "taal",
            "prijzen",
            "links",
            "acties",
            "bestanden",
        }
    )
    embedded: ClassVar[Mapping[str, tuple[str, str]]] = {
        "themas": ("thema_uuids", "uuid"),
        "locaties": ("locatie_uuids", "uuid"),
        "organisaties": ("organisatie_uuids", "uuid"),
        "contacten": ("contact_uuids", "uuid"),
        "verbruiksobject_schema": ("verbruiksobject_schema_naam", "naam"),
        "dataobject_schema": ("dataobject_schema_naam", "naam"),
    }

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ProducttypenFilters],
    ) -> AsyncPaginator[ProductType]:
        """ProductType items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)

    async def actuele_prijs(self, producttype: Ref | BaseModel) -> ProductTypeActuelePrijs:
        """The price list in force today (``/producttypen/{uuid}/actuele-prijs``)."""
        url = self.url_of(producttype).rstrip("/") + "/actuele-prijs"
        body = await self._client.get_json(url)
        return _parsed(ProductTypeActuelePrijs, body, url)

    async def actuele_prijzen(self) -> builtins.list[ProductTypeActuelePrijs]:
        """The price list in force today of every producttype (one unpaged list)."""
        url = self._client.url_for(self.service, "producttypen/actuele-prijzen")
        body = await self._client.get_json(url)
        return parse_response_list(
            ProductTypeActuelePrijs, body, source=f"GET {_core.loggable_url(url)}"
        )

    def content(
        self,
        producttype: Ref | BaseModel,
        *,
        limit: int | None = None,
        **filters: Unpack[f.ProducttypenContentFilters],
    ) -> AsyncPaginator[NestedContentElement]:
        """The content elements of a producttype (``labels``/``exclude_labels`` filter)."""
        url = self.url_of(producttype).rstrip("/") + "/content"
        params = filter_params(
            filters,
            f.WIRE_NAMES["ProducttypenContentFilters"],
            f.JOINED["ProducttypenContentFilters"],
        )
        return self._client.paginate(
            url, parse=NestedContentElement.model_validate, params=params, limit=limit
        )


class AsyncThemas(AsyncOpenProductResource[Thema]):
    """``/themas``: groups of producttypen (themas can nest); also ``content_elementen()``."""

    kind, path, model = "producttypen", "themas", Thema
    wire_names, joined = f.WIRE_NAMES["ThemasFilters"], f.JOINED["ThemasFilters"]
    embedded: ClassVar[Mapping[str, tuple[str, str]]] = {
        "producttypen": ("producttype_uuids", "uuid")
    }

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ThemasFilters],
    ) -> AsyncPaginator[Thema]:
        """Thema items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)

    def content_elementen(
        self,
        thema: Ref | BaseModel,
        *,
        limit: int | None = None,
        **filters: Unpack[f.ContentElementenFilters],
    ) -> AsyncPaginator[NestedContentElement]:
        """The content elements of a thema (``labels``/``exclude_labels`` filter)."""
        url = self.url_of(thema).rstrip("/") + "/content-elementen"
        params = filter_params(
            filters, f.WIRE_NAMES["ContentElementenFilters"], f.JOINED["ContentElementenFilters"]
        )
        return self._client.paginate(
            url, parse=NestedContentElement.model_validate, params=params, limit=limit
        )


class AsyncPrijzen(AsyncOpenProductResource[Prijs]):
    """``/prijzen``: price lists of a producttype, each in force from ``actief_vanaf``."""

    kind, path, model = "producttypen", "prijzen", Prijs
    wire_names, joined = f.WIRE_NAMES["PrijzenFilters"], f.JOINED["PrijzenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.PrijzenFilters],
    ) -> AsyncPaginator[Prijs]:
        """Prijs items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncLinks(AsyncOpenProductResource[Link]):
    """``/links``: links with more information about a producttype."""

    kind, path, model = "producttypen", "links", Link
    wire_names, joined = f.WIRE_NAMES["LinksFilters"], f.JOINED["LinksFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.LinksFilters],
    ) -> AsyncPaginator[Link]:
        """Link items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncLocaties(AsyncOpenProductResource[Locatie]):
    """``/locaties``: places where products are offered."""

    kind, path, model = "producttypen", "locaties", Locatie
    wire_names, joined = f.WIRE_NAMES["LocatiesFilters"], f.JOINED["LocatiesFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.LocatiesFilters],
    ) -> AsyncPaginator[Locatie]:
        """Locatie items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncOrganisaties(AsyncOpenProductResource[Organisatie]):
    """``/organisaties``: organisations that provide products."""

    kind, path, model = "producttypen", "organisaties", Organisatie
    wire_names, joined = f.WIRE_NAMES["OrganisatiesFilters"], f.JOINED["OrganisatiesFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.OrganisatiesFilters],
    ) -> AsyncPaginator[Organisatie]:
        """Organisatie items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncContacten(AsyncOpenProductResource[Contact]):
    """``/contacten``: contact persons for producttypen."""

    kind, path, model = "producttypen", "contacten", Contact
    wire_names, joined = f.WIRE_NAMES["ContactenFilters"], f.JOINED["ContactenFilters"]
    embedded: ClassVar[Mapping[str, tuple[str, str]]] = {
        "organisatie": ("organisatie_uuid", "uuid")
    }

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ContactenFilters],
    ) -> AsyncPaginator[Contact]:
        """Contact items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncActies(AsyncOpenProductResource[Actie]):
    """``/acties``: actions a citizen can take for a producttype (a DMN decision or URL)."""

    kind, path, model = "producttypen", "acties", Actie
    wire_names, joined = f.WIRE_NAMES["ActiesFilters"], f.JOINED["ActiesFilters"]
    #: ``url`` is where the actie leads (read-only; written as ``direct_url``).
    read_only = frozenset({"uuid", "url"})

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ActiesFilters],
    ) -> AsyncPaginator[Actie]:
        """Actie items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncContent(AsyncOpenProductResource[ContentElement]):
    """``/content``: content elements (Markdown) of producttypen and themas."""

    kind, path, model = "producttypen", "content", ContentElement
    wire_names, joined = f.WIRE_NAMES["ContentFilters"], f.JOINED["ContentFilters"]
    read_only = frozenset({"uuid", "taal"})

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ContentFilters],
    ) -> AsyncPaginator[ContentElement]:
        """ContentElement items matching ``filters`` (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncContentLabels:
    """``/contentlabels``: the labels content elements can carry (a list, nothing else)."""

    kind, path = "producttypen", "contentlabels"

    def __init__(self, client: Any, service: str | None = None) -> None:
        self._client = client
        #: The name of the service this resource sends to.
        self.service = service if service is not None else client.default_service(self.kind)

    def __repr__(self) -> str:
        return f"<ContentLabels {self.path!r} of {self.service!r}>"

    def list(
        self, *, limit: int | None = None, **filters: Unpack[f.ContentlabelsFilters]
    ) -> AsyncPaginator[ContentLabel]:
        """Every content label (lazily, across pages)."""
        params = filter_params(
            filters, f.WIRE_NAMES["ContentlabelsFilters"], f.JOINED["ContentlabelsFilters"]
        )
        url = self._client.url_for(self.service, self.path)
        return self._client.paginate(  # type: ignore[no-any-return]
            url, parse=ContentLabel.model_validate, params=params, limit=limit
        )


class AsyncSchemas(AsyncResource[JsonSchema]):
    """``/schemas``: named JSON schemas for producttypen's dataobject and verbruiksobject.

    Open Product addresses a schema by a number (``/schemas/{id}``) that its bodies never
    show; ``get``/``update``/``delete`` take that number (or the URL).
    """

    kind, path, model = "producttypen", "schemas", JsonSchema
    wire_names, joined = f.WIRE_NAMES["SchemasFilters"], f.JOINED["SchemasFilters"]

    def url_of(self, ref: Ref | BaseModel | int) -> str:
        """The URL of one schema from its URL or its number.

        Raises:
            InputError: a model (its body has no number) or anything else.
        """
        if isinstance(ref, int) and not isinstance(ref, bool) and ref >= 0:
            return f"{self.url.rstrip('/')}/{ref}"
        if isinstance(ref, str) and ref.isdigit():
            return f"{self.url.rstrip('/')}/{ref}"
        if isinstance(ref, str) and ref.startswith(("http://", "https://")):
            return super().url_of(ref)
        raise InputError(
            "A schema is named by its number (/schemas/{id}) or its URL; its body carries "
            "neither, so look the number up in Open Product's admin."
        )

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.SchemasFilters],
    ) -> AsyncPaginator[JsonSchema]:
        """Schemas matching ``filters`` (``naam``, ``naam__contains``)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncProducttypenAPI(AsyncAPI):
    """The Producttypen API (Open Product): ``client.producttypen.producttypen``,
    ``.themas``, ``.prijzen``, ``.links``, ``.locaties``, ``.organisaties``, ``.contacten``,
    ``.acties``, ``.content``, ``.contentlabels``, ``.schemas``."""

    kind = "producttypen"

    producttypen = AsyncResourceSlot(AsyncProductTypen)
    themas = AsyncResourceSlot(AsyncThemas)
    prijzen = AsyncResourceSlot(AsyncPrijzen)
    links = AsyncResourceSlot(AsyncLinks)
    locaties = AsyncResourceSlot(AsyncLocaties)
    organisaties = AsyncResourceSlot(AsyncOrganisaties)
    contacten = AsyncResourceSlot(AsyncContacten)
    acties = AsyncResourceSlot(AsyncActies)
    content = AsyncResourceSlot(AsyncContent)
    contentlabels = AsyncResourceSlot(AsyncContentLabels)
    schemas = AsyncResourceSlot(AsyncSchemas)
