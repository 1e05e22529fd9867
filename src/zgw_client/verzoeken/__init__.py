"""Verzoeken API (Open VTB) models: submitted requests, verzoektypen and their versions."""

from .models import (
    RESOURCE_MODELS,
    BijlageType,
    IsGerelateerdAan,
    VerwerkStatus,
    Verzoek,
    VerzoekBetaling,
    VerzoekBijlage,
    VerzoekBron,
    VerzoekType,
    VerzoekTypeVersie,
    VerzoekTypeVersieStatus,
    VerzoekTypeVersieSummary,
)

__all__ = [
    "RESOURCE_MODELS",
    "BijlageType",
    "IsGerelateerdAan",
    "VerwerkStatus",
    "Verzoek",
    "VerzoekBetaling",
    "VerzoekBijlage",
    "VerzoekBron",
    "VerzoekType",
    "VerzoekTypeVersie",
    "VerzoekTypeVersieStatus",
    "VerzoekTypeVersieSummary",
]
