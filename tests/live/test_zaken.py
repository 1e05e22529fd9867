"""Zaken and Catalogi against a real Open Zaak."""

from __future__ import annotations

import pytest

from zgw_client import AsyncZGWClient, ZGWClient
from zgw_client.catalogi.models import Statustype, Zaaktype
from zgw_client.zaken.models import Resultaat, Rol, Status, Zaak

from .conftest import TEST_BSN, Catalogue, Cleanup, Exchanges, now, rol_body, zaak_body

pytestmark = pytest.mark.live


def make_zaak(client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, **extra: object) -> Zaak:
    zaak = client.zaken.zaken.create(zaak_body(catalogue, **extra))
    cleanup.add(f"zaak {zaak.url}", lambda: client.zaken.zaken.delete(zaak))
    return zaak


def test_catalogi_reads_are_typed(client: ZGWClient, catalogue: Catalogue) -> None:
    zaaktype = client.catalogi.zaaktypen.get(catalogue.zaaktype)
    assert isinstance(zaaktype, Zaaktype)
    assert zaaktype.concept is False
    statustypen = client.catalogi.statustypen_of(zaaktype)
    assert [s.volgnummer for s in statustypen] == sorted(s.volgnummer or 0 for s in statustypen)
    assert all(isinstance(s, Statustype) for s in statustypen)
    assert statustypen[-1].is_eindstatus is True
    # Paging: one item per page still yields all of them, following the server's next links.
    paged = client.catalogi.statustypen.list(zaaktype=catalogue.zaaktype, page_size=1).to_list()
    assert sorted(s.url for s in paged) == sorted(s.url for s in statustypen)


def test_zaak_lifecycle(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, exchanges: Exchanges
) -> None:
    zaak = make_zaak(client, catalogue, cleanup)
    assert isinstance(zaak, Zaak)
    assert zaak.url
    assert zaak.identificatie
    rol = client.zaken.rollen.create(rol_body(catalogue, zaak.url))
    assert isinstance(rol, Rol)
    assert rol.betrokkene_identificatie is not None
    status = client.zaken.statussen.create(
        {"zaak": zaak.url, "statustype": catalogue.statustypen[0], "datumStatusGezet": now()}
    )
    assert isinstance(status, Status)
    resultaat = client.zaken.resultaten.create(
        {"zaak": zaak.url, "resultaattype": catalogue.resultaattype, "toelichting": "live"}
    )
    assert isinstance(resultaat, Resultaat)
    # Open Zaak answers 500 to deleting a zaak that still has a resultaat: delete it first.
    cleanup.add("resultaat", lambda: client.zaken.resultaten.delete(resultaat))

    # list by BSN
    found = client.zaken.zaken.list(
        rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=TEST_BSN
    ).to_list()
    assert zaak.url in [z.url for z in found]

    # expand=status.statustype: the SDK adds the parent "status"
    exchanges.clear()
    listed = client.zaken.zaken.list(
        rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=TEST_BSN,
        expand=["status.statustype"],
    ).to_list()
    # The BSN goes in the body of POST zaken/_zoek (with expand as an array), not the URL.
    assert exchanges.items[0].method == "POST"
    assert exchanges.items[0].url.split("?")[0].endswith("/zaken/_zoek")
    assert TEST_BSN not in exchanges.items[0].url
    mine = next(z for z in listed if z.url == zaak.url)
    assert mine.expand is not None
    assert mine.expand.status is not None
    assert mine.expand.status.url == status.url
    assert mine.expand.status.expand is not None
    assert mine.expand.status.expand.statustype is not None
    assert mine.expand.status.expand.statustype.url == catalogue.statustypen[0]

    detail = client.zaken.zaken.get(
        zaak, expand=["zaaktype", "rollen", "resultaat.resultaattype", "status.statustype"]
    )
    assert detail.expand is not None
    assert detail.expand.zaaktype is not None
    assert detail.expand.zaaktype.url == catalogue.zaaktype
    assert [r.url for r in detail.expand.rollen or []] == [rol.url]
    assert detail.expand.resultaat is not None
    assert detail.expand.resultaat.expand is not None
    assert detail.expand.resultaat.expand.resultaattype is not None

    # _zoek (expand is sent as a JSON array)
    searched = client.zaken.zaken.search(uuid__in=[str(zaak.uuid)], expand=["status.statustype"])
    hits = searched.to_list()
    assert [z.url for z in hits] == [zaak.url]
    assert hits[0].expand is not None
    assert hits[0].expand.status is not None

    # related lists
    assert [r.url for r in client.zaken.rollen.list(zaak=zaak.url)] == [rol.url]
    assert [s.url for s in client.zaken.statussen.list(zaak=zaak.url)] == [status.url]

    # audittrail: one entry per write, oldest first
    trail = client.zaken.zaken.audittrail(zaak)
    assert [t.actie for t in trail][:1] == ["create"]
    assert len(trail) >= 4
    assert {t.resultaat for t in trail} == {201}


