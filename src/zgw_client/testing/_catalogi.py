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

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._collections import Collection
from ._filters import Filter, Lookup, parse_date
from ._problems import InvalidParam, validation_error
from ._responses import json_response
from ._router import RequestContext, Router
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

CATALOGI = "catalogi"

VERTROUWELIJKHEID = (
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
)
_STATUS_CHOICES = ("alles", "concept", "definitief")
_OMSCHRIJVING_GENERIEK = (
    "adviseur",
    "behandelaar",
    "belanghebbende",
    "beslisser",
    "initiator",
    "klantcontacter",
    "mede_initiator",
    "zaakcoordinator",
)
_GELDIGHEID: JSON = {
    "beginGeldigheid": None,
    "eindeGeldigheid": None,
    "beginObject": None,
    "eindeObject": None,
}


# -- filters shared with the Documenten API ----------------------------------------------


@dataclass(frozen=True)
class Contains(Filter):
    """A plain parameter name with an ``icontains`` lookup (``omschrijving``, ``titel``)."""

    @property
    def lookup(self) -> Lookup:
        return "icontains"


@dataclass(frozen=True)
class ArrayFilter(Filter):
    """A comma-separated list against a list field: all of it, or any of it (``overlap``)."""

    overlap: bool = False

    def parse(self, raw: Any) -> Any:
        items = raw if isinstance(raw, list) else str(raw).split(",")
        return [str(item) for item in items if item]

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        have = set(self.candidates(ctx, body))
        found = [item in have for item in wanted]
        return any(found) if self.overlap else all(found)


@dataclass(frozen=True)
class ConceptStatus(Filter):
    """``status``: ``concept`` when any candidate is a concept, ``definitief`` when none is."""

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        if wanted == "alles":
            return True
        is_concept = any(bool(c) for c in self.candidates(ctx, body))
        return is_concept == bool(wanted == "concept")


@dataclass(frozen=True)
class Geldigheid(Filter):
    """``datumGeldigheid``: begun on or before the date, and not ended before it."""

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        begin, end = body.get("beginGeldigheid"), body.get("eindeGeldigheid")
        if not begin:
            return False
        started = parse_date(str(begin)) <= wanted
        return bool(started and (not end or parse_date(str(end)) >= wanted))


def _own_concept(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    return [body.get("concept")]


def _zaaktype_concept(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    return [(ctx.backend.get(str(body.get("zaaktype") or "")) or {}).get("concept")]


def _ziot_concept(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    iotype = ctx.backend.get(str(body.get("informatieobjecttype") or "")) or {}
    return [*_zaaktype_concept(ctx, body), iotype.get("concept")]


def _status(values: Any) -> Filter:
    return ConceptStatus("status", type="choice", choices=_STATUS_CHOICES, values=values)


_DATUM_GELDIGHEID = Geldigheid("datumGeldigheid", type="date")


# -- helpers ------------------------------------------------------------------------------


def merged(*lists: Iterable[Any]) -> list[Any]:
    """The items of ``lists`` in order, without duplicates."""
    result: list[Any] = []
    for items in lists:
        result.extend(item for item in items if item not in result)
    return result


class CatalogiResource(Collection):
    """A Catalogi resource: ``url`` only, newest first, concepts hidden by default."""

    api = CATALOGI
    uuid_field = False
    newest_first = True
    delete_refused: ClassVar[tuple[str, str]] = (
        "non-concept-object",
        "Alleen concepten kunnen worden verwijderd.",
    )

    def concept(self, body: JSON) -> bool:
        """Whether the resource counts as a concept (for ``DELETE``)."""
        return bool(body.get("concept", True))

    def derive(self, rendered: JSON) -> None:
        """Fill the read-time fields of a rendered body (in place)."""

    def render(self, body: JSON) -> JSON:
        template = self.defaults()
        rendered: JSON = {"url": body["url"]}
        for key, default in template.items():
            rendered[key] = copy.deepcopy(body.get(key, default))
        if "beginObject" in template:
            rendered["beginObject"] = body.get("beginObject") or rendered.get("beginGeldigheid")
            rendered["eindeObject"] = body.get("eindeObject") or rendered.get("eindeGeldigheid")
        self.derive(rendered)
        return rendered

    def query(
        self, ctx: RequestContext, given: list[tuple[str, Any]], ordering: list[str]
    ) -> list[JSON]:
        """Open Zaak lists only published resources unless ``status`` is given."""
        has_status = any(f.name == "status" for f in self.filters)
        if has_status and not any(name == "status" for name, _ in given):
            given = [*given, ("status", "definitief")]
        return super().query(ctx, given, ordering)

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        if "concept" in self.defaults():
            # read-only: HTTP creates are concepts, updates keep the flag
            body["concept"] = True if previous is None else bool(previous.get("concept"))

    def handle_delete(self, ctx: RequestContext) -> httpx.Response:
        if not self.concept(self.get_or_404(ctx)):
            raise validation_error(InvalidParam("nonFieldErrors", *self.delete_refused))
        return super().handle_delete(ctx)

    # -- lookups used by derive ----------------------------------------------------------

    def children(self, name: str, field: str, url: str) -> list[JSON]:
        """Stored resources of ``name`` whose ``field`` is ``url``."""
        return list(self.backend.related(CATALOGI, name, field).get(url, []))

    def containing(self, name: str, field: str, url: str) -> list[JSON]:
        """Stored resources of ``name`` whose list ``field`` holds ``url``."""
        return [
            b for b in self.backend.table(CATALOGI, name).values() if url in (b.get(field) or [])
        ]

    def omschrijvingen(self, urls: Iterable[str]) -> list[str]:
        found = (self.backend.get(u) for u in urls)
        return [str(b.get("omschrijving", "")) for b in found if b is not None]


class PublishableResource(CatalogiResource):
    """A type with its own ``concept`` flag and a ``publish`` endpoint."""

    def register(self, router: Router) -> None:
        super().register(router)
        router.add(CATALOGI, f"{self.name}/{{uuid}}/publish", {"POST": self.handle_publish})

    def handle_publish(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        body["concept"] = False
        self.backend.store(CATALOGI, self.name, ctx.params["uuid"], body)
        return json_response(200, self.render(body))


class ZaaktypePart(CatalogiResource):
    """A resource that belongs to one zaaktype (and counts as concept when it is one)."""

    references: ClassVar[dict[str, str]] = {"zaaktype": "catalogi/zaaktypen"}
    url_fields: ClassVar[tuple[str, ...]] = ("zaaktype",)
    delete_refused = (
        "non-concept-zaaktype",
        "Objecten gerelateerd aan non-concept zaaktypen kunnen niet verwijderd worden.",
    )

    def concept(self, body: JSON) -> bool:
        return bool((self.backend.get(str(body.get("zaaktype") or "")) or {}).get("concept"))

    def derive(self, rendered: JSON) -> None:
        zaaktype = self.backend.get(str(rendered.get("zaaktype") or "")) or {}
        if "zaaktypeIdentificatie" in rendered:
            rendered["zaaktypeIdentificatie"] = zaaktype.get(
                "identificatie", rendered["zaaktypeIdentificatie"]
            )
        if "catalogus" in rendered:
            rendered["catalogus"] = zaaktype.get("catalogus") or rendered["catalogus"]


def _zaaktype_part_filters(*extra: Filter) -> tuple[Filter, ...]:
    return (
        Filter("zaaktype", type="url"),
        Filter("zaaktypeIdentificatie"),
        _status(_zaaktype_concept),
        _DATUM_GELDIGHEID,
        *extra,
    )


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
