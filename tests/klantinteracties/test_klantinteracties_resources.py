"""The Klantinteracties resources on both faces, against the in-memory backend."""

from __future__ import annotations

from typing import Any
from uuid import UUID

import pytest

from tests.conftest import collect, resolve
from tests.klantinteracties.conftest import (
    BSN,
    ZAAK_UUID,
    add_contact,
    add_medewerker,
    offline_client,
    persoon,
)
from zgw_client import InputError, NotFoundError
from zgw_client.identifiers import InvalidBSNError, InvalidKVKError
from zgw_client.klantinteracties.models import (
    Betrokkene,
    DigitaalAdres,
    InterneTaak,
    Klantcontact,
    Partij,
    Persoon,
    Rekeningnummer,
)
from zgw_client.testing import InMemoryBackend


async def test_namespace_has_every_collection(client: Any) -> None:
    ki = client.klantinteracties
    for name in (
        "partijen",
        "partij_identificatoren",
        "digitale_adressen",
        "rekeningnummers",
        "klantcontacten",
        "betrokkenen",
        "onderwerpobjecten",
        "bijlagen",
        "actoren",
        "actorklantcontacten",
        "interne_taken",
    ):
        assert getattr(ki, name).kind == "klantinteracties"
    assert client.klantinteracties is ki  # cached


async def test_partij_for_bsn_finds_the_typed_partij(client: Any) -> None:
    created = await resolve(client.klantinteracties.partijen.create(persoon()))
    await resolve(client.klantinteracties.partijen.create(persoon("123456782", "Piet")))
    found = await resolve(client.klantinteracties.partij_for_bsn(BSN))
    assert isinstance(found, Partij)
    assert found.uuid == created.uuid
    assert isinstance(found.persoon, Persoon)
    assert found.identificator_values("bsn") == [BSN]
    # A valid but unknown BSN gives None.
    assert await resolve(client.klantinteracties.partij_for_bsn("999990111")) is None


async def test_partij_for_bsn_filters_on_partij_identificator(
    client: Any, backend: InMemoryBackend
) -> None:
    await resolve(client.klantinteracties.partijen.create(persoon()))
    backend.request_log.clear()
    found = await resolve(client.klantinteracties.partij_for_bsn(BSN, expand=["digitaleAdressen"]))
    assert found.expand is not None
    method, url = backend.request_log[-1]
    assert method == "GET"
    assert "partijIdentificator__codeSoortObjectId=bsn" in url
    assert f"partijIdentificator__objectId={BSN}" in url
    assert "expand=digitaleAdressen" in url


@pytest.mark.parametrize("bad", ["111222334", "12345", "abcdefghi", " 1112 22333"])
async def test_partij_for_bsn_refuses_a_bad_bsn_before_any_request(face: str, bad: str) -> None:
    client = offline_client(face)
    with pytest.raises(InvalidBSNError):
        await resolve(client.klantinteracties.partij_for_bsn(bad))


async def test_partij_for_kvk_refuses_a_bad_kvk_before_any_request(face: str) -> None:
    client = offline_client(face)
    with pytest.raises(InvalidKVKError):
        await resolve(client.klantinteracties.partij_for_kvk("1234567"))


async def test_crud_on_partijen_and_digitale_adressen(client: Any) -> None:
    ki = client.klantinteracties
    partij = await resolve(ki.partijen.create(persoon()))
    adres = await resolve(
        ki.digitale_adressen.create(
            {
                "verstrektDoorPartij": {"uuid": str(partij.uuid)},
                "adres": "jan@example.nl",
                "soortDigitaalAdres": "email",
                "omschrijving": "privé",
            }
        )
    )
    assert isinstance(adres, DigitaalAdres)
    mine = await collect(ki.digitale_adressen.list(verstrekt_door_partij__uuid=str(partij.uuid)))
    assert [a.uuid for a in mine] == [adres.uuid]

    changed = await resolve(ki.digitale_adressen.partial_update(adres, {"omschrijving": "werk"}))
    assert changed.omschrijving == "werk"
    by_uuid = await resolve(ki.digitale_adressen.get(str(adres.uuid)))
    assert by_uuid.omschrijving == "werk"

    full = await resolve(ki.partijen.get(partij.url, expand=["digitaleAdressen"]))
    assert [a.adres for a in full.expand.digitale_adressen] == ["jan@example.nl"]

    await resolve(ki.digitale_adressen.delete(adres.url))
    with pytest.raises(NotFoundError):
        await resolve(ki.digitale_adressen.get(adres.url))


