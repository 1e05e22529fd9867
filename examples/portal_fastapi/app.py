"""A citizen portal on FastAPI: the logged-in citizen's MijnZaken overview.

Run it against the demo backend and Redis (see docs/guides/running-a-portal.md)::

    ZGW_ZAKEN_API_ROOT=... ZGW_REDIS_URL=redis://127.0.0.1:6379/5 \\
    ZGW_DEMO_SESSIONS=demo-token=999993653 \\
        uvicorn --factory examples.portal_fastapi.app:create_app --workers 4

Who is logged in is the portal's business (DigiD through OIDC, say); here a demo
``Authorization: Bearer <token>`` maps to a BSN (``ZGW_DEMO_SESSIONS``), so that the BSN
itself is never in a URL of the portal either.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, HTTPException, Request

from zgw_client import AsyncZGWClient, ZGWConfig
from zgw_client.cache import AsyncRedisCache
from zgw_client.fastapi import ZGWClientDep, zgw_lifespan
from zgw_client.mijnzaken import AsyncMijnZaken


def client_from_env(http_client: httpx.AsyncClient | None = None) -> AsyncZGWClient:
    """The services from ``ZGW_*``; the cache in Redis when ``ZGW_REDIS_URL`` is set.

    ``http_client``: the portal's own (limits, proxies, headers), else one of the client's.
    """
    redis_url = os.environ.get("ZGW_REDIS_URL")
    cache = AsyncRedisCache.from_url(redis_url) if redis_url else None
    return AsyncZGWClient(ZGWConfig.from_env(), cache=cache, http_client=http_client)


def _sessions() -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in os.environ.get("ZGW_DEMO_SESSIONS", "").split(","):
        token, _, bsn = pair.partition("=")
        if token and bsn:
            found[token] = bsn
    return found


def logged_in_bsn(request: Request) -> str:
    """The citizen of this request. Replace with the portal's own login."""
    token = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    bsn = _sessions().get(token)
    if bsn is None:
        raise HTTPException(401, "Log in first.")
    return bsn


def create_app(client_factory: Callable[[], AsyncZGWClient] | None = None) -> FastAPI:
    app = FastAPI(title="Mijn Zaken", lifespan=zgw_lifespan(client_factory or client_from_env))

    @app.get("/mijn-zaken")
    async def mijn_zaken(
        client: ZGWClientDep, bsn: Annotated[str, Depends(logged_in_bsn)]
    ) -> dict[str, Any]:
        overview = await AsyncMijnZaken(client).overview(bsn=bsn)
        return overview.model_dump(mode="json")

    return app
