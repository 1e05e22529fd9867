"""Clients wired to an [`InMemoryBackend`][zgw_client.testing.InMemoryBackend]: the configuration
and the transports."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from .._async.client import AsyncZGWClient
from .._config import RetryPolicy, Service, TokenCredentials, ZGWConfig, ZGWCredentials
from .._sync.client import ZGWClient
from ._backend import InMemoryBackend

__all__ = ["async_client_for", "async_mounts_for", "client_for", "config_for", "mounts_for"]

#: Retries without waiting, so that tests of faults stay fast.
FAST_RETRIES = RetryPolicy(max_attempts=3, backoff_initial=0, backoff_max=0)


def config_for(
    backend: InMemoryBackend,
    *,
    base_url: str | None = None,
    retry: RetryPolicy = FAST_RETRIES,
    name: Callable[[str], str] | None = None,
) -> ZGWConfig:
    """Services for every API of ``backend``, with the credentials it accepts.

    Args:
        backend: the backend.
        base_url: where it is reached, when served (``served.url``); default its own origin.
        retry: the retry policy of every service.
        name: the service name for each kind (default: the kind), e.g.
            ``lambda kind: f"{kind}_oost"`` for a second backend beside the first.

    Example:
        Two municipalities' backends in one client:

        ```python
        west, oost = InMemoryBackend(), InMemoryBackend(base_url="http://oost.test")
        config = ZGWConfig({
            **config_for(west).services,
            **config_for(oost, name=lambda kind: f"{kind}_oost").services,
        })
        client = ZGWClient(config, http_client=httpx.Client(mounts=mounts_for(west, oost)))
        ```
    """
    jwt = ZGWCredentials(backend.jwt_client_id, backend.jwt_secret, user_id="tester")
    token = TokenCredentials(backend.token)
    services = {}
    for api, root in backend.api_roots.items():
        if base_url is not None:
            root = base_url.rstrip("/") + httpx.URL(root).path
        scheme = backend.apis[api].auth
        credentials = jwt if scheme == "jwt" else token if scheme == "token" else None
        kind = backend.apis[api].name
        services[name(kind) if name else kind] = Service(
            root,
            credentials,
            retry=retry,
            kind=kind,  # type: ignore[arg-type]
        )
    return ZGWConfig(services)


def mounts_for(*backends: InMemoryBackend) -> dict[str, httpx.BaseTransport]:
    """``httpx.Client(mounts=...)`` onto several backends, each on its own origin."""
    return {backend.base_url: backend.transport() for backend in backends}


def async_mounts_for(*backends: InMemoryBackend) -> dict[str, httpx.AsyncBaseTransport]:
    """``httpx.AsyncClient(mounts=...)`` onto several backends, each on its own origin."""
    return {backend.base_url: backend.async_transport() for backend in backends}


def client_for(backend: InMemoryBackend, *, retry: RetryPolicy = FAST_RETRIES) -> ZGWClient:
    """A sync client whose requests go to ``backend`` in memory."""
    http = httpx.Client(transport=backend.transport())
    return ZGWClient(config_for(backend, retry=retry), http_client=http)


def async_client_for(
    backend: InMemoryBackend, *, retry: RetryPolicy = FAST_RETRIES
) -> AsyncZGWClient:
    """An async client whose requests go to ``backend`` in memory."""
    http = httpx.AsyncClient(transport=backend.async_transport())
    return AsyncZGWClient(config_for(backend, retry=retry), http_client=http)
