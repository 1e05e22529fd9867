"""The backend's side of notifications: what it published, and where it delivers it."""

from __future__ import annotations

import copy
import threading
from typing import TYPE_CHECKING

from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


class Notifier:
    """Keeps every message published on the backend (``sent``), oldest first."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend
        self.sent: list[JSON] = []
        self._lock = threading.Lock()

    def publish(self, message: JSON) -> None:
        """Take one message (as ``POST /notificaties`` answers it)."""
        with self._lock:
            self.sent.append(copy.deepcopy(message))
