"""Typed models of the Contactmomenten API 1.0 (legacy predecessor of Klantinteracties)."""

from .models import (
    RESOURCE_MODELS,
    Contactmoment,
    Initiatiefnemer,
    KlantContactMoment,
    KlantContactMomentRol,
    MedewerkerIdentificatie,
    ObjectContactMoment,
    ObjectType,
)

__all__ = [
    "RESOURCE_MODELS",
    "Contactmoment",
    "Initiatiefnemer",
    "KlantContactMoment",
    "KlantContactMomentRol",
    "MedewerkerIdentificatie",
    "ObjectContactMoment",
    "ObjectType",
]
