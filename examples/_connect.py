"""Where the examples get their client: your services, or the in-memory demo.

With ``ZGW_<API>_API_ROOT`` variables set (``ZGW_ZAKEN_API_ROOT``, ``ZGW_CLIENT_ID``,
``ZGW_SECRET``, ``ZGW_OBJECTEN_TOKEN``, ...; see docs/configuration.md) the examples talk to
those services through ``ZGWClient.from_env()``. Without them they run against the in-memory
backend of ``zgw_client.testing``, seeded with the MijnDenHaag demo (``seed_demo``), so every
example runs with no configuration at all. ``EXAMPLE_BSN`` picks the citizen on your stack.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import httpx

from zgw_client import AsyncZGWClient, ZGWClient, ZGWConfig
from zgw_client.testing import DEMO_BSN, InMemoryBackend, config_for, seed_demo

BSN = os.environ.get("EXAMPLE_BSN", DEMO_BSN)
DEMO_NOTICE = "No ZGW_* variables set: running against the in-memory demo backend (seed_demo)."

EventHooks = dict[str, list[Callable[..., Any]]]


def _demo_backend(options: dict[str, Any]) -> InMemoryBackend | None:
    """None when ``ZGW_*_API_ROOT`` variables configure services, else the seeded demo."""
    if ZGWConfig.from_env().services:
        return None
    backend = InMemoryBackend(**options)
    seed_demo(backend)
    print(DEMO_NOTICE)
    return backend


@contextmanager
def connect(
    *, event_hooks: EventHooks | None = None, **backend_options: Any
) -> Iterator[ZGWClient]:
    """A sync client: ``ZGWClient.from_env()`` when configured, else on the seeded demo."""
    backend = _demo_backend(backend_options)
    if backend is None:
        http = httpx.Client(event_hooks=event_hooks)
        client = ZGWClient.from_env(http_client=http)
    else:
        http = httpx.Client(transport=backend.transport(), event_hooks=event_hooks)
        client = ZGWClient(config_for(backend), http_client=http)
    with http, client:
        yield client


@asynccontextmanager
async def connect_async(**backend_options: Any) -> AsyncIterator[AsyncZGWClient]:
    """An async client: ``AsyncZGWClient.from_env()`` when configured, else on the demo."""
    backend = _demo_backend(backend_options)
    if backend is None:
        http = httpx.AsyncClient()
        client = AsyncZGWClient.from_env(http_client=http)
    else:
        http = httpx.AsyncClient(transport=backend.async_transport())
        client = AsyncZGWClient(config_for(backend), http_client=http)
    async with http, client:
        yield client
