# GENERATED from src/zgw_client/_async/pagination.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""Lazy iteration over list endpoints, for the synchronous face.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

from collections.abc import Iterator, Callable, Mapping
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from .. import _core
from .._models import shape_error
from .._pagination import Page, PageTrail, check_next_url, parse_page

__all__ = ["Paginator"]

T = TypeVar("T")

FetchJSON = Callable[..., Any]
#: Called with each page's raw items before they are parsed (e.g. to fill in ``expand``).
PageHook = Callable[[list[Any]], None]


class Paginator(Generic[T]):
    """Every item of a list endpoint, page by page, fetched only as you iterate.

    ``for item in paginator`` yields typed items across all pages by following
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

    def raw(self) -> Paginator[Any]:
        """The same list, each item as the server sent it (a dict, with ``_expand`` filled
        in where the client builds it), not parsed.

        For reading a field before the typed models are needed, e.g. to ask for what the
        items point at first; parse them later with the resource's ``parse``.
        """
        return Paginator(
            self._fetch,
            self._url,
            api_root=self._api_root,
            parse=_as_sent,
            params=self._params,
            limit=self._limit,
            headers=self._headers,
            page_hook=self._page_hook,
        )

    def _load(self, url: str, params: Mapping[str, Any] | None) -> Page[T]:
        body = self._fetch(url, params=params, headers=self._headers)
        data = parse_page(body, url=url)
        if data.next is not None:
            check_next_url(data.next, self._api_root)
        if self._page_hook is not None:
            self._page_hook(data.items)
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

    def first_page(self) -> Page[T]:
        """The first page (fetched once, then reused by iteration)."""
        if self._first is None:
            self._first = self._load(self._url, self._params)
        return self._first

    def count(self) -> int | None:
        """The total number of items the server reports (one request at most)."""
        return (self.first_page()).count

    def iter_pages(self) -> Iterator[Page[T]]:
        """Yield each page in turn, up to ``limit`` items in total."""
        page = self.first_page()
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
            page = self._load(page.next, None)

    def _iter_items(self) -> Iterator[T]:
        for page in self.iter_pages():
            for item in page.items:
                yield item

    def __iter__(self) -> Iterator[T]:
        return self._iter_items()

    def to_list(self) -> list[T]:
        """Read every page (up to ``limit``) into a list."""
        return [item for item in self]


def _as_sent(item: Any) -> Any:
    return item
