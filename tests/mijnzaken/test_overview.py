"""The overview, in both faces: what is shown, in which order, and what is missing."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from tests.conftest import resolve
from tests.mijnzaken.conftest import (
    BSN,
    BSN_OTHER,
    KVK,
    TODAY,
    VESTIGING,
    VESTIGING_OTHER,
    Seeder,
    day,
    duplicate_gets,
    uuid_of,
)
from zgw_client.identifiers import InvalidBSNError
from zgw_client.mijnzaken import Overview, Policy
from zgw_client.testing import DEMO_BSN, DEMO_KVK, Fault, InMemoryBackend, seed_benchmark
from zgw_client.testing.demo import DEMO_VESTIGINGSNUMMER, DemoScenario


def identificaties(backend: InMemoryBackend, demo: DemoScenario, *keys: str) -> set[str]:
    found = set()
    for key in keys:
        zaak = backend.resolve(demo.zaken[key])
        assert zaak is not None
        found.add(zaak["identificatie"])
    return found


def urls(summaries: Any) -> list[str]:
    return [s.url for s in summaries]


# -- the demo ----------------------------------------------------------------------------------
async def test_demo_overview_shows_only_annes_visible_zaken(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert isinstance(overview, Overview)
    assert overview.subject.kind == "bsn"
    assert overview.subject.masked == "*****3653"
    assert DEMO_BSN not in overview.model_dump_json()
    z = demo.zaken
    assert set(urls(overview.lopende_zaken)) == {z["parkeerbon"], z["subsidie"], z["ooievaarspas"]}
    assert urls(overview.afgeronde_zaken) == [z["parkeervergunning"]]
    shown = set(urls(overview.lopende_zaken + overview.afgeronde_zaken))
    # The intern zaaktype, the other citizen's and the company's zaken are not Anne's to see.
    for hidden in ("intern", "ander_ooievaarspas", "bedrijf_terras", "bedrijf_parkeren"):
        assert z[hidden] not in shown
    assert overview.missing == []
    assert overview.warnings == []
    assert overview.complete
    assert overview.details is None
    # What a portal gets is plain JSON.
    dumped = json.loads(overview.model_dump_json())
    assert Overview.model_validate(dumped) == overview


async def test_demo_summaries_carry_what_a_citizen_asked_for(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    overview = await resolve(mz.overview(bsn=DEMO_BSN))
    by_url = {s.url: s for s in overview.lopende_zaken + overview.afgeronde_zaken}

    subsidie = by_url[demo.zaken["subsidie"]]
    stored = backend.resolve(demo.zaken["subsidie"])
    assert stored is not None
    assert subsidie.identificatie == stored["identificatie"]
    assert subsidie.uuid == uuid_of(demo.zaken["subsidie"])
    assert subsidie.zaaktype == "Aanvraag subsidie geluidsisolatie"
    assert subsidie.aangevraagd_op == TODAY - dt.timedelta(days=45)
    # statustekst, not the omschrijving "Onderzoek naar geluidsoverlast".
    assert subsidie.status == "Wij meten de geluidsoverlast bij uw woning"
    assert (subsidie.progress.current, subsidie.progress.total) == (2, 4)
    assert subsidie.last_change == dt.datetime(2026, 11, 5, 10, 0, tzinfo=dt.timezone.utc)
    assert subsidie.afgerond is False
    assert subsidie.resultaat is None
    assert subsidie.open_taken == 1
    assert subsidie.expected_end is not None

    # The step "In behandeling" (informeren: false) is not counted: step 1 of 2.
    ooievaarspas = by_url[demo.zaken["ooievaarspas"]]
    assert (ooievaarspas.progress.current, ooievaarspas.progress.total) == (1, 2)
    assert ooievaarspas.open_taken == 0

    afgerond = by_url[demo.zaken["parkeervergunning"]]
    assert afgerond.afgerond is True
    assert afgerond.einddatum == TODAY - dt.timedelta(days=60)
    assert afgerond.resultaat == "Toegekend"
    assert afgerond.status == "Er is een besluit genomen over uw aanvraag"
    assert (afgerond.progress.current, afgerond.progress.total) == (2, 2)
    assert afgerond.expected_end is None


async def test_taken_soonest_deadline_first_with_days_left(mz: Any, demo: DemoScenario) -> None:
    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert [t.url for t in overview.taken] == [
        demo.taken["subsidie"],
        demo.taken["parkeerbon"],
        demo.taken["identiteitskaart"],
    ]
    assert [t.days_left for t in overview.taken] == [2, 14, 56]
    # A verwerkte taak is not something to do any more.
    assert demo.taken["ooievaarspas_afgerond"] not in {t.url for t in overview.taken}
    subsidie, parkeerbon, identiteitskaart = overview.taken
    assert subsidie.zaak_url == demo.zaken["subsidie"]
    by_url = {s.url: s for s in overview.lopende_zaken}
    assert subsidie.zaak_identificatie == by_url[demo.zaken["subsidie"]].identificatie
    assert parkeerbon.bedrag == "74.9"
    assert parkeerbon.zaak_url == demo.zaken["parkeerbon"]
    assert identiteitskaart.zaak_url is None
    assert identiteitskaart.action_url == "https://www.denhaag.nl/nl/paspoort-en-identiteitskaart"


async def test_zaken_most_recent_activity_first(mz: Any, demo: DemoScenario) -> None:
    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    # Last status: parkeerbon 3 days ago, ooievaarspas 10, subsidie 20 (started first).
    assert urls(overview.lopende_zaken) == [
        demo.zaken["parkeerbon"],
        demo.zaken["ooievaarspas"],
        demo.zaken["subsidie"],
    ]


async def test_sorting_on_hand_seeded_zaken_and_taken(mz: Any, seeder: Seeder) -> None:
    zaaktype = seeder.zaaktype()
    # Started long ago but moved yesterday: the most recent activity.
    old_but_active = seeder.zaak(zaaktype, start=-100, statussen=[(0, -100), (1, -1)])
    recent_start = seeder.zaak(zaaktype, start=-5, statussen=[(0, -5)])
    # No status at all: its registratiedatum counts.
    no_status = seeder.zaak(zaaktype, start=-3, statussen=[])
    middle = seeder.zaak(zaaktype, start=-40, statussen=[(0, -40), (1, -10)])
    later = seeder.taak("Later", zaak=middle, verloop=30)
    overdue = seeder.taak("Te laat", zaak=old_but_active, verloop=-2)
    no_deadline = seeder.taak("Ooit")
    soon = seeder.taak("Vandaag", verloop=0)

    overview = await resolve(mz.overview(bsn=BSN))

    assert urls(overview.lopende_zaken) == [old_but_active, no_status, recent_start, middle]
    assert [t.url for t in overview.taken] == [overdue, soon, later, no_deadline]
    assert [t.days_left for t in overview.taken] == [-2, 0, 30, None]
    assert overview.taken[0].zaak_url == old_but_active
    summaries = {s.url: s for s in overview.lopende_zaken}
    assert summaries[no_status].status is None
    assert summaries[no_status].progress is not None
    assert summaries[no_status].progress.current == 0


# -- visibility --------------------------------------------------------------------------------
async def test_intern_zaaktype_and_secret_zaken_are_hidden(mz: Any, seeder: Seeder) -> None:
    extern = seeder.zaaktype("Extern")
    intern = seeder.zaaktype("Intern", intern=True)
    shown = seeder.zaak(extern, vertrouwelijkheid="zaakvertrouwelijk")
    openbaar = seeder.zaak(extern, vertrouwelijkheid="openbaar")
    too_secret = seeder.zaak(extern, vertrouwelijkheid="vertrouwelijk")
    geheim = seeder.zaak(extern, vertrouwelijkheid="geheim")
    internal = seeder.zaak(intern, vertrouwelijkheid="openbaar")

    overview = await resolve(mz.overview(bsn=BSN))

    assert set(urls(overview.lopende_zaken)) == {shown, openbaar}
    for hidden in (too_secret, geheim, internal):
        assert hidden not in overview.model_dump_json()


async def test_policy_widens_and_narrows_the_zaken(composer: Any, seeder: Seeder) -> None:
    extern = seeder.zaaktype("Extern")
    intern = seeder.zaaktype("Intern", intern=True)
    openbaar = seeder.zaak(extern, vertrouwelijkheid="openbaar")
    zaakvertrouwelijk = seeder.zaak(extern, vertrouwelijkheid="zaakvertrouwelijk")
    vertrouwelijk = seeder.zaak(extern, vertrouwelijkheid="vertrouwelijk")
    internal = seeder.zaak(intern, vertrouwelijkheid="openbaar")

    strict = await resolve(
        composer(Policy(max_zaak_vertrouwelijkheid="openbaar")).overview(bsn=BSN)
    )
    assert urls(strict.lopende_zaken) == [openbaar]

    wider = await resolve(
        composer(
            Policy(
                max_zaak_vertrouwelijkheid="vertrouwelijk",
                zaaktype_scope=frozenset({"extern", "intern"}),
            )
        ).overview(bsn=BSN)
    )
    assert set(urls(wider.lopende_zaken)) == {
        openbaar,
        zaakvertrouwelijk,
        vertrouwelijk,
        internal,
    }


async def test_demo_intern_zaak_needs_both_rules_relaxed(composer: Any, demo: DemoScenario) -> None:
    """The demo's intern zaak is intern *and* vertrouwelijk: each rule hides it alone."""
    intern = demo.zaken["intern"]
    scope_only = Policy(zaaktype_scope=frozenset({"extern", "intern"}))
    level_only = Policy(max_zaak_vertrouwelijkheid="vertrouwelijk")
    both = Policy(
        zaaktype_scope=frozenset({"extern", "intern"}),
        max_zaak_vertrouwelijkheid="vertrouwelijk",
    )
    for policy, visible in ((scope_only, False), (level_only, False), (both, True)):
        overview = await resolve(composer(policy).overview(bsn=DEMO_BSN))
        assert (intern in urls(overview.lopende_zaken)) is visible, policy


