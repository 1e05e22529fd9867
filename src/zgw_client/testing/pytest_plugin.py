"""pytest fixtures for users of the SDK (registered through the ``pytest11`` entry point).

* ``zgw_backend``: a fresh :class:`InMemoryBackend` per test.
* ``zgw_served``: the same backend served on 127.0.0.1 for the duration of the test.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._backend import InMemoryBackend
from ._server import ServedBackend


@pytest.fixture
def zgw_backend() -> InMemoryBackend:
    """An empty in-memory ZGW backend on ``http://zgw.test``."""
    return InMemoryBackend()


@pytest.fixture
def zgw_served(zgw_backend: InMemoryBackend) -> Iterator[ServedBackend]:
    """``zgw_backend`` served over HTTP on a free loopback port."""
    with zgw_backend.serve() as served:
        yield served
