"""The Besluiten API (Open Zaak 1.30, Besluiten 1.1.0): besluiten and their documents.

Resources: besluiten (+ ``audittrail``) and besluitinformatieobjecten (plain array). Bodies
carry only ``url``, no ``uuid``.

Server behaviour copied: a besluit with a ``zaak`` in this backend shows up in that zaak's
``zaken/{uuid}/besluiten`` list (Open Zaak keeps a ZaakBesluit for it) and its besluittype must
belong to the zaaktype; ``identificatie`` is generated (``BESLUIT-<year>-<number>``) and unique
per ``verantwoordelijkeOrganisatie``; a besluitinformatieobject needs an informatieobjecttype
the besluittype lists, and is mirrored as an objectinformatieobject in the Documenten API.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from ._collections import Collection
from ._documenten_base import mirror_link, unmirror_link
from ._filters import Filter
from ._problems import InvalidParam, validation_error
from ._router import RequestContext
from ._types import JSON
from ._zaken import AuditTrail

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

BESLUITEN = "besluiten"

_VERVALREDENEN = {
    "": "",
    "tijdelijk": "Besluit met tijdelijke werking",
    "ingetrokken_overheid": "Besluit ingetrokken door overheid",
    "ingetrokken_belanghebbende": "Besluit ingetrokken o.v.v. belanghebbende",
}


def _key(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


class Besluiten(Collection):
    api = BESLUITEN
    name = "besluiten"
    uuid_field = False
    newest_first = True
    required = ("verantwoordelijkeOrganisatie", "besluittype", "datum", "ingangsdatum")
    url_fields = ("besluittype", "zaak")
    date_fields = (
        "datum",
        "ingangsdatum",
        "vervaldatum",
        "publicatiedatum",
        "verzenddatum",
        "uiterlijkeReactiedatum",
    )
    rsin_fields = ("verantwoordelijkeOrganisatie",)
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"vervalreden": tuple(_VERVALREDENEN)}
    references: ClassVar[dict[str, str]] = {
        "besluittype": "catalogi/besluittypen",
        "zaak": "zaken/zaken",
    }
    filters = (
        Filter("identificatie"),
        Filter("verantwoordelijkeOrganisatie"),
        Filter("besluittype", type="url"),
        Filter("zaak", type="url"),
    )
    audit_resource = "besluit"

    def defaults(self) -> JSON:
        return {
            "identificatie": "",
            "verantwoordelijkeOrganisatie": "",
            "besluittype": "",
            "zaak": "",
            "datum": None,
            "toelichting": "",
            "bestuursorgaan": "",
            "ingangsdatum": None,
            "vervaldatum": None,
            "vervalreden": "",
            "vervalredenWeergave": "",
            "publicatiedatum": None,
            "verzenddatum": None,
            "uiterlijkeReactiedatum": None,
        }

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        identificatie = body.get("identificatie")
        organisatie = body.get("verantwoordelijkeOrganisatie")
        if identificatie and any(
            b.get("identificatie") == identificatie
            and b.get("verantwoordelijkeOrganisatie") == organisatie
            and (previous is None or b["url"] != previous["url"])
            for b in self.table.values()
        ):
            raise validation_error(
                InvalidParam(
                    "identificatie",
                    "identificatie-niet-uniek",
                    f"Deze identificatie ({identificatie}) bestaat al voor deze "
                    "verantwoordelijke organisatie",
                )
            )
        self._check_zaaktype(body, previous)

    def _check_zaaktype(self, body: JSON, previous: JSON | None) -> None:
        """The besluittype must list the zaaktype of the zaak (when both are known here)."""
        zaak_url = body.get("zaak") or (previous or {}).get("zaak")
        besluittype_url = body.get("besluittype") or (previous or {}).get("besluittype")
        zaak = self.backend.get(str(zaak_url or ""))
        besluittype = self.backend.resolve(str(besluittype_url or ""))
        if not zaak or not besluittype or not zaak.get("zaaktype"):
            return
        if zaak["zaaktype"] not in (besluittype.get("zaaktypen") or []):
            raise validation_error(
                InvalidParam(
                    "nonFieldErrors",
                    "zaaktype-mismatch",
                    "De referentie hoort niet bij het zaaktype van de zaak.",
                )
            )

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if not body.get("identificatie"):
            body["identificatie"] = self._identificatie(body)
        body["zaak"] = body.get("zaak") or ""
        body["vervalreden"] = body.get("vervalreden") or ""
        body["vervalredenWeergave"] = _VERVALREDENEN.get(body["vervalreden"], "")

    def _identificatie(self, body: JSON) -> str:
        year = str(body.get("datum") or dt.date.today().isoformat())[:4]
        taken = {b.get("identificatie") for b in self.table.values()}
        while True:
            candidate = f"BESLUIT-{year}-{self.backend.next_number('besluit'):010d}"
            if candidate not in taken:
                return candidate

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        """Keep the zaak's ``zaken/{uuid}/besluiten`` entry in step with ``zaak``."""
        old_zaak = (previous or {}).get("zaak") or ""
        if old_zaak and old_zaak != body["zaak"]:
            self._unlink(old_zaak, body["url"])
        zaak = str(body["zaak"])
        if not zaak.startswith(self.backend.api_roots["zaken"]):
            return
        linked = self.backend.related("zaken", "zaakbesluiten", "zaak").get(zaak, [])
        if not any(z.get("besluit") == body["url"] for z in linked):
            # Open Zaak makes the ZaakBesluit itself: no audit trail entry for the zaak
            links = self.backend.collections[("zaken", "zaakbesluiten")]
            links.insert({"zaak": zaak, "besluit": body["url"]})

    def after_delete(self, body: JSON) -> None:
        if body.get("zaak"):
            self._unlink(str(body["zaak"]), body["url"])
        bios = self.backend.related(BESLUITEN, "besluitinformatieobjecten", "besluit")
        for bio in list(bios.get(body["url"], [])):
            self.backend.unstore(BESLUITEN, "besluitinformatieobjecten", _key(bio["url"]))
            unmirror_link(self.backend, bio["informatieobject"], bio["besluit"])

    def _unlink(self, zaak: str, besluit: str) -> None:
        for link in list(self.backend.related("zaken", "zaakbesluiten", "zaak").get(zaak, [])):
            if link.get("besluit") == besluit:
                self.backend.unstore("zaken", "zaakbesluiten", _key(link["url"]))

    def audit_main_object(self, body: JSON) -> str | None:
        return str(body["url"])


