"""Every error zgw-client raises, in one tree.

Catch [`ZGWError`][zgw_client.ZGWError] for "anything from zgw-client", or a branch for what you can
handle::

    ZGWError
    ├── ConfigurationError            the client was set up wrongly (fix the configuration)
    │   └── UnconfiguredURLError      a URL under no configured API root (raised before any I/O)
    ├── InputError (also ValueError)  an argument failed a local check (BSN 11-proef, KVK, ...)
    │   └── InvalidFilterError        a filter refused before any request: an identifier
    │                                 (BSN, KVK, RSIN) that fails its check, an empty value
    ├── AccessDeniedError             MijnZaken: this person may not see this zaak
    ├── TransportError                no usable HTTP exchange took place
    │   ├── ConnectError              could not connect (DNS, refused, TLS)
    │   └── RequestTimeout            connect/read/write/pool timeout, or the call's deadline
    ├── RetriesExhaustedError         retried ``attempts`` times, still failing (``last_error``)
    ├── ChunkedUploadError            a bestandsdelen upload stopped; resume it (documenten)
    ├── UnexpectedResponseError       not what the API promised: HTML page, invalid JSON,
    │   │                             a body of the wrong shape, an unexpected redirect
    │   ├── PaginationError           pages that do not add up: a foreign or repeating
    │   │                             ``next`` link, more items than ``count``
    │   ├── ResponseTooLargeError     a body over ``Service.max_response_bytes``
    │   └── RedirectError             a 3xx the client may not follow (other root, a write)
    └── APIError                      the server answered with an error status (problem+json)
        ├── BadRequestError           400 (``invalid_params`` says which fields)
        ├── AuthenticationError       401
        ├── PermissionDeniedError     403
        │   └── TokenExpiredError     403 ``jwt-expired`` (the client mints a new token once)
        ├── NotFoundError             404
        ├── MethodNotAllowedError     405
        ├── NotAcceptableError        406
        ├── ConflictError             409
        ├── GoneError                 410
        ├── PreconditionFailedError   412
        ├── UnsupportedMediaTypeError 415
        ├── RateLimitedError          429
        └── ServerError               5xx

Every message ends with what to do next. No exception carries a secret: the
``Authorization`` header of the request behind ``APIError.response`` is redacted. No message
shows a BSN: every text an exception is built with has its nine-digit numbers masked
(``APIError.detail_unmasked`` and ``APIError.body`` keep what the server sent).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ._masking import mask_bsn

if TYPE_CHECKING:
    import httpx

__all__ = [
    "APIError",
    "AccessDeniedError",
    "AuthenticationError",
    "BadRequestError",
    "ConfigurationError",
    "ConflictError",
    "ConnectError",
    "GoneError",
    "InputError",
    "InvalidFilterError",
    "InvalidParam",
    "MethodNotAllowedError",
    "NotAcceptableError",
    "NotFoundError",
    "PaginationError",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitedError",
    "RedirectError",
    "RequestTimeout",
    "ResponseTooLargeError",
    "RetriesExhaustedError",
    "ServerError",
    "TokenExpiredError",
    "TransportError",
    "UnconfiguredURLError",
    "UnexpectedResponseError",
    "UnsupportedMediaTypeError",
    "ZGWError",
]


class ZGWError(Exception):
    """Base of every exception raised by zgw-client.

    Text arguments are stored with BSN-like numbers masked, so ``str()``, ``repr()``, a
    traceback or a log line of any error shows no BSN, whatever server text it quotes.
    """

    def __init__(self, *args: Any) -> None:
        super().__init__(*(mask_bsn(arg) if isinstance(arg, str) else arg for arg in args))

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle (multiprocessing, Celery) rebuilds an exception as ``cls(*args)`` by
        # default, which fails for the keyword-only constructors of this tree. Rebuild
        # without calling ``__init__``: the message and every attribute as they were.
        return (_rebuild, (type(self), self.args, dict(vars(self))))


def _rebuild(cls: type[ZGWError], args: tuple[Any, ...], state: dict[str, Any]) -> ZGWError:
    error = cls.__new__(cls, *args)
    error.args = args
    vars(error).update(state)
    return error


class ConfigurationError(ZGWError):
    """The client or a service was configured wrongly; the message names the setting."""


class UnconfiguredURLError(ConfigurationError):
    """A request URL lies under no configured API root.

    Raised before any network I/O: ZGW payloads are full of URLs, and a URL pointing at a
    host we were not configured for must never receive our credentials.
    """

    def __init__(self, url: str, configured_roots: list[str], *, reason: str | None = None) -> None:
        self.url = mask_bsn(url)
        self.configured_roots = configured_roots
        self.reason = reason
        roots = ", ".join(configured_roots) or "(none)"
        if reason is not None:
            text = (
                f"Refusing to send a request to {self.url}: {reason}. Pass the resource's "
                "plain URL; if this one came from an API response, it was crafted and must "
                "not be followed."
            )
        else:
            text = (
                f"Refusing to send a request to {self.url}: it is under no configured API root "
                f"(configured: {roots}). If this host is yours, add it as a service; "
                "otherwise the URL came from untrusted data and must not be followed."
            )
        super().__init__(text)


class InputError(ZGWError, ValueError):
    """An argument failed a local check before any request was sent."""


class InvalidFilterError(InputError):
    """A list filter, an ``extra_params`` entry or a search field was refused before any
    request: an identifier (BSN, KVK-nummer, RSIN) that fails its check, or an empty value.

    Why check: a filter on a mistyped BSN answers an empty list, as if the person had no
    zaken; an empty value is no filter at all on servers built on Django filters, so it
    answers every item. The message names the filter and the rule, never the value.

    Attributes:
        name: the filter's name as sent (``rol__betrokkeneIdentificatie__...__inpBsn``).
    """

    def __init__(self, message: str, *, name: str) -> None:
        self.name = name
        super().__init__(message)


class AccessDeniedError(ZGWError):
    """The person holds no qualifying rol on the zaak, or the portal's policy hides it.

    Raised by the MijnZaken helpers before anything of the zaak is returned. The message is
    the same in both cases, so that it does not reveal whether the zaak exists.
    """


class TransportError(ZGWError):
    """No usable HTTP exchange took place (network, DNS, TLS, timeout)."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        self.method = method
        self.url = url
        super().__init__(message)


