"""The five platform kinds on the client: namespaces, client.api(name), typed client.get(url),
and the party helpers the Open VTB resources share."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import resolve
from tests.support.platform import (
    BSN,
    KVK,
    PARTY,
    PLATFORM_ROOTS,
    VESTIGING,
    bericht,
    offline_client,
)
from zgw_client import (
    AsyncZGWClient,
    InputError,
    Service,
    TokenCredentials,
    ZGWClient,
    ZGWConfig,
)
from zgw_client._vtb import party_matcher, party_of
from zgw_client.berichten import Bericht
from zgw_client.producten import Product
from zgw_client.producttypen import ProductTypeActuelePrijs, Thema
from zgw_client.taken import BetaalTaak, ExterneTaak
from zgw_client.testing import InMemoryBackend
from zgw_client.urns import InvalidPartyURNError, klantnummer_urn
from zgw_client.verzoeken import VerzoekTypeVersie

KINDS = {
    "berichten": ("BerichtenAPI", ["berichten"]),
    "taken": ("TakenAPI", ["externetaken", "betaaltaken", "urltaken", "formuliertaken"]),
    "verzoeken": ("VerzoekenAPI", ["verzoeken", "verzoektypen", "versies"]),
    "producten": ("ProductenAPI", ["producten"]),
    "producttypen": ("ProducttypenAPI", ["producttypen", "themas", "prijzen", "content"]),
}


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_kind_has_its_namespace(face: str, kind: str) -> None:
    client = offline_client(face)
    namespace = getattr(client, kind)
    name, resources = KINDS[kind]
    assert type(namespace).__name__ == ("Async" if face == "async" else "") + name
    assert client.api(kind) is not namespace  # built per service name, the same kind
    assert type(client.api(kind)) is type(namespace)
    assert namespace.service == kind
    assert kind in repr(namespace)
    for resource in resources:
        assert getattr(namespace, resource).service == kind


def test_a_second_open_vtb_under_another_name(face: str) -> None:
    token = TokenCredentials("t" * 40)
    config = ZGWConfig(
        {
            "berichten": Service("https://vtb.test/berichten/api/v1/", token),
            "berichten_oost": Service(
                "https://oost.test/berichten/api/v1/", token, kind="berichten"
            ),
        }
    )
    client: Any = ZGWClient(config) if face == "sync" else AsyncZGWClient(config)
    oost = client.berichten.of("berichten_oost")
    assert oost.berichten.url == "https://oost.test/berichten/api/v1/berichten"
    assert client.api("berichten_oost").berichten.url == oost.berichten.url


@pytest.mark.parametrize(
    ("api", "path", "model"),
    [
        ("berichten", "berichten/{uuid}", Bericht),
        ("taken", "externetaken/{uuid}", ExterneTaak),
        ("taken", "betaaltaken/{uuid}", BetaalTaak),
        ("verzoeken", "verzoektypen/{uuid}/versies/2", VerzoekTypeVersie),
        ("producten", "producten/{uuid}", Product),
        ("producttypen", "themas/{uuid}", Thema),
        ("producttypen", "producttypen/{uuid}/actuele-prijs", ProductTypeActuelePrijs),
    ],
)
def test_client_get_knows_the_model_of_each_platform_url(
    face: str, api: str, path: str, model: type
) -> None:
    client = offline_client(face)
    url = PLATFORM_ROOTS[api] + path.format(uuid="8c1f3a2e-5b4d-4c6e-9f7a-1b2c3d4e5f60")
    assert client._model_for(url) is model


async def test_client_get_returns_a_typed_bericht(client: Any, backend: InMemoryBackend) -> None:
    created = backend.add("berichten", "berichten", bericht())
    assert isinstance(await resolve(client.get(created["url"])), Bericht)


def test_party_of_checks_one_party() -> None:
    assert party_of(bsn=BSN).urn == PARTY
    assert party_of(bsn="12345672").urn == "urn:nld:brp:bsn:012345672"  # 8 digits padded
    assert party_of(kvk=KVK).urn == f"urn:nld:hr:kvknummer:{KVK}"
    assert party_of(kvk=KVK, vestigingsnummer=VESTIGING).vestigingsnummer == VESTIGING
    assert party_of(urn=klantnummer_urn("K-42")).klantnummer == "K-42"
    with pytest.raises(InputError, match="exactly one party"):
        party_of(bsn=BSN, urn=PARTY)
    with pytest.raises(InputError, match="kvk"):
        party_of(vestigingsnummer=VESTIGING, urn=PARTY)
    with pytest.raises(InvalidPartyURNError):
        party_of(urn="urn:nld:brp:bsn:123456789")


def test_party_matcher_matches_the_party_and_nothing_else() -> None:
    matches = party_matcher(party_of(bsn=BSN), "ontvanger")
    assert matches({"ontvanger": PARTY})
    assert matches({"ontvanger": f"urn:NLD:BRP:BSN:{BSN}"})
    assert not matches({"ontvanger": "urn:nld:brp:bsn:111222333"})
    assert not matches({"ontvanger": f"urn:nld:brp:bsn:{BSN}0"})
    assert not matches({"ontvanger": None})
    assert not matches({"isToegewezenAan": PARTY})
    assert not matches("not a dict")
    company = party_matcher(party_of(kvk=KVK), "initiator")
    assert company({"initiator": f"urn:nld:hr:kvknummer:{KVK}"})
    assert not company({"initiator": f"urn:nld:hr:kvknummer:{KVK}:vestigingsnummer:{VESTIGING}"})
    klant = party_matcher(party_of(urn="urn:nld:klant:klantnummer:K-42"), "isToegewezenAan")
    assert not klant({"isToegewezenAan": "urn:nld:klant:klantnummer:k-42"})  # case counts
