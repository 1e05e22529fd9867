"""The fakes of Open VTB and Open Product answer what the real servers answered.

``samples/platform_exchanges.json`` holds exchanges recorded from Open VTB 0.1.0 and Open
Product 1.8.0 where the in-memory backend used to differ (found by tests/live/test_platform.py
against the real servers): each request is sent to the fake, seeded like the real server was,
and the status and problem (or the body's shape) must be the same. Placeholders in the
samples (``{producttype}``, ``{today}``...) stand for the seeded objects and the day.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend

SAMPLES = json.loads(
    (Path(__file__).parent / "samples" / "platform_exchanges.json").read_text(encoding="utf-8")
)
#: The seeded verzoektype version's schema on the real server (setup of the live stack).
SCHEMA = {
    "type": "object",
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "required": ["omschrijving"],
    "properties": {"aantal": {"type": "integer", "minimum": 1}, "omschrijving": {"type": "string"}},
    "additionalProperties": False,
}


@pytest.fixture(scope="module")
def seeded() -> tuple[InMemoryBackend, dict[str, str]]:
    backend = InMemoryBackend()
    verzoektype = backend.add("verzoeken", "verzoektypen", {"naam": "Live test verzoek"})
    backend.add(
        "verzoeken",
        "versies",
        {
            "verzoekType": verzoektype["url"],
            "aanvraagGegevensSchema": SCHEMA,
            "status": "published",
        },
    )
    thema = backend.add("producttypen", "themas", {"naam": "Live test thema", "gepubliceerd": True})
    producttype = backend.add(
        "producttypen",
        "producttypen",
        {
            "uniforme_product_naam": "parkeervergunning",
            "doelgroep": "burgers",
            "thema_uuids": [thema["uuid"]],
            "naam": "Live test parkeervergunning",
            "samenvatting": "Voor de live tests.",
            "code": "LIVE-TEST-1",
            "toegestane_statussen": ["gereed", "actief", "verlopen"],
        },
    )
    # the real server had a price of today when the same-day sample was recorded
    backend.add(
        "producttypen",
        "prijzen",
        {
            "producttype_uuid": producttype["uuid"],
            "actief_vanaf": dt.date.today().isoformat(),
            "prijsopties": [{"bedrag": "5", "beschrijving": "x"}],
        },
    )
    taak = backend.add(
        "taken",
        "externetaken",
        {
            "titel": "sample",
            "taakSoort": "betaaltaak",
            "einddatumHandelingsTermijn": "2030-12-31",
            "details": {
                "bedrag": "1.00",
                "transactieomschrijving": "x",
                "doelrekening": {"naam": "G"},
            },
        },
    )
    today = dt.date.today()
    values = {
        "{verzoektype}": verzoektype["url"],
        "{producttype}": producttype["uuid"],
        "{thema}": thema["uuid"],
        "{deleted}": taak["uuid"],
        "{today}": today.isoformat(),
        "{yesterday}": (today - dt.timedelta(days=1)).isoformat(),
    }
    with httpx.Client(transport=backend.transport()) as client:
        deleted = client.delete(
            f"{backend.api_roots['taken']}betaaltaken/{taak['uuid']}",
            headers=backend.auth_headers("taken"),
        )
    assert deleted.status_code == 204
    return backend, values


def fill(value: Any, values: dict[str, str]) -> Any:
    text = json.dumps(value)
    for placeholder, real in values.items():
        text = text.replace(placeholder, real)
    return json.loads(text)


@pytest.mark.no_contract  # the samples hold requests off the spec on purpose
@pytest.mark.parametrize("case", SAMPLES["cases"], ids=[c["name"] for c in SAMPLES["cases"]])
def test_the_fake_answers_as_the_real_server(
    seeded: tuple[InMemoryBackend, dict[str, str]], case: dict[str, Any]
) -> None:
    backend, values = seeded
    url = backend.api_roots[case["api"]] + fill(case["path"], values)
    with httpx.Client(transport=backend.transport()) as client:
        response = client.request(
            case["method"],
            url,
            json=fill(case["body"], values) if case["body"] is not None else None,
            headers=backend.auth_headers(case["api"]),
        )
    assert response.status_code == case["status"], case["why"]
    body = response.json()
    if "invalid_params" in case:
        assert body[case["invalid_params_key"]] == fill(case["invalid_params"], values), case["why"]
    elif "problem" in case:
        assert {k: body[k] for k in ("code", "title", "detail")} == case["problem"], case["why"]
    elif case["keys"][0] == "<array>":
        assert isinstance(body, list), case["why"]
    else:
        assert list(body) == case["keys"], case["why"]
    for name, keys in case.get("nested_keys", {}).items():
        assert list(body[name]) == keys, case["why"]
