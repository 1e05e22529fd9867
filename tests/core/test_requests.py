"""Protocol details: CRS headers, User-Agent, Content-Type, per-call timeout and headers."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import CATALOGI_ROOT, ZAKEN_ROOT, close, json_response, resolve, snapshot
from zgw_client import Service, TokenCredentials, ZGWClient, ZGWConfig, __version__
from zgw_client._core import crs_headers, encode_params


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("GET", "zaken", {"Accept-Crs": "EPSG:4326"}),
        ("GET", "zaken/abc", {"Accept-Crs": "EPSG:4326"}),
        ("HEAD", "zaken/abc", {"Accept-Crs": "EPSG:4326"}),
        ("POST", "zaken", {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}),
        ("POST", "zaken/_zoek", {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}),
        ("PATCH", "zaken/abc", {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}),
        ("PUT", "zaken/abc", {"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"}),
        ("DELETE", "zaken/abc", {}),
        ("GET", "statussen", {}),
        ("GET", "zaken/abc/audittrail", {}),
        ("POST", "rollen", {}),
    ],
)
def test_crs_headers_for_zaken(method: str, path: str, expected: dict[str, str]) -> None:
    assert crs_headers("zaken", path, method) == expected


def test_crs_headers_for_objects_and_others() -> None:
    assert crs_headers("objecten", "objects", "POST")["Content-Crs"] == "EPSG:4326"
    assert crs_headers("catalogi", "zaaktypen", "GET") == {}
    assert crs_headers("documenten", "zaken", "GET") == {}


async def test_headers_on_the_wire(make_client: Any) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(snapshot(request))
        return json_response(201 if request.method == "POST" else 200, {})

    client = make_client(handler)
    await resolve(
        client.request(
            "POST",
            ZAKEN_ROOT + "zaken",
            json={"a": 1},
            headers={"X-Audit-Toelichting": "correctie"},
            timeout=2.5,
        )
    )
    await resolve(client.request("GET", CATALOGI_ROOT + "zaaktypen"))
    await close(client)
    post, get = seen
    assert post.headers["Content-Crs"] == "EPSG:4326"
    assert post.headers["Accept-Crs"] == "EPSG:4326"
    assert post.headers["Content-Type"] == "application/json"
    assert post.headers["X-Audit-Toelichting"] == "correctie"
    assert post.headers["User-Agent"].startswith(f"zgw-client/{__version__}")
    assert post.extensions["timeout"]["read"] == 2.5
    assert "Accept-Crs" not in get.headers
    # the service's 30 s, at most the time left of the call's deadline (also 30 s here)
    assert get.extensions["timeout"]["read"] == pytest.approx(30.0, abs=0.5)


def test_encode_params() -> None:
    import datetime as dt
    from enum import Enum

    class Kleur(Enum):
        ROOD = "rood"

    assert encode_params(
        {
            "a": None,
            "b": True,
            "c": dt.date(2026, 1, 2),
            "d": ["x", "y"],
            "e": Kleur.ROOD,
            "f": 3,
        }
    ) == [("b", "true"), ("c", "2026-01-02"), ("d", "x"), ("d", "y"), ("e", "rood"), ("f", "3")]


async def test_repeated_query_params_on_the_wire(make_client: Any) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(snapshot(request))
        return json_response(200, {"count": 0, "next": None, "previous": None, "results": []})

    config = ZGWConfig({"objecten": Service("https://obj.test/api/v2/", TokenCredentials("t"))})
    client = make_client(handler, config)
    await resolve(
        client.get_json(
            "https://obj.test/api/v2/objects",
            params={"data_attr": ["status__exact__open", "bsn__exact__999990111"]},
        )
    )
    await close(client)
    assert seen[0].url.params.get_list("data_attr") == [
        "status__exact__open",
        "bsn__exact__999990111",
    ]


# -- the query on the wire is what httpx's params= would have made ----------------------------
_query_text = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=0, max_size=20
)


# Built once: an httpx.Client loads certificates, too slow to make per example. Nothing is sent.
_URL_HTTP = httpx.Client()
_URL_CLIENT = ZGWClient(
    ZGWConfig({"zaken": Service(ZAKEN_ROOT, TokenCredentials("t"))}), http_client=_URL_HTTP
)


@settings(max_examples=200, deadline=None)
@given(
    params=st.lists(
        st.tuples(
            st.text(alphabet=st.characters(codec="ascii", categories=("L", "N", "P")), min_size=1),
            st.one_of(_query_text, st.lists(_query_text, max_size=3)),
        ),
        max_size=5,
    ),
    existing=st.sampled_from(["", "?page=2", "?a=b&a=c"]),
)
def test_request_url_matches_httpx_params(params: list[tuple[str, Any]], existing: str) -> None:
    """The client encodes the query itself (one pass instead of httpx's three); the URL must
    be the one ``httpx`` builds from ``params=``. A query already in the URL is kept and the
    params merged into it (httpx's ``params=`` would drop it)."""
    url = ZAKEN_ROOT + "zaken" + existing
    mapping = dict(params)
    encoded = encode_params(mapping)
    request, _ = _URL_CLIENT._build_request(_URL_HTTP, "GET", url, params=mapping)
    if existing:
        expected = httpx.URL(url).copy_merge_params(encoded) if encoded else httpx.URL(url)
    else:
        expected = _URL_HTTP.build_request("GET", url, params=encoded or None).url
    assert str(request.url) == str(expected)


def test_params_are_added_to_a_query_in_the_url() -> None:
    config = ZGWConfig({"zaken": Service(ZAKEN_ROOT, TokenCredentials("t"))})
    with httpx.Client() as http, ZGWClient(config, http_client=http) as client:
        request, _ = client._build_request(
            http, "GET", ZAKEN_ROOT + "zaken?page=2", params={"pageSize": 10, "expand": "status"}
        )
    assert str(request.url) == ZAKEN_ROOT + "zaken?page=2&pageSize=10&expand=status"
