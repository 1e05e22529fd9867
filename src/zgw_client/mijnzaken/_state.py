"""What one MijnZaken composition has learnt: typed, by what it is, not by string keys."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..besluiten.models import Besluit
from ..catalogi.models import (
    Besluittype,
    Informatieobjecttype,
    Resultaattype,
    Statustype,
    Zaaktype,
)
from ..contact import Contactmoment
from ..documenten.models import EnkelvoudigInformatieObject
from ..klantinteracties.models import Klantcontact
from ..objecten.taken import Taak
from ..zaken.models import Resultaat, Rol, Status, Zaak
from .models import Missing

__all__ = ["MODELS", "Fetched"]

#: The resources a composition fetches one by one (``Fetch.model``), by name.
MODELS: dict[str, type[Any]] = {
    "zaaktype": Zaaktype,
    "status": Status,
    "statustype": Statustype,
    "resultaat": Resultaat,
    "resultaattype": Resultaattype,
    "informatieobjecttype": Informatieobjecttype,
    "besluittype": Besluittype,
}


@dataclass
class Fetched:
    """Everything fetched for one composition, and what failed.

    Lists are keyed by the URL of what they belong to (a zaak, a zaaktype); single
    resources by their own URL, whether they came alone, in a list or embedded.
    """

    #: Zaaktypen, statussen, resultaten and the types, by URL.
    resources: dict[str, Any] = field(default_factory=dict)
    statustypen_of: dict[str, list[Statustype]] = field(default_factory=dict)
    besluittypen_of: dict[str, list[Besluittype]] = field(default_factory=dict)
    rollen_of: dict[str, list[Rol]] = field(default_factory=dict)
    statussen_of: dict[str, list[Status]] = field(default_factory=dict)
    documenten_of: dict[str, list[EnkelvoudigInformatieObject]] = field(default_factory=dict)
    besluiten_of: dict[str, list[Besluit]] = field(default_factory=dict)
    contacts_of: dict[str, list[Contactmoment]] = field(default_factory=dict)
    #: The subject's own klantcontacten (all zaken), when asked for and found.
    subject_contacts: list[Klantcontact] | None = None
    #: The subject's klantcontacten grouped by the UUID of the zaak they are about.
    subject_contacts_by_zaak: dict[str, list[Klantcontact]] | None = None
    taken: list[Taak] = field(default_factory=list)
    #: The zaken the subject may see, by URL, with the service they came from.
    visible: dict[str, tuple[Zaak, str]] = field(default_factory=dict)
    missing: list[Missing] = field(default_factory=list)

    def get(self, url: str | None, model: type[Any]) -> Any:
        """The resource at ``url`` if it was fetched and is a ``model``, else ``None``."""
        value = self.resources.get(url or "")
        return value if isinstance(value, model) else None

    def remember_embedded(self, zaak: Zaak) -> None:
        """Keep what the zaak's ``_expand`` holds, so that it is not fetched again."""
        expand = zaak.expand
        if expand is None:
            return
        if expand.zaaktype is not None and zaak.zaaktype:
            self.resources[zaak.zaaktype] = expand.zaaktype
        if expand.status is not None and zaak.status:
            self.resources[zaak.status] = expand.status
            nested = expand.status.expand
            if nested is not None and nested.statustype is not None:
                self.resources[expand.status.statustype or ""] = nested.statustype
        if expand.resultaat is not None and zaak.resultaat:
            self.resources[zaak.resultaat] = expand.resultaat
            nested_r = expand.resultaat.expand
            if nested_r is not None and nested_r.resultaattype is not None:
                self.resources[expand.resultaat.resultaattype or ""] = nested_r.resultaattype
