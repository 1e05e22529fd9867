"""A plain ASGI app that receives notifications: mount it in any ASGI server or framework.

```python
from zgw_client.notifications.asgi import asgi_app

app = asgi_app(receiver)  # uvicorn module:app --host 127.0.0.1
```

It answers every path (mount it where the callback URL points) and handles the `lifespan`
protocol so a server can start it on its own. No framework is imported.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from ._receiver import NotificationReceiver

__all__ = ["ASGIApp", "asgi_app", "read_asgi_body"]

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
#: The ASGI 3 application signature.
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


async def read_asgi_body(receive: Receive, limit: int) -> bytes:
    """The request body, but at most `limit` bytes (stops reading there).

    Callers pass the receiver's `max_body_size + 1`, so a body over the cap arrives too long
    and the receiver answers 413 without the rest being held in memory.
    """
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        if chunk:
            chunks.append(chunk[: limit - size])
            size += len(chunks[-1])
        if size >= limit or not message.get("more_body", False):
            break
    return b"".join(chunks)


def asgi_app(receiver: NotificationReceiver) -> ASGIApp:
    """An ASGI 3 app that hands each HTTP request to `receiver.receive_async`."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            while True:
                message = await receive()
                if message["type"] == "lifespan.startup":
                    await send({"type": "lifespan.startup.complete"})
                elif message["type"] == "lifespan.shutdown":
                    await send({"type": "lifespan.shutdown.complete"})
                    return
        if scope["type"] != "http":
            return  # websockets: nothing to receive here; the server closes them
        body = await read_asgi_body(receive, receiver.max_body_size + 1)
        response = await receiver.receive_async(scope["method"], scope["headers"], body)
        headers = [
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in response.headers
        ]
        if response.body:
            headers.append((b"content-length", str(len(response.body)).encode()))
        await send({"type": "http.response.start", "status": response.status, "headers": headers})
        await send({"type": "http.response.body", "body": response.body})

    return app
