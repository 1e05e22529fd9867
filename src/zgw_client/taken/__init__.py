"""Taken API (Open VTB) models: betaaltaken, urltaken and formuliertaken of a citizen.

Also the rules for completing a taak of each kind
([`completion`][zgw_client.taken.completion]) and one citizen-facing view of a taak from
Open VTB or from the Objects API ([`view`][zgw_client.taken.view]).

The resources (sync `TakenAPI`, async `AsyncTakenAPI`, and one class per endpoint) load
on first use, so importing the models does not load a client face.
"""

from typing import TYPE_CHECKING

from .. import _lazy
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

if TYPE_CHECKING:
    from .._async.taken import (
        AsyncBetaalTaken,
        AsyncExterneTaken,
        AsyncFormulierTaken,
        AsyncTakenAPI,
        AsyncURLTaken,
    )
    from .._sync.taken import (
        BetaalTaken,
        ExterneTaken,
        FormulierTaken,
        TakenAPI,
        URLTaken,
    )

#: The resource classes, imported when first read (see ``zgw_client._lazy``).
_EXPORTS = {
    "AsyncExterneTaken": "zgw_client._async.taken",
    "AsyncBetaalTaken": "zgw_client._async.taken",
    "AsyncURLTaken": "zgw_client._async.taken",
    "AsyncFormulierTaken": "zgw_client._async.taken",
    "AsyncTakenAPI": "zgw_client._async.taken",
    "ExterneTaken": "zgw_client._sync.taken",
    "BetaalTaken": "zgw_client._sync.taken",
    "URLTaken": "zgw_client._sync.taken",
    "FormulierTaken": "zgw_client._sync.taken",
    "TakenAPI": "zgw_client._sync.taken",
}

if not TYPE_CHECKING:
    __getattr__, __dir__ = _lazy.attach(__name__, _EXPORTS)

__all__ = [
    "RESOURCE_MODELS",
    "AsyncBetaalTaken",
    "AsyncExterneTaken",
    "AsyncFormulierTaken",
    "AsyncTakenAPI",
    "AsyncURLTaken",
    "BetaalTaak",
    "BetaalTaakDetails",
    "BetaalTaken",
    "CitizenTaak",
    "CitizenTaakSoort",
    "Doelrekening",
    "ExterneTaak",
    "ExterneTaken",
    "FormulierTaak",
    "FormulierTaakDetails",
    "FormulierTaken",
    "IsGerelateerdAan",
    "TaakBron",
    "TaakCompletionError",
    "TaakDetails",
    "TaakNotOpenError",
    "TaakSoort",
    "TaakStatus",
    "TakenAPI",
    "URLTaak",
    "URLTaakDetails",
    "URLTaken",
    "citizen_taak_from_objecten",
    "citizen_taak_from_vtb",
    "completion_body",
    "deadline_order",
    "form_fields",
    "format_euro",
    "is_completed",
]
