"""The requests a MijnZaken composition can ask for, as data.

Each is a frozen description: which service, which list or URL, which filters, and how
urgent it is (``priority`` 0: its answer unlocks further requests, so it goes before the
lists that only fill a view; 1: the rest). The plan
(``_plan.py``) decides which to ask and when; each face's composer turns one into a call
on the public client API. Being values, they are compared and remembered, so that nothing
is asked twice in one composition.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = [
    "BerichtenOf",
    "BesluitenOf",
    "BesluittypenOf",
    "ContactsAbout",
    "DocumentSearch",
    "DocumentenOf",
    "Fetch",
    "OpenTaken",
    "PlanRequest",
    "ProductenOf",
    "RollenOf",
    "StatussenOf",
    "StatustypenOf",
    "SubjectContacts",
    "TakenOfZaak",
    "VTBTakenOf",
    "ZaakWith",
    "ZakenOf",
]

Filters = tuple[tuple[str, Any], ...]


@dataclass(frozen=True)
class ZakenOf:
    """The subject's zaken on one Zaken service, as sent (raw items)."""

    service: str
    filters: Filters
    slots: int = 1
    priority: int = 0


@dataclass(frozen=True)
class RollenOf:
    """The subject's rollen on one Zaken service: they decide which zaken are theirs.
    Not urgent: they are needed once the zaaktypen are in, a round trip after the zaken."""

    service: str
    filters: Filters
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class OpenTaken:
    """The subject's open taken in the Objects API (two taak shapes, asked at once)."""

    bsn: str | None
    kvk: str | None
    slots: int = 2
    priority: int = 1


@dataclass(frozen=True)
class SubjectContacts:
    """Every klantcontact the subject took part in, in one list."""

    soort: str
    value: str
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class Fetch:
    """One resource by URL, parsed as the model named by ``model``."""

    url: str
    model: str  # "zaaktype", "statustype", ... (see _plan.MODELS)
    slots: int = 1
    priority: int = 0


@dataclass(frozen=True)
class StatustypenOf:
    """A zaaktype's statustypen, in its own catalogus: the steps, and every status's type."""

    zaaktype: str
    slots: int = 1
    priority: int = 0


@dataclass(frozen=True)
class BesluittypenOf:
    """A zaaktype's besluittypen, in one list."""

    zaaktype: str
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class StatussenOf:
    """A zaak's status history."""

    zaak: str
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class DocumentenOf:
    """A zaak's documents, in one list on the Documenten service ``service``."""

    zaak: str
    service: str
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class DocumentSearch:
    """The documents of several zaken in one search on ``service``, by UUID."""

    service: str
    uuids: tuple[str, ...]
    slots: int = 1
    priority: int = 0


@dataclass(frozen=True)
class BesluitenOf:
    """A zaak's besluiten on the Besluiten service ``service``."""

    zaak: str
    service: str
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class ContactsAbout:
    """The contact moments about one zaak (when there is no list of the subject's own)."""

    zaak: str
    zaak_uuid: str
    slots: int = 1
    priority: int = 1


@dataclass(frozen=True)
class TakenOfZaak:
    """Every taak linked to one zaak (three ways of linking, asked at once)."""

    zaak: str
    slots: int = 3
    priority: int = 1


@dataclass(frozen=True)
class ZaakWith:
    """One zaak with ``expand``: the start of a zaak's detail or a question."""

    url: str
    expand: tuple[str, ...]
    slots: int = 1
    priority: int = 0


@dataclass(frozen=True)
class VTBTakenOf:
    """The party's open taken in Open VTB (``isToegewezenAan``; the list has no filters, so
    it is read whole, ``slots`` pages at once after the first)."""

    party: str  # the party URN
    slots: int = 2
    priority: int = 1


@dataclass(frozen=True)
class BerichtenOf:
    """The party's published berichten in Open VTB, newest first (read whole, as above)."""

    party: str  # the party URN
    now: str  # ISO moment that counts as now for ``publicatiedatum``
    slots: int = 2
    priority: int = 1


@dataclass(frozen=True)
class ProductenOf:
    """The party's products in Open Product (one filtered list)."""

    bsn: str | None
    kvk: str | None
    vestigingsnummer: str | None
    slots: int = 1
    priority: int = 1


PlanRequest = (
    ZakenOf
    | RollenOf
    | OpenTaken
    | SubjectContacts
    | Fetch
    | StatustypenOf
    | BesluittypenOf
    | StatussenOf
    | DocumentenOf
    | DocumentSearch
    | BesluitenOf
    | ContactsAbout
    | TakenOfZaak
    | ZaakWith
    | VTBTakenOf
    | BerichtenOf
    | ProductenOf
)
