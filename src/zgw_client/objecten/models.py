"""Models of the Objects API 2.6/2.7 and the Objecttypes API 2.2.

Objects 3.6 serves API 2.6 and takes its objecttypes from a separate Objecttypes API;
Objects 4.0 ("Open Object") serves API 2.7 with the objecttypes endpoints built in. The same
objecttype therefore has a different ``type`` URL on each (4.0 names its own host, 3.6 the
Objecttypes API's host) while the UUID stays the same: compare objecttypes with
[`objecttype_uuid`][zgw_client.objecten.models.Object.objecttype_uuid], never by URL.

``record.data`` is whatever the objecttype's JSON schema says, so it stays a ``dict``; typed views
on top of it live next to this module ([`zgw_client.objecten.taken`][zgw_client.objecten.taken]).
"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Any
from uuid import UUID

from pydantic import Field

from .._models import OPEN_ENUM, Reference, ZGWModel

__all__ = [
    "RESOURCE_MODELS",
    "DataClassification",
    "Object",
    "ObjectRecord",
    "ObjectReference",
    "Objecttype",
    "ObjecttypeVersion",
    "ObjecttypeVersionStatus",
    "UpdateFrequency",
    "objecttype_uuid",
]


class DataClassification(str, Enum):
    """``Objecttype.dataClassification``."""

    OPEN = "open"
    INTERN = "intern"
    CONFIDENTIAL = "confidential"
    STRICTLY_CONFIDENTIAL = "strictly_confidential"


class UpdateFrequency(str, Enum):
    """``Objecttype.updateFrequency``."""

    REAL_TIME = "real_time"
    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    YEARLY = "yearly"
    UNKNOWN = "unknown"


class ObjecttypeVersionStatus(str, Enum):
    """``ObjecttypeVersion.status``: only ``published`` versions accept objects."""

    PUBLISHED = "published"
    DRAFT = "draft"
    DEPRECATED = "deprecated"


def objecttype_uuid(url: str) -> UUID | None:
    """Return the objecttype UUID in a ``type`` URL, whichever host serves it.

    ``http://a/api/v2/objecttypes/<uuid>`` and ``http://b/api/v2/objecttypes/<uuid>`` name
    the same objecttype when Objects 3.6 and 4.0 are both in use.
    """
    try:
        return UUID(url.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


class ObjectReference(ZGWModel):
    """``record.references[]``: a link from the object to e.g. a zaak."""

    type: str
    url: Reference


class ObjectRecord(ZGWModel):
    """One version of an object's data (also the items of ``/objects/{uuid}/history``)."""

    index: int | None = None
    type_version: int
    data: dict[str, Any] = Field(default_factory=dict)
    geometry: dict[str, Any] | None = None
    references: list[ObjectReference] | None = None
    start_at: date
    end_at: date | None = None
    registration_at: date | None = None
    correction_for: int | None = None
    corrected_by: int | None = None


class Object(ZGWModel):
    """An object of some objecttype (``/objects``); its content is ``record.data``."""

    url: Reference | None = None
    uuid: UUID | None = None
    type: Reference
    record: ObjectRecord

    @property
    def objecttype_uuid(self) -> UUID | None:
        """UUID of the objecttype; unlike ``type`` the same on Objects 3.6 and 4.0."""
        return objecttype_uuid(self.type)


class Objecttype(ZGWModel):
    """An objecttype (``/objecttypes``): name, owner and the list of its versions."""

    url: Reference | None = None
    uuid: UUID | None = None
    name: str
    name_plural: str
    description: str | None = None
    data_classification: DataClassification | str | None = Field(
        default=None, union_mode="left_to_right"
    )
    maintainer_organization: str | None = None
    maintainer_department: str | None = None
    contact_person: str | None = None
    contact_email: str | None = None
    source: str | None = None
    update_frequency: UpdateFrequency | str | None = Field(default=None, union_mode="left_to_right")
    provider_organization: str | None = None
    documentation_url: str | None = None
    labels: dict[str, Any] | None = None
    created_at: date | None = None
    modified_at: date | None = None
    allow_geometry: bool | None = None
    versions: list[Reference] = Field(default_factory=list)


class ObjecttypeVersion(ZGWModel):
    """A version of an objecttype: the JSON schema ``record.data`` must match."""

    url: Reference | None = None
    version: int | None = None
    object_type: Reference | None = None
    status: ObjecttypeVersionStatus | str = OPEN_ENUM
    json_schema: dict[str, Any] = Field(default_factory=dict)
    created_at: date | None = None
    modified_at: date | None = None
    published_at: date | None = None


#: Collection path segment -> model of its items (``versions`` and ``history`` are nested
#: under ``objecttypes/{uuid}`` and ``objects/{uuid}``).
RESOURCE_MODELS: dict[str, type[ZGWModel]] = {
    "objects": Object,
    "objecttypes": Objecttype,
    "versions": ObjecttypeVersion,
    "history": ObjectRecord,
}
