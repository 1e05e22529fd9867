"""Uploads (base64 and bestandsdelen, with resume), downloads and locks, on both faces."""

from __future__ import annotations

import hashlib
import io
import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import collect, resolve
from tests.documenten.conftest import FakeDocumenten
from zgw_client import BadRequestError, InputError
from zgw_client.documenten._upload import ChunkedUploadError, PartReader, filename_from_disposition
from zgw_client.documenten.models import EnkelvoudigInformatieObject

METADATA = {
    "bronorganisatie": "002220647",
    "creatiedatum": "2026-11-29",
    "titel": "Test",
    "auteur": "tester",
    "taal": "dut",
    "informatieobjecttype": "https://openzaak.test/catalogi/api/v1/informatieobjecttypen/1",
}
MB = 1024 * 1024


def eio(client: Any) -> Any:
    return client.documenten.enkelvoudiginformatieobjecten


def record(calls: list[tuple[int, int]]) -> Any:
    """A progress callback that appends its arguments to ``calls``."""
    return lambda sent, total: calls.append((sent, total))


def make_file(path: Path, size: int) -> str:
    """Write ``size`` random bytes in 1 MB steps; return their sha256."""
    digest = hashlib.sha256()
    with path.open("wb") as file:
        remaining = size
        while remaining:
            block = os.urandom(min(MB, remaining))
            digest.update(block)
            file.write(block)
            remaining -= len(block)
    return digest.hexdigest()


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while block := file.read(MB):
            digest.update(block)
    return digest.hexdigest()


async def test_small_upload_is_one_base64_post(docs_client: Any, fake: FakeDocumenten) -> None:
    calls: list[tuple[int, int]] = []
    doc = await resolve(
        eio(docs_client).upload(
            b"%PDF-1.4 tiny", metadata=METADATA, progress=lambda *a: calls.append(a)
        )
    )
    assert isinstance(doc, EnkelvoudigInformatieObject)
    assert fake.log == [("POST", "/documenten/api/v1/enkelvoudiginformatieobjecten")]
    assert calls == [(13, 13)]
    assert fake.file(doc.url.rsplit("/", 1)[1]).read_bytes() == b"%PDF-1.4 tiny"
    assert doc.bestandsomvang == 13


async def test_metadata_model_and_file_name_from_path(
    docs_client: Any, fake: FakeDocumenten, tmp_path: Path
) -> None:
    source = tmp_path / "brief.pdf"
    source.write_bytes(b"x" * 10)
    model = EnkelvoudigInformatieObject.model_validate({"url": "https://x.test/1", **METADATA})
    doc = await resolve(eio(docs_client).upload(source, metadata=model))
    assert doc.bestandsnaam == "brief.pdf"
    assert doc.titel == "Test"


async def test_chunked_upload_sends_parts_then_unlocks(
    docs_client: Any, fake: FakeDocumenten, tmp_path: Path
) -> None:
    fake.chunk_size = 1000
    data = os.urandom(3500)
    calls: list[tuple[int, int]] = []
    doc = await resolve(
        eio(docs_client).upload(
            io.BytesIO(data),
            metadata={**METADATA, "bestandsnaam": "chunked.pdf"},
            chunk_threshold=100,
            progress=record(calls),
        )
    )
    methods = [m for m, _ in fake.log]
    assert methods == ["POST", "PUT", "PUT", "PUT", "PUT", "POST", "GET"]
    assert fake.log[-2][1].endswith("/unlock")
    assert doc.locked is False
    assert doc.bestandsdelen == []
    assert calls == [(0, 3500), (1000, 3500), (2000, 3500), (3000, 3500), (3500, 3500)]
    assert fake.file(doc.url.rsplit("/", 1)[1]).read_bytes() == data
    # The create body announced the size without content.
    assert doc.bestandsnaam == "chunked.pdf"


async def test_failed_part_raises_resumable_error(
    docs_client: Any, fake: FakeDocumenten, tmp_path: Path
) -> None:
    fake.chunk_size = 1000
    source = tmp_path / "big.bin"
    source.write_bytes(os.urandom(4500))
    fake.fail_parts = {3}
    with pytest.raises(ChunkedUploadError) as caught:
        await resolve(eio(docs_client).upload(source, metadata=METADATA, chunk_threshold=10))
    error = caught.value
    assert error.done == [1, 2]
    assert error.pending == [3, 4, 5]
    assert isinstance(error.__cause__, BadRequestError)
    key = error.document_url.rsplit("/", 1)[1]
    assert fake.documents[key]["locked"] is True
    assert error.lock == fake.documents[key]["_lock"]
    assert "resume_upload" in str(error)

    fake.log.clear()
    doc = await resolve(eio(docs_client).resume_upload(error.document_url, source, error.lock))
    puts = [path for method, path in fake.log if method == "PUT"]
    assert len(puts) == 3  # only parts 3, 4 and 5
    assert doc.locked is False
    assert fake.file(key).read_bytes() == source.read_bytes()


