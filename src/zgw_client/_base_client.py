"""The part of a client that does no I/O: configuration, routing and request building.

[`ZGWClient`][zgw_client.ZGWClient] and [`AsyncZGWClient`][zgw_client.AsyncZGWClient] both inherit
it, so URL and credential resolution, headers and timeouts are decided in one place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any, TypeVar
from urllib.parse import urlencode

import httpx
from pydantic import BaseModel

from . import _core
from ._auth import ServiceAuth, ServiceRouter, no_credentials_error
from ._bsn_filters import warn_fallback
from ._cache import (
    CacheEntry,
    CachePlan,
    CachePolicy,
    InMemoryCache,
    generation_key,
    namespace,
    plan_for,
    writes_invalidate,
)
from ._config import Service, ZGWConfig
from ._exceptions import (
    ConfigurationError,
    InputError,
    RedirectError,
    UnconfiguredURLError,
    UnexpectedResponseError,
)
from ._models import ZGWModel
from ._registry import model_for_path
from ._urls import parse_url

__all__ = ["MAX_REDIRECTS", "BaseClient"]

M = TypeVar("M", bound=BaseModel)

#: Redirects followed for one call, at most (a loop is an error, not a wait).
MAX_REDIRECTS = 5
#: The statuses that redirect a request elsewhere (300 and 305 do not, 304 is a cache hit).
_FOLLOWABLE = frozenset({301, 302, 303, 307, 308})


class BaseClient:
    """Configuration, routing and request building shared by both client faces."""

    def __init__(
        self,
        config: ZGWConfig | Mapping[str, Service] | None = None,
        /,
        *,
        cache: Any = None,
        cache_policy: CachePolicy | None = None,
        catalogi_ttl: float | None = None,
        use_etags: bool = True,
        **services: Service,
    ) -> None:
        if config is None:
            config = ZGWConfig()
        elif not isinstance(config, ZGWConfig):
            config = ZGWConfig(config)
        if services:
            config = ZGWConfig({**config.services, **services})
        if not config.services:
            raise ConfigurationError(
                "No services configured. Pass a ZGWConfig or services by name, e.g. "
                "ZGWClient(zaken=Service('https://openzaak.example.nl/zaken/api/v1/', creds)), "
                "or use ZGWClient.from_env() / ZGWClient.from_toml(path)."
            )
        self.config = config
        self._router = ServiceRouter(config.services)
        self._root_paths = {
            name: httpx.URL(service.api_root).path for name, service in config.services.items()
        }
        self._auth = ServiceAuth(self._router)
        #: Where cached bodies and ETags are kept (see the caching guide); pluggable.
        self.cache: Any = cache if cache is not None else InMemoryCache()
        policy = cache_policy or CachePolicy()
        if catalogi_ttl is not None:
            policy = replace(policy, fresh={**policy.fresh, "catalogi": catalogi_ttl})
        #: How long cached bodies live, per kind.
        self.cache_policy = policy
        #: Revalidate single-resource GETs with ``If-None-Match`` (see the caching guide).
        self.use_etags = use_etags
        self._api_versions: dict[str, str] = {}
        #: (service, search path) pairs whose server answered 404/405 (see ``_bsn_filters``).
        self._missing_searches: set[tuple[str, str]] = set()

    def __repr__(self) -> str:
        names = ", ".join(f"{name}={svc.api_root!r}" for name, svc in self.config.services.items())
        return f"{type(self).__name__}({names})"

    # -- URLs --------------------------------------------------------------------------
    def service(self, name: str) -> Service:
        """The service configured under ``name``; a clear error when there is none."""
        try:
            return self.config.services[name]
        except KeyError:
            configured = ", ".join(sorted(self.config.services)) or "none"
            raise ConfigurationError(
                f"No service named {name!r} is configured (configured: {configured}). "
                f"Add it, e.g. ZGWConfig.from_env() with ZGW_{name.upper()}_API_ROOT."
            ) from None

    def url_for(self, service: str, path: str = "") -> str:
        """The absolute URL of ``path`` under the API root of the service named ``service``."""
        return self.service(service).api_root + path.lstrip("/")

    def kind_of(self, service: str) -> str:
        """The kind of the service named ``service`` (``"zaken"``, ``"catalogi"``, ...)."""
        self.service(service)
        return self.config.kind_of(service)

    def services_of(self, kind: str) -> list[str]:
        """The names of the configured services of ``kind``, in configuration order."""
        return self.config.names_of(kind)

    def default_service(self, kind: str) -> str:
        """The service ``client.<kind>`` stands for: the one named ``kind``, else the only
        one of that kind.

        Raises:
            ConfigurationError: none of that kind is configured, or several are and none
                is named after the kind (pick one with ``client.api(name)``).
        """
        names = self.services_of(kind)
        if kind in names or len(names) == 1:
            return kind if kind in names else names[0]
        if not names:
            raise ConfigurationError(
                f"No {kind} service is configured (configured: "
                f"{', '.join(f'{n} ({self.config.kind_of(n)})' for n in self.config.services)}). "
                f"Add one, e.g. ZGW_{kind.upper()}_API_ROOT, or a service with kind={kind!r}."
            )
        raise ConfigurationError(
            f"Several {kind} services are configured ({', '.join(names)}) and none is named "
            f"{kind!r}: pick one with client.api(name), or name the default one {kind!r}."
        )

    def _check_in_collection(self, url: str, collection_url: str, item: re.Pattern[str]) -> None:
        """Refuse, before any request, a URL that is not an item of the collection at
        ``collection_url`` (``item`` matches the path below the API root): a statussen URL
        given to ``zaken.get`` would otherwise parse as a Zaak, a catalogi URL given to
        ``zaken.delete`` would delete in Catalogi."""
        expected, _, _ = self._router.match(collection_url)
        found, _, _ = self._router.match(url)
        relative = parse_url(url).path[len(self._root_paths[found]) :]
        same_kind = self.config.kind_of(found) == self.config.kind_of(expected)
        if same_kind and item.fullmatch(relative):
            return  # also on another service of the kind: the URL says where it lives
        collection = collection_url[len(self.config.services[expected].api_root) :]
        raise InputError(
            f"{_core.loggable_url(url)} is not an item of {collection!r} in the {expected!r} "
            f"service (it is {relative or '(the root)'!r} in {found!r}). Pass a URL of that "
            "collection, its UUID, or use the resource the URL belongs to."
        )

    def service_name_for(self, url: str) -> str | None:
        """The name of the configured service whose root contains ``url``."""
        return self._router.find(url)

    def service_kind_for(self, url: str) -> str | None:
        """The kind of the configured service whose root contains ``url``."""
        name = self._router.find(url)
        return None if name is None else self.config.kind_of(name)

    # -- requests ----------------------------------------------------------------------
    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        json: Any = None,
        content: bytes | None = None,
        files: Any = None,
        data: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> tuple[httpx.Request, Service]:
        """Resolve ``url`` to its service (refusing foreign URLs) and build the request."""
        method = method.upper()
        name, service, _ = self._router.match(url)  # raises before any I/O
        if service.credentials is None:
            raise no_credentials_error(name, service)
        target = parse_url(url)
        relative = target.path[len(self._root_paths[name]) :]
        encoded = _core.encode_params(params) if params else []
        if encoded and target.query:
            target = target.copy_merge_params(encoded)
        elif encoded:
            # What httpx does with params=, minus its second and third pass over the URL.
            target = target.copy_with(query=urlencode(encoded).encode("ascii"))
        merged: dict[str, str] = {"User-Agent": _core.USER_AGENT, "Accept": "application/json"}
        merged.update(_core.crs_headers(service.kind, relative, method))
        if headers:
            merged.update(headers)
        if timeout is None:
            timeout_value = service.timeouts.to_httpx()
        elif isinstance(timeout, httpx.Timeout):
            timeout_value = timeout
        else:
            timeout_value = httpx.Timeout(timeout, connect=service.timeouts.connect)
        request = http.build_request(
            method,
            target,
            json=json,
            content=content,
            files=files,
            data=data,
            headers=merged,
            timeout=timeout_value,
        )
        return request, service

    def _redirect_for(
        self, request: httpx.Request, response: httpx.Response
    ) -> httpx.Request | None:
        """The request that follows a redirect ``response``, or ``None`` for other answers.

        Followed: GET and HEAD, to a URL under the same API root; the credentials are
        chosen anew for it by the router. Anything else raises
        [`RedirectError`][zgw_client.RedirectError]: a write is never re-sent on a server's
        word, and a redirect elsewhere usually means a wrong API root.
        """
        method, status = request.method, response.status_code
        if not 300 <= status < 400 or status == 304:
            return None
        where = f"{method} {_core.loggable_url(request.url)}"
        location = response.headers.get("Location")
        if status not in _FOLLOWABLE or not location:
            raise RedirectError(
                f"{where} answered {status} without a place to go to; it is not a response "
                "this API sends. Check the API root; report it to the server's operator.",
                status=status,
                location=None,
                response=response,
                url=where,
            )
        masked = _core.loggable_url(location)
        try:
            target = request.url.join(location)
            origin, _, _ = self._router.match(request.url)
            landing, _, _ = self._router.match(target)
        except (httpx.InvalidURL, UnconfiguredURLError):
            landing, origin = None, ""
        if landing != origin:
            raise RedirectError(
                f"{where} was redirected ({status}) to {masked}, outside the API root it was "
                "sent to; not following it. If the API moved, configure the root it points "
                "at (e.g. https instead of http).",
                status=status,
                location=masked,
                response=response,
                url=where,
            )
        if method not in ("GET", "HEAD"):
            raise RedirectError(
                f"{where} was redirected ({status}) to {masked}; a {method} is not re-sent "
                "on a redirect, as the server may have acted on it. Send it to the URL the "
                "server points at.",
                status=status,
                location=masked,
                response=response,
                url=where,
            )
        headers = [
            (name, value)
            for name, value in request.headers.multi_items()
            if value != "[redacted]" and name.lower() != "authorization"
        ]
        return httpx.Request(method, target, headers=headers, extensions=request.extensions)

    @staticmethod
    def _too_many_redirects(request: httpx.Request, response: httpx.Response) -> RedirectError:
        where = f"{request.method} {_core.loggable_url(request.url)}"
        return RedirectError(
            f"{where} was redirected more than {MAX_REDIRECTS} times; the server's redirects "
            "loop. Report it to the server's operator.",
            status=response.status_code,
            location=_core.loggable_url(response.headers.get("Location", "")),
            response=response,
            url=where,
        )

    def _bsn_in_body(self, service: str, search_path: str) -> bool:
        """Whether a BSN filter of ``service`` goes in the body of ``search_path`` (see
        [`Service.bsn_filters`][zgw_client.Service])."""
        mode = self.service(service).bsn_filters
        if mode == "query":
            return False
        return mode == "body" or (service, search_path) not in self._missing_searches

    def _note_missing_search(self, service: str, search_path: str, status: int) -> None:
        """The server has no ``search_path``: with ``auto``, later lists use the query."""
        if (service, search_path) not in self._missing_searches:
            self._missing_searches.add((service, search_path))
            warn_fallback(self.service(service).api_root, search_path, status)

    def api_version(self, service: str) -> str | None:
        """The ``API-version`` the service last reported, or ``None`` before any response."""
        return self._api_versions.get(service)

    def _note_api_version(self, url: str, version: str | None) -> None:
        if version:
            name = self._router.find(url)
            if name is not None:
                self._api_versions[name] = version

    # -- caching (pure decisions; the faces do the cache's and the server's I/O) ------
    def _cache_plan(
        self,
        url: str,
        params: Mapping[str, Any] | None,
        headers: Mapping[str, str] | None,
    ) -> CachePlan | None:
        """What the cache may do for a GET of ``url``; ``None``: no lookup at all.

        Not for a caller's own ``If-None-Match`` (their 304 is theirs to handle), and not
        revalidated when expanded: the server's ETag covers the resource itself, not what
        is embedded, so a 304 could hide a changed status or a deleted rol.
        """
        if headers and any(name.lower() == "if-none-match" for name in headers):
            return None
        name = self._router.find(url)
        if name is None:
            return None
        service = self.config.services[name]
        target = parse_url(url)
        relative = target.path[len(self._root_paths[name]) :]
        encoded = _core.encode_params(params) if params else []
        query = "&".join(filter(None, [target.query.decode("ascii"), urlencode(encoded)]))
        return plan_for(
            self.cache_policy,
            kind=self.config.kind_of(name),
            api_root=service.api_root,
            relative_path=relative,
            query=query,
            expanded=bool(params and params.get("expand")) or "expand=" in query,
            use_etags=self.use_etags,
        )

    def _generation_key_for(self, url: str) -> str | None:
        """The generation key a write to ``url`` bumps, or ``None`` when that API keeps
        nothing in the cache: the write may change related resources (a new status
        changes its zaak) and the server's ETag may lag behind."""
        name = self._router.find(url)
        if name is None:
            return None
        kind = self.config.kind_of(name)
        if not writes_invalidate(self.cache_policy, kind):
            return None
        return generation_key(namespace(kind, self.config.services[name].api_root))

    @staticmethod
    def _conditional_headers(
        entry: CacheEntry | None, headers: Mapping[str, str] | None, plan: CachePlan
    ) -> dict[str, str]:
        """The request's headers, with ``If-None-Match`` when an ETag is known."""
        merged = dict(headers or {})
        if entry is not None and entry.etag and plan.revalidate:
            merged["If-None-Match"] = entry.etag
        return merged

    @staticmethod
    def _body_after_get(url: str, response: httpx.Response, entry: CacheEntry | None) -> Any:
        """The body of a GET: the known one on 304, else the parsed response."""
        if response.status_code == 304 and entry is not None and entry.etag:
            return entry.body
        if response.status_code == 304:
            raise UnexpectedResponseError(
                f"GET {_core.loggable_url(url)} answered 304 Not Modified to a request "
                "without a known ETag. Do not set If-None-Match yourself on get_json; use "
                "request() to handle a 304 of your own.",
                response=response,
            )
        return _core.decode_json(response)

    def _model_for(self, url: str, wanted: type[M] | None = None) -> type[ZGWModel] | type[M]:
        """The model to parse ``url`` with: ``wanted`` when given (and it fits the URL), else
        the one the URL's kind and collection name."""
        name, service, _ = self._router.match(url)
        relative = httpx.URL(url).path[len(httpx.URL(service.api_root).path) :]
        known = model_for_path(service.kind or "other", relative)
        if wanted is not None:
            if known is None or issubclass(wanted, known) or issubclass(known, wanted):
                return wanted
            raise InputError(
                f"{_core.loggable_url(url)} is a {known.__name__}, not a {wanted.__name__} "
                f"(service {name!r}). Pass {known.__name__}, or the URL of a "
                f"{wanted.__name__}."
            )
        if known is None:
            raise ConfigurationError(
                f"No model is known for {_core.loggable_url(url)} (service {name!r}, kind "
                f"{service.kind!r}). Pass the model to parse it with, get(url, MyModel), or "
                "use get_json(url) for the raw body."
            )
        return known
