"""httpx transports onto a backend: the same ``backend.handle`` behind sync and async I/O."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


class BackendTransport(httpx.BaseTransport):
    """Sync transport; ``backend.latency`` is slept per request."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        if self.backend.latency > 0:
            time.sleep(self.backend.latency)
        return self.backend.handle(request)


class AsyncBackendTransport(httpx.AsyncBaseTransport):
    """Async transport; latency is awaited, so concurrent requests overlap like real ones."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        if self.backend.latency > 0:
            await asyncio.sleep(self.backend.latency)
        return self.backend.handle(request)
