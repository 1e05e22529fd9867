"""Keep the BSN out of URLs: every request the client sends is inspected, on both faces.

A BSN in a query string lands in every access and proxy log on the way; lists filtered on
a BSN go in the body of ``POST zaken/_zoek`` / ``POST objects/search`` instead.
Klantinteracties has no such search: what still goes in a URL is listed in the docs and
asserted here too, so that a change shows.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from zgw_client import AsyncZGWClient, InputError, ZGWClient, ZGWConfig
from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken
from zgw_client.testing import Fault, InMemoryBackend, config_for
from zgw_client.testing.demo import DEMO_BSN, seed_demo


class Sent:
    """Every request that left the client: method, URL and JSON body."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, Any]] = []

    def hook(self, request: httpx.Request) -> None:
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, str(request.url), body))

    async def ahook(self, request: httpx.Request) -> None:
        self.hook(request)

    def urls_with(self, value: str) -> list[str]:
        return [url for _, url, _ in self.requests if value in url]

    def bodies_with(self, value: str) -> list[tuple[str, Any]]:
        return [(url, body) for _, url, body in self.requests if value in json.dumps(body)]


@pytest.fixture
def backend() -> InMemoryBackend:
    backend = InMemoryBackend()
    seed_demo(backend)
    return backend


@pytest.fixture
async def portal(face: str, backend: InMemoryBackend) -> AsyncIterator[Callable[..., Any]]:
    """``portal(bsn_filters=...)``: a client of the face and what it sent."""
    made: list[Any] = []

    def build(**modes: str) -> tuple[Any, Sent]:
        config = config_for(backend)
        services = {
            name: replace(service, bsn_filters=modes.get(name, "auto"))  # type: ignore[arg-type]
            for name, service in config.services.items()
        }
        sent = Sent()
        client: Any
        if face == "sync":
            http: Any = httpx.Client(
                transport=backend.transport(), event_hooks={"request": [sent.hook]}
            )
            client = ZGWClient(ZGWConfig(services), http_client=http)
        else:
            http = httpx.AsyncClient(
                transport=backend.async_transport(), event_hooks={"request": [sent.ahook]}
            )
            client = AsyncZGWClient(ZGWConfig(services), http_client=http)
        made.append((client, http))
        return client, sent

    yield build
    for client, http in made:
        await resolve(client.aclose() if isinstance(client, AsyncZGWClient) else client.close())
        await resolve(http.aclose() if isinstance(http, httpx.AsyncClient) else http.close())


def composer(client: Any) -> Any:
    return AsyncMijnZaken(client) if isinstance(client, AsyncZGWClient) else MijnZaken(client)


BSN_FILTER = "rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn"


async def test_a_bsn_filtered_zaken_list_sends_no_bsn_in_any_url(portal: Any) -> None:
    client, sent = portal()
    zaken = await resolve(client.zaken.zaken.list(page_size=2, **{BSN_FILTER: DEMO_BSN}).to_list())
    assert len(zaken) > 2  # several pages, each a POST with the same body
    assert sent.urls_with(DEMO_BSN) == []
    assert {m for m, _, _ in sent.requests} == {"POST"}
    assert all(
        url.split("?")[0].endswith("/zaken/api/v1/zaken/_zoek") for _, url, _ in sent.requests
    )
    key = "rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn"
    assert all(body == {key: DEMO_BSN} for _, _, body in sent.requests)


async def test_the_rollen_of_a_person_come_from_zoek_without_the_bsn_in_the_url(
    portal: Any, backend: InMemoryBackend
) -> None:
    client, sent = portal()
    filters = {"betrokkene_identificatie__natuurlijk_persoon__inp_bsn": DEMO_BSN}
    rollen = await resolve(client.zaken.rollen.list(**filters).to_list())
    listed, _ = portal(zaken="query")
    expected = await resolve(listed.zaken.rollen.list(**filters).to_list())
    assert sorted(r.url for r in rollen) == sorted(r.url for r in expected)
    assert rollen  # the demo citizen has rollen
    assert sent.urls_with(DEMO_BSN) == []


