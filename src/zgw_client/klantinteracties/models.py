"""Models of the Klantinteracties API 0.9 as served by Open Klant 2.

What differs from the ZGW APIs and shapes these models:

* References are objects ``{"uuid", "url"}``
  ([`ObjectRef`][zgw_client.klantinteracties.models.ObjectRef]), never bare URLs; a write takes
  ``{"uuid": ...}`` only
  ([`ObjectRef.for_write`][zgw_client.klantinteracties.models.ObjectRef.for_write]).
* A [`Partij`][zgw_client.klantinteracties.models.Partij] is a persoon, organisatie or
  contactpersoon (``soortPartij``) and its ``partijIdentificatie`` has a different shape for each;
  an [`Actor`][zgw_client.klantinteracties.models.Actor] likewise by ``soortActor``. The matching
  typed model is chosen from the code; an unknown code keeps the plain dict, so a newer server does
  not break parsing.
* ``_expand`` is inconsistent in Open Klant 2.18: list items of partijen, klantcontacten,
  betrokkenen and digitaleadressen always carry ``"_expand": {}``, details and 201s only
  when asked, other resources never. ``expand`` is therefore optional everywhere and
  ``None`` means "the server sent no ``_expand``", ``{}`` parses to an empty expand model.
* Fields the server fills (``uuid``, ``url``, the to-many back references) are optional,
  so the same model builds a request body: unset fields are left out by ``to_wire()``.
"""

from __future__ import annotations

from datetime import date, datetime
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

from pydantic import Discriminator, Field, Tag, model_validator

from .._models import OPEN_ENUM, ZGWModel

__all__ = [
    "RESOURCE_MODELS",
    "Actor",
    "ActorIdentificatie",
    "ActorKlantcontact",
    "Actoridentificator",
    "Adres",
    "Betrokkene",
    "BetrokkeneExpand",
    "Bijlage",
    "Bijlageidentificator",
    "Categorie",
    "CategorieRelatie",
    "CategorieRelatieRef",
    "CodeObjecttype",
    "CodeRegister",
    "CodeSoortObjectId",
    "Contactnaam",
    "Contactpersoon",
    "DigitaalAdres",
    "DigitaalAdresExpand",
    "GeautomatiseerdeActor",
    "InterneTaak",
    "InterneTaakStatus",
    "Klantcontact",
    "KlantcontactExpand",
    "Medewerker",
    "ObjectRef",
    "Onderwerpobject",
    "Onderwerpobjectidentificator",
    "Organisatie",
    "OrganisatorischeEenheid",
    "Partij",
    "PartijExpand",
    "PartijIdentificatie",
    "PartijIdentificator",
    "PartijIdentificatorGroep",
    "Persoon",
    "Rekeningnummer",
    "Rol",
    "SoortActor",
    "SoortDigitaalAdres",
    "SoortPartij",
    "Vertegenwoordigden",
]


# --------------------------------------------------------------------------- enums
class SoortPartij(str, Enum):
    """``Partij.soortPartij``: selects the shape of ``partijIdentificatie``."""

    PERSOON = "persoon"
    ORGANISATIE = "organisatie"
    CONTACTPERSOON = "contactpersoon"


class SoortActor(str, Enum):
    """``Actor.soortActor``: selects the shape of ``actorIdentificatie``."""

    MEDEWERKER = "medewerker"
    GEAUTOMATISEERDE_ACTOR = "geautomatiseerde_actor"
    ORGANISATORISCHE_EENHEID = "organisatorische_eenheid"


class SoortDigitaalAdres(str, Enum):
    """``DigitaalAdres.soortDigitaalAdres``."""

    EMAIL = "email"
    TELEFOONNUMMER = "telefoonnummer"
    OVERIG = "overig"


class InterneTaakStatus(str, Enum):
    """``InterneTaak.status``."""

    TE_VERWERKEN = "te_verwerken"
    VERWERKT = "verwerkt"


class Rol(str, Enum):
    """``Betrokkene.rol``."""

    VERTEGENWOORDIGER = "vertegenwoordiger"
    KLANT = "klant"


