"""What the Documenten resources share: Open Zaak's texts and choices, the base resource."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._collections import Collection
from ._problems import InvalidParam, ProblemError, validation_error
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


DOCUMENTEN = "documenten"


EIO = "enkelvoudiginformatieobjecten"


_STATUSSEN = ("", "in_bewerking", "ter_vaststelling", "definitief", "gearchiveerd")


_OBJECT_TYPES = ("besluit", "verzoek", "zaak")


_READ_ONLY = frozenset({"versie", "beginRegistratie", "locked", "bestandsdelen"})


_NOT_LOCKED = "Een geblokkeerd document kan niet gewijzigd worden"


_FILE_SIZE = "De bestandsomvang van de upload moet overeenkomen met het 'bestandsomvang'-veld"


def _key(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _non_field(code: str, reason: str) -> ProblemError:
    return validation_error(InvalidParam("nonFieldErrors", code, reason))


class DocumentResource(Collection):
    """Part of a document: ``url`` only, writes go into the document's audit trail."""

    api = DOCUMENTEN
    uuid_field = False

    def audit_main_object(self, body: JSON) -> str | None:
        document = body.get("informatieobject")
        return document if isinstance(document, str) and document else None


def mirror_link(
    backend: InMemoryBackend, informatieobject: str, obj: str, object_type: str
) -> None:
    """Add the objectinformatieobject Open Zaak makes when a zaak or besluit links a document."""
    oios = backend.related(DOCUMENTEN, "objectinformatieobjecten", "object")
    if any(o.get("informatieobject") == informatieobject for o in oios.get(obj, [])):
        return
    backend.add(
        DOCUMENTEN,
        "objectinformatieobjecten",
        {"informatieobject": informatieobject, "object": obj, "objectType": object_type},
    )


def unmirror_link(backend: InMemoryBackend, informatieobject: str, obj: str) -> None:
    """Remove the objectinformatieobject that mirrors a zaak's or besluit's document link."""
    oios = backend.related(DOCUMENTEN, "objectinformatieobjecten", "object")
    for oio in list(oios.get(obj, [])):
        if oio.get("informatieobject") == informatieobject:
            backend.unstore(DOCUMENTEN, "objectinformatieobjecten", _key(oio["url"]))
