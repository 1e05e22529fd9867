"""Citizen taken in the Objects API: what a citizen still has to do, and marking one done.

Shows ``client.objecten.taken.open_taken(bsn=...)`` (every known taak shape read as one
typed ``Taak``, soonest deadline first), ``days_left`` and ``complete()``, which writes the
taak back in the shape it was read in with status "afgerond".

Run: ``python examples/taken.py``. Without ``ZGW_*`` variables it uses the in-memory demo;
set ``ZGW_OBJECTEN_API_ROOT`` with ``ZGW_OBJECTEN_TOKEN`` (and ``EXAMPLE_BSN``) to run it
against your Objects API. It completes a taak: use a test stack.
"""

from __future__ import annotations

import datetime as dt

from _connect import BSN, connect

from zgw_client.objecten import Taak, TaakSoort, days_left


def describe(taak: Taak, today: dt.date) -> str:
    left = days_left(taak, today)  # by calendar date, as citizens count
    if left is None:
        when = "no deadline"
    else:
        when = f"{left} days left" if left >= 0 else f"{-left} days overdue"
    if taak.ogonebetaling:
        what = f"pay € {taak.ogonebetaling.bedrag:.2f}"
    elif taak.url:
        what = f"go to {taak.url.uri}"
    elif taak.portaalformulier:
        what = f"fill in form {taak.portaalformulier.formulier.value!r}"
    else:
        what = "see the portal"
    return f"{taak.titel}\n      {when}; {what}"


def main() -> None:
    today = dt.date.today()
    with connect() as client:
        taken = client.objecten.taken.open_taken(bsn=BSN)
        print(f"Open taken of BSN {BSN}, soonest first:")
        for taak in taken:
            print(f"  - {describe(taak, today)}")

        form = next((t for t in taken if t.soort == TaakSoort.PORTAALFORMULIER), None)
        if form is None:
            print("No form to complete.")
            return
        done = client.objecten.taken.complete(form)
        print(f"\nCompleted {done.titel!r}: status {done.status.value}")
        left = client.objecten.taken.open_taken(bsn=BSN)
        print(f"{len(left)} open taken left (was {len(taken)})")


if __name__ == "__main__":
    main()
