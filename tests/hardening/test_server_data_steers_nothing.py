"""What a server sends cannot make the client loop, crash outside its error tree, follow a
redirect it should not, or act on the wrong resource. Both faces, public API only."""

from __future__ import annotations

import pickle
from typing import Any

import httpx
import pytest

from tests.conftest import (
    CATALOGI_ROOT,
    ZAKEN_ROOT,
    close,
    collect,
    json_response,
    resolve,
    snapshot,
)
from zgw_client import (
    InputError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    RedirectError,
    UnconfiguredURLError,
    UnexpectedResponseError,
    ZGWError,
)

ZAAK = ZAKEN_ROOT + "zaken/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"
STATUS = ZAKEN_ROOT + "statussen/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0002"
ZAAKTYPE = CATALOGI_ROOT + "zaaktypen/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0003"


def _page(results: list[Any], next_url: Any, count: Any = 1000) -> dict[str, Any]:
    return {"count": count, "next": next_url, "previous": None, "results": results}


# -- pagination that never ends ---------------------------------------------------------
@pytest.mark.parametrize(
    "links",
    [
        # page -> its next link; the first page is "zaken" without a query
        {"": "zaken"},  # points at itself
        {"": "zaken?page=2", "2": "zaken?status=x&page=1"},  # 1 -> 2 -> 1
        {"": "zaken?page=2", "2": "zaken?page=3", "3": "zaken?page=2"},  # 1 -> 2 -> 3 -> 2
        {"": "zaken?status=x&page=2", "2": "zaken?page=2&status=x"},  # reordered query
        {"": "zaken?page=2#top", "2": "zaken?page=2"},  # the same page with a fragment
    ],
)
async def test_a_next_cycle_stops_with_a_typed_error(
    make_client: Any, links: dict[str, str]
) -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        page = request.url.params.get("page", "")
        item = {"url": f"{ZAKEN_ROOT}zaken/{len(calls)}"}
        return json_response(200, _page([item], ZAKEN_ROOT + links[page]))

    client = make_client(handler)
    with pytest.raises(PaginationError, match="already read"):
        await collect(client.zaken.zaken.list(extra_params={"status": "x"}))
    await close(client)
    assert len(calls) <= 3


async def test_more_items_than_the_count_promised_stops(make_client: Any) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        items = [{"url": f"{ZAKEN_ROOT}zaken/{page}-{n}"} for n in range(3)]
        return json_response(200, _page(items, f"{ZAKEN_ROOT}zaken?page={page + 1}", count=4))

    client = make_client(handler)
    with pytest.raises(PaginationError, match="more items"):
        await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=dict))
    await close(client)


async def test_a_list_that_grows_while_read_is_not_an_error(make_client: Any) -> None:
    """The largest count counts: a zaak created between two pages is no broken paging."""

    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params.get("page", "1"))
        if page == 1:
            return json_response(200, _page([{"n": 1}, {"n": 2}], ZAKEN_ROOT + "zaken?page=2", 3))
        return json_response(200, _page([{"n": 3}, {"n": 4}], None, 4))

    client = make_client(handler)
    assert len(await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=dict))) == 4
    await close(client)


@pytest.mark.parametrize("next_value", [5, True, {"url": "x"}, ["a"], 1.5])
async def test_a_next_link_that_is_no_string_is_a_typed_error(
    make_client: Any, next_value: Any
) -> None:
    client = make_client(lambda request: json_response(200, _page([], next_value)))
    with pytest.raises(PaginationError, match="not a URL"):
        await collect(client.paginate(ZAKEN_ROOT + "zaken", parse=dict))
    await close(client)


# -- bodies of the wrong shape ----------------------------------------------------------
WRONG_BODIES: list[tuple[str, Any]] = [
    ("null", None),
    ("array", []),
    ("string", "x"),
    ("number", 42),
    ("wrong types", {"url": 5, "identificatie": ["999993653"], "startdatum": "gisteren"}),
]


@pytest.mark.parametrize(("name", "body"), WRONG_BODIES, ids=[n for n, _ in WRONG_BODIES])
async def test_a_detail_of_the_wrong_shape_is_an_unexpected_response(
    make_client: Any, name: str, body: Any
) -> None:
    client = make_client(lambda request: json_response(200, body))
    with pytest.raises(UnexpectedResponseError) as caught:
        await resolve(client.zaken.zaken.get(ZAAK))
    await close(client)
    assert "999993653" not in str(caught.value)
    assert "input_value" not in str(caught.value)
    assert caught.value.__cause__ is None or isinstance(caught.value.__cause__, ZGWError)


@pytest.mark.parametrize(
    ("status", "content"), [(201, b""), (204, b""), (201, b"null"), (201, b"[]")]
)
async def test_a_create_without_the_created_body_is_an_unexpected_response(
    make_client: Any, status: int, content: bytes
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=content, headers={"Content-Type": "application/json"})

    client = make_client(handler)
    with pytest.raises(UnexpectedResponseError):
        await resolve(client.zaken.statussen.create({"zaak": ZAAK, "statustype": ZAAKTYPE}))
    await close(client)


async def test_a_list_item_of_the_wrong_shape_is_an_unexpected_response(make_client: Any) -> None:
    body = _page([{"url": ZAAK, "identificatie": "Z-1"}, "999993653"], None, 2)
    client = make_client(lambda request: json_response(200, body))
    with pytest.raises(UnexpectedResponseError) as caught:
        await collect(client.zaken.zaken.list())
    await close(client)
    assert "999993653" not in str(caught.value)


async def test_an_audit_trail_that_is_no_list_is_an_unexpected_response(make_client: Any) -> None:
    client = make_client(lambda request: json_response(200, {"detail": "x"}))
    with pytest.raises(UnexpectedResponseError):
        await resolve(client.zaken.zaken.audittrail(ZAAK))
    await close(client)


