"""The one model base every API resource builds on.

Why a single base: the ZGW APIs, Open Klant and the Objects API all speak camelCase JSON
and grow new fields and enum values over time. A portal that pins zgw-client must not
break the day its municipality upgrades Open Zaak, so every model

* reads and writes camelCase on the wire while Python code uses snake_case,
* keeps fields it does not know (``extra="allow"``) and sends them back unchanged,
* takes enum values it does not know (see :data:`OpenEnum`).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field
from pydantic.alias_generators import to_camel

__all__ = ["OPEN_ENUM", "Reference", "SnakeCaseModel", "ZGWModel", "model_to_wire"]

#: A URL that points at another ZGW resource. Typed as ``str`` on purpose: the servers send
#: ``""`` for "no reference" in places (``rol.betrokkene``), which a strict URL type refuses.
#: Turn it into a model with ``client.get(url)`` or the resource's ``get(url)``.
Reference = str

#: Marks a ``KnownEnum | str`` union so that pydantic tries the enum first: a known value
#: becomes the enum member, a value a newer server added stays a plain string.
OPEN_ENUM = Field(union_mode="left_to_right")


class ZGWModel(BaseModel):
    """Base of all resource models: camelCase on the wire, unknown fields kept.

    Attributes are snake_case (``zaak.uiterlijke_einddatum_afdoening``); the JSON keys stay as
    the API sends them. Fields a newer server adds are kept in ``model_extra`` and survive a
    round trip through :func:`model_to_wire`.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        use_enum_values=False,
        ser_json_timedelta="iso8601",
        protected_namespaces=(),
    )

    def to_wire(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """Return the JSON body the API expects (camelCase keys, unset fields left out)."""
        return model_to_wire(self, exclude_unset=exclude_unset)


def model_to_wire(model: BaseModel, *, exclude_unset: bool = True) -> dict[str, Any]:
    """Serialise ``model`` for a request body: camelCase, JSON types, unset fields omitted."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset)


class SnakeCaseModel(ZGWModel):
    """Base of the models of APIs that speak snake_case JSON (Open Product).

    Open Product renders its bodies with DRF's plain JSON renderer, so the wire keys are the
    Python names (``start_datum``, ``producttype_uuid``). Everything else is as in
    [`ZGWModel`][zgw_client._models.ZGWModel]: unknown fields kept, open enums.
    """

    model_config = ConfigDict(alias_generator=None)
