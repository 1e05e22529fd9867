# GENERATED from src/zgw_client/_async/producten.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Producten API (Open Product) on the synchronous client (``client.producten``).

Open Product speaks snake_case JSON (``start_datum``, ``producttype_uuid``), pages with
``page_size`` (at most 500) and answers problem bodies with ``invalid_params`` (snake_case
names, e.g. ``eigenaren.0.bsn``). Unlike Open VTB it filters on the server: a citizen's
products are ``producten?eigenaren__bsn=<bsn>``.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping
from typing import Any, ClassVar

from pydantic import BaseModel
from typing_extensions import Unpack

from .._exceptions import InputError
from .._resource import write_body
from ..identifiers import validate_bsn, validate_kvk, validate_vestigingsnummer
from ..producten import _filters as f
from ..producten.current import CurrentProduct, current_product, expiry_order
from ..producten.models import Product
from .api import API, ResourceSlot
from .pagination import Paginator
from .producttypen import OpenProductResource
from .resource import Timeout

__all__ = [
    "Producten",
    "ProductenAPI",
]


class Producten(OpenProductResource[Product]):
    """``/producten``: the products parties hold; list with every filter of the spec."""

    kind, path, model = "producten", "producten", Product
    wire_names, joined = f.WIRE_NAMES["ProductenFilters"], f.JOINED["ProductenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ProductenFilters],
    ) -> Paginator[Product]:
        """Products matching ``filters`` (lazily, across pages), newest first, e.g.
        ``list(eigenaren__bsn="999990111", status="actief")``."""
        return self._list(filters, limit=limit, extra_params=extra_params)

    read_only = frozenset({"uuid", "url", "aanmaak_datum", "update_datum"})
    embedded: ClassVar[Mapping[str, tuple[str, str]]] = {
        "producttype": ("producttype_uuid", "uuid")
    }

    def _write(
        self,
        method: str,
        url: str,
        data: BaseModel | Mapping[str, Any],
        headers: Mapping[str, str] | None,
        timeout: Timeout,
    ) -> Product:
        # The server renders an eigenaar's unset numbers as "" (a BSN holder has
        # ``kvk_nummer: ""``); the spec's minimum lengths refuse "" in a request, and
        # leaving them out means the same.
        body = write_body(data)
        eigenaren = body.get("eigenaren")
        if isinstance(eigenaren, list):
            body["eigenaren"] = [
                {k: v for k, v in e.items() if v != ""} if isinstance(e, dict) else e
                for e in eigenaren
            ]
        return super()._write(method, url, body, headers, timeout)

    def of(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        **filters: Unpack[f.ProductenFilters],
    ) -> builtins.list[Product]:
        """Every product one party holds (one filtered list on the server).

        The server's answer is checked again: only products with an eigenaar of exactly
        this BSN (or KVK-nummer, and vestigingsnummer when given) are kept, so a loose
        server filter never widens the answer.

        Args:
            bsn: a citizen's BSN (checked with the 11-proef before any request).
            kvk: a company's KVK-nummer (its branches' products included unless
                ``vestigingsnummer`` names one).
            vestigingsnummer: one branch (only with ``kvk``).
            filters: more filters of ``list()`` (``status``, ``producttype__code``, ...).

        Raises:
            InputError: no party or more than one, or an invalid number.
        """
        if bool(bsn) == bool(kvk):
            raise InputError(
                "Name exactly one party: bsn=... or kvk=... (with vestigingsnummer=...)."
            )
        if vestigingsnummer and not kvk:
            raise InputError("vestigingsnummer=... belongs to a company: give kvk=... with it.")
        query: f.ProductenFilters = {**filters}
        if bsn:
            number = validate_bsn(bsn)
            query["eigenaren__bsn"] = number

            def holds(product: Product) -> bool:
                return any(e.bsn == number for e in product.eigenaren)

        else:
            assert kvk is not None
            kvk_nummer = validate_kvk(kvk)
            vestiging = validate_vestigingsnummer(vestigingsnummer) if vestigingsnummer else None
            query["eigenaren__kvk_nummer"] = kvk_nummer
            if vestiging:
                query["eigenaren__vestigingsnummer"] = vestiging

            def holds(product: Product) -> bool:
                return any(
                    e.kvk_nummer == kvk_nummer
                    and (vestiging is None or e.vestigingsnummer == vestiging)
                    for e in product.eigenaren
                )

        return [p for p in self.list(**query).to_list() if holds(p)]

    def current_of(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        today: dt.date | None = None,
    ) -> builtins.list[CurrentProduct]:
        """The party's products that are valid today, with their validity, the one that
        ends soonest first (see [`current_product`][zgw_client.producten.current.current_product]
        for what counts as current)."""
        day = today or dt.date.today()
        products = self.of(bsn=bsn, kvk=kvk, vestigingsnummer=vestigingsnummer)
        current = [current_product(p, today=day) for p in products]
        return sorted((c for c in current if c.is_current), key=expiry_order)


class ProductenAPI(API):
    """The Producten API (Open Product): ``client.producten.producten``."""

    kind = "producten"

    producten = ResourceSlot(Producten)
