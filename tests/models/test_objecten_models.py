"""Objects/Objecttypes models and the Taak mapping against Objects 3.6 / 4.0 bodies."""

from __future__ import annotations

import json
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest

from zgw_client._exceptions import InputError
from zgw_client.objecten import (
    RESOURCE_MODELS,
    DataClassification,
    FormulierSoort,
    IdentificatieType,
    KoppelingRegistratie,
    Object,
    ObjectRecord,
    Objecttype,
    ObjecttypeVersion,
    ObjecttypeVersionStatus,
    Ogonebetaling,
    Taak,
    TaakIdentificatie,
    TaakKoppeling,
    TaakSoort,
    TaakStatus,
    TaakUrl,
    UpdateFrequency,
    days_left,
    is_open,
    objecttype_uuid,
    taak_from_object,
    taak_to_data,
)

# ---------------------------------------------------------------- sample helpers (local copy)
MAIN = Path(__file__).resolve().parents[2]
SHARED = MAIN.parent / "shared"
SAMPLES = SHARED / "samples"
SERVERS = ("objects36", "objects40", "objecttypes")
TAAK_TYPE_UUID = UUID("3e7b5a0c-1f2d-4c8a-9b6e-0d4f5a6b7c81")


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _ok_json(exchange: dict[str, Any]) -> bool:
    response = exchange["response"]
    return 200 <= response["status"] < 300 and "_note" not in response["body"]


def _params() -> list[Any]:
    files = [
        f for s in SERVERS if (SAMPLES / s).is_dir() for f in sorted((SAMPLES / s).glob("*.json"))
    ]
    if not files:
        return [pytest.param(None, id="objects-samples-missing")]
    return [
        pytest.param(f, id=f"{f.parent.name}/{f.stem}") for f in files if _ok_json(_load_json(f))
    ]


def _load(path: Path | None) -> dict[str, Any]:
    if path is None or not path.is_file():
        pytest.skip(f"samples not found in {SAMPLES}: these tests need the shared sample bodies")
    data: dict[str, Any] = _load_json(path)
    return data


def _body(server: str, name: str) -> Any:
    return _load(SAMPLES / server / f"{name}.json")["response"]["body"]


def _model_for(url: str) -> Any:
    """Deepest path segment with a model: objecttypes/{uuid}/versions -> ObjecttypeVersion."""
    path = url.split("/api/v2/", 1)[1].split("?", 1)[0]
    segments = [s for s in path.split("/") if s]
    for segment in reversed(segments):
        if segment in RESOURCE_MODELS:
            return RESOURCE_MODELS[segment]
    return None


def _items(body: Any) -> list[dict[str, Any]]:
    if isinstance(body, dict) and "results" in body and "count" in body:
        return list(body["results"])
    return [body]


def _sample_objects() -> list[Object]:
    objects = []
    for server in ("objects36", "objects40"):
        for f in sorted((SAMPLES / server).glob("*.json")):
            exchange = _load_json(f)
            if _ok_json(exchange) and _model_for(exchange["request"]["url"]) is Object:
                objects += [Object.model_validate(i) for i in _items(exchange["response"]["body"])]
    if not objects:
        pytest.skip(f"samples not found in {SAMPLES}")
    return objects


# ---------------------------------------------------------------- every sample body
@pytest.mark.parametrize("path", _params())
def test_every_objects_body_parses_and_round_trips(path: Path | None) -> None:
    exchange = _load(path)
    body = exchange["response"]["body"]
    model = _model_for(exchange["request"]["url"])
    if model is None:
        # API root: collection name -> URL
        assert {"objects", "objecttypes"} & set(body)
        assert set(body) <= {"objects", "objecttypes", "permissions"}
        return
    items = _items(body)
    assert items
    for item in items:
        parsed = model.model_validate(item)
        assert parsed.to_wire() == item
        assert parsed.model_extra == {}, "a field the server sends is not modelled"
        injected = model.model_validate({**item, "nieuwVeld": [1, 2]})
        assert injected.model_extra == {"nieuwVeld": [1, 2]}
        assert injected.to_wire() == {**item, "nieuwVeld": [1, 2]}


