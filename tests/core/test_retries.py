"""Retries: which methods and failures are retried, Retry-After, exhaustion, logging."""

from __future__ import annotations

import datetime as dt
import logging
import random
import time
from typing import Any

import httpx
import pytest

from tests.conftest import (
    FAST_RETRY,
    SECRET,
    ZAKEN_ROOT,
    close,
    default_config,
    json_response,
    resolve,
)
from zgw_client import (
    ConnectError,
    RateLimitedError,
    RequestTimeout,
    RetriesExhaustedError,
    RetryPolicy,
    ServerError,
)
from zgw_client._core import backoff_seconds, parse_retry_after

NOW = dt.datetime(2026, 11, 29, 12, 0, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("0", 0.0),
        ("7", 7.0),
        ("2.5", 2.5),
        ("-3", 0.0),
        ("Sun, 29 Nov 2026 12:00:30 GMT", 30.0),
        ("Sun, 29 Nov 2026 11:59:00 GMT", 0.0),
        ("Sunday, 29-Nov-26 12:01:00 GMT", 60.0),
        ("soon", None),
        ("nan", None),
    ],
)
def test_parse_retry_after(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, now=NOW) == expected


def test_backoff_honours_retry_after_capped_and_jitters_otherwise() -> None:
    policy = RetryPolicy(backoff_initial=1, backoff_max=5, retry_after_max=20)
    assert backoff_seconds(policy, 1, 3.0) == 3.0
    assert backoff_seconds(policy, 1, 100.0) == 20.0
    rng = random.Random(1)
    waits = [backoff_seconds(policy, n, None, rng=rng) for n in (1, 2, 3, 4, 5, 6)]
    assert all(0 <= w <= min(5, 2 ** (n - 1)) for w, n in zip(waits, range(1, 7), strict=True))
    assert len(set(waits)) == len(waits)  # jittered


def _flaky(
    failures: list[Any], final: httpx.Response | None = None
) -> tuple[list[httpx.Request], Any]:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        if failures:
            failure = failures.pop(0)
            if isinstance(failure, Exception):
                raise failure
            return failure  # type: ignore[no-any-return]
        return final or json_response(200, {"ok": True})

    return calls, handler


@pytest.mark.parametrize("status", [429, 502, 503, 504])
@pytest.mark.parametrize("method", ["GET", "PUT", "DELETE"])
async def test_idempotent_methods_retry_on_retryable_status(
    make_client: Any, method: str, status: int
) -> None:
    calls, handler = _flaky([json_response(status, {"code": "x"}, **{"Retry-After": "0"})])
    client = make_client(handler)
    response = await resolve(client.request(method, ZAKEN_ROOT + "statussen/1"))
    await close(client)
    assert response.status_code == 200
    assert len(calls) == 2


@pytest.mark.parametrize("method", ["POST", "PATCH"])
async def test_post_and_patch_not_retried_on_503(make_client: Any, method: str) -> None:
    calls, handler = _flaky([json_response(503, {"code": "unavailable"})])
    client = make_client(handler)
    with pytest.raises(ServerError):
        await resolve(client.request(method, ZAKEN_ROOT + "statussen", json={}))
    await close(client)
    assert len(calls) == 1


@pytest.mark.parametrize("method", ["POST", "PATCH", "GET"])
async def test_connect_error_retried_for_every_method(make_client: Any, method: str) -> None:
    calls, handler = _flaky([httpx.ConnectError("refused")])
    client = make_client(handler)
    response = await resolve(client.request(method, ZAKEN_ROOT + "statussen", json={}))
    await close(client)
    assert response.status_code == 200
    assert len(calls) == 2


@pytest.mark.parametrize("exc", [httpx.ReadTimeout("slow"), httpx.RemoteProtocolError("reset")])
async def test_post_not_retried_once_it_may_have_reached_the_server(
    make_client: Any, exc: Exception
) -> None:
    calls, handler = _flaky([exc])
    client = make_client(handler)
    with pytest.raises((RequestTimeout, __import__("zgw_client").TransportError)):
        await resolve(client.request("POST", ZAKEN_ROOT + "statussen", json={}))
    await close(client)
    assert len(calls) == 1


async def test_get_retried_on_read_timeout(make_client: Any) -> None:
    calls, handler = _flaky([httpx.ReadTimeout("slow"), httpx.ReadTimeout("slow")])
    client = make_client(handler)
    response = await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert response.status_code == 200
    assert len(calls) == 3


async def test_exhausted_retries_say_how_many_attempts(make_client: Any) -> None:
    calls, handler = _flaky([json_response(503, {"code": "down"})] * 5)
    client = make_client(handler)
    with pytest.raises(RetriesExhaustedError) as info:
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert info.value.attempts == FAST_RETRY.max_attempts == len(calls)
    assert isinstance(info.value.last_error, ServerError)
    assert "3 attempts" in str(info.value)


async def test_exhausted_connect_errors(make_client: Any) -> None:
    _calls, handler = _flaky([httpx.ConnectError("refused")] * 5)
    client = make_client(handler)
    with pytest.raises(RetriesExhaustedError) as info:
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert isinstance(info.value.last_error, ConnectError)


async def test_no_retries_policy_raises_the_error_itself(make_client: Any) -> None:
    calls, handler = _flaky([json_response(503, {"code": "down"})])
    client = make_client(handler, default_config(RetryPolicy.no_retries()))
    with pytest.raises(ServerError):
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert len(calls) == 1


async def test_retry_after_longer_than_allowed_gives_up_at_once(make_client: Any) -> None:
    calls, handler = _flaky([json_response(429, {"code": "throttled"}, **{"Retry-After": "3600"})])
    client = make_client(handler)
    with pytest.raises(RateLimitedError) as info:
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert len(calls) == 1
    assert info.value.retry_after == 3600.0


async def test_non_retryable_status_not_retried(make_client: Any) -> None:
    calls, handler = _flaky([json_response(500, {"code": "error"})])
    client = make_client(handler)
    with pytest.raises(ServerError):
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert len(calls) == 1


async def test_retries_logged_without_secrets_and_with_bsn_masked(
    make_client: Any, caplog: pytest.LogCaptureFixture
) -> None:
    _calls, handler = _flaky([json_response(503, {"code": "down"})])
    client = make_client(handler)
    caplog.set_level(logging.DEBUG, logger="zgw_client")
    url = ZAKEN_ROOT + "zaken?rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn=999990111"
    await resolve(client.request("GET", url))
    await close(client)
    text = caplog.text
    assert "retrying GET" in text
    assert "999990111" not in text
    assert "*********" in text
    assert SECRET not in text
    assert "Bearer" not in text


async def test_deadline_counts_from_the_first_attempt(make_client: Any) -> None:
    # The first attempt alone outlasts the deadline: no second one, however many are allowed,
    # and the call ends as a timeout (the deadline bounds the whole call).
    calls: list[httpx.Request] = []

    def slow_503(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        time.sleep(0.25)
        return json_response(503, {"code": "down"})

    policy = RetryPolicy(max_attempts=5, backoff_initial=0, backoff_max=0, deadline=0.2)
    client = make_client(slow_503, default_config(policy))
    with pytest.raises(RequestTimeout, match=r"deadline of 0\.2 s"):
        await resolve(client.request("GET", ZAKEN_ROOT + "zaken"))
    await close(client)
    assert len(calls) == 1
