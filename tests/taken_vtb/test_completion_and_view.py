"""The pure parts of taken: completion rules, Form.io fields, the citizen view, euros."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from tests.support.platform import FORM, PARTY, betaaltaak, formuliertaak, urltaak
from zgw_client.objecten.models import Object
from zgw_client.objecten.taken import taak_from_object
from zgw_client.taken import (
    CitizenTaak,
    CitizenTaakSoort,
    ExterneTaak,
    TaakBron,
    TaakCompletionError,
    citizen_taak_from_objecten,
    citizen_taak_from_vtb,
    completion_body,
    deadline_order,
    form_fields,
    format_euro,
)

TODAY = dt.date(2030, 10, 21)
URL = "https://vtb.test/taken/api/v1/externetaken/2b409a0a-8c27-4d9a-b2d9-1a93bccca79b"


def vtb(soort: str, body: dict[str, Any], **extra: Any) -> ExterneTaak:
    return ExterneTaak.model_validate({**body, "taakSoort": soort, "url": URL, **extra})


def test_a_kind_the_sdk_does_not_know_is_not_guessed() -> None:
    taak = vtb("afspraaktaak", urltaak())  # a kind a newer server may add
    assert isinstance(taak.details, dict)
    with pytest.raises(TaakCompletionError, match="afspraaktaak"):
        completion_body(taak)


def test_completion_bodies_carry_what_the_spec_requires() -> None:
    assert completion_body(
        vtb("betaaltaak", betaaltaak()),
        bedrag="74.90",
        transactieomschrijving=" Parkeerbon NH-2026-000123 ",
    ) == {"status": "uitgevoerd"}
    assert completion_body(vtb("urltaak", urltaak())) == {"status": "uitgevoerd"}
    assert completion_body(vtb("formuliertaak", formuliertaak()), gegevens={"datum": "x"}) == {
        "status": "uitgevoerd",
        "details": {"formulierDefinitie": FORM, "ontvangenGegevens": {"datum": "x"}},
    }


def test_form_fields_look_into_layout_but_not_into_data_components() -> None:
    definitie = {
        "components": [
            {
                "type": "columns",
                "key": "kolommen",
                "columns": [
                    {
                        "components": [
                            {"type": "textfield", "key": "naam", "validate": {"required": True}}
                        ]
                    },
                    {"components": [{"type": "email", "key": "email"}]},
                ],
            },
            {
                "type": "table",
                "key": "tabel",
                "rows": [[{"components": [{"type": "number", "key": "aantal"}]}]],
            },
            {
                "type": "datagrid",
                "key": "kinderen",
                "components": [{"type": "textfield", "key": "voornaam"}],
            },
            {"type": "content", "key": "uitleg", "html": "<p>Lees dit</p>"},
            {"type": "textfield"},
            "not a component",
        ]
    }
    assert form_fields(definitie) == {
        "naam": True,
        "email": False,
        "aantal": False,
        "kinderen": False,
    }
    assert form_fields({}) == {}


@pytest.mark.parametrize(
    ("amount", "text"),
    [
        (Decimal("74.9"), "€ 74,90"),
        ("74.905", "€ 74,91"),
        (0, "€ 0,00"),
        (1250, "€ 1.250,00"),
        (Decimal("1234567.891"), "€ 1.234.567,89"),
        (-5, "€ -5,00"),
        (0.1 + 0.2, "€ 0,30"),
    ],
)
def test_format_euro_in_dutch_notation(amount: Any, text: str) -> None:
    assert format_euro(amount) == text


@pytest.mark.parametrize("amount", ["veel", "NaN", "Infinity"])
def test_format_euro_refuses_what_is_no_amount(amount: str) -> None:
    with pytest.raises(ValueError, match="format_euro"):
        format_euro(amount)


def test_citizen_view_of_each_open_vtb_kind() -> None:
    zaak: dict[str, Any] = {
        "isGerelateerdAan": [{"urn": "urn:nld:denhaag:zaak:zaaknummer:ZAAK-2026-1"}]
    }
    pay = citizen_taak_from_vtb(vtb("betaaltaak", betaaltaak(status="open", **zaak)), today=TODAY)
    assert pay == CitizenTaak(
        titel="Betaal uw parkeerbon",
        soort=CitizenTaakSoort.BETALEN,
        status="open",
        source_status="open",
        deadline=dt.date(2030, 12, 31),
        days_left=71,
        amount=Decimal("74.90"),
        amount_text="€ 74,90",
        payment_reference="Parkeerbon NH-2026-000123",
        zaak_identificatie="ZAAK-2026-1",
        source=TaakBron.OPEN_VTB,
        source_url=URL,
    )
    link = citizen_taak_from_vtb(
        vtb("urltaak", urltaak(status="uitgevoerd", toelichting="Twee bestanden")), today=TODAY
    )
    assert (link.soort, link.link, link.status, link.toelichting) == (
        CitizenTaakSoort.LINK,
        "https://formulieren.example.nl/bewijs",
        "closed",
        "Twee bestanden",
    )
    assert not link.is_open
    form = citizen_taak_from_vtb(
        vtb("formuliertaak", formuliertaak(einddatumHandelingsTermijn="2030-10-20")), today=TODAY
    )
    assert (form.soort, form.form, form.days_left, form.is_overdue) == (
        CitizenTaakSoort.FORMULIER,
        FORM,
        -1,
        True,
    )
    other = citizen_taak_from_vtb(vtb("afspraaktaak", urltaak()), today=TODAY)
    assert other.soort == CitizenTaakSoort.OVERIG


def objects_taak(data: dict[str, Any]) -> Any:
    return taak_from_object(
        Object.model_validate(
            {
                "url": "https://objecten.test/api/v2/objects/0063273d-8d93-4769-ada7-53f598a78716",
                "type": "https://objecten.test/api/v2/objecttypes/1",
                "record": {"typeVersion": 1, "data": data, "startAt": "2030-01-01"},
            }
        )
    )


def test_citizen_view_of_objects_api_taken() -> None:
    base = {
        "titel": "Taak",
        "status": "open",
        "identificatie": {"type": "bsn", "value": "999990111"},
    }
    pay = citizen_taak_from_objecten(
        objects_taak(
            {
                **base,
                "soort": "ogonebetaling",
                "ogonebetaling": {"bedrag": 74.9, "betaalkenmerk": "NH-1", "pspid": "denhaag"},
                "verloopdatum": "2030-10-31T23:59:59Z",
                "koppeling": {
                    "registratie": "zaak",
                    "uuid": "5551a7c5-4e92-43e6-8d23-80359b7e22b7",
                },
            }
        ),
        today=TODAY,
    )
    assert (pay.soort, pay.amount, pay.amount_text, pay.payment_reference) == (
        CitizenTaakSoort.BETALEN,
        Decimal("74.90"),
        "€ 74,90",
        "NH-1",
    )
    assert (pay.deadline, pay.days_left, pay.zaak_uuid, pay.source) == (
        dt.date(2030, 10, 31),
        10,
        "5551a7c5-4e92-43e6-8d23-80359b7e22b7",
        TaakBron.OBJECTEN,
    )
    assert pay.source_url.endswith("0063273d-8d93-4769-ada7-53f598a78716")
    form = citizen_taak_from_objecten(
        objects_taak(
            {
                **base,
                "status": "afgerond",
                "soort": "portaalformulier",
                "portaalformulier": {
                    "formulier": {"soort": "id", "value": "aanvraag"},
                    "data": {"a": 1},
                },
            }
        ),
        today=TODAY,
    )
    assert (form.soort, form.form_reference, form.prefill, form.status, form.deadline) == (
        CitizenTaakSoort.FORMULIER,
        "aanvraag",
        {"a": 1},
        "closed",
        None,
    )
    link = citizen_taak_from_objecten(
        objects_taak({**base, "soort": "url", "url": {"uri": "https://example.org/x"}}), today=TODAY
    )
    assert (link.soort, link.link) == (CitizenTaakSoort.LINK, "https://example.org/x")
    v1 = citizen_taak_from_objecten(
        objects_taak(
            {"titel": "Oud", "status": "open", "zaak": "https://oz.test/zaken/api/v1/zaken/abc"}
        ),
        today=TODAY,
    )
    assert (v1.soort, v1.zaak_url) == (
        CitizenTaakSoort.OVERIG,
        "https://oz.test/zaken/api/v1/zaken/abc",
    )


def test_both_registers_sort_together_by_deadline() -> None:
    taken = [
        citizen_taak_from_vtb(vtb("betaaltaak", betaaltaak()), today=TODAY),
        citizen_taak_from_objecten(
            objects_taak({"titel": "Zonder datum", "status": "open"}), today=TODAY
        ),
        citizen_taak_from_vtb(vtb("formuliertaak", formuliertaak()), today=TODAY),
        citizen_taak_from_objecten(
            objects_taak({"titel": "Morgen", "status": "open", "verloopdatum": "2030-10-22"}),
            today=TODAY,
        ),
    ]
    assert [t.titel for t in sorted(taken, key=deadline_order)] == [
        "Morgen",
        "Kies een datum voor de geluidsmeting",
        "Betaal uw parkeerbon",
        "Zonder datum",
    ]
    with pytest.raises(Exception, match="frozen"):
        taken[0].titel = "x"  # type: ignore[misc]
    assert PARTY in {taak.is_toegewezen_aan for taak in [vtb("urltaak", urltaak())]}
