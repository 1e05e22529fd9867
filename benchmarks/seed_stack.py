"""Seed a (test) stack with the benchmark citizen, through zgw-client itself.

Creates, for the citizen ``--bsn`` (default the benchmark's test BSN 999993653, which
the live suite does not use), ``--zaken`` zaken of one zaaktype, each with an
initiator rol, ``--statussen`` statussen (never the eindstatus, so the zaken stay open),
``--documenten`` documents linked to the zaak, one besluit, two klantcontacten about the
zaak (Open Klant), and ``--taken`` open taken (Objects API), so that
``mijnzaken_overview.py --real`` has something to compose. Run it against a test stack only.

    ZGW_* variables as for the live suite (see docs/guides/live-testing.md), then
    python benchmarks/seed_stack.py --zaaktype URL --taak-objecttype URL
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from zgw_client import ZGWClient, ZGWConfig

BSN = "999993653"  # zgw_client.testing.DEMO_BSN: the benchmark's default citizen
RSIN = "000000000"


def seed(client: ZGWClient, args: argparse.Namespace) -> None:
    zaaktype = client.catalogi.zaaktypen.get(args.zaaktype)
    statustypen = client.catalogi.statustypen_of(zaaktype.url or "")
    steps = [s for s in statustypen if not s.is_eindstatus][: args.statussen]
    roltype = next(
        r
        for r in client.catalogi.roltypen.list(zaaktype=zaaktype.url)
        if str(getattr(r.omschrijving_generiek, "value", r.omschrijving_generiek)) == "initiator"
    )
    iotype = next(iter(zaaktype.informatieobjecttypen or []))
    besluittype = next(iter(zaaktype.besluittypen or []), None)
    partij = _ensure_partij(client, args.bsn) if args.klant else None
    today = dt.date.today()
    for n in range(args.zaken):
        zaak = client.zaken.zaken.create(
            {
                "zaaktype": zaaktype.url,
                "bronorganisatie": RSIN,
                "verantwoordelijkeOrganisatie": RSIN,
                "startdatum": (today - dt.timedelta(days=n)).isoformat(),
                "omschrijving": f"Benchmark zaak {n + 1}",
            }
        )
        client.zaken.rollen.create(
            {
                "zaak": zaak.url,
                "roltype": roltype.url,
                "betrokkeneType": "natuurlijk_persoon",
                "roltoelichting": "aanvrager",
                "betrokkeneIdentificatie": {"inpBsn": args.bsn},
            }
        )
        for k, step in enumerate(steps):
            client.zaken.statussen.create(
                {
                    "zaak": zaak.url,
                    "statustype": step.url,
                    "datumStatusGezet": f"{today.isoformat()}T0{k}:00:00Z",
                }
            )
        for d in range(args.documenten):
            document = client.documenten.enkelvoudiginformatieobjecten.upload(
                f"Document {d + 1} van zaak {n + 1}".encode(),
                metadata={
                    "bronorganisatie": RSIN,
                    "creatiedatum": today.isoformat(),
                    "titel": f"Document {d + 1}",
                    "auteur": "benchmark",
                    "taal": "nld",
                    "bestandsnaam": f"document-{d + 1}.txt",
                    "formaat": "text/plain",
                    "informatieobjecttype": iotype,
                    "vertrouwelijkheidaanduiding": "openbaar",
                    "status": "definitief",
                },
            )
            client.zaken.zaakinformatieobjecten.create(
                {"zaak": zaak.url, "informatieobject": document.url}
            )
        if besluittype:
            client.besluiten.besluiten.create(
                {
                    "verantwoordelijkeOrganisatie": RSIN,
                    "besluittype": besluittype,
                    "zaak": zaak.url,
                    "datum": today.isoformat(),
                    "ingangsdatum": today.isoformat(),
                }
            )
        if partij is not None:
            for c in range(2):
                _klantcontact(client, zaak, partij, c)
        if n < args.taken and args.taak_objecttype:
            _taak(client, args.taak_objecttype, zaak, n, args.bsn)
        print(f"seeded {zaak.identificatie}")


def _ensure_partij(client: ZGWClient, bsn: str) -> Any:
    found = client.klantinteracties.partij_for_bsn(bsn)
    if found is not None:
        return found
    return client.klantinteracties.partijen.create(
        {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "indicatieGeheimhouding": False,
            "voorkeurstaal": "nld",
            "digitaleAdressen": [],
            "rekeningnummers": [],
            "voorkeursDigitaalAdres": None,
            "voorkeursRekeningnummer": None,
            "partijIdentificatie": {
                "contactnaam": {
                    "voorletters": "B",
                    "voornaam": "Bench",
                    "voorvoegselAchternaam": "",
                    "achternaam": "Mark",
                }
            },
            "partijIdentificatoren": [
                {
                    "partijIdentificator": {
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": bsn,
                        "codeRegister": "brp",
                    }
                }
            ],
        }
    )


def _klantcontact(client: ZGWClient, zaak: Any, partij: Any, n: int) -> None:
    ki = client.klantinteracties
    contact = ki.klantcontacten.create(
        {
            "kanaal": "e-mail",
            "onderwerp": f"Vraag {n + 1} over {zaak.identificatie}",
            "inhoud": "Wanneer hoor ik meer?",
            "taal": "nld",
            "vertrouwelijk": False,
            "indicatieContactGelukt": True,
            "plaatsgevondenOp": dt.datetime.now(dt.timezone.utc).isoformat(),
        }
    )
    ref = {"uuid": str(contact.uuid)}
    ki.betrokkenen.create(
        {
            "hadKlantcontact": ref,
            "wasPartij": {"uuid": str(partij.uuid)},
            "rol": "klant",
            "initiator": True,
            "organisatienaam": "",
        }
    )
    ki.onderwerpobjecten.create(
        {
            "klantcontact": ref,
            "onderwerpobjectidentificator": {
                "objectId": str(zaak.uuid),
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        }
    )


def _taak(client: ZGWClient, objecttype: str, zaak: Any, n: int, bsn: str) -> None:
    client.objecten.objects.create(
        {
            "type": objecttype,
            "record": {
                "typeVersion": 1,
                "startAt": dt.date.today().isoformat(),
                "data": {
                    "titel": f"Taak {n + 1} voor {zaak.identificatie}",
                    "status": "open",
                    "soort": "url",
                    "url": {"uri": "https://example.org/taak"},
                    "identificatie": {"type": "bsn", "value": bsn},
                    "koppeling": {"registratie": "zaak", "uuid": str(zaak.uuid)},
                    "verloopdatum": (dt.date.today() + dt.timedelta(days=n + 1)).isoformat()
                    + "T23:59:59Z",
                    "eigenaar": "benchmark",
                    "verwerker_taak_id": f"benchmark-{zaak.uuid}",
                },
            },
        }
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zaaktype", required=True)
    parser.add_argument("--taak-objecttype", default="")
    parser.add_argument("--bsn", default=BSN)
    parser.add_argument("--zaken", type=int, default=25)
    parser.add_argument("--statussen", type=int, default=4)
    parser.add_argument("--documenten", type=int, default=3)
    parser.add_argument("--taken", type=int, default=6)
    parser.add_argument("--no-klant", dest="klant", action="store_false")
    args = parser.parse_args(argv)
    with ZGWClient(ZGWConfig.from_env()) as client:
        seed(client, args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
