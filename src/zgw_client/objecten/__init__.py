"""Typed models of the Objects and Objecttypes APIs, and citizen taken stored as objects.

The resources (sync `ObjectenAPI`, async `AsyncObjectenAPI`, and one class per
collection) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
from .models import (
    RESOURCE_MODELS,
    DataClassification,
    Object,
    ObjectRecord,
    ObjectReference,
    Objecttype,
    ObjecttypeVersion,
    ObjecttypeVersionStatus,
    UpdateFrequency,
    objecttype_uuid,
)
from .taken import (
    FormulierSoort,
    IdentificatieType,
    KoppelingRegistratie,
    Ogonebetaling,
    Portaalformulier,
    Taak,
    TaakFormulier,
    TaakIdentificatie,
    TaakKoppeling,
    TaakSoort,
    TaakStatus,
    TaakUrl,
    TaakVariant,
    days_left,
    is_open,
    taak_from_object,
    taak_to_data,
)

if TYPE_CHECKING:
    from .._async.objecten import (
        AsyncObjectenAPI,
        AsyncObjects,
        AsyncObjecttypes,
        AsyncTaken,
        ObjectsListFilters,
    )
    from .._sync.objecten import (
        ObjectenAPI,
        Objects,
        Objecttypes,
        Taken,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncObjects": "zgw_client._async.objecten",
    "AsyncObjecttypes": "zgw_client._async.objecten",
    "AsyncTaken": "zgw_client._async.objecten",
    "AsyncObjectenAPI": "zgw_client._async.objecten",
    "ObjectsListFilters": "zgw_client._async.objecten",
    "Objects": "zgw_client._sync.objecten",
    "Objecttypes": "zgw_client._sync.objecten",
    "Taken": "zgw_client._sync.objecten",
    "ObjectenAPI": "zgw_client._sync.objecten",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncObjectenAPI",
    "AsyncObjects",
    "AsyncObjecttypes",
    "AsyncTaken",
    "DataClassification",
    "FormulierSoort",
    "IdentificatieType",
    "KoppelingRegistratie",
    "Object",
    "ObjectRecord",
    "ObjectReference",
    "ObjectenAPI",
    "Objects",
    "ObjectsListFilters",
    "Objecttype",
    "ObjecttypeVersion",
    "ObjecttypeVersionStatus",
    "Objecttypes",
    "Ogonebetaling",
    "Portaalformulier",
    "Taak",
    "TaakFormulier",
    "TaakIdentificatie",
    "TaakKoppeling",
    "TaakSoort",
    "TaakStatus",
    "TaakUrl",
    "TaakVariant",
    "Taken",
    "UpdateFrequency",
    "days_left",
    "is_open",
    "objecttype_uuid",
    "taak_from_object",
    "taak_to_data",
]
