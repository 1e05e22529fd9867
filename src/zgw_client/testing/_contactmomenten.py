"""The Contactmomenten API 1.0 (the VNG reference implementation) on the collection engine.

No samples were recorded for it, so this follows the spec (``contactmomenten-1.0.0.yaml``):
JWT-ZGW auth (403), plain URL references, no ``uuid`` field in the bodies, paginated lists,
``ETag`` on details. A contactmoment's ``volgendContactmoment`` is derived from the one that
names it as ``vorigContactmoment``. ``objectcontactmomenten`` link a contactmoment to a zaak
(``object`` must exist when it points into this backend), ``klantcontactmomenten`` to a klant
of the Klanten API (not served here, so not checked).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from ._collections import Collection
from ._filters import Filter
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "contactmomenten"
INITIATIEFNEMER = ("gemeente", "klant")
ROL = ("belanghebbende", "gesprekspartner")


def _now() -> str:
    return (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    )


class ContactmomentenResource(Collection):
    """1.0 bodies have no ``uuid`` key; a seed that passes one only fixes the URL."""

    api = API
    uuid_field = False

    def render(self, body: JSON) -> JSON:
        rendered = copy.deepcopy(body)
        rendered.pop("uuid", None)
        return rendered


class Contactmomenten(ContactmomentenResource):
    name = "contactmomenten"
    required = ("bronorganisatie",)
    rsin_fields = ("bronorganisatie",)
    url_fields = ("vorigContactmoment", "medewerker")
    datetime_fields = ("registratiedatum",)
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"initiatiefnemer": INITIATIEFNEMER}
    references: ClassVar[dict[str, str]] = {"vorigContactmoment": f"{API}/contactmomenten"}
    filters = (
        Filter("vorigContactmoment", type="url"),
        Filter("volgendContactmoment", type="url"),
        Filter("bronorganisatie"),
        Filter("registratiedatum", type="datetime"),
        Filter("registratiedatum__gt", type="datetime"),
        Filter("registratiedatum__gte", type="datetime"),
        Filter("registratiedatum__lt", type="datetime"),
        Filter("registratiedatum__lte", type="datetime"),
        Filter("kanaal"),
        Filter("voorkeurskanaal"),
        Filter("voorkeurstaal"),
        Filter("initiatiefnemer", type="choice", choices=INITIATIEFNEMER),
        Filter("medewerker", type="url"),
    )
    ordering = (
        "url",
        "bronorganisatie",
        "registratiedatum",
        "kanaal",
        "voorkeurskanaal",
        "tekst",
        "initiatiefnemer",
        "medewerker",
    )

    def defaults(self) -> JSON:
        return {
            "vorigContactmoment": None,
            "volgendContactmoment": None,
            "bronorganisatie": "",
            "registratiedatum": None,
            "kanaal": "",
            "voorkeurskanaal": "",
            "voorkeurstaal": "",
            "tekst": "",
            "onderwerpLinks": [],
            "initiatiefnemer": "",
            "medewerker": "",
            "medewerkerIdentificatie": None,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        if not body.get("registratiedatum"):
            body["registratiedatum"] = _now()

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        volgende = self.backend.related(API, "contactmomenten", "vorigContactmoment")
        following = volgende.get(body["url"], [])
        rendered["volgendContactmoment"] = following[-1]["url"] if following else None
        return rendered


class ObjectContactmomenten(ContactmomentenResource):
    name = "objectcontactmomenten"
    operations = frozenset({"list", "create", "read", "delete"})
    required = ("contactmoment", "object", "objectType")
    url_fields = ("contactmoment", "object")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"objectType": ("zaak",)}
    references: ClassVar[dict[str, str]] = {
        "contactmoment": f"{API}/contactmomenten",
        "object": "zaken/zaken",
    }
    filters = (
        Filter("object", type="url"),
        Filter("contactmoment", type="url"),
        Filter("objectType", type="choice", choices=("zaak",)),
    )

    def defaults(self) -> JSON:
        return {"contactmoment": "", "object": "", "objectType": ""}


class KlantContactmomenten(ContactmomentenResource):
    name = "klantcontactmomenten"
    operations = frozenset({"list", "create", "read", "delete"})
    required = ("contactmoment", "klant", "rol")
    url_fields = ("contactmoment", "klant")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"rol": ROL}
    references: ClassVar[dict[str, str]] = {"contactmoment": f"{API}/contactmomenten"}
    filters = (
        Filter("contactmoment", type="url"),
        Filter("klant", type="url"),
        Filter("rol", type="choice", choices=ROL),
    )

    def defaults(self) -> JSON:
        return {"contactmoment": "", "klant": "", "rol": ""}


COLLECTIONS: tuple[type[Collection], ...] = (
    Contactmomenten,
    ObjectContactmomenten,
    KlantContactmomenten,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Contactmomenten API collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
