"""Whose composition it is: a citizen (BSN) or a company (KVK, maybe one vestiging)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .._exceptions import InputError
from ..identifiers import validate_bsn, validate_kvk, validate_vestigingsnummer
from ..zaken.models import Rol
from . import _compose as c
from .models import Subject
from .policy import Policy

__all__ = ["SubjectIdentity"]


class SubjectIdentity:
    """The validated identity an overview is for, and the filters that find its data.

    Raises:
        InputError: neither or both of ``bsn`` and ``kvk``, or a malformed identifier
            (checked before any request).
    """

    def __init__(self, bsn: str | None, kvk: str | None, vestigingsnummer: str | None) -> None:
        if (bsn is None) == (kvk is None):
            raise InputError("Give exactly one of bsn or kvk.")
        self.bsn = validate_bsn(bsn) if bsn is not None else None
        self.kvk = validate_kvk(kvk) if kvk is not None else None
        self.vestigingsnummer = (
            validate_vestigingsnummer(vestigingsnummer) if vestigingsnummer else None
        )

    def __repr__(self) -> str:
        return f"SubjectIdentity({self.view().masked!r})"

    def view(self) -> Subject:
        """The subject as shown: its identifier masked."""
        value = self.bsn or self.kvk or ""
        return Subject(
            kind="bsn" if self.bsn else "kvk",
            masked="*" * (len(value) - 4) + value[-4:],
            vestigingsnummer=self.vestigingsnummer,
        )

    def zaak_filters(self) -> dict[str, Any]:
        """The zaken list filters on the subject's rol."""
        if self.bsn:
            return {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": self.bsn}
        # Not narrowed to the vestiging on the server: a rol for the whole company (no
        # vestigingsNummer) counts for each vestiging; holds() applies the vestiging.
        return {"rol__betrokkene_identificatie__niet_natuurlijk_persoon__kvk_nummer": self.kvk}

    def rol_filters(self) -> dict[str, Any]:
        """The rollen list filters on the subject."""
        if self.bsn:
            return {"betrokkene_identificatie__natuurlijk_persoon__inp_bsn": self.bsn}
        return {"betrokkene_identificatie__niet_natuurlijk_persoon__kvk_nummer": self.kvk}

    def partij_identificator(self) -> tuple[str, str]:
        """``(codeSoortObjectId, objectId)`` of the subject's partij in Klantinteracties."""
        if self.bsn:
            return "bsn", self.bsn
        return "kvk_nummer", self.kvk or ""

    def holds(self, rollen: Sequence[Rol], policy: Policy) -> bool:
        """Whether one of ``rollen`` is the subject's, in a role the policy counts."""
        return c.holds_qualifying_rol(
            rollen, policy, bsn=self.bsn, kvk=self.kvk, vestigingsnummer=self.vestigingsnummer
        )
