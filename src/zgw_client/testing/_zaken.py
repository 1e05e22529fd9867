"""The Zaken API (Open Zaak 1.30, Zaken 1.5.1) on the generic collection engine.

Resources: zaken (+ ``_zoek``), statussen, rollen, resultaten, zaakinformatieobjecten
(plain array), zaakobjecten, ``zaken/{uuid}/zaakeigenschappen``, ``zaken/{uuid}/besluiten``
(plain array) and ``zaken/{uuid}/audittrail`` (plain array, written on every change).

Server behaviour copied: the zaak's ``rollen``/``status``/``resultaat``/... are derived from
the other resources at read time; the newest status is the zaak's ``status``; a status whose
statustype is the last one (``isEindstatus``, else highest ``volgnummer``) closes the zaak
(``einddatum``, archive fields from the resultaattype) and needs a resultaat first; every
zaak read carries ``"_expand": {}`` (not the 201/200 of a write); ``_zoek`` with ``expand`` as
a string answers 500, as Open Zaak 1.30 does. Catalogi data (zaaktype, statustypen, ...) is
read from the same backend when it is there.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, ClassVar

import httpx

from ._collections import Collection
from ._documenten_base import mirror_link, unmirror_link
from ._filters import Filter, parse_datetime
from ._problems import InvalidParam, ProblemError, validation_error
from ._router import RequestContext, Router
from ._types import JSON
from ._zaken_rules import (
    _BETALINGSINDICATIE,
    _IDENTIFICATIE_DEFAULTS,
    _OMSCHRIJVING_GENERIEK,
    BETROKKENE_IDENTIFICATIE_FILTERS,
    BETROKKENE_TYPES,
    ZAAK_EXPAND,
    ZAAK_FILTERS,
    ZAKEN,
    ZaakResource,
    add_duration,
    normalize_datetime,
    now_iso,
)

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


# -- small helpers ------------------------------------------------------------------------


# -- filters on zaken that look into related resources -----------------------------------


# -- collections --------------------------------------------------------------------------


class Zaken(Collection):
    api = ZAKEN
    name = "zaken"
    required = ("bronorganisatie", "zaaktype", "verantwoordelijkeOrganisatie", "startdatum")
    url_fields = ("zaaktype", "hoofdzaak", "selectielijstklasse")
    date_fields = (
        "registratiedatum",
        "startdatum",
        "einddatumGepland",
        "uiterlijkeEinddatumAfdoening",
        "publicatiedatum",
        "archiefactiedatum",
    )
    rsin_fields = ("bronorganisatie", "verantwoordelijkeOrganisatie")
    references: ClassVar[dict[str, str]] = {
        "zaaktype": "catalogi/zaaktypen",
        "hoofdzaak": "zaken/zaken",
    }
    filters = ZAAK_FILTERS
    ordering = (
        "startdatum",
        "einddatum",
        "publicatiedatum",
        "archiefactiedatum",
        "registratiedatum",
        "identificatie",
    )
    newest_first = True
    crs = True
    expand = ZAAK_EXPAND
    expand_since = (1, 5)
    audit_resource = "zaak"

    def defaults(self) -> JSON:
        return {
            "identificatie": "",
            "bronorganisatie": "",
            "omschrijving": "",
            "toelichting": "",
            "zaaktype": "",
            "registratiedatum": None,
            "verantwoordelijkeOrganisatie": "",
            "startdatum": None,
            "einddatum": None,
            "einddatumGepland": None,
            "uiterlijkeEinddatumAfdoening": None,
            "publicatiedatum": None,
            "laatstGemuteerd": None,
            "laatstGeopend": None,
            "communicatiekanaal": "",
            "communicatiekanaalNaam": "",
            "productenOfDiensten": [],
            "vertrouwelijkheidaanduiding": "",
            "betalingsindicatie": "",
            "betalingsindicatieWeergave": "",
            "laatsteBetaaldatum": None,
            "zaakgeometrie": None,
            "verlenging": None,
            "opschorting": {"indicatie": False, "eerdereOpschorting": False, "reden": ""},
            "selectielijstklasse": "",
            "hoofdzaak": None,
            "deelzaken": [],
            "relevanteAndereZaken": [],
            "gerelateerdeZaken": [],
            "eigenschappen": [],
            "rollen": [],
            "status": None,
            "zaakinformatieobjecten": [],
            "zaakobjecten": [],
            "kenmerken": [],
            "archiefnominatie": None,
            "archiefstatus": "nog_te_archiveren",
            "archiefactiedatum": None,
            "resultaat": None,
            "opdrachtgevendeOrganisatie": "",
            "processobjectaard": "",
            "startdatumBewaartermijn": None,
            "processobject": {
                "datumkenmerk": "",
                "identificatie": "",
                "objecttype": "",
                "registratie": "",
            },
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        today = dt.date.today()
        if not body.get("registratiedatum"):
            body["registratiedatum"] = today.isoformat()
        if not body.get("identificatie"):
            year = str(body["registratiedatum"])[:4]
            body["identificatie"] = f"ZAAK-{year}-{self.backend.next_number('zaak'):010d}"
        zaaktype = self.backend.get(body.get("zaaktype") or "") or {}
        if not body.get("vertrouwelijkheidaanduiding"):
            body["vertrouwelijkheidaanduiding"] = zaaktype.get(
                "vertrouwelijkheidaanduiding", "openbaar"
            )
        if not body.get("uiterlijkeEinddatumAfdoening") and body.get("startdatum"):
            end = add_duration(
                dt.date.fromisoformat(str(body["startdatum"])[:10]),
                str(zaaktype.get("doorlooptijd") or ""),
            )
            body["uiterlijkeEinddatumAfdoening"] = end.isoformat() if end else None
        body["betalingsindicatieWeergave"] = _BETALINGSINDICATIE.get(
            body.get("betalingsindicatie") or "", ""
        )
        body["laatstGemuteerd"] = now_iso()

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        url = body["url"]
        backend = self.backend

        def urls(collection: str, field: str = "zaak") -> list[str]:
            return [r["url"] for r in backend.related(ZAKEN, collection, field).get(url, [])]

        rendered["deelzaken"] = urls("zaken", "hoofdzaak")
        rendered["eigenschappen"] = urls("zaakeigenschappen")
        rendered["rollen"] = urls("rollen")
        current = current_status(backend.related(ZAKEN, "statussen", "zaak").get(url, []))
        rendered["status"] = current["url"] if current else None
        rendered["zaakinformatieobjecten"] = urls("zaakinformatieobjecten")
        rendered["zaakobjecten"] = urls("zaakobjecten")
        resultaten = urls("resultaten")
        rendered["resultaat"] = resultaten[0] if resultaten else None
        if backend.supports(ZAKEN, self.expand_since):
            rendered["_expand"] = {}
        return rendered

    def render_write(self, body: JSON) -> JSON:
        rendered = self.render(body)
        rendered.pop("_expand", None)
        return rendered

    def audit_main_object(self, body: JSON) -> str | None:
        return str(body["url"])

    def after_delete(self, body: JSON) -> None:
        url = body["url"]
        for name in (
            "statussen",
            "rollen",
            "resultaten",
            "zaakinformatieobjecten",
            "zaakobjecten",
            "zaakeigenschappen",
            "zaakbesluiten",
        ):
            for related in list(self.backend.related(ZAKEN, name, "zaak").get(url, [])):
                self.backend.unstore(ZAKEN, name, related["uuid"])

    def register(self, router: Router) -> None:
        super().register(router)
        router.add(ZAKEN, "zaken/_zoek", {"POST": self.handle_zoek}, crs=True)

    def handle_zoek(self, ctx: RequestContext) -> httpx.Response:
        """``POST zaken/_zoek``: the list filters in the body; ``expand`` must be an array."""
        body = ctx.json_object()
        expand = body.get("expand", [])
        if isinstance(expand, str) and self.backend.supports(ZAKEN, self.expand_since):
            # Open Zaak 1.30 crashes (TypeError) instead of answering 400
            raise ProblemError(500, detail="Internal Server Error")
        ordering = body.get("ordering") or []
        ordering = [ordering] if isinstance(ordering, str) else list(ordering)
        given = [
            (k, v) for k, v in body.items() if k not in ("expand", "ordering", "zaakgeometrie")
        ]
        rows = self.query(ctx, given, ordering)
        expand_values = [str(v) for v in expand] + ctx.query.get_list("expand")
        return self.list_response(ctx, rows, expand_values)


def current_status(statussen: list[JSON]) -> JSON | None:
    """The newest status (by ``datumStatusGezet``; the later insert wins a tie)."""
    best: JSON | None = None
    best_key: dt.datetime | None = None
    for status in statussen:
        try:
            key = parse_datetime(str(status.get("datumStatusGezet")))
        except ValueError:
            continue
        if best_key is None or key >= best_key:
            best, best_key = status, key
    return best


class Statussen(ZaakResource):
    name = "statussen"
    operations = frozenset({"list", "create", "read"})
    required = ("zaak", "statustype", "datumStatusGezet")
    url_fields = ("zaak", "statustype", "gezetdoor")
    datetime_fields = ("datumStatusGezet",)
    references: ClassVar[dict[str, str]] = {
        "zaak": "zaken/zaken",
        "statustype": "catalogi/statustypen",
        "gezetdoor": "zaken/rollen",
    }
    filters = (
        Filter("zaak", type="url"),
        Filter("statustype", type="url"),
        Filter("indicatieLaatstGezetteStatus", type="bool"),
    )
    audit_resource = "status"

    def defaults(self) -> JSON:
        return {
            "zaak": "",
            "statustype": "",
            "datumStatusGezet": None,
            "statustoelichting": "",
            "indicatieLaatstGezetteStatus": False,
            "gezetdoor": None,
            "zaakinformatieobjecten": [],
        }

    def is_eindstatus(self, statustype_url: str) -> bool:
        statustype = self.backend.get(statustype_url)
        if statustype is None:
            return False
        if "isEindstatus" in statustype:
            return bool(statustype["isEindstatus"])
        siblings = self.backend.related("catalogi", "statustypen", "zaaktype").get(
            str(statustype.get("zaaktype")), []
        )
        highest = max((int(s.get("volgnummer") or 0) for s in siblings), default=0)
        return int(statustype.get("volgnummer") or 0) >= highest

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        if self.is_eindstatus(body["statustype"]):
            resultaten = self.backend.related(ZAKEN, "resultaten", "zaak").get(body["zaak"])
            if not resultaten:
                raise validation_error(
                    InvalidParam(
                        "nonFieldErrors",
                        "resultaat-does-not-exist",
                        "Om een zaak af te sluiten moet er een resultaat bestaan.",
                    )
                )

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if body.get("datumStatusGezet"):
            body["datumStatusGezet"] = normalize_datetime(str(body["datumStatusGezet"]))

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        zaak = self.backend.get(body["zaak"])
        if zaak is None:
            return
        current = current_status(
            self.backend.related(ZAKEN, "statussen", "zaak").get(zaak["url"], [])
        )
        if current is None or current["url"] != body["url"]:
            return
        if self.is_eindstatus(body["statustype"]):
            einddatum = str(body["datumStatusGezet"])[:10]
            zaak["einddatum"] = einddatum
            _apply_archive(self, zaak, dt.date.fromisoformat(einddatum))
        else:
            zaak["einddatum"] = None
        zaak["laatstGemuteerd"] = now_iso()
        self.backend.store(ZAKEN, "zaken", zaak["uuid"], zaak)

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        siblings = self.backend.related(ZAKEN, "statussen", "zaak").get(body["zaak"], [])
        current = current_status(siblings)
        rendered["indicatieLaatstGezetteStatus"] = (
            current is not None and current["url"] == body["url"]
        )
        zios = self.backend.related(ZAKEN, "zaakinformatieobjecten", "status").get(body["url"], [])
        rendered["zaakinformatieobjecten"] = [z["url"] for z in zios]
        return rendered


def _apply_archive(collection: Collection, zaak: JSON, einddatum: dt.date) -> None:
    """Derive archiefnominatie/archiefactiedatum from the resultaattype, as Open Zaak does."""
    backend = collection.backend
    resultaten = backend.related(ZAKEN, "resultaten", "zaak").get(zaak["url"], [])
    resultaattype = backend.get(resultaten[0]["resultaattype"]) if resultaten else None
    if not resultaattype:
        return
    zaak["archiefnominatie"] = resultaattype.get("archiefnominatie") or zaak.get("archiefnominatie")
    procedure = resultaattype.get("brondatumArchiefprocedure") or {}
    if procedure.get("afleidingswijze", "afgehandeld") == "afgehandeld":
        zaak["startdatumBewaartermijn"] = einddatum.isoformat()
        termijn = resultaattype.get("archiefactietermijn")
        actie = add_duration(einddatum, str(termijn)) if termijn else None
        zaak["archiefactiedatum"] = actie.isoformat() if actie else None


class Rollen(ZaakResource):
    name = "rollen"
    operations = frozenset({"list", "create", "read", "update", "delete"})
    required = ("zaak", "betrokkeneType", "roltype")
    url_fields = ("zaak", "betrokkene", "roltype")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"betrokkeneType": BETROKKENE_TYPES}
    references: ClassVar[dict[str, str]] = {"zaak": "zaken/zaken", "roltype": "catalogi/roltypen"}
    filters = (
        Filter("zaak", type="url"),
        Filter("betrokkene", type="url"),
        Filter("betrokkeneType", type="choice", choices=BETROKKENE_TYPES),
        Filter("roltype", type="url"),
        Filter("omschrijving"),
        Filter("omschrijvingGeneriek", type="choice", choices=_OMSCHRIJVING_GENERIEK),
        Filter("machtiging", field="indicatieMachtiging"),
        *(
            Filter(
                f"betrokkeneIdentificatie__{kind}__{field}",
                field=f"betrokkeneIdentificatie.{field}",
            )
            for kind, field in BETROKKENE_IDENTIFICATIE_FILTERS
        ),
    )
    audit_resource = "rol"

    def defaults(self) -> JSON:
        return {
            "zaak": "",
            "betrokkene": "",
            "betrokkeneType": "",
            "afwijkendeNaamBetrokkene": "",
            "roltype": "",
            "omschrijving": "",
            "omschrijvingGeneriek": "",
            "roltoelichting": "",
            "registratiedatum": None,
            "indicatieMachtiging": "",
            "contactpersoonRol": {
                "emailadres": "",
                "functie": "",
                "telefoonnummer": "",
                "naam": "",
            },
            "statussen": [],
            "beginGeldigheid": None,
            "eindeGeldigheid": None,
            "betrokkeneIdentificatie": None,
            "authenticatieContext": None,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if not body.get("registratiedatum"):
            body["registratiedatum"] = now_iso()
        roltype = self.backend.get(body.get("roltype") or "")
        if roltype:
            body["omschrijving"] = roltype.get("omschrijving", body.get("omschrijving", ""))
            body["omschrijvingGeneriek"] = roltype.get(
                "omschrijvingGeneriek", body.get("omschrijvingGeneriek", "")
            )
        template = _IDENTIFICATIE_DEFAULTS.get(str(body.get("betrokkeneType")))
        given = body.get("betrokkeneIdentificatie")
        if template is not None and isinstance(given, dict):
            body["betrokkeneIdentificatie"] = {**copy.deepcopy(template), **given}

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        gezet = self.backend.related(ZAKEN, "statussen", "gezetdoor").get(body["url"], [])
        rendered["statussen"] = [s["url"] for s in gezet]
        return rendered


class Resultaten(ZaakResource):
    name = "resultaten"
    required = ("zaak", "resultaattype")
    url_fields = ("zaak", "resultaattype")
    references: ClassVar[dict[str, str]] = {
        "zaak": "zaken/zaken",
        "resultaattype": "catalogi/resultaattypen",
    }
    filters = (Filter("zaak", type="url"), Filter("resultaattype", type="url"))
    audit_resource = "resultaat"

    def defaults(self) -> JSON:
        return {"zaak": "", "resultaattype": "", "toelichting": ""}

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        others = self.backend.related(ZAKEN, "resultaten", "zaak").get(body["zaak"], [])
        if any(previous is None or r["url"] != previous["url"] for r in others):
            raise validation_error(InvalidParam("zaak", "unique", "Dit veld moet uniek zijn."))


class ZaakInformatieObjecten(ZaakResource):
    name = "zaakinformatieobjecten"
    paginated = False
    required = ("informatieobject", "zaak")
    url_fields = ("informatieobject", "zaak", "status")
    datetime_fields = ("vernietigingsdatum",)
    references: ClassVar[dict[str, str]] = {
        "zaak": "zaken/zaken",
        "informatieobject": "documenten/enkelvoudiginformatieobjecten",
        "status": "zaken/statussen",
    }
    filters = (Filter("zaak", type="url"), Filter("informatieobject", type="url"))
    audit_resource = "zaakinformatieobject"

    def defaults(self) -> JSON:
        return {
            "informatieobject": "",
            "zaak": "",
            "aardRelatieWeergave": "Hoort bij, omgekeerd: kent",
            "titel": "",
            "beschrijving": "",
            "registratiedatum": None,
            "vernietigingsdatum": None,
            "status": None,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if not body.get("registratiedatum"):
            body["registratiedatum"] = now_iso()

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        """Open Zaak mirrors the relation as an objectinformatieobject in Documenten."""
        if previous is None:
            mirror_link(self.backend, body["informatieobject"], body["zaak"], "zaak")

    def after_delete(self, body: JSON) -> None:
        unmirror_link(self.backend, body["informatieobject"], body["zaak"])


class ZaakObjecten(ZaakResource):
    name = "zaakobjecten"
    required = ("zaak", "objectType")
    url_fields = ("zaak", "object", "zaakobjecttype")
    references: ClassVar[dict[str, str]] = {"zaak": "zaken/zaken"}
    filters = (Filter("zaak", type="url"), Filter("object", type="url"), Filter("objectType"))
    audit_resource = "zaakobject"

    def defaults(self) -> JSON:
        return {
            "zaak": "",
            "object": "",
            "zaakobjecttype": "",
            "objectType": "",
            "objectTypeOverige": "",
            "objectTypeOverigeDefinitie": None,
            "relatieomschrijving": "",
            "objectIdentificatie": None,
        }

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        if rendered.get("objectIdentificatie") is None:
            rendered.pop("objectIdentificatie", None)
        return rendered


class ZaakEigenschappen(ZaakResource):
    name = "zaakeigenschappen"
    path = "zaken/{zaak_uuid}/zaakeigenschappen"
    parent = ("zaak_uuid", "zaak")
    paginated = False
    required = ("eigenschap", "waarde")
    url_fields = ("eigenschap",)
    references: ClassVar[dict[str, str]] = {"eigenschap": "catalogi/eigenschappen"}
    audit_resource = "zaakeigenschap"

    def defaults(self) -> JSON:
        return {"zaak": "", "eigenschap": "", "naam": "", "waarde": ""}

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        eigenschap = self.backend.get(body.get("eigenschap") or "")
        if eigenschap:
            body["naam"] = eigenschap.get("naam", body.get("naam", ""))


class ZaakBesluiten(ZaakResource):
    name = "zaakbesluiten"
    path = "zaken/{zaak_uuid}/besluiten"
    parent = ("zaak_uuid", "zaak")
    paginated = False
    operations = frozenset({"list", "create", "read", "delete"})
    required = ("besluit",)
    url_fields = ("besluit",)
    references: ClassVar[dict[str, str]] = {"besluit": "besluiten/besluiten"}
    audit_resource = "zaakbesluit"

    def defaults(self) -> JSON:
        return {"besluit": ""}

    def render(self, body: JSON) -> JSON:
        return {k: copy.deepcopy(v) for k, v in body.items() if k != "zaak"}


class AuditTrail(Collection):
    """``zaken/{uuid}/audittrail``: entries written by
    [`InMemoryBackend.record_audit`][zgw_client.testing.InMemoryBackend.record_audit]."""

    api = ZAKEN
    name = "audittrail"
    path = "zaken/{zaak_uuid}/audittrail"
    parent = ("zaak_uuid", "hoofdObject")
    paginated = False
    operations = frozenset({"list", "read"})

    def render(self, body: JSON) -> JSON:
        return {k: copy.deepcopy(v) for k, v in body.items() if k != "url"}


COLLECTIONS: tuple[type[Collection], ...] = (
    Zaken,
    Statussen,
    Rollen,
    Resultaten,
    ZaakInformatieObjecten,
    ZaakObjecten,
    ZaakEigenschappen,
    ZaakBesluiten,
    AuditTrail,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Zaken API collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
