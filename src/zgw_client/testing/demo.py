"""Demo data for the in-memory backend: a citizen's MijnDenHaag, from the user research.

`seed_demo` fills a backend with what Den Haag's prototypes showed (see the
MijnDenHaag presentation, 2023): Anne Klap has a parkeerbon to pay, a subsidie
geluidsisolatie at step 2 of 4 with a request for information due in two days, a running
Ooievaarspas application, an identiteitskaart to renew, a finished parkeervergunning with a
besluit, documents (one still being edited, one too confidential for a portal), and contact
moments about two zaken in both Klantinteracties and the Contactmomenten API. A company
(KVK, with a vestiging) and a second citizen exist so access checks can be tested.

Everything is deterministic: fixed UUIDs, and dates relative to ``today`` (injectable), so
"nog 2 dagen" stays true whenever the demo runs. `seed_benchmark` builds one citizen
with many zaken of a chosen size.
"""

from __future__ import annotations

import datetime as dt
import uuid as uuidlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

__all__ = [
    "DEMO_BSN",
    "DEMO_BSN_OTHER",
    "DEMO_KVK",
    "DEMO_RSIN",
    "DEMO_VESTIGINGSNUMMER",
    "TAAK_SCHEMA",
    "BenchmarkScenario",
    "DemoScenario",
    "PlatformScenario",
    "seed_benchmark",
    "seed_demo",
    "seed_platform",
]

DEMO_BSN = "999993653"
"""Anne Klap, the citizen of the research prototypes (a test BSN that passes the 11-proof)."""
DEMO_BSN_OTHER = "999990019"
"""A second citizen, whose zaak the first must never see."""
DEMO_KVK = "69599084"
"""Haagse Horeca B.V., a company with two zaken of its own."""
DEMO_VESTIGINGSNUMMER = "000038509490"
DEMO_RSIN = "002220647"
"""The gemeente (bronorganisatie, verantwoordelijke organisatie)."""

_NAMESPACE = uuidlib.UUID("5f0c3c0e-4a52-4d6e-9a57-2d0c1a0f6e11")

TAAK_SCHEMA: JSON = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ObjectType Taak",
    "type": "object",
    "required": ["titel", "status", "soort", "identificatie", "verwerker_taak_id", "eigenaar"],
    "properties": {
        "titel": {"type": "string"},
        "status": {"type": "string", "enum": ["open", "afgerond", "verwerkt", "gesloten"]},
        "soort": {"type": "string", "enum": ["url", "portaalformulier", "ogonebetaling"]},
        "url": {
            "type": "object",
            "required": ["uri"],
            "properties": {"uri": {"type": "string", "format": "uri"}},
        },
        "portaalformulier": {
            "type": "object",
            "required": ["formulier"],
            "properties": {
                "formulier": {
                    "type": "object",
                    "properties": {
                        "soort": {"type": "string", "enum": ["url", "id"]},
                        "value": {"type": "string"},
                    },
                },
                "data": {"type": "object"},
                "verzonden_data": {"type": "object"},
            },
        },
        "ogonebetaling": {
            "type": "object",
            "required": ["bedrag", "betaalkenmerk", "pspid"],
            "properties": {
                "bedrag": {"type": "number", "minimum": 0},
                "betaalkenmerk": {"type": "string"},
                "pspid": {"type": "string"},
            },
        },
        "identificatie": {
            "type": "object",
            "required": ["type", "value"],
            "properties": {"type": {"type": "string"}, "value": {"type": "string"}},
        },
        "koppeling": {
            "type": "object",
            "properties": {"registratie": {"type": "string"}, "uuid": {"type": "string"}},
        },
        "verloopdatum": {"type": "string", "format": "date-time"},
        "eigenaar": {"type": "string"},
        "verwerker_taak_id": {"type": "string", "format": "uuid"},
    },
}
"""The NL Portal portaaltaak v2 shape (``taak-nlportal-v2.schema.json``), trimmed to what a
validator needs; ``multipleOf: 0.01`` is left out because floats such as 74.90 fail it."""


def stable_uuid(name: str) -> str:
    """A UUID that is the same in every run, for ``name``."""
    return str(uuidlib.uuid5(_NAMESPACE, name))


@dataclass(frozen=True)
class DemoScenario:
    """The URLs `seed_demo` created, by a short name (``zaken["subsidie"]``)."""

    today: dt.date
    bsn: str
    other_bsn: str
    kvk: str
    catalogus: str
    zaaktypen: dict[str, str]
    statustypen: dict[str, list[str]]
    zaken: dict[str, str]
    documenten: dict[str, str]
    besluiten: dict[str, str]
    taak_objecttype: str
    taken: dict[str, str]
    partijen: dict[str, str]
    klantcontacten: dict[str, str]
    contactmomenten: dict[str, str]
    platform: PlatformScenario | None = None

    @property
    def citizen_zaken(self) -> list[str]:
        """Anne Klap's zaken, the intern one included (a portal must hide it)."""
        return [url for key, url in self.zaken.items() if not key.startswith(("bedrijf", "ander"))]


@dataclass(frozen=True)
class PlatformScenario:
    """The Dienstverleningsplatform resources `seed_platform` created, by short name."""

    party_urn: str
    berichten: dict[str, str]
    taken: dict[str, str]
    producttype: str
    producten: dict[str, str]


@dataclass(frozen=True)
class BenchmarkScenario:
    """What `seed_benchmark` created."""

    bsn: str
    zaaktype: str
    zaken: list[str] = field(default_factory=list)
    taken: list[str] = field(default_factory=list)


