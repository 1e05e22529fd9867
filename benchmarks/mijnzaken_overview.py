"""Benchmark: compose a citizen's "Mijn Zaken" three ways and print the figures side by side.

The scenario (``zgw serve --scenario benchmark``): one citizen with 25 zaken, each with 4
statussen, 3 documents, 1 besluit and 2 contact moments, and 6 open taken, served on
127.0.0.1 by the in-memory backend in a separate process, every answer taking ``--latency``
seconds (default 20 ms) from when its request came in: the test double's own work counts
towards it, as a real server's response time includes its work. So ``chain x latency`` is a
true lower bound, and the distance to it is the client's (and the HTTP stack's) overhead.

Compared, each composing the overview, and the overview with every zaak's detail (steps with
dates, documents, besluiten, contact moments):

* zgw-client ``AsyncMijnZaken`` (cold: empty catalogi cache and a new HTTP client; warm:
  second run; open conns: empty catalogi cache on an HTTP pool with open connections),
* zgw-client ``MijnZaken`` (the sync face, on a thread pool),
* ``AsyncMijnZaken`` on the backend as an in-process transport with the same latency ("no
  sockets"): what the composition costs without the HTTP stack,
* a sequential baseline written as an integrator would today with gemma-zds-client.

And the lower bound: the longest chain of dependent requests times the latency.

    pip install -e ".[cli,benchmark]"
    python benchmarks/mijnzaken_overview.py [--runs 5] [--latency 0.02] [--concurrency 8]

Against a real stack: ``--real`` with the ``ZGW_*`` variables set and ``--bsn`` runs
``benchmarks/real_stack.py`` (the SDK against a hand-tuned httpx variant and this baseline,
with the servers' CPU time per overview).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx

from zgw_client import AsyncZGWClient, ZGWClient, ZGWConfig
from zgw_client.mijnzaken import AsyncMijnZaken, MijnZaken, Overview, Policy
from zgw_client.testing import InMemoryBackend, config_for
from zgw_client.testing.demo import DEMO_BSN, seed_benchmark


# -- measuring -------------------------------------------------------------------------------
@dataclass
class Trace:
    """Every request's start and end, to count them and find the dependency depth."""

    spans: list[tuple[float, float]] = field(default_factory=list)
    urls: list[str] = field(default_factory=list)
    _open: dict[int, float] = field(default_factory=dict)

    def start(self, key: int, url: str) -> None:
        self._open[key] = time.perf_counter()
        self.urls.append(url)

    def end(self, key: int) -> None:
        started = self._open.pop(key, None)
        if started is not None:
            self.spans.append((started, time.perf_counter()))

    @property
    def count(self) -> int:
        return len(self.spans)

    def depth(self) -> int:
        """Requests that could only start after an earlier one ended, chained: a request's
        level is 1 + the highest level of the requests that ended before it started."""
        levels: list[tuple[float, int]] = []  # (end, level)
        depth = 0
        for start, end in sorted(self.spans):
            level = 1 + max((lvl for done, lvl in levels if done <= start), default=0)
            levels.append((end, level))
            depth = max(depth, level)
        return depth


def _hooks(trace: Trace) -> dict[str, list[Callable[..., Any]]]:
    def on_request(request: httpx.Request) -> None:
        trace.start(id(request), str(request.url))

    def on_response(response: httpx.Response) -> None:
        trace.end(id(response.request))

    return {"request": [on_request], "response": [on_response]}


def _async_hooks(trace: Trace) -> dict[str, list[Callable[..., Any]]]:
    async def on_request(request: httpx.Request) -> None:
        trace.start(id(request), str(request.url))

    async def on_response(response: httpx.Response) -> None:
        trace.end(id(response.request))

    return {"request": [on_request], "response": [on_response]}


@dataclass
class Result:
    name: str
    seconds: list[float]
    requests: int
    depth: int
    catalogi_requests: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


# -- the server ------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def served_backend(latency: float) -> Iterator[str]:
    """``zgw serve --scenario benchmark`` in its own process (its CPU is not ours)."""
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "zgw_client.cli",
            "serve",
            "--scenario",
            "benchmark",
            "--port",
            str(port),
            "--latency",
            str(latency),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                httpx.get(url + "/zaken/api/v1/", timeout=1)
                break
            except httpx.TransportError:
                if process.poll() is not None:
                    output = process.stdout.read().decode() if process.stdout else ""
                    raise SystemExit(f"zgw serve exited:\n{output}") from None
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- the three ways --------------------------------------------------------------------------
#: One TLS context for every HTTP client of the runs, as a portal has: building one (loading
#: the CA bundle) costs about 40 ms of CPU here, and done right before a timed run it also
#: slowed that run by some 4 ms (measured), which is not composing.
TLS = httpx.create_ssl_context()


