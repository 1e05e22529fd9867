"""Identifier filters (BSN, KVK-nummer, RSIN) are checked before any request, and an empty
filter value is refused: on a Django filter an empty value is no filter at all, so
``identificatie=""`` would answer every zaak. Both faces; list filters, ``extra_params``
and search bodies."""

from __future__ import annotations

import importlib
import re
from typing import Any

import httpx
import pytest

from tests.conftest import ZAKEN_ROOT, close, collect, json_response
from zgw_client import InputError, InvalidFilterError, NoAuth, Service, ZGWConfig
from zgw_client._resource import identifier_kind

EMPTY_PAGE: dict[str, Any] = {"count": 0, "next": None, "previous": None, "results": []}
BAD_BSN = "123456789"  # fails the 11-proef
GOOD_BSN = "999993653"
KLANT_ROOT = "https://openklant.test/klantinteracties/api/v1/"


@pytest.fixture
def sent() -> list[httpx.Request]:
    return []


@pytest.fixture
def client(make_client: Any, sent: list[httpx.Request]) -> Any:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return json_response(200, EMPTY_PAGE)

    config = ZGWConfig(
        {
            # The query string, to see what is sent (the default sends a BSN in a body).
            "zaken": Service(ZAKEN_ROOT, NoAuth(), bsn_filters="query"),
            "documenten": Service("https://openzaak.test/documenten/api/v1/", NoAuth()),
            "klantinteracties": Service(KLANT_ROOT, NoAuth()),
        }
    )
    return make_client(handler, config)


