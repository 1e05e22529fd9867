"""A chunked upload whose bestandsdelen do not add up to the file leaves the caller holding
the lock: the error is a ChunkedUploadError with the document's URL and lock, no part is
sent, and nothing is unlocked behind the caller's back. Both faces."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from tests.conftest import close, default_config, json_response, resolve
from zgw_client import NoAuth, Service, UnexpectedResponseError
from zgw_client.documenten import ChunkedUploadError

ROOT = "https://openzaak.test/documenten/api/v1/"
DOCUMENT = ROOT + "enkelvoudiginformatieobjecten/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"
METADATA = {"bronorganisatie": "002220647", "titel": "t", "informatieobjecttype": "x"}


def _part(number: int, size: int) -> dict[str, Any]:
    return {
        "url": f"{ROOT}bestandsdelen/4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c010{number}",
        "volgnummer": number,
        "omvang": size,
        "voltooid": False,
        "lock": "lock-1",
    }


def _server(parts: list[dict[str, Any]], sent: list[tuple[str, str]]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append((request.method, request.url.path))
        document = {"url": DOCUMENT, "lock": "lock-1", "locked": True, "bestandsdelen": parts}
        if request.method == "POST" and request.url.path.endswith("enkelvoudiginformatieobjecten"):
            body = json.loads(request.content)
            assert body["inhoud"] is None
            return json_response(201, {**document, "bestandsomvang": body["bestandsomvang"]})
        if request.method == "GET":
            return json_response(200, document)
        return json_response(204, None)

    return handler


def _client(make_client: Any, handler: Any) -> Any:
    config = default_config().with_service("documenten", Service(ROOT, NoAuth()))
    return make_client(handler, config)


@pytest.mark.parametrize(
    "parts",
    [[_part(1, 1024), _part(2, 500)], [_part(1, 4096)], []],
    ids=["too-few-bytes", "too-many-bytes", "no-parts"],
)
async def test_parts_that_do_not_add_up_leave_the_lock_with_the_caller(
    make_client: Any, parts: list[dict[str, Any]]
) -> None:
    sent: list[tuple[str, str]] = []
    client = _client(make_client, _server(parts, sent))
    documents = client.documenten.enkelvoudiginformatieobjecten
    with pytest.raises(ChunkedUploadError) as caught:
        await resolve(documents.upload(b"x" * 2048, metadata=METADATA, chunk_threshold=1024))
    await close(client)
    error = caught.value
    assert error.lock == "lock-1"
    assert error.document_url == DOCUMENT
    assert error.done == []
    assert error.pending == [part["volgnummer"] for part in parts]
    assert isinstance(error.__cause__, UnexpectedResponseError)
    assert "unlock" in str(error)
    assert [method for method, _ in sent] == ["POST"]  # no part, no unlock


async def test_resuming_with_another_file_keeps_the_lock_too(make_client: Any) -> None:
    sent: list[tuple[str, str]] = []
    client = _client(make_client, _server([_part(1, 1024), _part(2, 1024)], sent))
    documents = client.documenten.enkelvoudiginformatieobjecten
    with pytest.raises(ChunkedUploadError) as caught:
        await resolve(documents.resume_upload(DOCUMENT, b"y" * 10, "lock-1"))
    await close(client)
    assert caught.value.lock == "lock-1"
    assert "add up to 2048 bytes, but the file has 10" in str(caught.value)
    assert [method for method, _ in sent] == ["GET"]
