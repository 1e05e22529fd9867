"""zgw-client: a typed sync and async SDK for the Dutch ZGW APIs.

The public surface is this module; everything else is private unless a subpackage
(``zgw_client.zaken``, ``zgw_client.testing``, ...) says otherwise.

Names are loaded on first use (PEP 562): ``import zgw_client`` costs a few milliseconds,
and only what a program touches is imported (see ``zgw_client._lazy``).
"""

from typing import TYPE_CHECKING

from . import _lazy
from ._log_masking import install_by_default
from ._version import __version__

if TYPE_CHECKING:
    from ._async.api import AsyncAPI
    from ._async.client import AsyncZGWClient
    from ._async.contact import contactmomenten_about_zaak as async_contactmomenten_about_zaak
    from ._async.pagination import AsyncPaginator
    from ._async.resource import AsyncNestedResource, AsyncResource
    from ._auth import APIKeyAuth, ServiceAuth, ServiceRouter, TokenAuth, ZGWJWTAuth, mint_jwt
    from ._cache import InMemoryCache, NoCache
    from ._config import (
        API_KINDS,
        APIKeyCredentials,
        ApiKind,
        BsnFilters,
        Credentials,
        NoAuth,
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
        InvalidFilterError,
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
        ResponseTooLargeError,
        RetriesExhaustedError,
        ServerError,
        TokenExpiredError,
        TransportError,
        UnconfiguredURLError,
        UnexpectedResponseError,
        UnsupportedMediaTypeError,
        ZGWError,
    )
    from ._log_masking import BSNLogFilter, install_bsn_log_filter, remove_bsn_log_filter
    from ._models import SnakeCaseModel, ZGWModel
    from ._pagination import Page
    from ._sync.api import API
    from ._sync.cache import ResponseCache
    from ._sync.client import ZGWClient
    from ._sync.contact import contactmomenten_about_zaak
    from ._sync.pagination import Paginator
    from ._sync.resource import NestedResource, Resource

#: Public name -> the module that defines it, imported when the name is first read.
_EXPORTS = {
    "AsyncZGWClient": "._async.client",
    "async_contactmomenten_about_zaak": "._async.contact:contactmomenten_about_zaak",
    "AsyncAPI": "._async.api",
    "AsyncPaginator": "._async.pagination",
    "AsyncNestedResource": "._async.resource",
    "AsyncResource": "._async.resource",
    "APIKeyAuth": "._auth",
    "ServiceAuth": "._auth",
    "ServiceRouter": "._auth",
    "TokenAuth": "._auth",
    "ZGWJWTAuth": "._auth",
    "mint_jwt": "._auth",
    "InMemoryCache": "._cache",
    "NoCache": "._cache",
    "ResponseCache": "._sync.cache",
    "BsnFilters": "._config",
    "API_KINDS": "._config",
    "APIKeyCredentials": "._config",
    "ApiKind": "._config",
    "Credentials": "._config",
    "NoAuth": "._config",
    "RetryPolicy": "._config",
    "Service": "._config",
    "Timeouts": "._config",
    "TokenCredentials": "._config",
    "ZGWConfig": "._config",
    "ZGWCredentials": "._config",
    "AccessDeniedError": "._exceptions",
    "APIError": "._exceptions",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "ConfigurationError": "._exceptions",
    "ConflictError": "._exceptions",
    "ConnectError": "._exceptions",
    "GoneError": "._exceptions",
    "InputError": "._exceptions",
    "InvalidFilterError": "._exceptions",
    "ResponseTooLargeError": "._exceptions",
    "BSNLogFilter": "._log_masking",
    "install_bsn_log_filter": "._log_masking",
    "remove_bsn_log_filter": "._log_masking",
    "InvalidParam": "._exceptions",
    "MethodNotAllowedError": "._exceptions",
    "NotAcceptableError": "._exceptions",
    "NotFoundError": "._exceptions",
    "PaginationError": "._exceptions",
    "PermissionDeniedError": "._exceptions",
    "PreconditionFailedError": "._exceptions",
    "RateLimitedError": "._exceptions",
    "RedirectError": "._exceptions",
    "RequestTimeout": "._exceptions",
    "RetriesExhaustedError": "._exceptions",
    "ServerError": "._exceptions",
    "TokenExpiredError": "._exceptions",
    "TransportError": "._exceptions",
    "UnconfiguredURLError": "._exceptions",
    "UnexpectedResponseError": "._exceptions",
    "UnsupportedMediaTypeError": "._exceptions",
    "ZGWError": "._exceptions",
    "SnakeCaseModel": "._models",
    "ZGWModel": "._models",
    "Page": "._pagination",
    "API": "._sync.api",
    "ZGWClient": "._sync.client",
    "contactmomenten_about_zaak": "._sync.contact",
    "Paginator": "._sync.pagination",
    "NestedResource": "._sync.resource",
    "Resource": "._sync.resource",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "API",
    "API_KINDS",
    "APIError",
    "APIKeyAuth",
    "APIKeyCredentials",
    "AccessDeniedError",
    "ApiKind",
    "AsyncAPI",
    "AsyncNestedResource",
    "AsyncPaginator",
    "AsyncResource",
    "AsyncZGWClient",
    "AuthenticationError",
    "BSNLogFilter",
    "BadRequestError",
    "BsnFilters",
    "ConfigurationError",
    "ConflictError",
    "ConnectError",
    "Credentials",
    "GoneError",
    "InMemoryCache",
    "InputError",
    "InvalidFilterError",
    "InvalidParam",
    "MethodNotAllowedError",
    "NestedResource",
    "NoAuth",
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
    "Resource",
    "ResponseCache",
    "ResponseTooLargeError",
    "RetriesExhaustedError",
    "RetryPolicy",
    "ServerError",
    "Service",
    "ServiceAuth",
    "ServiceRouter",
    "SnakeCaseModel",
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
    "install_bsn_log_filter",
    "mint_jwt",
    "remove_bsn_log_filter",
]

install_by_default()  # httpx's log lines carry full URLs: BSNs masked unless opted out
