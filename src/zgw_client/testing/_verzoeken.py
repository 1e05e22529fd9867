"""The Verzoeken API 0.1 (Open VTB 0.1.0): verzoeken, verzoektypen and their versions.

As the real server: Token auth, ``pageSize`` pagination, no list filters, full CRUD.
Verzoektypen list newest first, versions highest ``versie`` first. A version is addressed by
its number (``verzoektypen/{uuid}/versies/{versie}``), numbered 1, 2, ... per verzoektype;
only ``draft`` versions can change or be deleted; publishing one sets its
``beginGeldigheid`` to today and ends the previous version. A verzoek's ``verzoekType``
must exist, have a version, and may not change; ``versie`` must be one of its versions.

``aanvraagGegevens`` is checked against the JSON schema of the version (``versie``, else the
latest) for the keywords request forms use (see ``_jsonschema.py``), reporting the first
error as the server does (``aanvraagGegevens.<path>``, code ``invalid-json-schema``).
``geometrie``, ``verzoekBron`` and ``verzoekBetaling`` may be left out but not ``null``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

import httpx

from ._berichten import check_is_gerelateerd_aan
from ._jsonschema import first_error
from ._platform import (
    VALIDATION_TITLE,
    FieldErrors,
    PlatformCollection,
    kind_of,
    urn_of,
)
from ._problems import InvalidParam, ProblemError
from ._responses import empty_response, json_response
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "verzoeken"
VERSIE_STATUSES = ("published", "draft", "deprecated")


class VerzoekTypen(PlatformCollection):
    api = API
    name = "verzoektypen"
    newest_first = True
    urn_component = "verzoeken"
    urn_resource = "verzoektype"
    read_only = ("url", "urn", "uuid", "versies")

    def defaults(self) -> JSON:
        return {"naam": "", "omschrijving": ""}

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors()
        errors.required(data, "naam")
        errors.max_length(data, {"naam": 100, "omschrijving": 4000})
        errors.raise_if_any()

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        versies = _versies_of(self.backend, body["url"])
        rendered["versies"] = [
            {"url": v["url"], "versie": v["versie"], "status": v["status"]} for v in versies
        ]
        return {k: rendered[k] for k in ("url", "urn", "uuid", "versies", "naam", "omschrijving")}

    def after_delete(self, body: JSON) -> None:
        for versie in _versies_of(self.backend, body["url"]):
            self.backend.unstore(API, "versies", _versie_key(versie))


def _versie_key(body: JSON) -> str:
    return f"{body['verzoekType'].rstrip('/').rsplit('/', 1)[-1]}:{body['versie']}"


def _versies_of(backend: InMemoryBackend, verzoektype_url: str) -> list[JSON]:
    """The versions of a verzoektype, highest number first (the model's ordering)."""
    found = backend.related(API, "versies", "verzoekType").get(verzoektype_url, [])
    return sorted(found, key=lambda v: -int(v["versie"]))


class VerzoekTypeVersies(PlatformCollection):
    """``verzoektypen/{verzoektype_uuid}/versies``: keyed by ``<verzoektype uuid>:<versie>``."""

    api = API
    name = "versies"
    path = "verzoektypen/{verzoektype_uuid}/versies"
    parent = ("verzoektype_uuid", "verzoekType")
    uuid_field = False
    read_only = (
        "url",
        "versie",
        "verzoekType",
        "aangemaaktOp",
        "gewijzigdOp",
        "beginGeldigheid",
    )

    def defaults(self) -> JSON:
        return {
            "versie": None,
            "verzoekType": "",
            "bijlageTypen": [],
            "status": "draft",
            "aanvraagGegevensSchema": {},
            "aangemaaktOp": None,
            "gewijzigdOp": None,
            "beginGeldigheid": None,
            "eindeGeldigheid": None,
        }

    def register(self, router: Any) -> None:
        base = self.path or self.name
        router.add(self.api, base, {"GET": self.handle_list, "POST": self.handle_create})
        router.add(
            self.api,
            f"{base}/{{versie}}",
            {
                "GET": self.handle_read,
                "PUT": self.handle_update,
                "PATCH": self.handle_update,
                "DELETE": self.handle_delete,
            },
        )

    def get_or_404(self, ctx: RequestContext) -> JSON:
        parent = self._parent_filter(ctx)["verzoekType"]
        key = f"{parent.rsplit('/', 1)[-1]}:{ctx.params['versie']}"
        body = self.table.get(key)
        if body is None:
            raise ProblemError(404)
        return body

    def query(
        self, ctx: RequestContext, given: list[tuple[str, Any]], ordering: list[str]
    ) -> list[JSON]:
        parent = self._parent_filter(ctx)["verzoekType"]
        return [self.rendered(b) for b in _versies_of(self.backend, parent)]

    def insert(self, data: JSON, previous: JSON | None = None) -> JSON:
        today = dt.date.today().isoformat()
        verzoektype = data["verzoekType"]
        versie = (
            data.get("versie")
            or max((int(v["versie"]) for v in _versies_of(self.backend, verzoektype)), default=0)
            + 1
        )
        body: JSON = {
            "url": f"{verzoektype}/versies/{versie}",
            **self.defaults(),
            **{k: v for k, v in data.items() if k != "url"},
            "versie": versie,
        }
        body["aangemaaktOp"] = (
            (previous or {}).get("aangemaaktOp") or body.get("aangemaaktOp") or today
        )
        body["gewijzigdOp"] = today
        was_published = (previous or {}).get("status") == "published"
        if body["status"] == "published" and not was_published:
            body["beginGeldigheid"] = today
            others = [v for v in _versies_of(self.backend, verzoektype) if v["versie"] != versie]
            if others:
                others[0]["eindeGeldigheid"] = today
        self.backend.store(API, self.name, _versie_key(body), body)
        return body

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        errors = FieldErrors()
        if previous is not None and previous.get("status") != "draft":
            errors.add(
                "status", "non-draft-versie-update", "Alleen `draft` kunnen worden gewijzigd."
            )
            errors.raise_if_any()
        merged = {**previous, **data} if partial and previous else data
        errors.required(merged, "aanvraagGegevensSchema")
        errors.choice(merged, "status", VERSIE_STATUSES)
        errors.date(merged, "eindeGeldigheid")
        schema = merged.get("aanvraagGegevensSchema")
        if schema is not None and not isinstance(schema, dict):
            errors.add(
                "aanvraagGegevensSchema",
                "invalid-json-schema",
                f"{schema!r} is not of type 'object', 'boolean'",
            )
        for index, item in enumerate(errors.objects(merged, "bijlageTypen")):
            errors.required(item, "informatieObjecttype", prefix=f"bijlageTypen.{index}.")
            errors.urn(item, "informatieObjecttype", prefix=f"bijlageTypen.{index}.")
        errors.raise_if_any()

    def handle_delete(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        if body.get("status") != "draft":
            raise ProblemError(
                400,
                title=VALIDATION_TITLE,
                invalid_params=[
                    InvalidParam(
                        "nonFieldErrors",
                        "non-draft-versie-destroy",
                        "Only draft versies can be destroyed",
                    )
                ],
            )
        self.backend.unstore(API, self.name, _versie_key(body))
        return empty_response(204)

    def handle_update(self, ctx: RequestContext) -> httpx.Response:
        previous = self.get_or_404(ctx)
        data = self.clean_input(ctx.json_object())
        partial = ctx.method == "PATCH"
        self.check(ctx, data, previous, partial=partial)
        keep = {k: previous[k] for k in ("verzoekType", "versie", "aangemaaktOp")}
        merged = {**previous, **data} if partial else {**self.defaults(), **keep, **data}
        body = self.insert({**merged, **keep}, previous)
        return json_response(200, self.render(body))


class Verzoeken(PlatformCollection):
    api = API
    name = "verzoeken"
    urn_component = "verzoeken"
    urn_resource = "verzoek"
    read_only = ("url", "urn", "uuid", "verzoekTypeUrn")

    def defaults(self) -> JSON:
        return {
            "verzoekType": "",
            "geometrie": None,
            "aanvraagGegevens": {},
            "versie": None,
            "bijlagen": [],
            "initiator": "",
            "isGerelateerdAan": [],
            "kanaal": "",
            "verzoekTaal": "nl",
            "verwerkStatus": "geregistreerd",
            "verzoekInformatieObject": "",
            "verzoekBron": None,
            "verzoekBetaling": None,
        }

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        # stored as null when unset, but a request may not send null (checked on the request,
        # not on the stored body a PATCH is merged into)
        errors = FieldErrors()
        for name in ("geometrie", "verzoekBron", "verzoekBetaling"):
            if name in data and data[name] is None:
                errors.add(name, "null", "Dit veld mag niet leeg zijn.")
        errors.raise_if_any()
        super().check(ctx, data, previous, partial=partial)

    def check_body(self, ctx: RequestContext, data: JSON, previous: JSON | None) -> None:
        errors = FieldErrors()
        errors.required(data, "verzoekType", "aanvraagGegevens")
        errors.max_length(data, {"kanaal": 200, "initiator": 255, "verzoekTaal": 2})
        errors.choice(data, "verwerkStatus", ("geregistreerd", "verwerkt"))
        errors.urn(data, "initiator")
        errors.urn(data, "verzoekInformatieObject")
        check_is_gerelateerd_aan(errors, data)
        for index, item in enumerate(errors.objects(data, "bijlagen")):
            errors.required(item, "informatieObject", prefix=f"bijlagen.{index}.")
            errors.urn(item, "informatieObject", prefix=f"bijlagen.{index}.")
        gegevens = data.get("aanvraagGegevens")
        if gegevens is not None and not isinstance(gegevens, dict):
            errors.add(
                "aanvraagGegevens",
                "invalid",
                f"Ongeldige data. Verwachtte een dictionary, maar kreeg een {kind_of(gegevens)}.",
            )
        verzoektype = data.get("verzoekType")
        if isinstance(verzoektype, str) and verzoektype and not errors.has("verzoekType"):
            versies = _versies_of(self.backend, verzoektype)
            if self.backend.get(verzoektype) is None:
                errors.add(
                    "verzoekType", "does_not_exist", "Ongeldige hyperlink - Object bestaat niet."
                )
            elif previous is not None and verzoektype != previous.get("verzoekType"):
                errors.add("verzoekType", "immutable-field", "Dit veld kan niet worden gewijzigd.")
            elif not versies:
                errors.add(
                    "verzoekType",
                    "unknown-schema",
                    "Onbekend VerzoekType schema: geen schema beschikbaar.",
                )
            elif data.get("versie") and data["versie"] not in [v["versie"] for v in versies]:
                errors.add(
                    "versie",
                    "unknown-schema",
                    "Onbekend VerzoekType schema versie: geen schema beschikbaar.",
                )
        errors.raise_if_any()
        if isinstance(verzoektype, str) and isinstance(gegevens, dict):
            versies = _versies_of(self.backend, verzoektype)
            chosen = [v for v in versies if v["versie"] == data.get("versie")] or versies[:1]
            failed = (
                first_error(gegevens, chosen[0].get("aanvraagGegevensSchema")) if chosen else None
            )
            if failed is not None:
                where, message = failed
                errors.add(".".join(["aanvraagGegevens", *where]), "invalid-json-schema", message)
        errors.raise_if_any()

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        versies = _versies_of(self.backend, body.get("verzoekType", ""))
        if not body.get("versie") and versies:
            body["versie"] = versies[0]["versie"]

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        key = str(body.get("verzoekType", "")).rstrip("/").rsplit("/", 1)[-1]
        urn = urn_of("verzoeken", "verzoektype", key)
        return {
            **{k: rendered[k] for k in ("url", "urn", "uuid", "verzoekType") if k in rendered},
            "verzoekTypeUrn": urn,
            **{k: v for k, v in rendered.items() if k not in ("url", "urn", "uuid")},
        }


def install(backend: InMemoryBackend) -> None:
    for collection in (VerzoekTypen, VerzoekTypeVersies, Verzoeken):
        backend.register(collection)
