"""Routing: (API, path pattern) -> one handler per HTTP method.

Patterns are relative to the API root and use ``{name}`` placeholders, e.g.
``"zaken/{zaak_uuid}/zaakeigenschappen/{uuid}"``. A route can demand the CRS headers
(``crs=True``), as the Zaken API does on its ``zaken`` endpoints.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import httpx

from ._apis import ApiDefinition
from ._problems import ProblemError, invalid
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

Handler = Callable[["RequestContext"], httpx.Response]
"""A handler gets the request context and returns the response (or raises ProblemError)."""

_METHOD_ORDER = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")


@dataclass
class Route:
    """One path pattern of one API and its handlers."""

    api: str
    pattern: str
    handlers: dict[str, Handler]
    crs: bool = False
    regex: re.Pattern[str] = field(init=False)

    def __post_init__(self) -> None:
        source = re.sub(r"\{(\w+)\}", r"(?P<\1>[^/]+)", self.pattern)
        self.regex = re.compile(f"^{source}$")

    @property
    def allow(self) -> str:
        """The ``Allow`` header DRF sends: the methods, plus HEAD for GET, plus OPTIONS."""
        methods = set(self.handlers) | {"OPTIONS"}
        if "GET" in methods:
            methods.add("HEAD")
        return ", ".join(m for m in _METHOD_ORDER if m in methods)


class Router:
    """Finds the route for a path below an API root."""

    def __init__(self) -> None:
        self._routes: dict[str, list[Route]] = {}

    def add(
        self,
        api: str,
        pattern: str,
        handlers: Mapping[str, Handler],
        *,
        crs: bool = False,
    ) -> Route:
        """Register ``handlers`` (method -> handler) for ``pattern``; merges with existing ones."""
        for route in self._routes.setdefault(api, []):
            if route.pattern == pattern:
                route.handlers.update(handlers)
                route.crs = route.crs or crs
                return route
        route = Route(api, pattern, dict(handlers), crs)
        # static segments win over placeholders ("zaken/_zoek" before "zaken/{uuid}")
        self._routes[api].append(route)
        self._routes[api].sort(key=lambda r: (r.pattern.count("{"), -len(r.pattern)))
        return route

    def match(self, api: str, subpath: str) -> tuple[Route, dict[str, str]] | None:
        for route in self._routes.get(api, []):
            found = route.regex.match(subpath)
            if found:
                return route, found.groupdict()
        return None


@dataclass
class RequestContext:
    """Everything a handler needs. URLs in it use the backend's canonical base URL."""

    backend: InMemoryBackend
    request: httpx.Request
    api: ApiDefinition
    route: Route
    params: dict[str, str]
    claims: JSON | None = None
    cache: dict[str, Any] = field(default_factory=dict)

    @property
    def method(self) -> str:
        return self.request.method

    @property
    def query(self) -> httpx.QueryParams:
        return self.request.url.params

    @property
    def url(self) -> str:
        return str(self.request.url)

    def json(self) -> Any:
        """The decoded request body; a 400 ``parse_error`` as DRF sends for bad JSON."""
        if "body" not in self.cache:
            raw = self.request.content
            try:
                self.cache["body"] = json.loads(raw) if raw else {}
            except ValueError as exc:
                raise ProblemError(
                    400, code="parse_error", detail=f"JSON parse error - {exc}"
                ) from exc
        return self.cache["body"]

    def json_object(self) -> JSON:
        """The request body, which must be a JSON object."""
        body = self.json()
        if not isinstance(body, dict):
            kind = type(body).__name__
            raise invalid(
                "nonFieldErrors",
                f"Ongeldige data. Verwachtte een dictionary, maar kreeg een {kind}.",
            )
        return body
