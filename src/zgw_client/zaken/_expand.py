"""Planning ``expand`` for servers that cannot do it themselves (Zaken API before 1.5).

Open Zaak 1.5+ embeds related resources under ``_expand``; an older server ignores the
parameter. The client then fetches the same resources and builds the same ``_expand`` tree,
so callers get one result whatever the server. This module holds the pure part: which paths
are asked for under which parent, and whether a body still needs filling.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

__all__ = ["ExpandPlan", "needs_fallback", "version_tuple"]

#: The first Zaken API version that supports ``expand``.
EXPAND_SINCE = (1, 5)


def version_tuple(version: str | None) -> tuple[int, ...] | None:
    """``"1.5.1"`` -> ``(1, 5, 1)``; ``None`` for a missing or unreadable version."""
    if not version:
        return None
    parts = []
    for part in version.strip().split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        if not digits:
            break
        parts.append(int(digits))
    return tuple(parts) or None


def needs_fallback(body: Mapping[str, Any], api_version: str | None) -> bool:
    """True when ``body`` was asked with ``expand`` but the server did not embed anything.

    A body with ``_expand`` (even empty) was handled by the server. Without it, only a
    server known to support expand is trusted to have had nothing to embed.
    """
    if "_expand" in body:
        return False
    version = version_tuple(api_version)
    return version is None or version < EXPAND_SINCE


class ExpandPlan:
    """The expand paths as a tree: ``children("status")`` -> ``["statustype"]``."""

    def __init__(self, paths: Sequence[str]) -> None:
        self.paths = list(paths)

    def children(self, prefix: str) -> list[str]:
        depth = prefix.count(".") + 1 if prefix else 0
        found: list[str] = []
        for path in self.paths:
            parts = path.split(".")
            if len(parts) != depth + 1:
                continue
            if prefix and ".".join(parts[:depth]) != prefix:
                continue
            if parts[depth] not in found:
                found.append(parts[depth])
        return found
