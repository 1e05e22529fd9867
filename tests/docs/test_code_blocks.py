"""The docs' Python blocks run against the in-memory backend (see scripts/doc_snippets.py).

A page's blocks run in order in one namespace per face, as a reader follows them; blocks
marked ``<!-- snippet: needs a real server -->`` are only type-checked (by the script, in
CI). Each session runs in a temporary working directory, so a block that reads or writes
"aanvraag.pdf" finds it there (a page's setup makes what its blocks read). ``PAGES`` are
README.md and every page under docs/ but those the script lists as ``UNCHECKED``.
"""

from __future__ import annotations

import asyncio
import importlib.util
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("doc_snippets", REPO / "scripts" / "doc_snippets.py")
assert _spec is not None
assert _spec.loader is not None
snippets = importlib.util.module_from_spec(_spec)
sys.modules["doc_snippets"] = snippets
_spec.loader.exec_module(snippets)

#: The pages whose blocks are type-checked in CI and run here (all but ``UNCHECKED``).
PAGES = [path.relative_to(REPO).as_posix() for path in snippets.checked_pages()]


def _sessions() -> Iterator[Any]:
    for name in PAGES:
        page = snippets.read_page(REPO / name)
        for face in ("sync", "async"):
            if any(b.face == face and not b.needs_server for b in page.blocks):
                yield pytest.param(page, face, id=f"{name}:{face}")


@pytest.fixture(autouse=True)
def process_state_restored() -> Iterator[None]:
    """A page may change what a program changes once per process (errors-and-retries
    shows how to remove the BSN log filter): put it back for the tests that follow."""
    yield
    from zgw_client import install_bsn_log_filter

    install_bsn_log_filter()


@pytest.mark.no_contract  # docs show writes the spec allows but that the backend refuses
@pytest.mark.parametrize(("page", "face"), list(_sessions()))
def test_page_blocks_run(
    page: Any, face: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zgw_client.testing import InMemoryBackend, async_client_for, client_for, seed_demo

    monkeypatch.chdir(tmp_path)
    backend = InMemoryBackend()
    scenario = seed_demo(backend)
    loop = asyncio.new_event_loop()
    client: Any = client_for(backend) if face == "sync" else async_client_for(backend)
    namespace: dict[str, Any] = {"backend": backend, "scenario": scenario, "client": client}
    try:
        if page.setup:
            exec(compile(page.setup, f"{page.path.name} (setup)", "exec"), namespace)
        for block in page.blocks:
            if block.face != face or block.needs_server:
                continue
            code = compile(
                block.code, block.where, "exec", flags=snippets.ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
            )
            try:
                result = eval(code, namespace)
                if asyncio.iscoroutine(result):
                    loop.run_until_complete(result)
            except Exception as exc:
                raise AssertionError(f"{block.where} failed: {exc!r}") from exc
    finally:
        if face == "sync":
            client.close()
        else:
            loop.run_until_complete(client.aclose())
        loop.close()


def test_every_marked_block_exists_and_the_markers_are_spelt_right() -> None:
    for name in PAGES:
        text = (REPO / name).read_text(encoding="utf-8")
        assert text.count("<!-- snippet:") == text.count(snippets.NEEDS_SERVER), name


def test_the_testing_guides_test_module_passes_under_pytest(tmp_path: Path) -> None:
    """The testing guide shows a whole test module on the plugin's fixtures: run it as a
    user's project would (its own directory, no conftest of ours)."""
    page = snippets.read_page(REPO / "docs/guides/testing.md")
    (module,) = [b for b in page.blocks if "def test_" in b.code]
    (tmp_path / "test_guide.py").write_text(module.code, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_guide.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    tests = module.code.count("\ndef test_") + module.code.count("\nasync def test_")
    assert result.returncode == 0, result.stdout[-3000:]
    assert f"{tests} passed" in result.stdout, result.stdout[-3000:]
