"""OpenTelemetry spans: one per request the client sends, and ``span()`` for compositions.

Only ``opentelemetry-api`` is used (extra ``otel``); the app picks the SDK and exporter.
Without it installed every function here is a no-op and nothing is imported.

Each request span follows the HTTP client semantic conventions: named
``"{method} {url.template}"`` with ``http.request.method``, ``url.template`` (the path
with UUIDs and numbers as placeholders, e.g. ``/zaken/api/v1/zaken/{uuid}``, never the
raw URL, so no BSN or search value is recorded), ``server.address``, ``server.port``,
``http.response.status_code``, ``http.request.resend_count`` (retries) and
``error.type``; plus ``zgw.api.kind``. Plain ``logging`` is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Any

import httpx

from .identifiers import mask_bsn

__all__ = ["span", "url_template"]

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


@lru_cache(maxsize=1)
def _tracer() -> Any | None:
    """The zgw-client tracer, or ``None`` without opentelemetry-api (looked up once)."""
    try:
        from opentelemetry import trace
    except ImportError:
        return None
    from ._version import __version__

    return trace.get_tracer("zgw_client", __version__)


def url_template(path: str) -> str:
    """The route template of a path: UUIDs become ``{uuid}``, numbers ``{id}``."""
    parts = []
    for part in path.split("/"):
        if _UUID.match(part):
            parts.append("{uuid}")
        elif part.isdigit():
            parts.append("{id}")
        else:
            parts.append(part)
    return "/".join(parts)


def _masked(value: Any) -> Any:
    if isinstance(value, str):
        return mask_bsn(value)
    if isinstance(value, (bool, int, float)):
        return value
    if isinstance(value, (list, tuple)):
        return [_masked(v) if isinstance(v, str) else str(v) for v in value]
    return mask_bsn(str(value))


@contextmanager
def span(name: str, **attributes: Any) -> Iterator[Any]:
    """A span around a piece of work (e.g. a MijnZaken composition), as the current span,
    so the request spans inside become its children. String values are BSN-masked.

    Yields the span (``None`` without opentelemetry-api).

    Example:
        ```python
        with tracing.span("mijnzaken.overview", subject="bsn"):
            ...
        ```
    """
    tracer = _tracer()
    if tracer is None:
        yield None
        return
    clean = {key: _masked(value) for key, value in attributes.items() if value is not None}
    with tracer.start_as_current_span(name, attributes=clean) as current:
        yield current


class RequestSpan:
    """The span of one request, ended by the client's send path."""

    def __init__(self, current: Any) -> None:
        self._span = current

    def resent(self, times: int) -> None:
        """The request was sent ``times`` more times (retries)."""
        if self._span is not None and times:
            self._span.set_attribute("http.request.resend_count", times)

    def answered(self, response: httpx.Response) -> None:
        if self._span is None:
            return
        status = response.status_code
        self._span.set_attribute("http.response.status_code", status)
        if status >= 400:
            from opentelemetry.trace import Status, StatusCode

            self._span.set_attribute("error.type", str(status))
            self._span.set_status(Status(StatusCode.ERROR))


@contextmanager
def request_span(request: httpx.Request, kind: str | None) -> Iterator[RequestSpan]:
    """The client span of one request (redirects and retries included)."""
    tracer = _tracer()
    if tracer is None:
        yield RequestSpan(None)
        return
    from opentelemetry.trace import SpanKind

    template = url_template(request.url.path)
    url = request.url
    attributes: dict[str, Any] = {
        "http.request.method": request.method,
        "url.template": template,
        "server.address": url.host,
        "server.port": url.port or (443 if url.scheme == "https" else 80),
    }
    if kind:
        attributes["zgw.api.kind"] = kind
    with tracer.start_as_current_span(
        f"{request.method} {template}", kind=SpanKind.CLIENT, attributes=attributes
    ) as current:
        handle = RequestSpan(current)
        try:
            yield handle
        except BaseException as error:
            current.set_attribute("error.type", type(error).__name__)
            attempts = getattr(error, "attempts", None)
            if isinstance(attempts, int):
                handle.resent(attempts - 1)
            raise
