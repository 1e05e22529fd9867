# GENERATED from src/zgw_client/_async/citizen_caches.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""Per-citizen entries in the cache backend: the composed overview, and recent updates.

Both keep their data in the cache the client uses (in memory, Redis, Django's cache): any
object with `get(key)` and `set(key, value, ttl)`, sync or async, values JSON. Keys hold an
HMAC of the BSN under `key_secret`, never the BSN.

* [`OverviewCache`][zgw_client.mijnzaken.OverviewCache]: off unless you pass one
  to [`MijnZaken`][zgw_client.mijnzaken.MijnZaken]. Versioned like the client's
  cache: each subject has a generation token; an overview is stored with the token it was
  composed under, and `invalidate(bsn)` sets a new one, so every worker sees it stale at
  once, also an overview that was being composed while the change came in.
* [`RecentUpdates`][zgw_client.notifications.handlers.RecentUpdates]: the
  newest `keep` updates per citizen, newest first. Adding is a read and a write, not
  atomic: two workers adding for the same citizen at the same moment may lose one update.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .._cache import INITIAL_GENERATION, check_face, new_generation
from ..identifiers import validate_bsn
from ..mijnzaken.models import Overview
from ..notifications.updates import CitizenUpdate, subject_digest

__all__ = ["OverviewCache", "RecentUpdates"]

#: The format of the stored values; in the key, so a change never reads an old one.
_FORMAT = 1


class _AsyncSubjectStore:
    def __init__(self, cache: Any, *, key_secret: str, prefix: str) -> None:
        self.cache = cache
        self._awaits = check_face(cache, "ResponseCache")
        self._secret = key_secret
        self._prefix = prefix
        subject_digest(key_secret, "check", "")  # an empty secret fails here, not later

    def __repr__(self) -> str:
        return f"{type(self).__name__}(cache={type(self.cache).__name__})"

    def _key(self, kind: str, value: str, suffix: str = "") -> str:
        return f"{self._prefix}:{_FORMAT}:{subject_digest(self._secret, kind, value)}{suffix}"

    def _get(self, key: str) -> Any:
        value = self.cache.get(key)
        return value if self._awaits else value

    def _set(self, key: str, value: Any, ttl: float | None) -> None:
        result = self.cache.set(key, value, ttl)
        if self._awaits:
            result


class OverviewCache(_AsyncSubjectStore):
    """Composed overviews per subject, until they are invalidated or `ttl` passes.

    Args:
        cache: the cache backend (the client's own, e.g. ``client.cache``, or a shared one).
        key_secret: the secret the keys' HMAC uses; the same in every worker.
        ttl: seconds an overview is kept at most (default 300): the bound on staleness for
            a change no notification reports (a rol that was removed, a deleted zaak).
    """

    def __init__(self, cache: Any, *, key_secret: str, ttl: float = 300) -> None:
        super().__init__(cache, key_secret=key_secret, prefix="zgw:overview")
        self.ttl = ttl

    def generation(self, kind: str, value: str) -> str:
        """The subject's current generation token."""
        found = self._get(self._key(kind, value, "#generation"))
        return found if isinstance(found, str) and found else INITIAL_GENERATION

    def get(self, kind: str, value: str, variant: str) -> tuple[Overview | None, str]:
        """The stored overview of this subject and variant (`None` if absent or stale),
        and the generation to store a new one under."""
        generation = self.generation(kind, value)
        stored = self._get(self._key(kind, value, f"|{variant}"))
        if not isinstance(stored, dict) or stored.get("gen") != generation:
            return None, generation
        try:
            return Overview.model_validate(stored.get("overview")), generation
        except ValueError:  # a value of another shape: compose anew
            return None, generation

    def put(
        self, kind: str, value: str, variant: str, overview: Overview, generation: str
    ) -> None:
        """Keep `overview`, composed under `generation`."""
        entry = {"gen": generation, "overview": overview.model_dump(mode="json")}
        self._set(self._key(kind, value, f"|{variant}"), entry, self.ttl)

    def invalidate(self, *, bsn: str | None = None, kvk: str | None = None) -> None:
        """Make every stored overview of this citizen (or company) stale, in every worker."""
        kind, value = ("bsn", validate_bsn(bsn)) if bsn else ("kvk", str(kvk or ""))
        self._set(self._key(kind, value, "#generation"), new_generation(), None)


class RecentUpdates(_AsyncSubjectStore):
    """The newest updates per citizen ("Recente berichten"), fed by
    [`record_updates`][zgw_client.notifications.handlers.record_updates].

    Args:
        cache: the cache backend.
        key_secret: the secret the keys' HMAC uses; the same in every worker.
        keep: updates kept per citizen (the oldest go first).
        ttl: seconds a citizen's list is kept after its last update (default 30 days).
    """

    def __init__(
        self, cache: Any, *, key_secret: str, keep: int = 50, ttl: float = 30 * 86400
    ) -> None:
        super().__init__(cache, key_secret=key_secret, prefix="zgw:updates")
        self.keep = keep
        self.ttl = ttl

    def add(self, bsn: str, update: CitizenUpdate) -> None:
        """Add `update` for the citizen; a second update of the same resource and moment
        (a redelivery) is not added twice."""
        key = self._key("bsn", validate_bsn(bsn))
        stored = self._get(key)
        items = [i for i in stored if isinstance(i, dict)] if isinstance(stored, list) else []
        entry = update.model_dump(mode="json")
        if entry in items:
            return
        items.insert(0, entry)
        items.sort(key=lambda i: str(i.get("at", "")), reverse=True)
        self._set(key, items[: self.keep], self.ttl)

    def since(self, bsn: str, since: dt.datetime | None = None) -> list[CitizenUpdate]:
        """The citizen's updates after `since` (all kept ones if `None`), newest first."""
        stored = self._get(self._key("bsn", validate_bsn(bsn)))
        found = []
        for item in stored if isinstance(stored, list) else []:
            try:
                update = CitizenUpdate.model_validate(item)
            except ValueError:
                continue
            if since is None or update.at > _aware(since):
                found.append(update)
        return found


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.timezone.utc)
