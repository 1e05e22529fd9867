"""Producten API (Open Product) models: the products (e.g. vergunningen) a party holds,
and which of them are current ([`current`][zgw_client.producten.current]).

The resources (sync `ProductenAPI` and `Producten`, async `AsyncProductenAPI` and
`AsyncProducten`) load on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
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

if TYPE_CHECKING:
    from .._async.producten import (
        AsyncProducten,
        AsyncProductenAPI,
    )
    from .._sync.producten import (
        Producten,
        ProductenAPI,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncProducten": "zgw_client._async.producten",
    "AsyncProductenAPI": "zgw_client._async.producten",
    "Producten": "zgw_client._sync.producten",
    "ProductenAPI": "zgw_client._sync.producten",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncProducten",
    "AsyncProductenAPI",
    "CurrentProduct",
    "Eigenaar",
    "Frequentie",
    "NestedProductType",
    "Product",
    "ProductStatus",
    "Producten",
    "ProductenAPI",
    "UrnUrlReference",
    "current_product",
    "expiry_order",
]
