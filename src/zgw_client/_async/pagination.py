"""Lazy iteration over list endpoints, for the asynchronous face.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from .. import _core
from .._models import shape_error
from .._pagination import Page, PageTrail, check_next_url, parse_page

__all__ = ["AsyncPaginator"]

T = TypeVar("T")

FetchJSON = Callable[..., Awaitable[Any]]
#: Called with each page's raw items before they are parsed (e.g. to fill in ``expand``).
PageHook = Callable[[list[Any]], Awaitable[None]]


class AsyncPaginator(Generic[T]):
    """Every item of a list endpoint, page by page, fetched only as you iterate.

    ``async for item in paginator`` yields typed items across all pages by following
    ``next``; `iter_pages()` yields whole pages; `count()` gives the server's total from the
    first page. Nothing is truncated unless you set ``limit``. Pages that do not add up (a
    ``next`` link that leaves the API root or leads back to a page already read, more items
    than ``count``) raise [`PaginationError`][zgw_client.PaginationError].
    """

    def __init__(
        self,
        fetch: FetchJSON,
        url: str,
        *,
        api_root: str,
        parse: Callable[[Any], T],
        params: Mapping[str, Any] | None = None,
        limit: int | None = None,
        headers: Mapping[str, str] | None = None,
        page_hook: PageHook | None = None,
    ) -> None:
        if limit is not None and limit < 0:
            raise ValueError("limit must not be negative")
        self._fetch = fetch
        self._url = url
        self._api_root = api_root
        self._parse = parse
        self._params = dict(params or {})
        self._limit = limit
        self._headers = headers
        self._page_hook = page_hook
        self._first: Page[T] | None = None

    def __repr__(self) -> str:
        return f"{type(self).__name__}({_core.loggable_url(self._url)!r}, limit={self._limit})"

    def raw(self) -> AsyncPaginator[Any]:
        """The same list, each item as the server sent it (a dict, with ``_expand`` filled
        in where the client builds it), not parsed.

        For reading a field before the typed models are needed, e.g. to ask for what the
        items point at first; parse them later with the resource's ``parse``.
        """
        return AsyncPaginator(
            self._fetch,
            self._url,
            api_root=self._api_root,
            parse=_as_sent,
            params=self._params,
            limit=self._limit,
            headers=self._headers,
            page_hook=self._page_hook,
        )

    async def _load(self, url: str, params: Mapping[str, Any] | None) -> Page[T]:
        body = await self._fetch(url, params=params, headers=self._headers)
        data = parse_page(body, url=url)
        if data.next is not None:
            check_next_url(data.next, self._api_root)
        if self._page_hook is not None:
            await self._page_hook(data.items)
        try:
            items = [self._parse(item) for item in data.items]
        except ValidationError as exc:
            raise shape_error(exc, data.items, source=f"GET {_core.loggable_url(url)}") from None
        return Page(
            items=items,
            count=data.count,
            next=data.next,
            previous=data.previous,
            url=url,
        )

    async def first_page(self) -> Page[T]:
        """The first page (fetched once, then reused by iteration)."""
        if self._first is None:
            self._first = await self._load(self._url, self._params)
        return self._first

    async def count(self) -> int | None:
        """The total number of items the server reports (one request at most)."""
        return (await self.first_page()).count

    async def iter_pages(self) -> AsyncIterator[Page[T]]:
        """Yield each page in turn, up to ``limit`` items in total."""
        page = await self.first_page()
        trail = PageTrail(self._url, self._params)
        seen = 0
        while True:
            trail.read(len(page.items), page.count, page.url)
            if self._limit is not None and seen + len(page.items) >= self._limit:
                yield Page(
                    items=page.items[: self._limit - seen],
                    count=page.count,
                    next=None,
                    previous=page.previous,
                    url=page.url,
                )
                return
            yield page
            seen += len(page.items)
            if page.next is None:
                return
            trail.follow(page.next)
            page = await self._load(page.next, None)

    async def _iter_items(self) -> AsyncIterator[T]:
        async for page in self.iter_pages():
            for item in page.items:
                yield item

    def __aiter__(self) -> AsyncIterator[T]:
        return self._iter_items()

    async def to_list(self) -> list[T]:
        """Read every page (up to ``limit``) into a list."""
        return [item async for item in self]


def _as_sent(item: Any) -> Any:
    return item
