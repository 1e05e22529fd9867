"""The Open VTB and Open Product models against their OpenAPI files.

For every component schema of the five specs: a body generated from the schema (every
property, and only the required ones) parses with the model mapped to it and comes back
unchanged from ``to_wire()``; every example in the specs parses; every schema is either
mapped to a model or listed here with the reason it has none. Unknown fields and enum
values survive. The specs live in ``../shared/specs``; without them these tests skip.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
import yaml
from pydantic import BaseModel

from tests.conftest import SPECS
from zgw_client import berichten, producten, producttypen, taken, verzoeken
from zgw_client._models import ZGWModel

_MISSING = f"OpenAPI specs not found at {SPECS} (../shared/specs): spec-based model tests skip"

B, T, V, P, PT = berichten, taken, verzoeken, producten, producttypen

#: spec file -> component schema -> the model that parses it.
MODELS: dict[str, dict[str, type[ZGWModel]]] = {
    "open-vtb-0.1.0-berichten.yaml": {
        "Bericht": B.Bericht,
        "Bijlage": B.BerichtBijlage,
        "IsGerelateerdAan": B.IsGerelateerdAan,
    },
    "open-vtb-0.1.0-taken.yaml": {
        "Base_ExterneTaakPolymorphicSerializer": T.ExterneTaak,
        "betaaltaak_ExterneTaakPolymorphicSerializer": T.ExterneTaak,
        "urltaak_ExterneTaakPolymorphicSerializer": T.ExterneTaak,
        "formuliertaak_ExterneTaakPolymorphicSerializer": T.ExterneTaak,
        "BetaalTaak": T.BetaalTaakDetails,
        "URLTaak": T.URLTaakDetails,
        "FormulierTaak": T.FormulierTaakDetails,
        "Doelrekening": T.Doelrekening,
        "IsGerelateerdAan": T.IsGerelateerdAan,
        **{
            f"{kind}Taak{op}": model
            for kind, model in (
                ("Betaal", T.BetaalTaak),
                ("URL", T.URLTaak),
                ("Formulier", T.FormulierTaak),
            )
            for op in (
                "CreateRequest",
                "CreateResponse",
                "ListResponse",
                "PartialUpdateResponse",
                "RetrieveResponse",
                "UpdateRequest",
                "UpdateResponse",
            )
        },
    },
    "open-vtb-0.1.0-verzoeken.yaml": {
        "Verzoek": V.Verzoek,
        "VerzoekType": V.VerzoekType,
        "VerzoekTypeVersion": V.VerzoekTypeVersie,
        "VerzoekTypeVersionReadOnly": V.VerzoekTypeVersieSummary,
        "Bijlage": V.VerzoekBijlage,
        "BijlageType": V.BijlageType,
        "VerzoekBron": V.VerzoekBron,
        "VerzoekBetaling": V.VerzoekBetaling,
        "IsGerelateerdAan": V.IsGerelateerdAan,
    },
    "open-product-1.8.0-producten.yaml": {
        "Product": P.Product,
        "ProductRequest": P.Product,
        "Eigenaar": P.Eigenaar,
        "EigenaarRequest": P.Eigenaar,
        "NestedProductType": P.NestedProductType,
        "NestedProductTypeRequest": P.NestedProductType,
        "NestedThema": PT.NestedThema,
        "NestedThemaRequest": PT.NestedThema,
        "NestedDocument": P.UrnUrlReference,
        "NestedDocumentRequest": P.UrnUrlReference,
        "NestedZaak": P.UrnUrlReference,
        "NestedZaakRequest": P.UrnUrlReference,
        "NestedTaak": P.UrnUrlReference,
        "NestedTaakRequest": P.UrnUrlReference,
    },
    "open-product-1.8.0-producttypen.yaml": {
        "ProductType": PT.ProductType,
        "ProductTypeRequest": PT.ProductType,
        "ProductTypeActuelePrijs": PT.ProductTypeActuelePrijs,
        "ProductTypeTranslation": PT.ProductTypeTranslation,
        "ProductTypeTranslationRequest": PT.ProductTypeTranslation,
        "Thema": PT.Thema,
        "ThemaRequest": PT.Thema,
        "NestedThema": PT.NestedThema,
        "NestedThemaRequest": PT.NestedThema,
        "NestedProductType": PT.NestedProductType,
        "NestedProductTypeRequest": PT.NestedProductType,
        "Locatie": PT.Locatie,
        "LocatieRequest": PT.Locatie,
        "Organisatie": PT.Organisatie,
        "OrganisatieRequest": PT.Organisatie,
        "Contact": PT.Contact,
        "ContactRequest": PT.Contact,
        "Prijs": PT.Prijs,
        "PrijsRequest": PT.Prijs,
        "NestedPrijs": PT.NestedPrijs,
        "NestedPrijsRequest": PT.NestedPrijs,
        "PrijsOptie": PT.PrijsOptie,
        "PrijsOptieRequest": PT.PrijsOptie,
        "PrijsRegel": PT.PrijsRegel,
        "PrijsRegelRequest": PT.PrijsRegel,
        "Link": PT.Link,
        "LinkRequest": PT.Link,
        "NestedLink": PT.NestedLink,
        "NestedLinkRequest": PT.NestedLink,
        "Actie": PT.Actie,
        "ActieRequest": PT.Actie,
        "NestedActie": PT.NestedActie,
        "NestedActieRequest": PT.NestedActie,
        "Bestand": PT.Bestand,
        "NestedBestand": PT.NestedBestand,
        "ContentElement": PT.ContentElement,
        "ContentElementRequest": PT.ContentElement,
        "NestedContentElement": PT.NestedContentElement,
        "ContentElementTranslation": PT.ContentElementTranslation,
        "ContentElementTranslationRequest": PT.ContentElementTranslation,
        "ContentLabel": PT.ContentLabel,
        "JsonSchema": PT.JsonSchema,
        "JsonSchemaRequest": PT.JsonSchema,
        "NestedExterneCode": PT.NestedExterneCode,
        "NestedExterneCodeRequest": PT.NestedExterneCode,
        "NestedParameter": PT.NestedParameter,
        "NestedParameterRequest": PT.NestedParameter,
        "NestedZaakType": PT.UrnUrlReference,
        "NestedZaakTypeRequest": PT.UrnUrlReference,
        "NestedVerzoekType": PT.UrnUrlReference,
        "NestedVerzoekTypeRequest": PT.UrnUrlReference,
        "NestedProces": PT.UrnUrlReference,
        "NestedProcesRequest": PT.UrnUrlReference,
    },
}

#: Schemas with no model of their own, and why.
WITHOUT_MODEL = {
    "PatchedBerichtGeopendOp": "a PATCH body: {'geopendOp': ...}",
    "ExterneTaakPolymorphic": "the oneOf of the three *_ExterneTaakPolymorphicSerializer",
    "PatchedExterneTaakPolymorphic": "the same oneOf, for PATCH",
    "details_BetaalTaak": "an allOf part ({details}) of a polymorphic variant",
    "details_URLTaak": "an allOf part of a polymorphic variant",
    "details_FormulierTaak": "an allOf part of a polymorphic variant",
    "GeoJSONGeometry": "geometrie is kept as a dict",
    "Geometry": "part of GeoJSON",
    "Point": "part of GeoJSON",
    "Point2D": "part of GeoJSON",
    "MultiPoint": "part of GeoJSON",
    "LineString": "part of GeoJSON",
    "MultiLineString": "part of GeoJSON",
    "Polygon": "part of GeoJSON",
    "MultiPolygon": "part of GeoJSON",
    "GeometryCollection": "part of GeoJSON",
    "Error": "an error body (the real server sends problem bodies instead)",
    "DetailError": "an error body",
    "BestandRequest": "a multipart upload",
    "NestedBestandRequest": "a multipart upload",
}


def _is_enum_or_page(name: str, schema: dict[str, Any]) -> bool:
    return "enum" in schema or name.startswith(("Paginated", "Patched"))


def load_spec(filename: str) -> dict[str, Any]:
    """The parsed spec (a deep copy: tests may not change the cached one)."""
    if not SPECS.is_dir():
        pytest.skip(_MISSING)
    return copy.deepcopy(_parsed(filename))


@functools.cache
def _parsed(filename: str) -> dict[str, Any]:
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data: dict[str, Any] = yaml.load((SPECS / filename).read_text(encoding="utf-8"), loader)
    return data


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        node: Any = spec
        for part in schema["$ref"][2:].split("/"):
            node = node[part]
        schema = node
    return schema


def flatten(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` merged into one object schema (properties and required)."""
    schema = resolve(spec, schema)
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = dict(merged.get("properties", {}))
    required: list[str] = list(merged.get("required", []))
    for part in schema["allOf"]:
        flat = flatten(spec, part)
        properties.update(flat.get("properties", {}))
        required += flat.get("required", [])
        for key in ("type", "enum", "format", "items", "oneOf"):
            if key in flat:
                merged.setdefault(key, flat[key])
    if properties:
        merged["properties"] = properties
    merged["required"] = required
    return merged


