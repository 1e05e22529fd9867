"""The in-memory backend: store, dispatch, URL rewriting, auth, faults and the transports.

URLs: resources are stored with absolute URLs on the *canonical* base URL (``base_url``,
default ``http://zgw.test``). A request that arrives on another origin (the served
``http://127.0.0.1:PORT``) is rewritten to the canonical base on the way in (URL, query,
body) and back on the way out (body, ``Location``), so handlers and seeds only ever see one
base URL, and every response names the host the client talked to.
"""

from __future__ import annotations

import copy
import datetime as dt
import threading
import time
import uuid as uuidlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Literal

import httpx
import jwt

from ._apis import ALL_APIS, ApiDefinition
from ._auth import check_jwt, check_token
from ._crs import SUPPORTED_CRS, check_crs
from ._faults import Fault, FaultSet
from ._notifier import Notifier
from ._problems import ProblemError, problem_body
from ._responses import json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._collections import Collection
    from ._server import ServedBackend

Installer = Callable[["InMemoryBackend"], None]
"""An API module's entry point: registers its collections and routes on a backend."""

_AUDIT_BRON = {"zaken": "ZRC", "documenten": "DRC", "besluiten": "BRC", "catalogi": "ZTC"}
_AUDIT_WEERGAVE = {
    "create": "Object aangemaakt",
    "update": "Object bijgewerkt",
    "partial_update": "Object deels bijgewerkt",
    "destroy": "Object verwijderd",
}
_AUDIT_STATUS = {"create": 201, "update": 200, "partial_update": 200, "destroy": 204}
_HTML_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    b"</body>\r\n</html>\r\n"
)


def _origin(url: httpx.URL) -> str:
    default = {"http": 80, "https": 443}.get(url.scheme)
    port = f":{url.port}" if url.port and url.port != default else ""
    return f"{url.scheme}://{url.host}{port}"


def _version_tuple(version: str) -> tuple[int, ...]:
    return tuple(int(p) for p in version.split(".") if p.isdigit())


def _installers() -> list[Installer]:
    from . import (
        _berichten,
        _besluiten,
        _catalogi,
        _contactmomenten,
        _documenten,
        _klantinteracties,
        _notificaties,
        _objecten,
        _producten,
        _producttypen,
        _taken_vtb,
        _verzoeken,
        _zaken,
    )

    return [
        _zaken.install,
        _catalogi.install,
        _documenten.install,
        _besluiten.install,
        _klantinteracties.install,
        _contactmomenten.install,
        _objecten.install,
        _berichten.install,
        _taken_vtb.install,
        _verzoeken.install,
        _producttypen.install,
        _producten.install,
        _notificaties.install,
    ]


