"""The APIs the backend serves: where each is mounted, its version, its auth scheme.

An [`ApiDefinition`][zgw_client.testing.ApiDefinition] says nothing about resources; those are added
by an API module (see ``_zaken.py``) through [`Router`][zgw_client.testing.Router] and
[`Collection`][zgw_client.testing.Collection]. All seven APIs are defined here so that their roots,
auth checks and seeding (``backend.add``) work before a module implements them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ._problems import Language

AuthScheme = Literal["jwt", "token", "none"]


@dataclass(frozen=True)
class ApiDefinition:
    """One API as mounted on the backend host.

    Attributes:
        name: short key, used in ``backend.api_roots`` and ``backend.add(api, ...)``.
        root_path: path of the API root, with leading and trailing slash.
        version: the ``API-version`` header the real server sends.
        auth: ``jwt`` (JWT-ZGW, 403 on failure) or ``token`` (``Token <key>``, 401).
        root_links: the keys of the API root document and the path each points at.
        language: language of the problem texts.
        invalid_params_key: ``invalidParams`` (Open Zaak, Open Klant) or ``invalid_params``.
        www_authenticate: the ``WWW-Authenticate`` header of a token API's 401 (Open VTB and
            Open Product name their OIDC scheme first: ``Bearer realm="api"``).
    """

    name: str
    root_path: str
    version: str
    auth: AuthScheme
    root_links: tuple[tuple[str, str], ...] = ()
    language: Language = "nl"
    invalid_params_key: str = "invalidParams"
    www_authenticate: str = "Token"


def _links(*names: str) -> tuple[tuple[str, str], ...]:
    return tuple((name, name) for name in names)


ZAKEN = ApiDefinition(
    "zaken",
    "/zaken/api/v1/",
    "1.5.1",
    "jwt",
    (
        *_links(
            "zaken",
            "statussen",
            "substatussen",
            "zaakobjecten",
            "klantcontacten",
            "rollen",
            "resultaten",
            "zaakinformatieobjecten",
            "zaakcontactmomenten",
            "zaakverzoeken",
        ),
        ("zaaknummerReserveren", "zaaknummer_reserveren"),
        ("zaaknotities", "zaaknotities"),
        ("reserveerZaaknummer", "reserveer_zaaknummer"),
        ("zaakRegistreren", "zaak_registreren"),
    ),
)
CATALOGI = ApiDefinition(
    "catalogi",
    "/catalogi/api/v1/",
    "1.3.1",
    "jwt",
    _links(
        "catalogussen",
        "zaaktypen",
        "statustypen",
        "eigenschappen",
        "roltypen",
        "informatieobjecttypen",
        "besluittypen",
        "resultaattypen",
        "zaaktype-informatieobjecttypen",
        "zaakobjecttypen",
    ),
)
DOCUMENTEN = ApiDefinition(
    "documenten",
    "/documenten/api/v1/",
    "1.4.2",
    "jwt",
    (
        *_links("enkelvoudiginformatieobjecten", "gebruiksrechten", "objectinformatieobjecten"),
        ("verzendingen", "verzendingen"),
        ("documentnummerReserveren", "documentnummer_reserveren"),
        ("documentRegistreren", "document_registreren"),
    ),
)
BESLUITEN = ApiDefinition(
    "besluiten",
    "/besluiten/api/v1/",
    "1.1.0",
    "jwt",
    (*_links("besluiten", "besluitinformatieobjecten"), ("besluitVerwerken", "besluit_verwerken")),
)
KLANTINTERACTIES = ApiDefinition(
    "klantinteracties",
    "/klantinteracties/api/v1/",
    "0.9.0",
    "token",
    _links(
        "actoren",
        "digitaleadressen",
        "rekeningnummers",
        "actorklantcontacten",
        "klantcontacten",
        "betrokkenen",
        "onderwerpobjecten",
        "bijlagen",
        "maak-klantcontact",
        "internetaken",
        "categorieen",
        "categorie-relaties",
        "partijen",
        "partij-identificatoren",
        "vertegenwoordigingen",
    ),
)
CONTACTMOMENTEN = ApiDefinition(
    "contactmomenten",
    "/contactmomenten/api/v1/",
    "1.0.0",
    "jwt",
    _links("contactmomenten", "klantcontactmomenten", "objectcontactmomenten"),
)
OBJECTEN = ApiDefinition(
    "objecten",
    "/objecten/api/v2/",
    "2.7.0",
    "token",
    _links("objecttypes", "objects", "permissions"),
    language="en",
    invalid_params_key="invalid_params",
)

# The Dienstverleningsplatform: Open VTB 0.1.0 (one server, three API roots) and Open
# Product 1.8.0 (two roots; its API-version is 1.7.0). Both authenticate with OIDC or a
# DRF token, so a 401 names the OIDC scheme; Open Product renders snake_case JSON.
_OIDC_FIRST = 'Bearer realm="api"'
BERICHTEN = ApiDefinition(
    "berichten",
    "/berichten/api/v1/",
    "0.1.0",
    "token",
    _links("berichten"),
    www_authenticate=_OIDC_FIRST,
)
TAKEN = ApiDefinition(
    "taken",
    "/taken/api/v1/",
    "0.1.0",
    "token",
    _links("externetaken", "betaaltaken", "urltaken", "formuliertaken"),
    www_authenticate=_OIDC_FIRST,
)
VERZOEKEN = ApiDefinition(
    "verzoeken",
    "/verzoeken/api/v1/",
    "0.1.0",
    "token",
    _links("verzoeken", "verzoektypen"),
    www_authenticate=_OIDC_FIRST,
)
PRODUCTEN = ApiDefinition(
    "producten",
    "/producten/api/v1/",
    "1.7.0",
    "token",
    _links("producten"),
    invalid_params_key="invalid_params",
    www_authenticate=_OIDC_FIRST,
)
PRODUCTTYPEN = ApiDefinition(
    "producttypen",
    "/producttypen/api/v1/",
    "1.7.0",
    "token",
    _links(
        "producttypen",
        "links",
        "prijzen",
        "themas",
        "bestanden",
        "schemas",
        "content",
        "acties",
        "contentlabels",
        "locaties",
        "organisaties",
        "contacten",
    ),
    invalid_params_key="invalid_params",
    www_authenticate=_OIDC_FIRST,
)

# Open Notificaties serves its one API on /api/v1/ (no component prefix).
NOTIFICATIES = ApiDefinition(
    "notificaties", "/api/v1/", "1.0.0", "jwt", _links("abonnement", "kanaal", "notificaties")
)

ALL_APIS: tuple[ApiDefinition, ...] = (
    ZAKEN,
    CATALOGI,
    DOCUMENTEN,
    BESLUITEN,
    KLANTINTERACTIES,
    CONTACTMOMENTEN,
    OBJECTEN,
    BERICHTEN,
    TAKEN,
    VERZOEKEN,
    PRODUCTEN,
    PRODUCTTYPEN,
    NOTIFICATIES,
)
