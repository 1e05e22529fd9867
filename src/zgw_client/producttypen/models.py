"""Models of the Producttypen API (Open Product 1.8, API 1.7): the catalogue of products.

A producttype (e.g. "Parkeervergunning") says which statuses its products may take
(``toegestane_statussen``), which JSON schemas their ``dataobject`` and ``verbruiksobject``
must follow, what they cost (``prijzen``, with the price in force at
``/producttypen/{uuid}/actuele-prijs``), and where a citizen finds more (``links``,
``content``, ``locaties``, ``organisaties``, ``contacten``). Producttypen are grouped in
``themas``.

Server facts the models follow:

* The JSON keys are snake_case (``uniforme_product_naam``), not camelCase: these models
  build on [`SnakeCaseModel`][zgw_client.SnakeCaseModel].
* Writes name related objects by UUID (``thema_uuids``, ``producttype_uuid``); reads embed
  them. Write-only fields are not part of the read models; send them as extra keyword
  arguments or in a dict.
* Texts are translatable: ``taal`` says which language a body is in (``Accept-Language``);
  ``vertaling/{taal}`` endpoints write the translations.
* Amounts are decimal strings (``"20.20"``), parsed as ``Decimal``.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

from pydantic import Field

from .._models import OPEN_ENUM, SnakeCaseModel

__all__ = [
    "RESOURCE_MODELS",
    "Actie",
    "Bestand",
    "Contact",
    "ContentElement",
    "ContentElementTranslation",
    "ContentLabel",
    "Doelgroep",
    "JsonSchema",
    "Link",
    "Locatie",
    "NestedActie",
    "NestedBestand",
    "NestedContentElement",
    "NestedExterneCode",
    "NestedLink",
    "NestedParameter",
    "NestedPrijs",
    "NestedProductType",
    "NestedThema",
    "Organisatie",
    "Prijs",
    "PrijsOptie",
    "PrijsRegel",
    "ProductStatus",
    "ProductType",
    "ProductTypeActuelePrijs",
    "ProductTypeTranslation",
    "Thema",
    "UrnUrlReference",
]


class ProductStatus(str, Enum):
    """Status of a product; a producttype lists the ones its products may take.

    ``initieel`` is always allowed and is the default; ``actief`` and ``verlopen`` are also
    set by the server from a product's ``start_datum`` and ``eind_datum``.
    """

    INITIEEL = "initieel"
    IN_AANVRAAG = "in_aanvraag"
    GEREED = "gereed"
    ACTIEF = "actief"
    INGETROKKEN = "ingetrokken"
    GEWEIGERD = "geweigerd"
    VERLOPEN = "verlopen"


class Doelgroep(str, Enum):
    """``ProductType.doelgroep``: who the product is for."""

    BURGERS = "burgers"
    INTERNE_ORGANISATIE = "interne_organisatie"
    SAMENWERKINGSPARTNERS = "samenwerkingspartners"
    BEDRIJVEN_EN_INSTELLINGEN = "bedrijven_en_instellingen"


OpenStatus = Annotated[ProductStatus | str, OPEN_ENUM]


class UrnUrlReference(SnakeCaseModel):
    """A link to an object elsewhere, by URN and/or URL (zaak, zaaktype, document, taak...).

    Open Product fills the missing one from its URN mapping when it has one; either may be
    ``None``.
    """

    urn: str | None = None
    url: str | None = None


class JsonSchema(SnakeCaseModel):
    """A named JSON schema (``/schemas``) for a producttype's dataobject or verbruiksobject.

    The body carries no ``id`` although ``/schemas/{id}`` is addressed by it.
    """

    naam: str
    schema_: dict[str, Any] = Field(alias="schema")


class Locatie(SnakeCaseModel):
    """A place where the product is offered (``/locaties``)."""

    uuid: UUID | None = None
    naam: str
    email: str | None = None
    telefoonnummer: str | None = None
    straat: str | None = None
    huisnummer: str | None = None
    postcode: str | None = None
    stad: str | None = None


class Organisatie(Locatie):
    """An organisation that provides products (``/organisaties``); it has a ``code``."""

    code: str


class Contact(SnakeCaseModel):
    """A contact person for a producttype (``/contacten``)."""

    uuid: UUID | None = None
    organisatie: Organisatie | None = None
    naam: str
    email: str | None = None
    telefoonnummer: str | None = None
    rol: str | None = None


class NestedThema(SnakeCaseModel):
    """A thema as embedded in a producttype."""

    uuid: UUID | None = None
    naam: str
    beschrijving: str | None = None
    gepubliceerd: bool | None = None
    aanmaak_datum: datetime.datetime | None = None
    update_datum: datetime.datetime | None = None
    hoofd_thema: UUID | None = None


class NestedProductType(SnakeCaseModel):
    """A producttype as embedded in a thema (and, with ``themas``, in a product)."""

    uuid: UUID | None = None
    code: str
    naam: str
    keywords: list[str] = Field(default_factory=list)
    uniforme_product_naam: str
    toegestane_statussen: list[OpenStatus] = Field(default_factory=list)
    gepubliceerd: bool | None = None
    publicatie_start_datum: datetime.date | None = None
    publicatie_eind_datum: datetime.date | None = None
    aanmaak_datum: datetime.datetime | None = None
    update_datum: datetime.datetime | None = None
    themas: list[NestedThema] | None = None
    taal: str | None = None


class Thema(SnakeCaseModel):
    """A group of producttypen, e.g. "Parkeren" (``/themas``); themas can nest."""

    uuid: UUID | None = None
    naam: str
    beschrijving: str | None = None
    gepubliceerd: bool | None = None
    aanmaak_datum: datetime.datetime | None = None
    update_datum: datetime.datetime | None = None
    hoofd_thema: UUID | None = None
    producttypen: list[NestedProductType] = Field(default_factory=list)


class PrijsOptie(SnakeCaseModel):
    """A fixed price option, e.g. "Parkeervergunning 1 jaar: 75.00"."""

    uuid: UUID | None = None
    bedrag: Decimal
    beschrijving: str


class PrijsRegel(SnakeCaseModel):
    """A price computed by a DMN decision table (``url`` points at the table)."""

    uuid: UUID | None = None
    url: str | None = None
    beschrijving: str
    mapping: dict[str, Any] | None = None


class NestedPrijs(SnakeCaseModel):
    """A price list of a producttype, in force from ``actief_vanaf``."""

    uuid: UUID | None = None
    prijsopties: list[PrijsOptie] = Field(default_factory=list)
    prijsregels: list[PrijsRegel] = Field(default_factory=list)
    actief_vanaf: datetime.date


class Prijs(NestedPrijs):
    """A price list (``/prijzen``), with the producttype it belongs to."""

    producttype_uuid: UUID


class NestedLink(SnakeCaseModel):
    """A link with more information about a producttype."""

    uuid: UUID | None = None
    naam: str
    url: str


class Link(NestedLink):
    """A link (``/links``), with the producttype it belongs to."""

    producttype_uuid: UUID


class NestedActie(SnakeCaseModel):
    """An action a citizen can take for a producttype (a DMN decision or a direct URL)."""

    uuid: UUID | None = None
    naam: str
    url: str | None = None
    mapping: dict[str, Any] | None = None


class Actie(NestedActie):
    """An action (``/acties``), with the producttype it belongs to."""

    producttype_uuid: UUID


class NestedBestand(SnakeCaseModel):
    """A file of a producttype; ``bestand`` is its download URL."""

    uuid: UUID | None = None
    bestand: str


class Bestand(NestedBestand):
    """A file (``/bestanden``; uploaded as multipart), with its producttype."""

    producttype_uuid: UUID


class NestedExterneCode(SnakeCaseModel):
    """A code of the producttype in another system."""

    naam: str
    code: str


class NestedParameter(SnakeCaseModel):
    """A named parameter of a producttype."""

    naam: str
    waarde: str


class NestedContentElement(SnakeCaseModel):
    """A piece of content (Markdown) of a producttype or thema, with its labels."""

    uuid: UUID | None = None
    taal: str | None = None
    content: str
    aanvullende_informatie: str | None = None
    labels: list[str] = Field(default_factory=list)


class ContentElement(NestedContentElement):
    """A content element (``/content``), with the producttype or thema it belongs to."""

    producttype_uuid: UUID | None = None
    thema_uuid: UUID | None = None


class ContentElementTranslation(SnakeCaseModel):
    """The answer of ``PUT /content/{uuid}/vertaling/{taal}``."""

    uuid: UUID | None = None
    content: str
    aanvullende_informatie: str | None = None


class ContentLabel(SnakeCaseModel):
    """A label content elements can carry (``/contentlabels``)."""

    naam: str


class ProductType(SnakeCaseModel):
    """A kind of product the municipality provides (``/producttypen``).

    ``gepubliceerd`` is computed by the server from the publication dates.
    """

    uuid: UUID | None = None
    uniforme_product_naam: str | None = None
    doelgroep: Annotated[Doelgroep | str, OPEN_ENUM]
    themas: list[NestedThema] = Field(default_factory=list)
    locaties: list[Locatie] = Field(default_factory=list)
    organisaties: list[Organisatie] = Field(default_factory=list)
    eigenaar: str | None = None
    contacten: list[Contact] = Field(default_factory=list)
    prijzen: list[NestedPrijs] = Field(default_factory=list)
    links: list[NestedLink] = Field(default_factory=list)
    acties: list[NestedActie] = Field(default_factory=list)
    bestanden: list[NestedBestand] = Field(default_factory=list)
    naam: str
    samenvatting: str
    taal: str | None = None
    externe_codes: list[NestedExterneCode] = Field(default_factory=list)
    parameters: list[NestedParameter] = Field(default_factory=list)
    verbruiksobject_schema: JsonSchema | None = None
    dataobject_schema: JsonSchema | None = None
    gepubliceerd: bool | None = None
    publicatie_start_datum: datetime.date | None = None
    publicatie_eind_datum: datetime.date | None = None
    aanmaak_datum: datetime.datetime | None = None
    update_datum: datetime.datetime | None = None
    code: str
    toegestane_statussen: list[OpenStatus] = Field(default_factory=list)
    keywords: list[str] = Field(default_factory=list)
    interne_opmerkingen: str | None = None
    zaaktypen: list[UrnUrlReference] = Field(default_factory=list)
    verzoektypen: list[UrnUrlReference] = Field(default_factory=list)
    processen: list[UrnUrlReference] = Field(default_factory=list)


class ProductTypeActuelePrijs(SnakeCaseModel):
    """The price list in force today (``/producttypen/{uuid}/actuele-prijs``)."""

    uuid: UUID | None = None
    code: str
    upl_naam: str | None = None
    upl_uri: str | None = None
    actuele_prijs: NestedPrijs | None = None


class ProductTypeTranslation(SnakeCaseModel):
    """The answer of ``PUT/PATCH /producttypen/{uuid}/vertaling/{taal}``."""

    uuid: UUID | None = None
    naam: str
    samenvatting: str


#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[SnakeCaseModel]] = {
    "producttypen": ProductType,
    "themas": Thema,
    "locaties": Locatie,
    "organisaties": Organisatie,
    "contacten": Contact,
    "prijzen": Prijs,
    "links": Link,
    "acties": Actie,
    "bestanden": Bestand,
    "content": ContentElement,
    "content-elementen": NestedContentElement,
    "contentlabels": ContentLabel,
    "schemas": JsonSchema,
    "actuele-prijzen": ProductTypeActuelePrijs,
    "actuele-prijs": ProductTypeActuelePrijs,
}
