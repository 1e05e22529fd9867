"""Benchmark data: one citizen with many zaken of a chosen size."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from ._demo_scenarios import (
    _ANNE,
    _ANNE_CONTACTNAAM,
    DEMO_BSN,
    BenchmarkScenario,
)
from ._demo_seeder import _Seeder

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


def seed_benchmark(
    backend: InMemoryBackend,
    *,
    zaken: int = 25,
    statussen: int = 4,
    documenten: int = 3,
    besluiten: int = 1,
    contactmomenten: int = 2,
    taken: int = 6,
    today: dt.date | None = None,
) -> BenchmarkScenario:
    """One citizen ([`DEMO_BSN`][zgw_client.testing.demo.DEMO_BSN]) with ``zaken`` open zaken of the
    given sizes.

    Each zaak gets ``statussen`` statussen (its zaaktype has one more, final, statustype so
    the zaken stay open), ``documenten`` documents, ``besluiten`` besluiten and
    ``contactmomenten`` klantcontacten; ``taken`` open taken are spread over the zaken.
    """
    s = _Seeder(backend, today or dt.date.today())
    catalogus = s.catalogus()
    zaaktype = s.zaaktype("benchmark", catalogus, "Aanvraag omgevingsvergunning")
    steps = [(f"Stap {n}", f"Uw aanvraag is bij stap {n}", True) for n in range(1, statussen + 2)]
    statustypen = s.statustypen("benchmark", zaaktype, catalogus, steps)
    roltype = s.roltypen("benchmark", zaaktype, catalogus)["initiator"]
    iot = s.informatieobjecttype(catalogus, "Bijlage", "openbaar")
    besluittype = s.add(
        "catalogi",
        "besluittypen",
        "besluittype:benchmark",
        {
            "catalogus": catalogus,
            "zaaktypen": [zaaktype],
            "omschrijving": "Besluit",
            "concept": False,
        },
    )
    partij = s.add(
        "klantinteracties",
        "partijen",
        "partij:benchmark",
        {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "partijIdentificatie": {"contactnaam": _ANNE_CONTACTNAAM},
            "partijIdentificatoren": [
                {
                    "partijIdentificator": {
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": DEMO_BSN,
                        "codeRegister": "brp",
                    }
                }
            ],
        },
    )
    objecttype = s.taak_objecttype()
    created: list[str] = []
    for n in range(zaken):
        key = f"bench:{n}"
        zaak = s.zaak(key, zaaktype, f"Aanvraag omgevingsvergunning {n + 1}", -(n + statussen + 1))
        created.append(zaak)
        s.rol_persoon(key, zaak, roltype, DEMO_BSN, _ANNE)
        offsets = [-(n + statussen + 1) + step for step in range(statussen)]
        s.statussen(key, zaak, statustypen, offsets)
        for d in range(documenten):
            s.document(f"{key}:{d}", zaak, f"Bijlage {d + 1}", iot, created=-n)
        for b in range(besluiten):
            s.besluit(f"{key}:{b}", zaak, besluittype, f"Besluit {b + 1}", -n)
        for c in range(contactmomenten):
            s.klantcontact(
                f"{key}:{c}",
                partij,
                zaak,
                _ANNE_CONTACTNAAM,
                kanaal="telefoon",
                onderwerp=f"Vraag {c + 1} over aanvraag {n + 1}",
                inhoud="Vraag over de voortgang.",
                offset=-n,
            )
    taak_urls = []
    for t in range(taken):
        linked = created[t % len(created)] if created else None
        data: Any = {
            "titel": f"Lever aanvullende gegevens aan ({t + 1})",
            "soort": "portaalformulier",
            "portaalformulier": {"formulier": {"soort": "id", "value": f"formulier-{t}"}},
            "identificatie": {"type": "bsn", "value": DEMO_BSN},
            "verloopdatum": s.deadline(t + 1),
        }
        if linked:
            data["koppeling"] = {"registratie": "zaak", "uuid": linked.rsplit("/", 1)[-1]}
        taak_urls.append(s.taak(f"bench:{t}", objecttype, data))
    return BenchmarkScenario(bsn=DEMO_BSN, zaaktype=zaaktype, zaken=created, taken=taak_urls)
