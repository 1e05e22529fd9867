"""zgw-client: a typed sync and async SDK for the Dutch ZGW APIs.

The public surface is this module; everything else is private unless a subpackage
(``zgw_client.zaken``, ``zgw_client.testing``, ...) says otherwise.
"""

from ._async.client import AsyncZGWClient
from ._async.contact import contactmomenten_about_zaak as async_contactmomenten_about_zaak
from ._async.pagination import AsyncPaginator
from ._auth import APIKeyAuth, ServiceAuth, ServiceRouter, TokenAuth, ZGWJWTAuth, mint_jwt
from ._cache import InMemoryCache, NoCache
from ._config import (
    API_KINDS,
    APIKeyCredentials,
    ApiKind,
    BsnFilters,
    Credentials,
    RetryPolicy,
    Service,
    Timeouts,
    TokenCredentials,
    ZGWConfig,
    ZGWCredentials,
)
from ._exceptions import (
    AccessDeniedError,
    APIError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    ConflictError,
    ConnectError,
    GoneError,
    InputError,
    InvalidParam,
    MethodNotAllowedError,
    NotAcceptableError,
    NotFoundError,
    PaginationError,
    PermissionDeniedError,
    PreconditionFailedError,
    RateLimitedError,
    RedirectError,
    RequestTimeout,
    RetriesExhaustedError,
    ServerError,
    TokenExpiredError,
    TransportError,
    UnconfiguredURLError,
    UnexpectedResponseError,
    UnsupportedMediaTypeError,
    ZGWError,
)
from ._models import ZGWModel
from ._pagination import Page
from ._sync.cache import ResponseCache
from ._sync.client import ZGWClient
from ._sync.contact import contactmomenten_about_zaak
from ._sync.pagination import Paginator
from ._version import __version__

__all__ = [
    "API_KINDS",
    "APIError",
    "APIKeyAuth",
    "APIKeyCredentials",
    "AccessDeniedError",
    "ApiKind",
    "AsyncPaginator",
    "AsyncZGWClient",
    "AuthenticationError",
    "BadRequestError",
    "BsnFilters",
    "ConfigurationError",
    "ConflictError",
    "ConnectError",
    "Credentials",
    "GoneError",
    "InMemoryCache",
    "InputError",
    "InvalidParam",
    "MethodNotAllowedError",
    "NoCache",
    "NotAcceptableError",
    "NotFoundError",
    "Page",
    "PaginationError",
    "Paginator",
    "PermissionDeniedError",
    "PreconditionFailedError",
    "RateLimitedError",
    "RedirectError",
    "RequestTimeout",
    "ResponseCache",
    "RetriesExhaustedError",
    "RetryPolicy",
    "ServerError",
    "Service",
    "ServiceAuth",
    "ServiceRouter",
    "Timeouts",
    "TokenAuth",
    "TokenCredentials",
    "TokenExpiredError",
    "TransportError",
    "UnconfiguredURLError",
    "UnexpectedResponseError",
    "UnsupportedMediaTypeError",
    "ZGWClient",
    "ZGWConfig",
    "ZGWCredentials",
    "ZGWError",
    "ZGWJWTAuth",
    "ZGWModel",
    "__version__",
    "async_contactmomenten_about_zaak",
    "contactmomenten_about_zaak",
    "mint_jwt",
]
