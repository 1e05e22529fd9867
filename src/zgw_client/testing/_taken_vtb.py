"""The Taken API 0.1 (Open VTB 0.1.0): externetaken and their three per-kind endpoints.

One store, four endpoints, as the real server: ``/externetaken`` (every kind; writes need
``taakSoort``) and ``/betaaltaken``, ``/urltaken``, ``/formuliertaken`` (one kind each;
sending ``taakSoort`` there is a 400). Every taak's ``url`` is below ``/externetaken``.
Full CRUD, ``pageSize`` pagination, no list filters (0.1.0 has none). ``details`` is checked
as the server's nested serializers and JSON schemas do; a PATCH of ``details`` is merged into
the stored details. ``status`` changes complete a taak (``uitgevoerd``); there is no action
endpoint. Defaults: ``status`` ``open``, ``startdatum`` today, ``datumHerinnering`` seven days
before ``einddatumHandelingsTermijn``.

Not the NL Portal "portaaltaak" of the Objects API (that is ``_objecten.py``).
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any, ClassVar

from ._berichten import check_is_gerelateerd_aan
from ._collections import _is_date
from ._platform import NOT_A_DICT, FieldErrors, PlatformCollection, kind_of
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "taken"
STATUSES = ("open", "uitgevoerd", "niet_uitgevoerd", "afgebroken", "verwerkt")
SOORTEN = ("betaaltaak", "urltaak", "formuliertaak")
REMINDER_DAYS = 7
_IBAN = re.compile(r"^[A-Za-z]{2}[0-9]{2}[A-Za-z0-9]{1,30}$")
_MAX_LENGTHS = {
    "titel": 100,
    "verwerkerTaakId": 36,
    "handelingsPerspectief": 100,
    "toelichting": 80,
    "isToegewezenAan": 255,
}


def _check_betaaltaak(errors: FieldErrors, details: JSON) -> None:
    prefix = "details."
    errors.required(details, "bedrag", "transactieomschrijving", "doelrekening", prefix=prefix)
    errors.max_length(details, {"transactieomschrijving": 80}, prefix=prefix)
    if details.get("valuta", "EUR") != "EUR":
        errors.add(
            "details.valuta",
            "invalid",
            "Het is niet toegestaan een andere waarde dan EUR door te geven.",
        )
    rekening = details.get("doelrekening")
    if isinstance(rekening, dict):
        if not any(rekening.get(key) for key in ("naam", "code", "iban")):
            errors.add(
                "details.doelrekening",
                "required",
                "Ten minste één van de volgende velden is verplicht: IBAN, code of naam.",
            )
        iban = rekening.get("iban")
        if iban and not _IBAN.match(str(iban)):
            errors.add("details.doelrekening.iban", "invalid", f"Ongeldige IBAN: {iban}")
        errors.max_length(
            rekening, {"naam": 200, "code": 100, "iban": 34}, prefix="details.doelrekening."
        )
    elif "doelrekening" in details and rekening is not None:
        errors.add(
            "details.doelrekening.nonFieldErrors",
            "invalid",
            NOT_A_DICT.format(kind=kind_of(rekening)),
        )
    bedrag = details.get("bedrag")
    if bedrag not in (None, "") and not errors.has("details.bedrag"):
        try:
            amount = Decimal(str(bedrag))
        except InvalidOperation:
            errors.add("details", "invalid", f"'{bedrag}' is not a valid decimal number")
        else:
            exponent = amount.as_tuple().exponent
            if isinstance(exponent, int) and exponent < -2:
                errors.add("details", "invalid", f"'{bedrag}' has more than 2 decimal places")


def _check_urltaak(errors: FieldErrors, details: JSON) -> None:
    errors.required(details, "uitvraagLink", prefix="details.")
    errors.url(details, "uitvraagLink", prefix="details.")


def _check_formuliertaak(errors: FieldErrors, details: JSON) -> None:
    errors.required(details, "formulierDefinitie", prefix="details.")
    definitie = details.get("formulierDefinitie")
    if not isinstance(definitie, dict):
        return
    components = definitie.get("components")
    if not isinstance(components, list):
        errors.add(
            "details.formulierDefinitie",
            "invalid-json-schema",
            "'components' is a required property",
        )
        return
    for component in components:
        keys = component if isinstance(component, dict) else {}
        missing = [k for k in ("label", "key", "type") if k not in keys]
        if missing:
            errors.add(
                "details.formulierDefinitie",
                "invalid-json-schema",
                f"'{missing[0]}' is a required property",
            )
            return


_DETAIL_CHECKS = {
    "betaaltaak": _check_betaaltaak,
    "urltaak": _check_urltaak,
    "formuliertaak": _check_formuliertaak,
}


class ExterneTaken(PlatformCollection):
    """``/externetaken``: every kind; the store of the per-kind endpoints too."""

    api = API
    name = "externetaken"
    urn_component = "taken"
    urn_resource = "externetaak"
    #: the kind an endpoint serves; ``None``: every kind (``taakSoort`` is then required)
    soort: ClassVar[str | None] = None

    def defaults(self) -> JSON:
        return {
            "titel": "",
            "verwerkerTaakId": "",
            "status": "open",
            "startdatum": None,
            "handelingsPerspectief": "",
            "einddatumHandelingsTermijn": None,
            "datumHerinnering": None,
            "toelichting": "",
            "isToegewezenAan": "",
            "isGerelateerdAan": [],
            "taakSoort": self.soort or "",
            "details": {},
        }

    def clean_input(self, data: JSON) -> JSON:
        cleaned = super().clean_input(data)
        if self.soort is not None and "taakSoort" in data:
            # the per-kind endpoints fill taakSoort themselves and refuse it in a body
            cleaned["_taakSoort_given"] = True
        return cleaned

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        errors = FieldErrors()
        if data.pop("_taakSoort_given", False):
            errors.add(
                "taakSoort",
                "invalid",
                "Dit veld wordt automatisch ingevuld; het kan niet worden geselecteerd.",
            )
            errors.raise_if_any()
        if self.soort is not None:
            data["taakSoort"] = self.soort
        elif partial and previous is not None and "taakSoort" not in data:
            data["taakSoort"] = previous["taakSoort"]
        soort = data.get("taakSoort")
        same_kind = previous is not None and previous.get("taakSoort") == soort
        if same_kind and previous is not None and isinstance(data.get("details"), dict):
            # the serializer merges new details into the stored ones of the same kind
            data["details"] = {**previous.get("details", {}), **data["details"]}
        merged = {**previous, **data} if partial and previous else data
        errors.required(merged, "titel", "einddatumHandelingsTermijn", "details", "taakSoort")
        errors.max_length(merged, _MAX_LENGTHS)
        errors.choice(merged, "status", STATUSES)
        errors.choice(merged, "taakSoort", SOORTEN)
        for name in ("startdatum", "einddatumHandelingsTermijn", "datumHerinnering"):
            errors.date(merged, name)
        errors.urn(merged, "isToegewezenAan")
        check_is_gerelateerd_aan(errors, merged)
        details = merged.get("details")
        if isinstance(details, dict) and soort in _DETAIL_CHECKS:
            _DETAIL_CHECKS[str(soort)](errors, details)
        elif details is not None and not isinstance(details, dict):
            errors.add("details", "invalid", NOT_A_DICT.format(kind=kind_of(details)))
        errors.raise_if_any()
        einde = merged.get("einddatumHandelingsTermijn")
        for start in ("startdatum", "datumHerinnering"):
            value = merged.get(start)
            if value and einde and _is_date(value) and _is_date(einde) and value > einde:
                errors.add(
                    "einddatumHandelingsTermijn",
                    "date-mismatch",
                    f"{_snake(start)} should be before einddatum_handelings_termijn.",
                )
        errors.raise_if_any()

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if not body.get("startdatum"):
            body["startdatum"] = dt.date.today().isoformat()
        einde = body.get("einddatumHandelingsTermijn")
        if not body.get("datumHerinnering") and isinstance(einde, str) and _is_date(einde):
            reminder = dt.date.fromisoformat(einde) - dt.timedelta(days=REMINDER_DAYS)
            body["datumHerinnering"] = reminder.isoformat()
        if body.get("taakSoort") == "betaaltaak" and isinstance(body.get("details"), dict):
            # ``valuta`` right after ``bedrag``, in the serializer's field order
            given = body["details"]
            ordered = {k: given[k] for k in ("bedrag",) if k in given}
            ordered["valuta"] = given.get("valuta", "EUR")
            body["details"] = {**ordered, **given}
        if body.get("taakSoort") in ("urltaak", "formuliertaak"):
            details: dict[str, Any] = body.get("details") or {}
            details.setdefault("voorinvullenGegevens", {})
            details.setdefault("ontvangenGegevens", {})


def _snake(name: str) -> str:
    return re.sub(r"(?<=[a-z])([A-Z])", r"_\1", name).lower()


class _PerSoort(ExterneTaken):
    """One kind's endpoint: a filtered view on the ``externetaken`` store."""

    @property
    def table(self) -> dict[str, JSON]:
        return {
            key: body
            for key, body in self.backend.table(API, "externetaken").items()
            if body.get("taakSoort") == self.soort
        }

    def url_for(self, key: str, params: Any = None) -> str:
        return f"{self.backend.api_roots[API]}externetaken/{key}"

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        store = self.backend.collections[(API, "externetaken")]
        return store.insert({**data, "taakSoort": self.soort}, previous)

    def remove(self, key: str) -> JSON | None:
        # ``DELETE /betaaltaken/{uuid}`` deletes the taak itself (it lives in one store)
        return self.backend.collections[(API, "externetaken")].remove(key)


class BetaalTaken(_PerSoort):
    name = "betaaltaken"
    soort = "betaaltaak"


class URLTaken(_PerSoort):
    name = "urltaken"
    soort = "urltaak"


class FormulierTaken(_PerSoort):
    name = "formuliertaken"
    soort = "formuliertaak"


def install(backend: InMemoryBackend) -> None:
    for collection in (ExterneTaken, BetaalTaken, URLTaken, FormulierTaken):
        backend.register(collection)