class ConnectError(TransportError):
    """The connection could not be made. Check the API root, DNS, proxy and TLS settings."""


class RequestTimeout(TransportError):
    """The server did not answer in time: one read, connect or write took longer than the
    service's ``Timeouts``, or the whole call passed its deadline (``RetryPolicy.deadline``,
    reading the answer included). Raise them if the server is slow, or try again later."""


class RetriesExhaustedError(ZGWError):
    """Retried as the retry policy allows and every attempt failed; ``last_error`` says why."""

    def __init__(self, *, method: str, url: str, attempts: int, last_error: ZGWError) -> None:
        self.method = method
        self.url = url
        self.attempts = attempts
        self.last_error = last_error
        super().__init__(
            f"{method} {url} failed after {attempts} attempts; last error: {last_error}. "
            "The service may be down or overloaded: try again later, or raise "
            "max_attempts/deadline in the service's retry policy."
        )


class UnexpectedResponseError(ZGWError):
    """The server answered something the API does not promise.

    Examples: an HTML error page from a proxy, invalid or truncated JSON, a wrong content
    type, or a ``next`` link that leaves the API root.
    """

    def __init__(
        self, message: str, *, response: httpx.Response | None = None, url: str | None = None
    ) -> None:
        self.response = response
        self.url = url
        super().__init__(message)


class PaginationError(UnexpectedResponseError):
    """The server's pages do not add up: a ``next`` link that leaves the API root, is not a
    URL, or leads back to a page already read, or more items than the promised ``count``.
    Iterating stops here instead of looping or stopping silently."""


class ResponseTooLargeError(UnexpectedResponseError):
    """A response body is larger than the service's ``max_response_bytes``.

    Raised before the whole body is in memory: when ``Content-Length`` announces too much,
    before reading any of it, else as soon as the bytes read pass the limit. No ZGW JSON
    body comes near the default (32 MiB); a larger one is a server fault or an attack.
    Streamed downloads (``documenten`` ``download``, ``client.stream``) are not capped.

    Attributes:
        limit: the limit in bytes that was passed.
    """

    def __init__(
        self,
        message: str,
        *,
        limit: int,
        response: httpx.Response | None = None,
        url: str | None = None,
    ) -> None:
        self.limit = limit
        super().__init__(message, response=response, url=url)


class RedirectError(UnexpectedResponseError):
    """The server answered a redirect the client will not follow.

    Only GET and HEAD are followed, and only to a URL under the same API root (the
    credentials are checked anew for it). A redirect of a write, or to another host,
    scheme or root, usually means a wrong API root (``http`` behind an ``https`` proxy, an
    old host name): configure the root the server redirects to.

    Attributes:
        status: the redirect status (301, 302, 303, 307, 308).
        location: where the server pointed (BSN-like numbers masked).
    """

    def __init__(
        self,
        message: str,
        *,
        status: int,
        location: str | None,
        response: httpx.Response | None = None,
        url: str | None = None,
    ) -> None:
        self.status = status
        self.location = location
        super().__init__(message, response=response, url=url)


@dataclass(frozen=True)
class InvalidParam:
    """One entry of ``invalidParams``: which field, which rule, and the server's reason."""

    name: str
    code: str
    reason: str


