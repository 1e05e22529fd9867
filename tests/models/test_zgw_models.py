"""The Zaken, Catalogi, Documenten and Besluiten models against real Open Zaak 1.30 bodies.

Every 2xx JSON body recorded from Open Zaak (``../shared/samples/openzaak``) must parse with
the model its URL names and come back unchanged from ``model_to_wire``. On top of that: unknown
fields and enum values survive, and the typed attributes the SDK relies on are really typed.
"""

from __future__ import annotations

import copy
import datetime
import json
import re
from enum import Enum
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, TypeAdapter

from zgw_client import besluiten, catalogi, documenten, zaken
from zgw_client._durations import parse_duration
from zgw_client._models import ZGWModel, model_to_wire
from zgw_client.besluiten import Besluit, Vervalreden
from zgw_client.catalogi import (
    AuditTrail,
    IndicatieInternOfExtern,
    Statustype,
    Vertrouwelijkheidaanduiding,
    Zaaktype,
)
from zgw_client.documenten import BestandsDeel, EnkelvoudigInformatieObject, Lock
from zgw_client.zaken import (
    BETROKKENE_IDENTIFICATIE_MODELS,
    Betalingsindicatie,
    BetrokkeneType,
    MedewerkerIdentificatie,
    NatuurlijkPersoonIdentificatie,
    NietNatuurlijkPersoonIdentificatie,
    OrganisatorischeEenheidIdentificatie,
    Rol,
    RolOmschrijvingGeneriek,
    VestigingIdentificatie,
    Zaak,
    ZaakExpand,
)

#: ``shared/`` next to the repository (``../shared`` from its root).
SHARED_DIR = Path(__file__).parents[2].parent / "shared"
OPENZAAK_DIR = SHARED_DIR / "samples" / "openzaak"
SPECS_DIR = SHARED_DIR / "specs"
_MISSING = f"Open Zaak samples not found at {OPENZAAK_DIR} (../shared/samples)"


def load_exchange(name: str) -> dict[str, Any]:
    """Return one recorded exchange, or skip the test when the samples are not there."""
    if not OPENZAAK_DIR.is_dir():
        pytest.skip(_MISSING)
    path = OPENZAAK_DIR / name
    if not path.is_file():
        pytest.fail(f"sample {name} is missing from {OPENZAAK_DIR}")
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def exchange() -> Any:
    """``exchange(name)`` -> the recorded exchange; skips the test when samples are absent."""
    return load_exchange


RESOURCE_MODELS_BY_API: dict[str, dict[str, type[ZGWModel]]] = {
    "zaken": zaken.RESOURCE_MODELS,
    "catalogi": catalogi.RESOURCE_MODELS,
    "documenten": documenten.RESOURCE_MODELS,
    "besluiten": besluiten.RESOURCE_MODELS,
}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ACTIONS = {"_zoek"}  # path segments that act on the collection before them


def model_for_url(url: str) -> type[ZGWModel] | None:
    """The model for a ``/<api>/api/v1/...`` URL, or None for an API root / other API."""
    parts = [p for p in urlsplit(url).path.split("/") if p]
    if len(parts) < 3 or parts[1:3] != ["api", "v1"] or parts[0] not in RESOURCE_MODELS_BY_API:
        return None
    segments = [p for p in parts[3:] if not _UUID.match(p) and p not in _ACTIONS]
    if not segments:
        return None  # API root
    return RESOURCE_MODELS_BY_API[parts[0]][segments[-1]]


def items_of(body: Any) -> list[dict[str, Any]]:
    """The resources in a body: a page's results, a plain array's items, or the body itself."""
    if isinstance(body, list):
        return body
    if isinstance(body, dict) and {"count", "next", "previous", "results"} <= body.keys():
        results: list[dict[str, Any]] = body["results"]
        return results
    assert isinstance(body, dict)
    return [body]


