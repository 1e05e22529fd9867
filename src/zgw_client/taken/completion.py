"""Completing an Open VTB taak by the rules of its kind, checked before anything is sent.

Open VTB 0.1.0 has no "complete" action: a taak is done when its ``status`` becomes
``uitgevoerd`` (a PATCH). What else belongs in that PATCH depends on the kind:

* **betaaltaak**: the citizen paid. The API has no field for the payment itself, so the
  portal passes what its payment provider confirmed (``bedrag`` and the
  ``transactieomschrijving`` it paid with) and the taak is only completed when both are
  exactly the taak's: a payment of another amount, or for another reference, does not
  complete this taak.
* **formuliertaak**: the citizen filled in the form. The answers go to
  ``details.ontvangenGegevens``; their keys must be fields of ``details.formulierDefinitie``
  (Form.io components) and every component marked ``validate.required`` must be answered.
* **urltaak**: the citizen did it on the linked site (``details.uitvraagLink``). What that
  site sent back may go to ``details.ontvangenGegevens``.

[`completion_body`][zgw_client.taken.completion.completion_body] builds the PATCH body or
raises [`TaakCompletionError`][zgw_client.taken.completion.TaakCompletionError] saying which
rule failed; the values themselves (an amount, a form answer) are not repeated.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

from .._exceptions import InputError
from .models import (
    BetaalTaakDetails,
    ExterneTaak,
    FormulierTaakDetails,
    TaakSoort,
    TaakStatus,
    URLTaakDetails,
)

__all__ = [
    "TaakCompletionError",
    "TaakNotOpenError",
    "completion_body",
    "form_fields",
    "is_completed",
]

#: Form.io components that only lay out other components (their children hold the data).
_LAYOUT = frozenset(
    {"panel", "fieldset", "columns", "well", "table", "tabs", "htmlelement", "content", "button"}
)


class TaakCompletionError(InputError):
    """What was given to complete a taak does not meet the rules of its kind."""


class TaakNotOpenError(TaakCompletionError):
    """The taak is closed in another way (``niet_uitgevoerd``, ``afgebroken``, ``verwerkt``)."""


def _value(code: Enum | str | None) -> str | None:
    return code.value if isinstance(code, Enum) else code


def is_completed(taak: ExterneTaak) -> bool:
    """Whether the taak is ``uitgevoerd`` already (completing it again changes nothing)."""
    return _value(taak.status) == TaakStatus.UITGEVOERD.value


def form_fields(definitie: Mapping[str, Any]) -> dict[str, bool]:
    """The data keys of a Form.io definition, each with whether it is required.

    Layout components (panels, columns, ...) are looked into; a data component's own
    children (a ``container``'s or ``datagrid``'s) belong to its value and are not listed.
    """
    return dict(_fields(definitie.get("components")))


def _fields(components: Any) -> Iterator[tuple[str, bool]]:
    for component in components if isinstance(components, list) else []:
        if not isinstance(component, dict):
            continue
        if component.get("type") in _LAYOUT or not component.get("key"):
            yield from _fields(component.get("components"))
            for column in component.get("columns") or []:
                if isinstance(column, dict):
                    yield from _fields(column.get("components"))
            for row in component.get("rows") or []:
                for cell in row if isinstance(row, list) else []:
                    if isinstance(cell, dict):
                        yield from _fields(cell.get("components"))
            continue
        validate = component.get("validate")
        required = isinstance(validate, dict) and validate.get("required") is True
        yield str(component["key"]), required


def _answered(value: Any) -> bool:
    return value is not None and value != "" and value != [] and value != {}


def completion_body(
    taak: ExterneTaak,
    *,
    bedrag: Decimal | str | None = None,
    transactieomschrijving: str | None = None,
    gegevens: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The PATCH body that completes ``taak``, after checking its kind's rules.

    Args:
        taak: the taak as read from the server (its ``taakSoort`` and ``details`` decide).
        bedrag: betaaltaak: the amount the citizen paid.
        transactieomschrijving: betaaltaak: the payment reference the citizen paid with.
        gegevens: formuliertaak: the form's answers (required); urltaak: what the linked
            site sent back (optional).

    Raises:
        TaakNotOpenError: the taak is closed (and not ``uitgevoerd``).
        TaakCompletionError: a rule of the kind is not met, or an argument does not belong
            to the kind (a ``bedrag`` for a formuliertaak), or the kind is unknown.
    """
    status = _value(taak.status)
    if status not in (None, TaakStatus.OPEN.value, TaakStatus.UITGEVOERD.value):
        raise TaakNotOpenError(
            f"The taak is {status!r}: only an open taak can be completed. Its status is "
            "set by the system that handles it; refresh the portal's view."
        )
    soort = _value(taak.taak_soort)
    details = taak.details
    if soort == TaakSoort.BETAALTAAK.value and isinstance(details, BetaalTaakDetails):
        _no(gegevens=gegevens, kind=soort)
        _check_payment(details, bedrag, transactieomschrijving)
        return {"status": TaakStatus.UITGEVOERD.value}
    if soort == TaakSoort.FORMULIERTAAK.value and isinstance(details, FormulierTaakDetails):
        _no(bedrag=bedrag, transactieomschrijving=transactieomschrijving, kind=soort)
        if gegevens is None:
            raise TaakCompletionError(
                "A formuliertaak is completed with the form's answers: pass gegevens={...}."
            )
        _check_answers(details, gegevens)
        # The whole details, as the spec's PATCH body wants them (the server merges).
        return {
            "status": TaakStatus.UITGEVOERD.value,
            "details": {
                "formulierDefinitie": details.formulier_definitie,
                "ontvangenGegevens": dict(gegevens),
            },
        }
    if soort == TaakSoort.URLTAAK.value and isinstance(details, URLTaakDetails):
        _no(bedrag=bedrag, transactieomschrijving=transactieomschrijving, kind=soort)
        body: dict[str, Any] = {"status": TaakStatus.UITGEVOERD.value}
        if gegevens is not None:
            body["details"] = {
                "uitvraagLink": details.uitvraag_link,
                "ontvangenGegevens": dict(gegevens),
            }
        return body
    raise TaakCompletionError(
        f"Cannot complete a taak of kind {soort!r}: the rules are known for betaaltaak, "
        "formuliertaak and urltaak (with details of that shape). Change its status with "
        "partial_update() if you know what it needs."
    )


