"""`client.notificaties.ensure_subscription`: one abonnement per callback URL, written only
when it differs; every path on both faces against the in-memory Open Notificaties."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import SecretStr

from tests.conftest import collect, resolve
from tests.notifications.conftest import TOKEN
from zgw_client import InputError
from zgw_client.notifications import AbonnementKanaal, SubscriptionResult
from zgw_client.testing import InMemoryBackend

CALLBACK = "https://portal.test/notificaties/"
TAAK_TYPE = "http://zgw.test/objecttypes/api/v2/objecttypes/taak"
KANALEN: dict[str, dict[str, str] | None] = {
    "zaken": {"bronorganisatie": "002220647"},
    "objecten": {"object_type": TAAK_TYPE},
    "documenten": None,
}


async def ensure(client: Any, kanalen: Any = None, **kwargs: Any) -> SubscriptionResult:
    result = await resolve(
        client.notificaties.ensure_subscription(
            kwargs.pop("callback_url", CALLBACK),
            KANALEN if kanalen is None else kanalen,
            kwargs.pop("auth", TOKEN),
            **kwargs,
        )
    )
    assert isinstance(result, SubscriptionResult)
    return result


def writes(backend: InMemoryBackend) -> list[tuple[str, str]]:
    return [(m, u) for m, u in backend.request_log if m != "GET" and "/abonnement" in u]


def stored_auth(backend: InMemoryBackend) -> list[str]:
    return [str(a["auth"]) for a in backend.table("notificaties", "abonnement").values()]


async def test_none_for_the_callback_creates_one(client: Any, backend: InMemoryBackend) -> None:
    result = await ensure(client)
    assert result.action == "created"
    assert result.abonnement.callback_url == CALLBACK
    assert {k.naam: k.filters for k in result.abonnement.kanalen} == {
        "zaken": {"bronorganisatie": "002220647"},
        "objecten": {"objectType": TAAK_TYPE},
        "documenten": {},
    }
    assert stored_auth(backend) == [TOKEN]


async def test_the_same_again_writes_nothing(client: Any, backend: InMemoryBackend) -> None:
    first = await ensure(client)
    backend.reset_log()
    # the same kanalen in another order, the filter spelled as the server renders it
    again = await ensure(
        client,
        [
            AbonnementKanaal(naam="documenten"),
            {"naam": "objecten", "filters": {"objectType": TAAK_TYPE}},
            {"naam": "zaken", "filters": {"bronorganisatie": "002220647"}},
        ],
    )
    assert again.action == "unchanged"
    assert again.abonnement.url == first.abonnement.url
    assert writes(backend) == []
    assert len(await collect(client.notificaties.abonnementen.list())) == 1


@pytest.mark.parametrize(
    "kanalen",
    [
        {"zaken": {"bronorganisatie": "002220647"}},  # a kanaal less
        {**KANALEN, "besluiten": {}},  # a kanaal more
        {**KANALEN, "zaken": {"bronorganisatie": "123456782"}},  # another filter value
        {**KANALEN, "zaken": {}},  # a filter less
    ],
)
async def test_other_kanalen_or_filters_replace_it(
    client: Any, backend: InMemoryBackend, kanalen: dict[str, Any]
) -> None:
    first = await ensure(client)
    backend.reset_log()
    result = await ensure(client, kanalen, auth="Token nieuw")
    assert result.action == "updated"
    assert result.abonnement.url == first.abonnement.url
    assert {k.naam for k in result.abonnement.kanalen} == set(kanalen)
    assert [m for m, _ in writes(backend)] == ["PUT"]
    assert stored_auth(backend) == ["Token nieuw"]
    assert (await ensure(client, kanalen, auth="Token nieuw")).action == "unchanged"


async def test_a_rotated_auth_is_written_when_asked(client: Any, backend: InMemoryBackend) -> None:
    await ensure(client)
    unchanged = await ensure(client, auth="Token nieuw")
    assert unchanged.action == "unchanged"  # the server shows no auth to compare with
    assert stored_auth(backend) == [TOKEN]
    rotated = await ensure(client, auth=SecretStr("Token nieuw"), replace_auth=True)
    assert rotated.action == "updated"
    assert stored_auth(backend) == ["Token nieuw"]


async def test_other_callbacks_are_left_alone(client: Any, backend: InMemoryBackend) -> None:
    other = await ensure(client, callback_url="https://ander.test/hook")
    mine = await ensure(client)
    assert mine.action == "created"
    assert mine.abonnement.url != other.abonnement.url
    assert len(await collect(client.notificaties.abonnementen.list())) == 2


async def test_existing_duplicates_are_reported_not_deleted(
    client: Any, backend: InMemoryBackend
) -> None:
    abonnementen = client.notificaties.abonnementen
    body = {"callbackUrl": CALLBACK, "auth": TOKEN, "kanalen": [{"naam": "zaken"}]}
    first = await resolve(abonnementen.create(body))
    second = await resolve(abonnementen.create(body))
    result = await ensure(client)
    assert result.action == "updated"
    assert result.abonnement.url == first.url
    assert result.duplicates == (second.url,)
    assert len(await collect(abonnementen.list())) == 2


@pytest.mark.parametrize(
    ("kanalen", "auth", "match"),
    [
        ({}, TOKEN, "at least one kanaal"),
        ([{"naam": "zaken"}, {"naam": "zaken"}], TOKEN, "named twice"),
        ({"zaken": {"bronorganisatie": ""}}, TOKEN, "non-empty strings"),
        (KANALEN, "  ", "needs its auth"),
    ],
)
async def test_bad_input_is_refused_before_any_request(
    client: Any, backend: InMemoryBackend, kanalen: Any, auth: str, match: str
) -> None:
    backend.reset_log()
    with pytest.raises(InputError, match=match):
        await ensure(client, kanalen, auth=auth)
    assert backend.request_log == []
