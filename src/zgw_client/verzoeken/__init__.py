"""Verzoeken API (Open VTB) models: submitted requests, verzoektypen and their versions,
and registering one from a portal ([`registration`][zgw_client.verzoeken.registration])."""

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
from .registration import ZaakLinkError, registration_body

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
    "ZaakLinkError",
    "registration_body",
]