class APIError(ZGWError):
    """The server answered with an error status. Carries the parsed problem body.

    Attributes:
        status: the HTTP status code.
        code: the ZGW error code, e.g. ``"jwt-expired"``, ``"invalid"``, ``"not_found"``.
        title: short human-readable summary (often Dutch), BSN-like numbers masked.
        detail: the longer explanation, BSN-like numbers masked (servers quote the BSN
            they could not find: "Geen persoon met BSN ...").
        detail_unmasked: ``detail`` as the server sent it. Keep it out of logs.
        instance: URN of this occurrence, useful when reporting to the server's operator.
        invalid_params: the fields that failed validation (400), reasons masked.
        body: the parsed body as the server sent it (``{}`` when it was not JSON).
        response: the raw `httpx.Response` (its ``Authorization`` header redacted).
    """

    #: The next step a user should take; subclasses refine it.
    hint = "See `detail` and `invalid_params`, or the server's logs for `instance`."

    def __init__(
        self,
        *,
        status: int,
        code: str | None,
        title: str | None,
        detail: str | None,
        instance: str | None,
        invalid_params: list[InvalidParam],
        body: Any,
        response: httpx.Response | None,
        method: str,
        url: str,
        hint: str | None = None,
    ) -> None:
        if hint is not None:
            self.hint = hint  # this occurrence knows better than its class
        self.status = status
        self.code = code
        self.title = None if title is None else mask_bsn(title)
        self.detail = None if detail is None else mask_bsn(detail)
        self.detail_unmasked = detail
        self.instance = instance
        self.invalid_params = [
            replace(param, name=mask_bsn(param.name), reason=mask_bsn(param.reason))
            for param in invalid_params
        ]
        self.body = body
        self.response = response
        self.method = method
        self.url = url
        super().__init__(self._message())

    def _message(self) -> str:
        parts = [f"{self.method} {self.url} -> {self.status}"]
        if self.code:
            parts.append(f"[{self.code}]")
        if self.title:
            parts.append(self.title)
        text = " ".join(parts)
        if self.detail and self.detail != self.title:
            text += f": {self.detail}"
        if self.invalid_params:
            fields = "; ".join(f"{p.name} ({p.code}): {p.reason}" for p in self.invalid_params)
            text = f"{text.rstrip('.')}. Invalid: {fields}"
        return f"{text.rstrip('.')}. {self.hint}"


#: The hint of a 401/403 to a request that carried no credentials (``NoAuth``).
NO_CREDENTIALS_SENT_HINT = (
    "No credentials were sent: the service is configured without them (NoAuth, "
    'auth = "none"). If this API needs them, configure its token or client_id/secret.'
)


class BadRequestError(APIError):
    """400: the request was refused; ``invalid_params`` names the fields."""

    hint = "Fix the fields listed in `invalid_params` and send again."


class AuthenticationError(APIError):
    """401: no or unknown credentials (Open Klant, Objects API)."""

    hint = "Check the service's credentials (token or client_id/secret) for this API root."


class PermissionDeniedError(APIError):
    """403: credentials recognised but not allowed, or a JWT the server refused."""

    hint = (
        "The client_id lacks an autorisatie for this API, scope or zaaktype "
        "(Open Zaak: Autorisaties), or the JWT secret is wrong."
    )


class TokenExpiredError(PermissionDeniedError):
    """403 ``jwt-expired``: the JWT's ``iat`` is too old for the server."""

    hint = "Check that this machine's clock is right; the token was minted anew and refused."


class NotFoundError(APIError):
    """404: no resource at this URL (wrong UUID, or not visible to this client_id)."""

    hint = "Check the UUID/URL; Open Zaak also answers 404 for what your client_id may not see."


class MethodNotAllowedError(APIError):
    """405: the resource does not support this method (e.g. PATCH on a rol)."""

    hint = "This API does not allow that operation on this resource; see its spec."


class NotAcceptableError(APIError):
    """406: the server cannot answer in the requested format or CRS."""

    hint = "zgw-client asks for EPSG:4326; report this if you did not override Accept-Crs."


class ConflictError(APIError):
    """409: the resource's state forbids the change (e.g. a locked document)."""

    hint = "Fetch the resource again and retry with its current state (lock, version)."


class GoneError(APIError):
    """410: the resource was deleted."""

    hint = "The resource no longer exists; drop your reference to it."


class PreconditionFailedError(APIError):
    """412: a required header is missing (``Accept-Crs``/``Content-Crs``) or stale."""

    hint = "A required header is missing; zgw-client sets the CRS headers unless overridden."


class UnsupportedMediaTypeError(APIError):
    """415: the body's content type is not accepted."""

    hint = "Send JSON (or multipart for bestandsdelen); do not override Content-Type."


class RateLimitedError(APIError):
    """429: too many requests. ``retry_after`` holds the server's advice in seconds."""

    hint = "Slow down; the client retries idempotent requests after Retry-After."
    retry_after: float | None = None


class ServerError(APIError):
    """5xx: the server failed. Idempotent requests are retried on 502/503/504."""

    hint = "The server failed; try again later or report `instance` to its operator."


STATUS_ERRORS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    406: NotAcceptableError,
    409: ConflictError,
    410: GoneError,
    412: PreconditionFailedError,
    415: UnsupportedMediaTypeError,
    429: RateLimitedError,
}


def _public(module: str, *classes: type) -> None:
    """Name ``module`` as the home of ``classes``: tracebacks and logs then show
    ``zgw_client.NotFoundError``, the name to import and catch, not a private path."""
    for cls in classes:
        cls.__module__ = module


_public(
    "zgw_client",
    *(value for name, value in list(globals().items()) if name in __all__),
)