def test_etag_revalidation_reuses_body_on_304(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, exchanges: Exchanges
) -> None:
    zaak = make_zaak(client, catalogue, cleanup)
    status = client.zaken.statussen.create(
        {"zaak": zaak.url, "statustype": catalogue.statustypen[0], "datumStatusGezet": now()}
    )
    exchanges.clear()
    first = client.zaken.statussen.get(status)
    second = client.zaken.statussen.get(status)
    assert first == second
    gets = exchanges.matching("GET", str(status.url))
    assert [e.status for e in gets] == [200, 304]
    assert gets[1].request_headers.get("if-none-match") == gets[0].response_headers.get("etag")

    exchanges.clear()
    body1 = client.get_json(str(zaak.url))
    body2 = client.get_json(str(zaak.url))
    assert body1 == body2
    assert [e.status for e in exchanges.matching("GET", str(zaak.url))] == [200, 304]


def test_zaken_get_revalidates_with_etag(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup, exchanges: Exchanges
) -> None:
    zaak = make_zaak(client, catalogue, cleanup)
    exchanges.clear()
    client.zaken.zaken.get(zaak)
    client.zaken.zaken.get(zaak)
    assert [e.status for e in exchanges.matching("GET", str(zaak.url))] == [200, 304]


def test_read_after_own_write_is_fresh(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup
) -> None:
    zaak = make_zaak(client, catalogue, cleanup)
    client.get_json(str(zaak.url))
    client.zaken.zaken.partial_update(zaak, {"omschrijving": "changed by live test"})
    assert client.get_json(str(zaak.url))["omschrijving"] == "changed by live test"


def test_list_follows_pages(client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup) -> None:
    made = [make_zaak(client, catalogue, cleanup, omschrijving="paging") for _ in range(3)]
    for zaak in made:
        client.zaken.rollen.create(rol_body(catalogue, str(zaak.url)))
    found = client.zaken.zaken.list(
        rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=TEST_BSN, page_size=2
    ).to_list()
    assert {z.url for z in made} <= {z.url for z in found}


def test_delete_in_dependency_order(
    client: ZGWClient, catalogue: Catalogue, exchanges: Exchanges
) -> None:
    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    rol = client.zaken.rollen.create(rol_body(catalogue, str(zaak.url)))
    resultaat = client.zaken.resultaten.create(
        {"zaak": zaak.url, "resultaattype": catalogue.resultaattype}
    )
    client.zaken.resultaten.delete(resultaat)
    client.zaken.rollen.delete(rol)
    client.zaken.zaken.delete(zaak)
    assert [e.status for e in exchanges.items if e.method == "DELETE"] == [204, 204, 204]


@pytest.mark.asyncio
async def test_async_zaak_create_list_delete(
    async_client: AsyncZGWClient, catalogue: Catalogue
) -> None:
    zaak = await async_client.zaken.zaken.create(zaak_body(catalogue))
    try:
        await async_client.zaken.rollen.create(rol_body(catalogue, str(zaak.url)))
        found = [
            z.url
            async for z in async_client.zaken.zaken.list(
                rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=TEST_BSN,
                expand=["zaaktype"],
            )
        ]
        assert zaak.url in found
        again = await async_client.zaken.zaken.get(zaak.url, expand=["status.statustype"])
        assert again.url == zaak.url
    finally:
        await async_client.zaken.zaken.delete(zaak)


def test_long_lived_client_sees_new_status(
    client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup
) -> None:
    zaak = make_zaak(client, catalogue, cleanup)
    assert client.zaken.zaken.get(zaak, expand=["status"]).status is None
    with ZGWClient.from_env() as other_system:
        status = other_system.zaken.statussen.create(
            {"zaak": zaak.url, "statustype": catalogue.statustypen[0], "datumStatusGezet": now()}
        )
    again = client.zaken.zaken.get(zaak, expand=["status"])
    assert again.status == status.url
