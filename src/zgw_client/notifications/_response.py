"""The answer a receiver gives, and the problem bodies of its refusals.

Status codes follow the webhook receiver spec (1.0.0-rc1): 204 accepted, 400 bad message,
401 no credentials, 403 wrong credentials, 5xx "try again". Problem bodies have the ZGW
shape (`code`, `title`, `status`, `detail`, `instance`); a 400 adds the invalid fields
under both `invalid-params` (the receiver spec's name) and `invalidParams` (the name the ZGW
APIs use). They name fields and rules, never a value from the message: a value may hold a
BSN.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from .._exceptions import InvalidParam
from ..identifiers import mask_bsn

__all__ = ["WebhookResponse"]

#: The version of the receiver contract these answers follow, sent as `API-version`.
RECEIVER_API_VERSION = "1.0.0-rc1"

PROBLEM_JSON = "application/problem+json"


@dataclass(frozen=True, slots=True)
class WebhookResponse:
    """What to answer the sender: a status, headers and a body, for any framework.

    Attributes:
        status: the HTTP status code.
        headers: header name and value pairs (`Content-Type` included when there is a body).
        body: the body bytes; empty for 204.
    """

    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """The value of header `name` (case-insensitive), or `None`."""
        wanted = name.lower()
        return next((value for key, value in self.headers if key.lower() == wanted), None)

    @property
    def problem(self) -> dict[str, object] | None:
        """The parsed problem body of a refusal, `None` for a success."""
        if not self.body:
            return None
        parsed: dict[str, object] = json.loads(self.body)
        return parsed


def accepted() -> WebhookResponse:
    """204: received; nothing more for the sender to do."""
    return WebhookResponse(204, (("API-version", RECEIVER_API_VERSION),))


def problem(
    status: int,
    code: str,
    title: str,
    detail: str,
    *,
    invalid_params: Sequence[InvalidParam] = (),
    headers: Sequence[tuple[str, str]] = (),
) -> tuple[WebhookResponse, str]:
    """A problem+json answer and its `instance` URN (to log beside the reason)."""
    instance = f"urn:uuid:{uuid.uuid4()}"
    body: dict[str, object] = {
        "code": code,
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
    }
    if status == 400:
        params = [
            {"name": p.name, "code": p.code, "reason": mask_bsn(p.reason)} for p in invalid_params
        ]
        body["invalid-params"] = params
        body["invalidParams"] = params
    all_headers = (
        ("Content-Type", PROBLEM_JSON),
        ("API-version", RECEIVER_API_VERSION),
        *headers,
    )
    return WebhookResponse(status, all_headers, json.dumps(body).encode()), instance
