"""Taken API (Open VTB) models: betaaltaken, urltaken and formuliertaken of a citizen.

Also the rules for completing a taak of each kind
([`completion`][zgw_client.taken.completion]) and one citizen-facing view of a taak from
Open VTB or from the Objects API ([`view`][zgw_client.taken.view]).
"""

from .completion import (
    TaakCompletionError,
    TaakNotOpenError,
    completion_body,
    form_fields,
    is_completed,
)
from .models import (
    RESOURCE_MODELS,
    BetaalTaak,
    BetaalTaakDetails,
    Doelrekening,
    ExterneTaak,
    FormulierTaak,
    FormulierTaakDetails,
    IsGerelateerdAan,
    TaakDetails,
    TaakSoort,
    TaakStatus,
    URLTaak,
    URLTaakDetails,
)
from .view import (
    CitizenTaak,
    CitizenTaakSoort,
    TaakBron,
    citizen_taak_from_objecten,
    citizen_taak_from_vtb,
    deadline_order,
    format_euro,
)

__all__ = [
    "RESOURCE_MODELS",
    "BetaalTaak",
    "BetaalTaakDetails",
    "CitizenTaak",
    "CitizenTaakSoort",
    "Doelrekening",
    "ExterneTaak",
    "FormulierTaak",
    "FormulierTaakDetails",
    "IsGerelateerdAan",
    "TaakBron",
    "TaakCompletionError",
    "TaakDetails",
    "TaakNotOpenError",
    "TaakSoort",
    "TaakStatus",
    "URLTaak",
    "URLTaakDetails",
    "citizen_taak_from_objecten",
    "citizen_taak_from_vtb",
    "completion_body",
    "deadline_order",
    "form_fields",
    "format_euro",
    "is_completed",
]
