"""URNs as the Dienstverleningsplatform uses them: parties, zaken and producten.

Open VTB (Berichten, Taken, Verzoeken) names people, companies and the things it links to
by URN (RFC 8141), not by URL:

* a citizen: ``urn:nld:brp:bsn:<bsn>``;
* a company: ``urn:nld:hr:kvknummer:<kvk>``, one of its branches
  ``urn:nld:hr:kvknummer:<kvk>:vestigingsnummer:<vestigingsnummer>``;
* a klant of the municipality (Taken only): ``urn:nld:klant:klantnummer:<nummer>``;
* a zaak, by its zaaknummer (the zaak's ``identificatie``):
  ``urn:nld:<organisatie>:zaak:zaaknummer:<identificatie>``;
* a product of Open Product: ``urn:nld:<organisatie>:product:uuid:<uuid>``;
* a document (enkelvoudiginformatieobject) attached to a bericht or verzoek:
  ``urn:nld:<organisatie>:informatieobject:uuid:<uuid>``.

Open VTB 0.1.0 itself checks only the RFC 8141 syntax (its ``URNValidator``); it accepts a
BSN that fails the 11-proef. The builders and parsers here check the numbers as well (with
[`zgw_client.identifiers`][zgw_client.identifiers]), so a typo fails before it is stored
in a register where nobody will find it.

Open Product links zaken, documenten and taken by ``<base urn>:uuid:<uuid>`` and turns such a
URN into a URL with a configured base URL (its ``URN_MAPPING_CONFIG``):
[`UUIDURNMapping`][zgw_client.urns.UUIDURNMapping] does the same.

A zaaknummer URN cannot be turned into a zaak URL without asking the Zaken API: search
``zaken?identificatie=<identificatie>`` (the URN carries no bronorganisatie or UUID).

Errors are [`InvalidURNError`][zgw_client.urns.InvalidURNError] (an
[`InputError`][zgw_client._exceptions.InputError]); their messages never repeat the URN,
which may carry a BSN.
"""

from __future__ import annotations

import re
import uuid as uuidlib
from dataclasses import dataclass, field
from enum import Enum
from urllib.parse import quote, unquote

from ._exceptions import InputError
from ._masking import BSN_MASK
from .identifiers import (
    InvalidBSNError,
    InvalidKVKError,
    InvalidVestigingsnummerError,
    validate_bsn,
    validate_kvk,
    validate_vestigingsnummer,
)

__all__ = [
    "InvalidPartyURNError",
    "InvalidURNError",
    "InvalidZaakURNError",
    "PartyKind",
    "PartyURN",
    "ProductURN",
    "UUIDURNMapping",
    "ZaakURN",
    "bsn_urn",
    "informatieobject_urn",
    "is_valid_urn",
    "klantnummer_urn",
    "kvk_urn",
    "parse_party_urn",
    "parse_product_urn",
    "parse_zaak_urn",
    "product_urn",
    "validate_urn",
    "zaak_urn",
]

# RFC 8141, exactly as Open VTB's and Open Product's URNValidator spell it.
_HEXDIG = r"[0-9A-Fa-f]"
_ALPHANUM = r"[A-Za-z0-9]"
_PCHAR = rf"(?:{_ALPHANUM}|[-._~]|%{_HEXDIG}{_HEXDIG}|[!$&'()*+,;=]|[:@])"
_NID = rf"{_ALPHANUM}(?:{_ALPHANUM}|-){{0,30}}{_ALPHANUM}"
_NSS = rf"{_PCHAR}(?:{_PCHAR}|/)*"
_RQ = rf"(?:\?\+{_PCHAR}(?:{_PCHAR}|/|\?)*)?(?:\?={_PCHAR}(?:{_PCHAR}|/|\?)*)?"
_F = rf"{_PCHAR}(?:{_PCHAR}|/|\?)*"
_URN = re.compile(rf"^urn:{_NID}:{_NSS}{_RQ}(?:#{_F})?$")

#: Characters kept as they are when a zaaknummer goes into a URN segment (pchar minus ``:``
#: and ``/``, which would change the URN's structure); everything else is percent-encoded.
_SEGMENT_SAFE = "-._~!$&'()*+,;=@"

