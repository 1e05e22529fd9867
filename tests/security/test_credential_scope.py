"""Credentials never leave their API root: crafted URLs through every way a URL enters.

A capture server on a real socket records every request as it arrived. The client is set
up as a portal would be: the Zaken and Documenten APIs with a JWT, Klantinteracties with a
Token, all on one origin (as behind one gateway). Each crafted URL would, after a
normalising proxy, reach ``/admin/`` or another service; it must not be sent at all.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.support.fake_server import FakeServer, Reply, Seen, fake_server
from zgw_client import (
    AsyncZGWClient,
    RetryPolicy,
    Service,
    TokenCredentials,
    UnconfiguredURLError,
    UnexpectedResponseError,
    ZGWClient,
    ZGWConfig,
    ZGWCredentials,
    ZGWError,
)
from zgw_client.documenten import ChunkedUploadError

ZAKEN = "/zaken/api/v1/"
DOCUMENTEN = "/documenten/api/v1/"
KLANT = "/klantinteracties/api/v1/"

#: Crafted tails after the Zaken root; each resolves outside it on a decoding server.
TRAVERSALS = [
    "%2e%2e/%2e%2e/admin/",
    "%2E%2E/%2E%2E/admin/",
    "..%2f..%2fadmin/",
    "..%2F..%2Fadmin/",
    "%2e%2e%2f%2e%2e%2fadmin/",
    ".%2e/.%2e/admin/",
    "%2e./%2e./admin/",
    "%252e%252e/%252e%252e/admin/",
    "..%252f..%252fadmin/",
    "..;/..;/admin/",
    "%2e%2e;x/%2e%2e;x/admin/",
    "..%5c..%5cadmin/",
    "..\\..\\admin/",
    "%2e%2e/%2e%2e/klantinteracties/api/v1/klantcontacten",
    "zaken/%2e%2e/%2e%2e/%2e%2e/documenten/api/v1/enkelvoudiginformatieobjecten",
    "/admin/",  # an empty segment: ``.../v1//admin/``
    "%00/admin/",
    "zaken%2f..%2f..%2f..%2fadmin",
]


def _crafted(server: FakeServer, tail: str) -> str:
    return f"{server.url}{ZAKEN}{tail}"


def _root_of_credential(seen: Seen) -> str | None:
    auth = seen.headers.get("authorization", "")
    if auth.startswith("Bearer "):
        return "jwt"
    if auth.startswith("Token "):
        return "token"
    return None


def assert_no_leak(server: FakeServer) -> None:
    """Every request that carried a credential resolves under a root of that credential."""
    allowed = {"jwt": (ZAKEN, DOCUMENTEN), "token": (KLANT,)}
    for seen in server.seen:
        kind = _root_of_credential(seen)
        if kind is None:
            continue
        assert seen.resolved_path.startswith(allowed[kind]), (
            f"{kind} credential reached {seen.target} (resolves to {seen.resolved_path})"
        )


@pytest.fixture
def captured() -> Iterator[FakeServer]:
    """The capture server; what it answers is set per test through ``server.responder``."""
    with fake_server(lambda seen: Reply(200, {})) as server:
        yield server


def _client(face: str, server: FakeServer) -> Any:
    jwt = ZGWCredentials("zgw-client-test", "secret-for-the-capture-test")
    no_retry = RetryPolicy.no_retries()
    config = ZGWConfig(
        {
            "zaken": Service(server.url + ZAKEN, jwt, retry=no_retry),
            "documenten": Service(server.url + DOCUMENTEN, jwt, retry=no_retry),
            "klantinteracties": Service(server.url + KLANT, TokenCredentials("t" * 40)),
        }
    )
    if face == "sync":
        return ZGWClient(config, http_client=httpx.Client())
    return AsyncZGWClient(config, http_client=httpx.AsyncClient())


async def _close(client: Any) -> None:
    await resolve(client.aclose() if isinstance(client, AsyncZGWClient) else client.close())


@pytest.mark.parametrize("tail", TRAVERSALS)
async def test_a_crafted_user_url_is_refused_before_sending(
    face: str, captured: FakeServer, tail: str
) -> None:
    client = _client(face, captured)
    try:
        with pytest.raises(UnconfiguredURLError):
            await resolve(client.get_json(_crafted(captured, tail)))
        with pytest.raises(UnconfiguredURLError):
            await resolve(client.request("DELETE", _crafted(captured, tail)))
    finally:
        await _close(client)
    assert captured.seen == []


@pytest.mark.parametrize("tail", TRAVERSALS)
async def test_a_crafted_next_link_is_not_followed(
    face: str, captured: FakeServer, tail: str
) -> None:
    def responder(seen: Seen) -> Reply:
        if seen.path == ZAKEN + "statussen":
            page = {"count": 2, "next": _crafted(captured, tail), "previous": None}
            return Reply(200, {**page, "results": [{"url": "x"}]})
        return Reply(200, {"count": 1, "next": None, "previous": None, "results": []})

    captured.responder = responder
    client = _client(face, captured)
    try:
        with pytest.raises(UnexpectedResponseError):
            await resolve(client.paginate(captured.url + ZAKEN + "statussen", parse=dict).to_list())
    finally:
        await _close(client)
    assert [seen.path for seen in captured.seen] == [ZAKEN + "statussen"]
    assert_no_leak(captured)


@pytest.mark.parametrize("tail", TRAVERSALS[:6])
async def test_following_a_crafted_reference_is_refused(
    face: str, captured: FakeServer, tail: str
) -> None:
    """``client.get(zaak.zaaktype)`` with a zaaktype URL that a server wrote."""
    zaak_url = captured.url + ZAKEN + "zaken/5f6a7b8c-0000-4000-8000-000000000001"

    def responder(seen: Seen) -> Reply:
        return Reply(200, {"url": zaak_url, "zaaktype": _crafted(captured, tail)})

    captured.responder = responder
    client = _client(face, captured)
    try:
        zaak = await resolve(client.get_json(zaak_url))
        with pytest.raises(UnconfiguredURLError):
            await resolve(client.get(zaak["zaaktype"]))
    finally:
        await _close(client)
    assert len(captured.seen) == 1
    assert_no_leak(captured)


@pytest.mark.parametrize("tail", TRAVERSALS[:6])
async def test_the_expand_fallback_does_not_follow_a_crafted_url(
    face: str, captured: FakeServer, tail: str
) -> None:
    """A Zaken 1.0 server (no expand): the client fetches the relations itself."""
    zaak_url = captured.url + ZAKEN + "zaken/5f6a7b8c-0000-4000-8000-000000000002"

    def responder(seen: Seen) -> Reply:
        body = {"url": zaak_url, "status": _crafted(captured, tail), "zaaktype": ""}
        return Reply(200, body, headers={"API-version": "1.0.3"})

    captured.responder = responder
    client = _client(face, captured)
    try:
        # The first answer tells the client the server's version; the second one needs
        # the fallback.
        await resolve(client.get_json(zaak_url))
        with pytest.raises(ZGWError):
            await resolve(client.zaken.zaken.get(zaak_url, expand=["status"]))
    finally:
        await _close(client)
    assert all(seen.path.startswith(ZAKEN + "zaken/") for seen in captured.seen)
    assert_no_leak(captured)


@pytest.mark.parametrize("tail", TRAVERSALS[:6])
async def test_a_crafted_bestandsdeel_url_gets_no_file_content(
    face: str, captured: FakeServer, tail: str
) -> None:
    eio_url = (
        captured.url
        + DOCUMENTEN
        + "enkelvoudiginformatieobjecten/5f6a7b8c-0000-4000-8000-000000000003"
    )

    def responder(seen: Seen) -> Reply:
        if seen.method == "POST":
            part = {
                "url": f"{captured.url}{DOCUMENTEN}{tail}",
                "volgnummer": 1,
                "omvang": 2048,
                "voltooid": False,
                "lock": "lock-1",
            }
            return Reply(201, {"url": eio_url, "lock": "lock-1", "bestandsdelen": [part]})
        return Reply(204)

    captured.responder = responder
    client = _client(face, captured)
    metadata = {"bronorganisatie": "000000000", "titel": "t", "informatieobjecttype": "x"}
    try:
        with pytest.raises(ChunkedUploadError) as caught:
            await resolve(
                client.documenten.enkelvoudiginformatieobjecten.upload(
                    b"x" * 2048, metadata=metadata, chunk_threshold=1024
                )
            )
    finally:
        await _close(client)
    assert caught.value.lock == "lock-1"
    assert isinstance(caught.value.__cause__, UnconfiguredURLError)
    assert not any(seen.method == "PUT" for seen in captured.seen)
    assert_no_leak(captured)


async def test_plain_urls_under_the_root_still_carry_the_credential(
    face: str, captured: FakeServer
) -> None:
    """The refusals above are not a refusal of everything: unreserved escapes are fine."""
    client = _client(face, captured)
    try:
        await resolve(client.get_json(captured.url + ZAKEN + "zaken"))
        await resolve(client.get_json(captured.url + ZAKEN + "%7Ezaken"))
        await resolve(client.get_json(captured.url + KLANT + "partijen"))
    finally:
        await _close(client)
    kinds = [_root_of_credential(seen) for seen in captured.seen]
    assert kinds == ["jwt", "jwt", "token"]
    assert_no_leak(captured)
