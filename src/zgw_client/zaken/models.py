"""Typed models of the Zaken API (ZRC): zaken and everything recorded about them.

Built against Open Zaak 1.30 (Zaken 1.5.1) and compatible with VNG Zaken 1.0.3, 1.5.1 and
1.7.0: a field an older server lacks defaults to ``None``, a field a newer server adds is kept
in ``model_extra``, a new enum value stays a plain string.

Server facts the models follow:

* A missing reference is ``""`` in some places (``rol.betrokkene``,
  ``zaak.selectielijstklasse``) and ``null`` in others (``hoofdzaak``, ``resultaat``); both
  are kept as sent. Test with ``if zaak.hoofdzaak:``, not ``is None``.
* ``_expand`` (Zaken 1.5+) is `Zaak.expand`. Open Zaak always sends ``"_expand": {}``
  on a plain zaak, leaves empty relations out of it, and omits ``_expand`` entirely when only
  a nested path (``status.statustype``) was asked for. Nested expansions sit in the child's
  own ``_expand``: ``zaak.expand.status.expand.statustype``.
* ``rol.betrokkeneIdentificatie`` has a different shape per ``betrokkeneType``; it is parsed
  into the matching ``*Identificatie`` model, or kept as a dict for a type this SDK does not
  know.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any

from pydantic import Field, ValidationInfo, field_validator

from .._models import OPEN_ENUM, Reference, ZGWModel
from ..besluiten.models import Besluit
from ..catalogi.models import (
    Archiefnominatie,
    AuditTrail,
    Eigenschap,
    ExpandModel,
    ObjectType,
    Resultaattype,
    RolOmschrijvingGeneriek,
    Roltype,
    Statustype,
    Vertrouwelijkheidaanduiding,
    Zaakobjecttype,
    Zaaktype,
)
from ..documenten.models import EnkelvoudigInformatieObject
from ._choices import (
    Archiefstatus,
    Betalingsindicatie,
    BetrokkeneType,
    Geslachtsaanduiding,
    IndicatieMachtiging,
    InnRechtsvorm,
    RelevanteZaakAardRelatie,
    SubStatusDoelgroep,
)
from ._values import (
    BETROKKENE_IDENTIFICATIE_MODELS,
    AuthenticatieContext,
    BetrokkeneIdentificatie,
    ContactpersoonRol,
    GerelateerdeZaak,
    MedewerkerIdentificatie,
    NatuurlijkPersoonIdentificatie,
    NietNatuurlijkPersoonIdentificatie,
    ObjectTypeOverigeDefinitie,
    Opschorting,
    OrganisatorischeEenheidIdentificatie,
    Processobject,
    RelevanteZaak,
    SubVerblijfBuitenland,
    Verblijfsadres,
    Verlenging,
    VestigingIdentificatie,
    ZaakKenmerk,
)

__all__ = [
    "BETROKKENE_IDENTIFICATIE_MODELS",
    "RESOURCE_MODELS",
    "Archiefnominatie",
    "Archiefstatus",
    "AuditTrail",
    "AuthenticatieContext",
    "Betalingsindicatie",
    "BetrokkeneIdentificatie",
    "BetrokkeneType",
    "ContactpersoonRol",
    "GerelateerdeZaak",
    "Geslachtsaanduiding",
    "IndicatieMachtiging",
    "InnRechtsvorm",
    "MedewerkerIdentificatie",
    "NatuurlijkPersoonIdentificatie",
    "NietNatuurlijkPersoonIdentificatie",
    "ObjectType",
    "ObjectTypeOverigeDefinitie",
    "Opschorting",
    "OrganisatorischeEenheidIdentificatie",
    "Processobject",
    "RelevanteZaak",
    "RelevanteZaakAardRelatie",
    "Resultaat",
    "ResultaatExpand",
    "Rol",
    "RolExpand",
    "RolOmschrijvingGeneriek",
    "Status",
    "StatusExpand",
    "SubStatus",
    "SubStatusDoelgroep",
    "SubVerblijfBuitenland",
    "Verblijfsadres",
    "Verlenging",
    "Vertrouwelijkheidaanduiding",
    "VestigingIdentificatie",
    "Zaak",
    "ZaakBesluit",
    "ZaakBesluitExpand",
    "ZaakContactMoment",
    "ZaakEigenschap",
    "ZaakEigenschapExpand",
    "ZaakExpand",
    "ZaakInformatieObject",
    "ZaakInformatieObjectExpand",
    "ZaakKenmerk",
    "ZaakKlantcontact",
    "ZaakNotitie",
    "ZaakObject",
    "ZaakObjectExpand",
    "ZaakVerzoek",
]


# --------------------------------------------------------------------------- resources


class StatusExpand(ExpandModel):
    """Resources embedded under a status's ``_expand`` (``expand=status.statustype``)."""

    statustype: Statustype | None = None
    zaak: Zaak | None = None
    gezetdoor: Rol | None = None
    zaakinformatieobjecten: list[ZaakInformatieObject] | None = None