_BSN_PREFIX = "urn:nld:brp:bsn:"
_KVK_PREFIX = "urn:nld:hr:kvknummer:"
_KLANT_PREFIX = "urn:nld:klant:klantnummer:"
_VESTIGING = ":vestigingsnummer:"
_ORGANISATIE = re.compile(rf"^{_ALPHANUM}(?:{_ALPHANUM}|[-._~])*$")
_ZAAK = re.compile(r"^urn:nld:(?P<organisatie>[^:]+):zaak:zaaknummer:(?P<identificatie>[^:]+)$")
_PRODUCT = re.compile(r"^urn:nld:(?P<organisatie>[^:]+):product:uuid:(?P<uuid>[^:]+)$")


class InvalidURNError(InputError):
    """A value is not a URN of the expected form (RFC 8141 or a platform pattern)."""


class InvalidPartyURNError(InvalidURNError):
    """A party URN is malformed, or its BSN, KVK-nummer or vestigingsnummer is invalid."""


class InvalidZaakURNError(InvalidURNError):
    """A zaak URN is not ``urn:nld:<organisatie>:zaak:zaaknummer:<identificatie>``."""


def is_valid_urn(value: object) -> bool:
    """Whether ``value`` is a URN the Open VTB and Open Product servers accept (RFC 8141)."""
    return isinstance(value, str) and len(value) <= 255 and bool(_URN.match(value))


def validate_urn(value: str) -> str:
    """Return ``value`` if the servers would accept it as a URN, else raise.

    Open VTB stores URNs in 255-character fields, so longer ones fail as well.

    Raises:
        InvalidURNError: the syntax is not RFC 8141 ``urn:<NID>:<NSS>``, or it is too long.
    """
    if not isinstance(value, str):
        raise InvalidURNError(f"A URN must be a string, got {type(value).__name__}.")
    if len(value) > 255:
        raise InvalidURNError(
            f"A URN may have at most 255 characters (the servers' limit); got {len(value)}."
        )
    if not _URN.match(value):
        raise InvalidURNError(
            "Not a valid URN: expected 'urn:<namespace>:<specific string>' (RFC 8141), for "
            "example 'urn:nld:brp:bsn:<bsn>'. Check for spaces or a missing 'urn:' prefix."
        )
    return value


# --------------------------------------------------------------------------- parties


class PartyKind(str, Enum):
    """What a party URN identifies."""

    BSN = "bsn"
    KVK = "kvk"
    VESTIGING = "vestiging"
    KLANTNUMMER = "klantnummer"


@dataclass(frozen=True)
class PartyURN:
    """A parsed party URN: a citizen (BSN), a company (KVK), a branch, or a klantnummer.

    ``str(party)`` is the URN. The ``repr`` masks the BSN, so a party can be logged.
    """

    kind: PartyKind
    bsn: str | None = field(default=None, repr=False)
    kvk_nummer: str | None = None
    vestigingsnummer: str | None = None
    klantnummer: str | None = None

    @property
    def urn(self) -> str:
        """The URN, in the canonical form the builders produce."""
        if self.kind is PartyKind.BSN:
            return f"{_BSN_PREFIX}{self.bsn}"
        if self.kind is PartyKind.KVK:
            return f"{_KVK_PREFIX}{self.kvk_nummer}"
        if self.kind is PartyKind.VESTIGING:
            return f"{_KVK_PREFIX}{self.kvk_nummer}{_VESTIGING}{self.vestigingsnummer}"
        return f"{_KLANT_PREFIX}{self.klantnummer}"

    def __str__(self) -> str:
        return self.urn

    def __repr__(self) -> str:
        parts = [f"kind={self.kind.value!r}"]
        if self.bsn is not None:
            parts.append(f"bsn={BSN_MASK!r}")
        for name in ("kvk_nummer", "vestigingsnummer", "klantnummer"):
            value = getattr(self, name)
            if value is not None:
                parts.append(f"{name}={value!r}")
        return f"PartyURN({', '.join(parts)})"


