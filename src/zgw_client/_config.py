"""Services: which API lives at which root, with which credentials, timeouts and retries.

A municipality runs several APIs, often on different hosts (Open Zaak for the ZGW APIs, Open Klant,
the Objects API). A [`Service`][zgw_client.Service] is one API root plus how to talk to it; a
[`ZGWConfig`][zgw_client.ZGWConfig] is the set of services one client serves. Build one in code,
from environment variables ([`ZGWConfig.from_env`][zgw_client.ZGWConfig.from_env]) or from a TOML
file ([`ZGWConfig.from_toml`][zgw_client.ZGWConfig.from_toml]); the formats are in
``docs/configuration.md``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, get_args

import httpx
from pydantic import SecretStr

from ._exceptions import ConfigurationError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = [
    "API_KINDS",
    "DEFAULT_MAX_RESPONSE_BYTES",
    "APIKeyCredentials",
    "ApiKind",
    "BsnFilters",
    "Credentials",
    "NoAuth",
    "RetryPolicy",
    "Service",
    "Timeouts",
    "TokenCredentials",
    "ZGWConfig",
    "ZGWCredentials",
]

#: What an API is, whatever its service is called: the kind decides the CRS headers, the
#: models of ``client.get(url)``, the caching rules and the namespace (``client.zaken``).
ApiKind = Literal[
    "zaken",
    "catalogi",
    "documenten",
    "besluiten",
    "klantinteracties",
    "contactmomenten",
    "objecten",
    "objecttypen",
    "notificaties",
    "berichten",
    "taken",
    "verzoeken",
    "producten",
    "producttypen",
    "other",
]
#: Every kind, ``"other"`` last: an API zgw-client has no models for (credentials are
#: routed to it, ``get_json``/``request`` work, nothing else depends on it).
API_KINDS: tuple[str, ...] = get_args(ApiKind)


def check_kind(kind: str, *, where: str) -> str:
    """``kind`` if it is one of [`API_KINDS`][zgw_client.API_KINDS], else a clear error."""
    if kind not in API_KINDS:
        raise ConfigurationError(
            f"{where}: unknown kind {kind!r}. Use one of: {', '.join(API_KINDS)}."
        )
    return kind


def _secret(value: str | SecretStr) -> SecretStr:
    return value if isinstance(value, SecretStr) else SecretStr(value)


@dataclass(frozen=True)
class ZGWCredentials:
    """JWT-ZGW credentials (Open Zaak, Contactmomenten API): a client_id and its secret.

    Tokens are HS256 with ``iss``, ``iat``, ``client_id``, ``user_id`` and
    ``user_representation``. Open Zaak refuses a token once ``now - iat`` reaches an hour,
    so the client mints tokens itself and reuses one for at most ``token_lifetime`` seconds.

    Args:
        client_id: the application's client_id, also used as ``iss``.
        secret: the shared secret. Short legacy secrets are accepted.
        user_id: who acts, for the audit trail (e.g. a staff login or "portaal").
        user_representation: a readable name for ``user_id``.
        extra_claims: more claims to put in every token.
        token_lifetime: reuse a minted token for at most this many seconds.
    """

    client_id: str
    secret: SecretStr
    user_id: str = ""
    user_representation: str = ""
    extra_claims: Mapping[str, Any] = field(default_factory=dict)
    token_lifetime: float = 300.0

    def __init__(
        self,
        client_id: str,
        secret: str | SecretStr,
        *,
        user_id: str = "",
        user_representation: str = "",
        extra_claims: Mapping[str, Any] | None = None,
        token_lifetime: float = 300.0,
    ) -> None:
        if not client_id:
            raise ConfigurationError("ZGWCredentials need a client_id.")
        if not 0 < token_lifetime < 3000:
            raise ConfigurationError(
                "token_lifetime must lie between 0 and 3000 seconds: Open Zaak refuses "
                "tokens whose iat is an hour old."
            )
        object.__setattr__(self, "client_id", client_id)
        object.__setattr__(self, "secret", _secret(secret))
        object.__setattr__(self, "user_id", user_id)
        object.__setattr__(self, "user_representation", user_representation)
        object.__setattr__(self, "extra_claims", dict(extra_claims or {}))
        object.__setattr__(self, "token_lifetime", token_lifetime)


@dataclass(frozen=True)
class TokenCredentials:
    """``Authorization: Token <key>``, as Open Klant and the Objects API expect."""

    token: SecretStr

    def __init__(self, token: str | SecretStr) -> None:
        if not (token.get_secret_value() if isinstance(token, SecretStr) else token):
            raise ConfigurationError("TokenCredentials need a non-empty token.")
        object.__setattr__(self, "token", _secret(token))


@dataclass(frozen=True)
class APIKeyCredentials:
    """A static key in a header of your choice (API gateways, e.g. ``X-Api-Key``)."""

    header: str
    key: SecretStr

    def __init__(self, key: str | SecretStr, *, header: str = "X-Api-Key") -> None:
        object.__setattr__(self, "header", header)
        object.__setattr__(self, "key", _secret(key))


@dataclass(frozen=True)
class NoAuth:
    """Send no credentials: the API is public, or a gateway in front of it authenticates.

    An explicit choice, because a service with no credentials at all (``credentials=None``)
    is far more often a forgotten secret than a public API: its requests fail before they
    are sent, with "no credentials configured for service X". In TOML or the environment
    this is ``auth = "none"`` / ``ZGW_<NAME>_AUTH=none``.
    """

    def __repr__(self) -> str:
        return "NoAuth()"


Credentials = ZGWCredentials | TokenCredentials | APIKeyCredentials | NoAuth


#: The default of ``Service.max_response_bytes``: far above any ZGW JSON body.
DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait: to connect, and for each read/write once connected.

    Each bounds one operation; the call as a whole is bounded by ``RetryPolicy.deadline``.
    """

    connect: float = 5.0
    read: float = 30.0
    write: float = 30.0
    pool: float = 10.0

    def to_httpx(self) -> httpx.Timeout:
        return httpx.Timeout(connect=self.connect, read=self.read, write=self.write, pool=self.pool)


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try before giving up.

    Idempotent requests (GET, HEAD, OPTIONS, PUT, DELETE) are retried on connection
    errors, timeouts and ``retry_statuses``. POST and PATCH are retried only when the
    connection could not be made, so the server never saw them.

    Args:
        max_attempts: attempts in total, the first included (1 = no retries).
        deadline: the longest one call may take, in seconds: every attempt, the waits
            between them and reading the answer. A call still running then raises
            `RequestTimeout`; no attempt starts that could not end in time. A per-call
            ``timeout`` longer than this extends it for that call.
        backoff_initial: the first backoff in seconds; it doubles each attempt, with jitter.
        backoff_max: the longest backoff between two attempts.
        retry_after_max: the longest ``Retry-After`` honoured; longer advice gives up.
        retry_statuses: the statuses worth another try.
    """

    max_attempts: int = 4
    deadline: float = 60.0
    backoff_initial: float = 0.5
    backoff_max: float = 8.0
    retry_after_max: float = 60.0
    retry_statuses: frozenset[int] = frozenset({429, 502, 503, 504})

    def __post_init__(self) -> None:
        if self.max_attempts < 1:
            raise ConfigurationError("RetryPolicy.max_attempts must be at least 1.")
        if self.deadline <= 0 or self.backoff_initial < 0 or self.backoff_max < 0:
            raise ConfigurationError("RetryPolicy durations must not be negative.")

    @classmethod
    def no_retries(cls) -> RetryPolicy:
        """One attempt only: errors surface at once."""
        return cls(max_attempts=1)


#: Where a list filter on a BSN goes: ``auto`` in a search body where the API has a search
#: endpoint (Zaken ``POST zaken/_zoek``, Objects ``POST objects/search``), falling back to
#: the query string (with a warning) when the server answers 404/405; ``body`` only in a
#: body (an API without a search endpoint raises instead of putting it in a URL);
#: ``query`` always in the query string, as before.
BsnFilters = Literal["auto", "body", "query"]
_BSN_FILTERS: tuple[str, ...] = get_args(BsnFilters)


@dataclass(frozen=True)
class Service:
    """One API root and how to talk to it.

    Args:
        api_root: the API's root URL, e.g. ``https://openzaak.example.nl/zaken/api/v1/``.
        credentials: what to send; [`NoAuth()`][zgw_client.NoAuth] for an API that needs
            nothing. Left out (``None``), every request to the service fails before it is
            sent, with a ``ConfigurationError`` saying no credentials are configured.
        timeouts: connect/read/write timeouts.
        retry: the retry policy.
        kind: what API it is (one of [`API_KINDS`][zgw_client.API_KINDS]). May be left out
            when the service's name in the [`ZGWConfig`][zgw_client.ZGWConfig] is a kind
            (``zaken``); a second Open Zaak under another name says ``kind="zaken"``.
        max_response_bytes: the largest body read into memory (JSON answers, errors);
            larger ones raise `ResponseTooLargeError` before they are all read. ``None``:
            no limit. Streamed downloads are not capped.
        bsn_filters: where list filters on a BSN go: ``"auto"`` (a search body where the
            API has one, else the query string), ``"body"`` (never a URL: refuse what
            cannot be sent in a body) or ``"query"`` (the query string). A BSN in a URL
            ends up in access and proxy logs; see the "Running a portal" guide.
    """

    api_root: str
    credentials: Credentials | None = None
    timeouts: Timeouts = field(default_factory=Timeouts)
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    kind: ApiKind | None = None
    max_response_bytes: int | None = DEFAULT_MAX_RESPONSE_BYTES
    bsn_filters: BsnFilters = "auto"

    def __post_init__(self) -> None:
        if self.kind is not None:
            check_kind(self.kind, where=f"Service({self.api_root!r})")
        if self.bsn_filters not in _BSN_FILTERS:
            raise ConfigurationError(
                f"Service({self.api_root!r}): bsn_filters must be one of "
                f"{', '.join(_BSN_FILTERS)} (got {self.bsn_filters!r})."
            )
        url = httpx.URL(self.api_root)
        if url.scheme not in ("http", "https") or not url.host:
            raise ConfigurationError(
                f"api_root {self.api_root!r} must be an absolute http(s) URL, "
                "e.g. https://openzaak.example.nl/zaken/api/v1/"
            )
        if url.query or url.fragment:
            raise ConfigurationError(f"api_root {self.api_root!r} must not carry a query.")
        if not self.api_root.endswith("/"):
            object.__setattr__(self, "api_root", self.api_root + "/")
        if self.max_response_bytes is not None and self.max_response_bytes <= 0:
            raise ConfigurationError("max_response_bytes must be positive (or None: no limit).")


AuthKind = Literal["jwt", "token", "api-key", "none"]


@dataclass(frozen=True)
class ZGWConfig:
    """The services one client serves, by name.

    Every service has a kind (see [`Service`][zgw_client.Service]); a service whose name is
    a kind gets that kind when it gives none. Several services may share a kind, e.g. two
    Open Zaaks ``zaken`` and ``zaken_oost``: ``client.zaken`` is the one named ``zaken``
    (or the only one of its kind), ``client.api("zaken_oost")`` the other, and a URL is
    always sent to the service whose root contains it.
    """

    services: Mapping[str, Service] = field(default_factory=dict)

    def __post_init__(self) -> None:
        resolved: dict[str, Service] = {}
        for name, service in self.services.items():
            if service.kind is None:
                if name not in API_KINDS:
                    raise ConfigurationError(
                        f"Service {name!r} has no kind, and its name is not one: say what API "
                        f"it is, e.g. Service(..., kind='zaken') or kind = \"zaken\" in TOML "
                        f"(ZGW_{name.upper()}_KIND). Kinds: {', '.join(API_KINDS)}."
                    )
                service = replace(service, kind=name)  # type: ignore[arg-type]
            resolved[name] = service
        object.__setattr__(self, "services", resolved)

    def kind_of(self, name: str) -> str:
        """The kind of the service called ``name``."""
        kind = self.services[name].kind
        assert kind is not None  # resolved in __post_init__
        return kind

    def names_of(self, kind: str) -> list[str]:
        """The names of the services of ``kind``, in configuration order."""
        return [name for name, service in self.services.items() if service.kind == kind]

    def with_service(self, name: str, service: Service) -> ZGWConfig:
        """Return a copy with ``service`` added (or replaced) under ``name``."""
        return replace(self, services={**self.services, name: service})

    @classmethod
    def open_zaak(
        cls,
        base_url: str,
        credentials: Credentials,
        *,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
    ) -> ZGWConfig:
        """The four ZGW APIs of one Open Zaak at their standard paths under ``base_url``."""
        base = base_url.rstrip("/")
        return cls(
            {
                api: Service(
                    f"{base}/{api}/api/v1/",
                    credentials,
                    timeouts=timeouts or Timeouts(),
                    retry=retry or RetryPolicy(),
                )
                for api in ("zaken", "catalogi", "documenten", "besluiten")
            }
        )

    # -- environment -------------------------------------------------------------------
    @classmethod
    def from_env(
        cls, environ: Mapping[str, str] | None = None, *, prefix: str = "ZGW_"
    ) -> ZGWConfig:
        """Read services from environment variables.

        For each API name ``NAME`` (``ZAKEN``, ``KLANTINTERACTIES``, ...)::

            ZGW_NAME_API_ROOT        required to configure the service
            ZGW_NAME_KIND            what API it is, when NAME is not a kind (zaken, ...)
            ZGW_NAME_CLIENT_ID       with ZGW_NAME_SECRET: JWT-ZGW credentials
            ZGW_NAME_SECRET
            ZGW_NAME_USER_ID         optional JWT claims
            ZGW_NAME_USER_REPRESENTATION
            ZGW_NAME_TOKEN           Token credentials (Open Klant, Objects API)
            ZGW_NAME_API_KEY         with optional ZGW_NAME_API_KEY_HEADER
            ZGW_NAME_AUTH            jwt, token, api-key, or none for a public API
            ZGW_NAME_TIMEOUT         read/write timeout in seconds
            ZGW_NAME_MAX_ATTEMPTS    retry policy
            ZGW_NAME_BSN_FILTERS     auto, body or query (see Service.bsn_filters)

        Shared JWT credentials can be given once as ``ZGW_CLIENT_ID``/``ZGW_SECRET``.
        Any ``ZGW_<X>_API_ROOT`` configures a service named ``x``.
        """
        env = dict(os.environ if environ is None else environ)
        names = sorted(
            key[len(prefix) : -len("_API_ROOT")]
            for key in env
            if key.startswith(prefix) and key.endswith("_API_ROOT") and env[key]
        )
        services: dict[str, Service] = {}
        for upper in names:
            settings: dict[str, Any] = {"api_root": env[f"{prefix}{upper}_API_ROOT"]}

            def get(key: str, upper: str = upper) -> str | None:
                return env.get(f"{prefix}{upper}_{key}") or None

            own_token = get("TOKEN") or get("API_KEY")
            for key in ("client_id", "secret", "user_id", "user_representation", "token"):
                value = get(key.upper())
                if value is None and key in ("client_id", "secret") and not own_token:
                    value = env.get(f"{prefix}{key.upper()}") or None  # shared JWT credentials
                if value:
                    settings[key] = value
            if get("API_KEY"):
                settings["api_key"] = get("API_KEY")
                if get("API_KEY_HEADER"):
                    settings["api_key_header"] = get("API_KEY_HEADER")
            if get("TIMEOUT"):
                settings["timeout"] = get("TIMEOUT")
            if get("MAX_ATTEMPTS"):
                settings["retry"] = {"max_attempts": get("MAX_ATTEMPTS")}
            if get("KIND"):
                settings["kind"] = get("KIND")
            if get("AUTH"):
                settings["auth"] = get("AUTH")
            if get("BSN_FILTERS"):
                settings["bsn_filters"] = get("BSN_FILTERS")
            services[upper.lower()] = _service_from_mapping(
                settings, where=f"environment {prefix}{upper}_*"
            )
        return cls(services)

    # -- TOML --------------------------------------------------------------------------
    @classmethod
    def from_toml(cls, path: str | Path, *, environ: Mapping[str, str] | None = None) -> ZGWConfig:
        """Read services from a TOML file (format in ``docs/configuration.md``).

        Secrets should not live in the file: give ``secret_env``/``token_env`` naming an
        environment variable instead of ``secret``/``token``.
        """
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except FileNotFoundError:
            raise ConfigurationError(f"Configuration file {path} does not exist.") from None
        except tomllib.TOMLDecodeError as exc:
            raise ConfigurationError(
                f"Configuration file {path} is not valid TOML: {exc}"
            ) from None
        return cls.from_mapping(data, environ=environ, where=str(path))

    @classmethod
    def from_mapping(
        cls,
        data: Mapping[str, Any],
        *,
        environ: Mapping[str, str] | None = None,
        where: str = "configuration",
    ) -> ZGWConfig:
        """Build a config from the TOML structure (``[defaults]`` and ``[services.NAME]``)."""
        env = os.environ if environ is None else environ
        defaults = dict(data.get("defaults", {}))
        raw_services = data.get("services", {})
        if not isinstance(raw_services, Mapping) or not raw_services:
            raise ConfigurationError(f"{where}: no [services.NAME] tables found.")
        services: dict[str, Service] = {}
        for name, table in raw_services.items():
            if not isinstance(table, Mapping):
                raise ConfigurationError(f"{where}: [services.{name}] must be a table.")
            merged: dict[str, Any] = {**defaults, **table}
            for key in ("secret", "token", "api_key"):
                env_key = merged.pop(f"{key}_env", None)
                if env_key:
                    if env_key not in env:
                        raise ConfigurationError(
                            f"{where}: services.{name}.{key}_env names {env_key}, "
                            "which is not set in the environment."
                        )
                    merged[key] = env[env_key]
            services[name] = _service_from_mapping(merged, where=f"{where} [services.{name}]")
        return cls(services)


_SERVICE_KEYS = {
    "api_root",
    "kind",
    "auth",
    "client_id",
    "secret",
    "user_id",
    "user_representation",
    "token",
    "api_key",
    "api_key_header",
    "timeout",
    "connect_timeout",
    "token_lifetime",
    "retry",
    "bsn_filters",
}


def _service_from_mapping(settings: Mapping[str, Any], *, where: str) -> Service:
    unknown = set(settings) - _SERVICE_KEYS
    if unknown:
        raise ConfigurationError(f"{where}: unknown setting(s) {', '.join(sorted(unknown))}.")
    if "api_root" not in settings:
        raise ConfigurationError(f"{where}: api_root is required.")
    auth_kind = settings.get("auth") or _guess_auth(settings)
    credentials: Credentials | None
    try:
        if auth_kind == "jwt":
            credentials = ZGWCredentials(
                settings["client_id"],
                settings["secret"],
                user_id=settings.get("user_id", ""),
                user_representation=settings.get("user_representation", ""),
                token_lifetime=float(settings.get("token_lifetime", 300.0)),
            )
        elif auth_kind == "token":
            credentials = TokenCredentials(settings["token"])
        elif auth_kind == "api-key":
            credentials = APIKeyCredentials(
                settings["api_key"], header=settings.get("api_key_header", "X-Api-Key")
            )
        elif auth_kind == "none":
            credentials = NoAuth()
        elif auth_kind is None:
            credentials = None  # nothing configured: refused at the first request
        else:
            raise ConfigurationError(
                f"{where}: auth must be one of jwt, token, api-key, none (got {auth_kind!r})."
            )
    except KeyError as exc:
        raise ConfigurationError(f"{where}: auth {auth_kind!r} needs {exc.args[0]}.") from None
    try:
        read = float(settings.get("timeout", Timeouts.read))
        connect = float(settings.get("connect_timeout", Timeouts.connect))
        retry_settings = dict(settings.get("retry", {}))
        for key in ("max_attempts",):
            if key in retry_settings:
                retry_settings[key] = int(retry_settings[key])
        retry = RetryPolicy(**retry_settings)
    except (TypeError, ValueError) as exc:
        raise ConfigurationError(f"{where}: invalid timeout or retry setting ({exc}).") from None
    kind = settings.get("kind")
    if kind is not None:
        check_kind(str(kind), where=where)
    return Service(
        settings["api_root"],
        credentials,
        timeouts=Timeouts(connect=connect, read=read, write=read),
        retry=retry,
        kind=kind,
        bsn_filters=settings.get("bsn_filters", "auto"),
    )


def _guess_auth(settings: Mapping[str, Any]) -> AuthKind | None:
    if "client_id" in settings or "secret" in settings:
        return "jwt"
    if "token" in settings:
        return "token"
    if "api_key" in settings:
        return "api-key"
    return None  # not "none": no credentials is only a choice when it is said
