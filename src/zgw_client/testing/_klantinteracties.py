"""Klantinteracties 0.9 (Open Klant 2.18) on the generic collection engine.

Resources: partijen, partij-identificatoren, digitaleadressen, rekeningnummers,
klantcontacten, betrokkenen, onderwerpobjecten, bijlagen, actoren, actorklantcontacten and
internetaken. Token auth (401), Dutch problem texts with Open Klant's own wording
(``Ongeldige invoerwaarde.``, ``Dit veld is vereist.``).

Server behaviour copied from the samples:

* references are objects ``{"uuid", "url"}`` both ways: writes take ``{"uuid": ...}`` (a
  ``url`` works too), responses add ``url``. They are stored as plain URL strings, so the
  backend's relation index works, and rendered as objects;
* reverse relations (a partij's ``betrokkenen``, a klantcontact's ``hadBetrokkenen``, ...) are
  derived at read time, oldest first; lists themselves are newest first;
* a partij carries its ``partijIdentificatoren`` in full, each with its back-reference, and
  accepts them nested on writes (a BSN must pass the 11-proof);
* ``_expand``: every list item of an expandable resource has ``"_expand": {}``, a detail only
  when ``expand`` was asked for; a child path without its parent gives ``{}``; nested
  expansions sit in the child's own ``_expand``; empty relations appear as ``[]``/``null``;
* no ``ETag`` anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from ._collections import Collection
from ._filters import Filter, parse_datetime
from ._klantinteracties_base import (
    API,
    ROL,
    SOORT_ACTOR,
    TAAK_STATUS,
    KlantCollection,
    _adres,
    _contactnaam,
    _identificator,
    _identificator_filters,
    _key,
    _ref_filters,
    _values_at,
    _walk,
    now_seconds,
    volledige_naam,
)
from ._partijen import DigitaleAdressen, Partijen, PartijIdentificatoren, Rekeningnummers
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


# -- expand --------------------------------------------------------------------------------


# -- the base collection -------------------------------------------------------------------


# -- partijen ------------------------------------------------------------------------------


# -- klantcontacten ------------------------------------------------------------------------


def _betrokkenen_of(backend: InMemoryBackend, klantcontact_url: str) -> list[JSON]:
    return backend.related(API, "betrokkenen", "hadKlantcontact").get(klantcontact_url, [])


def _onderwerp_values(field: str, code: str) -> Any:
    def values(ctx: RequestContext, body: JSON) -> Iterable[Any]:
        related = ctx.backend.related(API, "onderwerpobjecten", field).get(body["url"], [])
        return [(o.get("onderwerpobjectidentificator") or {}).get(code) for o in related]

    return values


def _onderwerp_filters(prefix: str, field: str) -> tuple[Filter, ...]:
    return tuple(
        Filter(
            f"{prefix}__onderwerpobjectidentificator{code[0].upper()}{code[1:]}",
            values=_onderwerp_values(field, code),
        )
        for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
    )


def _klantcontact_partijen(ctx: RequestContext, body: JSON) -> Iterable[str]:
    return [
        str(b["wasPartij"]) for b in _betrokkenen_of(ctx.backend, body["url"]) if b.get("wasPartij")
    ]


def _klantcontact_betrokkenen(key: str) -> Any:
    def values(ctx: RequestContext, body: JSON) -> Iterable[Any]:
        urls = [b["url"] for b in _betrokkenen_of(ctx.backend, body["url"])]
        return urls if key == "url" else [_key(u) for u in urls]

    return values


def _klantcontact_adressen(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    for betrokkene in _betrokkenen_of(ctx.backend, body["url"]):
        adressen = ctx.backend.related(API, "digitaleadressen", "verstrektDoorBetrokkene")
        for adres in adressen.get(betrokkene["url"], []):
            yield adres.get("adres")


class Klantcontacten(KlantCollection):
    name = "klantcontacten"
    required = ("kanaal", "onderwerp", "taal", "vertrouwelijk")
    datetime_fields = ("plaatsgevondenOp",)
    read_only = (
        "gingOverOnderwerpobjecten",
        "hadBetrokkenActoren",
        "omvatteBijlagen",
        "hadBetrokkenen",
        "leiddeTotInterneTaken",
    )
    expand = frozenset(
        {
            "gingOverOnderwerpobjecten",
            "hadBetrokkenen",
            "hadBetrokkenen.digitaleAdressen",
            "hadBetrokkenen.wasPartij",
            "leiddeTotInterneTaken",
            "omvatteBijlagen",
        }
    )
    filters = (
        Filter("nummer"),
        Filter("referentienummer"),
        Filter("kanaal"),
        Filter("onderwerp"),
        Filter("inhoud"),
        Filter("reactie"),
        Filter("indicatieContactGelukt", type="bool"),
        Filter("vertrouwelijk", type="bool"),
        Filter("plaatsgevondenOp", type="datetime"),
        Filter("hadBetrokkene__url", type="url", values=_klantcontact_betrokkenen("url")),
        Filter("hadBetrokkene__uuid", type="uuid", values=_klantcontact_betrokkenen("uuid")),
        Filter("hadBetrokkene__wasPartij", type="url", values=_klantcontact_partijen),
        Filter("hadBetrokkene__wasPartij__url", type="url", values=_klantcontact_partijen),
        Filter(
            "hadBetrokkene__wasPartij__uuid",
            type="uuid",
            values=lambda ctx, body: [_key(u) for u in _klantcontact_partijen(ctx, body)],
        ),
        Filter("hadBetrokkene__digitaaladres__adres__icontains", values=_klantcontact_adressen),
        *_identificator_filters("hadBetrokkene__wasPartij", _klantcontact_partijen),
        *_onderwerp_filters("onderwerpobject", "klantcontact"),
        *_onderwerp_filters("wasOnderwerpobject", "wasKlantcontact"),
        Filter(
            "onderwerpobject__url", type="url", values=_values_at("gingOverOnderwerpobjecten.url")
        ),
        Filter(
            "onderwerpobject__uuid",
            type="uuid",
            values=_values_at("gingOverOnderwerpobjecten.uuid"),
        ),
    )

    def defaults(self) -> JSON:
        return {
            "gingOverOnderwerpobjecten": [],
            "hadBetrokkenActoren": [],
            "omvatteBijlagen": [],
            "hadBetrokkenen": [],
            "leiddeTotInterneTaken": [],
            "nummer": None,
            "referentienummer": None,
            "kanaal": "",
            "onderwerp": "",
            "inhoud": "",
            "reactie": "",
            "indicatieContactGelukt": None,
            "hoofdOnderwerpType": "",
            "verdereActieOndernomen": False,
            "taal": "",
            "vertrouwelijk": False,
            "plaatsgevondenOp": None,
            "metadata": {},
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        if not body.get("plaatsgevondenOp"):
            body["plaatsgevondenOp"] = now_seconds()
        else:
            parsed = parse_datetime(str(body["plaatsgevondenOp"])).astimezone(dt.timezone.utc)
            body["plaatsgevondenOp"] = parsed.isoformat().replace("+00:00", "Z")

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        url = body["url"]
        actoren = self.backend.collections[(API, "actoren")]
        links = self.backend.related(API, "actorklantcontacten", "klantcontact").get(url, [])
        found = (self.backend.get(str(link.get("actor"))) for link in links)
        rendered["gingOverOnderwerpobjecten"] = self.refs_to(
            "onderwerpobjecten", "klantcontact", url
        )
        rendered["hadBetrokkenActoren"] = [actoren.render(a) for a in found if a]
        rendered["omvatteBijlagen"] = self.refs_to("bijlagen", "wasBijlageVanKlantcontact", url)
        rendered["hadBetrokkenen"] = self.refs_to("betrokkenen", "hadKlantcontact", url)
        rendered["leiddeTotInterneTaken"] = self.refs_to(
            "internetaken", "aanleidinggevendKlantcontact", url
        )
        return rendered

    def after_delete(self, body: JSON) -> None:
        for collection, field in (
            ("betrokkenen", "hadKlantcontact"),
            ("onderwerpobjecten", "klantcontact"),
        ):
            for related in list(self.backend.related(API, collection, field).get(body["url"], [])):
                self.backend.unstore(API, collection, related["uuid"])


class Betrokkenen(KlantCollection):
    name = "betrokkenen"
    required = ("hadKlantcontact", "rol", "initiator")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"rol": ROL}
    refs: ClassVar[dict[str, str]] = {"wasPartij": "partijen", "hadKlantcontact": "klantcontacten"}
    read_only = ("digitaleAdressen", "volledigeNaam")
    expand = frozenset({"digitaleAdressen"})
    filters = (
        *_ref_filters("hadKlantcontact"),
        *_ref_filters("wasPartij"),
        Filter("organisatienaam"),
        *(
            Filter(f"contactnaam{part[0].upper()}{part[1:]}", field=f"contactnaam.{part}")
            for part in ("voorletters", "voornaam", "voorvoegselAchternaam", "achternaam")
        ),
        *_identificator_filters("wasPartij", lambda ctx, body: _walk(body, "wasPartij.url")),
    )

    def defaults(self) -> JSON:
        return {
            "wasPartij": None,
            "hadKlantcontact": None,
            "digitaleAdressen": [],
            "bezoekadres": _adres(),
            "correspondentieadres": _adres(),
            "contactnaam": _contactnaam(),
            "volledigeNaam": "",
            "rol": "",
            "organisatienaam": "",
            "initiator": False,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        for field, template in (
            ("bezoekadres", _adres()),
            ("correspondentieadres", _adres()),
            ("contactnaam", _contactnaam()),
        ):
            if isinstance(body.get(field), dict):
                body[field] = {**template, **body[field]}

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        rendered["digitaleAdressen"] = self.refs_to(
            "digitaleadressen", "verstrektDoorBetrokkene", body["url"]
        )
        rendered["volledigeNaam"] = volledige_naam(body.get("contactnaam"))
        return rendered


class Onderwerpobjecten(KlantCollection):
    name = "onderwerpobjecten"
    refs: ClassVar[dict[str, str]] = {
        "klantcontact": "klantcontacten",
        "wasKlantcontact": "klantcontacten",
    }
    filters = (
        *_ref_filters("klantcontact"),
        *_ref_filters("wasKlantcontact"),
        *(
            Filter(
                f"onderwerpobjectidentificator{code[0].upper()}{code[1:]}",
                field=f"onderwerpobjectidentificator.{code}",
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "klantcontact": None,
            "wasKlantcontact": None,
            "onderwerpobjectidentificator": _identificator(),
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        if isinstance(body.get("onderwerpobjectidentificator"), dict):
            body["onderwerpobjectidentificator"] = {
                **_identificator(),
                **body["onderwerpobjectidentificator"],
            }


class Bijlagen(KlantCollection):
    name = "bijlagen"
    refs: ClassVar[dict[str, str]] = {"wasBijlageVanKlantcontact": "klantcontacten"}
    filters = (
        Filter("klantcontact__uuid", type="uuid", field="wasBijlageVanKlantcontact.uuid"),
        *(
            Filter(
                f"bijlageidentificator{code[0].upper()}{code[1:]}",
                field=f"bijlageidentificator.{code}",
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {"wasBijlageVanKlantcontact": None, "bijlageidentificator": _identificator()}


_ACTOR_IDENTIFICATIE: dict[str, JSON] = {
    "medewerker": {"functie": "", "emailadres": "", "telefoonnummer": ""},
    "geautomatiseerde_actor": {"functie": "", "omschrijving": ""},
    "organisatorische_eenheid": {
        "omschrijving": "",
        "emailadres": "",
        "faxnummer": "",
        "telefoonnummer": "",
    },
}


class Actoren(KlantCollection):
    name = "actoren"
    required = ("naam", "soortActor")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"soortActor": SOORT_ACTOR}
    filters = (
        Filter("naam"),
        Filter("soortActor", type="choice", choices=SOORT_ACTOR),
        Filter("indicatieActief", type="bool"),
        *(
            Filter(
                f"actoridentificator{code[0].upper()}{code[1:]}", field=f"actoridentificator.{code}"
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "naam": "",
            "soortActor": "",
            "indicatieActief": True,
            "actoridentificator": _identificator(),
            "actorIdentificatie": {},
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        template = _ACTOR_IDENTIFICATIE.get(str(body.get("soortActor")), {})
        given = body.get("actorIdentificatie")
        body["actorIdentificatie"] = {**template, **(given if isinstance(given, dict) else {})}
        if isinstance(body.get("actoridentificator"), dict):
            body["actoridentificator"] = {**_identificator(), **body["actoridentificator"]}


class ActorKlantcontacten(KlantCollection):
    name = "actorklantcontacten"
    required = ("actor", "klantcontact")
    refs: ClassVar[dict[str, str]] = {"actor": "actoren", "klantcontact": "klantcontacten"}
    filters = (*_ref_filters("actor"), *_ref_filters("klantcontact"))

    def defaults(self) -> JSON:
        return {"actor": None, "klantcontact": None}


def _actor_namen(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    for ref in body.get("toegewezenAanActoren") or []:
        actor = ctx.backend.get(ref["url"]) if isinstance(ref, dict) else None
        if actor:
            yield actor.get("naam")


class InterneTaken(KlantCollection):
    name = "internetaken"
    required = ("gevraagdeHandeling", "aanleidinggevendKlantcontact", "status")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"status": TAAK_STATUS}
    datetime_fields = ("afgehandeldOp",)
    refs: ClassVar[dict[str, str]] = {
        "aanleidinggevendKlantcontact": "klantcontacten",
        "toegewezenAanActor": "actoren",
    }
    ref_lists: ClassVar[dict[str, str]] = {"toegewezenAanActoren": "actoren"}
    read_only = ("toegewezenOp",)
    filters = (
        Filter("nummer"),
        Filter("referentienummer"),
        Filter("status", type="choice", choices=TAAK_STATUS),
        Filter("toegewezenOp", type="datetime"),
        *_ref_filters("aanleidinggevendKlantcontact"),
        *_ref_filters("toegewezenAanActor"),
        Filter("klantcontact__uuid", type="uuid", field="aanleidinggevendKlantcontact.uuid"),
        Filter("actoren__naam", values=_actor_namen),
    )

    def defaults(self) -> JSON:
        return {
            "nummer": None,
            "referentienummer": None,
            "gevraagdeHandeling": "",
            "aanleidinggevendKlantcontact": None,
            "toegewezenAanActor": None,
            "toegewezenAanActoren": [],
            "toelichting": "",
            "status": "te_verwerken",
            "toegewezenOp": None,
            "afgehandeldOp": None,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        """``toegewezenAanActor`` (deprecated) mirrors the first of ``toegewezenAanActoren``."""
        super().prepare(body, previous)
        actoren = body.get("toegewezenAanActoren") or []
        if not actoren and body.get("toegewezenAanActor"):
            body["toegewezenAanActoren"] = [body["toegewezenAanActor"]]
        elif actoren:
            body["toegewezenAanActor"] = actoren[0]
        if not body.get("toegewezenOp"):
            body["toegewezenOp"] = now_seconds()
        if body.get("status") == "verwerkt" and not body.get("afgehandeldOp"):
            body["afgehandeldOp"] = now_seconds()


COLLECTIONS: tuple[type[Collection], ...] = (
    Partijen,
    PartijIdentificatoren,
    DigitaleAdressen,
    Rekeningnummers,
    Klantcontacten,
    Betrokkenen,
    Onderwerpobjecten,
    Bijlagen,
    Actoren,
    ActorKlantcontacten,
    InterneTaken,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Klantinteracties collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
