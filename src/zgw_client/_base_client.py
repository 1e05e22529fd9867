"""The part of a client that does no I/O: configuration, routing and request building.

:class:`~zgw_client.ZGWClient` and :class:`~zgw_client.AsyncZGWClient` both inherit it, so
URL and credential resolution, headers and timeouts are decided in one place.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from . import _core
from ._auth import ServiceAuth, ServiceRouter
from ._config import Service, ZGWConfig
from ._exceptions import ConfigurationError

__all__ = ["BaseClient", "RequestOptions"]

#: Per-call options every request method accepts.
RequestOptions = Mapping[str, Any]


class BaseClient:
    """Configuration, routing and request building shared by both client faces."""

    def __init__(
        self,
        config: ZGWConfig | Mapping[str, Service] | None = None,
        /,
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
        self._auth = ServiceAuth(self._router)

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

    def url_for(self, api: str, path: str = "") -> str:
        """The absolute URL of ``path`` under the API root of service ``api``."""
        return self.service(api).api_root + path.lstrip("/")

    def service_name_for(self, url: str) -> str | None:
        """The name of the configured service whose root contains ``url``."""
        return self._router.find(url)

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
        relative = httpx.URL(url).path[len(httpx.URL(service.api_root).path) :]
        merged: dict[str, str] = {"User-Agent": _core.USER_AGENT, "Accept": "application/json"}
        merged.update(_core.crs_headers(name, relative, method))
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
            url,
            params=_core.encode_params(params) if params else None,
            json=json,
            content=content,
            files=files,
            data=data,
            headers=merged,
            timeout=timeout_value,
        )
        return request, service
