"""The sans-I/O core shared by the sync and async clients.

Everything here is pure: building requests (headers, CRS, query encoding), mapping a
response to an exception, deciding whether to retry and how long to wait, parsing pages.
The two clients call these functions and differ only where they send bytes.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import logging
import random
import re
import time
from collections.abc import Iterable, Mapping
from enum import Enum
from typing import Any

import httpx
import pydantic_core
from tenacity import RetryCallState
from tenacity.stop import stop_base

from ._config import RetryPolicy
from ._exceptions import (
    NO_CREDENTIALS_SENT_HINT,
    STATUS_ERRORS,
    APIError,
    ConnectError,
    InvalidParam,
    RateLimitedError,
    RequestTimeout,
    ResponseTooLargeError,
    ServerError,
    TokenExpiredError,
    TransportError,
    UnexpectedResponseError,
    ZGWError,
)
from ._masking import mask_bsn
from ._version import __version__

__all__ = [
    "IDEMPOTENT_METHODS",
    "USER_AGENT",
    "RetrySignal",
    "api_error",
    "backoff_seconds",
    "crs_headers",
    "decode_json",
    "encode_params",
    "loggable_url",
    "parse_retry_after",
    "retry_signal_for_response",
    "transport_error",
]

logger = logging.getLogger("zgw_client")

USER_AGENT = (
    f"zgw-client/{__version__} (+https://pypi.org/project/zgw-client/) httpx/{httpx.__version__}"
)
CRS = "EPSG:4326"
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH"})
#: POSTs that only read: the searches that take their filters in a body (``zaken/_zoek``,
#: ``enkelvoudiginformatieobjecten/_zoek``, ``objects/search``). Repeating one is as safe
#: as repeating the GET it stands for.
_SEARCH_PATH = re.compile(r"/(_zoek|search)/?$")


def is_search(request: httpx.Request) -> bool:
    """Whether ``request`` is a POST that only reads (a search with its filters in a body)."""
    return request.method == "POST" and _SEARCH_PATH.search(request.url.path) is not None


def may_repeat(request: httpx.Request) -> bool:
    """Whether ``request`` may be sent again after the server may have seen it."""
    return request.method in IDEMPOTENT_METHODS or is_search(request)


# Endpoints that demand Accept-Crs (all methods but DELETE) and Content-Crs (writes):
# the zaken collection of the Zaken API and the objects of the Objects API.
_CRS_PATHS = {
    "zaken": re.compile(r"^(zaken(/_zoek|/[^/]+)?|zaak_registreren|zaak_bijwerken/[^/]+)/?$"),
    "objecten": re.compile(r"^objects(/.*)?$"),
}


def crs_headers(kind: str | None, path: str, method: str) -> dict[str, str]:
    """The CRS headers the endpoint ``path`` (relative to its API root) requires."""
    pattern = _CRS_PATHS.get(kind or "")
    if pattern is None or method == "DELETE" or not pattern.match(path.lstrip("/")):
        return {}
    headers = {"Accept-Crs": CRS}
    if method in WRITE_METHODS:
        headers["Content-Crs"] = CRS
    return headers


QueryValue = str | int | float | bool | None


def encode_params(params: Mapping[str, Any] | None) -> list[tuple[str, QueryValue]]:
    """Encode query parameters the way the ZGW servers read them.

    ``None`` is left out, booleans become ``true``/``false``, dates ISO 8601, enums their
    value, and a list or tuple repeats the parameter (``data_attr=a&data_attr=b``).
    Filters that take a comma-separated list (``__in``, ``expand``) are joined by the
    resource layer, which knows them.
    """
    encoded: list[tuple[str, QueryValue]] = []
    for key, value in (params or {}).items():
        values: Iterable[Any] = value if isinstance(value, (list, tuple)) else (value,)
        for item in values:
            if item is None:
                continue
            encoded.append((key, _encode_value(item)))
    return encoded


def _encode_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


# -- logging ---------------------------------------------------------------------------
def loggable_url(url: httpx.URL | str) -> str:
    """``url`` fit for a log line or an exception message: BSN-like numbers masked (by
    [`mask_bsn`][zgw_client.identifiers.mask_bsn], the one masker)."""
    return mask_bsn(str(url))


# -- responses -------------------------------------------------------------------------
def decode_json(response: httpx.Response) -> Any:
    """Parse a successful response body, or explain what came back instead."""
    if response.status_code == 204 or not response.content:
        return None
    content_type = response.headers.get("Content-Type", "")
    if "json" not in content_type:
        url = loggable_url(response.request.url)
        raise UnexpectedResponseError(
            f"{response.request.method} {url} answered {response.status_code} with "
            f"Content-Type {content_type or '(none)'!r} instead of JSON"
            f"{_html_hint(response)}. Check that the API root points at the API itself, "
            "not at a login page or proxy.",
            response=response,
            url=url,
        )
    try:
        # pydantic-core's parser: the same values as json.loads, in about two thirds the time.
        return pydantic_core.from_json(response.content)
    except ValueError as exc:
        if "recursion limit" in str(exc):  # no ZGW body nests 200 deep; json.loads would
            url = loggable_url(response.request.url)  # only recurse until Python gives up
            raise UnexpectedResponseError(
                f"{response.request.method} {url} answered {response.status_code} with JSON "
                "nested too deeply to be an API body. Report it to the server's operator.",
                response=response,
                url=url,
            ) from None
    try:  # what only the standard parser takes (a lone surrogate escape, UTF-16)
        return json.loads(response.content)
    except (ValueError, RecursionError) as exc:
        url = loggable_url(response.request.url)
        raise UnexpectedResponseError(
            f"{response.request.method} {url} answered {response.status_code} with a body "
            f"that is not valid JSON ({exc}; {len(response.content)} bytes, possibly "
            "truncated). Try again; if it persists, report it to the server's operator.",
            response=response,
            url=url,
        ) from None


def _html_hint(response: httpx.Response) -> str:
    text = response.text[:200].lower() if response.content else ""
    return " (an HTML page)" if "<html" in text or "<!doctype" in text else ""


def api_error(response: httpx.Response) -> APIError:
    """Map an error response to its typed exception (problem+json or the DRF variants)."""
    request = response.request
    # ServiceAuth blanks what it sent to "[redacted]"; a request without either sent none.
    credentials_sent = "Authorization" in request.headers or any(
        value == "[redacted]" for value in request.headers.values()
    )
    if "Authorization" in request.headers:
        request.headers["Authorization"] = "[redacted]"
    body: Any = {}
    content_type = response.headers.get("Content-Type", "")
    if response.content and "json" in content_type:
        try:
            body = pydantic_core.from_json(response.content)
        except ValueError:
            body = {}  # not JSON, or nested too deeply to be a problem body
    problem = body if isinstance(body, dict) else {}
    status = response.status_code
    code = _str_or_none(problem.get("code"))
    title = _str_or_none(problem.get("title"))
    detail = _str_or_none(problem.get("detail"))
    invalid_params = _invalid_params(problem)
    if not problem and response.content:
        title = title or response.reason_phrase
        detail = f"the body was {content_type or 'untyped'}{_html_hint(response)}, not problem+json"
    cls: type[APIError]
    if status == 403 and code == "jwt-expired":
        cls = TokenExpiredError
    elif status >= 500:
        cls = ServerError
    else:
        cls = STATUS_ERRORS.get(status, APIError)
    error = cls(
        status=status,
        code=code,
        title=title or response.reason_phrase,
        detail=detail,
        instance=_str_or_none(problem.get("instance")),
        invalid_params=invalid_params,
        body=body,
        response=response,
        method=request.method,
        url=loggable_url(request.url),
        hint=None if credentials_sent or status not in (401, 403) else NO_CREDENTIALS_SENT_HINT,
    )
    if isinstance(error, RateLimitedError):
        error.retry_after = parse_retry_after(response.headers.get("Retry-After"))
    return error


def _str_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _invalid_params(problem: Mapping[str, Any]) -> list[InvalidParam]:
    # Open Zaak/Open Klant say invalidParams, Objects 4.0 says invalid_params.
    raw = problem.get("invalidParams", problem.get("invalid_params"))
    params: list[InvalidParam] = []
    if isinstance(raw, list):
        for item in raw:
            if isinstance(item, dict):
                params.append(
                    InvalidParam(
                        name=str(item.get("name", "")),
                        code=str(item.get("code", "")),
                        reason=str(item.get("reason", "")),
                    )
                )
        return params
    # Objects 3.x answers plain Django REST framework bodies: {"field": ["message", ...]}.
    for name, messages in problem.items():
        if name in ("detail", "type", "code", "title", "status", "instance"):
            continue
        if isinstance(messages, list) and all(isinstance(m, str) for m in messages):
            field = "nonFieldErrors" if name == "non_field_errors" else name
            params.extend(InvalidParam(name=field, code="invalid", reason=m) for m in messages)
    return params


# -- retries ---------------------------------------------------------------------------
class RetrySignal(Exception):
    """Internal: this attempt failed in a way worth another attempt.

    ``may_have_arrived`` says whether the server may have acted on the request: false
    only when the connection was never made, or the server said it did not (429, 503).
    """

    def __init__(
        self, error: ZGWError, retry_after: float | None = None, *, may_have_arrived: bool = True
    ) -> None:
        super().__init__(str(error))
        self.error = error
        self.retry_after = retry_after
        self.may_have_arrived = may_have_arrived


def transport_error(exc: httpx.TransportError, request: httpx.Request) -> TransportError:
    """Map an httpx transport failure to ours, with a message saying what to do."""
    method, url = request.method, loggable_url(request.url)
    if isinstance(exc, httpx.TimeoutException):
        return RequestTimeout(
            f"{method} {url} timed out ({type(exc).__name__}). Raise the service's "
            "timeouts if the server is slow, or try again later.",
            method=method,
            url=url,
        )
    if isinstance(exc, httpx.ConnectError):
        return ConnectError(
            f"Could not connect for {method} {url} ({exc}). Check the API root, DNS, "
            "proxy and TLS settings, and that the server is up.",
            method=method,
            url=url,
        )
    return TransportError(
        f"{method} {url} failed in transit ({type(exc).__name__}: {exc}). "
        "The connection broke; try again.",
        method=method,
        url=url,
    )


def undecodable_body(exc: httpx.DecodingError, request: httpx.Request) -> UnexpectedResponseError:
    """A body its ``Content-Encoding`` does not fit (httpx's ``DecodingError``)."""
    method, url = request.method, loggable_url(request.url)
    return UnexpectedResponseError(
        f"{method} {url} answered a body that could not be decoded ({exc}): it is not "
        "what its Content-Encoding says. A proxy may have mangled it; report it to the "
        "server's operator.",
        url=url,
    )


def body_error(exc: httpx.RequestError, request: httpx.Request) -> ZGWError:
    """What breaks a streamed body the caller reads (a download): ours, not httpx's."""
    if isinstance(exc, httpx.DecodingError):
        return undecodable_body(exc, request)
    if isinstance(exc, httpx.TransportError):
        return transport_error(exc, request)
    method, url = request.method, loggable_url(request.url)
    return TransportError(
        f"{method} {url} failed ({type(exc).__name__}). Try again.", method=method, url=url
    )


def never_reached_server(exc: httpx.TransportError) -> bool:
    """True when the request provably was not sent: the connection was never made."""
    return isinstance(exc, (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout))


def retry_signal_for_transport(
    exc: httpx.TransportError, request: httpx.Request
) -> RetrySignal | TransportError:
    """A retry signal when ``exc`` may be retried for this method, else the final error."""
    error = transport_error(exc, request)
    unsent = never_reached_server(exc)
    if may_repeat(request) or unsent:
        return RetrySignal(error, may_have_arrived=not unsent)
    return error


def retry_signal_for_response(
    response: httpx.Response, policy: RetryPolicy, *, now: dt.datetime | None = None
) -> RetrySignal | None:
    """A retry signal when ``response`` is worth another attempt under ``policy``."""
    if response.status_code not in policy.retry_statuses:
        return None
    if not may_repeat(response.request):
        return None
    retry_after = parse_retry_after(response.headers.get("Retry-After"), now=now)
    if retry_after is not None and retry_after > policy.retry_after_max:
        return None  # the server asks for a longer pause than we may wait: give up now
    declined = response.status_code in _DECLINED_STATUSES
    return RetrySignal(api_error(response), retry_after, may_have_arrived=not declined)


#: Statuses that say the server did not act on the request (a gateway's 502/504 do not:
#: the application behind it may have).
_DECLINED_STATUSES = frozenset({429, 503})
#: What a DELETE answers once the resource is gone.
_GONE_STATUSES = frozenset({404, 410})
_SETTLED = "zgw_client.settled_by_earlier_attempt"


def settle_retried_delete(
    request: httpx.Request, response: httpx.Response, *, may_have_arrived: bool
) -> bool:
    """Mark a 404/410 to a retried DELETE as success when an earlier attempt may have
    reached the server: that attempt deleted the resource, and its answer was lost. True
    when marked (``settled_by_earlier_attempt`` then says so)."""
    if not (
        may_have_arrived and request.method == "DELETE" and response.status_code in _GONE_STATUSES
    ):
        return False
    response.extensions[_SETTLED] = True
    logger.info(
        "%s %s answered %d to a retry after an earlier attempt may have reached the server; "
        "taken as deleted",
        request.method,
        loggable_url(request.url),
        response.status_code,
    )
    return True


def settled_by_earlier_attempt(response: httpx.Response) -> bool:
    """Whether an error ``response`` stands for success (a retried DELETE that found the
    resource gone)."""
    return bool(response.extensions.get(_SETTLED))


def parse_retry_after(value: str | None, *, now: dt.datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return max(seconds, 0.0) if seconds == seconds else None  # NaN is not advice
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.timezone.utc)
    current = now or dt.datetime.now(dt.timezone.utc)
    return max((when - current).total_seconds(), 0.0)


# -- the limits of one call ------------------------------------------------------------
_TIMEOUT_KEYS = ("connect", "read", "write", "pool")


def call_seconds(policy: RetryPolicy, timeout: float | httpx.Timeout | None) -> float:
    """How long one call may take: the policy's deadline, or a longer per-call timeout."""
    if isinstance(timeout, httpx.Timeout):
        given = [v for v in (timeout.connect, timeout.read, timeout.write, timeout.pool) if v]
        return max([policy.deadline, *given])
    if timeout is not None:
        return max(policy.deadline, float(timeout))
    return policy.deadline


class CallLimits:
    """The deadline and the body size limit of one call, checked by both faces.

    Both faces give every read no more than the time left (the httpx timeouts of each
    attempt are clamped to it) and check the deadline and the size after each chunk of a
    body they read. The async face also cancels the exchange at the deadline.
    """

    def __init__(self, seconds: float, max_bytes: int | None, request: httpx.Request) -> None:
        self.seconds = seconds
        self.max_bytes = max_bytes
        self.started = time.monotonic()
        self.deadline = self.started + seconds
        given = request.extensions.get("timeout") or {}
        self._timeouts: dict[str, float | None] = {key: given.get(key) for key in _TIMEOUT_KEYS}

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def clamp(self, request: httpx.Request) -> None:
        """Give each operation of the next attempt at most the time left."""
        left = self.remaining()
        if left <= 0:
            raise self.timeout_error(request)
        request.extensions["timeout"] = {
            key: left if value is None else min(value, left)
            for key, value in self._timeouts.items()
        }

    def clamp_read(self, request: httpx.Request) -> None:
        """Before a body is read: each read gets at most the time left (httpcore takes the
        read timeout when the body's first read starts)."""
        timeouts = request.extensions.get("timeout")
        if isinstance(timeouts, dict):
            read = self._timeouts["read"]
            left = max(self.remaining(), 0.001)
            timeouts["read"] = left if read is None else min(read, left)

    def release(self, request: httpx.Request) -> None:
        """Give a body the caller streams its own timeouts back: it is read at their pace."""
        request.extensions["timeout"] = dict(self._timeouts)

    def check_declared(self, response: httpx.Response) -> None:
        """Refuse a body whose ``Content-Length`` is over the limit, before reading it."""
        if self.max_bytes is None:
            return
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise self.too_large(response, f"announced {int(declared)} bytes")

    def check(self, response: httpx.Response, read: int) -> None:
        """After each chunk: the deadline, and the bytes read so far."""
        if self.max_bytes is not None and read > self.max_bytes:
            raise self.too_large(response, f"sent more than {self.max_bytes} bytes")
        if time.monotonic() > self.deadline:
            raise self.timeout_error(response.request, read=read)

    def timeout_error(self, request: httpx.Request, *, read: int | None = None) -> RequestTimeout:
        method, url = request.method, loggable_url(request.url)
        progress = f" ({read} bytes of the answer read)" if read is not None else ""
        return RequestTimeout(
            f"{method} {url} did not finish within its deadline of {self.seconds:g} s"
            f"{progress}: the server is slow, or sends its answer slowly. Try again later, "
            "or raise the service's RetryPolicy.deadline (or pass a longer timeout).",
            method=method,
            url=url,
        )

    def too_large(self, response: httpx.Response, what: str) -> ResponseTooLargeError:
        limit = self.max_bytes or 0
        url = loggable_url(response.request.url)
        return ResponseTooLargeError(
            f"{response.request.method} {url} answered {response.status_code} and {what}; "
            f"the limit is {limit} bytes (Service.max_response_bytes). No API body is that "
            "large: report it to the server's operator. For document content use the "
            "streamed download, which is not capped.",
            limit=limit,
            response=response,
            url=url,
        )


class stop_at_deadline(stop_base):  # noqa: N801 - named like tenacity's own stop conditions
    """Stop retrying when the next attempt would start ``deadline`` seconds or more after
    ``started`` (``time.monotonic()`` of the first attempt)."""

    def __init__(self, started: float, deadline: float) -> None:
        self.started = started
        self.deadline = deadline

    def __call__(self, retry_state: RetryCallState) -> bool:
        elapsed = time.monotonic() - self.started
        return elapsed + retry_state.upcoming_sleep >= self.deadline


def backoff_seconds(
    policy: RetryPolicy,
    attempt: int,
    retry_after: float | None,
    *,
    rng: random.Random | None = None,
) -> float:
    """How long to wait after failed ``attempt`` (1-based).

    ``Retry-After`` wins when the server gave it (capped by ``retry_after_max``);
    otherwise exponential backoff with full jitter: uniform(0, initial * 2**(attempt-1)),
    capped at ``backoff_max``.
    """
    if retry_after is not None:
        return min(retry_after, policy.retry_after_max)
    ceiling = min(policy.backoff_max, policy.backoff_initial * 2 ** (attempt - 1))
    return (rng or random).uniform(0, ceiling)


def log_retry(method: str, url: str, attempt: int, wait: float, signal: RetrySignal) -> None:
    """Log one retry decision (no secrets; BSN-like numbers masked)."""
    logger.warning(
        "retrying %s %s after attempt %d failed (%s); waiting %.2fs",
        method,
        loggable_url(url),
        attempt,
        type(signal.error).__name__,
        wait,
    )