def run_async(
    config: ZGWConfig,
    policy: Policy,
    bsn: str,
    runs: int,
    *,
    details: bool,
    transport: Callable[[], httpx.AsyncBaseTransport] | None = None,
    open_connections: bool = False,
) -> tuple[Result, Result]:
    """Each run a new client (empty catalogi cache, new connections) composes twice: cold,
    then warm.

    ``open_connections`` keeps one HTTP pool, opened beforehand, for every run, as in a
    portal whose long-lived pool outlives the cache (the lower bound counts requests, not
    TCP connects); otherwise each run also opens new connections.
    """

    def new_http(trace: Trace) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            event_hooks=_async_hooks(trace),
            limits=_limits(policy),
            transport=transport() if transport else None,
            verify=TLS,
        )

    async def main() -> tuple[Result, Result]:
        cold: list[float] = []
        warm: list[float] = []
        cold_trace = warm_trace = Trace()
        shared = new_http(Trace()) if open_connections else None
        if shared is not None:
            async with AsyncZGWClient(config, http_client=shared) as client:
                _check(await AsyncMijnZaken(client, policy).overview(bsn=bsn, details=details))
        for _ in range(runs):
            cold_trace = Trace()
            http = shared or new_http(cold_trace)
            http.event_hooks = _async_hooks(cold_trace)
            async with AsyncZGWClient(config, http_client=http) as client:
                composer = AsyncMijnZaken(client, policy)
                started = time.perf_counter()
                overview = await composer.overview(bsn=bsn, details=details)
                cold.append(time.perf_counter() - started)
                _check(overview)
                warm_trace = Trace()
                http.event_hooks = _async_hooks(warm_trace)
                started = time.perf_counter()
                _check(await composer.overview(bsn=bsn, details=details))
                warm.append(time.perf_counter() - started)
            if shared is None:
                await http.aclose()
        if shared is not None:
            await shared.aclose()
        return (
            Result("zgw-client async, cold cache", cold, cold_trace.count, cold_trace.depth()),
            Result(
                "zgw-client async, warm cache",
                warm,
                warm_trace.count,
                warm_trace.depth(),
                catalogi_requests=_catalogi(warm_trace.urls),
            ),
        )

    return asyncio.run(main())


def _limits(policy: Policy) -> httpx.Limits:
    return httpx.Limits(
        max_connections=policy.concurrency, max_keepalive_connections=policy.concurrency
    )


def _catalogi(urls: list[str]) -> int:
    return sum(1 for url in urls if "/catalogi/" in url)


def run_sync(config: ZGWConfig, policy: Policy, bsn: str, runs: int, *, details: bool) -> Result:
    seconds = []
    trace = Trace()
    for _ in range(runs):
        trace = Trace()
        http = httpx.Client(event_hooks=_hooks(trace), limits=_limits(policy), verify=TLS)
        with ZGWClient(config, http_client=http) as client:
            started = time.perf_counter()
            _check(MijnZaken(client, policy).overview(bsn=bsn, details=details))
            seconds.append(time.perf_counter() - started)
        http.close()
    return Result("zgw-client sync, cold cache", seconds, trace.count, trace.depth())


def _check(overview: Overview) -> None:
    if overview.missing:
        raise SystemExit(f"incomplete overview: {overview.missing}")
    if len(overview.lopende_zaken) + len(overview.afgeronde_zaken) == 0:
        raise SystemExit("the overview is empty: is the benchmark scenario served?")


@dataclass
class Secrets:
    """What the baseline needs to authenticate (gemma-zds-client has JWT only)."""

    client_id: str
    secret: str
    klant_token: str
    objects_token: str


def run_baseline(
    roots: dict[str, str], secrets: Secrets, bsn: str, runs: int, *, details: bool
) -> Result:
    """One request after another with gemma-zds-client, as portals are written today."""
    try:
        from zds_client import Client, ClientAuth
    except ImportError:
        raise SystemExit(
            "pip install gemma-zds-client (or: pip install -e '.[benchmark]')"
        ) from None

    seconds = []
    trace = Trace()
    for _ in range(runs):
        trace = Trace()
        counter = _RequestsCounter(trace)
        auth = ClientAuth(client_id=secrets.client_id, secret=secrets.secret)
        clients = {
            name: Client(
                roots[name],
                auth=None if name in ("klantinteracties", "objecten") else auth,
                request_hooks={"response": counter.hook},
            )
            for name in roots
        }
        for client in clients.values():
            client.schema = {"paths": {}}  # skip fetching the OAS; costs the baseline nothing
        started = time.perf_counter()
        _baseline_overview(clients, secrets, bsn, details=details)
        seconds.append(time.perf_counter() - started)
    return Result("sequential, gemma-zds-client", seconds, trace.count, trace.depth())


