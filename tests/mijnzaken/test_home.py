"""The citizen's home page (HomePage / AsyncHomePage), both faces, on the seeded demo.

Each part, a failing register per part, the parts by configuration and by switch, the
visibility rules, and the requests: how many per home page, that they do not grow with the
number of zaken or berichten (beyond pagination), and the bound on requests in flight.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.mijnzaken.conftest import BSN_OTHER, TODAY, Seeder, day, moment
from tests.mijnzaken.test_scheduling import AsyncCountingTransport, InFlight, SyncCountingTransport
from zgw_client import AsyncZGWClient, InputError, ZGWClient
from zgw_client.mijnzaken import AsyncHomePage, HomePage, HomePageView, HomeParts, Policy
from zgw_client.testing import DEMO_BSN, DEMO_KVK, Fault, InMemoryBackend, config_for
from zgw_client.testing.demo import DemoScenario

NOW = dt.datetime.combine(TODAY, dt.time(12), dt.timezone.utc)
PARTY = f"urn:nld:brp:bsn:{DEMO_BSN}"
#: The requests of the demo citizen's home page: the zaken and their rollen (two searches),
#: five zaaktypen with their statustypen (ten), one resultaattype, the Objects API's two
#: taak queries, and one list each of Open VTB's taken and berichten and Open Product's
#: producten.
DEMO_REQUESTS = 18


@pytest.fixture
def home(face: str, clients: Callable[..., Any], backend: InMemoryBackend) -> Callable[..., Any]:
    """``home(parts=..., policy=..., services=...)``: a home page composer of the current face."""

    def build(
        parts: HomeParts | None = None,
        policy: Policy | None = None,
        services: list[str] | None = None,
        client: Any = None,
    ) -> Any:
        client = client or clients(backend, services)
        cls = HomePage if face == "sync" else AsyncHomePage
        return cls(client, policy, parts, today=lambda: TODAY, now=lambda: NOW)

    return build


async def compose(home: Any, **subject: str) -> HomePageView:
    result: HomePageView = await resolve(home.compose(**(subject or {"bsn": DEMO_BSN})))
    return result


def zaak_of(demo: DemoScenario, key: str, backend: InMemoryBackend) -> dict[str, Any]:
    found = backend.get(demo.zaken[key])
    assert found is not None
    return found


# -- the parts -------------------------------------------------------------------------------
async def test_every_part_of_the_demo_citizen(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    page = await compose(home())

    assert page.parts == ["zaken", "taken", "berichten", "producten"]
    assert page.complete
    assert page.model_dump(mode="json")["complete"] is True
    assert page.warnings == []
    assert page.subject.masked.endswith(DEMO_BSN[-4:])

    # Mijn lopende zaken: the MijnZaken overview's, the intern zaak left out.
    assert page.lopende_zaken is not None
    zaken = {z.identificatie: z for z in page.lopende_zaken}
    parkeerbon = zaak_of(demo, "parkeerbon", backend)["identificatie"]
    assert parkeerbon in zaken
    assert all(not z.afgerond for z in page.lopende_zaken)
    # Its open taken counted from both registers: the Objects API's and Open VTB's.
    assert zaken[parkeerbon].open_taken == 2

    # Wat ik moet regelen: open only, both registers, soonest deadline first.
    assert page.taken is not None
    assert {t.source.value for t in page.taken} == {"openvtb", "objecten"}
    assert all(t.is_open for t in page.taken)
    deadlines = [t.deadline for t in page.taken]
    assert deadlines == sorted(deadlines, key=lambda d: (d is None, d or dt.date.max))
    assert [t.days_left for t in page.taken] == [(d - TODAY).days for d in deadlines if d]
    assert "Informatie geven voor uw aanvraag Ooievaarspas" not in {t.titel for t in page.taken}
    betaal = next(t for t in page.taken if t.titel == "Betaal uw parkeerbon")
    assert (betaal.amount, betaal.amount_text) == (Decimal("74.90"), "€ 74,90")
    assert betaal.payment_reference == "Parkeerbon NH-2026-000123"
    assert betaal.days_left == 14
    assert betaal.zaak_url == demo.zaken["parkeerbon"]

    # Laatste berichten: newest first, the unread one linked to its zaak by zaaknummer URN.
    assert page.berichten is not None
    assert [b.onderwerp for b in page.berichten] == ["Uw parkeerbon", "Welkom in MijnDenHaag"]
    assert [b.unread for b in page.berichten] == [True, False]
    assert page.unread_berichten == 1
    assert page.berichten[0].zaak_url == demo.zaken["parkeerbon"]
    assert page.berichten[0].zaak_identificatie == parkeerbon
    assert page.berichten[1].zaak_url is None

    # Producten: the current parkeervergunning with its validity.
    assert page.producten is not None
    [vergunning] = page.producten
    assert vergunning.naam == "Parkeervergunning K-539-VB"
    assert vergunning.producttype == "Parkeervergunning bewoners"
    assert vergunning.eind_datum == TODAY + dt.timedelta(days=285)
    assert vergunning.days_left == 285


async def test_the_dump_parses_back_and_holds_no_bsn(
    home: Callable[..., Any], demo: DemoScenario
) -> None:
    page = await compose(home())
    dumped = page.model_dump_json()
    assert DEMO_BSN not in dumped
    assert HomePageView.model_validate_json(dumped).model_dump() == page.model_dump()


async def test_a_company_home_page(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    page = await compose(home(), kvk=DEMO_KVK)
    assert page.complete
    assert page.subject.kind == "kvk"
    assert page.lopende_zaken
    assert (page.berichten, page.unread_berichten, page.producten) == ([], 0, [])


async def test_only_the_newest_berichten_are_listed_and_all_unread_counted(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    for n in range(4):
        bericht(backend, f"Bericht {n}", offset=-10 - n)
    page = await compose(home(HomeParts(berichten_limit=3)))
    assert page.berichten is not None
    assert [b.onderwerp for b in page.berichten] == ["Uw parkeerbon", "Bericht 0", "Bericht 1"]
    assert page.unread_berichten == 5


# -- visibility ------------------------------------------------------------------------------
def bericht(
    backend: InMemoryBackend,
    onderwerp: str,
    *,
    offset: int,
    ontvanger: str = PARTY,
    zaak: str | None = None,
) -> None:
    body: dict[str, Any] = {
        "onderwerp": onderwerp,
        "berichtTekst": "Tekst",
        "publicatiedatum": moment(offset),
        "ontvanger": ontvanger,
        "geopendOp": None,
        "handelingsPerspectief": "lezen",
        "mijnOverheidBerichtenbox": False,
    }
    if zaak is not None:
        body["isGerelateerdAan"] = [{"urn": f"urn:nld:denhaag:zaak:zaaknummer:{zaak}"}]
    backend.add("berichten", "berichten", body)


def vtb_taak(
    backend: InMemoryBackend,
    titel: str,
    *,
    status: str = "open",
    party: str = PARTY,
    zaak: str | None = None,
    deadline: int = 7,
) -> None:
    body: dict[str, Any] = {
        "titel": titel,
        "status": status,
        "startdatum": day(-1),
        "handelingsPerspectief": "bekijken",
        "einddatumHandelingsTermijn": day(deadline),
        "isToegewezenAan": party,
        "taakSoort": "urltaak",
        "details": {"uitvraagLink": "https://www.denhaag.nl/nl/formulier"},
    }
    if zaak is not None:
        body["isGerelateerdAan"] = [{"urn": f"urn:nld:denhaag:zaak:zaaknummer:{zaak}"}]
    backend.add("taken", "externetaken", body)


async def test_only_the_subjects_own_and_only_what_the_policy_shows(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    intern = zaak_of(demo, "intern", backend)["identificatie"]
    other_party = f"urn:nld:brp:bsn:{BSN_OTHER}"
    bericht(backend, "Over de interne toets", offset=-1, zaak=intern)
    bericht(backend, "Voor iemand anders", offset=-1, ontvanger=other_party)
    vtb_taak(backend, "Taak bij de interne toets", zaak=intern)
    vtb_taak(backend, "Taak van iemand anders", party=other_party)
    vtb_taak(backend, "Al gedaan", status="verwerkt")
    backend.add(
        "producten",
        "producten",
        {
            "naam": "Verlopen vergunning",
            "start_datum": day(-400),
            "eind_datum": day(-35),
            "producttype_uuid": demo.platform.producttype if demo.platform else "",
            "gepubliceerd": True,
            "eigenaren": [{"bsn": DEMO_BSN}],
            "status": "verlopen",
            "aanvraag_zaak_urn": "urn:nld:denhaag:zaak:uuid:" + "0" * 32,
        },
    )

    page = await compose(home())

    assert page.complete, page.missing
    assert page.lopende_zaken is not None
    assert intern not in {z.identificatie for z in page.lopende_zaken}
    assert page.berichten is not None
    berichten = {b.onderwerp: b for b in page.berichten}
    assert "Voor iemand anders" not in berichten
    # Addressed to the citizen, so shown; but not linked to a zaak the policy hides.
    assert berichten["Over de interne toets"].zaak_url is None
    assert berichten["Over de interne toets"].zaak_identificatie is None
    assert page.taken is not None
    taken = {t.titel: t for t in page.taken}
    assert "Taak van iemand anders" not in taken
    assert "Al gedaan" not in taken
    assert taken["Taak bij de interne toets"].zaak_url is None
    assert page.producten is not None
    assert [p.naam for p in page.producten] == ["Parkeervergunning K-539-VB"]


async def test_an_invalid_bsn_fails_before_any_request(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    composer = home()
    backend.reset_log()
    with pytest.raises(InputError):
        await resolve(composer.compose(bsn="123456789"))
    assert backend.request_log == []


# -- a failing register per part ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("path", "parts", "empty"),
    [
        # The zaken and their rollen are both searches on /zaken (the BSN out of the URL).
        ("/zaken/api/v1/zaken", ["zaken", "zaken (rollen)"], "lopende_zaken"),
        ("/taken/api/v1/", ["taken (Open VTB)"], None),
        ("/objecten/", ["taken (Objects API)"], None),
        ("/berichten/api/v1/", ["berichten"], "berichten"),
        ("/producten/api/v1/producten", ["producten"], "producten"),
    ],
)
async def test_a_failing_register_is_missing_and_the_rest_is_shown(
    home: Callable[..., Any],
    demo: DemoScenario,
    backend: InMemoryBackend,
    path: str,
    parts: list[str],
    empty: str | None,
) -> None:
    part = parts[0]
    backend.faults.add(Fault(503, path_contains=path, times=50))

    page = await compose(home())

    assert not page.complete
    assert page.model_dump(mode="json")["complete"] is False
    assert sorted(m.part for m in page.missing) == parts
    assert {m.status for m in page.missing} == {503}
    assert page.parts == ["zaken", "taken", "berichten", "producten"]
    shown = {
        "lopende_zaken": page.lopende_zaken,
        "berichten": page.berichten,
        "producten": page.producten,
    }
    for name, value in shown.items():
        assert value == [] if name == empty else value, name
    assert page.taken  # the other register's taken are still there (or both, when fine)
    sources = {t.source.value for t in page.taken}
    expected = {"taken (Open VTB)": {"objecten"}, "taken (Objects API)": {"openvtb"}}
    assert sources == expected.get(part, {"openvtb", "objecten"})
    if part == "berichten":
        assert page.unread_berichten is None
    else:
        assert page.unread_berichten == 1


async def test_both_taak_registers_failing(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(Fault(503, path_contains="/taken/api/v1/", times=50))
    backend.faults.add(Fault(403, path_contains="/objecten/", times=50))
    page = await compose(home())
    assert page.taken == []
    assert sorted(m.part for m in page.missing) == ["taken (Objects API)", "taken (Open VTB)"]
    assert page.lopende_zaken
    assert page.berichten
    assert page.producten


# -- which parts -------------------------------------------------------------------------------
async def test_parts_follow_the_configured_services(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    page = await compose(home(services=["berichten", "producten"]))

    assert page.parts == ["berichten", "producten"]
    assert (page.lopende_zaken, page.taken) == (None, None)
    assert page.berichten
    assert page.producten
    # Without the citizen's zaken a bericht cannot be linked to one of them.
    assert all(b.zaak_url is None for b in page.berichten)
    assert page.complete
    assert len(page.warnings) == 2
    assert "zaken are not shown" in page.warnings[0]
    assert "taken are not shown" in page.warnings[1]
    assert not backend.requests_matching("GET", "/zaken/")


async def test_taken_from_one_register_only(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    services = ["zaken", "catalogi", "taken"]
    page = await compose(home(services=services))
    assert page.parts == ["zaken", "taken"]
    assert page.taken is not None
    assert {t.source.value for t in page.taken} == {"openvtb"}
    assert page.berichten is None
    assert page.producten is None


async def test_parts_switched_off_send_nothing(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    composer = home(HomeParts(zaken=False, berichten=False))
    backend.reset_log()

    page = await compose(composer)

    assert page.parts == ["taken", "producten"]
    assert (page.lopende_zaken, page.berichten, page.unread_berichten) == (None, None, None)
    assert page.warnings == []
    sent = [url for _, url in backend.request_log]
    assert not [u for u in sent if "/zaken/" in u or "/catalogi/" in u or "/berichten/" in u]
    assert len(sent) == 4  # Open VTB's taken, the Objects API's two queries, the producten
    # Without the zaken a taak keeps only what it says itself.
    assert page.taken is not None
    betaal = next(t for t in page.taken if t.titel == "Betaal uw parkeerbon")
    assert betaal.zaak_url is None


async def test_nothing_configured_is_an_empty_home_page(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    page = await compose(home(services=["documenten"]))
    assert page.parts == []
    assert page.complete
    assert len(page.warnings) == 4


# -- requests ----------------------------------------------------------------------------------
async def test_the_demo_home_page_takes_a_fixed_number_of_requests(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    composer = home()
    backend.reset_log()
    await compose(composer)
    sent = backend.request_log
    assert len(sent) == DEMO_REQUESTS, sent
    assert len(set(sent)) == len(sent) - 1  # only the Objects API's search is sent twice
    for path in ("/taken/api/v1/externetaken", "/berichten/api/v1/berichten", "/producten/"):
        assert len([u for _, u in sent if path in u]) == 1


async def test_requests_do_not_grow_with_zaken_berichten_or_taken(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    seeder = Seeder(backend)
    zaaktype = seeder.zaaktype()
    seeder.zaak(zaaktype, bsn=DEMO_BSN)
    bericht(backend, "De eerste", offset=-1)
    composer = home()
    backend.reset_log()
    await compose(composer)
    base = len(backend.request_log)
    assert base == DEMO_REQUESTS + 2  # the new zaaktype and its statustypen

    for n in range(30):
        seeder.zaak(zaaktype, bsn=DEMO_BSN, omschrijving=f"Zaak {n}")
        bericht(backend, f"Bericht {n}", offset=-2 - n)
        bericht(backend, f"Voor een ander {n}", offset=-2, ontvanger=f"urn:nld:brp:bsn:{BSN_OTHER}")
        vtb_taak(backend, f"Taak {n}", deadline=n + 3)
    composer = home()  # a new client: its catalogi cache is empty again
    backend.reset_log()
    page = await compose(composer)

    assert page.complete
    assert page.lopende_zaken is not None
    assert len(page.lopende_zaken) >= 31
    assert page.unread_berichten == 32
    assert len(backend.request_log) == base


async def test_only_pagination_adds_requests(
    home: Callable[..., Any], demo: DemoScenario, backend: InMemoryBackend
) -> None:
    """Open VTB's lists cannot be filtered: 501 berichten (of anyone) are two pages."""
    for n in range(501 - 2):
        bericht(backend, f"Voor een ander {n}", offset=-2, ontvanger=f"urn:nld:brp:bsn:{BSN_OTHER}")
    composer = home()
    backend.reset_log()
    page = await compose(composer)
    assert page.unread_berichten == 1
    assert len(backend.requests_matching("GET", "/berichten/api/v1/berichten")) == 2
    assert len(backend.request_log) == DEMO_REQUESTS + 1


async def test_requests_in_flight_stay_within_the_policy(
    face: str, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    """One bound over every part: the zaken, their catalogi and the other registers."""
    counter = InFlight(seconds=0.01)
    policy = Policy(concurrency=3)
    config = config_for(backend)
    page: HomePageView
    if face == "sync":
        http = httpx.Client(transport=SyncCountingTransport(backend, counter))
        with ZGWClient(config, http_client=http) as client:
            page = HomePage(client, policy, today=lambda: TODAY, now=lambda: NOW).compose(
                bsn=DEMO_BSN
            )
    else:
        ahttp = httpx.AsyncClient(transport=AsyncCountingTransport(backend, counter))
        async with AsyncZGWClient(config, http_client=ahttp) as aclient:
            composer = AsyncHomePage(aclient, policy, today=lambda: TODAY, now=lambda: NOW)
            page = await composer.compose(bsn=DEMO_BSN)
    assert page.complete
    assert counter.total == DEMO_REQUESTS
    assert 2 <= counter.most <= 3