_VALUES = {
    "date": "2026-03-01",
    "date-time": "2026-03-01T10:30:00Z",
    "uuid": "6f3a2c1e-9b8d-4e7f-a6b5-c4d3e2f1a0b9",
    "uri": "https://example.test/api/v1/things/6f3a2c1e-9b8d-4e7f-a6b5-c4d3e2f1a0b9",
    "urn": "urn:nld:brp:bsn:999993653",
    "email": "anne@example.test",
    "decimal": "74.90",
}


def generate(spec: dict[str, Any], schema: dict[str, Any], *, full: bool, depth: int = 0) -> Any:
    """A body valid for ``schema``: every property (``full``) or only the required ones."""
    schema = flatten(spec, schema)
    if "oneOf" in schema:
        return generate(spec, schema["oneOf"][0], full=full, depth=depth)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        properties = schema.get("properties", {})
        wanted = properties if full else {k: properties[k] for k in schema.get("required", [])}
        if not properties:
            return {"sleutel": "waarde"}
        return {
            # betaaltaak ``bedrag`` is a plain string in the OpenAPI file; the server checks
            # it as a decimal (its JSON schema has ``format: decimal``)
            name: "74.90" if name == "bedrag" else generate(spec, sub, full=full, depth=depth + 1)
            for name, sub in wanted.items()
            if not sub.get("writeOnly")
        }
    if kind == "array":
        return [generate(spec, schema.get("items", {}), full=full, depth=depth + 1)]
    if kind == "integer":
        return 1
    if kind == "number":
        return 1.5
    if kind == "boolean":
        return True
    if "example" in schema:
        return schema["example"]
    fmt = schema.get("format")
    if fmt in _VALUES:
        return _VALUES[fmt]
    text = "tekst"
    return (
        text[: schema.get("maxLength", len(text))]
        if schema.get("minLength", 0) <= 5
        else ("x" * schema["minLength"])
    )


