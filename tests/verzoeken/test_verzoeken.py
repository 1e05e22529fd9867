"""client.verzoeken on both faces against the in-memory Open VTB: verzoektypen, versions by
number, registering a verzoek with bijlagen, and following it to its zaak."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import collect, resolve
from tests.support.platform import (
    BSN,
    ORGANISATIE,
    OTHER_PARTY,
    PARTY,
    SCHEMA,
    methods,
    offline_client,
)
from zgw_client import BadRequestError, InputError, NotFoundError
from zgw_client.testing import InMemoryBackend
from zgw_client.urns import informatieobject_urn, zaak_urn
from zgw_client.verzoeken import (
    Verzoek,
    VerzoekType,
    VerzoekTypeVersie,
    VerzoekTypeVersieStatus,
    ZaakLinkError,
)
from zgw_client.zaken import Zaak

DOC_1 = informatieobject_urn("717815f6-1939-4fd2-93f0-83d25bad154e", organisatie=ORGANISATIE)
IOT = "urn:nld:denhaag:informatieobjecttype:uuid:f7f2e90f-94f0-4821-8517-f7c8596b7885"
DOC_2 = informatieobject_urn("8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60", organisatie=ORGANISATIE)


def verzoektype(backend: InMemoryBackend, *, published: bool = True) -> dict[str, Any]:
    created = backend.add("verzoeken", "verzoektypen", {"naam": "Melding openbare ruimte"})
    backend.add(
        "verzoeken",
        "versies",
        {
            "verzoekType": created["url"],
            "aanvraagGegevensSchema": SCHEMA,
            "status": "published" if published else "draft",
        },
    )
    return created


def zaak(backend: InMemoryBackend, identificatie: str, rsin: str = "002220647") -> str:
    body = backend.add(
        "zaken",
        "zaken",
        {
            "identificatie": identificatie,
            "bronorganisatie": rsin,
            "verantwoordelijkeOrganisatie": rsin,
            "zaaktype": "http://zgw.test/catalogi/api/v1/zaaktypen/be56bdc8-b5e0-42d0-b1d3-e102c669438f",
            "startdatum": "2026-12-01",
        },
    )
    return str(body["url"])


async def test_verzoektypen_crud(client: Any) -> None:
    created = await resolve(client.verzoeken.verzoektypen.create({"naam": "Afval"}))
    assert isinstance(created, VerzoekType)
    assert created.versies == []
    read = await resolve(client.verzoeken.verzoektypen.get(created.uuid))
    assert read == created
    changed = await resolve(
        client.verzoeken.verzoektypen.partial_update(read, {"omschrijving": "Grof"})
    )
    assert changed.omschrijving == "Grof"
    replaced = await resolve(
        client.verzoeken.verzoektypen.update(changed, changed)
    )  # read-only left out
    assert replaced.naam == "Afval"
    assert [t.url for t in await collect(client.verzoeken.verzoektypen.list(page_size=1))] == [
        created.url
    ]
    await resolve(client.verzoeken.verzoektypen.delete(created))
    with pytest.raises(NotFoundError):
        await resolve(client.verzoeken.verzoektypen.get(created.url))


async def test_versions_by_number(client: Any, backend: InMemoryBackend) -> None:
    typ = await resolve(client.verzoeken.verzoektypen.create({"naam": "Afval"}))
    versies = client.verzoeken.versies
    first = await resolve(versies.create({"aanvraagGegevensSchema": SCHEMA}, verzoektype=typ))
    assert isinstance(first, VerzoekTypeVersie)
    assert (first.versie, first.status) == (1, VerzoekTypeVersieStatus.DRAFT)
    assert first.url == f"{typ.url}/versies/1"
    second = await resolve(
        versies.create({"verzoekType": typ.url, "aanvraagGegevensSchema": {"type": "object"}})
    )
    assert second.versie == 2
    assert [v.versie for v in await collect(versies.list(typ))] == [2, 1]
    assert await resolve(versies.get(typ.uuid, versie=1)) == first
    assert await resolve(versies.get(first.url)) == first

    changed = await resolve(
        versies.partial_update(typ, {"bijlageTypen": [{"informatieObjecttype": IOT}]}, versie=1)
    )
    assert changed.bijlage_typen[0].informatie_objecttype == IOT
    replaced = await resolve(versies.update(changed, changed))  # a model read can go back
    assert replaced.versie == 1

    published = await resolve(versies.publish(typ, versie=1))
    assert published.status == VerzoekTypeVersieStatus.PUBLISHED
    assert published.begin_geldigheid is not None
    assert (await resolve(versies.published(typ.url))).versie == 1
    with pytest.raises(BadRequestError):  # only drafts change
        await resolve(versies.partial_update(published, {"eindeGeldigheid": "2031-01-01"}))
    with pytest.raises(BadRequestError):
        await resolve(versies.delete(published))
    await resolve(versies.delete(typ, versie=2))
    assert [v.versie for v in await collect(versies.list(typ.url))] == [1]


async def test_published_is_none_without_a_published_version(
    client: Any, backend: InMemoryBackend
) -> None:
    typ = verzoektype(backend, published=False)
    assert await resolve(client.verzoeken.versies.published(typ["uuid"])) is None


async def test_versions_are_named_before_any_request(face: str) -> None:
    versies = offline_client(face).verzoeken.versies
    typ = "https://vtb.test/verzoeken/api/v1/verzoektypen/6608056b-f705-4f09-82c9-d74b12a56dd6"
    with pytest.raises(InputError, match="versie=<number>"):
        versies.url_of(typ)
    with pytest.raises(InputError, match="version number"):
        versies.url_of(typ, versie=0)
    with pytest.raises(InputError, match="not a version"):
        versies.url_of(f"{typ}/versies/abc")
    assert versies.url_of(typ, versie=3) == f"{typ}/versies/3"
    with pytest.raises(InputError, match="Name the verzoektype"):
        await resolve(versies.create({"aanvraagGegevensSchema": SCHEMA}))


async def test_register_with_bijlagen(client: Any, backend: InMemoryBackend) -> None:
    typ = verzoektype(backend)
    verzoek = await resolve(
        client.verzoeken.verzoeken.register(
            typ["url"],
            {"omschrijving": "Losliggende stoeptegel"},
            bsn=BSN,
            bijlagen=[DOC_1, DOC_2],
            kanaal="web",
            extra={"verzoekBron": {"naam": "open-formulieren", "kenmerk": "OF-123"}},
        )
    )
    assert isinstance(verzoek, Verzoek)
    assert verzoek.initiator == PARTY
    assert [b.informatie_object for b in verzoek.bijlagen] == [DOC_1, DOC_2]
    assert verzoek.versie == 1  # the latest, filled in by the server
    assert verzoek.verzoek_bron is not None
    assert verzoek.verzoek_bron.kenmerk == "OF-123"
    assert verzoek.verzoek_type_urn


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bijlagen": ["https://documenten.test/enkelvoudiginformatieobjecten/1"]}, "not a URN"),
        ({"bijlagen": DOC_1}, "not one string"),
        ({"bijlagen": [DOC_1, DOC_1]}, "twice"),
        ({"versie": 0}, "version number"),
        ({"verzoek_informatie_object": "document.pdf"}, "URN of a document"),
        ({"bsn": None}, "exactly one party"),
    ],
)
async def test_register_checks_before_sending(
    face: str, kwargs: dict[str, Any], message: str
) -> None:
    args = {"bsn": BSN, **kwargs}
    typ = "6608056b-f705-4f09-82c9-d74b12a56dd6"
    with pytest.raises(InputError, match=message):
        await resolve(
            offline_client(face).verzoeken.verzoeken.register(typ, {"omschrijving": "x"}, **args)
        )


async def test_the_server_checks_the_verzoektype(client: Any, backend: InMemoryBackend) -> None:
    typ = await resolve(client.verzoeken.verzoektypen.create({"naam": "Zonder versie"}))
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.verzoeken.verzoeken.register(typ, {"omschrijving": "x"}, bsn=BSN))
    assert [p.code for p in caught.value.invalid_params] == ["unknown-schema"]


async def test_verzoeken_crud_and_of_a_party(client: Any, backend: InMemoryBackend) -> None:
    typ = verzoektype(backend)
    mine = await resolve(
        client.verzoeken.verzoeken.create(
            {
                "verzoekType": typ["url"],
                "aanvraagGegevens": {"omschrijving": "a"},
                "initiator": PARTY,
            }
        )
    )
    backend.add(
        "verzoeken",
        "verzoeken",
        {"verzoekType": typ["url"], "aanvraagGegevens": {}, "initiator": OTHER_PARTY},
    )
    assert [v.url for v in await resolve(client.verzoeken.verzoeken.of(bsn=BSN))] == [mine.url]
    assert len(await collect(client.verzoeken.verzoeken.list())) == 2
    processed = await resolve(
        client.verzoeken.verzoeken.partial_update(mine, {"verwerkStatus": "verwerkt"})
    )
    assert processed.verwerk_status == "verwerkt"
    replaced = await resolve(client.verzoeken.verzoeken.update(processed, processed))
    assert replaced.aanvraag_gegevens == {"omschrijving": "a"}
    await resolve(client.verzoeken.verzoeken.delete(mine.uuid))
    assert await resolve(client.verzoeken.verzoeken.of(initiator=PARTY)) == []


async def test_follow_a_verzoek_to_its_zaak(client: Any, backend: InMemoryBackend) -> None:
    typ = verzoektype(backend)
    verzoek = await resolve(
        client.verzoeken.verzoeken.register(typ["url"], {"omschrijving": "x"}, bsn=BSN)
    )
    assert await resolve(client.verzoeken.verzoeken.zaak_of(verzoek.url)) is None  # not yet

    zaak_url = zaak(backend, "ZAAK-2026-0000000042")
    zaak(backend, "ZAAK-2026-0000000043")
    link = {
        "isGerelateerdAan": [{"urn": zaak_urn("ZAAK-2026-0000000042", organisatie=ORGANISATIE)}]
    }
    await resolve(client.verzoeken.verzoeken.partial_update(verzoek, link))
    backend.reset_log()
    found = await resolve(client.verzoeken.verzoeken.zaak_of(verzoek.uuid))
    assert isinstance(found, Zaak)
    assert found.url == zaak_url
    assert methods(backend) == ["GET", "GET"]  # the verzoek, then zaken?identificatie=

    zaak(backend, "ZAAK-2026-0000000042", rsin="001234567")  # another municipality's
    with pytest.raises(ZaakLinkError, match="bronorganisatie"):
        await resolve(client.verzoeken.verzoeken.zaak_of(verzoek.url))
    picked = await resolve(
        client.verzoeken.verzoeken.zaak_of(verzoek.url, bronorganisatie="002220647")
    )
    assert picked.url == zaak_url


async def test_a_link_to_an_unknown_zaak_is_an_error(client: Any, backend: InMemoryBackend) -> None:
    typ = verzoektype(backend)
    unknown = zaak_urn("ZAAK-1999-0000000001", organisatie=ORGANISATIE)
    verzoek = await resolve(
        client.verzoeken.verzoeken.register(
            typ["url"],
            {"omschrijving": "x"},
            bsn=BSN,
            extra={"isGerelateerdAan": [{"urn": unknown}]},
        )
    )
    backend.reset_log()
    with pytest.raises(ZaakLinkError, match="does not know"):
        await resolve(client.verzoeken.verzoeken.zaak_of(verzoek))
    assert methods(backend) == ["GET"]  # a model is taken as it is: only the zaken list
