"""Pagination: lazy iteration across pages, count, limit, plain arrays, foreign next."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import ZAKEN_ROOT, close, collect, json_response, resolve
from zgw_client import UnexpectedResponseError


def _pages(
    total: int, size: int, next_host: str = "openzaak.test"
) -> tuple[list[httpx.Request], Any]:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        page = int(request.url.params.get("page", "1"))
        start = (page - 1) * size
        items = [{"n": n} for n in range(start, min(start + size, total))]
        has_next = start + size < total
        return json_response(
            200,
            {
                "count": total,
                "next": f"https://{next_host}/zaken/api/v1/zaken?page={page + 1}"
                if has_next
                else None,
                "previous": None,
                "results": items,
            },
        )

    return calls, handler


async def test_iterates_every_page_lazily(make_client: Any) -> None:
    calls, handler = _pages(total=7, size=3)
    client = make_client(handler)
    paginator = client.paginate(ZAKEN_ROOT + "zaken", parse=lambda item: item["n"])
    assert calls == []  # lazy: nothing fetched yet
    assert await collect(paginator) == list(range(7))
    assert len(calls) == 3
    await close(client)


async def test_count_fetches_only_the_first_page(make_client: Any) -> None:
    calls, handler = _pages(total=250, size=100)
    client = make_client(handler)
    paginator = client.paginate(ZAKEN_ROOT + "zaken", parse=lambda item: item)
    assert await resolve(paginator.count()) == 250
    assert len(calls) == 1
    assert len(await collect(paginator)) == 250
    assert len(calls) == 3  # the first page was reused
    await close(client)


async def test_iter_pages_and_limit(make_client: Any) -> None:
    calls, handler = _pages(total=10, size=4)
    client = make_client(handler)
    pages = await collect(
        client.paginate(ZAKEN_ROOT + "zaken", parse=lambda i: i["n"]).iter_pages()
    )
    assert [p.items for p in pages] == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert pages[0].count == 10
    calls.clear()
    limited = await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=lambda i: i["n"], limit=5))
    assert limited == [0, 1, 2, 3, 4]
    assert len(calls) == 2  # never fetched the third page
    await close(client)


async def test_params_sent_on_first_page_only(make_client: Any) -> None:
    calls, handler = _pages(total=5, size=3)
    client = make_client(handler)
    await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=lambda i: i, params={"pageSize": 3}))
    assert calls[0].url.params["pageSize"] == "3"
    assert calls[1].url.params["page"] == "2"
    await close(client)


async def test_plain_array_is_one_page(make_client: Any) -> None:
    client = make_client(lambda r: json_response(200, [{"n": 1}, {"n": 2}]))
    paginator = client.paginate(ZAKEN_ROOT + "zaakinformatieobjecten", parse=lambda i: i["n"])
    assert await collect(paginator) == [1, 2]
    await close(client)


async def test_foreign_next_link_is_refused_not_truncated(make_client: Any) -> None:
    calls, handler = _pages(total=6, size=3, next_host="evil.test")
    client = make_client(handler)
    with pytest.raises(UnexpectedResponseError, match="leaves the API root"):
        await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=lambda i: i))
    assert len(calls) == 1
    await close(client)


async def test_a_body_that_is_not_a_page(make_client: Any) -> None:
    client = make_client(lambda r: json_response(200, {"detail": "?"}))
    with pytest.raises(UnexpectedResponseError, match="did not answer a list"):
        await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=lambda i: i))
    await close(client)


async def test_raw_gives_the_items_as_sent_with_the_same_pages_limit_and_hook(
    make_client: Any,
) -> None:
    calls, handler = _pages(total=7, size=3)
    client = make_client(handler)
    seen: list[int] = []

    async def async_hook(items: list[Any]) -> None:
        seen.extend(item["n"] for item in items)

    def sync_hook(items: list[Any]) -> None:
        seen.extend(item["n"] for item in items)

    hook = sync_hook if client.__class__.__name__ == "ZGWClient" else async_hook
    typed = client.paginate(
        ZAKEN_ROOT + "zaken",
        parse=lambda item: item["n"],
        params={"x": 1},
        limit=5,
        page_hook=hook,
    )
    raw = typed.raw()
    assert await collect(raw) == [{"n": n} for n in range(5)]
    assert seen == [0, 1, 2, 3, 4, 5]  # the hook saw both pages it read
    assert len(calls) == 2
    assert calls[0].url.params["x"] == "1"
    assert await collect(typed) == [0, 1, 2, 3, 4]  # the typed paginator is untouched
    await close(client)
