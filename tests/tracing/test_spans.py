"""OpenTelemetry spans, checked with the SDK's in-memory exporter, on both faces."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from opentelemetry import trace
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import SimpleSpanProcessor
from opentelemetry.sdk.trace.export.in_memory_span_exporter import InMemorySpanExporter
from opentelemetry.trace import SpanKind, StatusCode

from tests.conftest import resolve
from tests.zaken.conftest import BSN, seed
from zgw_client import NotFoundError, tracing
from zgw_client.testing import Fault, InMemoryBackend, async_client_for, client_for

_EXPORTER = InMemorySpanExporter()


@pytest.fixture(scope="session", autouse=True)
def provider() -> None:
    """The SDK, set once for the process (OpenTelemetry allows one global provider)."""
    sdk = TracerProvider()
    sdk.add_span_processor(SimpleSpanProcessor(_EXPORTER))
    trace.set_tracer_provider(sdk)


@pytest.fixture
def spans() -> Iterator[InMemorySpanExporter]:
    _EXPORTER.clear()
    yield _EXPORTER
    _EXPORTER.clear()


@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
async def client(face: str, backend: InMemoryBackend) -> AsyncIterator[Any]:
    if face == "sync":
        with client_for(backend) as sync_client:
            yield sync_client
    else:
        async with async_client_for(backend) as async_client:
            yield async_client


async def test_a_request_span_follows_the_http_client_conventions(
    client: Any, backend: InMemoryBackend, spans: InMemorySpanExporter
) -> None:
    zaak = seed(backend)["zaken"][0]
    await resolve(client.zaken.zaken.get(zaak["url"]))
    [span] = spans.get_finished_spans()
    assert span.name == "GET /zaken/api/v1/zaken/{uuid}"
    assert span.kind == SpanKind.CLIENT
    assert dict(span.attributes or {}) == {
        "http.request.method": "GET",
        "url.template": "/zaken/api/v1/zaken/{uuid}",
        "server.address": "zgw.test",
        "server.port": 80,
        "zgw.api.kind": "zaken",
        "http.response.status_code": 200,
    }


async def test_retries_are_counted_and_errors_marked(
    client: Any, backend: InMemoryBackend, spans: InMemorySpanExporter
) -> None:
    zaak = seed(backend)["zaken"][0]
    backend.faults.add(Fault(503, method="GET", path_contains="/zaken/api/v1/zaken/", times=2))
    await resolve(client.zaken.zaken.get(zaak["url"]))
    with pytest.raises(NotFoundError):
        await resolve(
            client.zaken.zaken.get(
                zaak["url"].rsplit("/", 1)[0] + "/" + "0" * 8 + "-0000-4000-8000-" + "0" * 12
            )
        )
    retried, missing = spans.get_finished_spans()
    assert retried.attributes["http.request.resend_count"] == 2
    assert retried.attributes["http.response.status_code"] == 200
    assert missing.attributes["error.type"] == "404"  # the status, as the conventions say
    assert missing.status.status_code == StatusCode.ERROR


async def test_no_bsn_reaches_a_span(
    client: Any, backend: InMemoryBackend, spans: InMemorySpanExporter
) -> None:
    seed(backend)
    with tracing.span("mijnzaken.overview", subject=f"bsn {BSN}", zaken=2):
        await resolve(
            client.zaken.zaken.list(
                rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN
            ).to_list()
        )
        await resolve(
            client.zaken.zaken.list(
                rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN,
                extra_params={"identificatie": BSN},
            ).to_list()
        )
    finished = spans.get_finished_spans()
    outer = finished[-1]
    assert outer.name == "mijnzaken.overview"
    assert outer.attributes["subject"] == "bsn *********"
    assert all(
        s.parent is not None and s.parent.span_id == outer.context.span_id for s in finished[:-1]
    )
    assert BSN not in repr(
        [dict(s.attributes or {}) for s in finished] + [s.name for s in finished]
    )


async def test_a_mijnzaken_composition_is_one_span_around_its_requests(
    face: str, spans: InMemorySpanExporter
) -> None:
    from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken
    from zgw_client.testing.demo import DEMO_BSN, seed_demo

    backend = InMemoryBackend()
    seed_demo(backend)
    if face == "sync":
        with client_for(backend) as sync_client:
            overview = MijnZaken(sync_client).overview(bsn=DEMO_BSN)
    else:
        async with async_client_for(backend) as async_client:
            overview = await AsyncMijnZaken(async_client).overview(bsn=DEMO_BSN)
    assert overview.complete
    *requests, outer = spans.get_finished_spans()
    assert outer.name == "mijnzaken.overview"
    assert dict(outer.attributes or {}) == {"zgw.subject.kind": "bsn", "zgw.details": False}
    assert len(requests) >= 4
    assert all(s.parent is not None and s.parent.span_id == outer.context.span_id for s in requests)
    assert DEMO_BSN not in repr([dict(s.attributes or {}) for s in [*requests, outer]])


def test_without_opentelemetry_nothing_is_imported() -> None:
    code = (
        "import sys, httpx\n"
        "sys.modules['opentelemetry'] = None\n"  # as if not installed
        "from zgw_client import tracing\n"
        "from zgw_client.testing import InMemoryBackend, client_for\n"
        "with tracing.span('x', a=1) as s: assert s is None\n"
        "with client_for(InMemoryBackend()) as c: c.get_json(c.url_for('catalogi', 'zaaktypen'))\n"
        "print('ok')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.stdout.strip() == "ok", done.stderr
    imported = subprocess.run(
        [sys.executable, "-c", "import sys, zgw_client; print('opentelemetry' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert imported.stdout.strip() == "False"  # importing the SDK costs nothing


def test_url_templates() -> None:
    assert tracing.url_template(
        "/zaken/api/v1/zaken/2f3a54e5-1111-4a4b-9c9d-0123456789ab/audittrail"
    ) == ("/zaken/api/v1/zaken/{uuid}/audittrail")
    assert (
        tracing.url_template("/api/v2/objecttypes/x/versions/3")
        == "/api/v2/objecttypes/x/versions/{id}"
    )