@pytest.mark.parametrize("depth", [300, 5000, 100_000])
async def test_deeply_nested_json_is_an_unexpected_response(make_client: Any, depth: int) -> None:
    content = b'{"url": ' + b"[" * depth + b"]" * depth + b"}"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"Content-Type": "application/json"})

    client = make_client(handler)
    with pytest.raises(UnexpectedResponseError, match="nested too deeply"):
        await resolve(client.get_json(ZAAK))
    await close(client)


async def test_a_deeply_nested_error_body_still_maps_to_its_status(make_client: Any) -> None:
    content = b"[" * 100_000 + b"]" * 100_000

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=content, headers={"Content-Type": "application/json"})

    client = make_client(handler)
    with pytest.raises(NotFoundError):
        await resolve(client.get_json(ZAAK))
    await close(client)


async def test_an_invalid_idna_host_is_a_typed_error(make_client: Any) -> None:
    client = make_client(lambda request: json_response(200, {}))
    with pytest.raises(UnconfiguredURLError, match="not a valid URL"):
        await resolve(client.get_json("https://exa\u00e4mple..nl/zaken/api/v1/zaken"))
    await close(client)


# -- redirects ----------------------------------------------------------------------------
def _redirecting(status: int, location: str, seen: list[httpx.Request]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(snapshot(request))
        if len(seen) == 1:
            return httpx.Response(status, headers={"Location": location})
        return json_response(200, {"url": str(request.url)})

    return handler


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
async def test_a_get_follows_a_redirect_under_its_root(make_client: Any, status: int) -> None:
    seen: list[httpx.Request] = []
    client = make_client(_redirecting(status, ZAKEN_ROOT + "zaken/moved", seen))
    body = await resolve(client.get_json(ZAKEN_ROOT + "zaken/old"))
    await close(client)
    assert body == {"url": ZAKEN_ROOT + "zaken/moved"}
    assert [str(r.url) for r in seen] == [ZAKEN_ROOT + "zaken/old", ZAKEN_ROOT + "zaken/moved"]
    assert seen[1].headers["Authorization"].startswith("Bearer ")


@pytest.mark.parametrize(
    "location",
    [
        "https://evil.test/zaken/api/v1/zaken",
        "http://openzaak.test/zaken/api/v1/zaken",  # https -> http
        CATALOGI_ROOT + "zaaktypen",  # another root of the same host
        "https://openzaak.test/admin/",
        ZAKEN_ROOT + "%2e%2e/%2e%2e/admin/",
    ],
)
async def test_a_redirect_outside_the_root_is_refused(make_client: Any, location: str) -> None:
    seen: list[httpx.Request] = []
    client = make_client(_redirecting(302, location, seen))
    with pytest.raises(RedirectError) as caught:
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)
    assert len(seen) == 1
    assert caught.value.status == 302


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
async def test_a_write_is_never_resent_on_a_redirect(make_client: Any, method: str) -> None:
    seen: list[httpx.Request] = []
    client = make_client(_redirecting(307, ZAKEN_ROOT + "zaken/moved", seen))
    with pytest.raises(RedirectError, match="not re-sent"):
        await resolve(client.request(method, ZAKEN_ROOT + "zaken/old", json={}))
    await close(client)
    assert len(seen) == 1


async def test_a_redirect_loop_ends(make_client: Any) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(302, headers={"Location": ZAKEN_ROOT + f"zaken/{len(seen)}"})

    client = make_client(handler)
    with pytest.raises(RedirectError, match="more than"):
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)
    assert len(seen) == 5


@pytest.mark.parametrize("status", [300, 305, 302])
async def test_a_redirect_without_a_target_is_refused(make_client: Any, status: int) -> None:
    client = make_client(lambda request: httpx.Response(status))
    with pytest.raises(RedirectError):
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)


# -- a URL of another collection ----------------------------------------------------------
@pytest.mark.parametrize(
    ("call", "url"),
    [
        ("get", STATUS),
        ("get", ZAAKTYPE),
        ("delete", ZAAKTYPE),
        ("delete", ZAKEN_ROOT + "zaken"),
        ("partial_update", ZAAK + "/audittrail/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0009"),
    ],
)
async def test_a_resource_refuses_a_url_of_another_collection(
    make_client: Any, call: str, url: str
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return json_response(200, {"url": url})

    client = make_client(handler)
    method = getattr(client.zaken.zaken, call)
    with pytest.raises(InputError, match="not an item of 'zaken'"):
        await resolve(method(url, {}) if call == "partial_update" else method(url))
    await close(client)
    assert sent == []


async def test_a_url_of_its_own_collection_is_taken(make_client: Any) -> None:
    client = make_client(lambda request: json_response(200, {"url": ZAAK}))
    assert (await resolve(client.zaken.zaken.get(ZAAK))).url == ZAAK
    assert (await resolve(client.zaken.zaken.get(ZAAK + "/"))).url == ZAAK
    await close(client)


# -- names users see ----------------------------------------------------------------------
def test_exceptions_show_their_public_name() -> None:
    import zgw_client
    from zgw_client.documenten import ChunkedUploadError

    for name in zgw_client.__all__:
        value = getattr(zgw_client, name)
        if isinstance(value, type) and issubclass(value, BaseException):
            assert value.__module__ == "zgw_client", name
            assert getattr(zgw_client, value.__qualname__) is value
    assert repr(PermissionDeniedError).startswith("<class 'zgw_client.PermissionDeniedError'")
    assert ChunkedUploadError.__module__ == "zgw_client.documenten"
    error = ChunkedUploadError("m", document_url="u", lock="l", done=[1], pending=[2])
    assert pickle.loads(pickle.dumps(error)).lock == "l"
