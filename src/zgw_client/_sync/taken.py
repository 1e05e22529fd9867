# GENERATED from src/zgw_client/_async/taken.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Taken API (Open VTB) on the synchronous client (``client.taken``).

Four endpoints on one store: ``/externetaken`` serves every kind (writes say
``taakSoort``), ``/betaaltaken``, ``/urltaken`` and ``/formuliertaken`` one kind each
(writes must not say it). Every taak's ``url`` lies under ``/externetaken``; the per-kind
resources accept such URLs and send to their own endpoint. Full CRUD everywhere; the lists
have **no filters** (Open VTB 0.1.0), so one party's taken are found by reading the whole
list (``ExterneTaken.of``).

Not the NL Portal taken of the Objects API: those are ``client.objecten.taken``.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import builtins
import datetime as dt
import re
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from typing import Any, ClassVar, TypeVar

from pydantic import BaseModel
from typing_extensions import Unpack

from .._models import ZGWModel
from .._resource import Ref
from .._vtb import party_matcher, party_of
from ..taken import _filters as f
from ..taken.completion import completion_body, is_completed
from ..taken.models import BetaalTaak, ExterneTaak, FormulierTaak, TaakSoort, URLTaak
from .api import API, ResourceSlot
from .pagination import Paginator
from .resource import Timeout, _item_pattern
from .vtb import DEFAULT_CONCURRENCY, MAX_PAGE_SIZE, VTBResource, scan

__all__ = [
    "BetaalTaken",
    "ExterneTaken",
    "FormulierTaken",
    "TakenAPI",
    "URLTaken",
]

M = TypeVar("M", bound=ZGWModel)


def _by_deadline(taak: ExterneTaak) -> tuple[dt.date, str]:
    return (taak.einddatum_handelings_termijn, taak.url or "")


