"""The sync face is generated from the async source; it must not drift."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO


def test_sync_face_is_up_to_date() -> None:
    result = subprocess.run(
        [sys.executable, str(REPO / "scripts" / "unasync.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
