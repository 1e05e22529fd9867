"""Producten API (Open Product) models: the products (e.g. vergunningen) a party holds."""

from .models import (
    RESOURCE_MODELS,
    Eigenaar,
    Frequentie,
    NestedProductType,
    Product,
    ProductStatus,
    UrnUrlReference,
)

__all__ = [
    "RESOURCE_MODELS",
    "Eigenaar",
    "Frequentie",
    "NestedProductType",
    "Product",
    "ProductStatus",
    "UrnUrlReference",
]
