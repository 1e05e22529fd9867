"""Validate httpx exchanges against the official OpenAPI files with openapi-core.

The specs live in ``../shared/specs`` (not in this repository). Each API's spec is loaded
once; an external ``$ref`` (Open Zaak's specs point at the Catalogi spec on GitHub, which is
unreachable here) is replaced by an open schema, so that part is not checked.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import yaml
from openapi_core import Config, OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from tests.conftest import SPECS

#: API root path (as served by Open Zaak / the backend) -> spec file and its server path.
SPEC_FILES = {
    "/zaken/api/v1/": "openzaak-1.30.0-zaken-1.5.1.yaml",
    "/catalogi/api/v1/": "openzaak-1.30.0-catalogi-1.3.1.yaml",
    "/documenten/api/v1/": "openzaak-1.30.0-documenten-1.4.2.yaml",
    "/besluiten/api/v1/": "openzaak-1.30.0-besluiten-1.1.0.yaml",
    "/klantinteracties/api/v1/": "klantinteracties-0.9.0.yaml",
    "/contactmomenten/api/v1/": "contactmomenten-1.0.0.yaml",
    "/objecten/api/v2/": "objects-2.7.0.yaml",
    "/api/v2/": "objects-2.7.0.yaml",
    "/berichten/api/v1/": "open-vtb-0.1.0-berichten.yaml",
    "/taken/api/v1/": "open-vtb-0.1.0-taken.yaml",
    "/verzoeken/api/v1/": "open-vtb-0.1.0-verzoeken.yaml",
    "/producten/api/v1/": "open-product-1.8.0-producten.yaml",
    "/producttypen/api/v1/": "open-product-1.8.0-producttypen.yaml",
    "/api/v1/": "notificaties-1.0.0.yaml",
}


def _strip_external_refs(node: Any) -> Any:
    if isinstance(node, dict):
        ref = node.get("$ref")
        if isinstance(ref, str) and not ref.startswith("#"):
            return {}
        return {key: _strip_external_refs(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_strip_external_refs(item) for item in node]
    return node


def _fix_url_filters_typed_integer(spec: dict[str, Any]) -> None:
    """Open Zaak's spec types URL filters such as ``rollen?zaak=`` as integer; the server
    (and the description) take a URL. Validate them as the server reads them."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            if not isinstance(operation, dict):
                continue
            for param in operation.get("parameters", []):
                schema = param.get("schema", {}) if isinstance(param, dict) else {}
                if schema.get("type") == "integer" and "URL" in str(param.get("description", "")):
                    param["schema"] = {"type": "string", "format": "uri"}


@functools.cache
def load(root_path: str) -> OpenAPI:
    """The openapi-core validator for the API mounted at ``root_path``."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    spec = yaml.load((SPECS / SPEC_FILES[root_path]).read_text(encoding="utf-8"), Loader=loader)
    spec = _strip_external_refs(spec)
    _fix_url_filters_typed_integer(spec)
    # Serve the spec at the root path the exchange used (specs say /zaken/api/v1 or /api/v2).
    spec["servers"] = [{"url": root_path.rstrip("/")}]
    # The official files are taken as given: skip validating the spec itself (slow).
    return OpenAPI.from_dict(spec, config=Config(spec_validator_cls=None))


def root_of(url: httpx.URL) -> str | None:
    """The API root path ``url`` lies under, if any spec covers it."""
    path = url.path
    for root in sorted(SPEC_FILES, key=len, reverse=True):
        if path.startswith(root) or path + "/" == root:
            return root
    return None


class OpenAPIRequest:
    """An httpx request as openapi-core reads it."""

    def __init__(self, request: httpx.Request, body: bytes | None = None) -> None:
        self._request = request
        url = request.url
        self.host_url = f"{url.scheme}://{url.netloc.decode()}"
        self.path = url.path
        self.method = request.method.lower()
        self.full_url_pattern = self.host_url + self.path
        query = parse_qs(url.query.decode(), keep_blank_values=True)
        self.parameters = RequestParameters(
            query=ImmutableMultiDict([(k, v) for k, vs in query.items() for v in vs]),
            header=Headers(list(request.headers.items())),
            cookie=ImmutableMultiDict(),
        )
        content = body if body is not None else request.content
        self.body = content or None
        self.content_type = request.headers.get("Content-Type", "application/json").lower()


class OpenAPIResponse:
    """An httpx response as openapi-core reads it."""

    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.headers = Headers(list(response.headers.items()))
        self.content_type = response.headers.get("Content-Type", "application/json").lower()
        self.data = response.content


@dataclass
class Violation:
    what: str
    method: str
    url: str
    error: str

    def __str__(self) -> str:
        return f"{self.what} {self.method} {self.url}: {self.error}"


def _errors(iterator: Any) -> list[str]:
    messages: list[str] = []
    for error in iterator:
        cause = getattr(error, "__cause__", None)
        detail = getattr(cause, "schema_errors", None) or getattr(error, "schema_errors", None)
        if detail:
            messages.extend(f"{type(error).__name__}: {e.message}" for e in detail)
        else:
            messages.append(f"{type(error).__name__}: {error} {cause or ''}".strip())
    return messages


def validate_exchange(request: httpx.Request, response: httpx.Response | None) -> list[Violation]:
    """Every way ``request`` (and ``response``) break the spec of their API."""
    root = root_of(request.url)
    if root is None or request.url.path in (root, root.rstrip("/")):
        return []
    api = load(root)
    url = str(request.url)
    found = [
        Violation("request", request.method, url, message)
        for message in _errors(api.iter_request_errors(OpenAPIRequest(request)))
    ]
    if response is not None:
        found += [
            Violation("response", request.method, url, message)
            for message in _errors(
                api.iter_response_errors(OpenAPIRequest(request), OpenAPIResponse(response))
            )
        ]
    return found


def exchange_from_sample(path: Path) -> tuple[httpx.Request, httpx.Response]:
    """Rebuild a recorded sample as an httpx request/response pair."""
    data = json.loads(path.read_text(encoding="utf-8"))
    req, res = data["request"], data["response"]
    body = req.get("body")
    headers = dict(req.get("headers") or {})
    content = json.dumps(body).encode() if isinstance(body, (dict, list)) else None
    if content is not None:
        headers.setdefault("Content-Type", "application/json")
    request = httpx.Request(req["method"], req["url"], headers=headers, content=content)
    res_headers = {
        k: v for k, v in (res.get("headers") or {}).items() if k.lower() != "content-length"
    }
    res_body = res.get("body")
    res_content = b""
    if isinstance(res_body, (dict, list)) and not (
        isinstance(res_body, dict) and "_note" in res_body
    ):
        res_content = json.dumps(res_body).encode()
    response = httpx.Response(
        res["status"], headers=res_headers, content=res_content, request=request
    )
    return request, response