class CodeObjecttype(str, Enum):
    """``partijIdentificator.codeObjecttype``."""

    NATUURLIJK_PERSOON = "natuurlijk_persoon"
    NIET_NATUURLIJK_PERSOON = "niet_natuurlijk_persoon"
    VESTIGING = "vestiging"


class CodeSoortObjectId(str, Enum):
    """``partijIdentificator.codeSoortObjectId``: what kind of number ``objectId`` is."""

    BSN = "bsn"
    VESTIGINGSNUMMER = "vestigingsnummer"
    KVK_NUMMER = "kvk_nummer"
    RSIN = "rsin"


class CodeRegister(str, Enum):
    """``partijIdentificator.codeRegister``."""

    BRP = "brp"
    HR = "hr"


# --------------------------------------------------------------------------- references
class ObjectRef(ZGWModel):
    """A reference to another Open Klant resource, as the server sends it: ``{uuid, url}``.

    Writes identify the target by UUID only; build one with
    [`to`][zgw_client.klantinteracties.models.ObjectRef.to] and send
    [`for_write`][zgw_client.klantinteracties.models.ObjectRef.for_write] (``to_wire()`` of a
    reference that came from the server would also send the read-only ``url``).
    """

    uuid: UUID
    url: str | None = None

    @classmethod
    def to(cls, uuid: UUID | str) -> ObjectRef:
        """Reference the resource with this UUID (for request bodies)."""
        return cls(uuid=UUID(str(uuid)))

    def for_write(self) -> dict[str, str]:
        """Return the request form ``{"uuid": "..."}``."""
        return {"uuid": str(self.uuid)}


class CategorieRelatieRef(ObjectRef):
    """Reference to a categorie-relatie; carries the category name and period as well."""

    categorie_naam: str | None = None
    begin_datum: date | None = None
    eind_datum: date | None = None


# --------------------------------------------------------------------------- groups
class Adres(ZGWModel):
    """Bezoek- or correspondentieadres; Open Klant sends all keys, empty as ``""``."""

    nummeraanduiding_id: str | None = None
    straatnaam: str | None = None
    huisnummer: int | None = None
    huisnummertoevoeging: str | None = None
    postcode: str | None = None
    stad: str | None = None
    adresregel1: str | None = None
    adresregel2: str | None = None
    adresregel3: str | None = None
    land: str | None = None


class Contactnaam(ZGWModel):
    """Name parts of a person as the klant gave them."""

    voorletters: str | None = None
    voornaam: str | None = None
    voorvoegsel_achternaam: str | None = None
    achternaam: str | None = None


class PartijIdentificatorGroep(ZGWModel):
    """Which register number identifies a partij (e.g. a BSN in the BRP)."""

    code_objecttype: CodeObjecttype | str = OPEN_ENUM
    code_soort_object_id: CodeSoortObjectId | str = OPEN_ENUM
    object_id: str
    code_register: CodeRegister | str = OPEN_ENUM


class _Identificator(ZGWModel):
    """``{objectId, codeObjecttype, codeRegister, codeSoortObjectId}``: free-text codes."""

    object_id: str | None = None
    code_objecttype: str | None = None
    code_register: str | None = None
    code_soort_object_id: str | None = None


class Onderwerpobjectidentificator(_Identificator):
    """What a klantcontact was about; a zaak is ``codeObjecttype="zaak"``, ``objectId`` its UUID."""


class Actoridentificator(_Identificator):
    """Where an actor is registered (e.g. a username in the municipality's directory)."""


class Bijlageidentificator(_Identificator):
    """Where a bijlage is stored (e.g. a document in the Documenten API)."""


# --------------------------------------------------------------------------- partij variants
class Persoon(ZGWModel):
    """``partijIdentificatie`` of a partij with ``soortPartij="persoon"``."""

    contactnaam: Contactnaam | None = None
    volledige_naam: str | None = None


class Organisatie(ZGWModel):
    """``partijIdentificatie`` of a partij with ``soortPartij="organisatie"``."""

    naam: str | None = None


