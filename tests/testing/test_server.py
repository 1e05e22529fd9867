"""Served mode: real HTTP on 127.0.0.1, URLs naming the served host, socket-level faults."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest

from zgw_client.testing import Fault, InMemoryBackend

from .conftest import BSN


def test_served_urls_use_the_served_host(backend: InMemoryBackend, data: dict[str, Any]) -> None:
    with backend.serve() as served:
        assert served.url.startswith("http://127.0.0.1:")
        root = served.api_roots["zaken"]
        with httpx.Client(base_url=root, headers=backend.auth_headers("zaken")) as client:
            page = client.get(
                "zaken", params={"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": BSN}
            ).json()
            assert page["count"] == 2
            zaak = page["results"][0]
            assert zaak["url"].startswith(root)
            assert zaak["zaaktype"].startswith(served.url)
            # a URL from the served host works as a filter value and in a body
            rollen = client.get("rollen", params={"zaak": zaak["url"]}).json()
            assert rollen["count"] == 1
            created = client.post("zaakobjecten", json={"zaak": zaak["url"], "objectType": "adres"})
            assert created.status_code == 201
            assert created.headers["Location"].startswith(root)
            assert backend.table("zaken", "zaakobjecten")
            stored = next(iter(backend.table("zaken", "zaakobjecten").values()))
            assert stored["zaak"].startswith("http://zgw.test/")
            etag = client.get(zaak["url"]).headers["ETag"]
            assert client.get(zaak["url"], headers={"If-None-Match": etag}).status_code == 304


def test_served_faults(backend: InMemoryBackend) -> None:
    with backend.serve() as served, httpx.Client(timeout=0.5) as client:
        root = served.api_roots["zaken"]
        backend.faults.add(Fault(kind="reset"))
        with pytest.raises(httpx.TransportError):
            client.get(root)
        backend.faults.add(Fault(kind="timeout", hang_seconds=5))
        with pytest.raises(httpx.ReadTimeout):
            client.get(root)
        backend.faults.add(Fault(429, retry_after="1"))
        throttled = client.get(root)
        assert throttled.status_code == 429
        assert throttled.headers["Retry-After"] == "1"
        assert client.get(root).status_code == 200


def test_pytest_plugin_fixtures(tmp_path: Path) -> None:
    (tmp_path / "test_plugin.py").write_text(
        "import httpx\n\n"
        "def test_served(zgw_backend, zgw_served):\n"
        '    root = zgw_served.api_roots["zaken"]\n'
        '    assert httpx.get(root).json()["zaken"] == root + "zaken"\n\n'
        "def test_client(zgw_backend, zgw_client):\n"
        "    assert list(zgw_client.zaken.zaken.list()) == []\n\n"
        "async def test_async_client(zgw_backend, zgw_async_client):\n"
        "    assert await zgw_async_client.zaken.zaken.list().to_list() == []\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-o",
            "asyncio_mode=auto",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
