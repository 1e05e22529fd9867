"""The CRS header check of the Zaken API (geo fields): 412 when missing, 406 when unsupported.

``Accept-Crs`` is needed on every method but DELETE, ``Content-Crs`` on writes; the only
supported CRS is ``EPSG:4326``. Responses of these endpoints carry ``Content-Crs``.
"""

from __future__ import annotations

import httpx

from ._problems import ProblemError

SUPPORTED_CRS = "EPSG:4326"


def check_crs(request: httpx.Request) -> None:
    """Raise the 412/406 Open Zaak sends for missing or unsupported CRS headers."""
    method = request.method
    if method == "DELETE":
        return
    accept = request.headers.get("Accept-Crs")
    if accept is None:
        raise ProblemError(412, detail="'Accept-Crs' header ontbreekt")
    if accept.strip() != SUPPORTED_CRS:
        raise ProblemError(406, detail=f"CRS '{accept.strip()}' is niet ondersteund")
    if method in ("POST", "PUT", "PATCH"):
        content = request.headers.get("Content-Crs")
        if content is None:
            raise ProblemError(412, detail="'Content-Crs' header ontbreekt")
        if content.strip() != SUPPORTED_CRS:
            raise ProblemError(412, detail=f"CRS '{content.strip()}' is niet ondersteund")
