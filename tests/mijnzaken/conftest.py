"""MijnZaken scenarios: a backend, a composer of each face, the demo and a small seeder.

Every composer test runs twice through the ``face`` fixture (``tests/conftest.py``): with
:class:`MijnZaken` on a sync client and with :class:`AsyncMijnZaken` on an async client.
Call the composer through :func:`tests.conftest.resolve`, which awaits the async face.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from zgw_client import AsyncZGWClient, ZGWClient, ZGWConfig
from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken, Policy
from zgw_client.testing import InMemoryBackend, config_for, seed_demo
from zgw_client.testing.demo import TAAK_SCHEMA, DemoScenario

#: A Wednesday: five working days later is the next Wednesday.
TODAY = dt.date(2026, 11, 25)
RSIN = "002220647"
#: Test BSNs that pass the 11-proef (and are not the demo's).
BSN = "999990111"
BSN_OTHER = "999990019"
KVK = "12345678"
VESTIGING = "000012345678"
VESTIGING_OTHER = "000087654321"


def day(offset: int, today: dt.date = TODAY) -> str:
    return (today + dt.timedelta(days=offset)).isoformat()


def moment(offset: int, time: str = "10:00:00") -> str:
    return f"{day(offset)}T{time}Z"


def uuid_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def duplicate_gets(backend: InMemoryBackend) -> dict[str, int]:
    """The URLs GET more than once since the log was last reset."""
    counts = Counter(url for method, url in backend.request_log if method == "GET")
    return {url: n for url, n in counts.items() if n > 1}


# -- composers of both faces -----------------------------------------------------------------
@pytest.fixture
def backend() -> InMemoryBackend:
    return InMemoryBackend()


@pytest.fixture
async def clients(face: str) -> AsyncIterator[Callable[..., Any]]:
    """Build clients of the current face on a backend (closed at the end of the test).

    ``services`` keeps only the named services of the backend's full configuration, to
    play a municipality that runs fewer APIs.
    """
    made: list[Any] = []

    def build(backend: InMemoryBackend, services: Iterable[str] | None = None) -> Any:
        config = config_for(backend)
        if services is not None:
            keep = set(services)
            config = ZGWConfig({k: v for k, v in config.services.items() if k in keep})
        client: Any
        if face == "sync":
            client = ZGWClient(config, http_client=httpx.Client(transport=backend.transport()))
        else:
            http = httpx.AsyncClient(transport=backend.async_transport())
            client = AsyncZGWClient(config, http_client=http)
        made.append(client)
        return client

    yield build
    for client in made:
        if isinstance(client, AsyncZGWClient):
            await client.aclose()
        else:
            client.close()


@pytest.fixture
def client(clients: Callable[..., Any], backend: InMemoryBackend) -> Any:
    """A client of the current face with every service of ``backend``."""
    return clients(backend)


@pytest.fixture
def composer(face: str, client: Any) -> Callable[..., Any]:
    """``composer(policy=..., today=..., client=...)``: a MijnZaken of the current face."""

    def build(policy: Policy | None = None, *, today: dt.date = TODAY, client: Any = client) -> Any:
        cls = MijnZaken if face == "sync" else AsyncMijnZaken
        return cls(client, policy, today=lambda: today)

    return build


@pytest.fixture
def mz(composer: Callable[..., Any]) -> Any:
    """A composer of the current face with the default (safe) policy."""
    return composer()


@pytest.fixture
def demo(backend: InMemoryBackend) -> DemoScenario:
    return seed_demo(backend, today=TODAY)


# -- hand-seeded scenarios -------------------------------------------------------------------
DEFAULT_STEPS: tuple[tuple[str, str, bool], ...] = (
    ("Ontvangen", "Wij hebben uw aanvraag ontvangen", True),
    ("In behandeling", "Wij beoordelen uw aanvraag", True),
    ("Afgehandeld", "Uw aanvraag is afgehandeld", True),
)


@dataclass
class Zaaktype:
    url: str
    statustypen: list[str]
    roltypen: dict[str, str]
    resultaattype: str


@dataclass
class Seeder:
    """Small scenarios, written as the registers would hold them."""

    backend: InMemoryBackend
    catalogus: str = ""
    _objecttype: str | None = None
    _iotypes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.catalogus = self.backend.add(
            "catalogi", "catalogussen", {"domein": "TEST", "rsin": RSIN}
        )["url"]

    def zaaktype(
        self,
        omschrijving: str = "Aanvraag vergunning",
        *,
        intern: bool = False,
        doorlooptijd: str | None = "P8W",
        steps: Iterable[tuple[str, str, bool]] = DEFAULT_STEPS,
    ) -> Zaaktype:
        url = self.backend.add(
            "catalogi",
            "zaaktypen",
            {
                "omschrijving": omschrijving,
                "catalogus": self.catalogus,
                "indicatieInternOfExtern": "intern" if intern else "extern",
                "vertrouwelijkheidaanduiding": "zaakvertrouwelijk",
                "doorlooptijd": doorlooptijd,
                "concept": False,
            },
        )["url"]
        step_list = list(steps)
        statustypen = [
            self.backend.add(
                "catalogi",
                "statustypen",
                {
                    "zaaktype": url,
                    "catalogus": self.catalogus,
                    "volgnummer": number,
                    "omschrijving": omschrijving_step,
                    "statustekst": statustekst,
                    "informeren": informeren,
                    "isEindstatus": number == len(step_list),
                },
            )["url"]
            for number, (omschrijving_step, statustekst, informeren) in enumerate(
                step_list, start=1
            )
        ]
        roltypen = {
            generiek: self.backend.add(
                "catalogi",
                "roltypen",
                {
                    "zaaktype": url,
                    "catalogus": self.catalogus,
                    "omschrijving": generiek.capitalize(),
                    "omschrijvingGeneriek": generiek,
                },
            )["url"]
            for generiek in ("initiator", "belanghebbende", "mede_initiator", "behandelaar")
        }
        resultaattype = self.backend.add(
            "catalogi",
            "resultaattypen",
            {
                "zaaktype": url,
                "catalogus": self.catalogus,
                "omschrijving": "Verleend",
                "archiefnominatie": "vernietigen",
                "archiefactietermijn": "P10Y",
                "brondatumArchiefprocedure": {"afleidingswijze": "afgehandeld"},
            },
        )["url"]
        return Zaaktype(url, statustypen, roltypen, resultaattype)

    def zaak(
        self,
        zaaktype: Zaaktype,
        *,
        bsn: str | None = BSN,
        rol: str = "initiator",
        machtiging: str = "",
        kvk: str | None = None,
        vestiging: str = "",
        start: int = -30,
        vertrouwelijkheid: str | None = None,
        omschrijving: str = "Een zaak",
        einddatum_gepland: str | None = None,
        uiterlijke_einddatum: str | bool | None = True,
        statussen: Iterable[tuple[int, int]] | None = None,
    ) -> str:
        """A zaak with one rol for ``bsn`` (or ``kvk``) and ``statussen`` (step, day offset).

        By default the zaak reached its first step on its start day.

        ``uiterlijke_einddatum``: ``True`` lets the backend derive it (start + doorlooptijd,
        as Open Zaak does), ``None`` leaves it empty (an imported zaak), a date sets it.
        """
        body: dict[str, Any] = {
            "zaaktype": zaaktype.url,
            "bronorganisatie": RSIN,
            "verantwoordelijkeOrganisatie": RSIN,
            "omschrijving": omschrijving,
            "registratiedatum": day(start),
            "startdatum": day(start),
            "einddatumGepland": einddatum_gepland,
        }
        if vertrouwelijkheid is not None:
            body["vertrouwelijkheidaanduiding"] = vertrouwelijkheid
        if isinstance(uiterlijke_einddatum, str):
            body["uiterlijkeEinddatumAfdoening"] = uiterlijke_einddatum
        url: str = self.backend.add("zaken", "zaken", body)["url"]
        if uiterlijke_einddatum is None:
            stored = self.backend.get(url)
            assert stored is not None
            stored["uiterlijkeEinddatumAfdoening"] = None
        if bsn is not None:
            self.rol_persoon(url, zaaktype, bsn, rol=rol, machtiging=machtiging)
        if kvk is not None:
            self.rol_bedrijf(url, zaaktype, kvk, vestiging=vestiging)
        for step, offset in [(0, start)] if statussen is None else statussen:
            self.status(url, zaaktype.statustypen[step], moment(offset, f"{10 + step:02d}:00:00"))
        return url

    def rol_persoon(
        self,
        zaak: str,
        zaaktype: Zaaktype,
        bsn: str,
        *,
        rol: str = "initiator",
        machtiging: str = "",
    ) -> str:
        return str(
            self.backend.add(
                "zaken",
                "rollen",
                {
                    "zaak": zaak,
                    "roltype": zaaktype.roltypen[rol],
                    "betrokkeneType": "natuurlijk_persoon",
                    "roltoelichting": rol,
                    "indicatieMachtiging": machtiging,
                    "betrokkeneIdentificatie": {"inpBsn": bsn, "geslachtsnaam": "Jansen"},
                },
            )["url"]
        )

    def rol_bedrijf(self, zaak: str, zaaktype: Zaaktype, kvk: str, *, vestiging: str = "") -> str:
        return str(
            self.backend.add(
                "zaken",
                "rollen",
                {
                    "zaak": zaak,
                    "roltype": zaaktype.roltypen["initiator"],
                    "betrokkeneType": "niet_natuurlijk_persoon",
                    "roltoelichting": "Aanvrager",
                    "betrokkeneIdentificatie": {
                        "kvkNummer": kvk,
                        "vestigingsNummer": vestiging,
                        "statutaireNaam": "Test B.V.",
                    },
                },
            )["url"]
        )

    def status(self, zaak: str, statustype: str, at: str) -> str:
        return str(
            self.backend.add(
                "zaken",
                "statussen",
                {"zaak": zaak, "statustype": statustype, "datumStatusGezet": at},
            )["url"]
        )

    def close(self, zaak: str, zaaktype: Zaaktype, offset: int) -> None:
        """Give the zaak a resultaat and its eindstatus (which sets ``einddatum``)."""
        self.backend.add(
            "zaken",
            "resultaten",
            {"zaak": zaak, "resultaattype": zaaktype.resultaattype, "toelichting": "Verleend"},
        )
        self.status(zaak, zaaktype.statustypen[-1], moment(offset, "16:00:00"))

    def iotype(self, omschrijving: str = "Brief") -> str:
        if omschrijving not in self._iotypes:
            self._iotypes[omschrijving] = self.backend.add(
                "catalogi",
                "informatieobjecttypen",
                {
                    "catalogus": self.catalogus,
                    "omschrijving": omschrijving,
                    "vertrouwelijkheidaanduiding": "openbaar",
                    "beginGeldigheid": "2023-01-01",
                    "concept": False,
                },
            )["url"]
        return self._iotypes[omschrijving]

    def document(
        self,
        zaak: str,
        titel: str,
        *,
        status: str = "definitief",
        vertrouwelijkheid: str = "openbaar",
    ) -> str:
        document: str = self.backend.add(
            "documenten",
            "enkelvoudiginformatieobjecten",
            {
                "bronorganisatie": RSIN,
                "creatiedatum": day(-1),
                "titel": titel,
                "vertrouwelijkheidaanduiding": vertrouwelijkheid,
                "auteur": "Gemeente",
                "status": status,
                "formaat": "application/pdf",
                "taal": "dut",
                "bestandsnaam": f"{titel}.pdf",
                "bestandsomvang": 1234,
                "informatieobjecttype": self.iotype(),
                "indicatieGebruiksrecht": False,
            },
        )["url"]
        self.backend.add(
            "zaken",
            "zaakinformatieobjecten",
            {"informatieobject": document, "zaak": zaak, "titel": titel},
        )
        return document

    def objecttype(self) -> str:
        if self._objecttype is None:
            self._objecttype = self.backend.add(
                "objecten", "objecttypes", {"name": "Taak", "namePlural": "Taken"}
            )["url"]
            self.backend.add(
                "objecten",
                "objecttype-versions",
                {
                    "objectType": self._objecttype,
                    "version": 1,
                    "status": "published",
                    "jsonSchema": TAAK_SCHEMA,
                },
            )
        return self._objecttype

    def taak(
        self,
        titel: str,
        *,
        bsn: str = BSN,
        zaak: str | None = None,
        verloop: int | None = None,
        status: str = "open",
    ) -> str:
        data: dict[str, Any] = {
            "titel": titel,
            "status": status,
            "soort": "url",
            "url": {"uri": "https://example.org/doe-iets"},
            "identificatie": {"type": "bsn", "value": bsn},
            "eigenaar": "gzac",
            "verwerker_taak_id": "0b5a7c0e-1c61-4d1e-9a43-8b2c6b1f7f0a",
        }
        if zaak is not None:
            data["koppeling"] = {"registratie": "zaak", "uuid": uuid_of(zaak)}
        if verloop is not None:
            data["verloopdatum"] = f"{day(verloop)}T23:59:59Z"
        return str(
            self.backend.add(
                "objecten",
                "objects",
                {
                    "type": self.objecttype(),
                    "record": {"typeVersion": 1, "data": data, "startAt": day(-1)},
                },
            )["url"]
        )


@pytest.fixture
def seeder(backend: InMemoryBackend) -> Seeder:
    return Seeder(backend)
