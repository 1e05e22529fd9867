"""Large uploads in parts (bestandsdelen): the stored file, part checks, multipart forms."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import email
import email.policy
import uuid as uuidlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qsl

import httpx

from ._collections import Collection
from ._documenten_base import DOCUMENTEN, _key, _non_field
from ._problems import REQUIRED, InvalidParam, ProblemError, invalid, validation_error
from ._responses import json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


def decode_base64(value: str) -> bytes:
    """The bytes of a base64 ``inhoud`` (a ``data:…;base64,`` prefix allowed); 400 if bad."""
    data = value.split(";base64,", 1)[-1]
    try:
        return base64.b64decode(data, validate=True)
    except binascii.Error as exc:
        if str(exc) == "Incorrect padding":
            raise invalid(
                "inhoud",
                "De aangeleverde base64-data heeft een ongeldige padding",
                "incorrect-base64-padding",
            ) from None
        raise invalid("inhoud", str(exc), "invalid-base64") from None


@dataclass
class StoredFile:
    """The content of one document version and the file name its download carries."""

    content: bytes
    filename: str
    modified: dt.datetime


class Bestandsdelen(Collection):
    """The parts of chunked uploads: stored bodies plus the uploaded bytes of each part."""

    api = DOCUMENTEN
    name = "bestandsdelen"
    uuid_field = False
    operations = frozenset()

    def __init__(self, backend: InMemoryBackend) -> None:
        super().__init__(backend)
        self.contents: dict[str, bytes] = {}

    def register(self, router: Router) -> None:
        router.add(DOCUMENTEN, "bestandsdelen/{uuid}", {"PUT": self.handle_upload})

    def render(self, body: JSON) -> JSON:
        document = self.backend.get(body["informatieobject"]) or {}
        return {
            "url": body["url"],
            "volgnummer": body["volgnummer"],
            "omvang": body["omvang"],
            "voltooid": body["voltooid"],
            "lock": document.get("lock", ""),
        }

    def of(self, document_url: str) -> list[JSON]:
        """The parts of a document, by ``volgnummer``."""
        parts = self.backend.related(DOCUMENTEN, self.name, "informatieobject").get(document_url)
        return sorted(parts or [], key=lambda p: int(p["volgnummer"]))

    def create(self, document_url: str, size: int, seeded: Any = None) -> None:
        """Split ``size`` bytes into parts of ``backend.chunk_size`` (Open Zaak's rule)."""
        chunk = max(int(self.backend.chunk_size), 1)
        urls = [p.get("url") for p in seeded if isinstance(p, dict)] if seeded else []
        number = 0
        while size > 0:
            number += 1
            omvang = min(chunk, size)
            url = urls[number - 1] if number <= len(urls) else None
            key = _key(url) if url else str(uuidlib.uuid4())
            self.backend.store(
                DOCUMENTEN,
                self.name,
                key,
                {
                    "url": url or self.url_for(key),
                    "volgnummer": number,
                    "omvang": omvang,
                    "voltooid": False,
                    "informatieobject": document_url,
                },
            )
            size -= omvang

    def wipe(self, document_url: str) -> None:
        for part in self.of(document_url):
            self.backend.unstore(DOCUMENTEN, self.name, _key(part["url"]))
            self.contents.pop(_key(part["url"]), None)

    def merge(self, document_url: str) -> bytes:
        return b"".join(self.contents.get(_key(p["url"]), b"") for p in self.of(document_url))

    def handle_upload(self, ctx: RequestContext) -> httpx.Response:
        """``PUT bestandsdelen/{uuid}``: one part as multipart ``inhoud`` + ``lock``."""
        part = self.get_or_404(ctx)
        fields = form_fields(ctx.request)
        missing = [
            InvalidParam(name, "required", REQUIRED)
            for name in ("inhoud", "lock")
            if name not in fields
        ]
        if missing:
            raise validation_error(*missing)
        content, lock = fields["inhoud"], fields["lock"].decode()
        if len(content) != part["omvang"]:
            raise _non_field(
                "file-size",
                "Het aangeleverde bestand heeft een afwijkende bestandsgrootte (volgens het "
                f"`omvang`-veld).Verwachting: {part['omvang']}b, ontvangen: {len(content)}b",
            )
        document = self.backend.get(part["informatieobject"]) or {}
        if lock != document.get("lock"):
            raise _non_field("incorrect-lock-id", "Het lock ID is niet geldig")
        self.contents[ctx.params["uuid"]] = content
        part["voltooid"] = True
        self.backend.store(DOCUMENTEN, self.name, ctx.params["uuid"], part)
        return json_response(200, self.render(part))


def form_fields(request: httpx.Request) -> dict[str, bytes]:
    """The fields of a ``multipart/form-data`` or urlencoded body (DRF's parsers)."""
    content_type = request.headers.get("Content-Type", "")
    if content_type.startswith("application/x-www-form-urlencoded"):
        pairs = parse_qsl(request.content.decode(), keep_blank_values=True)
        return {k: v.encode() for k, v in pairs}
    if not content_type.startswith("multipart/form-data"):
        raise ProblemError(415, detail=f'Ongeldige media type "{content_type}" in aanvraag.')
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = email.message_from_bytes(head + request.content, policy=email.policy.HTTP)
    fields: dict[str, bytes] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        if isinstance(name, str) and isinstance(payload, bytes):
            fields[name] = payload
    return fields