async def test_failed_unlock_is_resumable_too(docs_client: Any, fake: FakeDocumenten) -> None:
    fake.chunk_size = 1000
    data = os.urandom(2000)
    original = fake.unlock
    failures = [True]

    def flaky_unlock(doc: dict[str, Any], body: dict[str, Any]) -> Any:
        if failures and failures.pop():
            from tests.documenten.conftest import problem

            return problem(400, "boom")
        return original(doc, body)

    fake.unlock = flaky_unlock  # type: ignore[method-assign]
    with pytest.raises(ChunkedUploadError) as caught:
        await resolve(eio(docs_client).upload(data, metadata=METADATA, chunk_threshold=10))
    assert caught.value.pending == []
    assert caught.value.done == [1, 2]
    doc = await resolve(
        eio(docs_client).resume_upload(caught.value.document_url, data, caught.value.lock)
    )
    assert doc.locked is False


async def test_resume_with_other_file_is_refused(docs_client: Any, fake: FakeDocumenten) -> None:
    fake.chunk_size = 1000
    fake.fail_parts = {1}
    with pytest.raises(ChunkedUploadError) as caught:
        await resolve(eio(docs_client).upload(b"a" * 1500, metadata=METADATA, chunk_threshold=10))
    with pytest.raises(Exception, match="add up to 1500 bytes, but the file has 10"):
        await resolve(
            eio(docs_client).resume_upload(caught.value.document_url, b"b" * 10, caught.value.lock)
        )


async def test_download_streams_with_headers(docs_client: Any, fake: FakeDocumenten) -> None:
    seeded = fake.add(b"0123456789" * 1000, bestandsnaam="rapport.pdf")
    resource = eio(docs_client)
    if hasattr(resource.download(seeded["url"]), "__aenter__"):
        async with resource.download(seeded["url"], versie=1) as download:
            chunks = [c async for c in download.aiter_bytes(4096)]
    else:
        with resource.download(seeded["url"], versie=1) as download:
            chunks = list(download.iter_bytes(4096))
    assert download.filename == "rapport.pdf"
    assert download.size == 10_000
    assert download.content_type == "application/octet-stream"
    assert download.etag == '"abc"'
    assert b"".join(chunks) == b"0123456789" * 1000
    assert max(len(c) for c in chunks) <= 4096
    assert fake.log[-1] == ("GET", f"{httpx_path(seeded['url'])}/download")

    streamed = await collect(resource.stream_download(seeded["url"], chunk_size=1000))
    assert b"".join(streamed) == b"0123456789" * 1000


def httpx_path(url: str) -> str:
    return url.split("openzaak.test", 1)[1]


async def test_download_to_path_and_file(
    docs_client: Any, fake: FakeDocumenten, tmp_path: Path
) -> None:
    seeded = fake.add(b"abc" * 5000)
    written = await resolve(eio(docs_client).download_to(seeded["url"], tmp_path / "out.bin"))
    assert written == 15000
    assert (tmp_path / "out.bin").read_bytes() == b"abc" * 5000
    sink = io.BytesIO()
    assert await resolve(eio(docs_client).download_to(seeded["url"], sink)) == 15000
    assert sink.getvalue() == b"abc" * 5000


async def test_download_of_unknown_document_raises(docs_client: Any) -> None:
    from zgw_client import NotFoundError

    url = "https://openzaak.test/documenten/api/v1/enkelvoudiginformatieobjecten/" + "0" * 32
    with pytest.raises(NotFoundError):
        await collect(eio(docs_client).stream_download(url))


async def test_lock_unlock_and_locked_block(docs_client: Any, fake: FakeDocumenten) -> None:
    seeded = fake.add()
    url = seeded["url"]
    resource = eio(docs_client)
    lock = await resolve(resource.lock(url))
    assert lock
    assert fake.documents[url.rsplit("/", 1)[1]]["locked"] is True
    with pytest.raises(BadRequestError):
        await resolve(resource.partial_update(url, {"titel": "zonder lock"}))
    await resolve(resource.unlock(url, lock))
    assert fake.documents[url.rsplit("/", 1)[1]]["locked"] is False

    if hasattr(resource.locked(url), "__aenter__"):
        async with resource.locked(url) as held:
            changed = await resource.partial_update(url, {"titel": "Nieuw", "lock": held})
    else:
        with resource.locked(url) as held:
            changed = resource.partial_update(url, {"titel": "Nieuw", "lock": held})
    assert changed.titel == "Nieuw"
    assert fake.documents[url.rsplit("/", 1)[1]]["locked"] is False


