"""The pure rules of the overview (``_compose``), on plain models: no I/O, no faces."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from zgw_client import NotFoundError, RetriesExhaustedError, ServerError
from zgw_client.catalogi.models import Statustype, Zaaktype
from zgw_client.documenten.models import EnkelvoudigInformatieObject
from zgw_client.mijnzaken import ContactView, Policy, Step, TaakView, ZaakSummary
from zgw_client.mijnzaken import _compose as c
from zgw_client.mijnzaken.policy import vertrouwelijkheid_level
from zgw_client.objecten.taken import Taak
from zgw_client.zaken.models import Rol, Status, Zaak

UTC = dt.timezone.utc
BSN = "999990111"
KVK = "12345678"
ZAAKTYPE = "http://zgw.test/catalogi/api/v1/zaaktypen/1"


def zaak(**fields: Any) -> Zaak:
    return Zaak.model_validate({"url": "http://zgw.test/zaken/api/v1/zaken/1", **fields})


def zaaktype(**fields: Any) -> Zaaktype:
    return Zaaktype.model_validate({"url": ZAAKTYPE, **fields})


def rol(generiek: str, ident: dict[str, Any], machtiging: str = "", **fields: Any) -> Rol:
    return Rol.model_validate(
        {
            "url": "http://zgw.test/zaken/api/v1/rollen/1",
            "omschrijvingGeneriek": generiek,
            "indicatieMachtiging": machtiging,
            "betrokkeneType": fields.pop("betrokkeneType", "natuurlijk_persoon"),
            "betrokkeneIdentificatie": ident,
            **fields,
        }
    )


def statustype(number: int, *, informeren: bool = True, tekst: str = "") -> Statustype:
    return Statustype.model_validate(
        {
            "url": f"http://zgw.test/catalogi/api/v1/statustypen/{number}",
            "volgnummer": number,
            "omschrijving": f"Stap {number}",
            "statustekst": tekst,
            "informeren": informeren,
        }
    )


def status(number: int, when: dt.datetime) -> Status:
    return Status.model_validate(
        {
            "url": f"http://zgw.test/zaken/api/v1/statussen/{number}-{when.isoformat()}",
            "statustype": f"http://zgw.test/catalogi/api/v1/statustypen/{number}",
            "datumStatusGezet": when.isoformat(),
        }
    )


# -- expected end --------------------------------------------------------------------------------
def test_expected_end_prefers_uiterlijke_einddatum_afdoening() -> None:
    found = c.expected_end(
        zaak(
            startdatum="2026-01-01",
            einddatumGepland="2026-03-01",
            uiterlijkeEinddatumAfdoening="2026-02-01",
        ),
        zaaktype(doorlooptijd="P8W"),
    )
    assert found is not None
    assert (found.date, found.source) == (dt.date(2026, 2, 1), "uiterlijke_einddatum_afdoening")


def test_expected_end_then_einddatum_gepland() -> None:
    found = c.expected_end(
        zaak(startdatum="2026-01-01", einddatumGepland="2026-03-01"), zaaktype(doorlooptijd="P8W")
    )
    assert found is not None
    assert (found.date, found.source) == (dt.date(2026, 3, 1), "einddatum_gepland")


@pytest.mark.parametrize(
    ("doorlooptijd", "expected"),
    [
        ("P8W", dt.date(2026, 2, 26)),
        ("P30D", dt.date(2026, 1, 31)),
        ("P1M", dt.date(2026, 2, 1)),
        ("P1Y", dt.date(2027, 1, 1)),
        ("P1Y2M10D", dt.date(2027, 3, 11)),
        ("P1DT12H", dt.date(2026, 1, 2)),  # a time part: exact, whole days count
    ],
)
def test_expected_end_then_start_plus_doorlooptijd(doorlooptijd: str, expected: dt.date) -> None:
    found = c.expected_end(zaak(startdatum="2026-01-01"), zaaktype(doorlooptijd=doorlooptijd))
    assert found is not None
    assert (found.date, found.source) == (expected, "doorlooptijd")


@pytest.mark.parametrize(
    ("start", "doorlooptijd", "expected"),
    [
        ("2026-01-31", "P3M", dt.date(2026, 4, 30)),  # not 1 May (3 x 30 days)
        ("2026-01-31", "P1M", dt.date(2026, 2, 28)),  # the end of a shorter month
        ("2028-01-01", "P1Y", dt.date(2029, 1, 1)),  # a leap year: not 31 December
        ("2028-02-29", "P1Y", dt.date(2029, 2, 28)),
        ("2026-11-15", "P2M", dt.date(2027, 1, 15)),  # over the turn of the year
    ],
)
def test_doorlooptijd_in_months_and_years_is_calendar_arithmetic(
    start: str, doorlooptijd: str, expected: dt.date
) -> None:
    """As Open Zaak derives uiterlijkeEinddatumAfdoening: calendar months, not 30 days."""
    found = c.expected_end(zaak(startdatum=start), zaaktype(doorlooptijd=doorlooptijd))
    assert found is not None
    assert found.date == expected


@pytest.mark.parametrize(
    ("fields", "type_fields"),
    [
        ({"startdatum": "2026-01-01"}, {}),  # no doorlooptijd
        ({"startdatum": "2026-01-01"}, None),  # zaaktype unknown
        ({}, {"doorlooptijd": "P8W"}),  # no startdatum
        ({"startdatum": "2026-01-01"}, {"doorlooptijd": "acht weken"}),  # unparsable
    ],
)
def test_expected_end_unknown(fields: dict[str, Any], type_fields: dict[str, Any] | None) -> None:
    found = c.expected_end(zaak(**fields), None if type_fields is None else zaaktype(**type_fields))
    assert found is None


# -- working days ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (dt.date(2026, 11, 25), 5, dt.date(2026, 12, 2)),  # Wednesday
        (dt.date(2026, 11, 27), 1, dt.date(2026, 11, 30)),  # Friday -> Monday
        (dt.date(2026, 11, 28), 1, dt.date(2026, 11, 30)),  # Saturday -> Monday
        (dt.date(2026, 11, 29), 5, dt.date(2026, 12, 4)),  # Sunday -> Friday
        (dt.date(2026, 11, 23), 10, dt.date(2026, 12, 7)),  # two weeks
        (dt.date(2026, 11, 28), 0, dt.date(2026, 11, 28)),  # nothing to add
    ],
)
def test_add_working_days(start: dt.date, days: int, expected: dt.date) -> None:
    assert c.add_working_days(start, days) == expected
    assert c.add_working_days(start, days).weekday() < 5 or days == 0


# -- who may see what --------------------------------------------------------------------------
def test_only_the_subjects_initiator_rol_counts_by_default() -> None:
    policy = Policy()
    assert c.holds_qualifying_rol([rol("initiator", {"inpBsn": BSN})], policy, bsn=BSN)
    assert not c.holds_qualifying_rol([rol("initiator", {"inpBsn": "999990019"})], policy, bsn=BSN)
    assert not c.holds_qualifying_rol([rol("belanghebbende", {"inpBsn": BSN})], policy, bsn=BSN)
    assert not c.holds_qualifying_rol(
        [rol("initiator", {"inpBsn": BSN}, machtiging="gemachtigde")], policy, bsn=BSN
    )
    assert not c.holds_qualifying_rol([], policy, bsn=BSN)


def test_policy_adds_belanghebbende_and_machtiging() -> None:
    belang = Policy(qualifying_roles=frozenset({"initiator", "belanghebbende"}))
    assert c.holds_qualifying_rol([rol("belanghebbende", {"inpBsn": BSN})], belang, bsn=BSN)
    machtiging = Policy(allow_machtiging=True)
    gemachtigde = rol("initiator", {"inpBsn": BSN}, machtiging="gemachtigde")
    assert c.holds_qualifying_rol([gemachtigde], machtiging, bsn=BSN)
    # The one being represented ("machtiginggever") was always counted.
    gever = rol("initiator", {"inpBsn": BSN}, machtiging="machtiginggever")
    assert c.holds_qualifying_rol([gever], Policy(), bsn=BSN)


def test_company_rol_and_vestiging() -> None:
    def company(vestiging: str) -> Rol:
        return rol(
            "initiator",
            {"kvkNummer": KVK, "vestigingsNummer": vestiging},
            betrokkeneType="niet_natuurlijk_persoon",
        )

    policy = Policy()
    assert c.holds_qualifying_rol([company("000012345678")], policy, kvk=KVK)
    assert c.holds_qualifying_rol(
        [company("000012345678")], policy, kvk=KVK, vestigingsnummer="000012345678"
    )
    assert not c.holds_qualifying_rol(
        [company("000087654321")], policy, kvk=KVK, vestigingsnummer="000012345678"
    )
    # A rol for the whole company counts for each vestiging.
    assert c.holds_qualifying_rol([company("")], policy, kvk=KVK, vestigingsnummer="000012345678")
    assert not c.holds_qualifying_rol([company("")], policy, kvk="87654321")
    # A BSN never matches a company rol, nor a KVK a person's.
    assert not c.holds_qualifying_rol([company("")], policy, bsn=BSN)
    assert not c.holds_qualifying_rol([rol("initiator", {"inpBsn": BSN})], policy, kvk=KVK)


def test_zaaktype_and_zaak_levels() -> None:
    policy = Policy()
    assert c.zaaktype_visible(zaaktype(indicatieInternOfExtern="extern"), policy)
    assert not c.zaaktype_visible(zaaktype(indicatieInternOfExtern="intern"), policy)
    assert not c.zaaktype_visible(None, policy)
    assert c.zaak_level_visible(zaak(vertrouwelijkheidaanduiding="zaakvertrouwelijk"), policy)
    assert not c.zaak_level_visible(zaak(vertrouwelijkheidaanduiding="vertrouwelijk"), policy)
    # Unknown counts as the most secret.
    assert not c.zaak_level_visible(zaak(), Policy(max_zaak_vertrouwelijkheid="geheim"))
    assert vertrouwelijkheid_level("openbaar") == 0
    assert vertrouwelijkheid_level("zeer_geheim") == 7
    assert vertrouwelijkheid_level(None) == 7


@pytest.mark.parametrize(
    ("status_value", "level", "shown"),
    [
        ("definitief", "openbaar", True),
        ("gearchiveerd", "zaakvertrouwelijk", True),
        ("in_bewerking", "openbaar", False),
        ("ter_vaststelling", "openbaar", False),
        ("definitief", "vertrouwelijk", False),
        ("definitief", None, False),
    ],
)
def test_document_visible(status_value: str, level: str | None, shown: bool) -> None:
    document = EnkelvoudigInformatieObject.model_validate(
        {"url": "d", "status": status_value, "vertrouwelijkheidaanduiding": level}
    )
    assert c.document_visible(document, Policy()) is shown


# -- steps and texts ---------------------------------------------------------------------------
def test_steps_in_volgnummer_order_with_states_and_dates() -> None:
    types = [statustype(3), statustype(1), statustype(2, informeren=False), statustype(4)]
    first, second = dt.datetime(2026, 1, 1, 9, tzinfo=UTC), dt.datetime(2026, 1, 5, 9, tzinfo=UTC)
    third = dt.datetime(2026, 1, 9, 9, tzinfo=UTC)
    statussen = [status(1, first), status(2, second), status(3, third)]
    current = "http://zgw.test/catalogi/api/v1/statustypen/3"

    steps = c.build_steps(types, statussen, current, Policy())

    assert [(s.volgnummer, s.state, s.reached_at) for s in steps] == [
        (1, "done", first),
        (3, "current", third),
        (4, "upcoming", None),
    ]
    shown_all = c.build_steps(types, statussen, current, Policy(hide_uninformed_steps=False))
    assert [(s.volgnummer, s.state) for s in shown_all] == [
        (1, "done"),
        (2, "done"),
        (3, "current"),
        (4, "upcoming"),
    ]
    progress = c.progress_of(steps, afgerond=False)
    assert progress is not None
    assert (progress.current, progress.total) == (2, 3)
    closed = c.progress_of(steps, afgerond=True)
    assert closed is not None
    assert (closed.current, closed.total) == (3, 3)
    assert c.progress_of([], afgerond=False) is None


def test_a_step_reached_twice_keeps_its_first_date() -> None:
    early, late = dt.datetime(2026, 1, 1, tzinfo=UTC), dt.datetime(2026, 2, 1, tzinfo=UTC)
    steps = c.build_steps(
        [statustype(1), statustype(2)],
        [status(1, late), status(1, early)],
        "http://zgw.test/catalogi/api/v1/statustypen/1",
        Policy(),
    )
    assert steps[0].reached_at == early


def test_status_text_prefers_statustekst() -> None:
    st = statustype(1, tekst="Wij hebben uw aanvraag ontvangen")
    assert c.status_text(None, st) == "Wij hebben uw aanvraag ontvangen"
    assert c.status_text(None, statustype(1)) == "Stap 1"
    own = Status.model_validate({"url": "s", "statustoelichting": "Toelichting"})
    assert c.status_text(own, None) == "Toelichting"
    assert c.status_text(None, None) is None


# -- sorting -----------------------------------------------------------------------------------
def summary(url: str, last_change: dt.datetime | None) -> ZaakSummary:
    return ZaakSummary(
        url=url,
        uuid=None,
        identificatie=None,
        zaaktype=None,
        omschrijving=None,
        aangevraagd_op=None,
        status=None,
        progress=None,
        last_change=last_change,
        expected_end=None,
        afgerond=False,
        einddatum=None,
        resultaat=None,
    )


def test_sort_by_activity_newest_first_unknown_last() -> None:
    naive = dt.datetime(2026, 1, 3, 12)  # treated as UTC
    summaries = [
        summary("old", dt.datetime(2026, 1, 1, tzinfo=UTC)),
        summary("none", None),
        summary("new", dt.datetime(2026, 1, 5, tzinfo=UTC)),
        summary("naive", naive),
    ]
    assert [s.url for s in c.sort_by_activity(summaries)] == ["new", "naive", "old", "none"]


def taak_view(titel: str, verloop: dt.date | None) -> TaakView:
    return TaakView(
        url=None,
        titel=titel,
        status="open",
        soort=None,
        verloopdatum=verloop,
        days_left=None,
        action_url=None,
    )


def test_sort_taken_soonest_first_without_deadline_last() -> None:
    taken = [
        taak_view("geen", None),
        taak_view("later", dt.date(2026, 2, 1)),
        taak_view("eerst", dt.date(2026, 1, 1)),
    ]
    assert [t.titel for t in c.sort_taken(taken)] == ["eerst", "later", "geen"]


def test_taak_view_days_left_and_zaak() -> None:
    zaak_uuid = "3a1aa5ed-28f6-5830-a071-ccfda7e74481"
    taak = Taak.model_validate(
        {
            "titel": "Betaal",
            "status": "open",
            "verloopdatum": "2026-11-20T23:59:59Z",
            "koppeling": {"registratie": "zaak", "uuid": zaak_uuid},
        }
    )
    linked = summary(f"http://zgw.test/zaken/api/v1/zaken/{zaak_uuid}", None)
    linked.uuid = zaak_uuid
    linked.identificatie = "ZAAK-1"

    view = c.taak_view(taak, dt.date(2026, 11, 25), {zaak_uuid: linked})

    assert view.days_left == -5
    assert view.verloopdatum == dt.date(2026, 11, 20)
    assert view.zaak_identificatie == "ZAAK-1"
    assert c.taak_zaak_uuid(taak) == zaak_uuid
    v1 = Taak.model_validate(
        {"titel": "v1", "status": "open", "zaak_url": f"http://elders/zaken/{zaak_uuid}/"}
    )
    assert c.taak_zaak_uuid(v1) == zaak_uuid


def test_timeline_merges_contact_and_steps_newest_first() -> None:
    contacts = [
        ContactView(
            url="k1",
            registered_at=dt.datetime(2026, 1, 3, tzinfo=UTC),
            kanaal="telefoon",
            onderwerp=None,
            tekst="gebeld",
            direction=None,
            source="klantinteracties",
        ),
        ContactView(
            url="k2",
            registered_at=None,
            kanaal=None,
            onderwerp="zonder datum",
            tekst=None,
            direction=None,
            source="contactmomenten",
        ),
    ]
    steps = [
        Step(volgnummer=1, naam="Ontvangen", state="done", reached_at=dt.datetime(2026, 1, 1)),
        Step(
            volgnummer=2,
            naam="Behandeld",
            state="current",
            reached_at=dt.datetime(2026, 1, 5, tzinfo=UTC),
        ),
        Step(volgnummer=3, naam="Klaar", state="upcoming", reached_at=None),
    ]

    entries = c.timeline(contacts, steps)

    assert [(e.kind, e.title) for e in entries] == [
        ("status", "Behandeld"),
        ("contact", "Contact via telefoon"),
        ("status", "Ontvangen"),
        ("contact", "zonder datum"),
    ]


# -- honesty -----------------------------------------------------------------------------------
def api_error(cls: type[Any], status: int) -> Any:
    return cls(
        status=status,
        code="not_found" if status == 404 else "error",
        title="Niet gevonden." if status == 404 else "Service Unavailable",
        detail=None,
        instance=None,
        invalid_params=[],
        body={},
        response=None,
        method="GET",
        url="http://x/y",
    )


def test_missing_from_names_the_error_and_status() -> None:
    not_found = api_error(NotFoundError, 404)
    missing = c.missing_from("documenten of ZAAK-1", not_found, "documenten")
    assert missing.part == "documenten of ZAAK-1"
    assert missing.status == 404
    assert missing.service == "documenten"
    assert missing.reason.startswith("NotFoundError: ")

    exhausted = RetriesExhaustedError(
        method="GET",
        url="http://x/y",
        attempts=3,
        last_error=api_error(ServerError, 503),
    )
    missing = c.missing_from("taken", exhausted)
    assert missing.status == 503  # the status of the last attempt
    assert "after 3 attempts" in missing.reason
