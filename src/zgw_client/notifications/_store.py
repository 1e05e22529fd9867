"""Remembering which handler has handled which message, so a redelivery runs nothing twice.

Open Notificaties delivers at least once: a delivery whose 2xx got lost, or that took longer
than its 10 s timeout, is sent again; two abonnementen that both match send the same message
twice. The receiver keeps, per message and handler, one key in a `DeliveryStore`:

* `add_if_absent(key, "processing", lease)` claims the work; only one worker wins;
* `set(key, "done", remember_for)` once the handler succeeded;
* `delete(key)` when it failed, so the next delivery runs it again.

Those four operations are what a Django cache (`add`/`get`/`set`/`delete`) and Redis
(`SET NX EX`/`GET`/`SET EX`/`DEL`) offer, so a store shared by all workers is a few lines
(see the guide, and [`CacheDeliveryStore`][zgw_client.notifications.django.CacheDeliveryStore]).
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol, runtime_checkable

__all__ = ["AsyncDeliveryStore", "DeliveryStore", "InMemoryDeliveryStore"]

#: A full store looks for expired keys at most this often (seconds); in between it drops the
#: oldest, so that a put never costs a scan of every key.
_PURGE_INTERVAL = 60.0


@runtime_checkable
class DeliveryStore(Protocol):
    """A key-value store with expiry, shared by every worker that receives notifications.

    Keys are short ASCII strings; values are ``"processing"`` or ``"done"``; `ttl` is in
    seconds. `add_if_absent` must be atomic: of two concurrent calls, one returns `True`.
    """

    def add_if_absent(self, key: str, value: str, ttl: float) -> bool:
        """Store `value` under `key` unless the key is present; `True` if stored."""
        ...

    def get(self, key: str) -> str | None:
        """The value under `key`, `None` if absent or expired."""
        ...

    def set(self, key: str, value: str, ttl: float) -> None:
        """Store `value` under `key`, replacing what was there."""
        ...

    def delete(self, key: str) -> None:
        """Remove `key` (no error if absent)."""
        ...


@runtime_checkable
class AsyncDeliveryStore(Protocol):
    """The same four operations as coroutines, for an async app (e.g. `redis.asyncio`).

    Only [`receive_async`][zgw_client.notifications.NotificationReceiver.receive_async] and
    `dispatch_async` can use it.
    """

    async def add_if_absent(self, key: str, value: str, ttl: float) -> bool:
        """Store `value` under `key` unless the key is present; `True` if stored."""
        ...

    async def get(self, key: str) -> str | None:
        """The value under `key`, `None` if absent or expired."""
        ...

    async def set(self, key: str, value: str, ttl: float) -> None:
        """Store `value` under `key`, replacing what was there."""
        ...

    async def delete(self, key: str) -> None:
        """Remove `key` (no error if absent)."""
        ...


class InMemoryDeliveryStore:
    """The default store: a thread-safe dict with expiry, for one process.

    Enough for a single worker. With several workers (gunicorn, uvicorn `--workers`, more
    pods), each has its own memory, so a redelivery that reaches another worker runs the
    handlers again: use a shared store there. At most `maxsize` keys are kept; past that
    the oldest go first.

    Both faces can use it: its operations never block.
    """

    def __init__(self, *, maxsize: int = 100_000, clock: Callable[[], float] = time.monotonic):
        self._maxsize = maxsize
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self._purged_at = clock()

    def __repr__(self) -> str:
        return f"InMemoryDeliveryStore(<{len(self._entries)} keys>, maxsize={self._maxsize})"

    def __len__(self) -> int:
        with self._lock:
            self._purge_expired()
            return len(self._entries)

    def add_if_absent(self, key: str, value: str, ttl: float) -> bool:
        with self._lock:
            if self._live(key) is not None:
                return False
            self._put(key, value, ttl)
            return True

    def get(self, key: str) -> str | None:
        with self._lock:
            return self._live(key)

    def set(self, key: str, value: str, ttl: float) -> None:
        with self._lock:
            self._put(key, value, ttl)

    def delete(self, key: str) -> None:
        with self._lock:
            self._entries.pop(key, None)

    def _live(self, key: str) -> str | None:
        entry = self._entries.get(key)
        if entry is None:
            return None
        if entry[1] <= self._clock():
            del self._entries[key]
            return None
        return entry[0]

    def _put(self, key: str, value: str, ttl: float) -> None:
        self._entries[key] = (value, self._clock() + ttl)
        self._entries.move_to_end(key)
        if len(self._entries) > self._maxsize:
            if self._clock() - self._purged_at >= _PURGE_INTERVAL:
                self._purge_expired()
            while len(self._entries) > self._maxsize:
                self._entries.popitem(last=False)

    def _purge_expired(self) -> None:
        now = self._purged_at = self._clock()
        for key in [k for k, (_, expires) in self._entries.items() if expires <= now]:
            del self._entries[key]
