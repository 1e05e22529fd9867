"""What the Catalogi resources share: choices, array and concept filters, publication and
geldigheid rules, the base resources."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, ClassVar

import httpx

from ..catalogi.models import Vertrouwelijkheidaanduiding
from ._collections import Collection
from ._filters import Filter, Lookup, parse_date
from ._problems import InvalidParam, validation_error
from ._responses import json_response
from ._router import RequestContext, Router
from ._types import JSON

CATALOGI = "catalogi"


VERTROUWELIJKHEID = tuple(level.value for level in Vertrouwelijkheidaanduiding)


_STATUS_CHOICES = ("alles", "concept", "definitief")


_OMSCHRIJVING_GENERIEK = (
    "adviseur",
    "behandelaar",
    "belanghebbende",
    "beslisser",
    "initiator",
    "klantcontacter",
    "mede_initiator",
    "zaakcoordinator",
)


_GELDIGHEID: JSON = {
    "beginGeldigheid": None,
    "eindeGeldigheid": None,
    "beginObject": None,
    "eindeObject": None,
}


@dataclass(frozen=True)
class Contains(Filter):
    """A plain parameter name with an ``icontains`` lookup (``omschrijving``, ``titel``)."""

    @property
    def lookup(self) -> Lookup:
        return "icontains"


@dataclass(frozen=True)
class ArrayFilter(Filter):
    """A comma-separated list against a list field: all of it, or any of it (``overlap``)."""

    overlap: bool = False

    def parse(self, raw: Any) -> Any:
        items = raw if isinstance(raw, list) else str(raw).split(",")
        return [str(item) for item in items if item]

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        have = set(self.candidates(ctx, body))
        found = [item in have for item in wanted]
        return any(found) if self.overlap else all(found)


@dataclass(frozen=True)
class ConceptStatus(Filter):
    """``status``: ``concept`` when any candidate is a concept, ``definitief`` when none is."""

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        if wanted == "alles":
            return True
        is_concept = any(bool(c) for c in self.candidates(ctx, body))
        return is_concept == bool(wanted == "concept")


@dataclass(frozen=True)
class Geldigheid(Filter):
    """``datumGeldigheid``: begun on or before the date, and not ended before it."""

    def matches(self, ctx: RequestContext, body: JSON, wanted: Any) -> bool:
        begin, end = body.get("beginGeldigheid"), body.get("eindeGeldigheid")
        if not begin:
            return False
        started = parse_date(str(begin)) <= wanted
        return bool(started and (not end or parse_date(str(end)) >= wanted))


def _own_concept(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    return [body.get("concept")]


def _zaaktype_concept(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    return [(ctx.backend.get(str(body.get("zaaktype") or "")) or {}).get("concept")]


def _ziot_concept(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    iotype = ctx.backend.get(str(body.get("informatieobjecttype") or "")) or {}
    return [*_zaaktype_concept(ctx, body), iotype.get("concept")]


def _status(values: Any) -> Filter:
    return ConceptStatus("status", type="choice", choices=_STATUS_CHOICES, values=values)


_DATUM_GELDIGHEID = Geldigheid("datumGeldigheid", type="date")


def merged(*lists: Iterable[Any]) -> list[Any]:
    """The items of ``lists`` in order, without duplicates."""
    result: list[Any] = []
    for items in lists:
        result.extend(item for item in items if item not in result)
    return result


class CatalogiResource(Collection):
    """A Catalogi resource: ``url`` only, newest first, concepts hidden by default."""

    api = CATALOGI
    uuid_field = False
    newest_first = True
    delete_refused: ClassVar[tuple[str, str]] = (
        "non-concept-object",
        "Alleen concepten kunnen worden verwijderd.",
    )

    def concept(self, body: JSON) -> bool:
        """Whether the resource counts as a concept (for ``DELETE``)."""
        return bool(body.get("concept", True))

    def derive(self, rendered: JSON) -> None:
        """Fill the read-time fields of a rendered body (in place)."""

    def render(self, body: JSON) -> JSON:
        template = self.defaults()
        rendered: JSON = {"url": body["url"]}
        for key, default in template.items():
            rendered[key] = copy.deepcopy(body.get(key, default))
        if "beginObject" in template:
            rendered["beginObject"] = body.get("beginObject") or rendered.get("beginGeldigheid")
            rendered["eindeObject"] = body.get("eindeObject") or rendered.get("eindeGeldigheid")
        self.derive(rendered)
        return rendered

    def query(
        self, ctx: RequestContext, given: list[tuple[str, Any]], ordering: list[str]
    ) -> list[JSON]:
        """Open Zaak lists only published resources unless ``status`` is given."""
        has_status = any(f.name == "status" for f in self.filters)
        if has_status and not any(name == "status" for name, _ in given):
            given = [*given, ("status", "definitief")]
        return super().query(ctx, given, ordering)

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        if "concept" in self.defaults():
            # read-only: HTTP creates are concepts, updates keep the flag
            body["concept"] = True if previous is None else bool(previous.get("concept"))

    def handle_delete(self, ctx: RequestContext) -> httpx.Response:
        if not self.concept(self.get_or_404(ctx)):
            raise validation_error(InvalidParam("nonFieldErrors", *self.delete_refused))
        return super().handle_delete(ctx)

    # -- lookups used by derive ----------------------------------------------------------

    def children(self, name: str, field: str, url: str) -> list[JSON]:
        """Stored resources of ``name`` whose ``field`` is ``url``."""
        return list(self.backend.related(CATALOGI, name, field).get(url, []))

    def containing(self, name: str, field: str, url: str) -> list[JSON]:
        """Stored resources of ``name`` whose list ``field`` holds ``url``."""
        return [
            b for b in self.backend.table(CATALOGI, name).values() if url in (b.get(field) or [])
        ]

    def omschrijvingen(self, urls: Iterable[str]) -> list[str]:
        found = (self.backend.get(u) for u in urls)
        return [str(b.get("omschrijving", "")) for b in found if b is not None]


class PublishableResource(CatalogiResource):
    """A type with its own ``concept`` flag and a ``publish`` endpoint."""

    def register(self, router: Router) -> None:
        super().register(router)
        router.add(CATALOGI, f"{self.name}/{{uuid}}/publish", {"POST": self.handle_publish})

    def handle_publish(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        body["concept"] = False
        self.backend.store(CATALOGI, self.name, ctx.params["uuid"], body)
        return json_response(200, self.render(body))


class ZaaktypePart(CatalogiResource):
    """A resource that belongs to one zaaktype (and counts as concept when it is one)."""

    references: ClassVar[dict[str, str]] = {"zaaktype": "catalogi/zaaktypen"}
    url_fields: ClassVar[tuple[str, ...]] = ("zaaktype",)
    delete_refused = (
        "non-concept-zaaktype",
        "Objecten gerelateerd aan non-concept zaaktypen kunnen niet verwijderd worden.",
    )

    def concept(self, body: JSON) -> bool:
        return bool((self.backend.get(str(body.get("zaaktype") or "")) or {}).get("concept"))

    def derive(self, rendered: JSON) -> None:
        zaaktype = self.backend.get(str(rendered.get("zaaktype") or "")) or {}
        if "zaaktypeIdentificatie" in rendered:
            rendered["zaaktypeIdentificatie"] = zaaktype.get(
                "identificatie", rendered["zaaktypeIdentificatie"]
            )
        if "catalogus" in rendered:
            rendered["catalogus"] = zaaktype.get("catalogus") or rendered["catalogus"]


def _zaaktype_part_filters(*extra: Filter) -> tuple[Filter, ...]:
    return (
        Filter("zaaktype", type="url"),
        Filter("zaaktypeIdentificatie"),
        _status(_zaaktype_concept),
        _DATUM_GELDIGHEID,
        *extra,
    )
