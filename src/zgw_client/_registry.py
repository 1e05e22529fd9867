"""Which model a resource URL holds, so ``client.get(url)`` can return it typed."""

from __future__ import annotations

import re
from collections.abc import Mapping

from ._models import ZGWModel

__all__ = ["model_for_path"]

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")


def _tables() -> Mapping[str, Mapping[str, type[ZGWModel]]]:
    # Imported on first use: the model modules are large and not every user needs all.
    from .berichten.models import RESOURCE_MODELS as BERICHTEN
    from .besluiten.models import RESOURCE_MODELS as BESLUITEN
    from .catalogi.models import RESOURCE_MODELS as CATALOGI
    from .contactmomenten.models import RESOURCE_MODELS as CONTACTMOMENTEN
    from .documenten.models import RESOURCE_MODELS as DOCUMENTEN
    from .klantinteracties.models import RESOURCE_MODELS as KLANTINTERACTIES
    from .notifications.models import RESOURCE_MODELS as NOTIFICATIES
    from .objecten.models import RESOURCE_MODELS as OBJECTEN
    from .producten.models import RESOURCE_MODELS as PRODUCTEN
    from .producttypen.models import RESOURCE_MODELS as PRODUCTTYPEN
    from .taken.models import RESOURCE_MODELS as TAKEN
    from .verzoeken.models import RESOURCE_MODELS as VERZOEKEN
    from .zaken.models import RESOURCE_MODELS as ZAKEN

    return {
        "zaken": ZAKEN,
        "catalogi": CATALOGI,
        "documenten": DOCUMENTEN,
        "besluiten": BESLUITEN,
        "klantinteracties": KLANTINTERACTIES,
        "contactmomenten": CONTACTMOMENTEN,
        "objecten": OBJECTEN,
        "objecttypen": OBJECTEN,
        "berichten": BERICHTEN,
        "taken": TAKEN,
        "verzoeken": VERZOEKEN,
        "producten": PRODUCTEN,
        "producttypen": PRODUCTTYPEN,
        "notificaties": NOTIFICATIES,
    }


def model_for_path(api: str, path: str) -> type[ZGWModel] | None:
    """The model of the resource at ``path`` (relative to the root of service ``api``).

    The collection is the last path segment that is not a UUID or a number, so
    ``zaken/{uuid}/audittrail/{uuid}`` is an audit trail entry.
    """
    table = _tables().get(api)
    if table is None:
        return None
    segments = [s for s in path.strip("/").split("/") if s and s != "_zoek"]
    for segment in reversed(segments):
        if _UUID.match(segment) or segment.isdigit():
            continue
        return table.get(segment)
    return None
