"""Klantinteracties (Open Klant) and the Contactmomenten API: who the klant is, what was said.

Shows ``partij_for_bsn`` (with the digitale adressen expanded), ``klantcontacten_about_zaak``
for each of the citizen's zaken, and ``contactmomenten_about_zaak``: one timeline from
Klantinteracties and the older Contactmomenten API together, each contact once.

Run: ``python examples/klantinteracties.py``. Without ``ZGW_*`` variables it uses the
in-memory demo; set ``ZGW_KLANTINTERACTIES_API_ROOT`` with ``ZGW_KLANTINTERACTIES_TOKEN``,
``ZGW_ZAKEN_API_ROOT`` with ``ZGW_CLIENT_ID``/``ZGW_SECRET`` (and optionally
``ZGW_CONTACTMOMENTEN_API_ROOT``) and ``EXAMPLE_BSN`` to read your own stack (read-only).
"""

from __future__ import annotations

from textwrap import shorten

from _connect import BSN, connect

from zgw_client import contactmomenten_about_zaak


def main() -> None:
    with connect() as client:
        partij = client.klantinteracties.partij_for_bsn(BSN, expand=["digitaleAdressen"])
        if partij is None:
            print(f"Open Klant knows no partij with BSN {BSN}.")
        else:
            naam = partij.persoon.contactnaam if partij.persoon else None
            who = f"{naam.voornaam} {naam.achternaam}" if naam else partij.url
            print(f"Partij for BSN {BSN}: {who}")
            for adres in (partij.expand.digitale_adressen or []) if partij.expand else []:
                print(f"  {adres.omschrijving or 'adres'}: {adres.adres}")

        zaken = client.zaken.zaken.list(
            rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN
        ).to_list()
        sources = [
            s for s in ("klantinteracties", "contactmomenten") if s in client.config.services
        ]
        for zaak in zaken:
            klantcontacten = client.klantinteracties.klantcontacten_about_zaak(zaak).to_list()
            timeline = contactmomenten_about_zaak(client, zaak, sources=sources)
            if not klantcontacten and not timeline:
                continue
            print(f"\n{zaak.identificatie}  {zaak.omschrijving}")
            for klantcontact in klantcontacten:
                print(f"  klantcontact in Open Klant: {klantcontact.onderwerp}")
            print(f"  contactmomenten_about_zaak from {' + '.join(sources)}, newest first:")
            for contact in timeline:
                when = f"{contact.registered_at:%Y-%m-%d}" if contact.registered_at else "?"
                tekst = shorten(contact.tekst or "", 44)
                print(f"    {when}  {contact.kanaal or '-':<8}  {contact.source:<16}  {tekst}")


if __name__ == "__main__":
    main()
