"""Citizen tasks ("taken"): objects of a Taak objecttype, read as one typed
[`Taak`][zgw_client.objecten.taken.Taak].

Why a mapping layer: there is no VNG standard for a taak. Each portal/case system defined its own
objecttype, so the same idea ("upload this document before 31 December") arrives in several JSON
shapes. `taak_from_object` reads all shapes below into one [`Taak`][zgw_client.objecten.taken.Taak];
`taak_to_data` writes it back **in the shape it came in** (the objecttype's JSON schema would refuse
another shape) and keeps keys it does not know.

Supported shapes of ``record.data``:

``portaaltaak-v2`` (NL Portal / GZAC "TaakV2", ``specs/taak-nlportal-v2.schema.json``)
    ``titel``, ``status`` (open/afgerond/verwerkt/gesloten), ``soort`` (url /
    portaalformulier / ogonebetaling) with the details in a key of the same name
    (``url {uri}``, ``portaalformulier {formulier {soort, value}, data, verzonden_data}``,
    ``ogonebetaling {bedrag, betaalkenmerk, pspid}``), ``identificatie {type, value}``,
    ``koppeling {registratie, uuid}`` (the schema's ``value`` is accepted as well),
    ``verloopdatum``, ``eigenaar``, ``verwerker_taak_id``. An early v2 draft called the
    form soort ``formtaak`` with a ``formtaak`` block: read as `Taak.portaalformulier`.

``portaaltaak-v1`` (NL Portal / GZAC v1 portaaltaak, also used by Open Inwoner setups and
the Objects API samples this SDK is tested against)
    ``titel`` (CommonGateway variants: ``title``), ``status`` (open/ingediend/verwerkt/
    gesloten), ``formulier {type: url|id, value}``, ``data``, ``verzonden_data``, ``zaak``
    (a zaak URL instead of a koppeling), ``identificatie {type, value}``, ``verloopdatum``
    (CommonGateway: ``vervaldatum``), ``verwerker_taak_id``. The oldest GZAC form has
    ``bsn``/``kvk`` at the top level instead of ``identificatie`` and ``formulier_id`` instead
    of ``formulier``; both are read and written back in place.

Not supported (no public schema found): Open Inwoner's "externe klanttaak" and the OIP
"Klanttaak" beyond what the v1 shape covers; such objects still parse if they carry
``titel``/``status``, and everything else stays in `Taak.data`.
"""

from __future__ import annotations

import copy
from datetime import date, datetime, timezone
from enum import Enum
from typing import Any, Literal
from uuid import UUID

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .._exceptions import InputError
from .._models import OPEN_ENUM, ZGWModel
from .models import Object

__all__ = [
    "FormulierSoort",
    "IdentificatieType",
    "KoppelingRegistratie",
    "Ogonebetaling",
    "Portaalformulier",
    "Taak",
    "TaakFormulier",
    "TaakIdentificatie",
    "TaakKoppeling",
    "TaakSoort",
    "TaakStatus",
    "TaakUrl",
    "TaakVariant",
    "days_left",
    "is_open",
    "taak_from_object",
    "taak_to_data",
]

TaakVariant = Literal["portaaltaak-v2", "portaaltaak-v1"]


class TaakStatus(str, Enum):
    """Status of a taak. ``ingediend`` is the v1 name for what v2 calls ``afgerond``."""

    OPEN = "open"
    AFGEROND = "afgerond"
    INGEDIEND = "ingediend"
    VERWERKT = "verwerkt"
    GESLOTEN = "gesloten"


class TaakSoort(str, Enum):
    """What the citizen has to do; the details sit in the field of the same name."""

    URL = "url"
    PORTAALFORMULIER = "portaalformulier"
    OGONEBETALING = "ogonebetaling"


class IdentificatieType(str, Enum):
    """Whose taak it is: a person (BSN) or a company (KVK)."""

    BSN = "bsn"
    KVK = "kvk"


class KoppelingRegistratie(str, Enum):
    """What the taak is linked to."""

    ZAAK = "zaak"
    PRODUCT = "product"


