"""A small Documenten API double that keeps file content on disk, for upload/download tests.

It follows the recorded Open Zaak exchanges (``write_eio_chunked_*``, ``write_bestandsdeel_*``,
``write_eio_lock_200`` ...): a create with ``inhoud: null`` and ``bestandsomvang`` answers
locked, with ``bestandsdelen`` of at most ``chunk_size`` bytes; each part is a multipart PUT
with ``inhoud`` and ``lock``; the unlock merges. Content lives in files, not in memory, so
that ``tracemalloc`` sees only what the client holds.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.catalogi.conftest import ROOTS, Routes, config
from zgw_client import AsyncZGWClient, ZGWClient

ROOT = ROOTS["documenten"]
EIO = f"{ROOT}enkelvoudiginformatieobjecten"


def problem(status: int, code: str, detail: str = "") -> httpx.Response:
    body = {"type": "", "code": code, "title": code, "status": status, "detail": detail}
    if status == 400:
        body["invalidParams"] = [{"name": "nonFieldErrors", "code": code, "reason": detail}]
    return httpx.Response(status, json=body, headers={"Content-Type": "application/problem+json"})


class FileStream(httpx.SyncByteStream, httpx.AsyncByteStream):
    """A response body read from a file in small chunks, for either face."""

    def __init__(self, path: Path, chunk: int = 64 * 1024) -> None:
        self.path = path
        self.chunk = chunk

    def __iter__(self) -> Iterator[bytes]:
        with self.path.open("rb") as file:
            while data := file.read(self.chunk):
                yield data

    async def __aiter__(self) -> AsyncIterator[bytes]:
        for data in self:
            yield data


def parse_multipart(request: httpx.Request) -> dict[str, bytes]:
    """The fields of a multipart/form-data body (enough for the client's PUT)."""
    content_type = request.headers["Content-Type"]
    boundary = content_type.split("boundary=", 1)[1].encode()
    fields: dict[str, bytes] = {}
    for section in request.content.split(b"--" + boundary):
        if not section.strip() or section.strip() == b"--":
            continue
        head, _, value = section.partition(b"\r\n\r\n")
        name = head.split(b'name="', 1)[1].split(b'"', 1)[0].decode()
        fields[name] = value[:-2] if value.endswith(b"\r\n") else value
    return fields


class FakeDocumenten:
    """Enkelvoudiginformatieobjecten with bestandsdelen, lock/unlock and download."""

    def __init__(self, storage: Path, chunk_size: int = 1024 * 1024) -> None:
        self.storage = storage
        self.chunk_size = chunk_size
        self.documents: dict[str, dict[str, Any]] = {}
        self.parts: dict[str, dict[str, Any]] = {}  # part uuid -> part (+ document, offset)
        self.log: list[tuple[str, str]] = []
        #: part volgnummers that answer 400 on their next PUT (each once).
        self.fail_parts: set[int] = set()
        self.unlocks = 0
        self.extra: dict[tuple[str, str], Callable[[httpx.Request], httpx.Response]] = {}

    # -- helpers ---------------------------------------------------------------------
    def file(self, key: str) -> Path:
        return self.storage / f"{key}.bin"

    def public(self, doc: dict[str, Any]) -> dict[str, Any]:
        body = {k: v for k, v in doc.items() if not k.startswith("_")}
        body["bestandsdelen"] = [
            {k: v for k, v in self.parts[p].items() if not k.startswith("_")} for p in doc["_parts"]
        ]
        return body

    def json(self, status: int, body: Any) -> httpx.Response:
        return httpx.Response(status, json=body, headers={"API-version": "1.4.2"})

    # -- dispatch --------------------------------------------------------------------
    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.log.append((request.method, path))
        extra = self.extra.get((request.method, path))
        if extra is not None:
            return extra(request)
        prefix = httpx.URL(EIO).path
        parts_prefix = httpx.URL(f"{ROOT}bestandsdelen/").path
        if path.startswith(parts_prefix) and request.method == "PUT":
            return self.put_part(path[len(parts_prefix) :], request)
        if path == prefix and request.method == "POST":
            return self.create(json.loads(request.content))
        if path == prefix and request.method == "GET":
            results = [self.public(d) for d in self.documents.values()]
            return self.json(200, {"count": len(results), "next": None, "previous": None,
                                   "results": results})  # fmt: skip
        rest = path[len(prefix) + 1 :].split("/")
        key = rest[0]
        doc = self.documents.get(key)
        if doc is None:
            return problem(404, "not_found")
        action = rest[1] if len(rest) > 1 else ""
        if action == "" and request.method == "GET":
            return self.json(200, self.public(doc))
        if action == "" and request.method == "PATCH":
            body = json.loads(request.content)
            if doc["locked"] and body.get("lock") != doc["_lock"]:
                return problem(400, "missing-lock-id", "Dit is een vergrendeld document.")
            doc.update({k: v for k, v in body.items() if k != "lock"})
            return self.json(200, self.public(doc))
        if action == "" and request.method == "DELETE":
            del self.documents[key]
            return httpx.Response(204)
        if action == "lock" and request.method == "POST":
            if doc["locked"]:
                return problem(400, "existing-lock", "Het document is al vergrendeld.")
            doc["locked"], doc["_lock"] = True, uuid.uuid4().hex
            return self.json(200, {"lock": doc["_lock"]})
        if action == "unlock" and request.method == "POST":
            return self.unlock(doc, json.loads(request.content or b"{}"))
        if action == "download" and request.method == "GET":
            return httpx.Response(
                200,
                stream=FileStream(self.file(key)),
                headers={
                    "Content-Type": "application/octet-stream",
                    "Content-Length": str(self.file(key).stat().st_size),
                    "Content-Disposition": f'attachment; filename="{doc["bestandsnaam"]}"',
                    "ETag": '"abc"',
                },
            )
        return problem(405, "method_not_allowed")

    def create(self, body: dict[str, Any]) -> httpx.Response:
        key = str(uuid.uuid4())
        url = f"{EIO}/{key}"
        doc: dict[str, Any] = {
            **body,
            "url": url,
            "versie": 1,
            "locked": False,
            "lock": "",
            "_lock": "",
            "_parts": [],
        }
        path = self.file(key)
        if body.get("inhoud") is None:
            size = int(body["bestandsomvang"])
            with path.open("wb") as file:
                file.truncate(size)
            lock = uuid.uuid4().hex
            doc.update(locked=True, lock=lock, _lock=lock, inhoud=None)
            offset, number = 0, 1
            while offset < size:
                part_key = str(uuid.uuid4())
                omvang = min(self.chunk_size, size - offset)
                self.parts[part_key] = {
                    "url": f"{ROOT}bestandsdelen/{part_key}",
                    "volgnummer": number,
                    "omvang": omvang,
                    "voltooid": False,
                    "lock": lock,
                    "_document": key,
                    "_offset": offset,
                }
                doc["_parts"].append(part_key)
                offset += omvang
                number += 1
        else:
            data = base64.b64decode(body["inhoud"])
            path.write_bytes(data)
            doc["bestandsomvang"] = len(data)
            doc["inhoud"] = f"{url}/download?versie=1"
        self.documents[key] = doc
        body_out = self.public(doc)
        body_out["lock"] = doc["_lock"]
        return self.json(201, body_out)

    def put_part(self, part_key: str, request: httpx.Request) -> httpx.Response:
        part = self.parts.get(part_key)
        if part is None:
            return problem(404, "not_found")
        fields = parse_multipart(request)
        if fields.get("lock", b"").decode() != part["lock"]:
            return problem(400, "incorrect-lock-id")
        if part["volgnummer"] in self.fail_parts:
            self.fail_parts.discard(part["volgnummer"])
            return problem(400, "file-size", "Het bestand is niet volledig ontvangen.")
        data = fields["inhoud"]
        if len(data) != part["omvang"]:
            return problem(400, "file-size", f"{len(data)} != {part['omvang']}")
        with self.file(part["_document"]).open("r+b") as file:
            file.seek(part["_offset"])
            file.write(data)
        part["voltooid"] = True
        return self.json(200, {k: v for k, v in part.items() if not k.startswith("_")})

    def unlock(self, doc: dict[str, Any], body: dict[str, Any]) -> httpx.Response:
        if body.get("lock") != doc["_lock"]:
            return problem(400, "incorrect-lock-id")
        if doc["_parts"]:
            if not all(self.parts[p]["voltooid"] for p in doc["_parts"]):
                return problem(400, "incomplete-upload", "Upload van het bestand is onvolledig.")
            doc["_parts"] = []
            doc["inhoud"] = f"{doc['url']}/download?versie=1"
        doc.update(locked=False, lock="", _lock="")
        self.unlocks += 1
        return httpx.Response(204)

    def add(self, content: bytes = b"hello", **fields: Any) -> dict[str, Any]:
        """Seed a document with ``content``; returns its public body."""
        response = self.create(
            {"inhoud": base64.b64encode(content).decode(), "bestandsnaam": "seed.txt", **fields}
        )
        return dict(response.json())


@pytest.fixture
def fake(tmp_path: Path) -> FakeDocumenten:
    storage = tmp_path / "store"
    storage.mkdir()
    return FakeDocumenten(storage)


class StreamingMockTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Like ``httpx.MockTransport``, but the request body is not cached on the request.

    ``MockTransport`` reads the body into ``request.content``, where it lives as long as the
    request does; a real transport streams it out. This hands the handler a copy instead,
    so that memory measurements see what the client itself holds.
    """

    def __init__(self, handler: Callable[[httpx.Request], httpx.Response]) -> None:
        self.handler = handler

    def _copy(self, request: httpx.Request, body: bytes) -> httpx.Request:
        return httpx.Request(request.method, request.url, headers=request.headers, content=body)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        body = b"".join(request.stream)  # type: ignore[arg-type]
        return self.handler(self._copy(request, body))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = b"".join([chunk async for chunk in request.stream])
        return self.handler(self._copy(request, body))


@pytest.fixture
async def docs_client(face: str, fake: FakeDocumenten) -> AsyncIterator[Any]:
    """A client of the current face whose Documenten requests go to ``fake``."""
    transport = StreamingMockTransport(fake)
    if face == "sync":
        with ZGWClient(config(), http_client=httpx.Client(transport=transport)) as client:
            yield client
    else:
        http = httpx.AsyncClient(transport=transport)
        async with AsyncZGWClient(config(), http_client=http) as async_client:
            yield async_client
        await http.aclose()


@pytest.fixture
def routes() -> Routes:
    return Routes()


@pytest.fixture
def api_client(make_client: Callable[..., Any], routes: Routes) -> Any:
    """A client of the current face whose requests go to ``routes`` (recorded shapes)."""
    return make_client(routes, config())