def body_for(spec: dict[str, Any], name: str, *, full: bool) -> dict[str, Any]:
    body: dict[str, Any] = generate(spec, spec["components"]["schemas"][name], full=full)
    if name.endswith("_ExterneTaakPolymorphicSerializer") and not name.startswith("Base"):
        body["taakSoort"] = name.split("_", 1)[0]  # the discriminator of this variant
    if name.startswith("Base_"):
        # the base of the variants: a kind this SDK does not know keeps its details as a dict
        body["taakSoort"] = "afspraaktaak"
        body["details"] = {"onbekend": True}
    for kind in ("Betaal", "URL", "Formulier"):
        if name.startswith(f"{kind}Taak") and "taakSoort" in body:
            body["taakSoort"] = f"{kind.lower()}taak"  # what that endpoint sends
    return body


def cases() -> Iterator[Any]:
    for filename, models in MODELS.items():
        for name, model in models.items():
            for full in (True, False):
                yield pytest.param(
                    filename, name, model, full, id=f"{filename}:{name}:{'all' if full else 'req'}"
                )


def assert_same(actual: Any, expected: Any, path: str = "$") -> None:
    if isinstance(expected, dict):
        assert isinstance(actual, dict), path
        assert actual.keys() == expected.keys(), f"{path}: {actual.keys()} != {expected.keys()}"
        for key in expected:
            assert_same(actual[key], expected[key], f"{path}.{key}")
    elif isinstance(expected, list):
        assert len(actual) == len(expected), path
        for i, (a, e) in enumerate(zip(actual, expected, strict=True)):
            assert_same(a, e, f"{path}[{i}]")
    elif isinstance(expected, float):
        assert float(actual) == expected, path
    else:
        assert actual == expected, f"{path}: {actual!r} != {expected!r}"


