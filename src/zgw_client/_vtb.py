"""What the three Open VTB APIs (Berichten, Taken, Verzoeken) share: URN links and parties.

Berichten, taken and verzoeken point at the zaak or product they are about through
``isGerelateerdAan``, a list of ``{"urn": ...}`` objects. The helpers read the common URN
forms (see [`zgw_client.urns`][zgw_client.urns]) without failing on others.

Open VTB 0.1.0 lists have no filters, so a party's berichten, taken or verzoeken are found
by reading the whole list and keeping the items that name the party: ``party_of`` checks
who is asked about, ``party_matcher`` tests the raw items.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ._exceptions import InputError
from ._models import ZGWModel
from .urns import (
    InvalidURNError,
    PartyURN,
    ProductURN,
    ZaakURN,
    bsn_urn,
    kvk_urn,
    parse_party_urn,
    parse_product_urn,
    parse_zaak_urn,
)

__all__ = ["IsGerelateerdAan", "party_matcher", "party_of", "zaak_identificaties"]


class IsGerelateerdAan(ZGWModel):
    """One ``isGerelateerdAan`` entry: the URN of a zaak or product."""

    urn: str

    @property
    def zaak(self) -> ZaakURN | None:
        """The zaak this URN names by zaaknummer, or ``None`` for another kind of URN."""
        try:
            return parse_zaak_urn(self.urn)
        except InvalidURNError:
            return None

    @property
    def product(self) -> ProductURN | None:
        """The Open Product product this URN names, or ``None``."""
        try:
            return parse_product_urn(self.urn)
        except InvalidURNError:
            return None


def zaak_identificaties(links: list[IsGerelateerdAan] | None) -> list[str]:
    """The zaaknummers (zaak ``identificatie``) among ``links``, in order."""
    return [link.zaak.identificatie for link in links or [] if link.zaak is not None]


# -- whose is it: a party, given by number or URN ------------------------------------------
def party_of(
    *,
    bsn: str | None = None,
    kvk: str | None = None,
    vestigingsnummer: str | None = None,
    urn: str | None = None,
) -> PartyURN:
    """The one party a portal asks about: a BSN, a KVK-nummer (with or without
    vestigingsnummer) or a party URN, checked before any request.

    Raises:
        InputError: none or more than one party given, or a vestigingsnummer without KVK.
        InvalidPartyURNError: an invalid BSN, KVK-nummer, vestigingsnummer or URN.
    """
    given = [name for name, value in (("bsn", bsn), ("kvk", kvk), ("urn", urn)) if value]
    if len(given) != 1:
        raise InputError(
            "Name exactly one party: bsn=..., kvk=... (optionally with vestigingsnummer=...) "
            f"or urn=...; got {', '.join(given) or 'none'}."
        )
    if vestigingsnummer and not kvk:
        raise InputError("vestigingsnummer=... belongs to a company: give kvk=... with it.")
    if bsn:
        return parse_party_urn(bsn_urn(bsn))
    if kvk:
        return parse_party_urn(kvk_urn(kvk, vestigingsnummer or None))
    assert urn is not None
    return parse_party_urn(urn)


def party_matcher(party: PartyURN, field: str) -> Callable[[Any], bool]:
    """A test for raw list items (dicts as the server sent them) whose ``field`` names
    ``party``.

    Run on the raw items, so that only the party's own items are parsed into models. The
    URN's prefix is compared case-insensitively, as RFC 8141 allows (``URN:NLD:BRP:...``);
    a company's URN does not match its branches' (a vestiging is its own party).
    """
    urn = party.urn
    lowered = urn.lower()

    def matches(item: Any) -> bool:
        value = item.get(field) if isinstance(item, dict) else None
        if value == urn:
            return True
        if not isinstance(value, str) or value.strip().lower() != lowered:
            return False
        try:
            return parse_party_urn(value) == party
        except InvalidURNError:
            return False

    return matches
