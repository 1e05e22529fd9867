"""A call has an overall deadline and a size cap, both faces.

``RetryPolicy.deadline`` bounds the whole call: attempts, the waits between them and
reading the answer. httpx's read timeout bounds each read only, so a server dripping a
byte every 0.25 s kept a call alive as long as it liked. A JSON body larger than
``Service.max_response_bytes`` is refused before it is all in memory; streamed downloads
are not capped.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from tests.conftest import ZAKEN_ROOT, close, resolve
from tests.support.fake_server import FakeServer, Reply, Seen, fake_server
from zgw_client import (
    AsyncZGWClient,
    NoAuth,
    RequestTimeout,
    ResponseTooLargeError,
    RetryPolicy,
    Service,
    Timeouts,
    UnexpectedResponseError,
    ZGWClient,
)

ZAKEN = "/zaken/api/v1/"
MiB = 1024 * 1024


def _client(face: str, server: FakeServer, *, deadline: float, attempts: int = 1) -> Any:
    service = Service(
        server.url + ZAKEN,
        NoAuth(),
        timeouts=Timeouts(read=1.0),
        retry=RetryPolicy(
            max_attempts=attempts, deadline=deadline, backoff_initial=0, backoff_max=0
        ),
    )
    if face == "sync":
        return ZGWClient(zaken=service, http_client=httpx.Client())
    return AsyncZGWClient(zaken=service, http_client=httpx.AsyncClient())


def _dripping(interval: float, size: int, action: str = "drip") -> Any:
    body = {"url": "x", "padding": "p" * size}

    def responder(seen: Seen) -> Reply:
        return Reply(200, body, action=action, interval=interval, max_seconds=15)

    return responder


@pytest.mark.parametrize(("attempts", "deadline"), [(1, 2.0), (3, 0.6)])
async def test_a_dripping_body_does_not_outlive_the_deadline(
    face: str, attempts: int, deadline: float
) -> None:
    """The issue's case: one byte every 0.25 s, read=1, deadline=2 (the drip takes 50 s);
    and with retries allowed, which the deadline leaves no time for."""
    with fake_server(_dripping(0.25, 200)) as server:
        client = _client(face, server, deadline=deadline, attempts=attempts)
        started = time.monotonic()
        with pytest.raises(RequestTimeout, match=f"deadline of {deadline:g} s"):
            await resolve(client.get_json(server.url + ZAKEN + "zaken/1"))
        elapsed = time.monotonic() - started
        await close(client)
    assert elapsed < 8, f"the call lasted {elapsed:.1f} s of a 50 s drip"
    assert len(server.seen) == 1  # no time left for another attempt


async def test_dripping_headers_do_not_outlive_the_deadline_async() -> None:
    """The async face cancels the exchange itself, also while the headers trickle in; the
    sync face can only check between body chunks (see the reliability guide)."""
    with fake_server(_dripping(0.25, 10, action="drip_head")) as server:
        client = _client("async", server, deadline=1.0)
        started = time.monotonic()
        with pytest.raises(RequestTimeout, match="deadline"):
            await client.get_json(server.url + ZAKEN + "zaken/1")
        elapsed = time.monotonic() - started
        await client.aclose()
    assert elapsed < 6, f"the call lasted {elapsed:.1f} s of a 30 s drip"


async def test_a_per_call_timeout_longer_than_the_deadline_extends_it(face: str) -> None:
    with fake_server(_dripping(0.02, 10)) as server:  # about 0.6 s for the whole body
        client = _client(face, server, deadline=0.2)
        url = server.url + ZAKEN + "zaken/1"
        with pytest.raises(RequestTimeout):
            await resolve(client.get_json(url))
        assert (await resolve(client.get_json(url, timeout=5)))["url"] == "x"
        await close(client)


async def test_a_streamed_download_is_bounded_by_its_reads_not_the_deadline(face: str) -> None:
    def responder(seen: Seen) -> Reply:
        return Reply(200, b"0123456789" * 2, action="drip", interval=0.04)

    with fake_server(responder) as server:  # 0.8 s of body, deadline 0.3 s
        client = _client(face, server, deadline=0.3)
        url = server.url + ZAKEN + "zaken/1/download"
        received = b""
        if face == "sync":
            with client.stream("GET", url) as response:
                received = b"".join(response.iter_bytes())
        else:
            async with client.stream("GET", url) as response:
                received = b"".join([chunk async for chunk in response.aiter_bytes()])
        await close(client)
    assert received == b"0123456789" * 2


# -- size ---------------------------------------------------------------------------------
class CountingStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """``total`` bytes in 1 MiB chunks, counting what was read, never all in memory."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.read = 0

    def _chunks(self) -> Iterator[bytes]:
        block = b" " * MiB
        while self.read < self.total:
            chunk = block[: min(MiB, self.total - self.read)]
            self.read += len(chunk)
            yield chunk

    def __iter__(self) -> Iterator[bytes]:
        yield from self._chunks()

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for chunk in self._chunks():
            yield chunk


def _sized(make_client: Any, stream: CountingStream, *, status: int = 200, declared: bool) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json"}
        if declared:
            headers["Content-Length"] = str(stream.total)
        return httpx.Response(status, headers=headers, stream=stream)

    return make_client(handler)


@pytest.mark.parametrize("status", [200, 500])
async def test_a_declared_length_over_the_cap_is_refused_unread(
    make_client: Any, status: int
) -> None:
    stream = CountingStream(33 * MiB)
    client = _sized(make_client, stream, status=status, declared=True)
    with pytest.raises(ResponseTooLargeError) as caught:
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)
    assert stream.read == 0
    assert caught.value.limit == 32 * MiB
    assert isinstance(caught.value, UnexpectedResponseError)


async def test_an_undeclared_body_over_the_cap_stops_at_the_cap(make_client: Any) -> None:
    stream = CountingStream(64 * MiB)
    client = _sized(make_client, stream, declared=False)
    with pytest.raises(ResponseTooLargeError, match="max_response_bytes"):
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)
    assert 32 * MiB < stream.read <= 33 * MiB


async def test_a_streamed_download_is_not_capped(make_client: Any) -> None:
    stream = CountingStream(33 * MiB)
    client = _sized(make_client, stream, declared=True)
    received = 0
    url = ZAKEN_ROOT + "zaken/1/download"
    if isinstance(client, ZGWClient):
        with client.stream("GET", url) as response:
            received = sum(len(chunk) for chunk in response.iter_bytes())
    else:
        async with client.stream("GET", url) as response:
            received = sum([len(chunk) async for chunk in response.aiter_bytes()])
    await close(client)
    assert received == 33 * MiB


async def test_the_cap_is_a_service_setting(make_client: Any) -> None:
    from tests.conftest import default_config

    config = default_config().with_service(
        "zaken", Service(ZAKEN_ROOT, NoAuth(), max_response_bytes=None)
    )
    stream = CountingStream(33 * MiB)

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "application/json"}, stream=stream)

    client = make_client(handler, config)
    with pytest.raises(UnexpectedResponseError, match="not valid JSON"):  # read, then parsed
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    await close(client)
    assert stream.read == 33 * MiB
