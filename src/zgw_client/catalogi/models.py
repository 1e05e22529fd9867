"""Typed models of the Catalogi API (ZTC): the types a zaak, document or besluit follows.

Built against Open Zaak 1.30 (Catalogi 1.3.1) and compatible with the VNG Catalogi 1.3.1 and
1.3.3 specs: every field an older or newer server may leave out defaults to ``None``, fields a
newer server adds are kept in ``model_extra``.

What several registers share (the enums
[`Vertrouwelijkheidaanduiding`][zgw_client.catalogi.models.Vertrouwelijkheidaanduiding],
[`Archiefnominatie`][zgw_client.catalogi.models.Archiefnominatie],
[`ObjectType`][zgw_client.catalogi.models.ObjectType],
[`RolOmschrijvingGeneriek`][zgw_client.catalogi.models.RolOmschrijvingGeneriek] and the
[`AuditTrail`][zgw_client.catalogi.models.AuditTrail] entry) lives here, in the lowest layer of the
model imports (catalogi <- documenten <- besluiten <- zaken), so that a zaak and its zaaktype
compare with the very same enum. The other model modules re-export them.

Durations (``doorlooptijd``, ``archiefactietermijn``, ...) stay the ISO-8601 strings the server
sent; use [`parse_duration`][zgw_client.catalogi.parse_duration] to compute with them.
"""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated, Any, get_args, get_origin

from pydantic import BaseModel, model_validator

from .._models import OPEN_ENUM, Reference, ZGWModel

__all__ = [
    "RESOURCE_MODELS",
    "Afleidingswijze",
    "Archiefnominatie",
    "AuditTrail",
    "AuditTrailBron",
    "AuditTrailWijzigingen",
    "Besluittype",
    "BronCatalogus",
    "BronZaaktype",
    "BrondatumArchiefprocedure",
    "Catalogus",
    "ChecklistItem",
    "Eigenschap",
    "EigenschapFormaat",
    "EigenschapSpecificatie",
    "ExpandModel",
    "IndicatieInternOfExtern",
    "Informatieobjecttype",
    "InformatieobjecttypeOmschrijvingGeneriek",
    "ObjectType",
    "ReferentieProces",
    "Resultaattype",
    "Richting",
    "RolOmschrijvingGeneriek",
    "Roltype",
    "Statustype",
    "Vertrouwelijkheidaanduiding",
    "Zaakobjecttype",
    "Zaaktype",
    "ZaaktypeInformatieobjecttype",
    "ZaaktypeRelatie",
    "ZaaktypeRelatieAard",
]


# --------------------------------------------------------------------------- enums


class Vertrouwelijkheidaanduiding(str, Enum):
    """How confidential a zaak, zaaktype or document is, from least to most.

    The members are declared in rising order, so
    [`niveau`][zgw_client.catalogi.models.Vertrouwelijkheidaanduiding.niveau] can compare them: a
    portal shows a document only when its ``niveau`` is at most the configured maximum.
    """

    openbaar = "openbaar"
    beperkt_openbaar = "beperkt_openbaar"
    intern = "intern"
    zaakvertrouwelijk = "zaakvertrouwelijk"
    vertrouwelijk = "vertrouwelijk"
    confidentieel = "confidentieel"
    geheim = "geheim"
    zeer_geheim = "zeer_geheim"

    @property
    def niveau(self) -> int:
        """Rank of this value: 0 for ``openbaar`` up to 7 for ``zeer_geheim``."""
        return list(type(self)).index(self)


class Archiefnominatie(str, Enum):
    """Whether a zaak (or the result that closes it) is kept forever or destroyed later."""

    blijvend_bewaren = "blijvend_bewaren"
    vernietigen = "vernietigen"


class IndicatieInternOfExtern(str, Enum):
    """Whether a zaaktype is started by the organisation itself or by a citizen/company."""

    intern = "intern"
    extern = "extern"


class RolOmschrijvingGeneriek(str, Enum):
    """The generic kind of a rol (``initiator`` is the citizen who asked for the zaak)."""

    adviseur = "adviseur"
    behandelaar = "behandelaar"
    belanghebbende = "belanghebbende"
    beslisser = "beslisser"
    initiator = "initiator"
    klantcontacter = "klantcontacter"
    zaakcoordinator = "zaakcoordinator"
    mede_initiator = "mede_initiator"


