"""The Producten API of Open Product 1.8.0 (API-version 1.7.0).

As the real server: Token auth, ``page_size`` pagination, newest first, snake_case bodies,
problem bodies with ``invalid_params``. A product's ``producttype`` is embedded from the
Producttypen API of the same backend (``producttype_uuid`` on writes). The server's checks:
at least one eigenaar, each with a valid BSN (9 digits, 11-proef) and/or klantnummer or a
KVK-nummer (8 digits) with or without vestigingsnummer, never both kinds; ``status`` one the
producttype allows (or ``initieel``); ``start_datum`` needs ``actief`` allowed,
``eind_datum`` ``verlopen``, and the end lies after the start; zaak/document/taak links are
``{urn, url}`` with a URN ending in ``:uuid:<uuid>`` or a URL ending in a UUID. The status is
not moved on the dates (the real server does that in a nightly task). As the real server:
every product needs ``aanvraag_zaak_url`` or ``aanvraag_zaak_urn`` ("een url of urn is
verplicht"), and one created without ``status`` answers 500 (its status validator fails on
``None``).

Filters: the eigenaren (``eigenaren__bsn``, ``__kvk_nummer``, ``__vestigingsnummer``,
``__klantnummer``, ``__uuid``), ``status``, dates, producttype and link filters of the spec;
``dataobject_attr`` and ``verbruiksobject_attr`` are not supported (ignored).
"""

from __future__ import annotations

import copy
import re
import uuid as uuidlib
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING

from ..urns import is_valid_urn
from ._filters import Filter
from ._open_product import OpenProductCollection, check_uuid_ref
from ._platform import OPEN_PRODUCT_REQUIRED, FieldErrors, each, money
from ._problems import ProblemError
from ._producttypen import producttypen_of
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "producten"
STATUSES = (
    "initieel",
    "in_aanvraag",
    "gereed",
    "actief",
    "ingetrokken",
    "geweigerd",
    "verlopen",
)
LABELS = {s: s.replace("_", " ").capitalize() for s in STATUSES}
FREQUENTIES = ("eenmalig", "maandelijks", "jaarlijks")
_UUID_END = re.compile(
    r":uuid:[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
)
_URL_UUID_END = re.compile(
    r"^https?://.+/[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$"
)
IDENTIFIER_RULE = (
    "Een eigenaar moet een bsn (en/of klantnummer) of een kvk nummer "
    "(met of zonder vestigingsnummer) hebben."
)


def bsn_error(bsn: str) -> str | None:
    """Open Product's ``validate_bsn`` message, or ``None`` for a valid BSN."""
    if not re.fullmatch(r"[0-9]{9}", bsn):
        return "Een bsn nummer bestaat uit 9 cijfers."
    total = sum(int(d) * (9 - i) for i, d in enumerate(bsn[:8])) - int(bsn[8])
    if total == 0 or total % 11 != 0:
        return "Ongeldig bsn number."
    return None


def _check_eigenaar(errors: FieldErrors, eigenaar: JSON, prefix: str) -> None:
    bsn = eigenaar.get("bsn") or ""
    kvk = eigenaar.get("kvk_nummer") or ""
    klantnummer = eigenaar.get("klantnummer") or ""
    vestiging = eigenaar.get("vestigingsnummer") or ""
    before = len(errors.params)
    if bsn and (message := bsn_error(str(bsn))):
        errors.add(f"{prefix}bsn", "invalid", message)
    if kvk:
        if len(kvk) < 8:
            errors.add(
                f"{prefix}kvk_nummer",
                "min_length",
                "Zorg ervoor dat dit veld minimaal 8 karakters bevat.",
            )
        elif len(kvk) > 8:
            errors.add(
                f"{prefix}kvk_nummer",
                "max_length",
                "Zorg ervoor dat dit veld niet meer dan 8 karakters bevat.",
            )
        elif not kvk.isdigit():
            errors.add(f"{prefix}kvk_nummer", "invalid", "Voer een geldige waarde in.")
    errors.max_length(eigenaar, {"vestigingsnummer": 24, "klantnummer": 50}, prefix=prefix)
    if len(errors.params) > before:
        return
    if (not (bsn or klantnummer) and not kvk) or ((bsn or klantnummer) and kvk):
        errors.add(f"{prefix}model_errors", "invalid", IDENTIFIER_RULE)
    elif vestiging and not kvk:
        errors.add(
            f"{prefix}vestigingsnummer",
            "invalid",
            "Een vestigingsnummer kan alleen in combinatie met een kvk nummer worden ingevuld.",
        )


