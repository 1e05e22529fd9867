"""Authentication as `httpx.Auth`, chosen per request URL.

Each credentials kind of `_config` has an ``httpx.Auth`` here. They do no I/O of their own (httpx
drives them), so the same objects serve the sync and async client.
[`ServiceAuth`][zgw_client.ServiceAuth] picks the credentials by the request URL — the longest
configured API root that contains it — and refuses, before anything is sent, a URL under no root:
ZGW payloads are full of URLs, and a crafted one must never receive our token.
"""

from __future__ import annotations

import threading
import time
import warnings
from collections.abc import AsyncGenerator, Callable, Generator, Mapping
from typing import Any

import httpx
import jwt

from ._config import (
    APIKeyCredentials,
    Credentials,
    NoAuth,
    Service,
    TokenCredentials,
    ZGWCredentials,
)
from ._exceptions import ConfigurationError, UnconfiguredURLError
from ._urls import Root, parse_url, unsafe_path_reason, url_under_root

__all__ = [
    "APIKeyAuth",
    "ServiceAuth",
    "ServiceRouter",
    "TokenAuth",
    "ZGWJWTAuth",
    "mint_jwt",
    "no_credentials_error",
    "parse_url",
    "url_under_root",
]

#: Open Zaak's code for a token whose ``iat`` is too old.
JWT_EXPIRED_CODES = frozenset({"jwt-expired"})


def mint_jwt(credentials: ZGWCredentials, *, now: float | None = None) -> str:
    """Mint a JWT-ZGW for ``credentials`` (HS256, integer ``iat``)."""
    issued_at = int(time.time() if now is None else now)
    claims: dict[str, Any] = {
        "iss": credentials.client_id,
        "iat": issued_at,
        "client_id": credentials.client_id,
        "user_id": credentials.user_id,
        "user_representation": credentials.user_representation,
        **credentials.extra_claims,
    }
    with warnings.catch_warnings():
        # pyjwt warns about HMAC keys below 32 bytes; legacy ZGW secrets often are shorter
        # and the servers accept them, so refusing or warning on every request helps nobody.
        warnings.simplefilter("ignore")
        return jwt.encode(
            claims,
            credentials.secret.get_secret_value(),
            algorithm="HS256",
            headers={"client_identifier": credentials.client_id},
        )


class _ReadsErrorBodies(httpx.Auth):
    """An auth flow that needs the body of error responses only.

    httpx's ``requires_response_body`` reads *every* body before the caller sees it, which
    would pull a streamed 20 MB download into memory. The token-expiry check only needs
    the body of a 403, so only bodies of error responses are read here.
    """

    def sync_auth_flow(
        self, request: httpx.Request
    ) -> Generator[httpx.Request, httpx.Response, None]:
        flow = self.auth_flow(request)
        outgoing = next(flow)
        while True:
            response = yield outgoing
            if response.status_code >= 400:
                response.read()
            try:
                outgoing = flow.send(response)
            except StopIteration:
                break

    async def async_auth_flow(
        self, request: httpx.Request
    ) -> AsyncGenerator[httpx.Request, httpx.Response]:
        flow = self.auth_flow(request)
        outgoing = next(flow)
        while True:
            response = yield outgoing
            if response.status_code >= 400:
                await response.aread()
            try:
                outgoing = flow.send(response)
            except StopIteration:
                break


class ZGWJWTAuth(_ReadsErrorBodies):
    """``Authorization: Bearer <JWT-ZGW>``, minted locally and reused briefly.

    A token is reused for ``credentials.token_lifetime`` seconds, well inside the hour
    Open Zaak allows. If the server still answers 403 ``jwt-expired`` (clock skew, a
    token minted just before a long pause), a new token is minted and the request is
    sent once more.
    """

    def __init__(
        self, credentials: ZGWCredentials, *, clock: Callable[[], float] = time.time
    ) -> None:
        self._credentials = credentials
        self._clock = clock
        self._lock = threading.Lock()
        self._token: str | None = None
        self._minted_at = 0.0

    def __repr__(self) -> str:
        return f"ZGWJWTAuth(client_id={self._credentials.client_id!r}, secret='**********')"

    def token(self, *, fresh: bool = False) -> str:
        """The current token, minted anew when absent, old, or ``fresh`` is asked."""
        with self._lock:
            now = self._clock()
            if (
                fresh
                or self._token is None
                or now - self._minted_at >= self._credentials.token_lifetime
                or now < self._minted_at  # the clock went back
            ):
                self._token = mint_jwt(self._credentials, now=now)
                self._minted_at = now
            return self._token

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        response = yield request
        if response.status_code == 403 and _problem_code(response) in JWT_EXPIRED_CODES:
            request.headers["Authorization"] = f"Bearer {self.token(fresh=True)}"
            yield request


class TokenAuth(httpx.Auth):
    """``Authorization: Token <key>`` (Open Klant, Objects API)."""

    def __init__(self, credentials: TokenCredentials) -> None:
        self._credentials = credentials

    def __repr__(self) -> str:
        return "TokenAuth(token='**********')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["Authorization"] = f"Token {self._credentials.token.get_secret_value()}"
        yield request


class APIKeyAuth(httpx.Auth):
    """A static key in a configurable header."""

    def __init__(self, credentials: APIKeyCredentials) -> None:
        self._credentials = credentials

    def __repr__(self) -> str:
        return f"APIKeyAuth(header={self._credentials.header!r}, key='**********')"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers[self._credentials.header] = self._credentials.key.get_secret_value()
        yield request


