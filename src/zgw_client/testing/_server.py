"""Serving a backend over real HTTP on loopback, for demos, benchmarks and non-httpx clients.

A ``ThreadingHTTPServer`` runs in a daemon thread; each request is handed to
``backend.process`` with the host the client used, so response URLs name the served
``host:port``. With ``backend.latency`` set, each answer leaves that many seconds after its
request came in: the backend's own work counts towards it, as a real server's response time
includes its work. Connection-level faults act on the socket: ``reset`` closes it with an RST
before answering, ``disconnect`` closes it after reading the request, ``timeout`` keeps it
silent for ``hang_seconds`` (interrupted when the server stops).
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import TYPE_CHECKING

import httpx

from ._faults import Fault

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

_HOP_BY_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length"}


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    # The default backlog of 5 makes concurrent clients wait for SYN retries (a second).
    request_queue_size = 256

    def __init__(self, address: tuple[str, int], backend: InMemoryBackend) -> None:
        super().__init__(address, _Handler)
        self.backend = backend
        self.stopping = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Without it, a response written in two parts waits for the client's delayed ACK (40 ms)
    # on every keep-alive request; answers go out in one write, faults and errors may not.
    disable_nagle_algorithm = True
    server: _Server
    arrived = 0.0

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""

    def parse_request(self) -> bool:
        # The request line has just been read: the request is here. Latency counts from now.
        self.arrived = time.monotonic()
        return super().parse_request()

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        content = self.rfile.read(length) if length else b""
        host = self.headers.get("Host") or "{}:{}".format(*self.server.server_address[:2])
        headers = [(k, v) for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP]
        request = httpx.Request(
            self.command, f"http://{host}{self.path}", headers=headers, content=content
        )
        backend = self.server.backend
        outcome = backend.process(request, trusted=True)
        backend.notifier.deliver_pending(origin=f"http://{host}")
        if isinstance(outcome, Fault):
            self._act_on_fault(outcome)
            return
        self.send_response(outcome.status_code)
        for key, value in outcome.headers.multi_items():
            if key.lower() not in _HOP_BY_HOP:
                self.send_header(key, value)
        body = outcome.content
        self.send_header("Content-Length", str(len(body)))
        # The answer is ready; it leaves ``latency`` after the request came in, in one write.
        if (wait := backend.wait_left(self.arrived)) > 0:
            time.sleep(wait)
        parts: list[bytes] = self._headers_buffer  # type: ignore[attr-defined]
        parts.append(b"\r\n")
        if self.command != "HEAD":
            parts.append(body)
        self.wfile.write(b"".join(parts))
        parts.clear()

    def _act_on_fault(self, fault: Fault) -> None:
        if fault.kind == "timeout":
            self.server.stopping.wait(fault.hang_seconds)
        elif fault.kind == "reset":
            # SO_LINGER with a zero timeout makes close() send an RST
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        with contextlib.suppress(OSError):
            self.connection.shutdown(socket.SHUT_RDWR)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = _answer  # noqa: N815


class ServedBackend:
    """A running server; use as a context manager. ``url`` is ``http://host:port``."""

    def __init__(self, backend: InMemoryBackend, host: str = "127.0.0.1", port: int = 0) -> None:
        self.backend = backend
        self._server = _Server((host, port), backend)
        bound_host, bound_port = self._server.server_address[:2]
        self.url = f"http://{bound_host!s}:{bound_port}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, name="zgw-in-memory-backend", daemon=True
        )

    @property
    def api_roots(self) -> dict[str, str]:
        """API name -> root URL on the served host."""
        return {name: f"{self.url}{api.root_path}" for name, api in self.backend.apis.items()}

    def start(self) -> ServedBackend:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> ServedBackend:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
