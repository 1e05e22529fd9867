"""The caching rules without I/O: TTLs per kind, what is looked up, entries and outages."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from zgw_client import ConfigurationError
from zgw_client._cache import (
    CACHE_FORMAT,
    CacheEntry,
    CachePolicy,
    InMemoryCache,
    entry_after_get,
    plan_for,
)
from zgw_client._redis import Outage

ROOT = "https://oz.test/zaken/api/v1/"
CAT = "https://oz.test/catalogi/api/v1/"
UUID = "2f3a54e5-1111-4a4b-9c9d-0123456789ab"


def plan(
    kind: str, path: str, *, root: str = ROOT, expanded: bool = False, etags: bool = True
) -> Any:
    return plan_for(
        CachePolicy(),
        kind=kind,
        api_root=root,
        relative_path=path,
        query="",
        expanded=expanded,
        use_etags=etags,
    )


def test_only_what_can_be_kept_is_looked_up() -> None:
    assert plan("zaken", "zaken") is None  # a list: Open Zaak sends no ETag on lists
    assert plan("zaken", f"zaken/{UUID}/besluiten") is None
    assert plan("zaken", f"zaken/{UUID}", expanded=True) is None  # a 304 would hide changes
    assert plan("zaken", f"zaken/{UUID}", etags=False) is None
    assert plan("klantinteracties", f"partijen/{UUID}") is None  # Open Klant sends no ETags
    detail = plan("zaken", f"zaken/{UUID}")
    assert detail.revalidate
    assert detail.fresh_ttl is None
    listing = plan("catalogi", "statustypen", root=CAT)
    assert listing.fresh_ttl == 300
    assert not listing.revalidate


def test_a_collection_ttl_wins_over_its_kinds() -> None:
    policy = CachePolicy(fresh={"catalogi": 60, "catalogi/zaaktypen": 3600, "objecttypen": 900})
    assert policy.fresh_ttl("catalogi", f"zaaktypen/{UUID}") == 3600
    assert policy.fresh_ttl("catalogi", "statustypen") == 60
    assert policy.fresh_ttl("objecttypen", "objecttypes") == 900
    assert policy.fresh_ttl("zaken", "zaken") is None


@pytest.mark.parametrize("bad", [{"fresh": {"catalogi": 0}}, {"published": -1}, {"revalidate": 0}])
def test_a_policy_refuses_ttls_that_are_not_positive(bad: dict[str, Any]) -> None:
    with pytest.raises(ConfigurationError):
        CachePolicy(**bad)


def test_catalogi_follow_their_concept_flag() -> None:
    policy = CachePolicy(published=None)
    catalogi_detail = plan_for(
        policy,
        kind="catalogi",
        api_root=CAT,
        relative_path=f"zaaktypen/{UUID}",
        query="",
        expanded=False,
        use_etags=True,
    )
    assert catalogi_detail is not None
    published = entry_after_get(
        policy, catalogi_detail, body={"concept": False}, etag='"a"', generation="g", now=100.0
    )
    assert published is not None
    assert published[1] is None  # kept until evicted
    concept = entry_after_get(
        policy, catalogi_detail, body={"concept": True}, etag='"b"', generation="g", now=100.0
    )
    assert concept is not None
    entry, ttl = concept
    assert entry.fresh_until is None  # never served without asking ...
    assert entry.etag == '"b"'  # ... but revalidated
    assert ttl == policy.revalidate
    assert (
        entry_after_get(
            policy, catalogi_detail, body={"concept": True}, etag=None, generation="g", now=1
        )
        is None
    )


def test_an_entry_of_another_generation_or_format_is_stale() -> None:
    entry = CacheEntry(body={"a": 1}, etag='"x"', fresh_until=None, generation="g1").to_json()
    assert CacheEntry.from_json(entry, "g1") is not None
    assert CacheEntry.from_json(entry, "g2") is None  # a write happened since
    assert CacheEntry.from_json({**entry, "f": CACHE_FORMAT + 1}, "g1") is None
    assert CacheEntry.from_json("garbage", "g1") is None


def test_in_memory_cache_expires_and_reads_many() -> None:
    now = [0.0]
    cache = InMemoryCache(maxsize=2, clock=lambda: now[0])
    cache.set("a", 1, ttl=10)
    cache.set("b", 2)
    assert cache.get_many(["a", "b", "c"]) == [1, 2, None]
    now[0] = 11
    assert cache.get_many(["a", "b"]) == [None, 2]
    cache.set("c", 3)
    cache.set("d", 4)  # over maxsize: the least recently used goes
    assert cache.get_many(["b", "c", "d"]) == [None, 3, 4]


def test_an_outage_warns_once_leaves_redis_alone_and_notes_the_recovery(
    caplog: pytest.LogCaptureFixture,
) -> None:
    now = [0.0]
    outage = Outage(retry_after=30, clock=lambda: now[0])
    caplog.set_level(logging.INFO, logger="zgw_client.cache")
    outage.failed(ConnectionError("refused"), "cache:6379/0")
    assert not outage.usable()
    now[0] = 29
    assert not outage.usable()
    now[0] = 31
    assert outage.usable()  # one call may try again
    outage.failed(ConnectionError("refused"), "cache:6379/0")
    now[0] = 70
    outage.succeeded("cache:6379/0")
    assert not outage.down
    levels = [(r.levelname, r.getMessage().split(" (")[0]) for r in caplog.records]
    assert levels == [
        ("WARNING", "Redis cache at cache:6379/0 is unreachable"),
        ("INFO", "Redis cache at cache:6379/0 is reachable again; caching resumes."),
    ]
