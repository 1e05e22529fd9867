"""The Notificaties API 1.0 (Open Notificaties) on the collection engine.

As the real server (``nrc.api``): JWT-ZGW auth, root ``/api/v1/``, unpaged lists, bodies
with ``url`` only. Kanalen: list (filter ``naam``), read, create (``naam`` unique); the
kanalen Open Zaak, the Objects API and Open Klant register are there from the start, with
the filter names they register (``object_type``, not ``objectType``). Abonnementen: full
CRUD; ``auth`` is write-only; each kanaal must exist (``kanaal_naam``) and its filter names
must be a subset or a superset of the kanaal's (``inconsistent-abonnement-filters``). Keys
are compared as the server's camelCase parser leaves them (``objectType`` and
``object_type`` are one name) and rendered camelCased. ``POST /notificaties``: the kanaal
must exist (``message_kanaal``), the kenmerken names must fit its filters
(``kenmerken_inconsistent``); the message is answered 200 as taken, and delivered to the
matching abonnementen (see ``_notifier``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import httpx

from ..notifications._router import camelize
from ..notifications.kanalen import KNOWN_KANALEN
from ._collections import Collection
from ._filters import Filter
from ._problems import InvalidParam, validation_error
from ._responses import json_response
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "notificaties"

_UPPER = re.compile(r"(?<=[a-z0-9])([A-Z])")


def underscoreize(name: str) -> str:
    """``objectType`` -> ``object_type``, as djangorestframework-camel-case parses keys."""
    return _UPPER.sub(r"_\1", name).lower()


def filter_names_fit(kanaal_filters: list[str], names: list[str]) -> bool:
    """Open Notificaties' ``Kanaal.match_filter_names``: a subset or a superset."""
    registered = {underscoreize(n) for n in kanaal_filters}
    given = {underscoreize(n) for n in names}
    return registered <= given or registered >= given


class Kanalen(Collection):
    api = API
    name = "kanaal"
    paginated = False
    uuid_field = False
    operations = frozenset({"list", "create", "read"})
    required = ("naam",)
    url_fields = ("documentatieLink",)
    filters = (Filter("naam"),)

    def defaults(self) -> JSON:
        return {"naam": "", "documentatieLink": "", "filters": []}

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        naam = body.get("naam")
        if any(k.get("naam") == naam for k in self.table.values()):
            raise validation_error(
                InvalidParam("naam", "unique", "kanaal met deze Naam bestaat al.")
            )
        if len(str(naam)) > 50:
            raise validation_error(
                InvalidParam(
                    "naam",
                    "max_length",
                    "Zorg ervoor dat dit veld niet meer dan 50 karakters bevat.",
                )
            )

    def named(self, naam: str) -> JSON | None:
        """The stored kanaal called ``naam``."""
        return next((k for k in self.table.values() if k.get("naam") == naam), None)


class Abonnementen(Collection):
    api = API
    name = "abonnement"
    paginated = False
    uuid_field = False
    required = ("callbackUrl", "auth")
    url_fields = ("callbackUrl",)

    def defaults(self) -> JSON:
        return {
            "callbackUrl": "",
            "auth": "",
            "kanalen": [],
            "sendCloudevents": False,
            "cloudeventFilters": [],
        }

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        rendered.pop("auth", None)  # write-only
        return rendered

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        kanalen = self.backend.collections[(API, "kanaal")]
        assert isinstance(kanalen, Kanalen)
        groups = body.get("kanalen", [])
        if not isinstance(groups, list) or not all(isinstance(g, dict) for g in groups):
            raise validation_error(
                InvalidParam("kanalen", "not_a_list", "Verwachtte een lijst met items.")
            )
        cleaned = []
        for group in groups:
            kanaal = kanalen.named(str(group.get("naam") or ""))
            if kanaal is None:
                raise validation_error(
                    InvalidParam("naam", "kanaal_naam", "Kanaal met deze naam bestaat niet.")
                )
            filters = group.get("filters") or {}
            if not isinstance(filters, dict) or not all(
                isinstance(v, str) and v for v in filters.values()
            ):
                raise validation_error(
                    InvalidParam("filters", "invalid", "Filters zijn sleutel/waarde-paren.")
                )
            if filters and not filter_names_fit(kanaal["filters"], list(filters)):
                raise validation_error(
                    InvalidParam(
                        "filters",
                        "inconsistent-abonnement-filters",
                        "abonnement filters aren't consistent with kanaal filters",
                    )
                )
            cleaned.append(
                {
                    "filters": {camelize(underscoreize(k)): v for k, v in filters.items()},
                    "naam": kanaal["naam"],
                }
            )
        if "kanalen" in body:
            body["kanalen"] = cleaned
        notifier = self.backend.notifier
        if notifier.check_callbacks and ctx.method in ("POST", "PUT"):
            url = str(body.get("callbackUrl") or (previous or {}).get("callbackUrl", ""))
            auth = str(body.get("auth") or (previous or {}).get("auth", ""))
            if not notifier.check_callback(url, auth):
                raise validation_error(
                    InvalidParam(
                        "nonFieldErrors",
                        "invalid-callback-url",
                        "De opgegeven callback URL kan geen notificaties ontvangen.",
                    )
                )


class NotificatiesEndpoint:
    """``POST /notificaties``: check the message, answer it, hand it to the notifier."""

    def __init__(self, backend: InMemoryBackend) -> None:
        self.backend = backend

    def handle_create(self, ctx: RequestContext) -> httpx.Response:
        data = ctx.json_object()
        errors = [
            InvalidParam(name, "required", "Dit veld is vereist.")
            for name in (
                "kanaal",
                "hoofdObject",
                "resource",
                "resourceUrl",
                "actie",
                "aanmaakdatum",
            )
            if not data.get(name)
        ]
        if errors:
            raise validation_error(*errors)
        kanalen = self.backend.collections[(API, "kanaal")]
        assert isinstance(kanalen, Kanalen)
        kanaal = kanalen.named(str(data["kanaal"]))
        if kanaal is None:
            raise validation_error(
                InvalidParam("kanaal", "message_kanaal", "Kanaal met deze naam bestaat niet.")
            )
        kenmerken = data.get("kenmerken") or {}
        if not isinstance(kenmerken, dict):
            raise validation_error(
                InvalidParam("kenmerken", "invalid", "Verwachtte een dictionary van items.")
            )
        if not filter_names_fit(kanaal["filters"], list(kenmerken)):
            raise validation_error(
                InvalidParam(
                    "kenmerken",
                    "kenmerken_inconsistent",
                    "Kenmerken aren't consistent with kanaal filters",
                )
            )
        message: JSON = {
            **data,
            "kenmerken": {camelize(underscoreize(k)): v for k, v in kenmerken.items()},
        }
        self.backend.notifier.publish(message)
        return json_response(200, message)


def seed_kanalen(backend: InMemoryBackend) -> None:
    """The kanalen the publishers register, with their filter names as registered."""
    for known in KNOWN_KANALEN.values():
        backend.add(
            API,
            "kanaal",
            {"naam": known.naam, "filters": [underscoreize(k) for k in known.kenmerken]},
        )


def install(backend: InMemoryBackend) -> None:
    backend.register(Kanalen)
    backend.register(Abonnementen)
    endpoint = NotificatiesEndpoint(backend)
    backend.router.add(API, "notificaties", {"POST": endpoint.handle_create})
    seed_kanalen(backend)
