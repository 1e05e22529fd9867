# GENERATED from src/zgw_client/_async/resource.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""Generic CRUD on one collection of an API, for the synchronous face.

Each API package declares its resources as small subclasses (``zaken/_sync_resources.py``)
that name the collection, the model, and type the ``list()`` filters.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, ClassVar, Generic, TypeVar

import httpx
from pydantic import BaseModel

from .. import _core
from .._exceptions import InputError
from .._models import ZGWModel, parse_response_body
from .._resource import Ref, expand_with_parents, filter_params, resource_url, write_body
from .pagination import Paginator, PageHook

if TYPE_CHECKING:
    from .client import ZGWClient

__all__ = ["NestedResource", "Resource"]

M = TypeVar("M", bound=ZGWModel)

Timeout = float | httpx.Timeout | None


@functools.lru_cache(maxsize=256)
def _item_pattern(*collections: str) -> re.Pattern[str]:
    return re.compile("/".join(f"{re.escape(c.strip('/'))}/[^/]+" for c in collections) + "/?")


class Resource(Generic[M]):
    """List, get, create, update, partial_update and delete on one collection.

    Subclasses set ``kind`` (the API's kind), ``path`` (the collection under the API root)
    and ``model``; the filters of ``list()`` come from the generated ``_filters`` module of
    the API. An instance is bound to one service of that kind.

    Args:
        client: the client that sends the requests.
        service: the name of the service; default the client's service of ``kind``.
    """

    kind: ClassVar[str]
    path: ClassVar[str]
    model: type[M]
    #: Generated tables of the list filters: python name -> wire name, and comma-joined ones.
    wire_names: ClassVar[Mapping[str, str]] = {}
    joined: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, client: ZGWClient, service: str | None = None) -> None:
        self._client = client
        #: The name of the service this resource sends to.
        self.service = service if service is not None else client.default_service(self.kind)

    def __repr__(self) -> str:
        return f"<{type(self).__name__.removeprefix('Async')} {self.path!r} of {self.service!r}>"

    @property
    def url(self) -> str:
        """The collection's URL under the configured API root."""
        return self._client.url_for(self.service, self.path)

    def url_of(self, ref: Ref | BaseModel) -> str:
        """The URL of one resource given its URL, UUID or model.

        Raises:
            InputError: a URL that is not an item of this collection (checked before any
                request).
        """
        url = resource_url(self.url, ref)
        self._client._check_in_collection(url, self.url, self._item_path())
        return url

    @classmethod
    def _item_path(cls) -> re.Pattern[str]:
        """The path of one item below the API root: ``<path>/<id>``."""
        return _item_pattern(cls.path)

    def parse(self, data: Any, *, source: str | None = None) -> M:
        """Turn one JSON body into the typed model.

        Raises:
            UnexpectedResponseError: the body is not of the model's shape (the message
                says where, without the body's values).
        """
        where = source or f"the {self.path} collection at {_core.loggable_url(self.url)}"
        return parse_response_body(self.model, data, source=where)

    # -- reading -----------------------------------------------------------------------
    def _list(
        self,
        filters: Mapping[str, Any],
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        url: str | None = None,
    ) -> Paginator[M]:
        params = filter_params(filters, self.wire_names, self.joined, extra_params)
        return self._client.paginate(url or self.url, parse=self.parse, params=params, limit=limit)

    def _search(
        self,
        path: str,
        body: Mapping[str, Any],
        *,
        params: Mapping[str, Any] | None = None,
        limit: int | None = None,
        page_hook: PageHook | None = None,
    ) -> Paginator[M]:
        """Page through a ``POST`` search (``_zoek``): the same body for every page;
        ``params`` (e.g. ``pageSize``) go on the first page's query."""

        def fetch(
            page_url: str,
            *,
            params: Mapping[str, Any] | None = None,
            headers: Mapping[str, str] | None = None,
        ) -> Any:
            response = self._client.request(
                "POST", page_url, json=dict(body), params=params, headers=headers
            )
            return _core.decode_json(response)

        return Paginator(
            fetch,
            self._client.url_for(self.service, path),
            api_root=self._client.service(self.service).api_root,
            parse=self.parse,
            params=params,
            limit=limit,
            page_hook=page_hook,
        )

    def get(
        self,
        ref: Ref | BaseModel,
        *,
        expand: Sequence[str] | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> M:
        """Fetch one resource by URL or UUID (cached and ETag-revalidated where allowed)."""
        params = {"expand": ",".join(expand_with_parents(expand))} if expand else None
        body = self._client.get_json(
            self.url_of(ref), params=params, headers=headers, timeout=timeout
        )
        return self.parse(body)

    # -- writing -----------------------------------------------------------------------
    def _write(
        self,
        method: str,
        url: str,
        data: BaseModel | Mapping[str, Any],
        headers: Mapping[str, str] | None,
        timeout: Timeout,
    ) -> M:
        response = self._client.request(
            method, url, json=write_body(data), headers=headers, timeout=timeout
        )
        return self.parse(_core.decode_json(response))

    def create(
        self,
        data: M | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> M:
        """Create a resource (POST) and return it as the server stored it."""
        return self._write("POST", self.url, data, headers, timeout)

    def update(
        self,
        ref: Ref | BaseModel,
        data: M | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> M:
        """Replace a resource (PUT) with ``data``."""
        return self._write("PUT", self.url_of(ref), data, headers, timeout)

    def partial_update(
        self,
        ref: Ref | BaseModel,
        data: M | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> M:
        """Change some fields of a resource (PATCH); only the fields in ``data`` are sent."""
        return self._write("PATCH", self.url_of(ref), data, headers, timeout)

    def delete(
        self,
        ref: Ref | BaseModel,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> None:
        """Delete a resource. Add ``X-Audit-Toelichting`` in ``headers`` to say why."""
        self._client.request("DELETE", self.url_of(ref), headers=headers, timeout=timeout)


class NestedResource(Resource[M]):
    """A collection that lives under a parent resource, e.g. ``zaken/{uuid}/zaakeigenschappen``.

    `parent_path` names the parent collection, `path` the nested one, and
    `parent_field` the body field that holds the parent's URL (so ``create(data)``
    knows where to post).
    """

    parent_path: ClassVar[str]
    parent_field: ClassVar[str]

    @classmethod
    def _item_path(cls) -> re.Pattern[str]:
        """``<parent_path>/<id>/<path>/<id>``."""
        return _item_pattern(cls.parent_path, cls.path)

    def collection_url(self, parent: Ref | BaseModel) -> str:
        """The nested collection's URL for ``parent`` (its URL, UUID or model)."""
        parent_url = resource_url(self._client.url_for(self.service, self.parent_path), parent)
        return f"{parent_url.rstrip('/')}/{self.path}"

    def create(
        self,
        data: M | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> M:
        """Create a nested resource under the parent named in ``data`` (``parent_field``)."""
        body = write_body(data)
        parent = body.get(self.parent_field)
        if not parent:
            raise InputError(f"{type(self).__name__}.create needs {self.parent_field!r} in data.")
        return self._write("POST", self.collection_url(parent), body, headers, timeout)

    def get(
        self,
        ref: Ref | BaseModel,
        *,
        expand: Sequence[str] | str | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> M:
        """Fetch one nested resource by its URL (a UUID alone does not say the parent)."""
        if not (isinstance(ref, BaseModel) or str(ref).startswith(("http://", "https://"))):
            raise InputError(
                f"{type(self).__name__}.get needs the resource's URL: a nested resource "
                "cannot be found by UUID without its parent."
            )
        return super().get(ref, expand=expand, headers=headers, timeout=timeout)
