"""One overview over several Zaken backends (two Open Zaaks on two hosts), both faces."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.mijnzaken.conftest import TODAY
from zgw_client import AsyncZGWClient, ConfigurationError, ZGWClient, ZGWConfig
from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken
from zgw_client.testing import (
    DEMO_BSN,
    Fault,
    InMemoryBackend,
    async_mounts_for,
    config_for,
    mounts_for,
    seed_demo,
)


@pytest.fixture
def west() -> InMemoryBackend:
    backend = InMemoryBackend()
    seed_demo(backend, today=TODAY)
    return backend


@pytest.fixture
def oost() -> InMemoryBackend:
    backend = InMemoryBackend(base_url="http://oost.test")
    seed_demo(backend, today=TODAY)
    return backend


@pytest.fixture
async def two(face: str, west: InMemoryBackend, oost: InMemoryBackend) -> AsyncIterator[Any]:
    """A composer over the whole west backend plus the oost backend's ZGW APIs."""
    oost_zgw = {
        name: service
        for name, service in config_for(oost, name=lambda kind: f"{kind}_oost").services.items()
        if service.kind in ("zaken", "catalogi", "documenten", "besluiten")
    }
    config = ZGWConfig({**config_for(west).services, **oost_zgw})
    client: Any
    if face == "sync":
        client = ZGWClient(config, http_client=httpx.Client(mounts=mounts_for(west, oost)))
        yield MijnZaken(client, today=lambda: TODAY)
        client.close()
    else:
        http = httpx.AsyncClient(mounts=async_mounts_for(west, oost))
        client = AsyncZGWClient(config, http_client=http)
        yield AsyncMijnZaken(client, today=lambda: TODAY)
        await client.aclose()


def _hosts(summaries: list[Any]) -> set[str]:
    return {s.url.split("/")[2] for s in summaries}


async def test_the_overview_shows_the_zaken_of_both_backends(two: Any) -> None:
    overview = await resolve(two.overview(bsn=DEMO_BSN, details=True))

    assert overview.complete, overview.missing
    summaries = [*overview.lopende_zaken, *overview.afgeronde_zaken]
    assert len(summaries) == 8  # the demo citizen's four zaken on each
    assert _hosts(summaries) == {"zgw.test", "oost.test"}
    assert {s.source for s in summaries} == {"zaken", "zaken_oost"}
    assert all(s.source == ("zaken_oost" if "oost" in s.url else "zaken") for s in summaries)
    assert all(s.zaaktype and s.status for s in summaries)  # each from its own catalogus
    assert overview.details is not None
    for detail in overview.details:
        host = detail.zaak.url.split("/")[2]
        assert all(d.url.split("/")[2] == host for d in detail.documenten)
        assert all(b.url.split("/")[2] == host for b in detail.besluiten)
    assert any(detail.documenten for detail in overview.details if "oost" in detail.zaak.url)


async def test_a_failing_backend_is_missing_and_the_other_still_shown(
    two: Any, oost: InMemoryBackend
) -> None:
    oost.faults.add(Fault(503, path_contains="/zaken/api/v1/zaken", times=50))

    overview = await resolve(two.overview(bsn=DEMO_BSN))

    assert not overview.complete
    # The zaken and the rollen are both searches on that Zaken API: both are missing.
    assert sorted(m.part for m in overview.missing) == [
        "zaken (rollen, zaken_oost)",
        "zaken (zaken_oost)",
    ]
    summaries = [*overview.lopende_zaken, *overview.afgeronde_zaken]
    assert len(summaries) == 4
    assert _hosts(summaries) == {"zgw.test"}
    assert overview.model_dump()["complete"] is False


async def test_a_zaak_detail_on_the_second_backend(two: Any, oost: InMemoryBackend) -> None:
    overview = await resolve(two.overview(bsn=DEMO_BSN))
    oost_zaak = next(s for s in overview.lopende_zaken if s.source == "zaken_oost")
    oost.reset_log()

    detail = await resolve(two.zaak_detail(oost_zaak.url, bsn=DEMO_BSN))

    assert detail.zaak.url == oost_zaak.url
    assert detail.zaak.source == "zaken_oost"
    assert detail.steps
    assert oost.requests_matching(contains="/zaken/api/v1/statussen")


def test_an_overview_that_cannot_work_fails_at_construction(west: InMemoryBackend) -> None:
    config = ZGWConfig({k: v for k, v in config_for(west).services.items() if k != "catalogi"})
    with pytest.raises(ConfigurationError, match="needs a catalogi service"):
        MijnZaken(ZGWClient(config, http_client=httpx.Client(transport=west.transport())))
