"""Injected faults: what goes wrong between a client and a flaky server.

A [`Fault`][zgw_client.testing.Fault] fires on the next ``times`` requests that match it (method,
substring of the URL). Faults are checked before authentication, as a proxy or a crashing worker
would fail before the application sees the request.

Kinds:

* ``status``: a problem response with ``status`` (and ``Retry-After`` if given); the request
  is not processed.
* ``reset``: the connection fails before the request reaches the server (httpx.ConnectError).
* ``disconnect``: the server drops the connection after receiving the request
  (httpx.RemoteProtocolError); the request *may* have been processed - it is not here.
* ``timeout``: no answer in time (httpx.ReadTimeout); served mode hangs ``hang_seconds``.
* ``truncated``: the request is processed, and the JSON body is cut in half.
* ``html``: a proxy error page, ``text/html``, status 502 unless ``status`` says otherwise.
"""

from __future__ import annotations

import threading
from dataclasses import KW_ONLY, dataclass, field
from typing import Literal

FaultKind = Literal["status", "reset", "disconnect", "timeout", "truncated", "html"]


@dataclass
class Fault:
    """One planned failure; see the module docstring for the kinds."""

    status: int | None = None
    _: KW_ONLY
    kind: FaultKind = "status"
    retry_after: str | None = None
    times: int = 1
    method: str | None = None
    path_contains: str | None = None
    hang_seconds: float = 30.0
    fired: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        if self.kind == "status" and self.status is None:
            raise ValueError("Fault(kind='status') needs a status code")
        if self.times < 1:
            raise ValueError("Fault.times must be at least 1")

    @property
    def exhausted(self) -> bool:
        return self.fired >= self.times

    def matches(self, method: str, url: str) -> bool:
        if self.method is not None and self.method.upper() != method.upper():
            return False
        return self.path_contains is None or self.path_contains in url


class FaultSet:
    """The planned faults of one backend, consumed in the order they were added."""

    def __init__(self) -> None:
        self._faults: list[Fault] = []
        self._lock = threading.Lock()

    def add(self, fault: Fault) -> Fault:
        """Plan ``fault``; returns it so a test can look at ``fired`` afterwards."""
        with self._lock:
            self._faults.append(fault)
        return fault

    def clear(self) -> None:
        with self._lock:
            self._faults.clear()

    @property
    def pending(self) -> list[Fault]:
        """The faults that have not fired all their times yet."""
        with self._lock:
            return [f for f in self._faults if not f.exhausted]

    def __len__(self) -> int:
        return len(self.pending)

    def take(self, method: str, url: str) -> Fault | None:
        """The first pending fault matching the request, counted as fired."""
        with self._lock:
            for fault in self._faults:
                if not fault.exhausted and fault.matches(method, url):
                    fault.fired += 1
                    return fault
        return None
