"""Checking the `Authorization` header of a delivery.

Open Notificaties sends, per abonnement, either the fixed `auth` value registered with it
(`auth_type` `api_key`, the default: ``Bearer xyz``, ``Token abc``) or a JWT-ZGW it mints
for each delivery from a client_id and shared secret (`auth_type` `zgw`: HS256, claims
`iss`, `iat`, `exp` = `iat` + 12 h by default, `client_id`, `user_id`,
`user_representation`). One authenticator checks each; a receiver may accept several, so
that a secret can be rotated without a moment in which deliveries are refused.

Both compare in constant time and keep their secrets out of `repr`.
"""

from __future__ import annotations

import hmac
import time
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import jwt

from .._exceptions import ConfigurationError

__all__ = ["AuthResult", "Authenticator", "JWTAuthenticator", "StaticTokenAuthenticator"]

#: Refusal codes, most telling first: the receiver reports the first that any authenticator
#: gave. `invalid-credentials` says only "not a credential of mine".
REFUSAL_CODES = (
    "jwt-expired",
    "jwt-not-yet-valid",
    "client-not-allowed",
    "jwt-invalid",
    "invalid-credentials",
)

#: HMAC-SHA256 pads shorter keys with zero bytes to its block size (RFC 2104), so a legacy
#: short secret padded to 32 bytes signs and verifies exactly as itself. pyjwt warns on
#: every use of a key shorter than 32 bytes; padding silences that without touching the
#: process-wide warning filters (which are not thread-safe to change per call).
_HMAC_MIN_KEY = 32


@dataclass(frozen=True, slots=True)
class AuthResult:
    """What an authenticator concluded about one `Authorization` value.

    Attributes:
        accepted: whether the value is a credential this authenticator accepts.
        code: why not (one of `REFUSAL_CODES`), `None` when accepted.
        client_id: the JWT's `client_id` (or `iss`) when known.
    """

    accepted: bool
    code: str | None = None
    client_id: str | None = None


_ACCEPTED = AuthResult(accepted=True)
_NOT_MINE = AuthResult(accepted=False, code="invalid-credentials")


@runtime_checkable
class Authenticator(Protocol):
    """Anything that can judge an `Authorization` header value.

    `scheme` is the auth scheme to name in a `WWW-Authenticate` challenge (``Bearer``,
    ``Token``). Write your own for, say, OAuth2 bearer tokens checked by introspection; it
    must do no I/O the receiver would wait on, or be fast.
    """

    scheme: str

    def authenticate(self, authorization: str) -> AuthResult:
        """Judge `authorization` (the full header value, scheme included)."""
        ...


class StaticTokenAuthenticator:
    """Accept the exact `auth` value registered with the abonnement.

    Give the whole header value, scheme included, as it was registered:
    ``StaticTokenAuthenticator("Token abc")``. Give several during a rotation (the new one
    and the old one) and drop the old once the abonnement carries the new value.
    """

    def __init__(self, *tokens: str) -> None:
        if not tokens or not all(token.strip() for token in tokens):
            raise ConfigurationError(
                "StaticTokenAuthenticator needs at least one non-empty token: the exact "
                "Authorization value registered as the abonnement's `auth`."
            )
        self._tokens = tuple(token.strip().encode() for token in tokens)
        first = tokens[0].strip()
        self.scheme = first.split(" ", 1)[0] if " " in first else "Token"

    def __repr__(self) -> str:
        return f"StaticTokenAuthenticator(<{len(self._tokens)} token(s)>)"

    def authenticate(self, authorization: str) -> AuthResult:
        given = authorization.strip().encode("utf-8", "surrogatepass")
        # Compare with every token, so the time taken does not tell which one matched.
        matched = False
        for token in self._tokens:
            matched |= hmac.compare_digest(given, token)
        return _ACCEPTED if matched else _NOT_MINE


class JWTAuthenticator:
    """Accept a JWT-ZGW (`Bearer <jwt>`, HS256) signed with one of the shared secrets.

    Args:
        secrets: the accepted secrets; during a rotation both the new and the old one.
        client_ids: if given, only tokens whose `client_id` claim (else `iss`) is one of
            these are accepted.
        leeway: seconds of clock difference tolerated on `iat`, `exp` and `nbf`.
        max_age: if given, refuse a token whose `iat` is older than this many seconds,
            whatever its `exp` says (Open Zaak refuses at 3600). `None` relies on `exp`.

    A token without `iat`, with an `alg` other than HS256 (`none` included), with a bad
    signature, or past its `exp` is refused.
    """

    scheme = "Bearer"

    def __init__(
        self,
        secrets: Iterable[str],
        *,
        client_ids: Collection[str] | None = None,
        leeway: float = 60.0,
        max_age: float | None = None,
    ) -> None:
        keys = [secret.encode() for secret in secrets]
        if not keys or not all(keys):
            raise ConfigurationError(
                "JWTAuthenticator needs at least one non-empty secret: the secret "
                "Open Notificaties signs its JWTs with for this abonnement."
            )
        self._keys = tuple(key.ljust(_HMAC_MIN_KEY, b"\0") for key in keys)
        self._client_ids = frozenset(client_ids) if client_ids is not None else None
        self._leeway = leeway
        self._max_age = max_age
        self._jwt = jwt.PyJWT(options={"require": ["iat"], "verify_aud": False})

    def __repr__(self) -> str:
        allowed = sorted(self._client_ids) if self._client_ids is not None else "any"
        return (
            f"JWTAuthenticator(<{len(self._keys)} secret(s)>, client_ids={allowed!r}, "
            f"leeway={self._leeway!r}, max_age={self._max_age!r})"
        )

    def authenticate(self, authorization: str) -> AuthResult:
        scheme, _, token = authorization.strip().partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or token.count(".") != 2:
            return _NOT_MINE
        claims = None
        for key in self._keys:
            try:
                claims = self._decode(token, key)
            except jwt.InvalidSignatureError:
                continue
            except jwt.ExpiredSignatureError:
                return AuthResult(accepted=False, code="jwt-expired")
            except jwt.ImmatureSignatureError:
                return AuthResult(accepted=False, code="jwt-not-yet-valid")
            except (jwt.PyJWTError, ValueError, TypeError):
                # ValueError: also text pyjwt cannot encode (lone surrogates from a framework)
                return AuthResult(accepted=False, code="jwt-invalid")
            break
        if claims is None:
            return AuthResult(accepted=False, code="jwt-invalid")
        client_id = claims.get("client_id") or claims.get("iss")
        client_id = client_id if isinstance(client_id, str) else None
        if self._client_ids is not None and client_id not in self._client_ids:
            return AuthResult(accepted=False, code="client-not-allowed", client_id=client_id)
        if self._max_age is not None:
            issued_at = claims["iat"]
            if not isinstance(issued_at, (int, float)):
                return AuthResult(accepted=False, code="jwt-invalid", client_id=client_id)
            if time.time() - issued_at > self._max_age + self._leeway:
                return AuthResult(accepted=False, code="jwt-expired", client_id=client_id)
        return AuthResult(accepted=True, client_id=client_id)

    def _decode(self, token: str, key: bytes) -> dict[str, object]:
        claims: dict[str, object] = self._jwt.decode(
            token, key, algorithms=["HS256"], leeway=self._leeway
        )
        return claims
