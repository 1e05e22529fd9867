"""Replaying recorded exchanges of one server folder against a seeded backend."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx

from zgw_client.testing import InMemoryBackend

from .test_shapes import differences, shape

SAMPLE_ROOT = Path(__file__).resolve().parents[3] / "shared" / "samples"


def load(folder: str, name: str) -> dict[str, Any]:
    result: dict[str, Any] = json.loads((SAMPLE_ROOT / folder / name).read_text())
    return result


def body(folder: str, name: str) -> Any:
    return load(folder, name)["response"]["body"]


def names(folder: str) -> list[str]:
    directory = SAMPLE_ROOT / folder
    return sorted(p.name for p in directory.glob("*.json")) if directory.is_dir() else []


def without_expand(resource: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in resource.items() if k != "_expand"}


def token_headers(backend: InMemoryBackend, auth: str) -> dict[str, str]:
    """The Token the sample sent: none, a wrong one, or the right one."""
    if auth.startswith("no Authorization"):
        return {}
    if "wrong" in auth:
        return {"Authorization": "Token " + "x" * 40}
    return {"Authorization": f"Token {backend.token}"}


def replay(
    backend: InMemoryBackend, folder: str, name: str, ignore_headers: tuple[str, ...] = ()
) -> None:
    """Send the sample's request; status, key headers and body shape must match."""
    sample = load(folder, name)
    request, expected = sample["request"], sample["response"]
    headers = dict(request["headers"])
    headers.update(token_headers(backend, request["auth"]))
    content = json.dumps(request["body"]).encode() if request["body"] is not None else None
    with httpx.Client(transport=backend.transport()) as client:
        response = client.request(
            request["method"], request["url"], headers=headers, content=content
        )
    assert response.status_code == expected["status"], response.text[:2000]
    for header in ("API-version", "Content-Crs", "ETag", "Location", "WWW-Authenticate"):
        if header in ignore_headers:
            continue
        assert (header in response.headers) == (header in expected["headers"]), header
    if isinstance(expected["body"], dict) and "_note" in expected["body"]:
        assert response.headers["Content-Type"] == expected["body"]["content_type"]
        return
    problems = differences(shape(response.json()), shape(expected["body"]))
    assert not problems, "\n".join(problems)
