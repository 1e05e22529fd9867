# GENERATED from src/zgw_client/_async/documenten.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Documenten API's resources on the synchronous client (``client.documenten``).

Generated from its ``_async/`` source by ``scripts/unasync.py``.

Besides CRUD, documents (enkelvoudiginformatieobjecten) can be downloaded as a stream,
uploaded in parts (bestandsdelen) with resume after a failure, and locked for editing.
Neither direction holds a whole file in memory.
"""

from __future__ import annotations

import builtins
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import httpx
from pydantic import BaseModel
from typing_extensions import Unpack

from .. import _core
from .._exceptions import UnexpectedResponseError, ZGWError
from .._models import parse_response_list
from .._resource import Ref, search_body, write_body
from ..documenten import _filters as f
from ..documenten._upload import (
    DEFAULT_CHUNK_THRESHOLD,
    ChunkedUploadError,
    OpenedSource,
    PartReader,
    ProgressCallback,
    UploadSource,
    encode_base64,
    filename_from_disposition,
    open_source,
    plan_parts,
)
from ..documenten.models import (
    AuditTrail,
    BestandsDeel,
    EnkelvoudigInformatieObject,
    Gebruiksrechten,
    ObjectInformatieObject,
    Verzending,
)
from .api import API, ResourceSlot
from .pagination import Paginator
from .resource import Resource, Timeout

__all__ = [
    "DocumentenAPI",
    "Download",
    "EnkelvoudigInformatieObjecten",
    "GebruiksrechtenResource",
    "ObjectInformatieObjecten",
    "Verzendingen",
]

#: Fields of a document body that the server sets; dropped from upload metadata.
_READ_ONLY = ("url", "inhoud", "bestandsdelen", "locked", "lock", "beginRegistratie", "versie")


class Download:
    """An open download: its headers now, its bytes as you iterate.

    Yielded by `EnkelvoudigInformatieObjecten.download`; the body is read only
    while you iterate ``for chunk in download`` (or `iter_bytes`).
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.filename!r} size={self.size}>"

    @property
    def filename(self) -> str | None:
        """The file name from ``Content-Disposition`` (Open Zaak: ``<uuid>.bin`` after a
        base64 upload, the ``bestandsnaam`` after a chunked one)."""
        return filename_from_disposition(self.response.headers.get("Content-Disposition"))

    @property
    def content_type(self) -> str | None:
        """The ``Content-Type`` the server sent (usually ``application/octet-stream``)."""
        value = self.response.headers.get("Content-Type")
        return str(value) if value is not None else None

    @property
    def size(self) -> int | None:
        """The ``Content-Length`` in bytes, when the server sent it."""
        length = self.response.headers.get("Content-Length")
        return int(length) if length and length.isdigit() else None

    @property
    def etag(self) -> str | None:
        """The download's ``ETag``, when the server sent it."""
        value = self.response.headers.get("ETag")
        return str(value) if value is not None else None

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        """The body, chunk by chunk (``chunk_size`` bytes, or as received)."""
        return _guarded(self.response, chunk_size)

    def __iter__(self) -> Iterator[bytes]:
        return self.iter_bytes()


