"""Typed models of the Contactmomenten API 1.0 (legacy predecessor of Klantinteracties).

The resources (sync `ContactmomentenAPI`, async `AsyncContactmomentenAPI`, and one class per
collection) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
from .models import (
    RESOURCE_MODELS,
    Contactmoment,
    Initiatiefnemer,
    KlantContactMoment,
    KlantContactMomentRol,
    MedewerkerIdentificatie,
    ObjectContactMoment,
    ObjectType,
)

if TYPE_CHECKING:
    from .._async.contactmomenten import (
        AsyncContactmomenten,
        AsyncContactmomentenAPI,
        AsyncKlantContactmomenten,
        AsyncObjectContactmomenten,
    )
    from .._sync.contactmomenten import (
        Contactmomenten,
        ContactmomentenAPI,
        KlantContactmomenten,
        ObjectContactmomenten,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncContactmomenten": "zgw_client._async.contactmomenten",
    "AsyncObjectContactmomenten": "zgw_client._async.contactmomenten",
    "AsyncKlantContactmomenten": "zgw_client._async.contactmomenten",
    "AsyncContactmomentenAPI": "zgw_client._async.contactmomenten",
    "Contactmomenten": "zgw_client._sync.contactmomenten",
    "ObjectContactmomenten": "zgw_client._sync.contactmomenten",
    "KlantContactmomenten": "zgw_client._sync.contactmomenten",
    "ContactmomentenAPI": "zgw_client._sync.contactmomenten",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncContactmomenten",
    "AsyncContactmomentenAPI",
    "AsyncKlantContactmomenten",
    "AsyncObjectContactmomenten",
    "Contactmoment",
    "Contactmomenten",
    "ContactmomentenAPI",
    "Initiatiefnemer",
    "KlantContactMoment",
    "KlantContactMomentRol",
    "KlantContactmomenten",
    "MedewerkerIdentificatie",
    "ObjectContactMoment",
    "ObjectContactmomenten",
    "ObjectType",
]
