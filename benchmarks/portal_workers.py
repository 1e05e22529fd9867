"""Benchmark: a portal past one process. N uvicorn workers share one Redis cache; measured.

Every part is a real process on 127.0.0.1:

* the in-memory backend (``seed_benchmark``: one citizen, 25 zaken), served over HTTP, every
  answer taking ``--latency`` seconds from when its request came in; it counts the requests
  it gets per API and per worker (each worker's HTTP client names itself in a header);
* a redis-server on a free loopback port, nothing persisted;
* ``--workers`` uvicorn processes, each running the FastAPI example (examples/portal_fastapi)
  with ``AsyncRedisCache``, one port each, as replicas behind a load balancer;
* this process as the load: ``--requests`` overview requests (``GET /mijn-zaken`` for the
  logged-in demo citizen) spread round-robin over the workers, ``--in-flight`` at once,
  from httpx.

Two waves: the first starts its workers on an empty Redis (cold), the second starts new
workers after the first wave warmed the cache (its workers have never seen a request). For
each worker: the catalogi requests it sent the backend (target for the second wave: zero),
all its backend requests; for each wave: p50/p95 of the overview latency as the load saw it,
and the Redis commands per overview (``INFO commandstats`` before and after; each command is
one round trip: the cache reads an entry with its generation in one ``MGET``).

    pip install -e ".[benchmark,redis]"   # and redis-server (Debian: apt-get install redis-server)
    python benchmarks/portal_workers.py [--workers 4] [--requests 200] [--in-flight 4]
    python benchmarks/portal_workers.py --quick    # a smoke run: 2 workers, 16 requests
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx

from zgw_client import AsyncZGWClient
from zgw_client.testing import InMemoryBackend
from zgw_client.testing.demo import DEMO_BSN, seed_benchmark

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "portal_fastapi" / "app.py"
#: The header each worker's HTTP client sends, so the backend can count per worker.
WORKER_HEADER = "X-Benchmark-Worker"
#: The demo login of the example app (a bearer token mapped to a BSN).
TOKEN = "benchmark-token"
COUNTS_PATH = "/_benchmark/counts"


# -- the backend (its own process) -----------------------------------------------------------
class CountingBackend(InMemoryBackend):
    """The in-memory backend, counting the requests of each worker per API."""

    def __init__(self, latency: float) -> None:
        super().__init__(latency=latency)
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._count_lock = threading.Lock()

    def process(self, request: httpx.Request, *, trusted: bool = False) -> Any:
        if request.url.path == COUNTS_PATH:
            with self._count_lock:
                return httpx.Response(200, json={w: dict(c) for w, c in self.counts.items()})
        worker = request.headers.get(WORKER_HEADER, "-")
        api = next(
            (name for name, a in self.apis.items() if request.url.path.startswith(a.root_path)),
            "other",
        )
        with self._count_lock:
            self.counts[worker][api] += 1
        return super().process(request, trusted=trusted)


def serve_backend(latency: float) -> None:
    """Serve the benchmark scenario; print where, as one JSON line; run until killed."""
    backend = CountingBackend(latency)
    seed_benchmark(backend)
    with backend.serve() as served:
        env = {
            "ZGW_CLIENT_ID": backend.jwt_client_id,
            "ZGW_SECRET": backend.jwt_secret,
            "ZGW_KLANTINTERACTIES_TOKEN": backend.token,
            "ZGW_OBJECTEN_TOKEN": backend.token,
        }
        for name, root in served.api_roots.items():
            env[f"ZGW_{name.upper()}_API_ROOT"] = root
        print(json.dumps({"url": served.url, "env": env}), flush=True)
        while True:
            time.sleep(3600)


# -- a worker (its own process) --------------------------------------------------------------
def load_example() -> ModuleType:
    spec = importlib.util.spec_from_file_location("portal_fastapi_app", EXAMPLE)
    if spec is None or spec.loader is None:  # pragma: no cover
        raise SystemExit(f"cannot load {EXAMPLE}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def serve_worker(port: int) -> None:
    """The example app with the Redis cache from ``ZGW_REDIS_URL``, under uvicorn."""
    import uvicorn

    example = load_example()
    name = os.environ[WORKER_HEADER.upper().replace("-", "_")]

    def client() -> AsyncZGWClient:
        # The example's own factory; the HTTP client only adds the worker's name.
        http = httpx.AsyncClient(headers={WORKER_HEADER: name})
        made: AsyncZGWClient = example.client_from_env(http_client=http)
        return made

    uvicorn.run(example.create_app(client), host="127.0.0.1", port=port, log_level="warning")


# -- the parts, from the driver --------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stop(process: subprocess.Popen[Any]) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:  # pragma: no cover
        process.kill()
        process.wait()


@contextmanager
def backend_process(latency: float) -> Iterator[tuple[str, dict[str, str]]]:
    command = [sys.executable, __file__, "--serve-backend", "--latency", str(latency)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline() if process.stdout else ""
        if not line:
            raise SystemExit("the backend did not start")
        found = json.loads(line)
        yield found["url"], found["env"]
    finally:
        _stop(process)


@contextmanager
def redis_process(workdir: Path) -> Iterator[str]:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server not found (Debian: apt-get install redis-server)")
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", ""]
    command += ["--appendonly", "no", "--dir", str(workdir)]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for(lambda: _redis_ping(port), process, "redis-server")
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def _redis_ping(port: int) -> bool:
    with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
        sock.sendall(b"PING\r\n")
        return sock.recv(16).startswith(b"+PONG")


def _wait_for(ready: Any, process: subprocess.Popen[Any], what: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"{what} exited with {process.returncode}")
        try:
            if ready():
                return
        except (OSError, httpx.TransportError):
            pass
        time.sleep(0.1)
    raise SystemExit(f"{what} did not come up in 60 s")


@dataclass
class Worker:
    name: str
    url: str
    process: subprocess.Popen[bytes]


def start_workers(wave: str, count: int, env: dict[str, str], redis_url: str) -> list[Worker]:
    workers = []
    for n in range(1, count + 1):
        name = f"{wave}-{n}"
        port = free_port()
        worker_env = {
            **os.environ,
            **env,
            "ZGW_REDIS_URL": redis_url,
            "ZGW_DEMO_SESSIONS": f"{TOKEN}={DEMO_BSN}",
            WORKER_HEADER.upper().replace("-", "_"): name,
        }
        command = [sys.executable, __file__, "--serve-worker", str(port)]
        process = subprocess.Popen(command, env=worker_env)
        workers.append(Worker(name, f"http://127.0.0.1:{port}", process))
    for worker in workers:
        # Up when it answers; 401 (not logged in) touches neither the backend nor Redis.
        _wait_for(
            lambda w=worker: httpx.get(w.url + "/mijn-zaken", timeout=2).status_code == 401,
            worker.process,
            f"worker {worker.name}",
        )
    return workers


# -- the load --------------------------------------------------------------------------------
@dataclass
class Wave:
    name: str
    workers: list[Worker]
    seconds: list[float] = field(default_factory=list)
    per_worker: Counter[str] = field(default_factory=Counter)
    backend: dict[str, dict[str, int]] = field(default_factory=dict)
    redis_commands: Counter[str] = field(default_factory=Counter)

    def percentile(self, p: int) -> float:
        if len(self.seconds) == 1:
            return self.seconds[0]
        return statistics.quantiles(self.seconds, n=100, method="inclusive")[p - 1]


async def drive(wave: Wave, requests: int, in_flight: int) -> None:
    """``requests`` overviews, round-robin over the wave's workers, ``in_flight`` at once."""
    gate = asyncio.Semaphore(in_flight)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    limits = httpx.Limits(max_connections=in_flight * len(wave.workers))
    async with httpx.AsyncClient(timeout=60, limits=limits, headers=headers) as http:

        async def one(n: int) -> None:
            worker = wave.workers[n % len(wave.workers)]
            async with gate:
                started = time.perf_counter()
                answer = await http.get(worker.url + "/mijn-zaken")
                elapsed = time.perf_counter() - started
            if answer.status_code != 200 or answer.json().get("missing"):
                raise SystemExit(f"{worker.name}: {answer.status_code} {answer.text[:300]}")
            wave.seconds.append(elapsed)
            wave.per_worker[worker.name] += 1

        await asyncio.gather(*(one(n) for n in range(requests)))


