"""Behaviour suite: the SDK against real servers (Open Zaak, Open Klant, Objects API), or by
default against the in-memory backend served on 127.0.0.1.

Without ``ZGW_LIVE=1`` the suite runs against ``zgw_client.testing`` seeded with the demo
data; with it, against the services in the ``ZGW_*`` variables below (a test whose services
are not configured is skipped and says which variables are missing). The tests create their
own data (zaken, documents, partijen, taken, ...) and delete it again, also when they fail.

Environment variables
---------------------

``ZGW_LIVE=1``
    Turn the live suite on.

Open Zaak (Zaken, Catalogi, Documenten, Besluiten; JWT-ZGW; needed by every live test):

``ZGW_ZAKEN_API_ROOT``        e.g. ``http://127.0.0.1:8000/zaken/api/v1/``
``ZGW_CATALOGI_API_ROOT``     e.g. ``http://127.0.0.1:8000/catalogi/api/v1/``
``ZGW_DOCUMENTEN_API_ROOT``   e.g. ``http://127.0.0.1:8000/documenten/api/v1/``
``ZGW_BESLUITEN_API_ROOT``    e.g. ``http://127.0.0.1:8000/besluiten/api/v1/``
``ZGW_CLIENT_ID``, ``ZGW_SECRET``
    The JWT-ZGW credentials shared by the four APIs (or per API: ``ZGW_ZAKEN_CLIENT_ID``...).
``ZGW_LIVE_ZAAKTYPE``
    URL of a published zaaktype to create zaken with. It needs statustypen, an
    ``initiator`` roltype, a resultaattype, an informatieobjecttype and a besluittype; the
    tests find those through the Catalogi API.
``ZGW_LIVE_BRONORGANISATIE``  (optional, default ``000000000``) RSIN for new zaken etc.

Open Klant (Klantinteracties; the klantinteracties and MijnZaken tests):

``ZGW_KLANTINTERACTIES_API_ROOT``  e.g. ``http://127.0.0.1:8001/klantinteracties/api/v1/``
``ZGW_KLANTINTERACTIES_TOKEN``     the ``Authorization: Token`` key

Objects API (the objecten/taken and MijnZaken tests):

``ZGW_OBJECTEN_API_ROOT``     e.g. ``http://127.0.0.1:8003/api/v2/``
``ZGW_OBJECTEN_TOKEN``        the ``Authorization: Token`` key
``ZGW_LIVE_TAAK_OBJECTTYPE``  URL of an objecttype whose version 1 has the NL Portal
                              "taak v2" schema (``specs/taak-nlportal-v2.schema.json``).

Open Notificaties (Notificaties API, JWT-ZGW; the notifications test, with Open Zaak):

``ZGW_NOTIFICATIES_API_ROOT``  e.g. ``http://127.0.0.1:8004/api/v1/``
``ZGW_NOTIFICATIES_CLIENT_ID``, ``ZGW_NOTIFICATIES_SECRET``
    its JWT-ZGW credentials (default: the shared ``ZGW_CLIENT_ID``/``ZGW_SECRET``), with
    the scope ``notificaties.consumeren``. Open Zaak must publish to this Open
    Notificaties, and Open Notificaties must reach this machine's 127.0.0.1, where the
    test serves its receiver.
``ZGW_LIVE_RECORD_NOTIFICATIONS``  (optional) a directory: write the messages received
    there, one per kanaal, resource and actie, hosts scrubbed (``tests/notifications/samples``)

Open VTB 0.1 (Berichten, Taken, Verzoeken; the platform tests):

``ZGW_BERICHTEN_API_ROOT``    e.g. ``http://127.0.0.1:8005/berichten/api/v1/``
``ZGW_TAKEN_API_ROOT``        e.g. ``http://127.0.0.1:8005/taken/api/v1/``
``ZGW_VERZOEKEN_API_ROOT``    e.g. ``http://127.0.0.1:8005/verzoeken/api/v1/``
``ZGW_BERICHTEN_TOKEN``, ``ZGW_TAKEN_TOKEN``, ``ZGW_VERZOEKEN_TOKEN``
    the ``Authorization: Token`` key of each (one key for all three on one Open VTB)

Open Product 1.8 (Producten, Producttypen; the platform tests):

``ZGW_PRODUCTEN_API_ROOT``    e.g. ``http://127.0.0.1:8006/producten/api/v1/``
``ZGW_PRODUCTTYPEN_API_ROOT`` e.g. ``http://127.0.0.1:8006/producttypen/api/v1/``
``ZGW_PRODUCTEN_TOKEN``, ``ZGW_PRODUCTTYPEN_TOKEN``
    the ``Authorization: Token`` key (its user needs the model permissions: a superuser)

A variable block that also configures APIs zgw-client has no kind for (for instance
``ZGW_AUTORISATIES_API_ROOT`` or ``ZGW_CONTACTGEGEVENS_API_ROOT``) needs
``ZGW_<NAME>_KIND=other`` for each, or ``ZGWConfig.from_env()`` refuses it.

Berichten cannot be deleted through the API (Open VTB has no DELETE): each run of the
platform tests leaves two berichten to the test BSNs behind. Everything else they make
is deleted again.

The test BSN is ``999990111`` (passes the 11-proef, exists only in test data).

Which servers and versions, how to configure each (credentials, the Taak objecttype, the
selectielijst), a ``docker-compose.yml`` for them and a seed script: see
``docs/guides/live-testing.md``.
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest
import pytest_asyncio

from zgw_client import AsyncZGWClient, NotFoundError, ZGWClient, ZGWConfig, ZGWError

TEST_BSN = "999990111"
OTHER_TEST_BSN = "111222333"

OPENZAAK_VARS = (
    "ZGW_ZAKEN_API_ROOT",
    "ZGW_CATALOGI_API_ROOT",
    "ZGW_DOCUMENTEN_API_ROOT",
    "ZGW_BESLUITEN_API_ROOT",
    "ZGW_LIVE_ZAAKTYPE",
)
KLANTINTERACTIES_VARS = ("ZGW_KLANTINTERACTIES_API_ROOT", "ZGW_KLANTINTERACTIES_TOKEN")
OBJECTEN_VARS = ("ZGW_OBJECTEN_API_ROOT", "ZGW_OBJECTEN_TOKEN", "ZGW_LIVE_TAAK_OBJECTTYPE")
OPENVTB_VARS = tuple(
    f"ZGW_{api}_{part}"
    for api in ("BERICHTEN", "TAKEN", "VERZOEKEN")
    for part in ("API_ROOT", "TOKEN")
)
OPENPRODUCT_VARS = tuple(
    f"ZGW_{api}_{part}" for api in ("PRODUCTEN", "PRODUCTTYPEN") for part in ("API_ROOT", "TOKEN")
)


@pytest.fixture(scope="session", autouse=True)
def stack() -> Iterator[str]:
    """The stack the suite runs against: a real one (``ZGW_LIVE=1``), else the in-memory
    backend served on 127.0.0.1 with the demo data, so this behaviour suite also checks
    the backend against what the real servers do."""
    if os.environ.get("ZGW_LIVE") == "1":
        yield "real"
        return
    from zgw_client.testing import InMemoryBackend
    from zgw_client.testing.demo import seed_demo

    backend = InMemoryBackend()
    scenario = seed_demo(backend)
    with backend.serve() as served, pytest.MonkeyPatch.context() as patch:
        for key in [k for k in os.environ if k.startswith("ZGW_")]:
            patch.delenv(key)
        for name, root in served.api_roots.items():
            patch.setenv(f"ZGW_{name.upper()}_API_ROOT", root)
        patch.setenv("ZGW_LIVE", "1")
        patch.setenv("ZGW_CLIENT_ID", backend.jwt_client_id)
        patch.setenv("ZGW_SECRET", backend.jwt_secret)
        patch.setenv("ZGW_KLANTINTERACTIES_TOKEN", backend.token)
        patch.setenv("ZGW_OBJECTEN_TOKEN", backend.token)
        for api in ("BERICHTEN", "TAKEN", "VERZOEKEN", "PRODUCTEN", "PRODUCTTYPEN"):
            patch.setenv(f"ZGW_{api}_TOKEN", backend.token)
        patch.setenv("ZGW_CONTACTMOMENTEN_CLIENT_ID", backend.jwt_client_id)
        patch.setenv("ZGW_CONTACTMOMENTEN_SECRET", backend.jwt_secret)
        patch.setenv(
            "ZGW_LIVE_ZAAKTYPE",
            scenario.zaaktypen["parkeervergunning"].replace(backend.base_url, served.url),
        )
        patch.setenv(
            "ZGW_LIVE_TAAK_OBJECTTYPE",
            scenario.taak_objecttype.replace(backend.base_url, served.url),
        )
        yield "in-memory"


def _skip_unless(group: str, names: tuple[str, ...]) -> None:
    if os.environ.get("ZGW_LIVE") != "1":
        pytest.skip("live test: set ZGW_LIVE=1 and the ZGW_* variables (tests/live/conftest.py)")
    missing = [name for name in names if not os.environ.get(name)]
    if group == "openzaak" and not (
        os.environ.get("ZGW_CLIENT_ID") or os.environ.get("ZGW_ZAKEN_CLIENT_ID")
    ):
        missing.append("ZGW_CLIENT_ID/ZGW_SECRET")
    if missing:
        pytest.skip(f"live test needs {group}: {', '.join(missing)} not set")


@pytest.fixture
def need_openzaak() -> None:
    _skip_unless("openzaak", OPENZAAK_VARS)


@pytest.fixture
def need_klantinteracties(need_openzaak: None) -> None:
    _skip_unless("klantinteracties (Open Klant)", KLANTINTERACTIES_VARS)


@pytest.fixture
def need_objecten(need_openzaak: None) -> None:
    _skip_unless("objecten (Objects API)", OBJECTEN_VARS)


@pytest.fixture
def need_openvtb() -> None:
    _skip_unless("Open VTB (berichten, taken, verzoeken)", OPENVTB_VARS)


@pytest.fixture
def need_openproduct() -> None:
    _skip_unless("Open Product (producten, producttypen)", OPENPRODUCT_VARS)


# -- what the client sent and got ----------------------------------------------------------
@dataclass
class Exchange:
    method: str
    url: str
    status: int
    request_headers: dict[str, str]
    response_headers: dict[str, str]


@dataclass
class Exchanges:
    """Every request the client sent in a test, for assertions and failure reports."""

    items: list[Exchange] = field(default_factory=list)

    def record(self, response: httpx.Response) -> None:
        request = response.request
        headers = {k: v for k, v in request.headers.items() if k.lower() != "authorization"}
        self.items.append(
            Exchange(
                request.method,
                str(request.url),
                response.status_code,
                headers,
                dict(response.headers),
            )
        )

    def matching(self, method: str, url_part: str) -> list[Exchange]:
        return [e for e in self.items if e.method == method and url_part in e.url]

    def clear(self) -> None:
        self.items.clear()

    def __str__(self) -> str:
        return "\n".join(f"{e.method} {e.url} -> {e.status}" for e in self.items)


@pytest.fixture
def exchanges() -> Exchanges:
    return Exchanges()


@pytest.fixture
def client(need_openzaak: None, exchanges: Exchanges) -> Iterator[ZGWClient]:
    http = httpx.Client(event_hooks={"response": [exchanges.record]})
    with ZGWClient(ZGWConfig.from_env(), http_client=http) as made:
        yield made
    http.close()


@pytest.fixture
def platform_client(exchanges: Exchanges) -> Iterator[ZGWClient]:
    """A client of every configured service that needs no Open Zaak (the platform tests
    ask for Open VTB or Open Product themselves)."""
    _skip_unless("the platform", ())
    http = httpx.Client(event_hooks={"response": [exchanges.record]})
    with ZGWClient(ZGWConfig.from_env(), http_client=http) as made:
        yield made
    http.close()


@pytest_asyncio.fixture
async def async_platform_client(exchanges: Exchanges) -> Any:
    _skip_unless("the platform", ())

    async def record(response: httpx.Response) -> None:
        exchanges.record(response)

    http = httpx.AsyncClient(event_hooks={"response": [record]})
    async with AsyncZGWClient(ZGWConfig.from_env(), http_client=http) as made:
        yield made
    await http.aclose()


@pytest_asyncio.fixture
async def async_client(need_openzaak: None, exchanges: Exchanges) -> Any:
    async def record(response: httpx.Response) -> None:
        exchanges.record(response)

    http = httpx.AsyncClient(event_hooks={"response": [record]})
    async with AsyncZGWClient(ZGWConfig.from_env(), http_client=http) as made:
        yield made
    await http.aclose()


# -- clean-up ----------------------------------------------------------------------------
class Cleanup:
    """Deletes registered resources after the test, newest first; a 404 counts as done."""

    def __init__(self) -> None:
        self._steps: list[tuple[str, Callable[[], Any]]] = []

    def add(self, label: str, delete: Callable[[], Any]) -> None:
        self._steps.append((label, delete))

    def run(self) -> None:
        problems = []
        while self._steps:
            label, delete = self._steps.pop()
            try:
                delete()
            except NotFoundError:
                pass
            except ZGWError as exc:
                problems.append(f"{label}: {exc}")
        if problems:
            warnings.warn("live clean-up left data behind:\n" + "\n".join(problems), stacklevel=1)


@pytest.fixture
def cleanup() -> Iterator[Cleanup]:
    made = Cleanup()
    yield made
    made.run()


# -- the catalogue the tests work with --------------------------------------------------
@dataclass(frozen=True)
class Catalogue:
    zaaktype: str
    statustypen: list[str]  # by volgnummer; the last is the eindstatus
    initiator_roltype: str
    resultaattype: str
    informatieobjecttype: str
    besluittype: str
    bronorganisatie: str


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    """The statustypen, roltypen ... of ``ZGW_LIVE_ZAAKTYPE``, read with the SDK."""
    _skip_unless("openzaak", OPENZAAK_VARS)
    zaaktype_url = os.environ["ZGW_LIVE_ZAAKTYPE"]
    with ZGWClient.from_env() as made:
        zaaktype = made.catalogi.zaaktypen.get(zaaktype_url)
        statustypen = made.catalogi.statustypen_of(zaaktype_url)
        roltypen = made.catalogi.roltypen.list(zaaktype=zaaktype_url).to_list()
        resultaattypen = made.catalogi.resultaattypen.list(zaaktype=zaaktype_url).to_list()
    initiator = [r.url for r in roltypen if _code(r.omschrijving_generiek) == "initiator"]
    assert statustypen, f"{zaaktype_url} has no statustypen"
    assert initiator, f"{zaaktype_url} has no initiator roltype"
    assert resultaattypen, f"{zaaktype_url} has no resultaattypen"
    assert zaaktype.informatieobjecttypen, f"{zaaktype_url} has no informatieobjecttypen"
    assert zaaktype.besluittypen, f"{zaaktype_url} has no besluittypen"
    return Catalogue(
        zaaktype=zaaktype_url,
        statustypen=[str(s.url) for s in statustypen],
        initiator_roltype=str(initiator[0]),
        resultaattype=str(resultaattypen[0].url),
        informatieobjecttype=str(zaaktype.informatieobjecttypen[0]),
        besluittype=str(zaaktype.besluittypen[0]),
        bronorganisatie=os.environ.get("ZGW_LIVE_BRONORGANISATIE", "000000000"),
    )


def _code(value: Any) -> Any:
    return getattr(value, "value", value)


def now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat()


def today() -> str:
    return dt.date.today().isoformat()


def zaak_body(catalogue: Catalogue, **extra: Any) -> dict[str, Any]:
    return {
        "bronorganisatie": catalogue.bronorganisatie,
        "verantwoordelijkeOrganisatie": catalogue.bronorganisatie,
        "zaaktype": catalogue.zaaktype,
        "startdatum": today(),
        "omschrijving": "zgw-client live test",
        "vertrouwelijkheidaanduiding": "openbaar",
        **extra,
    }


def rol_body(catalogue: Catalogue, zaak_url: str, bsn: str = TEST_BSN) -> dict[str, Any]:
    return {
        "zaak": zaak_url,
        "betrokkeneType": "natuurlijk_persoon",
        "roltype": catalogue.initiator_roltype,
        "roltoelichting": "initiator (zgw-client live test)",
        "betrokkeneIdentificatie": {
            "inpBsn": bsn,
            "geslachtsnaam": "Testpersoon",
            "voornamen": "Live",
        },
    }


def document_metadata(catalogue: Catalogue, **extra: Any) -> dict[str, Any]:
    return {
        "bronorganisatie": catalogue.bronorganisatie,
        "creatiedatum": today(),
        "titel": "zgw-client live test",
        "auteur": "zgw-client",
        "taal": "nld",
        "informatieobjecttype": catalogue.informatieobjecttype,
        "bestandsnaam": "live.txt",
        "formaat": "text/plain",
        "vertrouwelijkheidaanduiding": "openbaar",
        "status": "definitief",
        "indicatieGebruiksrecht": False,
        **extra,
    }


def taak_data(zaak_uuid: str | None = None, bsn: str = TEST_BSN, **extra: Any) -> dict[str, Any]:
    """A taak in the NL Portal v2 shape (``soort: url``)."""
    data: dict[str, Any] = {
        "titel": "Lever een document aan",
        "status": "open",
        "soort": "url",
        "url": {"uri": "https://example.org/formulier"},
        "identificatie": {"type": "bsn", "value": bsn},
        "verloopdatum": "2030-12-31T23:59:59Z",
        "eigenaar": "zgw-client-live",
        "verwerker_taak_id": str(uuid.uuid4()),
    }
    if zaak_uuid:
        data["koppeling"] = {"registratie": "zaak", "uuid": zaak_uuid}
    data.update(extra)
    return data


def taak_objecttype() -> str:
    return os.environ["ZGW_LIVE_TAAK_OBJECTTYPE"]