class ExterneTaken(VTBResource[ExterneTaak]):
    """``/externetaken``: taken of every kind, ``details`` typed by ``taakSoort``."""

    kind, path, model = "taken", "externetaken", ExterneTaak
    blank_urns = frozenset({"isToegewezenAan"})
    wire_names, joined = f.WIRE_NAMES["ExternetakenFilters"], f.JOINED["ExternetakenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ExternetakenFilters],
    ) -> Paginator[ExterneTaak]:
        """Every taak of every party (lazily; ``page_size`` at most 500). The API cannot
        filter; for one party's taken use ``of()`` or ``open_of()``."""
        return self._list(filters, limit=limit, extra_params=extra_params)

    def of(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        toegewezen_aan: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> builtins.list[ExterneTaak]:
        """The taken assigned to one party (``isToegewezenAan``), soonest deadline first.

        Open VTB 0.1.0 cannot filter, so this reads the **whole** list (``count / 500``
        requests, ``concurrency`` at once) and parses only the party's taken.

        Args:
            bsn: a citizen's BSN (checked before any request).
            kvk: a company's KVK-nummer; with ``vestigingsnummer`` one of its branches.
            vestigingsnummer: the branch (only with ``kvk``).
            toegewezen_aan: the party URN itself (also a klantnummer URN).
            page_size: items per request (at most 500).
            concurrency: pages asked at once after the first.

        Raises:
            InputError: no party or more than one, or an invalid number.
        """
        party = party_of(bsn=bsn, kvk=kvk, vestigingsnummer=vestigingsnummer, urn=toegewezen_aan)
        raw = scan(
            self._client,
            self.url,
            match=party_matcher(party, "isToegewezenAan"),
            page_size=page_size,
            concurrency=concurrency,
        )
        return sorted((self.parse(item) for item in raw), key=_by_deadline)

    def open_of(
        self,
        *,
        bsn: str | None = None,
        kvk: str | None = None,
        vestigingsnummer: str | None = None,
        toegewezen_aan: str | None = None,
        page_size: int = MAX_PAGE_SIZE,
        concurrency: int = DEFAULT_CONCURRENCY,
    ) -> builtins.list[ExterneTaak]:
        """The party's taken with status ``open``, soonest deadline first (the same read as
        ``of()``)."""
        taken = self.of(
            bsn=bsn,
            kvk=kvk,
            vestigingsnummer=vestigingsnummer,
            toegewezen_aan=toegewezen_aan,
            page_size=page_size,
            concurrency=concurrency,
        )
        return [taak for taak in taken if taak.is_open]


class PerSoort(VTBResource[M]):
    """One kind's endpoint. Its taken's URLs lie under ``/externetaken``: those are
    accepted and sent to this endpoint; ``taakSoort`` is left out of writes (the endpoint
    sets it and refuses it in a body)."""

    kind = "taken"
    soort: ClassVar[TaakSoort]

    @classmethod
    def _item_path(cls) -> re.Pattern[str]:
        return re.compile(
            f"(?:{_item_pattern(cls.path).pattern})|(?:{_item_pattern('externetaken').pattern})"
        )

    def url_of(self, ref: Ref | BaseModel) -> str:
        """The URL of one taak on this endpoint, from its URL (also under
        ``/externetaken``), UUID or model."""
        url = super().url_of(ref)
        head, _, tail = url.rstrip("/").rpartition("/")
        collection, _, last = head.rpartition("/")
        return f"{collection}/{self.path}/{tail}" if last == "externetaken" else url

    read_only = frozenset({"url", "urn", "uuid", "taakSoort"})
    blank_urns = frozenset({"isToegewezenAan"})


class BetaalTaken(PerSoort[BetaalTaak]):
    """``/betaaltaken``: pay an amount (``details``: bedrag, transactieomschrijving,
    doelrekening)."""

    path, model, soort = "betaaltaken", BetaalTaak, TaakSoort.BETAALTAAK
    wire_names, joined = f.WIRE_NAMES["BetaaltakenFilters"], f.JOINED["BetaaltakenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BetaaltakenFilters],
    ) -> Paginator[BetaalTaak]:
        """Every betaaltaak of every party (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class URLTaken(PerSoort[URLTaak]):
    """``/urltaken``: do something on another site (``details.uitvraagLink``)."""

    path, model, soort = "urltaken", URLTaak, TaakSoort.URLTAAK
    wire_names, joined = f.WIRE_NAMES["UrltakenFilters"], f.JOINED["UrltakenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.UrltakenFilters],
    ) -> Paginator[URLTaak]:
        """Every urltaak of every party (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class FormulierTaken(PerSoort[FormulierTaak]):
    """``/formuliertaken``: fill in a form (``details.formulierDefinitie``, Form.io)."""

    path, model, soort = "formuliertaken", FormulierTaak, TaakSoort.FORMULIERTAAK
    wire_names = f.WIRE_NAMES["FormuliertakenFilters"]
    joined = f.JOINED["FormuliertakenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.FormuliertakenFilters],
    ) -> Paginator[FormulierTaak]:
        """Every formuliertaak of every party (lazily, across pages)."""
        return self._list(filters, limit=limit, extra_params=extra_params)


class TakenAPI(API):
    """The Taken API (Open VTB): ``client.taken.externetaken``, ``.betaaltaken``,
    ``.urltaken``, ``.formuliertaken``, and ``complete()``."""

    kind = "taken"

    externetaken = ResourceSlot(ExterneTaken)
    betaaltaken = ResourceSlot(BetaalTaken)
    urltaken = ResourceSlot(URLTaken)
    formuliertaken = ResourceSlot(FormulierTaken)

    def complete(
        self,
        taak: Ref | ExterneTaak,
        *,
        bedrag: Decimal | str | None = None,
        transactieomschrijving: str | None = None,
        gegevens: Mapping[str, Any] | None = None,
        timeout: Timeout = None,
    ) -> ExterneTaak:
        """Complete a taak (status ``uitgevoerd``) by the rules of its kind.

        The taak is read first (one GET), its kind's rules are checked (see
        [`completion_body`][zgw_client.taken.completion.completion_body]: a betaaltaak needs
        the payment's ``bedrag`` and ``transactieomschrijving`` to match, a formuliertaak
        the form's answers in ``gegevens``, an urltaak optionally what the linked site sent
        back) and only then is it PATCHed, on its kind's endpoint. A taak that is
        ``uitgevoerd`` already is returned as it is, without a PATCH (nothing is sent
        again), so a portal may retry.

        Args:
            taak: the taak's URL, UUID or model.
            bedrag: betaaltaak: the amount paid.
            transactieomschrijving: betaaltaak: the reference paid with.
            gegevens: formuliertaak: the answers; urltaak: the data received back.
            timeout: seconds for each of the two requests.

        Returns:
            The taak as the server stored it (a ``BetaalTaak``, ``URLTaak`` or
            ``FormulierTaak``).

        Raises:
            TaakNotOpenError: the taak was closed otherwise (afgebroken, ...).
            TaakCompletionError: a rule of its kind is not met (nothing is sent).
        """
        current = self.externetaken.get(taak, timeout=timeout)
        if is_completed(current):
            return current
        body = completion_body(
            current,
            bedrag=bedrag,
            transactieomschrijving=transactieomschrijving,
            gegevens=gegevens,
        )
        soort = current.taak_soort
        soort = soort.value if isinstance(soort, Enum) else soort
        endpoint: PerSoort[Any]
        if soort == TaakSoort.BETAALTAAK.value:
            endpoint = self.betaaltaken
        elif soort == TaakSoort.URLTAAK.value:
            endpoint = self.urltaken
        else:
            endpoint = self.formuliertaken  # completion_body knows no other kind
        done: ExterneTaak = endpoint.partial_update(current, body, timeout=timeout)
        return done
