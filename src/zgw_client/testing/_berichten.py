"""The Berichten API 0.1 (Open VTB 0.1.0) on the collection engine.

As the real server (``openvtb.components.berichten``): Token auth (401 naming the OIDC scheme
first), ``pageSize`` pagination (100, max 500) in insertion order, **no list filters** (0.1.0
has no filterset; unknown query parameters are ignored), create, read and a PATCH that only
takes ``geopendOp`` (other fields are silently ignored); PUT and DELETE are 405. URNs
(``ontvanger``, ``isGerelateerdAan[].urn``, ``bijlagen[].informatieObject``) are checked with
the RFC 8141 pattern only: like the server, a BSN that fails the 11-proef is accepted.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import httpx

from ._platform import FieldErrors, PlatformCollection, now
from ._responses import json_response
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "berichten"

_MAX_LENGTHS = {
    "onderwerp": 50,
    "berichtTekst": 4000,
    "referentie": 25,
    "berichtType": 8,
    "handelingsPerspectief": 50,
}


def check_is_gerelateerd_aan(errors: FieldErrors, data: JSON) -> None:
    """``isGerelateerdAan``: a list of ``{"urn": <URN>}`` (shared by the three Open VTB APIs)."""
    for index, item in enumerate(errors.objects(data, "isGerelateerdAan")):
        prefix = f"isGerelateerdAan.{index}."
        errors.required(item, "urn", prefix=prefix)
        errors.urn(item, "urn", prefix=prefix)


class Berichten(PlatformCollection):
    api = API
    name = "berichten"
    operations = frozenset({"list", "create", "read", "partial_update"})
    urn_component = "berichten"
    urn_resource = "bericht"

    def defaults(self) -> JSON:
        return {
            "onderwerp": "",
            "berichtTekst": "",
            "publicatiedatum": None,
            "referentie": "",
            "ontvanger": "",
            "geopendOp": None,
            "berichtType": "",
            "isGerelateerdAan": [],
            "handelingsPerspectief": "",
            "einddatumHandelingsTermijn": None,
            "mijnOverheidBerichtenbox": False,
            "bijlagen": [],
        }

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors()
        errors.required(data, "onderwerp", "berichtTekst", "ontvanger", "mijnOverheidBerichtenbox")
        errors.max_length(data, _MAX_LENGTHS)
        errors.urn(data, "ontvanger")
        errors.boolean(data, "mijnOverheidBerichtenbox")
        for name in ("publicatiedatum", "geopendOp", "einddatumHandelingsTermijn"):
            errors.datetime(data, name)
        check_is_gerelateerd_aan(errors, data)
        bijlagen = errors.objects(data, "bijlagen")
        for index, bijlage in enumerate(bijlagen):
            prefix = f"bijlagen.{index}."
            errors.required(bijlage, "informatieObject", prefix=prefix)
            errors.urn(bijlage, "informatieObject", prefix=prefix)
            errors.max_length(bijlage, {"omschrijving": 40}, prefix=prefix)
            errors.boolean(bijlage, "isBerichtTypeBijlage", prefix=prefix)
        errors.raise_if_any()
        objects = [b.get("informatieObject") for b in bijlagen]
        if len(set(objects)) != len(objects):
            # the database's unique_together, hit after validation
            errors.add(
                "bijlagen", "unique", "Bijlage with the specified informatieObject already exists."
            )
        errors.raise_if_any()

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if previous is None and body.get("publicatiedatum") is None:
            body["publicatiedatum"] = now()
        body["bijlagen"] = [
            {
                "informatieObject": b.get("informatieObject", ""),
                "omschrijving": b.get("omschrijving", ""),
                "isBerichtTypeBijlage": b.get("isBerichtTypeBijlage", False),
            }
            for b in body.get("bijlagen") or []
        ]

    def handle_update(self, ctx: RequestContext) -> httpx.Response:
        """``PATCH``: only ``geopendOp`` is writable (BerichtGeopendOpSerializer)."""
        previous = self.get_or_404(ctx)
        data = ctx.json_object()
        if "geopendOp" in data:
            errors = FieldErrors()
            errors.datetime(data, "geopendOp")
            errors.raise_if_any()
            body = self.insert({**previous, "geopendOp": data["geopendOp"]}, previous)
        else:
            body = previous
        return json_response(200, self.render_write(body))


def install(backend: InMemoryBackend) -> None:
    backend.register(Berichten)
