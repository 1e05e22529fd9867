"""Besluiten API (BRC) models: besluiten and the documents that record them.

The resources (sync `BesluitenAPI`, async `AsyncBesluitenAPI`, and one class per
collection) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
from .models import (
    RESOURCE_MODELS,
    AuditTrail,
    Besluit,
    BesluitExpand,
    BesluitInformatieObject,
    BesluitInformatieObjectExpand,
    Vervalreden,
)

if TYPE_CHECKING:
    from .._async.besluiten import (
        AsyncBesluiten,
        AsyncBesluitenAPI,
        AsyncBesluitInformatieObjecten,
    )
    from .._sync.besluiten import (
        Besluiten,
        BesluitenAPI,
        BesluitInformatieObjecten,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncBesluiten": "zgw_client._async.besluiten",
    "AsyncBesluitInformatieObjecten": "zgw_client._async.besluiten",
    "AsyncBesluitenAPI": "zgw_client._async.besluiten",
    "Besluiten": "zgw_client._sync.besluiten",
    "BesluitInformatieObjecten": "zgw_client._sync.besluiten",
    "BesluitenAPI": "zgw_client._sync.besluiten",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncBesluitInformatieObjecten",
    "AsyncBesluiten",
    "AsyncBesluitenAPI",
    "AuditTrail",
    "Besluit",
    "BesluitExpand",
    "BesluitInformatieObject",
    "BesluitInformatieObjectExpand",
    "BesluitInformatieObjecten",
    "Besluiten",
    "BesluitenAPI",
    "Vervalreden",
]
