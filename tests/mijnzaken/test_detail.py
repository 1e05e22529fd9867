"""One zaak in full, in both faces: steps, documents, besluiten, contact, and who may ask."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import resolve
from tests.mijnzaken.conftest import (
    BSN,
    BSN_OTHER,
    KVK,
    TODAY,
    VESTIGING,
    Seeder,
    duplicate_gets,
    uuid_of,
)
from zgw_client import AccessDeniedError
from zgw_client.mijnzaken import Policy, ZaakDetail
from zgw_client.testing import DEMO_BSN, DEMO_KVK, Fault, InMemoryBackend
from zgw_client.testing.demo import DEMO_BSN_OTHER, DEMO_VESTIGINGSNUMMER, DemoScenario

UTC = dt.timezone.utc


def at(offset: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime.combine(TODAY + dt.timedelta(days=offset), dt.time(hour, minute), UTC)


def newest_first(values: list[dt.datetime | None]) -> bool:
    known = [v for v in values if v is not None]
    return known == sorted(known, reverse=True)


# -- the detail --------------------------------------------------------------------------------
async def test_subsidie_detail(mz: Any, demo: DemoScenario) -> None:
    detail = await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    assert isinstance(detail, ZaakDetail)
    assert detail.zaak.url == demo.zaken["subsidie"]
    assert [(s.volgnummer, s.state) for s in detail.steps] == [
        (1, "done"),
        (2, "current"),
        (3, "upcoming"),
        (4, "upcoming"),
    ]
    assert [s.reached_at for s in detail.steps] == [at(-45, 9), at(-20, 10), None, None]
    assert detail.steps[0].naam == "Wij hebben uw aanvraag ontvangen"

    # Only definitief/gearchiveerd and up to zaakvertrouwelijk: not the concept advice
    # (in bewerking) nor the internal note (vertrouwelijk).
    assert {d.url for d in detail.documenten} == {
        demo.documenten["aanvraag"],
        demo.documenten["rapport"],
    }
    aanvraag = next(d for d in detail.documenten if d.url == demo.documenten["aanvraag"])
    assert aanvraag.titel == "Aanvraagformulier subsidie geluidsisolatie"
    assert aanvraag.type == "Aanvraagformulier"
    assert aanvraag.formaat == "application/pdf"
    assert aanvraag.date == TODAY - dt.timedelta(days=45)
    assert aanvraag.download_url == demo.documenten["aanvraag"] + "/download"

    assert detail.besluiten == []
    [contact] = detail.contactmomenten
    assert contact.url == demo.klantcontacten["subsidie"]
    assert contact.source == "klantinteracties"
    assert contact.kanaal == "telefoon"
    assert contact.onderwerp == "Vraag over afspraak geluidsmeting"

    # Status changes and contact, newest first.
    assert [(e.kind, e.at) for e in detail.timeline] == [
        ("status", at(-20, 10)),
        ("contact", at(-25, 10, 15)),
        ("status", at(-45, 9)),
    ]
    [taak] = detail.taken
    assert taak.url == demo.taken["subsidie"]
    assert taak.days_left == 2
    assert detail.zaak.open_taken == 1
    assert detail.missing == []


async def test_detail_by_uuid_is_the_same(mz: Any, demo: DemoScenario) -> None:
    by_url = await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))
    by_uuid = await resolve(mz.zaak_detail(uuid_of(demo.zaken["subsidie"]), bsn=DEMO_BSN))

    assert by_uuid == by_url


async def test_detail_matches_the_overview_details(mz: Any, demo: DemoScenario) -> None:
    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=True))
    assert overview.details is not None

    for from_overview in overview.details:
        alone = await resolve(mz.zaak_detail(from_overview.zaak.url, bsn=DEMO_BSN))
        assert alone == from_overview


async def test_closed_zaak_detail_has_besluit_and_resultaat(mz: Any, demo: DemoScenario) -> None:
    detail = await resolve(mz.zaak_detail(demo.zaken["parkeervergunning"], bsn=DEMO_BSN))

    assert detail.zaak.afgerond
    assert detail.zaak.resultaat == "Toegekend"
    [besluit] = detail.besluiten
    assert besluit.url == demo.besluiten["parkeervergunning"]
    assert besluit.besluittype == "Besluit parkeervergunning bewoners"
    assert besluit.datum == TODAY - dt.timedelta(days=60)
    assert [d.url for d in detail.documenten] == [demo.documenten["besluit"]]
    # "In behandeling" (informeren: false) was reached 80 days ago, but is not shown,
    # neither as a step nor in the timeline.
    assert [s.volgnummer for s in detail.steps] == [1, 3]
    assert [s.state for s in detail.steps] == ["done", "current"]
    assert [e.title for e in detail.timeline] == [
        "Er is een besluit genomen over uw aanvraag",
        "Wij hebben uw aanvraag ontvangen",
    ]
    assert "Wij beoordelen uw aanvraag" not in detail.model_dump_json()


async def test_uninformed_steps_hidden_unless_the_policy_shows_them(
    composer: Any, demo: DemoScenario
) -> None:
    zaak = demo.zaken["ooievaarspas"]
    hidden = await resolve(composer().zaak_detail(zaak, bsn=DEMO_BSN))
    assert [s.volgnummer for s in hidden.steps] == [1, 3]
    assert [s.state for s in hidden.steps] == ["current", "upcoming"]

    shown = await resolve(
        composer(Policy(hide_uninformed_steps=False)).zaak_detail(zaak, bsn=DEMO_BSN)
    )
    assert [s.volgnummer for s in shown.steps] == [1, 2, 3]
    assert shown.steps[1].naam == "Wij beoordelen uw aanvraag"
    assert shown.zaak.progress is not None
    assert shown.zaak.progress.total == 3


async def test_document_rules(composer: Any, seeder: Seeder) -> None:
    zaaktype = seeder.zaaktype()
    zaak = seeder.zaak(zaaktype)
    definitief = seeder.document(zaak, "definitief")
    gearchiveerd = seeder.document(zaak, "gearchiveerd", status="gearchiveerd")
    in_bewerking = seeder.document(zaak, "in bewerking", status="in_bewerking")
    ter_vaststelling = seeder.document(zaak, "ter vaststelling", status="ter_vaststelling")
    zaakvertrouwelijk = seeder.document(zaak, "zv", vertrouwelijkheid="zaakvertrouwelijk")
    vertrouwelijk = seeder.document(zaak, "vertrouwelijk", vertrouwelijkheid="vertrouwelijk")
    geheim = seeder.document(zaak, "geheim", vertrouwelijkheid="geheim")

    async def shown(policy: Policy | None = None) -> set[str]:
        detail = await resolve(composer(policy).zaak_detail(zaak, bsn=BSN))
        return {d.url for d in detail.documenten}

    assert await shown() == {definitief, gearchiveerd, zaakvertrouwelijk}
    assert await shown(Policy(max_document_vertrouwelijkheid="openbaar")) == {
        definitief,
        gearchiveerd,
    }
    assert await shown(Policy(max_document_vertrouwelijkheid="vertrouwelijk")) == {
        definitief,
        gearchiveerd,
        zaakvertrouwelijk,
        vertrouwelijk,
    }
    with_drafts = Policy(document_statuses=frozenset({"definitief", "in_bewerking"}))
    assert await shown(with_drafts) == {definitief, in_bewerking, zaakvertrouwelijk}
    for never in (ter_vaststelling, geheim):
        assert never not in await shown(with_drafts)


async def test_demo_document_policy(composer: Any, demo: DemoScenario) -> None:
    strict = Policy(max_document_vertrouwelijkheid="openbaar")
    detail = await resolve(composer(strict).zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    # The rapport is beperkt_openbaar: above "openbaar".
    assert [d.url for d in detail.documenten] == [demo.documenten["aanvraag"]]


# -- access --------------------------------------------------------------------------------------
async def test_another_citizens_zaak_is_refused(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    zaak = demo.zaken["ander_ooievaarspas"]
    stored = backend.resolve(zaak)
    assert stored is not None

    for ref in (zaak, uuid_of(zaak)):
        with pytest.raises(AccessDeniedError) as caught:
            await resolve(mz.zaak_detail(ref, bsn=DEMO_BSN))
        # Nothing of the zaak leaks through the error.
        message = str(caught.value)
        assert stored["identificatie"] not in message
        assert uuid_of(zaak) not in message
        assert stored["omschrijving"] not in message

    # Its owner does get it.
    detail = await resolve(mz.zaak_detail(zaak, bsn=DEMO_BSN_OTHER))
    assert detail.zaak.url == zaak


@pytest.mark.parametrize(
    ("key", "who"),
    [
        ("intern", {"bsn": DEMO_BSN}),  # Anne's own, but the zaaktype is intern
        ("bedrijf_terras", {"bsn": DEMO_BSN}),  # the company's
        ("subsidie", {"kvk": DEMO_KVK}),  # Anne's, asked for by the company
        ("subsidie", {"bsn": DEMO_BSN_OTHER}),  # Anne's, asked for by another citizen
    ],
)
async def test_refusals(mz: Any, demo: DemoScenario, key: str, who: dict[str, str]) -> None:
    with pytest.raises(AccessDeniedError):
        await resolve(mz.zaak_detail(demo.zaken[key], **who))


async def test_company_detail_with_vestiging(mz: Any, demo: DemoScenario) -> None:
    detail = await resolve(
        mz.zaak_detail(
            demo.zaken["bedrijf_terras"], kvk=DEMO_KVK, vestigingsnummer=DEMO_VESTIGINGSNUMMER
        )
    )
    assert detail.zaak.url == demo.zaken["bedrijf_terras"]
    assert [t.url for t in detail.taken] == [demo.taken["bedrijf_terras"]]


async def test_other_vestiging_is_refused(mz: Any, seeder: Seeder) -> None:
    zaaktype = seeder.zaaktype()
    zaak = seeder.zaak(zaaktype, bsn=None, kvk=KVK, vestiging=VESTIGING)

    assert (await resolve(mz.zaak_detail(zaak, kvk=KVK))).zaak.url == zaak
    with pytest.raises(AccessDeniedError):
        await resolve(mz.zaak_detail(zaak, kvk=KVK, vestigingsnummer="000011112222"))


@pytest.mark.parametrize("use_expand", [True, False], ids=["expand", "no-expand"])
async def test_access_follows_the_qualifying_roles(
    composer: Any, seeder: Seeder, use_expand: bool
) -> None:
    zaaktype = seeder.zaaktype()
    belanghebbende = seeder.zaak(zaaktype, bsn=BSN_OTHER)
    seeder.rol_persoon(belanghebbende, zaaktype, BSN, rol="belanghebbende")
    gemachtigde = seeder.zaak(zaaktype, machtiging="gemachtigde")

    default = composer(Policy(use_expand=use_expand))
    for zaak in (belanghebbende, gemachtigde):
        with pytest.raises(AccessDeniedError):
            await resolve(default.zaak_detail(zaak, bsn=BSN))

    wider = composer(
        Policy(
            use_expand=use_expand,
            qualifying_roles=frozenset({"initiator", "belanghebbende"}),
            allow_machtiging=True,
        )
    )
    for zaak in (belanghebbende, gemachtigde):
        assert (await resolve(wider.zaak_detail(zaak, bsn=BSN))).zaak.url == zaak


# -- contact from either source ------------------------------------------------------------------
async def test_contact_from_klantinteracties(mz: Any, demo: DemoScenario) -> None:
    detail = await resolve(mz.zaak_detail(demo.zaken["ooievaarspas"], bsn=DEMO_BSN))

    [contact] = detail.contactmomenten
    assert contact.source == "klantinteracties"
    assert contact.url == demo.klantcontacten["ooievaarspas"]
    assert contact.tekst == (
        "Mevrouw Klap vraagt of haar inkomen onder de grens voor de Ooievaarspas valt."
    )
    assert contact.registered_at == at(-7, 10, 15)
    assert detail.timeline[0].kind == "contact"
    assert detail.timeline[0].title == "Vraag over inkomensgrens Ooievaarspas"


async def test_contact_from_the_contactmomenten_api(
    clients: Any, composer: Any, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    """A municipality without Open Klant 2: the contact comes from the Contactmomenten API."""
    services = [s for s in backend.api_roots if s != "klantinteracties"]
    client = clients(backend, services)
    assert "contactmomenten" in client.config.services
    assert "klantinteracties" not in client.config.services
    mz = composer(client=client)

    detail = await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    [contact] = detail.contactmomenten
    assert contact.source == "contactmomenten"
    assert contact.url == demo.contactmomenten["subsidie"]
    assert contact.kanaal == "telefoon"
    assert contact.tekst == "Vraag over afspraak geluidsmeting; afspraak bevestigd."
    assert contact.registered_at == at(-25, 10, 15)
    assert [e.kind for e in detail.timeline] == ["status", "contact", "status"]
    assert detail.timeline[1].text == contact.tekst
    assert not any("/klantinteracties/" in url for _, url in backend.request_log)

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=True))
    assert overview.details is not None
    by_zaak = {d.zaak.url: d for d in overview.details}
    [from_overview] = by_zaak[demo.zaken["ooievaarspas"]].contactmomenten
    assert from_overview.url == demo.contactmomenten["ooievaarspas"]
    assert from_overview.source == "contactmomenten"


async def test_no_contact_service_gives_no_contact_and_no_error(
    clients: Any, composer: Any, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    services = [s for s in backend.api_roots if s not in ("klantinteracties", "contactmomenten")]
    mz = composer(client=clients(backend, services))

    detail = await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    assert detail.contactmomenten == []
    assert [e.kind for e in detail.timeline] == ["status", "status"]
    assert len(detail.documenten) == 2


async def test_contact_timeline_newest_first(
    mz: Any, seeder: Seeder, backend: InMemoryBackend
) -> None:
    zaaktype = seeder.zaaktype()
    zaak = seeder.zaak(zaaktype, start=-30, statussen=[(0, -30), (1, -5)])
    for offset, onderwerp in ((-20, "midden"), (-1, "nieuwste"), (-29, "oudste")):
        klantcontact = backend.add(
            "klantinteracties",
            "klantcontacten",
            {
                "kanaal": "telefoon",
                "onderwerp": onderwerp,
                "inhoud": onderwerp,
                "indicatieContactGelukt": True,
                "taal": "nld",
                "vertrouwelijk": False,
                "plaatsgevondenOp": (at(offset, 12)).isoformat(),
            },
        )
        backend.add(
            "klantinteracties",
            "onderwerpobjecten",
            {
                "klantcontact": {"url": klantcontact["url"]},
                "wasKlantcontact": None,
                "onderwerpobjectidentificator": {
                    "objectId": uuid_of(zaak),
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            },
        )
    mz_detail = await resolve(mz.zaak_detail(zaak, bsn=BSN))

    assert [c.onderwerp for c in mz_detail.contactmomenten] == ["nieuwste", "midden", "oudste"]
    assert [(e.kind, e.title) for e in mz_detail.timeline] == [
        ("contact", "nieuwste"),
        ("status", "Wij beoordelen uw aanvraag"),
        ("contact", "midden"),
        ("contact", "oudste"),
        ("status", "Wij hebben uw aanvraag ontvangen"),
    ]
    assert newest_first([e.at for e in mz_detail.timeline])


# -- partial failure in a detail -----------------------------------------------------------------
async def test_besluiten_down_leaves_the_rest(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    fault = backend.faults.add(Fault(503, path_contains="/besluiten/api/v1/", times=3))

    detail = await resolve(mz.zaak_detail(demo.zaken["parkeervergunning"], bsn=DEMO_BSN))

    assert fault.fired == 3
    assert detail.besluiten == []
    [missing] = detail.missing
    zaak = backend.resolve(demo.zaken["parkeervergunning"])
    assert zaak is not None
    assert missing.part == f"besluiten of {zaak['identificatie']}"
    assert "RetriesExhaustedError" in missing.reason
    assert "503" in missing.reason
    assert [d.url for d in detail.documenten] == [demo.documenten["besluit"]]
    assert detail.zaak.resultaat == "Toegekend"


async def test_contact_down_in_a_detail(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(Fault(403, path_contains="/klantinteracties/api/v1/klantcontacten"))

    detail = await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    assert detail.contactmomenten == []
    assert [m.part for m in detail.missing] == [f"contactmomenten of {detail.zaak.identificatie}"]
    assert detail.missing[0].status == 403
    assert [e.kind for e in detail.timeline] == ["status", "status"]
    assert len(detail.documenten) == 2


async def test_taken_forbidden_in_a_detail(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(Fault(403, path_contains="/objecten/"))

    detail = await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    assert detail.taken == []
    assert [m.part for m in detail.missing] == [f"taken of {detail.zaak.identificatie}"]
    assert detail.missing[0].status == 403
    assert len(detail.documenten) == 2


async def test_zaak_detail_fetches_no_url_twice(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.reset_log()
    await resolve(mz.zaak_detail(demo.zaken["subsidie"], bsn=DEMO_BSN))

    assert backend.request_log
    assert duplicate_gets(backend) == {}


async def test_company_contact_in_overview_details_and_detail(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    """A company's klantcontact about its zaak shows in the overview's details too."""
    zaak = demo.zaken["bedrijf_terras"]
    klantcontact = backend.add(
        "klantinteracties",
        "klantcontacten",
        {
            "kanaal": "telefoon",
            "onderwerp": "Vraag over terras",
            "inhoud": "Mag het terras tot 23 uur open?",
            "indicatieContactGelukt": True,
            "taal": "nld",
            "vertrouwelijk": False,
            "plaatsgevondenOp": at(-3, 11).isoformat(),
        },
    )
    backend.add(
        "klantinteracties",
        "betrokkenen",
        {
            "wasPartij": {"url": demo.partijen["bedrijf"]},
            "hadKlantcontact": {"url": klantcontact["url"]},
            "rol": "klant",
            "initiator": True,
            "organisatienaam": "Haagse Horeca B.V.",
        },
    )
    backend.add(
        "klantinteracties",
        "onderwerpobjecten",
        {
            "klantcontact": {"url": klantcontact["url"]},
            "onderwerpobjectidentificator": {
                "objectId": uuid_of(zaak),
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        },
    )

    detail = await resolve(mz.zaak_detail(zaak, kvk=DEMO_KVK))
    assert [c.url for c in detail.contactmomenten] == [klantcontact["url"]]

    overview = await resolve(mz.overview(kvk=DEMO_KVK, details=True))
    assert overview.details is not None
    by_zaak = {d.zaak.url: d for d in overview.details}
    assert [c.url for c in by_zaak[zaak].contactmomenten] == [klantcontact["url"]]
    assert by_zaak[zaak] == detail


@pytest.mark.parametrize("face", ["sync", "async"])
def test_two_alike_klantcontacten_about_a_zaak_are_both_shown(face: str) -> None:
    # The benchmark citizen's two klantcontacten per zaak share the time, kanaal and text;
    # the neutral contact model compares them as equal (to merge one contact seen through
    # two APIs), which once showed only one of them in the overview's details.
    import asyncio

    import httpx

    from zgw_client import AsyncZGWClient, ZGWClient
    from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken
    from zgw_client.testing import config_for, seed_benchmark

    backend = InMemoryBackend()
    seed_benchmark(backend, zaken=2, contactmomenten=2)
    config = config_for(backend)
    if face == "sync":
        with ZGWClient(config, http_client=httpx.Client(transport=backend.transport())) as client:
            overview = MijnZaken(client).overview(bsn=DEMO_BSN, details=True)
    else:

        async def main() -> Any:
            http = httpx.AsyncClient(transport=backend.async_transport())
            async with AsyncZGWClient(config, http_client=http) as client:
                return await AsyncMijnZaken(client).overview(bsn=DEMO_BSN, details=True)

        overview = asyncio.run(main())
    assert overview.details is not None
    assert len(overview.details) == 2
    for detail in overview.details:
        contacts = detail.contactmomenten
        assert len(contacts) == 2
        assert len({c.url for c in contacts}) == 2
        assert {c.onderwerp for c in contacts} == {
            f"Vraag {n} over aanvraag {detail.zaak.omschrijving.rsplit(' ', 1)[-1]}" for n in (1, 2)
        }
