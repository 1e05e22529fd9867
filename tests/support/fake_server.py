"""A scriptable HTTP/1.1 server on a real loopback socket, for faults no mock can fake.

Every request is recorded as it arrived on the wire (method, raw target, headers), so a
test can assert what reached the server - a credential on a path outside its root, a POST
sent twice - and every answer is a `Reply` chosen by a test's ``responder``: JSON, a
redirect, a connection reset in the middle of the body, a body dripped byte by byte (or the
headers), a truncated body, a slow start, a chunked body, bytes that are no HTTP at all.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote


@dataclass(frozen=True)
class Seen:
    """One request as it reached the server."""

    method: str
    target: str  # raw request target: path and query, undecoded
    headers: dict[str, str]  # lower-cased names
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def resolved_path(self) -> str:
        """The path as a decoding, normalising proxy would route it."""
        decoded = unquote(unquote(self.path)).replace("\\", "/")
        parts: list[str] = []
        for segment in decoded.split("/"):
            bare = segment.split(";", 1)[0]
            if bare == "..":
                if parts:
                    parts.pop()
            elif bare not in (".", ""):
                parts.append(segment)
        return "/" + "/".join(parts) + ("/" if decoded.endswith("/") else "")


@dataclass
class Reply:
    """What the server does with one request.

    Attributes:
        status: the status code.
        body: JSON-able body (``None``: no body), or raw bytes.
        headers: extra response headers.
        action: ``"send"`` (normal), ``"reset"`` (close the socket before answering),
            ``"reset_mid_body"`` (send the headers and half the body, then close),
            ``"truncate"`` (announce the full length, send half, close), ``"drip"`` (send
            the body one byte every ``interval`` seconds), ``"drip_head"`` (the status
            line and headers one byte every ``interval`` seconds), ``"stall"`` (wait
            ``interval`` before answering), ``"garbage"`` (answer bytes that are no HTTP).
        interval: seconds, for ``drip``, ``drip_head`` and ``stall``.
        chunked: send the body with ``Transfer-Encoding: chunked`` (no ``Content-Length``).
        max_seconds: stop a drip after this long (and close), so that no test thread
            outlives its test by much.
    """

    status: int = 200
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    action: str = "send"
    interval: float = 0.0
    chunked: bool = False
    max_seconds: float = 30.0

    def encoded(self) -> tuple[bytes, dict[str, str]]:
        headers = dict(self.headers)
        if self.body is None:
            return b"", headers
        if isinstance(self.body, bytes):
            headers.setdefault("Content-Type", "application/octet-stream")
            return self.body, headers
        headers.setdefault("Content-Type", "application/json")
        return json.dumps(self.body).encode(), headers


Responder = Callable[[Seen], Reply]


class FakeServer:
    """Serves ``responder``'s replies on 127.0.0.1; ``seen`` lists the requests."""

    def __init__(self, responder: Responder) -> None:
        self.responder = responder
        self.seen: list[Seen] = []
        self._lock = threading.Lock()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.05)  # so that close() is noticed without a connection
        self.port = self._sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._stopped = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self._stopped.set()
        self._sock.close()
        self._thread.join(timeout=2)

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                conn, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        conn.settimeout(10)
        reader = conn.makefile("rb")
        try:
            while True:
                seen = _read_request(reader)
                if seen is None:
                    return
                with self._lock:
                    self.seen.append(seen)
                reply = self.responder(seen)
                if not _send_reply(conn, reply):
                    return
        except OSError:
            return
        finally:
            reader.close()
            conn.close()


def _read_request(reader: Any) -> Seen | None:
    line = reader.readline(65537)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        raw = reader.readline(65537)
        if raw in (b"\r\n", b"\n", b""):
            break
        name, _, value = raw.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = reader.read(length) if length else b""
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = _read_chunked(reader)
    return Seen(method, target, headers, body)


def _read_chunked(reader: Any) -> bytes:
    chunks: list[bytes] = []
    while True:
        size = int(reader.readline().split(b";")[0].strip() or b"0", 16)
        if size == 0:
            reader.readline()
            return b"".join(chunks)
        chunks.append(reader.read(size))
        reader.readline()


_REASONS = {
    200: "OK",
    201: "Created",
    204: "No Content",
    301: "Moved Permanently",
    302: "Found",
    307: "Temporary Redirect",
    400: "Bad Request",
    404: "Not Found",
    429: "Too Many Requests",
    500: "Internal Server Error",
    502: "Bad Gateway",
    503: "Service Unavailable",
    504: "Gateway Timeout",
}


def _send_reply(conn: socket.socket, reply: Reply) -> bool:
    """Send ``reply``; False when the connection is closed afterwards."""
    if reply.action == "reset":
        _hard_close(conn)
        return False
    if reply.action == "garbage":
        conn.sendall(b"\x16\x03\x01 this is no HTTP \x00\xff\r\n\r\n")
        conn.shutdown(socket.SHUT_RDWR)
        return False
    if reply.action == "stall":
        time.sleep(reply.interval)
    body, headers = reply.encoded()
    if reply.chunked:
        headers["Transfer-Encoding"] = "chunked"
        body = _chunked(body)
    else:
        headers.setdefault("Content-Length", str(len(body)))
    head = f"HTTP/1.1 {reply.status} {_REASONS.get(reply.status, 'Status')}\r\n"
    head += "".join(f"{name}: {value}\r\n" for name, value in headers.items()) + "\r\n"
    if reply.action == "drip_head":
        return _drip(conn, head.encode("latin-1"), reply) and _sendall(conn, body)
    conn.sendall(head.encode("latin-1"))
    if reply.action in ("reset_mid_body", "truncate"):
        conn.sendall(body[: len(body) // 2])
        if reply.action == "reset_mid_body":
            _hard_close(conn)
        else:
            conn.shutdown(socket.SHUT_RDWR)
        return False
    if reply.action == "drip":
        return _drip(conn, body, reply)
    conn.sendall(body)
    return True


def _sendall(conn: socket.socket, data: bytes) -> bool:
    conn.sendall(data)
    return True


def _drip(conn: socket.socket, data: bytes, reply: Reply) -> bool:
    """Send ``data`` a byte at a time; give up (and close) after ``reply.max_seconds``."""
    until = time.monotonic() + reply.max_seconds
    for index in range(len(data)):
        if time.monotonic() > until:
            conn.close()
            return False
        conn.sendall(data[index : index + 1])
        time.sleep(reply.interval)
    return True


def _chunked(body: bytes, size: int = 1024) -> bytes:
    parts = [
        f"{len(body[i : i + size]):x}\r\n".encode() + body[i : i + size] + b"\r\n"
        for i in range(0, len(body), size)
    ]
    return b"".join(parts) + b"0\r\n\r\n"


def _hard_close(conn: socket.socket) -> None:
    """Close with RST instead of FIN: what a crashing worker or a proxy timeout looks like."""
    import struct

    conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    conn.close()


@contextmanager
def fake_server(responder: Responder) -> Iterator[FakeServer]:
    server = FakeServer(responder)
    try:
        yield server
    finally:
        server.close()
