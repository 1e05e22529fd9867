"""Models of the Berichten API 0.1 (Open VTB): messages for a citizen's or company's portal.

A bericht is addressed to one party by URN (``ontvanger``: ``urn:nld:brp:bsn:<bsn>`` or a
KVK URN, see [`zgw_client.urns`][zgw_client.urns]) and may point at the zaak or product it is
about (``isGerelateerdAan``). The API registers berichten centrally; portals list them and
record when the addressee opened one.

Server facts the models follow (Open VTB 0.1.0):

* ``geopendOp`` is ``null`` until the bericht is opened in the portal; the only change the
  API accepts is ``PATCH {"geopendOp": ...}`` (other fields in the PATCH are ignored).
* There is no PUT and no DELETE; ``publicatiedatum`` defaults to the moment of creation.
* ``url``, ``urn`` and ``uuid`` are filled by the server: optional here, so the same model
  builds a create body (``to_wire()`` leaves unset fields out).
"""

from __future__ import annotations

import datetime
from uuid import UUID

from pydantic import Field

from .._models import ZGWModel
from .._vtb import IsGerelateerdAan, zaak_identificaties

__all__ = ["RESOURCE_MODELS", "Bericht", "BerichtBijlage", "IsGerelateerdAan"]


class BerichtBijlage(ZGWModel):
    """An attachment of a bericht: the URN of an enkelvoudiginformatieobject."""

    informatie_object: str
    omschrijving: str | None = None
    is_bericht_type_bijlage: bool | None = None


class Bericht(ZGWModel):
    """A message to a citizen or company (``/berichten``).

    ``is_opened`` tells a portal whether to show it as unread.
    """

    url: str | None = None
    urn: str | None = None
    uuid: UUID | None = None
    onderwerp: str
    bericht_tekst: str
    publicatiedatum: datetime.datetime | None = None
    referentie: str | None = None
    ontvanger: str
    geopend_op: datetime.datetime | None = None
    bericht_type: str | None = None
    is_gerelateerd_aan: list[IsGerelateerdAan] | None = None
    handelings_perspectief: str | None = None
    einddatum_handelings_termijn: datetime.datetime | None = None
    mijn_overheid_berichtenbox: bool
    bijlagen: list[BerichtBijlage] = Field(default_factory=list)

    @property
    def is_opened(self) -> bool:
        """Whether the addressee opened it in the portal (``geopendOp`` is set)."""
        return self.geopend_op is not None

    @property
    def zaak_identificaties(self) -> list[str]:
        """The zaaknummers this bericht is about (from zaak URNs in ``isGerelateerdAan``)."""
        return zaak_identificaties(self.is_gerelateerd_aan)


#: Collection path segment -> model of its items.
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {"berichten": Bericht}