@pytest.mark.parametrize("use_expand", [True, False], ids=["expand", "no-expand"])
async def test_qualifying_roles(composer: Any, seeder: Seeder, use_expand: bool) -> None:
    zaaktype = seeder.zaaktype()
    initiator = seeder.zaak(zaaktype, rol="initiator", omschrijving="initiator")
    belanghebbende = seeder.zaak(zaaktype, rol="belanghebbende", omschrijving="belanghebbende")
    gemachtigde = seeder.zaak(
        zaaktype, rol="initiator", machtiging="gemachtigde", omschrijving="gemachtigde"
    )
    behandelaar = seeder.zaak(zaaktype, rol="behandelaar", omschrijving="behandelaar")
    # Someone else's zaak on which this citizen is belanghebbende.
    others = seeder.zaak(zaaktype, bsn=BSN_OTHER, omschrijving="van een ander")
    seeder.rol_persoon(others, zaaktype, BSN, rol="belanghebbende")
    # Another citizen's zaak: never shown to BSN, whatever the policy.
    seeder.zaak(zaaktype, bsn=BSN_OTHER, omschrijving="alleen van een ander")

    async def shown(**policy: Any) -> set[str]:
        mz = composer(Policy(use_expand=use_expand, **policy))
        overview = await resolve(mz.overview(bsn=BSN))
        return set(urls(overview.lopende_zaken))

    assert await shown() == {initiator}
    assert await shown(qualifying_roles=frozenset({"initiator", "belanghebbende"})) == {
        initiator,
        belanghebbende,
        others,
    }
    assert await shown(allow_machtiging=True) == {initiator, gemachtigde}
    everything = await shown(
        qualifying_roles=frozenset({"initiator", "belanghebbende", "behandelaar"}),
        allow_machtiging=True,
    )
    assert everything == {initiator, belanghebbende, gemachtigde, behandelaar, others}


