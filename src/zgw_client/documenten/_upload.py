"""Pure helpers for document uploads and downloads: sources, part windows and errors.

Nothing here does network I/O, so both client faces share it. A chunked upload reads the
source part by part through `PartReader` windows, so memory stays near the size of
httpx's read buffer (64 KiB) whatever the file size.
"""

from __future__ import annotations

import base64
import io
import os
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from urllib.parse import unquote

from .._exceptions import InputError, UnexpectedResponseError, ZGWError
from .models import BestandsDeel

__all__ = [
    "DEFAULT_CHUNK_THRESHOLD",
    "ChunkedUploadError",
    "OpenedSource",
    "PartPlan",
    "PartReader",
    "ProgressCallback",
    "UploadSource",
    "encode_base64",
    "filename_from_disposition",
    "open_source",
    "plan_parts",
]

#: Files up to this size (bytes) are sent base64-encoded in one POST; larger ones in parts.
DEFAULT_CHUNK_THRESHOLD = 4 * 1024 * 1024

#: What ``upload`` accepts: the bytes, a path, or a binary file opened for reading.
UploadSource = bytes | bytearray | memoryview | str | os.PathLike[str] | IO[bytes]

#: Called as ``progress(bytes_sent, total)`` after each step of an upload.
ProgressCallback = Callable[[int, int], None]


class ChunkedUploadError(ZGWError):
    """A chunked upload stopped before the document was complete and unlocked.

    The document exists and stays locked. Pass `document_url`, the same source and
    `lock` to ``resume_upload`` to send only the parts still missing and unlock it, or
    unlock it yourself to give up (the server then drops the incomplete parts).

    Attributes:
        document_url: URL of the (locked) enkelvoudiginformatieobject.
        lock: the lock the upload holds; needed to resume or unlock.
        done: ``volgnummer`` of every bestandsdeel the server has fully received.
        pending: ``volgnummer`` of every bestandsdeel still to send.
    """

    def __init__(
        self,
        message: str,
        *,
        document_url: str,
        lock: str,
        done: Sequence[int],
        pending: Sequence[int],
    ) -> None:
        super().__init__(message)
        self.document_url = document_url
        self.lock = lock
        self.done = list(done)
        self.pending = list(pending)


ChunkedUploadError.__module__ = "zgw_client.documenten"  # where users import it from


@dataclass(frozen=True)
class OpenedSource:
    """A source ready to read: a seekable binary file, its size and a file name."""

    file: IO[bytes]
    size: int
    name: str | None
    start: int = 0


@contextmanager
def open_source(source: UploadSource) -> Iterator[OpenedSource]:
    """Open ``source`` for reading; a path is opened here and closed afterwards.

    A file object given by the caller is read from its current position and not closed.

    Raises:
        InputError: for a file that cannot seek (its size and parts must be known up front)
            or a path that does not exist.
    """
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        yield OpenedSource(io.BytesIO(data), len(data), None)
        return
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        if not path.is_file():
            raise InputError(f"{path} is not a file; pass a path, bytes or a binary file.")
        with path.open("rb") as file:
            yield OpenedSource(file, path.stat().st_size, path.name)
        return
    if isinstance(source, io.TextIOBase):
        raise InputError("Open the file in binary mode ('rb') to upload it.")
    try:
        start = source.tell()
        end = source.seek(0, os.SEEK_END)
        source.seek(start)
    except (AttributeError, OSError):
        raise InputError(
            "The file cannot seek; pass a path or a seekable binary file so that its size "
            "is known and its parts can be read (and re-read on a retry)."
        ) from None
    name = getattr(source, "name", None)
    yield OpenedSource(
        source, end - start, Path(name).name if isinstance(name, str) else None, start
    )


def encode_base64(source: OpenedSource) -> str:
    """The whole source as base64 text (for the small, single-POST upload)."""
    source.file.seek(source.start)
    return base64.b64encode(source.file.read(source.size)).decode("ascii")


class PartReader:
    """A read-only, seekable window of ``length`` bytes at ``offset`` of a binary file.

    httpx reads a multipart file field in 64 KiB chunks and seeks it to 0 before each
    attempt, so a retried PUT re-sends exactly this part without holding it in memory.
    Several windows may share one file: each seeks before it reads.
    """

    def __init__(self, file: IO[bytes], offset: int, length: int) -> None:
        self._file = file
        self._offset = offset
        self._length = length
        self._position = 0

    def __len__(self) -> int:
        return self._length

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._position

    def seek(self, offset: int, whence: int = os.SEEK_SET) -> int:
        if whence == os.SEEK_SET:
            position = offset
        elif whence == os.SEEK_CUR:
            position = self._position + offset
        elif whence == os.SEEK_END:
            position = self._length + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        self._position = max(0, min(position, self._length))
        return self._position

    def read(self, size: int = -1) -> bytes:
        remaining = self._length - self._position
        if remaining <= 0:
            return b""
        count = remaining if size is None or size < 0 else min(size, remaining)
        self._file.seek(self._offset + self._position)
        data = self._file.read(count)
        self._position += len(data)
        return data


@dataclass(frozen=True)
class PartPlan:
    """One bestandsdeel to send: where it goes and which bytes of the source it holds."""

    url: str
    volgnummer: int
    offset: int
    size: int
    done: bool


def plan_parts(parts: Sequence[BestandsDeel], total: int) -> list[PartPlan]:
    """Map the server's bestandsdelen (ordered by ``volgnummer``) onto byte ranges.

    Raises:
        UnexpectedResponseError: when the parts do not add up to ``total`` bytes.
    """
    ordered = sorted(parts, key=lambda part: part.volgnummer or 0)
    plans: list[PartPlan] = []
    offset = 0
    for part in ordered:
        size = part.omvang or 0
        plans.append(
            PartPlan(
                url=str(part.url),
                volgnummer=part.volgnummer or len(plans) + 1,
                offset=offset,
                size=size,
                done=bool(part.voltooid),
            )
        )
        offset += size
    if offset != total:
        raise UnexpectedResponseError(
            f"The server's bestandsdelen add up to {offset} bytes, but the file has {total}. "
            "Is this the same file the document was created for?"
        )
    return plans


_FILENAME_STAR = re.compile(r"filename\*\s*=\s*([^']*)'[^']*'([^;]+)", re.IGNORECASE)
_FILENAME = re.compile(r'filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]+))', re.IGNORECASE)


def filename_from_disposition(header: str | None) -> str | None:
    """The file name in a ``Content-Disposition`` header (``filename*`` preferred)."""
    if not header:
        return None
    star = _FILENAME_STAR.search(header)
    if star:
        try:
            return unquote(star.group(2).strip(), encoding=star.group(1) or "utf-8")
        except LookupError:  # an unknown charset name
            return unquote(star.group(2).strip())
    plain = _FILENAME.search(header)
    if plain:
        value = plain.group(1) if plain.group(1) is not None else plain.group(2)
        return value.replace('\\"', '"').strip() or None
    return None
