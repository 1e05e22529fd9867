"""When the composer's requests start, and how many run at once (both faces, real
transports; the plan's order without any I/O is tested in test_plan.py).

The transports here wrap the in-memory backend: one holds a request back until another has
arrived (a composer that waited for the first would hang until the gate gives up), one
counts the requests in flight.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import time
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.mijnzaken.conftest import BSN, TODAY, Seeder
from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken, Policy
from zgw_client.mijnzaken._plan import _catalogi_refs
from zgw_client.testing import DEMO_BSN, InMemoryBackend, config_for
from zgw_client.testing.demo import DemoScenario

GATE_SECONDS = 5.0
#: The rollen list of the subject: ``POST zaken/_zoek`` (the BSN stays out of the URL),
#: told apart from the zaken search by its query.
ROLLEN_LIST = "/zaken/api/v1/zaken/_zoek?expand=rollen"


class Gate:
    """Holds requests matching ``held`` until a request matching ``opener`` has come in."""

    def __init__(self, held: str, opener: str) -> None:
        self.held = held
        self.opener = opener
        self.opened_in_time: list[bool] = []


class SyncGateTransport(httpx.BaseTransport):
    def __init__(self, backend: InMemoryBackend, gate: Gate) -> None:
        self.inner = backend.transport()
        self.gate = gate
        self.event = threading.Event()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url.raw_path.decode("ascii")
        if self.gate.opener in url:
            self.event.set()
        if self.gate.held in url:
            self.gate.opened_in_time.append(self.event.wait(GATE_SECONDS))
        return self.inner.handle_request(request)


class AsyncGateTransport(httpx.AsyncBaseTransport):
    def __init__(self, backend: InMemoryBackend, gate: Gate) -> None:
        self.inner = backend.async_transport()
        self.gate = gate
        self.event = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url.raw_path.decode("ascii")
        if self.gate.opener in url:
            self.event.set()
        if self.gate.held in url:
            try:
                await asyncio.wait_for(self.event.wait(), GATE_SECONDS)
                self.gate.opened_in_time.append(True)
            except asyncio.TimeoutError:
                self.gate.opened_in_time.append(False)
        return await self.inner.handle_async_request(request)


class InFlight:
    """Counts requests in flight; each takes ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.now = 0
        self.most = 0
        self.total = 0
        self.lock = threading.Lock()

    def enter(self) -> None:
        with self.lock:
            self.now += 1
            self.total += 1
            self.most = max(self.most, self.now)

    def leave(self) -> None:
        with self.lock:
            self.now -= 1


class SyncCountingTransport(httpx.BaseTransport):
    def __init__(self, backend: InMemoryBackend, counter: InFlight) -> None:
        self.inner = backend.transport()
        self.counter = counter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.counter.enter()
        try:
            time.sleep(self.counter.seconds)
            return self.inner.handle_request(request)
        finally:
            self.counter.leave()


class AsyncCountingTransport(httpx.AsyncBaseTransport):
    def __init__(self, backend: InMemoryBackend, counter: InFlight) -> None:
        self.inner = backend.async_transport()
        self.counter = counter

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.counter.enter()
        try:
            await asyncio.sleep(self.counter.seconds)
            return await self.inner.handle_async_request(request)
        finally:
            self.counter.leave()


@pytest.fixture
def composer_on(face: str) -> Any:
    """``composer_on(backend, sync_transport, async_transport, policy)``: a composer of the
    current face whose client sends through the given transport."""
    made: list[Any] = []

    def build(
        backend: InMemoryBackend,
        sync_transport: Callable[[], httpx.BaseTransport],
        async_transport: Callable[[], httpx.AsyncBaseTransport],
        policy: Policy | None = None,
    ) -> Any:
        config = config_for(backend)
        if face == "sync":
            client: Any = ZGWClient(config, http_client=httpx.Client(transport=sync_transport()))
            made.append(client)
            return MijnZaken(client, policy, today=lambda: TODAY)
        http = httpx.AsyncClient(transport=async_transport())
        client = AsyncZGWClient(config, http_client=http)
        made.append(client)
        return AsyncMijnZaken(client, policy, today=lambda: TODAY)

    yield build
    for client in made:
        if isinstance(client, ZGWClient):
            client.close()


