"""A body that cannot be decoded (a Content-Encoding it does not have) or that breaks off
while a download is read is a ZGWError, not an httpx exception. Found by the payload fuzzer
(tests/reliability). Both faces."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.conftest import ZAKEN_ROOT, close, collect, resolve
from tests.support.fake_server import Reply, Seen, fake_server
from zgw_client import (
    AsyncZGWClient,
    NoAuth,
    Service,
    TransportError,
    UnexpectedResponseError,
    ZGWClient,
)

DOCUMENT = "4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"


@pytest.mark.parametrize("encoding", ["gzip", "deflate"])
async def test_a_body_that_is_not_what_its_encoding_says(make_client: Any, encoding: str) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        headers = {"Content-Type": "application/json", "Content-Encoding": encoding}
        return httpx.Response(200, headers=headers, content=b"\x8dT\xc2\x00\xe5 not compressed")

    client = make_client(handler)
    with pytest.raises(UnexpectedResponseError, match="could not be decoded"):
        await resolve(client.get_json(ZAKEN_ROOT + "zaken"))
    with pytest.raises(UnexpectedResponseError):
        await collect(client.zaken.zaken.list())
    await close(client)


@pytest.mark.parametrize("action", ["reset_mid_body", "truncate"])
async def test_a_download_that_breaks_off_is_a_transport_error(face: str, action: str) -> None:
    def responder(seen: Seen) -> Reply:
        return Reply(200, b"0123456789" * 1000, action=action)

    with fake_server(responder) as server:
        service = Service(server.url + "/documenten/api/v1/", NoAuth())
        documents: Any
        if face == "sync":
            client: Any = ZGWClient(documenten=service, http_client=httpx.Client())
            documents = client.documenten.enkelvoudiginformatieobjecten
            with pytest.raises(TransportError), documents.download(DOCUMENT) as download:
                b"".join(download)
            client.close()
        else:
            client = AsyncZGWClient(documenten=service, http_client=httpx.AsyncClient())
            documents = client.documenten.enkelvoudiginformatieobjecten
            with pytest.raises(TransportError):
                async with documents.download(DOCUMENT) as download:
                    b"".join([chunk async for chunk in download])
            await client.aclose()
