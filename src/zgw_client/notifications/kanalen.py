"""The kanalen the Common Ground registers publish on, and what their notifications carry.

Documentation, not a gate: a notification on a kanaal missing here is received and routed
like any other. Taken from the publishers' own kanaal definitions:

* Open Zaak 1.30: `src/openzaak/components/*/api/kanalen.py` and its `notificaties.md`;
* Objects API 4.0: `src/objects/api/kanalen.py` (kanaal name from its
  `NOTIFICATIONS_KANAAL` setting, `objecten` by default);
* Open Klant 2.18: `src/openklant/components/klantinteracties/kanalen.py`.

What to know about the values:

* Kenmerk names are listed as they arrive: the publishers camelCase them
  (`verantwoordelijke_organisatie` is sent as `verantwoordelijkeOrganisatie`, the Objects
  API's `object_type` as `objectType`); dotted names (`zaaktype.catalogus`) stay as they are.
  Handler filters in this package accept either spelling.
* Every kenmerk value is a string. Open Klant sends booleans as Python writes them
  (`"True"`, `"False"`).
* `resource` is the publisher's model name, lower case without separators
  (`zaakinformatieobject`), and `actie` its action: `create`, `update`, `partial_update`
  (a PATCH), `destroy`.
* Open Zaak also sends CloudEvents of its own when `ENABLE_CLOUD_EVENTS` is on; their types
  are in `OPEN_ZAAK_CLOUD_EVENT_TYPES`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

__all__ = [
    "AUTORISATIES",
    "BESLUITEN",
    "BESLUITTYPEN",
    "DOCUMENTEN",
    "INFORMATIEOBJECTTYPEN",
    "INTERNETAKEN",
    "KLANTCONTACTEN",
    "KNOWN_KANALEN",
    "OBJECTEN",
    "OPEN_ZAAK_CLOUD_EVENT_TYPES",
    "PARTIJEN",
    "ZAAKTYPEN",
    "ZAKEN",
    "KnownKanaal",
    "known_kanaal",
]

_CRUD = ("create", "update", "partial_update", "destroy")


@dataclass(frozen=True)
class KnownKanaal:
    """A kanaal as its publisher defines it.

    Attributes:
        naam: the kanaal's name, as in `Notification.kanaal`.
        publisher: who sends on it.
        main_resource: the resource `hoofdObject` points at.
        resources: each resource sent on the kanaal -> the acties it is sent with.
        kenmerken: the kenmerk names as they appear in `Notification.kenmerken`.
        notes: what else is worth knowing.
    """

    naam: str
    publisher: str
    main_resource: str
    resources: Mapping[str, tuple[str, ...]]
    kenmerken: tuple[str, ...]
    notes: str = field(default="")


ZAKEN = KnownKanaal(
    naam="zaken",
    publisher="Open Zaak (Zaken API)",
    main_resource="zaak",
    resources={
        "zaak": _CRUD,
        "status": ("create",),
        "substatus": ("create",),
        "zaakobject": _CRUD,
        "zaakinformatieobject": ("create",),
        "zaakeigenschap": _CRUD,
        "klantcontact": ("create",),
        "rol": _CRUD,
        "resultaat": _CRUD,
        "zaakbesluit": ("create",),
        "zaakcontactmoment": ("create",),
        "zaakverzoek": ("create",),
    },
    kenmerken=("bronorganisatie", "zaaktype", "zaaktype.catalogus", "vertrouwelijkheidaanduiding"),
    notes="`zaaktype.catalogus` is experimental. A new status of a zaak is resource `status`, "
    "actie `create`, with the zaak as hoofdObject.",
)

DOCUMENTEN = KnownKanaal(
    naam="documenten",
    publisher="Open Zaak (Documenten API)",
    main_resource="enkelvoudiginformatieobject",
    resources={
        "enkelvoudiginformatieobject": _CRUD,
        "gebruiksrechten": _CRUD,
        "verzending": _CRUD,
    },
    kenmerken=(
        "bronorganisatie",
        "informatieobjecttype",
        "vertrouwelijkheidaanduiding",
        "informatieobjecttype.catalogus",
    ),
    notes="`informatieobjecttype.catalogus` is experimental.",
)

BESLUITEN = KnownKanaal(
    naam="besluiten",
    publisher="Open Zaak (Besluiten API)",
    main_resource="besluit",
    resources={"besluit": _CRUD, "besluitinformatieobject": ("create", "destroy")},
    kenmerken=("verantwoordelijkeOrganisatie", "besluittype", "besluittype.catalogus"),
    notes="Defined as `verantwoordelijke_organisatie`, sent camelCased.",
)

ZAAKTYPEN = KnownKanaal(
    naam="zaaktypen",
    publisher="Open Zaak (Catalogi API)",
    main_resource="zaaktype",
    resources={"zaaktype": _CRUD},
    kenmerken=("catalogus",),
)

INFORMATIEOBJECTTYPEN = KnownKanaal(
    naam="informatieobjecttypen",
    publisher="Open Zaak (Catalogi API)",
    main_resource="informatieobjecttype",
    resources={"informatieobjecttype": _CRUD},
    kenmerken=("catalogus",),
)

BESLUITTYPEN = KnownKanaal(
    naam="besluittypen",
    publisher="Open Zaak (Catalogi API)",
    main_resource="besluittype",
    resources={"besluittype": _CRUD},
    kenmerken=("catalogus",),
)

AUTORISATIES = KnownKanaal(
    naam="autorisaties",
    publisher="Open Zaak (Autorisaties API)",
    main_resource="applicatie",
    resources={"applicatie": _CRUD},
    kenmerken=(),
)

OBJECTEN = KnownKanaal(
    naam="objecten",
    publisher="Objects API (Open Object)",
    main_resource="object",
    resources={"object": _CRUD},
    kenmerken=("objectType",),
    notes="The kanaal is registered with filter `object_type`; messages carry `objectType`, "
    "the URL of the object's objecttype. Taken (portaaltaken) arrive here.",
)

PARTIJEN = KnownKanaal(
    naam="partijen",
    publisher="Open Klant (Klantinteracties API)",
    main_resource="partij",
    resources={"partij": _CRUD},
    kenmerken=("nummer", "interneNotitie", "soortPartij"),
    notes="`interneNotitie` is free text: treat it as personal data.",
)

KLANTCONTACTEN = KnownKanaal(
    naam="klantcontacten",
    publisher="Open Klant (Klantinteracties API)",
    main_resource="klantcontact",
    resources={"klantcontact": _CRUD},
    kenmerken=("hoofdOnderwerpType", "indicatieContactGelukt", "verdereActieOndernomen"),
    notes='The two indicaties arrive as `"True"`/`"False"`.',
)

INTERNETAKEN = KnownKanaal(
    naam="internetaken",
    publisher="Open Klant (Klantinteracties API)",
    main_resource="internetaak",
    resources={"internetaak": _CRUD},
    kenmerken=("nummer", "gevraagdeHandeling", "toelichting", "status"),
    notes="`toelichting` and `gevraagdeHandeling` are free text: treat them as personal data.",
)

#: Every kanaal above by name.
KNOWN_KANALEN: Mapping[str, KnownKanaal] = MappingProxyType(
    {
        kanaal.naam: kanaal
        for kanaal in (
            ZAKEN,
            DOCUMENTEN,
            BESLUITEN,
            ZAAKTYPEN,
            INFORMATIEOBJECTTYPEN,
            BESLUITTYPEN,
            AUTORISATIES,
            OBJECTEN,
            PARTIJEN,
            KLANTCONTACTEN,
            INTERNETAKEN,
        )
    }
)

#: CloudEvent types Open Zaak 1.30 sends of its own (setting `ENABLE_CLOUD_EVENTS`), through
#: Open Notificaties' `/cloudevents`. `subject` is the resource's UUID, `dataref` its API
#: path (without host); the zaak events geopend/gemuteerd/verwijderd carry the zaken
#: kenmerken as `data`.
OPEN_ZAAK_CLOUD_EVENT_TYPES: tuple[str, ...] = (
    "nl.overheid.zaken.zaak-geopend",
    "nl.overheid.zaken.zaak-gemuteerd",
    "nl.overheid.zaken.zaak-verwijderd",
    "nl.overheid.zaken.zaak-geregistreerd",
    "nl.overheid.zaken.zaak-opgeschort",
    "nl.overheid.zaken.zaak-bijgewerkt",
    "nl.overheid.zaken.zaak-verlengd",
    "nl.overheid.zaken.zaak-afgesloten",
    "nl.overheid.documenten.document-geregistreerd",
    "nl.overheid.besluiten.besluit-verwerkt",
)


def known_kanaal(naam: str) -> KnownKanaal | None:
    """The documented kanaal of this name, or `None` for one this module does not list."""
    return KNOWN_KANALEN.get(naam)