def known_fields_in_extra(model: BaseModel) -> list[str]:
    """Keys the model has a field for but kept as extra (a typo'd alias), at any depth."""
    found = []
    aliases = {f.alias or n for n, f in type(model).model_fields.items()} | set(
        type(model).model_fields
    )
    found += [k for k in (model.model_extra or {}) if k in aliases]
    for name in type(model).model_fields:
        value = getattr(model, name)
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, BaseModel):
                found += known_fields_in_extra(child)
    return found


@pytest.mark.parametrize(("filename", "name", "model", "full"), list(cases()))
def test_generated_body_parses_and_round_trips(
    filename: str, name: str, model: type[ZGWModel], full: bool
) -> None:
    spec = load_spec(filename)
    body = body_for(spec, name, full=full)
    parsed = model.model_validate(copy.deepcopy(body))
    assert not known_fields_in_extra(parsed)
    if full and name in spec["components"]["schemas"]:
        properties = flatten(spec, spec["components"]["schemas"][name]).get("properties", {})
        unknown = set(parsed.model_extra or {}) & set(properties)
        assert not unknown, f"spec fields not modelled: {sorted(unknown)}"
    assert_same(parsed.to_wire(), body)


def test_every_schema_has_a_model_or_a_reason() -> None:
    for filename, models in MODELS.items():
        spec = load_spec(filename)
        for name, schema in spec["components"]["schemas"].items():
            if _is_enum_or_page(name, schema) or name in WITHOUT_MODEL:
                continue
            assert name in models, f"{filename}: schema {name} has no model"


def _examples(spec: dict[str, Any]) -> Iterator[tuple[str, str, Any]]:
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            if not isinstance(operation, dict):
                continue
            contents = [(s, r.get("content", {})) for s, r in operation["responses"].items()]
            contents.append(("request", operation.get("requestBody", {}).get("content", {})))
            for status, content in contents:
                for media in content.values():
                    for example in (media.get("examples") or {}).values():
                        yield f"{method.upper()} {path} {status}", path, example["value"]


def _model_for(filename: str, path: str) -> type[ZGWModel]:
    package = {
        "open-vtb-0.1.0-berichten.yaml": B,
        "open-vtb-0.1.0-taken.yaml": T,
        "open-vtb-0.1.0-verzoeken.yaml": V,
        "open-product-1.8.0-producten.yaml": P,
        "open-product-1.8.0-producttypen.yaml": PT,
    }[filename]
    segments = [s for s in path.strip("/").split("/") if not s.startswith("{")]
    if segments[-1] == "vertaling":
        return (
            PT.ContentElementTranslation
            if segments[0] == "content"
            else (PT.ProductTypeTranslation)
        )
    model: type[ZGWModel] = package.RESOURCE_MODELS[segments[-1]]
    return model


@pytest.mark.parametrize("filename", list(MODELS))
def test_every_example_in_the_spec_parses(filename: str) -> None:
    spec = load_spec(filename)
    seen = 0
    for where, path, value in _examples(spec):
        status = where.split()[-1]
        if status != "request" and not 200 <= int(status) < 300:
            continue  # error bodies
        if not isinstance(value, dict) or "veld_a" in value:
            continue
        model = _model_for(filename, path)
        items = value["results"] if {"count", "results"} <= value.keys() else [value]
        for item in items:
            model.model_validate(item)
            seen += 1
    if filename.startswith("open-product"):
        assert seen > 0, "Open Product's specs carry examples; none were found"


