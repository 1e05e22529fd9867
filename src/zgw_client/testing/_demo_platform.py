"""Demo data on the Dienstverleningsplatform: berichten, taken, a product (Open VTB and Product)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ._demo_scenarios import (
    DEMO_BSN,
    PlatformScenario,
    stable_uuid,
)
from ._demo_seeder import _Seeder

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


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
