"""Several workers, one Redis: catalogi asked once, ETags revalidated by another worker,
writes seen by all, keys namespaced and values versioned, and a Redis that is down."""

from __future__ import annotations

import json
import logging
import socket
from typing import Any

import pytest

from tests.cache.conftest import Spy
from tests.conftest import resolve
from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client._cache import CACHE_FORMAT
from zgw_client.cache import AsyncRedisCache, CachePolicy, RedisCache
from zgw_client.testing import InMemoryBackend, config_for


def tail(body: dict[str, Any]) -> str:
    return str(body["url"]).rsplit("/", 1)[1]


def catalogi_requests(spy: Spy) -> list[str]:
    return [url for _, url, _ in spy.sent if "/catalogi/api/v1/" in url]


async def test_a_worker_started_after_the_cache_is_warm_asks_no_catalogi(
    worker: Any, seeded: dict[str, Any], spy: Spy
) -> None:
    zaaktype = seeded["zaaktype"]["url"]
    first = worker()
    await resolve(first.catalogi.zaaktypen.get(zaaktype))
    await resolve(first.catalogi.statustypen.list(zaaktype=zaaktype).to_list())
    assert len(catalogi_requests(spy)) == 2
    spy.clear()

    second = worker()
    found = await resolve(second.catalogi.zaaktypen.get(zaaktype))
    steps = await resolve(second.catalogi.statustypen.list(zaaktype=zaaktype).to_list())
    assert catalogi_requests(spy) == []
    assert found.omschrijving == "Parkeervergunning"
    assert sorted(s.volgnummer for s in steps) == [1, 2, 3]


async def test_another_worker_revalidates_with_the_etag_instead_of_refetching(
    worker: Any, seeded: dict[str, Any], spy: Spy
) -> None:
    url = seeded["zaken"][0]["url"]
    first = await resolve(worker().zaken.zaken.get(url))
    spy.clear()
    second = await resolve(worker().zaken.zaken.get(url))
    assert second == first
    [(method, sent_to, if_none_match)] = spy.sent
    assert (method, sent_to) == ("GET", url)
    assert if_none_match  # the ETag the first worker stored; the server answered 304


async def test_a_write_in_one_worker_makes_every_worker_fetch_anew(
    worker: Any, seeded: dict[str, Any], spy: Spy
) -> None:
    url = seeded["zaken"][1]["url"]
    reader, writer = worker(), worker()
    before = await resolve(reader.zaken.zaken.get(url))
    assert not before.status
    await resolve(
        writer.zaken.statussen.create(
            {
                "zaak": url,
                "statustype": seeded["statustypen"][0]["url"],
                "datumStatusGezet": "2026-03-01T10:00:00Z",
            }
        )
    )
    spy.clear()
    after = await resolve(reader.zaken.zaken.get(url))
    assert [h for m, u, h in spy.sent if u == url] == [""]  # a full GET, not a revalidation
    assert after.status


async def test_a_search_in_one_worker_leaves_every_worker_s_entries_valid(
    worker: Any, seeded: dict[str, Any], spy: Spy
) -> None:
    """``POST zaken/_zoek`` only reads: it must not bump the generation as a write does,
    or each citizen's overview would make the whole portal's cached zaken stale."""
    url = seeded["zaken"][0]["url"]
    reader, searcher = worker(), worker()
    await resolve(reader.zaken.zaken.get(url))
    found = await resolve(
        searcher.zaken.zaken.list(
            rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn="111222333"
        ).to_list()
    )
    assert [m for m, u, _ in spy.sent if u.split("?")[0].endswith("/zaken/_zoek")] == ["POST"]
    assert isinstance(found, list)
    spy.clear()
    await resolve(reader.zaken.zaken.get(url))
    [(method, sent_to, if_none_match)] = spy.sent
    assert (method, sent_to) == ("GET", url)
    assert if_none_match  # still revalidated: the search made nothing stale


async def test_keys_are_namespaced_per_root_and_kind_and_values_carry_the_format(
    worker: Any, seeded: dict[str, Any], redis: Any, backend: InMemoryBackend
) -> None:
    client = worker()
    zaaktype = seeded["zaaktype"]["url"]
    await resolve(client.catalogi.zaaktypen.get(zaaktype))
    await resolve(client.catalogi.statustypen.list(zaaktype=zaaktype).to_list())
    await resolve(client.zaken.zaken.get(seeded["zaken"][0]["url"]))
    raw = redis.sync_client()
    keys = sorted(k.decode() for k in raw.keys("*"))
    [statustypen] = [k for k in keys if "|statustypen?" in k]
    roots = config_for(backend).services
    catalogi = f"zgw:{CACHE_FORMAT}:catalogi:{roots['catalogi'].api_root}"
    zaken = f"zgw:{CACHE_FORMAT}:zaken:{roots['zaken'].api_root}"
    assert keys == sorted(
        [
            statustypen,
            f"{catalogi}|zaaktypen/{tail(seeded['zaaktype'])}",
            f"{zaken}|zaken/{tail(seeded['zaken'][0])}",
        ]
    )
    assert not any("999990111" in key or "zaaktype=" in key for key in keys)  # query hashed
    entry = json.loads(raw.get(f"{zaken}|zaken/{tail(seeded['zaken'][0])}"))
    assert entry["f"] == CACHE_FORMAT
    assert entry["etag"]
    assert entry["body"]["url"] == seeded["zaken"][0]["url"]
    # Published: a day by default; a list without a concept flag: the catalogi TTL.
    assert raw.pttl(f"{catalogi}|zaaktypen/{tail(seeded['zaaktype'])}") > 86_000_000
    assert statustypen.startswith(f"{catalogi}|statustypen?")
    assert 290_000 < raw.pttl(statustypen) <= 300_000
    raw.close()