def _resource_sample_names() -> list[str]:
    """All sample files whose response is a 2xx JSON body of a Zaken/Catalogi/DRC/BRC resource."""
    if not OPENZAAK_DIR.is_dir():
        return []
    names = []
    for path in sorted(OPENZAAK_DIR.glob("*.json")):
        data = load_exchange(path.name)
        response = data["response"]
        body = response["body"]
        if not 200 <= response["status"] < 300:
            continue
        if isinstance(body, dict) and "_note" in body:  # download, 204: no JSON body stored
            continue
        if model_for_url(data["request"]["url"]) is None:
            continue
        names.append(path.name)
    return names


RESOURCE_SAMPLES = _resource_sample_names()
_samples_present = pytest.mark.skipif(not OPENZAAK_DIR.is_dir(), reason=_MISSING)


def assert_same_json(actual: Any, expected: Any, path: str = "$") -> None:
    """Deep equality that accepts another spelling of the same date or datetime."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{path}: expected an object, got {actual!r}"
        assert actual.keys() == expected.keys(), (
            f"{path}: keys differ: missing {sorted(expected.keys() - actual.keys())}, "
            f"extra {sorted(actual.keys() - expected.keys())}"
        )
        for key in expected:
            assert_same_json(actual[key], expected[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list), f"{path}: expected an array, got {actual!r}"
        assert len(actual) == len(expected), f"{path}: length {len(actual)} != {len(expected)}"
        for index, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_same_json(a, e, f"{path}[{index}]")
    elif isinstance(expected, str) and isinstance(actual, str) and actual != expected:
        assert _same_instant(actual, expected), f"{path}: {actual!r} != {expected!r}"
    else:
        assert type(actual) is type(expected), f"{path}: {actual!r} != {expected!r}"
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def untyped_keys(model: BaseModel, path: str = "$") -> list[str]:
    """Paths of all keys that ended up in ``model_extra`` of ``model`` or a nested model."""
    found = [f"{path}.{key}" for key in model.model_extra or {}]
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for index, child in enumerate(children):
            if isinstance(child, BaseModel):
                found += untyped_keys(child, f"{path}.{name}[{index}]")
    return found


def _same_instant(a: str, b: str) -> bool:
    for parse in (datetime.datetime.fromisoformat, datetime.date.fromisoformat):
        try:
            return bool(parse(a) == parse(b))
        except ValueError:
            continue
    return False


# --------------------------------------------------------------------------- every sample


def test_samples_cover_every_api() -> None:
    """The sample selection is not empty and reaches every model module."""
    if not OPENZAAK_DIR.is_dir():
        pytest.skip(_MISSING)
    assert len(RESOURCE_SAMPLES) >= 50
    for name in (
        "zaken_zaak_detail_expand.json",
        "zaken_zaak_audittrail.json",
        "zaken_zaak_besluiten_list.json",
        "catalogi_zaaktypeinformatieobjecttype_detail.json",
        "documenten_oio_list_by_object.json",
        "write_eio_lock_200.json",
        "write_bestandsdeel_put_part1.json",
        "besluiten_besluit_list.json",
    ):
        assert name in RESOURCE_SAMPLES


@_samples_present
@pytest.mark.parametrize("name", RESOURCE_SAMPLES)
def test_sample_parses_and_round_trips(name: str) -> None:
    data = load_exchange(name)
    model = model_for_url(data["request"]["url"])
    assert model is not None
    for item in items_of(data["response"]["body"]):
        parsed = model.model_validate(item)
        assert type(parsed) is model
        wire = model_to_wire(parsed)
        assert_same_json(wire, item)
        assert model.model_validate(wire) == parsed
        # Nothing the spec knows may land in model_extra, at any depth (a typo'd field or alias).
        assert untyped_keys(parsed) == []


def test_model_for_url_picks_sub_collections() -> None:
    base = "http://h/zaken/api/v1/zaken/592fe2e5-602f-4254-89d7-0ec780cb0f14"
    assert model_for_url(base) is Zaak
    assert model_for_url(base + "/besluiten") is zaken.ZaakBesluit
    assert model_for_url(base + "/audittrail") is AuditTrail
    assert model_for_url("http://h/zaken/api/v1/zaken/_zoek") is Zaak
    assert model_for_url("http://h/besluiten/api/v1/besluiten") is Besluit
    assert model_for_url("http://h/catalogi/api/v1/zaaktype-informatieobjecttypen") is (
        catalogi.ZaaktypeInformatieobjecttype
    )
    assert model_for_url("http://h/zaken/api/v1/") is None


def _spec_path_segments() -> dict[str, set[str]]:
    prefixes = {
        "zaken": ("openzaak-1.30.0-zaken-", "zaken-"),
        "catalogi": ("openzaak-1.30.0-catalogi-", "catalogi-"),
        "documenten": ("openzaak-1.30.0-documenten-", "documenten-"),
        "besluiten": ("openzaak-1.30.0-besluiten-", "besluiten-"),
    }
    segments: dict[str, set[str]] = {api: set() for api in prefixes}
    for spec in SPECS_DIR.glob("*.yaml"):
        for api, starts in prefixes.items():
            if spec.name.startswith(starts):
                text = spec.read_text(encoding="utf-8")
                for path in re.findall(r"^  (/[^:\s]*):\s*$", text, flags=re.MULTILINE):
                    segments[api].update(p for p in path.split("/") if p and "{" not in p)
    return segments


def test_resource_model_keys_are_real_spec_paths() -> None:
    """Guard against a typo'd path segment: every key occurs in some spec's ``paths``."""
    if not SPECS_DIR.is_dir():
        pytest.skip(f"specs not found at {SPECS_DIR} (../shared/specs)")
    segments = _spec_path_segments()
    for api, models in RESOURCE_MODELS_BY_API.items():
        unknown = set(models) - segments[api]
        assert not unknown, f"{api}: {sorted(unknown)} not a path segment in any spec"


# --------------------------------------------------------------------------- permissiveness


def test_unknown_fields_are_kept_top_level_and_nested(exchange: Any) -> None:
    body = copy.deepcopy(exchange("zaken_zaak_detail_expand.json")["response"]["body"])
    body["nieuwVeld"] = 1
    body["_expand"]["status"]["_expand"]["statustype"]["nieuwVeld"] = {"a": [1, 2]}
    body["_expand"]["rollen"][0]["betrokkeneIdentificatie"]["nieuwVeld"] = "x"
    body["_expand"]["nieuweExpansie"] = [{"url": "http://h/x"}]

    zaak = Zaak.model_validate(body)

    assert zaak.model_extra == {"nieuwVeld": 1}
    assert zaak.expand is not None
    assert zaak.expand.model_extra == {"nieuweExpansie": [{"url": "http://h/x"}]}
    assert zaak.expand.status is not None
    assert zaak.expand.status.expand is not None
    statustype = zaak.expand.status.expand.statustype
    assert statustype is not None
    assert statustype.model_extra == {"nieuwVeld": {"a": [1, 2]}}
    assert zaak.expand.rollen is not None
    identificatie = zaak.expand.rollen[0].betrokkene_identificatie
    assert isinstance(identificatie, NatuurlijkPersoonIdentificatie)
    assert identificatie.model_extra == {"nieuwVeld": "x"}
    wire = zaak.to_wire()
    assert wire["nieuwVeld"] == 1
    assert wire["_expand"]["status"]["_expand"]["statustype"]["nieuwVeld"] == {"a": [1, 2]}
    assert_same_json(wire, body)


def test_field_missing_on_an_older_server_defaults_to_none() -> None:
    # Zaken 1.0 has no laatstGemuteerd, no zaakinformatieobjecten, no processobject, no _expand.
    zaak = Zaak.model_validate({"url": "http://h/zaken/api/v1/zaken/1", "startdatum": "2020-01-02"})
    assert zaak.laatst_gemuteerd is None
    assert zaak.zaakinformatieobjecten is None
    assert zaak.expand is None
    assert zaak.startdatum == datetime.date(2020, 1, 2)
    assert zaak.to_wire() == {"url": "http://h/zaken/api/v1/zaken/1", "startdatum": "2020-01-02"}


def test_url_is_required() -> None:
    with pytest.raises(ValueError, match="url"):
        Zaak.model_validate({"identificatie": "ZAAK-1"})


def test_known_enum_value_is_a_member_and_new_value_a_plain_string(exchange: Any) -> None:
    body = copy.deepcopy(exchange("zaken_zaak_detail.json")["response"]["body"])
    known = Zaak.model_validate(body)
    assert known.vertrouwelijkheidaanduiding is Vertrouwelijkheidaanduiding.openbaar
    assert isinstance(known.archiefstatus, Enum)

    body["vertrouwelijkheidaanduiding"] = "staatsgeheim"
    body["archiefstatus"] = "in_depot"
    new = Zaak.model_validate(body)
    assert new.vertrouwelijkheidaanduiding == "staatsgeheim"
    assert type(new.vertrouwelijkheidaanduiding) is str
    assert type(new.archiefstatus) is str
    assert new.to_wire()["vertrouwelijkheidaanduiding"] == "staatsgeheim"


def test_blank_enum_value_stays_a_blank_string(exchange: Any) -> None:
    zaak = Zaak.model_validate(exchange("zaken_zaak_detail.json")["response"]["body"])
    assert zaak.betalingsindicatie == ""
    assert not isinstance(zaak.betalingsindicatie, Betalingsindicatie)
    besluit = Besluit.model_validate(exchange("besluiten_besluit_detail.json")["response"]["body"])
    assert besluit.vervalreden == ""
    assert Besluit.model_validate(
        {"url": "http://h/b/1", "vervalreden": "tijdelijk"}
    ).vervalreden is (Vervalreden.tijdelijk)


def test_audittrail_bron_upper_case_is_kept_as_sent(exchange: Any) -> None:
    entries = exchange("zaken_zaak_audittrail.json")["response"]["body"]
    entry = AuditTrail.model_validate(entries[0])
    assert entry.bron == "ZRC"
    assert entry.wijzigingen is not None
    assert entry.wijzigingen.nieuw is not None
    assert entry.aanmaakdatum is not None
    assert entry.aanmaakdatum.tzinfo is not None


def test_vertrouwelijkheidaanduiding_niveau_orders_the_values() -> None:
    niveaus = [v.niveau for v in Vertrouwelijkheidaanduiding]
    assert niveaus == sorted(niveaus) == list(range(8))
    assert Vertrouwelijkheidaanduiding.openbaar.niveau < Vertrouwelijkheidaanduiding.geheim.niveau


# --------------------------------------------------------------------------- expand


def test_zaak_expand_is_typed_down_to_the_statustype(exchange: Any) -> None:
    zaak = Zaak.model_validate(exchange("zaken_zaak_detail_expand.json")["response"]["body"])

    assert zaak.expand is not None
    assert zaak.expand.status is not None
    assert zaak.expand.status.expand is not None
    statustype = zaak.expand.status.expand.statustype
    assert isinstance(statustype, Statustype)
    assert statustype.omschrijving == "In behandeling"
    assert statustype.statustekst == "Uw aanvraag is in behandeling"
    assert statustype.volgnummer == 2

    zaaktype = zaak.expand.zaaktype
    assert isinstance(zaaktype, Zaaktype)
    assert zaaktype.indicatie_intern_of_extern is IndicatieInternOfExtern.extern
    assert parse_duration(zaaktype.doorlooptijd) == datetime.timedelta(days=30)
    assert zaak.expand.zaakinformatieobjecten is not None
    assert zaak.expand.zaakinformatieobjecten[0].titel == "Aanvraagformulier"
    assert zaak.uiterlijke_einddatum_afdoening == datetime.date(2026, 12, 29)
    assert zaak.laatst_gemuteerd == datetime.datetime(
        2026, 11, 29, 1, 8, 17, 856478, tzinfo=datetime.timezone.utc
    )
    assert zaak.expand.status.datum_status_gezet is not None
    assert zaak.expand.status.datum_status_gezet.tzinfo is not None


def test_rol_identificatie_variant_for_natuurlijk_persoon(exchange: Any) -> None:
    zaak = Zaak.model_validate(exchange("zaken_zaak_detail_expand.json")["response"]["body"])
    assert zaak.expand is not None
    assert zaak.expand.rollen is not None
    rol = zaak.expand.rollen[0]
    assert rol.betrokkene_type is BetrokkeneType.natuurlijk_persoon
    assert rol.omschrijving_generiek is RolOmschrijvingGeneriek.initiator
    assert rol.betrokkene == ""  # Open Zaak's "no reference"
    identificatie = rol.betrokkene_identificatie
    assert isinstance(identificatie, NatuurlijkPersoonIdentificatie)
    assert identificatie.inp_bsn == "111222333"
    assert identificatie.geslachtsnaam == "Jansen"
    assert identificatie.inp_a_nummer == ""  # alias inpA_nummer, not inpANummer


def test_rol_detail_sample_and_write_response_are_typed(exchange: Any) -> None:
    rol = Rol.model_validate(exchange("zaken_rol_detail.json")["response"]["body"])
    assert isinstance(rol.betrokkene_identificatie, NatuurlijkPersoonIdentificatie)
    written = Rol.model_validate(exchange("write_rol_post_201.json")["response"]["body"])
    assert isinstance(written.betrokkene_identificatie, NatuurlijkPersoonIdentificatie)
    assert written.betrokkene_identificatie.inp_bsn == "999990111"


@pytest.mark.parametrize(
    ("betrokkene_type", "identificatie", "expected"),
    [
        ("natuurlijk_persoon", {"inpBsn": "999990111"}, NatuurlijkPersoonIdentificatie),
        ("niet_natuurlijk_persoon", {"innNnpId": "123", "kvkNummer": "1"}, None),
        ("vestiging", {"vestigingsNummer": "000012345678"}, VestigingIdentificatie),
        ("organisatorische_eenheid", {"identificatie": "OE1"}, None),
        ("medewerker", {"identificatie": "m1", "achternaam": "Vries"}, MedewerkerIdentificatie),
    ],
)
def test_rol_identificatie_variant_follows_betrokkene_type(
    betrokkene_type: str, identificatie: dict[str, Any], expected: type[BaseModel] | None
) -> None:
    expected = expected or BETROKKENE_IDENTIFICATIE_MODELS[betrokkene_type]
    rol = Rol.model_validate(
        {
            "url": "http://h/zaken/api/v1/rollen/1",
            "betrokkeneType": betrokkene_type,
            "betrokkeneIdentificatie": identificatie,
        }
    )
    assert type(rol.betrokkene_identificatie) is expected
    assert rol.to_wire()["betrokkeneIdentificatie"] == identificatie


def test_identificatie_models_map_every_betrokkene_type() -> None:
    assert set(BETROKKENE_IDENTIFICATIE_MODELS) == {t.value for t in BetrokkeneType}
    assert BETROKKENE_IDENTIFICATIE_MODELS["niet_natuurlijk_persoon"] is (
        NietNatuurlijkPersoonIdentificatie
    )
    assert BETROKKENE_IDENTIFICATIE_MODELS["organisatorische_eenheid"] is (
        OrganisatorischeEenheidIdentificatie
    )


def test_rol_with_unknown_betrokkene_type_keeps_the_raw_identificatie() -> None:
    raw = {"digitaalAdres": "a@b.nl", "inpBsn": "1"}
    rol = Rol.model_validate(
        {
            "url": "http://h/zaken/api/v1/rollen/1",
            "betrokkeneType": "digitaal_adres",
            "betrokkeneIdentificatie": raw,
        }
    )
    assert rol.betrokkene_type == "digitaal_adres"
    assert type(rol.betrokkene_type) is str
    assert rol.betrokkene_identificatie == raw
    assert type(rol.betrokkene_identificatie) is dict
    assert rol.to_wire()["betrokkeneIdentificatie"] == raw


def test_nested_expand_without_parent_gives_no_expand(exchange: Any) -> None:
    body = exchange("zaken_zaak_detail_expand_child_without_parent.json")["response"]["body"]
    assert "_expand" not in body
    zaak = Zaak.model_validate(body)
    assert zaak.expand is None
    assert "_expand" not in zaak.to_wire()


def test_plain_zaak_has_an_empty_expand(exchange: Any) -> None:
    zaak = Zaak.model_validate(exchange("zaken_zaak_detail.json")["response"]["body"])
    assert zaak.expand == ZaakExpand()
    assert zaak.to_wire()["_expand"] == {}


def test_empty_relations_are_left_out_of_expand(exchange: Any) -> None:
    body = exchange("zaken_zaak_detail_expand_empty_relations.json")["response"]["body"]
    zaak = Zaak.model_validate(body)
    assert zaak.expand is not None
    assert zaak.expand.rollen is not None
    assert len(zaak.expand.rollen) == 1
    assert zaak.expand.zaakinformatieobjecten is None
    assert zaak.expand.hoofdzaak is None
    assert zaak.expand.deelzaken is None


def test_expand_resultaat_with_resultaattype(exchange: Any) -> None:
    body = exchange("zaken_zaak_detail_expand_resultaat.json")["response"]["body"]
    zaak = Zaak.model_validate(body)
    assert zaak.expand is not None
    assert zaak.expand.resultaat is not None
    assert zaak.expand.resultaat.expand is not None
    resultaattype = zaak.expand.resultaat.expand.resultaattype
    assert resultaattype is not None
    assert resultaattype.archiefactietermijn == "P10Y"
    assert parse_duration(resultaattype.archiefactietermijn) == datetime.timedelta(days=3650)
    assert zaak.einddatum == datetime.date(2026, 11, 29)


def test_zaken_list_by_bsn_expand_types_each_item(exchange: Any) -> None:
    body = exchange("zaken_zaak_list_by_bsn_expand.json")["response"]["body"]
    zaken_ = [Zaak.model_validate(item) for item in body["results"]]
    assert len(zaken_) == 2
    for zaak in zaken_:
        assert zaak.expand is not None
        assert isinstance(zaak.expand.zaaktype, Zaaktype)
        assert zaak.expand.rollen
        bsns = {
            rol.betrokkene_identificatie.inp_bsn
            for rol in zaak.expand.rollen
            if isinstance(rol.betrokkene_identificatie, NatuurlijkPersoonIdentificatie)
        }
        assert "111222333" in bsns


def test_empty_object_in_a_single_expand_slot_means_not_embedded() -> None:
    # VNG Zaken 1.7 sends {} ("EmptyObject") where Open Zaak leaves the key out.
    expand = ZaakExpand.model_validate({"hoofdzaak": {}, "status": {}, "rollen": []})
    assert expand.hoofdzaak is None
    assert expand.status is None
    assert expand.rollen == []
    assert expand.to_wire() == {"rollen": []}


# --------------------------------------------------------------------------- documenten


def test_chunked_create_response_carries_lock_and_parts(exchange: Any) -> None:
    body = exchange("write_eio_chunked_create_201.json")["response"]["body"]
    eio = EnkelvoudigInformatieObject.model_validate(body)
    assert eio.locked is True
    assert eio.inhoud is None
    assert eio.lock
    assert eio.bestandsdelen
    deel = eio.bestandsdelen[0]
    assert isinstance(deel, BestandsDeel)
    assert (deel.volgnummer, deel.omvang, deel.voltooid, deel.lock) == (1, 93, False, eio.lock)
    assert eio.model_extra == {}


def test_document_inhoud_is_a_download_url_on_read(exchange: Any) -> None:
    body = exchange("write_eio_chunked_detail_after_unlock.json")["response"]["body"]
    eio = EnkelvoudigInformatieObject.model_validate(body)
    assert eio.inhoud is not None
    assert eio.inhoud.endswith("/download?versie=1")
    assert eio.bestandsdelen == []
    assert eio.begin_registratie is not None
    assert eio.begin_registratie.tzinfo is not None
    assert eio.vertrouwelijkheidaanduiding is Vertrouwelijkheidaanduiding.openbaar


def test_lock_response(exchange: Any) -> None:
    lock = Lock.model_validate(exchange("write_eio_lock_200.json")["response"]["body"])
    assert lock.lock == "b5e158fc04044b558f6693672cf78efd"


# --------------------------------------------------------------------------- parse_duration

_ISO_PARTS = ("Y", "M", "W", "D", "H", "m", "S")
_SECONDS = {"Y": 365 * 86400, "M": 30 * 86400, "W": 7 * 86400, "D": 86400}
_SECONDS.update({"H": 3600, "m": 60, "S": 1})


def _format(parts: dict[str, int]) -> str:
    date = "".join(f"{parts[k]}{k}" for k in ("Y", "M", "W", "D") if k in parts)
    time = "".join(f"{parts[k]}{k.upper()}" for k in ("H", "m", "S") if k in parts)
    return "P" + date + ("T" + time if time else "")


@given(
    st.dictionaries(
        st.sampled_from(_ISO_PARTS), st.integers(min_value=0, max_value=5000), min_size=1
    )
)
def test_parse_duration_sums_the_parts(parts: dict[str, int]) -> None:
    expected = datetime.timedelta(seconds=sum(_SECONDS[k] * v for k, v in parts.items()))
    text = _format(parts)
    assert parse_duration(text) == expected
    assert parse_duration("-" + text) == -expected
    assert parse_duration("+" + text) == expected


@given(
    weeks=st.integers(0, 500),
    days=st.integers(0, 500),
    hours=st.integers(0, 100),
    minutes=st.integers(0, 100),
    micros=st.integers(0, 10**8),
)
def test_parse_duration_is_exact_for_weeks_days_and_time(
    weeks: int, days: int, hours: int, minutes: int, micros: int
) -> None:
    seconds = f"{micros // 10**6}.{micros % 10**6:06d}"
    text = f"P{weeks}W{days}DT{hours}H{minutes}M{seconds}S"
    assert parse_duration(text) == datetime.timedelta(
        weeks=weeks, days=days, hours=hours, minutes=minutes, microseconds=micros
    )


_timedelta_iso = TypeAdapter(datetime.timedelta)


_MILLION_DAYS = datetime.timedelta(days=10**6)


@given(st.timedeltas(min_value=-_MILLION_DAYS, max_value=_MILLION_DAYS))
def test_parse_duration_reads_what_pydantic_writes(delta: datetime.timedelta) -> None:
    # pydantic also counts a year as 365 days, so its ISO output must read back exactly.
    text = _timedelta_iso.dump_python(delta, mode="json")
    assert isinstance(text, str)
    assert parse_duration(text) == delta


@given(st.text().filter(lambda s: "P" not in s and s.strip()))
def test_parse_duration_refuses_text_without_p(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    "text", ["P", "PT", "30D", "P1H", "PT1D", "P1.2.3D", "P1DT", "P-1D", "P1D2", "1Y"]
)
def test_parse_duration_refuses_malformed(text: str) -> None:
    with pytest.raises(ValueError, match="duration"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (None, None),
        ("", None),
        ("P30D", datetime.timedelta(days=30)),
        ("P1Y", datetime.timedelta(days=365)),
        ("P1M", datetime.timedelta(days=30)),
        ("P2W", datetime.timedelta(days=14)),
        ("PT36H", datetime.timedelta(hours=36)),
        ("P0,5D", datetime.timedelta(hours=12)),
        ("PT0.000001S", datetime.timedelta(microseconds=1)),
        ("P1Y2M3W4DT5H6M7.5S", datetime.timedelta(days=365 + 60 + 21 + 4, seconds=18367.5)),
    ],
)
def test_parse_duration_examples(text: str | None, expected: datetime.timedelta | None) -> None:
    assert parse_duration(text) == expected
