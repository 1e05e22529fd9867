"""The Contactmomenten API 1.0 resources on both faces, against the in-memory backend."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import collect, resolve
from tests.contactmomenten.conftest import add_contactmoment
from zgw_client import InputError, NotFoundError
from zgw_client.contactmomenten.models import (
    Contactmoment,
    Initiatiefnemer,
    KlantContactMoment,
    ObjectContactMoment,
)
from zgw_client.testing import InMemoryBackend


async def test_crud_on_contactmomenten(client: Any, zaak: dict[str, Any]) -> None:
    cm = client.contactmomenten
    created = await add_contactmoment(client, None, kanaal="e-mail")
    assert isinstance(created, Contactmoment)
    assert created.uuid is not None
    assert created.initiatiefnemer == Initiatiefnemer.KLANT

    by_uuid = await resolve(cm.contactmomenten.get(str(created.uuid)))
    assert by_uuid.url == created.url
    changed = await resolve(cm.contactmomenten.partial_update(created, {"tekst": "Aangevuld"}))
    assert changed.tekst == "Aangevuld"
    listed = await collect(cm.contactmomenten.list(kanaal="e-mail"))
    assert [c.url for c in listed] == [created.url]

    await resolve(cm.contactmomenten.delete(created.url))
    with pytest.raises(NotFoundError):
        await resolve(cm.contactmomenten.get(created.url))


async def test_links_to_zaken_and_klanten(client: Any, zaak: dict[str, Any]) -> None:
    cm = client.contactmomenten
    contactmoment = await add_contactmoment(client, zaak["url"])
    links = await collect(cm.objectcontactmomenten.list(object=zaak["url"], object_type="zaak"))
    assert len(links) == 1
    assert isinstance(links[0], ObjectContactMoment)
    assert links[0].contactmoment == contactmoment.url

    klant = "https://klanten.test/klanten/api/v1/klanten/6f1b8c7e-1111-4222-8333-944445555666"
    link = await resolve(
        cm.klantcontactmomenten.create(
            {"contactmoment": contactmoment.url, "klant": klant, "rol": "gesprekspartner"}
        )
    )
    assert isinstance(link, KlantContactMoment)
    assert [k.url for k in await collect(cm.klantcontactmomenten.list(klant=klant))] == [link.url]


async def test_contactmomenten_about_a_zaak_newest_first(
    client: Any, zaak: dict[str, Any], backend: InMemoryBackend
) -> None:
    older = await add_contactmoment(client, zaak["url"], when="2026-11-01T09:00:00Z")
    newer = await add_contactmoment(client, zaak["url"], when="2026-11-20T09:00:00Z")
    await add_contactmoment(client, None)  # about nothing
    found = await resolve(client.contactmomenten.contactmomenten_about(zaak["url"]))
    assert [c.url for c in found] == [newer.url, older.url]
    assert all(isinstance(c, Contactmoment) for c in found)


async def test_contactmomenten_about_needs_a_url(client: Any) -> None:
    with pytest.raises(InputError, match="URL"):
        await resolve(
            client.contactmomenten.contactmomenten_about("6f1b8c7e-1111-4222-8333-944445555666")
        )
