"""A notification receiver served over HTTP on 127.0.0.1 (wsgiref in a thread), for tests
that need a real callback URL: the CLI's test-bericht, the backend's HTTP delivery, the live
check against Open Notificaties."""

from __future__ import annotations

import socketserver
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from zgw_client.notifications import Notification, NotificationReceiver
from zgw_client.notifications.wsgi import wsgi_app


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


class _ThreadedServer(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True


@contextmanager
def serve_receiver(
    receiver: NotificationReceiver, host: str = "127.0.0.1", port: int = 0
) -> Iterator[str]:
    """Serve ``receiver`` until the block ends; yields its URL (``http://host:port/``)."""
    server = make_server(host, port, wsgi_app(receiver), _ThreadedServer, _QuietHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def recording(receiver: NotificationReceiver) -> list[Notification]:
    """Register a handler on ``receiver`` that keeps every notification it gets."""
    received: list[Notification] = []

    @receiver.on(name="tests.recording")
    def keep(notification: Notification) -> None:
        received.append(notification)

    return received
