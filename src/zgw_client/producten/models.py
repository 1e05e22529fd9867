"""Models of the Producten API (Open Product 1.8, API 1.7): the products a party holds.

A product (e.g. a parkeervergunning) is an instance of a producttype (see
[`zgw_client.producttypen`][zgw_client.producttypen.models]) held by one or more ``eigenaren``,
valid from ``start_datum`` to ``eind_datum``, with a ``status`` the producttype allows.

Server facts the models follow:

* The JSON keys are snake_case; these models build on
  [`SnakeCaseModel`][zgw_client.SnakeCaseModel].
* An eigenaar has a ``bsn`` (9 digits, 11-proef) and/or a ``klantnummer``, or a
  ``kvk_nummer`` (8 digits) with or without ``vestigingsnummer``; never both kinds. Unset
  numbers come back as ``""``. Find a citizen's products with ``eigenaren__bsn``.
* Writes name the producttype by ``producttype_uuid``; reads embed it as ``producttype``.
* ``zaken``, ``documenten`` and ``taken`` are ``{urn, url}`` pairs; a PUT replaces the
  lists, a PATCH only the lists it sends. Eigenaren in a PUT/PATCH keep their ``uuid``;
  eigenaren left out are deleted.
* The server moves a product to ``actief`` on its ``start_datum`` and to ``verlopen`` on
  its ``eind_datum`` (if the producttype allows those statuses).
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any
from uuid import UUID

from pydantic import Field

from .._models import OPEN_ENUM, SnakeCaseModel
from ..producttypen.models import NestedProductType, ProductStatus, UrnUrlReference

__all__ = [
    "RESOURCE_MODELS",
    "Eigenaar",
    "Frequentie",
    "NestedProductType",
    "Product",
    "ProductStatus",
    "UrnUrlReference",
]


class Frequentie(str, Enum):
    """How often the product's ``prijs`` is due (``""`` when not set)."""

    EENMALIG = "eenmalig"
    MAANDELIJKS = "maandelijks"
    JAARLIJKS = "jaarlijks"


class Eigenaar(SnakeCaseModel):
    """A holder of a product: a citizen (BSN), a klant, or a company (KVK [+ vestiging])."""

    uuid: UUID | None = None
    bsn: str | None = None
    kvk_nummer: str | None = None
    vestigingsnummer: str | None = None
    klantnummer: str | None = None


class Product(SnakeCaseModel):
    """A product held by a party (``/producten``).

    ``is_valid_on(day)`` tells whether ``day`` falls in the product's validity period.
    """

    uuid: UUID | None = None
    url: str | None = None
    naam: str | None = None
    start_datum: datetime.date | None = None
    eind_datum: datetime.date | None = None
    aanmaak_datum: datetime.datetime | None = None
    update_datum: datetime.datetime | None = None
    producttype: NestedProductType | None = None
    gepubliceerd: bool | None = None
    eigenaren: list[Eigenaar]
    documenten: list[UrnUrlReference] = Field(default_factory=list)
    zaken: list[UrnUrlReference] = Field(default_factory=list)
    taken: list[UrnUrlReference] = Field(default_factory=list)
    status: Annotated[ProductStatus | str | None, OPEN_ENUM] = None
    prijs: Decimal | None = None
    frequentie: Annotated[Frequentie | str | None, OPEN_ENUM] = None
    verbruiksobject: dict[str, Any] | None = None
    dataobject: dict[str, Any] | None = None
    aanvraag_zaak_urn: str | None = None
    aanvraag_zaak_url: str | None = None

    def is_valid_on(self, day: datetime.date) -> bool:
        """Whether ``day`` lies in ``[start_datum, eind_datum)`` (open ends count as valid)."""
        if self.start_datum is not None and day < self.start_datum:
            return False
        return self.eind_datum is None or day < self.eind_datum


#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[SnakeCaseModel]] = {"producten": Product}
