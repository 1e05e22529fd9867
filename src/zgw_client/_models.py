"""The one model base every API resource builds on.

Why a single base: the ZGW APIs, Open Klant and the Objects API all speak camelCase JSON
and grow new fields and enum values over time. A portal that pins zgw-client must not
break the day its municipality upgrades Open Zaak, so every model

* reads and writes camelCase on the wire while Python code uses snake_case,
* keeps fields it does not know (``extra="allow"``) and sends them back unchanged,
* takes enum values it does not know (see `OpenEnum`).
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.alias_generators import to_camel

from ._exceptions import UnexpectedResponseError
from ._masking import mask_bsn

__all__ = [
    "OPEN_ENUM",
    "Reference",
    "SnakeCaseModel",
    "ZGWModel",
    "model_to_wire",
    "parse_response_body",
    "parse_response_list",
    "shape_error",
]

M = TypeVar("M", bound=BaseModel)

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
    round trip through `model_to_wire`.
    """

    model_config = ConfigDict(
        alias_generator=to_camel,
        populate_by_name=True,
        extra="allow",
        use_enum_values=False,
        ser_json_timedelta="iso8601",
        protected_namespaces=(),
    )

    def __repr__(self) -> str:
        # A repr ends up in log lines and tracebacks: BSN-like numbers masked. The fields
        # themselves keep the data (``rol.betrokkene_identificatie.inp_bsn``).
        return mask_bsn(super().__repr__())

    def __str__(self) -> str:
        return mask_bsn(super().__str__())

    def to_wire(self, *, exclude_unset: bool = True) -> dict[str, Any]:
        """Return the JSON body the API expects (camelCase keys, unset fields left out)."""
        return model_to_wire(self, exclude_unset=exclude_unset)


def model_to_wire(model: BaseModel, *, exclude_unset: bool = True) -> dict[str, Any]:
    """Serialise ``model`` for a request body: camelCase, JSON types, unset fields omitted."""
    return model.model_dump(mode="json", by_alias=True, exclude_unset=exclude_unset)


def parse_response_body(model: type[M], data: Any, *, source: str) -> M:
    """Parse what a server sent as ``model``; a body of the wrong shape is an
    [`UnexpectedResponseError`][zgw_client.UnexpectedResponseError], not a pydantic error.

    The message names where the body differs (field paths and error kinds) but holds none
    of its values: server data can hold a BSN, and messages end up in logs.

    Args:
        model: the model the body should be.
        data: the parsed JSON.
        source: where it came from, for the message (e.g. ``"GET https://.../zaken/..."``),
            with BSN-like numbers already masked.
    """
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise shape_error(exc, data, source=source) from None
    except RecursionError:
        raise UnexpectedResponseError(
            f"{source} answered a body nested too deeply to be a {model.__name__}. "
            "Report it to the server's operator.",
            url=source,
        ) from None


def parse_response_list(model: type[M], data: Any, *, source: str) -> list[M]:
    """Parse an unpaged list (an audit trail, ``zaken/{uuid}/besluiten``) item by item,
    as [`parse_response_body`][zgw_client._models.parse_response_body] does one body."""
    if not isinstance(data, list):
        raise UnexpectedResponseError(
            f"{source} answered a JSON {type(data).__name__} where a list of "
            f"{model.__name__} was expected. Report it to the server's operator.",
            url=source,
        )
    return [parse_response_body(model, item, source=source) for item in data]


def shape_error(exc: ValidationError, data: Any, *, source: str) -> UnexpectedResponseError:
    """The error for a body that failed validation as ``exc.title`` (no values in it)."""
    return UnexpectedResponseError(_shape_message(exc.title, data, exc, source), url=source)


def _shape_message(name: str, data: Any, exc: ValidationError, source: str) -> str:
    if data is None:
        return (
            f"{source} answered without a body where a {name} was expected. Check that the "
            "URL points at the resource; if it does, report it to the server's operator."
        )
    if not isinstance(data, dict):
        return (
            f"{source} answered a JSON {type(data).__name__} where a {name} (an object) was "
            "expected. Check that the URL points at the resource; if it does, report it to "
            "the server's operator."
        )
    problems = exc.errors(include_url=False, include_context=False, include_input=False)
    shown = "; ".join(
        f"{'.'.join(str(part) for part in problem['loc']) or '(body)'}: {problem['type']}"
        for problem in problems[:5]
    )
    more = f" and {len(problems) - 5} more" if len(problems) > 5 else ""
    return (
        f"{source} answered a body that is not a valid {name} ({shown}{more}). The server "
        "may run an API version this SDK does not know; report it with the server's version."
    )


class SnakeCaseModel(ZGWModel):
    """Base of the models of APIs that speak snake_case JSON (Open Product).

    Open Product renders its bodies with DRF's plain JSON renderer, so the wire keys are the
    Python names (``start_datum``, ``producttype_uuid``). Everything else is as in
    [`ZGWModel`][zgw_client._models.ZGWModel]: unknown fields kept, open enums.
    """

    model_config = ConfigDict(alias_generator=None)
