"""Building responses: JSON the way DRF renders it, and ETags the way Open Zaak computes them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

import httpx

from ._types import JSON


def dumps(data: Any) -> bytes:
    """Compact UTF-8 JSON, like DRF's ``JSONRenderer`` with ``UNICODE_JSON``."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def json_response(
    status: int, data: Any, headers: Mapping[str, str] | None = None
) -> httpx.Response:
    all_headers = {"Content-Type": "application/json", **(headers or {})}
    return httpx.Response(status, headers=all_headers, content=dumps(data))


def empty_response(status: int, headers: Mapping[str, str] | None = None) -> httpx.Response:
    return httpx.Response(status, headers=dict(headers or {}))


def etag_of(body: JSON) -> str:
    """A quoted hash of the plain representation; ``_expand`` does not change it (Open Zaak)."""
    plain = {k: v for k, v in body.items() if k != "_expand"}
    digest = hashlib.md5(json.dumps(plain, sort_keys=True).encode(), usedforsecurity=False)
    return f'"{digest.hexdigest()}"'


def if_none_match(header: str | None, etag: str) -> bool:
    """True when the ``If-None-Match`` header names ``etag`` (or is ``*``)."""
    if not header:
        return False
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    return "*" in tags or etag in tags
