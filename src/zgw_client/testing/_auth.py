"""Authentication as the real servers check it.

* JWT-ZGW (Open Zaak, Contactmomenten): ``Authorization: Bearer <HS256 JWT>`` whose
  ``client_id`` claim names a known client; failures are **403** with the codes Open Zaak
  uses (``permission_denied``, ``invalid-client-identifier``, ``invalid-jwt-signature``,
  ``jwt-expired``, ...). A token is expired when ``now - iat >= expiry + leeway``.
* Token (Open Klant, Objects API): ``Authorization: Token <key>``; failures are **401**
  (``not_authenticated`` without credentials, ``authentication_failed`` with a wrong key)
  and carry ``WWW-Authenticate: Token``.
"""

from __future__ import annotations

import functools
import time
import warnings
from collections.abc import Mapping
from typing import Any

import jwt
from jwt.warnings import InsecureKeyLengthWarning

from ._apis import ApiDefinition
from ._problems import ProblemError
from ._types import JSON


def _denied(code: str, detail: str | None = None) -> ProblemError:
    return ProblemError(403, code=code, detail=detail)


def check_jwt(
    authorization: str | None,
    secrets: Mapping[str, str],
    *,
    expiry: int = 3600,
    leeway: int = 0,
    now: float | None = None,
) -> JSON:
    """Return the verified claims or raise the 403 Open Zaak would send."""
    if not authorization or not authorization.startswith("Bearer "):
        raise _denied("permission_denied")
    token = authorization[len("Bearer ") :].strip()
    try:
        unverified = _unverified_claims(token)
    except jwt.PyJWTError as exc:
        raise _denied(
            "jwt-decode-error",
            "JWT kon niet worden gedecodeerd. Mogelijk heb je een kopieerfout gemaakt.",
        ) from exc
    client_id = unverified.get("client_id")
    if not client_id:
        raise _denied("missing-client-identifier", "Client identifier is niet aanwezig in JWT")
    secret = secrets.get(str(client_id))
    if secret is None:
        raise _denied("invalid-client-identifier", "Client identifier bestaat niet")
    try:
        claims: JSON = dict(_verified_claims(token, secret))
    except jwt.InvalidSignatureError as exc:
        raise _denied("invalid-jwt-signature", "Client credentials zijn niet geldig") from exc
    except jwt.PyJWTError as exc:
        raise _denied(
            "jwt-decode-error",
            "JWT kon niet worden gedecodeerd. Mogelijk heb je een kopieerfout gemaakt.",
        ) from exc
    iat = claims.get("iat")
    if not isinstance(iat, (int, float)):
        raise _denied("jwt-missing-iat", "De JWT die gebruikt is voor dit verzoek mist een 'iat'")
    current = time.time() if now is None else now
    if current - iat >= expiry + leeway:
        raise _denied("jwt-expired", "De JWT die gebruikt is voor dit verzoek is verlopen")
    return claims


# A client sends the same JWT until it re-mints it: verify each (token, secret) pair once.
# Failures raise, and lru_cache keeps no exceptions, so a bad token is checked every time.
@functools.lru_cache(maxsize=256)
def _unverified_claims(token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return claims


@functools.lru_cache(maxsize=256)
def _verified_claims(token: str, secret: str) -> dict[str, Any]:
    with warnings.catch_warnings():
        # legacy ZGW secrets are often short; the servers accept them, so do we
        warnings.simplefilter("ignore", InsecureKeyLengthWarning)
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=["HS256"],
            options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
        )
    return claims


def check_token(authorization: str | None, token: str, api: ApiDefinition) -> None:
    """Raise the 401 Open Klant / the Objects API send unless the right token is given."""
    english = api.language == "en"
    headers = {"WWW-Authenticate": api.www_authenticate}
    if not authorization or not authorization.startswith("Token "):
        raise ProblemError(401, code="not_authenticated", headers=headers)
    if authorization[len("Token ") :].strip() != token:
        raise ProblemError(
            401,
            code="authentication_failed",
            type_name="AuthenticationFailed",
            title="Invalid token." if english else "Ongeldige authenticatiegegevens.",
            detail="Invalid token." if english else "Ongeldige token.",
            headers=headers,
        )
