"""Problem bodies like the real servers send (``type code title status detail instance``).

Handlers raise [`ProblemError`][zgw_client.testing.ProblemError]; the backend turns it into a
response. The texts are the ones Open Zaak and Open Klant send (Dutch); an API definition can ask
for the English texts of the Objects API and for its snake_case ``invalid_params`` key. An entry of
``invalidParams`` is the SDK's own [`InvalidParam`][zgw_client.InvalidParam]: one name for the one
concept, whether the backend answers it or the client parses it.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Literal

from .._exceptions import InvalidParam as InvalidParam  # re-exported for the handlers
from ._types import JSON

Language = Literal["nl", "en"]

# status -> (type name, default code, title per language)
_KINDS: dict[int, tuple[str, str, dict[str, str]]] = {
    400: (
        "ValidationError",
        "invalid",
        {"nl": "Ongeldige invoer.", "en": "Invalid input."},
    ),
    401: (
        "NotAuthenticated",
        "not_authenticated",
        {
            "nl": "Authenticatiegegevens zijn niet opgegeven.",
            "en": "Authentication credentials were not provided.",
        },
    ),
    403: (
        "PermissionDenied",
        "permission_denied",
        {
            "nl": "Je hebt geen toestemming om deze actie uit te voeren.",
            "en": "You do not have permission to perform this action.",
        },
    ),
    404: ("NotFound", "not_found", {"nl": "Niet gevonden.", "en": "Not found."}),
    405: (
        "MethodNotAllowed",
        "method_not_allowed",
        {"nl": "Methode niet toegestaan.", "en": "Method not allowed."},
    ),
    406: (
        "NotAcceptable",
        "not_acceptable",
        {
            "nl": "Kan niet voldoen aan de opgegeven Accept header.",
            "en": "Could not satisfy the request Accept header.",
        },
    ),
    409: ("Conflict", "conflict", {"nl": "Conflict.", "en": "Conflict."}),
    412: (
        "PreconditionFailed",
        "precondition_failed",
        {"nl": "Voorwaarde is niet vervuld", "en": "Precondition failed"},
    ),
    415: (
        "UnsupportedMediaType",
        "unsupported_media_type",
        {"nl": "Ongeldige media type.", "en": "Unsupported media type."},
    ),
    429: (
        "Throttled",
        "throttled",
        {"nl": "Verzoek is afgeknepen.", "en": "Request was throttled."},
    ),
    500: (
        "APIException",
        "error",
        {"nl": "Er is een serverfout opgetreden.", "en": "A server error occurred."},
    ),
    502: ("BadGateway", "bad_gateway", {"nl": "Bad Gateway", "en": "Bad Gateway"}),
    503: (
        "ServiceUnavailable",
        "service_unavailable",
        {
            "nl": "Service tijdelijk niet beschikbaar, probeer het later opnieuw.",
            "en": "Service temporarily unavailable, try again later.",
        },
    ),
    504: ("GatewayTimeout", "gateway_timeout", {"nl": "Gateway Timeout", "en": "Gateway Timeout"}),
}

REQUIRED = "Dit veld is verplicht."
INVALID_URL = "Voer een geldige URL in."
INVALID_CHOICE = "Selecteer een geldige keuze. {value} is geen beschikbare keuze."


@dataclass
class ProblemError(Exception):
    """Raised by handlers to answer with a problem body; turned into a response in one place."""

    status: int
    code: str | None = None
    detail: str | None = None
    title: str | None = None
    type_name: str | None = None
    invalid_params: list[InvalidParam] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)

    def __str__(self) -> str:
        return f"{self.status} {self.code}: {self.detail}"


def validation_error(*params: InvalidParam) -> ProblemError:
    """A 400 with ``invalidParams``, as DRF sends it (detail equals the title)."""
    return ProblemError(400, invalid_params=list(params))


def invalid(name: str, reason: str, code: str = "invalid") -> ProblemError:
    """A 400 about one field or query parameter."""
    return validation_error(InvalidParam(name, code, reason))


def not_found() -> ProblemError:
    return ProblemError(404)


def problem_body(
    error: ProblemError,
    *,
    origin: str,
    language: Language = "nl",
    invalid_params_key: str = "invalidParams",
) -> JSON:
    """Render ``error`` as the server would; ``origin`` is the server's scheme://host."""
    type_name, default_code, titles = _KINDS.get(
        error.status, ("APIException", "error", {"nl": "Fout", "en": "Error"})
    )
    title = error.title or titles[language]
    body: JSON = {
        "type": f"{origin}/ref/fouten/{error.type_name or type_name}/",
        "code": error.code or default_code,
        "title": title,
        "status": error.status,
        "detail": error.detail or title,
        "instance": f"urn:uuid:{uuid.uuid4()}",
    }
    if error.invalid_params or (error.status == 400 and error.code is None):
        body[invalid_params_key] = [_param_json(p) for p in error.invalid_params]
    return body


def _param_json(param: InvalidParam) -> JSON:
    return {"name": param.name, "code": param.code, "reason": param.reason}
