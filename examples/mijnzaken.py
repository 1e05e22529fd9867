"""MijnZaken: a citizen's overview, one zaak in detail, and "Stel een vraag", as plain text.

Shows ``MijnZaken(client).overview(bsn=...)`` (taken, running and closed zaken, composed
concurrently from Zaken, Catalogi, Objects and Klantinteracties), ``zaak_detail`` (steps,
documents, besluiten, one timeline of statuses and contact) and ``stel_een_vraag``, which
registers a question as a klantcontact about the zaak. What could not be fetched is listed
in ``missing`` instead of failing the page.

Run: ``python examples/mijnzaken.py``. Without ``ZGW_*`` variables it uses the in-memory
demo; configure ``ZGW_ZAKEN_API_ROOT``, ``ZGW_CATALOGI_API_ROOT`` (and Documenten,
Besluiten, Klantinteracties and Objecten when you have them) and ``EXAMPLE_BSN`` to run it
against your stack. The question is written to Open Klant: use a test stack.
"""

from __future__ import annotations

from _connect import BSN, connect

from zgw_client.mijnzaken import MijnZaken, ZaakSummary


def line(zaak: ZaakSummary) -> str:
    step = f"stap {zaak.progress.current}/{zaak.progress.total}" if zaak.progress else ""
    return f"{zaak.identificatie}  {zaak.zaaktype or '':<36} {step:<9} {zaak.status or ''}"


def main() -> None:
    with connect() as client:
        portal = MijnZaken(client)
        overview = portal.overview(bsn=BSN)
        print(f"Mijn Zaken of {overview.subject.masked}")
        print("Wat ik moet regelen:")
        for taak in overview.taken:
            deadline = f" (nog {taak.days_left} dagen)" if taak.days_left is not None else ""
            print(f"  {taak.titel}{deadline}")
        print("Lopende zaken:")
        for zaak in overview.lopende_zaken:
            print(f"  {line(zaak)}")
        print("Afgeronde zaken:")
        for zaak in overview.afgeronde_zaken:
            print(f"  {line(zaak)}, resultaat: {zaak.resultaat}")
        for missing in overview.missing:
            print(f"  (not shown: {missing.part}: {missing.reason})")

        if not overview.lopende_zaken:
            return
        zaak = max(overview.lopende_zaken, key=lambda z: z.progress.total if z.progress else 0)
        detail = portal.zaak_detail(zaak.url, bsn=BSN)
        end = zaak.expected_end.date if zaak.expected_end else "onbekend"
        print(f"\n{zaak.identificatie} {zaak.omschrijving}, verwacht klaar: {end}")
        for step in detail.steps:
            mark = {"done": "x", "current": ">", "upcoming": " "}[step.state]
            print(f"  [{mark}] {step.naam}")
        for document in detail.documenten:
            print(f"  document: {document.titel}")
        for entry in detail.timeline:
            when = f"{entry.at:%d-%m-%Y}" if entry.at else "?"
            print(f"  {when}  {entry.kind:<7} {entry.title}")

        confirmation = portal.stel_een_vraag(zaak.url, "Wanneer komt de aannemer langs?", bsn=BSN)
        print(f"\nStel een vraag: {confirmation.message}")


if __name__ == "__main__":
    main()
