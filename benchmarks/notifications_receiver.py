"""Messages per second through the notification receiver: the core, FastAPI, and uvicorn.

    python benchmarks/notifications_receiver.py                 # core and FastAPI in-process
    python benchmarks/notifications_receiver.py --uvicorn       # also a real server on 127.0.0.1

Every message is a new one (its own resourceUrl), so each goes the whole way: authenticate,
parse, route, claim in the in-memory delivery store, run a no-op handler, mark it done. The
`duplicates` row sends one message over and over (recognised, no handler runs). The uvicorn
row sends over real sockets on 127.0.0.1 with a few requests in flight; its figure is
bounded by httpx and uvicorn on the same cores, not by the receiver.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import statistics
import threading
import time
from collections.abc import Callable

import httpx

from zgw_client.notifications import (
    JWTAuthenticator,
    Notification,
    NotificationReceiver,
    StaticTokenAuthenticator,
)

TOKEN = "Token 7d1f0c3a9b2e4f6a8c0d2e4f6a8b0c1d2e3f4a5b"
HEADERS = {"Authorization": TOKEN, "Content-Type": "application/json"}
ZAAK = "http://127.0.0.1:8000/zaken/api/v1/zaken/6f1b5a52-3c4c-4c0e-9a55-2cbb7f0e6d10"


def body(i: int) -> bytes:
    return json.dumps(
        {
            "kanaal": "zaken",
            "hoofdObject": ZAAK,
            "resource": "status",
            "resourceUrl": f"http://127.0.0.1:8000/zaken/api/v1/statussen/{i:08d}",
            "actie": "create",
            "aanmaakdatum": "2026-11-30T09:12:03.456Z",
            "kenmerken": {
                "bronorganisatie": "002220647",
                "zaaktype": "http://127.0.0.1:8000/catalogi/api/v1/zaaktypen/1",
                "vertrouwelijkheidaanduiding": "openbaar",
            },
        }
    ).encode()


def make_receiver(handled: list[int], *, async_handler: bool = False) -> NotificationReceiver:
    receiver = NotificationReceiver(
        auth=[StaticTokenAuthenticator(TOKEN), JWTAuthenticator(["a-secret"])]
    )
    if async_handler:

        @receiver.on(kanaal="zaken", resource="status", name="count")
        async def count_async(notification: Notification) -> None:
            handled.append(1)

    else:

        @receiver.on(kanaal="zaken", resource="status", name="count")
        def count(notification: Notification) -> None:
            handled.append(1)

    return receiver


def rate(count: int, run: Callable[[], None], repeats: int) -> float:
    """Median messages per second over `repeats` runs."""
    rates = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        rates.append(count / (time.perf_counter() - start))
    return statistics.median(rates)


def bench_core_sync(n: int, repeats: int) -> float:
    handled: list[int] = []
    bodies = [body(i) for i in range(n * repeats)]
    chunks = iter([bodies[i * n : (i + 1) * n] for i in range(repeats)])
    receiver = make_receiver(handled)

    def run() -> None:
        for item in next(chunks):
            assert receiver.receive("POST", HEADERS, item).status == 204

    result = rate(n, run, repeats)
    assert len(handled) == n * repeats
    return result


def bench_core_duplicates(n: int, repeats: int) -> float:
    handled: list[int] = []
    receiver = make_receiver(handled)
    item = body(0)

    def run() -> None:
        for _ in range(n):
            receiver.receive("POST", HEADERS, item)

    result = rate(n, run, repeats)
    assert len(handled) == 1
    return result


def bench_core_async(n: int, repeats: int) -> float:
    handled: list[int] = []
    receiver = make_receiver(handled, async_handler=True)
    chunks = iter([[body(r * n + i) for i in range(n)] for r in range(repeats)])

    async def main() -> None:
        for item in next(chunks):
            response = await receiver.receive_async("POST", HEADERS, item)
            assert response.status == 204

    return rate(n, lambda: asyncio.run(main()), repeats)


def fastapi_app(receiver: NotificationReceiver) -> object:
    from fastapi import FastAPI

    from zgw_client.notifications.fastapi import notification_router

    app = FastAPI()
    app.include_router(notification_router(receiver), prefix="/notificaties")
    return app


def bench_fastapi_in_process(n: int, repeats: int) -> float:
    handled: list[int] = []
    app = fastapi_app(make_receiver(handled, async_handler=True))
    chunks = iter([[body(r * n + i) for i in range(n)] for r in range(repeats)])

    async def main() -> None:
        transport = httpx.ASGITransport(app=app)  # type: ignore[arg-type]
        async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
            for item in next(chunks):
                response = await client.post("/notificaties/", content=item, headers=HEADERS)
                assert response.status_code == 204

    return rate(n, lambda: asyncio.run(main()), repeats)


def bench_uvicorn(n: int, repeats: int, in_flight: int) -> float:
    import uvicorn

    handled: list[int] = []
    app = fastapi_app(make_receiver(handled, async_handler=True))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(
        uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False)  # type: ignore[arg-type]
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    url = f"http://127.0.0.1:{sock.getsockname()[1]}/notificaties/"
    chunks = iter([[body(r * n + i) for i in range(n)] for r in range(repeats)])

    async def main() -> None:
        items = next(chunks)
        limits = httpx.Limits(max_connections=in_flight)
        async with httpx.AsyncClient(limits=limits) as client:

            async def worker(part: list[bytes]) -> None:
                for item in part:
                    response = await client.post(url, content=item, headers=HEADERS)
                    assert response.status_code == 204

            await asyncio.gather(*(worker(items[k::in_flight]) for k in range(in_flight)))

    try:
        return rate(n, lambda: asyncio.run(main()), repeats)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--messages", type=int, default=20_000, help="per run, for the core")
    parser.add_argument("--http-messages", type=int, default=3_000, help="per run, over HTTP")
    parser.add_argument("--repeats", type=int, default=5, help="runs; the median is printed")
    parser.add_argument("--uvicorn", action="store_true", help="also serve on 127.0.0.1")
    parser.add_argument("--in-flight", type=int, default=8, help="concurrent requests (uvicorn)")
    args = parser.parse_args()

    rows = [
        ("core, receive() (sync handler)", bench_core_sync(args.messages, args.repeats)),
        ("core, receive() duplicates", bench_core_duplicates(args.messages, args.repeats)),
        ("core, receive_async() (async handler)", bench_core_async(args.messages, args.repeats)),
        (
            "FastAPI router, httpx ASGITransport",
            bench_fastapi_in_process(args.http_messages, args.repeats),
        ),
    ]
    if args.uvicorn:
        rows.append(
            (
                f"FastAPI under uvicorn, 127.0.0.1, {args.in_flight} in flight",
                bench_uvicorn(args.http_messages, args.repeats, args.in_flight),
            )
        )
    print(f"{'path':<50} {'messages/s':>12}")
    for name, value in rows:
        print(f"{name:<50} {value:>12,.0f}")


if __name__ == "__main__":
    main()
