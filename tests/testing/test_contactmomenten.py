"""Contactmomenten API 1.0 (no samples exist: the spec): JWT, plain URLs, filters, links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend

from .conftest import seed


@pytest.fixture
def client(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["contactmomenten"],
        headers=backend.auth_headers("contactmomenten"),
    ) as client:
        yield client


def contactmoment(client: httpx.Client, **extra: Any) -> dict[str, Any]:
    response = client.post(
        "contactmomenten",
        json={
            "bronorganisatie": "002220647",
            "kanaal": "telefoon",
            "tekst": "Vraag over de status van de aanvraag",
            "initiatiefnemer": "klant",
            **extra,
        },
    )
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()
    return result


def test_jwt_auth(backend: InMemoryBackend) -> None:
    url = backend.api_roots["contactmomenten"] + "contactmomenten"
    with httpx.Client(transport=backend.transport()) as plain:
        assert plain.get(url).status_code == 403
        token = {"Authorization": "Token " + backend.token}
        assert plain.get(url, headers=token).json()["code"] == "permission_denied"


def test_contactmoment_shape(client: httpx.Client) -> None:
    created = contactmoment(client)
    assert "uuid" not in created
    assert created["registratiedatum"].endswith("Z")
    assert created["volgendContactmoment"] is None
    assert created["onderwerpLinks"] == []
    detail = client.get(created["url"])
    assert detail.headers["ETag"]
    assert (
        client.get(created["url"], headers={"If-None-Match": detail.headers["ETag"]}).status_code
        == 304
    )
    volgend = contactmoment(client, vorigContactmoment=created["url"])
    assert client.get(created["url"]).json()["volgendContactmoment"] == volgend["url"]


def test_validation(client: httpx.Client) -> None:
    missing = client.post("contactmomenten", json={"kanaal": "telefoon"}).json()
    assert missing["invalidParams"][0] == {
        "name": "bronorganisatie",
        "code": "required",
        "reason": "Dit veld is verplicht.",
    }
    bad = client.post(
        "contactmomenten", json={"bronorganisatie": "123456789", "initiatiefnemer": "buurman"}
    ).json()
    assert {p["name"] for p in bad["invalidParams"]} == {"bronorganisatie", "initiatiefnemer"}
    link = client.post(
        "objectcontactmomenten",
        json={
            "contactmoment": "http://zgw.test/contactmomenten/api/v1/contactmomenten/x",
            "object": "https://elders.example/zaken/1",
            "objectType": "zaak",
        },
    ).json()
    assert link["invalidParams"][0]["code"] == "does_not_exist"


def test_objectcontactmomenten_filter(backend: InMemoryBackend, client: httpx.Client) -> None:
    data = seed(backend)
    first, second = contactmoment(client), contactmoment(client, kanaal="e-mail")
    for moment, zaak in ((first, data["open"]), (second, data["closed"])):
        response = client.post(
            "objectcontactmomenten",
            json={"contactmoment": moment["url"], "object": zaak["url"], "objectType": "zaak"},
        )
        assert response.status_code == 201, response.text
        assert set(response.json()) == {"url", "contactmoment", "object", "objectType"}
    by_zaak = client.get("objectcontactmomenten", params={"object": data["open"]["url"]}).json()
    assert [r["contactmoment"] for r in by_zaak["results"]] == [first["url"]]
    by_moment = client.get("objectcontactmomenten", params={"contactmoment": second["url"]}).json()
    assert by_moment["count"] == 1
    assert client.get("objectcontactmomenten", params={"object": "geen-url"}).status_code == 400
    assert client.get("contactmomenten", params={"kanaal": "e-mail"}).json()["count"] == 1
    since = {"registratiedatum__gte": "2000-01-01T00:00:00Z"}
    assert client.get("contactmomenten", params=since).json()["count"] == 2
    # the API has no PUT on links
    assert client.put(by_zaak["results"][0]["url"], json={}).status_code == 405


def test_klantcontactmomenten(client: httpx.Client) -> None:
    moment = contactmoment(client)
    klant = "https://klanten.example.nl/klanten/api/v1/klanten/8b7e5f8e-1b0b-4c9e-9a55-1c1d2f3e4a5b"
    created = client.post(
        "klantcontactmomenten",
        json={"contactmoment": moment["url"], "klant": klant, "rol": "gesprekspartner"},
    )
    assert created.status_code == 201, created.text
    assert client.get("klantcontactmomenten", params={"klant": klant}).json()["count"] == 1
    assert client.delete(created.json()["url"]).status_code == 204
    assert client.get("klantcontactmomenten").json()["count"] == 0
