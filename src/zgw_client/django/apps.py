"""The Django app: registers the system check and forgets the client when settings change."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.core import checks


class ZGWClientConfig(AppConfig):
    name = "zgw_client.django"
    label = "zgw_client"
    verbose_name = "zgw-client"

    def ready(self) -> None:
        from django.core.signals import setting_changed

        from .checks import check_settings

        checks.register(check_settings, checks.Tags.compatibility)
        setting_changed.connect(_forget_client)


def _forget_client(setting: str, **kwargs: Any) -> None:
    if setting in ("ZGW", "CACHES"):
        from . import close_client

        close_client()
