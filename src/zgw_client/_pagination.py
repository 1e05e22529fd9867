"""Pages of a list, read defensively; the paginators themselves live with each client face.

A page is ``{count, next, previous, results}`` (or, on the endpoints the APIs do not
paginate, a plain array). What a server sends there is data, so it is checked before it
steers the client: ``next`` must be a URL under the list's API root, and a walk over the
pages stops with [`PaginationError`][zgw_client.PaginationError] - never silently, never
forever - when a ``next`` link leads back to a page already read (``1 -> 2 -> 1``, a page
pointing at itself, the same URL with its query reordered) or when more items arrive than
the server's ``count`` promised.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from ._core import encode_params, loggable_url
from ._exceptions import PaginationError, UnexpectedResponseError
from ._urls import parse_url, url_under_root

__all__ = ["Page", "PageData", "PageTrail", "check_next_url", "parse_page"]

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list endpoint.

    Attributes:
        items: the typed items on this page.
        count: the server's total over all pages (``None`` if it gave none).
        next: the URL of the next page, or ``None`` on the last.
        previous: the URL of the previous page.
        url: the URL this page was read from.
    """

    items: list[T]
    count: int | None
    next: str | None
    previous: str | None = None
    url: str = field(default="", compare=False)


@dataclass(frozen=True)
class PageData:
    """One page as the server sent it: its raw items, the total count and the links."""

    items: list[Any]
    count: int | None
    next: str | None
    previous: str | None


def parse_page(body: Any, *, url: str) -> PageData:
    """Read ``{count, next, previous, results}`` (or a plain array: one page, no next)."""
    if isinstance(body, list):
        return PageData(items=body, count=len(body), next=None, previous=None)
    if isinstance(body, dict) and isinstance(body.get("results"), list):
        count = body.get("count")
        return PageData(
            items=body["results"],
            count=count if isinstance(count, int) and not isinstance(count, bool) else None,
            next=_link(body.get("next"), "next", url),
            previous=body.get("previous") if isinstance(body.get("previous"), str) else None,
        )
    raise UnexpectedResponseError(
        f"GET {loggable_url(url)} did not answer a list or a page "
        "({count, next, previous, results}). Check the URL points at a list endpoint.",
        url=loggable_url(url),
    )


def _link(value: Any, name: str, url: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, str):
        return value
    raise PaginationError(
        f"GET {loggable_url(url)} answered a page whose {name!r} link is a "
        f"{type(value).__name__}, not a URL. Report it to the server's operator; the list "
        "cannot be read past this page.",
        url=loggable_url(url),
    )


def check_next_url(next_url: str, api_root: str) -> None:
    """Refuse a ``next`` link outside the API root of the list (never silently stop)."""
    if not url_under_root(next_url, api_root):
        raise PaginationError(
            f"The server's next-page link {loggable_url(next_url)} leaves the API root "
            f"{api_root}; refusing to follow it, and not stopping silently either. "
            "The server probably reports a wrong host or scheme (check its ALLOWED_HOSTS "
            "or proxy headers such as X-Forwarded-Proto).",
            url=loggable_url(next_url),
        )


def _page_key(url: str, params: Mapping[str, Any] | None) -> tuple[Any, ...]:
    """A page's identity: the URL without fragment, its query sorted, ``page=1`` implied."""
    target = parse_url(url)
    query = [*target.params.multi_items(), *encode_params(params)]
    pairs = sorted((str(key), str(value)) for key, value in query)
    if not any(key == "page" for key, _ in pairs):
        pairs = sorted([*pairs, ("page", "1")])
    return (target.scheme, target.host.lower(), target.port, target.path, tuple(pairs))


class PageTrail:
    """What one walk over a list has seen, to stop a walk that would never end.

    Args:
        url: the first page's URL.
        params: the first page's query parameters (the later pages' are in their links).
    """

    def __init__(self, url: str, params: Mapping[str, Any] | None) -> None:
        self._first_url = url
        self._visited = {_page_key(url, params)}
        self._items = 0
        self._promised: int | None = None

    def read(self, items: int, count: int | None, url: str) -> None:
        """Count a page's ``items``; refuse more than the largest ``count`` seen so far
        (a list may grow while it is read, so the largest promise counts)."""
        self._items += items
        if count is not None:
            self._promised = count if self._promised is None else max(self._promised, count)
        if self._promised is not None and self._items > self._promised:
            raise PaginationError(
                f"The pages of {loggable_url(self._first_url)} hold more items "
                f"({self._items} by {loggable_url(url)}) than the server's count "
                f"({self._promised}); the server's paging is broken, so the list is not "
                "read further. Report it to the server's operator.",
                url=loggable_url(url),
            )

    def follow(self, next_url: str) -> None:
        """Note that ``next_url`` is read next; refuse it when it was read already."""
        key = _page_key(next_url, None)
        if key in self._visited:
            raise PaginationError(
                f"The server's next-page link {loggable_url(next_url)} leads back to a page "
                f"of {loggable_url(self._first_url)} already read; following it would loop "
                "forever. Report it to the server's operator.",
                url=loggable_url(next_url),
            )
        self._visited.add(key)
