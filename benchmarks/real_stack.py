"""Benchmark on a real stack: the SDK's MijnZaken overview against the hand-tuned httpx
variant and the gemma-zds-client baseline, with the servers' CPU time per overview.

Every round runs each variant once, in a rotating order, so that whatever else the machine
does affects all of them alike; each figure is the median over ``--runs`` rounds (at least
7). Per overview: the wall time, the requests sent and the CPU seconds the server processes
used (``utime + stime`` from ``/proc/<pid>/stat``, plus ``cutime + cstime``: what their
exited children used, such as PostgreSQL backends of closed connections and recycled uwsgi
workers). The processes are found by their command line (``--server NAME=REGEX``,
repeatable; the defaults match uwsgi on ports 8000, 8001 and 8003 and every PostgreSQL
process). Only Linux has ``/proc``; elsewhere the CPU columns are empty.

Variants:

* ``zgw-client``: ``AsyncMijnZaken`` on a new ``AsyncZGWClient`` per overview (empty
  catalogi cache) over one keep-alive HTTP pool, as a portal process has;
* ``zgw-client, warm``: one long-lived client, its catalogi cache warm;
* ``zgw-client, no tricks``: as the first, with the executor's scheduling tricks (request
  priorities and the ``sleep(0)`` head start of the urgent ones) switched off;
* ``hand-tuned``: ``benchmarks/handtuned_overview.py`` on one keep-alive client;
* ``gemma-zds-client``: the sequential baseline of ``mijnzaken_overview.py``.

    ZGW_* variables as for the live suite; seed the citizen with benchmarks/seed_stack.py
    python benchmarks/real_stack.py --bsn 999990111 [--runs 7] [--server oz='uwsgi.*:8000']
"""

from __future__ import annotations

import argparse
import asyncio
import heapq
import importlib.util
import os
import re
import statistics
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

from zgw_client import AsyncZGWClient, ZGWConfig
from zgw_client.mijnzaken import AsyncMijnZaken, Overview, Policy

HERE = Path(__file__).resolve().parent
DEFAULT_SERVERS = {
    "Open Zaak": r"uwsgi .*--http \S*:8000\b",
    "PostgreSQL": r"^postgres[: ]|/bin/postgres ",
    "Open Klant": r"uwsgi .*--http \S*:8001\b",
    "Objects": r"uwsgi .*--http \S*:8003\b",
}
TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, HERE / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


# -- server CPU ------------------------------------------------------------------------------
def matching_pids(pattern: str) -> list[int]:
    """The processes whose command line matches ``pattern``."""
    found = []
    regex = re.compile(pattern)
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as cmdline:
                command = cmdline.read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        if command and regex.search(command):
            found.append(int(entry))
    return found


def cpu_seconds(pattern: str) -> float:
    """CPU seconds used so far by the matching processes and their reaped children."""
    total = 0
    for pid in matching_pids(pattern):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        # After the command: state, ppid, ... utime (14th field), stime, cutime, cstime.
        total += sum(int(value) for value in fields[11:15])
    return total / TICK


@dataclass
class Meter:
    servers: dict[str, str]

    def read(self) -> dict[str, float]:
        return {name: cpu_seconds(pattern) for name, pattern in self.servers.items()}


# -- variants --------------------------------------------------------------------------------
@dataclass
class Sample:
    seconds: float
    requests: int
    cpu: dict[str, float]


@dataclass
class Variant:
    name: str
    run: Callable[[], Awaitable[int]]  # one overview; returns the requests it sent
    samples: list[Sample] = field(default_factory=list)

    def median(self, pick: Callable[[Sample], float]) -> float:
        return statistics.median(pick(s) for s in self.samples)


class Counter:
    def __init__(self) -> None:
        self.count = 0

    async def hook(self, request: httpx.Request) -> None:
        self.count += 1


