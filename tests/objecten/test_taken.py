"""Taken on the Objects API, in every supported shape, on both faces."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from typing import Any

import httpx
import pytest

from tests.conftest import resolve
from tests.klantinteracties.conftest import offline_client
from tests.objecten.conftest import BSN, KVK, ZAAK_URL, ZAAK_UUID, Seeded
from zgw_client import AsyncZGWClient, InputError, ZGWClient, ZGWConfig
from zgw_client.identifiers import InvalidBSNError, InvalidKVKError
from zgw_client.objecten.taken import Taak, TaakStatus, is_open
from zgw_client.testing import InMemoryBackend, config_for
from zgw_client.testing.demo import DEMO_BSN, seed_demo


async def test_open_taken_of_a_citizen_in_every_shape_soonest_first(
    client: Any, seeded: Seeded
) -> None:
    taken = await resolve(client.objecten.taken.open_taken(bsn=BSN))
    assert all(isinstance(t, Taak) and is_open(t) for t in taken)
    assert [t.titel for t in taken] == ["Betaal", "Oud formulier", "Aanvullen", "Upload"]
    assert {t.variant for t in taken} == {"portaaltaak-v1", "portaaltaak-v2"}
    # Not: afgerond/verwerkt, another citizen's, a company's, or a Melding that only
    # happens to carry identificatie + status.
    assert seeded.objects["melding"] not in {t.object_url for t in taken}


async def test_open_taken_search_per_shape_with_the_bsn_in_the_body(
    client: Any, seeded: Seeded, backend: InMemoryBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[str, str, Any]] = []
    original = backend.process

    def spy(request: Any, **kwargs: Any) -> Any:
        body = json.loads(request.content) if request.content else None
        sent.append((request.method, str(request.url), body))
        return original(request, **kwargs)

    monkeypatch.setattr(backend, "process", spy)
    await resolve(client.objecten.taken.open_taken(bsn=BSN, objecttype=seeded.types["v2"]))
    assert [(m, u.split("?")[0].rsplit("/", 2)[-2:]) for m, u, _ in sent] == [
        ("POST", ["objects", "search"]),
        ("POST", ["objects", "search"]),
    ]
    assert not any(BSN in url for _, url, _ in sent)
    bodies = sorted((b for _, _, b in sent), key=lambda b: len(b["data_attrs"]), reverse=True)
    assert bodies[0]["data_attrs"].split(",") == [
        "identificatie__type__exact__bsn",
        f"identificatie__value__exact__{BSN}",
        "status__exact__open",
    ]
    assert bodies[1]["data_attrs"].split(",") == [f"bsn__exact__{BSN}", "status__exact__open"]
    assert all(b["type"] == seeded.types["v2"] for b in bodies)


async def test_open_taken_filter_on_data_attr_in_the_query_when_told(
    face: str, seeded: Seeded, backend: InMemoryBackend
) -> None:
    config = config_for(backend)
    services = {
        name: replace(service, bsn_filters="query") for name, service in config.services.items()
    }
    backend.request_log.clear()
    client: Any
    if face == "sync":
        client = ZGWClient(
            ZGWConfig(services), http_client=httpx.Client(transport=backend.transport())
        )
    else:
        client = AsyncZGWClient(
            ZGWConfig(services), http_client=httpx.AsyncClient(transport=backend.async_transport())
        )
    await resolve(client.objecten.taken.open_taken(bsn=BSN, objecttype=seeded.types["v2"]))
    await resolve(client.aclose() if face == "async" else client.close())
    queries = sorted(u for m, u in backend.request_log if m == "GET")
    assert len(queries) == 2
    assert f"data_attr=bsn__exact__{BSN}" in queries[0]
    assert f"data_attr=identificatie__value__exact__{BSN}" in queries[1]
    assert "data_attr=identificatie__type__exact__bsn" in queries[1]
    assert all("data_attr=status__exact__open" in q for q in queries)
    assert all("type=" in q for q in queries)


async def test_open_taken_restricted_to_one_objecttype(client: Any, seeded: Seeded) -> None:
    by_url = await resolve(client.objecten.taken.open_taken(bsn=BSN, objecttype=seeded.types["v1"]))
    assert [t.titel for t in by_url] == ["Aanvullen"]
    by_uuid = await resolve(
        client.objecten.taken.open_taken(
            bsn=BSN, objecttype=seeded.types["legacy"].rsplit("/", 1)[-1]
        )
    )
    assert [t.titel for t in by_uuid] == ["Oud formulier"]


async def test_open_taken_of_a_company(client: Any, seeded: Seeded) -> None:
    taken = await resolve(client.objecten.taken.open_taken(kvk=KVK))
    assert [t.titel for t in taken] == ["Terras"]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({"bsn": "999990112"}, InvalidBSNError),
        ({"bsn": "99999011"}, InvalidBSNError),
        ({"kvk": "6959908"}, InvalidKVKError),
        ({"kvk": "6959908a"}, InvalidKVKError),
        ({}, InputError),
        ({"bsn": BSN, "kvk": KVK}, InputError),
    ],
)
async def test_identifiers_are_refused_before_any_request(
    face: str, kwargs: dict[str, str], error: type[Exception]
) -> None:
    client = offline_client(face)
    with pytest.raises(error):
        await resolve(client.objecten.taken.open_taken(**kwargs))


async def test_taken_of_a_zaak_by_url_or_uuid(client: Any, seeded: Seeded) -> None:
    by_url = await resolve(client.objecten.taken.taken_of_zaak(ZAAK_URL))
    assert [t.titel for t in by_url] == ["Aanvullen", "Upload", "Ander", "Bekijk"]
    assert all(t.zaak_uuid == ZAAK_UUID for t in by_url)
    by_uuid = await resolve(client.objecten.taken.taken_of_zaak(ZAAK_UUID.upper()))
    assert [t.object_url for t in by_uuid] == [t.object_url for t in by_url]


async def test_get_reads_one_taak(client: Any, seeded: Seeded) -> None:
    taak = await resolve(client.objecten.taken.get(seeded.objects["legacy"]))
    assert taak.titel == "Oud formulier"
    assert taak.variant == "portaaltaak-v1"
    with pytest.raises(InputError, match="not a taak"):
        await resolve(client.objecten.taken.get(seeded.objects["melding"]))


async def test_complete_writes_afgerond_in_the_v2_shape(
    client: Any, seeded: Seeded, backend: InMemoryBackend
) -> None:
    taak = await resolve(client.objecten.taken.get(seeded.objects["v2_zaak"]))
    done = await resolve(client.objecten.taken.complete(taak))
    assert done.status == TaakStatus.AFGEROND
    assert done.object_url == taak.object_url
    stored = backend.get(seeded.objects["v2_zaak"])
    assert stored is not None
    assert stored["record"]["data"] == {**taak.data, "status": "afgerond"}
    assert stored["record"]["index"] == 2
    assert stored["record"]["startAt"] >= dt.date.today().isoformat()
    remaining = await resolve(client.objecten.taken.open_taken(bsn=BSN))
    assert "Upload" not in [t.titel for t in remaining]


async def test_complete_writes_ingediend_in_the_v1_shapes(client: Any, seeded: Seeded) -> None:
    """The v1 schemas know no "afgerond" (the sample's enum is open/ingediend/verwerkt)."""
    for key in ("v1", "legacy"):
        taak = await resolve(client.objecten.taken.get(seeded.objects[key]))
        done = await resolve(client.objecten.taken.complete(taak))
        assert done.status == TaakStatus.INGEDIEND
        assert done.data == {**taak.data, "status": "ingediend"}
        assert set(done.data) == set(taak.data)  # same shape: no key added or lost


async def test_complete_needs_a_taak_from_the_objects_api(face: str) -> None:
    client = offline_client(face)
    with pytest.raises(InputError, match="object_url"):
        await resolve(client.objecten.taken.complete(Taak(titel="Los", status="open")))


async def test_open_taken_on_the_demo_data(client: Any, backend: InMemoryBackend) -> None:
    scenario = seed_demo(backend, today=dt.date(2026, 11, 29))
    taken = await resolve(
        client.objecten.taken.open_taken(bsn=DEMO_BSN, objecttype=scenario.taak_objecttype)
    )
    assert taken
    assert all(is_open(t) and t.identificatie.value == DEMO_BSN for t in taken)
    deadlines = [t.verloopdatum for t in taken if t.verloopdatum is not None]
    assert deadlines == sorted(deadlines)