class Contactpersoon(ZGWModel):
    """``partijIdentificatie`` of a partij with ``soortPartij="contactpersoon"``."""

    uuid: UUID | None = None
    werkte_voor_partij: ObjectRef | None = None
    contactnaam: Contactnaam | None = None
    volledige_naam: str | None = None


def _variant_tag(value: Any) -> str:
    """Tag of an already-converted identificatie: the model's class, or ``"onbekend"``."""
    return type(value).__name__ if isinstance(value, ZGWModel) else "onbekend"


#: ``partijIdentificatie``: the typed variant for a known ``soortPartij``, else the raw dict.
PartijIdentificatie = Annotated[
    Annotated[Persoon, Tag("Persoon")]
    | Annotated[Organisatie, Tag("Organisatie")]
    | Annotated[Contactpersoon, Tag("Contactpersoon")]
    | Annotated[dict[str, Any], Tag("onbekend")],
    Discriminator(_variant_tag),
]

_PARTIJ_VARIANTS: dict[str, type[ZGWModel]] = {
    SoortPartij.PERSOON.value: Persoon,
    SoortPartij.ORGANISATIE.value: Organisatie,
    SoortPartij.CONTACTPERSOON.value: Contactpersoon,
}


# --------------------------------------------------------------------------- actor variants
class Medewerker(ZGWModel):
    """``actorIdentificatie`` of an actor with ``soortActor="medewerker"``."""

    functie: str | None = None
    emailadres: str | None = None
    telefoonnummer: str | None = None


class GeautomatiseerdeActor(ZGWModel):
    """``actorIdentificatie`` of an actor with ``soortActor="geautomatiseerde_actor"``."""

    functie: str | None = None
    omschrijving: str | None = None


class OrganisatorischeEenheid(ZGWModel):
    """``actorIdentificatie`` of an actor with ``soortActor="organisatorische_eenheid"``."""

    omschrijving: str | None = None
    emailadres: str | None = None
    faxnummer: str | None = None
    telefoonnummer: str | None = None


#: ``actorIdentificatie``: the typed variant for a known ``soortActor``, else the raw dict.
ActorIdentificatie = Annotated[
    Annotated[Medewerker, Tag("Medewerker")]
    | Annotated[GeautomatiseerdeActor, Tag("GeautomatiseerdeActor")]
    | Annotated[OrganisatorischeEenheid, Tag("OrganisatorischeEenheid")]
    | Annotated[dict[str, Any], Tag("onbekend")],
    Discriminator(_variant_tag),
]

_ACTOR_VARIANTS: dict[str, type[ZGWModel]] = {
    SoortActor.MEDEWERKER.value: Medewerker,
    SoortActor.GEAUTOMATISEERDE_ACTOR.value: GeautomatiseerdeActor,
    SoortActor.ORGANISATORISCHE_EENHEID.value: OrganisatorischeEenheid,
}


def _convert_variant(
    data: Any,
    *,
    code_keys: tuple[str, str],
    field_keys: tuple[str, str],
    variants: dict[str, type[ZGWModel]],
) -> Any:
    """Turn the identificatie dict into the model its sibling code names (before validation).

    A discriminator can only look at the field's own value, but here the code sits on the
    parent (``soortPartij`` next to ``partijIdentificatie``), so the choice is made here.
    """
    if not isinstance(data, dict):
        return data
    code = next((data[key] for key in code_keys if key in data), None)
    code = code.value if isinstance(code, Enum) else code
    model = variants.get(code) if isinstance(code, str) else None
    for key in field_keys:
        value = data.get(key)
        if model is not None and isinstance(value, dict):
            return {**data, key: model.model_validate(value)}
    return data


# --------------------------------------------------------------------------- resources
class PartijIdentificator(ZGWModel):
    """A register number of a partij (``/partij-identificatoren``)."""

    uuid: UUID | None = None
    url: str | None = None
    identificeerde_partij: ObjectRef | None = None
    andere_partij_identificator: str | None = None
    partij_identificator: PartijIdentificatorGroep
    sub_identificator_van: ObjectRef | None = None