def redis_calls(redis_url: str) -> Counter[str]:
    """Calls per command since the server started (``INFO commandstats``)."""
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        stats = client.info("commandstats")
    finally:
        client.close()
    return Counter(
        {
            name.removeprefix("cmdstat_"): int(value["calls"])
            for name, value in stats.items()
            if isinstance(value, dict)
        }
    )


def run_wave(
    name: str, args: argparse.Namespace, env: dict[str, str], redis_url: str, backend_url: str
) -> Wave:
    wave = Wave(name, start_workers(name, args.workers, env, redis_url))
    try:
        before = redis_calls(redis_url)
        asyncio.run(drive(wave, args.requests, args.in_flight))
        after = redis_calls(redis_url)
        # Only the workers' commands: the driver's own INFO calls are left out.
        wave.redis_commands = Counter(
            {k: after[k] - before[k] for k in after if k != "info" and after[k] > before[k]}
        )
        counts = httpx.get(backend_url + COUNTS_PATH, timeout=10).json()
        wave.backend = {w.name: counts.get(w.name, {}) for w in wave.workers}
    finally:
        for worker in wave.workers:
            _stop(worker.process)
    return wave


# -- the report ------------------------------------------------------------------------------
#: Commands of redis-py setting up a connection (``HELLO``, and the health check's ``PING`` on
#: a connection's first use): counted apart from the cache's own round trips.
CONNECTION_COMMANDS = frozenset({"hello", "ping", "select", "auth", "client|setinfo"})


