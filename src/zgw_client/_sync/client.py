# GENERATED from src/zgw_client/_async/client.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The synchronous client face: [`ZGWClient`][zgw_client.ZGWClient].

Generated from its ``_async/`` source by ``scripts/unasync.py``: the sync face is this file
with ``async``/``await`` dropped and ``Async*`` names replaced. Edit the async file, run the
script, and commit both; a test fails when they drift apart.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Callable, Mapping
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import Any, TypeVar, overload

import httpx
from pydantic import BaseModel
from tenacity import (
    Retrying,
    RetryCallState,
    RetryError,
    retry_if_exception_type,
    stop_after_attempt,
)

from .. import _core, tracing
from .._base_client import MAX_REDIRECTS, BaseClient
from .._cache import CachePolicy, generation_key, namespace
from .._config import RetryPolicy, Service, ZGWConfig
from .._deadline import deadline
from .._exceptions import ConfigurationError, RetriesExhaustedError
from .._models import ZGWModel, parse_response_body
from .api import API
from .berichten import BerichtenAPI
from .besluiten import BesluitenAPI
from .cache import CacheStore, ResponseCache
from .catalogi import CatalogiAPI
from .contactmomenten import ContactmomentenAPI
from .documenten import DocumentenAPI
from .klantinteracties import KlantinteractiesAPI
from .notificaties import NotificatiesAPI
from .objecten import ObjectenAPI
from .pagination import Paginator, PageHook
from .producten import ProductenAPI
from .producttypen import ProducttypenAPI
from .taken import TakenAPI
from .verzoeken import VerzoekenAPI
from .zaken import ZakenAPI

__all__ = ["ZGWClient"]

#: The namespace class of each kind that has one.
_NAMESPACES: dict[str, Callable[[ZGWClient, str], API]] = {
    "zaken": ZakenAPI,
    "catalogi": CatalogiAPI,
    "documenten": DocumentenAPI,
    "besluiten": BesluitenAPI,
    "klantinteracties": KlantinteractiesAPI,
    "contactmomenten": ContactmomentenAPI,
    "objecten": ObjectenAPI,
    "objecttypen": ObjectenAPI,
    "berichten": BerichtenAPI,
    "taken": TakenAPI,
    "verzoeken": VerzoekenAPI,
    "producten": ProductenAPI,
    "producttypen": ProducttypenAPI,
    "notificaties": NotificatiesAPI,
}

T = TypeVar("T")
M = TypeVar("M", bound=BaseModel)