class Partij(ZGWModel):
    """A person or organisation the municipality has contact with (``/partijen``).

    ``partij_identificatie`` is a [`Persoon`][zgw_client.klantinteracties.models.Persoon],
    [`Organisatie`][zgw_client.klantinteracties.models.Organisatie] or
    [`Contactpersoon`][zgw_client.klantinteracties.models.Contactpersoon] according to
    ``soort_partij``; for a code this version does not know it stays a ``dict``. The properties
    [`persoon`][zgw_client.klantinteracties.models.Partij.persoon],
    [`organisatie`][zgw_client.klantinteracties.models.Partij.organisatie] and
    [`contactpersoon`][zgw_client.klantinteracties.models.Partij.contactpersoon] give the typed
    variant or ``None``.
    """

    uuid: UUID | None = None
    url: str | None = None
    nummer: str | None = None
    interne_notitie: str | None = None
    betrokkenen: list[ObjectRef] = Field(default_factory=list)
    categorie_relaties: list[CategorieRelatieRef] = Field(default_factory=list)
    digitale_adressen: list[ObjectRef] | None = None
    voorkeurs_digitaal_adres: ObjectRef | None = None
    vertegenwoordigden: list[ObjectRef] = Field(default_factory=list)
    rekeningnummers: list[ObjectRef] | None = None
    voorkeurs_rekeningnummer: ObjectRef | None = None
    partij_identificatoren: list[PartijIdentificator] | None = None
    soort_partij: SoortPartij | str = OPEN_ENUM
    indicatie_geheimhouding: bool | None = None
    voorkeurstaal: str | None = None
    indicatie_actief: bool
    bezoekadres: Adres | None = None
    correspondentieadres: Adres | None = None
    partij_identificatie: PartijIdentificatie | None = None
    expand: PartijExpand | None = Field(default=None, alias="_expand")

    @model_validator(mode="before")
    @classmethod
    def _typed_identificatie(cls, data: Any) -> Any:
        return _convert_variant(
            data,
            code_keys=("soortPartij", "soort_partij"),
            field_keys=("partijIdentificatie", "partij_identificatie"),
            variants=_PARTIJ_VARIANTS,
        )

    @property
    def persoon(self) -> Persoon | None:
        """The identificatie if this partij is a persoon."""
        ident = self.partij_identificatie
        return ident if isinstance(ident, Persoon) else None

    @property
    def organisatie(self) -> Organisatie | None:
        """The identificatie if this partij is an organisatie."""
        ident = self.partij_identificatie
        return ident if isinstance(ident, Organisatie) else None

    @property
    def contactpersoon(self) -> Contactpersoon | None:
        """The identificatie if this partij is a contactpersoon."""
        ident = self.partij_identificatie
        return ident if isinstance(ident, Contactpersoon) else None

    def identificator_values(self, soort: CodeSoortObjectId | str) -> list[str]:
        """Return the ``objectId`` of each identificator of this soort (e.g. ``"bsn"``)."""
        wanted = soort.value if isinstance(soort, Enum) else soort
        values = []
        for ident in self.partij_identificatoren or []:
            code = ident.partij_identificator.code_soort_object_id
            if (code.value if isinstance(code, Enum) else code) == wanted:
                values.append(ident.partij_identificator.object_id)
        return values


class DigitaalAdres(ZGWModel):
    """An e-mail address, phone number or other digital address (``/digitaleadressen``)."""

    uuid: UUID | None = None
    url: str | None = None
    verstrekt_door_betrokkene: ObjectRef | None = None
    verstrekt_door_partij: ObjectRef | None = None
    adres: str
    soort_digitaal_adres: SoortDigitaalAdres | str = OPEN_ENUM
    is_standaard_adres: bool | None = None
    omschrijving: str | None = None
    referentie: str | None = None
    verificatie_datum: date | None = None
    expand: DigitaalAdresExpand | None = Field(default=None, alias="_expand")


