"""The Notificaties API on the client (``client.notificaties``), both faces, against the
in-memory Open Notificaties: kanalen, abonnementen, publishing, and what the API lacks."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import collect, resolve
from tests.notifications.conftest import TOKEN, message
from zgw_client import BadRequestError, InputError
from zgw_client.notifications import Abonnement, Kanaal, Notification
from zgw_client.testing import InMemoryBackend

CALLBACK = "https://portal.test/notificaties/"
TAAK_TYPE = "http://zgw.test/objecttypes/api/v2/objecttypes/0b8c9a4e-taak"


def abonnement_body(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "callbackUrl": CALLBACK,
        "auth": TOKEN,
        "kanalen": [
            {"naam": "zaken", "filters": {"bronorganisatie": "002220647"}},
            {"naam": "objecten", "filters": {"object_type": TAAK_TYPE}},
        ],
    }
    body.update(changes)
    return body


async def test_the_namespace_is_bound_to_the_notificaties_service(client: Any) -> None:
    namespace = client.notificaties
    assert type(namespace).__name__.endswith("NotificatiesAPI")
    assert namespace.kanalen.url.endswith("/api/v1/kanaal")
    assert namespace.abonnementen.url.endswith("/api/v1/abonnement")
    assert namespace.notificaties.url.endswith("/api/v1/notificaties")
    assert type(client.api("notificaties")) is type(namespace)


async def test_kanalen_are_listed_filtered_read_and_created(client: Any) -> None:
    kanalen = await collect(client.notificaties.kanalen.list())
    names = {k.naam for k in kanalen}
    assert {"zaken", "documenten", "besluiten", "objecten", "zaaktypen"} <= names
    assert all(isinstance(k, Kanaal) for k in kanalen)
    (objecten,) = await collect(client.notificaties.kanalen.list(naam="objecten"))
    assert objecten.filters == ["object_type"]  # as the Objects API registers it
    assert (await resolve(client.notificaties.kanalen.get(objecten.url))).naam == "objecten"
    created = await resolve(
        client.notificaties.kanalen.create({"naam": "mijn-portaal", "filters": ["bsn"]})
    )
    assert created.url
    assert created.filters == ["bsn"]
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.notificaties.kanalen.create({"naam": "mijn-portaal"}))
    assert caught.value.invalid_params[0].name == "naam"


async def test_kanalen_cannot_be_changed_or_deleted(client: Any, backend: InMemoryBackend) -> None:
    (zaken,) = await collect(client.notificaties.kanalen.list(naam="zaken"))
    backend.reset_log()
    kanalen = client.notificaties.kanalen
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (kanalen.update, (zaken.url, {"naam": "x"})),
        (kanalen.partial_update, (zaken.url, {"naam": "x"})),
        (kanalen.delete, (zaken.url,)),
    ]
    for call, args in calls:
        with pytest.raises(InputError, match="Notificaties API has no"):
            await resolve(call(*args))
    assert backend.request_log == []


async def test_abonnement_crud_keeps_auth_write_only(client: Any) -> None:
    abonnementen = client.notificaties.abonnementen
    created = await resolve(abonnementen.create(abonnement_body()))
    assert isinstance(created, Abonnement)
    assert created.callback_url == CALLBACK
    assert created.auth is None  # the server never returns it
    assert [(k.naam, k.filters) for k in created.kanalen] == [
        ("zaken", {"bronorganisatie": "002220647"}),
        ("objecten", {"objectType": TAAK_TYPE}),  # camelCased, as the server renders it
    ]
    assert [a.url for a in await collect(abonnementen.list())] == [created.url]

    replaced = await resolve(
        abonnementen.update(created.url, abonnement_body(kanalen=[{"naam": "documenten"}]))
    )
    assert [k.naam for k in replaced.kanalen] == ["documenten"]
    changed = await resolve(
        abonnementen.partial_update(created.url, {"callbackUrl": CALLBACK + "v2/"})
    )
    assert changed.callback_url == CALLBACK + "v2/"
    assert [k.naam for k in changed.kanalen] == ["documenten"]
    assert (await resolve(abonnementen.get(created.url))).callback_url == CALLBACK + "v2/"

    await resolve(abonnementen.delete(created.url))
    assert await collect(abonnementen.list()) == []


async def test_an_abonnement_model_is_written_with_its_auth(client: Any) -> None:
    model = Abonnement.model_validate(abonnement_body())
    assert TOKEN not in repr(model)
    created = await resolve(client.notificaties.abonnementen.create(model))
    assert created.callback_url == CALLBACK


@pytest.mark.parametrize(
    ("kanalen", "name", "code"),
    [
        ([{"naam": "bestaat-niet"}], "naam", "kanaal_naam"),
        (
            [{"naam": "zaken", "filters": {"bronorganisatie": "1", "onbekend": "2"}}],
            "filters",
            "inconsistent-abonnement-filters",
        ),
    ],
)
async def test_an_abonnement_on_what_the_server_does_not_know_is_refused(
    client: Any, kanalen: list[dict[str, Any]], name: str, code: str
) -> None:
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.notificaties.abonnementen.create(abonnement_body(kanalen=kanalen)))
    assert [(p.name, p.code) for p in caught.value.invalid_params] == [(name, code)]


async def test_a_notification_is_published_and_answered(
    client: Any, backend: InMemoryBackend
) -> None:
    sent = await resolve(client.notificaties.notificaties.create(message()))
    assert isinstance(sent, Notification)
    assert sent.kanaal == "zaken"
    assert sent.resource == "status"
    assert backend.notifier.sent[-1]["resourceUrl"] == message()["resourceUrl"]


async def test_a_notification_on_an_unknown_kanaal_or_with_foreign_kenmerken_is_refused(
    client: Any,
) -> None:
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.notificaties.notificaties.create(message(kanaal="onbekend")))
    assert caught.value.invalid_params[0].code == "message_kanaal"
    with pytest.raises(BadRequestError) as caught:
        await resolve(
            client.notificaties.notificaties.create(message(kenmerken={"a": "1", "b": "2"}))
        )
    assert caught.value.invalid_params[0].code == "kenmerken_inconsistent"


async def test_sent_notifications_cannot_be_read_back(
    client: Any, backend: InMemoryBackend
) -> None:
    notificaties = client.notificaties.notificaties
    backend.reset_log()
    with pytest.raises(InputError):
        notificaties.list()
    calls: list[tuple[Callable[..., Any], tuple[Any, ...]]] = [
        (notificaties.get, ("https://x.test/api/v1/notificaties/1",)),
        (notificaties.update, ("u", message())),
        (notificaties.partial_update, ("u", message())),
        (notificaties.delete, ("u",)),
    ]
    for call, args in calls:
        with pytest.raises(InputError):
            await resolve(call(*args))
    assert backend.request_log == []


async def test_client_get_types_an_abonnement(client: Any) -> None:
    created = await resolve(client.notificaties.abonnementen.create(abonnement_body()))
    assert isinstance(await resolve(client.get(created.url)), Abonnement)