def _no(*, kind: str, **given: Any) -> None:
    extra = sorted(name for name, value in given.items() if value is not None)
    if extra:
        raise TaakCompletionError(f"A {kind} is not completed with {', '.join(extra)}.")


def _check_payment(
    details: BetaalTaakDetails, bedrag: Decimal | str | None, omschrijving: str | None
) -> None:
    if bedrag is None or omschrijving is None:
        raise TaakCompletionError(
            "A betaaltaak is completed by the payment the citizen made: pass bedrag=... and "
            "transactieomschrijving=... as the payment provider confirmed them."
        )
    try:
        paid = Decimal(str(bedrag))
    except InvalidOperation:
        raise TaakCompletionError("bedrag is not a decimal amount, e.g. '12.50'.") from None
    if not paid.is_finite() or paid != details.bedrag:
        raise TaakCompletionError(
            "The amount paid is not the amount of the betaaltaak; the taak stays open. "
            "Compare the payment with details.bedrag."
        )
    if omschrijving.strip() != details.transactieomschrijving.strip():
        raise TaakCompletionError(
            "The payment was made for another transactieomschrijving than this betaaltaak's; "
            "the taak stays open."
        )


def _check_answers(details: FormulierTaakDetails, gegevens: Mapping[str, Any]) -> None:
    fields = form_fields(details.formulier_definitie)
    unknown = sorted(str(key) for key in gegevens if key not in fields)
    if unknown:
        raise TaakCompletionError(
            f"The answers hold fields the form does not have: {', '.join(unknown)}. "
            f"The form's fields: {', '.join(fields) or '(none)'}."
        )
    missing = [
        key for key, required in fields.items() if required and not _answered(gegevens.get(key))
    ]
    if missing:
        raise TaakCompletionError(
            f"Required fields of the form are not answered: {', '.join(missing)}."
        )
