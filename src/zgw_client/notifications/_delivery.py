"""From request bytes to a message: header lookup, JSON parsing, the two message forms.

Pure functions, no I/O. Parsing never raises: what cannot be read becomes a list of
[`InvalidParam`][zgw_client.InvalidParam]s for a 400.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pydantic_core
from pydantic import ValidationError

from .._exceptions import InvalidParam
from .models import CloudEvent, Notification

__all__ = ["Delivery", "Headers"]

#: Headers as any framework has them: a mapping (`dict`, Django's `request.headers`,
#: Starlette's `Headers`) or name/value pairs, as `str` or (ASGI) `bytes`.
Headers = Mapping[str, str] | Iterable[tuple[str | bytes, str | bytes]]

CLOUD_EVENTS_JSON = "application/cloudevents+json"


@dataclass(frozen=True, slots=True)
class Delivery:
    """An authenticated, parsed delivery, ready for the handlers.

    Attributes:
        notification: the notification, also when it came as a CloudEvent; `None` for a
            CloudEvent that is no notification.
        cloud_event: the CloudEvent envelope, when it came as one.
        key: the message's identity for duplicate detection: the CloudEvent's `source` and
            `id`, or a digest of the notification's content (a redelivery is the same
            message, so the same key).
        body: the request body as received (to hand to a queue and `dispatch` later).
        content_type: the request's `Content-Type`.
        client_id: the sender's `client_id` when it authenticated with a JWT.
    """

    notification: Notification | None
    cloud_event: CloudEvent | None
    key: str
    body: bytes
    content_type: str | None
    client_id: str | None = None

    def describe(self) -> str:
        """``kanaal/resource/actie`` or the CloudEvent type: safe to log (no kenmerken)."""
        if self.notification is not None:
            n = self.notification
            return f"{n.kanaal}/{n.resource}/{n.actie}"
        assert self.cloud_event is not None
        return f"CloudEvent {self.cloud_event.type}"


def header_values(headers: Headers, *names: str) -> dict[str, list[str]]:
    """The values of each of `names` (lower case) in `headers`, matched case-insensitively."""
    found: dict[str, list[str]] = {name: [] for name in names}
    items = headers.items() if isinstance(headers, Mapping) else headers
    for raw_key, raw_value in items:
        key = raw_key.decode("latin-1") if isinstance(raw_key, bytes) else str(raw_key)
        bucket = found.get(key.lower())
        if bucket is not None:
            value = raw_value.decode("latin-1") if isinstance(raw_value, bytes) else raw_value
            bucket.append(str(value))
    return found


def media_type(content_type: str | None) -> str:
    """``application/json; charset=utf-8`` -> ``application/json``."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def _invalid(error: ValidationError) -> list[InvalidParam]:
    params = []
    for item in error.errors(include_url=False, include_input=False, include_context=False):
        loc = item.get("loc") or ()
        # Only the top-level field: deeper parts of a location are keys the sender chose.
        name = str(loc[0]) if loc else "nonFieldErrors"
        params.append(InvalidParam(name=name, code=item["type"], reason=item["msg"]))
    return params


def _digest(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def parse(
    body: bytes, content_type: str | None, client_id: str | None = None
) -> Delivery | list[InvalidParam]:
    """The delivery `body` holds, or why it holds none."""
    try:
        data = pydantic_core.from_json(body)
    except ValueError:
        return [InvalidParam("body", "parse_error", "The body is not valid UTF-8 JSON.")]
    if not isinstance(data, dict):
        return [InvalidParam("body", "invalid", "The body must be a JSON object.")]
    is_cloud_event = media_type(content_type) == CLOUD_EVENTS_JSON or (
        "specversion" in data and "kanaal" not in data
    )
    try:
        if is_cloud_event:
            event = CloudEvent.model_validate(data)
            try:
                notification = event.notification()
            except ValidationError:
                notification = None  # its data do not make a notification: an event only
            key = _digest("ce", event.source, event.id)
            return Delivery(notification, event, key, body, content_type, client_id)
        notification = Notification.model_validate(data)
    except ValidationError as error:
        return _invalid(error)
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return Delivery(notification, None, _digest("n", canonical), body, content_type, client_id)