class _RequestsCounter:
    def __init__(self, trace: Trace) -> None:
        self.trace = trace
        self.last_end = time.perf_counter()

    def hook(self, response: Any, *args: Any, **kwargs: Any) -> Any:
        # requests gives elapsed time per response; rebuild the span from it.
        end = time.perf_counter()
        self.trace.spans.append((end - response.elapsed.total_seconds(), end))
        self.trace.urls.append(response.url)
        return response


def _baseline_overview(
    clients: dict[str, Any], secrets: Secrets, bsn: str, *, details: bool
) -> dict[str, Any]:
    crs = {"headers": {"Accept-Crs": "EPSG:4326"}}
    klant_headers = {"headers": {"Authorization": f"Token {secrets.klant_token}"}}
    objects_headers = {"headers": {"Authorization": f"Token {secrets.objects_token}"}}
    zrc, ztc, drc, brc = (clients[n] for n in ("zaken", "catalogi", "documenten", "besluiten"))
    kic, objecten = clients["klantinteracties"], clients["objecten"]

    def all_pages(
        client: Any, url: str, params: dict[str, Any], kwargs: dict[str, Any]
    ) -> list[Any]:
        items: list[Any] = []
        page = client.request(url, "list", params=params, request_kwargs=kwargs)
        while True:
            items.extend(page["results"] if isinstance(page, dict) else page)
            if not isinstance(page, dict) or not page.get("next"):
                return items
            page = client.request(page["next"], "list", request_kwargs=kwargs)

    zaken = all_pages(
        zrc, "zaken", {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn}, crs
    )
    zaaktypen: dict[str, Any] = {}  # an integrator caches these
    overview = []
    for zaak in zaken:
        rollen = all_pages(zrc, "rollen", {"zaak": zaak["url"]}, {})
        if not any(
            r.get("omschrijvingGeneriek") == "initiator"
            and (r.get("betrokkeneIdentificatie") or {}).get("inpBsn") == bsn
            for r in rollen
        ):
            continue
        if zaak["zaaktype"] not in zaaktypen:
            zaaktypen[zaak["zaaktype"]] = ztc.retrieve("zaaktype", url=zaak["zaaktype"])
        zaaktype = zaaktypen[zaak["zaaktype"]]
        if zaaktype.get("indicatieInternOfExtern") != "extern":
            continue
        statustypen = all_pages(ztc, "statustypen", {"zaaktype": zaak["zaaktype"]}, {})
        status = zrc.retrieve("status", url=zaak["status"]) if zaak.get("status") else None
        statustype = ztc.retrieve("statustype", url=status["statustype"]) if status else None
        resultaat = None
        if zaak.get("resultaat"):
            resultaat = zrc.retrieve("resultaat", url=zaak["resultaat"])
            resultaat["_type"] = ztc.retrieve("resultaattype", url=resultaat["resultaattype"])
        if not details:
            overview.append((zaak, zaaktype, statustypen, status, statustype, resultaat))
            continue
        statussen = all_pages(zrc, "statussen", {"zaak": zaak["url"]}, {})
        documents = []
        for zio in all_pages(zrc, "zaakinformatieobjecten", {"zaak": zaak["url"]}, {}):
            document = drc.retrieve("enkelvoudiginformatieobject", url=zio["informatieobject"])
            iotype = ztc.retrieve("informatieobjecttype", url=document["informatieobjecttype"])
            documents.append((document, iotype))
        besluiten = []
        for besluit in all_pages(brc, "besluiten", {"zaak": zaak["url"]}, {}):
            besluittype = ztc.retrieve("besluittype", url=besluit["besluittype"])
            besluiten.append((besluit, besluittype))
        contacts = all_pages(
            kic,
            "klantcontacten",
            {"onderwerpobject__onderwerpobjectidentificatorObjectId": zaak["uuid"]},
            klant_headers,
        )
        parts = (status, statustype, resultaat, statussen, documents, besluiten, contacts)
        overview.append((zaak, zaaktype, statustypen, *parts))
    taken = all_pages(
        objecten,
        "objects",
        {"data_attr": [f"identificatie__value__exact__{bsn}", "status__exact__open"]},
        objects_headers,
    )
    return {"zaken": overview, "taken": taken}