async def test_a_value_of_another_format_is_never_read(
    worker: Any, seeded: dict[str, Any], redis: Any, backend: InMemoryBackend, spy: Spy
) -> None:
    zaaktype = seeded["zaaktype"]
    client = worker()
    await resolve(client.catalogi.zaaktypen.get(zaaktype["url"]))
    root = config_for(backend).services["catalogi"].api_root
    key = f"zgw:{CACHE_FORMAT}:catalogi:{root}|zaaktypen/{tail(zaaktype)}"
    raw = redis.sync_client()
    stored = json.loads(raw.get(key))
    stored["f"] = CACHE_FORMAT + 1  # what another release would write under this key
    stored["body"] = {"omschrijving": "not a zaaktype of ours"}
    raw.set(key, json.dumps(stored))
    raw.close()
    spy.clear()
    found = await resolve(worker().catalogi.zaaktypen.get(zaaktype["url"]))
    assert found.omschrijving == "Parkeervergunning"
    assert len(catalogi_requests(spy)) == 1


async def test_ttls_per_kind_and_collection(
    worker: Any, seeded: dict[str, Any], redis: Any, backend: InMemoryBackend
) -> None:
    policy = CachePolicy(fresh={"catalogi": 60, "catalogi/roltypen": 7200}, revalidate=600)
    client = worker(cache_policy=policy)
    await resolve(client.catalogi.roltypen.get(seeded["roltype"]["url"]))
    await resolve(client.catalogi.statustypen.list(zaaktype=seeded["zaaktype"]["url"]).to_list())
    raw = redis.sync_client()
    root = config_for(backend).services["catalogi"].api_root
    space = f"zgw:{CACHE_FORMAT}:catalogi:{root}|"
    roltype_ttl = raw.pttl(f"{space}roltypen/{tail(seeded['roltype'])}")
    [statustypen_key] = list(raw.keys(f"{space}statustypen?*"))
    assert 7_100_000 < roltype_ttl <= 7_200_000  # its collection's TTL beats the kind's
    assert 50_000 < raw.pttl(statustypen_key) <= 60_000
    raw.close()


async def test_warm_catalogi_cost_one_redis_round_trip_and_no_write(
    worker: Any, seeded: dict[str, Any], redis: Any
) -> None:
    if not redis.real:
        pytest.skip("fakeredis keeps no command statistics; runs against redis-server")
    zaaktype = seeded["zaaktype"]["url"]
    await resolve(worker().catalogi.zaaktypen.get(zaaktype))
    raw = redis.sync_client()
    raw.config_resetstat()
    await resolve(worker().catalogi.zaaktypen.get(zaaktype))
    calls = redis.command_calls()
    raw.close()
    assert calls.get("mget") == 1
    assert "set" not in calls


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])  # nothing listens once it is closed


@pytest.mark.parametrize("calls", [6])
async def test_an_unreachable_redis_degrades_to_no_cache_with_one_warning(
    face: str,
    backend: InMemoryBackend,
    seeded: dict[str, Any],
    spy: Spy,
    caplog: pytest.LogCaptureFixture,
    calls: int,
) -> None:
    url = f"redis://127.0.0.1:{_closed_port()}/0"
    caplog.set_level(logging.WARNING, logger="zgw_client.cache")
    zaaktype = seeded["zaaktype"]["url"]
    client: Any
    if face == "sync":
        import httpx

        cache: Any = RedisCache.from_url(url, socket_timeout=0.2, retry_after=0.0)
        client = ZGWClient(
            config_for(backend),
            http_client=httpx.Client(transport=backend.transport()),
            cache=cache,
        )
    else:
        import httpx

        cache = AsyncRedisCache.from_url(url, socket_timeout=0.2, retry_after=0.0)
        client = AsyncZGWClient(
            config_for(backend),
            http_client=httpx.AsyncClient(transport=backend.async_transport()),
            cache=cache,
        )
    for _ in range(calls):
        found = await resolve(client.catalogi.zaaktypen.get(zaaktype))
        assert found.omschrijving == "Parkeervergunning"
    await resolve(client.aclose() if face == "async" else client.close())
    await resolve(cache.aclose() if face == "async" else cache.close())
    assert len(catalogi_requests(spy)) == calls  # no cache: every call asks the server
    assert cache.outage.failures >= calls  # every call tried Redis (retry_after=0) ...
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1  # ... and one warning said so
    assert "unreachable" in warnings[0].getMessage()