@contextmanager
def without_scheduling_tricks() -> Iterator[None]:
    """The executor without its millisecond tricks: requests in the order asked (no
    priorities) and no ``sleep(0)`` to let urgent ones go first."""
    from zgw_client import _executor

    class Fifo(_executor._Queue):  # type: ignore[type-arg]
        def extend(self, requests: Any) -> None:
            for request in requests:
                heapq.heappush(self._heap, (0, next(self._order), request))

    class NoSleep:
        def __getattr__(self, name: str) -> Any:
            return getattr(asyncio, name)

        @staticmethod
        async def sleep(delay: float, result: Any = None) -> Any:
            return result

    saved = {name: getattr(_executor, name) for name in ("_Queue", "asyncio")}
    setattr(_executor, "_Queue", Fifo)  # noqa: B010 (a module attribute, swapped back)
    setattr(_executor, "asyncio", NoSleep())  # noqa: B010
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(_executor, name, value)


def _check(overview: Overview, details: bool) -> None:
    if overview.missing or (details and not overview.complete):
        raise SystemExit(f"incomplete overview: {overview.missing}")
    if not overview.lopende_zaken and not overview.afgeronde_zaken:
        raise SystemExit("the overview is empty: seed the citizen (benchmarks/seed_stack.py)")


async def measure(
    config: ZGWConfig,
    bsn: str,
    *,
    details: bool,
    runs: int,
    meter: Meter,
    concurrency: int,
    baseline: Callable[[], int] | None,
) -> list[Variant]:
    handtuned = _load("handtuned_overview")
    policy = Policy(concurrency=concurrency)
    counter = Counter()
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    pool = httpx.AsyncClient(limits=limits, event_hooks={"request": [counter.hook]})
    warm_client = AsyncZGWClient(config, http_client=pool)
    roots = {name: svc.api_root for name, svc in config.services.items()}
    env = os.environ
    stack = handtuned.Stack(
        roots,
        env.get("ZGW_ZAKEN_CLIENT_ID") or env["ZGW_CLIENT_ID"],
        env.get("ZGW_ZAKEN_SECRET") or env["ZGW_SECRET"],
        {
            name: env.get(f"ZGW_{name.upper()}_TOKEN", "")
            for name in ("klantinteracties", "objecten")
            if name in roots
        },
    )
    tuned_http = handtuned.new_http(stack, concurrency, event_hooks={"request": [counter.hook]})

    async def counted(work: Callable[[], Awaitable[Any]]) -> int:
        before = counter.count
        await work()
        return counter.count - before

    async def sdk() -> int:
        async def work() -> None:
            async with AsyncZGWClient(config, http_client=pool) as client:
                _check(
                    await AsyncMijnZaken(client, policy).overview(bsn=bsn, details=details), details
                )

        return await counted(work)

    async def sdk_warm() -> int:
        async def work() -> None:
            overview = await AsyncMijnZaken(warm_client, policy).overview(bsn=bsn, details=details)
            _check(overview, details)

        return await counted(work)

    async def sdk_plain() -> int:
        with without_scheduling_tricks():
            return await sdk()

    async def tuned() -> int:
        async def work() -> None:
            got = await handtuned.run_once(
                stack, bsn, details=details, http=tuned_http, concurrency=concurrency
            )
            if not got["zaken"]:
                raise SystemExit("the hand-tuned overview is empty")

        return await counted(work)

    variants = [
        Variant("hand-tuned httpx", tuned),
        Variant("zgw-client", sdk),
        Variant("zgw-client, no tricks", sdk_plain),
        Variant("zgw-client, warm cache", sdk_warm),
    ]
    if baseline is not None:

        async def gemma() -> int:
            return await asyncio.to_thread(baseline)

        variants.append(Variant("gemma-zds-client", gemma))
    # Warm up every variant once (connections, imports, the warm client's cache, the
    # servers' own caches), unmeasured.
    for variant in variants:
        await variant.run()
    for round_ in range(runs):
        shift = round_ % len(variants)
        for variant in variants[shift:] + variants[:shift]:
            before = meter.read()
            started = time.perf_counter()
            requests = await variant.run()
            seconds = time.perf_counter() - started
            await asyncio.sleep(0.3)  # let the servers finish what the last answer started
            after = meter.read()
            cpu = {name: after[name] - before[name] for name in after}
            variant.samples.append(Sample(seconds, requests, cpu))
    await warm_client.aclose()
    await tuned_http.aclose()
    await pool.aclose()
    return variants