class Rekeningnummer(ZGWModel):
    """A bank account of a partij (``/rekeningnummers``)."""

    uuid: UUID | None = None
    url: str | None = None
    partij: ObjectRef | None = None
    iban: str
    bic: str | None = None


class Actor(ZGWModel):
    """Someone or something acting for the municipality (``/actoren``).

    ``actor_identificatie`` is a [`Medewerker`][zgw_client.klantinteracties.models.Medewerker],
    [`GeautomatiseerdeActor`][zgw_client.klantinteracties.models.GeautomatiseerdeActor] or
    [`OrganisatorischeEenheid`][zgw_client.klantinteracties.models.OrganisatorischeEenheid]
    according to ``soort_actor``.
    """

    uuid: UUID | None = None
    url: str | None = None
    naam: str | None = None
    soort_actor: SoortActor | str | None = Field(default=None, union_mode="left_to_right")
    indicatie_actief: bool | None = None
    actoridentificator: Actoridentificator | None = None
    actor_identificatie: ActorIdentificatie | None = None

    @model_validator(mode="before")
    @classmethod
    def _typed_identificatie(cls, data: Any) -> Any:
        return _convert_variant(
            data,
            code_keys=("soortActor", "soort_actor"),
            field_keys=("actorIdentificatie", "actor_identificatie"),
            variants=_ACTOR_VARIANTS,
        )

    @property
    def medewerker(self) -> Medewerker | None:
        """The identificatie if this actor is a medewerker."""
        ident = self.actor_identificatie
        return ident if isinstance(ident, Medewerker) else None


class Klantcontact(ZGWModel):
    """One contact between a klant and the municipality (``/klantcontacten``).

    It is linked to a zaak through an
    [`Onderwerpobject`][zgw_client.klantinteracties.models.Onderwerpobject] with
    ``codeObjecttype="zaak"`` and the zaak's UUID as ``objectId``.
    """

    uuid: UUID | None = None
    url: str | None = None
    ging_over_onderwerpobjecten: list[ObjectRef] = Field(default_factory=list)
    had_betrokken_actoren: list[Actor] = Field(default_factory=list)
    omvatte_bijlagen: list[ObjectRef] = Field(default_factory=list)
    had_betrokkenen: list[ObjectRef] = Field(default_factory=list)
    leidde_tot_interne_taken: list[ObjectRef] = Field(default_factory=list)
    nummer: str | None = None
    referentienummer: str | None = None
    kanaal: str
    onderwerp: str
    inhoud: str | None = None
    reactie: str | None = None
    indicatie_contact_gelukt: bool | None = None
    hoofd_onderwerp_type: str | None = None
    verdere_actie_ondernomen: bool | None = None
    taal: str
    vertrouwelijk: bool
    plaatsgevonden_op: datetime | None = None
    metadata: dict[str, Any] | None = None
    expand: KlantcontactExpand | None = Field(default=None, alias="_expand")


class Betrokkene(ZGWModel):
    """A partij's part in one klantcontact (``/betrokkenen``)."""

    uuid: UUID | None = None
    url: str | None = None
    was_partij: ObjectRef | None = None
    had_klantcontact: ObjectRef
    digitale_adressen: list[ObjectRef] = Field(default_factory=list)
    bezoekadres: Adres | None = None
    correspondentieadres: Adres | None = None
    contactnaam: Contactnaam | None = None
    volledige_naam: str | None = None
    rol: Rol | str = OPEN_ENUM
    organisatienaam: str | None = None
    initiator: bool
    expand: BetrokkeneExpand | None = Field(default=None, alias="_expand")


class Onderwerpobject(ZGWModel):
    """What a klantcontact was about, e.g. a zaak (``/onderwerpobjecten``)."""

    uuid: UUID | None = None
    url: str | None = None
    klantcontact: ObjectRef | None = None
    was_klantcontact: ObjectRef | None = None
    onderwerpobjectidentificator: Onderwerpobjectidentificator | None = None


