"""Django integration (extra ``django``): configuration from ``settings.ZGW``, one client per
process, Django's cache as the client's cache, and a system check of the configuration.

Add ``"zgw_client.django"`` to ``INSTALLED_APPS`` and configure::

    ZGW = {
        "services": {  # the TOML structure of docs/configuration.md
            "zaken": {"api_root": "https://oz.example.nl/zaken/api/v1/",
                      "client_id": "portaal", "secret_env": "ZGW_SECRET"},
            ...
        },
        "cache": "default",  # a CACHES alias, shared by every worker; None: per process
    }

or ``ZGW = "myportal.zgw.config"``: the dotted path of a ``ZGWConfig`` (or of a function
returning one). Then ``get_client()`` anywhere. The client is made lazily, once per
process: under gunicorn with ``--preload`` the master imports the app and forks; a client
made before the fork would share its connections between workers, so a forked worker
makes its own. It is closed at exit.

URLs: the notifications receiver (``zgw_client.notifications``, built separately) is
mounted with ``path("zgw/", include(...))``; see the "Running a portal" guide.
"""

from __future__ import annotations

import atexit
import os
import threading
from collections.abc import Sequence
from typing import Any

from .._cache import CachePolicy
from .._config import ZGWConfig
from .._exceptions import ConfigurationError
from .._sync.client import ZGWClient

__all__ = ["DjangoCache", "close_client", "config_from_settings", "get_client"]

_lock = threading.Lock()
_client: ZGWClient | None = None
_pid: int | None = None


class DjangoCache:
    """A [`ResponseCache`][zgw_client.cache.ResponseCache] in one of Django's caches.

    Whatever backend the alias has (Redis, Memcached, the database) becomes the shared
    store. Django's cache raises on a dead backend unless configured not to; Django's
    Redis backend logs and swallows errors with ``"OPTIONS": {...}``; see its docs.
    """

    def __init__(self, alias: str = "default") -> None:
        from django.core.cache import caches

        self.alias = alias
        self._cache = caches[alias]

    def get(self, key: str) -> Any | None:
        return self._cache.get(key)

    def get_many(self, keys: Sequence[str]) -> list[Any | None]:
        found = self._cache.get_many(list(keys))
        return [found.get(key) for key in keys]

    def set(self, key: str, value: Any, ttl: float | None = None) -> None:
        self._cache.set(key, value, timeout=None if ttl is None else max(1, int(ttl)))


def _settings() -> Any:
    from django.conf import settings

    value = getattr(settings, "ZGW", None)
    if value is None:
        raise ConfigurationError(
            "settings.ZGW is not set: give the services ({'services': {...}}) or the dotted "
            "path of a ZGWConfig."
        )
    return value


def config_from_settings() -> tuple[ZGWConfig, dict[str, Any]]:
    """The services of ``settings.ZGW`` and the client options (cache, policy)."""
    value = _settings()
    if isinstance(value, str):
        from django.utils.module_loading import import_string

        try:
            found = import_string(value)
        except ImportError as exc:
            raise ConfigurationError(f"settings.ZGW: cannot import {value!r} ({exc}).") from None
        config = found() if callable(found) else found
        if not isinstance(config, ZGWConfig):
            raise ConfigurationError(f"settings.ZGW: {value!r} is not a ZGWConfig.")
        return config, {}
    if not isinstance(value, dict):
        raise ConfigurationError("settings.ZGW must be a dict or a dotted path.")
    options: dict[str, Any] = {}
    alias = value.get("cache")
    if alias is not None:
        from django.conf import settings

        if alias not in settings.CACHES:
            raise ConfigurationError(f"settings.ZGW['cache']: no CACHES alias {alias!r}.")
        options["cache"] = DjangoCache(alias)
    if value.get("cache_policy"):
        options["cache_policy"] = CachePolicy(**value["cache_policy"])
    data = {k: v for k, v in value.items() if k in ("services", "defaults")}
    return ZGWConfig.from_mapping(data, where="settings.ZGW"), options


def get_client() -> ZGWClient:
    """This process's client, made on first use (again after a fork)."""
    global _client, _pid
    with _lock:
        if _client is None or _pid != os.getpid():
            config, options = config_from_settings()
            # A client inherited through a fork shares sockets with the parent: abandon it.
            _client, _pid = ZGWClient(config, **options), os.getpid()
        return _client


def close_client() -> None:
    """Close this process's client (at exit; also when settings change in tests)."""
    global _client, _pid
    with _lock:
        client, _client = _client, None
        owner, _pid = _pid, None
    if client is not None and owner == os.getpid():
        client.close()


atexit.register(close_client)
