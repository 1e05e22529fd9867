"""httpx transports onto a backend: the same ``backend.handle`` behind sync and async I/O."""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


class BackendTransport(httpx.BaseTransport):
    """Sync transport; every answer takes at least ``backend.latency`` seconds."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        arrived = time.monotonic()
        response = self.backend.handle(request)
        if (wait := self.backend.wait_left(arrived)) > 0:
            time.sleep(wait)
        return response


class AsyncBackendTransport(httpx.AsyncBaseTransport):
    """Async transport; the latency is awaited, so concurrent requests overlap like real ones."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        await request.aread()
        arrived = time.monotonic()
        response = self.backend.handle(request)
        if (wait := self.backend.wait_left(arrived)) > 0:
            await asyncio.sleep(wait)
        return response