class _Seeder:
    """Shared helpers: fixed URLs, dates relative to today, one ``add`` per resource."""

    def __init__(self, backend: InMemoryBackend, today: dt.date) -> None:
        self.backend = backend
        self.today = today

    def url(self, api: str, collection: str, name: str) -> str:
        return f"{self.backend.api_roots[api]}{collection}/{stable_uuid(name)}"

    def add(self, api: str, collection: str, name: str, body: JSON) -> str:
        created = self.backend.add(
            api, collection, {"url": self.url(api, collection, name), **body}
        )
        return str(created["url"])

    def day(self, offset: int) -> str:
        return (self.today + dt.timedelta(days=offset)).isoformat()

    def moment(self, offset: int, time: str = "09:30:00") -> str:
        return f"{self.day(offset)}T{time}Z"

    # -- catalogi ------------------------------------------------------------------------

    def catalogus(self) -> str:
        return self.add(
            "catalogi",
            "catalogussen",
            "catalogus",
            {
                "domein": "DHAAG",
                "rsin": DEMO_RSIN,
                "contactpersoonBeheerNaam": "Team MijnDenHaag",
                "contactpersoonBeheerTelefoonnummer": "14070",
                "contactpersoonBeheerEmailadres": "mijndenhaag@denhaag.nl",
                "naam": "Zaaktypecatalogus gemeente Den Haag",
                "versie": "1",
                "begindatumVersie": "2023-01-01",
            },
        )

    def zaaktype(
        self,
        key: str,
        catalogus: str,
        omschrijving: str,
        *,
        doorlooptijd: str = "P8W",
        intern: bool = False,
        vertrouwelijkheid: str = "zaakvertrouwelijk",
    ) -> str:
        return self.add(
            "catalogi",
            "zaaktypen",
            f"zaaktype:{key}",
            {
                "identificatie": f"DH-{key.upper()}",
                "omschrijving": omschrijving,
                "omschrijvingGeneriek": omschrijving,
                "vertrouwelijkheidaanduiding": vertrouwelijkheid,
                "doel": f"Behandelen van: {omschrijving.lower()}",
                "aanleiding": "Verzoek van een inwoner of ondernemer",
                "toelichting": "",
                "indicatieInternOfExtern": "intern" if intern else "extern",
                "handelingInitiator": "aanvragen",
                "onderwerp": omschrijving,
                "handelingBehandelaar": "behandelen",
                "doorlooptijd": doorlooptijd,
                "servicenorm": None,
                "opschortingEnAanhoudingMogelijk": True,
                "verlengingMogelijk": False,
                "verlengingstermijn": None,
                "trefwoorden": [],
                "publicatieIndicatie": False,
                "publicatietekst": "",
                "verantwoordingsrelatie": [],
                "productenOfDiensten": [f"https://www.denhaag.nl/nl/producten/{key}"],
                "referentieproces": {"naam": omschrijving, "link": ""},
                "concept": False,
                "verantwoordelijke": "Gemeente Den Haag",
                "beginGeldigheid": "2023-01-01",
                "eindeGeldigheid": None,
                "versiedatum": "2023-01-01",
                "catalogus": catalogus,
            },
        )

    def statustypen(
        self, key: str, zaaktype: str, catalogus: str, steps: list[tuple[str, str, bool]]
    ) -> list[str]:
        """``steps``: (omschrijving, statustekst, informeren); the last one ends the zaak."""
        return [
            self.add(
                "catalogi",
                "statustypen",
                f"statustype:{key}:{number}",
                {
                    "omschrijving": omschrijving,
                    "omschrijvingGeneriek": omschrijving,
                    "statustekst": statustekst,
                    "zaaktype": zaaktype,
                    "volgnummer": number,
                    "isEindstatus": number == len(steps),
                    "informeren": informeren,
                    "catalogus": catalogus,
                },
            )
            for number, (omschrijving, statustekst, informeren) in enumerate(steps, start=1)
        ]

    def roltypen(self, key: str, zaaktype: str, catalogus: str) -> dict[str, str]:
        return {
            generiek: self.add(
                "catalogi",
                "roltypen",
                f"roltype:{key}:{generiek}",
                {
                    "zaaktype": zaaktype,
                    "omschrijving": omschrijving,
                    "omschrijvingGeneriek": generiek,
                    "catalogus": catalogus,
                },
            )
            for generiek, omschrijving in (
                ("initiator", "Aanvrager"),
                ("belanghebbende", "Belanghebbende"),
            )
        }

    def resultaattype(self, key: str, zaaktype: str, catalogus: str, omschrijving: str) -> str:
        return self.add(
            "catalogi",
            "resultaattypen",
            f"resultaattype:{key}:{omschrijving}",
            {
                "zaaktype": zaaktype,
                "omschrijving": omschrijving,
                "resultaattypeomschrijving": (
                    "https://selectielijst.openzaak.nl/api/v1/resultaattypeomschrijvingen/"
                    "fb65d251-1518-4185-865f-b8bdcfad07b1"
                ),
                "omschrijvingGeneriek": omschrijving,
                "selectielijstklasse": (
                    "https://selectielijst.openzaak.nl/api/v1/resultaten/"
                    "cc5ae4e3-a9e6-4386-bcee-46be4986a829"
                ),
                "toelichting": "",
                "archiefnominatie": "vernietigen",
                "archiefactietermijn": "P10Y",
                "brondatumArchiefprocedure": {
                    "afleidingswijze": "afgehandeld",
                    "datumkenmerk": "",
                    "einddatumBekend": False,
                    "objecttype": "",
                    "registratie": "",
                    "procestermijn": None,
                },
                "catalogus": catalogus,
            },
        )

    def informatieobjecttype(self, catalogus: str, omschrijving: str, vertrouwelijk: str) -> str:
        return self.add(
            "catalogi",
            "informatieobjecttypen",
            f"informatieobjecttype:{omschrijving}",
            {
                "catalogus": catalogus,
                "omschrijving": omschrijving,
                "vertrouwelijkheidaanduiding": vertrouwelijk,
                "beginGeldigheid": "2023-01-01",
                "eindeGeldigheid": None,
                "concept": False,
                "informatieobjectcategorie": "Document",
                "trefwoord": [],
            },
        )

    # -- zaken ---------------------------------------------------------------------------

    def zaak(
        self,
        key: str,
        zaaktype: str,
        omschrijving: str,
        start: int,
        *,
        gepland: int | None = None,
        toelichting: str = "",
    ) -> str:
        return self.add(
            "zaken",
            "zaken",
            f"zaak:{key}",
            {
                "bronorganisatie": DEMO_RSIN,
                "verantwoordelijkeOrganisatie": DEMO_RSIN,
                "zaaktype": zaaktype,
                "omschrijving": omschrijving,
                "toelichting": toelichting,
                "registratiedatum": self.day(start),
                "startdatum": self.day(start),
                "einddatumGepland": self.day(gepland) if gepland is not None else None,
                "communicatiekanaalNaam": "Webformulier",
            },
        )

    def rol_persoon(
        self, key: str, zaak: str, roltype: str, bsn: str, naam: tuple[str, str, str]
    ) -> str:
        voornamen, voorletters, geslachtsnaam = naam
        return self.add(
            "zaken",
            "rollen",
            f"rol:{key}",
            {
                "zaak": zaak,
                "betrokkeneType": "natuurlijk_persoon",
                "roltype": roltype,
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {
                    "inpBsn": bsn,
                    "voornamen": voornamen,
                    "voorletters": voorletters,
                    "geslachtsnaam": geslachtsnaam,
                },
            },
        )

    def rol_bedrijf(self, key: str, zaak: str, roltype: str) -> str:
        return self.add(
            "zaken",
            "rollen",
            f"rol:{key}",
            {
                "zaak": zaak,
                "betrokkeneType": "niet_natuurlijk_persoon",
                "roltype": roltype,
                "roltoelichting": "Aanvrager",
                "betrokkeneIdentificatie": {
                    "kvkNummer": DEMO_KVK,
                    "vestigingsNummer": DEMO_VESTIGINGSNUMMER,
                    "statutaireNaam": "Haagse Horeca B.V.",
                    "innRechtsvorm": "besloten_vennootschap",
                },
            },
        )

    def statussen(self, key: str, zaak: str, statustypen: list[str], offsets: list[int]) -> None:
        """Set the first ``len(offsets)`` statustypen, ``offsets`` days from today."""
        for number, (statustype, offset) in enumerate(zip(statustypen, offsets, strict=False)):
            self.add(
                "zaken",
                "statussen",
                f"status:{key}:{number}",
                {
                    "zaak": zaak,
                    "statustype": statustype,
                    "datumStatusGezet": self.moment(offset, f"{9 + number:02d}:00:00"),
                    "statustoelichting": "",
                },
            )

    def document(
        self,
        key: str,
        zaak: str,
        titel: str,
        informatieobjecttype: str,
        *,
        status: str = "definitief",
        vertrouwelijk: str = "openbaar",
        created: int = 0,
    ) -> str:
        document = self.add(
            "documenten",
            "enkelvoudiginformatieobjecten",
            f"document:{key}",
            {
                "identificatie": f"DOC-{key.upper()}",
                "bronorganisatie": DEMO_RSIN,
                "creatiedatum": self.day(created),
                "titel": titel,
                "vertrouwelijkheidaanduiding": vertrouwelijk,
                "auteur": "Gemeente Den Haag",
                "status": status,
                "formaat": "application/pdf",
                "taal": "dut",
                "versie": 1,
                "bestandsnaam": f"{key}.pdf",
                "bestandsomvang": 0,
                "link": "",
                "beschrijving": titel,
                "indicatieGebruiksrecht": False,
                "informatieobjecttype": informatieobjecttype,
                "locked": False,
            },
        )
        self.add(
            "zaken",
            "zaakinformatieobjecten",
            f"zio:{key}",
            {"informatieobject": document, "zaak": zaak, "titel": titel, "beschrijving": ""},
        )
        return document

    def besluit(self, key: str, zaak: str, besluittype: str, toelichting: str, datum: int) -> str:
        besluit = self.add(
            "besluiten",
            "besluiten",
            f"besluit:{key}",
            {
                "verantwoordelijkeOrganisatie": DEMO_RSIN,
                "besluittype": besluittype,
                "zaak": zaak,
                "datum": self.day(datum),
                "toelichting": toelichting,
                "bestuursorgaan": "Burgemeester en wethouders",
                "ingangsdatum": self.day(datum),
            },
        )
        linked = self.backend.related("zaken", "zaakbesluiten", "zaak").get(zaak, [])
        if not any(link.get("besluit") == besluit for link in linked):
            self.add(
                "zaken", "zaakbesluiten", f"zaakbesluit:{key}", {"zaak": zaak, "besluit": besluit}
            )
        return besluit

    # -- taken ---------------------------------------------------------------------------

    def taak_objecttype(self) -> str:
        objecttype = self.add(
            "objecten",
            "objecttypes",
            "objecttype:taak",
            {
                "name": "Taak",
                "namePlural": "Taken",
                "description": "Taak voor een inwoner of ondernemer (NL Portal portaaltaak v2)",
                "dataClassification": "intern",
                "maintainerOrganization": "Gemeente Den Haag",
                "maintainerDepartment": "Team MijnDenHaag",
                "contactPerson": "Team MijnDenHaag",
                "contactEmail": "mijndenhaag@denhaag.nl",
                "source": "GZAC",
                "updateFrequency": "real_time",
                "providerOrganization": "Gemeente Den Haag",
                "documentationUrl": "https://github.com/nl-portal/nl-portal-backend-libraries",
                "labels": {},
                "allowGeometry": False,
            },
        )
        self.backend.add(
            "objecten",
            "objecttype-versions",
            {
                "objectType": objecttype,
                "version": 1,
                "status": "published",
                "jsonSchema": TAAK_SCHEMA,
            },
        )
        return objecttype

    def taak(self, key: str, objecttype: str, data: JSON, start: int = -1) -> str:
        body: JSON = {
            "status": "open",
            "eigenaar": "gzac",
            "verwerker_taak_id": stable_uuid(f"verwerker:{key}"),
            **data,
        }
        return self.add(
            "objecten",
            "objects",
            f"taak:{key}",
            {
                "type": objecttype,
                "record": {"typeVersion": 1, "data": body, "startAt": self.day(start)},
            },
        )

    def deadline(self, days: int) -> str:
        return f"{self.day(days)}T23:59:59Z"

    # -- klantinteracties ----------------------------------------------------------------

    def klantcontact(
        self,
        key: str,
        partij: str,
        zaak: str,
        naam: JSON,
        *,
        kanaal: str,
        onderwerp: str,
        inhoud: str,
        offset: int,
    ) -> str:
        klantcontact = self.add(
            "klantinteracties",
            "klantcontacten",
            f"klantcontact:{key}",
            {
                "kanaal": kanaal,
                "onderwerp": onderwerp,
                "inhoud": inhoud,
                "indicatieContactGelukt": True,
                "taal": "nld",
                "vertrouwelijk": False,
                "plaatsgevondenOp": self.moment(offset, "10:15:00"),
            },
        )
        self.add(
            "klantinteracties",
            "betrokkenen",
            f"betrokkene:{key}",
            {
                "wasPartij": {"url": partij},
                "hadKlantcontact": {"url": klantcontact},
                "rol": "klant",
                "initiator": True,
                "organisatienaam": "",
                "contactnaam": naam,
            },
        )
        self.add(
            "klantinteracties",
            "onderwerpobjecten",
            f"onderwerpobject:{key}",
            {
                "klantcontact": {"url": klantcontact},
                "wasKlantcontact": None,
                "onderwerpobjectidentificator": {
                    "objectId": zaak.rstrip("/").rsplit("/", 1)[-1],
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            },
        )
        return klantcontact

    def contactmoment(self, key: str, zaak: str, *, kanaal: str, tekst: str, offset: int) -> str:
        contactmoment = self.add(
            "contactmomenten",
            "contactmomenten",
            f"contactmoment:{key}",
            {
                "bronorganisatie": DEMO_RSIN,
                "registratiedatum": self.moment(offset, "10:15:00"),
                "kanaal": kanaal,
                "voorkeurskanaal": "e-mail",
                "voorkeurstaal": "nld",
                "tekst": tekst,
                "onderwerpLinks": [],
                "initiatiefnemer": "klant",
                "medewerkerIdentificatie": {
                    "identificatie": "kcc-0042",
                    "achternaam": "de Vries",
                    "voorletters": "M.",
                    "voorvoegselAchternaam": "",
                },
            },
        )
        self.add(
            "contactmomenten",
            "objectcontactmomenten",
            f"objectcontactmoment:{key}",
            {"contactmoment": contactmoment, "object": zaak, "objectType": "zaak"},
        )
        return contactmoment


_ANNE = ("Anne", "A.", "Klap")
_ANNE_CONTACTNAAM: JSON = {
    "voorletters": "A.",
    "voornaam": "Anne",
    "voorvoegselAchternaam": "",
    "achternaam": "Klap",
}


def seed_demo(backend: InMemoryBackend, *, today: dt.date | None = None) -> DemoScenario:
    """Fill ``backend`` with the MijnDenHaag demo; dates are relative to ``today``."""
    s = _Seeder(backend, today or dt.date.today())
    catalogus = s.catalogus()
    zaaktypen = {
        "parkeerbon": s.zaaktype(
            "parkeerbon", catalogus, "Naheffingsaanslag parkeerbelasting", doorlooptijd="P6W"
        ),
        "subsidie": s.zaaktype(
            "subsidie", catalogus, "Aanvraag subsidie geluidsisolatie", doorlooptijd="P26W"
        ),
        "ooievaarspas": s.zaaktype("ooievaarspas", catalogus, "Aanvraag Ooievaarspas"),
        "parkeervergunning": s.zaaktype(
            "parkeervergunning",
            catalogus,
            "Aanvraag parkeervergunning bewoners",
            doorlooptijd="P4W",
        ),
        "terras": s.zaaktype("terras", catalogus, "Aanvraag terrasvergunning"),
        "intern": s.zaaktype(
            "intern",
            catalogus,
            "Interne toets bezwaarschrift",
            intern=True,
            vertrouwelijkheid="vertrouwelijk",
        ),
    }
    steps: dict[str, list[tuple[str, str, bool]]] = {
        "parkeerbon": [
            ("Naheffing opgelegd", "U heeft een parkeerbon gekregen", True),
            ("Betaald", "Uw parkeerbon is betaald", True),
        ],
        "subsidie": [
            ("Deelname aan geluidsonderzoek", "Wij hebben uw aanvraag ontvangen", True),
            ("Onderzoek naar geluidsoverlast", "Wij meten de geluidsoverlast bij uw woning", True),
            ("Uitvoeren van maatregelen", "De maatregelen worden uitgevoerd", True),
            ("Maatregelen zijn uitgevoerd", "De maatregelen zijn uitgevoerd", True),
        ],
        "ooievaarspas": [
            ("Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen", True),
            ("In behandeling", "Wij beoordelen uw aanvraag", False),
            ("Afgehandeld", "Uw aanvraag is afgehandeld", True),
        ],
        "parkeervergunning": [
            ("Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen", True),
            ("In behandeling", "Wij beoordelen uw aanvraag", False),
            ("Besluit genomen", "Er is een besluit genomen over uw aanvraag", True),
        ],
        "terras": [
            ("Aanvraag ontvangen", "Wij hebben uw aanvraag ontvangen", True),
            ("In behandeling", "Wij beoordelen uw aanvraag", True),
            ("Afgehandeld", "Uw aanvraag is afgehandeld", True),
        ],
        "intern": [
            ("Gestart", "Interne toets gestart", False),
            ("Afgerond", "Interne toets afgerond", False),
        ],
    }
    statustypen = {k: s.statustypen(k, zaaktypen[k], catalogus, v) for k, v in steps.items()}
    roltypen = {k: s.roltypen(k, url, catalogus) for k, url in zaaktypen.items()}
    resultaattypen = {
        k: s.resultaattype(k, url, catalogus, "Toegekend") for k, url in zaaktypen.items()
    }
    for key in ("subsidie", "parkeervergunning"):
        s.resultaattype(key, zaaktypen[key], catalogus, "Afgewezen")
    iot = {
        "aanvraag": s.informatieobjecttype(catalogus, "Aanvraagformulier", "openbaar"),
        "rapport": s.informatieobjecttype(catalogus, "Rapport geluidsmeting", "beperkt_openbaar"),
        "advies": s.informatieobjecttype(catalogus, "Advies", "zaakvertrouwelijk"),
        "notitie": s.informatieobjecttype(catalogus, "Interne notitie", "vertrouwelijk"),
        "besluit": s.informatieobjecttype(catalogus, "Besluit", "openbaar"),
    }
    besluittype = s.add(
        "catalogi",
        "besluittypen",
        "besluittype:parkeervergunning",
        {
            "catalogus": catalogus,
            "zaaktypen": [zaaktypen["parkeervergunning"]],
            "omschrijving": "Besluit parkeervergunning bewoners",
            "omschrijvingGeneriek": "Toekenning",
            "besluitcategorie": "Vergunning",
            "reactietermijn": "P6W",
            "publicatieIndicatie": False,
            "publicatietekst": "",
            "publicatietermijn": None,
            "toelichting": "",
            "informatieobjecttypen": [iot["besluit"]],
            "beginGeldigheid": "2023-01-01",
            "eindeGeldigheid": None,
            "concept": False,
        },
    )
    for key, zaaktype in zaaktypen.items():
        for number, document in enumerate(("aanvraag", "rapport", "advies", "besluit"), start=1):
            s.add(
                "catalogi",
                "zaaktype-informatieobjecttypen",
                f"ziot:{key}:{document}",
                {
                    "zaaktype": zaaktype,
                    "informatieobjecttype": iot[document],
                    "volgnummer": number,
                    "richting": "inkomend" if document == "aanvraag" else "uitgaand",
                    "statustype": None,
                },
            )

    # -- Anne Klap's zaken ---------------------------------------------------------------
    zaken = {
        "parkeerbon": s.zaak(
            "parkeerbon",
            zaaktypen["parkeerbon"],
            "Parkeerbon Valeriusplein 35, kenteken K-539-VB",
            -3,
            toelichting="Geen of niet voldoende parkeerbelasting betaald",
        ),
        "subsidie": s.zaak(
            "subsidie", zaaktypen["subsidie"], "Aanvraag subsidie geluidsisolatie", -45, gepland=60
        ),
        "ooievaarspas": s.zaak(
            "ooievaarspas", zaaktypen["ooievaarspas"], "Aanvraag Ooievaarspas", -10, gepland=18
        ),
        "parkeervergunning": s.zaak(
            "parkeervergunning",
            zaaktypen["parkeervergunning"],
            "Aanvraag parkeervergunning bewoners",
            -90,
        ),
        "intern": s.zaak("intern", zaaktypen["intern"], "Interne toets bezwaarschrift", -5),
    }
    for key, zaak in zaken.items():
        s.rol_persoon(f"anne:{key}", zaak, roltypen[key]["initiator"], DEMO_BSN, _ANNE)
    s.statussen("parkeerbon", zaken["parkeerbon"], statustypen["parkeerbon"], [-3])
    s.statussen("subsidie", zaken["subsidie"], statustypen["subsidie"], [-45, -20])
    s.statussen("ooievaarspas", zaken["ooievaarspas"], statustypen["ooievaarspas"], [-10])
    s.statussen("intern", zaken["intern"], statustypen["intern"], [-5])
    afgerond = zaken["parkeervergunning"]
    s.statussen("parkeervergunning", afgerond, statustypen["parkeervergunning"], [-90, -80])
    s.add(
        "zaken",
        "resultaten",
        "resultaat:parkeervergunning",
        {
            "zaak": afgerond,
            "resultaattype": resultaattypen["parkeervergunning"],
            "toelichting": "Parkeervergunning verleend",
        },
    )
    s.add(
        "zaken",
        "statussen",
        "status:parkeervergunning:eind",
        {
            "zaak": afgerond,
            "statustype": statustypen["parkeervergunning"][-1],
            "datumStatusGezet": s.moment(-60, "14:00:00"),
            "statustoelichting": "Besluit verzonden",
        },
    )
    besluiten = {
        "parkeervergunning": s.besluit(
            "parkeervergunning",
            afgerond,
            besluittype,
            "Parkeervergunning bewoners verleend voor kenteken K-539-VB",
            -60,
        )
    }
    documenten = {
        "aanvraag": s.document(
            "aanvraag-subsidie",
            zaken["subsidie"],
            "Aanvraagformulier subsidie geluidsisolatie",
            iot["aanvraag"],
            created=-45,
        ),
        "rapport": s.document(
            "rapport-geluid",
            zaken["subsidie"],
            "Rapport geluidsmeting woning",
            iot["rapport"],
            vertrouwelijk="beperkt_openbaar",
            created=-20,
        ),
        "concept": s.document(
            "concept-advies",
            zaken["subsidie"],
            "Concept advies maatregelen",
            iot["advies"],
            status="in_bewerking",
            vertrouwelijk="zaakvertrouwelijk",
            created=-2,
        ),
        "notitie": s.document(
            "interne-notitie",
            zaken["subsidie"],
            "Interne notitie behandelaar",
            iot["notitie"],
            vertrouwelijk="vertrouwelijk",
            created=-15,
        ),
        "besluit": s.document(
            "besluit-parkeervergunning",
            afgerond,
            "Besluit parkeervergunning bewoners",
            iot["besluit"],
            created=-60,
        ),
        "ooievaarspas": s.document(
            "aanvraag-ooievaarspas",
            zaken["ooievaarspas"],
            "Aanvraagformulier Ooievaarspas",
            iot["aanvraag"],
            created=-10,
        ),
    }

    # -- the company and the other citizen ------------------------------------------------
    zaken["bedrijf_terras"] = s.zaak(
        "bedrijf_terras", zaaktypen["terras"], "Aanvraag terrasvergunning Grote Markt 12", -20
    )
    zaken["bedrijf_parkeren"] = s.zaak(
        "bedrijf_parkeren",
        zaaktypen["parkeervergunning"],
        "Aanvraag bedrijfsparkeervergunning",
        -8,
    )
    s.rol_bedrijf("bedrijf:terras", zaken["bedrijf_terras"], roltypen["terras"]["initiator"])
    s.rol_bedrijf(
        "bedrijf:parkeren", zaken["bedrijf_parkeren"], roltypen["parkeervergunning"]["initiator"]
    )
    s.statussen("bedrijf_terras", zaken["bedrijf_terras"], statustypen["terras"], [-20, -6])
    s.statussen(
        "bedrijf_parkeren", zaken["bedrijf_parkeren"], statustypen["parkeervergunning"], [-8]
    )
    zaken["ander_ooievaarspas"] = s.zaak(
        "ander_ooievaarspas", zaaktypen["ooievaarspas"], "Aanvraag Ooievaarspas", -12
    )
    s.rol_persoon(
        "ander:ooievaarspas",
        zaken["ander_ooievaarspas"],
        roltypen["ooievaarspas"]["initiator"],
        DEMO_BSN_OTHER,
        ("Pieter", "P.", "Bakker"),
    )
    s.statussen(
        "ander_ooievaarspas", zaken["ander_ooievaarspas"], statustypen["ooievaarspas"], [-12]
    )

    # -- taken -------------------------------------------------------------------------
    objecttype = s.taak_objecttype()
    anne = {"type": "bsn", "value": DEMO_BSN}

    def koppeling(zaak: str) -> JSON:
        return {"registratie": "zaak", "uuid": zaak.rstrip("/").rsplit("/", 1)[-1]}

    taken = {
        "parkeerbon": s.taak(
            "parkeerbon",
            objecttype,
            {
                "titel": "Betaal uw parkeerbon van € 74,90 voor parkeren bij Valeriusplein",
                "soort": "ogonebetaling",
                "ogonebetaling": {
                    "bedrag": 74.90,
                    "betaalkenmerk": "NH2023K539VB",
                    "pspid": "DenHaag",
                },
                "identificatie": anne,
                "koppeling": koppeling(zaken["parkeerbon"]),
                "verloopdatum": s.deadline(14),
            },
        ),
        "subsidie": s.taak(
            "subsidie",
            objecttype,
            {
                "titel": "Geef informatie voor uw aanvraag subsidie geluidsisolatie",
                "soort": "portaalformulier",
                "portaalformulier": {
                    "formulier": {"soort": "id", "value": "aanvullende-gegevens-geluidsisolatie"},
                    "data": {"adres": "Valeriusplein 35, 2585 VS Den Haag"},
                },
                "identificatie": anne,
                "koppeling": koppeling(zaken["subsidie"]),
                "verloopdatum": s.deadline(2),
            },
        ),
        "identiteitskaart": s.taak(
            "identiteitskaart",
            objecttype,
            {
                "titel": "Verleng uw identiteitskaart",
                "soort": "url",
                "url": {"uri": "https://www.denhaag.nl/nl/paspoort-en-identiteitskaart"},
                "identificatie": anne,
                "verloopdatum": s.deadline(56),
            },
        ),
        "ooievaarspas_afgerond": s.taak(
            "ooievaarspas_afgerond",
            objecttype,
            {
                "titel": "Informatie geven voor uw aanvraag Ooievaarspas",
                "status": "verwerkt",
                "soort": "portaalformulier",
                "portaalformulier": {
                    "formulier": {"soort": "id", "value": "ooievaarspas-inkomen"},
                    "verzonden_data": {"inkomen": "bijstand"},
                },
                "identificatie": anne,
                "koppeling": koppeling(zaken["ooievaarspas"]),
                "verloopdatum": s.deadline(-5),
            },
            start=-10,
        ),
        "bedrijf_terras": s.taak(
            "bedrijf_terras",
            objecttype,
            {
                "titel": "Lever een plattegrond van uw terras aan",
                "soort": "portaalformulier",
                "portaalformulier": {"formulier": {"soort": "id", "value": "terras-plattegrond"}},
                "identificatie": {"type": "kvk", "value": DEMO_KVK},
                "koppeling": koppeling(zaken["bedrijf_terras"]),
                "verloopdatum": s.deadline(7),
            },
        ),
    }

    # -- Klantinteracties: partijen and contact about two zaken ---------------------------
    identificator = {
        "codeObjecttype": "natuurlijk_persoon",
        "codeSoortObjectId": "bsn",
        "codeRegister": "brp",
    }
    partijen = {
        "anne": s.add(
            "klantinteracties",
            "partijen",
            "partij:anne",
            {
                "soortPartij": "persoon",
                "indicatieActief": True,
                "voorkeurstaal": "nld",
                "partijIdentificatie": {"contactnaam": _ANNE_CONTACTNAAM},
                "bezoekadres": {
                    "straatnaam": "Valeriusplein",
                    "huisnummer": 35,
                    "postcode": "2585 VS",
                    "stad": "Den Haag",
                    "land": "NL",
                },
                "partijIdentificatoren": [
                    {
                        "uuid": stable_uuid("partijidentificator:anne"),
                        "partijIdentificator": {**identificator, "objectId": DEMO_BSN},
                    }
                ],
            },
        ),
        "bedrijf": s.add(
            "klantinteracties",
            "partijen",
            "partij:bedrijf",
            {
                "soortPartij": "organisatie",
                "indicatieActief": True,
                "voorkeurstaal": "nld",
                "partijIdentificatie": {"naam": "Haagse Horeca B.V."},
                "partijIdentificatoren": [
                    {
                        "uuid": stable_uuid("partijidentificator:kvk"),
                        "partijIdentificator": {
                            "codeObjecttype": "niet_natuurlijk_persoon",
                            "codeSoortObjectId": "kvk_nummer",
                            "objectId": DEMO_KVK,
                            "codeRegister": "hr",
                        },
                    }
                ],
            },
        ),
    }
    s.add(
        "klantinteracties",
        "partij-identificatoren",
        "partijidentificator:vestiging",
        {
            "identificeerdePartij": {"url": partijen["bedrijf"]},
            "partijIdentificator": {
                "codeObjecttype": "vestiging",
                "codeSoortObjectId": "vestigingsnummer",
                "objectId": DEMO_VESTIGINGSNUMMER,
                "codeRegister": "hr",
            },
            "subIdentificatorVan": {"uuid": stable_uuid("partijidentificator:kvk")},
        },
    )
    s.add(
        "klantinteracties",
        "digitaleadressen",
        "digitaaladres:anne",
        {
            "verstrektDoorPartij": {"url": partijen["anne"]},
            "adres": "anne.klap@example.nl",
            "soortDigitaalAdres": "email",
            "isStandaardAdres": True,
            "omschrijving": "privé e-mail",
        },
    )
    klantcontacten = {
        "subsidie": s.klantcontact(
            "subsidie",
            partijen["anne"],
            zaken["subsidie"],
            _ANNE_CONTACTNAAM,
            kanaal="telefoon",
            onderwerp="Vraag over afspraak geluidsmeting",
            inhoud="Mevrouw Klap vraagt wanneer de geluidsmeting bij haar woning plaatsvindt.",
            offset=-25,
        ),
        "ooievaarspas": s.klantcontact(
            "ooievaarspas",
            partijen["anne"],
            zaken["ooievaarspas"],
            _ANNE_CONTACTNAAM,
            kanaal="e-mail",
            onderwerp="Vraag over inkomensgrens Ooievaarspas",
            inhoud="Mevrouw Klap vraagt of haar inkomen onder de grens voor de Ooievaarspas valt.",
            offset=-7,
        ),
    }
    contactmomenten = {
        "subsidie": s.contactmoment(
            "subsidie",
            zaken["subsidie"],
            kanaal="telefoon",
            tekst="Vraag over afspraak geluidsmeting; afspraak bevestigd.",
            offset=-25,
        ),
        "ooievaarspas": s.contactmoment(
            "ooievaarspas",
            zaken["ooievaarspas"],
            kanaal="e-mail",
            tekst="Vraag over inkomensgrens Ooievaarspas; uitleg gegeven per e-mail.",
            offset=-7,
        ),
    }
    platform = seed_platform(
        backend, today=s.today, parkeerbon_zaak=zaken["parkeerbon"], bsn=DEMO_BSN
    )
    return DemoScenario(
        today=s.today,
        bsn=DEMO_BSN,
        other_bsn=DEMO_BSN_OTHER,
        kvk=DEMO_KVK,
        catalogus=catalogus,
        zaaktypen=zaaktypen,
        statustypen=statustypen,
        zaken=zaken,
        documenten=documenten,
        besluiten=besluiten,
        taak_objecttype=objecttype,
        taken=taken,
        partijen=partijen,
        klantcontacten=klantcontacten,
        contactmomenten=contactmomenten,
        platform=platform,
    )


#: The URN namespace of the demo municipality in Open VTB links (``urn:nld:denhaag:...``).
DEMO_URN_ORGANISATIE = "denhaag"


def seed_platform(
    backend: InMemoryBackend, *, today: dt.date, parkeerbon_zaak: str, bsn: str = DEMO_BSN
) -> PlatformScenario:
    """Anne Klap's berichten, taken and product on the Dienstverleningsplatform.

    Two berichten (one unread and linked to the parkeerbon zaak by its zaaknummer URN, one
    opened), a betaaltaak "Betaal uw parkeerbon" of EUR 74,90 with its payment reference and
    a deadline in 14 days, a formuliertaak, and a parkeervergunning valid for a year.
    """
    s = _Seeder(backend, today)
    party = f"urn:nld:brp:bsn:{bsn}"
    zaak = backend.get(parkeerbon_zaak) or {}
    zaak_urn = f"urn:nld:{DEMO_URN_ORGANISATIE}:zaak:zaaknummer:{zaak.get('identificatie', '')}"
    berichten = {
        "parkeerbon": s.add(
            "berichten",
            "berichten",
            "bericht:parkeerbon",
            {
                "onderwerp": "Uw parkeerbon",
                "berichtTekst": (
                    "U heeft een naheffingsaanslag parkeerbelasting gekregen voor "
                    "Valeriusplein 35. Betaal het bedrag binnen 14 dagen."
                ),
                "publicatiedatum": s.moment(-3),
                "referentie": "NH-2026-000123",
                "ontvanger": party,
                "geopendOp": None,
                "berichtType": "NAHEFF",
                "isGerelateerdAan": [{"urn": zaak_urn}],
                "handelingsPerspectief": "betalen",
                "einddatumHandelingsTermijn": s.moment(14, "23:59:59"),
                "mijnOverheidBerichtenbox": True,
            },
        ),
        "welkom": s.add(
            "berichten",
            "berichten",
            "bericht:welkom",
            {
                "onderwerp": "Welkom in MijnDenHaag",
                "berichtTekst": "Hier vindt u uw zaken, berichten en taken.",
                "publicatiedatum": s.moment(-30),
                "ontvanger": party,
                "geopendOp": s.moment(-29, "20:15:00"),
                "handelingsPerspectief": "lezen",
                "mijnOverheidBerichtenbox": False,
            },
        ),
    }
    taken = {
        "parkeerbon": s.add(
            "taken",
            "externetaken",
            "vtb-taak:parkeerbon",
            {
                "titel": "Betaal uw parkeerbon",
                "status": "open",
                "startdatum": s.day(-3),
                "handelingsPerspectief": "betalen",
                "einddatumHandelingsTermijn": s.day(14),
                "toelichting": "Naheffingsaanslag parkeerbelasting Valeriusplein 35",
                "isToegewezenAan": party,
                "isGerelateerdAan": [{"urn": zaak_urn}],
                "taakSoort": "betaaltaak",
                "details": {
                    "bedrag": "74.90",
                    "valuta": "EUR",
                    "transactieomschrijving": "Parkeerbon NH-2026-000123",
                    "doelrekening": {
                        "naam": "Gemeente Den Haag",
                        "code": "parkeerbelasting",
                        "iban": "NL79INGB0000005678",
                    },
                },
            },
        ),
        "geluidsmeting": s.add(
            "taken",
            "externetaken",
            "vtb-taak:geluidsmeting",
            {
                "titel": "Kies een datum voor de geluidsmeting",
                "status": "open",
                "startdatum": s.day(-5),
                "handelingsPerspectief": "invullen",
                "einddatumHandelingsTermijn": s.day(2),
                "isToegewezenAan": party,
                "taakSoort": "formuliertaak",
                "details": {
                    "formulierDefinitie": {
                        "components": [
                            {"label": "Voorkeursdatum", "key": "datum", "type": "date"},
                            {"label": "Opmerking", "key": "opmerking", "type": "textarea"},
                        ]
                    },
                    "voorinvullenGegevens": {},
                    "ontvangenGegevens": {},
                },
            },
        ),
    }
    thema = backend.add(
        "producttypen",
        "themas",
        {"uuid": stable_uuid("thema:parkeren"), "naam": "Parkeren", "gepubliceerd": True},
    )
    thema_uuid = thema["uuid"]
    producttype = backend.add(
        "producttypen",
        "producttypen",
        {
            "uuid": stable_uuid("producttype:parkeervergunning"),
            "uniforme_product_naam": "parkeervergunning",
            "doelgroep": "burgers",
            "thema_uuids": [thema_uuid],
            "naam": "Parkeervergunning bewoners",
            "samenvatting": "Met een parkeervergunning parkeert u in uw eigen wijk.",
            "publicatie_start_datum": s.day(-365),
            "code": "PV-BEWONER",
            "toegestane_statussen": ["in_aanvraag", "gereed", "actief", "verlopen"],
            "keywords": ["parkeren", "auto"],
        },
    )
    vergunning = backend.add(
        "producten",
        "producten",
        {
            "uuid": stable_uuid("product:parkeervergunning"),
            "naam": "Parkeervergunning K-539-VB",
            "start_datum": s.day(-80),
            "eind_datum": s.day(285),
            "producttype_uuid": producttype["uuid"],
            "gepubliceerd": True,
            "eigenaren": [{"bsn": bsn}],
            "status": "actief",
            "prijs": "75.00",
            "frequentie": "jaarlijks",
            "dataobject": {"kenteken": "K-539-VB"},
        },
    )
    return PlatformScenario(
        party_urn=party,
        berichten=berichten,
        taken=taken,
        producttype=producttype["uuid"],
        producten={"parkeervergunning": vergunning["url"]},
    )


def seed_benchmark(
    backend: InMemoryBackend,
    *,
    zaken: int = 25,
    statussen: int = 4,
    documenten: int = 3,
    besluiten: int = 1,
    contactmomenten: int = 2,
    taken: int = 6,
    today: dt.date | None = None,
) -> BenchmarkScenario:
    """One citizen ([`DEMO_BSN`][zgw_client.testing.demo.DEMO_BSN]) with ``zaken`` open zaken of the
    given sizes.

    Each zaak gets ``statussen`` statussen (its zaaktype has one more, final, statustype so
    the zaken stay open), ``documenten`` documents, ``besluiten`` besluiten and
    ``contactmomenten`` klantcontacten; ``taken`` open taken are spread over the zaken.
    """
    s = _Seeder(backend, today or dt.date.today())
    catalogus = s.catalogus()
    zaaktype = s.zaaktype("benchmark", catalogus, "Aanvraag omgevingsvergunning")
    steps = [(f"Stap {n}", f"Uw aanvraag is bij stap {n}", True) for n in range(1, statussen + 2)]
    statustypen = s.statustypen("benchmark", zaaktype, catalogus, steps)
    roltype = s.roltypen("benchmark", zaaktype, catalogus)["initiator"]
    iot = s.informatieobjecttype(catalogus, "Bijlage", "openbaar")
    besluittype = s.add(
        "catalogi",
        "besluittypen",
        "besluittype:benchmark",
        {
            "catalogus": catalogus,
            "zaaktypen": [zaaktype],
            "omschrijving": "Besluit",
            "concept": False,
        },
    )
    partij = s.add(
        "klantinteracties",
        "partijen",
        "partij:benchmark",
        {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "partijIdentificatie": {"contactnaam": _ANNE_CONTACTNAAM},
            "partijIdentificatoren": [
                {
                    "partijIdentificator": {
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": DEMO_BSN,
                        "codeRegister": "brp",
                    }
                }
            ],
        },
    )
    objecttype = s.taak_objecttype()
    created: list[str] = []
    for n in range(zaken):
        key = f"bench:{n}"
        zaak = s.zaak(key, zaaktype, f"Aanvraag omgevingsvergunning {n + 1}", -(n + statussen + 1))
        created.append(zaak)
        s.rol_persoon(key, zaak, roltype, DEMO_BSN, _ANNE)
        offsets = [-(n + statussen + 1) + step for step in range(statussen)]
        s.statussen(key, zaak, statustypen, offsets)
        for d in range(documenten):
            s.document(f"{key}:{d}", zaak, f"Bijlage {d + 1}", iot, created=-n)
        for b in range(besluiten):
            s.besluit(f"{key}:{b}", zaak, besluittype, f"Besluit {b + 1}", -n)
        for c in range(contactmomenten):
            s.klantcontact(
                f"{key}:{c}",
                partij,
                zaak,
                _ANNE_CONTACTNAAM,
                kanaal="telefoon",
                onderwerp=f"Vraag {c + 1} over aanvraag {n + 1}",
                inhoud="Vraag over de voortgang.",
                offset=-n,
            )
    taak_urls = []
    for t in range(taken):
        linked = created[t % len(created)] if created else None
        data: Any = {
            "titel": f"Lever aanvullende gegevens aan ({t + 1})",
            "soort": "portaalformulier",
            "portaalformulier": {"formulier": {"soort": "id", "value": f"formulier-{t}"}},
            "identificatie": {"type": "bsn", "value": DEMO_BSN},
            "verloopdatum": s.deadline(t + 1),
        }
        if linked:
            data["koppeling"] = {"registratie": "zaak", "uuid": linked.rsplit("/", 1)[-1]}
        taak_urls.append(s.taak(f"bench:{t}", objecttype, data))
    return BenchmarkScenario(bsn=DEMO_BSN, zaaktype=zaaktype, zaken=created, taken=taak_urls)
