"""Berichten API (Open VTB): messages to a citizen or company, and when they were opened.

The resources (sync `BerichtenAPI` and `Berichten`, async `AsyncBerichtenAPI` and
`AsyncBerichten`) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
from .models import RESOURCE_MODELS, Bericht, BerichtBijlage, IsGerelateerdAan

if TYPE_CHECKING:
    from .._async.berichten import (
        AsyncBerichten,
        AsyncBerichtenAPI,
    )
    from .._sync.berichten import (
        Berichten,
        BerichtenAPI,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncBerichten": "zgw_client._async.berichten",
    "AsyncBerichtenAPI": "zgw_client._async.berichten",
    "Berichten": "zgw_client._sync.berichten",
    "BerichtenAPI": "zgw_client._sync.berichten",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncBerichten",
    "AsyncBerichtenAPI",
    "Bericht",
    "BerichtBijlage",
    "Berichten",
    "BerichtenAPI",
    "IsGerelateerdAan",
]
