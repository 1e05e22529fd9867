"""Verzoeken API (Open VTB) models: submitted requests, verzoektypen and their versions,
and registering one from a portal ([`registration`][zgw_client.verzoeken.registration]).

The resources (sync `VerzoekenAPI`, async `AsyncVerzoekenAPI`, and one class per
collection) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
from .models import (
    RESOURCE_MODELS,
    BijlageType,
    IsGerelateerdAan,
    VerwerkStatus,
    Verzoek,
    VerzoekBetaling,
    VerzoekBijlage,
    VerzoekBron,
    VerzoekType,
    VerzoekTypeVersie,
    VerzoekTypeVersieStatus,
    VerzoekTypeVersieSummary,
)
from .registration import ZaakLinkError, registration_body

if TYPE_CHECKING:
    from .._async.verzoeken import (
        AsyncVerzoeken,
        AsyncVerzoekenAPI,
        AsyncVerzoekTypen,
        AsyncVerzoekTypeVersies,
    )
    from .._sync.verzoeken import (
        Verzoeken,
        VerzoekenAPI,
        VerzoekTypen,
        VerzoekTypeVersies,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncVerzoeken": "zgw_client._async.verzoeken",
    "AsyncVerzoekTypen": "zgw_client._async.verzoeken",
    "AsyncVerzoekTypeVersies": "zgw_client._async.verzoeken",
    "AsyncVerzoekenAPI": "zgw_client._async.verzoeken",
    "Verzoeken": "zgw_client._sync.verzoeken",
    "VerzoekTypen": "zgw_client._sync.verzoeken",
    "VerzoekTypeVersies": "zgw_client._sync.verzoeken",
    "VerzoekenAPI": "zgw_client._sync.verzoeken",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncVerzoekTypeVersies",
    "AsyncVerzoekTypen",
    "AsyncVerzoeken",
    "AsyncVerzoekenAPI",
    "BijlageType",
    "IsGerelateerdAan",
    "VerwerkStatus",
    "Verzoek",
    "VerzoekBetaling",
    "VerzoekBijlage",
    "VerzoekBron",
    "VerzoekType",
    "VerzoekTypeVersie",
    "VerzoekTypeVersieStatus",
    "VerzoekTypeVersieSummary",
    "VerzoekTypeVersies",
    "VerzoekTypen",
    "Verzoeken",
    "VerzoekenAPI",
    "ZaakLinkError",
    "registration_body",
]
