"""Taken API (Open VTB) models: betaaltaken, urltaken and formuliertaken of a citizen."""

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

__all__ = [
    "RESOURCE_MODELS",
    "BetaalTaak",
    "BetaalTaakDetails",
    "Doelrekening",
    "ExterneTaak",
    "FormulierTaak",
    "FormulierTaakDetails",
    "IsGerelateerdAan",
    "TaakDetails",
    "TaakSoort",
    "TaakStatus",
    "URLTaak",
    "URLTaakDetails",
]
