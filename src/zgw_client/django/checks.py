"""The system check: ``manage.py check`` (and every start) validates ``settings.ZGW``."""

from __future__ import annotations

from typing import Any

from django.core import checks

from .._exceptions import ConfigurationError


def check_settings(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    """``zgw_client.E001`` when ``settings.ZGW`` does not make a working configuration."""
    from . import config_from_settings

    try:
        config_from_settings()
    except ConfigurationError as error:
        return [
            checks.Error(
                str(error),
                hint="See the configuration docs of zgw-client (settings.ZGW).",
                id="zgw_client.E001",
            )
        ]
    return []
