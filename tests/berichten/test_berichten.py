"""client.berichten on both faces against the in-memory Open VTB: every operation of the
spec, marking opened, and a party's (unread) berichten read from the unfiltered list."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.conftest import collect, resolve
from tests.support.platform import (
    BSN,
    KVK,
    OTHER_PARTY,
    PARTY,
    VESTIGING,
    bericht,
    methods,
    offline_client,
)
from zgw_client import (
    AsyncZGWClient,
    AuthenticationError,
    BadRequestError,
    InputError,
    MethodNotAllowedError,
    NotFoundError,
    ZGWClient,
)
from zgw_client.berichten import Bericht
from zgw_client.testing import Fault, InMemoryBackend, async_client_for, client_for, config_for
from zgw_client.urns import InvalidPartyURNError

NOW = dt.datetime(2026, 12, 7, 12, 0, tzinfo=dt.timezone.utc)
#: The party URN with its namespace in capitals (RFC 8141: the same URN).
SHOUTED = f"urn:NLD:BRP:BSN:{BSN}"


def at(days: int) -> str:
    return (NOW + dt.timedelta(days=days)).isoformat().replace("+00:00", "Z")


def seed(backend: InMemoryBackend, count: int, ontvanger: str = PARTY, **extra: Any) -> list[str]:
    return [
        str(
            backend.add(
                "berichten",
                "berichten",
                bericht(ontvanger, onderwerp=f"Bericht {i}", publicatiedatum=at(-i), **extra),
            )["url"]
        )
        for i in range(count)
    ]


async def test_create_get_list_and_client_get(client: Any, backend: InMemoryBackend) -> None:
    created = await resolve(client.berichten.berichten.create(bericht(referentie="NH-1")))
    assert isinstance(created, Bericht)
    assert created.url
    assert created.urn
    assert created.publicatiedatum is not None
    assert not created.is_opened
    again = await resolve(client.berichten.berichten.get(created.uuid))
    assert again == created
    assert await resolve(client.get(created.url)) == created  # the registry knows berichten
    seed(backend, 4, OTHER_PARTY)
    backend.reset_log()
    listed = await collect(client.berichten.berichten.list(page_size=2))
    assert len(listed) == 5
    assert all(isinstance(b, Bericht) for b in listed)
    assert httpx.URL(backend.request_log[0][1]).params.get("pageSize") == "2"
    assert len(backend.request_log) == 3


async def test_create_errors_name_the_fields(client: Any) -> None:
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.berichten.berichten.create({"onderwerp": "x", "ontvanger": "bsn"}))
    names = {p.name: p.code for p in caught.value.invalid_params}
    assert names == {
        "berichtTekst": "required",
        "mijnOverheidBerichtenbox": "required",
        "ontvanger": "invalid_urn",
    }


async def test_update_and_delete_are_refused_before_any_request(face: str) -> None:
    client = offline_client(face)
    url = "https://vtb.test/berichten/api/v1/berichten/7a3e5caf-fc68-4e4a-a2a4-b557f98d5802"
    with pytest.raises(InputError, match="no PUT"):
        await resolve(client.berichten.berichten.update(url, bericht()))
    with pytest.raises(InputError, match="no DELETE"):
        await resolve(client.berichten.berichten.delete(url))
    with pytest.raises(InputError, match=r"only 'geopendOp'.*onderwerp"):
        await resolve(client.berichten.berichten.partial_update(url, {"onderwerp": "x"}))
    with pytest.raises(InputError, match="timezone-aware"):
        await resolve(
            client.berichten.berichten.mark_opened(url, opened_at=dt.datetime(2026, 1, 1))
        )


@pytest.mark.no_contract  # the request is one the spec does not have, on purpose
async def test_the_server_refuses_delete_too(client: Any, backend: InMemoryBackend) -> None:
    # What delete() protects against: the raw request is a 405.
    url = seed(backend, 1)[0]
    with pytest.raises(MethodNotAllowedError):
        await resolve(client.request("DELETE", url))


async def test_partial_update_sets_geopend_op(client: Any, backend: InMemoryBackend) -> None:
    url = seed(backend, 1)[0]
    done = await resolve(client.berichten.berichten.partial_update(url, {"geopendOp": at(0)}))
    assert done.geopend_op == NOW
    assert done.is_opened


async def test_mark_opened_is_idempotent(client: Any, backend: InMemoryBackend) -> None:
    url = seed(backend, 1)[0]
    backend.reset_log()
    first = await resolve(client.berichten.berichten.mark_opened(url, opened_at=NOW))
    assert first.geopend_op == NOW
    assert methods(backend) == ["GET", "PATCH"]

    backend.reset_log()
    later = NOW + dt.timedelta(days=1)
    second = await resolve(client.berichten.berichten.mark_opened(url, opened_at=later))
    assert second.geopend_op == NOW  # the first opening is kept
    assert methods(backend) == ["GET"]  # read, not written

    backend.reset_log()
    assert await resolve(client.berichten.berichten.mark_opened(second)) is second
    assert backend.request_log == []  # a model that shows it opened needs no request


async def test_mark_opened_defaults_to_now(client: Any, backend: InMemoryBackend) -> None:
    url = seed(backend, 1)[0]
    before = dt.datetime.now(dt.timezone.utc)
    done = await resolve(client.berichten.berichten.mark_opened(url))
    assert done.geopend_op is not None
    assert before <= done.geopend_op <= dt.datetime.now(dt.timezone.utc)


async def test_of_reads_the_whole_list_and_keeps_the_party(
    client: Any, backend: InMemoryBackend
) -> None:
    mine = seed(backend, 3)
    seed(backend, 6, OTHER_PARTY)
    backend.add("berichten", "berichten", bericht(SHOUTED, publicatiedatum=at(-9)))
    future = backend.add("berichten", "berichten", bericht(publicatiedatum=at(+2)))
    backend.reset_log()
    found = await resolve(client.berichten.berichten.of(bsn=BSN, now=NOW, page_size=3))
    # newest first; the upper-case namespace is the same party (RFC 8141); the future one
    # waits
    assert [b.url for b in found][:3] == mine
    assert len(found) == 4
    assert found[-1].ontvanger == SHOUTED
    assert future["url"] not in [b.url for b in found]
    # 11 berichten in pages of 3: the first page, then the three others at once
    pages = sorted(httpx.URL(u).params.get("page", "1") for _, u in backend.request_log)
    assert pages == ["1", "2", "3", "4"]
    with_future = await resolve(
        client.berichten.berichten.of(ontvanger=PARTY, now=NOW, include_unpublished=True)
    )
    assert future["url"] in [b.url for b in with_future]


async def test_of_a_company_and_a_branch_are_different_parties(
    client: Any, backend: InMemoryBackend
) -> None:
    company = seed(backend, 1, f"urn:nld:hr:kvknummer:{KVK}")
    branch = seed(backend, 1, f"urn:nld:hr:kvknummer:{KVK}:vestigingsnummer:{VESTIGING}")
    of_company = await resolve(client.berichten.berichten.of(kvk=KVK, now=NOW))
    of_branch = await resolve(
        client.berichten.berichten.of(kvk=KVK, vestigingsnummer=VESTIGING, now=NOW)
    )
    assert [b.url for b in of_company] == company
    assert [b.url for b in of_branch] == branch


async def test_unread_leaves_opened_berichten_out(client: Any, backend: InMemoryBackend) -> None:
    urls = seed(backend, 3)
    await resolve(client.berichten.berichten.mark_opened(urls[1]))
    unread = await resolve(client.berichten.berichten.unread(bsn=BSN, now=NOW))
    assert [b.url for b in unread] == [urls[0], urls[2]]


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({}, InputError),
        ({"bsn": BSN, "kvk": KVK}, InputError),
        ({"vestigingsnummer": VESTIGING, "bsn": BSN}, InputError),
        ({"bsn": "123456789"}, InvalidPartyURNError),
        ({"ontvanger": "urn:nld:brp:bsn:12345"}, InvalidPartyURNError),
    ],
)
async def test_of_checks_the_party_before_any_request(
    face: str, kwargs: dict[str, str], error: type[Exception]
) -> None:
    with pytest.raises(error) as caught:
        await resolve(offline_client(face).berichten.berichten.of(**kwargs))
    assert "123456789" not in str(caught.value)


def hooked(face: str, backend: InMemoryBackend, on_response: Any) -> tuple[Any, Any]:
    """A client on ``backend`` that calls ``on_response(response)`` after each exchange."""

    async def async_hook(response: httpx.Response) -> None:
        on_response(response)

    config = config_for(backend)
    if face == "sync":
        http: Any = httpx.Client(
            transport=backend.transport(), event_hooks={"response": [on_response]}
        )
        return ZGWClient(config, http_client=http), http
    http = httpx.AsyncClient(
        transport=backend.async_transport(), event_hooks={"response": [async_hook]}
    )
    return AsyncZGWClient(config, http_client=http), http


async def test_a_list_that_grows_while_it_is_read_is_read_to_its_end(face: str) -> None:
    backend = InMemoryBackend()
    seed(backend, 4)
    added: list[str] = []

    def grow(response: httpx.Response) -> None:
        if not added and "page=" not in str(response.request.url):
            added.extend(seed(backend, 3))  # after the first page came back

    client, http = hooked(face, backend, grow)
    found = await resolve(client.berichten.berichten.of(bsn=BSN, now=NOW, page_size=2))
    assert len(found) == 7
    assert set(added) <= {b.url for b in found}
    await resolve(http.aclose() if face == "async" else http.close())


async def test_a_page_that_fails_fails_the_read(face: str) -> None:
    backend = InMemoryBackend()
    seed(backend, 5)

    def fail_the_rest(response: httpx.Response) -> None:
        if "page=" not in str(response.request.url):
            backend.faults.add(Fault(401, times=10))

    client, http = hooked(face, backend, fail_the_rest)
    with pytest.raises(AuthenticationError):
        await resolve(client.berichten.berichten.of(bsn=BSN, now=NOW, page_size=2))
    await resolve(http.aclose() if face == "async" else http.close())


async def test_a_list_without_count_is_followed_page_by_page(face: str) -> None:
    root = "https://vtb.test/berichten/api/v1/berichten"
    items = [
        bericht(onderwerp=f"b{i}", url=f"{root}/{i:08d}-0000-4000-8000-000000000000")
        for i in range(3)
    ]
    for item in items:
        item.update(urn="urn:x:y", uuid=item["url"].rsplit("/", 1)[-1], publicatiedatum=at(-1))
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url))
        page = int(request.url.params.get("page", "1"))
        body = {
            "next": f"{root}?page={page + 1}" if page < 3 else None,
            "previous": None,
            "results": [items[page - 1]],
        }
        return httpx.Response(200, json=body)

    from tests.support.platform import PLATFORM_ROOTS
    from zgw_client import Service, TokenCredentials, ZGWConfig

    config = ZGWConfig({"berichten": Service(PLATFORM_ROOTS["berichten"], TokenCredentials("t"))})
    transport = httpx.MockTransport(handler)
    client: Any = (
        ZGWClient(config, http_client=httpx.Client(transport=transport))
        if face == "sync"
        else AsyncZGWClient(config, http_client=httpx.AsyncClient(transport=transport))
    )
    found = await resolve(client.berichten.berichten.of(bsn=BSN, now=NOW))
    assert [b.onderwerp for b in found] == ["b0", "b1", "b2"]
    assert len(seen) == 3  # no count: one page after the other, along the next links


async def test_unknown_bericht_is_a_not_found(client: Any, backend: InMemoryBackend) -> None:
    with pytest.raises(NotFoundError):
        await resolve(client.berichten.berichten.get("7a3e5caf-fc68-4e4a-a2a4-b557f98d5802"))


def test_clients_for_the_backend_close(backend: InMemoryBackend) -> None:
    with client_for(backend) as made:
        assert made.berichten.berichten.url == backend.api_roots["berichten"] + "berichten"
    assert async_client_for(backend).berichten.service == "berichten"
