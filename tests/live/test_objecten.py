"""The Objects API and taken against a real Objects API 4.0 (Open Object)."""

from __future__ import annotations

import uuid

import pytest

from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.objecten.models import Object
from zgw_client.objecten.taken import Taak, TaakStatus

from .conftest import TEST_BSN, Cleanup, taak_data, taak_objecttype, today

pytestmark = [pytest.mark.live, pytest.mark.usefixtures("need_objecten")]


def make_taak(client: ZGWClient, cleanup: Cleanup, **data: object) -> Object:
    obj = client.objecten.objects.create(
        {
            "type": taak_objecttype(),
            "record": {"typeVersion": 1, "startAt": today(), "data": taak_data(**data)},  # type: ignore[arg-type]
        }
    )
    cleanup.add("taak object", lambda: client.objecten.objects.delete(obj))
    return obj


def test_open_taken_and_complete(client: ZGWClient, cleanup: Cleanup) -> None:
    zaak_uuid = str(uuid.uuid4())
    obj = make_taak(client, cleanup, zaak_uuid=zaak_uuid)
    assert isinstance(obj, Object)
    assert obj.record.data["identificatie"] == {"type": "bsn", "value": TEST_BSN}

    taken = client.objecten.taken.open_taken(bsn=TEST_BSN)
    mine = [t for t in taken if t.object_url == obj.url]
    assert len(mine) == 1
    taak = mine[0]
    assert isinstance(taak, Taak)
    assert taak.variant == "portaaltaak-v2"
    assert taak.status == TaakStatus.OPEN
    assert taak.zaak_uuid == zaak_uuid
    assert taak.url is not None
    assert taak.url.uri == "https://example.org/formulier"

    typed = client.objecten.taken.open_taken(bsn=TEST_BSN, objecttype=taak_objecttype())
    assert obj.url in [t.object_url for t in typed]
    assert [t.object_url for t in client.objecten.taken.taken_of_zaak(zaak_uuid)] == [obj.url]

    done = client.objecten.taken.complete(taak)
    assert done.status == TaakStatus.AFGEROND
    assert obj.url not in [t.object_url for t in client.objecten.taken.open_taken(bsn=TEST_BSN)]
    history = client.objecten.objects.history(obj).to_list()
    assert [r.data["status"] for r in history] == ["open", "afgerond"]
    # every key of the original data survives the write
    assert set(history[1].data) == set(history[0].data)


def test_objects_list_and_search(client: ZGWClient, cleanup: Cleanup) -> None:
    obj = make_taak(client, cleanup)
    listed = client.objecten.objects.list(
        type=taak_objecttype(),
        data_attr=[f"identificatie__value__exact__{TEST_BSN}", "status__exact__open"],
    ).to_list()
    assert obj.url in [o.url for o in listed]
    searched = client.objecten.objects.search(
        type=taak_objecttype(), data_attrs=[f"identificatie__value__exact__{TEST_BSN}"]
    ).to_list()
    assert obj.url in [o.url for o in searched]
    objecttype = client.objecten.objecttypes.get(taak_objecttype())
    assert objecttype.name
    version = client.objecten.objecttypes.version(taak_objecttype(), 1)
    assert "titel" in version.json_schema["properties"]


@pytest.mark.asyncio
async def test_async_taken(async_client: AsyncZGWClient) -> None:
    obj = await async_client.objecten.objects.create(
        {
            "type": taak_objecttype(),
            "record": {"typeVersion": 1, "startAt": today(), "data": taak_data()},
        }
    )
    try:
        taken = await async_client.objecten.taken.open_taken(bsn=TEST_BSN)
        assert obj.url in [t.object_url for t in taken]
        taak = next(t for t in taken if t.object_url == obj.url)
        done = await async_client.objecten.taken.complete(taak)
        assert done.status == TaakStatus.AFGEROND
    finally:
        await async_client.objecten.objects.delete(obj)
