"""Catalogi, Documenten and Besluiten resources end to end against the in-memory backend."""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.conftest import collect, resolve
from zgw_client import BadRequestError
from zgw_client.documenten._upload import ChunkedUploadError
from zgw_client.testing import Fault, InMemoryBackend, async_client_for, client_for

RSIN = "002220647"


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


@pytest.fixture
def seeded(backend: InMemoryBackend) -> dict[str, Any]:
    catalogus = backend.add("catalogi", "catalogussen", {"domein": "TEST", "rsin": RSIN})
    zaaktype = backend.add(
        "catalogi",
        "zaaktypen",
        {"omschrijving": "Vergunning", "catalogus": catalogus["url"], "concept": False},
    )
    concept = backend.add(
        "catalogi",
        "zaaktypen",
        {"omschrijving": "Nieuw", "catalogus": catalogus["url"], "concept": True},
    )
    for n in (3, 1, 2):
        backend.add(
            "catalogi",
            "statustypen",
            {"zaaktype": zaaktype["url"], "volgnummer": n, "omschrijving": f"Stap {n}"},
        )
    iotype = backend.add(
        "catalogi",
        "informatieobjecttypen",
        {"omschrijving": "Bijlage", "catalogus": catalogus["url"], "concept": False},
    )
    return {"zaaktype": zaaktype, "concept": concept, "iotype": iotype}


def metadata(seeded: dict[str, Any]) -> dict[str, Any]:
    return {
        "bronorganisatie": RSIN,
        "creatiedatum": "2026-11-29",
        "titel": "Bijlage",
        "auteur": "tester",
        "taal": "dut",
        "informatieobjecttype": seeded["iotype"]["url"],
        "bestandsnaam": "bijlage.pdf",
    }


async def test_catalogi_cache_and_statustypen_of(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any]
) -> None:
    backend.request_log.clear()
    url = seeded["zaaktype"]["url"]
    await resolve(client.catalogi.zaaktypen.get(url))
    await resolve(client.catalogi.zaaktypen.get(url))
    assert len(backend.request_log) == 1
    concept = seeded["concept"]["url"]
    await resolve(client.catalogi.zaaktypen.get(concept))
    await resolve(client.catalogi.zaaktypen.get(concept))
    assert len(backend.request_log) == 3

    statustypen = await resolve(client.catalogi.statustypen_of(url))
    assert [s.volgnummer for s in statustypen] == [1, 2, 3]
    listed = await collect(client.catalogi.zaaktypen.list(status="alles"))
    assert {z.url for z in listed} == {url, concept}


async def test_chunked_upload_download_and_locks(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any]
) -> None:
    backend.chunk_size = 1000
    data = os.urandom(4321)
    resource = client.documenten.enkelvoudiginformatieobjecten
    doc = await resolve(resource.upload(data, metadata=metadata(seeded), chunk_threshold=100))
    assert doc.locked is False
    assert doc.bestandsomvang == 4321
    assert len(backend.requests_matching("PUT", "bestandsdelen")) == 5
    assert b"".join(await collect(resource.stream_download(doc.url))) == data
    if hasattr(resource.download(doc.url), "__aenter__"):
        async with resource.download(doc.url) as download:
            assert download.filename == "bijlage.pdf"
    else:
        with resource.download(doc.url) as download:
            assert download.filename == "bijlage.pdf"

    small = await resolve(resource.upload(b"klein", metadata=metadata(seeded)))
    sink = io.BytesIO()
    await resolve(resource.download_to(small.url, sink))
    assert sink.getvalue() == b"klein"

    lock = await resolve(resource.lock(doc.url))
    with pytest.raises(BadRequestError):
        await resolve(resource.partial_update(doc.url, {"titel": "x"}))
    changed = await resolve(resource.partial_update(doc.url, {"titel": "y", "lock": lock}))
    assert changed.titel == "y"
    await resolve(resource.unlock(doc.url, lock))

    found = await collect(resource.search(uuid__in=[doc.url.rsplit("/", 1)[1]]))
    assert [d.url for d in found] == [doc.url]


async def test_resume_after_a_failed_part(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any]
) -> None:
    backend.chunk_size = 1000
    data = os.urandom(3000)
    resource = client.documenten.enkelvoudiginformatieobjecten
    backend.faults.add(Fault(400, method="PUT", path_contains="bestandsdelen"))
    with pytest.raises(ChunkedUploadError) as caught:
        await resolve(resource.upload(data, metadata=metadata(seeded), chunk_threshold=10))
    assert caught.value.done == []
    assert caught.value.pending == [1, 2, 3]
    doc = await resolve(resource.resume_upload(caught.value.document_url, data, caught.value.lock))
    assert doc.locked is False
    assert b"".join(await collect(resource.stream_download(doc.url))) == data


async def test_besluiten_crud(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any]
) -> None:
    besluittype = backend.add(
        "catalogi",
        "besluittypen",
        {"catalogus": seeded["zaaktype"]["catalogus"], "concept": False},
    )
    besluit = await resolve(
        client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": RSIN,
                "besluittype": besluittype["url"],
                "datum": "2026-11-29",
                "ingangsdatum": "2026-12-01",
            }
        )
    )
    listed = await collect(client.besluiten.besluiten.list(verantwoordelijke_organisatie=RSIN))
    assert [b.url for b in listed] == [besluit.url]
    links = await collect(client.besluiten.besluitinformatieobjecten.list(besluit=besluit.url))
    assert links == []


async def test_audittrails(client: Any, backend: InMemoryBackend, seeded: dict[str, Any]) -> None:
    resource = client.documenten.enkelvoudiginformatieobjecten
    doc = await resolve(resource.upload(b"inhoud", metadata=metadata(seeded)))
    trail = await resolve(resource.audittrail(doc))
    assert [entry.resource_url for entry in trail] == [doc.url]
    besluittype = backend.add(
        "catalogi", "besluittypen", {"catalogus": seeded["zaaktype"]["catalogus"], "concept": False}
    )
    besluit = await resolve(
        client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": RSIN,
                "besluittype": besluittype["url"],
                "datum": "2026-11-29",
                "ingangsdatum": "2026-12-01",
            }
        )
    )
    assert len(await resolve(client.besluiten.besluiten.audittrail(besluit.url))) == 1
