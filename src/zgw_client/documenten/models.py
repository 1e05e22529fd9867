"""Typed models of the Documenten API (DRC): documents, their parts, links and usage rights.

Built against Open Zaak 1.30 (Documenten 1.4.2) and compatible with the VNG Documenten 1.4.3,
1.5.0 and 1.7.0 specs: fields an older server lacks default to ``None``; fields a newer server
adds are kept in ``model_extra``.

``EnkelvoudigInformatieObject.inhoud`` is a *download URL* when read (``…/download?versie=1``)
but base64 content when written; the model types it as ``str`` for both directions.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated

from pydantic import Field

from .._models import OPEN_ENUM, Reference, ZGWModel
from ..catalogi.models import (
    AuditTrail,
    ExpandModel,
    Informatieobjecttype,
    Vertrouwelijkheidaanduiding,
)

__all__ = [
    "RESOURCE_MODELS",
    "AuditTrail",
    "BestandsDeel",
    "BinnenlandsCorrespondentieadres",
    "BuitenlandsCorrespondentieadres",
    "CorrespondentiePostadres",
    "DocumentStatus",
    "EnkelvoudigInformatieObject",
    "EnkelvoudigInformatieObjectExpand",
    "Gebruiksrechten",
    "GebruiksrechtenExpand",
    "Integriteit",
    "IntegriteitAlgoritme",
    "Lock",
    "ObjectInformatieObject",
    "ObjectInformatieObjectExpand",
    "ObjectInformatieObjectType",
    "Ondertekening",
    "OndertekeningSoort",
    "PostadresType",
    "Vertrouwelijkheidaanduiding",
    "Verzending",
    "VerzendingAardRelatie",
    "VerzendingExpand",
]


# --------------------------------------------------------------------------- enums


class DocumentStatus(str, Enum):
    """Life-cycle state of a document; portals usually show only ``definitief``/``gearchiveerd``."""

    in_bewerking = "in_bewerking"
    ter_vaststelling = "ter_vaststelling"
    definitief = "definitief"
    gearchiveerd = "gearchiveerd"


class OndertekeningSoort(str, Enum):
    """How a document was signed."""

    analoog = "analoog"
    digitaal = "digitaal"
    pki = "pki"


class IntegriteitAlgoritme(str, Enum):
    """Checksum algorithm of a document's integriteit."""

    crc_16 = "crc_16"
    crc_32 = "crc_32"
    crc_64 = "crc_64"
    fletcher_4 = "fletcher_4"
    fletcher_8 = "fletcher_8"
    fletcher_16 = "fletcher_16"
    fletcher_32 = "fletcher_32"
    hmac = "hmac"
    md5 = "md5"
    sha_1 = "sha_1"
    sha_256 = "sha_256"
    sha_512 = "sha_512"
    sha_3 = "sha_3"


class ObjectInformatieObjectType(str, Enum):
    """Kind of object a document is linked to through an objectinformatieobject."""

    besluit = "besluit"
    zaak = "zaak"
    verzoek = "verzoek"


class VerzendingAardRelatie(str, Enum):
    """Whether the betrokkene of a verzending sent or received the document."""

    afzender = "afzender"
    geadresseerde = "geadresseerde"


class PostadresType(str, Enum):
    """Kind of postal address of a verzending."""

    antwoordnummer = "antwoordnummer"
    postbusnummer = "postbusnummer"


# --------------------------------------------------------------------------- nested values


class Ondertekening(ZGWModel):
    """How and when a document was signed."""

    soort: Annotated[OndertekeningSoort | str | None, OPEN_ENUM] = None
    datum: datetime.date | None = None


class Integriteit(ZGWModel):
    """Checksum of a document's content."""

    algoritme: Annotated[IntegriteitAlgoritme | str | None, OPEN_ENUM] = None
    waarde: str | None = None
    datum: datetime.date | None = None


class BestandsDeel(ZGWModel):
    """One part of a document uploaded in parts; upload each with the document's lock."""

    url: Reference
    volgnummer: int | None = None
    omvang: int | None = None
    voltooid: bool | None = None
    lock: str | None = None


class BinnenlandsCorrespondentieadres(ZGWModel):
    """A Dutch address a document was sent to or received from."""

    huisletter: str | None = None
    huisnummer: int | None = None
    huisnummer_toevoeging: str | None = None
    naam_openbare_ruimte: str | None = None
    postcode: str | None = None
    woonplaatsnaam: str | None = None


class BuitenlandsCorrespondentieadres(ZGWModel):
    """A foreign address a document was sent to or received from."""

    adres_buitenland_1: str | None = Field(default=None, alias="adresBuitenland_1")
    adres_buitenland_2: str | None = Field(default=None, alias="adresBuitenland_2")
    adres_buitenland_3: str | None = Field(default=None, alias="adresBuitenland_3")
    land_postadres: str | None = None


class CorrespondentiePostadres(ZGWModel):
    """A PO box or reply-number address of a verzending."""

    post_bus_of_antwoordnummer: int | None = None
    postadres_postcode: str | None = None
    postadres_type: Annotated[PostadresType | str | None, OPEN_ENUM] = None
    woonplaatsnaam: str | None = None


# --------------------------------------------------------------------------- resources


class EnkelvoudigInformatieObjectExpand(ExpandModel):
    """Resources Open Zaak embeds under a document's ``_expand`` (``{}`` when none asked)."""

    informatieobjecttype: Informatieobjecttype | None = None