def test_object_record_typed_fields() -> None:
    obj = Object.model_validate(_body("objects40", "object_detail"))
    assert obj.uuid == UUID("94856955-945e-4bb9-a590-ad005d93f743")
    assert isinstance(obj.record, ObjectRecord)
    assert obj.record.type_version == 1
    assert obj.record.start_at == date(2026, 11, 28)
    assert obj.record.registration_at == date(2026, 11, 29)
    assert obj.record.end_at is None
    assert obj.record.references == []
    assert obj.record.data["titel"] == "Aanvullende gegevens aanleveren"


def test_objecttype_uuid_is_the_same_on_3_6_and_4_0() -> None:
    on36 = Object.model_validate(_body("objects36", "object_detail"))
    on40 = Object.model_validate(_body("objects40", "object_detail"))
    assert on36.type != on40.type  # :8002 (external Objecttypes API) vs :8003 (built in)
    assert on36.objecttype_uuid == on40.objecttype_uuid == TAAK_TYPE_UUID
    assert objecttype_uuid("http://x/api/v2/objecttypes/not-a-uuid") is None


def test_objecttype_and_version_open_enums() -> None:
    ot = Objecttype.model_validate(_body("objecttypes", "objecttype_detail"))
    assert ot.data_classification is DataClassification.INTERN
    assert ot.update_frequency is UpdateFrequency.REAL_TIME
    assert ot.uuid == TAAK_TYPE_UUID
    newer = Objecttype.model_validate(
        {**_body("objecttypes", "objecttype_detail"), "updateFrequency": "quarterly"}
    )
    assert newer.update_frequency == "quarterly"
    assert type(newer.update_frequency) is str
    version = ObjecttypeVersion.model_validate(_body("objects40", "objecttype_version_detail"))
    assert version.status is ObjecttypeVersionStatus.PUBLISHED
    assert version.json_schema["title"] == "Taak"
    archived = ObjecttypeVersion.model_validate(
        {**_body("objects40", "objecttype_version_detail"), "status": "archived"}
    )
    assert archived.status == "archived"
    assert archived.to_wire()["status"] == "archived"


def test_object_write_body_built_in_python_matches_sample() -> None:
    exchange = _load(SAMPLES / "objects40" / "write_object_taak_post_201.json")
    sent = exchange["request"]["body"]
    built = Object(
        type=sent["type"],
        record=ObjectRecord(
            type_version=1, start_at=date(2026, 11, 29), data=sent["record"]["data"], geometry=None
        ),
    )
    assert built.to_wire() == sent


# ---------------------------------------------------------------- taken from the samples
def test_every_sample_object_maps_to_a_taak_and_back() -> None:
    objects = _sample_objects()
    assert len(objects) >= 10
    for obj in objects:
        taak = taak_from_object(obj)
        assert taak.object_uuid == obj.uuid
        assert taak.object_url == obj.url
        assert taak.variant == "portaaltaak-v1"
        assert taak_to_data(taak) == obj.record.data


def test_sample_taak_fields_objects40() -> None:
    taak = taak_from_object(Object.model_validate(_body("objects40", "object_detail")))
    assert taak.titel == "Aanvullende gegevens aanleveren"
    assert taak.status is TaakStatus.OPEN
    assert taak.soort is TaakSoort.PORTAALFORMULIER
    assert taak.identificatie == TaakIdentificatie(type=IdentificatieType.BSN, value="111222333")
    assert taak.identificatie.type is IdentificatieType.BSN
    assert taak.zaak_url == (
        "http://127.0.0.1:8000/zaken/api/v1/zaken/8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60"
    )
    assert taak.zaak_uuid == "8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60"
    assert taak.koppeling is not None
    assert taak.koppeling.registratie is KoppelingRegistratie.ZAAK
    assert taak.verloopdatum == datetime(2026, 12, 31, 23, 59, 59, tzinfo=timezone.utc)
    assert taak.verwerker_taak_id == "task-123"
    assert taak.portaalformulier is not None
    assert taak.portaalformulier.formulier.soort is FormulierSoort.URL
    assert taak.portaalformulier.formulier.value == (
        "https://formulieren.example.com/aanvullende-gegevens"
    )
    assert taak.portaalformulier.data == {"voornaam": "Jan"}
    assert taak.object_uuid == UUID("94856955-945e-4bb9-a590-ad005d93f743")
    assert is_open(taak)
    assert days_left(taak, date(2026, 12, 1)) == 30
    assert days_left(taak, date(2027, 1, 2)) == -2