# -- honesty: partial failure ------------------------------------------------------------------
async def test_taken_down_still_gives_the_zaken(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    # Two taak queries (one per taak shape) run at once; the retry policy makes 3 attempts
    # each, and every one gets a 503.
    fault = backend.faults.add(Fault(503, path_contains="/objecten/", times=6))

    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert fault.fired == 6
    assert len(overview.lopende_zaken) == 3
    assert len(overview.afgeronde_zaken) == 1
    assert overview.taken == []
    assert not overview.complete
    [missing] = overview.missing
    assert missing.part == "taken"
    assert missing.service == "objecten"
    assert "RetriesExhaustedError" in missing.reason
    assert "503" in missing.reason
    # The summaries do not pretend to know the taken.
    assert all(s.open_taken == 0 for s in overview.lopende_zaken)


async def test_taken_forbidden_is_reported_with_its_status(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(Fault(403, path_contains="/objecten/"))

    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert len(overview.lopende_zaken) == 3
    [missing] = overview.missing
    assert missing.part == "taken"
    assert missing.status == 403
    assert missing.reason.startswith("PermissionDeniedError")


async def test_documenten_forbidden_leaves_the_rest_of_every_detail(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(Fault(403, path_contains="/documenten/api/v1/", times=50))

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=True))

    assert overview.details is not None
    assert len(overview.details) == 4
    assert len(overview.taken) == 3
    for detail in overview.details:
        assert detail.documenten == []
        [missing] = detail.missing
        assert missing.part == f"documenten of {detail.zaak.identificatie}"
        assert missing.status == 403
        assert "PermissionDeniedError" in missing.reason
        assert detail.steps  # the rest of the detail is there
    assert len(overview.missing) == 4
    assert not overview.complete
    by_zaak = {d.zaak.url: d for d in overview.details}
    assert len(by_zaak[demo.zaken["parkeervergunning"]].besluiten) == 1
    assert len(by_zaak[demo.zaken["subsidie"]].contactmomenten) == 1


async def test_klantinteracties_down_leaves_the_details_without_contact(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(Fault(503, path_contains="/klantinteracties/api/v1/", times=20))

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=True))

    assert overview.details is not None
    assert len(overview.details) == 4
    assert all(d.contactmomenten == [] for d in overview.details)
    assert all(d.steps for d in overview.details)
    assert len(overview.taken) == 3
    assert not overview.complete
    assert overview.missing
    assert all("503" in m.reason for m in overview.missing)
    assert all("contactmomenten" in m.part for m in overview.missing)


