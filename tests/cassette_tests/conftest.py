"""Replay (and, on request, record) the cassettes in ``cassettes/``.

By default every test replays its cassette with ``record_mode="none"``: no server is
needed and a request that is not in the cassette fails the test. The client is configured
with the recorded API roots and dummy credentials (the cassettes hold none).

To record a cassette again, delete its file and run with the live servers configured
(the variables of ``tests/live/conftest.py``) and ``ZGW_RECORD=1``::

    rm cassettes/zaken.yaml
    ZGW_LIVE=1 ZGW_RECORD=1 ZGW_...=... .venv/bin/pytest tests/cassette_tests

Recording uses ``record_mode="once"``; credentials, JWTs and BSNs other than the test BSNs
are scrubbed before anything is written (``scrub.py``).

Matching is on method, scheme, host, port, path and query, never on headers (each run mints
a new JWT) nor on bodies (they carry today's date). Identical requests are answered in the
recorded order, and every recorded exchange must be played.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
import vcr
from vcr.cassette import Cassette

from zgw_client import (
    AsyncZGWClient,
    Service,
    TokenCredentials,
    ZGWClient,
    ZGWConfig,
    ZGWCredentials,
)

from . import flows, scrub

CASSETTES = Path(__file__).resolve().parents[2] / "cassettes"
RECORDING = os.environ.get("ZGW_RECORD") == "1" and os.environ.get("ZGW_LIVE") == "1"

MATCH_ON = ["method", "scheme", "host", "port", "path", "query"]


def make_vcr() -> vcr.VCR:
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES),
        record_mode="once" if RECORDING else "none",
        match_on=MATCH_ON,
        filter_headers=["authorization"],
        before_record_request=scrub.before_record_request,
        before_record_response=scrub.before_record_response,
        decode_compressed_response=True,
        record_on_exception=False,  # a failed recording leaves no half cassette behind
    )


def replay_config() -> ZGWConfig:
    """The recorded API roots with credentials that are obviously not real."""
    jwt = ZGWCredentials("replay-client", "replay-secret-not-a-real-one-0123456789")
    token = TokenCredentials("replay-token-not-a-real-one")
    services = {
        name: Service(root, token if name in ("klantinteracties", "objecten") else jwt)
        for name, root in flows.ROOTS.items()
    }
    return ZGWConfig(services)


def config() -> ZGWConfig:
    """The cassettes were recorded with BSN filters in the query string (before
    ``bsn_filters``), so they replay that way; the ``_zoek`` path is covered by
    tests/integration and tests/live."""
    found = ZGWConfig.from_env() if RECORDING else replay_config()
    return ZGWConfig(
        {name: replace(service, bsn_filters="query") for name, service in found.services.items()}
    )


@pytest.fixture
def cassette(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Use the cassette named by ``@pytest.mark.cassette("name")``; check it was all played."""
    marker = request.node.get_closest_marker("cassette")
    assert marker is not None, "mark the test with @pytest.mark.cassette('<name>')"
    name = f"{marker.args[0]}.yaml"
    if not RECORDING and not (CASSETTES / name).is_file():
        pytest.fail(
            f"cassettes/{name} is missing: record it (see tests/cassette_tests/conftest.py)"
        )
    with make_vcr().use_cassette(name) as used:
        yield used
        if not RECORDING:
            assert_all_played(used)


def assert_all_played(used: Cassette) -> None:
    unplayed = [
        f"{r.method} {r.uri}" for i, r in enumerate(used.requests) if used.play_counts[i] == 0
    ]
    assert not unplayed, "recorded but not requested again:\n" + "\n".join(unplayed)


@pytest.fixture
def client(cassette: Any) -> Iterator[ZGWClient]:
    with ZGWClient(config()) as made:
        yield made


@pytest_asyncio.fixture
async def async_client(cassette: Any) -> Any:
    async with AsyncZGWClient(config()) as made:
        yield made


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cassette(name): the cassette in cassettes/ to replay")