def bsn_urn(bsn: str) -> str:
    """``urn:nld:brp:bsn:<bsn>`` for a valid BSN (8 digits are padded to 9).

    Raises:
        InvalidPartyURNError: the BSN fails the length rule or the 11-proef (the message
            says which, never the BSN).
    """
    try:
        return f"{_BSN_PREFIX}{validate_bsn(bsn)}"
    except InvalidBSNError as exc:
        raise InvalidPartyURNError(f"Cannot build a BSN URN: {exc}") from None


def kvk_urn(kvk_nummer: str, vestigingsnummer: str | None = None) -> str:
    """``urn:nld:hr:kvknummer:<kvk>``, or with ``:vestigingsnummer:<nummer>`` for a branch.

    Raises:
        InvalidPartyURNError: the KVK-nummer is not 8 digits or the vestigingsnummer not 12.
    """
    try:
        kvk = validate_kvk(kvk_nummer)
        if vestigingsnummer is None:
            return f"{_KVK_PREFIX}{kvk}"
        return f"{_KVK_PREFIX}{kvk}{_VESTIGING}{validate_vestigingsnummer(vestigingsnummer)}"
    except (InvalidKVKError, InvalidVestigingsnummerError) as exc:
        raise InvalidPartyURNError(f"Cannot build a KVK URN: {exc}") from None


def klantnummer_urn(klantnummer: str) -> str:
    """``urn:nld:klant:klantnummer:<nummer>`` (Taken accepts these for ``isToegewezenAan``).

    Raises:
        InvalidPartyURNError: the klantnummer is empty or has characters a URN cannot hold.
    """
    text = klantnummer.strip() if isinstance(klantnummer, str) else ""
    urn = f"{_KLANT_PREFIX}{text}"
    if not text or ":" in text or not is_valid_urn(urn):
        raise InvalidPartyURNError(
            "A klantnummer must be a non-empty string of letters, digits and '-._~' "
            "(no ':' or spaces) to fit in a URN."
        )
    return urn


def parse_party_urn(urn: str) -> PartyURN:
    """Parse a party URN and check the numbers in it.

    Accepts the four forms Open VTB documents (BSN, KVK, KVK with vestigingsnummer,
    klantnummer). The prefix is matched case-insensitively (RFC 8141 namespaces are);
    the numbers must be exact.

    Raises:
        InvalidPartyURNError: not one of the four forms, or an invalid number in it.
    """
    if not isinstance(urn, str):
        raise InvalidPartyURNError(f"A party URN must be a string, got {type(urn).__name__}.")
    text = urn.strip()
    lowered = text.lower()
    try:
        if lowered.startswith(_BSN_PREFIX):
            value = text[len(_BSN_PREFIX) :]
            if len(value) != 9:
                raise InvalidPartyURNError(
                    f"The BSN in a BSN URN must be exactly 9 digits; got {len(value)} characters."
                )
            return PartyURN(PartyKind.BSN, bsn=validate_bsn(value))
        if lowered.startswith(_KVK_PREFIX):
            rest = text[len(_KVK_PREFIX) :]
            if _VESTIGING in rest.lower():
                at = rest.lower().index(_VESTIGING)
                kvk, vestiging = rest[:at], rest[at + len(_VESTIGING) :]
                return PartyURN(
                    PartyKind.VESTIGING,
                    kvk_nummer=_exact_kvk(kvk),
                    vestigingsnummer=_exact_vestiging(vestiging),
                )
            return PartyURN(PartyKind.KVK, kvk_nummer=_exact_kvk(rest))
        if lowered.startswith(_KLANT_PREFIX):
            klantnummer_urn(text[len(_KLANT_PREFIX) :])
            return PartyURN(PartyKind.KLANTNUMMER, klantnummer=text[len(_KLANT_PREFIX) :])
    except (InvalidBSNError, InvalidKVKError, InvalidVestigingsnummerError) as exc:
        raise InvalidPartyURNError(f"Invalid party URN: {exc}") from None
    raise InvalidPartyURNError(
        "Not a party URN: expected 'urn:nld:brp:bsn:<bsn>', 'urn:nld:hr:kvknummer:<kvk>', "
        "'urn:nld:hr:kvknummer:<kvk>:vestigingsnummer:<nummer>' or "
        "'urn:nld:klant:klantnummer:<nummer>'."
    )