def no_credentials_error(name: str, service: Service) -> ConfigurationError:
    """The error for a request to a service that has no credentials configured at all."""
    upper = name.upper()
    return ConfigurationError(
        f"No credentials configured for service {name!r} ({service.api_root}); nothing was "
        f"sent. Configure them (ZGW_{upper}_CLIENT_ID and ZGW_{upper}_SECRET, "
        f"ZGW_{upper}_TOKEN, or client_id/secret/token in [services.{name}]), or, for an API "
        f'that needs none, say so: auth = "none", ZGW_{upper}_AUTH=none, or '
        "Service(..., credentials=NoAuth())."
    )


def auth_for(credentials: Credentials | None) -> httpx.Auth | None:
    """The ``httpx.Auth`` that sends ``credentials`` (``None`` for none to send)."""
    if credentials is None or isinstance(credentials, NoAuth):
        return None
    if isinstance(credentials, ZGWCredentials):
        return ZGWJWTAuth(credentials)
    if isinstance(credentials, TokenCredentials):
        return TokenAuth(credentials)
    return APIKeyAuth(credentials)


class ServiceRouter:
    """Finds the configured service for a URL: the longest API root that contains it.

    Containment is decided by the rules of `url_under_root` (private `_urls`) on
    the URL as it will be sent: roots are compared on scheme, host, port and whole path
    segments, never as string prefixes, so ``https://zaken.example.nl@evil.test/`` or
    ``.../api/v1-evil/`` do not match ``https://zaken.example.nl/api/v1/``, and a path with an
    encoded dot segment (``.../api/v1/%2e%2e/admin/``) matches no root at all.
    """

    def __init__(self, services: Mapping[str, Service]) -> None:
        entries = []
        for name, service in services.items():
            root = Root.of(service.api_root)
            entries.append((name, service, root, auth_for(service.credentials)))
        # Longest path first: the most specific root wins.
        entries.sort(key=lambda entry: len(entry[2].path), reverse=True)
        self._entries = entries
        # A URL is matched several times per request (building, auth, bookkeeping), and
        # parsing a long ZGW URL is not free: remember the answers (never for refusals).
        self._matches: dict[str, tuple[str, Service, httpx.Auth | None]] = {}

    @property
    def roots(self) -> list[str]:
        return [service.api_root for _, service, _, _ in self._entries]

    def match(self, url: httpx.URL | str) -> tuple[str, Service, httpx.Auth | None]:
        """Return ``(name, service, auth)`` for ``url``, or raise
        [`UnconfiguredURLError`][zgw_client.UnconfiguredURLError]."""
        key = str(url)
        found = self._matches.get(key)
        if found is not None:
            return found
        try:
            target = url if isinstance(url, httpx.URL) else parse_url(url)
        except httpx.InvalidURL as exc:
            reason = f"it is not a valid URL ({exc})"
            raise UnconfiguredURLError(key, self.roots, reason=reason) from None
        for name, service, root, auth in self._entries:
            if root.contains(target):
                if len(self._matches) >= 4096:  # bounded: URLs come from data
                    self._matches.clear()
                self._matches[key] = (name, service, auth)
                return name, service, auth
        unsafe = unsafe_path_reason(target.raw_path.decode("ascii").split("?", 1)[0])
        raise UnconfiguredURLError(key, self.roots, reason=unsafe)

    def find(self, url: httpx.URL | str) -> str | None:
        """The name of the service whose root contains ``url``, or ``None``."""
        try:
            return self.match(url)[0]
        except UnconfiguredURLError:
            return None


class ServiceAuth(_ReadsErrorBodies):
    """Sends each request with the credentials of the API root it falls under.

    Use it on any ``httpx.Client`` to get zgw-client's routing and refusal::

        httpx.Client(auth=ServiceAuth(router))

    A URL under no configured root raises [`UnconfiguredURLError`][zgw_client.UnconfiguredURLError]
    before sending, and so does a service without credentials (a ``ConfigurationError``), unless it
    says [`NoAuth()`][zgw_client.NoAuth].
    """

    def __init__(self, router: ServiceRouter) -> None:
        self._router = router

    def __repr__(self) -> str:
        return f"ServiceAuth(roots={self._router.roots!r})"

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        name, service, auth = self._router.match(request.url)
        if service.credentials is None:
            raise no_credentials_error(name, service)
        if auth is None:
            yield request
            return
        flow = auth.auth_flow(request)
        outgoing = next(flow)
        while True:
            response = yield outgoing
            try:
                outgoing = flow.send(response)
            except StopIteration:
                break
        # The exchange is over: blank the credential so that it cannot leak through
        # ``response.request`` into an exception, a log or a debugger dump.
        for header in _credential_headers(service.credentials):
            if header in request.headers:
                request.headers[header] = "[redacted]"


def _credential_headers(credentials: Credentials | None) -> tuple[str, ...]:
    if isinstance(credentials, APIKeyCredentials):
        return (credentials.header,)
    return ("Authorization",)


def _problem_code(response: httpx.Response) -> str | None:
    try:
        body = response.json()
    except ValueError:
        return None
    code = body.get("code") if isinstance(body, dict) else None
    return code if isinstance(code, str) else None
