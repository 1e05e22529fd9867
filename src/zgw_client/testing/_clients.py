"""Clients wired to an :class:`InMemoryBackend`: the configuration and the transports."""

from __future__ import annotations

import httpx

from .._async.client import AsyncZGWClient
from .._config import RetryPolicy, Service, TokenCredentials, ZGWConfig, ZGWCredentials
from .._sync.client import ZGWClient
from ._backend import InMemoryBackend

__all__ = ["async_client_for", "client_for", "config_for"]

#: Retries without waiting, so that tests of faults stay fast.
FAST_RETRIES = RetryPolicy(max_attempts=3, backoff_initial=0, backoff_max=0)


def config_for(
    backend: InMemoryBackend,
    *,
    base_url: str | None = None,
    retry: RetryPolicy = FAST_RETRIES,
) -> ZGWConfig:
    """Services for every API of ``backend``, with the credentials it accepts.

    Args:
        backend: the backend.
        base_url: where it is reached, when served (``served.url``); default its own origin.
        retry: the retry policy of every service.
    """
    jwt = ZGWCredentials(backend.jwt_client_id, backend.jwt_secret, user_id="tester")
    token = TokenCredentials(backend.token)
    services = {}
    for name, root in backend.api_roots.items():
        if base_url is not None:
            root = base_url.rstrip("/") + httpx.URL(root).path
        scheme = backend.apis[name].auth
        credentials = jwt if scheme == "jwt" else token if scheme == "token" else None
        services[name] = Service(root, credentials, retry=retry)
    return ZGWConfig(services)


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