def _exact_kvk(value: str) -> str:
    if value != value.strip():
        raise InvalidKVKError("KVK-nummer in a URN must not have surrounding spaces.")
    return validate_kvk(value)


def _exact_vestiging(value: str) -> str:
    if value != value.strip():
        raise InvalidVestigingsnummerError(
            "Vestigingsnummer in a URN must not have surrounding spaces."
        )
    return validate_vestigingsnummer(value)


# --------------------------------------------------------------------------- zaken, producten


def _organisatie(value: str, error: type[InvalidURNError]) -> str:
    if not isinstance(value, str) or not _ORGANISATIE.match(value):
        raise error(
            "The organisatie part of a URN must be letters and digits (and '-._~'), "
            "for example 'gemeenteutrecht'."
        )
    return value


@dataclass(frozen=True)
class ZaakURN:
    """A zaak named by its zaaknummer, as Open VTB links berichten, taken and verzoeken.

    ``identificatie`` is the zaak's ``identificatie`` in the Zaken API; find the zaak with
    ``zaken?identificatie=<identificatie>``.
    """

    organisatie: str
    identificatie: str

    @property
    def urn(self) -> str:
        """``urn:nld:<organisatie>:zaak:zaaknummer:<identificatie>`` (percent-encoded)."""
        encoded = quote(self.identificatie, safe=_SEGMENT_SAFE)
        return f"urn:nld:{self.organisatie}:zaak:zaaknummer:{encoded}"

    def __str__(self) -> str:
        return self.urn


def zaak_urn(identificatie: str, *, organisatie: str) -> str:
    """The Open VTB URN of the zaak with this ``identificatie`` (zaaknummer).

    Characters a URN segment cannot hold (spaces, ``:``, ``/``, non-ASCII) are
    percent-encoded; [`parse_zaak_urn`][zgw_client.urns.parse_zaak_urn] decodes them.

    Args:
        identificatie: the zaak's ``identificatie``, e.g. ``"ZAAK-2026-0000000001"``.
        organisatie: the municipality's URN namespace, e.g. ``"gemeenteutrecht"``.

    Raises:
        InvalidZaakURNError: an empty identificatie or a malformed organisatie.
    """
    if not isinstance(identificatie, str) or not identificatie:
        raise InvalidZaakURNError("A zaak identificatie (zaaknummer) must be a non-empty string.")
    urn = ZaakURN(_organisatie(organisatie, InvalidZaakURNError), identificatie).urn
    if len(urn) > 255:
        raise InvalidZaakURNError(
            f"The zaak URN would have {len(urn)} characters; the servers store at most 255."
        )
    return urn


def parse_zaak_urn(urn: str) -> ZaakURN:
    """Parse ``urn:nld:<organisatie>:zaak:zaaknummer:<identificatie>``.

    Raises:
        InvalidZaakURNError: any other form (a product URN, a zaak by UUID, a typo).
    """
    found = _ZAAK.match(urn) if isinstance(urn, str) and is_valid_urn(urn) else None
    if found is None:
        raise InvalidZaakURNError(
            "Not a zaak URN: expected 'urn:nld:<organisatie>:zaak:zaaknummer:<identificatie>'."
        )
    return ZaakURN(found["organisatie"], unquote(found["identificatie"]))


@dataclass(frozen=True)
class ProductURN:
    """A product of Open Product, as Open VTB links to it."""

    organisatie: str
    uuid: uuidlib.UUID

    @property
    def urn(self) -> str:
        """``urn:nld:<organisatie>:product:uuid:<uuid>``."""
        return f"urn:nld:{self.organisatie}:product:uuid:{self.uuid}"

    def __str__(self) -> str:
        return self.urn


