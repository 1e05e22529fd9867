"""Citizen-facing updates ("Recente berichten") and the keys of per-citizen cache entries.

No I/O here. A [`CitizenUpdate`][zgw_client.notifications.updates.CitizenUpdate] is what a
portal shows under "Recente berichten": a new status on a zaak, a new document, a besluit, a
new taak. The handler that makes them is
[`record_updates`][zgw_client.notifications.handlers.record_updates]; the store that keeps
them is [`RecentUpdates`][zgw_client.notifications.handlers.RecentUpdates].

Keys of per-citizen entries never hold the BSN: they hold an HMAC-SHA256 of it under a
secret of yours (a plain hash of a nine-digit number is reversed by trying them all).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
from typing import Literal

from .._exceptions import ConfigurationError
from .._models import ZGWModel

__all__ = ["CitizenUpdate", "UpdateKind", "subject_digest"]

#: What changed, as a portal groups it.
UpdateKind = Literal["status", "document", "besluit", "resultaat", "taak"]


class CitizenUpdate(ZGWModel):
    """One thing that changed for a citizen, in words a portal can show.

    Attributes:
        kind: what changed (`status`, `document`, `besluit`, `resultaat`, `taak`).
        titel: the text to show ("Nieuwe status: In behandeling").
        at: when the publisher made the change (the notification's `aanmaakdatum`).
        zaak: the zaak it is about, when there is one.
        zaak_identificatie: that zaak's identificatie, for "zaak ZAAK-2026-0000123".
        resource_url: what changed (the status, the document, the taak's object).
    """

    kind: UpdateKind
    titel: str
    at: dt.datetime
    zaak: str | None = None
    zaak_identificatie: str | None = None
    resource_url: str | None = None


def subject_digest(secret: str, kind: str, value: str) -> str:
    """The key part for one subject (``bsn``/``kvk`` and its number): an HMAC, not the BSN.

    Raises:
        ConfigurationError: an empty secret.
    """
    if not secret:
        raise ConfigurationError(
            "Per-citizen cache entries need a secret (key_secret=...): their keys hold an "
            "HMAC of the BSN, never the BSN. Use the same secret in every worker."
        )
    message = f"{kind}:{value}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()[:40]
