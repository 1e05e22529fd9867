"""What hangs on a document: its links to objects, gebruiksrechten, verzendingen, audit trail."""

from __future__ import annotations

from typing import ClassVar

import httpx

from ._documenten_base import _OBJECT_TYPES, DOCUMENTEN, EIO, DocumentResource, _key, _non_field
from ._filters import Filter
from ._responses import json_response
from ._router import RequestContext
from ._types import JSON
from ._zaken import AuditTrail


class ObjectInformatieObjecten(DocumentResource):
    """The mirror of zaak- and besluitinformatieobjecten, written by those APIs."""

    name = "objectinformatieobjecten"
    paginated = False
    operations = frozenset({"list", "create", "read", "delete"})
    required = ("informatieobject", "object", "objectType")
    url_fields = ("informatieobject", "object")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"objectType": _OBJECT_TYPES}
    references: ClassVar[dict[str, str]] = {"informatieobject": f"{DOCUMENTEN}/{EIO}"}
    filters = (Filter("object", type="url"), Filter("informatieobject", type="url"))

    def defaults(self) -> JSON:
        return {"informatieobject": "", "object": "", "objectType": ""}

    def audit_main_object(self, body: JSON) -> str | None:
        return None

    def handle_create(self, ctx: RequestContext) -> httpx.Response:
        """A relation to a local zaak/besluit already exists (made by that API): answer it."""
        data = self.clean_input(ctx.json_object())
        self.check(ctx, data, None, partial=False)
        target = str(data["object"])
        if target.startswith(f"{self.backend.base_url}/"):
            for oio in self.backend.related(DOCUMENTEN, self.name, "object").get(target, []):
                if oio.get("informatieobject") == data["informatieobject"]:
                    return json_response(201, self.render(oio), {"Location": oio["url"]})
            raise _non_field(
                "inconsistent-relation", "De relatie tussen object en informatieobject bestaat niet"
            )
        return super().handle_create(ctx)


class Gebruiksrechten(DocumentResource):
    name = "gebruiksrechten"
    paginated = False
    required = ("informatieobject", "startdatum", "omschrijvingVoorwaarden")
    url_fields = ("informatieobject",)
    datetime_fields = ("startdatum", "einddatum")
    references: ClassVar[dict[str, str]] = {"informatieobject": f"{DOCUMENTEN}/{EIO}"}
    filters = (
        Filter("informatieobject", type="url"),
        *(
            Filter(f"{field}__{lookup}", type="datetime")
            for field in ("startdatum", "einddatum")
            for lookup in ("lt", "lte", "gt", "gte")
        ),
    )
    expand = frozenset({"informatieobject", "informatieobject.informatieobjecttype"})
    audit_resource = "gebruiksrechten"

    def defaults(self) -> JSON:
        return {
            "informatieobject": "",
            "startdatum": None,
            "einddatum": None,
            "omschrijvingVoorwaarden": "",
        }

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        self._indicate(body["informatieobject"])

    def after_delete(self, body: JSON) -> None:
        self._indicate(body["informatieobject"])

    def _indicate(self, document_url: str) -> None:
        """``indicatieGebruiksrecht``: true while gebruiksrechten exist, else null."""
        document = self.backend.get(document_url)
        if document is None:
            return
        rights = self.backend.related(DOCUMENTEN, self.name, "informatieobject").get(document_url)
        document["indicatieGebruiksrecht"] = True if rights else None
        self.backend.store(DOCUMENTEN, EIO, _key(document_url), document)


class Verzendingen(DocumentResource):
    name = "verzendingen"
    newest_first = True
    required = ("aardRelatie", "betrokkene", "contactPersoon", "informatieobject")
    url_fields = ("betrokkene", "informatieobject", "contactPersoon")
    date_fields = ("ontvangstdatum", "verzenddatum")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "aardRelatie": ("afzender", "geadresseerde"),
    }
    references: ClassVar[dict[str, str]] = {"informatieobject": f"{DOCUMENTEN}/{EIO}"}
    filters = (
        Filter("aardRelatie", type="choice", choices=("afzender", "geadresseerde")),
        Filter("betrokkene", type="url"),
        Filter("informatieobject", type="url"),
    )
    expand = frozenset({"informatieobject", "informatieobject.informatieobjecttype"})
    audit_resource = "verzending"

    def defaults(self) -> JSON:
        return {
            "betrokkene": "",
            "informatieobject": "",
            "aardRelatie": "",
            "toelichting": "",
            "ontvangstdatum": None,
            "verzenddatum": None,
            "contactPersoon": "",
            "contactpersoonnaam": "",
            "binnenlandsCorrespondentieadres": None,
            "buitenlandsCorrespondentieadres": None,
            "correspondentiePostadres": None,
            "faxnummer": "",
            "emailadres": "",
            "mijnOverheid": False,
            "telefoonnummer": "",
        }


class DocumentAuditTrail(AuditTrail):
    """``enkelvoudiginformatieobjecten/{uuid}/audittrail`` (plain array)."""

    api = DOCUMENTEN
    path = f"{EIO}/{{eio_uuid}}/audittrail"
    parent = ("eio_uuid", "hoofdObject")
