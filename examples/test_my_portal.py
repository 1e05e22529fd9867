"""Testing your own code with zgw-client's pytest fixtures: no server, no mocks to write.

Installing zgw-client registers a pytest plugin with these fixtures:

* ``zgw_backend``: a fresh in-memory Open Zaak + Open Klant + Objects API per test;
* ``zgw_client`` (and ``zgw_async_client``): a client wired to that backend.

Seed the backend (``seed_demo`` or ``zgw_backend.add(...)``), call your code with the
client, assert on what it returns. ``zgw_backend.faults`` plans failures.

Run: ``python -m pytest examples/test_my_portal.py``.
"""

from __future__ import annotations

from zgw_client import ZGWClient
from zgw_client.mijnzaken import MijnZaken
from zgw_client.testing import DEMO_BSN, Fault, InMemoryBackend, seed_demo


def lopende_zaken(client: ZGWClient, bsn: str) -> list[str]:
    """Your portal's code under test: the running zaken a citizen sees, as text."""
    overview = MijnZaken(client).overview(bsn=bsn)
    return [f"{zaak.zaaktype}: {zaak.status}" for zaak in overview.lopende_zaken]


def test_a_citizen_sees_her_running_zaken(zgw_backend: InMemoryBackend, zgw_client: ZGWClient):
    seed_demo(zgw_backend)

    lines = lopende_zaken(zgw_client, DEMO_BSN)

    assert "Aanvraag Ooievaarspas: Wij hebben uw aanvraag ontvangen" in lines
    assert not any("Interne toets" in line for line in lines)  # intern zaaktype: hidden


def test_a_citizen_without_zaken_sees_none(zgw_client: ZGWClient):
    assert lopende_zaken(zgw_client, DEMO_BSN) == []


def test_taken_down_does_not_break_the_overview(
    zgw_backend: InMemoryBackend, zgw_client: ZGWClient
):
    seed_demo(zgw_backend)
    zgw_backend.faults.add(Fault(503, path_contains="/objects", times=100))

    overview = MijnZaken(zgw_client).overview(bsn=DEMO_BSN)

    assert overview.lopende_zaken  # the zaken are still there
    assert [missing.part for missing in overview.missing] == ["taken"]
