"""Reading a whole Open VTB list for one party, for the asynchronous face.

Open VTB 0.1.0 lists cannot be filtered: ``/berichten?ontvanger=...`` is ignored and
answers every bericht of every citizen. A portal that wants one citizen's berichten (or
taken, or verzoeken) has to read the whole list and keep the citizen's items. This module
does that as cheaply as the API allows, and never quietly less:

* pages of the maximum size (500), so a list of 10,000 items is 20 requests;
* the first page says how many pages there are, so the others are asked at once
  (``concurrency`` in flight) instead of one after another;
* the party test runs on the raw items, so only the party's own items are parsed;
* a page that fails fails the whole read (no partial answer). When the list shrank while it
  was read (a page past the end answers 404), or the server gave no ``count``, the list is
  read again page by page along its ``next`` links; when it grew (the last page has a
  ``next``), the rest is read that way too. Items seen twice (a list that shifted) are kept
  once.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import functools
import logging
import math
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from pydantic import BaseModel

from .. import _core
from .._exceptions import NotFoundError, ZGWError
from .._executor import AsyncExecutor
from .._models import ZGWModel
from .._pagination import PageData, check_next_url, parse_page
from .._resource import write_body
from .resource import AsyncResource, Timeout

if TYPE_CHECKING:
    from .client import AsyncZGWClient

__all__ = ["MAX_PAGE_SIZE", "AsyncVTBResource", "scan"]

M = TypeVar("M", bound=ZGWModel)

#: The largest ``pageSize`` Open VTB serves (vng-api-common's DynamicPageSizePagination).
MAX_PAGE_SIZE = 500
#: Pages asked at once by default: beyond a few, a Django server gets no faster.
DEFAULT_CONCURRENCY = 4


class AsyncVTBResource(AsyncResource[M]):
    """A collection of Open VTB (or Open Product): writes leave out the fields the server
    fills itself, so that a model read from the server can be sent back as it is (the
    specs mark them read-only)."""

    read_only: ClassVar[frozenset[str]] = frozenset({"url", "urn", "uuid"})
    #: URN fields the server renders as ``""`` when unset; the spec's pattern refuses
    #: ``""`` in a request, so an empty one is left out (the same as unset).
    blank_urns: ClassVar[frozenset[str]] = frozenset()
    #: Optional objects the server renders as ``null`` when unset but refuses as ``null``
    #: in a request ("Dit veld mag niet leeg zijn."): a ``None`` is left out.
    null_unset: ClassVar[frozenset[str]] = frozenset()

    async def _write(
        self,
        method: str,
        url: str,
        data: BaseModel | Mapping[str, Any],
        headers: Mapping[str, str] | None,
        timeout: Timeout,
    ) -> M:
        body = {
            k: v
            for k, v in write_body(data).items()
            if k not in self.read_only
            and not (v == "" and k in self.blank_urns)
            and not (v is None and k in self.null_unset)
        }
        return await super()._write(method, url, body, headers, timeout)


def _as_sent(item: Any) -> Any:
    return item


def _key(item: Any) -> Any:
    return item.get("url") if isinstance(item, dict) and item.get("url") else id(item)


async def scan(
    client: AsyncZGWClient,
    url: str,
    *,
    match: Callable[[Any], bool],
    page_size: int = MAX_PAGE_SIZE,
    concurrency: int = DEFAULT_CONCURRENCY,
) -> list[Any]:
    """Every raw item of the list at ``url`` for which ``match`` is true, in list order.

    Args:
        client: the client that sends the requests.
        url: the list endpoint (an Open VTB collection).
        match: the test on each raw item (see ``party_matcher``).
        page_size: items per page (``pageSize``); the server caps it at 500.
        concurrency: pages in flight at once after the first.

    Raises:
        ZGWError: a page could not be read (the error of the first page that failed).
        PaginationError: the pages do not add up.
    """
    api_root = client.service(client._router.match(url)[0]).api_root
    params = {"pageSize": page_size}
    first = parse_page(await client.get_json(url, params=params), url=url)
    if first.next is None:
        return [item for item in first.items if match(item)]
    check_next_url(first.next, api_root)
    if first.count is None or not first.items:
        # No count to plan with: along the next links, after the page already read.
        return await _follow(client, first.next, None, match, read=first.items)
    pages = math.ceil(first.count / len(first.items))

    async def page(number: int) -> PageData:
        body = await client.get_json(url, params={**params, "page": number})
        return parse_page(body, url=url)

    results = await AsyncExecutor(concurrency).gather(
        [functools.partial(page, number) for number in range(2, pages + 1)]
    )
    read: list[PageData] = [first]
    for result in results:
        if isinstance(result, NotFoundError):
            # The list shrank while it was read: read it again along its next links.
            return await _follow(client, url, params, match)
        if isinstance(result, ZGWError):
            raise result
        read.append(result)
    found: dict[Any, Any] = {}
    for data in read:
        for item in data.items:
            if match(item):
                found.setdefault(_key(item), item)
    last = read[-1]
    if last.next is not None:
        # The list grew while it was read: the rest lies behind the last page's next link.
        check_next_url(last.next, api_root)
        async for item in client.paginate(last.next, parse=_as_sent):
            if match(item):
                found.setdefault(_key(item), item)
    if _core.logger.isEnabledFor(logging.DEBUG):
        _core.logger.debug(
            "read %d pages of %s to find %d items",
            len(read),
            _core.loggable_url(url),
            len(found),
        )
    return list(found.values())


async def _follow(
    client: AsyncZGWClient,
    url: str,
    params: dict[str, Any] | None,
    match: Callable[[Any], bool],
    *,
    read: list[Any] | None = None,
) -> list[Any]:
    """The list from ``url`` page by page along its ``next`` links (the paginator's checks
    apply), after the items already ``read``."""
    found: dict[Any, Any] = {}
    for item in read or []:
        if match(item):
            found.setdefault(_key(item), item)
    async for item in client.paginate(url, parse=_as_sent, params=params):
        if match(item):
            found.setdefault(_key(item), item)
    return list(found.values())
