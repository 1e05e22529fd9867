"""Klantinteracties against a real Open Klant 2."""

from __future__ import annotations

from typing import Any

import pytest

from zgw_client import AsyncZGWClient, ZGWClient, contactmomenten_about_zaak
from zgw_client.contact import Contactmoment, Direction
from zgw_client.identifiers import InvalidBSNError
from zgw_client.klantinteracties.models import Klantcontact, Partij

from .conftest import TEST_BSN, Catalogue, Cleanup, now, zaak_body

pytestmark = [pytest.mark.live, pytest.mark.usefixtures("need_klantinteracties")]


def partij_body(bsn: str = TEST_BSN) -> dict[str, Any]:
    return {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "indicatieGeheimhouding": False,
        "voorkeurstaal": "nld",
        "digitaleAdressen": [],
        "rekeningnummers": [],
        "voorkeursDigitaalAdres": None,
        "voorkeursRekeningnummer": None,
        "partijIdentificatie": {
            "contactnaam": {
                "voorletters": "L",
                "voornaam": "Live",
                "voorvoegselAchternaam": "",
                "achternaam": "Testpersoon",
            }
        },
        "partijIdentificatoren": [
            {
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                }
            }
        ],
    }


def klantcontact_about(
    client: ZGWClient, cleanup: Cleanup, zaak_uuid: str, partij: Partij | None
) -> Klantcontact:
    ki = client.klantinteracties
    contact = ki.klantcontacten.create(
        {
            "kanaal": "e-mail",
            "onderwerp": "Vraag over mijn zaak",
            "inhoud": "Hoe staat het ermee?",
            "indicatieContactGelukt": True,
            "taal": "nld",
            "vertrouwelijk": False,
            "plaatsgevondenOp": now(),
        }
    )
    cleanup.add("klantcontact", lambda: ki.klantcontacten.delete(contact))
    betrokkene: dict[str, Any] = {
        "hadKlantcontact": {"uuid": str(contact.uuid)},
        "rol": "klant",
        "initiator": True,
        "organisatienaam": "",
    }
    if partij is not None:
        betrokkene["wasPartij"] = {"uuid": str(partij.uuid)}
    made = ki.betrokkenen.create(betrokkene)
    cleanup.add("betrokkene", lambda: ki.betrokkenen.delete(made))
    onderwerp = ki.onderwerpobjecten.create(
        {
            "klantcontact": {"uuid": str(contact.uuid)},
            "onderwerpobjectidentificator": {
                "objectId": zaak_uuid,
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        }
    )
    cleanup.add("onderwerpobject", lambda: ki.onderwerpobjecten.delete(onderwerp))
    return contact


@pytest.fixture
def partij(client: ZGWClient, cleanup: Cleanup) -> Partij:
    ki = client.klantinteracties
    existing = ki.partij_for_bsn(TEST_BSN)
    if existing is not None:  # left by an earlier, interrupted run
        ki.partijen.delete(existing)
    made = ki.partijen.create(partij_body())
    cleanup.add("partij", lambda: ki.partijen.delete(made))
    return made


def test_partij_with_bsn(client: ZGWClient, partij: Partij) -> None:
    assert isinstance(partij, Partij)
    assert partij.persoon is not None
    identificatoren = partij.partij_identificatoren or []
    assert [
        i.partij_identificator.object_id for i in identificatoren if i.partij_identificator
    ] == [TEST_BSN]
    found = client.klantinteracties.partij_for_bsn(TEST_BSN, expand=["digitaleAdressen"])
    assert found is not None
    assert found.uuid == partij.uuid
    with pytest.raises(InvalidBSNError):  # checked before any request
        client.klantinteracties.partij_for_bsn("999990112")


def test_klantcontact_about_zaak(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, partij: Partij
) -> None:
    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add("zaak", lambda: client.zaken.zaken.delete(zaak))
    contact = klantcontact_about(client, cleanup, str(zaak.uuid), partij)

    about = client.klantinteracties.klantcontacten_about_zaak(zaak).to_list()
    assert [k.uuid for k in about] == [contact.uuid]
    expand = about[0].expand
    assert expand is not None
    assert expand.had_betrokkenen
    betrokkene = expand.had_betrokkenen[0]
    assert betrokkene.expand is not None
    assert betrokkene.expand.was_partij is not None
    assert betrokkene.expand.was_partij.uuid == partij.uuid
    assert [
        o.onderwerpobjectidentificator.object_id
        for o in expand.ging_over_onderwerpobjecten or []
        if o.onderwerpobjectidentificator
    ] == [str(zaak.uuid)]

    moments = contactmomenten_about_zaak(client, zaak)
    assert len(moments) == 1
    moment = moments[0]
    assert isinstance(moment, Contactmoment)
    assert moment.direction is Direction.INKOMEND
    assert moment.kanaal == "e-mail"
    assert moment.zaak_url == zaak.url
    assert str(moment.zaak_uuid) == str(zaak.uuid)
    assert moment.source == "klantinteracties"

    by_bsn = client.klantinteracties.klantcontacten.list(
        had_betrokkene__was_partij__partij_identificator__object_id=TEST_BSN
    ).to_list()
    assert contact.uuid in [k.uuid for k in by_bsn]


@pytest.mark.asyncio
async def test_async_klantinteracties(async_client: AsyncZGWClient, catalogue: Catalogue) -> None:
    ki = async_client.klantinteracties
    made = await ki.partijen.create(partij_body("111222333"))
    try:
        found = await ki.partij_for_bsn("111222333")
        assert found is not None
        assert found.uuid == made.uuid
        page = [k async for k in ki.klantcontacten_about_zaak(str(made.uuid))]
        assert page == []
    finally:
        await ki.partijen.delete(made)
