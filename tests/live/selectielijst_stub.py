"""A stand-in for the VNG Selectielijst API, for a live-test stack without internet.

Open Zaak checks a resultaattype's ``selectielijstklasse`` (and a zaaktype's
``selectielijstProcestype``) by fetching it from the Selectielijst API it is configured
with. The public one is https://selectielijst.openzaak.nl/api/v1/; where that cannot be
reached, this serves the few read endpoints Open Zaak and ``tests/live/seed.py`` use, with
one procestype of 2017 and its resultaten (made-up test data, not the real list):

    python tests/live/selectielijst_stub.py --port 8010 --base-url http://selectielijst:8010

Endpoints under ``/api/v1/``: ``procestypen[?jaar=]``, ``procestypen/<uuid>``,
``resultaten[?procesType=]`` (one page), ``resultaten/<uuid>``,
``resultaattypeomschrijvingen[/<uuid>]``.
"""

from __future__ import annotations

import argparse
import json
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

PROCESTYPE = "5b3a6bd2-1e48-4ad0-9e4a-3b6b8a5e6f10"
RESULTATEN = ("0b6c0d43-5b8e-4d6f-9a53-1b5c2a4e7d01", "0b6c0d43-5b8e-4d6f-9a53-1b5c2a4e7d02")
OMSCHRIJVINGEN = {
    "e6a0c939-3404-45b0-88e3-76c94fb80ea7": "Afgewezen",
    "fb65d251-1518-4185-865f-b8bdcfad07b1": "Toegekend",
    "a6a0bd73-262a-401a-b629-9c4a908c69b5": "Ingetrokken",
}


def data(base: str) -> dict[str, list[dict[str, Any]]]:
    """The stub's resources, their URLs under ``base`` (the public root, no ``/api/v1``)."""
    api = base.rstrip("/") + "/api/v1"
    procestype = {
        "url": f"{api}/procestypen/{PROCESTYPE}",
        "nummer": 1,
        "jaar": 2017,
        "naam": "Test procestype",
        "omschrijving": "Test procestype (zgw-client live tests)",
        "toelichting": "",
        "procesobject": "De testzaak",
    }
    resultaten = [
        {
            "url": f"{api}/resultaten/{uuid}",
            "procesType": procestype["url"],
            "nummer": n,
            "volledigNummer": f"1.{n}",
            "naam": naam,
            "omschrijving": "",
            "herkomst": "Risicoanalyse",
            "waardering": "vernietigen",
            "procestermijn": "nihil",
            "procestermijnWeergave": "Nihil",
            "bewaartermijn": "P10Y",
            "toelichting": "",
            "algemeenBestuurEnInrichtingOrganisatie": False,
            "bedrijfsvoeringEnPersoneel": False,
            "publiekeInformatieEnRegistratie": False,
            "burgerzaken": True,
            "veiligheid": False,
            "verkeerEnVervoer": False,
            "economie": False,
            "onderwijs": False,
            "sportCultuurEnRecreatie": False,
            "sociaalDomein": False,
            "volksgezonheidEnMilieu": False,
            "vhrosv": False,
            "heffenBelastingen": False,
            "alleTaakgebieden": False,
            "generiek": False,
            "specifiek": True,
        }
        for n, (uuid, naam) in enumerate(zip(RESULTATEN, ("Verleend", "Geweigerd"), strict=True), 1)
    ]
    omschrijvingen = [
        {
            "url": f"{api}/resultaattypeomschrijvingen/{uuid}",
            "omschrijving": naam,
            "definitie": naam,
            "opmerking": "",
        }
        for uuid, naam in OMSCHRIJVINGEN.items()
    ]
    return {
        "procestypen": [procestype],
        "resultaten": resultaten,
        "resultaattypeomschrijvingen": omschrijvingen,
    }


def answer(base: str, path: str, query: str) -> tuple[int, Any]:
    """The status and JSON body for a GET of ``path?query``."""
    resources = data(base)
    parts = [p for p in path.split("/") if p]
    if parts[:2] != ["api", "v1"] or len(parts) not in (3, 4) or parts[2] not in resources:
        return 404, {"detail": "Niet gevonden."}
    items = resources[parts[2]]
    if len(parts) == 4:
        found = [item for item in items if item["url"].rstrip("/").endswith(parts[3])]
        return (200, found[0]) if found else (404, {"detail": "Niet gevonden."})
    params = {k: v[0] for k, v in parse_qs(query).items()}
    if parts[2] == "procestypen":
        year = params.get("jaar")
        return 200, [p for p in items if year is None or str(p["jaar"]) == year]
    if parts[2] == "resultaten":
        wanted = params.get("procesType")
        results = [r for r in items if wanted is None or r["procesType"] == wanted]
        return 200, {"count": len(results), "next": None, "previous": None, "results": results}
    return 200, items


def serve(port: int, base: str | None = None) -> ThreadingHTTPServer:
    """The stub on ``port`` (0: a free one); ``base`` is the root its URLs name (default
    ``http://127.0.0.1:<port>``)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            url = urlsplit(self.path)
            root = base or f"http://127.0.0.1:{server.server_address[1]}"
            status, body = answer(root, url.path, url.query)
            payload = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8010)
    parser.add_argument("--base-url", default="http://127.0.0.1:8010")
    args = parser.parse_args()
    serve(args.port, args.base_url).serve_forever()


if __name__ == "__main__":
    main()