class InMemoryBackend:
    """An in-memory Open Zaak + Open Klant + Objects API, as an httpx transport or a server.

    Args:
        base_url: the canonical origin the APIs are mounted on (no path).
        jwt_client_id / jwt_secret: the JWT-ZGW client the Open Zaak APIs accept; more
            clients can be put in ``jwt_clients``.
        token: the key the Token APIs (Klantinteracties, Objects) accept.
        latency: seconds every answer takes at least, counted from the request's arrival
            (the backend's own work counts towards it), in the transports and the server.
        api_versions: served ``API-version`` per API name, to test fallbacks.
        zaken_api_version: shortcut for ``api_versions={"zaken": ...}``; below 1.5 there is
            no ``expand``.
        raise_server_errors: re-raise a bug in a handler instead of answering 500.
        chunk_size: part size of chunked document uploads (Open Zaak's
            ``DOCUMENTEN_UPLOAD_CHUNK_SIZE``, 4 GiB: one part); set it small to get several.
    """

    def __init__(
        self,
        base_url: str = "http://zgw.test",
        *,
        jwt_client_id: str = "zgw-client-test",
        jwt_secret: str = "zgw-client-test-secret-0123456789abcdef",  # noqa: S107 - a test fixture
        token: str = "0123456789abcdef0123456789abcdef01234567",  # noqa: S107
        latency: float = 0.0,
        api_versions: Mapping[str, str] | None = None,
        zaken_api_version: str | None = None,
        jwt_expiry: int = 3600,
        jwt_leeway: int = 0,
        raise_server_errors: bool = True,
        chunk_size: int = 4 * 2**30,
    ) -> None:
        parsed = httpx.URL(base_url)
        if parsed.path not in ("", "/") or not parsed.host:
            raise ValueError("base_url must be an origin such as 'http://zgw.test'")
        self.base_url = _origin(parsed)
        self.jwt_client_id = jwt_client_id
        self.jwt_secret = jwt_secret
        self.jwt_clients: dict[str, str] = {}
        self.jwt_expiry = jwt_expiry
        self.jwt_leeway = jwt_leeway
        self.token = token
        self.latency = latency
        self.raise_server_errors = raise_server_errors
        self.chunk_size = chunk_size
        self.request_log: list[tuple[str, str]] = []
        self.faults = FaultSet()
        self.router = Router()
        self.apis: dict[str, ApiDefinition] = {}
        self.collections: dict[tuple[str, str], Collection] = {}
        self._versions: dict[str, str] = dict(api_versions or {})
        if zaken_api_version is not None:
            self._versions["zaken"] = zaken_api_version
        self._tables: dict[tuple[str, str], dict[str, JSON]] = {}
        self._urls: dict[str, tuple[str, str, str]] = {}
        self._index: dict[tuple[str, str, str], dict[str, list[JSON]]] = {}
        #: Bumped on every write; rendered bodies of an older generation are stale.
        self.generation = 0
        self._aliases: set[str] = set()
        self._lock = threading.RLock()
        self._counters: dict[str, int] = {}
        #: Publishes a notification on every write, to the subscribed callbacks.
        self.notifier = Notifier(self)
        for api in ALL_APIS:
            self.mount_api(api)
        for install in _installers():
            install(self)

    # -- APIs -----------------------------------------------------------------------------

    def mount_api(self, api: ApiDefinition) -> None:
        """Serve ``api`` (its root, auth and version) on this backend."""
        self.apis[api.name] = api

    def register(self, collection_class: type[Collection]) -> Collection:
        """Instantiate a collection, keep it for ``add``/``resolve`` and route its endpoints."""
        collection = collection_class(self)
        self.collections[(collection.api, collection.name)] = collection
        collection.register(self.router)
        return collection

    @property
    def api_roots(self) -> dict[str, str]:
        """API name -> root URL (with trailing slash) on the canonical base URL."""
        return {name: f"{self.base_url}{api.root_path}" for name, api in self.apis.items()}

    def api_version(self, api: str) -> str:
        return self._versions.get(api, self.apis[api].version)

    def supports(self, api: str, minimum: tuple[int, ...]) -> bool:
        """Whether the served version of ``api`` is at least ``minimum``."""
        return _version_tuple(self.api_version(api)) >= minimum

    def next_number(self, counter: str) -> int:
        """A per-backend sequence (zaak identificatie and the like)."""
        with self._lock:
            self._counters[counter] = self._counters.get(counter, 0) + 1
            return self._counters[counter]

    # -- auth helpers for tests -----------------------------------------------------------

    def jwt_token(self, **claims: Any) -> str:
        """A fresh JWT-ZGW this backend accepts (claims override the defaults)."""
        payload = {
            "iss": self.jwt_client_id,
            "iat": int(dt.datetime.now(dt.timezone.utc).timestamp()),
            "client_id": self.jwt_client_id,
            "user_id": "test-user",
            "user_representation": "Test User",
            **claims,
        }
        return jwt.encode(payload, self.jwt_secret, algorithm="HS256")

    def auth_headers(self, api: str) -> dict[str, str]:
        """Headers that authenticate against ``api`` (JWT or Token), plus CRS for Zaken."""
        if self.apis[api].auth == "token":
            return {"Authorization": f"Token {self.token}"}
        headers = {"Authorization": f"Bearer {self.jwt_token()}"}
        if api == "zaken":
            headers.update({"Accept-Crs": SUPPORTED_CRS, "Content-Crs": SUPPORTED_CRS})
        return headers

    # -- store ----------------------------------------------------------------------------

    def table(self, api: str, name: str) -> dict[str, JSON]:
        """The stored bodies of one collection, key (uuid) -> body, in insertion order."""
        return self._tables.setdefault((api, name), {})

    def _changed(self) -> None:
        """Forget what was derived from the stored data: indexes and rendered bodies."""
        self._index.clear()
        self.generation += 1

    def store(self, api: str, name: str, key: str, body: JSON) -> None:
        with self._lock:
            self.table(api, name)[key] = body
            self._urls[body["url"]] = (api, name, key)
            self._changed()

    def unstore(self, api: str, name: str, key: str) -> JSON | None:
        with self._lock:
            body = self.table(api, name).pop(key, None)
            if body is not None:
                self._urls.pop(body.get("url", ""), None)
                self._changed()
            return body

    def add(self, api: str, collection: str, body: JSON) -> JSON:
        """Insert a resource directly (for seeding): assigns ``uuid``/``url`` and defaults.

        Works for every API, also one whose handlers are not implemented yet (then the
        body is stored as given, plus ``url``). Returns the rendered resource.
        """
        with self._lock:
            handler = self.collections.get((api, collection))
            if handler is not None:
                stored = handler.insert(copy.deepcopy(body))
                self.record_audit(None, handler, "create", None, stored)
                return handler.render(stored)
            data = copy.deepcopy(body)
            key = data.get("uuid") or str(uuidlib.uuid4())
            if "url" not in data:
                data = {"url": f"{self.api_roots[api]}{collection}/{key}", **data}
            key = str(data["url"]).rstrip("/").rsplit("/", 1)[-1]
            self.store(api, collection, key, data)
            return copy.deepcopy(data)

    def get(self, url: str) -> JSON | None:
        """The stored body behind ``url`` (not a copy: do not change it)."""
        where = self._urls.get(url)
        if where is None:
            return None
        api, name, key = where
        return self.table(api, name).get(key)

    def resolve(self, url: str) -> JSON | None:
        """The representation of the resource behind ``url``, as a GET would answer it."""
        where = self._urls.get(url)
        if where is None:
            return None
        api, name, key = where
        body = self.table(api, name).get(key)
        if body is None:
            return None
        handler = self.collections.get((api, name))
        return handler.render(body) if handler else copy.deepcopy(body)

    def resolve_for_expand(self, url: str) -> JSON | None:
        """Like [`resolve`][zgw_client.testing.InMemoryBackend.resolve], from the render cache, as a
        shallow copy.

        ``expand`` only sets ``_expand`` on the resolved body itself, so a shallow copy of
        the cached render is safe, and much cheaper than rendering (deep-copying) each of
        the zaaktypen, statussen and rollen embedded in a page of zaken.
        """
        where = self._urls.get(url)
        if where is None:
            return None
        api, name, key = where
        body = self.table(api, name).get(key)
        if body is None:
            return None
        handler = self.collections.get((api, name))
        if handler is None:
            return copy.deepcopy(body)
        return dict(handler.rendered(body))

    def exists(self, url: str, target: str) -> bool:
        """For reference checks: a URL into this backend must point at a ``target`` resource.

        URLs on other hosts cannot be checked and are accepted.
        """
        if not url.startswith(f"{self.base_url}/"):
            return True
        where = self._urls.get(url)
        return where is not None and f"{where[0]}/{where[1]}" == target

    def related(self, api: str, name: str, field: str) -> dict[str, list[JSON]]:
        """Stored bodies of a collection grouped by ``field`` (cached until the next write)."""
        key = (api, name, field)
        index = self._index.get(key)
        if index is None:
            index = {}
            for body in self.table(api, name).values():
                value = body.get(field)
                if isinstance(value, str):
                    index.setdefault(value, []).append(body)
            self._index[key] = index
        return index

    def all(self, api: str, name: str) -> list[JSON]:
        """Every resource of a collection, rendered."""
        return [r for r in (self.resolve(b["url"]) for b in self.table(api, name).values()) if r]

    # -- audit trail ----------------------------------------------------------------------

    def record_audit(
        self,
        ctx: RequestContext | None,
        collection: Collection,
        action: Literal["create", "update", "partial_update", "destroy"],
        old: JSON | None,
        new: JSON | None,
        *,
        main_object: str | None = None,
    ) -> None:
        """Add an audit trail entry when the collection names a main object; an HTTP write
        (``ctx`` given) also publishes its notification."""
        if ctx is not None:
            self.notifier.written(collection, action, old, new)
        subject = new if new is not None else old
        if subject is None:
            return
        main = main_object or collection.audit_main_object(subject)
        if main is None:
            return
        claims = ctx.claims if ctx is not None and ctx.claims else {}
        client_id = str(claims.get("client_id", self.jwt_client_id))
        entry_uuid = str(uuidlib.uuid4())
        now = dt.datetime.now(dt.timezone.utc).isoformat().replace("+00:00", "Z")
        weergave = subject.get("identificatie") or subject.get("uuid", "")
        if "bronorganisatie" in subject and subject.get("identificatie"):
            weergave = f"{subject['bronorganisatie']} - {subject['identificatie']}"
        entry: JSON = {
            "url": f"{main}/audittrail/{entry_uuid}",
            "uuid": entry_uuid,
            "bron": _AUDIT_BRON.get(collection.api, collection.api.upper()),
            "applicatieId": str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, client_id)),
            "applicatieWeergave": client_id,
            "gebruikersId": str(claims.get("user_id", "")),
            "gebruikersWeergave": str(claims.get("user_representation", "")),
            "actie": action,
            "actieWeergave": _AUDIT_WEERGAVE[action],
            "resultaat": _AUDIT_STATUS[action],
            "hoofdObject": main,
            "resource": collection.audit_resource or collection.name,
            "resourceUrl": subject["url"],
            "toelichting": ctx.request.headers.get("X-Audit-Toelichting", "") if ctx else "",
            "resourceWeergave": weergave,
            "aanmaakdatum": now,
            "wijzigingen": {
                "oud": collection.render_write(old) if old is not None else None,
                "nieuw": collection.render_write(new) if new is not None else None,
            },
        }
        with self._lock:
            self.table(collection.api, "audittrail")[entry_uuid] = entry
            self._changed()

    # -- HTTP -----------------------------------------------------------------------------

    def wait_left(self, arrived: float) -> float:
        """Seconds to wait before answering a request that came in at ``arrived``
        (``time.monotonic()``), so that the answer takes ``latency`` in all."""
        return max(0.0, self.latency - (time.monotonic() - arrived))

    def handle(self, request: httpx.Request) -> httpx.Response:
        """Answer one request (no latency). Transport-level faults raise httpx errors."""
        outcome = self.process(request)
        if isinstance(outcome, Fault):
            raise _fault_exception(outcome, request)
        return outcome

    def process(self, request: httpx.Request, *, trusted: bool = False) -> httpx.Response | Fault:
        """Like [`handle`][zgw_client.testing.InMemoryBackend.handle], but returns a
        connection-level fault instead of raising it.

        ``trusted`` accepts any host (the served mode: the client reached our socket).
        """
        public = _origin(request.url)
        with self._lock:
            self.request_log.append((request.method, str(request.url)))
        if not trusted and public != self.base_url and public not in self._aliases:
            raise httpx.ConnectError(f"[in-memory backend] unknown host {public}", request=request)
        fault = self.faults.take(request.method, str(request.url))
        if fault is not None and fault.kind in ("reset", "disconnect", "timeout"):
            return fault
        if fault is not None and fault.kind == "status":
            return self._fault_response(request, fault, public)
        if fault is not None and fault.kind == "html":
            html = {"Content-Type": "text/html"}
            return httpx.Response(fault.status or 502, headers=html, content=_HTML_502)
        canonical = self._rewrite_request(request, public)
        with self._lock:
            response = self._dispatch(canonical)
        response = self._rewrite_response(response, public)
        if fault is not None and fault.kind == "truncated":
            content = response.content[: len(response.content) // 2]
            kept = [(k, v) for k, v in response.headers.items() if k.lower() != "content-length"]
            return httpx.Response(response.status_code, headers=kept, content=content)
        return response

    def _fault_response(self, request: httpx.Request, fault: Fault, public: str) -> httpx.Response:
        status = fault.status or 500
        body = problem_body(ProblemError(status), origin=public)
        headers = {}
        api = self._api_for_path(request.url.path)
        if api is not None:
            headers["API-version"] = self.api_version(api.name)
        if fault.retry_after is not None:
            headers["Retry-After"] = fault.retry_after
        return json_response(status, body, headers)

    def _rewrite_request(self, request: httpx.Request, public: str) -> httpx.Request:
        if public == self.base_url:
            return request
        canon, pub = self.base_url, public

        def swap(text: str) -> str:
            return text.replace(f"{pub}/", f"{canon}/")

        params = [(k, swap(v)) for k, v in request.url.params.multi_items()]
        url = httpx.URL(f"{canon}{request.url.path}", params=params or None)
        skip = ("host", "content-length")
        request_headers = [
            (k, v) for k, v in request.headers.multi_items() if k.lower() not in skip
        ]
        content = request.content.replace(f"{pub}/".encode(), f"{canon}/".encode())
        return httpx.Request(request.method, url, headers=request_headers, content=content)

    def _rewrite_response(self, response: httpx.Response, public: str) -> httpx.Response:
        if public == self.base_url:
            return response
        canon, pub = f"{self.base_url}/", f"{public}/"
        headers = [
            (k, v.replace(canon, pub))
            for k, v in response.headers.multi_items()
            if k.lower() != "content-length"
        ]
        content = response.content
        if "json" in response.headers.get("Content-Type", ""):
            # Only JSON carries URLs; a download's bytes must come back as uploaded.
            content = content.replace(canon.encode(), pub.encode())
        return httpx.Response(response.status_code, headers=headers, content=content)

    def _api_for_path(self, path: str) -> ApiDefinition | None:
        best: ApiDefinition | None = None
        for api in self.apis.values():
            root = api.root_path
            if (path.startswith(root) or path == root.rstrip("/")) and (
                best is None or len(root) > len(best.root_path)
            ):
                best = api
        return best

    def _dispatch(self, request: httpx.Request) -> httpx.Response:
        api = self._api_for_path(request.url.path)
        if api is None:
            return self._problem(ProblemError(404), None)
        sub = request.url.path[len(api.root_path) :]
        if sub == "" and request.method in ("GET", "HEAD"):
            return self._api_root(api)
        match = self.router.match(api.name, sub)
        if match is None:
            return self._problem(ProblemError(404), api)
        route, params = match
        extra = {"Allow": route.allow}
        if route.crs:
            extra["Content-Crs"] = SUPPORTED_CRS
        try:
            claims = self._authenticate(api, request)
            if route.crs:
                check_crs(request)
            method = request.method
            handler = route.handlers.get("GET" if method == "HEAD" else method)
            if handler is None:
                raise ProblemError(405, detail=f'Methode "{method}" niet toegestaan.')
            ctx = RequestContext(self, request, api, route, params, claims)
            response = handler(ctx)
        except ProblemError as error:
            response = self._problem(error, api)
        except Exception:
            if self.raise_server_errors:
                raise
            response = self._problem(ProblemError(500, detail="Internal Server Error"), api)
        headers = dict(response.headers)
        headers.update(extra)
        # 304s and downloads carry no API-version (Open Zaak)
        if response.status_code != 304 and not response.extensions.get("no_api_version"):
            headers["API-version"] = self.api_version(api.name)
        content = b"" if request.method == "HEAD" else response.content
        headers.pop("content-length", None)
        return httpx.Response(response.status_code, headers=headers, content=content)

    def _authenticate(self, api: ApiDefinition, request: httpx.Request) -> JSON | None:
        authorization = request.headers.get("Authorization")
        if api.auth == "jwt":
            secrets = {**self.jwt_clients, self.jwt_client_id: self.jwt_secret}
            return check_jwt(authorization, secrets, expiry=self.jwt_expiry, leeway=self.jwt_leeway)
        if api.auth == "token":
            check_token(authorization, self.token, api)
        return None

    def _api_root(self, api: ApiDefinition) -> httpx.Response:
        root = f"{self.base_url}{api.root_path}"
        body = {key: f"{root}{path}" for key, path in api.root_links}
        headers = {"Allow": "GET, HEAD, OPTIONS", "API-version": self.api_version(api.name)}
        return json_response(200, body, headers)

    def _problem(self, error: ProblemError, api: ApiDefinition | None) -> httpx.Response:
        body = problem_body(
            error,
            origin=self.base_url,
            language=api.language if api else "nl",
            invalid_params_key=api.invalid_params_key if api else "invalidParams",
        )
        return json_response(error.status, body, error.headers)

    # -- transports and server ------------------------------------------------------------

    def transport(self) -> httpx.BaseTransport:
        """A sync httpx transport onto this backend (latency via ``time.sleep``)."""
        from ._transports import BackendTransport

        return BackendTransport(self)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An async httpx transport onto this backend (latency via ``asyncio.sleep``)."""
        from ._transports import AsyncBackendTransport

        return AsyncBackendTransport(self)

    def serve(self, host: str = "127.0.0.1", port: int = 0) -> ServedBackend:
        """A context manager serving the backend over HTTP on ``host:port`` (0: any port)."""
        from ._server import ServedBackend

        return ServedBackend(self, host, port)

    def add_alias(self, origin: str) -> None:
        """Also answer requests for ``origin`` (rewriting URLs to it)."""
        self._aliases.add(_origin(httpx.URL(origin)))

    def remove_alias(self, origin: str) -> None:
        self._aliases.discard(_origin(httpx.URL(origin)))

    def reset_log(self) -> None:
        with self._lock:
            self.request_log.clear()

    def requests_matching(self, method: str | None = None, contains: str = "") -> list[str]:
        """URLs of logged requests, for counting in tests."""
        return [u for m, u in self.request_log if (method is None or m == method) and contains in u]


def _fault_exception(fault: Fault, request: httpx.Request) -> httpx.TransportError:
    if fault.kind == "reset":
        return httpx.ConnectError("[Errno 104] Connection reset by peer", request=request)
    if fault.kind == "disconnect":
        return httpx.RemoteProtocolError(
            "Server disconnected without sending a response.", request=request
        )
    return httpx.ReadTimeout("timed out", request=request)
