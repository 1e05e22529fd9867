"""What the three Open VTB APIs (Berichten, Taken, Verzoeken) share: the URN link.

Berichten, taken and verzoeken point at the zaak or product they are about through
``isGerelateerdAan``, a list of ``{"urn": ...}`` objects. The helpers read the common URN
forms (see [`zgw_client.urns`][zgw_client.urns]) without failing on others.
"""

from __future__ import annotations

from ._models import ZGWModel
from .urns import InvalidURNError, ProductURN, ZaakURN, parse_product_urn, parse_zaak_urn

__all__ = ["IsGerelateerdAan", "zaak_identificaties"]


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