def test_sample_taak_without_verloopdatum_objects36() -> None:
    taak = taak_from_object(Object.model_validate(_body("objects36", "object_detail")))
    assert taak.verloopdatum is None
    assert days_left(taak, date(2026, 12, 1)) is None
    assert taak.verwerker_taak_id is None
    data = taak_to_data(taak)
    assert data["verloopdatum"] is None  # the key was there as null: keep it
    assert "verwerker_taak_id" not in data


def test_changed_sample_taak_is_written_in_its_own_shape() -> None:
    obj = Object.model_validate(_body("objects40", "write_object_taak_post_201"))
    taak = taak_from_object(obj)
    done = taak.model_copy(update={"status": "ingediend", "verloopdatum": date(2027, 1, 15)})
    data = taak_to_data(done)
    assert data["status"] == "ingediend"
    assert data["verloopdatum"] == "2027-01-15"
    assert data["formulier"] == {"type": "url", "value": "https://formulieren.example.com/sample"}
    assert "soort" not in data
    assert "koppeling" not in data
    assert set(data) == set(obj.record.data)
    assert not is_open(done)


# ---------------------------------------------------------------- NL Portal v2 and variants
def _as_object(data: dict[str, Any]) -> Object:
    return Object(
        url="http://objects.example/api/v2/objects/0b1e0c35-5d2a-4b0c-9d8c-3bbf0f8f9c11",
        uuid=UUID("0b1e0c35-5d2a-4b0c-9d8c-3bbf0f8f9c11"),
        type=f"http://objects.example/api/v2/objecttypes/{TAAK_TYPE_UUID}",
        record=ObjectRecord(type_version=2, start_at=date(2026, 1, 1), data=data),
    )


V2_BETALING = {
    "titel": "Betaal de leges",
    "status": "open",
    "soort": "ogonebetaling",
    "ogonebetaling": {"bedrag": 147.43, "betaalkenmerk": "abcdef1234", "pspid": "MyID"},
    "identificatie": {"type": "kvk", "value": "69599084"},
    "koppeling": {"registratie": "zaak", "uuid": "5551a7c5-4e92-43e6-8d23-80359b7e22b7"},
    "verloopdatum": "2023-09-20T18:25:43.524Z",
    "eigenaar": "gzac-sd",
    "verwerker_taak_id": "18af0b6a-967b-4f81-bb8e-a44988e0c2f0",
}


def test_v2_ogonebetaling() -> None:
    taak = taak_from_object(_as_object(V2_BETALING))
    assert taak.variant == "portaaltaak-v2"
    assert taak.soort is TaakSoort.OGONEBETALING
    assert taak.ogonebetaling == Ogonebetaling(
        bedrag=147.43, betaalkenmerk="abcdef1234", pspid="MyID"
    )
    assert taak.identificatie is not None
    assert taak.identificatie.type is IdentificatieType.KVK
    assert taak.zaak_uuid == "5551a7c5-4e92-43e6-8d23-80359b7e22b7"
    assert taak.eigenaar == "gzac-sd"
    assert taak.verloopdatum == datetime(2023, 9, 20, 18, 25, 43, 524000, tzinfo=timezone.utc)
    assert taak_to_data(taak) == V2_BETALING


def test_v2_schema_example_round_trips() -> None:
    schema_path = SHARED / "specs" / "taak-nlportal-v2.schema.json"
    if not schema_path.is_file():
        pytest.skip(f"{schema_path} not found")
    example = _load_json(schema_path)["examples"][0]
    taak = taak_from_object(_as_object(example))
    assert taak.soort == "formtaak"  # not a known soort: kept as plain text
    assert type(taak.soort) is str
    assert taak.url == TaakUrl(uri="https://google.com")
    assert taak.portaalformulier is not None
    assert taak.portaalformulier.verzonden_data == {
        "voornaam": "Jan",
        "achternaam": "Smit",
        "toestemming": False,
        "geboortedatum": "01-01-1971",
    }
    assert taak_to_data(taak) == example


