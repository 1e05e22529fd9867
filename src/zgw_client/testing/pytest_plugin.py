"""pytest fixtures for users of the SDK (registered through the ``pytest11`` entry point).

* ``zgw_backend``: a fresh [`InMemoryBackend`][zgw_client.testing.InMemoryBackend] per test.
* ``zgw_served``: the same backend served on 127.0.0.1 for the duration of the test.
* ``zgw_client`` / ``zgw_async_client``: a client of each face wired to ``zgw_backend``.

Seed the backend in your test (``zgw_backend.add(...)`` or ``seed_demo(zgw_backend)``) and
use the client as you would against Open Zaak::

    def test_my_portal(zgw_backend, zgw_client):
        zgw_backend.add("zaken", "zaken", {...})
        assert my_portal.count_zaken(zgw_client) == 1

pytest loads this module in every project where zgw-client is installed, also in projects
that never use it: it imports only pytest here, and the backend and the clients when a
fixture first runs (see the testing guide for the measured cost).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from .._async.client import AsyncZGWClient
    from .._sync.client import ZGWClient
    from ._backend import InMemoryBackend
    from ._server import ServedBackend

try:  # pytest-asyncio's own decorator works in its strict mode too; pytest has loaded it
    from pytest_asyncio import fixture as _async_fixture
except ImportError:  # pragma: no cover - without pytest-asyncio there is no async test
    _async_fixture = pytest.fixture  # type: ignore[assignment]


@pytest.fixture
def zgw_backend() -> InMemoryBackend:
    """An empty in-memory ZGW backend on ``http://zgw.test``."""
    from ._backend import InMemoryBackend

    return InMemoryBackend()


@pytest.fixture
def zgw_served(zgw_backend: InMemoryBackend) -> Iterator[ServedBackend]:
    """``zgw_backend`` served over HTTP on a free loopback port."""
    with zgw_backend.serve() as served:
        yield served


@pytest.fixture
def zgw_client(zgw_backend: InMemoryBackend) -> Iterator[ZGWClient]:
    """A sync [`ZGWClient`][zgw_client.ZGWClient] talking to ``zgw_backend`` in memory."""
    from ._clients import client_for

    with client_for(zgw_backend) as client:
        yield client


@_async_fixture
async def zgw_async_client(zgw_backend: InMemoryBackend) -> AsyncIterator[AsyncZGWClient]:
    """An [`AsyncZGWClient`][zgw_client.AsyncZGWClient] talking to ``zgw_backend`` in memory."""
    from ._clients import async_client_for

    async with async_client_for(zgw_backend) as client:
        yield client
