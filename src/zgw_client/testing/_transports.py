"""httpx transports onto a backend: the same ``backend.handle`` behind sync and async I/O.

Like httpcore, they report through the request's ``trace`` extension when a request has
been sent (here: handed to the backend), so clients that wait for it behave as on a socket.
"""

from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


#: The trace event for "the request has been sent", named like httpcore's
#: ``http11.send_request_body.complete``.
WRITTEN = "in_memory.send_request_body.complete"


class BackendTransport(httpx.BaseTransport):
    """Sync transport; every answer takes at least ``backend.latency`` seconds."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.read()
        arrived = time.monotonic()
        if (trace := request.extensions.get("trace")) is not None:
            trace(WRITTEN, {"request": request})
        response = self.backend.handle(request)
        self.backend.notifier.deliver_pending()
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
        if (trace := request.extensions.get("trace")) is not None:
            await trace(WRITTEN, {"request": request})
        response = self.backend.handle(request)
        await self.backend.notifier.deliver_pending_async()
        if (wait := self.backend.wait_left(arrived)) > 0:
            await asyncio.sleep(wait)
        return response
