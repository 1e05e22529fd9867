"""An in-memory fake of the Common Ground servers, for tests, demos and benchmarks.

Like moto for AWS: Open Zaak (Zaken, Catalogi, Documenten, Besluiten), Open Klant
(Klantinteracties), the Contactmomenten API and the Objects API, mounted on one host, with the
real servers' auth checks, CRS headers, filters, pagination, ``expand``, ETags and
problem bodies. It stores raw JSON (the wire shapes), independent of the SDK's models.

Example::

    import httpx
    from zgw_client.testing import Fault, InMemoryBackend

    backend = InMemoryBackend()
    zaak = backend.add("zaken", "zaken", {
        "bronorganisatie": "002220647", "verantwoordelijkeOrganisatie": "002220647",
        "zaaktype": "http://zgw.test/catalogi/api/v1/zaaktypen/1", "startdatum": "2026-01-01",
    })
    with httpx.Client(transport=backend.transport(), base_url=backend.api_roots["zaken"]) as c:
        response = c.get(f"zaken/{zaak['uuid']}", headers=backend.auth_headers("zaken"))
        assert response.json()["_expand"] == {}

    backend.faults.add(Fault(503, retry_after="1"))   # the next request answers 503
    with backend.serve() as served:                    # real HTTP on 127.0.0.1
        httpx.get(served.api_roots["zaken"])

Extension: an API module defines [`Collection`][zgw_client.testing.Collection] subclasses and an
``install(backend)`` that calls ``backend.register(...)`` (and ``backend.router.add(...)`` for
special verbs).

Names load on first use (PEP 562): the pytest plugin imports this package on every pytest
run of a project that has zgw-client installed, and pays for the backend only when a
fixture is used.
"""

from typing import TYPE_CHECKING

from .. import _lazy

if TYPE_CHECKING:
    from ._apis import ALL_APIS, ApiDefinition
    from ._backend import InMemoryBackend
    from ._clients import async_client_for, async_mounts_for, client_for, config_for, mounts_for
    from ._collections import Collection
    from ._faults import Fault, FaultKind, FaultSet
    from ._filters import Filter
    from ._problems import InvalidParam, ProblemError
    from ._router import RequestContext, Router
    from ._server import ServedBackend
    from .demo import (
        DEMO_BSN,
        DEMO_BSN_OTHER,
        DEMO_KVK,
        DEMO_VESTIGINGSNUMMER,
        DemoScenario,
        seed_benchmark,
        seed_demo,
    )

_EXPORTS = {
    "ALL_APIS": "._apis",
    "ApiDefinition": "._apis",
    "InMemoryBackend": "._backend",
    "async_client_for": "._clients",
    "async_mounts_for": "._clients",
    "client_for": "._clients",
    "config_for": "._clients",
    "mounts_for": "._clients",
    "Collection": "._collections",
    "Fault": "._faults",
    "FaultKind": "._faults",
    "FaultSet": "._faults",
    "Filter": "._filters",
    "InvalidParam": "._problems",
    "ProblemError": "._problems",
    "RequestContext": "._router",
    "Router": "._router",
    "ServedBackend": "._server",
    "DEMO_BSN": ".demo",
    "DEMO_BSN_OTHER": ".demo",
    "DEMO_KVK": ".demo",
    "DEMO_VESTIGINGSNUMMER": ".demo",
    "DemoScenario": ".demo",
    "seed_benchmark": ".demo",
    "seed_demo": ".demo",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "ALL_APIS",
    "DEMO_BSN",
    "DEMO_BSN_OTHER",
    "DEMO_KVK",
    "DEMO_VESTIGINGSNUMMER",
    "ApiDefinition",
    "Collection",
    "DemoScenario",
    "Fault",
    "FaultKind",
    "FaultSet",
    "Filter",
    "InMemoryBackend",
    "InvalidParam",
    "ProblemError",
    "RequestContext",
    "Router",
    "ServedBackend",
    "async_client_for",
    "async_mounts_for",
    "client_for",
    "config_for",
    "mounts_for",
    "seed_benchmark",
    "seed_demo",
]