async def test_update_replaces_a_partij(client: Any) -> None:
    ki = client.klantinteracties
    partij = await resolve(ki.partijen.create(persoon()))
    body = persoon()
    body["voorkeurstaal"] = "eng"
    replaced = await resolve(ki.partijen.update(partij.uuid, body))
    assert replaced.voorkeurstaal == "eng"


async def test_rekeningnummers_and_interne_taken(client: Any) -> None:
    ki = client.klantinteracties
    partij = await resolve(ki.partijen.create(persoon()))
    rekening = await resolve(
        ki.rekeningnummers.create(
            {"partij": {"uuid": str(partij.uuid)}, "iban": "NL91ABNA0417164300", "bic": "ABNANL2A"}
        )
    )
    assert isinstance(rekening, Rekeningnummer)
    assert [r.iban for r in await collect(ki.rekeningnummers.list(iban=rekening.iban))] == [
        "NL91ABNA0417164300"
    ]
    actor = await add_medewerker(client)
    klantcontact = await add_contact(client, partij)
    taak = await resolve(
        ki.interne_taken.create(
            {
                "gevraagdeHandeling": "Terugbellen",
                "aanleidinggevendKlantcontact": {"uuid": str(klantcontact.uuid)},
                "toegewezenAanActoren": [{"uuid": str(actor.uuid)}],
                "toelichting": "Graag vandaag",
                "status": "te_verwerken",
            }
        )
    )
    assert isinstance(taak, InterneTaak)
    open_ = await collect(ki.interne_taken.list(status="te_verwerken"))
    assert [t.uuid for t in open_] == [taak.uuid]


async def test_klantcontacten_about_zaak_filters_and_expands(
    client: Any, backend: InMemoryBackend
) -> None:
    partij = await resolve(client.klantinteracties.partijen.create(persoon()))
    actor = await add_medewerker(client)
    mine = await add_contact(client, partij, actor=actor)
    await add_contact(client, partij, zaak_uuid="0e0b0c0d-0000-4000-8000-000000000001")
    backend.request_log.clear()

    zaak_url = f"http://zgw.test/zaken/api/v1/zaken/{ZAAK_UUID}"
    found = await collect(client.klantinteracties.klantcontacten_about_zaak(zaak_url))
    assert [k.uuid for k in found] == [mine.uuid]
    klantcontact = found[0]
    assert isinstance(klantcontact, Klantcontact)
    betrokkene = klantcontact.expand.had_betrokkenen[0]
    assert isinstance(betrokkene, Betrokkene)
    assert betrokkene.initiator is True
    assert betrokkene.expand.was_partij.persoon.contactnaam.voornaam == "Jan"
    assert klantcontact.expand.ging_over_onderwerpobjecten[0].onderwerpobjectidentificator
    assert [a.naam for a in klantcontact.had_betrokken_actoren] == ["P. van Dijk"]

    url = backend.request_log[-1][1]
    assert f"onderwerpobject__onderwerpobjectidentificatorObjectId={ZAAK_UUID}" in url
    assert "hadBetrokkenen.wasPartij" in url.replace("%2C", ",")

    # By UUID and without expand.
    plain = await collect(
        client.klantinteracties.klantcontacten_about_zaak(UUID(ZAAK_UUID), expand=None)
    )
    assert [k.uuid for k in plain] == [mine.uuid]
    assert "expand" not in backend.request_log[-1][1]


async def test_klantcontacten_list_by_bsn_of_betrokkene(client: Any) -> None:
    ki = client.klantinteracties
    partij = await resolve(ki.partijen.create(persoon()))
    other = await resolve(ki.partijen.create(persoon("123456782", "Piet")))
    mine = await add_contact(client, partij)
    await add_contact(client, other)
    found = await collect(
        ki.klantcontacten.list(
            had_betrokkene__was_partij__partij_identificator__object_id=BSN,
            expand=["hadBetrokkenen"],
        )
    )
    assert [k.uuid for k in found] == [mine.uuid]


async def test_a_bad_zaak_reference_is_refused(client: Any) -> None:
    with pytest.raises(InputError):
        client.klantinteracties.klantcontacten_about_zaak("zaak-123")


async def test_unknown_filter_is_refused(client: Any) -> None:
    with pytest.raises(InputError, match="Unknown filter 'bsn'"):
        client.klantinteracties.partijen.list(bsn=BSN)