REFUSED: list[tuple[str, str, dict[str, Any]]] = [
    # (resource path on the client, method, keyword arguments)
    (
        "zaken.zaken",
        "list",
        {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": BAD_BSN},
    ),
    (
        "zaken.zaken",
        "list",
        {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": "12345"},
    ),
    (
        "zaken.zaken",
        "list",
        {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": 999993653},
    ),
    ("zaken.rollen", "list", {"betrokkene_identificatie__natuurlijk_persoon__inp_bsn": BAD_BSN}),
    (
        "zaken.rollen",
        "list",
        {"betrokkene_identificatie__niet_natuurlijk_persoon__kvk_nummer": "1234"},
    ),
    ("zaken.rollen", "list", {"betrokkene_identificatie__vestiging__kvk_nummer": "1234567a"}),
    (
        "zaken.rollen",
        "list",
        {"betrokkene_identificatie__niet_natuurlijk_persoon__inn_nnp_id": BAD_BSN},
    ),
    ("zaken.zaken", "list", {"bronorganisatie": BAD_BSN}),
    ("zaken.zaken", "list", {"bronorganisatie__in": ["002220647", BAD_BSN]}),
    ("zaken.zaken", "list", {"bronorganisatie__in": f"002220647,{BAD_BSN}"}),
    (
        "zaken.zaken",
        "list",
        {"extra_params": {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BAD_BSN}},
    ),
    ("zaken.zaken", "list", {"extra_params": {"inp_bsn": BAD_BSN}}),
    ("zaken.zaken", "list", {"extra_params": {"bsn": BAD_BSN}}),
    ("zaken.zaken", "list", {"extra_params": {"kvkNummer": "123"}}),
    ("zaken.zaken", "list", {"extra_params": {"verantwoordelijke_organisatie": BAD_BSN}}),
    (
        "zaken.zaken",
        "search",
        {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": BAD_BSN},
    ),
    ("zaken.zaken", "search", {"bronorganisatie__in": [BAD_BSN]}),
    ("documenten.enkelvoudiginformatieobjecten", "search", {"bronorganisatie": BAD_BSN}),
    (
        "klantinteracties.partijen",
        "list",
        {
            "partij_identificator__code_soort_object_id": "bsn",
            "partij_identificator__object_id": BAD_BSN,
        },
    ),
    (
        "klantinteracties.partijen",
        "list",
        {
            "partij_identificator__code_soort_object_id": "kvk_nummer",
            "partij_identificator__object_id": "1",
        },
    ),
    # empty values: no filter at all on the server
    ("zaken.zaken", "list", {"identificatie": ""}),
    ("zaken.zaken", "list", {"identificatie": "  "}),
    ("zaken.zaken", "list", {"archiefnominatie__in": []}),
    ("zaken.zaken", "list", {"extra_params": {"status": ""}}),
    ("zaken.rollen", "list", {"betrokkene_identificatie__natuurlijk_persoon__inp_bsn": ""}),
    ("zaken.zaken", "search", {"identificatie": ""}),
    ("zaken.zaken", "search", {"uuid__in": []}),
]


def _call(client: Any, where: str, method: str, kwargs: dict[str, Any]) -> Any:
    resource = client
    for part in where.split("."):
        resource = getattr(resource, part)
    return getattr(resource, method)(**kwargs)


@pytest.mark.parametrize(
    ("where", "method", "kwargs"),
    REFUSED,
    ids=[f"{w}.{m}-{'-'.join(k)}" for w, m, k in REFUSED],
)
async def test_a_bad_filter_is_refused_before_any_request(
    client: Any, sent: list[httpx.Request], where: str, method: str, kwargs: dict[str, Any]
) -> None:
    with pytest.raises(InvalidFilterError) as caught:
        await collect(_call(client, where, method, kwargs))
    await close(client)
    assert sent == []
    assert isinstance(caught.value, InputError)
    message = str(caught.value)
    assert caught.value.name in message
    for value in ("12345", "1234567a", "1234"):
        assert value not in message.replace(caught.value.name, "")


ACCEPTED: list[tuple[str, str, dict[str, Any], str]] = [
    (
        "zaken.zaken",
        "list",
        {"rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn": GOOD_BSN},
        f"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn={GOOD_BSN}",
    ),
    # a BSN that lost its leading zero (a spreadsheet did it) is sent padded
    ("zaken.zaken", "list", {"extra_params": {"inpBsn": "12345672"}}, "inpBsn=012345672"),
    (
        "zaken.zaken",
        "list",
        {"bronorganisatie__in": ["002220647"]},
        "bronorganisatie__in=002220647",
    ),
    (
        "zaken.rollen",
        "list",
        {"betrokkene_identificatie__vestiging__kvk_nummer": " 12345678 "},
        "kvkNummer=12345678",
    ),
    # partial lookups are not identifiers
    ("zaken.zaken", "list", {"identificatie__icontains": "1234"}, "identificatie__icontains=1234"),
    (
        "klantinteracties.partijen",
        "list",
        {
            "partij_identificator__code_soort_object_id": "overig",
            "partij_identificator__object_id": "abc",
        },
        "partijIdentificator__objectId=abc",
    ),
    # an empty expand asks for nothing, so it is simply left out
    ("zaken.zaken", "list", {"expand": []}, "zaken"),
]


@pytest.mark.parametrize(
    ("where", "method", "kwargs", "expected"),
    ACCEPTED,
    ids=[f"{w}.{m}-{'-'.join(k)}" for w, m, k, _ in ACCEPTED],
)
async def test_a_good_filter_is_sent(
    client: Any,
    sent: list[httpx.Request],
    where: str,
    method: str,
    kwargs: dict[str, Any],
    expected: str,
) -> None:
    await collect(_call(client, where, method, kwargs))
    await close(client)
    assert len(sent) == 1
    assert expected in str(sent[0].url)
    assert "expand" not in str(sent[0].url)


# -- the set of identifier filters comes from the generated tables -------------------------
def _every_wire_name() -> set[str]:
    names: set[str] = set()
    for api in ("zaken", "catalogi", "documenten", "besluiten", "klantinteracties"):
        module = importlib.import_module(f"zgw_client.{api}._filters")
        for table in module.WIRE_NAMES.values():
            names.update(table.values())
    for api in ("contactmomenten", "objecten"):
        module = importlib.import_module(f"zgw_client.{api}._filters")
        for table in module.WIRE_NAMES.values():
            names.update(table.values())
    return names


def test_every_identifier_filter_of_the_specs_is_recognised() -> None:
    identifier = re.compile(
        r"bsn|kvk|rsin|bronorganisatie|verantwoordelijkeorganisatie|nnpid", re.I
    )
    partial = re.compile(r"__(i?contains|i?startswith|i?endswith|isnull|gte?|lte?)$")
    found = {
        name: identifier_kind(name)
        for name in _every_wire_name()
        if identifier.search(name.replace("_", "")) and not partial.search(name)
    }
    assert found, "the tables hold identifier filters"
    assert all(found.values()), [name for name, kind in found.items() if kind is None]
    assert identifier_kind("identificatie") is None
    assert identifier_kind("rol__betrokkeneIdentificatie__vestiging__vestigingsNummer") is None
    assert identifier_kind("rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn") == "BSN"
    assert identifier_kind("bronorganisatie__in") == "RSIN"
    assert identifier_kind("kvk_nummer") == "KVK-nummer"