def report(title: str, variants: list[Variant], servers: list[str]) -> None:
    print(f"== {title}")
    head = f"{'approach':26} {'wall':>8} {'requests':>9}"
    for name in servers:
        head += f" {name[:12] + ' CPU':>17}"
    print(head)
    for v in variants:
        line = f"{v.name:26} {v.median(lambda s: s.seconds) * 1000:6.0f}ms"
        line += f" {v.median(lambda s: s.requests):9.0f}"
        for name in servers:
            line += f" {v.median(_cpu(name)) * 1000:15.0f}ms"
        print(line)
    by_name = {v.name: v for v in variants}
    sdk = by_name["zgw-client"]
    for other in ("hand-tuned httpx", "gemma-zds-client"):
        ref = by_name.get(other)
        if ref is None:
            continue
        print(f"  zgw-client / {other}:")
        print(f"    wall      {_ratio(sdk, ref, lambda s: s.seconds)}")
        print(f"    requests  {_ratio(sdk, ref, lambda s: s.requests)}")
        for name in servers:
            print(f"    {name + ' CPU':22} {_ratio(sdk, ref, _cpu(name))}")
        if other == "gemma-zds-client":
            speedup = ref.median(_wall) / sdk.median(_wall)
            print(f"    gemma-zds-client / zgw-client wall: {speedup:5.1f}x (target >= 8x)")
    plain = by_name["zgw-client, no tricks"]
    print(f"  zgw-client / no tricks: wall {_ratio(sdk, plain, lambda s: s.seconds)}")
    print()


def _wall(sample: Sample) -> float:
    return sample.seconds


def _cpu(name: str) -> Callable[[Sample], float]:
    def pick(sample: Sample) -> float:
        return sample.cpu[name]

    return pick


def _ratio(a: Variant, b: Variant, pick: Callable[[Sample], float]) -> str:
    bottom = b.median(pick)
    return f"{a.median(pick) / bottom:5.2f}x" if bottom else "   n/a"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--bsn", default="999993653", help="the seeded citizen (seed_stack.py)")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--concurrency", type=int, default=Policy().concurrency)
    parser.add_argument(
        "--server",
        action="append",
        default=[],
        metavar="NAME=REGEX",
        help="server processes to meter, by command line (repeatable; replaces the defaults)",
    )
    parser.add_argument("--no-baseline", action="store_true", help="skip gemma-zds-client")
    parser.add_argument("--only", choices=["overview", "details"], default=None)
    args = parser.parse_args(argv)
    if args.runs < 7:
        parser.error("--runs: at least 7 (a median of fewer says little on a shared machine)")
    servers = dict(s.split("=", 1) for s in args.server) if args.server else DEFAULT_SERVERS
    meter = Meter(servers)
    missing = [name for name, pattern in servers.items() if not matching_pids(pattern)]
    if missing:
        print(f"note: no processes found for {', '.join(missing)}: their CPU reads 0")
    config = ZGWConfig.from_env()
    print(
        f"real stack: {', '.join(sorted(config.services))}; concurrency {args.concurrency}; "
        f"median of {args.runs} rounds, variants alternating; CPU from /proc "
        f"({', '.join(f'{n}: {len(matching_pids(p))} processes' for n, p in servers.items())})\n"
    )
    bench = _load("mijnzaken_overview")
    env = os.environ
    secrets = bench.Secrets(
        env.get("ZGW_ZAKEN_CLIENT_ID") or env["ZGW_CLIENT_ID"],
        env.get("ZGW_ZAKEN_SECRET") or env["ZGW_SECRET"],
        env.get("ZGW_KLANTINTERACTIES_TOKEN", ""),
        env.get("ZGW_OBJECTEN_TOKEN", ""),
    )
    roots = {name: svc.api_root for name, svc in config.services.items()}
    for details in (False, True):
        if args.only and args.only != ("details" if details else "overview"):
            continue
        baseline = None
        if not args.no_baseline:

            def baseline(details: bool = details) -> int:
                return int(
                    bench.run_baseline(roots, secrets, args.bsn, 1, details=details).requests
                )

        variants = asyncio.run(
            measure(
                config,
                args.bsn,
                details=details,
                runs=args.runs,
                meter=meter,
                concurrency=args.concurrency,
                baseline=baseline,
            )
        )
        report("overview + every zaak's detail" if details else "overview", variants, list(servers))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