class ObjectType(str, Enum):
    """Kind of object a zaakobject points at (also used for archive date derivation)."""

    adres = "adres"
    besluit = "besluit"
    buurt = "buurt"
    enkelvoudig_document = "enkelvoudig_document"
    gemeente = "gemeente"
    gemeentelijke_openbare_ruimte = "gemeentelijke_openbare_ruimte"
    huishouden = "huishouden"
    inrichtingselement = "inrichtingselement"
    kadastrale_onroerende_zaak = "kadastrale_onroerende_zaak"
    kunstwerkdeel = "kunstwerkdeel"
    maatschappelijke_activiteit = "maatschappelijke_activiteit"
    medewerker = "medewerker"
    natuurlijk_persoon = "natuurlijk_persoon"
    niet_natuurlijk_persoon = "niet_natuurlijk_persoon"
    openbare_ruimte = "openbare_ruimte"
    organisatorische_eenheid = "organisatorische_eenheid"
    pand = "pand"
    spoorbaandeel = "spoorbaandeel"
    status = "status"
    terreindeel = "terreindeel"
    terrein_gebouwd_object = "terrein_gebouwd_object"
    vestiging = "vestiging"
    waterdeel = "waterdeel"
    wegdeel = "wegdeel"
    wijk = "wijk"
    woonplaats = "woonplaats"
    woz_deelobject = "woz_deelobject"
    woz_object = "woz_object"
    woz_waarde = "woz_waarde"
    zakelijk_recht = "zakelijk_recht"
    overige = "overige"


class Richting(str, Enum):
    """Direction of a document type within a zaaktype (incoming, internal, outgoing)."""

    inkomend = "inkomend"
    intern = "intern"
    uitgaand = "uitgaand"


class EigenschapFormaat(str, Enum):
    """Value format of a zaaktype eigenschap."""

    tekst = "tekst"
    getal = "getal"
    datum = "datum"
    datum_tijd = "datum_tijd"


class Afleidingswijze(str, Enum):
    """How the start date of the archive retention period is derived."""

    afgehandeld = "afgehandeld"
    ander_datumkenmerk = "ander_datumkenmerk"
    eigenschap = "eigenschap"
    gerelateerde_zaak = "gerelateerde_zaak"
    hoofdzaak = "hoofdzaak"
    ingangsdatum_besluit = "ingangsdatum_besluit"
    termijn = "termijn"
    vervaldatum_besluit = "vervaldatum_besluit"
    zaakobject = "zaakobject"


class ZaaktypeRelatieAard(str, Enum):
    """How two zaaktypen relate (a follow-up, a contribution, a subject)."""

    vervolg = "vervolg"
    bijdrage = "bijdrage"
    onderwerp = "onderwerp"


class AuditTrailBron(str, Enum):
    """Component that wrote an audit trail entry.

    Open Zaak sends it upper case (``"ZRC"``), which is not a member and stays a plain string.
    """

    ac = "ac"
    nrc = "nrc"
    zrc = "zrc"
    ztc = "ztc"
    drc = "drc"
    brc = "brc"
    cmc = "cmc"
    kc = "kc"
    vrc = "vrc"


# --------------------------------------------------------------------------- expand base


def _embeds_one_model(annotation: Any) -> bool:
    """True for ``Model | None`` annotations, False for lists, dicts and plain values."""
    members = get_args(annotation) if get_origin(annotation) is not None else (annotation,)
    return any(
        get_origin(member) is None and isinstance(member, type) and issubclass(member, BaseModel)
        for member in members
    )


