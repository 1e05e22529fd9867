"""Typed models of the Besluiten API (BRC): decisions and the documents that record them.

Built against Open Zaak 1.30 (Besluiten 1.1.0) and compatible with VNG Besluiten 1.0.2 and
1.1.0: fields an older server lacks default to ``None``; fields a newer one adds are kept in
``model_extra``.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import Field

from .._models import OPEN_ENUM, Reference, ZGWModel
from ..catalogi.models import AuditTrail, Besluittype, ExpandModel
from ..documenten.models import EnkelvoudigInformatieObject

__all__ = [
    "RESOURCE_MODELS",
    "AuditTrail",
    "Besluit",
    "BesluitExpand",
    "BesluitInformatieObject",
    "BesluitInformatieObjectExpand",
    "Vervalreden",
]


class Vervalreden(str, Enum):
    """Why a besluit stopped being in force (``""`` while it still is)."""

    tijdelijk = "tijdelijk"
    ingetrokken_overheid = "ingetrokken_overheid"
    ingetrokken_belanghebbende = "ingetrokken_belanghebbende"


class BesluitExpand(ExpandModel):
    """Resources embedded under a besluit's ``_expand`` (Besluiten 1.1 ``expand``).

    ``zaak`` stays raw JSON here: the Zaken models import this module, so typing it as a
    ``Zaak`` would make the imports circular. ``Zaak.model_validate(expand.zaak)`` types it.
    """

    besluittype: Besluittype | None = None
    zaak: dict[str, Any] | None = None


class Besluit(ZGWModel):
    """A decision taken by the organisation, usually within a zaak.

    ``uiterlijke_reactiedatum`` is the last day to object, worth showing to a citizen.
    """

    url: Reference
    identificatie: str | None = None
    verantwoordelijke_organisatie: str | None = None
    besluittype: Reference | None = None
    zaak: Reference | None = None
    datum: datetime.date | None = None
    toelichting: str | None = None
    bestuursorgaan: str | None = None
    ingangsdatum: datetime.date | None = None
    vervaldatum: datetime.date | None = None
    vervalreden: Annotated[Vervalreden | str | None, OPEN_ENUM] = None
    vervalreden_weergave: str | None = None
    publicatiedatum: datetime.date | None = None
    verzenddatum: datetime.date | None = None
    uiterlijke_reactiedatum: datetime.date | None = None
    expand: BesluitExpand | None = Field(default=None, alias="_expand")


class BesluitInformatieObjectExpand(ExpandModel):
    """Resources embedded under a besluitinformatieobject's ``_expand``."""

    informatieobject: EnkelvoudigInformatieObject | None = None
    besluit: Besluit | None = None


class BesluitInformatieObject(ZGWModel):
    """Links a besluit to a document that records it (list endpoint is a plain array)."""

    url: Reference
    informatieobject: Reference | None = None
    besluit: Reference | None = None
    expand: BesluitInformatieObjectExpand | None = Field(default=None, alias="_expand")


#: Path segment (as in ``/besluiten/api/v1/<segment>/<uuid>``) -> model, so a client can pick
#: the model from a URL; ``audittrail`` is the sub-collection ``besluiten/{uuid}/audittrail``.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "besluiten": Besluit,
    "besluitinformatieobjecten": BesluitInformatieObject,
    "audittrail": AuditTrail,
}
