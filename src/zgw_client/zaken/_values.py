"""Value objects inside zaken and rollen: kenmerken, verlenging, opschorting, relations, the
betrokkene identificaties per betrokkeneType."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import Field

from .._models import OPEN_ENUM, Reference, ZGWModel
from ._choices import BetrokkeneType, Geslachtsaanduiding, InnRechtsvorm, RelevanteZaakAardRelatie


class ZaakKenmerk(ZGWModel):
    """An identifier of the zaak in another system."""

    kenmerk: str | None = None
    bron: str | None = None


class Verlenging(ZGWModel):
    """That the time limit of a zaak was extended, why, and by how much (ISO-8601 ``duur``)."""

    reden: str | None = None
    duur: str | None = None


class Opschorting(ZGWModel):
    """Whether a zaak is suspended now (``indicatie``) or ever was."""

    indicatie: bool | None = None
    eerdere_opschorting: bool | None = None
    reden: str | None = None


class Processobject(ZGWModel):
    """The object whose date starts the archive retention period (all ``""`` when unset)."""

    datumkenmerk: str | None = None
    identificatie: str | None = None
    objecttype: str | None = None
    registratie: str | None = None


class RelevanteZaak(ZGWModel):
    """A link to another zaak that matters for this one."""

    url: Reference | None = None
    aard_relatie: Annotated[RelevanteZaakAardRelatie | str | None, OPEN_ENUM] = None
    overige_relatie: str | None = None
    toelichting: str | None = None


class GerelateerdeZaak(ZGWModel):
    """A related zaak (Open Zaak extension ``gerelateerdeZaken``)."""

    url: Reference | None = None


class ContactpersoonRol(ZGWModel):
    """Contact person for a rol (all ``""`` when none was given)."""

    emailadres: str | None = None
    functie: str | None = None
    telefoonnummer: str | None = None
    naam: str | None = None


class Verblijfsadres(ZGWModel):
    """A Dutch address of a betrokkene (BAG identifiers)."""

    aoa_identificatie: str | None = None
    wpl_woonplaats_naam: str | None = None
    gor_openbare_ruimte_naam: str | None = None
    aoa_postcode: str | None = None
    aoa_huisnummer: int | None = None
    aoa_huisletter: str | None = None
    aoa_huisnummertoevoeging: str | None = None
    inp_locatiebeschrijving: str | None = None


class SubVerblijfBuitenland(ZGWModel):
    """A foreign address of a betrokkene."""

    lnd_landcode: str | None = None
    lnd_landnaam: str | None = None
    sub_adres_buitenland_1: str | None = Field(default=None, alias="subAdresBuitenland_1")
    sub_adres_buitenland_2: str | None = Field(default=None, alias="subAdresBuitenland_2")
    sub_adres_buitenland_3: str | None = Field(default=None, alias="subAdresBuitenland_3")


class AuthenticatieContext(ZGWModel):
    """How the betrokkene logged in (DigiD or eHerkenning), with representation details.

    ``representee`` and ``mandate`` stay raw JSON: their shape differs per ``source``.
    """

    source: str | None = None
    level_of_assurance: str | None = None
    acting_subject: str | None = None
    representee: dict[str, Any] | None = None
    mandate: dict[str, Any] | None = None


class ObjectTypeOverigeDefinitie(ZGWModel):
    """Where to find the object of a zaakobject of type ``overige`` (Objects API)."""

    url: Reference | None = None
    # ``schema`` would shadow a (deprecated) BaseModel method.
    schema_: str | None = Field(default=None, alias="schema")
    object_data: str | None = None


class NatuurlijkPersoonIdentificatie(ZGWModel):
    """A person (citizen); ``inp_bsn`` is the BSN."""

    inp_bsn: str | None = None
    anp_identificatie: str | None = None
    inp_a_nummer: str | None = Field(default=None, alias="inpA_nummer")
    geslachtsnaam: str | None = None
    voorvoegsel_geslachtsnaam: str | None = None
    voorletters: str | None = None
    voornamen: str | None = None
    geslachtsaanduiding: Annotated[Geslachtsaanduiding | str | None, OPEN_ENUM] = None
    # Free text on purpose: the server sends "" or a partial date such as "1980".
    geboortedatum: str | None = None
    verblijfsadres: Verblijfsadres | None = None
    sub_verblijf_buitenland: SubVerblijfBuitenland | None = None


class NietNatuurlijkPersoonIdentificatie(ZGWModel):
    """An organisation with legal personality (company, foundation, public body)."""

    inn_nnp_id: str | None = None
    ann_identificatie: str | None = None
    kvk_nummer: str | None = None
    vestigings_nummer: str | None = None
    statutaire_naam: str | None = None
    inn_rechtsvorm: Annotated[InnRechtsvorm | str | None, OPEN_ENUM] = None
    bezoekadres: str | None = None
    verblijfsadres: Verblijfsadres | None = None
    sub_verblijf_buitenland: SubVerblijfBuitenland | None = None


class VestigingIdentificatie(ZGWModel):
    """A business location (KVK vestiging)."""

    vestigings_nummer: str | None = None
    handelsnaam: list[str] | None = None
    verblijfsadres: Verblijfsadres | None = None
    sub_verblijf_buitenland: SubVerblijfBuitenland | None = None
    kvk_nummer: str | None = None


class OrganisatorischeEenheidIdentificatie(ZGWModel):
    """A department of the organisation itself."""

    identificatie: str | None = None
    naam: str | None = None
    is_gehuisvest_in: str | None = None


class MedewerkerIdentificatie(ZGWModel):
    """An employee of the organisation."""

    identificatie: str | None = None
    achternaam: str | None = None
    voorletters: str | None = None
    voorvoegsel_achternaam: str | None = None


#: The parsed forms of ``rol.betrokkeneIdentificatie``.
BetrokkeneIdentificatie = (
    NatuurlijkPersoonIdentificatie
    | NietNatuurlijkPersoonIdentificatie
    | VestigingIdentificatie
    | OrganisatorischeEenheidIdentificatie
    | MedewerkerIdentificatie
)


#: ``betrokkeneType`` -> the model of its ``betrokkeneIdentificatie``.
BETROKKENE_IDENTIFICATIE_MODELS: dict[str, type[ZGWModel]] = {
    BetrokkeneType.natuurlijk_persoon.value: NatuurlijkPersoonIdentificatie,
    BetrokkeneType.niet_natuurlijk_persoon.value: NietNatuurlijkPersoonIdentificatie,
    BetrokkeneType.vestiging.value: VestigingIdentificatie,
    BetrokkeneType.organisatorische_eenheid.value: OrganisatorischeEenheidIdentificatie,
    BetrokkeneType.medewerker.value: MedewerkerIdentificatie,
}
