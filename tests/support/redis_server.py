"""A real redis-server for the tests, on a free loopback port, or fakeredis in-process.

The Redis cache is tested against the real server when ``redis-server`` is on the PATH
(CI installs it); otherwise against fakeredis, and the pytest header says which. Set
``ZGW_TEST_REDIS=fake`` to force the fallback.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["RedisServer", "start_redis", "which_redis"]


def which_redis() -> str | None:
    """The redis-server binary the tests will use, or ``None`` for the fallback."""
    if os.environ.get("ZGW_TEST_REDIS") == "fake":
        return None
    return shutil.which("redis-server")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class RedisServer:
    """A running redis-server (``url``), or the fakeredis fallback (``url`` is ``None``)."""

    url: str | None
    version: str = ""
    process: subprocess.Popen[bytes] | None = None
    _fake: Any = field(default=None, repr=False)

    @property
    def real(self) -> bool:
        return self.url is not None

    def sync_client(self) -> Any:
        if self.url is not None:
            import redis

            return redis.Redis.from_url(self.url)
        import fakeredis

        return fakeredis.FakeRedis(server=self._fake_server())

    def async_client(self) -> Any:
        if self.url is not None:
            import redis.asyncio

            return redis.asyncio.Redis.from_url(self.url)
        import fakeredis

        return fakeredis.FakeAsyncRedis(server=self._fake_server())

    def _fake_server(self) -> Any:
        if self._fake is None:
            import fakeredis

            self._fake = fakeredis.FakeServer()
        return self._fake

    def flush(self) -> None:
        client = self.sync_client()
        client.flushall()
        client.close()

    def command_calls(self) -> dict[str, int]:
        """``INFO commandstats``: calls per command since the last reset."""
        client = self.sync_client()
        stats = client.info("commandstats")
        client.close()
        return {
            name.removeprefix("cmdstat_"): int(value["calls"])
            for name, value in stats.items()
            if isinstance(value, dict)
        }

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:  # pragma: no cover
                self.process.kill()


def start_redis(workdir: Path, binary: str | None = None) -> RedisServer:
    """Start redis-server in ``workdir`` on a free port (no persistence), or fall back."""
    binary = binary or which_redis()
    if binary is None:
        return RedisServer(url=None)
    for _ in range(5):
        port = _free_port()
        process = subprocess.Popen(
            [
                binary,
                "--port",
                str(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(workdir),
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and process.poll() is None:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2) as sock:
                    sock.sendall(b"PING\r\n")
                    if sock.recv(16).startswith(b"+PONG"):
                        server = RedisServer(url=url, process=process)
                        client = server.sync_client()
                        server.version = str(client.info("server")["redis_version"])
                        client.close()
                        return server
            except OSError:
                time.sleep(0.05)
        process.kill()  # the port was taken meanwhile, or it did not start: try another
        process.wait()
    raise RuntimeError(f"{binary} did not start on a free loopback port")
