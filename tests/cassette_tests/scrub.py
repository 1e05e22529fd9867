"""Scrubbing recorded exchanges: no credentials and no real BSNs may reach a cassette.

Used as vcrpy's ``before_record_request``/``before_record_response`` hooks (on top of
``filter_headers=["authorization"]``) and by the test that scans the committed cassettes.
"""

from __future__ import annotations

import hashlib
import os
import re
from typing import Any

#: The test BSNs the flows use; any other 11-proef BSN-like number is replaced.
TEST_BSNS = frozenset({"999990111", "111222333"})
#: Nine digits that are no BSN: the RSIN of the test organisation.
NOT_BSN = frozenset({"000000000"})
REPLACEMENT_BSN = "999990111"

#: Headers that carry credentials (or could, behind a gateway).
SECRET_HEADERS = frozenset(
    {"authorization", "proxy-authorization", "x-api-key", "cookie", "set-cookie", "x-csrftoken"}
)

JWT = re.compile(r"eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
AUTH_VALUE = re.compile(r"\b(Bearer|Token)\s+[A-Za-z0-9._~+/=-]{6,}")
NINE_DIGITS = re.compile(r"(?<![0-9A-Za-z])[0-9]{9}(?![0-9A-Za-z])")
WORD = re.compile(r"[A-Za-z0-9._~+/=-]{8,}")

#: SHA-256 of the credentials of the loopback test servers (never stored in the project), so
#: the scan can look for them without this file containing them.
KNOWN_SECRET_SHA256 = frozenset(
    {
        "10dcad2c745694ff7c7cfe6e376966c30dfa9b055728b7a010ad37c2cd9869f4",  # Open Zaak JWT
        "a5a035f8d6c875620dd73261b705ccdbdb9766b516f55cadb7d16efd4fe092ad",  # Open Klant
        "feb3beb4a391b0b633e940d871bfbefed02187d0941d3b10d8290e6b51aa0252",  # Objects API
    }
)


def secret_values() -> list[str]:
    """Credentials configured in the environment (JWT secrets, tokens, API keys)."""
    values = []
    for key, value in os.environ.items():
        if key.startswith("ZGW_") and key.endswith(("_SECRET", "_TOKEN", "_API_KEY")) and value:
            values.append(value)
        if key == "ZGW_SECRET" and value:
            values.append(value)
    return sorted({v for v in values if len(v) >= 6}, key=len, reverse=True)


def elfproef(digits: str) -> bool:
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=False)) - int(
        digits[8]
    )
    return total % 11 == 0


def _bsn(match: re.Match[str]) -> str:
    value = match.group(0)
    if value in TEST_BSNS or value in NOT_BSN or not elfproef(value):
        return value
    return REPLACEMENT_BSN


def scrub_text(text: str) -> str:
    for secret in secret_values():
        text = text.replace(secret, "<redacted>")
    text = JWT.sub("<redacted-jwt>", text)
    text = AUTH_VALUE.sub(lambda m: f"{m.group(1)} <redacted>", text)
    return NINE_DIGITS.sub(_bsn, text)


def _scrub_body(body: Any) -> Any:
    if isinstance(body, bytes):
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return body
        return scrub_text(text).encode("utf-8")
    if isinstance(body, str):
        return scrub_text(body)
    return body


def before_record_request(request: Any) -> Any:
    for name in list(request.headers):
        if name.lower() in SECRET_HEADERS:
            del request.headers[name]
        elif isinstance(request.headers[name], str):
            request.headers[name] = scrub_text(request.headers[name])
    request.uri = scrub_text(request.uri)
    request.body = _scrub_body(request.body)
    return request


def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
    headers = response.get("headers", {})
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            del headers[name]
        else:
            headers[name] = [scrub_text(v) if isinstance(v, str) else v for v in headers[name]]
    body = response.get("body", {})
    if "string" in body:
        body["string"] = _scrub_body(body["string"])
    return response


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
