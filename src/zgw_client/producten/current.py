"""Which of a party's products count as current today, and for how long still.

Open Product moves a product's ``status`` on its dates in a nightly task: to ``actief`` on
``start_datum`` and to ``verlopen`` on ``eind_datum`` (when the producttype allows those
statuses). Between the date and the night the status lags a day behind, so "current" is
decided on both: a product is current when today lies in ``[start_datum, eind_datum)`` and
its status is ``actief``, or ``gereed`` with a ``start_datum`` that has come (the move to
``actief`` is due). ``ingetrokken``, ``geweigerd``, ``verlopen``, ``in_aanvraag`` and
``initieel`` are never current. No I/O.
"""

from __future__ import annotations

import datetime
from enum import Enum

from pydantic import BaseModel, ConfigDict

from .models import Product

__all__ = ["CurrentProduct", "current_product", "expiry_order"]


def _text(value: Enum | str | None) -> str | None:
    return value.value if isinstance(value, Enum) else value


class CurrentProduct(BaseModel):
    """A product with its validity as a portal shows it.

    Attributes:
        product: the product as read.
        naam: its name, else its producttype's name.
        status: the product's status (``actief``, ...).
        start_datum: from when it is valid (``None``: from the start).
        eind_datum: the first day it is no longer valid (``None``: no end).
        is_current: valid today (see the module's rule).
        days_left: days from today until ``eind_datum`` (``None`` without an end).
    """

    model_config = ConfigDict(frozen=True)

    product: Product
    naam: str
    status: str | None
    start_datum: datetime.date | None
    eind_datum: datetime.date | None
    is_current: bool
    days_left: int | None


def current_product(product: Product, *, today: datetime.date) -> CurrentProduct:
    """``product`` with its validity on ``today``."""
    status = _text(product.status)
    started = product.start_datum is not None and product.start_datum <= today
    current = product.is_valid_on(today) and (
        status == "actief" or (status == "gereed" and started)
    )
    naam = product.naam or (product.producttype.naam if product.producttype else None) or ""
    return CurrentProduct(
        product=product,
        naam=naam,
        status=status,
        start_datum=product.start_datum,
        eind_datum=product.eind_datum,
        is_current=current,
        days_left=(product.eind_datum - today).days if product.eind_datum else None,
    )


def expiry_order(item: CurrentProduct) -> tuple[bool, datetime.date, str]:
    """Sort key: the product that ends soonest first, those without an end last."""
    return (item.eind_datum is None, item.eind_datum or datetime.date.max, item.naam)
