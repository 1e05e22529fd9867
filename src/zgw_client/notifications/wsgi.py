"""A plain WSGI app that receives notifications: for gunicorn, uWSGI, mod_wsgi, Flask mounts.

```python
from zgw_client.notifications.wsgi import wsgi_app

application = wsgi_app(receiver)  # gunicorn module:application -b 127.0.0.1:8000
```

It answers every path and imports no framework. Handlers run in the request's thread;
`async` handlers run with `asyncio.run`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any

from ._receiver import NotificationReceiver

__all__ = ["WSGIApp", "environ_headers", "wsgi_app"]

StartResponse = Callable[..., Any]
#: The WSGI application signature (PEP 3333).
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def environ_headers(environ: dict[str, Any]) -> list[tuple[str, str]]:
    """The request headers of a WSGI `environ` (`HTTP_*`, `CONTENT_TYPE`, `CONTENT_LENGTH`)."""
    headers = []
    for key, value in environ.items():
        if key.startswith("HTTP_"):
            headers.append((key[5:].replace("_", "-"), value))
        elif key in ("CONTENT_TYPE", "CONTENT_LENGTH") and value:
            headers.append((key.replace("_", "-"), value))
    return headers


def _read_body(environ: dict[str, Any], limit: int) -> bytes:
    stream = environ.get("wsgi.input")
    if stream is None:
        return b""
    try:
        length = int(environ.get("CONTENT_LENGTH") or -1)
    except ValueError:
        length = -1
    if length >= 0:
        data: bytes = stream.read(min(length, limit))
        return data
    # No length: PEP 3333 allows reading only when the server says the stream ends.
    if environ.get("wsgi.input_terminated"):
        chunked: bytes = stream.read(limit)
        return chunked
    return b""


def wsgi_app(receiver: NotificationReceiver) -> WSGIApp:
    """A WSGI app that hands each request to `receiver.receive`."""

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        body = _read_body(environ, receiver.max_body_size + 1)
        response = receiver.receive(
            environ.get("REQUEST_METHOD", "GET"), environ_headers(environ), body
        )
        status = HTTPStatus(response.status)
        headers = list(response.headers)
        if response.body:
            headers.append(("Content-Length", str(len(response.body))))
        start_response(f"{status.value} {status.phrase}", headers)
        return [response.body]

    return app