class ExpandModel(ZGWModel):
    """Base of the models of an ``_expand`` object (the resources a server embedded).

    Open Zaak leaves an empty or null relation out of ``_expand``; the VNG 1.6+/1.7 specs send
    ``{}`` ("EmptyObject") for it instead. A ``{}`` in a single-resource slot is read as "not
    embedded" (the attribute stays ``None`` and is not written back), so both servers give
    the same model instead of an error about a missing ``url``.
    """

    @model_validator(mode="before")
    @classmethod
    def _drop_empty_objects(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        slots = _single_model_slots(cls)
        empty = [key for key, value in data.items() if value == {} and key in slots]
        return {key: value for key, value in data.items() if key not in empty} if empty else data


#: Per ExpandModel class: the keys (alias and name) of its fields that embed one model.
#: Worked out once: this runs for every embedded object of every response.
_SINGLE_MODEL_SLOTS: dict[type[ExpandModel], frozenset[str]] = {}


def _single_model_slots(cls: type[ExpandModel]) -> frozenset[str]:
    slots = _SINGLE_MODEL_SLOTS.get(cls)
    if slots is None:
        slots = frozenset(
            key
            for name, field in cls.model_fields.items()
            if _embeds_one_model(field.annotation)
            for key in (field.alias or name, name)
        )
        _SINGLE_MODEL_SLOTS[cls] = slots
    return slots


# --------------------------------------------------------------------------- nested values


class BronCatalogus(ZGWModel):
    """The catalogus a zaaktype was copied from (all ``""`` when it was not copied)."""

    url: str | None = None
    domein: str | None = None
    rsin: str | None = None


class BronZaaktype(ZGWModel):
    """The zaaktype this one was copied from (all ``""`` when it was not copied)."""

    url: str | None = None
    identificatie: str | None = None
    omschrijving: str | None = None


class ReferentieProces(ZGWModel):
    """The reference process a zaaktype is based on."""

    naam: str | None = None
    link: str | None = None


class ZaaktypeRelatie(ZGWModel):
    """A link from a zaaktype to a related zaaktype."""

    zaaktype: Reference | None = None
    aard_relatie: Annotated[ZaaktypeRelatieAard | str | None, OPEN_ENUM] = None
    toelichting: str | None = None


class ChecklistItem(ZGWModel):
    """A question a handler answers when a zaak reaches a statustype."""

    itemnaam: str | None = None
    toelichting: str | None = None
    vraagstelling: str | None = None
    verplicht: bool | None = None


class BrondatumArchiefprocedure(ZGWModel):
    """Rule for the date from which a zaak's archive retention period runs."""

    afleidingswijze: Annotated[Afleidingswijze | str | None, OPEN_ENUM] = None
    datumkenmerk: str | None = None
    einddatum_bekend: bool | None = None
    objecttype: Annotated[ObjectType | str | None, OPEN_ENUM] = None
    registratie: str | None = None
    procestermijn: str | None = None


class EigenschapSpecificatie(ZGWModel):
    """Format and allowed values of an eigenschap (lengths and cardinality are strings)."""

    groep: str | None = None
    formaat: Annotated[EigenschapFormaat | str | None, OPEN_ENUM] = None
    lengte: str | None = None
    kardinaliteit: str | None = None
    waardenverzameling: list[str] | None = None


class InformatieobjecttypeOmschrijvingGeneriek(ZGWModel):
    """The generic description of an informatieobjecttype."""

    informatieobjecttype_omschrijving_generiek: str | None = None
    definitie_informatieobjecttype_omschrijving_generiek: str | None = None
    herkomst_informatieobjecttype_omschrijving_generiek: str | None = None
    hierarchie_informatieobjecttype_omschrijving_generiek: str | None = None
    opmerking_informatieobjecttype_omschrijving_generiek: str | None = None


class AuditTrailWijzigingen(ZGWModel):
    """The resource before (``oud``) and after (``nieuw``) a change, as raw JSON."""

    oud: dict[str, Any] | None = None
    nieuw: dict[str, Any] | None = None


class AuditTrail(ZGWModel):
    """One entry of a resource's audit trail (``…/{uuid}/audittrail``; a plain JSON array).

    Shared by Zaken, Documenten and Besluiten; has no ``url``.
    """

    uuid: str | None = None
    bron: Annotated[AuditTrailBron | str | None, OPEN_ENUM] = None
    applicatie_id: str | None = None
    applicatie_weergave: str | None = None
    gebruikers_id: str | None = None
    gebruikers_weergave: str | None = None
    actie: str | None = None
    actie_weergave: str | None = None
    resultaat: int | None = None
    hoofd_object: Reference | None = None
    resource: str | None = None
    resource_url: Reference | None = None
    toelichting: str | None = None
    resource_weergave: str | None = None
    aanmaakdatum: datetime.datetime | None = None
    wijzigingen: AuditTrailWijzigingen | None = None


# --------------------------------------------------------------------------- resources


class Catalogus(ZGWModel):
    """A catalogus: the container of the zaaktypen, informatieobjecttypen and besluittypen."""

    url: Reference
    domein: str | None = None
    rsin: str | None = None
    contactpersoon_beheer_naam: str | None = None
    contactpersoon_beheer_telefoonnummer: str | None = None
    contactpersoon_beheer_emailadres: str | None = None
    zaaktypen: list[Reference] | None = None
    besluittypen: list[Reference] | None = None
    informatieobjecttypen: list[Reference] | None = None
    naam: str | None = None
    versie: str | None = None
    begindatum_versie: datetime.date | None = None
    # Catalogi 1.3.3
    besluittype_omschrijving: list[str] | None = None
    informatieobjecttype_omschrijving: list[str] | None = None


class Zaaktype(ZGWModel):
    """A zaaktype: what kind of zaak it is, its steps, results, roles and time limits.

    A published zaaktype (``concept`` false) never changes, so it is safe to cache.
    ``doorlooptijd`` is the ISO-8601 time limit (``"P30D"``) the citizen can expect.
    """

    url: Reference
    identificatie: str | None = None
    omschrijving: str | None = None
    omschrijving_generiek: str | None = None
    vertrouwelijkheidaanduiding: Annotated[Vertrouwelijkheidaanduiding | str | None, OPEN_ENUM] = (
        None
    )
    doel: str | None = None
    aanleiding: str | None = None
    toelichting: str | None = None
    indicatie_intern_of_extern: Annotated[IndicatieInternOfExtern | str | None, OPEN_ENUM] = None
    handeling_initiator: str | None = None
    onderwerp: str | None = None
    handeling_behandelaar: str | None = None
    doorlooptijd: str | None = None
    servicenorm: str | None = None
    opschorting_en_aanhouding_mogelijk: bool | None = None
    verlenging_mogelijk: bool | None = None
    verlengingstermijn: str | None = None
    trefwoorden: list[str] | None = None
    publicatie_indicatie: bool | None = None
    publicatietekst: str | None = None
    verantwoordingsrelatie: list[str] | None = None
    producten_of_diensten: list[str] | None = None
    selectielijst_procestype: str | None = None
    referentieproces: ReferentieProces | None = None
    concept: bool | None = None
    verantwoordelijke: str | None = None
    broncatalogus: BronCatalogus | None = None
    bronzaaktype: BronZaaktype | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    versiedatum: datetime.date | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None
    catalogus: Reference | None = None
    statustypen: list[Reference] | None = None
    resultaattypen: list[Reference] | None = None
    eigenschappen: list[Reference] | None = None
    informatieobjecttypen: list[Reference] | None = None
    roltypen: list[Reference] | None = None
    besluittypen: list[Reference] | None = None
    deelzaaktypen: list[Reference] | None = None
    gerelateerde_zaaktypen: list[ZaaktypeRelatie] | None = None
    zaakobjecttypen: list[Reference] | None = None
    # Catalogi 1.3.3
    besluittype_omschrijving: list[str] | None = None
    deelzaaktype_identificaties: list[str] | None = None
    informatieobjecttype_omschrijving: list[str] | None = None


class Statustype(ZGWModel):
    """One step of a zaaktype; ``volgnummer`` orders the steps, ``statustekst`` is for citizens.

    ``informeren`` says whether the initiator should be told when a zaak reaches this step.
    """

    url: Reference
    omschrijving: str | None = None
    omschrijving_generiek: str | None = None
    statustekst: str | None = None
    zaaktype: Reference | None = None
    zaaktype_identificatie: str | None = None
    volgnummer: int | None = None
    is_eindstatus: bool | None = None
    informeren: bool | None = None
    doorlooptijd: str | None = None
    toelichting: str | None = None
    checklistitem_statustype: list[ChecklistItem] | None = None
    catalogus: Reference | None = None
    eigenschappen: list[Reference] | None = None
    zaakobjecttypen: list[Reference] | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None


class Resultaattype(ZGWModel):
    """A possible outcome of a zaaktype, with the archive rules that follow from it."""

    url: Reference
    zaaktype: Reference | None = None
    zaaktype_identificatie: str | None = None
    omschrijving: str | None = None
    resultaattypeomschrijving: str | None = None
    omschrijving_generiek: str | None = None
    selectielijstklasse: str | None = None
    toelichting: str | None = None
    archiefnominatie: Annotated[Archiefnominatie | str | None, OPEN_ENUM] = None
    archiefactietermijn: str | None = None
    brondatum_archiefprocedure: BrondatumArchiefprocedure | None = None
    procesobjectaard: str | None = None
    indicatie_specifiek: bool | None = None
    procestermijn: str | None = None
    catalogus: Reference | None = None
    besluittypen: list[Reference] | None = None
    besluittype_omschrijving: list[str] | None = None
    informatieobjecttypen: list[Reference] | None = None
    informatieobjecttype_omschrijving: list[str] | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None


class Roltype(ZGWModel):
    """A role someone can have in a zaak of a zaaktype (e.g. ``Aanvrager``, an initiator)."""

    url: Reference
    zaaktype: Reference | None = None
    zaaktype_identificatie: str | None = None
    omschrijving: str | None = None
    omschrijving_generiek: Annotated[RolOmschrijvingGeneriek | str | None, OPEN_ENUM] = None
    catalogus: Reference | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None


class Eigenschap(ZGWModel):
    """A property a zaak of this zaaktype can carry, with the format of its value."""

    url: Reference
    naam: str | None = None
    definitie: str | None = None
    specificatie: EigenschapSpecificatie | None = None
    toelichting: str | None = None
    zaaktype: Reference | None = None
    zaaktype_identificatie: str | None = None
    catalogus: Reference | None = None
    statustype: Reference | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None


class Informatieobjecttype(ZGWModel):
    """A document type, with the default confidentiality of its documents."""

    url: Reference
    catalogus: Reference | None = None
    omschrijving: str | None = None
    vertrouwelijkheidaanduiding: Annotated[Vertrouwelijkheidaanduiding | str | None, OPEN_ENUM] = (
        None
    )
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    concept: bool | None = None
    besluittypen: list[Reference] | None = None
    informatieobjectcategorie: str | None = None
    trefwoord: list[str] | None = None
    omschrijving_generiek: InformatieobjecttypeOmschrijvingGeneriek | None = None
    zaaktypen: list[Reference] | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None
    # Catalogi 1.3.3
    besluittype_omschrijving: list[str] | None = None
    zaaktype_identificaties: list[str] | None = None


class Besluittype(ZGWModel):
    """A kind of besluit (decision), with its publication and objection periods."""

    url: Reference
    catalogus: Reference | None = None
    zaaktypen: list[Reference] | None = None
    omschrijving: str | None = None
    omschrijving_generiek: str | None = None
    besluitcategorie: str | None = None
    reactietermijn: str | None = None
    publicatie_indicatie: bool | None = None
    publicatietekst: str | None = None
    publicatietermijn: str | None = None
    toelichting: str | None = None
    informatieobjecttypen: list[Reference] | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    concept: bool | None = None
    resultaattypen: list[Reference] | None = None
    resultaattypen_omschrijving: list[str] | None = None
    vastgelegd_in: list[str] | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None
    # Catalogi 1.3.3
    informatieobjecttype_omschrijvingen: list[str] | None = None
    zaaktype_identificaties: list[str] | None = None


class ZaaktypeInformatieobjecttype(ZGWModel):
    """Links a zaaktype to a document type it uses (path ``zaaktype-informatieobjecttypen``)."""

    url: Reference
    zaaktype: Reference | None = None
    zaaktype_identificatie: str | None = None
    informatieobjecttype: Reference | None = None
    volgnummer: int | None = None
    richting: Annotated[Richting | str | None, OPEN_ENUM] = None
    statustype: Reference | None = None
    catalogus: Reference | None = None


class Zaakobjecttype(ZGWModel):
    """A kind of object a zaak of this zaaktype can be about (Catalogi 1.2+)."""

    url: Reference
    ander_objecttype: bool | None = None
    objecttype: str | None = None
    relatie_omschrijving: str | None = None
    zaaktype: Reference | None = None
    zaaktype_identificatie: str | None = None
    resultaattypen: list[Reference] | None = None
    statustype: Reference | None = None
    catalogus: Reference | None = None
    begin_geldigheid: datetime.date | None = None
    einde_geldigheid: datetime.date | None = None
    begin_object: datetime.date | None = None
    einde_object: datetime.date | None = None
    # Catalogi 1.3.3
    statustypen: list[Reference] | None = None
    resultaattype_omschrijving: list[str] | None = None


#: Collection path segment (as in ``/catalogi/api/v1/<segment>/<uuid>``) -> model, so a
#: client can pick the model from a URL.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "catalogussen": Catalogus,
    "zaaktypen": Zaaktype,
    "statustypen": Statustype,
    "resultaattypen": Resultaattype,
    "roltypen": Roltype,
    "eigenschappen": Eigenschap,
    "informatieobjecttypen": Informatieobjecttype,
    "besluittypen": Besluittype,
    "zaaktype-informatieobjecttypen": ZaaktypeInformatieobjecttype,
    "zaakobjecttypen": Zaakobjecttype,
}
