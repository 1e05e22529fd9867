"""Every operation of the five Dienstverleningsplatform specs is sent by the SDK once, to
the in-memory backend, and every exchange is checked against its spec (the autouse contract
recorder of tests/conftest.py). The test fails when a spec operation is not exercised, so a
resource method that is missing, or one that sends elsewhere, shows up here.

Not offered by the SDK, and so left out: Open Product's ``bestanden`` (multipart uploads)
and the ``vertaling`` endpoints.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import httpx
import pytest
import yaml

from tests.conftest import SPECS
from tests.support.platform import BSN, PARTY, SCHEMA, betaaltaak, formuliertaak, urltaak
from zgw_client.testing import InMemoryBackend, client_for

SPEC_FILES = {
    "berichten": "open-vtb-0.1.0-berichten.yaml",
    "taken": "open-vtb-0.1.0-taken.yaml",
    "verzoeken": "open-vtb-0.1.0-verzoeken.yaml",
    "producten": "open-product-1.8.0-producten.yaml",
    "producttypen": "open-product-1.8.0-producttypen.yaml",
}
NOT_OFFERED = re.compile(r"^/(bestanden|.*/vertaling/)")
METHODS = ("get", "post", "put", "patch", "delete")


def spec_operations() -> dict[tuple[str, str, str], re.Pattern[str]]:
    """(api, METHOD, path template) -> a pattern for the request paths below the root."""
    found = {}
    for api, name in SPEC_FILES.items():
        spec = yaml.safe_load((SPECS / name).read_text(encoding="utf-8"))
        for template, operations in spec["paths"].items():
            if NOT_OFFERED.match(template):
                continue
            pattern = re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", template) + "/?$")
            for method in operations:
                if method in METHODS:
                    found[(api, method.upper(), template)] = pattern
    return found


def exercise(client: Any, backend: InMemoryBackend) -> None:
    """One call of each operation, through the SDK's public methods."""
    today = dt.date.today().isoformat()
    # Berichten: list, create, read, PATCH geopendOp
    berichten = client.berichten.berichten
    bericht = berichten.create(
        {
            "onderwerp": "x",
            "berichtTekst": "y",
            "ontvanger": PARTY,
            "mijnOverheidBerichtenbox": False,
        }
    )
    berichten.get(bericht)
    berichten.unread(bsn=BSN)
    berichten.mark_opened(bericht.url)

    # Taken: CRUD on each of the four endpoints
    for endpoint, body in (
        (client.taken.betaaltaken, betaaltaak()),
        (client.taken.urltaken, urltaak()),
        (client.taken.formuliertaken, formuliertaak()),
        (client.taken.externetaken, {**urltaak(), "taakSoort": "urltaak"}),
    ):
        taak = endpoint.create(body)
        endpoint.list().to_list()
        endpoint.get(taak.uuid)
        endpoint.update(taak, taak)
        endpoint.partial_update(taak.url, {"toelichting": "z"})
        endpoint.delete(taak)
    pay = client.taken.betaaltaken.create(betaaltaak())
    client.taken.complete(
        pay, bedrag="74.90", transactieomschrijving=pay.details.transactieomschrijving
    )

    # Verzoeken: verzoektypen, versions, verzoeken
    api = client.verzoeken
    typ = api.verzoektypen.create({"naam": "x"})
    api.verzoektypen.list().to_list()
    api.verzoektypen.get(typ.uuid)
    typ = api.verzoektypen.update(typ, typ)
    api.verzoektypen.partial_update(typ, {"omschrijving": "o"})
    versie = api.versies.create({"aanvraagGegevensSchema": SCHEMA}, verzoektype=typ)
    api.versies.list(typ).to_list()
    api.versies.get(typ, versie=1)
    versie = api.versies.update(versie, versie)
    api.versies.publish(versie)
    draft = api.versies.create({"aanvraagGegevensSchema": SCHEMA}, verzoektype=typ)
    api.versies.delete(draft)
    verzoek = api.verzoeken.register(typ, {"omschrijving": "o"}, bsn=BSN)
    api.verzoeken.list().to_list()
    api.verzoeken.get(verzoek.uuid)
    verzoek = api.verzoeken.update(verzoek, verzoek)
    api.verzoeken.partial_update(verzoek, {"kanaal": "web"})
    api.verzoeken.delete(verzoek)
    api.verzoektypen.delete(typ)

    # Producttypen: every collection, then the read-only endpoints
    pt = client.producttypen
    thema = pt.themas.create({"naam": "t", "hoofd_thema": None, "producttype_uuids": []})
    producttype = pt.producttypen.create(
        {
            "uniforme_product_naam": "parkeervergunning",
            "doelgroep": "burgers",
            "thema_uuids": [str(thema.uuid)],
            "naam": "p",
            "samenvatting": "s",
            "code": "P-1",
            "publicatie_start_datum": today,
            "toegestane_statussen": ["actief", "verlopen"],
        }
    )
    backend.add("producttypen", "contentlabels", {"naam": "kosten"})
    bodies: dict[str, dict[str, Any]] = {
        "locaties": {"naam": "l"},
        "organisaties": {"naam": "o", "code": "O"},
        "contacten": {"naam": "c"},
        "links": {"producttype_uuid": str(producttype.uuid), "naam": "l", "url": "https://x.nl"},
        "acties": {
            "producttype_uuid": str(producttype.uuid),
            "naam": "a",
            "direct_url": "https://x.nl/a",
        },
        "prijzen": {
            "producttype_uuid": str(producttype.uuid),
            "actief_vanaf": today,
            "prijsopties": [{"bedrag": "5", "beschrijving": "b"}],
        },
        "content": {
            "producttype_uuid": str(producttype.uuid),
            "content": "c",
            "labels": ["kosten"],
        },
    }
    for name, body in bodies.items():
        resource = getattr(pt, name)
        item = resource.create(body)
        resource.list().to_list()
        resource.get(item)
        item = resource.update(item.uuid, body)
        resource.partial_update(item, {})
        if name == "content":
            content = item  # read below through the producttype, then deleted
        else:
            resource.delete(item)
    pt.contentlabels.list().to_list()
    assert pt.producttypen.content(producttype, labels=["kosten"]).to_list()
    pt.content.delete(content)
    pt.themas.content_elementen(thema).to_list()
    pt.producttypen.actuele_prijs(producttype)
    pt.producttypen.actuele_prijzen()
    schema = pt.schemas.create({"naam": "s", "schema": {"type": "object"}})
    pt.schemas.list().to_list()
    pt.schemas.get(1)
    pt.schemas.update(1, schema)
    pt.schemas.partial_update(1, {"naam": "t"})
    pt.schemas.delete(1)

    # Producten, then the producttype and thema themselves
    producten = client.producten.producten
    product = producten.create(
        {
            "producttype_uuid": str(producttype.uuid),
            "eigenaren": [{"bsn": BSN}],
            "status": "actief",
            "aanvraag_zaak_url": (
                "https://openzaak.example.nl/zaken/api/v1/zaken/5551a7c5-4e92-43e6-8d23-80359b7e22b7"
            ),
        }
    )
    producten.current_of(bsn=BSN)
    producten.get(product)
    product = producten.update(product, product)
    producten.partial_update(product, {"naam": "n"})
    producten.delete(product)
    pt.producttypen.list().to_list()
    pt.producttypen.get(producttype)
    producttype = pt.producttypen.update(producttype, producttype)
    pt.producttypen.partial_update(producttype, {"keywords": ["k"]})
    pt.themas.list().to_list()
    pt.themas.get(thema)
    thema = pt.themas.update(thema, thema)
    pt.themas.partial_update(thema, {"beschrijving": "b"})
    pt.producttypen.delete(producttype)
    pt.themas.delete(thema)


def test_every_operation_of_the_platform_specs_is_sent_and_valid(
    contract_check: Any,
) -> None:
    if contract_check is None:
        pytest.skip("contract checks are off (no specs folder, or ZGW_CONTRACT=0)")
    backend = InMemoryBackend()
    with client_for(backend) as client:
        exercise(client, backend)
    operations = spec_operations()
    sent: set[tuple[str, str, str]] = set()
    for request, response in contract_check.exchanges:
        assert response.status_code < 400, (
            f"{request.method} {request.url} -> {response.status_code}"
        )
        for api, root in backend.api_roots.items():
            if str(request.url).startswith(root) and api in SPEC_FILES:
                path = "/" + httpx.URL(str(request.url)).path[len(httpx.URL(root).path) :]
                sent |= {
                    key
                    for key, pattern in operations.items()
                    if key[0] == api and key[1] == request.method and pattern.match(path)
                }
    missing = sorted(set(operations) - sent)
    assert not missing, "spec operations the SDK never sent:\n" + "\n".join(map(str, missing))