class FormulierSoort(str, Enum):
    """How a form is identified: by URL (external) or by id (stored in the portal)."""

    URL = "url"
    ID = "id"


class TaakIdentificatie(ZGWModel):
    """``identificatie {type, value}``: the BSN or KVK-nummer the taak is for."""

    type: IdentificatieType | str = OPEN_ENUM
    value: str


class TaakKoppeling(ZGWModel):
    """``koppeling {registratie, uuid}``; the v2 schema's text says ``value``, its example ``uuid``.

    Both are kept as sent; [`id`][zgw_client.objecten.taken.TaakKoppeling.id] reads whichever is
    present.
    """

    registratie: KoppelingRegistratie | str = OPEN_ENUM
    uuid: str | None = None
    value: str | None = None

    @property
    def id(self) -> str | None:
        """The linked zaak/product id, whichever key carried it."""
        return self.uuid if self.uuid is not None else self.value


class TaakUrl(ZGWModel):
    """``url {uri}``: the citizen is sent to this link."""

    uri: str


class TaakFormulier(ZGWModel):
    """``formulier {soort, value}``: which (Form.io) form to show."""

    soort: FormulierSoort | str = OPEN_ENUM
    value: str


class Portaalformulier(ZGWModel):
    """``portaalformulier``: a form filled in inside the portal; ``data`` pre-fills it."""

    formulier: TaakFormulier
    data: dict[str, Any] | None = None
    verzonden_data: dict[str, Any] | None = Field(
        default=None,
        alias="verzonden_data",
        validation_alias=AliasChoices("verzonden_data", "verzondenData"),
    )


class Ogonebetaling(ZGWModel):
    """``ogonebetaling``: a payment through Ogone/Ingenico."""

    bedrag: float
    betaalkenmerk: str
    pspid: str


class Taak(BaseModel):
    """A citizen's taak, whichever objecttype shape it was stored in.

    ``data`` is the object's ``record.data`` as read; `taak_to_data` starts from it so
    keys this model does not know survive a write. ``variant`` says which shape to write.
    """

    model_config = ConfigDict(extra="forbid")

    titel: str
    status: TaakStatus | str = OPEN_ENUM
    soort: TaakSoort | str | None = Field(default=None, union_mode="left_to_right")
    url: TaakUrl | None = None
    portaalformulier: Portaalformulier | None = None
    ogonebetaling: Ogonebetaling | None = None
    identificatie: TaakIdentificatie | None = None
    koppeling: TaakKoppeling | None = None
    #: v1 links a zaak by URL; v2 only by UUID (`koppeling`).
    zaak_url: str | None = None
    verloopdatum: datetime | date | None = None
    eigenaar: str | None = None
    verwerker_taak_id: str | None = None
    object_url: str | None = None
    object_uuid: UUID | None = None
    data: dict[str, Any] = Field(default_factory=dict)
    variant: TaakVariant = "portaaltaak-v2"

    @property
    def zaak_uuid(self) -> str | None:
        """UUID of the linked zaak, from the koppeling or the end of `zaak_url`."""
        if self.koppeling is not None and _value(self.koppeling.registratie) == "zaak":
            return self.koppeling.id
        if self.zaak_url:
            return self.zaak_url.rstrip("/").rsplit("/", 1)[-1]
        return None


# --------------------------------------------------------------------------- helpers
_DATETIME = TypeAdapter(datetime)
_DATE = TypeAdapter(date)
_V2_KEYS = ("soort", "koppeling", "portaalformulier", "ogonebetaling", "eigenaar", "formtaak")
_V1_KEYS = ("formulier", "formulier_id", "zaak", "bsn", "kvk")


def _value(code: Enum | str | None) -> str | None:
    return code.value if isinstance(code, Enum) else code