# -- report ----------------------------------------------------------------------------------
#: The longest chain of requests that depend on each other, per composition (cold cache):
#: the zaken list (status and resultaat embedded; with details also the
#: zaakinformatieobjecten) -> the zaaktype and its statustypen; with details also, beside
#: them, the zaaktype's besluittypen and per zaak its statussen and besluiten, and one
#: documents search -> the informatieobjecttypen of the documents found. The rollen, the
#: taken and the citizen's klantcontacten run beside the zaken list.
CHAIN = {False: 2, True: 3}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument(
        "--concurrency", type=int, default=Policy().concurrency, help="Policy.concurrency"
    )
    parser.add_argument("--real", action="store_true", help="use ZGW_* services instead")
    parser.add_argument("--bsn", default=DEMO_BSN)
    parser.add_argument(
        "--no-expand", action="store_true", help="Policy(use_expand=False): more, cheaper requests"
    )
    args = parser.parse_args(argv)
    policy = Policy(concurrency=args.concurrency, use_expand=not args.no_expand)

    if args.real:
        # The real-stack benchmark, with the hand-tuned bound and server CPU: its own script.
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import real_stack

        return int(
            real_stack.main(
                [
                    "--bsn",
                    args.bsn,
                    "--runs",
                    str(max(7, args.runs)),
                    "--concurrency",
                    str(args.concurrency),
                ]
            )
        )

    backend = InMemoryBackend()  # for its default credentials only
    print(
        f"scenario: 1 citizen, 25 zaken x (4 statussen, 3 documents, 1 besluit, 2 contact "
        f"moments), 6 open taken; every answer takes {args.latency * 1000:.0f} ms; "
        f"concurrency {args.concurrency}; median of {args.runs} runs\n"
    )
    with served_backend(args.latency) as url:
        config = config_for(backend, base_url=url)
        roots = {name: svc.api_root for name, svc in config.services.items()}
        # The same scenario without sockets: the backend as an httpx transport in this
        # process, each answer taking the same latency. The distance between the two cold
        # figures is what the HTTP stack (httpx, the loopback, http.server) costs.
        in_process = InMemoryBackend(latency=args.latency)
        seed_benchmark(in_process)
        for details in (False, True):
            cold, warm = run_async(config, policy, args.bsn, args.runs, details=details)
            open_conns, _ = run_async(
                config, policy, args.bsn, args.runs, details=details, open_connections=True
            )
            open_conns.name = "zgw-client async, cold, open conns"
            sync = run_sync(config, policy, args.bsn, args.runs, details=details)
            no_sockets, _ = run_async(
                config_for(in_process),
                policy,
                args.bsn,
                args.runs,
                details=details,
                transport=in_process.async_transport,
            )
            no_sockets.name = "zgw-client async, cold, no sockets"
            secrets = Secrets(
                backend.jwt_client_id, backend.jwt_secret, backend.token, backend.token
            )
            baseline = run_baseline(
                roots, secrets, args.bsn, max(1, min(args.runs, 3)), details=details
            )
            _report(
                details,
                [cold, warm, open_conns, sync, no_sockets, baseline],
                latency=args.latency,
                concurrency=args.concurrency,
            )
    return 0


def _report(
    details: bool, results: list[Result], *, latency: float | None, concurrency: int
) -> None:
    title = "overview + every zaak's detail" if details else "overview"
    print(f"== {title}")
    print(f"{'approach':34} {'median':>9} {'requests':>9} {'depth':>6}")
    for r in results:
        print(f"{r.name:34} {r.median * 1000:7.0f}ms {r.requests:9d} {r.depth:6d}")
    cold = results[0]
    if latency is not None:
        bound = CHAIN[details] * latency
        print(
            f"{'lower bound (chain x latency)':34} {bound * 1000:7.0f}ms"
            f"   = {CHAIN[details]} dependent requests x {latency * 1000:.0f} ms"
        )
        # Each request takes the latency, at most `concurrency` at once: a second bound.
        rounds = max(CHAIN[details], -(-cold.requests // concurrency))
        if rounds > CHAIN[details]:
            print(
                f"{'lower bound at this concurrency':34} {rounds * latency * 1000:7.0f}ms"
                f"   = {cold.requests} requests / {concurrency} at once, x {latency * 1000:.0f} ms"
            )
        # The target is for the overview; with every detail the bound at the
        # chosen concurrency below is the one to compare with.
        target = "(target <= 1.5x)" if not details else "(no target: see below)"
        print(f"  async / lower bound:     {cold.median / bound:5.2f}x  {target}")
        open_conns = next((r for r in results if "open conns" in r.name), None)
        if open_conns is not None:
            print(f"    with open connections: {open_conns.median / bound:5.2f}x")
        if rounds > CHAIN[details]:
            print(f"  async / bound at concurrency: {cold.median / (rounds * latency):5.2f}x")
    baseline = next((r for r in results if "gemma" in r.name), None)
    if baseline is not None:
        print(f"  baseline / async:        {baseline.median / cold.median:5.1f}x  (target >= 8x)")
    warm = next((r for r in results if "warm" in r.name), None)
    if warm is not None:
        print(f"  catalogi requests, warm: {warm.catalogi_requests}  (target 0)")
    print()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