def test_examples_give_typed_values() -> None:
    spec = load_spec("open-product-1.8.0-producten.yaml")
    example = next(v for where, _, v in _examples(spec) if where == "GET /producten/{uuid} 200")
    product = P.Product.model_validate(example)
    assert product.prijs == Decimal("20.20")
    assert product.status == P.ProductStatus.GEREED
    assert product.eigenaren[0].bsn == "111222333"
    assert product.producttype is not None
    assert product.producttype.themas


def test_unknown_fields_and_enum_values_are_kept() -> None:
    taak = T.ExterneTaak.model_validate(
        {
            "titel": "Nieuw soort",
            "einddatumHandelingsTermijn": "2026-03-01",
            "status": "in_beoordeling",
            "taakSoort": "afspraaktaak",
            "details": {"locatie": "Stadhuis"},
            "prioriteit": "hoog",
        }
    )
    assert taak.status == "in_beoordeling"
    assert not isinstance(taak.status, T.TaakStatus)
    assert taak.details == {"locatie": "Stadhuis"}
    assert taak.to_wire()["prioriteit"] == "hoog"
    product = P.Product.model_validate(
        {"eigenaren": [{"bsn": "111222333", "nieuw": 1}], "status": "geschorst", "extra": []}
    )
    assert product.status == "geschorst"
    assert product.to_wire() == {
        "eigenaren": [{"bsn": "111222333", "nieuw": 1}],
        "status": "geschorst",
        "extra": [],
    }


def test_known_enum_values_become_members() -> None:
    taak = T.ExterneTaak.model_validate(
        {
            "titel": "Betaal",
            "einddatumHandelingsTermijn": "2026-03-01",
            "status": "open",
            "taakSoort": "betaaltaak",
            "details": {
                "bedrag": "74.90",
                "transactieomschrijving": "NH-1",
                "doelrekening": {"iban": "NL79INGB0000005678"},
            },
        }
    )
    assert taak.status is T.TaakStatus.OPEN
    assert taak.taak_soort is T.TaakSoort.BETAALTAAK
    assert isinstance(taak.details, T.BetaalTaakDetails)
    assert taak.details.bedrag == Decimal("74.90")
    assert taak.is_open


def test_bericht_helpers() -> None:
    bericht = B.Bericht.model_validate(
        {
            "onderwerp": "Uw parkeerbon",
            "berichtTekst": "...",
            "ontvanger": "urn:nld:brp:bsn:999993653",
            "mijnOverheidBerichtenbox": True,
            "geopendOp": None,
            "isGerelateerdAan": [
                {"urn": "urn:nld:denhaag:zaak:zaaknummer:ZAAK-2026-0000000001"},
                {"urn": "urn:nld:denhaag:product:uuid:6f3a2c1e-9b8d-4e7f-a6b5-c4d3e2f1a0b9"},
            ],
        }
    )
    assert not bericht.is_opened
    assert bericht.zaak_identificaties == ["ZAAK-2026-0000000001"]
    links = bericht.is_gerelateerd_aan or []
    assert links[1].product is not None
    assert links[1].zaak is None


def test_product_validity() -> None:
    import datetime as dt

    product = P.Product.model_validate(
        {"eigenaren": [], "start_datum": "2026-01-01", "eind_datum": "2027-01-01"}
    )
    assert product.is_valid_on(dt.date(2026, 6, 1))
    assert not product.is_valid_on(dt.date(2027, 1, 1))
    assert not product.is_valid_on(dt.date(2025, 12, 31))


def test_resource_model_keys_are_spec_paths() -> None:
    for filename, package in (
        ("open-vtb-0.1.0-berichten.yaml", B),
        ("open-vtb-0.1.0-taken.yaml", T),
        ("open-vtb-0.1.0-verzoeken.yaml", V),
        ("open-product-1.8.0-producten.yaml", P),
        ("open-product-1.8.0-producttypen.yaml", PT),
    ):
        spec = load_spec(filename)
        segments = {s for path in spec["paths"] for s in path.strip("/").split("/")}
        unknown = set(package.RESOURCE_MODELS) - segments
        assert not unknown, f"{filename}: {sorted(unknown)}"