def test_v2_koppeling_with_value_key() -> None:
    data = {**V2_BETALING, "koppeling": {"registratie": "product", "value": "P-42"}}
    taak = taak_from_object(_as_object(data))
    assert taak.koppeling is not None
    assert taak.koppeling.registratie is KoppelingRegistratie.PRODUCT
    assert taak.koppeling.id == "P-42"
    assert taak.zaak_uuid is None
    assert taak_to_data(taak) == data


def test_v1_legacy_bsn_and_formulier_id() -> None:
    data = {
        "titel": "Upload loonstrook",
        "status": "open",
        "bsn": "999990111",
        "formulier_id": "upload-loonstrook",
        "verwerker_taak_id": "b7f0a6cb-0f57-4d6f-9d0e-4b8f3f0b9a01",
        "data": {},
        "verzonden_data": {},
    }
    taak = taak_from_object(_as_object(data))
    assert taak.variant == "portaaltaak-v1"
    assert taak.identificatie == TaakIdentificatie(type="bsn", value="999990111")
    assert taak.portaalformulier is not None
    assert taak.portaalformulier.formulier.soort is FormulierSoort.ID
    assert taak.portaalformulier.formulier.value == "upload-loonstrook"
    assert taak_to_data(taak) == data
    moved = taak.model_copy(
        update={"identificatie": TaakIdentificatie(type="kvk", value="69599084")}
    )
    written = taak_to_data(moved)
    assert written["kvk"] == "69599084"
    assert "bsn" not in written


def test_commonground_title_and_vervaldatum() -> None:
    data = {
        "title": "Verleng parkeervergunning",
        "status": "open",
        "vervaldatum": "2026-03-01",
        "zaak": None,
    }
    taak = taak_from_object(_as_object(data))
    assert taak.titel == "Verleng parkeervergunning"
    assert taak.verloopdatum == date(2026, 3, 1)
    assert days_left(taak, date(2026, 2, 27)) == 2
    assert taak_to_data(taak) == data


def test_new_taak_is_written_as_v2() -> None:
    taak = Taak(
        titel="Lever uw paspoortfoto aan",
        status=TaakStatus.OPEN,
        soort=TaakSoort.URL,
        url=TaakUrl(uri="https://gemeente.example/foto"),
        identificatie=TaakIdentificatie(type=IdentificatieType.BSN, value="999990111"),
        koppeling=TaakKoppeling(registratie=KoppelingRegistratie.ZAAK, uuid=str(UUID(int=7))),
        verloopdatum=datetime(2026, 12, 31, 12, 0, tzinfo=timezone.utc),
        eigenaar="portaal",
    )
    assert taak_to_data(taak) == {
        "titel": "Lever uw paspoortfoto aan",
        "status": "open",
        "soort": "url",
        "url": {"uri": "https://gemeente.example/foto"},
        "identificatie": {"type": "bsn", "value": "999990111"},
        "koppeling": {"registratie": "zaak", "uuid": str(UUID(int=7))},
        "verloopdatum": "2026-12-31T12:00:00Z",
        "eigenaar": "portaal",
    }


def test_unknown_status_is_kept_and_not_open() -> None:
    taak = taak_from_object(_as_object({**V2_BETALING, "status": "in_behandeling"}))
    assert taak.status == "in_behandeling"
    assert type(taak.status) is str
    assert not is_open(taak)
    assert taak_to_data(taak)["status"] == "in_behandeling"


def test_unknown_keys_in_taak_data_survive_a_write() -> None:
    data = {**V2_BETALING, "extraGemeenteVeld": {"x": 1}}
    taak = taak_from_object(_as_object(data))
    assert taak_to_data(taak.model_copy(update={"status": TaakStatus.AFGEROND})) == {
        **data,
        "status": "afgerond",
    }


def test_not_a_taak_raises_input_error() -> None:
    with pytest.raises(InputError, match="not a taak"):
        taak_from_object(_as_object({"naam": "Boom", "hoogte": 12}))
    with pytest.raises(InputError, match="malformed taak"):
        taak_from_object(_as_object({**V2_BETALING, "ogonebetaling": {"bedrag": "veel"}}))
