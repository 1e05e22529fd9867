"""The ``zgw`` command line: output, JSON, exit codes, no secrets on screen."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from click.testing import CliRunner

from zgw_client.cli import main
from zgw_client.testing import InMemoryBackend, ServedBackend
from zgw_client.testing.demo import DEMO_BSN, seed_demo


@pytest.fixture
def served() -> Iterator[ServedBackend]:
    backend = InMemoryBackend()
    seed_demo(backend)
    with backend.serve() as server:
        yield server


def _env(served: ServedBackend) -> dict[str, str]:
    backend = served.backend
    env = {
        "ZGW_CLIENT_ID": backend.jwt_client_id,
        "ZGW_SECRET": backend.jwt_secret,
        "ZGW_KLANTINTERACTIES_TOKEN": backend.token,
        "ZGW_OBJECTEN_TOKEN": backend.token,
    }
    for name, root in served.api_roots.items():
        env[f"ZGW_{name.upper()}_API_ROOT"] = root
    return env


def test_demo_renders_the_citizen_home_page() -> None:
    result = CliRunner().invoke(main, ["demo"], terminal_width=200)
    assert result.exit_code == 0, result.output
    assert "Mijn omgeving" in result.output
    assert "Wat ik moet regelen" in result.output
    assert "nog 2 dagen" in result.output
    assert "Aanvraag subsidie geluidsisolatie" in result.output
    # The Open VTB betaaltaak with its amount, the unread bericht marked, the product.
    betaal = next(line for line in result.output.splitlines() if "Betaal uw parkeerbon " in line)
    assert "€ 74,90" in betaal
    assert "nog 14 dagen" in betaal
    assert "Laatste berichten (1 ongelezen)" in result.output
    unread = next(line for line in result.output.splitlines() if "Uw parkeerbon" in line)
    assert "●" in unread
    assert "ZAAK-" in unread  # linked to its zaak
    opened = next(line for line in result.output.splitlines() if "Welkom in MijnDenHaag" in line)
    assert "●" not in opened
    assert "Mijn producten" in result.output
    assert "Parkeervergunning K-539-VB" in result.output
    assert "nog 285 dagen" in result.output
    assert DEMO_BSN not in result.output  # the BSN is masked
    assert "missing:" not in result.stderr


def test_demo_json_is_the_home_page_model() -> None:
    result = CliRunner().invoke(main, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["subject"]["masked"].endswith(DEMO_BSN[-4:])
    assert data["parts"] == ["zaken", "taken", "berichten", "producten"]
    assert data["complete"] is True
    assert len(data["lopende_zaken"]) == 3
    assert data["taken"][0]["days_left"] <= data["taken"][-1]["days_left"]
    assert {t["source"] for t in data["taken"]} == {"openvtb", "objecten"}
    assert data["unread_berichten"] == 1
    assert [b["unread"] for b in data["berichten"]] == [True, False]
    assert [p["naam"] for p in data["producten"]] == ["Parkeervergunning K-539-VB"]
    assert DEMO_BSN not in result.stdout


def test_demo_company_home_page() -> None:
    result = CliRunner().invoke(main, ["demo", "--kvk", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["subject"]["kind"] == "kvk"
    assert data["lopende_zaken"]
    assert data["berichten"] == []


def test_zaken_list_and_get_against_configured_services(served: ServedBackend) -> None:
    runner = CliRunner(env=_env(served))
    listed = runner.invoke(main, ["zaken", "list", "--bsn", DEMO_BSN, "--json"])
    assert listed.exit_code == 0, listed.output
    zaken = json.loads(listed.stdout)
    assert len(zaken) >= 4
    shown = runner.invoke(main, ["zaken", "get", zaken[0]["url"], "--expand", "status.statustype"])
    assert shown.exit_code == 0, shown.output
    assert zaken[0]["identificatie"] in shown.output
    secret = served.backend.jwt_secret
    assert secret not in listed.output + shown.output


def test_invalid_bsn_is_a_usage_error_before_any_request(served: ServedBackend) -> None:
    before = len(served.backend.request_log)
    result = CliRunner(env=_env(served)).invoke(main, ["zaken", "list", "--bsn", "123456789"])
    assert result.exit_code == 2
    assert "11-proef" in result.output
    assert len(served.backend.request_log) == before


def test_not_found_exits_1_and_unreachable_exits_3(served: ServedBackend) -> None:
    env = _env(served)
    missing = CliRunner(env=env).invoke(
        main, ["zaken", "get", "00000000-0000-0000-0000-000000000000"]
    )
    assert missing.exit_code == 1
    assert "NotFoundError" in missing.output
    env["ZGW_ZAKEN_API_ROOT"] = "http://127.0.0.1:9/zaken/api/v1/"  # nothing listens there
    env["ZGW_ZAKEN_MAX_ATTEMPTS"] = "1"
    down = CliRunner(env=env).invoke(main, ["zaken", "list"])
    assert down.exit_code == 3
    assert "ConnectError" in down.output


def test_no_configuration_is_a_clear_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner(env={"ZGW_CONFIG": ""}).invoke(main, ["zaken", "list"])
    assert result.exit_code == 2
    assert "zgw demo" in result.output


def test_check_reports_each_service(served: ServedBackend) -> None:
    env = _env(served)
    result = CliRunner(env=env).invoke(main, ["check", "--json"])
    assert result.exit_code == 0, result.output
    rows = {row["service"]: row for row in json.loads(result.stdout)}
    assert rows["zaken"]["auth"] is True
    assert rows["zaken"]["api_version"] == "1.5.1"
    env["ZGW_KLANTINTERACTIES_TOKEN"] = "wrong-token"
    bad = CliRunner(env=env).invoke(main, ["check", "--json"])
    assert bad.exit_code == 1
    rows = {row["service"]: row for row in json.loads(bad.stdout)}
    assert rows["klantinteracties"]["auth"] is False
    assert "wrong-token" not in bad.output


def test_export_streams_jsonl(served: ServedBackend, tmp_path: Path) -> None:
    target = tmp_path / "zaken.jsonl"
    result = CliRunner(env=_env(served)).invoke(
        main, ["export", "zaken", "-o", str(target), "--page-size", "2"]
    )
    assert result.exit_code == 0, result.output
    lines = target.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(served.backend.all("zaken", "zaken"))
    assert all(json.loads(line)["url"].startswith(served.url) for line in lines)
    pages = [u for m, u in served.backend.request_log if "/zaken/api/v1/zaken?" in u]
    assert len(pages) == -(-len(lines) // 2)  # read page by page


def test_token_prints_a_valid_jwt() -> None:
    result = CliRunner().invoke(main, ["token", "--client-id", "portaal", "--secret", "s" * 32])
    assert result.exit_code == 0
    claims = jwt.decode(result.stdout.strip(), "s" * 32, algorithms=["HS256"])
    assert claims["client_id"] == "portaal"


def test_mijnzaken_against_configured_services(served: ServedBackend) -> None:
    result = CliRunner(env=_env(served)).invoke(main, ["mijnzaken", "--bsn", DEMO_BSN, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["missing"] == []
    assert {z["identificatie"] for z in data["lopende_zaken"]}
