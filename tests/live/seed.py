"""Seed a fresh test stack for the live suite, through zgw-client itself, and print the
``ZGW_*`` variables the suite needs.

Creates in Open Zaak a catalogus with a published zaaktype (three statustypen, an
initiator and a behandelaar roltype, a resultaattype whose selectielijstklasse comes from
the Selectielijst API Open Zaak is configured with, an informatieobjecttype and a
besluittype), and, when the Objects API is configured, the Taak objecttype with the NL
Portal "taak v2" schema as its published version 1. Safe to run twice: what exists
(found by its omschrijving / name) is reused.

The roots and credentials come from the ``ZGW_*`` variables, as for the suite
(``docs/guides/live-testing.md``); the selectielijst from ``--selectielijst`` (the API root
Open Zaak validates against). Run it against a test stack only::

    python tests/live/seed.py --selectielijst https://selectielijst.openzaak.nl/api/v1/

It prints ``export`` lines (no secrets) to add to the variables the stack was started with.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

import httpx

from zgw_client import ZGWClient, ZGWConfig
from zgw_client.testing.demo import TAAK_SCHEMA

RSIN = "000000000"
START = "2024-01-01"
ZAAKTYPE_ID = "ZGW-LIVE"
STATUSTYPEN = [
    ("Ontvangen", "ontvangen"),
    ("In behandeling", "in behandeling"),
    ("Afgerond", "afgerond"),
]
ROLTYPEN = [("Initiator", "initiator"), ("Behandelaar", "behandelaar")]


def seed_openzaak(client: ZGWClient, selectielijst: str) -> str:
    """The published live-test zaaktype's URL (made when missing)."""
    ztc = client.catalogi
    catalogus = next(iter(ztc.catalogussen.list(domein="TEST", rsin=RSIN)), None)
    if catalogus is None:
        catalogus = ztc.catalogussen.create(
            {
                "domein": "TEST",
                "rsin": RSIN,
                "contactpersoonBeheerNaam": "Beheer",
                "naam": "zgw-client live tests",
                "versie": "1",
                "begindatumVersie": START,
            }
        )
    existing = [
        z
        for z in ztc.zaaktypen.list(catalogus=str(catalogus.url), identificatie=ZAAKTYPE_ID)
        if not z.concept
    ]
    if existing:
        return str(existing[0].url)
    iotype = ztc.informatieobjecttypen.create(
        {
            "catalogus": catalogus.url,
            "omschrijving": "Bijlage",
            "vertrouwelijkheidaanduiding": "openbaar",
            "beginGeldigheid": START,
            "informatieobjectcategorie": "bijlage",
        }
    )
    ztc.informatieobjecttypen.publish(iotype)
    besluittype = ztc.besluittypen.create(
        {
            "catalogus": catalogus.url,
            "omschrijving": "Toekenning",
            "zaaktypen": [],
            "publicatieIndicatie": False,
            "informatieobjecttypen": [iotype.url],
            "beginGeldigheid": START,
        }
    )
    ztc.besluittypen.publish(besluittype)
    resultaat, procestype = _selectielijst_resultaat(selectielijst)
    omschrijving = _get(f"{selectielijst.rstrip('/')}/resultaattypeomschrijvingen")[0]["url"]
    zaaktype = ztc.zaaktypen.create(
        {
            "identificatie": ZAAKTYPE_ID,
            "omschrijving": "zgw-client live test zaaktype",
            "vertrouwelijkheidaanduiding": "openbaar",
            "doel": "Testen van zgw-client",
            "aanleiding": "Live tests",
            "indicatieInternOfExtern": "extern",
            "handelingInitiator": "aanvragen",
            "onderwerp": "Test",
            "handelingBehandelaar": "behandelen",
            "doorlooptijd": "P30D",
            "opschortingEnAanhoudingMogelijk": True,
            "verlengingMogelijk": True,
            "verlengingstermijn": "P30D",
            "publicatieIndicatie": False,
            "productenOfDiensten": [],
            "selectielijstProcestype": procestype,
            "referentieproces": {"naam": "test"},
            "verantwoordelijke": RSIN,
            "catalogus": catalogus.url,
            "besluittypen": [besluittype.url],
            "gerelateerdeZaaktypen": [],
            "beginGeldigheid": START,
            "versiedatum": START,
            "trefwoorden": [],
        }
    )
    for volgnummer, (naam, generiek) in enumerate(STATUSTYPEN, 1):
        ztc.statustypen.create(
            {
                "zaaktype": zaaktype.url,
                "omschrijving": naam,
                "omschrijvingGeneriek": generiek,
                "volgnummer": volgnummer,
                "statustekst": naam,
            }
        )
    for naam, generiek in ROLTYPEN:
        ztc.roltypen.create(
            {"zaaktype": zaaktype.url, "omschrijving": naam, "omschrijvingGeneriek": generiek}
        )
    ztc.resultaattypen.create(
        {
            "zaaktype": zaaktype.url,
            "omschrijving": "Afgehandeld",
            "resultaattypeomschrijving": omschrijving,
            "selectielijstklasse": resultaat,
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
        }
    )
    ztc.zaaktype_informatieobjecttypen.create(
        {
            "zaaktype": zaaktype.url,
            "informatieobjecttype": iotype.url,
            "volgnummer": 1,
            "richting": "inkomend",
        }
    )
    ztc.zaaktypen.publish(zaaktype)
    return str(zaaktype.url)


