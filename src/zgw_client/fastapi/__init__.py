"""FastAPI / Starlette integration: one `AsyncZGWClient` per app, opened and closed by the
app's lifespan, and a dependency that hands it to endpoints (extra ``fastapi``).

Example:
    ```python
    from fastapi import FastAPI
    from zgw_client import AsyncZGWClient
    from zgw_client.fastapi import ZGWClientDep, zgw_lifespan

    app = FastAPI(lifespan=zgw_lifespan(AsyncZGWClient.from_env))

    @app.get("/zaken/{uuid}")
    async def zaak(uuid: str, client: ZGWClientDep) -> dict:
        return (await client.zaken.zaken.get(uuid)).model_dump(mode="json")
    ```

One client per worker process: uvicorn and gunicorn start the lifespan in each worker, so
nothing is shared across a fork; share the cache between workers with
[`AsyncRedisCache`][zgw_client.cache.AsyncRedisCache].
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, Request

from .._async.client import AsyncZGWClient

__all__ = ["STATE_KEY", "ZGWClientDep", "get_zgw_client", "zgw_lifespan"]

#: Where the client lives on ``app.state``.
STATE_KEY = "zgw_client"


def zgw_lifespan(
    factory: Callable[[], AsyncZGWClient],
) -> Callable[[Any], Any]:
    """A lifespan that makes the client at start-up and closes it at shutdown.

    ``factory`` runs in the worker, once the event loop runs (so an async Redis cache
    binds to the right loop). At shutdown the client is closed, and its cache too when
    it has ``aclose`` (a cache made for this app, e.g. ``AsyncRedisCache.from_url``).
    """

    @asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        client = factory()
        setattr(app.state, STATE_KEY, client)
        try:
            yield
        finally:
            await client.aclose()
            close = getattr(client.cache, "aclose", None)
            if close is not None:
                await close()

    return lifespan


async def get_zgw_client(request: Request) -> AsyncIterator[AsyncZGWClient]:
    """The app's client (a dependency: ``Depends(get_zgw_client)``)."""
    client = getattr(request.app.state, STATE_KEY, None)
    if not isinstance(client, AsyncZGWClient):
        raise RuntimeError(
            "No zgw-client on app.state: create the app with "
            "FastAPI(lifespan=zgw_lifespan(factory))."
        )
    yield client


#: ``client: ZGWClientDep`` in an endpoint's signature.
ZGWClientDep = Annotated[AsyncZGWClient, Depends(get_zgw_client)]