async def test_failing_zaken_list_gives_empty_zaken_and_says_so(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    fault = backend.faults.add(
        Fault(503, method="POST", path_contains="/zaken/api/v1/zaken/_zoek?pageSize", times=3)
    )

    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert fault.fired == 3
    assert overview.lopende_zaken == []
    assert overview.afgeronde_zaken == []
    [missing] = overview.missing
    assert missing.part == "zaken"
    assert missing.service == "zaken"
    assert "503" in missing.reason
    # The taken came from another API and are still shown, without their zaak.
    assert len(overview.taken) == 3
    assert all(t.zaak_identificatie is None for t in overview.taken)


async def test_failing_rollen_hides_every_zaak_and_says_so(
    composer: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.faults.add(
        Fault(403, method="POST", path_contains="/zaken/api/v1/zaken/_zoek?expand=rollen")
    )
    mz = composer(Policy(use_expand=False))

    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    # Without rollen nobody can tell whose zaak it is: nothing is shown.
    assert overview.lopende_zaken == []
    assert overview.afgeronde_zaken == []
    assert [m.part for m in overview.missing] == ["zaken (rollen)"]
    assert overview.missing[0].status == 403


async def test_without_objecten_service_a_warning_says_taken_are_not_shown(
    clients: Any, composer: Any, backend: InMemoryBackend, demo: DemoScenario
) -> None:
    services = [s for s in backend.api_roots if s != "objecten"]
    mz = composer(client=clients(backend, services))

    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert overview.taken == []
    assert len(overview.lopende_zaken) == 3
    assert overview.warnings == ["No objecten service configured: taken are not shown."]
    assert not any("/objecten/" in url for _, url in backend.request_log)


async def test_invalid_bsn_is_refused_before_any_request(mz: Any, backend: InMemoryBackend) -> None:
    with pytest.raises(InvalidBSNError):
        await resolve(mz.overview(bsn="123456789"))
    assert backend.request_log == []


# -- KVK -------------------------------------------------------------------------------------
async def test_company_overview(mz: Any, demo: DemoScenario) -> None:
    overview = await resolve(mz.overview(kvk=DEMO_KVK))

    assert overview.subject.kind == "kvk"
    assert overview.subject.masked == "****9084"
    assert urls(overview.lopende_zaken) == [
        demo.zaken["bedrijf_terras"],
        demo.zaken["bedrijf_parkeren"],
    ]
    assert overview.afgeronde_zaken == []
    [taak] = overview.taken
    assert taak.url == demo.taken["bedrijf_terras"]
    assert taak.days_left == 7
    assert taak.zaak_url == demo.zaken["bedrijf_terras"]
    assert overview.missing == []

    with_vestiging = await resolve(
        mz.overview(kvk=DEMO_KVK, vestigingsnummer=DEMO_VESTIGINGSNUMMER)
    )
    assert urls(with_vestiging.lopende_zaken) == urls(overview.lopende_zaken)
    assert with_vestiging.subject.vestigingsnummer == DEMO_VESTIGINGSNUMMER


async def test_vestiging_filter(mz: Any, seeder: Seeder) -> None:
    zaaktype = seeder.zaaktype()
    here = seeder.zaak(zaaktype, bsn=None, kvk=KVK, vestiging=VESTIGING, start=-2)
    there = seeder.zaak(zaaktype, bsn=None, kvk=KVK, vestiging=VESTIGING_OTHER, start=-4)
    other_company = seeder.zaak(zaaktype, bsn=None, kvk="87654321", vestiging=VESTIGING)

    company = await resolve(mz.overview(kvk=KVK))
    assert urls(company.lopende_zaken) == [here, there]

    vestiging = await resolve(mz.overview(kvk=KVK, vestigingsnummer=VESTIGING))
    assert urls(vestiging.lopende_zaken) == [here]
    assert other_company not in vestiging.model_dump_json()

    other = await resolve(mz.overview(kvk=KVK, vestigingsnummer=VESTIGING_OTHER))
    assert urls(other.lopende_zaken) == [there]


@pytest.mark.parametrize("use_expand", [True, False], ids=["expand", "no-expand"])
async def test_a_company_wide_zaak_shows_for_each_vestiging(
    composer: Any, seeder: Seeder, use_expand: bool
) -> None:
    """A rol for the whole company (no vestigingsNummer) counts for each vestiging: the
    overview of a vestiging lists the zaak, as its detail is given to that vestiging."""
    zaaktype = seeder.zaaktype()
    here = seeder.zaak(zaaktype, bsn=None, kvk=KVK, vestiging=VESTIGING, start=-2)
    whole = seeder.zaak(zaaktype, bsn=None, kvk=KVK, vestiging="", start=-3)
    there = seeder.zaak(zaaktype, bsn=None, kvk=KVK, vestiging=VESTIGING_OTHER, start=-4)
    mz = composer(Policy(use_expand=use_expand))

    overview = await resolve(mz.overview(kvk=KVK, vestigingsnummer=VESTIGING))
    detail = await resolve(mz.zaak_detail(whole, kvk=KVK, vestigingsnummer=VESTIGING))

    assert urls(overview.lopende_zaken) == [here, whole]
    assert there not in overview.model_dump_json()
    assert detail.zaak.url == whole


# -- many pages ------------------------------------------------------------------------------
async def test_250_zaken_over_three_pages_are_all_shown(mz: Any, backend: InMemoryBackend) -> None:
    scenario = seed_benchmark(
        backend,
        zaken=250,
        statussen=1,
        documenten=0,
        besluiten=0,
        contactmomenten=0,
        taken=0,
        today=TODAY,
    )
    backend.reset_log()

    overview = await resolve(mz.overview(bsn=DEMO_BSN))

    assert len(overview.lopende_zaken) == 250
    assert set(urls(overview.lopende_zaken)) == set(scenario.zaken)
    assert len({s.identificatie for s in overview.lopende_zaken}) == 250
    assert overview.missing == []
    searched = backend.requests_matching("POST", "/zaken/api/v1/zaken/_zoek")
    pages = [url for url in searched if "expand=rollen" not in url]  # not the rollen's
    assert len(pages) == 3, pages
    # Every zaak is complete, the last page's too.
    assert all(s.status and s.zaaktype for s in overview.lopende_zaken)


# -- speed: each URL once, catalogi cached -------------------------------------------------------
@pytest.mark.parametrize("use_expand", [True, False], ids=["expand", "no-expand"])
async def test_no_url_is_fetched_twice_in_one_composition(
    composer: Any, demo: DemoScenario, backend: InMemoryBackend, use_expand: bool
) -> None:
    mz = composer(Policy(use_expand=use_expand))
    backend.reset_log()

    overview = await resolve(mz.overview(bsn=DEMO_BSN, details=True))

    assert overview.complete
    assert overview.details is not None
    assert len(overview.details) == 4
    assert len(backend.request_log) > 10  # the log did record the composition
    assert duplicate_gets(backend) == {}


async def test_a_warm_cache_needs_no_catalogi_requests(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.reset_log()
    first = await resolve(mz.overview(bsn=DEMO_BSN, details=True))
    assert backend.requests_matching(contains="/catalogi/api/v1/")  # a cold cache asks

    backend.reset_log()
    second = await resolve(mz.overview(bsn=DEMO_BSN, details=True))

    assert backend.requests_matching(contains="/catalogi/api/v1/") == []
    assert backend.request_log  # the zaken themselves are fetched again
    first_dump = first.model_dump(exclude={"generated_at"})
    assert second.model_dump(exclude={"generated_at"}) == first_dump


async def test_overview_of_someone_without_zaken(mz: Any, demo: DemoScenario) -> None:
    overview = await resolve(mz.overview(bsn=BSN))

    assert overview.lopende_zaken == []
    assert overview.afgeronde_zaken == []
    assert overview.taken == []
    assert overview.complete


async def test_expected_end_rules_end_to_end(mz: Any, seeder: Seeder) -> None:
    zaaktype = seeder.zaaktype(doorlooptijd="P30D")
    derived = seeder.zaak(zaaktype, start=-10, omschrijving="derived")
    explicit = seeder.zaak(
        zaaktype,
        start=-10,
        uiterlijke_einddatum=day(5),
        einddatum_gepland=day(50),
        omschrijving="explicit",
    )
    gepland = seeder.zaak(
        zaaktype,
        start=-10,
        uiterlijke_einddatum=None,
        einddatum_gepland=day(40),
        omschrijving="gepland",
    )
    doorlooptijd = seeder.zaak(
        zaaktype, start=-10, uiterlijke_einddatum=None, omschrijving="doorlooptijd"
    )
    no_rule_type = seeder.zaaktype("Zonder doorlooptijd", doorlooptijd=None)
    none = seeder.zaak(no_rule_type, start=-10, uiterlijke_einddatum=None, omschrijving="none")
    closed = seeder.zaak(zaaktype, start=-10, einddatum_gepland=day(40), omschrijving="closed")
    seeder.close(closed, zaaktype, -1)

    overview = await resolve(mz.overview(bsn=BSN))
    by_url = {s.url: s for s in overview.lopende_zaken + overview.afgeronde_zaken}

    def end(url: str) -> tuple[str, str] | None:
        expected = by_url[url].expected_end
        return None if expected is None else (expected.date.isoformat(), expected.source)

    # Open Zaak derives uiterlijkeEinddatumAfdoening from the doorlooptijd itself.
    assert end(derived) == (day(20), "uiterlijke_einddatum_afdoening")
    assert end(explicit) == (day(5), "uiterlijke_einddatum_afdoening")
    assert end(gepland) == (day(40), "einddatum_gepland")
    assert end(doorlooptijd) == (day(20), "doorlooptijd")
    assert end(none) is None
    # A closed zaak expects nothing any more.
    assert by_url[closed].afgerond
    assert end(closed) is None
    assert by_url[closed].resultaat == "Verleend"


async def test_doorlooptijd_rule_agrees_with_open_zaaks_derivation(mz: Any, seeder: Seeder) -> None:
    """Open Zaak adds calendar months; the fallback rule must give the same day."""
    zaaktype = seeder.zaaktype(doorlooptijd="P3M")
    start = (dt.date(2026, 8, 31) - TODAY).days  # 31 August + 3 months = 30 November
    derived = seeder.zaak(zaaktype, start=start, omschrijving="derived")
    fallback = seeder.zaak(zaaktype, start=start, uiterlijke_einddatum=None)

    overview = await resolve(mz.overview(bsn=BSN))
    by_url = {s.url: s.expected_end for s in overview.lopende_zaken}

    assert by_url[derived] is not None
    assert by_url[fallback] is not None
    assert by_url[derived].source == "uiterlijke_einddatum_afdoening"
    assert by_url[fallback].source == "doorlooptijd"
    assert by_url[derived].date == by_url[fallback].date == dt.date(2026, 11, 30)
