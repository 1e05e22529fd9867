"""Benchmark: the citizen's home page next to today's MijnZaken overview, in the same run.

The scenario: the benchmark citizen of ``mijnzaken_overview.py`` (25 zaken, 6 open taken in
the Objects API) plus the Dienstverleningsplatform of the demo (Open VTB berichten and
taken, an Open Product product, see ``seed_platform``) and, per scenario of ``--others``,
that many berichten and taken of other citizens: Open VTB 0.1.0 cannot filter its lists, so
a home page reads them whole, 500 a page. The in-memory backend serves it on 127.0.0.1 in a
separate process, every answer taking ``--latency`` seconds (default 20 ms) from when its
request came in (its own work counts towards that, and beyond it when it is more).

Compared, each with a new client (empty catalogi cache, new connections) per run:

* ``AsyncMijnZaken.overview``: today's overview (zaken and the Objects API's taken),
* ``AsyncHomePage.compose`` with only the zaken part switched on (the plan's own cost),
* ``AsyncHomePage.compose`` with every part: zaken, taken of both registers, berichten,
  producten,
* the same two on the sync face.

And the lower bound: the longest chain of dependent requests (the zaken, then their
catalogi; an Open VTB list's first page, then its other pages) times the latency.

    pip install -e ".[cli]"
    python benchmarks/home_page.py [--runs 5] [--latency 0.02] [--others 0 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The sibling script, for its measuring (benchmarks/ is not a package).
from mijnzaken_overview import (
    TLS,
    Result,
    Trace,
    _async_hooks,
    _free_port,
    _hooks,
    _limits,
)

from zgw_client import AsyncZGWClient, ZGWClient, ZGWConfig
from zgw_client.mijnzaken import (
    AsyncHomePage,
    AsyncMijnZaken,
    HomePage,
    HomePageView,
    HomeParts,
    MijnZaken,
    Overview,
    Policy,
)
from zgw_client.testing import InMemoryBackend, config_for
from zgw_client.testing.demo import DEMO_BSN, seed_benchmark, seed_platform, stable_uuid

#: Two OTHER citizens' BSNs (11-proef valid), whose berichten and taken share the lists.
OTHERS = ("999990019", "999990111")
ZAKEN_ONLY = HomeParts(taken=False, berichten=False, producten=False)


# -- the scenario ------------------------------------------------------------------------------
def seed(backend: InMemoryBackend, others: int, today: dt.date | None = None) -> None:
    """The benchmark citizen with the demo's platform parts, and ``others`` berichten and
    ``others`` taken of other citizens."""
    day = today or dt.date.today()
    scenario = seed_benchmark(backend, today=day)
    seed_platform(backend, today=day, parkeerbon_zaak=scenario.zaken[0])
    published = dt.datetime.combine(day, dt.time(9), dt.timezone.utc) - dt.timedelta(days=1)
    for n in range(others):
        party = f"urn:nld:brp:bsn:{OTHERS[n % 2]}"
        backend.add(
            "berichten",
            "berichten",
            {
                "uuid": stable_uuid(f"bench-bericht:{n}"),
                "onderwerp": f"Bericht {n}",
                "berichtTekst": "Tekst",
                "publicatiedatum": published.isoformat(),
                "ontvanger": party,
                "geopendOp": None,
                "handelingsPerspectief": "lezen",
                "mijnOverheidBerichtenbox": False,
            },
        )
        backend.add(
            "taken",
            "externetaken",
            {
                "uuid": stable_uuid(f"bench-taak:{n}"),
                "titel": f"Taak {n}",
                "status": "open",
                "startdatum": day.isoformat(),
                "handelingsPerspectief": "bekijken",
                "einddatumHandelingsTermijn": (day + dt.timedelta(days=7)).isoformat(),
                "isToegewezenAan": party,
                "taakSoort": "urltaak",
                "details": {"uitvraagLink": "https://www.denhaag.nl/nl/formulier"},
            },
        )


def serve_forever(port: int, latency: float, others: int) -> None:
    """The server process: seed, serve, say so, wait to be terminated."""
    backend = InMemoryBackend(latency=latency)
    seed(backend, others)
    with backend.serve(port=port):
        print("ready", flush=True)
        while True:
            time.sleep(3600)


@contextmanager
def served(latency: float, others: int) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, __file__, "--serve", str(port), "--latency", str(latency)]
    process = subprocess.Popen(
        [*command, "--others", str(others)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    try:
        line = process.stdout.readline().decode() if process.stdout else ""
        if line.strip() != "ready":
            rest = process.stdout.read().decode() if process.stdout else ""
            raise SystemExit(f"the server did not start:\n{line}{rest}")
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


# -- the runs ----------------------------------------------------------------------------------
Compose = Callable[[Any, Policy], Any]

WAYS: dict[str, tuple[Compose, Compose]] = {
    # name: (async composition, sync composition), each on a new client.
    "MijnZaken overview (today)": (
        lambda c, p: AsyncMijnZaken(c, p).overview(bsn=DEMO_BSN),
        lambda c, p: MijnZaken(c, p).overview(bsn=DEMO_BSN),
    ),
    "home page, zaken part only": (
        lambda c, p: AsyncHomePage(c, p, ZAKEN_ONLY).compose(bsn=DEMO_BSN),
        lambda c, p: HomePage(c, p, ZAKEN_ONLY).compose(bsn=DEMO_BSN),
    ),
    "home page, every part": (
        lambda c, p: AsyncHomePage(c, p).compose(bsn=DEMO_BSN),
        lambda c, p: HomePage(c, p).compose(bsn=DEMO_BSN),
    ),
}


def _check(page: Overview | HomePageView) -> None:
    if page.missing:
        raise SystemExit(f"incomplete: {page.missing}")
    if not page.lopende_zaken:
        raise SystemExit("no zaken: is the scenario served?")


def run_async(config: ZGWConfig, policy: Policy, name: str, runs: int) -> Result:
    compose = WAYS[name][0]

    async def main() -> Result:
        seconds: list[float] = []
        trace = Trace()
        for _ in range(runs):
            trace = Trace()
            http = httpx.AsyncClient(
                event_hooks=_async_hooks(trace), limits=_limits(policy), verify=TLS
            )
            async with AsyncZGWClient(config, http_client=http) as client:
                started = time.perf_counter()
                page = await compose(client, policy)
                seconds.append(time.perf_counter() - started)
                _check(page)
        return Result(f"async: {name}", seconds, trace.count, trace.depth())

    return asyncio.run(main())


def run_sync(config: ZGWConfig, policy: Policy, name: str, runs: int) -> Result:
    compose = WAYS[name][1]
    seconds: list[float] = []
    trace = Trace()
    for _ in range(runs):
        trace = Trace()
        http = httpx.Client(event_hooks=_hooks(trace), limits=_limits(policy), verify=TLS)
        with ZGWClient(config, http_client=http) as client:
            started = time.perf_counter()
            page = compose(client, policy)
            seconds.append(time.perf_counter() - started)
            _check(page)
    return Result(f"sync:  {name}", seconds, trace.count, trace.depth())


#: The longest chain of dependent requests of either composition: the zaken list, then the
#: zaaktype and its statustypen; an Open VTB list's first page, then the rest at once.
CHAIN = 2


def measure(url: str, policy: Policy, runs: int) -> list[Result]:
    config = config_for(InMemoryBackend(), base_url=url)
    results = [run_async(config, policy, name, runs) for name in WAYS]
    results += [run_sync(config, policy, name, runs) for name in WAYS if "zaken part" not in name]
    return results


def report(results: list[Result], latency: float) -> None:
    print(f"{'composition':42} {'median':>9} {'requests':>9} {'depth':>6}")
    for r in results:
        print(f"{r.name:42} {r.median * 1000:7.0f}ms {r.requests:9d} {r.depth:6d}")
    bound = CHAIN * latency
    print(
        f"{'lower bound (chain x latency)':42} {bound * 1000:7.0f}ms"
        f"   = {CHAIN} dependent requests x {latency * 1000:.0f} ms"
    )
    overview, home = results[0], results[2]
    print(
        f"  home page / overview: {home.median / overview.median:4.2f}x the time, "
        f"{home.requests - overview.requests:+d} requests"
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--latency", type=float, default=0.02)
    parser.add_argument("--concurrency", type=int, default=Policy().concurrency)
    parser.add_argument(
        "--others",
        type=int,
        nargs="+",
        default=[0, 1000],
        help="berichten and taken of other citizens each; one scenario per number",
    )
    parser.add_argument("--serve", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve is not None:
        serve_forever(args.serve, args.latency, args.others[0])
        return 0
    policy = Policy(concurrency=args.concurrency)
    print(
        "scenario: 1 citizen, 25 zaken, 6 open taken in the Objects API; on Open VTB 2 "
        "berichten and 2 taken of theirs; 1 product in Open Product; every answer takes "
        f"{args.latency * 1000:.0f} ms; concurrency {args.concurrency}; median of {args.runs} "
        "runs, each on a new client (cold catalogi cache, new connections)"
    )
    for others in args.others:
        pages = 1 + (others + 2) // 500
        print(
            f"\n== {others} berichten and {others} taken of other citizens beside them "
            f"(Open VTB cannot filter: {pages} page(s) of 500 per list)"
        )
        with served(args.latency, others) as url:
            report(measure(url, policy, args.runs), args.latency)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
