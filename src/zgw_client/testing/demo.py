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
from typing import TYPE_CHECKING

from ._demo_benchmark import seed_benchmark  # re-exported
from ._demo_platform import seed_platform  # re-exported
from ._demo_scenarios import (  # re-exported
    _ANNE,
    _ANNE_CONTACTNAAM,
    DEMO_BSN,
    DEMO_BSN_OTHER,
    DEMO_KVK,
    DEMO_RSIN,
    DEMO_VESTIGINGSNUMMER,
    TAAK_SCHEMA,
    BenchmarkScenario,
    DemoScenario,
    PlatformScenario,
    stable_uuid,
)
from ._demo_seeder import _Seeder
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
