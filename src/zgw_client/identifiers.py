"""Local checks for Dutch identifiers (BSN, KVK-nummer, vestigingsnummer) and BSN masking.

Why check locally: a typo in a BSN otherwise costs a round trip and comes back as a Dutch
400 with a flattened field path (Open Klant) or, worse, as an empty result list (a filter on
a BSN that does not exist). Failing early with a message that says *which* rule failed is
cheaper for everyone.

The error messages never repeat the value: a BSN is personal data and error messages end up
in logs. For the same reason `mask_bsn` exists: run it over URLs and log lines.
"""

from __future__ import annotations

from ._exceptions import InputError
from ._masking import mask_bsn

__all__ = [
    "InvalidBSNError",
    "InvalidKVKError",
    "InvalidRSINError",
    "InvalidVestigingsnummerError",
    "is_valid_bsn",
    "mask_bsn",
    "validate_bsn",
    "validate_kvk",
    "validate_rsin",
    "validate_vestigingsnummer",
]

#: Weights of the BSN "11-proef": 9..2 for the first eight digits, -1 for the check digit.
_BSN_WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2, -1)


class InvalidBSNError(InputError):
    """A BSN failed the length/digits rule or the 11-proef."""


class InvalidKVKError(InputError):
    """A KVK-nummer is not exactly 8 digits."""


class InvalidRSINError(InputError):
    """An RSIN failed the length/digits rule or the 11-proef."""


class InvalidVestigingsnummerError(InputError):
    """A vestigingsnummer is not exactly 12 digits."""


def _is_ascii_digits(value: str) -> bool:
    # str.isdigit() also accepts "²" and Arabic-Indic digits; the registers do not.
    return value.isascii() and value.isdigit()


def validate_bsn(value: str) -> str:
    """Return ``value`` as a 9-digit BSN, or raise `InvalidBSNError`.

    Accepts 8 digits too (a BSN with its leading zero lost, e.g. by a spreadsheet) and pads
    it. Surrounding whitespace is ignored.

    Raises:
        InvalidBSNError: the value is not 8 or 9 digits, or fails the 11-proef. The message
            names the rule and never contains the value.
    """
    return _validate_eleven_proof(value, "BSN", InvalidBSNError)


def validate_rsin(value: str) -> str:
    """Return ``value`` as a 9-digit RSIN, or raise `InvalidRSINError`.

    An RSIN (the number of an organisation, e.g. a zaak's ``bronorganisatie``) follows the
    same rules as a BSN: 9 digits (8 are padded) passing the 11-proef, except that
    ``000000000`` is accepted: the ZGW servers take it (their 11-proef only asks for a
    multiple of 11) and test catalogi and zaken use it, so refusing it would hide data.
    """
    return _validate_eleven_proof(value, "RSIN", InvalidRSINError, allow_zero=True)


def _validate_eleven_proof(
    value: str, name: str, error: type[InputError], *, allow_zero: bool = False
) -> str:
    if not isinstance(value, str):
        raise error(
            f"{name} must be a string of 9 digits, got {type(value).__name__}; "
            "pass it as text so leading zeros are kept."
        )
    number = value.strip()
    if not _is_ascii_digits(number) or len(number) not in (8, 9):
        raise error(
            f"{name} must be 9 digits (8 digits are padded with a leading 0); got "
            f"{len(number)} characters"
            + ("" if _is_ascii_digits(number) else " including non-digits")
            + ". Check the input for typos or formatting (spaces, dots)."
        )
    number = number.zfill(9)
    total = sum(int(digit) * weight for digit, weight in zip(number, _BSN_WEIGHTS, strict=True))
    if (total == 0 and not allow_zero) or total % 11 != 0:
        raise error(
            f"{name} fails the 11-proef (weighted digit sum is not a non-zero multiple of "
            f"11): this is not an existing {name}. Check for a mistyped digit."
        )
    return number


def is_valid_bsn(value: str) -> bool:
    """Return whether ``value`` passes `validate_bsn`."""
    try:
        validate_bsn(value)
    except InvalidBSNError:
        return False
    return True


def _validate_digits(value: str, length: int, name: str, error: type[InputError]) -> str:
    if not isinstance(value, str):
        raise error(f"{name} must be a string of {length} digits, got {type(value).__name__}.")
    text = value.strip()
    if len(text) != length or not _is_ascii_digits(text):
        detail = f"got {len(text)} characters" + (
            "" if _is_ascii_digits(text) else " including non-digits"
        )
        raise error(f"{name} must be exactly {length} digits; {detail}. Check the input.")
    return text


def validate_kvk(value: str) -> str:
    """Return ``value`` as an 8-digit KVK-nummer, or raise
    [`InvalidKVKError`][zgw_client.identifiers.InvalidKVKError].

    No checksum: the Handelsregister dropped the 11-proef for KVK-nummers, so only the
    shape can be checked locally.
    """
    return _validate_digits(value, 8, "KVK-nummer", InvalidKVKError)


def validate_vestigingsnummer(value: str) -> str:
    """Return ``value`` as a 12-digit vestigingsnummer, or raise the matching error."""
    return _validate_digits(value, 12, "Vestigingsnummer", InvalidVestigingsnummerError)
