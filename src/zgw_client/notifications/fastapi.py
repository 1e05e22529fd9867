"""FastAPI (and Starlette) endpoints that receive notifications.

```python
from fastapi import FastAPI
from zgw_client.notifications.fastapi import notification_router

app = FastAPI()
app.include_router(notification_router(receiver), prefix="/notificaties")
```

Needs the `fastapi` extra (``pip install "zgw-client[fastapi]"``). Handlers run on the event
loop when `async`, in a worker thread when not.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import APIRouter, Request, Response

from ._receiver import NotificationReceiver

__all__ = ["notification_endpoint", "notification_router"]

_OTHER_METHODS = ["GET", "PUT", "PATCH", "DELETE"]


async def _read_body(request: Request, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        chunks.append(chunk[: limit - size])
        size += len(chunks[-1])
        if size >= limit:
            break
    return b"".join(chunks)


def notification_endpoint(
    receiver: NotificationReceiver,
) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint function for `app.add_api_route` or a Starlette `Route`."""

    async def receive_notification(request: Request) -> Response:
        body = await _read_body(request, receiver.max_body_size + 1)
        answer = await receiver.receive_async(request.method, request.headers, body)
        response = Response(content=answer.body, status_code=answer.status)
        for name, value in answer.headers:
            response.headers[name] = value
        return response

    return receive_notification


def notification_router(
    receiver: NotificationReceiver, *, path: str = "/", include_in_schema: bool = True
) -> APIRouter:
    """An `APIRouter` with the callback URL at `path` (POST; other methods answer 405).

    Args:
        receiver: the receiver to hand requests to.
        path: the route's path inside the router; with `include_router(prefix=...)` the
            callback URL is the prefix plus this path.
        include_in_schema: whether the POST route appears in the app's OpenAPI document.
    """
    router = APIRouter()
    endpoint = notification_endpoint(receiver)
    router.add_api_route(
        path,
        endpoint,
        methods=["POST"],
        status_code=204,
        summary="Receive a notification (Notificaties API webhook)",
        include_in_schema=include_in_schema,
        response_class=Response,
    )
    router.add_api_route(path, endpoint, methods=_OTHER_METHODS, include_in_schema=False)
    return router
