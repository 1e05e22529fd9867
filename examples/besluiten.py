"""The Besluiten API: the besluiten on a citizen's zaken, their documents and audit trail.

Shows ``client.besluiten.besluiten.list(zaak=...)``, the besluittype followed with
``client.get``, linking the zaak's besluit document to the besluit (a
besluitinformatieobject; the server checks that the besluittype allows the document's type)
and the besluit's audit trail.

Run: ``python examples/besluiten.py``. Without ``ZGW_*`` variables it uses the in-memory
demo; set ``ZGW_ZAKEN_API_ROOT``, ``ZGW_BESLUITEN_API_ROOT``, ``ZGW_CATALOGI_API_ROOT``,
``ZGW_DOCUMENTEN_API_ROOT``, ``ZGW_CLIENT_ID`` and ``ZGW_SECRET`` (and ``EXAMPLE_BSN``) to
run it against your Open Zaak. It may link a document to a besluit: use a test stack.
"""

from __future__ import annotations

from _connect import BSN, connect

from zgw_client import ZGWClient
from zgw_client.besluiten.models import Besluit


def link_document(client: ZGWClient, besluit: Besluit, allowed: list[str]) -> None:
    """Link the first document of the besluit's zaak whose type the besluittype allows."""
    for link in client.zaken.zaakinformatieobjecten.list(zaak=besluit.zaak):
        document = client.documenten.enkelvoudiginformatieobjecten.get(link.informatieobject)
        if document.informatieobjecttype in allowed:
            client.besluiten.besluitinformatieobjecten.create(
                {"besluit": besluit.url, "informatieobject": document.url}
            )
            print(f"    linked the zaak's document {document.titel!r} to the besluit")
            return


def show(client: ZGWClient, besluit: Besluit) -> None:
    besluittype = client.get(besluit.besluittype)  # a typed Besluittype, cached
    print(f"  besluit {besluit.identificatie}: {besluittype.omschrijving}")
    print(f"    {besluit.toelichting}")
    print(f"    genomen {besluit.datum}, in werking {besluit.ingangsdatum}")

    documents = client.besluiten.besluitinformatieobjecten.list(besluit=besluit.url)
    if not documents.to_list():  # none yet: link the zaak's besluit document
        link_document(client, besluit, besluittype.informatieobjecttypen or [])
        documents = client.besluiten.besluitinformatieobjecten.list(besluit=besluit.url)
    for link in documents:
        document = client.get(link.informatieobject)
        print(f"    document: {document.titel} ({document.bestandsnaam})")

    print("    audit trail:")
    for entry in client.besluiten.besluiten.audittrail(besluit):
        print(f"      {entry.aanmaakdatum:%Y-%m-%d}  {entry.actie_weergave} ({entry.resource})")


def main() -> None:
    with connect() as client:
        zaken = client.zaken.zaken.list(
            rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN
        )
        for zaak in zaken:
            besluiten = client.besluiten.besluiten.list(zaak=zaak.url).to_list()
            if besluiten:
                print(f"{zaak.identificatie}  {zaak.omschrijving}")
            for besluit in besluiten:
                show(client, besluit)


if __name__ == "__main__":
    main()