@pytest.mark.parametrize("details", [False, True], ids=["overview", "details"])
async def test_catalogi_do_not_wait_for_the_rollen(
    composer_on: Any, backend: InMemoryBackend, demo: DemoScenario, details: bool
) -> None:
    """The statustypen are asked as soon as the zaken are in, while the rollen (which decide
    what is shown) are still on their way: one round trip less on a cold cache."""
    gate = Gate(held=ROLLEN_LIST, opener="/catalogi/api/v1/statustypen")
    mz = composer_on(
        backend,
        lambda: SyncGateTransport(backend, gate),
        lambda: AsyncGateTransport(backend, gate),
    )

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=details))

    assert gate.opened_in_time == [True]
    assert overview.complete
    assert len(overview.lopende_zaken) + len(overview.afgeronde_zaken) == 4


@pytest.mark.parametrize("details", [False, True], ids=["overview", "details"])
async def test_requests_in_flight_stay_within_the_policy(
    composer_on: Any, backend: InMemoryBackend, demo: DemoScenario, details: bool
) -> None:
    """The bound holds for the whole composition, also where a part that is itself running
    beside others starts more requests (the catalogi when the zaken arrive)."""
    counter = InFlight(seconds=0.01)
    mz = composer_on(
        backend,
        lambda: SyncCountingTransport(backend, counter),
        lambda: AsyncCountingTransport(backend, counter),
        Policy(concurrency=3),
    )

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=details))

    assert overview.complete
    assert counter.total > 6
    assert 2 <= counter.most <= 3


async def test_types_are_asked_once_each(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    """Besluittypen come in one list per zaaktype; the documents' informatieobjecttypen are
    asked once per distinct type (not embedded: Open Zaak's expand costs 20 ms per document)."""
    backend.reset_log()

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=True))

    assert overview.details is not None
    documents = [d for detail in overview.details for d in detail.documenten]
    besluiten = [b for detail in overview.details for b in detail.besluiten]
    assert len(documents) > len({d.type for d in documents})  # types are shared
    assert documents
    assert all(d.type for d in documents)
    assert besluiten
    assert all(b.besluittype for b in besluiten)
    assert backend.requests_matching("GET", "/catalogi/api/v1/besluittypen/") == []
    iotype_gets = backend.requests_matching("GET", "/catalogi/api/v1/informatieobjecttypen/")
    assert 0 < len(iotype_gets) == len(set(iotype_gets))
    assert not any("expand=informatieobjecttype" in u for _, u in backend.request_log)


async def test_a_besluittype_outside_the_zaaktype_is_still_named(
    mz: Any, seeder: Seeder, backend: InMemoryBackend
) -> None:
    """A besluit whose type the zaaktype does not list (another catalogus, say) gets its
    type fetched on its own; the zaaktype's own besluittypen come in one list."""
    zaaktype = seeder.zaaktype()
    zaak = seeder.zaak(zaaktype)

    def besluittype(omschrijving: str, zaaktypen: list[str]) -> str:
        body = {
            "catalogus": seeder.catalogus,
            "omschrijving": omschrijving,
            "zaaktypen": zaaktypen,
            "concept": False,
        }
        return str(backend.add("catalogi", "besluittypen", body)["url"])

    listed = besluittype("Besluit op aanvraag", [zaaktype.url])
    outside = besluittype("Los besluit", [])
    for type_url, datum in ((listed, TODAY), (outside, TODAY - dt.timedelta(days=1))):
        backend.add(
            "besluiten",
            "besluiten",
            {
                "verantwoordelijkeOrganisatie": "002220647",
                "besluittype": type_url,
                "zaak": zaak,
                "datum": datum.isoformat(),
                "ingangsdatum": datum.isoformat(),
            },
        )
    backend.reset_log()

    overview = await resolve(mz.overview(bsn=BSN, details=True))

    assert overview.details is not None
    [detail] = overview.details
    assert sorted(b.besluittype or "" for b in detail.besluiten) == [
        "Besluit op aanvraag",
        "Los besluit",
    ]
    assert backend.requests_matching("GET", "/catalogi/api/v1/besluittypen?zaaktypen=")
    assert backend.requests_matching("GET", outside) == [outside]
    assert backend.requests_matching("GET", listed) == []


def test_catalogi_refs_are_read_from_the_zaken_as_sent() -> None:
    items: list[Any] = [
        {"zaaktype": "A", "_expand": {"resultaat": {"resultaattype": "R"}}},
        {"zaaktype": "B", "_expand": {"zaaktype": {"url": "B"}}},  # embedded: not asked
        {"zaaktype": None, "_expand": {"resultaat": {"resultaattype": None}}},
        "not a zaak",
        {"zaaktype": "A", "_expand": None},
    ]
    assert _catalogi_refs(items) == (["A", "A"], ["R"])
