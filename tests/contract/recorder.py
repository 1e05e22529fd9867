"""Record every exchange with the in-memory backend during a test, and check it.

Requests sent by zgw-client (recognised by its User-Agent) must match the official spec.
Responses of the backend must match it too, except where the real servers themselves
deviate from their spec in the same way (listed in :data:`KNOWN_SERVER_DEVIATIONS`, each
seen in ``../shared/samples``): the backend copies the servers, not the paper.
"""

from __future__ import annotations

import httpx

from tests.contract.openapi import Violation, validate_exchange

#: Messages of violations the real Open Zaak / Open Klant / Objects API produce too.
KNOWN_SERVER_DEVIATIONS = (
    "None for not nullable",  # e.g. zaak.verlenging, eio.ondertekening, record.geometry: null
    "None is not of type",  # the same nulls, seen by the type check
    "'' is too short",  # "" for an empty value: zaak.opdrachtgevendeOrganisatie
    "'' does not match",  # "" in Open Klant adressen (postcode, nummeraanduidingId)
    "'' is not a 'uri'",  # "" for "no reference": rol.betrokkene, zaak.selectielijstklasse
    "'' is not one of",  # "" for a blank enum: betalingsindicatie, vervalreden
    "'' is not a 'email'",  # "" for an empty e-mail address: rol.contactpersoonRol
    "'ZRC' is not one of",  # audittrail.bron is sent upper case (the spec says lower case)
    "'DRC' is not one of",
    "'BRC' is not one of",
    "'ZTC' is not one of",
    "Unknown response http status: 304",  # ETag revalidation is not in the specs
    # Open Notificaties: the abonnement's auth is write_only (nrc.api.serializers), so no
    # answer carries it although Notificaties 1.0 lists it as required
    "'auth' is a required property",
)


#: Open Product 1.8.0 endpoints whose spec says a page or an object but whose server (seen
#: on the real one) answers a plain array.
_OPEN_PRODUCT_ARRAYS = ("/content", "/content-elementen", "/producttypen/actuele-prijzen")


def _is_known_deviation(violation: Violation, response: httpx.Response | None) -> bool:
    if violation.what == "request":
        return False
    if any(text in violation.error for text in KNOWN_SERVER_DEVIATIONS):
        return True
    if (
        "/producttypen/api/" in violation.url
        and httpx.URL(violation.url).path.endswith(_OPEN_PRODUCT_ARRAYS)
        and "is not of type 'object'" in violation.error
        and response is not None
        and isinstance(response.json(), list)
    ):
        return True
    if response is None or response.status_code < 400:
        return False
    # Errors come as application/json where the specs say application/problem+json, and
    # with statuses the specs do not list (400 invalid expand, 401, 404 past the last page).
    open_product = "/producten/api/" in violation.url or "/producttypen/api/" in violation.url
    if open_product and "'veld_" in violation.error and "is a required property" in violation.error:
        # Open Product's spec documents 400s as {"veld_a": [...]}, but its exception handler
        # (commonground-api-common) answers problem bodies with invalid_params.
        return True
    return (
        "mimetype not found: application/json" in violation.error
        or "Unknown response http status" in violation.error
        or "OperationNotFound" in violation.error  # e.g. 405 for a method the API lacks
        or "PathNotFound" in violation.error
    )


#: openapi-core ignores ``nullable: true`` next to ``allOf`` (the Klantinteracties spec
#: writes nullable references that way, e.g. ``voorkeursDigitaalAdres``), so a ``null`` the
#: spec allows is reported; Open Klant accepts it.
_NULLABLE_ALLOF = ("None for not nullable", "None is not of type 'object'")


def _bestandsdeel_multipart(request: httpx.Request, violation: Violation) -> bool:
    """Open Zaak's spec declares ``Content-Type: application/json`` for ``PUT
    bestandsdelen/{uuid}``, but the endpoint takes (and Open Zaak's own sample shows)
    ``multipart/form-data``: a spec erratum, not a client error."""
    return (
        "/bestandsdelen/" in request.url.path
        and request.headers.get("Content-Type", "").startswith("multipart/form-data")
        and ("multipart/form-data" in violation.error or "mimetype not found" in violation.error)
    )


def _polymorphic_taak_patch(request: httpx.Request, violation: Violation) -> bool:
    """Open VTB's spec gives ``PATCH /externetaken/{uuid}`` the full polymorphic body
    (``taakSoort``, ``titel``, ``details``... required), but the server takes a partial one
    like any PATCH (checked against the real Open VTB 0.1.0 in tests/live/test_platform.py):
    a spec erratum of drf-spectacular's polymorphic serializer, not a client error."""
    return (
        request.method == "PATCH"
        and "/taken/api/v1/externetaken/" in request.url.path
        and (
            "is a required property" in violation.error
            or "does not contain discriminating property" in violation.error
        )
    )


def _parses(response: httpx.Response) -> bool:
    try:
        response.json()
    except ValueError:
        return False
    return True


class ContractRecorder:
    """Collects exchanges; :meth:`violations` checks them against the specs."""

    def __init__(self) -> None:
        self.exchanges: list[tuple[httpx.Request, httpx.Response]] = []

    def record(self, request: httpx.Request, response: httpx.Response) -> None:
        self.exchanges.append((request, response))

    def violations(self) -> list[Violation]:
        found: list[Violation] = []
        for request, response in self.exchanges:
            sent_by_sdk = request.headers.get("User-Agent", "").startswith("zgw-client/")
            if response.status_code >= 500 or response.status_code == 429:
                continue  # injected faults; the specs do not describe them
            if "json" in response.headers.get("Content-Type", "") and not _parses(response):
                continue  # a deliberately truncated body (fault injection)
            for violation in validate_exchange(request, response):
                if violation.what == "request":
                    if not sent_by_sdk:
                        continue  # tests of the backend send bad requests on purpose
                    if response.status_code == 400 and "Body" in violation.error:
                        continue  # a test sent an invalid body on purpose; the server said so
                    if "Security" in violation.error:
                        continue  # credentials are checked by the auth tests
                    if _bestandsdeel_multipart(request, violation):
                        continue
                    if _polymorphic_taak_patch(request, violation):
                        continue
                    if any(text in violation.error for text in _NULLABLE_ALLOF):
                        continue
                if _is_known_deviation(violation, response):
                    continue
                found.append(violation)
        return found
