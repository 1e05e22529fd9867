"""What a reader of the built docs sees: the text of each page, and its link targets."""

from __future__ import annotations

import html
import re
from pathlib import Path

_SKIPPED = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
_TAG = re.compile(r"<[^>]+>")
_TARGET = re.compile(r'\b(?:href|id)="([^"]*)"')


def visible_text(page: Path) -> str:
    """The page's text without markup (attribute values such as hover titles left out)."""
    source = _SKIPPED.sub(" ", page.read_text(encoding="utf-8"))
    return html.unescape(_TAG.sub(" ", source))


def link_targets(page: Path) -> list[str]:
    """Every ``href`` and ``id`` of the page: anchors are shown in the address bar."""
    return _TARGET.findall(page.read_text(encoding="utf-8"))
