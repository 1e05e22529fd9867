"""What a page of a list is; the paginators themselves live with each client face."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

__all__ = ["Page"]

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a list endpoint.

    Attributes:
        items: the typed items on this page.
        count: the server's total over all pages (``None`` if it gave none).
        next: the URL of the next page, or ``None`` on the last.
        previous: the URL of the previous page.
        url: the URL this page was read from.
    """

    items: list[T]
    count: int | None
    next: str | None
    previous: str | None = None
    url: str = field(default="", compare=False)
