"""The Berichten API (Open VTB) on the asynchronous client (``client.berichten``).

What the API allows (Open VTB 0.1.0): list, create, read, and a PATCH of ``geopendOp``
only. There is no PUT and no DELETE, and the list has **no filters**: one citizen's
berichten are found by reading every bericht and keeping those addressed to the citizen
(see ``AsyncBerichten.of`` and its cost in the Berichten guide).

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .._exceptions import InputError
from .._resource import Ref, write_body
from .._vtb import party_matcher, party_of
from ..berichten import _filters as f
from ..berichten.models import Bericht
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import Timeout
from .vtb import DEFAULT_CONCURRENCY, MAX_PAGE_SIZE, AsyncVTBResource, scan

__all__ = [
    "AsyncBerichten",
    "AsyncBerichtenAPI",
]

#: The one field ``PATCH /berichten/{uuid}`` changes; the server ignores every other one.
_PATCHABLE = frozenset({"geopendOp", "geopend_op"})


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)


def _newest_first(bericht: Bericht) -> tuple[float, str]:
    published = bericht.publicatiedatum
    return (-_utc(published).timestamp() if published else float("inf"), bericht.url or "")


class AsyncBerichten(AsyncVTBResource[Bericht]):
    """``/berichten``: list, get, create, and marking a bericht opened.

    ``update`` and ``delete`` raise [`InputError`][zgw_client.InputError] before any
    request: the API has no PUT or DELETE. ``partial_update`` takes only ``geopendOp``.
    """

    kind, path, model = "berichten", "berichten", Bericht
    wire_names, joined = f.WIRE_NAMES["BerichtenFilters"], f.JOINED["BerichtenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BerichtenFilters],
    ) -> AsyncPaginator[Bericht]:
        """Every bericht of every addressee (lazily, across pages; ``page_size`` at most 500).

        The API cannot filter; for one party's berichten use
        ``of()``.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)

    async def update(
        self,
        ref: Ref | BaseModel,
        data: Bericht | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Bericht:
        """Not offered by the API: a bericht does not change once sent.

        Raises:
            InputError: always, before any request.
        """
        raise InputError(
            "The Berichten API has no PUT: a bericht does not change once sent. Send a new "
            "bericht, or mark this one opened with mark_opened()."
        )

    async def delete(
        self,
        ref: Ref | BaseModel,
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> None:
        """Not offered by the API: berichten are kept.

        Raises:
            InputError: always, before any request.
        """
        raise InputError("The Berichten API has no DELETE: berichten cannot be removed.")

    async def partial_update(
        self,
        ref: Ref | BaseModel,
        data: Bericht | Mapping[str, Any],
        *,
        headers: Mapping[str, str] | None = None,
        timeout: Timeout = None,
    ) -> Bericht:
        """Set ``geopendOp`` (the only field the API changes).

        Raises:
            InputError: ``data`` holds other fields; the server would ignore them silently.
        """
        body = write_body(data)
        others = sorted(set(body) - _PATCHABLE)
        if others or not body:
            raise InputError(
                "A bericht's PATCH takes only 'geopendOp' (the server ignores other fields); "
                f"got {', '.join(others) or 'nothing'}."
            )
        return await self._write("PATCH", self.url_of(ref), body, headers, timeout)

    async def mark_opened(
        self,
        bericht: Ref | Bericht,
        *,
        opened_at: dt.datetime | None = None,
        timeout: Timeout = None,
    ) -> Bericht:
        """Record that the addressee opened ``bericht`` in the portal (``geopendOp``).

        Idempotent: a bericht that was opened before keeps its first ``geopendOp``. The
        bericht is read first (one GET), unless the model passed already shows it opened;
        only a bericht that is still unread is PATCHed.

        Args:
            bericht: the bericht's URL, UUID or model.
            opened_at: when it was opened (timezone-aware); default now.

        Raises:
            InputError: ``opened_at`` has no timezone.
        """
        if opened_at is not None and opened_at.tzinfo is None:
            raise InputError("opened_at must be timezone-aware, e.g. datetime.now(timezone.utc).")
        if isinstance(bericht, Bericht) and bericht.geopend_op is not None:
            return bericht
        current = await self.get(bericht, timeout=timeout)
        if current.geopend_op is not None:
            return current
        moment = opened_at or dt.datetime.now(dt.timezone.utc)
        return await self._write(
            "PATCH", self.url_of(current), {"geopendOp": moment.isoformat()}, None, timeout
        )

    async def of(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        ontvanger: str | None = None,
        now: dt.datetime | None = None,
        include_unpublished: bool = False,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> builtins.list[Bericht]:
        """The berichten addressed to one party, newest ``publicatiedatum`` first.

        Open VTB 0.1.0 cannot filter, so this reads the **whole** list (every addressee's
        berichten: ``count / 500`` requests, ``concurrency`` at once) and keeps the party's;
        only those are parsed. Berichten whose ``publicatiedatum`` lies after ``now`` are
        not yet meant to be seen and are left out unless ``include_unpublished``.

        Args:
            bsn: a citizen's BSN (checked with the 11-proef before any request).
            kvk: a company's KVK-nummer; with ``vestigingsnummer`` one of its branches.
            vestigingsnummer: the branch (only with ``kvk``).
            ontvanger: the party URN itself, instead of a number.
            now: the moment that counts as now for ``publicatiedatum`` (default: now, UTC).
            include_unpublished: keep berichten not yet published.
            page_size: items per request (the server allows at most 500).
            concurrency: pages asked at once after the first.

        Raises:
            InputError: no party or more than one, or an invalid number (no request is sent).
        """
        party = party_of(bsn=bsn, kvk=kvk, vestigingsnummer=vestigingsnummer, urn=ontvanger)
        raw = await scan(
            self._client,
            self.url,
            match=party_matcher(party, "ontvanger"),
            page_size=page_size,
            concurrency=concurrency,
        )
        berichten = [self.parse(item) for item in raw]
        if not include_unpublished:
            moment = _utc(now or dt.datetime.now(dt.timezone.utc))
            berichten = [
                b
                for b in berichten
                if b.publicatiedatum is None or _utc(b.publicatiedatum) <= moment
            ]
        return sorted(berichten, key=_newest_first)

    async def unread(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        ontvanger: str | None = None,
        now: dt.datetime | None = None,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> builtins.list[Bericht]:
        """The party's published berichten without ``geopendOp``, newest first.

        The same read as ``of()`` (the whole
        list); ``len(...)`` is the unread count a portal shows.
        """
        berichten = await self.of(
            bsn=bsn,
            kvk=kvk,
            vestigingsnummer=vestigingsnummer,
            ontvanger=ontvanger,
            now=now,
            page_size=page_size,
            concurrency=concurrency,
        )
        return [b for b in berichten if not b.is_opened]


class AsyncBerichtenAPI(AsyncAPI):
    """The Berichten API (Open VTB): ``client.berichten.berichten``."""

    kind = "berichten"

    berichten = AsyncResourceSlot(AsyncBerichten)
