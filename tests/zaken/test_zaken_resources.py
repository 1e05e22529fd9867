"""The Zaken resources on both faces, against the in-memory backend."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.conftest import collect, resolve
from tests.zaken.conftest import BSN, seed
from zgw_client import BadRequestError, InputError, NotFoundError, ZGWClient
from zgw_client.testing import InMemoryBackend, async_client_for, client_for
from zgw_client.zaken.models import Rol, Status, Zaak


async def test_list_filters_by_bsn_and_types_items(
    client: Any, seeded: dict[str, Any], backend: InMemoryBackend
) -> None:
    other = backend.add(
        "zaken",
        "zaken",
        {
            "zaaktype": seeded["zaaktype"]["url"],
            "bronorganisatie": "002220647",
            "verantwoordelijkeOrganisatie": "002220647",
            "startdatum": "2026-03-01",
        },
    )
    mine = await collect(
        client.zaken.zaken.list(rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN)
    )
    assert {z.url for z in mine} == {z["url"] for z in seeded["zaken"]}
    assert other["url"] not in {z.url for z in mine}
    assert all(isinstance(z, Zaak) for z in mine)
    # The spec's own spelling is accepted too.
    same = await collect(
        client.zaken.zaken.list(**{"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN})
    )
    assert {z.url for z in same} == {z.url for z in mine}


async def test_unknown_filter_is_refused_before_sending(
    client: Any, seeded: dict[str, Any]
) -> None:
    with pytest.raises(InputError, match="Unknown filter 'bsn'"):
        client.zaken.zaken.list(bsn=BSN)


async def test_pages_are_all_read(
    client: Any, backend: InMemoryBackend, seeded: dict[str, Any]
) -> None:
    for n in range(7):
        backend.add(
            "zaken",
            "zaken",
            {
                "zaaktype": seeded["zaaktype"]["url"],
                "bronorganisatie": "002220647",
                "verantwoordelijkeOrganisatie": "002220647",
                "startdatum": "2026-02-01",
                "omschrijving": f"extra {n}",
            },
        )
    backend.request_log.clear()
    zaken = await collect(client.zaken.zaken.list(page_size=2))
    assert len(zaken) == 9
    assert len(backend.request_log) == 5


async def test_get_by_uuid_url_and_model(client: Any, seeded: dict[str, Any]) -> None:
    url = seeded["zaken"][0]["url"]
    by_url = await resolve(client.zaken.zaken.get(url))
    by_uuid = await resolve(client.zaken.zaken.get(url.rsplit("/", 1)[1]))
    by_model = await resolve(client.zaken.zaken.get(by_url))
    assert by_url == by_uuid == by_model
    assert by_url.omschrijving == "Zaak 0"


async def test_get_any_url_returns_its_typed_model(client: Any, seeded: dict[str, Any]) -> None:
    zaak = await resolve(client.zaken.zaken.get(seeded["zaken"][0]["url"]))
    status = await resolve(client.get(zaak.status))
    assert isinstance(status, Status)
    statustype = await resolve(client.get(status.statustype))
    assert statustype.volgnummer == 2


async def test_expand_adds_parents_and_types_the_tree(client: Any, seeded: dict[str, Any]) -> None:
    zaak = await resolve(
        client.zaken.zaken.get(seeded["zaken"][0]["url"], expand=["status.statustype", "zaaktype"])
    )
    assert zaak.expand is not None
    assert zaak.expand.zaaktype.omschrijving == "Parkeervergunning"
    assert zaak.expand.status.expand.statustype.volgnummer == 2


async def test_crud_on_statussen_and_rollen(client: Any, seeded: dict[str, Any]) -> None:
    zaak_url = seeded["zaken"][1]["url"]
    status = await resolve(
        client.zaken.statussen.create(
            {
                "zaak": zaak_url,
                "statustype": seeded["statustypen"][0]["url"],
                "datumStatusGezet": "2026-02-03T09:00:00Z",
            }
        )
    )
    assert isinstance(status, Status)
    zaak = await resolve(client.zaken.zaken.get(zaak_url))
    assert zaak.status == status.url
    rollen = await collect(client.zaken.rollen.list(zaak=zaak_url))
    assert len(rollen) == 1
    assert isinstance(rollen[0], Rol)
    assert rollen[0].betrokkene_identificatie.inp_bsn == BSN


async def test_partial_update_and_delete(client: Any, seeded: dict[str, Any]) -> None:
    url = seeded["zaken"][1]["url"]
    changed = await resolve(
        client.zaken.zaken.partial_update(
            url, {"omschrijving": "Gewijzigd"}, headers={"X-Audit-Toelichting": "typo"}
        )
    )
    assert changed.omschrijving == "Gewijzigd"
    trail = await resolve(client.zaken.zaken.audittrail(url))
    assert trail
    await resolve(client.zaken.zaken.delete(url))
    with pytest.raises(NotFoundError):
        await resolve(client.zaken.zaken.get(url))


async def test_create_reports_invalid_params(client: Any, seeded: dict[str, Any]) -> None:
    with pytest.raises(BadRequestError) as info:
        await resolve(client.zaken.zaken.create({"bronorganisatie": "002220647"}))
    assert {p.name for p in info.value.invalid_params} >= {"zaaktype"}


async def test_search_sends_expand_as_array(
    client: Any, seeded: dict[str, Any], backend: InMemoryBackend
) -> None:
    found = await collect(
        client.zaken.zaken.search(
            uuid__in=[seeded["zaken"][0]["url"].rsplit("/", 1)[1]], expand=["status.statustype"]
        )
    )
    assert [z.url for z in found] == [seeded["zaken"][0]["url"]]
    assert found[0].expand.status.expand.statustype.volgnummer == 2


_CREATED_AT = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _expand_view(zaak: Zaak) -> Any:
    data = zaak.model_dump(mode="json", by_alias=True)
    return data["_expand"], {k: v for k, v in data.items() if k != "_expand"}


def _same_shape(views: Any) -> Any:
    """Number the UUIDs in order of appearance: two backends seed the same data with
    different random UUIDs."""
    text = json.dumps(views, sort_keys=True)
    numbers: dict[str, str] = {}
    text = _UUID.sub(lambda m: numbers.setdefault(m.group(), f"uuid-{len(numbers)}"), text)
    return _CREATED_AT.sub("<creation time>", text)


@pytest.mark.parametrize("face", ["sync", "async"])
async def test_expand_fallback_equals_server_expand(face: str) -> None:
    """A Zaken 1.0 server (no expand) gives the same typed result by fetching."""
    results = []
    for version in ("1.5.1", "1.0.3"):
        backend = InMemoryBackend(zaken_api_version=version)
        seeded = seed(backend)
        expand = ["zaaktype", "status.statustype", "rollen"]
        if face == "sync":
            with client_for(backend) as client:
                listed = list(client.zaken.zaken.list(expand=expand, ordering="startdatum"))
                single = client.zaken.zaken.get(seeded["zaken"][0]["url"], expand=expand)
        else:
            async with async_client_for(backend) as aclient:
                listed = await collect(
                    aclient.zaken.zaken.list(expand=expand, ordering="startdatum")
                )
                single = await aclient.zaken.zaken.get(seeded["zaken"][0]["url"], expand=expand)
        results.append(([_expand_view(z) for z in listed], _expand_view(single)))
    listed_expands = results[0][0]
    assert listed_expands[0][0]["status"]["_expand"]["statustype"]["volgnummer"] == 2
    assert "_expand" not in json.dumps(results[0][0][1][1])  # the fallback did build it
    assert _same_shape(results[0]) == _same_shape(results[1])


def test_sync_client_namespaces_are_typed() -> None:
    backend = InMemoryBackend()
    with client_for(backend) as client:
        assert isinstance(client, ZGWClient)
        assert client.zaken.zaken.url == "http://zgw.test/zaken/api/v1/zaken"
        assert client.zaken is client.zaken  # one namespace per client