def product_urn(uuid: uuidlib.UUID | str, *, organisatie: str) -> str:
    """The URN of the Open Product product with this UUID.

    Raises:
        InvalidURNError: the UUID or the organisatie is malformed.
    """
    try:
        value = uuidlib.UUID(str(uuid))
    except ValueError:
        raise InvalidURNError("A product URN needs a UUID, e.g. from 'product.uuid'.") from None
    return ProductURN(_organisatie(organisatie, InvalidURNError), value).urn


def parse_product_urn(urn: str) -> ProductURN:
    """Parse ``urn:nld:<organisatie>:product:uuid:<uuid>``.

    Raises:
        InvalidURNError: any other form.
    """
    found = _PRODUCT.match(urn) if isinstance(urn, str) and is_valid_urn(urn) else None
    if found is not None:
        try:
            return ProductURN(found["organisatie"], uuidlib.UUID(found["uuid"]))
        except ValueError:
            pass
    raise InvalidURNError(
        "Not a product URN: expected 'urn:nld:<organisatie>:product:uuid:<uuid>'."
    )


def informatieobject_urn(uuid: uuidlib.UUID | str, *, organisatie: str) -> str:
    """The URN of a document of the Documenten API, as Open VTB's bijlagen name it.

    Open VTB takes attachments (``bijlagen[].informatieObject``) and the verzoek as a
    document (``verzoekInformatieObject``) as URNs of the form its spec shows:
    ``urn:nld:<organisatie>:informatieobject:uuid:<uuid>``; upload the file to the
    Documenten API first and name it by its UUID.

    Raises:
        InvalidURNError: the UUID or the organisatie is malformed.
    """
    try:
        value = uuidlib.UUID(str(uuid))
    except ValueError:
        raise InvalidURNError(
            "A document URN needs the document's UUID: the last segment of its url."
        ) from None
    return f"urn:nld:{_organisatie(organisatie, InvalidURNError)}:informatieobject:uuid:{value}"


# --------------------------------------------------------------------------- URN <-> URL


@dataclass(frozen=True)
class UUIDURNMapping:
    """One ``URN_MAPPING_CONFIG`` entry of Open Product: a base URN and a base URL.

    ``<base_urn>:uuid:<uuid>`` and ``<base_url>/<uuid>`` name the same object, e.g.
    ``urn:nld:maykin:openzaak:zrc:zaak`` and ``https://openzaak.example/zaken/api/v1/zaken``.

    Raises:
        InvalidURNError: (on construction) a base URN that is not a URN or ends in
            ``:uuid`` or ``:``, as Open Product refuses them.
    """

    base_urn: str
    base_url: str

    def __post_init__(self) -> None:
        validate_urn(self.base_urn)
        if self.base_urn.endswith((":uuid", ":")):
            raise InvalidURNError(
                "A base URN must not end with ':uuid' or ':'; it is the part before ':uuid:'."
            )
        object.__setattr__(self, "base_url", self.base_url.rstrip("/"))

    def to_url(self, urn: str) -> str:
        """The URL of the object this URN names.

        Raises:
            InvalidURNError: the URN does not start with the base URN or lacks a UUID.
        """
        prefix = f"{self.base_urn}:uuid:"
        if not isinstance(urn, str) or not urn.startswith(prefix):
            raise InvalidURNError(
                "The URN does not belong to this mapping: expected '<base urn>:uuid:<uuid>'."
            )
        return f"{self.base_url}/{_uuid(urn[len(prefix) :])}"

    def to_urn(self, url: str) -> str:
        """The URN of the object at this URL.

        Raises:
            InvalidURNError: the URL is not below the base URL or does not end in a UUID.
        """
        prefix = f"{self.base_url}/"
        if not isinstance(url, str) or not url.startswith(prefix):
            raise InvalidURNError(
                "The URL does not belong to this mapping: expected '<base url>/<uuid>'."
            )
        return f"{self.base_urn}:uuid:{_uuid(url[len(prefix) :].rstrip('/'))}"


def _uuid(value: str) -> uuidlib.UUID:
    try:
        return uuidlib.UUID(value)
    except ValueError:
        raise InvalidURNError("The last part must be a UUID.") from None