def _check_link(errors: FieldErrors, link: JSON, prefix: str, *, urn: str, url: str) -> None:
    urn_value, url_value = link.get(urn), link.get(url)
    if urn_value:
        if not isinstance(urn_value, str) or not is_valid_urn(urn_value):
            errors.add(f"{prefix}{urn}", "invalid_urn", "Voer een geldige waarde in.")
        elif not _UUID_END.search(urn_value):
            errors.add(f"{prefix}{urn}", "invalid", "Urn moet eindigen met `:uuid:<uuid>`.")
    if url_value and not (isinstance(url_value, str) and _URL_UUID_END.match(url_value)):
        errors.add(f"{prefix}{url}", "invalid", "URL must end with a UUID.")


class Producten(OpenProductCollection):
    api = API
    name = "producten"
    has_url = True
    newest_first = True
    read_only = ("uuid", "url", "aanmaak_datum", "update_datum", "producttype")
    filters = (
        Filter("eigenaren__bsn", values=each("eigenaren", "bsn")),
        Filter("eigenaren__kvk_nummer", values=each("eigenaren", "kvk_nummer")),
        Filter("eigenaren__vestigingsnummer", values=each("eigenaren", "vestigingsnummer")),
        Filter("eigenaren__klantnummer", values=each("eigenaren", "klantnummer")),
        Filter("eigenaren__uuid", type="uuid", values=each("eigenaren", "uuid")),
        Filter("status", type="choice", choices=STATUSES),
        Filter("frequentie", type="choice", choices=FREQUENTIES),
        Filter("gepubliceerd", type="bool"),
        Filter("naam"),
        Filter("start_datum", type="date"),
        Filter("start_datum__gte", type="date"),
        Filter("start_datum__lte", type="date"),
        Filter("eind_datum", type="date"),
        Filter("eind_datum__gte", type="date"),
        Filter("eind_datum__lte", type="date"),
        Filter("aanmaak_datum", type="datetime"),
        Filter("aanmaak_datum__gte", type="datetime"),
        Filter("aanmaak_datum__lte", type="datetime"),
        Filter("update_datum", type="datetime"),
        Filter("update_datum__gte", type="datetime"),
        Filter("update_datum__lte", type="datetime"),
        Filter("producttype__uuid", type="uuid"),
        Filter("producttype__code"),
        Filter("producttype__naam"),
        Filter("producttype__naam__icontains"),
        Filter("producttype__gepubliceerd", type="bool"),
        Filter("uniforme_product_naam", field="producttype.uniforme_product_naam"),
        Filter("aanvraag_zaak_urn"),
        Filter("aanvraag_zaak_url"),
        Filter("zaken__urn", values=each("zaken", "urn")),
        Filter("zaken__url", values=each("zaken", "url")),
        Filter("documenten__urn", values=each("documenten", "urn")),
        Filter("documenten__url", values=each("documenten", "url")),
        Filter("taken__urn", values=each("taken", "urn")),
        Filter("taken__url", values=each("taken", "url")),
    )

    def defaults(self) -> JSON:
        return {
            "naam": "",
            "start_datum": None,
            "eind_datum": None,
            "aanmaak_datum": None,
            "update_datum": None,
            "producttype_uuid": None,
            "gepubliceerd": False,
            "eigenaren": [],
            "documenten": [],
            "zaken": [],
            "taken": [],
            "status": "initieel",
            "prijs": None,
            "frequentie": "",
            "verbruiksobject": None,
            "dataobject": None,
            "aanvraag_zaak_urn": None,
            "aanvraag_zaak_url": None,
        }

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        super().check(ctx, data, previous, partial=partial)
        merged = {**(previous or {}), **data} if partial else data
        if not partial and not merged.get("status"):
            # Open Product 1.8.0 fails on a product without status (``None is not a valid
            # ProductStateChoices`` in its status validator): send one
            raise ProblemError(500, detail="Internal Server Error")
        if not (merged.get("aanvraag_zaak_url") or merged.get("aanvraag_zaak_urn")):
            errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
            errors.add("aanvraag_zaak", "invalid", "een url of urn is verplicht")
            errors.raise_if_any()

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors(OPEN_PRODUCT_REQUIRED)
        errors.required(data, "producttype_uuid", "eigenaren")
        check_uuid_ref(self.backend, errors, data, "producttype_uuid", "producttypen")
        eigenaren = errors.objects(data, "eigenaren")
        if "eigenaren" in data and isinstance(data["eigenaren"], list) and not eigenaren:
            errors.add("eigenaren", "invalid", "Er is minimaal één eigenaar vereist.")
        for index, eigenaar in enumerate(eigenaren):
            _check_eigenaar(errors, eigenaar, f"eigenaren.{index}.")
        errors.choice(data, "status", STATUSES)
        if data.get("frequentie"):
            errors.choice(data, "frequentie", FREQUENTIES)
        errors.date(data, "start_datum")
        errors.date(data, "eind_datum")
        errors.max_length(data, {"naam": 255})
        prijs = data.get("prijs")
        if prijs not in (None, ""):
            try:
                if Decimal(str(prijs)) < 0:
                    errors.add(
                        "prijs",
                        "min_value",
                        "Zorg ervoor dat deze waarde groter of gelijk is aan 0.",
                    )
            except InvalidOperation:
                errors.add("prijs", "invalid", "Een geldig nummer is vereist.")
        for name in ("documenten", "zaken", "taken"):
            for index, link in enumerate(errors.objects(data, name)):
                _check_link(errors, link, f"{name}.{index}.", urn="urn", url="url")
        _check_link(errors, data, "", urn="aanvraag_zaak_urn", url="aanvraag_zaak_url")
        errors.raise_if_any()
        producttype = self.backend.table("producttypen", "producttypen").get(
            str(data["producttype_uuid"])
        )
        assert producttype is not None
        allowed = producttype.get("toegestane_statussen", [])
        status = data.get("status", "initieel")
        changed = previous is None or status != previous.get("status")
        if changed and status != "initieel" and status not in allowed:
            errors.add(
                "status",
                "invalid",
                f"Status '{LABELS[status]}' is niet toegestaan voor het producttype "
                f"{producttype['naam']}.",
            )
        if data.get("start_datum") and "actief" not in allowed:
            errors.add(
                "start_datum",
                "invalid",
                "De start datum van het product kan niet worden gezet omdat de status ACTIEF "
                "niet is toegestaan op het producttype.",
            )
        if data.get("eind_datum") and "verlopen" not in allowed:
            errors.add(
                "eind_datum",
                "invalid",
                "De eind datum van het product kan niet worden gezet omdat de status VERLOPEN "
                "niet is toegestaan op het producttype.",
            )
        start, end = data.get("start_datum"), data.get("eind_datum")
        if start and end and start >= end:
            errors.add(
                "model_errors",
                "invalid",
                "De eind datum van een product mag niet op een eerdere of dezelfde dag vallen "
                "als de start datum.",
            )
        errors.raise_if_any()

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        known = {e["uuid"] for e in (previous or {}).get("eigenaren", [])}
        body["eigenaren"] = [
            {
                "uuid": e["uuid"] if e.get("uuid") in known else str(uuidlib.uuid4()),
                "bsn": e.get("bsn") or "",
                "kvk_nummer": e.get("kvk_nummer") or "",
                "vestigingsnummer": e.get("vestigingsnummer") or "",
                "klantnummer": e.get("klantnummer") or "",
            }
            for e in body.get("eigenaren") or []
        ]
        for name in ("documenten", "zaken", "taken"):
            body[name] = [
                {"urn": link.get("urn"), "url": link.get("url")} for link in body.get(name) or []
            ]
        if body.get("prijs") not in (None, ""):
            body["prijs"] = money(body["prijs"])

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        key = str(rendered.pop("producttype_uuid", ""))
        stored = self.backend.table("producttypen", "producttypen").get(key)
        nested = producttypen_of(self.backend).nested(stored, with_themas=True) if stored else None
        out: JSON = {"uuid": rendered.pop("uuid"), "url": rendered.pop("url")}
        for name, value in rendered.items():
            out[name] = value
            if name == "update_datum":
                out["producttype"] = nested
        return out


def install(backend: InMemoryBackend) -> None:
    backend.register(Producten)
