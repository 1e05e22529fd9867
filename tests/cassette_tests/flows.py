"""The flows recorded into ``cassettes/`` and replayed by the tests, one per API family.

Each flow makes the same calls whether it runs against the real servers (recording) or a
cassette (replay), and cleans up what it creates. Request bodies may differ between runs
(dates, fresh UUIDs); the cassettes are matched on method, URL path and query only.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from zgw_client import AsyncZGWClient, ZGWClient, contactmomenten_about_zaak
from zgw_client.besluiten.models import Besluit
from zgw_client.catalogi.models import (
    Besluittype,
    Catalogus,
    Informatieobjecttype,
    Resultaattype,
    Roltype,
    Statustype,
    Zaaktype,
)
from zgw_client.contact import Contactmoment
from zgw_client.documenten.models import EnkelvoudigInformatieObject
from zgw_client.klantinteracties.models import Klantcontact, Partij
from zgw_client.mijnzaken import MijnZaken, Overview
from zgw_client.objecten.models import ObjectRecord
from zgw_client.objecten.taken import Taak
from zgw_client.zaken.models import AuditTrail, Resultaat, Rol, Status, Zaak, ZaakBesluit

OPENZAAK = "http://127.0.0.1:8000"
CATALOGI = f"{OPENZAAK}/catalogi/api/v1"
#: The seeded catalogue of the loopback Open Zaak (recorded when the cassettes were made).
CATALOGUS = f"{CATALOGI}/catalogussen/0aa0c422-12a8-4b26-b2b0-e6246c18fe9a"
ZAAKTYPE = f"{CATALOGI}/zaaktypen/81306c26-5332-46b2-92ae-cbfb7099469f"
STATUSTYPEN = [
    f"{CATALOGI}/statustypen/8917db33-cf20-495b-8290-2393000955df",
    f"{CATALOGI}/statustypen/870e808e-b6e9-4cdc-8957-297f85b00ad2",
    f"{CATALOGI}/statustypen/74ca272f-e41f-4680-b89d-40f33d1d900a",
]
INITIATOR_ROLTYPE = f"{CATALOGI}/roltypen/a624f34b-6a2d-4bcf-aa83-40e3a0c8a979"
INFORMATIEOBJECTTYPE = f"{CATALOGI}/informatieobjecttypen/e46e4e7d-1bc5-4bd7-ba35-8bfd1bb62df0"
BESLUITTYPE = f"{CATALOGI}/besluittypen/2c4cd6a7-cb66-4c6a-8fd7-024a24bb94c2"
RESULTAATTYPE = f"{CATALOGI}/resultaattypen/ecb1e864-0f69-4671-a49d-c021ff352496"
TAAK_OBJECTTYPE = "http://127.0.0.1:8003/api/v2/objecttypes/315506ae-dc4f-41c5-ba00-d6ce07a94ccd"
RSIN = "000000000"
BSN = "999990111"

ROOTS = {
    "zaken": f"{OPENZAAK}/zaken/api/v1/",
    "catalogi": f"{OPENZAAK}/catalogi/api/v1/",
    "documenten": f"{OPENZAAK}/documenten/api/v1/",
    "besluiten": f"{OPENZAAK}/besluiten/api/v1/",
    "klantinteracties": "http://127.0.0.1:8001/klantinteracties/api/v1/",
    "objecten": "http://127.0.0.1:8003/api/v2/",
}

SMALL = b"Hallo van zgw-client (cassette).\n"
LARGE = b"".join(b"regel %05d van het grote bestand\n" % i for i in range(200))
#: MijnZaken's "today", so that days_left does not depend on the day of the replay.
TODAY = dt.date(2030, 12, 1)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


def _today() -> str:
    return dt.date.today().isoformat()


def _zaak(client: ZGWClient, omschrijving: str) -> Zaak:
    return client.zaken.zaken.create(
        {
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "zaaktype": ZAAKTYPE,
            "startdatum": _today(),
            "omschrijving": omschrijving,
            "vertrouwelijkheidaanduiding": "openbaar",
        }
    )


def _rol(client: ZGWClient, zaak: Zaak) -> Rol:
    return client.zaken.rollen.create(
        {
            "zaak": zaak.url,
            "betrokkeneType": "natuurlijk_persoon",
            "roltype": INITIATOR_ROLTYPE,
            "roltoelichting": "initiator",
            "betrokkeneIdentificatie": {"inpBsn": BSN, "geslachtsnaam": "Cassette"},
        }
    )


def _document_metadata(**extra: Any) -> dict[str, Any]:
    return {
        "bronorganisatie": RSIN,
        "creatiedatum": _today(),
        "titel": "zgw-client cassette",
        "auteur": "zgw-client",
        "taal": "nld",
        "informatieobjecttype": INFORMATIEOBJECTTYPE,
        "bestandsnaam": "klein.txt",
        "formaat": "text/plain",
        "vertrouwelijkheidaanduiding": "openbaar",
        "status": "definitief",
        **extra,
    }


def _taak_data(zaak_uuid: str | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "titel": "Lever een document aan",
        "status": "open",
        "soort": "url",
        "url": {"uri": "https://example.org/formulier"},
        "identificatie": {"type": "bsn", "value": BSN},
        "verloopdatum": "2030-12-31T23:59:59Z",
        "eigenaar": "zgw-client-cassette",
        "verwerker_taak_id": "0b7e3a5e-4c64-4f1e-9a4b-7f3c2f3c1d2e",
    }
    if zaak_uuid:
        data["koppeling"] = {"registratie": "zaak", "uuid": zaak_uuid}
    return data


# -- catalogi ---------------------------------------------------------------------------
@dataclass
class CatalogiResult:
    catalogus: Catalogus
    zaaktype: Zaaktype
    statustypen: list[Statustype]
    roltypen: list[Roltype]
    resultaattypen: list[Resultaattype]
    informatieobjecttype: Informatieobjecttype
    besluittype: Besluittype


def catalogi_read(client: ZGWClient) -> CatalogiResult:
    catalogi = client.catalogi
    return CatalogiResult(
        catalogus=catalogi.catalogussen.get(CATALOGUS),
        zaaktype=catalogi.zaaktypen.get(ZAAKTYPE),
        statustypen=catalogi.statustypen_of(ZAAKTYPE),
        roltypen=catalogi.roltypen.list(zaaktype=ZAAKTYPE).to_list(),
        resultaattypen=catalogi.resultaattypen.list(zaaktype=ZAAKTYPE).to_list(),
        informatieobjecttype=catalogi.informatieobjecttypen.get(INFORMATIEOBJECTTYPE),
        besluittype=catalogi.besluittypen.get(BESLUITTYPE),
    )


async def catalogi_read_async(client: AsyncZGWClient) -> CatalogiResult:
    catalogi = client.catalogi
    return CatalogiResult(
        catalogus=await catalogi.catalogussen.get(CATALOGUS),
        zaaktype=await catalogi.zaaktypen.get(ZAAKTYPE),
        statustypen=await catalogi.statustypen_of(ZAAKTYPE),
        roltypen=await catalogi.roltypen.list(zaaktype=ZAAKTYPE).to_list(),
        resultaattypen=await catalogi.resultaattypen.list(zaaktype=ZAAKTYPE).to_list(),
        informatieobjecttype=await catalogi.informatieobjecttypen.get(INFORMATIEOBJECTTYPE),
        besluittype=await catalogi.besluittypen.get(BESLUITTYPE),
    )


# -- zaken ------------------------------------------------------------------------------
@dataclass
class ZakenResult:
    zaak: Zaak
    rol: Rol
    status: Status
    resultaat: Resultaat
    by_bsn: list[Zaak]
    detail: Zaak
    searched: list[Zaak]
    audittrail: list[AuditTrail]
    status_twice: tuple[Status, Status]


def zaken(client: ZGWClient) -> ZakenResult:
    api = client.zaken
    zaak = _zaak(client, "zgw-client cassette: zaken")
    try:
        rol = _rol(client, zaak)
        status = api.statussen.create(
            {"zaak": zaak.url, "statustype": STATUSTYPEN[0], "datumStatusGezet": _now()}
        )
        resultaat = api.resultaten.create({"zaak": zaak.url, "resultaattype": RESULTAATTYPE})
        by_bsn = api.zaken.list(
            rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn=BSN,
            expand=["status.statustype"],
        ).to_list()
        detail = api.zaken.get(zaak, expand=["zaaktype", "rollen", "resultaat.resultaattype"])
        searched = api.zaken.search(uuid__in=[str(zaak.uuid)], expand=["status"]).to_list()
        trail = api.zaken.audittrail(zaak)
        twice = (api.statussen.get(status), api.statussen.get(status))  # 200, then 304
        api.resultaten.delete(resultaat)  # before the zaak: Open Zaak answers 500 otherwise
    finally:
        api.zaken.delete(zaak)
    return ZakenResult(zaak, rol, status, resultaat, by_bsn, detail, searched, trail, twice)


# -- documenten -------------------------------------------------------------------------
@dataclass
class DocumentenResult:
    small: EnkelvoudigInformatieObject
    small_content: bytes
    large: EnkelvoudigInformatieObject
    large_content: bytes
    large_filename: str | None
    lock: str
    locked_update: EnkelvoudigInformatieObject
    after_unlock: EnkelvoudigInformatieObject


def documenten(client: ZGWClient) -> DocumentenResult:
    eio = client.documenten.enkelvoudiginformatieobjecten
    small = eio.upload(SMALL, metadata=_document_metadata())
    large = None
    try:
        with eio.download(small) as dl:
            small_content = b"".join(dl)
        large = eio.upload(
            LARGE, metadata=_document_metadata(bestandsnaam="groot.txt"), chunk_threshold=1024
        )
        with eio.download(large) as dl:
            large_content = b"".join(dl)
            filename = dl.filename
        lock = eio.lock(small)
        updated = eio.partial_update(small, {"titel": "gewijzigd", "lock": lock})
        eio.unlock(small, lock)
        after = eio.get(small)
    finally:
        if large is not None:
            eio.delete(large)
        eio.delete(small)
    return DocumentenResult(
        small, small_content, large, large_content, filename, lock, updated, after
    )


# -- besluiten --------------------------------------------------------------------------
@dataclass
class BesluitenResult:
    zaak: Zaak
    besluit: Besluit
    by_zaak: list[Besluit]
    zaak_besluiten: list[ZaakBesluit]


def besluiten(client: ZGWClient) -> BesluitenResult:
    zaak = _zaak(client, "zgw-client cassette: besluiten")
    try:
        besluit = client.besluiten.besluiten.create(
            {
                "verantwoordelijkeOrganisatie": RSIN,
                "besluittype": BESLUITTYPE,
                "zaak": zaak.url,
                "datum": _today(),
                "ingangsdatum": _today(),
                "toelichting": "cassette",
            }
        )
        try:
            by_zaak = client.besluiten.besluiten.list(zaak=str(zaak.url)).to_list()
            zaak_besluiten = client.zaken.zaken.besluiten(zaak)
        finally:
            client.besluiten.besluiten.delete(besluit)
    finally:
        client.zaken.zaken.delete(zaak)
    return BesluitenResult(zaak, besluit, by_zaak, zaak_besluiten)


# -- klantinteracties -------------------------------------------------------------------
@dataclass
class KlantinteractiesResult:
    partij: Partij
    found: Partij | None
    zaak: Zaak
    klantcontact: Klantcontact
    about_zaak: list[Klantcontact]
    contactmomenten: list[Contactmoment]


def klantinteracties(client: ZGWClient) -> KlantinteractiesResult:
    ki = client.klantinteracties
    partij = ki.partijen.create(
        {
            "soortPartij": "persoon",
            "indicatieActief": True,
            "indicatieGeheimhouding": False,
            "voorkeurstaal": "nld",
            "digitaleAdressen": [],
            "rekeningnummers": [],
            "voorkeursDigitaalAdres": None,
            "voorkeursRekeningnummer": None,
            "partijIdentificatie": {
                "contactnaam": {
                    "voorletters": "C",
                    "voornaam": "Cassette",
                    "voorvoegselAchternaam": "",
                    "achternaam": "Testpersoon",
                }
            },
            "partijIdentificatoren": [
                {
                    "partijIdentificator": {
                        "codeObjecttype": "natuurlijk_persoon",
                        "codeSoortObjectId": "bsn",
                        "objectId": BSN,
                        "codeRegister": "brp",
                    }
                }
            ],
        }
    )
    zaak = _zaak(client, "zgw-client cassette: klantinteracties")
    try:
        found = ki.partij_for_bsn(BSN)
        contact = ki.klantcontacten.create(
            {
                "kanaal": "e-mail",
                "onderwerp": "Vraag over mijn zaak",
                "inhoud": "Hoe staat het ermee?",
                "indicatieContactGelukt": True,
                "taal": "nld",
                "vertrouwelijk": False,
                "plaatsgevondenOp": _now(),
            }
        )
        betrokkene = ki.betrokkenen.create(
            {
                "wasPartij": {"uuid": str(partij.uuid)},
                "hadKlantcontact": {"uuid": str(contact.uuid)},
                "rol": "klant",
                "initiator": True,
                "organisatienaam": "",
            }
        )
        onderwerp = ki.onderwerpobjecten.create(
            {
                "klantcontact": {"uuid": str(contact.uuid)},
                "onderwerpobjectidentificator": {
                    "objectId": str(zaak.uuid),
                    "codeObjecttype": "zaak",
                    "codeRegister": "openzaak",
                    "codeSoortObjectId": "uuid",
                },
            }
        )
        about = ki.klantcontacten_about_zaak(zaak).to_list()
        moments = contactmomenten_about_zaak(client, zaak)
        ki.onderwerpobjecten.delete(onderwerp)
        ki.betrokkenen.delete(betrokkene)
        ki.klantcontacten.delete(contact)
    finally:
        client.zaken.zaken.delete(zaak)
        ki.partijen.delete(partij)
    return KlantinteractiesResult(partij, found, zaak, contact, about, moments)


# -- objecten / taken -------------------------------------------------------------------
@dataclass
class TakenResult:
    open_before: list[Taak]
    completed: Taak
    open_after: list[Taak]
    history: list[ObjectRecord]


def taken(client: ZGWClient) -> TakenResult:
    objects = client.objecten.objects
    obj = objects.create(
        {
            "type": TAAK_OBJECTTYPE,
            "record": {
                "typeVersion": 1,
                "startAt": _today(),
                "data": _taak_data("5551a7c5-4e92-43e6-8d23-80359b7e22b7"),
            },
        }
    )
    try:
        before = client.objecten.taken.open_taken(bsn=BSN, objecttype=TAAK_OBJECTTYPE)
        completed = client.objecten.taken.complete(before[0])
        after = client.objecten.taken.open_taken(bsn=BSN, objecttype=TAAK_OBJECTTYPE)
        history = objects.history(obj).to_list()
    finally:
        objects.delete(obj)
    return TakenResult(before, completed, after, history)


# -- mijnzaken --------------------------------------------------------------------------
@dataclass
class MijnZakenResult:
    zaak: Zaak
    overview: Overview
    created: dict[str, str] = field(default_factory=dict)


def mijnzaken_overview(client: ZGWClient) -> MijnZakenResult:
    zaak = _zaak(client, "zgw-client cassette: mijnzaken")
    obj = None
    try:
        _rol(client, zaak)
        client.zaken.statussen.create(
            {"zaak": zaak.url, "statustype": STATUSTYPEN[1], "datumStatusGezet": _now()}
        )
        obj = client.objecten.objects.create(
            {
                "type": TAAK_OBJECTTYPE,
                "record": {
                    "typeVersion": 1,
                    "startAt": _today(),
                    "data": _taak_data(str(zaak.uuid)),
                },
            }
        )
        overview = MijnZaken(client, today=lambda: TODAY).overview(bsn=BSN)
    finally:
        if obj is not None:
            client.objecten.objects.delete(obj)
        client.zaken.zaken.delete(zaak)
    return MijnZakenResult(zaak, overview, {"taak": str(obj.url) if obj else ""})
