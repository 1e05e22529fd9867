# GENERATED from src/zgw_client/_async/homepage.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""Compose a citizen's home page from the registers (async face).

What to fetch is the plan's ([`HomeComposition`][zgw_client.mijnzaken._home]): the
MijnZaken overview's requests and those of the other parts, in one plan run by the face's
executor. This module turns each request into a call on the public client API (the zaken
part's through [`MijnZaken`][zgw_client.mijnzaken.MijnZaken]).

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._executor import Executor
from ..mijnzaken._home import HomeComposition, home_view
from ..mijnzaken._plan import Composition, Services
from ..mijnzaken._requests import BerichtenOf, OpenTaken, PlanRequest, ProductenOf, VTBTakenOf
from ..mijnzaken._subject import SubjectIdentity
from ..mijnzaken.models import HomePageView
from ..mijnzaken.policy import HomeParts, Policy
from .mijnzaken import REQUIRED_KINDS, MijnZaken

if TYPE_CHECKING:
    from .client import ZGWClient

__all__ = ["HomePage"]


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class HomePage:
    """A citizen's or company's home page: lopende zaken, wat ik moet regelen, laatste
    berichten and producten, in one composition (async).

    Each part is shown when ``parts`` switches it on (all are, by default) and its
    services are configured: zaken needs a ``zaken`` and a ``catalogi`` service; taken a
    ``taken`` (Open VTB) or an ``objecten`` service, or both; berichten a ``berichten``
    service; producten a ``producten`` service. A client with none of them makes a home
    page with no parts (and a warning for each part switched on).

    Args:
        client: a configured client.
        policy: what may be shown of the zaken, and at most how many requests are in flight
            across the whole home page (see [`Policy`][zgw_client.mijnzaken.Policy]).
        parts: which parts to show (see [`HomeParts`][zgw_client.mijnzaken.HomeParts]).
        today: the date ``days_left`` counts from, and products are current on.
        now: the moment that counts as now for a bericht's ``publicatiedatum`` (default:
            now, UTC).

    Example:
        ```python
        with ZGWClient.from_env() as client:
            home = HomePage(client).compose(bsn="999993653")
            print(home.unread_berichten, [taak.titel for taak in home.taken or []])
        ```
    """

    def __init__(
        self,
        client: ZGWClient,
        policy: Policy | None = None,
        parts: HomeParts | None = None,
        *,
        today: Callable[[], dt.date] = dt.date.today,
        now: Callable[[], dt.datetime] = _now,
    ) -> None:
        self._client = client
        self.policy = policy or Policy()
        self.parts = parts or HomeParts()
        self._today = today
        self._now = now
        configured = all(client.services_of(kind) for kind in REQUIRED_KINDS)
        self._zaken = (
            MijnZaken(client, self.policy, today=today)
            if self.parts.zaken and configured
            else None
        )

    def _has(self, kind: str) -> bool:
        return bool(self._client.services_of(kind))

    def compose(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
    ) -> HomePageView:
        """The home page of a citizen (``bsn``) or a company (``kvk``, optional vestiging).

        Args:
            bsn: the citizen's BSN (checked with the 11-proef before any request).
            kvk: the company's KVK-nummer.
            vestigingsnummer: a company's vestiging: its zaken, and the berichten, taken
                and products addressed to that vestiging.

        Returns:
            The home page; ``missing`` lists what could not be fetched, ``complete`` says
            whether anything is.
        """
        subject = SubjectIdentity(bsn, kvk, vestigingsnummer)
        parts, warnings = self.parts, []
        zaken = None
        if self._zaken is not None:
            found = self._zaken._services()
            # The home page asks for the Objects API's taken itself (they are a part of
            # their own); the overview's zaken need only the zaken and their catalogi.
            services = Services(found.zaken, found.kinds - {"objecten"}, found.sibling)
            zaken = Composition.overview(subject, self.policy, services, details=False)
        elif parts.zaken:
            warnings.append("No zaken and catalogi service configured: zaken are not shown.")
        vtb_taken = parts.taken and self._has("taken")
        object_taken = parts.taken and self._has("objecten")
        if parts.taken and not (vtb_taken or object_taken):
            warnings.append("No taken or objecten service configured: taken are not shown.")
        berichten = parts.berichten and self._has("berichten")
        if parts.berichten and not berichten:
            warnings.append("No berichten service configured: berichten are not shown.")
        producten = parts.producten and self._has("producten")
        if parts.producten and not producten:
            warnings.append("No producten service configured: producten are not shown.")
        plan = HomeComposition(
            subject,
            self.policy,
            zaken=zaken,
            vtb_taken=vtb_taken,
            object_taken=object_taken,
            berichten=berichten,
            producten=producten,
            now=self._now(),
        )
        Executor(self.policy.concurrency).run(plan, self._perform)
        return home_view(plan, parts, self._today(), warnings)

    def _perform(self, request: PlanRequest) -> Any:
        """Send what ``request`` describes through the public client API."""
        client = self._client
        if isinstance(request, VTBTakenOf):
            externetaken = client.taken.externetaken
            return externetaken.open_of(
                toegewezen_aan=request.party, concurrency=request.slots
            )
        if isinstance(request, BerichtenOf):
            return client.berichten.berichten.of(
                ontvanger=request.party,
                now=dt.datetime.fromisoformat(request.now),
                concurrency=request.slots,
            )
        if isinstance(request, OpenTaken):
            return client.objecten.taken.open_taken(bsn=request.bsn, kvk=request.kvk)
        if isinstance(request, ProductenOf):
            return client.producten.producten.of(
                bsn=request.bsn, kvk=request.kvk, vestigingsnummer=request.vestigingsnummer
            )
        assert self._zaken is not None  # every other request is the zaken part's
        return self._zaken._perform(request)
