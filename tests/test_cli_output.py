"""The ``zgw`` command's newcomer fixes: download URLs, piped output, token, serve, demo."""

from __future__ import annotations

import base64
import datetime as dt
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from tests.test_cli import _env
from zgw_client import ZGWClient
from zgw_client.cli import _euro, main
from zgw_client.testing import DEMO_BSN, InMemoryBackend, ServedBackend, config_for, seed_demo

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def served() -> Iterator[ServedBackend]:
    backend = InMemoryBackend()
    seed_demo(backend)
    with backend.serve() as server:
        yield server


def _uploaded(served: ServedBackend, content: bytes) -> str:
    """A document with ``content`` in two versions; returns its URL on the served host."""
    with ZGWClient(config_for(served.backend, base_url=served.url)) as client:
        iotype = next(iter(client.catalogi.informatieobjecttypen.list()))
        documenten = client.documenten.enkelvoudiginformatieobjecten
        document = documenten.upload(
            b"first version",
            metadata={
                "bronorganisatie": "002220647",
                "creatiedatum": dt.date.today().isoformat(),
                "titel": "Voorbeeld",
                "auteur": "tests",
                "taal": "dut",
                "bestandsnaam": "voorbeeld.txt",
                "informatieobjecttype": iotype.url,
            },
        )
        with documenten.locked(document) as lock:
            inhoud = base64.b64encode(content).decode()
            update = {"inhoud": inhoud, "bestandsomvang": len(content), "lock": lock}
            documenten.partial_update(document, update)
        return document.url


@pytest.mark.parametrize("form", ["url", "download_url", "download_url_versie", "uuid"])
def test_download_takes_the_download_url_mijnzaken_gives(
    served: ServedBackend, tmp_path: Path, form: str
) -> None:
    url = _uploaded(served, b"second version")
    ref = {
        "url": url,
        "download_url": url + "/download",
        "download_url_versie": url + "/download?versie=1",
        "uuid": url.rsplit("/", 1)[1],
    }[form]
    target = tmp_path / "out.bin"
    result = CliRunner(env=_env(served)).invoke(
        main, ["documenten", "download", ref, "-o", str(target)]
    )
    assert result.exit_code == 0, result.output
    expected = b"first version" if form == "download_url_versie" else b"second version"
    assert target.read_bytes() == expected
    assert not [u for _, u in served.backend.request_log if "/download/download" in u]


def test_piped_zaken_list_prints_whole_values_as_tsv(served: ServedBackend) -> None:
    result = CliRunner(env=_env(served)).invoke(main, ["zaken", "list", "--bsn", DEMO_BSN])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split("\t") == [
        "identificatie",
        "omschrijving",
        "startdatum",
        "einddatum",
        "uuid",
    ]
    rows = [line.split("\t") for line in lines[1:]]
    assert rows
    assert all(len(row) == 5 for row in rows)
    assert all(re.fullmatch(r"ZAAK-2026-\d{10}", row[0]) for row in rows)
    assert "…" not in result.stdout
    assert f"{len(rows)} zaken" in result.stderr


def test_piped_zaken_get_keeps_long_values_whole(served: ServedBackend) -> None:
    zaak = served.backend.all("zaken", "zaken")[0]
    result = CliRunner(env=_env(served)).invoke(main, ["zaken", "get", zaak["uuid"]])
    assert result.exit_code == 0, result.output
    fields = dict(line.split("\t", 1) for line in result.stdout.splitlines())
    assert fields["url"] == f'"{zaak["url"].replace("http://zgw.test", served.url)}"'


def test_token_names_the_environment_variables() -> None:
    missing = CliRunner().invoke(main, ["token"])
    assert missing.exit_code == 2
    assert "$ZGW_CLIENT_ID" in missing.output
    assert "$ZGW_SECRET" in missing.output
    from_env = CliRunner(env={"ZGW_CLIENT_ID": "portaal", "ZGW_SECRET": "s" * 32}).invoke(
        main, ["token"]
    )
    assert from_env.exit_code == 0, from_env.output
    assert "ZGW_CLIENT_ID" in CliRunner().invoke(main, ["token", "--help"]).output


def test_serve_picks_a_free_port_by_default() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "zgw_client.cli", "serve", "--scenario", "empty"],
        stdout=subprocess.PIPE,
        text=True,
        env={"PYTHONIOENCODING": "utf-8", "PATH": "", "COLUMNS": "200"},
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        found = re.search(r"http://127\.0\.0\.1:(\d+)", first)
        assert found, first
        assert int(found.group(1)) != 8000
        response = httpx.get(f"{found.group(0)}/zaken/api/v1/", timeout=10)
        assert response.status_code < 500
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_demo_says_taak_or_taken_and_one_money_format() -> None:
    result = CliRunner().invoke(main, ["demo"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "taak/taken" not in result.output
    assert "1 taak voor u" in result.output
    assert "EUR" not in result.output
    parkeerbon = next(line for line in result.output.splitlines() if "parkeerbon van" in line)
    assert parkeerbon.count("€ 74,90") == 1


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        ("74.9", "€ 74,90"),
        ("1250", "€ 1.250,00"),
        ("0.5", "€ 0,50"),
        ("1234567.891", "€ 1.234.567,89"),
    ],
)
def test_money_is_written_the_dutch_way(amount: str, shown: str) -> None:
    assert _euro(amount) == shown


def test_the_cli_guide_states_the_demo_request_count() -> None:
    """The number in docs/guides/cli.md is the one a run prints (it drifted once: 23 vs 35)."""
    guide = (REPO / "docs" / "guides" / "cli.md").read_text(encoding="utf-8")
    stated = re.search(r"^(\d+) requests to the demo backend$", guide, re.M)
    assert stated, "the guide shows the demo's closing line"
    result = CliRunner().invoke(main, ["demo"])
    assert f"{stated.group(1)} requests to the demo backend" in result.stderr
