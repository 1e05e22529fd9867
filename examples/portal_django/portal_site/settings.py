"""A citizen portal on Django: settings.ZGW, the cache it shares between workers, sessions.

No database: sessions live in the cache. The services come from the same ``ZGW_*``
variables as ``ZGWConfig.from_env`` (docs/configuration.md), written as ``settings.ZGW``'s
TOML structure, the secrets read from the environment by name (``secret_env``,
``token_env``), never copied into the settings. With ``ZGW_REDIS_URL`` the ZGW cache and
the sessions are in Redis, shared by every worker; without it, per process (locmem).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

BASE_DIR = Path(__file__).resolve().parent

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-not-secret")
DEBUG = os.environ.get("DJANGO_DEBUG") == "1"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "portal_site.urls"
INSTALLED_APPS = ["zgw_client.django"]  # its system check validates ZGW at start-up
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
    }
]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

REDIS_URL = os.environ.get("ZGW_REDIS_URL")


def _cache(prefix: str) -> dict[str, Any]:
    if REDIS_URL:
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": prefix}


CACHES = {
    "default": _cache("portal"),  # sessions and the notifications' delivery store
    "zgw": _cache("zgw"),  # catalogi and ETags of zgw-client
}
SESSION_ENGINE = "django.contrib.sessions.backends.cache"
SESSION_COOKIE_HTTPONLY = True


def _services() -> dict[str, dict[str, str]]:
    """One service per ``ZGW_<KIND>_API_ROOT`` that is set."""
    services: dict[str, dict[str, str]] = {}
    for kind in ("zaken", "catalogi", "documenten", "besluiten"):
        if root := os.environ.get(f"ZGW_{kind.upper()}_API_ROOT"):
            services[kind] = {
                "api_root": root,
                "client_id": os.environ.get("ZGW_CLIENT_ID", ""),
                "secret_env": "ZGW_SECRET",
            }
    for kind in ("klantinteracties", "objecten"):
        if root := os.environ.get(f"ZGW_{kind.upper()}_API_ROOT"):
            services[kind] = {
                "api_root": root,
                "auth": "token",
                "token_env": f"ZGW_{kind.upper()}_TOKEN",
            }
    return services


ZGW = {"services": _services(), "cache": "zgw"}

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {
        "zgw_client": {"handlers": ["console"], "level": "WARNING"},
        "portal_site": {"handlers": ["console"], "level": "INFO"},
    },
}