class BesluitInformatieObjecten(Collection):
    api = BESLUITEN
    name = "besluitinformatieobjecten"
    uuid_field = False
    paginated = False
    operations = frozenset({"list", "create", "read", "delete"})
    required = ("informatieobject", "besluit")
    url_fields = ("informatieobject", "besluit")
    references: ClassVar[dict[str, str]] = {
        "informatieobject": "documenten/enkelvoudiginformatieobjecten",
        "besluit": "besluiten/besluiten",
    }
    filters = (Filter("besluit", type="url"), Filter("informatieobject", type="url"))
    audit_resource = "besluitinformatieobject"

    def defaults(self) -> JSON:
        return {"informatieobject": "", "besluit": ""}

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        existing = self.backend.related(BESLUITEN, self.name, "besluit").get(body["besluit"], [])
        if any(b.get("informatieobject") == body["informatieobject"] for b in existing):
            raise validation_error(
                InvalidParam(
                    "nonFieldErrors",
                    "unique",
                    "De velden besluit, informatieobject moeten een unieke set zijn.",
                )
            )
        besluit = self.backend.get(body["besluit"]) or {}
        besluittype = self.backend.resolve(str(besluit.get("besluittype") or ""))
        document = self.backend.get(body["informatieobject"])
        if besluittype is None or document is None:
            return  # not in this backend: Open Zaak would fetch them, we cannot check
        if document.get("informatieobjecttype") not in besluittype.get("informatieobjecttypen", []):
            raise validation_error(
                InvalidParam(
                    "nonFieldErrors",
                    "missing-besluittype-informatieobjecttype-relation",
                    "Het informatieobjecttype hoort niet bij het besluittype van de besluit.",
                )
            )

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        """Open Zaak mirrors the relation as an objectinformatieobject in Documenten."""
        if previous is None:
            mirror_link(self.backend, body["informatieobject"], body["besluit"], "besluit")

    def after_delete(self, body: JSON) -> None:
        unmirror_link(self.backend, body["informatieobject"], body["besluit"])

    def audit_main_object(self, body: JSON) -> str | None:
        besluit = body.get("besluit")
        return besluit if isinstance(besluit, str) and besluit else None


class BesluitAuditTrail(AuditTrail):
    """``besluiten/{uuid}/audittrail`` (plain array)."""

    api = BESLUITEN
    path = "besluiten/{besluit_uuid}/audittrail"
    parent = ("besluit_uuid", "hoofdObject")


COLLECTIONS: tuple[type[Collection], ...] = (
    Besluiten,
    BesluitInformatieObjecten,
    BesluitAuditTrail,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Besluiten API collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
