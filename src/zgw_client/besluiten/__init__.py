"""Besluiten API (BRC) models: besluiten and the documents that record them."""

from __future__ import annotations

from .models import (
    RESOURCE_MODELS,
    AuditTrail,
    Besluit,
    BesluitExpand,
    BesluitInformatieObject,
    BesluitInformatieObjectExpand,
    Vervalreden,
)

__all__ = [
    "RESOURCE_MODELS",
    "AuditTrail",
    "Besluit",
    "BesluitExpand",
    "BesluitInformatieObject",
    "BesluitInformatieObjectExpand",
    "Vervalreden",
]
