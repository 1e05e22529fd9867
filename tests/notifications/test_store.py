"""The in-memory delivery store: claim once, expiry, a bounded size, and thread safety."""

from __future__ import annotations

import threading

from zgw_client.notifications import DeliveryStore, InMemoryDeliveryStore


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_add_if_absent_claims_once_until_the_key_expires() -> None:
    clock = Clock()
    store = InMemoryDeliveryStore(clock=clock)
    assert store.add_if_absent("k", "processing", 10)
    assert not store.add_if_absent("k", "processing", 10)
    assert store.get("k") == "processing"
    clock.now += 10
    assert store.get("k") is None
    assert store.add_if_absent("k", "processing", 10)


def test_set_replaces_and_extends_delete_removes() -> None:
    clock = Clock()
    store = InMemoryDeliveryStore(clock=clock)
    store.add_if_absent("k", "processing", 1)
    store.set("k", "done", 100)
    clock.now += 50
    assert store.get("k") == "done"
    store.delete("k")
    store.delete("k")  # absent: no error
    assert store.get("k") is None


def test_the_oldest_keys_go_first_past_maxsize() -> None:
    store = InMemoryDeliveryStore(maxsize=3, clock=Clock())
    for key in "abcd":
        store.set(key, "done", 100)
    assert len(store) == 3
    assert store.get("a") is None
    assert store.get("d") == "done"


def test_expired_keys_make_room_before_live_ones_are_dropped() -> None:
    clock = Clock()
    store = InMemoryDeliveryStore(maxsize=2, clock=clock)
    store.set("short", "processing", 1)
    store.set("long", "done", 1000)
    clock.now += 100  # past the purge interval and the short key's ttl
    store.set("new", "done", 1000)
    assert store.get("long") == "done"
    assert store.get("new") == "done"


def test_of_many_threads_one_claims() -> None:
    store = InMemoryDeliveryStore()
    barrier = threading.Barrier(16)
    wins: list[bool] = []

    def claim() -> None:
        barrier.wait()
        wins.append(store.add_if_absent("k", "processing", 60))

    threads = [threading.Thread(target=claim) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wins.count(True) == 1


def test_it_is_a_delivery_store() -> None:
    assert isinstance(InMemoryDeliveryStore(), DeliveryStore)
