"""Registering a verzoek from a portal, and following it to the zaak it became.

How Open VTB 0.1.0 takes a verzoek (``POST /verzoeken``):

* ``verzoekType`` is the URL of a verzoektype; ``versie`` picks one of its versions (default
  the latest), whose ``aanvraagGegevensSchema`` (JSON Schema) the server checks
  ``aanvraagGegevens`` against;
* ``initiator`` is the party URN of whoever submits it (``urn:nld:brp:bsn:...``);
* **bijlagen are not uploaded to Open VTB**: each is ``{"informatieObject": <URN>}``, the URN
  of a document already stored in the Documenten API (upload it there first, then name it
  with [`informatieobject_urn`][zgw_client.urns.informatieobject_urn]);
  ``verzoekInformatieObject`` is, the same way, the verzoek itself as a document (a PDF).

When the back office has handled the verzoek, it links the zaak it started in
``isGerelateerdAan`` by zaaknummer URN (``urn:nld:<organisatie>:zaak:zaaknummer:<nr>``) and
sets ``verwerkStatus`` to ``verwerkt``. The URN names the zaak by its ``identificatie``
only; the zaak itself is found with ``zaken?identificatie=...`` in the Zaken API.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from .._exceptions import InputError, ZGWError
from ..urns import InvalidURNError, validate_urn

__all__ = ["ZaakLinkError", "registration_body"]


class ZaakLinkError(ZGWError):
    """A verzoek's zaak URN names no zaak in the Zaken API, or several (pass the
    ``bronorganisatie``); the link is the back office's to fix."""


def registration_body(
    *,
    verzoektype_url: str,
    aanvraag_gegevens: Mapping[str, Any],
    initiator: str,
    bijlagen: Sequence[str] = (),
    versie: int | None = None,
    verzoek_informatie_object: str | None = None,
    kanaal: str | None = None,
    verzoek_taal: str | None = None,
    extra: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The body of ``POST /verzoeken``, checked before it is sent.

    Args:
        verzoektype_url: the verzoektype's URL.
        aanvraag_gegevens: the form data (the server checks it against the version's JSON
            schema).
        initiator: the submitting party's URN (already checked by the caller).
        bijlagen: URNs of the attached documents (enkelvoudiginformatieobjecten).
        versie: the verzoektype version (default: the latest).
        verzoek_informatie_object: URN of the verzoek as a document.
        kanaal: the channel it came in through, e.g. ``"web"``.
        verzoek_taal: the language (two letters), default ``nl`` on the server.
        extra: more fields as the API names them (``verzoekBron``, ``geometrie``, ...).

    Raises:
        InputError: a bijlage or document that is not a URN, a bijlage given twice, a
            ``versie`` below 1, or ``aanvraag_gegevens`` that is not a mapping.
    """
    if not isinstance(aanvraag_gegevens, Mapping):
        raise InputError("aanvraag_gegevens must be a mapping (the form's data as JSON).")
    if versie is not None and (
        isinstance(versie, bool) or not isinstance(versie, int) or versie < 1
    ):
        raise InputError("versie must be a version number (1, 2, ...) of the verzoektype.")
    if isinstance(bijlagen, str):
        raise InputError("bijlagen must be a list of URNs, not one string.")
    urns: list[str] = []
    for index, bijlage in enumerate(bijlagen):
        try:
            urns.append(validate_urn(bijlage))
        except InvalidURNError:
            raise InputError(
                f"bijlagen[{index}] is not a URN. Open VTB takes documents by the URN of an "
                "enkelvoudiginformatieobject in the Documenten API: upload the file there and "
                "pass informatieobject_urn(<its uuid>, organisatie=...)."
            ) from None
    if len(set(urns)) != len(urns):
        raise InputError("bijlagen names the same document twice.")
    body: dict[str, Any] = {
        "verzoekType": verzoektype_url,
        "aanvraagGegevens": dict(aanvraag_gegevens),
        "initiator": initiator,
        "bijlagen": [{"informatieObject": urn} for urn in urns],
    }
    if verzoek_informatie_object is not None:
        try:
            body["verzoekInformatieObject"] = validate_urn(verzoek_informatie_object)
        except InvalidURNError:
            raise InputError("verzoek_informatie_object must be the URN of a document.") from None
    if versie is not None:
        body["versie"] = versie
    if kanaal is not None:
        body["kanaal"] = kanaal
    if verzoek_taal is not None:
        body["verzoekTaal"] = verzoek_taal
    body.update(extra or {})
    return body