class EnkelvoudigInformatieObjecten(Resource[EnkelvoudigInformatieObject]):
    """``/enkelvoudiginformatieobjecten``: documents, their content, versions and locks.

    CRUD as on every resource, plus
    [`search`][zgw_client.documenten.EnkelvoudigInformatieObjecten.search],
    [`download`][zgw_client.documenten.EnkelvoudigInformatieObjecten.download] /
    [`stream_download`][zgw_client.documenten.EnkelvoudigInformatieObjecten.stream_download] /
    [`download_to`][zgw_client.documenten.EnkelvoudigInformatieObjecten.download_to],
    [`upload`][zgw_client.documenten.EnkelvoudigInformatieObjecten.upload] /
    [`resume_upload`][zgw_client.documenten.EnkelvoudigInformatieObjecten.resume_upload],
    [`lock`][zgw_client.documenten.EnkelvoudigInformatieObjecten.lock] /
    [`unlock`][zgw_client.documenten.EnkelvoudigInformatieObjecten.unlock] /
    [`locked`][zgw_client.documenten.EnkelvoudigInformatieObjecten.locked] and
    [`audittrail`][zgw_client.documenten.EnkelvoudigInformatieObjecten.audittrail]. Changing a
    locked document (``update``, ``partial_update``) needs its ``lock`` in the body.
    """

    kind, path, model = "documenten", "enkelvoudiginformatieobjecten", EnkelvoudigInformatieObject
    wire_names = f.WIRE_NAMES["EnkelvoudiginformatieobjectenFilters"]
    joined = f.JOINED["EnkelvoudiginformatieobjectenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.EnkelvoudiginformatieobjectenFilters],
    ) -> Paginator[EnkelvoudigInformatieObject]:
        """Documents matching ``filters`` (``bronorganisatie``, ``identificatie``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case, e.g.
                ``objectinformatieobjecten__object=<zaak url>``.

        Returns:
            A lazy paginator over the matching documents.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)

    def search(
        self,
        *,
        limit: int | None = None,
        **filters: Unpack[f.EnkelvoudiginformatieobjectenZoekFilters],
    ) -> Paginator[EnkelvoudigInformatieObject]:
        """``POST /enkelvoudiginformatieobjecten/_zoek``: find documents by a list of UUIDs.

        Args:
            limit: stop after this many items.
            **filters: body fields: ``uuid__in`` (required by the spec),
                ``bronorganisatie``, ``identificatie``, ``expand`` (sent as a JSON array).

        Returns:
            A lazy paginator over the documents found.
        """
        body = search_body(filters, f.WIRE_NAMES["EnkelvoudiginformatieobjectenZoekFilters"])
        return self._search(f"{self.path}/_zoek", body, limit=limit)

    def audittrail(self, document: Ref | BaseModel) -> builtins.list[AuditTrail]:
        """The document's audit trail: who changed what, oldest first (an unpaged list).

        Args:
            document: the document's URL, UUID or model.
        """
        url = self.url_of(document).rstrip("/") + "/audittrail"
        body = self._client.get_json(url)
        return parse_response_list(AuditTrail, body, source=f"GET {_core.loggable_url(url)}")

    # -- download ----------------------------------------------------------------------
    def _download_params(self, versie: int | None, registratie_op: str | None) -> dict[str, Any]:
        params: dict[str, Any] = {}
        if versie is not None:
            params["versie"] = versie
        if registratie_op is not None:
            params["registratieOp"] = registratie_op
        return params

    @contextmanager
    def download(
        self,
        document: Ref | BaseModel,
        *,
        versie: int | None = None,
        registratie_op: str | None = None,
        timeout: Timeout = None,
    ) -> Iterator[Download]:
        """Open the document's content for streaming (``GET {url}/download``).

        The body is never held in memory as a whole; it is read as you iterate, and the
        connection is released when the block ends (also when you stop early)::

            with client.documenten.enkelvoudiginformatieobjecten.download(url) as dl:
                print(dl.filename, dl.size)
                for chunk in dl:
                    sink.write(chunk)

        Args:
            document: the document's URL, UUID or model.
            versie: a version number (default: the latest).
            registratie_op: an ISO 8601 date-time; the version registered last before it.
            timeout: seconds (or an ``httpx.Timeout``) for this call only.

        Yields:
            An `Download` with the headers and the body as an iterator.
        """
        url = self.url_of(document).rstrip("/") + "/download"
        params = self._download_params(versie, registratie_op)
        with self._client.stream(
            "GET", url, params=params or None, headers={"Accept": "*/*"}, timeout=timeout
        ) as response:
            yield Download(response)

    def stream_download(
        self,
        document: Ref | BaseModel,
        *,
        versie: int | None = None,
        registratie_op: str | None = None,
        chunk_size: int | None = None,
        timeout: Timeout = None,
    ) -> Iterator[bytes]:
        """The document's content as an iterator of byte chunks.

        Read it to the end (or close the iterator) to release the connection; use
        [`download`][zgw_client.documenten.EnkelvoudigInformatieObjecten.download] when you may stop
        early.

        Args:
            document: the document's URL, UUID or model.
            versie: a version number (default: the latest).
            registratie_op: an ISO 8601 date-time; the version registered last before it.
            chunk_size: bytes per chunk (default: as received).
            timeout: seconds (or an ``httpx.Timeout``) for this call only.

        Yields:
            The content, chunk by chunk.
        """
        with self.download(
            document, versie=versie, registratie_op=registratie_op, timeout=timeout
        ) as download:
            for chunk in download.iter_bytes(chunk_size):
                yield chunk

    def download_to(
        self,
        document: Ref | BaseModel,
        destination: str | os.PathLike[str] | IO[bytes],
        *,
        versie: int | None = None,
        registratie_op: str | None = None,
        chunk_size: int | None = 64 * 1024,
        timeout: Timeout = None,
    ) -> int:
        """Write the document's content to a file, chunk by chunk.

        Args:
            document: the document's URL, UUID or model.
            destination: a path (created or overwritten) or a binary file open for writing
                (left open).
            versie: a version number (default: the latest).
            registratie_op: an ISO 8601 date-time; the version registered last before it.
            chunk_size: bytes per write.
            timeout: seconds (or an ``httpx.Timeout``) for this call only.

        Returns:
            The number of bytes written.
        """
        with self.download(
            document, versie=versie, registratie_op=registratie_op, timeout=timeout
        ) as download:
            if isinstance(destination, (str, os.PathLike)):
                # Plain blocking file I/O: the sync face is generated from this code.
                with Path(destination).open("wb") as file:  # noqa: ASYNC230
                    return _write_chunks(download, file, chunk_size)
            return _write_chunks(download, destination, chunk_size)

    # -- locking -----------------------------------------------------------------------
    def lock(
        self,
        document: Ref | BaseModel,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> str:
        """Lock (check out) a document so that only the lock holder can change it.

        Args:
            document: the document's URL, UUID or model.
            headers: extra headers for this request.
            timeout: seconds (or an ``httpx.Timeout``) for this call only.

        Returns:
            The lock id: send it as ``lock`` with ``update``/``partial_update`` and
            [`unlock`][zgw_client.documenten.EnkelvoudigInformatieObjecten.unlock].
        """
        url = self.url_of(document).rstrip("/") + "/lock"
        response = self._client.request(
            "POST", url, json={}, headers=headers, timeout=timeout
        )
        return str(_core.decode_json(response)["lock"])

    def unlock(
        self,
        document: Ref | BaseModel,
        lock: str | None,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> None:
        """Unlock (check in) a document. After a chunked upload this merges the parts.

        Args:
            document: the document's URL, UUID or model.
            lock: the lock id from
                [`lock`][zgw_client.documenten.EnkelvoudigInformatieObjecten.lock]; ``None`` forces
                the unlock, which needs the ``documenten.geforceerd-unlock`` scope.
            headers: extra headers for this request.
            timeout: seconds (or an ``httpx.Timeout``) for this call only.
        """
        url = self.url_of(document).rstrip("/") + "/unlock"
        body = {"lock": lock} if lock is not None else {}
        self._client.request("POST", url, json=body, headers=headers, timeout=timeout)

    @contextmanager
    def locked(
        self, document: Ref | BaseModel, *, timeout: Timeout = None
    ) -> Iterator[str]:
        """Hold a document's lock for the length of a block; it is always unlocked after.

        ::

            with documenten.locked(url) as lock:
                documenten.partial_update(url, {"titel": "Nieuw", "lock": lock})

        When the block raises, the unlock is still sent and the block's exception is the
        one you see (a failing unlock is then only logged).

        Args:
            document: the document's URL, UUID or model.
            timeout: seconds (or an ``httpx.Timeout``) for the lock and unlock calls.

        Yields:
            The lock id.
        """
        lock = self.lock(document, timeout=timeout)
        try:
            yield lock
        except BaseException:
            try:
                self.unlock(document, lock, timeout=timeout)
            except ZGWError as exc:
                _core.logger.warning(
                    "Could not unlock %s after an error: %s",
                    _core.loggable_url(self.url_of(document)),
                    exc,
                )
            raise
        self.unlock(document, lock, timeout=timeout)

    # -- upload ------------------------------------------------------------------------
    def upload(
        self,
        source: UploadSource,
        *,
        metadata: Mapping[str, Any] | EnkelvoudigInformatieObject,
        chunk_threshold: int = DEFAULT_CHUNK_THRESHOLD,
        progress: ProgressCallback | None = None,
        timeout: Timeout = None,
    ) -> EnkelvoudigInformatieObject:
        """Create a document with its content, in one POST or in parts (bestandsdelen).

        A source up to ``chunk_threshold`` bytes is sent base64-encoded as ``inhoud`` in
        the create. A larger one is created with ``inhoud: null`` and its
        ``bestandsomvang``; the server answers with the parts it wants (their ``omvang``),
        each part is PUT as multipart (read from the source as it is sent, never the whole
        file at once), and the document is unlocked, which merges the parts.

        Args:
            source: the content: bytes, a path, or a seekable binary file (read from its
                current position; not closed).
            metadata: the document's fields in camelCase (``bronorganisatie``,
                ``creatiedatum``, ``titel``, ``auteur``, ``taal``,
                ``informatieobjecttype``, ...) or a model. ``bestandsnaam`` defaults to
                the file's name.
            chunk_threshold: the largest size, in bytes, sent in one POST.
            progress: called as ``progress(bytes_sent, total)`` after each step.
            timeout: seconds (or an ``httpx.Timeout``) per request.

        Returns:
            The document as the server stored it (after the unlock, for a chunked upload).

        Raises:
            ChunkedUploadError: a part or the final unlock failed. The document exists and is
                locked; the error carries its URL, the lock and the parts done, for
                [`resume_upload`][zgw_client.documenten.EnkelvoudigInformatieObjecten.resume_upload].
                The cause is chained.
        """
        body = write_body(metadata)
        for key in _READ_ONLY:
            body.pop(key, None)
        with open_source(source) as opened:
            if opened.name and not body.get("bestandsnaam"):
                body["bestandsnaam"] = opened.name
            body["bestandsomvang"] = opened.size
            if opened.size <= chunk_threshold:
                body["inhoud"] = encode_base64(opened)
                document = self.create(body, timeout=timeout)
                if progress is not None:
                    progress(opened.size, opened.size)
                return document
            body["inhoud"] = None
            document = self.create(body, timeout=timeout)
            if progress is not None:
                progress(0, opened.size)
            return self._send_parts(
                str(document.url),
                document.lock or "",
                document.bestandsdelen or [],
                opened,
                progress,
                timeout,
            )

    def resume_upload(
        self,
        document: Ref | BaseModel,
        source: UploadSource,
        lock: str,
        *,
        progress: ProgressCallback | None = None,
        timeout: Timeout = None,
    ) -> EnkelvoudigInformatieObject:
        """Finish a chunked upload that stopped: send the parts not yet done, then unlock.

        The server's ``voltooid`` flags say which parts it already has; only the others
        are read from ``source`` and sent.

        Args:
            document: the document's URL, UUID or model (``ChunkedUploadError.document_url``).
            source: the same content as the first attempt (bytes, a path or a seekable
                binary file).
            lock: the upload's lock (``ChunkedUploadError.lock``).
            progress: called as ``progress(bytes_sent, total)`` after each part (parts
                already done count as sent).
            timeout: seconds (or an ``httpx.Timeout``) per request.

        Returns:
            The complete, unlocked document.

        Raises:
            ChunkedUploadError: a part or the unlock failed again; resume once more.
        """
        url = self.url_of(document)
        response = self._client.request("GET", url, timeout=timeout)
        current = self.parse(_core.decode_json(response))
        with open_source(source) as opened:
            return self._send_parts(
                url, lock, current.bestandsdelen or [], opened, progress, timeout
            )

    def _send_parts(
        self,
        url: str,
        lock: str,
        parts: builtins.list[BestandsDeel],
        opened: OpenedSource,
        progress: ProgressCallback | None,
        timeout: Timeout,
    ) -> EnkelvoudigInformatieObject:
        try:
            plans = plan_parts(parts, opened.size)
        except UnexpectedResponseError as exc:
            # Before any part: the caller gets the lock, to unlock or to resume with the
            # right file; nothing is unlocked behind their back.
            numbered = sorted(parts, key=lambda part: part.volgnummer or 0)
            numbers = [
                (part.volgnummer or n, bool(part.voltooid)) for n, part in enumerate(numbered, 1)
            ]
            raise ChunkedUploadError(
                f"{exc} No part of {url} was sent and the document stays locked: call "
                "resume_upload(document_url, source, lock) with the file it was created for, "
                "or unlock(document_url, lock) to give up.",
                document_url=url,
                lock=lock,
                done=[number for number, done in numbers if done],
                pending=[number for number, done in numbers if not done],
            ) from exc
        done = [plan.volgnummer for plan in plans if plan.done]
        sent = sum(plan.size for plan in plans if plan.done)
        filename = opened.name or "inhoud"
        for plan in plans:
            if plan.done:
                continue
            window = PartReader(opened.file, opened.start + plan.offset, plan.size)
            try:
                self._client.request(
                    "PUT",
                    plan.url,
                    data={"lock": lock},
                    files={"inhoud": (filename, window, "application/octet-stream")},
                    timeout=timeout,
                )
            except (ZGWError, OSError) as exc:
                pending = [p.volgnummer for p in plans if p.volgnummer not in done]
                raise ChunkedUploadError(
                    f"Uploading part {plan.volgnummer} of {len(plans)} of {url} failed: {exc}. "
                    "The document stays locked; call resume_upload(document_url, source, lock) "
                    "to send the remaining parts.",
                    document_url=url,
                    lock=lock,
                    done=done,
                    pending=pending,
                ) from exc
            done.append(plan.volgnummer)
            sent += plan.size
            if progress is not None:
                progress(sent, opened.size)
        try:
            self.unlock(url, lock, timeout=timeout)
        except ZGWError as exc:
            raise ChunkedUploadError(
                f"Every part of {url} was sent, but the unlock failed: {exc}. Call "
                "resume_upload(document_url, source, lock) to unlock it.",
                document_url=url,
                lock=lock,
                done=done,
                pending=[],
            ) from exc
        return self.get(url, timeout=timeout)


def _guarded(response: httpx.Response, chunk_size: int | None) -> Iterator[bytes]:
    """The body's chunks; a connection that breaks off is a ZGWError, not httpx's."""
    try:
        for chunk in response.iter_bytes(chunk_size):
            yield chunk
    except httpx.RequestError as exc:
        raise _core.body_error(exc, response.request) from exc


def _write_chunks(download: Download, file: IO[bytes], chunk_size: int | None) -> int:
    written = 0
    for chunk in download.iter_bytes(chunk_size):
        file.write(chunk)
        written += len(chunk)
    return written


class ObjectInformatieObjecten(Resource[ObjectInformatieObject]):
    """``/objectinformatieobjecten``: which zaken and besluiten a document belongs to.

    The server creates these itself when a zaakinformatieobject or besluitinformatieobject
    is made; the list is a plain (unpaged) array.
    """

    kind, path, model = "documenten", "objectinformatieobjecten", ObjectInformatieObject
    wire_names = f.WIRE_NAMES["ObjectinformatieobjectenFilters"]
    joined = f.JOINED["ObjectinformatieobjectenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ObjectinformatieobjectenFilters],
    ) -> Paginator[ObjectInformatieObject]:
        """Links matching ``filters`` (``object=<zaak url>``, ``informatieobject=<url>``).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy iterator over the links (one unpaged response).
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class GebruiksrechtenResource(Resource[Gebruiksrechten]):
    """``/gebruiksrechten``: the terms of use of a document (an unpaged list)."""

    kind, path, model = "documenten", "gebruiksrechten", Gebruiksrechten
    wire_names = f.WIRE_NAMES["GebruiksrechtenFilters"]
    joined = f.JOINED["GebruiksrechtenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.GebruiksrechtenFilters],
    ) -> Paginator[Gebruiksrechten]:
        """Gebruiksrechten matching ``filters`` (``informatieobject``, date ranges, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy iterator over the gebruiksrechten (one unpaged response).
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class Verzendingen(Resource[Verzending]):
    """``/verzendingen``: documents sent to or received from a betrokkene."""

    kind, path, model = "documenten", "verzendingen", Verzending
    wire_names = f.WIRE_NAMES["VerzendingenFilters"]
    joined = f.JOINED["VerzendingenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.VerzendingenFilters],
    ) -> Paginator[Verzending]:
        """Verzendingen matching ``filters`` (``informatieobject``, ``betrokkene``, ...).

        Args:
            limit: stop after this many items.
            extra_params: query parameters as they are (identifiers, empty values checked).
            **filters: the spec's filters in snake_case.

        Returns:
            A lazy paginator over the verzendingen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class DocumentenAPI(API):
    """The Documenten API: ``client.documenten.enkelvoudiginformatieobjecten``, ...

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``; documents also stream, upload in parts and lock.
    """

    kind = "documenten"

    enkelvoudiginformatieobjecten = ResourceSlot(EnkelvoudigInformatieObjecten)
    objectinformatieobjecten = ResourceSlot(ObjectInformatieObjecten)
    gebruiksrechten = ResourceSlot(GebruiksrechtenResource)
    verzendingen = ResourceSlot(Verzendingen)