def cache_commands(wave: Wave) -> int:
    return sum(v for k, v in wave.redis_commands.items() if k not in CONNECTION_COMMANDS)


def report(waves: list[Wave], args: argparse.Namespace) -> None:
    print(
        f"scenario: 1 citizen, 25 zaken; every backend answer takes {args.latency * 1000:.0f} ms; "
        f"{args.workers} uvicorn workers per wave, {args.requests} overviews per wave, "
        f"{args.in_flight} in flight; one Redis cache shared by all workers\n"
    )
    print("== backend requests per worker")
    head = f"{'wave':6} {'worker':8} {'overviews':>9} {'catalogi':>9} {'all':>6}"
    print(f"{head} {'per overview':>13}")
    for wave in waves:
        for worker in wave.workers:
            counts = wave.backend.get(worker.name, {})
            done = wave.per_worker[worker.name]
            total = sum(counts.values())
            per = f"{total / done:.1f}" if done else "-"
            catalogi = counts.get("catalogi", 0)
            print(f"{wave.name:6} {worker.name:8} {done:9d} {catalogi:9d} {total:6d} {per:>13}")
    print()
    print("== per wave")
    print(
        f"{'wave':6} {'overviews':>9} {'p50':>8} {'p95':>8} {'catalogi':>9} "
        f"{'redis/overview':>15}  redis commands"
    )
    for wave in waves:
        done = len(wave.seconds)
        catalogi = sum(c.get("catalogi", 0) for c in wave.backend.values())
        spread = ", ".join(f"{k} {v}" for k, v in sorted(wave.redis_commands.items()))
        print(
            f"{wave.name:6} {done:9d} {wave.percentile(50) * 1000:6.0f}ms "
            f"{wave.percentile(95) * 1000:6.0f}ms {catalogi:9d} "
            f"{cache_commands(wave) / done:15.1f}  {spread or '-'}"
        )
    print(
        "\n  redis/overview: the cache's round trips (MGET, SET) per overview; hello and ping "
        "set up a connection"
    )
    warm = next((w for w in waves if w.name == "warm"), None)
    if warm is not None:
        catalogi = sum(c.get("catalogi", 0) for c in warm.backend.values())
        print(f"  catalogi requests of workers started warm: {catalogi}  (target 0)")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--requests", type=int, default=200, help="overviews per wave")
    parser.add_argument("--in-flight", type=int, default=4, help="overview requests at once")
    parser.add_argument("--latency", type=float, default=0.02, help="seconds per backend answer")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 2 workers, 16 requests")
    parser.add_argument("--serve-backend", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--serve-worker", type=int, metavar="PORT", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.serve_backend:
        serve_backend(args.latency)
        return 0
    if args.serve_worker:
        serve_worker(args.serve_worker)
        return 0
    if args.quick:
        args.workers, args.requests, args.in_flight = 2, 16, 2
    if min(args.workers, args.requests, args.in_flight) < 1:
        parser.error("--workers, --requests and --in-flight must be at least 1")
    with (
        tempfile.TemporaryDirectory() as workdir,
        backend_process(args.latency) as (backend_url, env),
        redis_process(Path(workdir)) as redis_url,
    ):
        waves = [run_wave(name, args, env, redis_url, backend_url) for name in ("cold", "warm")]
    report(waves, args)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