class Status(ZGWModel):
    """A step a zaak reached, and when; ``statustype`` says which step it is."""

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    statustype: Reference | None = None
    datum_status_gezet: datetime.datetime | None = None
    statustoelichting: str | None = None
    indicatie_laatst_gezette_status: bool | None = None
    gezetdoor: Reference | None = None
    zaakinformatieobjecten: list[Reference] | None = None
    expand: StatusExpand | None = Field(default=None, alias="_expand")


class SubStatus(ZGWModel):
    """A progress message within a status, optionally meant for the betrokkenen (Open Zaak)."""

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    status: Reference | None = None
    omschrijving: str | None = None
    tijdstip: datetime.datetime | None = None
    doelgroep: Annotated[SubStatusDoelgroep | str | None, OPEN_ENUM] = None


class RolExpand(ExpandModel):
    """Resources embedded under a rol's ``_expand`` (``expand=rollen.roltype``)."""

    roltype: Roltype | None = None
    zaak: Zaak | None = None
    statussen: list[Status] | None = None
    betrokkene: dict[str, Any] | None = None


class Rol(ZGWModel):
    """Someone's part in a zaak: who (``betrokkene_identificatie``) and as what (``roltype``).

    ``betrokkene_identificatie`` is parsed into the model that matches ``betrokkene_type``
    (see `BETROKKENE_IDENTIFICATIE_MODELS`); for a type this SDK does not know it stays
    the raw dict, so a newer server still parses.
    """

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    betrokkene: Reference | None = None
    betrokkene_type: Annotated[BetrokkeneType | str | None, OPEN_ENUM] = None
    afwijkende_naam_betrokkene: str | None = None
    roltype: Reference | None = None
    omschrijving: str | None = None
    omschrijving_generiek: Annotated[RolOmschrijvingGeneriek | str | None, OPEN_ENUM] = None
    roltoelichting: str | None = None
    registratiedatum: datetime.datetime | None = None
    indicatie_machtiging: Annotated[IndicatieMachtiging | str | None, OPEN_ENUM] = None
    contactpersoon_rol: ContactpersoonRol | None = None
    statussen: list[Reference] | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    # The raw dict comes first so that an unknown betrokkeneType is never forced into one of
    # the (all-optional, hence all-accepting) identificatie models.
    betrokkene_identificatie: Annotated[
        dict[str, Any] | BetrokkeneIdentificatie | None, Field(union_mode="left_to_right")
    ] = None
    authenticatie_context: AuthenticatieContext | None = None
    expand: RolExpand | None = Field(default=None, alias="_expand")

    @field_validator("betrokkene_identificatie", mode="before")
    @classmethod
    def _identificatie_by_type(cls, value: Any, info: ValidationInfo) -> Any:
        """Parse the identificatie with the model its ``betrokkeneType`` names."""
        betrokkene_type = info.data.get("betrokkene_type")
        key = betrokkene_type.value if isinstance(betrokkene_type, Enum) else betrokkene_type
        model = BETROKKENE_IDENTIFICATIE_MODELS.get(key) if isinstance(key, str) else None
        if model is not None and isinstance(value, dict):
            return model.model_validate(value)
        return value


class ResultaatExpand(ExpandModel):
    """Resources embedded under a resultaat's ``_expand`` (``resultaat.resultaattype``)."""

    resultaattype: Resultaattype | None = None
    zaak: Zaak | None = None


class Resultaat(ZGWModel):
    """The outcome of a zaak; its ``resultaattype`` carries the archive rules."""

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    resultaattype: Reference | None = None
    toelichting: str | None = None
    expand: ResultaatExpand | None = Field(default=None, alias="_expand")


class ZaakObjectExpand(ExpandModel):
    """Resources embedded under a zaakobject's ``_expand`` (Zaken 1.7)."""

    zaakobjecttype: Zaakobjecttype | None = None
    zaak: Zaak | None = None
    object: dict[str, Any] | None = None