class Bijlage(ZGWModel):
    """A document that is part of a klantcontact (``/bijlagen``)."""

    uuid: UUID | None = None
    url: str | None = None
    was_bijlage_van_klantcontact: ObjectRef | None = None
    bijlageidentificator: Bijlageidentificator | None = None


class ActorKlantcontact(ZGWModel):
    """Links an actor to a klantcontact it took part in (``/actorklantcontacten``)."""

    uuid: UUID | None = None
    url: str | None = None
    actor: ObjectRef
    klantcontact: ObjectRef


class InterneTaak(ZGWModel):
    """A follow-up task for a medewerker, e.g. "call back" (``/internetaken``)."""

    uuid: UUID | None = None
    url: str | None = None
    nummer: str | None = None
    referentienummer: str | None = None
    gevraagde_handeling: str
    aanleidinggevend_klantcontact: ObjectRef
    toegewezen_aan_actor: ObjectRef | None = None
    toegewezen_aan_actoren: list[ObjectRef] | None = None
    toelichting: str | None = None
    status: InterneTaakStatus | str = OPEN_ENUM
    toegewezen_op: datetime | None = None
    afgehandeld_op: datetime | None = None


class Categorie(ZGWModel):
    """A category partijen can be put in (``/categorieen``, experimental in Open Klant)."""

    uuid: UUID | None = None
    url: str | None = None
    naam: str | None = None


class CategorieRelatie(ZGWModel):
    """A partij in a categorie for a period (``/categorie-relaties``, experimental)."""

    uuid: UUID | None = None
    url: str | None = None
    partij: ObjectRef | None = None
    categorie: ObjectRef | None = None
    begin_datum: date | None = None
    eind_datum: date | None = None


class Vertegenwoordigden(ZGWModel):
    """One partij acting for another (``/vertegenwoordigingen``)."""

    uuid: UUID | None = None
    url: str | None = None
    vertegenwoordigende_partij: ObjectRef
    vertegenwoordigde_partij: ObjectRef


# --------------------------------------------------------------------------- _expand
class PartijExpand(ZGWModel):
    """``Partij._expand``: betrokkenen[.hadKlantcontact], digitaleAdressen, categorieRelaties."""

    betrokkenen: list[Betrokkene] | None = None
    digitale_adressen: list[DigitaalAdres] | None = None
    categorie_relaties: list[CategorieRelatie] | None = None


class KlantcontactExpand(ZGWModel):
    """``Klantcontact._expand``: hadBetrokkenen[.wasPartij|.digitaleAdressen], and more."""

    had_betrokkenen: list[Betrokkene] | None = None
    ging_over_onderwerpobjecten: list[Onderwerpobject] | None = None
    leidde_tot_interne_taken: list[InterneTaak] | None = None
    omvatte_bijlagen: list[Bijlage] | None = None


class BetrokkeneExpand(ZGWModel):
    """``Betrokkene._expand``: digitaleAdressen, and nested hadKlantcontact / wasPartij."""

    digitale_adressen: list[DigitaalAdres] | None = None
    had_klantcontact: Klantcontact | None = None
    was_partij: Partij | None = None


class DigitaalAdresExpand(ZGWModel):
    """``DigitaalAdres._expand``: verstrektDoorBetrokkene[.hadKlantcontact[...]]."""

    verstrekt_door_betrokkene: Betrokkene | None = None


for _model in (Partij, DigitaalAdres, Klantcontact, Betrokkene):
    _model.model_rebuild()

#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "partijen": Partij,
    "partij-identificatoren": PartijIdentificator,
    "digitaleadressen": DigitaalAdres,
    "rekeningnummers": Rekeningnummer,
    "actoren": Actor,
    "klantcontacten": Klantcontact,
    "betrokkenen": Betrokkene,
    "onderwerpobjecten": Onderwerpobject,
    "bijlagen": Bijlage,
    "actorklantcontacten": ActorKlantcontact,
    "internetaken": InterneTaak,
    "categorieen": Categorie,
    "categorie-relaties": CategorieRelatie,
    "vertegenwoordigingen": Vertegenwoordigden,
}
