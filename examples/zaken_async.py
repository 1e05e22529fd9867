"""The Zaken API, async: the core of ``zaken.py`` on ``AsyncZGWClient``.

Two lists at once with ``asyncio.gather`` (a citizen's zaken and the zaaktypen), then one
zaak with ``expand``, a reference followed with ``await client.get(url)``, a new status, the
audit trail and a ``BadRequestError`` with its ``invalid_params``.

Run: ``python examples/zaken_async.py``. Without ``ZGW_*`` variables it uses the in-memory
demo; set ``ZGW_ZAKEN_API_ROOT``, ``ZGW_CATALOGI_API_ROOT``, ``ZGW_CLIENT_ID``, ``ZGW_SECRET``
(and ``EXAMPLE_BSN``) to run it against your Open Zaak. It writes a status: use a test stack.
"""

from __future__ import annotations

import asyncio
import datetime as dt

from _connect import BSN, connect_async

from zgw_client import AsyncZGWClient, BadRequestError
from zgw_client.catalogi.models import Statustype
from zgw_client.zaken.models import Zaak


async def next_step(client: AsyncZGWClient, zaak: Zaak) -> Statustype | None:
    """The step after the current one, unless it closes the zaak (that needs a resultaat)."""
    status = zaak.expand.status if zaak.expand else None
    current = status.expand.statustype if status and status.expand else None
    if current is None or current.is_eindstatus:
        return None
    steps = await client.catalogi.statustypen_of(zaak.zaaktype)
    later = [s for s in steps if s.volgnummer > current.volgnummer]
    return later[0] if later and not later[0].is_eindstatus else None


async def main() -> None:
    async with connect_async() as client:
        zaken, zaaktypen = await asyncio.gather(
            client.zaken.zaken.list(
                rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN,
                expand=["status.statustype"],
            ).to_list(),
            client.catalogi.zaaktypen.list().to_list(),
        )
        names = {zaaktype.url: zaaktype.omschrijving for zaaktype in zaaktypen}
        print(f"{len(zaken)} zaken of BSN {BSN}, {len(zaaktypen)} zaaktypen (read concurrently):")
        for zaak in zaken:
            print(f"  {zaak.identificatie}  {names.get(zaak.zaaktype, '?')}")
        steps = await asyncio.gather(*(next_step(client, zaak) for zaak in zaken))
        movable = [(zaak, step) for zaak, step in zip(zaken, steps, strict=True) if step]
        if not movable:
            print("No open zaak to move to a next step.")
            return

        chosen, step = movable[0]
        zaak = await client.zaken.zaken.get(chosen.url, expand=["status.statustype"])
        zaaktype = await client.get(zaak.zaaktype)  # follow a URL: a typed Zaaktype
        print(f"\n{zaak.identificatie} ({zaaktype.omschrijving})")
        print(f"  now at: {zaak.expand.status.expand.statustype.omschrijving}")
        status = await client.zaken.statussen.create(
            {
                "zaak": zaak.url,
                "statustype": step.url,
                "datumStatusGezet": dt.datetime.now(dt.timezone.utc).isoformat(),
            }
        )
        print(f"  moved to: {step.omschrijving} ({status.url})")
        trail = await client.zaken.zaken.audittrail(zaak)
        print(f"  audit trail: {', '.join(f'{e.actie} {e.resource}' for e in trail)}")

        try:
            await client.zaken.statussen.create({"zaak": zaak.url, "statustype": "geen-url"})
        except BadRequestError as exc:
            invalid = ", ".join(f"{p.name} ({p.code})" for p in exc.invalid_params)
            print(f"Refused with {exc.status}: {invalid}")


if __name__ == "__main__":
    asyncio.run(main())
