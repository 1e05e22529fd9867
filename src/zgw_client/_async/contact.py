"""One view of the contact about a zaak, from Klantinteracties and/or Contactmomenten.

A municipality moving from the Contactmomenten API 1.0 to Klantinteracties (Open Klant 2) has
contacts in both for a while, often the same contact in both. This reads either or both and returns
the neutral [`TimelineContact`][zgw_client.contact.TimelineContact]: newest first, each contact once
(equality ignores where a contact is stored, see [`zgw_client.contact`][zgw_client.contact]).

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timezone
from typing import TYPE_CHECKING, get_args

from pydantic import BaseModel

from .._exceptions import ConfigurationError, InputError
from .._resource import Ref
from ..contact import Source, TimelineContact, from_contactmoment, from_klantcontact
from .klantinteracties import DEFAULT_ZAAK_EXPAND, zaak_uuid_of

if TYPE_CHECKING:
    from .client import AsyncZGWClient

__all__ = ["contactmomenten_about_zaak"]

_SOURCES: tuple[str, ...] = get_args(Source)
_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


def _zaak_url(client: AsyncZGWClient, zaak: Ref | BaseModel, zaak_uuid: str) -> str | None:
    """The zaak's URL: given, on the model, or built on the configured Zaken API."""
    if isinstance(zaak, BaseModel):
        url = getattr(zaak, "url", None)
        if url:
            return str(url)
    elif str(zaak).strip().startswith(("http://", "https://")):
        return str(zaak).strip()
    if client.services_of("zaken"):
        return client.url_for(client.default_service("zaken"), f"zaken/{zaak_uuid}")
    return None


def _default_sources(client: AsyncZGWClient) -> list[str]:
    for kind in _SOURCES:
        if client.services_of(kind):
            return [kind]
    raise ConfigurationError(
        "contactmomenten_about_zaak needs a 'klantinteracties' or a 'contactmomenten' "
        "service; neither is configured."
    )


async def contactmomenten_about_zaak(
    client: AsyncZGWClient,
    zaak: Ref | BaseModel,
    *,
    sources: Sequence[Source] | None = None,
) -> list[TimelineContact]:
    """The contact moments about a zaak, as neutral models, newest first, each once.

    From Klantinteracties: the klantcontacten with an onderwerpobject naming the zaak's
    UUID, with ``hadBetrokkenen`` and ``hadBetrokkenen.wasPartij`` expanded so the
    direction (who started it) is known. From the Contactmomenten API: the
    objectcontactmomenten with ``object`` = the zaak's URL, then their contactmomenten.
    A contact stored in both is returned once (the Klantinteracties copy, which is read
    first when both sources are asked).

    Args:
        client: the client, with the services to read configured.
        zaak: the zaak's URL, UUID or model. With a bare UUID the URL (which the
            Contactmomenten API and the neutral model need) is built on the ``zaken``
            service, if configured.
        sources: ``"klantinteracties"`` and/or ``"contactmomenten"``. By default
            Klantinteracties when it is configured, otherwise the Contactmomenten API.

    Returns:
        The neutral contactmomenten, newest ``registered_at`` first (unknown times last).

    Raises:
        ConfigurationError: a source is not configured (or, by default, neither is).
        InputError: an unknown source, or the Contactmomenten API is asked for with only a
            UUID and no ``zaken`` service to build the zaak's URL on.
    """
    zaak_uuid = zaak_uuid_of(zaak)
    zaak_url = _zaak_url(client, zaak, zaak_uuid)
    chosen = list(sources) if sources is not None else _default_sources(client)
    unknown = [name for name in chosen if name not in _SOURCES]
    if unknown:
        raise InputError(f"Unknown sources {unknown}; choose from {list(_SOURCES)}.")
    for name in chosen:
        client.default_service(name)  # a clear ConfigurationError before any request
    if "contactmomenten" in chosen and zaak_url is None:
        raise InputError(
            "The Contactmomenten API links zaken by URL: pass the zaak's URL or model, "
            "or configure the 'zaken' service."
        )

    found: list[TimelineContact] = []
    if "klantinteracties" in chosen:
        paginator = client.klantinteracties.klantcontacten_about_zaak(
            zaak_uuid, expand=DEFAULT_ZAAK_EXPAND
        )
        async for klantcontact in paginator:
            found.append(from_klantcontact(klantcontact, zaak_url=zaak_url, zaak_uuid=zaak_uuid))
    if "contactmomenten" in chosen and zaak_url is not None:
        for contactmoment in await client.contactmomenten.contactmomenten_about(zaak_url):
            found.append(from_contactmoment(contactmoment, zaak_url=zaak_url))

    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda c: c.registered_at or _OLDEST, reverse=True)
