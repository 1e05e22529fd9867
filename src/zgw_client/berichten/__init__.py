"""Berichten API (Open VTB) models: messages to a citizen or company, and when they were opened."""

from .models import RESOURCE_MODELS, Bericht, BerichtBijlage, IsGerelateerdAan

__all__ = ["RESOURCE_MODELS", "Bericht", "BerichtBijlage", "IsGerelateerdAan"]
