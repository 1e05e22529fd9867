"""The Catalogi API: zaaktypen, their steps in order, and the cache of published types.

Shows listing zaaktypen, ``client.catalogi.statustypen_of(zaaktype)`` (the steps sorted by
``volgnummer``), and that a published zaaktype is cached: the second ``get`` of the same
URL makes no request at all (counted here with an httpx event hook).

Run: ``python examples/catalogi.py``. Without ``ZGW_*`` variables it uses the in-memory
demo; set ``ZGW_CATALOGI_API_ROOT``, ``ZGW_CLIENT_ID`` and ``ZGW_SECRET`` to read your own
catalogus (read-only).
"""

from __future__ import annotations

import httpx
from _connect import connect

requests: list[str] = []


def count(request: httpx.Request) -> None:
    requests.append(f"{request.method} {request.url}")


def main() -> None:
    with connect(event_hooks={"request": [count]}) as client:
        zaaktypen = client.catalogi.zaaktypen.list(status="definitief").to_list()
        print(f"{len(zaaktypen)} published zaaktypen:")
        for zaaktype in zaaktypen:
            ident, doorlooptijd = zaaktype.identificatie or "", zaaktype.doorlooptijd or ""
            print(f"  {ident:<20} {doorlooptijd:<5} {zaaktype.omschrijving}")
        if not zaaktypen:
            return

        zaaktype = max(zaaktypen, key=lambda z: len(z.statustypen or []))
        print(f"\nSteps of {zaaktype.omschrijving!r}:")
        for step in client.catalogi.statustypen_of(zaaktype):
            end = "  (eindstatus)" if step.is_eindstatus else ""
            print(f"  {step.volgnummer}. {step.omschrijving}: {step.statustekst}{end}")

        before = len(requests)
        client.catalogi.zaaktypen.get(zaaktype.url)
        after_first = len(requests)
        client.catalogi.zaaktypen.get(zaaktype.url)
        print(f"\nFirst get of the zaaktype: {after_first - before} request")
        print(f"Second get: {len(requests) - after_first} requests (published: from the cache)")


if __name__ == "__main__":
    main()
