"""What the Zaken resources share: Open Zaak's choices and defaults, dates and durations, the
zaak filters, the vertrouwelijkheid ceiling of a token."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..catalogi.models import Vertrouwelijkheidaanduiding
from ._collections import Collection
from ._filters import Filter, FilterType, parse_datetime
from ._problems import INVALID_CHOICE, InvalidParam, validation_error
from ._router import RequestContext
from ._types import JSON

ZAKEN = "zaken"


ZAAK_EXPAND = frozenset(
    {
        "zaaktype",
        "status",
        "status.statustype",
        "resultaat",
        "resultaat.resultaattype",
        "rollen",
        "rollen.roltype",
        "eigenschappen",
        "eigenschappen.eigenschap",
        "zaakinformatieobjecten",
        "zaakobjecten",
    }
    | {
        f"{parent}.{child}"
        for parent in ("hoofdzaak", "deelzaken")
        for child in (
            "resultaat",
            "resultaat.resultaattype",
            "rollen",
            "rollen.roltype",
            "status",
            "status.statustype",
            "zaakinformatieobjecten",
            "zaakobjecten",
            "zaaktype",
        )
    }
    | {"hoofdzaak", "deelzaken"}
)


BETROKKENE_TYPES = (
    "natuurlijk_persoon",
    "niet_natuurlijk_persoon",
    "vestiging",
    "organisatorische_eenheid",
    "medewerker",
)


_IDENTIFICATIE_TYPES = {
    "natuurlijkPersoon": "natuurlijk_persoon",
    "nietNatuurlijkPersoon": "niet_natuurlijk_persoon",
    "vestiging": "vestiging",
    "organisatorischeEenheid": "organisatorische_eenheid",
    "medewerker": "medewerker",
}


_IDENTIFICATIE_DEFAULTS: dict[str, JSON] = {
    "natuurlijk_persoon": {
        "inpBsn": "",
        "anpIdentificatie": "",
        "inpA_nummer": "",
        "geslachtsnaam": "",
        "voorvoegselGeslachtsnaam": "",
        "voorletters": "",
        "voornamen": "",
        "geslachtsaanduiding": "",
        "geboortedatum": "",
        "verblijfsadres": None,
        "subVerblijfBuitenland": None,
    },
    "niet_natuurlijk_persoon": {
        "innNnpId": "",
        "annIdentificatie": "",
        "kvkNummer": "",
        "vestigingsNummer": "",
        "statutaireNaam": "",
        "innRechtsvorm": "",
        "bezoekadres": "",
        "verblijfsadres": None,
        "subVerblijfBuitenland": None,
    },
    "vestiging": {
        "vestigingsNummer": "",
        "handelsnaam": [],
        "verblijfsadres": None,
        "subVerblijfBuitenland": None,
        "kvkNummer": "",
    },
    "organisatorische_eenheid": {"identificatie": "", "naam": "", "isGehuisvestIn": ""},
    "medewerker": {
        "identificatie": "",
        "achternaam": "",
        "voorletters": "",
        "voorvoegselAchternaam": "",
    },
}


_VERTROUWELIJKHEID = tuple(level.value for level in Vertrouwelijkheidaanduiding)


_BETALINGSINDICATIE = {
    "": "",
    "nvt": "Er is geen sprake van te betalen, met de zaak gemoeide, kosten.",
    "nog_niet": "De met de zaak gemoeide kosten zijn (nog) niet betaald.",
    "gedeeltelijk": "De met de zaak gemoeide kosten zijn gedeeltelijk betaald.",
    "geheel": "De met de zaak gemoeide kosten zijn geheel betaald.",
}


_ARCHIEFSTATUS = (
    "nog_te_archiveren",
    "gearchiveerd",
    "gearchiveerd_procestermijn_onbekend",
    "overgedragen",
)


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


def now_iso() -> str:
    """A timestamp as Open Zaak writes it: UTC, microseconds, ``Z``."""
    return (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    )


def normalize_datetime(value: str) -> str:
    parsed = parse_datetime(value).astimezone(dt.timezone.utc)
    return parsed.isoformat().replace("+00:00", "Z")


_DURATION = re.compile(r"^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$")


def add_duration(start: dt.date, duration: str) -> dt.date | None:
    """``start`` plus an ISO 8601 date duration (``P30D``, ``P10Y``, ``P1Y6M``)."""
    found = _DURATION.match(duration or "")
    if not found:
        return None
    years, months, weeks, days = (int(g or 0) for g in found.groups())
    month_index = start.month - 1 + months
    year = start.year + years + month_index // 12
    month = month_index % 12 + 1
    day = start.day
    while True:
        try:
            moved = dt.date(year, month, day)
            break
        except ValueError:
            day -= 1
    return moved + dt.timedelta(weeks=weeks, days=days)


def _uuid_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _rollen_of(ctx: RequestContext, zaak: JSON) -> list[JSON]:
    return ctx.backend.related(ZAKEN, "rollen", "zaak").get(zaak["url"], [])


def _rol_field(path: str) -> Filter:
    """``rol__<field>`` or ``rol__betrokkeneIdentificatie__<type>__<field>`` on zaken."""
    parts = path.split("__")

    def values(ctx: RequestContext, zaak: JSON) -> Iterable[Any]:
        for rol in _rollen_of(ctx, zaak):
            if parts[0] == "betrokkeneIdentificatie":
                if rol.get("betrokkeneType") != _IDENTIFICATIE_TYPES[parts[1]]:
                    continue
                identificatie = rol.get("betrokkeneIdentificatie") or {}
                yield identificatie.get(parts[2])
            elif parts[0] == "machtiging":
                yield rol.get("indicatieMachtiging")
            else:
                yield rol.get(parts[0])

    choices = {"betrokkeneType": BETROKKENE_TYPES, "omschrijvingGeneriek": _OMSCHRIJVING_GENERIEK}
    kind: FilterType = "str"
    if parts[0] == "betrokkene":
        kind = "url"
    elif parts[0] in choices:
        kind = "choice"
    return Filter(f"rol__{path}", type=kind, choices=choices.get(parts[0], ()), values=values)


def _status_statustype(ctx: RequestContext, zaak: JSON) -> Iterable[Any]:
    status = ctx.backend.get(zaak.get("status") or "")
    return [status.get("statustype")] if status else []


def _resultaat_resultaattype(ctx: RequestContext, zaak: JSON) -> Iterable[Any]:
    resultaat = ctx.backend.get(zaak.get("resultaat") or "")
    return [resultaat.get("resultaattype")] if resultaat else []


def _zaaktype_omschrijving(ctx: RequestContext, zaak: JSON) -> Iterable[Any]:
    zaaktype = ctx.backend.get(zaak.get("zaaktype") or "")
    return [zaaktype.get("omschrijving")] if zaaktype else []


def _kenmerken(ctx: RequestContext, zaak: JSON) -> Iterable[Any]:
    return [k.get("kenmerk") for k in zaak.get("kenmerken") or []]


def _kenmerk_bronnen(ctx: RequestContext, zaak: JSON) -> Iterable[Any]:
    return [k.get("bron") for k in zaak.get("kenmerken") or []]


@dataclass(frozen=True)
class MaxVertrouwelijkheid(Filter):
    """``maximaleVertrouwelijkheidaanduiding``: zaken at or below the given level."""

    def parse(self, raw: Any) -> Any:
        if raw not in _VERTROUWELIJKHEID:
            raise validation_error(
                InvalidParam(self.name, "invalid_choice", INVALID_CHOICE.format(value=raw))
            )
        return _VERTROUWELIJKHEID.index(raw)

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        level = body.get("vertrouwelijkheidaanduiding")
        rank = _VERTROUWELIJKHEID.index(level) if level in _VERTROUWELIJKHEID else 0
        return bool(rank <= wanted)


#: The ``betrokkeneIdentificatie__<type>__<field>`` filters of rollen (and of zaken, through
#: ``rol__``), as Open Zaak offers them.
BETROKKENE_IDENTIFICATIE_FILTERS = (
    ("natuurlijkPersoon", "inpBsn"),
    ("natuurlijkPersoon", "anpIdentificatie"),
    ("natuurlijkPersoon", "inpA_nummer"),
    ("nietNatuurlijkPersoon", "innNnpId"),
    ("nietNatuurlijkPersoon", "annIdentificatie"),
    ("nietNatuurlijkPersoon", "kvkNummer"),
    ("nietNatuurlijkPersoon", "vestigingsNummer"),
    ("vestiging", "vestigingsNummer"),
    ("vestiging", "kvkNummer"),
    ("medewerker", "identificatie"),
    ("organisatorischeEenheid", "identificatie"),
)


def _date_filters(field: str, lookups: Iterable[str]) -> tuple[Filter, ...]:
    return tuple(
        Filter(f"{field}__{lookup}" if lookup else field, type="date") for lookup in lookups
    )


ZAAK_FILTERS: tuple[Filter, ...] = (
    Filter("uuid__in", type="uuid"),
    Filter("identificatie"),
    Filter("identificatie__icontains"),
    Filter("bronorganisatie"),
    Filter("bronorganisatie__in"),
    Filter("zaaktype", type="url"),
    Filter("zaaktype__in", type="url"),
    Filter("zaaktype__not_in", type="url"),
    Filter("zaaktype__omschrijving", values=_zaaktype_omschrijving),
    Filter("omschrijving"),
    Filter("archiefnominatie", type="choice", choices=("blijvend_bewaren", "vernietigen")),
    Filter("archiefnominatie__in", type="choice", choices=("blijvend_bewaren", "vernietigen")),
    Filter("archiefstatus", type="choice", choices=_ARCHIEFSTATUS),
    Filter("archiefstatus__in", type="choice", choices=_ARCHIEFSTATUS),
    Filter("archiefactiedatum__isnull", type="bool"),
    Filter("einddatum__isnull", type="bool"),
    Filter("status__statustype", type="url", values=_status_statustype),
    Filter("resultaat__resultaattype", type="url", values=_resultaat_resultaattype),
    Filter("kenmerk", values=_kenmerken),
    Filter("kenmerk__bron", values=_kenmerk_bronnen),
    MaxVertrouwelijkheid("maximaleVertrouwelijkheidaanduiding"),
    *_date_filters("archiefactiedatum", ("", "gt", "lt")),
    *_date_filters("startdatum", ("", "gt", "gte", "lt", "lte")),
    *_date_filters("registratiedatum", ("", "gt", "lt")),
    *_date_filters("einddatum", ("", "gt", "lt")),
    *_date_filters("einddatumGepland", ("", "gt", "lt")),
    *_date_filters("uiterlijkeEinddatumAfdoening", ("", "gt", "lt")),
    _rol_field("betrokkene"),
    _rol_field("betrokkeneType"),
    _rol_field("omschrijvingGeneriek"),
    _rol_field("machtiging"),
    *(
        _rol_field(f"betrokkeneIdentificatie__{kind}__{field}")
        for kind, field in BETROKKENE_IDENTIFICATIE_FILTERS
    ),
)


class ZaakResource(Collection):
    """Part of a zaak: its writes go into the zaak's audit trail."""

    api = ZAKEN

    def audit_main_object(self, body: JSON) -> str | None:
        zaak = body.get("zaak")
        return zaak if isinstance(zaak, str) and zaak else None
