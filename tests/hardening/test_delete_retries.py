"""A DELETE retried after the server may have got it: a 404 (or 410) to the retry means the
earlier attempt deleted it, so the delete succeeded. A 404 the server gives when no earlier
attempt can have arrived is still a NotFoundError. Both faces, on a real socket."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import close, resolve
from tests.support.fake_server import FakeServer, Reply, Seen, fake_server
from zgw_client import (
    AsyncZGWClient,
    NoAuth,
    NotFoundError,
    RetryPolicy,
    Service,
    Timeouts,
    ZGWClient,
)

ZAKEN = "/zaken/api/v1/"
UUID = "4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"
NOT_FOUND = Reply(404, {"code": "not_found", "title": "Niet gevonden."})


def _client(face: str, server: FakeServer) -> Any:
    service = Service(
        server.url + ZAKEN,
        NoAuth(),
        timeouts=Timeouts(read=0.5),
        retry=RetryPolicy(max_attempts=3, backoff_initial=0, backoff_max=0),
    )
    if face == "sync":
        return ZGWClient(zaken=service, http_client=httpx.Client())
    return AsyncZGWClient(zaken=service, http_client=httpx.AsyncClient())


def _script(*replies: Reply) -> Callable[[Seen], Reply]:
    pending = list(replies)
    return lambda seen: pending.pop(0) if len(pending) > 1 else pending[0]


@pytest.mark.parametrize(
    "first",
    [
        Reply(action="reset"),  # read the request, then the connection broke
        Reply(200, {"x": 1}, action="stall", interval=1.0),  # answered after the read timeout
        Reply(502, {"title": "Bad Gateway"}),
        Reply(504, {"title": "Gateway Timeout"}),
    ],
    ids=["reset", "read-timeout", "502", "504"],
)
async def test_a_404_after_an_attempt_that_may_have_arrived_is_success(
    face: str, first: Reply
) -> None:
    with fake_server(_script(first, NOT_FOUND)) as server:
        client = _client(face, server)
        assert await resolve(client.zaken.zaken.delete(UUID)) is None
        await close(client)
    assert [seen.method for seen in server.seen] == ["DELETE", "DELETE"]


@pytest.mark.parametrize(
    "first",
    [Reply(503, {"title": "Service Unavailable"}), Reply(429, {"title": "Too Many Requests"})],
    ids=["503", "429"],
)
async def test_a_404_after_the_server_declined_is_not_found(face: str, first: Reply) -> None:
    """429 and 503 say the server did not act on the request: the 404 is the server's word."""
    with fake_server(_script(first, NOT_FOUND)) as server:
        client = _client(face, server)
        with pytest.raises(NotFoundError):
            await resolve(client.zaken.zaken.delete(UUID))
        await close(client)
    assert len(server.seen) == 2


async def test_a_404_at_the_first_attempt_is_not_found(face: str) -> None:
    with fake_server(_script(NOT_FOUND)) as server:
        client = _client(face, server)
        with pytest.raises(NotFoundError):
            await resolve(client.zaken.zaken.delete(UUID))
        await close(client)
    assert len(server.seen) == 1


async def test_only_delete_takes_a_404_for_done(face: str) -> None:
    with fake_server(_script(Reply(action="reset"), NOT_FOUND)) as server:
        client = _client(face, server)
        with pytest.raises(NotFoundError):
            await resolve(client.get_json(server.url + ZAKEN + f"zaken/{UUID}"))
        await close(client)
