"""Stel een vraag, in both faces: a klantcontact about the zaak, and when to expect an answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from tests.conftest import resolve
from tests.mijnzaken.conftest import TODAY, uuid_of
from zgw_client import AccessDeniedError, InputError
from zgw_client.mijnzaken import Policy, QuestionConfirmation
from zgw_client.testing import DEMO_BSN, DEMO_KVK, InMemoryBackend
from zgw_client.testing.demo import DEMO_BSN_OTHER, DemoScenario


def records_about(backend: InMemoryBackend, klantcontact_url: str) -> tuple[Any, Any, Any]:
    """The klantcontact, its betrokkene and its onderwerpobject, as stored."""
    klantcontact = backend.resolve(klantcontact_url)
    [betrokkene] = [
        b
        for b in backend.all("klantinteracties", "betrokkenen")
        if b["hadKlantcontact"]["url"] == klantcontact_url
    ]
    [onderwerpobject] = [
        o
        for o in backend.all("klantinteracties", "onderwerpobjecten")
        if (o.get("klantcontact") or {}).get("url") == klantcontact_url
    ]
    return klantcontact, betrokkene, onderwerpobject


async def test_question_is_registered_as_a_klantcontact(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    zaak = backend.resolve(demo.zaken["subsidie"])
    assert zaak is not None
    before = len(backend.table("klantinteracties", "klantcontacten"))

    confirmation = await resolve(
        mz.stel_een_vraag(demo.zaken["subsidie"], "Wanneer komt de aannemer?", bsn=DEMO_BSN)
    )

    assert isinstance(confirmation, QuestionConfirmation)
    assert len(backend.table("klantinteracties", "klantcontacten")) == before + 1
    klantcontact, betrokkene, onderwerpobject = records_about(
        backend, confirmation.klantcontact_url
    )
    assert klantcontact is not None
    assert klantcontact["inhoud"] == "Wanneer komt de aannemer?"
    assert klantcontact["kanaal"] == "mijn-omgeving"
    assert klantcontact["onderwerp"] == f"Vraag over zaak {zaak['identificatie']}"
    # The citizen is the betrokkene, through her partij.
    assert betrokkene["wasPartij"]["url"] == demo.partijen["anne"]
    assert betrokkene["rol"] == "klant"
    assert betrokkene["initiator"] is True
    # The zaak is the onderwerpobject, by its UUID.
    assert onderwerpobject["onderwerpobjectidentificator"] == {
        "objectId": uuid_of(demo.zaken["subsidie"]),
        "codeObjecttype": "zaak",
        "codeRegister": "openzaak",
        "codeSoortObjectId": "uuid",
    }
    assert confirmation.zaak_identificatie == zaak["identificatie"]
    # Wednesday plus five working days.
    assert confirmation.answer_expected_by == dt.date(2026, 12, 2)
    assert "02-12-2026" in confirmation.message
    assert zaak["identificatie"] in confirmation.message


async def test_the_question_shows_in_the_zaaks_timeline(mz: Any, demo: DemoScenario) -> None:
    confirmation = await resolve(
        mz.stel_een_vraag(
            demo.zaken["ooievaarspas"],
            "Geldt de pas ook voor mijn kinderen?",
            bsn=DEMO_BSN,
            onderwerp="Ooievaarspas kinderen",
            kanaal="website",
        )
    )

    detail = await resolve(mz.zaak_detail(demo.zaken["ooievaarspas"], bsn=DEMO_BSN))

    newest = detail.contactmomenten[0]
    assert newest.url == confirmation.klantcontact_url
    assert newest.onderwerp == "Ooievaarspas kinderen"
    assert newest.kanaal == "website"
    assert newest.tekst == "Geldt de pas ook voor mijn kinderen?"
    assert len(detail.contactmomenten) == 2
    assert detail.timeline[0].title == "Ooievaarspas kinderen"


@pytest.mark.parametrize(
    ("today", "days", "expected"),
    [
        (dt.date(2026, 11, 25), 5, dt.date(2026, 12, 2)),  # Wednesday -> Wednesday
        (dt.date(2026, 11, 27), 5, dt.date(2026, 12, 4)),  # Friday -> Friday
        (dt.date(2026, 11, 27), 1, dt.date(2026, 11, 30)),  # Friday -> Monday
        (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30)),  # Saturday -> Monday
        (dt.date(2026, 11, 29), 10, dt.date(2026, 12, 11)),  # Sunday -> two weeks on
    ],
)
async def test_answer_expected_by_counts_working_days(
    composer: Any, demo: DemoScenario, today: dt.date, days: int, expected: dt.date
) -> None:
    mz = composer(Policy(answer_days=days), today=today)

    confirmation = await resolve(
        mz.stel_een_vraag(demo.zaken["subsidie"], "Een vraag", bsn=DEMO_BSN)
    )

    assert confirmation.answer_expected_by == expected
    assert expected.strftime("%d-%m-%Y") in confirmation.message


async def test_company_question(mz: Any, demo: DemoScenario, backend: InMemoryBackend) -> None:
    confirmation = await resolve(
        mz.stel_een_vraag(demo.zaken["bedrijf_terras"], "Mag het terras groter?", kvk=DEMO_KVK)
    )

    _, betrokkene, onderwerpobject = records_about(backend, confirmation.klantcontact_url)
    assert betrokkene["wasPartij"]["url"] == demo.partijen["bedrijf"]
    assert onderwerpobject["onderwerpobjectidentificator"]["objectId"] == uuid_of(
        demo.zaken["bedrijf_terras"]
    )


@pytest.mark.parametrize(
    ("key", "who"),
    [
        ("ander_ooievaarspas", {"bsn": DEMO_BSN}),
        ("subsidie", {"bsn": DEMO_BSN_OTHER}),
        ("intern", {"bsn": DEMO_BSN}),
        ("subsidie", {"kvk": DEMO_KVK}),
    ],
)
async def test_question_about_a_zaak_not_yours_is_refused_and_not_registered(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend, key: str, who: dict[str, str]
) -> None:
    counts = {
        name: len(backend.table("klantinteracties", name))
        for name in ("klantcontacten", "betrokkenen", "onderwerpobjecten")
    }
    backend.reset_log()

    with pytest.raises(AccessDeniedError):
        await resolve(mz.stel_een_vraag(demo.zaken[key], "Mag ik dit zien?", **who))

    assert not [m for m, _ in backend.request_log if m != "GET"]
    assert {name: len(backend.table("klantinteracties", name)) for name in counts} == counts


async def test_empty_question_is_refused_before_any_request(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend
) -> None:
    backend.reset_log()

    with pytest.raises(InputError):
        await resolve(mz.stel_een_vraag(demo.zaken["subsidie"], "   ", bsn=DEMO_BSN))

    assert backend.request_log == []


async def test_today_is_the_injected_one(composer: Any, demo: DemoScenario) -> None:
    """The due date follows the injected today, not the clock."""
    later = TODAY + dt.timedelta(days=7)
    mz = composer(today=later)

    confirmation = await resolve(
        mz.stel_een_vraag(demo.zaken["subsidie"], "Een vraag", bsn=DEMO_BSN)
    )

    assert confirmation.answer_expected_by == dt.date(2026, 12, 9)


@pytest.mark.parametrize(
    ("fails", "kind"),
    [
        ("/klantcontacten", "status"),
        ("/betrokkenen", "status"),
        ("/onderwerpobjecten", "status"),
        ("/betrokkenen", "disconnect"),
        ("/onderwerpobjecten", "disconnect"),
    ],
)
async def test_a_question_that_fails_halfway_leaves_nothing_behind(
    mz: Any, demo: DemoScenario, backend: InMemoryBackend, fails: str, kind: str
) -> None:
    """Three writes: when one fails (an error answer, or the connection dropping after it
    was sent), what was written before is deleted again, and the error is raised."""
    from zgw_client import ZGWError
    from zgw_client.testing import Fault

    tables = ("klantcontacten", "betrokkenen", "onderwerpobjecten")
    before = {t: len(backend.table("klantinteracties", t)) for t in tables}
    fault = Fault(500, kind=kind, method="POST", path_contains=fails)  # type: ignore[arg-type]
    backend.faults.add(fault)

    with pytest.raises(ZGWError):
        await resolve(mz.stel_een_vraag(demo.zaken["subsidie"], "Hoe lang nog?", bsn=DEMO_BSN))

    assert fault.fired == 1
    assert {t: len(backend.table("klantinteracties", t)) for t in tables} == before
