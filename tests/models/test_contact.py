"""The source-neutral Contactmoment: the same contact from either API maps to equal models."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from zgw_client._exceptions import InputError
from zgw_client.contact import (
    Contactmoment,
    Direction,
    from_contactmoment,
    from_klantcontact,
    normalize_kanaal,
)
from zgw_client.contactmomenten import Contactmoment as CMContactmoment
from zgw_client.klantinteracties import Klantcontact

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "samples"

ZAAK_UUID = "8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60"
ZAAK_URL = f"http://oz.example/zaken/api/v1/zaken/{ZAAK_UUID}"
KI = "http://ok.example/klantinteracties/api/v1"


def _ref(kind: str, uuid: str) -> dict[str, str]:
    return {"uuid": uuid, "url": f"{KI}/{kind}/{uuid}"}


KC_UUID = "11111111-1111-4111-8111-111111111111"

# One phone call, 28 Nov 2026 11:00 Amsterdam time: the citizen called Piet about the zaak.
KLANTCONTACT: dict[str, Any] = {
    **_ref("klantcontacten", KC_UUID),
    "gingOverOnderwerpobjecten": [_ref("onderwerpobjecten", str(UUID(int=2)))],
    "hadBetrokkenActoren": [
        {
            **_ref("actoren", str(UUID(int=3))),
            "naam": "P.  Medewerker",
            "soortActor": "medewerker",
            "indicatieActief": True,
            "actorIdentificatie": {"functie": "KCC", "telefoonnummer": "0201234567"},
        }
    ],
    "omvatteBijlagen": [],
    "hadBetrokkenen": [_ref("betrokkenen", str(UUID(int=4)))],
    "leiddeTotInterneTaken": [],
    "nummer": None,
    "referentienummer": None,
    "kanaal": "Telefoon",
    "onderwerp": "Vraag over aanvraag omgevingsvergunning",
    "inhoud": "Burger vraagt naar de status van zijn aanvraag.\n",
    "reactie": "",
    "indicatieContactGelukt": True,
    "hoofdOnderwerpType": "",
    "verdereActieOndernomen": False,
    "taal": "nld",
    "vertrouwelijk": False,
    "plaatsgevondenOp": "2026-11-28T11:00:00+01:00",
    "metadata": {},
    "_expand": {
        "gingOverOnderwerpobjecten": [
            {
                **_ref("onderwerpobjecten", str(UUID(int=2))),
                "klantcontact": _ref("klantcontacten", KC_UUID),
                "wasKlantcontact": None,
                "onderwerpobjectidentificator": {
                    "objectId": ZAAK_UUID,
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            }
        ],
        "hadBetrokkenen": [
            {
                **_ref("betrokkenen", str(UUID(int=4))),
                "wasPartij": _ref("partijen", str(UUID(int=5))),
                "hadKlantcontact": _ref("klantcontacten", KC_UUID),
                "digitaleAdressen": [],
                "volledigeNaam": "Jan van Jansen",
                "rol": "klant",
                "organisatienaam": "",
                "initiator": True,
            }
        ],
    },
}

# The same call as registered in the Contactmomenten API 1.0 (before the migration).
CONTACTMOMENT: dict[str, Any] = {
    "url": "http://cm.example/contactmomenten/api/v1/contactmomenten/22222222-2222-4222-8222-222222222222",
    "vorigContactmoment": None,
    "volgendContactmoment": None,
    "bronorganisatie": "002220647",
    "registratiedatum": "2026-11-28T10:00:00Z",
    "kanaal": "telefonisch",
    "voorkeurskanaal": "",
    "voorkeurstaal": "nld",
    "tekst": "Burger vraagt naar de status van zijn aanvraag.",
    "onderwerpLinks": [],
    "initiatiefnemer": "klant",
    "medewerker": "",
    "medewerkerIdentificatie": {
        "identificatie": "pmedewerker",
        "achternaam": "Medewerker",
        "voorletters": "P.",
        "voorvoegselAchternaam": "",
    },
}


def _both() -> tuple[Contactmoment, Contactmoment]:
    ki = from_klantcontact(Klantcontact.model_validate(KLANTCONTACT), zaak_url=ZAAK_URL)
    cm = from_contactmoment(CMContactmoment.model_validate(CONTACTMOMENT), zaak_url=ZAAK_URL)
    return ki, cm


def test_same_contact_from_both_apis_is_equal() -> None:
    ki, cm = _both()
    assert ki == cm
    assert hash(ki) == hash(cm)
    assert len({ki, cm}) == 1
    # where it is stored still differs, and stays visible
    assert (ki.source, cm.source) == ("klantinteracties", "contactmomenten")
    assert ki.uuid == UUID(KC_UUID)
    assert cm.uuid == UUID("22222222-2222-4222-8222-222222222222")
    assert ki.onderwerp == "Vraag over aanvraag omgevingsvergunning"
    assert cm.onderwerp is None


def test_the_neutral_fields() -> None:
    ki, _ = _both()
    assert ki.registered_at == datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)
    assert ki.kanaal == "telefoon"
    assert ki.tekst == "Burger vraagt naar de status van zijn aanvraag."
    assert ki.actor == "P. Medewerker"
    assert ki.direction is Direction.INKOMEND
    assert ki.zaak_url == ZAAK_URL
    assert ki.zaak_uuid == UUID(ZAAK_UUID)


@pytest.mark.parametrize(
    ("side", "key", "value"),
    [
        ("cm", "tekst", "Een andere vraag."),
        ("cm", "registratiedatum", "2026-11-28T10:05:00Z"),
        ("cm", "kanaal", "balie"),
        ("cm", "initiatiefnemer", "gemeente"),
        ("ki", "plaatsgevondenOp", "2026-11-28T11:00:00Z"),
        ("ki", "inhoud", "Iets anders"),
    ],
)
def test_a_different_contact_is_not_equal(side: str, key: str, value: str) -> None:
    ki, cm = _both()
    if side == "cm":
        cm = from_contactmoment(
            CMContactmoment.model_validate({**CONTACTMOMENT, key: value}), zaak_url=ZAAK_URL
        )
    else:
        ki = from_klantcontact(
            Klantcontact.model_validate({**KLANTCONTACT, key: value}), zaak_url=ZAAK_URL
        )
    assert ki != cm


def test_other_zaak_or_actor_is_not_equal() -> None:
    ki, cm = _both()
    other_zaak = f"http://oz.example/zaken/api/v1/zaken/{UUID(int=9)}"
    cm_other = from_contactmoment(
        CMContactmoment.model_validate(CONTACTMOMENT), zaak_url=other_zaak
    )
    assert ki != cm_other
    assert ki != dataclasses.replace(cm, actor="A. Ander")


def test_direction_from_betrokkenen() -> None:
    plain = {k: v for k, v in KLANTCONTACT.items() if k != "_expand"}
    unknown = from_klantcontact(Klantcontact.model_validate(plain), zaak_url=ZAAK_URL)
    assert unknown.direction is Direction.UNKNOWN
    outgoing_body = json.loads(json.dumps(KLANTCONTACT))
    outgoing_body["_expand"]["hadBetrokkenen"][0]["initiator"] = False
    outgoing = from_klantcontact(Klantcontact.model_validate(outgoing_body), zaak_url=ZAAK_URL)
    assert outgoing.direction is Direction.UITGAAND
    cm = from_contactmoment(
        CMContactmoment.model_validate({**CONTACTMOMENT, "initiatiefnemer": "gemeente"}),
        zaak_url=ZAAK_URL,
    )
    assert cm.direction is Direction.UITGAAND
    assert outgoing == cm


def test_zaak_from_expand_and_arguments() -> None:
    kc = Klantcontact.model_validate(KLANTCONTACT)
    from_expand = from_klantcontact(kc)
    assert from_expand.zaak_uuid == UUID(ZAAK_UUID)
    assert from_expand.zaak_url is None
    explicit = from_klantcontact(kc, zaak_url=ZAAK_URL, zaak_uuid=ZAAK_UUID)
    assert explicit.zaak_uuid == UUID(ZAAK_UUID)
    with pytest.raises(InputError, match="does not match"):
        from_klantcontact(kc, zaak_url=ZAAK_URL, zaak_uuid=UUID(int=9))


def test_actor_names_argument_wins() -> None:
    kc = Klantcontact.model_validate(KLANTCONTACT)
    assert from_klantcontact(kc, actor_names=["Anna", " Bob "]).actor == "Anna, Bob"
    assert from_klantcontact(kc, actor_names=[]).actor is None


def test_contactmoment_without_medewerker_or_zaak() -> None:
    body = {**CONTACTMOMENT, "medewerkerIdentificatie": None, "initiatiefnemer": ""}
    cm = from_contactmoment(CMContactmoment.model_validate(body), zaak_url=None)
    assert cm.actor is None
    assert cm.direction is Direction.UNKNOWN
    assert cm.zaak_uuid is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("E-mail", "e-mail"),
        ("email", "e-mail"),
        (" Telefoon ", "telefoon"),
        ("telefonisch", "telefoon"),
        ("Loket", "balie"),
        ("WhatsApp", "whatsapp"),
        ("", None),
        (None, None),
    ],
)
def test_normalize_kanaal(raw: str | None, expected: str | None) -> None:
    assert normalize_kanaal(raw) == expected


def test_real_open_klant_contact() -> None:
    path = SAMPLES / "openklant" / "klantcontact_list_by_bsn_expand.json"
    if not path.is_file():
        pytest.skip(f"samples not found in {SAMPLES}: this test needs the shared sample bodies")
    item = json.loads(path.read_text("utf-8"))["response"]["body"]["results"][0]
    neutral = from_klantcontact(Klantcontact.model_validate(item))
    assert neutral.zaak_uuid == UUID(ZAAK_UUID)
    assert neutral.direction is Direction.INKOMEND
    assert neutral.kanaal == "e-mail"
    assert neutral.registered_at == datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)
    assert neutral.actor is None
    assert neutral.source == "klantinteracties"
