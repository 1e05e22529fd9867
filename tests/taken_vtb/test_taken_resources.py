"""client.taken on both faces against the in-memory Open VTB: the four endpoints, their
URLs under /externetaken, a party's taken, and completing each kind."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import httpx
import pytest

from tests.conftest import collect, resolve
from tests.support.platform import (
    BSN,
    OTHER_PARTY,
    PARTY,
    betaaltaak,
    formuliertaak,
    methods,
    offline_client,
    urltaak,
)
from zgw_client import BadRequestError, InputError, NotFoundError
from zgw_client.taken import (
    BetaalTaak,
    ExterneTaak,
    FormulierTaak,
    TaakCompletionError,
    TaakNotOpenError,
    TaakSoort,
    TaakStatus,
    URLTaak,
)
from zgw_client.testing import InMemoryBackend


def add(backend: InMemoryBackend, soort: str, body: dict[str, Any]) -> dict[str, Any]:
    return backend.add("taken", "externetaken", {**body, "taakSoort": soort})


@pytest.mark.parametrize(
    ("resource", "body", "model"),
    [
        ("betaaltaken", betaaltaak(), BetaalTaak),
        ("urltaken", urltaak(), URLTaak),
        ("formuliertaken", formuliertaak(), FormulierTaak),
    ],
)
async def test_crud_on_each_kind(
    client: Any,
    backend: InMemoryBackend,
    resource: str,
    body: dict[str, Any],
    model: type[ExterneTaak],
) -> None:
    endpoint = getattr(client.taken, resource)
    created = await resolve(endpoint.create(body))
    assert isinstance(created, model)
    assert created.url is not None
    assert "/externetaken/" in created.url  # every taak lives under /externetaken
    assert created.status == TaakStatus.OPEN
    assert created.datum_herinnering == created.einddatum_handelings_termijn - dt.timedelta(7)

    backend.reset_log()
    read = await resolve(endpoint.get(created))
    assert read == created
    assert f"/{resource}/" in backend.request_log[0][1]  # sent to the kind's own endpoint

    changed = await resolve(endpoint.partial_update(created.url, {"toelichting": "Nog even"}))
    assert changed.toelichting == "Nog even"
    replaced = await resolve(endpoint.update(created.uuid, {**body, "titel": "Nieuw"}))
    assert replaced.titel == "Nieuw"
    assert replaced.toelichting == ""  # a PUT replaces

    listed = await collect(endpoint.list(page_size=1))
    assert [t.url for t in listed] == [created.url]
    await resolve(endpoint.delete(created))
    with pytest.raises(NotFoundError):
        await resolve(client.taken.externetaken.get(created.uuid))


async def test_a_model_read_from_the_server_can_be_written_back(client: Any) -> None:
    created = await resolve(client.taken.betaaltaken.create(betaaltaak()))
    assert created.taak_soort == TaakSoort.BETAALTAAK  # the endpoint refuses it in a body
    again = await resolve(client.taken.betaaltaken.update(created, created))
    assert again.titel == created.titel


async def test_externetaken_serve_every_kind(client: Any, backend: InMemoryBackend) -> None:
    created = await resolve(client.taken.externetaken.create({**urltaak(), "taakSoort": "urltaak"}))
    assert isinstance(created, ExterneTaak)
    assert created.details.uitvraag_link == "https://formulieren.example.nl/bewijs"
    add(backend, "betaaltaak", betaaltaak())
    listed = await collect(client.taken.externetaken.list())
    assert {t.taak_soort for t in listed} == {TaakSoort.URLTAAK, TaakSoort.BETAALTAAK}
    with pytest.raises(BadRequestError) as caught:
        await resolve(client.taken.externetaken.create(urltaak()))
    assert "taakSoort" in {p.name for p in caught.value.invalid_params}
    await resolve(client.taken.externetaken.delete(created))


async def test_kind_endpoints_refuse_urls_of_other_collections(face: str) -> None:
    with pytest.raises(InputError, match="not an item"):
        offline_client(face).taken.betaaltaken.url_of(
            "https://vtb.test/taken/api/v1/urltaken/2b409a0a-8c27-4d9a-b2d9-1a93bccca79b"
        )
    url = offline_client(face).taken.urltaken.url_of(
        "https://vtb.test/taken/api/v1/externetaken/2b409a0a-8c27-4d9a-b2d9-1a93bccca79b"
    )
    assert url == "https://vtb.test/taken/api/v1/urltaken/2b409a0a-8c27-4d9a-b2d9-1a93bccca79b"


async def test_open_of_a_party_soonest_deadline_first(
    client: Any, backend: InMemoryBackend
) -> None:
    late = add(backend, "betaaltaak", betaaltaak())
    soon = add(backend, "formuliertaak", formuliertaak())
    add(backend, "urltaak", urltaak(OTHER_PARTY))
    done = add(backend, "urltaak", urltaak(status="uitgevoerd"))
    mine = await resolve(client.taken.externetaken.of(bsn=BSN, page_size=2))
    assert [t.url for t in mine] == [soon["url"], done["url"], late["url"]]
    open_ = await resolve(client.taken.externetaken.open_of(toegewezen_aan=PARTY))
    assert [t.url for t in open_] == [soon["url"], late["url"]]
    assert [type(t.details).__name__ for t in open_] == [
        "FormulierTaakDetails",
        "BetaalTaakDetails",
    ]


async def test_a_list_that_shrinks_while_it_is_read_is_read_again(face: str) -> None:
    from tests.berichten.test_berichten import hooked

    backend = InMemoryBackend()
    urls = [add(backend, "urltaak", urltaak())["url"] for _ in range(5)]
    deleted: list[str] = []

    def shrink(response: httpx.Response) -> None:
        if not deleted and "page=" not in str(response.request.url):
            for url in urls[-3:]:  # page 3 of 2-item pages no longer exists
                backend.unstore("taken", "externetaken", url.rsplit("/", 1)[-1])
                deleted.append(url)

    client, http = hooked(face, backend, shrink)
    found = await resolve(client.taken.externetaken.of(bsn=BSN, page_size=2))
    assert sorted(t.url for t in found) == sorted(urls[:2])
    first_pages = [u for _, u in backend.request_log if "page=" not in u]
    assert len(first_pages) == 2  # page 2 answered 404: the list was read again from page 1
    await resolve(http.aclose() if face == "async" else http.close())


# -- completing -------------------------------------------------------------------------
async def test_complete_a_betaaltaak_with_its_payment(
    client: Any, backend: InMemoryBackend
) -> None:
    taak = add(backend, "betaaltaak", betaaltaak())
    backend.reset_log()
    done = await resolve(
        client.taken.complete(
            taak["url"], bedrag=Decimal("74.9"), transactieomschrijving="Parkeerbon NH-2026-000123"
        )
    )
    assert isinstance(done, BetaalTaak)
    assert done.status == TaakStatus.UITGEVOERD
    assert methods(backend) == ["GET", "PATCH"]
    assert "/betaaltaken/" in backend.request_log[1][1]

    backend.reset_log()
    again = await resolve(
        client.taken.complete(taak["uuid"], bedrag="74.90", transactieomschrijving="x")
    )
    assert again.status == TaakStatus.UITGEVOERD
    assert methods(backend) == ["GET"]  # done already: nothing is sent again


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"bedrag": "74.00", "transactieomschrijving": "Parkeerbon NH-2026-000123"}, "amount"),
        ({"bedrag": "74.90", "transactieomschrijving": "Parkeerbon NH-2026-999999"}, "another"),
        ({"bedrag": "74.90"}, "pass bedrag"),
        ({"bedrag": "veel", "transactieomschrijving": "x"}, "not a decimal"),
        (
            {"bedrag": "74.90", "transactieomschrijving": "x", "gegevens": {"a": 1}},
            "not completed with gegevens",
        ),
    ],
)
async def test_a_payment_that_does_not_match_leaves_the_betaaltaak_open(
    client: Any, backend: InMemoryBackend, kwargs: dict[str, Any], message: str
) -> None:
    taak = add(backend, "betaaltaak", betaaltaak())
    backend.reset_log()
    with pytest.raises(TaakCompletionError, match=message) as caught:
        await resolve(client.taken.complete(taak["url"], **kwargs))
    assert "74" not in str(caught.value)
    assert methods(backend) == ["GET"]  # checked before anything was written
    assert backend.get(taak["url"])["status"] == "open"


async def test_complete_a_formuliertaak_with_its_answers(
    client: Any, backend: InMemoryBackend
) -> None:
    taak = add(backend, "formuliertaak", formuliertaak())
    answers = {"datum": "2030-10-01", "opmerking": "Liefst 's ochtends"}
    done = await resolve(client.taken.complete(taak["url"], gegevens=answers))
    assert isinstance(done, FormulierTaak)
    assert done.status == TaakStatus.UITGEVOERD
    assert done.details.ontvangen_gegevens == answers
    assert done.details.formulier_definitie["components"][0]["key"] == "datum"  # merged


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "pass gegevens"),
        ({"gegevens": {"opmerking": "x"}}, "not answered: datum"),
        ({"gegevens": {"datum": ""}}, "not answered: datum"),
        ({"gegevens": {"datum": "2030-10-01", "kleur": "rood"}}, "does not have: kleur"),
        ({"gegevens": {"datum": "2030-10-01"}, "bedrag": "1"}, "not completed with bedrag"),
    ],
)
async def test_answers_that_do_not_fit_the_form_are_refused(
    client: Any, backend: InMemoryBackend, kwargs: dict[str, Any], message: str
) -> None:
    taak = add(backend, "formuliertaak", formuliertaak())
    backend.reset_log()
    with pytest.raises(TaakCompletionError, match=message):
        await resolve(client.taken.complete(taak["uuid"], **kwargs))
    assert methods(backend) == ["GET"]


async def test_complete_an_urltaak_with_or_without_received_data(
    client: Any, backend: InMemoryBackend
) -> None:
    plain = add(backend, "urltaak", urltaak())
    done = await resolve(client.taken.complete(plain["url"]))
    assert isinstance(done, URLTaak)
    assert done.status == TaakStatus.UITGEVOERD
    assert done.details.ontvangen_gegevens == {}
    with_data = add(backend, "urltaak", urltaak())
    done = await resolve(client.taken.complete(with_data["url"], gegevens={"kenmerk": "A-1"}))
    assert done.details.ontvangen_gegevens == {"kenmerk": "A-1"}
    assert done.details.uitvraag_link == "https://formulieren.example.nl/bewijs"


@pytest.mark.parametrize("status", ["afgebroken", "niet_uitgevoerd", "verwerkt"])
async def test_a_taak_closed_otherwise_cannot_be_completed(
    client: Any, backend: InMemoryBackend, status: str
) -> None:
    taak = add(backend, "urltaak", urltaak(status=status))
    with pytest.raises(TaakNotOpenError, match=status):
        await resolve(client.taken.complete(taak["url"]))
    assert backend.get(taak["url"])["status"] == status