def _parse_verloopdatum(raw: Any) -> datetime | date | None:
    """A date-time as the schemas say; a bare date is kept a date (some forms send one)."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, (datetime, date)):
        return raw
    if isinstance(raw, str) and "T" not in raw and " " not in raw.strip():
        return _DATE.validate_python(raw)
    return _DATETIME.validate_python(raw)


def _format_verloopdatum(value: datetime | date) -> str:
    if isinstance(value, datetime):
        text = value.isoformat()
        return text[:-6] + "Z" if value.utcoffset() == timezone.utc.utcoffset(None) else text
    return value.isoformat()


def _detect_variant(data: dict[str, Any]) -> TaakVariant:
    if any(key in data for key in _V2_KEYS):
        return "portaaltaak-v2"
    if any(key in data for key in _V1_KEYS):
        return "portaaltaak-v1"
    return "portaaltaak-v2"


def _v1_identificatie(data: dict[str, Any]) -> TaakIdentificatie | None:
    for soort in ("bsn", "kvk"):
        if data.get(soort):
            return TaakIdentificatie(type=soort, value=str(data[soort]))
    return None


def _v1_portaalformulier(data: dict[str, Any]) -> Portaalformulier | None:
    formulier = data.get("formulier")
    if isinstance(formulier, dict):
        extra = {k: v for k, v in formulier.items() if k not in ("type", "soort", "value")}
        form = TaakFormulier(
            soort=formulier.get("type", formulier.get("soort", "url")),
            value=str(formulier.get("value", "")),
            **extra,
        )
    elif data.get("formulier_id"):
        form = TaakFormulier(soort=FormulierSoort.ID, value=str(data["formulier_id"]))
    else:
        return None
    return Portaalformulier(
        formulier=form, data=data.get("data"), verzonden_data=data.get("verzonden_data")
    )


# --------------------------------------------------------------------------- public
def taak_from_object(obj: Object) -> Taak:
    """Read the taak in ``obj.record.data``, whichever supported shape it has.

    Raises:
        InputError: the data has no ``titel``/``status`` or a part does not have the shape
            its schema prescribes; the message names the object.
    """
    data = obj.record.data
    where = obj.url or str(obj.uuid) or "object"
    titel = data.get("titel", data.get("title"))
    if not isinstance(titel, str) or "status" not in data:
        raise InputError(
            f"{where} is not a taak: record.data lacks 'titel' or 'status'. "
            "Check that the objecttype is a Taak objecttype."
        )
    variant = _detect_variant(data)
    try:
        verloopdatum = _parse_verloopdatum(data.get("verloopdatum", data.get("vervaldatum")))
        identificatie = (
            TaakIdentificatie.model_validate(data["identificatie"])
            if isinstance(data.get("identificatie"), dict)
            else _v1_identificatie(data)
        )
        koppeling = (
            TaakKoppeling.model_validate(data["koppeling"])
            if isinstance(data.get("koppeling"), dict)
            else None
        )
        zaak_url = data.get("zaak") if isinstance(data.get("zaak"), str) else None
        if koppeling is None and zaak_url:
            koppeling = TaakKoppeling(
                registratie=KoppelingRegistratie.ZAAK,
                uuid=zaak_url.rstrip("/").rsplit("/", 1)[-1],
            )
        form_block = data.get("portaalformulier", data.get("formtaak"))
        portaalformulier = (
            Portaalformulier.model_validate(form_block)
            if isinstance(form_block, dict)
            else _v1_portaalformulier(data)
        )
        soort = data.get("soort")
        if soort is None and variant == "portaaltaak-v1" and portaalformulier is not None:
            soort = TaakSoort.PORTAALFORMULIER
        return Taak(
            titel=titel,
            status=data["status"],
            soort=soort,
            url=TaakUrl.model_validate(data["url"]) if isinstance(data.get("url"), dict) else None,
            portaalformulier=portaalformulier,
            ogonebetaling=(
                Ogonebetaling.model_validate(data["ogonebetaling"])
                if isinstance(data.get("ogonebetaling"), dict)
                else None
            ),
            identificatie=identificatie,
            koppeling=koppeling,
            zaak_url=zaak_url,
            verloopdatum=verloopdatum,
            eigenaar=data.get("eigenaar"),
            verwerker_taak_id=(
                str(data["verwerker_taak_id"]) if data.get("verwerker_taak_id") else None
            ),
            object_url=obj.url,
            object_uuid=obj.uuid,
            data=copy.deepcopy(data),
            variant=variant,
        )
    except ValidationError as exc:
        raise InputError(f"{where} has a malformed taak in record.data: {exc}") from exc


def taak_to_data(taak: Taak) -> dict[str, Any]:
    """Return ``record.data`` for writing ``taak``, in the shape of its `variant`.

    Starts from `Taak.data`, so unknown keys are kept. A field that is ``None`` is
    written (as ``null``) only when the original data had that key.
    """
    orig = taak.data
    out = copy.deepcopy(orig)

    def put(key: str, value: Any) -> None:
        if value is None and key not in orig:
            return
        out[key] = value

    def wire(model: ZGWModel | None) -> dict[str, Any] | None:
        return model.to_wire() if model is not None else None

    put("title" if "title" in orig and "titel" not in orig else "titel", taak.titel)
    put("status", _value(taak.status))
    date_key = (
        "vervaldatum" if "vervaldatum" in orig and "verloopdatum" not in orig else "verloopdatum"
    )
    original_raw = orig.get(date_key)
    try:
        unchanged = _parse_verloopdatum(original_raw) == taak.verloopdatum
    except ValidationError:
        unchanged = False
    if unchanged and date_key in orig:
        put(date_key, original_raw)
    else:
        put(date_key, _format_verloopdatum(taak.verloopdatum) if taak.verloopdatum else None)
    put("verwerker_taak_id", taak.verwerker_taak_id)
    put("eigenaar", taak.eigenaar)

    if taak.variant == "portaaltaak-v2":
        put("soort", _value(taak.soort))
        put("identificatie", wire(taak.identificatie))
        put("koppeling", wire(taak.koppeling))
        put("url", wire(taak.url))
        form_key = "portaalformulier"
        if "formtaak" in orig and "portaalformulier" not in orig:
            form_key = "formtaak"
        put(form_key, wire(taak.portaalformulier))
        put("ogonebetaling", wire(taak.ogonebetaling))
        put("zaak", taak.zaak_url)
        return out

    # portaaltaak-v1: identificatie possibly as top-level bsn/kvk, formulier {type, value}.
    ident = taak.identificatie
    if ("bsn" in orig or "kvk" in orig) and "identificatie" not in orig:
        for soort in ("bsn", "kvk"):
            out.pop(soort, None)
        if ident is not None:
            out[_value(ident.type) or "bsn"] = ident.value
    else:
        put("identificatie", wire(ident))
    form = taak.portaalformulier
    if form is not None:
        if "formulier_id" in orig and "formulier" not in orig:
            out["formulier_id"] = form.formulier.value
        else:
            extra = dict(form.formulier.model_extra or {})
            out["formulier"] = {
                "type": _value(form.formulier.soort),
                "value": form.formulier.value,
                **extra,
            }
        put("data", form.data)
        put("verzonden_data", form.verzonden_data)
    put("zaak", taak.zaak_url)
    for key, value in (("url", taak.url), ("ogonebetaling", taak.ogonebetaling)):
        put(key, wire(value))
    if "koppeling" in orig:
        put("koppeling", wire(taak.koppeling))
    return out


def is_open(taak: Taak) -> bool:
    """Whether the citizen still has to act: status ``open`` (a passed deadline does not
    close a taak; the case system does)."""
    return _value(taak.status) == TaakStatus.OPEN.value


def days_left(taak: Taak, today: date) -> int | None:
    """Days from ``today`` to the verloopdatum (negative when passed), ``None`` without one.

    Uses the calendar date as the issuer wrote it (``2026-12-31T23:59:59Z`` counts as
    31 December) rather than converting time zones: issuers write "end of the day" with
    careless offsets, and citizens think in dates.
    """
    deadline = taak.verloopdatum
    if deadline is None:
        return None
    day = deadline.date() if isinstance(deadline, datetime) else deadline
    return (day - today).days
