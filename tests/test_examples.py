"""The example scripts run, as a user would run them: no configuration, in-memory demo.

Each script runs in a fresh interpreter with every ``ZGW_*`` variable removed, so it takes
its in-memory path; it must exit 0 and print its key lines. ``examples/test_my_portal.py``
runs through pytest, as its docstring tells users to.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
DEMO_NOTICE = "No ZGW_* variables set: running against the in-memory demo backend (seed_demo)."

#: script -> lines its output must contain (besides the demo notice).
EXPECTED = {
    "zaken.py": [
        "Zaken of BSN 999993653:",
        "  ZAAK-2026-",
        "  new status, step 2: In behandeling",
        "Refused with 400 invalid:",
        "  statustype: invalid",
    ],
    "zaken_async.py": [
        "5 zaken of BSN 999993653, 6 zaaktypen (read concurrently):",
        "  moved to: In behandeling",
        "Refused with 400: datumStatusGezet (required)",
    ],
    "catalogi.py": [
        "6 published zaaktypen:",
        "Steps of 'Aanvraag subsidie geluidsisolatie':",
        "First get of the zaaktype: 1 request",
        "Second get: 0 requests (published: from the cache)",
    ],
    "documenten.py": [
        "Small upload: hallo.txt, 12 bytes in one POST",
        "     192 of 250 KiB sent",
        "  same content: True",
        "Locked, updated and unlocked: titel='Rapport (bijgewerkt)', versie 2, locked=False",
        "Both documents deleted again.",
    ],
    "besluiten.py": [
        "  besluit BESLUIT-",
        "    document: Besluit parkeervergunning bewoners (besluit-parkeervergunning.pdf)",
    ],
    "klantinteracties.py": [
        "Partij for BSN 999993653: Anne Klap",
        "  klantcontact in Open Klant: Vraag over afspraak geluidsmeting",
        "  contactmomenten_about_zaak from klantinteracties + contactmomenten, newest first:",
    ],
    "taken.py": [
        "Open taken of BSN 999993653, soonest first:",
        "      2 days left; fill in form 'aanvullende-gegevens-geluidsisolatie'",
        "Completed 'Geef informatie voor uw aanvraag subsidie geluidsisolatie': status afgerond",
        "2 open taken left (was 3)",
    ],
    "mijnzaken.py": [
        "Mijn Zaken of *****3653",
        "  Geef informatie voor uw aanvraag subsidie geluidsisolatie (nog 2 dagen)",
        "  [>] Wij meten de geluidsoverlast bij uw woning",
        "Stel een vraag: Uw vraag over zaak ZAAK-2026-",
    ],
}


def clean_env() -> dict[str, str]:
    """The environment without ZGW_* and EXAMPLE_* variables: the scripts' demo mode."""
    return {k: v for k, v in os.environ.items() if not k.startswith(("ZGW_", "EXAMPLE_"))}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=EXAMPLES.parent,
        env={**clean_env(), "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_every_script_is_covered() -> None:
    scripts = {p.name for p in EXAMPLES.glob("*.py") if not p.name.startswith(("_", "test_"))}
    assert scripts == {*EXPECTED, "quickstart.py"}


@pytest.mark.parametrize("script", sorted(EXPECTED))
def test_example_runs_in_memory(script: str) -> None:
    result = run(str(EXAMPLES / script))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == DEMO_NOTICE
    for expected in EXPECTED[script]:
        assert any(line.startswith(expected) for line in lines), (expected, result.stdout)


def test_quickstart_runs() -> None:
    result = run(str(EXAMPLES / "quickstart.py"))

    assert result.returncode == 0, result.stderr
    assert "7 zaken, read across pages:" in result.stdout
    assert "typed error: NotFoundError status=404 code=not_found" in result.stdout


def test_the_pytest_example_passes() -> None:
    result = run(
        "-m", "pytest", "-q", "-p", "no:cacheprovider", str(EXAMPLES / "test_my_portal.py")
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout
