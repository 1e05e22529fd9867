"""Klantinteracties and Contactmomenten models against real Open Klant 2.18 bodies."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from zgw_client.contactmomenten import RESOURCE_MODELS as CM_MODELS
from zgw_client.contactmomenten import (
    Contactmoment,
    Initiatiefnemer,
    KlantContactMoment,
    ObjectContactMoment,
)
from zgw_client.klantinteracties import (
    RESOURCE_MODELS,
    Actor,
    Betrokkene,
    BetrokkeneExpand,
    Contactpersoon,
    DigitaalAdres,
    GeautomatiseerdeActor,
    InterneTaak,
    InterneTaakStatus,
    Klantcontact,
    KlantcontactExpand,
    Medewerker,
    ObjectRef,
    Onderwerpobject,
    Organisatie,
    Partij,
    PartijExpand,
    Persoon,
    SoortActor,
    SoortDigitaalAdres,
    SoortPartij,
)

# ---------------------------------------------------------------- sample helpers (local copy)
MAIN = Path(__file__).resolve().parents[2]
SAMPLES = MAIN.parent / "shared" / "samples"
API_PREFIX = "/klantinteracties/api/v1/"


def _files(server: str) -> list[Path]:
    folder = SAMPLES / server
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def _params(server: str, keep: Any = None) -> list[Any]:
    """One param per sample file ``keep(exchange)`` accepts; one skipping param if none."""
    files = _files(server)
    if not files:
        return [pytest.param(None, id=f"{server}-samples-missing")]
    chosen = [f for f in files if keep is None or keep(json.loads(f.read_text("utf-8")))]
    return [pytest.param(f, id=f"{server}/{f.stem}") for f in chosen]


def _load(path: Path | None) -> dict[str, Any]:
    if path is None:
        pytest.skip(f"samples not found in {SAMPLES}: these tests need the shared sample bodies")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _sample(name: str) -> dict[str, Any]:
    path = SAMPLES / "openklant" / f"{name}.json"
    return _load(path if path.is_file() else None)


def _segment(url: str) -> str:
    return url.split(API_PREFIX, 1)[1].split("?", 1)[0].split("/", 1)[0]


def _items(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict) and "results" in body and "count" in body:
        return list(body["results"])
    return [body]


def _ok_json(exchange: dict[str, Any]) -> bool:
    response = exchange["response"]
    return 200 <= response["status"] < 300 and "_note" not in response["body"]


def _resource_body(exchange: dict[str, Any]) -> bool:
    return _ok_json(exchange) and _segment(exchange["request"]["url"]) != ""


def _accepted_write(exchange: dict[str, Any]) -> bool:
    request = exchange["request"]
    return (
        request["method"] == "POST"
        and isinstance(request.get("body"), dict)
        and exchange["response"]["status"] < 400
    )


# ---------------------------------------------------------------- every sample body
@pytest.mark.parametrize("path", _params("openklant", _ok_json))
def test_every_openklant_body_parses_and_round_trips(path: Path | None) -> None:
    exchange = _load(path)
    segment = _segment(exchange["request"]["url"])
    if segment == "":
        # the API root: a map of collection URLs, no resource model
        assert set(exchange["response"]["body"]) - {"maak-klantcontact"} == set(RESOURCE_MODELS)
        return
    model = RESOURCE_MODELS[segment]
    items = _items(exchange["response"]["body"])
    assert items, "expected at least one item"
    for item in items:
        parsed = model.model_validate(item)
        assert parsed.to_wire() == item
        assert parsed.model_extra == {}, "a field the server sends is not modelled"


@pytest.mark.parametrize("path", _params("openklant", _resource_body))
def test_unknown_fields_are_kept(path: Path | None) -> None:
    exchange = _load(path)
    model = RESOURCE_MODELS[_segment(exchange["request"]["url"])]
    for item in _items(exchange["response"]["body"]):
        changed = {**item, "nieuwVeldVan2027": {"a": 1}}
        parsed = model.model_validate(changed)
        assert parsed.model_extra == {"nieuwVeldVan2027": {"a": 1}}
        assert parsed.to_wire()["nieuwVeldVan2027"] == {"a": 1}
        assert parsed.to_wire() == changed


@pytest.mark.parametrize("path", _params("openklant", _accepted_write))
def test_write_request_bodies_round_trip(path: Path | None) -> None:
    exchange = _load(path)
    body = exchange["request"]["body"]
    model = RESOURCE_MODELS[_segment(exchange["request"]["url"])]
    assert model.model_validate(body).to_wire() == body


def test_all_2xx_samples_are_covered() -> None:
    # guards the filters above: a new 2xx sample must land in the round-trip test
    files = _files("openklant")
    if not files:
        pytest.skip(f"samples not found in {SAMPLES}")
    ok = [f for f in files if _ok_json(json.loads(f.read_text("utf-8")))]
    assert len(ok) >= 28


# ---------------------------------------------------------------- open enums
@pytest.mark.parametrize(
    ("model", "sample", "field", "attr", "known"),
    [
        (Partij, "partij_detail", "soortPartij", "soort_partij", SoortPartij.PERSOON),
        (Actor, "actor_detail", "soortActor", "soort_actor", SoortActor.MEDEWERKER),
        (
            DigitaalAdres,
            "digitaaladres_detail",
            "soortDigitaalAdres",
            "soort_digitaal_adres",
            SoortDigitaalAdres.EMAIL,
        ),
        (InterneTaak, "internetaak_detail", "status", "status", InterneTaakStatus.TE_VERWERKEN),
    ],
)
def test_open_enums(model: Any, sample: str, field: str, attr: str, known: Any) -> None:
    body = _sample(sample)["response"]["body"]
    parsed = model.model_validate(body)
    assert getattr(parsed, attr) is known
    newer = model.model_validate({**body, field: "nieuwe_waarde"})
    value = getattr(newer, attr)
    assert value == "nieuwe_waarde"
    assert type(value) is str
    assert newer.to_wire()[field] == "nieuwe_waarde"


# ---------------------------------------------------------------- typed variants
def test_partij_persoon_variant() -> None:
    partij = Partij.model_validate(_sample("partij_detail")["response"]["body"])
    assert isinstance(partij.partij_identificatie, Persoon)
    assert partij.persoon is not None
    assert partij.persoon.volledige_naam == "Jan van Jansen"
    assert partij.persoon.contactnaam is not None
    assert partij.persoon.contactnaam.voorvoegsel_achternaam == "van"
    assert partij.organisatie is None
    assert partij.identificator_values("bsn") == ["111222333"]
    assert partij.identificator_values("kvk_nummer") == []


def test_partij_organisatie_and_contactpersoon_variants() -> None:
    body = _sample("partij_detail")["response"]["body"]
    org = Partij.model_validate(
        {**body, "soortPartij": "organisatie", "partijIdentificatie": {"naam": "ACME B.V."}}
    )
    assert isinstance(org.partij_identificatie, Organisatie)
    assert org.organisatie is not None
    assert org.organisatie.naam == "ACME B.V."
    ref = {"uuid": str(UUID(int=1)), "url": "http://ok/partijen/1"}
    cp_body = {
        **body,
        "soortPartij": "contactpersoon",
        "partijIdentificatie": {
            "uuid": str(UUID(int=2)),
            "werkteVoorPartij": ref,
            "contactnaam": {"voornaam": "Ans"},
            "volledigeNaam": "Ans",
        },
    }
    cp = Partij.model_validate(cp_body)
    assert isinstance(cp.partij_identificatie, Contactpersoon)
    assert cp.contactpersoon is not None
    assert cp.contactpersoon.werkte_voor_partij == ObjectRef.model_validate(ref)
    assert cp.to_wire() == cp_body


def test_partij_unknown_soort_keeps_identificatie_as_dict() -> None:
    body = {
        **_sample("partij_detail")["response"]["body"],
        "soortPartij": "samenwerkingsverband",
        "partijIdentificatie": {"naam": "X", "leden": 3},
    }
    partij = Partij.model_validate(body)
    assert partij.partij_identificatie == {"naam": "X", "leden": 3}
    assert partij.persoon is None
    assert partij.to_wire() == body


def test_partij_built_in_python_serialises_for_a_write() -> None:
    partij = Partij(
        soort_partij=SoortPartij.PERSOON,
        indicatie_actief=True,
        partij_identificatie={"contactnaam": {"voornaam": "Jan"}},
    )
    assert isinstance(partij.partij_identificatie, Persoon)
    assert partij.to_wire() == {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "partijIdentificatie": {"contactnaam": {"voornaam": "Jan"}},
    }


def test_actor_variants() -> None:
    actor = Actor.model_validate(_sample("actor_detail")["response"]["body"])
    assert isinstance(actor.actor_identificatie, Medewerker)
    assert actor.medewerker is not None
    assert actor.medewerker.functie == "KCC-medewerker"
    assert actor.actoridentificator is not None
    assert actor.actoridentificator.code_soort_object_id == "gebruikersnaam"
    bot = Actor.model_validate(
        {
            "naam": "Chatbot",
            "soortActor": "geautomatiseerde_actor",
            "actorIdentificatie": {"functie": "chat", "omschrijving": "bot"},
        }
    )
    assert isinstance(bot.actor_identificatie, GeautomatiseerdeActor)
    assert bot.medewerker is None
    other = Actor.model_validate(
        {"naam": "x", "soortActor": "robot", "actorIdentificatie": {"functie": "y"}}
    )
    assert other.actor_identificatie == {"functie": "y"}


# ---------------------------------------------------------------- references
def test_object_ref_writes_only_uuid() -> None:
    betrokkene = Betrokkene.model_validate(_sample("betrokkene_detail")["response"]["body"])
    assert betrokkene.was_partij is not None
    assert betrokkene.was_partij.url is not None
    assert betrokkene.was_partij.for_write() == {"uuid": "1ad9792a-0d32-4fb1-a5fa-6d7f7d554c20"}
    ref = ObjectRef.to("f592ecfc-30e5-4cec-acaa-f3a54583c004")
    assert ref.to_wire() == {"uuid": "f592ecfc-30e5-4cec-acaa-f3a54583c004"}
    assert ref.for_write() == ref.to_wire()


def test_onderwerpobject_write_body_built_in_python_matches_sample() -> None:
    sent = _sample("write_onderwerpobject_post_201")["request"]["body"]
    built = Onderwerpobject(
        klantcontact=ObjectRef.to("f592ecfc-30e5-4cec-acaa-f3a54583c004"),
        was_klantcontact=None,
        onderwerpobjectidentificator={
            "objectId": "fa593b61-29aa-423c-8204-6e33714e57c5",
            "codeObjecttype": "zaak",
            "codeRegister": "openzaak",
            "codeSoortObjectId": "uuid",
        },
    )
    assert built.to_wire() == sent


# ---------------------------------------------------------------- _expand
def test_expand_absent_on_detail_empty_on_list() -> None:
    detail = Partij.model_validate(_sample("partij_detail")["response"]["body"])
    assert detail.expand is None
    assert "_expand" not in detail.to_wire()
    listed = Partij.model_validate(_sample("partij_list")["response"]["body"]["results"][0])
    assert listed.expand == PartijExpand()
    assert listed.to_wire()["_expand"] == {}
    # a child path without its parent also gives an empty _expand
    child = _sample("partij_list_expand_child_without_parent")["response"]["body"]["results"][0]
    assert Partij.model_validate(child).expand == PartijExpand()


def test_partij_detail_expand_is_typed() -> None:
    partij = Partij.model_validate(_sample("partij_detail_expand")["response"]["body"])
    assert partij.expand is not None
    assert partij.expand.betrokkenen is not None
    assert partij.expand.digitale_adressen is not None
    assert len(partij.expand.betrokkenen) == 3
    assert all(isinstance(b, Betrokkene) for b in partij.expand.betrokkenen)
    assert all(isinstance(d, DigitaalAdres) for d in partij.expand.digitale_adressen)
    assert {d.soort_digitaal_adres for d in partij.expand.digitale_adressen} == {
        SoortDigitaalAdres.EMAIL
    }
    assert partij.expand.categorie_relaties is None


def test_nested_expand_betrokkenen_had_klantcontact() -> None:
    body = _sample("partij_list_by_bsn_expand")["response"]["body"]["results"][0]
    partij = Partij.model_validate(body)
    assert partij.expand is not None
    assert partij.expand.betrokkenen
    nested = [b.expand for b in partij.expand.betrokkenen]
    assert all(isinstance(e, BetrokkeneExpand) for e in nested)
    contacts = [e.had_klantcontact for e in nested if e is not None and e.had_klantcontact]
    assert contacts
    assert all(isinstance(k, Klantcontact) for k in contacts)
    assert partij.to_wire() == body


def test_klantcontact_list_by_bsn_expand() -> None:
    body = _sample("klantcontact_list_by_bsn_expand")["response"]["body"]
    for item in body["results"]:
        kc = Klantcontact.model_validate(item)
        assert isinstance(kc.expand, KlantcontactExpand)
        assert kc.expand.had_betrokkenen is not None
        assert kc.expand.ging_over_onderwerpobjecten is not None
        assert kc.expand.leidde_tot_interne_taken is None
        onderwerp = kc.expand.ging_over_onderwerpobjecten[0]
        assert onderwerp.onderwerpobjectidentificator is not None
        assert onderwerp.onderwerpobjectidentificator.code_objecttype == "zaak"
        assert kc.expand.had_betrokkenen[0].initiator is True
    first = Klantcontact.model_validate(body["results"][0])
    assert first.kanaal == "e-mail"
    assert first.plaatsgevonden_op is not None
    assert first.plaatsgevonden_op.isoformat() == "2026-11-28T10:00:00+00:00"
    assert [ref.uuid for ref in first.leidde_tot_interne_taken] == [
        UUID("a05b693a-0b96-42ba-b4e3-e566436266da")
    ]


def test_klantcontact_requires_write_fields() -> None:
    with pytest.raises(ValueError, match="onderwerp"):
        Klantcontact.model_validate({"kanaal": "e-mail", "taal": "nld", "vertrouwelijk": False})


def test_parsing_does_not_mutate_input() -> None:
    body = _sample("partij_list_by_bsn_expand")["response"]["body"]["results"][0]
    before = copy.deepcopy(body)
    Partij.model_validate(body)
    assert body == before


# ---------------------------------------------------------------- Contactmomenten API 1.0
CM_BODY: dict[str, Any] = {
    "url": "http://cm.example/contactmomenten/api/v1/contactmomenten/3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "vorigContactmoment": None,
    "volgendContactmoment": None,
    "bronorganisatie": "002220647",
    "registratiedatum": "2019-08-24T14:15:22Z",
    "kanaal": "telefoon",
    "voorkeurskanaal": "",
    "voorkeurstaal": "nld",
    "tekst": "Vraag over de aanvraag",
    "onderwerpLinks": [],
    "initiatiefnemer": "klant",
    "medewerker": "",
    "medewerkerIdentificatie": {
        "identificatie": "pm",
        "achternaam": "Medewerker",
        "voorletters": "P.",
        "voorvoegselAchternaam": "",
    },
}


def test_contactmoment_round_trip_and_uuid_from_url() -> None:
    cm = Contactmoment.model_validate(CM_BODY)
    assert cm.to_wire() == CM_BODY
    assert cm.uuid == UUID("3fa85f64-5717-4562-b3fc-2c963f66afa6")
    assert cm.initiatiefnemer is Initiatiefnemer.KLANT
    newer = Contactmoment.model_validate({**CM_BODY, "initiatiefnemer": "ketenpartner"})
    assert newer.initiatiefnemer == "ketenpartner"
    kiss = Contactmoment.model_validate({**CM_BODY, "gespreksresultaat": "afgehandeld"})
    assert kiss.model_extra == {"gespreksresultaat": "afgehandeld"}


def test_contactmomenten_link_resources() -> None:
    ocm_body = {
        "url": "http://cm.example/contactmomenten/api/v1/objectcontactmomenten/1",
        "contactmoment": CM_BODY["url"],
        "object": "http://oz.example/zaken/api/v1/zaken/8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60",
        "objectType": "zaak",
    }
    ocm = ObjectContactMoment.model_validate(ocm_body)
    assert ocm.to_wire() == ocm_body
    assert ocm.object_type == "zaak"
    kcm_body = {
        "url": "http://cm.example/contactmomenten/api/v1/klantcontactmomenten/2",
        "contactmoment": CM_BODY["url"],
        "klant": "http://klanten.example/klanten/api/v1/klanten/3",
        "rol": "gesprekspartner",
    }
    assert KlantContactMoment.model_validate(kcm_body).to_wire() == kcm_body
    assert set(CM_MODELS) == {"contactmomenten", "objectcontactmomenten", "klantcontactmomenten"}
