"""Klantinteracties (Open Klant 0.9): references, filters, expand, errors, sample shapes."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from zgw_client.testing import InMemoryBackend

from ._replay import body, names, replay, without_expand

BSN = "999993653"
OK = "openklant"


def persoon(bsn: str = BSN, **extra: Any) -> dict[str, Any]:
    return {
        "soortPartij": "persoon",
        "indicatieActief": True,
        "partijIdentificatie": {"contactnaam": {"voornaam": "Anne", "achternaam": "Klap"}},
        "partijIdentificatoren": [
            {
                "anderePartijIdentificator": "",
                "partijIdentificator": {
                    "codeObjecttype": "natuurlijk_persoon",
                    "codeSoortObjectId": "bsn",
                    "objectId": bsn,
                    "codeRegister": "brp",
                },
            }
        ],
        **extra,
    }


@pytest.fixture
def client(backend: InMemoryBackend) -> Iterator[httpx.Client]:
    with httpx.Client(
        transport=backend.transport(),
        base_url=backend.api_roots["klantinteracties"],
        headers=backend.auth_headers("klantinteracties"),
    ) as client:
        yield client


@pytest.fixture
def contact(client: httpx.Client) -> dict[str, Any]:
    """A partij with a klantcontact about a zaak, all made over HTTP."""
    partij = client.post("partijen", json=persoon()).json()
    klantcontact = client.post(
        "klantcontacten",
        json={
            "kanaal": "telefoon",
            "onderwerp": "Vraag over geluidsmeting",
            "taal": "nld",
            "vertrouwelijk": False,
            "plaatsgevondenOp": "2026-11-20T10:15:00+01:00",
        },
    ).json()
    betrokkene = client.post(
        "betrokkenen",
        json={
            "wasPartij": {"uuid": partij["uuid"]},
            "hadKlantcontact": {"uuid": klantcontact["uuid"]},
            "rol": "klant",
            "initiator": True,
            "contactnaam": {"voornaam": "Anne", "voorvoegselAchternaam": "", "achternaam": "Klap"},
        },
    ).json()
    onderwerp = client.post(
        "onderwerpobjecten",
        json={
            "klantcontact": {"uuid": klantcontact["uuid"]},
            "onderwerpobjectidentificator": {
                "objectId": "3a1aa5ed-28f6-5830-a071-ccfda7e74481",
                "codeObjecttype": "zaak",
                "codeRegister": "openzaak",
                "codeSoortObjectId": "uuid",
            },
        },
    ).json()
    return {
        "partij": partij,
        "klantcontact": klantcontact,
        "betrokkene": betrokkene,
        "onderwerp": onderwerp,
    }


def test_token_auth(backend: InMemoryBackend) -> None:
    with httpx.Client(transport=backend.transport()) as plain:
        url = backend.api_roots["klantinteracties"] + "partijen"
        assert plain.get(backend.api_roots["klantinteracties"]).status_code == 200
        missing = plain.get(url)
        assert missing.status_code == 401
        assert missing.headers["WWW-Authenticate"] == "Token"
        wrong = plain.get(url, headers={"Authorization": "Token nope"})
        assert wrong.json()["code"] == "authentication_failed"


def test_references_are_uuid_url_objects(client: httpx.Client, contact: dict[str, Any]) -> None:
    partij, betrokkene = contact["partij"], contact["betrokkene"]
    assert betrokkene["wasPartij"] == {"uuid": partij["uuid"], "url": partij["url"]}
    assert list(betrokkene)[:2] == ["uuid", "url"]
    assert betrokkene["volledigeNaam"] == "Anne Klap"
    fresh = client.get(partij["url"]).json()
    assert fresh["betrokkenen"] == [{"uuid": betrokkene["uuid"], "url": betrokkene["url"]}]
    identificator = fresh["partijIdentificatoren"][0]
    assert identificator["identificeerdePartij"] == {"uuid": partij["uuid"], "url": partij["url"]}
    assert fresh["partijIdentificatie"]["volledigeNaam"] == "Anne Klap"
    listed = client.get("partij-identificatoren").json()["results"]
    assert [i["uuid"] for i in listed] == [identificator["uuid"]]
    klantcontact = client.get(contact["klantcontact"]["url"]).json()
    assert klantcontact["hadBetrokkenen"][0]["uuid"] == betrokkene["uuid"]
    assert klantcontact["gingOverOnderwerpobjecten"][0]["uuid"] == contact["onderwerp"]["uuid"]
    assert klantcontact["plaatsgevondenOp"] == "2026-11-20T09:15:00Z"
    # a url works as well as a uuid
    again = client.post(
        "betrokkenen",
        json={"hadKlantcontact": {"url": klantcontact["url"]}, "rol": "klant", "initiator": False},
    )
    assert again.status_code == 201
    assert again.json()["wasPartij"] is None


def test_patch_keeps_nested_identificatoren(client: httpx.Client, contact: dict[str, Any]) -> None:
    url = contact["partij"]["url"]
    patched = client.patch(url, json={"interneNotitie": "Belt liever na 17 uur"})
    assert patched.status_code == 200
    assert patched.json()["partijIdentificatoren"][0]["partijIdentificator"]["objectId"] == BSN
    replaced = client.put(url, json={**persoon("999990019"), "indicatieActief": True}).json()
    assert [i["partijIdentificator"]["objectId"] for i in replaced["partijIdentificatoren"]] == [
        "999990019"
    ]
    assert client.get("partij-identificatoren").json()["count"] == 1


@pytest.mark.parametrize(
    ("path", "params", "expected"),
    [
        ("partijen", {"partijIdentificator__objectId": BSN}, 1),
        ("partijen", {"partijIdentificator__codeSoortObjectId": "bsn"}, 1),
        ("partijen", {"partijIdentificator__objectId": "111222333"}, 0),
        ("partijen", {"soortPartij": "organisatie"}, 0),
        ("partij-identificatoren", {"partijIdentificatorObjectId": BSN}, 1),
        ("klantcontacten", {"hadBetrokkene__wasPartij__partijIdentificator__objectId": BSN}, 1),
        ("klantcontacten", {"hadBetrokkene__wasPartij__partijIdentificator__objectId": "1"}, 0),
        (
            "klantcontacten",
            {
                "onderwerpobject__onderwerpobjectidentificatorObjectId": (
                    "3a1aa5ed-28f6-5830-a071-ccfda7e74481"
                ),
                "onderwerpobject__onderwerpobjectidentificatorCodeObjecttype": "zaak",
            },
            1,
        ),
        ("klantcontacten", {"onderwerpobject__onderwerpobjectidentificatorObjectId": "x"}, 0),
        ("klantcontacten", {"kanaal": "telefoon"}, 1),
        ("betrokkenen", {"wasPartij__partijIdentificator__objectId": BSN}, 1),
        ("onderwerpobjecten", {"onderwerpobjectidentificatorCodeObjecttype": "zaak"}, 1),
    ],
)
def test_filters(
    client: httpx.Client,
    contact: dict[str, Any],
    path: str,
    params: dict[str, str],
    expected: int,
) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.json()["count"] == expected


def test_ref_filters(client: httpx.Client, contact: dict[str, Any]) -> None:
    partij = contact["partij"]
    for params in ({"wasPartij__url": partij["url"]}, {"wasPartij__uuid": partij["uuid"]}):
        assert client.get("betrokkenen", params=params).json()["count"] == 1
    by_partij = {"hadBetrokkene__wasPartij__uuid": partij["uuid"]}
    assert client.get("klantcontacten", params=by_partij).json()["count"] == 1
    bad = client.get("betrokkenen", params={"wasPartij__uuid": "geen-uuid"})
    assert bad.status_code == 400
    assert bad.json()["title"] == "Ongeldige invoerwaarde."


def test_expand_quirks(client: httpx.Client, contact: dict[str, Any]) -> None:
    listed = client.get("klantcontacten").json()["results"][0]
    assert listed["_expand"] == {}
    assert "_expand" not in client.get(contact["klantcontact"]["url"]).json()
    assert "_expand" not in client.get("onderwerpobjecten").json()["results"][0]
    expanded = client.get(
        contact["klantcontact"]["url"],
        params={"expand": "hadBetrokkenen,hadBetrokkenen.wasPartij,gingOverOnderwerpobjecten"},
    ).json()["_expand"]
    betrokkene = expanded["hadBetrokkenen"][0]
    assert betrokkene["uuid"] == contact["betrokkene"]["uuid"]
    assert betrokkene["_expand"]["wasPartij"]["uuid"] == contact["partij"]["uuid"]
    onderwerp = expanded["gingOverOnderwerpobjecten"][0]
    assert onderwerp["onderwerpobjectidentificator"]["codeObjecttype"] == "zaak"
    assert "_expand" not in onderwerp
    child_only = client.get(
        contact["partij"]["url"], params={"expand": "betrokkenen.hadKlantcontact"}
    )
    assert child_only.json()["_expand"] == {}
    empty = client.get(contact["klantcontact"]["url"], params={"expand": "leiddeTotInterneTaken"})
    assert empty.json()["_expand"] == {"leiddeTotInterneTaken": []}
    unknown = client.get("klantcontacten", params={"expand": "foo"})
    assert unknown.status_code == 400
    assert unknown.json()["invalidParams"][0]["code"] == "invalid_choice"


def test_validation_errors(client: httpx.Client) -> None:
    missing = client.post("klantcontacten", json={"kanaal": "e-mail"}).json()
    assert missing["title"] == "Ongeldige invoerwaarde."
    assert [(p["name"], p["code"]) for p in missing["invalidParams"]] == [
        ("onderwerp", "required"),
        ("taal", "required"),
        ("vertrouwelijk", "required"),
    ]
    assert missing["invalidParams"][0]["reason"] == "Dit veld is vereist."
    bsn = client.post("partijen", json=persoon("123456789")).json()
    assert bsn["invalidParams"] == [
        {
            "name": "partijIdentificatoren.0.partijIdentificatorObjectId",
            "code": "invalid",
            "reason": "Deze waarde is ongeldig, reden: Onjuist BSN nummer",
        }
    ]
    unknown = client.post(
        "betrokkenen",
        json={
            "hadKlantcontact": {"uuid": "00000000-0000-0000-0000-000000000000"},
            "rol": "buurman",
            "initiator": True,
        },
    ).json()
    assert {p["name"]: p["code"] for p in unknown["invalidParams"]} == {
        "hadKlantcontact.uuid": "does_not_exist",
        "rol": "invalid_choice",
    }
    code = client.post(
        "partij-identificatoren",
        json={
            "partijIdentificator": {
                "codeObjecttype": "natuurlijk_persoon",
                "codeSoortObjectId": "paspoort",
                "objectId": "X",
                "codeRegister": "brp",
            }
        },
    ).json()
    assert code["invalidParams"][0]["name"] == "partijIdentificator.codeSoortObjectId"
    assert client.get("partijen/00000000-0000-0000-0000-000000000000").status_code == 404


def test_internetaak_and_actoren(client: httpx.Client, contact: dict[str, Any]) -> None:
    actor = client.post(
        "actoren",
        json={
            "naam": "Piet Medewerker",
            "soortActor": "medewerker",
            "actorIdentificatie": {"functie": "KCC"},
        },
    ).json()
    assert actor["actorIdentificatie"] == {"functie": "KCC", "emailadres": "", "telefoonnummer": ""}
    taak = client.post(
        "internetaken",
        json={
            "gevraagdeHandeling": "Terugbellen",
            "aanleidinggevendKlantcontact": {"uuid": contact["klantcontact"]["uuid"]},
            "toegewezenAanActoren": [{"uuid": actor["uuid"]}],
            "status": "te_verwerken",
        },
    )
    assert taak.status_code == 201, taak.text
    assert taak.json()["toegewezenAanActor"]["uuid"] == actor["uuid"]
    assert (
        client.get("internetaken", params={"actoren__naam": "Piet Medewerker"}).json()["count"] == 1
    )
    client.post(
        "actorklantcontacten",
        json={
            "actor": {"uuid": actor["uuid"]},
            "klantcontact": {"uuid": contact["klantcontact"]["uuid"]},
        },
    )
    klantcontact = client.get(contact["klantcontact"]["url"]).json()
    assert klantcontact["hadBetrokkenActoren"][0]["naam"] == "Piet Medewerker"
    assert klantcontact["leiddeTotInterneTaken"][0]["uuid"] == taak.json()["uuid"]
    done = client.patch(taak.json()["url"], json={"status": "verwerkt"}).json()
    assert done["afgehandeldOp"] is not None


def test_lists_are_newest_first_and_paged(client: httpx.Client) -> None:
    for n in range(3):
        client.post(
            "klantcontacten",
            json={
                "kanaal": "e-mail",
                "onderwerp": f"vraag {n}",
                "taal": "nld",
                "vertrouwelijk": False,
            },
        )
    page = client.get(
        "klantcontacten",
        params={"pageSize": 2, "expand": "hadBetrokkenen,gingOverOnderwerpobjecten"},
    ).json()
    assert [r["onderwerp"] for r in page["results"]] == ["vraag 2", "vraag 1"]
    assert "expand=hadBetrokkenen%2CgingOverOnderwerpobjecten" in page["next"]


# -- the recorded Open Klant exchanges -----------------------------------------------------


def sample_backend() -> InMemoryBackend:
    """A backend on the sample host with the resources the samples show."""
    backend = InMemoryBackend("http://127.0.0.1:8001")

    def add(collection: str, *resources: dict[str, Any]) -> None:
        for resource in resources:
            if resource["url"] not in {
                r["url"] for r in backend.all("klantinteracties", collection)
            }:
                backend.add("klantinteracties", collection, without_expand(resource))

    add("partijen", body(OK, "partij_detail.json"))
    expanded = body(OK, "partij_detail_expand.json")["_expand"]
    add("betrokkenen", *expanded["betrokkenen"], *body(OK, "betrokkene_list.json")["results"])
    add("digitaleadressen", *expanded["digitaleAdressen"])
    add("actoren", *body(OK, "actor_list.json")["results"])
    for name in ("klantcontact_list_expand.json", "klantcontact_list_by_bsn_expand.json"):
        for klantcontact in body(OK, name)["results"]:
            add("klantcontacten", klantcontact)
            add("onderwerpobjecten", *klantcontact["_expand"]["gingOverOnderwerpobjecten"])
            add("betrokkenen", *klantcontact["_expand"]["hadBetrokkenen"])
    written = body(OK, "write_klantcontact_detail_expand_after.json")
    add("klantcontacten", written)
    add("onderwerpobjecten", *written["_expand"]["gingOverOnderwerpobjecten"])
    add(
        "internetaken",
        *body(OK, "internetaak_list.json")["results"],
        body(OK, "internetaak_detail.json"),
    )
    return backend


@pytest.mark.skipif(not names(OK), reason="recorded samples not found (../shared absent)")
@pytest.mark.parametrize("name", names(OK))
def test_openklant_sample_shape(name: str) -> None:
    replay(sample_backend(), OK, name)
