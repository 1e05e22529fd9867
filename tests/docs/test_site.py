"""The built docs show no Sphinx roles and no private module paths.

``.ci/run`` builds the site with ``mkdocs build --strict`` (which also fails on an
unresolved cross-reference) and runs this with ``ZGW_DOCS_SITE`` pointing at it; without the
variable the test builds the site itself when mkdocs is installed (the ``dev`` extra).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.docs.site_text import link_targets, visible_text

REPO = Path(__file__).resolve().parents[2]
ROLE = re.compile(r":(?:class|attr|func|meth|mod|data|exc|obj|py:\w+):")
PRIVATE = re.compile(r"zgw_client\._\w+")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    given = os.environ.get("ZGW_DOCS_SITE")
    if given:
        return Path(given)
    pytest.importorskip("mkdocs", reason="the dev extra builds the docs; .ci/run checks them")
    target = tmp_path_factory.mktemp("site")
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(target)],
        cwd=REPO,
        check=True,
        capture_output=True,
    )
    return target


def test_no_literal_roles_or_private_paths(site: Path) -> None:
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20, "the site was built"
    found = []
    for page in pages:
        text = visible_text(page)
        where = page.relative_to(site).as_posix()
        found += [f"{where}: {m.group(0)}" for m in ROLE.finditer(text)]
        found += [f"{where}: {m.group(0)}" for m in PRIVATE.finditer(text)]
        found += [f"{where}: #{t}" for t in link_targets(page) if PRIVATE.search(t)]
    assert not found, "\n".join(found[:40])
