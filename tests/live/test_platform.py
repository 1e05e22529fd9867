"""The Dienstverleningsplatform against real servers: Open VTB 0.1.0 (Berichten, Taken,
Verzoeken) and Open Product 1.8.0 (Producten, Producttypen), or the in-memory backend.

Every public operation of the five packages runs here: create, read, list, update and
delete where the API has them, the portal operations (mark opened, a citizen's unread
berichten, completing each kind of taak, registering a verzoek and following it to its
zaak, a citizen's current products) and, for a core flow, the async face too. Everything
made is deleted again, except berichten (the API cannot delete them).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from decimal import Decimal
from typing import Any, TypeVar

import pytest

from zgw_client import (
    AsyncZGWClient,
    BadRequestError,
    InputError,
    NotFoundError,
    Resource,
    ZGWClient,
)
from zgw_client.berichten import Bericht
from zgw_client.producten import CurrentProduct, Product, ProductStatus
from zgw_client.producttypen import (
    Actie,
    Contact,
    ContentElement,
    Link,
    Locatie,
    Organisatie,
    Prijs,
    ProductType,
    Thema,
)
from zgw_client.taken import (
    BetaalTaak,
    CitizenTaakSoort,
    ExterneTaak,
    FormulierTaak,
    TaakCompletionError,
    TaakStatus,
    URLTaak,
    citizen_taak_from_vtb,
)
from zgw_client.urns import informatieobject_urn, zaak_urn
from zgw_client.verzoeken import Verzoek, VerzoekType, VerzoekTypeVersie, VerzoekTypeVersieStatus
from zgw_client.zaken import Zaak

from .conftest import OTHER_TEST_BSN, TEST_BSN, Catalogue, Cleanup, zaak_body

pytestmark = pytest.mark.live

PARTY = f"urn:nld:brp:bsn:{TEST_BSN}"
ORGANISATIE = "zgwclientlive"
TODAY = dt.date.today()
FORM = {
    "components": [
        {"label": "Datum", "key": "datum", "type": "date", "validate": {"required": True}},
        {"label": "Opmerking", "key": "opmerking", "type": "textarea"},
    ]
}
SCHEMA = {
    "type": "object",
    "required": ["omschrijving"],
    "properties": {"omschrijving": {"type": "string"}, "aantal": {"type": "integer"}},
}


def day(offset: int) -> str:
    return (TODAY + dt.timedelta(days=offset)).isoformat()


def run_id() -> str:
    return uuid.uuid4().hex[:8]


#: What the catalogue collections of Open Product hold (each checked the same way below).
Catalogued = TypeVar("Catalogued", Locatie, Organisatie, Contact, Link, Actie)


def check_by_uuid(
    resource: Resource[Catalogued],
    listed: Callable[[], Iterable[Catalogued]],
    item: Catalogued,
    change: dict[str, Any],
) -> None:
    """Read by uuid, change, write back whole, and find it in the list."""
    assert item.uuid is not None
    read = resource.get(item.uuid)  # a contact embeds its organisatie, changed above
    assert (read.uuid, read.naam) == (item.uuid, item.naam)
    changed = resource.partial_update(item, change)
    assert resource.update(changed, changed).uuid == item.uuid
    assert item.uuid in [i.uuid for i in listed()]


def check_by_model(
    resource: Resource[Catalogued],
    listed: Callable[[], Iterable[Catalogued]],
    item: Catalogued,
    change: dict[str, Any],
) -> None:
    """Read by the model, change by uuid, and find it in the list."""
    assert item.uuid is not None
    assert resource.get(item) == item
    assert resource.partial_update(item.uuid, change).naam == change["naam"]
    assert item.uuid in [i.uuid for i in listed()]


# -- Berichten -----------------------------------------------------------------------------
@pytest.mark.usefixtures("need_openvtb")
def test_berichten(platform_client: ZGWClient) -> None:
    berichten = platform_client.berichten.berichten
    marker = run_id()
    created = berichten.create(
        {
            "onderwerp": f"zgw-client live {marker}",
            "berichtTekst": "Een testbericht van de live tests.",
            "ontvanger": f"urn:nld:brp:bsn:{OTHER_TEST_BSN}",
            "mijnOverheidBerichtenbox": False,
            "berichtType": "test",
            "handelingsPerspectief": "lezen",
            "isGerelateerdAan": [{"urn": zaak_urn("ZAAK-LIVE-1", organisatie=ORGANISATIE)}],
        }
    )
    assert isinstance(created, Bericht)
    assert created.uuid is not None
    assert created.url is not None
    assert created.publicatiedatum is not None
    assert created.zaak_identificaties == ["ZAAK-LIVE-1"]
    assert berichten.get(created.uuid) == created
    assert platform_client.get(str(created.url)) == created
    assert created.url in [b.url for b in berichten.list(page_size=500)]

    unread = berichten.unread(bsn=OTHER_TEST_BSN)
    assert created.url in [b.url for b in unread]
    published = [b.publicatiedatum for b in berichten.of(bsn=OTHER_TEST_BSN) if b.publicatiedatum]
    assert published == sorted(published, reverse=True)  # newest first

    opened = berichten.mark_opened(created.url)
    assert opened.geopend_op is not None
    again = berichten.mark_opened(
        created.uuid, opened_at=dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    )
    assert again.geopend_op == opened.geopend_op  # the first opening is kept
    assert created.url not in [b.url for b in berichten.unread(bsn=OTHER_TEST_BSN)]
    assert created.url in [b.url for b in berichten.of(bsn=OTHER_TEST_BSN)]
    with pytest.raises(InputError):
        berichten.delete(created)
    with pytest.raises(BadRequestError) as caught:
        berichten.create({"onderwerp": "x"})
    assert {p.name for p in caught.value.invalid_params} >= {"berichtTekst", "ontvanger"}


@pytest.mark.usefixtures("need_openvtb")
@pytest.mark.asyncio
async def test_berichten_async(async_platform_client: AsyncZGWClient) -> None:
    berichten = async_platform_client.berichten.berichten
    created = await berichten.create(
        {
            "onderwerp": f"zgw-client live async {run_id()}",
            "berichtTekst": "Een testbericht.",
            "ontvanger": f"urn:nld:brp:bsn:{OTHER_TEST_BSN}",
            "mijnOverheidBerichtenbox": False,
        }
    )
    assert created.url in [b.url for b in await berichten.unread(bsn=OTHER_TEST_BSN)]
    opened = await berichten.mark_opened(created)
    assert opened.is_opened
    assert created.url not in [b.url for b in await berichten.unread(bsn=OTHER_TEST_BSN)]


# -- Taken -------------------------------------------------------------------------------
def betaaltaak_body(**extra: Any) -> dict[str, Any]:
    return {
        "titel": "Betaal uw parkeerbon (live)",
        "einddatumHandelingsTermijn": day(14),
        "isToegewezenAan": PARTY,
        "handelingsPerspectief": "betalen",
        "details": {
            "bedrag": "74.90",
            "transactieomschrijving": f"Parkeerbon {run_id()}",
            "doelrekening": {"naam": "Gemeente", "iban": "NL79INGB0000005678"},
        },
        **extra,
    }


def urltaak_body(**extra: Any) -> dict[str, Any]:
    return {
        "titel": "Upload bewijs (live)",
        "einddatumHandelingsTermijn": day(20),
        "isToegewezenAan": PARTY,
        "details": {"uitvraagLink": "https://formulieren.example.nl/bewijs"},
        **extra,
    }


def formuliertaak_body(**extra: Any) -> dict[str, Any]:
    return {
        "titel": "Kies een datum (live)",
        "einddatumHandelingsTermijn": day(7),
        "isToegewezenAan": PARTY,
        "details": {"formulierDefinitie": FORM},
        **extra,
    }


@pytest.mark.usefixtures("need_openvtb")
@pytest.mark.parametrize(
    ("resource", "body", "model"),
    [
        ("betaaltaken", betaaltaak_body, BetaalTaak),
        ("urltaken", urltaak_body, URLTaak),
        ("formuliertaken", formuliertaak_body, FormulierTaak),
    ],
)
def test_taken_crud_per_kind(
    platform_client: ZGWClient,
    cleanup: Cleanup,
    resource: str,
    body: Any,
    model: type[ExterneTaak],
) -> None:
    endpoint = getattr(platform_client.taken, resource)
    created = endpoint.create(body())
    cleanup.add(resource, lambda: endpoint.delete(created))
    assert isinstance(created, model)
    assert created.url is not None
    assert "/externetaken/" in created.url
    assert created.status == TaakStatus.OPEN
    assert endpoint.get(created.uuid) == created
    assert platform_client.taken.externetaken.get(created.url).model_dump() == created.model_dump()
    assert created.url in [t.url for t in endpoint.list(page_size=500)]
    changed = endpoint.partial_update(created, {"toelichting": "Gewijzigd"})
    assert changed.toelichting == "Gewijzigd"
    replaced = endpoint.update(changed.url, {**body(), "titel": "Vervangen (live)"})
    assert replaced.titel == "Vervangen (live)"
    back = endpoint.update(replaced, replaced)  # a model read goes back as it is
    assert back.titel == "Vervangen (live)"
    endpoint.delete(created)
    with pytest.raises(NotFoundError):
        endpoint.get(created.uuid)


@pytest.mark.usefixtures("need_openvtb")
def test_externetaken_and_a_partys_open_taken(platform_client: ZGWClient, cleanup: Cleanup) -> None:
    taken = platform_client.taken
    created = taken.externetaken.create({**urltaak_body(), "taakSoort": "urltaak"})
    cleanup.add("externetaak", lambda: taken.externetaken.delete(created))
    assert isinstance(created, ExterneTaak)
    assert created.details.uitvraag_link == "https://formulieren.example.nl/bewijs"
    changed = taken.externetaken.partial_update(created, {"toelichting": "Via externetaken"})
    assert changed.toelichting == "Via externetaken"
    replaced = taken.externetaken.update(changed, changed)
    assert replaced.toelichting == "Via externetaken"
    assert created.url in [t.url for t in taken.externetaken.list()]
    open_ = taken.externetaken.open_of(bsn=TEST_BSN)
    assert created.url in [t.url for t in open_]
    deadlines = [t.einddatum_handelings_termijn for t in open_]
    assert deadlines == sorted(deadlines)
    view = citizen_taak_from_vtb(replaced, today=TODAY)
    assert (view.soort, view.link, view.days_left) == (
        CitizenTaakSoort.LINK,
        "https://formulieren.example.nl/bewijs",
        20,
    )
    with pytest.raises(BadRequestError) as caught:
        taken.externetaken.create(urltaak_body())  # no taakSoort
    assert "taakSoort" in {p.name for p in caught.value.invalid_params}


@pytest.mark.usefixtures("need_openvtb")
def test_complete_each_kind(platform_client: ZGWClient, cleanup: Cleanup) -> None:
    taken = platform_client.taken
    pay = taken.betaaltaken.create(betaaltaak_body())
    cleanup.add("betaaltaak", lambda: taken.betaaltaken.delete(pay))
    assert pay.url is not None
    assert pay.uuid is not None
    with pytest.raises(TaakCompletionError):
        taken.complete(
            pay, bedrag="70.00", transactieomschrijving=pay.details.transactieomschrijving
        )
    assert taken.externetaken.get(pay.url).status == TaakStatus.OPEN
    view = citizen_taak_from_vtb(pay, today=TODAY)
    assert (view.amount_text, view.payment_reference) == (
        "€ 74,90",
        pay.details.transactieomschrijving,
    )
    paid = taken.complete(
        pay.url, bedrag=Decimal("74.90"), transactieomschrijving=pay.details.transactieomschrijving
    )
    assert isinstance(paid, BetaalTaak)
    assert paid.status == TaakStatus.UITGEVOERD
    assert taken.complete(pay.uuid, bedrag="1", transactieomschrijving="x").status == (
        TaakStatus.UITGEVOERD  # done already: returned as it is
    )

    form = taken.formuliertaken.create(formuliertaak_body())
    cleanup.add("formuliertaak", lambda: taken.formuliertaken.delete(form))
    with pytest.raises(TaakCompletionError, match="datum"):
        taken.complete(form, gegevens={"opmerking": "zonder datum"})
    answers = {"datum": day(3), "opmerking": "Liefst 's ochtends"}
    filled = taken.complete(form, gegevens=answers)
    assert isinstance(filled, FormulierTaak)
    assert filled.status == TaakStatus.UITGEVOERD
    assert filled.details.ontvangen_gegevens == answers
    assert filled.details.formulier_definitie["components"][0]["key"] == "datum"

    link = taken.urltaken.create(urltaak_body())
    cleanup.add("urltaak", lambda: taken.urltaken.delete(link))
    done = taken.complete(link, gegevens={"kenmerk": "EXT-1"})
    assert isinstance(done, URLTaak)
    assert done.details.ontvangen_gegevens == {"kenmerk": "EXT-1"}
    assert done.status == TaakStatus.UITGEVOERD


@pytest.mark.usefixtures("need_openvtb")
@pytest.mark.asyncio
async def test_complete_async(async_platform_client: AsyncZGWClient) -> None:
    taken = async_platform_client.taken
    pay = await taken.betaaltaken.create(betaaltaak_body())
    try:
        assert pay.url in [t.url for t in await taken.externetaken.open_of(bsn=TEST_BSN)]
        paid = await taken.complete(
            pay, bedrag="74.90", transactieomschrijving=pay.details.transactieomschrijving
        )
        assert paid.status == TaakStatus.UITGEVOERD
        assert pay.url not in [t.url for t in await taken.externetaken.open_of(bsn=TEST_BSN)]
    finally:
        await taken.betaaltaken.delete(pay)


# -- Verzoeken ---------------------------------------------------------------------------
@pytest.mark.usefixtures("need_openvtb")
def test_verzoektypen_and_versions(platform_client: ZGWClient, cleanup: Cleanup) -> None:
    api = platform_client.verzoeken
    typ = api.verzoektypen.create({"naam": f"zgw-client live {run_id()}"})
    cleanup.add("verzoektype", lambda: api.verzoektypen.delete(typ))
    assert isinstance(typ, VerzoekType)
    assert typ.uuid is not None
    assert api.verzoektypen.get(typ.uuid) == typ
    assert typ.url in [t.url for t in api.verzoektypen.list()]
    typ = api.verzoektypen.partial_update(typ, {"omschrijving": "Voor de live tests"})
    typ = api.verzoektypen.update(typ, typ)
    assert typ.omschrijving == "Voor de live tests"
    assert typ.url is not None
    assert typ.uuid is not None

    first = api.versies.create({"aanvraagGegevensSchema": SCHEMA}, verzoektype=typ)
    assert isinstance(first, VerzoekTypeVersie)
    assert (first.versie, first.status) == (1, VerzoekTypeVersieStatus.DRAFT)
    assert api.versies.get(typ, versie=1) == first
    assert api.versies.get(str(first.url)) == first
    changed = api.versies.partial_update(typ, {"aanvraagGegevensSchema": SCHEMA}, versie=1)
    assert changed.aanvraag_gegevens_schema == SCHEMA
    assert api.versies.update(changed, changed).versie == 1
    published = api.versies.publish(first)
    assert published.status == VerzoekTypeVersieStatus.PUBLISHED
    assert published.begin_geldigheid == TODAY
    current = api.versies.published(typ.url)
    assert current is not None
    assert current.versie == 1
    with pytest.raises(BadRequestError):
        api.versies.delete(typ, versie=1)  # only drafts
    draft = api.versies.create({"aanvraagGegevensSchema": {"type": "object"}}, verzoektype=typ)
    assert draft.versie == 2
    assert [v.versie for v in api.versies.list(typ)] == [2, 1]
    api.versies.delete(draft)
    assert [v.versie for v in api.versies.list(typ.uuid)] == [1]


@pytest.mark.usefixtures("need_openvtb")
def test_register_a_verzoek_and_follow_it_to_its_zaak(
    platform_client: ZGWClient, client: ZGWClient, catalogue: Catalogue, cleanup: Cleanup
) -> None:
    api = platform_client.verzoeken
    typ = api.verzoektypen.create({"naam": f"zgw-client live {run_id()}"})
    cleanup.add("verzoektype", lambda: api.verzoektypen.delete(typ))
    api.versies.publish(api.versies.create({"aanvraagGegevensSchema": SCHEMA}, verzoektype=typ))
    bijlagen = [informatieobject_urn(uuid.uuid4(), organisatie=ORGANISATIE) for _ in range(2)]

    with pytest.raises(BadRequestError):  # the server checks the form data against the schema
        api.verzoeken.register(typ, {"aantal": 1}, bsn=TEST_BSN)
    verzoek = api.verzoeken.register(
        typ,
        {"omschrijving": "Losliggende stoeptegel", "aantal": 2},
        bsn=TEST_BSN,
        bijlagen=bijlagen,
        kanaal="web",
        extra={"verzoekBron": {"naam": "zgw-client", "kenmerk": run_id()}},
    )
    cleanup.add("verzoek", lambda: api.verzoeken.delete(verzoek))
    assert isinstance(verzoek, Verzoek)
    assert verzoek.uuid is not None
    assert verzoek.url is not None
    assert verzoek.initiator == PARTY
    assert [b.informatie_object for b in verzoek.bijlagen] == bijlagen
    assert verzoek.versie == 1
    assert api.verzoeken.get(verzoek.uuid) == verzoek
    assert verzoek.url in [v.url for v in api.verzoeken.list()]
    assert verzoek.url in [v.url for v in api.verzoeken.of(bsn=TEST_BSN)]
    assert api.verzoeken.zaak_of(verzoek.url) is None  # not handled yet

    zaak = client.zaken.zaken.create(zaak_body(catalogue))
    cleanup.add("zaak", lambda: client.zaken.zaken.delete(zaak))
    assert zaak.identificatie
    link = [{"urn": zaak_urn(zaak.identificatie, organisatie=ORGANISATIE)}]
    handled = api.verzoeken.partial_update(
        verzoek, {"isGerelateerdAan": link, "verwerkStatus": "verwerkt"}
    )
    assert handled.zaak_identificaties == [zaak.identificatie]
    found = api.verzoeken.zaak_of(verzoek.url, bronorganisatie=catalogue.bronorganisatie)
    assert isinstance(found, Zaak)
    assert found.url == zaak.url
    replaced = api.verzoeken.update(handled, handled)
    assert replaced.verwerk_status == "verwerkt"


# -- Producttypen and producten ------------------------------------------------------------
@pytest.mark.usefixtures("need_openproduct")
def test_producttypen_catalogue(platform_client: ZGWClient, cleanup: Cleanup) -> None:
    pt = platform_client.producttypen
    marker = run_id()
    thema = pt.themas.create(
        {"naam": f"Live {marker}", "hoofd_thema": None, "producttype_uuids": []}
    )
    cleanup.add("thema", lambda: pt.themas.delete(thema))
    assert isinstance(thema, Thema)
    assert pt.themas.get(thema) == thema
    thema = pt.themas.partial_update(thema, {"beschrijving": "Voor de live tests"})
    assert pt.themas.update(thema, thema).beschrijving == "Voor de live tests"
    assert thema.uuid in [t.uuid for t in pt.themas.list(naam=thema.naam)]

    locatie = pt.locaties.create({"naam": f"Stadhuis {marker}", "stad": "Den Haag"})
    cleanup.add("locatie", lambda: pt.locaties.delete(locatie))
    organisatie = pt.organisaties.create({"naam": f"Gemeente {marker}", "code": f"LIVE-{marker}"})
    cleanup.add("organisatie", lambda: pt.organisaties.delete(organisatie))
    contact = pt.contacten.create({"naam": "Loket", "organisatie_uuid": str(organisatie.uuid)})
    cleanup.add("contact", lambda: pt.contacten.delete(contact))
    assert isinstance(locatie, Locatie)
    assert isinstance(organisatie, Organisatie)
    assert isinstance(contact, Contact)
    check_by_uuid(pt.locaties, pt.locaties.list, locatie, {"postcode": "2511BT"})
    check_by_uuid(pt.organisaties, pt.organisaties.list, organisatie, {"stad": "Den Haag"})
    check_by_uuid(pt.contacten, pt.contacten.list, contact, {"rol": "loket"})

    producttype = pt.producttypen.create(
        {
            "uniforme_product_naam": "parkeervergunning",
            "doelgroep": "burgers",
            "thema_uuids": [str(thema.uuid)],
            "locatie_uuids": [str(locatie.uuid)],
            "contact_uuids": [str(contact.uuid)],
            "naam": f"Live parkeervergunning {marker}",
            "samenvatting": "Voor de live tests.",
            "code": f"LIVE-{marker.upper()}",
            "publicatie_start_datum": day(-1),
            "toegestane_statussen": ["actief", "verlopen"],
        }
    )
    cleanup.add("producttype", lambda: pt.producttypen.delete(producttype))
    assert isinstance(producttype, ProductType)
    assert producttype.gepubliceerd is True
    assert pt.producttypen.get(producttype) == producttype
    changed = pt.producttypen.partial_update(producttype, {"keywords": ["live"]})
    assert changed.keywords == ["live"]
    back = pt.producttypen.update(changed, changed)  # themas, locaties... as uuids
    assert [t.uuid for t in back.themas] == [thema.uuid]
    assert [c.uuid for c in back.contacten] == [contact.uuid]
    assert producttype.uuid in [p.uuid for p in pt.producttypen.list(code=producttype.code)]

    prijs = pt.prijzen.create(
        {
            "producttype_uuid": str(producttype.uuid),
            "actief_vanaf": day(0),
            "prijsopties": [{"bedrag": "75", "beschrijving": "1 jaar"}],
        }
    )
    cleanup.add("prijs", lambda: pt.prijzen.delete(prijs))
    assert isinstance(prijs, Prijs)
    actueel = pt.producttypen.actuele_prijs(producttype)
    assert actueel.actuele_prijs is not None
    assert actueel.actuele_prijs.uuid == prijs.uuid  # in force from today
    assert producttype.uuid in [a.uuid for a in pt.producttypen.actuele_prijzen()]
    assert pt.prijzen.get(prijs) == prijs
    with pytest.raises(BadRequestError):
        pt.prijzen.partial_update(prijs, {"actief_vanaf": day(-1)})  # not before today
    prijs = pt.prijzen.partial_update(prijs, {"actief_vanaf": day(1)})
    assert pt.prijzen.update(prijs, prijs).uuid == prijs.uuid

    link = pt.links.create(
        {"producttype_uuid": str(producttype.uuid), "naam": "Meer", "url": "https://example.nl/p"}
    )
    cleanup.add("link", lambda: pt.links.delete(link))
    actie = pt.acties.create(
        {
            "producttype_uuid": str(producttype.uuid),
            "naam": "Opzeggen",
            "direct_url": "https://formulieren.example.nl/opzeggen",
        }
    )
    cleanup.add("actie", lambda: pt.acties.delete(actie))
    assert isinstance(link, Link)
    assert isinstance(actie, Actie)
    check_by_model(pt.links, pt.links.list, link, {"naam": "Meer informatie"})
    check_by_model(pt.acties, pt.acties.list, actie, {"naam": "Zeg op"})
    assert actie.url == "https://formulieren.example.nl/opzeggen"
    assert (
        pt.links.update(
            link,
            {
                "producttype_uuid": str(producttype.uuid),
                "naam": "Info",
                "url": "https://example.nl/q",
            },
        ).naam
        == "Info"
    )
    assert (
        pt.acties.update(
            actie,
            {
                "producttype_uuid": str(producttype.uuid),
                "naam": "Stop",
                "direct_url": "https://example.nl/stop",
            },
        ).url
        == "https://example.nl/stop"
    )

    content = pt.content.create({"producttype_uuid": str(producttype.uuid), "content": "# Kosten"})
    cleanup.add("content", lambda: pt.content.delete(content))
    assert isinstance(content, ContentElement)
    assert pt.content.get(content) == content
    content = pt.content.partial_update(content, {"content": "# Kosten\nGratis"})
    assert pt.content.update(content, content).content == "# Kosten\nGratis"
    assert [c.uuid for c in pt.producttypen.content(producttype)] == [content.uuid]
    assert content.uuid in [
        c.uuid for c in pt.content.list(producttype__uuid=str(producttype.uuid))
    ]
    thema_content = pt.content.create({"thema_uuid": str(thema.uuid), "content": "Over parkeren"})
    cleanup.add("content", lambda: pt.content.delete(thema_content))
    assert [c.uuid for c in pt.themas.content_elementen(thema)] == [thema_content.uuid]
    assert isinstance(pt.contentlabels.list().to_list(), list)
    assert isinstance(pt.schemas.list().to_list(), list)


@pytest.mark.usefixtures("need_openproduct")
def test_producten_of_a_citizen(platform_client: ZGWClient, cleanup: Cleanup) -> None:
    pt, producten = platform_client.producttypen, platform_client.producten.producten
    marker = run_id()
    thema = pt.themas.create(
        {"naam": f"Live {marker}", "hoofd_thema": None, "producttype_uuids": []}
    )
    cleanup.add("thema", lambda: pt.themas.delete(thema))
    producttype = pt.producttypen.create(
        {
            "uniforme_product_naam": "parkeervergunning",
            "doelgroep": "burgers",
            "thema_uuids": [str(thema.uuid)],
            "naam": f"Live parkeervergunning {marker}",
            "samenvatting": "Voor de live tests.",
            "code": f"LIVE-{marker.upper()}",
            "toegestane_statussen": ["actief", "verlopen"],
        }
    )
    cleanup.add("producttype", lambda: pt.producttypen.delete(producttype))
    zaak_url = f"https://openzaak.example.nl/zaken/api/v1/zaken/{uuid.uuid4()}"
    created = producten.create(
        {
            "producttype_uuid": str(producttype.uuid),
            "eigenaren": [{"bsn": TEST_BSN}],
            "naam": f"Parkeervergunning {marker}",
            "status": "actief",
            "start_datum": day(-10),
            "eind_datum": day(30),
            "prijs": "75.00",
            "frequentie": "jaarlijks",
            "aanvraag_zaak_url": zaak_url,
        }
    )
    cleanup.add("product", lambda: producten.delete(created))
    assert isinstance(created, Product)
    assert created.uuid is not None
    assert created.status == ProductStatus.ACTIEF
    assert producten.get(created.uuid) == created
    assert platform_client.get(str(created.url)) == created
    listed = producten.list(eigenaren__bsn=TEST_BSN, page_size=100).to_list()
    assert created.url in [p.url for p in listed]
    assert created.url in [p.url for p in producten.of(bsn=TEST_BSN)]
    current = producten.current_of(bsn=TEST_BSN)
    mine = [c for c in current if c.product.url == created.url]
    assert len(mine) == 1
    assert isinstance(mine[0], CurrentProduct)
    assert mine[0].days_left == 30

    changed = producten.partial_update(created, {"naam": f"Parkeervergunning {marker} (2)"})
    assert changed.naam.endswith("(2)")
    back = producten.update(changed, changed)  # producttype as producttype_uuid, no read-only
    assert back.eigenaren[0].uuid == created.eigenaren[0].uuid
    with pytest.raises(BadRequestError) as caught:
        producten.create({"producttype_uuid": str(producttype.uuid), "eigenaren": [{"bsn": "123"}]})
    assert "eigenaren.0.bsn" in {p.name for p in caught.value.invalid_params}
    producten.delete(created)
    assert created.url not in [p.url for p in producten.of(bsn=TEST_BSN)]


@pytest.mark.usefixtures("need_openproduct")
@pytest.mark.asyncio
async def test_current_products_async(async_platform_client: AsyncZGWClient) -> None:
    current = await async_platform_client.producten.producten.current_of(bsn=TEST_BSN)
    assert all(c.is_current for c in current)
    ends = [c.eind_datum for c in current if c.eind_datum is not None]
    assert ends == sorted(ends)
