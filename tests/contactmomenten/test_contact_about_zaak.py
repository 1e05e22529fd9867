"""One view of the contact about a zaak: Klantinteracties and Contactmomenten agree."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any
from uuid import UUID

import httpx
import pytest

from tests.conftest import close, resolve
from tests.contactmomenten.conftest import add_contactmoment
from tests.klantinteracties.conftest import add_contact, add_medewerker, persoon
from zgw_client import AsyncZGWClient, ConfigurationError, InputError, ZGWClient, ZGWConfig
from zgw_client._async.contact import contactmomenten_about_zaak as async_about_zaak
from zgw_client._sync.contact import contactmomenten_about_zaak as sync_about_zaak
from zgw_client.contact import Contactmoment, Direction
from zgw_client.testing import InMemoryBackend, config_for
from zgw_client.zaken.models import Zaak


async def about_zaak(client: Any, zaak: Any, **kwargs: Any) -> list[Contactmoment]:
    """The helper of the client's face."""
    if isinstance(client, AsyncZGWClient):
        return await async_about_zaak(client, zaak, **kwargs)
    return sync_about_zaak(client, zaak, **kwargs)


async def seed_both(client: Any, zaak_url: str) -> None:
    """The same two contacts about the zaak, stored once in each API (as after a migration).

    The copies differ only in how each API spells things: the time zone, the kanaal's case,
    the medewerker as an actor name vs. name parts, initiator vs. initiatiefnemer.
    """
    zaak_uuid = zaak_url.rsplit("/", 1)[-1]
    partij = await resolve(client.klantinteracties.partijen.create(persoon()))
    actor = await add_medewerker(client, "P. van Dijk")
    await add_contact(
        client,
        partij,
        zaak_uuid=zaak_uuid,
        when="2026-11-28T10:00:00Z",
        kanaal="telefoon",
        inhoud="Burger vraagt naar de status van zijn aanvraag.",
        initiator=True,
        actor=actor,
    )
    await add_contact(
        client,
        partij,
        zaak_uuid=zaak_uuid,
        when="2026-11-02T08:30:00Z",
        kanaal="e-mail",
        inhoud="Wij hebben uw aanvraag ontvangen.",
        initiator=False,
        actor=actor,
    )
    await add_contactmoment(
        client,
        zaak_url,
        when="2026-11-28T11:00:00+01:00",
        kanaal="Telefoon",
        tekst="Burger vraagt naar de status van zijn aanvraag.",
        initiatiefnemer="klant",
    )
    await add_contactmoment(
        client,
        zaak_url,
        when="2026-11-02T09:30:00+01:00",
        kanaal="Email",
        tekst="Wij hebben uw aanvraag ontvangen. ",
        initiatiefnemer="gemeente",
    )


async def test_the_same_contacts_come_out_identical_from_both_sources(
    client: Any, zaak: dict[str, Any]
) -> None:
    await seed_both(client, zaak["url"])
    from_ki = await about_zaak(client, zaak["url"], sources=["klantinteracties"])
    from_cm = await about_zaak(client, zaak["url"], sources=["contactmomenten"])

    assert from_ki == from_cm
    assert len(from_ki) == 2
    assert {c.source for c in from_ki} == {"klantinteracties"}
    assert {c.source for c in from_cm} == {"contactmomenten"}
    newest = from_ki[0]
    assert newest.registered_at == datetime(2026, 11, 28, 10, 0, tzinfo=timezone.utc)
    assert newest.kanaal == "telefoon"
    assert newest.actor == "P. van Dijk"
    assert newest.direction is Direction.INKOMEND
    assert newest.zaak_url == zaak["url"]
    assert newest.zaak_uuid == UUID(zaak["url"].rsplit("/", 1)[-1])
    assert from_ki[1].direction is Direction.UITGAAND
    assert from_ki[1].kanaal == "e-mail"
    # Field by field, not only by the (storage-blind) equality.
    compared = ("registered_at", "kanaal", "tekst", "actor", "direction", "zaak_url", "zaak_uuid")
    for ki, cm in zip(from_ki, from_cm, strict=True):
        assert [getattr(ki, f) for f in compared] == [getattr(cm, f) for f in compared]


async def test_both_sources_together_give_each_contact_once_newest_first(
    client: Any, zaak: dict[str, Any]
) -> None:
    await seed_both(client, zaak["url"])
    await add_contactmoment(
        client, zaak["url"], when="2026-11-29T12:00:00Z", tekst="Alleen in de oude API."
    )
    both = await about_zaak(client, zaak["url"], sources=["klantinteracties", "contactmomenten"])
    assert [c.tekst for c in both] == [
        "Alleen in de oude API.",
        "Burger vraagt naar de status van zijn aanvraag.",
        "Wij hebben uw aanvraag ontvangen.",
    ]
    # A contact stored in both comes from Klantinteracties, which is read first.
    assert [c.source for c in both] == ["contactmomenten", "klantinteracties", "klantinteracties"]


async def test_default_source_is_klantinteracties_when_configured(
    client: Any, zaak: dict[str, Any], backend: InMemoryBackend
) -> None:
    await seed_both(client, zaak["url"])
    backend.request_log.clear()
    found = await about_zaak(client, Zaak.model_validate(zaak))
    assert {c.source for c in found} == {"klantinteracties"}
    assert not backend.requests_matching(contains="/contactmomenten/api/")


async def test_falls_back_to_contactmomenten_without_klantinteracties(
    face: str, backend: InMemoryBackend, zaak: dict[str, Any]
) -> None:
    services = dict(config_for(backend).services)
    del services["klantinteracties"]
    config = ZGWConfig(services)
    client: Any
    if face == "sync":
        client = ZGWClient(config, http_client=httpx.Client(transport=backend.transport()))
    else:
        client = AsyncZGWClient(
            config, http_client=httpx.AsyncClient(transport=backend.async_transport())
        )
    await add_contactmoment(client, zaak["url"])
    # By UUID: the zaak's URL is built on the configured Zaken API.
    found = await about_zaak(client, zaak["url"].rsplit("/", 1)[-1])
    assert [c.source for c in found] == ["contactmomenten"]
    assert found[0].zaak_url == zaak["url"]
    with pytest.raises(ConfigurationError, match="klantinteracties"):
        await about_zaak(client, zaak["url"], sources=["klantinteracties"])
    await close(client)


async def test_unknown_source_and_missing_services_are_refused(
    client: Any, zaak: dict[str, Any]
) -> None:
    with pytest.raises(InputError, match="Unknown sources"):
        await about_zaak(client, zaak["url"], sources=["klanten"])
    only_zaken = ZGWConfig({"zaken": client.config.services["zaken"]})
    other = (AsyncZGWClient if isinstance(client, AsyncZGWClient) else ZGWClient)(only_zaken)
    with pytest.raises(ConfigurationError, match="neither is configured"):
        await about_zaak(other, zaak["url"])
    await close(other)