async def test_locked_block_unlocks_on_error(docs_client: Any, fake: FakeDocumenten) -> None:
    url = fake.add()["url"]
    resource = eio(docs_client)
    with pytest.raises(ValueError, match="inside"):
        await raise_inside_locked(resource, url, ValueError("inside"))
    assert fake.documents[url.rsplit("/", 1)[1]]["locked"] is False
    assert fake.unlocks == 1


async def test_locked_block_keeps_the_original_error_when_unlock_fails(
    docs_client: Any, fake: FakeDocumenten
) -> None:
    url = fake.add()["url"]
    resource = eio(docs_client)

    def broken_unlock(doc: dict[str, Any], body: dict[str, Any]) -> Any:
        from tests.documenten.conftest import problem

        return problem(400, "boom")

    fake.unlock = broken_unlock  # type: ignore[method-assign]
    with pytest.raises(KeyError):
        await raise_inside_locked(resource, url, KeyError("inside"))


async def raise_inside_locked(resource: Any, url: str, error: Exception) -> None:
    """Raise ``error`` inside ``resource.locked(url)``, on either face."""
    if hasattr(resource.locked(url), "__aenter__"):
        async with resource.locked(url):
            raise error
    with resource.locked(url):
        raise error


def test_unreadable_sources_are_refused() -> None:
    from zgw_client.documenten._upload import open_source

    class NoSeek(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def seekable(self) -> bool:
            return False

        def tell(self) -> int:
            raise OSError("no")

    with pytest.raises(InputError, match="cannot seek"), open_source(NoSeek()):  # type: ignore[arg-type]
        pass
    with pytest.raises(InputError, match="not a file"), open_source("/no/such/file"):
        pass
    with pytest.raises(InputError, match="binary"), open_source(io.StringIO("x")):  # type: ignore[arg-type]
        pass


def test_part_reader_is_a_seekable_window() -> None:
    file = io.BytesIO(b"0123456789")
    window = PartReader(file, 3, 4)
    assert window.read() == b"3456"
    assert window.read() == b""
    assert window.seek(0) == 0
    assert window.read(2) == b"34"
    assert window.seek(0, os.SEEK_END) == 4
    assert window.tell() == 4
    window.seek(1)
    assert window.read(10) == b"456"


@pytest.mark.parametrize(
    ("header", "name"),
    [
        ('attachment; filename="chunked.pdf"', "chunked.pdf"),
        ("attachment; filename=plain.txt", "plain.txt"),
        ("attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.pdf", "résumé.pdf"),
        (None, None),
        ("inline", None),
    ],
)
def test_filename_from_disposition(header: str | None, name: str | None) -> None:
    assert filename_from_disposition(header) == name


async def test_twenty_megabytes_round_trip_in_little_memory(
    docs_client: Any, fake: FakeDocumenten, tmp_path: Path
) -> None:
    """20 MB up through bestandsdelen (memory measured) and back down, identical."""
    size = 20 * MB
    source = tmp_path / "groot.bin"
    expected = make_file(source, size)
    fake.chunk_size = MB
    resource = eio(docs_client)

    tracemalloc.start()
    try:
        doc = await resolve(resource.upload(source, metadata=METADATA))
        _, upload_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert doc.locked is False
    assert doc.bestandsdelen == []
    assert len([m for m, _ in fake.log if m == "PUT"]) == 20
    assert upload_peak < 8 * MB, f"upload peak {upload_peak / MB:.1f} MB"

    target = tmp_path / "terug.bin"
    assert await resolve(resource.download_to(doc.url, target)) == size
    assert sha256(target) == expected


async def test_twenty_megabyte_download_in_little_memory(
    docs_client: Any, fake: FakeDocumenten, tmp_path: Path
) -> None:
    size = 20 * MB
    source = tmp_path / "groot.bin"
    expected = make_file(source, size)
    seeded = fake.add(b"")
    fake.file(seeded["url"].rsplit("/", 1)[1]).write_bytes(source.read_bytes())
    target = tmp_path / "terug.bin"

    tracemalloc.start()
    try:
        written = await resolve(eio(docs_client).download_to(seeded["url"], target))
        _, download_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert written == size
    assert sha256(target) == expected
    assert download_peak < 8 * MB, f"download peak {download_peak / MB:.1f} MB"


def test_error_survives_pickling() -> None:
    import pickle

    error = ChunkedUploadError("x", document_url="u", lock="l", done=[1], pending=[2])
    again = pickle.loads(pickle.dumps(error))
    assert (again.document_url, again.lock, again.done, again.pending) == ("u", "l", [1], [2])
    assert json.dumps(again.done) == "[1]"
