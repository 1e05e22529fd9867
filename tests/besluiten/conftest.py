"""Fixtures for the Besluiten tests: recorded Open Zaak shapes over ``httpx.MockTransport``."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.catalogi.conftest import Routes, config


@pytest.fixture
def routes() -> Routes:
    return Routes()


@pytest.fixture
def api_client(make_client: Callable[..., Any], routes: Routes) -> Any:
    """A client of the current face whose requests go to ``routes``."""
    return make_client(routes, config())