class ZaakObject(ZGWModel):
    """Something a zaak is about: an address, a building, a person, an Objects API object.

    ``object_identificatie`` has a different shape for each ``object_type`` and stays raw
    JSON.
    """

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    object: Reference | None = None
    zaakobjecttype: Reference | None = None
    object_type: Annotated[ObjectType | str | None, OPEN_ENUM] = None
    object_type_overige: str | None = None
    object_type_overige_definitie: ObjectTypeOverigeDefinitie | None = None
    relatieomschrijving: str | None = None
    object_identificatie: dict[str, Any] | None = None
    expand: ZaakObjectExpand | None = Field(default=None, alias="_expand")


class ZaakInformatieObjectExpand(ExpandModel):
    """Resources embedded under a zaakinformatieobject's ``_expand`` (Zaken 1.7)."""

    informatieobject: EnkelvoudigInformatieObject | None = None
    zaak: Zaak | None = None
    status: Status | None = None


class ZaakInformatieObject(ZGWModel):
    """Links a document to a zaak (the list endpoint answers a plain JSON array)."""

    url: Reference
    uuid: str | None = None
    informatieobject: Reference | None = None
    zaak: Reference | None = None
    aard_relatie_weergave: str | None = None
    titel: str | None = None
    beschrijving: str | None = None
    registratiedatum: datetime.datetime | None = None
    vernietigingsdatum: datetime.datetime | None = None
    status: Reference | None = None
    expand: ZaakInformatieObjectExpand | None = Field(default=None, alias="_expand")


class ZaakEigenschapExpand(ExpandModel):
    """Resources embedded under a zaakeigenschap's ``_expand`` (``eigenschappen.eigenschap``)."""

    eigenschap: Eigenschap | None = None
    zaak: Zaak | None = None


class ZaakEigenschap(ZGWModel):
    """The value of one eigenschap (property) of a zaak; ``waarde`` is always a string."""

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    eigenschap: Reference | None = None
    naam: str | None = None
    waarde: str | None = None
    expand: ZaakEigenschapExpand | None = Field(default=None, alias="_expand")


class ZaakContactMoment(ZGWModel):
    """Links a zaak to a contactmoment in the (legacy) Contactmomenten API."""

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    contactmoment: Reference | None = None


class ZaakVerzoek(ZGWModel):
    """Links a zaak to a verzoek in the (legacy) Verzoeken API."""

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    verzoek: Reference | None = None


class ZaakKlantcontact(ZGWModel):
    """A contact about a zaak recorded in the Zaken API itself (``/klantcontacten``,
    deprecated there).

    Named apart from the Klantinteracties
    [`Klantcontact`][zgw_client.klantinteracties.Klantcontact] (Open Klant), which new code
    should use (it was ``zaken.KlantContact`` before 0.1).
    """

    url: Reference
    uuid: str | None = None
    zaak: Reference | None = None
    identificatie: str | None = None
    datumtijd: datetime.datetime | None = None
    kanaal: str | None = None
    onderwerp: str | None = None
    toelichting: str | None = None


class ZaakBesluitExpand(ExpandModel):
    """Resources embedded under a zaakbesluit's ``_expand`` (Zaken 1.7)."""

    besluit: Besluit | None = None


class ZaakBesluit(ZGWModel):
    """The Zaken side of a besluit about a zaak (``zaken/{uuid}/besluiten``, a plain array)."""

    url: Reference
    uuid: str | None = None
    besluit: Reference | None = None
    expand: ZaakBesluitExpand | None = Field(default=None, alias="_expand")


class ZaakNotitie(ZGWModel):
    """A note on a zaak (Open Zaak extension ``zaaknotities``)."""

    url: Reference
    onderwerp: str | None = None
    tekst: str | None = None
    aangemaakt_door: str | None = None
    notitie_type: str | None = None
    status: str | None = None
    aanmaakdatum: datetime.datetime | None = None
    wijzigingsdatum: datetime.datetime | None = None
    gerelateerd_aan: Reference | None = None


class ZaakExpand(ExpandModel):
    """The resources a server embedded in a zaak on ``?expand=…`` (Zaken 1.5+).

    Only what was asked for *and* is not empty is present: Open Zaak leaves out empty lists
    and null relations instead of sending ``[]``/``null``, so every attribute may be ``None``.
    """

    zaaktype: Zaaktype | None = None
    status: Status | None = None
    resultaat: Resultaat | None = None
    rollen: list[Rol] | None = None
    eigenschappen: list[ZaakEigenschap] | None = None
    zaakinformatieobjecten: list[ZaakInformatieObject] | None = None
    zaakobjecten: list[ZaakObject] | None = None
    hoofdzaak: Zaak | None = None
    deelzaken: list[Zaak] | None = None
    relevante_andere_zaken: list[Zaak] | None = None