class EnkelvoudigInformatieObject(ZGWModel):
    """A document (one version of it) with its metadata.

    ``inhoud`` is the download URL on read and ``None`` while a chunked upload is open; on
    create/update it carries base64 content. While ``locked``, a write must send ``lock``;
    the create response of a chunked upload carries that ``lock`` and the ``bestandsdelen``
    to upload.
    """

    url: Reference
    identificatie: str | None = None
    bronorganisatie: str | None = None
    creatiedatum: datetime.date | None = None
    titel: str | None = None
    vertrouwelijkheidaanduiding: Annotated[Vertrouwelijkheidaanduiding | str | None, OPEN_ENUM] = (
        None
    )
    auteur: str | None = None
    status: Annotated[DocumentStatus | str | None, OPEN_ENUM] = None
    formaat: str | None = None
    taal: str | None = None
    versie: int | None = None
    begin_registratie: datetime.datetime | None = None
    bestandsnaam: str | None = None
    inhoud: str | None = None
    bestandsomvang: int | None = None
    link: str | None = None
    beschrijving: str | None = None
    ontvangstdatum: datetime.date | None = None
    verzenddatum: datetime.date | None = None
    indicatie_gebruiksrecht: bool | None = None
    verschijningsvorm: str | None = None
    ondertekening: Ondertekening | None = None
    integriteit: Integriteit | None = None
    informatieobjecttype: Reference | None = None
    locked: bool | None = None
    lock: str | None = None
    bestandsdelen: list[BestandsDeel] | None = None
    trefwoorden: list[str] | None = None
    # Documenten 1.5+
    inhoud_is_vervallen: bool | None = None
    # Documenten 1.7
    is_gereed_voor_publicatie: bool | None = None
    tonen_aan_initiator: bool | None = None
    expand: EnkelvoudigInformatieObjectExpand | None = Field(default=None, alias="_expand")


class ObjectInformatieObjectExpand(ExpandModel):
    """Resources embedded under an objectinformatieobject's ``_expand`` (Documenten 1.7)."""

    informatieobject: EnkelvoudigInformatieObject | None = None


class ObjectInformatieObject(ZGWModel):
    """The Documenten side of a link between a document and a zaak, besluit or verzoek.

    Open Zaak creates it by itself when a zaakinformatieobject or besluitinformatieobject is
    made; listing them by ``object`` is how to find the documents of a zaak in one call.
    """

    url: Reference
    informatieobject: Reference | None = None
    object: Reference | None = None
    object_type: Annotated[ObjectInformatieObjectType | str | None, OPEN_ENUM] = None
    expand: ObjectInformatieObjectExpand | None = Field(default=None, alias="_expand")


class GebruiksrechtenExpand(ExpandModel):
    """Resources embedded under a gebruiksrechten's ``_expand``."""

    informatieobject: EnkelvoudigInformatieObject | None = None


class Gebruiksrechten(ZGWModel):
    """Conditions under which a document may be (re)used."""

    url: Reference
    informatieobject: Reference | None = None
    startdatum: datetime.datetime | None = None
    einddatum: datetime.datetime | None = None
    omschrijving_voorwaarden: str | None = None
    expand: GebruiksrechtenExpand | None = Field(default=None, alias="_expand")


class VerzendingExpand(ExpandModel):
    """Resources embedded under a verzending's ``_expand``."""

    informatieobject: EnkelvoudigInformatieObject | None = None


class Verzending(ZGWModel):
    """That a document was sent to or received from a betrokkene (Documenten 1.2+)."""

    url: Reference
    betrokkene: Reference | None = None
    informatieobject: Reference | None = None
    aard_relatie: Annotated[VerzendingAardRelatie | str | None, OPEN_ENUM] = None
    toelichting: str | None = None
    ontvangstdatum: datetime.date | None = None
    verzenddatum: datetime.date | None = None
    contact_persoon: Reference | None = None
    contactpersoonnaam: str | None = None
    binnenlands_correspondentieadres: BinnenlandsCorrespondentieadres | None = None
    buitenlands_correspondentieadres: BuitenlandsCorrespondentieadres | None = None
    correspondentie_postadres: CorrespondentiePostadres | None = None
    faxnummer: str | None = None
    emailadres: str | None = None
    mijn_overheid: bool | None = None
    telefoonnummer: str | None = None
    expand: VerzendingExpand | None = Field(default=None, alias="_expand")


class Lock(ZGWModel):
    """Answer of ``POST …/enkelvoudiginformatieobjecten/{uuid}/lock``: the lock id to send."""

    lock: str


#: Path segment (as in ``/documenten/api/v1/<segment>/<uuid>``) -> model, so a client can pick the
#: model from a URL. ``lock`` is the action answering with a
#: [`Lock`][zgw_client.documenten.models.Lock]; ``audittrail`` the sub-collection
#: ``enkelvoudiginformatieobjecten/{uuid}/audittrail``.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "enkelvoudiginformatieobjecten": EnkelvoudigInformatieObject,
    "bestandsdelen": BestandsDeel,
    "objectinformatieobjecten": ObjectInformatieObject,
    "gebruiksrechten": Gebruiksrechten,
    "verzendingen": Verzending,
    "lock": Lock,
    "audittrail": AuditTrail,
}
