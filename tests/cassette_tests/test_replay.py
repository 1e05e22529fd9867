"""Replay the recorded flows against the SDK: typed results from real server answers."""

from __future__ import annotations

import pytest

from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.catalogi.models import Statustype, Zaaktype
from zgw_client.contact import Direction
from zgw_client.documenten.models import EnkelvoudigInformatieObject
from zgw_client.klantinteracties.models import Klantcontact, Partij
from zgw_client.objecten.taken import Taak, TaakStatus
from zgw_client.zaken.models import Resultaat, Rol, Status, Zaak

from . import flows


@pytest.mark.cassette("catalogi")
def test_catalogi_read(client: ZGWClient) -> None:
    result = flows.catalogi_read(client)
    check_catalogi(result)


@pytest.mark.asyncio
@pytest.mark.cassette("catalogi")
async def test_catalogi_read_async(async_client: AsyncZGWClient) -> None:
    check_catalogi(await flows.catalogi_read_async(async_client))


def check_catalogi(result: flows.CatalogiResult) -> None:
    assert isinstance(result.zaaktype, Zaaktype)
    assert result.zaaktype.url == flows.ZAAKTYPE
    assert result.zaaktype.identificatie == "ZGWCT-TEST-001"
    assert result.catalogus.url == flows.CATALOGUS
    assert [s.volgnummer for s in result.statustypen] == [1, 2, 3]
    assert all(isinstance(s, Statustype) for s in result.statustypen)
    assert [s.url for s in result.statustypen] == flows.STATUSTYPEN
    assert result.statustypen[-1].is_eindstatus is True
    assert flows.INITIATOR_ROLTYPE in [r.url for r in result.roltypen]
    assert flows.RESULTAATTYPE in [r.url for r in result.resultaattypen]
    assert result.informatieobjecttype.omschrijving == "Bijlage"
    assert result.besluittype.url == flows.BESLUITTYPE


@pytest.mark.cassette("zaken")
def test_zaken(client: ZGWClient) -> None:
    result = flows.zaken(client)
    assert isinstance(result.zaak, Zaak)
    assert result.zaak.zaaktype == flows.ZAAKTYPE
    assert isinstance(result.rol, Rol)
    assert result.rol.betrokkene_identificatie is not None
    assert isinstance(result.status, Status)
    assert isinstance(result.resultaat, Resultaat)
    mine = [z for z in result.by_bsn if z.url == result.zaak.url]
    assert len(mine) == 1
    expand = mine[0].expand
    assert expand is not None
    assert expand.status is not None
    assert expand.status.expand is not None
    assert expand.status.expand.statustype is not None
    assert expand.status.expand.statustype.url == flows.STATUSTYPEN[0]
    detail = result.detail.expand
    assert detail is not None
    assert detail.zaaktype is not None
    assert detail.zaaktype.url == flows.ZAAKTYPE
    assert [r.url for r in detail.rollen or []] == [result.rol.url]
    assert detail.resultaat is not None
    assert detail.resultaat.expand is not None
    assert detail.resultaat.expand.resultaattype is not None
    assert [z.url for z in result.searched] == [result.zaak.url]
    assert result.audittrail[0].actie == "create"
    first, second = result.status_twice
    assert first == second == result.status  # the second from the 304's cached body


@pytest.mark.cassette("documenten")
def test_documenten(client: ZGWClient) -> None:
    result = flows.documenten(client)
    assert isinstance(result.small, EnkelvoudigInformatieObject)
    assert result.small_content == flows.SMALL
    assert result.large.bestandsomvang == len(flows.LARGE)
    assert result.large.locked is False
    assert result.large_content == flows.LARGE
    assert result.large_filename == "groot.txt"
    assert result.lock
    assert result.locked_update.titel == "gewijzigd"
    assert result.after_unlock.locked is False
    assert result.after_unlock.versie == 2


@pytest.mark.cassette("besluiten")
def test_besluiten(client: ZGWClient) -> None:
    result = flows.besluiten(client)
    assert result.besluit.besluittype == flows.BESLUITTYPE
    assert result.besluit.zaak == result.zaak.url
    assert [b.url for b in result.by_zaak] == [result.besluit.url]
    assert [zb.besluit for zb in result.zaak_besluiten] == [result.besluit.url]


@pytest.mark.cassette("klantinteracties")
def test_klantinteracties(client: ZGWClient) -> None:
    result = flows.klantinteracties(client)
    assert isinstance(result.partij, Partij)
    assert result.found is not None
    assert result.found.uuid == result.partij.uuid
    assert [k.uuid for k in result.about_zaak] == [result.klantcontact.uuid]
    contact = result.about_zaak[0]
    assert isinstance(contact, Klantcontact)
    assert contact.expand is not None
    assert contact.expand.had_betrokkenen
    was_partij = contact.expand.had_betrokkenen[0].expand
    assert was_partij is not None
    assert was_partij.was_partij is not None
    assert was_partij.was_partij.uuid == result.partij.uuid
    assert len(result.contactmomenten) == 1
    moment = result.contactmomenten[0]
    assert moment.direction is Direction.INKOMEND
    assert moment.zaak_url == result.zaak.url
    assert moment.tekst == "Hoe staat het ermee?"


@pytest.mark.cassette("taken")
def test_taken(client: ZGWClient) -> None:
    result = flows.taken(client)
    assert len(result.open_before) == 1
    taak = result.open_before[0]
    assert isinstance(taak, Taak)
    assert taak.variant == "portaaltaak-v2"
    assert taak.zaak_uuid == "5551a7c5-4e92-43e6-8d23-80359b7e22b7"
    assert result.completed.status == TaakStatus.AFGEROND
    assert result.open_after == []
    assert [r.data["status"] for r in result.history] == ["open", "afgerond"]


@pytest.mark.cassette("mijnzaken")
def test_mijnzaken_overview(client: ZGWClient) -> None:
    result = flows.mijnzaken_overview(client)
    overview = result.overview
    assert overview.missing == []
    assert overview.subject.masked == "*****0111"
    lopend = [z for z in overview.lopende_zaken if z.url == result.zaak.url]
    assert len(lopend) == 1
    assert lopend[0].status == "In behandeling"
    assert lopend[0].zaaktype == "Testzaak zgw-client"
    assert lopend[0].open_taken == 1
    taken = [t for t in overview.taken if t.url == result.created["taak"]]
    assert len(taken) == 1
    assert taken[0].days_left == 30
    assert taken[0].zaak_identificatie == result.zaak.identificatie