class Zaak(ZGWModel):
    """A zaak: one case of a citizen or company, with its dates, status and references.

    References (``status``, ``rollen``, ``zaaktype``, …) are URLs; ask for ``expand`` or
    follow them with the client to get the resources. The expected end date for a citizen
    is ``uiterlijke_einddatum_afdoening``, else ``einddatum_gepland``, else ``startdatum`` plus
    the zaaktype's ``doorlooptijd``.
    """

    url: Reference
    uuid: str | None = None
    identificatie: str | None = None
    bronorganisatie: str | None = None
    omschrijving: str | None = None
    toelichting: str | None = None
    zaaktype: Reference | None = None
    registratiedatum: datetime.date | None = None
    verantwoordelijke_organisatie: str | None = None
    startdatum: datetime.date | None = None
    einddatum: datetime.date | None = None
    einddatum_gepland: datetime.date | None = None
    uiterlijke_einddatum_afdoening: datetime.date | None = None
    publicatiedatum: datetime.date | None = None
    laatst_gemuteerd: datetime.datetime | None = None
    laatst_geopend: datetime.datetime | None = None
    communicatiekanaal: str | None = None
    communicatiekanaal_naam: str | None = None
    producten_of_diensten: list[str] | None = None
    vertrouwelijkheidaanduiding: Annotated[Vertrouwelijkheidaanduiding | str | None, OPEN_ENUM] = (
        None
    )
    betalingsindicatie: Annotated[Betalingsindicatie | str | None, OPEN_ENUM] = None
    betalingsindicatie_weergave: str | None = None
    laatste_betaaldatum: datetime.datetime | None = None
    #: GeoJSON geometry, kept as sent.
    zaakgeometrie: dict[str, Any] | None = None
    verlenging: Verlenging | None = None
    opschorting: Opschorting | None = None
    selectielijstklasse: str | None = None
    hoofdzaak: Reference | None = None
    deelzaken: list[Reference] | None = None
    relevante_andere_zaken: list[RelevanteZaak] | None = None
    gerelateerde_zaken: list[GerelateerdeZaak] | None = None
    eigenschappen: list[Reference] | None = None
    rollen: list[Reference] | None = None
    status: Reference | None = None
    zaakinformatieobjecten: list[Reference] | None = None
    zaakobjecten: list[Reference] | None = None
    kenmerken: list[ZaakKenmerk] | None = None
    archiefnominatie: Annotated[Archiefnominatie | str | None, OPEN_ENUM] = None
    archiefstatus: Annotated[Archiefstatus | str | None, OPEN_ENUM] = None
    archiefactiedatum: datetime.date | None = None
    resultaat: Reference | None = None
    opdrachtgevende_organisatie: str | None = None
    processobjectaard: str | None = None
    startdatum_bewaartermijn: datetime.date | None = None
    processobject: Processobject | None = None
    expand: ZaakExpand | None = Field(default=None, alias="_expand")


# The expand models refer to models defined after them (a status embeds its zaak, a zaak its
# status); resolve those references now rather than on first use.
for _model in (
    StatusExpand,
    RolExpand,
    ResultaatExpand,
    ZaakObjectExpand,
    ZaakInformatieObjectExpand,
    ZaakEigenschapExpand,
    ZaakExpand,
    Status,
    Rol,
    Resultaat,
    ZaakObject,
    ZaakInformatieObject,
    ZaakEigenschap,
    Zaak,
):
    _model.model_rebuild()


#: Path segment (as in ``/zaken/api/v1/<segment>/<uuid>``) -> model, so a client can pick the model
#: from a URL. Sub-collections of a zaak use their own last segment: ``zaken/{uuid}/besluiten`` ->
#: [`ZaakBesluit`][zgw_client.zaken.models.ZaakBesluit], ``…/zaakeigenschappen`` ->
#: [`ZaakEigenschap`][zgw_client.zaken.models.ZaakEigenschap], ``…/audittrail`` ->
#: [`AuditTrail`][zgw_client.zaken.models.AuditTrail].
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "zaken": Zaak,
    "statussen": Status,
    "substatussen": SubStatus,
    "rollen": Rol,
    "resultaten": Resultaat,
    "zaakobjecten": ZaakObject,
    "zaakinformatieobjecten": ZaakInformatieObject,
    "zaakeigenschappen": ZaakEigenschap,
    "zaakcontactmomenten": ZaakContactMoment,
    "zaakverzoeken": ZaakVerzoek,
    "klantcontacten": ZaakKlantcontact,
    "zaaknotities": ZaakNotitie,
    "besluiten": ZaakBesluit,
    "audittrail": AuditTrail,
}
