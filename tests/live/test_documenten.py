"""Documenten against a real Open Zaak: base64 and chunked uploads, downloads, locks."""

from __future__ import annotations

import pytest

from zgw_client import AsyncZGWClient, BadRequestError, ZGWClient
from zgw_client.documenten.models import EnkelvoudigInformatieObject

from .conftest import Catalogue, Cleanup, Exchanges, document_metadata, zaak_body

pytestmark = pytest.mark.live

SMALL = b"Hallo van de zgw-client live test.\n"
# Sent in parts (bestandsdelen): the chunk threshold is lowered below the file's size.
LARGE = b"".join(b"regel %05d van het grote bestand\n" % i for i in range(400))


def download(client: ZGWClient, document: EnkelvoudigInformatieObject) -> bytes:
    with client.documenten.enkelvoudiginformatieobjecten.download(document) as dl:
        data = b"".join(dl)
        assert dl.size in (None, len(data))
        return data


def test_small_upload_is_base64_and_downloads_identical(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, exchanges: Exchanges
) -> None:
    documenten = client.documenten.enkelvoudiginformatieobjecten
    document = documenten.upload(SMALL, metadata=document_metadata(catalogue))
    cleanup.add("document", lambda: documenten.delete(document))
    assert isinstance(document, EnkelvoudigInformatieObject)
    assert document.bestandsomvang == len(SMALL)
    assert document.locked is False
    assert [e.method for e in exchanges.items] == ["POST"]  # one POST, inhoud in base64
    assert download(client, document) == SMALL
    assert documenten.download_to(document, _Sink()) == len(SMALL)  # type: ignore[arg-type]


def test_large_upload_uses_bestandsdelen_and_downloads_identical(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, exchanges: Exchanges
) -> None:
    documenten = client.documenten.enkelvoudiginformatieobjecten
    progress: list[tuple[int, int]] = []
    document = documenten.upload(
        LARGE,
        metadata=document_metadata(
            catalogue, bestandsnaam="groot.txt", titel="zgw-client live test (delen)"
        ),
        chunk_threshold=1024,
        progress=lambda sent, total: progress.append((sent, total)),
    )
    cleanup.add("document", lambda: documenten.delete(document))
    assert document.locked is False
    assert document.bestandsomvang == len(LARGE)
    assert document.bestandsdelen == []  # merged on unlock
    sent = [(e.method, e.url) for e in exchanges.items]
    assert sent[0][0] == "POST"
    assert sent[0][1].endswith("/enkelvoudiginformatieobjecten")
    assert any(m == "PUT" and "/bestandsdelen/" in u for m, u in sent)
    assert sent[-2][0] == "POST"
    assert sent[-2][1].endswith("/unlock")
    assert progress
    assert progress[-1] == (len(LARGE), len(LARGE))
    data = b"".join(documenten.stream_download(document))
    assert data == LARGE
    with documenten.download(document) as dl:
        assert dl.filename == "groot.txt"


def test_lock_update_unlock(client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup) -> None:
    documenten = client.documenten.enkelvoudiginformatieobjecten
    document = documenten.upload(SMALL, metadata=document_metadata(catalogue))
    cleanup.add("document", lambda: documenten.delete(document))
    lock = documenten.lock(document)
    assert lock
    assert documenten.get(document).locked is True
    # a write without the lock is refused
    with pytest.raises(BadRequestError) as refused:
        documenten.partial_update(document, {"titel": "zonder lock"})
    assert refused.value.invalid_params, refused.value
    updated = documenten.partial_update(document, {"titel": "met lock", "lock": lock})
    assert updated.titel == "met lock"
    assert updated.versie == 2
    documenten.unlock(document, lock)
    assert documenten.get(document).locked is False

    # locked() always unlocks, also when the block raises
    def fail_while_locked() -> None:
        with documenten.locked(document) as held:
            assert held
            raise RuntimeError("boom")

    with pytest.raises(RuntimeError):
        fail_while_locked()
    assert documenten.get(document).locked is False
    found = documenten.search(uuid__in=[str(document.url).rsplit("/", 1)[-1]]).to_list()
    assert [d.url for d in found] == [document.url]
    trail = documenten.audittrail(document)
    assert trail[0].actie == "create"


def test_link_document_to_zaak(client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup) -> None:
    documenten = client.documenten.enkelvoudiginformatieobjecten
    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add("zaak", lambda: client.zaken.zaken.delete(zaak))
    document = documenten.upload(SMALL, metadata=document_metadata(catalogue))
    cleanup.add("document", lambda: documenten.delete(document))
    link = client.zaken.zaakinformatieobjecten.create(
        {"zaak": zaak.url, "informatieobject": document.url}
    )
    cleanup.add("zio", lambda: client.zaken.zaakinformatieobjecten.delete(link))
    oios = client.documenten.objectinformatieobjecten.list(object=str(zaak.url)).to_list()
    assert [o.informatieobject for o in oios] == [document.url]
    listed = documenten.list(objectinformatieobjecten__object=str(zaak.url)).to_list()
    assert [d.url for d in listed] == [document.url]


@pytest.mark.asyncio
async def test_async_upload_download(async_client: AsyncZGWClient, catalogue: Catalogue) -> None:
    documenten = async_client.documenten.enkelvoudiginformatieobjecten
    document = await documenten.upload(
        LARGE, metadata=document_metadata(catalogue), chunk_threshold=1024
    )
    try:
        chunks = [chunk async for chunk in documenten.stream_download(document)]
        assert b"".join(chunks) == LARGE
        async with documenten.download(document) as dl:
            assert b"".join([c async for c in dl]) == LARGE
    finally:
        await documenten.delete(document)


class _Sink:
    def __init__(self) -> None:
        self.data = b""

    def write(self, chunk: bytes) -> int:
        self.data += chunk
        return len(chunk)
