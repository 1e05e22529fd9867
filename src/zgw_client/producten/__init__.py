"""Producten API (Open Product) models: the products (e.g. vergunningen) a party holds,
and which of them are current ([`current`][zgw_client.producten.current])."""

from .current import CurrentProduct, current_product, expiry_order
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
    "CurrentProduct",
    "Eigenaar",
    "Frequentie",
    "NestedProductType",
    "Product",
    "ProductStatus",
    "UrnUrlReference",
    "current_product",
    "expiry_order",
]
