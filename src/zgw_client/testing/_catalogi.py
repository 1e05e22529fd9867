"""The Catalogi API (Open Zaak 1.30, Catalogi 1.3.1): the types the other APIs point at.

Resources: catalogussen, zaaktypen, statustypen, resultaattypen, roltypen, eigenschappen,
informatieobjecttypen, besluittypen and zaaktype-informatieobjecttypen. Catalogi bodies carry
only ``url``, no ``uuid``.

Server behaviour copied:

* back-references are computed at read time: ``catalogus.zaaktypen``,
  ``zaaktype.statustypen`` (highest ``volgnummer`` first), ``besluittype.zaaktypen``, ... ;
  many-to-many ones also keep what a seed gave, so either side can be seeded;
* ``statustype.isEindstatus`` is true for the highest ``volgnummer`` of its zaaktype, and the
  parts of a zaaktype take ``zaaktypeIdentificatie`` and ``catalogus`` from it;
* lists are newest first and hide concepts unless ``status=alles|concept`` is given
  (``definitief`` is the default); only concepts can be deleted;
* types created over HTTP start as concept (``POST .../publish`` publishes them);
  ``backend.add`` seeds them published unless ``concept`` is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from ._catalogi_base import (
    _DATUM_GELDIGHEID,
    _GELDIGHEID,
    _OMSCHRIJVING_GENERIEK,
    VERTROUWELIJKHEID,
    ArrayFilter,
    CatalogiResource,
    Contains,
    PublishableResource,
    ZaaktypePart,
    _own_concept,
    _status,
    _zaaktype_part_filters,
    _ziot_concept,
    merged,
)
from ._collections import Collection
from ._filters import Filter
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


# -- filters shared with the Documenten API ----------------------------------------------


# -- helpers ------------------------------------------------------------------------------


# -- collections --------------------------------------------------------------------------


class Catalogussen(CatalogiResource):
    name = "catalogussen"
    operations = frozenset({"list", "create", "read"})
    required = ("domein", "rsin", "contactpersoonBeheerNaam")
    rsin_fields = ("rsin",)
    date_fields = ("begindatumVersie",)
    filters = (
        Filter("domein"),
        Filter("domein__in"),
        Filter("rsin"),
        Filter("rsin__in"),
    )

    def defaults(self) -> JSON:
        return {
            "domein": "",
            "rsin": "",
            "contactpersoonBeheerNaam": "",
            "contactpersoonBeheerTelefoonnummer": "",
            "contactpersoonBeheerEmailadres": "",
            "zaaktypen": [],
            "besluittypen": [],
            "informatieobjecttypen": [],
            "naam": "",
            "versie": "",
            "begindatumVersie": None,
        }

    def derive(self, rendered: JSON) -> None:
        url = rendered["url"]
        for field in ("zaaktypen", "besluittypen", "informatieobjecttypen"):
            rendered[field] = [b["url"] for b in self.children(field, "catalogus", url)]


class Zaaktypen(PublishableResource):
    name = "zaaktypen"
    required = (
        "omschrijving",
        "vertrouwelijkheidaanduiding",
        "doel",
        "aanleiding",
        "indicatieInternOfExtern",
        "handelingInitiator",
        "onderwerp",
        "handelingBehandelaar",
        "doorlooptijd",
        "opschortingEnAanhoudingMogelijk",
        "verlengingMogelijk",
        "publicatieIndicatie",
        "productenOfDiensten",
        "referentieproces",
        "verantwoordelijke",
        "beginGeldigheid",
        "versiedatum",
        "catalogus",
        "besluittypen",
        "gerelateerdeZaaktypen",
    )
    url_fields = ("catalogus", "selectielijstProcestype")
    date_fields = ("beginGeldigheid", "eindeGeldigheid", "versiedatum")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "vertrouwelijkheidaanduiding": VERTROUWELIJKHEID,
        "indicatieInternOfExtern": ("intern", "extern"),
    }
    references: ClassVar[dict[str, str]] = {"catalogus": "catalogi/catalogussen"}
    filters = (
        Filter("catalogus", type="url"),
        Filter("identificatie"),
        Filter("identificatie__icontains"),
        Filter("omschrijving__icontains"),
        ArrayFilter("trefwoorden"),
        _status(_own_concept),
        _DATUM_GELDIGHEID,
    )

    def defaults(self) -> JSON:
        return {
            "identificatie": "",
            "omschrijving": "",
            "omschrijvingGeneriek": "",
            "vertrouwelijkheidaanduiding": "",
            "doel": "",
            "aanleiding": "",
            "toelichting": "",
            "indicatieInternOfExtern": "",
            "handelingInitiator": "",
            "onderwerp": "",
            "handelingBehandelaar": "",
            "doorlooptijd": None,
            "servicenorm": None,
            "opschortingEnAanhoudingMogelijk": False,
            "verlengingMogelijk": False,
            "verlengingstermijn": None,
            "trefwoorden": [],
            "publicatieIndicatie": False,
            "publicatietekst": "",
            "verantwoordingsrelatie": [],
            "productenOfDiensten": [],
            "selectielijstProcestype": "",
            "referentieproces": {"naam": "", "link": ""},
            "concept": False,
            "verantwoordelijke": "",
            "broncatalogus": {"url": "", "domein": "", "rsin": ""},
            "bronzaaktype": {"url": "", "identificatie": "", "omschrijving": ""},
            "beginGeldigheid": None,
            "eindeGeldigheid": None,
            "versiedatum": None,
            "beginObject": None,
            "eindeObject": None,
            "catalogus": "",
            "statustypen": [],
            "resultaattypen": [],
            "eigenschappen": [],
            "informatieobjecttypen": [],
            "roltypen": [],
            "besluittypen": [],
            "deelzaaktypen": [],
            "gerelateerdeZaaktypen": [],
            "zaakobjecttypen": [],
        }

    def derive(self, rendered: JSON) -> None:
        url = rendered["url"]
        statustypen = sorted(
            self.children("statustypen", "zaaktype", url),
            key=lambda s: int(s.get("volgnummer") or 0),
            reverse=True,
        )
        rendered["statustypen"] = [s["url"] for s in statustypen]
        for field in ("resultaattypen", "eigenschappen", "roltypen"):
            rendered[field] = [b["url"] for b in self.children(field, "zaaktype", url)]
        ziots = sorted(
            self.children("zaaktype-informatieobjecttypen", "zaaktype", url),
            key=lambda z: int(z.get("volgnummer") or 0),
        )
        rendered["informatieobjecttypen"] = merged(
            rendered["informatieobjecttypen"], (z["informatieobjecttype"] for z in ziots)
        )
        rendered["besluittypen"] = merged(
            rendered["besluittypen"],
            (b["url"] for b in self.containing("besluittypen", "zaaktypen", url)),
        )


class Statustypen(ZaaktypePart):
    name = "statustypen"
    required = ("omschrijving", "zaaktype", "volgnummer")
    filters = _zaaktype_part_filters()

    def defaults(self) -> JSON:
        return {
            "omschrijving": "",
            "omschrijvingGeneriek": "",
            "statustekst": "",
            "zaaktype": "",
            "zaaktypeIdentificatie": "",
            "volgnummer": None,
            "isEindstatus": False,
            "informeren": False,
            "doorlooptijd": None,
            "toelichting": None,
            "checklistitemStatustype": [],
            "catalogus": "",
            "eigenschappen": [],
            "zaakobjecttypen": [],
            **_GELDIGHEID,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        # computed on every read; the Zaken module falls back to the same rule
        body.pop("isEindstatus", None)

    def derive(self, rendered: JSON) -> None:
        super().derive(rendered)
        siblings = self.children("statustypen", "zaaktype", str(rendered["zaaktype"]))
        highest = max((int(s.get("volgnummer") or 0) for s in siblings), default=0)
        rendered["isEindstatus"] = bool(siblings) and int(rendered["volgnummer"] or 0) >= highest
        rendered["eigenschappen"] = [
            e["url"] for e in self.children("eigenschappen", "statustype", rendered["url"])
        ]


class Resultaattypen(ZaaktypePart):
    name = "resultaattypen"
    required = ("zaaktype", "omschrijving", "resultaattypeomschrijving", "selectielijstklasse")
    url_fields = ("zaaktype", "resultaattypeomschrijving", "selectielijstklasse")
    filters = _zaaktype_part_filters()

    def defaults(self) -> JSON:
        return {
            "zaaktype": "",
            "zaaktypeIdentificatie": "",
            "omschrijving": "",
            "resultaattypeomschrijving": "",
            "omschrijvingGeneriek": "",
            "selectielijstklasse": "",
            "toelichting": "",
            "archiefnominatie": "",
            "archiefactietermijn": None,
            "brondatumArchiefprocedure": None,
            "procesobjectaard": "",
            "indicatieSpecifiek": None,
            "procestermijn": None,
            "catalogus": "",
            "besluittypen": [],
            "besluittypeOmschrijving": [],
            "informatieobjecttypen": [],
            "informatieobjecttypeOmschrijving": [],
            **_GELDIGHEID,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        procedure = body.get("brondatumArchiefprocedure")
        if isinstance(procedure, dict):
            body["brondatumArchiefprocedure"] = {
                "afleidingswijze": "",
                "datumkenmerk": "",
                "einddatumBekend": False,
                "objecttype": "",
                "registratie": "",
                "procestermijn": None,
                **procedure,
            }

    def derive(self, rendered: JSON) -> None:
        super().derive(rendered)
        rendered["besluittypeOmschrijving"] = self.omschrijvingen(rendered["besluittypen"])
        rendered["informatieobjecttypeOmschrijving"] = self.omschrijvingen(
            rendered["informatieobjecttypen"]
        )


class Roltypen(ZaaktypePart):
    name = "roltypen"
    required = ("zaaktype", "omschrijving", "omschrijvingGeneriek")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "omschrijvingGeneriek": _OMSCHRIJVING_GENERIEK,
    }
    filters = _zaaktype_part_filters(
        Contains("omschrijving"),
        Filter("omschrijvingGeneriek", type="choice", choices=_OMSCHRIJVING_GENERIEK),
    )

    def defaults(self) -> JSON:
        return {
            "zaaktype": "",
            "zaaktypeIdentificatie": "",
            "omschrijving": "",
            "omschrijvingGeneriek": "",
            "catalogus": "",
            **_GELDIGHEID,
        }


class Eigenschappen(ZaaktypePart):
    name = "eigenschappen"
    required = ("naam", "definitie", "specificatie", "zaaktype")
    url_fields = ("zaaktype", "statustype")
    references: ClassVar[dict[str, str]] = {
        "zaaktype": "catalogi/zaaktypen",
        "statustype": "catalogi/statustypen",
    }
    filters = _zaaktype_part_filters()

    def defaults(self) -> JSON:
        return {
            "naam": "",
            "definitie": "",
            "specificatie": {
                "groep": "",
                "formaat": "",
                "lengte": "",
                "kardinaliteit": "",
                "waardenverzameling": [],
            },
            "toelichting": "",
            "zaaktype": "",
            "zaaktypeIdentificatie": "",
            "catalogus": "",
            "statustype": None,
            **_GELDIGHEID,
        }


class Informatieobjecttypen(PublishableResource):
    name = "informatieobjecttypen"
    required = (
        "catalogus",
        "omschrijving",
        "vertrouwelijkheidaanduiding",
        "beginGeldigheid",
        "informatieobjectcategorie",
    )
    url_fields = ("catalogus",)
    date_fields = ("beginGeldigheid", "eindeGeldigheid")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "vertrouwelijkheidaanduiding": VERTROUWELIJKHEID,
    }
    references: ClassVar[dict[str, str]] = {"catalogus": "catalogi/catalogussen"}
    filters = (
        Filter("catalogus", type="url"),
        Filter("omschrijving"),
        Filter("omschrijving__icontains"),
        Filter("zaaktype", type="url", field="zaaktypen"),
        _status(_own_concept),
        _DATUM_GELDIGHEID,
    )

    def defaults(self) -> JSON:
        return {
            "catalogus": "",
            "omschrijving": "",
            "vertrouwelijkheidaanduiding": "",
            "beginGeldigheid": None,
            "eindeGeldigheid": None,
            "concept": False,
            "besluittypen": [],
            "informatieobjectcategorie": "",
            "trefwoord": [],
            "omschrijvingGeneriek": {
                "informatieobjecttypeOmschrijvingGeneriek": "",
                "definitieInformatieobjecttypeOmschrijvingGeneriek": "",
                "herkomstInformatieobjecttypeOmschrijvingGeneriek": "",
                "hierarchieInformatieobjecttypeOmschrijvingGeneriek": "",
                "opmerkingInformatieobjecttypeOmschrijvingGeneriek": "",
            },
            "zaaktypen": [],
            "beginObject": None,
            "eindeObject": None,
        }

    def derive(self, rendered: JSON) -> None:
        url = rendered["url"]
        ziots = self.children("zaaktype-informatieobjecttypen", "informatieobjecttype", url)
        rendered["zaaktypen"] = merged(
            rendered["zaaktypen"],
            (z["zaaktype"] for z in ziots),
            (z["url"] for z in self.containing("zaaktypen", "informatieobjecttypen", url)),
        )
        rendered["besluittypen"] = merged(
            rendered["besluittypen"],
            (b["url"] for b in self.containing("besluittypen", "informatieobjecttypen", url)),
        )


class Besluittypen(PublishableResource):
    name = "besluittypen"
    required = ("catalogus", "publicatieIndicatie", "informatieobjecttypen", "beginGeldigheid")
    url_fields = ("catalogus",)
    date_fields = ("beginGeldigheid", "eindeGeldigheid")
    references: ClassVar[dict[str, str]] = {"catalogus": "catalogi/catalogussen"}
    filters = (
        Filter("catalogus", type="url"),
        Filter("zaaktypen", type="url"),
        Filter("informatieobjecttypen", type="url"),
        Filter("omschrijving"),
        _status(_own_concept),
        _DATUM_GELDIGHEID,
    )

    def defaults(self) -> JSON:
        return {
            "catalogus": "",
            "zaaktypen": [],
            "omschrijving": "",
            "omschrijvingGeneriek": "",
            "besluitcategorie": "",
            "reactietermijn": None,
            "publicatieIndicatie": False,
            "publicatietekst": "",
            "publicatietermijn": None,
            "toelichting": "",
            "informatieobjecttypen": [],
            "beginGeldigheid": None,
            "eindeGeldigheid": None,
            "concept": False,
            "resultaattypen": [],
            "resultaattypenOmschrijving": [],
            "vastgelegdIn": [],
            "beginObject": None,
            "eindeObject": None,
        }

    def derive(self, rendered: JSON) -> None:
        url = rendered["url"]
        rendered["zaaktypen"] = merged(
            rendered["zaaktypen"],
            (z["url"] for z in self.containing("zaaktypen", "besluittypen", url)),
        )
        resultaattypen = self.containing("resultaattypen", "besluittypen", url)
        rendered["resultaattypen"] = [r["url"] for r in resultaattypen]
        rendered["resultaattypenOmschrijving"] = [r.get("omschrijving", "") for r in resultaattypen]
        rendered["vastgelegdIn"] = self.omschrijvingen(rendered["informatieobjecttypen"])


class ZaaktypeInformatieobjecttypen(ZaaktypePart):
    name = "zaaktype-informatieobjecttypen"
    required = ("zaaktype", "informatieobjecttype", "volgnummer", "richting")
    url_fields = ("zaaktype", "informatieobjecttype", "statustype")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "richting": ("inkomend", "intern", "uitgaand"),
    }
    references: ClassVar[dict[str, str]] = {
        "zaaktype": "catalogi/zaaktypen",
        "informatieobjecttype": "catalogi/informatieobjecttypen",
        "statustype": "catalogi/statustypen",
    }
    filters = (
        Filter("zaaktype", type="url"),
        Filter("informatieobjecttype", type="url"),
        Filter("richting", type="choice", choices=("inkomend", "intern", "uitgaand")),
        _status(_ziot_concept),
    )

    def defaults(self) -> JSON:
        return {
            "zaaktype": "",
            "zaaktypeIdentificatie": "",
            "informatieobjecttype": "",
            "volgnummer": None,
            "richting": "",
            "statustype": None,
            "catalogus": "",
        }

    def concept(self, body: JSON) -> bool:
        iotype = self.backend.get(str(body.get("informatieobjecttype") or "")) or {}
        return super().concept(body) or bool(iotype.get("concept"))


COLLECTIONS: tuple[type[Collection], ...] = (
    Catalogussen,
    Zaaktypen,
    Statustypen,
    Resultaattypen,
    Roltypen,
    Eigenschappen,
    Informatieobjecttypen,
    Besluittypen,
    ZaaktypeInformatieobjecttypen,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Catalogi API collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
