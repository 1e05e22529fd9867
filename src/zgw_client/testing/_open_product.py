"""What the Open Product resources share: statuses and doelgroepen, UUID references, the
collection with Open Product's problem texts, publication dates."""

from __future__ import annotations

import copy
import datetime as dt
import uuid as uuidlib
from typing import TYPE_CHECKING, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ._platform import (
    FieldErrors,
    PlatformCollection,
)
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


API = "producttypen"


STATUSES = ("in_aanvraag", "gereed", "actief", "ingetrokken", "geweigerd", "verlopen")


DOELGROEPEN = (
    "burgers",
    "interne_organisatie",
    "samenwerkingspartners",
    "bedrijven_en_instellingen",
)


_UPL = "http://standaarden.overheid.nl/owms/terms/"


NOT_FOUND_UUID = "Object met uuid={value} bestaat niet."


def is_uuid(value: object) -> bool:
    try:
        uuidlib.UUID(str(value))
    except ValueError:
        return False
    return True


def check_uuid_ref(
    backend: InMemoryBackend, errors: FieldErrors, data: JSON, name: str, table: str
) -> None:
    """A ``UUIDRelatedField``: the UUID of an existing object of ``table``."""
    value = data.get(name)
    if value in (None, ""):
        return
    if not is_uuid(value):
        errors.add(name, "invalid", "Ongeldige waarde")
    elif str(value) not in backend.table(API, table):
        errors.add(name, "does_not_exist", NOT_FOUND_UUID.format(value=value))


def check_uuid_refs(
    backend: InMemoryBackend, errors: FieldErrors, data: JSON, name: str, table: str
) -> None:
    for index, value in enumerate(data.get(name) or []):
        if not is_uuid(value):
            errors.add(f"{name}.{index}", "invalid", "Ongeldige waarde")
        elif str(value) not in backend.table(API, table):
            errors.add(name, "does_not_exist", NOT_FOUND_UUID.format(value=value))


class OpenProductCollection(PlatformCollection):
    """Open Product: ``page_size``, timestamps, no ``url`` or ``urn`` unless declared."""

    api = API
    page_size_param = "page_size"
    has_url: ClassVar[bool] = False
    read_only: ClassVar[tuple[str, ...]] = ("uuid", "url", "aanmaak_datum", "update_datum")

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if "aanmaak_datum" in self.defaults():
            body["aanmaak_datum"] = (previous or {}).get("aanmaak_datum") or local_now()
            body["update_datum"] = local_now()

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        if not self.has_url:
            rendered.pop("url", None)
        return {"uuid": rendered.pop("uuid"), **rendered}


def local_now() -> str:
    """Now as Open Product renders it: in its TIME_ZONE (Europe/Amsterdam), with the offset
    (``2026-12-07T12:41:15.094677+01:00``); UTC where the zone database is missing."""
    try:
        zone: dt.tzinfo = ZoneInfo("Europe/Amsterdam")
    except ZoneInfoNotFoundError:  # pragma: no cover - a system without tzdata
        zone = dt.timezone.utc
    return dt.datetime.now(zone).isoformat(timespec="microseconds")


def published(body: JSON, today: dt.date | None = None) -> bool:
    """Open Product's ``gepubliceerd``: started and not yet ended."""
    day = (today or dt.date.today()).isoformat()
    start, end = body.get("publicatie_start_datum"), body.get("publicatie_eind_datum")
    return bool(start) and str(start) <= day and (not end or str(end) > day)
