"""The Zaken API, sync: a citizen's zaken, one zaak in depth, a new status, the audit trail.

Shows ``list`` by BSN with ``expand``, ``get`` with ``expand=["status.statustype"]``,
following a reference with ``client.get(url)``, creating a status, reading the audit trail
and handling ``BadRequestError.invalid_params``.

Run: ``python examples/zaken.py``. Without ``ZGW_*`` variables it uses the in-memory demo;
set ``ZGW_ZAKEN_API_ROOT``, ``ZGW_CATALOGI_API_ROOT``, ``ZGW_CLIENT_ID`` and ``ZGW_SECRET``
(and ``EXAMPLE_BSN``) to run it against your Open Zaak. It writes a status: use a test stack.
"""

from __future__ import annotations

import datetime as dt

from _connect import BSN, connect

from zgw_client import BadRequestError, ZGWClient
from zgw_client.catalogi.models import Statustype
from zgw_client.zaken.models import Zaak


def next_step(client: ZGWClient, zaak: Zaak) -> Statustype | None:
    """The step after the current one, unless it closes the zaak (that needs a resultaat)."""
    status = zaak.expand.status if zaak.expand else None
    current = status.expand.statustype if status and status.expand else None
    if current is None or current.is_eindstatus:
        return None
    steps = client.catalogi.statustypen_of(zaak.zaaktype)  # in order; cached
    later = [s for s in steps if s.volgnummer > current.volgnummer]
    return later[0] if later and not later[0].is_eindstatus else None


def main() -> None:
    with connect() as client:
        zaken = client.zaken.zaken.list(
            rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN,
            expand=["zaaktype", "status.statustype"],
        ).to_list()  # or lazily, page by page: for zaak in client.zaken.zaken.list(...)
        print(f"Zaken of BSN {BSN}:")
        for zaak in zaken:
            status = zaak.expand.status if zaak.expand else None
            statustype = status.expand.statustype if status and status.expand else None
            print(f"  {zaak.identificatie}  {zaak.expand.zaaktype.omschrijving}")
            print(f"      status: {statustype.statustekst if statustype else '-'}")
        chosen = next((zaak for zaak in zaken if next_step(client, zaak)), None)
        if chosen is None:
            print("No open zaak to move to a next step.")
            return

        zaak = client.zaken.zaken.get(chosen.url, expand=["status.statustype"])
        zaaktype = client.get(zaak.zaaktype)  # follow a URL: a typed Zaaktype comes back
        current, step = zaak.expand.status.expand.statustype, next_step(client, zaak)
        print(f"\n{zaak.identificatie} ({zaaktype.omschrijving}, {zaaktype.doorlooptijd})")
        print(f"  now at step {current.volgnummer}: {current.omschrijving}")
        status = client.zaken.statussen.create(
            {
                "zaak": zaak.url,
                "statustype": step.url,
                "datumStatusGezet": dt.datetime.now(dt.timezone.utc).isoformat(),
            },
            headers={"X-Audit-Toelichting": "Voorbeeld: volgende stap"},
        )
        print(f"  new status, step {step.volgnummer}: {step.omschrijving} ({status.url})")

        print("Audit trail:")
        for entry in client.zaken.zaken.audittrail(zaak):
            print(f"  {entry.aanmaakdatum:%Y-%m-%d %H:%M}  {entry.actie}  {entry.resource}")

        try:
            client.zaken.statussen.create(
                {"zaak": zaak.url, "statustype": "geen-url", "datumStatusGezet": "gisteren"}
            )
        except BadRequestError as exc:
            print(f"Refused with {exc.status} {exc.code}:")
            for param in exc.invalid_params:
                print(f"  {param.name}: {param.code} ({param.reason})")


if __name__ == "__main__":
    main()
