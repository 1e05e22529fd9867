"""From a status write to an updated overview, in the in-memory loop (no servers).

    python benchmarks/notifications_loop.py [--rounds 50]

Each round: a citizen's overview is cached; a new status is written through the client;
the backend publishes the notification and delivers it in process to a receiver whose
handler invalidates that citizen's overview (resolving the zaak's rollen through the
client); the overview is asked again and composed anew. Timed from just before the write
to the moment the overview with the new status is back, as the median and the 95th
percentile, beside the write alone and a composition alone for scale. Both faces.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from typing import Any

from zgw_client import InMemoryCache
from zgw_client.mijnzaken import AsyncMijnZaken, AsyncOverviewCache, MijnZaken, OverviewCache
from zgw_client.notifications import NotificationReceiver, StaticTokenAuthenticator
from zgw_client.notifications.handlers import invalidate_overviews
from zgw_client.testing import DEMO_BSN, InMemoryBackend, async_client_for, client_for, seed_demo

TOKEN = "Token benchmark-0123456789abcdef"
CALLBACK = "https://portal.test/notificaties/"


def _setup(backend: InMemoryBackend, client: Any, cache: Any) -> None:
    receiver = NotificationReceiver(auth=StaticTokenAuthenticator(TOKEN))
    receiver.router.include(invalidate_overviews(client, cache))
    backend.notifier.connect(CALLBACK, receiver)


def _status(demo: Any, i: int) -> dict[str, str]:
    statustypen = demo.statustypen["subsidie"]
    return {
        "zaak": demo.zaken["subsidie"],
        # between the second and the second-to-last step: the last one closes the zaak
        "statustype": statustypen[1 + i % (len(statustypen) - 2)],
        "datumStatusGezet": f"2026-11-30T09:{i // 60 % 60:02d}:{i % 60:02d}Z",
    }


def run_sync(rounds: int) -> dict[str, list[float]]:
    backend = InMemoryBackend()
    demo = seed_demo(backend)
    times: dict[str, list[float]] = {"loop": [], "write": [], "compose": []}
    with client_for(backend) as client:
        cache = OverviewCache(InMemoryCache(), key_secret="bench")
        _setup(backend, client, cache)
        client.notificaties.ensure_subscription(CALLBACK, {"zaken": {}}, TOKEN)
        mijn, plain = MijnZaken(client, overview_cache=cache), MijnZaken(client)
        for i in range(rounds):
            mijn.overview(bsn=DEMO_BSN)  # cached
            started = time.perf_counter()
            client.zaken.statussen.create(_status(demo, i))
            written = time.perf_counter()
            mijn.overview(bsn=DEMO_BSN)
            done = time.perf_counter()
            plain.overview(bsn=DEMO_BSN)
            times["loop"].append(done - started)
            times["write"].append(written - started)
            times["compose"].append(time.perf_counter() - done)
    return times


async def run_async(rounds: int) -> dict[str, list[float]]:
    backend = InMemoryBackend()
    demo = seed_demo(backend)
    times: dict[str, list[float]] = {"loop": [], "write": [], "compose": []}
    async with async_client_for(backend) as client:
        cache = AsyncOverviewCache(InMemoryCache(), key_secret="bench")
        _setup(backend, client, cache)
        await client.notificaties.ensure_subscription(CALLBACK, {"zaken": {}}, TOKEN)
        mijn, plain = AsyncMijnZaken(client, overview_cache=cache), AsyncMijnZaken(client)
        for i in range(rounds):
            await mijn.overview(bsn=DEMO_BSN)
            started = time.perf_counter()
            await client.zaken.statussen.create(_status(demo, i))
            written = time.perf_counter()
            await mijn.overview(bsn=DEMO_BSN)
            done = time.perf_counter()
            await plain.overview(bsn=DEMO_BSN)
            times["loop"].append(done - started)
            times["write"].append(written - started)
            times["compose"].append(time.perf_counter() - done)
    return times


def _ms(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    print(f"{'face':<6} {'what':<48} {'median ms':>10} {'p95 ms':>8}")
    for face, times in (
        ("sync", run_sync(args.rounds)),
        ("async", asyncio.run(run_async(args.rounds))),
    ):
        rows = {
            "status write -> updated overview (loop)": times["loop"],
            "  of which: the write (publish + deliver + invalidate)": times["write"],
            "a composition alone, for scale": times["compose"],
        }
        for name, values in rows.items():
            median = statistics.median(values) * 1000
            print(f"{face:<6} {name:<48} {median:>10.1f} {_ms(values, 0.95):>8.1f}")


if __name__ == "__main__":
    main()