class ZGWClient(BaseClient):
    """Synchronous client for the ZGW APIs, Klantinteracties, the Objects API, Open VTB
    (Berichten, Taken, Verzoeken) and Open Product (Producten, Producttypen).

    Args:
        config: the services (a [`ZGWConfig`][zgw_client.ZGWConfig] or a mapping of name to
            [`Service`][zgw_client.Service]); services may also be given by keyword.
        http_client: an ``httpx.Client`` to use (for proxies, custom TLS or a mock
            transport). The client does not close a client it was given.
        cache: where cached bodies and ETags are kept (default: in memory, per client).
            Pass a shared [`ResponseCache`][zgw_client.cache.ResponseCache]
            (e.g. [`RedisCache`][zgw_client.cache.RedisCache]) to share it
            between processes; [`NoCache`][zgw_client.NoCache] keeps nothing.
        cache_policy: how long cached bodies live, per kind
            ([`CachePolicy`][zgw_client.cache.CachePolicy]).
        catalogi_ttl: shortcut for ``cache_policy.fresh["catalogi"]``: seconds to serve
            catalogi bodies that carry no ``concept`` flag without a request.
        use_etags: revalidate single-resource GETs with ``If-None-Match``; turn off for a
            server whose ETags lag behind its writes.

    Example:
        ```python
        with ZGWClient.from_env() as client:
            for zaak in client.zaken.zaken.list(bronorganisatie="002220647"):
                print(zaak.identificatie)
        ```
    """

    def __init__(
        self,
        config: ZGWConfig | Mapping[str, Service] | None = None,
        /,
        *,
        http_client: httpx.Client | None = None,
        cache: ResponseCache | Any = None,
        cache_policy: CachePolicy | None = None,
        catalogi_ttl: float | None = None,
        use_etags: bool = True,
        **services: Service,
    ) -> None:
        super().__init__(
            config,
            cache=cache,
            cache_policy=cache_policy,
            catalogi_ttl=catalogi_ttl,
            use_etags=use_etags,
            **services,
        )
        self._cache_store = CacheStore(self.cache, self.cache_policy)
        self._namespaces: dict[str, API] = {}
        self._owns_http = http_client is None
        self._http = http_client if http_client is not None else httpx.Client()

    @classmethod
    def from_env(
        cls, *, http_client: httpx.Client | None = None, prefix: str = "ZGW_"
    ) -> ZGWClient:
        """A client for the services in the environment (see
        [`ZGWConfig.from_env`][zgw_client.ZGWConfig.from_env])."""
        return cls(ZGWConfig.from_env(prefix=prefix), http_client=http_client)

    @classmethod
    def from_toml(
        cls, path: str | Path, *, http_client: httpx.Client | None = None
    ) -> ZGWClient:
        """A client for the services in a TOML file (see
        [`ZGWConfig.from_toml`][zgw_client.ZGWConfig.from_toml])."""
        return cls(ZGWConfig.from_toml(path), http_client=http_client)

    # -- the APIs ----------------------------------------------------------------------
    # Each is the API on its default service (see ``default_service``); ``api(name)`` gives
    # the API of any configured service, e.g. a second Open Zaak.
    @cached_property
    def zaken(self) -> ZakenAPI:
        """The Zaken API: ``client.zaken.zaken``, ``.statussen``, ``.rollen``, ..."""
        return ZakenAPI(self, self.default_service("zaken"))

    @cached_property
    def catalogi(self) -> CatalogiAPI:
        """The Catalogi API: ``client.catalogi.zaaktypen``, ``.statustypen``, ``.roltypen``, ..."""
        return CatalogiAPI(self, self.default_service("catalogi"))

    @cached_property
    def documenten(self) -> DocumentenAPI:
        """The Documenten API: ``client.documenten.enkelvoudiginformatieobjecten``, ..."""
        return DocumentenAPI(self, self.default_service("documenten"))

    @cached_property
    def besluiten(self) -> BesluitenAPI:
        """The Besluiten API: ``client.besluiten.besluiten``, ``.besluitinformatieobjecten``."""
        return BesluitenAPI(self, self.default_service("besluiten"))

    @cached_property
    def klantinteracties(self) -> KlantinteractiesAPI:
        """Klantinteracties (Open Klant): ``client.klantinteracties.partijen``, ..."""
        return KlantinteractiesAPI(self, self.default_service("klantinteracties"))

    @cached_property
    def contactmomenten(self) -> ContactmomentenAPI:
        """The Contactmomenten API 1.0: ``client.contactmomenten.contactmomenten``, ..."""
        return ContactmomentenAPI(self, self.default_service("contactmomenten"))

    @cached_property
    def objecten(self) -> ObjectenAPI:
        """The Objects API: ``client.objecten.objects``, ``.objecttypes``, ``.taken``."""
        return ObjectenAPI(self, self.default_service("objecten"))

    @cached_property
    def berichten(self) -> BerichtenAPI:
        """The Berichten API (Open VTB): ``client.berichten.berichten``."""
        return BerichtenAPI(self, self.default_service("berichten"))

    @cached_property
    def taken(self) -> TakenAPI:
        """The Taken API (Open VTB): ``client.taken.externetaken``, ``.betaaltaken``, ...

        Not the NL Portal taken of the Objects API: those are ``client.objecten.taken``.
        """
        return TakenAPI(self, self.default_service("taken"))

    @cached_property
    def verzoeken(self) -> VerzoekenAPI:
        """The Verzoeken API (Open VTB): ``client.verzoeken.verzoeken``, ``.verzoektypen``, ..."""
        return VerzoekenAPI(self, self.default_service("verzoeken"))

    @cached_property
    def producten(self) -> ProductenAPI:
        """The Producten API (Open Product): ``client.producten.producten``."""
        return ProductenAPI(self, self.default_service("producten"))

    @cached_property
    def producttypen(self) -> ProducttypenAPI:
        """The Producttypen API (Open Product): ``client.producttypen.producttypen``, ..."""
        return ProducttypenAPI(self, self.default_service("producttypen"))

    @cached_property
    def notificaties(self) -> NotificatiesAPI:
        """The Notificaties API (Open Notificaties): ``client.notificaties.kanalen``,
        ``.abonnementen``, ``.notificaties``."""
        return NotificatiesAPI(self, self.default_service("notificaties"))

    def api(self, service: str) -> Any:
        """The API of the service named ``service``, as its kind's namespace.

        ``client.api("zaken_oost")`` is an [`ZakenAPI`][zgw_client.zaken.ZakenAPI]
        on that service. Its type depends on the configuration, so it is ``Any`` to a type
        checker; for a typed one ask the kind's namespace: ``client.zaken.of("zaken_oost")``.

        Raises:
            ConfigurationError: no such service, or its kind has no namespace (``other``).
        """
        found = self._namespaces.get(service)
        if found is None:
            kind = self.kind_of(service)
            namespace = _NAMESPACES.get(kind)
            if namespace is None:
                raise ConfigurationError(
                    f"Service {service!r} is of kind {kind!r}, which has no API namespace; "
                    "use request()/get_json() with its URLs."
                )
            found = self._namespaces[service] = namespace(self, service)
        return found

    def api_for(self, url: str) -> Any:
        """The API of the service whose root contains ``url`` (e.g. to list the statustypen
        of a zaaktype in the catalogus that zaaktype lives in)."""
        name, _, _ = self._router.match(url)
        return self.api(name)

    # -- lifecycle ---------------------------------------------------------------------
    def close(self) -> None:
        """Close the HTTP connections (only those of a client we created)."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> ZGWClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # -- requests ----------------------------------------------------------------------
    def request(
        self,
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
    ) -> httpx.Response:
        """Send one request with routing, auth, retries and error mapping.

        The escape hatch under every resource method: the body is read, a status of 400
        or more raises the matching [`APIError`][zgw_client.APIError].

        Args:
            method: the HTTP method.
            url: an absolute URL under a configured API root.
            params: query parameters (see `encode_params`).
            json: a JSON body.
            content: a raw body.
            files: multipart files (as httpx takes them).
            data: multipart form fields.
            headers: extra headers, e.g. ``{"X-Audit-Toelichting": "..."}``.
            timeout: seconds (or an ``httpx.Timeout``) per network operation, for this
                call only; when longer than the service's ``RetryPolicy.deadline`` it is
                this call's deadline.

        The whole call, the body read included, ends within the deadline
        ([`RequestTimeout`][zgw_client.RequestTimeout]); a body over the service's
        ``max_response_bytes`` raises
        [`ResponseTooLargeError`][zgw_client.ResponseTooLargeError]. A DELETE that is
        retried after an attempt that may have reached the server, and then finds the
        resource gone (404/410), succeeded: that attempt deleted it.
        """
        request, service = self._build_request(
            self._http,
            method,
            url,
            params=params,
            json=json,
            content=content,
            files=files,
            data=data,
            headers=headers,
            timeout=timeout,
        )
        limits = self._limits_for(request, service, timeout)
        # A search (``zaken/_zoek``, ``objects/search``) changes nothing: it leaves the cache
        # alone, or every overview would make every worker's cached zaken stale.
        if request.method in ("GET", "HEAD", "OPTIONS") or _core.is_search(request):
            with deadline(limits, request):
                response = self._send(request, service, limits, stream=False)
        else:
            try:
                with deadline(limits, request):
                    response = self._send(request, service, limits, stream=False)
            finally:  # also when it failed: the write may have reached the server
                self._after_write(url)
        if response.status_code >= 400 and not _core.settled_by_earlier_attempt(response):
            raise _core.api_error(response)
        return response

    def get_json(
        self,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Any:
        """GET ``url`` and return its parsed JSON body.

        Published catalogi bodies come from the cache without a request; a body the server
        gave an ETag for is revalidated with ``If-None-Match`` and reused on 304.
        """
        plan = None if self._cache_store.disabled else self._cache_plan(url, params, headers)
        if plan is None:
            response = self.request(
                "GET", url, params=params, headers=headers, timeout=timeout
            )
            return self._body_after_get(url, response, None)
        store = self._cache_store
        entry, generation = store.lookup(plan)
        if entry is not None and entry.is_fresh(store.now()):
            return entry.body
        response = self.request(
            "GET",
            url,
            params=params,
            headers=self._conditional_headers(entry, headers, plan),
            timeout=timeout,
        )
        body = self._body_after_get(url, response, entry)
        revalidated = entry if response.status_code == 304 else None
        etag = response.headers.get("ETag") or (revalidated.etag if revalidated else None)
        store.store(
            plan, body=body, etag=etag, generation=generation, revalidated=revalidated
        )
        return body

    def _after_write(self, url: str) -> None:
        """Make the cached entries of the API written to stale, in every process that
        shares the cache (see ``zgw_client._cache``)."""
        key = None if self._cache_store.disabled else self._generation_key_for(url)
        if key is not None:
            self._cache_store.invalidate(key)

    def invalidate_cache(self, kind: str) -> None:
        """Make every cached entry of the services of ``kind`` stale, in every process that
        shares the cache: one new generation per API root (see the caching guide). What a
        notification handler calls when a publisher reports a change, e.g.
        [`invalidate_catalogi`][zgw_client.notifications.handlers.invalidate_catalogi]."""
        if self._cache_store.disabled:
            return
        for name in self.services_of(kind):
            space = namespace(kind, self.config.services[name].api_root)
            self._cache_store.invalidate(generation_key(space))

    @overload
    def get(
        self, url: str, model: None = None, *, timeout: float | httpx.Timeout | None = None
    ) -> ZGWModel: ...
    @overload
    def get(
        self, url: str, model: type[M], *, timeout: float | httpx.Timeout | None = None
    ) -> M: ...
    def get(
        self,
        url: str,
        model: type[M] | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
    ) -> ZGWModel | M:
        """Fetch any resource by URL and return it as its typed model.

        ZGW resources point at each other by URL (``zaak.zaaktype``, ``status.statustype``);
        this follows one. The URL must lie under a configured API root.

        Without ``model`` the result is typed as the base
        [`ZGWModel`][zgw_client.ZGWModel] (the class depends on the URL); name the model
        to get its type, checked against the URL before the request:
        ``status = client.get(zaak.status, Status)``. For a URL of an API
        zgw-client has no models for (kind ``other``), ``model`` says how to parse it.

        Raises:
            InputError: ``model`` is not the model of the resource ``url`` points at.
            ConfigurationError: no ``model`` given, and none is known for ``url``.
        """
        parse_as = self._model_for(url, model)
        body = self.get_json(url, timeout=timeout)
        return parse_response_body(parse_as, body, source=f"GET {_core.loggable_url(url)}")

    @contextmanager
    def stream(
        self,
        method: str,
        url: str,
        *,
        params: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Iterator[httpx.Response]:
        """Send a request and yield the response with its body unread (for downloads).

        Only the start of the exchange is retried, and only it is bound by the deadline;
        the body is read by the caller, each read within the service's read timeout, and
        it is not capped in size (error bodies are: they are read here).
        """
        request, service = self._build_request(
            self._http, method, url, params=params, headers=headers, timeout=timeout
        )
        limits = self._limits_for(request, service, timeout)
        with deadline(limits, request):
            response = self._send(request, service, limits, stream=True)
        try:
            if response.status_code >= 400:
                raise _core.api_error(response)
            limits.release(response.request)
            yield response
        finally:
            response.close()

    def paginate(
        self,
        url: str,
        *,
        parse: Callable[[Any], T],
        params: Mapping[str, Any] | None = None,
        limit: int | None = None,
        headers: Mapping[str, str] | None = None,
        page_hook: PageHook | None = None,
    ) -> Paginator[T]:
        """A lazy iterator over every item of a list endpoint, following ``next`` links.

        Args:
            url: the list endpoint.
            parse: turns one JSON item into the value yielded (e.g. ``Zaak.model_validate``).
            params: filters and ``pageSize``.
            limit: stop after this many items (explicitly; nothing is truncated otherwise).
            headers: extra headers for every page request.
            page_hook: awaited with each page's raw items before parsing.
        """
        return Paginator(
            self.get_json,
            url,
            api_root=self._router.match(url)[1].api_root,
            parse=parse,
            params=params,
            limit=limit,
            headers=headers,
            page_hook=page_hook,
        )

    # -- the one place that does I/O ---------------------------------------------------
    @staticmethod
    def _limits_for(
        request: httpx.Request, service: Service, timeout: float | httpx.Timeout | None
    ) -> _core.CallLimits:
        seconds = _core.call_seconds(service.retry, timeout)
        return _core.CallLimits(seconds, service.max_response_bytes, request)

    def _send(
        self,
        request: httpx.Request,
        service: Service,
        limits: _core.CallLimits,
        *,
        stream: bool,
    ) -> httpx.Response:
        """Send ``request`` with retries, following the redirects the policy allows (see
        [`RedirectError`][zgw_client.RedirectError]), in one tracing span."""
        with tracing.request_span(request, service.kind) as span:
            for _ in range(MAX_REDIRECTS):
                response = self._send_with_retries(request, service, limits, stream=stream)
                follow = self._redirect_for(request, response)
                if follow is None:
                    span.resent(response.extensions.get("zgw.attempts", 1) - 1)
                    span.answered(response)
                    return response
                response.close()
                request = follow
            raise self._too_many_redirects(request, response)

    def _send_with_retries(
        self,
        request: httpx.Request,
        service: Service,
        limits: _core.CallLimits,
        *,
        stream: bool,
    ) -> httpx.Response:
        policy = service.retry
        started = time.monotonic()
        try:
            # Most requests succeed at once: they skip the retry machinery altogether.
            response = self._send_once(request, policy, limits, stream=stream)
        except _core.RetrySignal as first:
            response = self._retry(request, policy, limits, first, stream=stream)
        url = str(request.url)
        self._note_api_version(url, response.headers.get("API-version"))
        if _core.logger.isEnabledFor(logging.DEBUG):
            _core.logger.debug(
                "%s %s -> %d (%.0f ms)",
                request.method,
                _core.loggable_url(url),
                response.status_code,
                (time.monotonic() - started) * 1000,
            )
        return response

    def _retry(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        limits: _core.CallLimits,
        first: _core.RetrySignal,
        *,
        stream: bool,
    ) -> httpx.Response:
        """Attempts after a first one that failed in a retryable way, as ``policy`` says.

        The first outcome is handed to tenacity as attempt 1, so the backoff, the attempt
        count and the deadline (counted from the start of the call) are the same as if
        tenacity had made it.
        """
        method, url = request.method, str(request.url)
        pending: _core.RetrySignal | None = first
        arrived = first.may_have_arrived

        def wait(state: RetryCallState) -> float:
            signal = state.outcome.exception() if state.outcome else None
            retry_after = signal.retry_after if isinstance(signal, _core.RetrySignal) else None
            return _core.backoff_seconds(policy, state.attempt_number, retry_after)

        def log(state: RetryCallState) -> None:
            # Called only when another attempt follows (not after the last one).
            signal = state.outcome.exception() if state.outcome else None
            seconds = state.next_action.sleep if state.next_action else 0.0
            if isinstance(signal, _core.RetrySignal):
                _core.log_retry(method, url, state.attempt_number, seconds, signal)

        retrying = Retrying(
            stop=stop_after_attempt(policy.max_attempts)
            | _core.stop_at_deadline(limits.started, limits.seconds),
            wait=wait,
            retry=retry_if_exception_type(_core.RetrySignal),
            before_sleep=log,
        )
        try:
            for attempt in retrying:
                with attempt:
                    if pending is not None:
                        replayed, pending = pending, None
                        raise replayed
                    try:
                        response = self._send_once(request, policy, limits, stream=stream)
                    except _core.RetrySignal as failed:
                        arrived = arrived or failed.may_have_arrived
                        raise
        except RetryError as exc:
            signal = exc.last_attempt.exception()
            assert isinstance(signal, _core.RetrySignal)
            attempts = exc.last_attempt.attempt_number
            if attempts == 1:
                raise signal.error from None
            raise RetriesExhaustedError(
                method=method,
                url=_core.loggable_url(url),
                attempts=attempts,
                last_error=signal.error,
            ) from signal.error
        _core.settle_retried_delete(request, response, may_have_arrived=arrived)
        response.extensions["zgw.attempts"] = retrying.statistics.get("attempt_number", 1)
        return response

    def _send_once(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        limits: _core.CallLimits,
        *,
        stream: bool,
    ) -> httpx.Response:
        limits.clamp(request)
        try:
            response = self._exchange(request, policy, limits, stream=stream)
        except httpx.TransportError as exc:
            outcome = _core.retry_signal_for_transport(exc, request)
            raise outcome from exc
        except httpx.DecodingError as exc:
            raise _core.undecodable_body(exc, request) from exc
        if response.status_code in policy.retry_statuses:
            signal = _core.retry_signal_for_response(response, policy)
            if signal is not None:
                response.close()
                raise signal
        return response

    def _exchange(
        self,
        request: httpx.Request,
        policy: RetryPolicy,
        limits: _core.CallLimits,
        *,
        stream: bool,
    ) -> httpx.Response:
        """One attempt: the auth flow (a new token after ``jwt-expired``), and the body read
        through the limits when it is wanted: always, unless ``stream``; for errors too.

        The client drives the auth flow itself, as httpx would, so that no body (the 403
        the JWT check reads, too) is read past the deadline or the size limit.
        """
        flow = self._auth.auth_flow(request)
        outgoing = next(flow)
        while True:
            response = self._http.send(
                outgoing, auth=None, stream=True, follow_redirects=False
            )
            try:
                status = response.status_code
                if not stream or status >= 400 or status in policy.retry_statuses:
                    self._read_body(response, limits)
            except BaseException:
                response.close()
                flow.close()
                raise
            try:
                outgoing = flow.send(response)
            except StopIteration:
                return response
            response.close()

    @staticmethod
    def _read_body(response: httpx.Response, limits: _core.CallLimits) -> None:
        """Read ``response``'s body chunk by chunk, checking the deadline and size limit
        after each chunk, and keep it as the response's content."""
        limits.check_declared(response)
        limits.clamp_read(response.request)
        chunks: list[bytes] = []
        read = 0
        for chunk in response.iter_bytes():
            read += len(chunk)
            limits.check(response, read)
            chunks.append(chunk)
        # What httpx's own read() does once the chunks are in; the body is now in memory.
        response._content = b"".join(chunks)