async def test_the_mijnzaken_overview_sends_no_bsn_in_any_url(portal: Any) -> None:
    client, sent = portal()
    overview = await resolve(composer(client).overview(bsn=DEMO_BSN))
    assert overview.complete
    assert overview.lopende_zaken
    assert overview.taken
    assert sent.urls_with(DEMO_BSN) == []
    searched = {url.split("?")[0].split("/api/")[-1] for url, _ in sent.bodies_with(DEMO_BSN)}
    assert searched == {"v1/zaken/_zoek", "v2/objects/search"}


async def test_with_details_only_klantinteracties_still_gets_the_bsn_in_a_url(
    portal: Any,
) -> None:
    """Klantinteracties 0.9 has no search with a body: the subject's klantcontacten are
    listed with the BSN in the query. The docs say so; this test notices a change."""
    client, sent = portal()
    overview = await resolve(composer(client).overview(bsn=DEMO_BSN, details=True))
    assert overview.complete
    leaking = sent.urls_with(DEMO_BSN)
    assert leaking
    assert all("/klantinteracties/api/v1/klantcontacten?" in url for url in leaking)


async def test_body_only_refuses_what_would_put_the_bsn_in_a_url(portal: Any) -> None:
    client, sent = portal(klantinteracties="body")
    overview = await resolve(composer(client).overview(bsn=DEMO_BSN, details=True))
    assert sent.urls_with(DEMO_BSN) == []
    assert [m.part for m in overview.missing] == ["contactmomenten"]
    assert "bsn_filters" in overview.missing[0].reason
    with pytest.raises(InputError, match="no search endpoint"):
        await resolve(
            client.klantinteracties.partijen.list(
                partij_identificator__object_id=DEMO_BSN
            ).to_list()
        )


async def test_a_server_without_zoek_gets_the_list_with_one_warning(
    portal: Any, backend: InMemoryBackend, caplog: pytest.LogCaptureFixture
) -> None:
    backend.faults.add(Fault(405, method="POST", path_contains="/zaken/_zoek", times=1))
    caplog.set_level(logging.WARNING, logger="zgw_client")
    client, sent = portal()
    first = await resolve(client.zaken.zaken.list(**{BSN_FILTER: DEMO_BSN}).to_list())
    second = await resolve(client.zaken.zaken.list(**{BSN_FILTER: DEMO_BSN}).to_list())
    assert first == second
    assert first
    methods = [(m, url.split("?")[0].rsplit("/", 1)[-1]) for m, url, _ in sent.requests]
    assert methods == [("POST", "_zoek"), ("GET", "zaken"), ("GET", "zaken")]  # tried once
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1
    assert "405" in warnings[0]
    assert DEMO_BSN not in warnings[0]


async def test_body_only_does_not_fall_back(portal: Any, backend: InMemoryBackend) -> None:
    backend.faults.add(Fault(404, method="POST", path_contains="/zaken/_zoek", times=1))
    client, sent = portal(zaken="body")
    with pytest.raises(Exception, match="404"):
        await resolve(client.zaken.zaken.list(**{BSN_FILTER: DEMO_BSN}).to_list())
    assert sent.urls_with(DEMO_BSN) == []


async def test_query_mode_puts_the_filter_in_the_url_as_before(portal: Any) -> None:
    client, sent = portal(zaken="query")
    await resolve(client.zaken.zaken.list(**{BSN_FILTER: DEMO_BSN}).to_list())
    assert sent.urls_with(DEMO_BSN)


async def test_zoek_sends_only_fields_of_its_schema(portal: Any) -> None:
    """Open Zaak ignores unknown _zoek keys, so a typo would return every zaak."""
    client, sent = portal()
    with pytest.raises(InputError, match="rol__betrokkene_identificatie__natuurlijkpersoon"):
        client.zaken.zaken.search(
            **{"rol__betrokkene_identificatie__natuurlijkpersoon__inp_bsn": DEMO_BSN}
        )
    assert sent.requests == []