def _get(url: str) -> Any:
    response = httpx.get(url, timeout=30)
    response.raise_for_status()
    return response.json()


def _selectielijst_resultaat(root: str) -> tuple[str, str]:
    """A selectielijst resultaat of a procestype of 2017 (the year Open Zaak defaults to),
    and its procestype."""
    root = root.rstrip("/")
    for procestype in _get(f"{root}/procestypen?jaar=2017"):
        found = _get(f"{root}/resultaten?procesType={procestype['url']}")
        results = found["results"] if isinstance(found, dict) else found
        if results:
            return str(results[0]["url"]), str(procestype["url"])
    raise SystemExit(f"{root}: no procestype of 2017 with resultaten")


def seed_taak_objecttype(client: ZGWClient) -> str:
    """The Taak objecttype's URL (Objects API 4.0: objecttypes are served by the Objects
    API itself), with the NL Portal taak v2 schema as its published version 1."""
    objecttypes = client.objecten.objecttypes
    for found in objecttypes.list():
        if found.name == "Taak" and found.url:
            return str(found.url)
    root = client.service("objecten").api_root.rstrip("/")
    made = client.request(
        "POST",
        f"{root}/objecttypes",
        json={
            "name": "Taak",
            "namePlural": "Taken",
            "description": "NL Portal taak v2 (zgw-client live tests)",
            "dataClassification": "open",
            "maintainerOrganization": "zgw-client",
            "contactPerson": "",
            "contactEmail": "",
            "source": "",
            "updateFrequency": "unknown",
            "providerOrganization": "",
            "documentationUrl": "",
            "labels": {},
            "allowGeometry": False,
        },
    ).json()
    version = client.request(
        "POST", f"{made['url']}/versions", json={"status": "draft", "jsonSchema": TAAK_SCHEMA}
    ).json()
    client.request("PATCH", version["url"], json={"status": "published"})
    return str(made["url"])


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--selectielijst",
        default=os.environ.get(
            "SELECTIELIJST_API_ROOT", "https://selectielijst.openzaak.nl/api/v1/"
        ),
        help="the Selectielijst API root Open Zaak validates resultaattypen against",
    )
    args = parser.parse_args(argv)
    config = ZGWConfig.from_env()
    lines = []
    with ZGWClient(config) as client:
        lines.append(f"export ZGW_LIVE_ZAAKTYPE={seed_openzaak(client, args.selectielijst)}")
        if client.services_of("objecten"):
            lines.append(f"export ZGW_LIVE_TAAK_OBJECTTYPE={seed_taak_objecttype(client)}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
