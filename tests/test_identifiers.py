"""BSN/KVK/vestigingsnummer checks and BSN masking."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from zgw_client._exceptions import InputError
from zgw_client.identifiers import (
    InvalidBSNError,
    InvalidKVKError,
    InvalidVestigingsnummerError,
    is_valid_bsn,
    mask_bsn,
    validate_bsn,
    validate_kvk,
    validate_vestigingsnummer,
)

WEIGHTS = (9, 8, 7, 6, 5, 4, 3, 2)


def _with_check_digit(first8: str) -> str | None:
    """Complete eight digits to a valid BSN, or None when no check digit works."""
    check = sum(int(d) * w for d, w in zip(first8, WEIGHTS, strict=True)) % 11
    if check == 10:
        return None
    bsn = first8 + str(check)
    return None if bsn == "000000000" else bsn


@st.composite
def valid_bsns(draw: st.DrawFn, first: str | None = None) -> str:
    digits = draw(st.text(alphabet="0123456789", min_size=8, max_size=8))
    if first is not None:
        digits = first + digits[1:]
    bsn = _with_check_digit(digits)
    assume(bsn is not None)
    assert bsn is not None
    return bsn


@pytest.mark.parametrize("bsn", ["111222333", "999990111", "999993653"])
def test_known_valid_bsns(bsn: str) -> None:
    assert validate_bsn(bsn) == bsn
    assert is_valid_bsn(bsn)


def test_invalid_bsn_from_open_klant_sample_is_refused_by_11_proef() -> None:
    # Open Klant answers 400 "Onjuist BSN nummer" for this one (error_400_invalid_bsn.json).
    with pytest.raises(InvalidBSNError, match="11-proef"):
        validate_bsn("123456789")


@given(valid_bsns())
def test_generated_valid_bsns_pass(bsn: str) -> None:
    assert validate_bsn(bsn) == bsn


@given(valid_bsns(first="0"))
def test_eight_digits_are_padded(bsn: str) -> None:
    assert validate_bsn(bsn[1:]) == bsn


@given(valid_bsns(), st.integers(min_value=0, max_value=8), st.integers(min_value=1, max_value=9))
def test_single_digit_change_fails(bsn: str, position: int, delta: int) -> None:
    changed_digit = str((int(bsn[position]) + delta) % 10)
    changed = bsn[:position] + changed_digit + bsn[position + 1 :]
    assert changed != bsn
    with pytest.raises(InvalidBSNError, match="11-proef"):
        validate_bsn(changed)


@pytest.mark.parametrize(
    "value", ["", "1234567", "1234567890", "11122233a", "111 222 333", "١١١٢٢٢٣٣٣"]
)
def test_bsn_length_or_digits_rule(value: str) -> None:
    with pytest.raises(InvalidBSNError) as info:
        validate_bsn(value)
    message = str(info.value)
    assert "9 digits" in message
    assert "11-proef" not in message


def test_bsn_all_zeros_fails_11_proef() -> None:
    with pytest.raises(InvalidBSNError, match="11-proef"):
        validate_bsn("000000000")


def test_bsn_error_never_contains_the_value() -> None:
    for value in ("123456789", "12345678x"):
        with pytest.raises(InvalidBSNError) as info:
            validate_bsn(value)
        assert value not in str(info.value)


def test_bsn_errors_are_input_errors_and_value_errors() -> None:
    with pytest.raises(InputError):
        validate_bsn("1")
    with pytest.raises(ValueError, match="BSN"):
        validate_bsn("1")


def test_bsn_surrounding_whitespace_is_ignored() -> None:
    assert validate_bsn(" 111222333\n") == "111222333"


def test_bsn_rejects_non_string() -> None:
    with pytest.raises(InvalidBSNError, match="string"):
        validate_bsn(111222333)  # type: ignore[arg-type]


def test_kvk() -> None:
    assert validate_kvk("69599084") == "69599084"
    for bad in ("6959908", "695990841", "6959908a", ""):
        with pytest.raises(InvalidKVKError, match="8 digits"):
            validate_kvk(bad)


def test_vestigingsnummer() -> None:
    assert validate_vestigingsnummer("000012345678") == "000012345678"
    for bad in ("12345678901", "1234567890123", "12345678901x"):
        with pytest.raises(InvalidVestigingsnummerError, match="12 digits"):
            validate_vestigingsnummer(bad)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "GET /partijen?partijIdentificator__objectId=111222333&page=2",
            "GET /partijen?partijIdentificator__objectId=*********&page=2",
        ),
        ("bsn 111222333 en 999990111.", "bsn ********* en *********."),
        ("/api/v1/personen/123456789/", "/api/v1/personen/*********/"),
        # not nine digits on their own: longer numbers and digits inside a UUID stay
        ("1234567890 and 12345678", "1234567890 and 12345678"),
        (
            "internetaken/a05b693a-0b96-42ba-b4e3-e566436266da",
            "internetaken/a05b693a-0b96-42ba-b4e3-e566436266da",
        ),
    ],
)
def test_mask_bsn(text: str, expected: str) -> None:
    assert mask_bsn(text) == expected


SEPARATORS = st.text(alphabet=" /?=&:,-_", min_size=1, max_size=3)


@given(valid_bsns(), SEPARATORS, SEPARATORS)
def test_mask_bsn_hides_every_generated_bsn(bsn: str, before: str, after: str) -> None:
    masked = mask_bsn(f"x{before}{bsn}{after}y")
    assert bsn not in masked
    assert "*********" in masked


def test_the_all_zero_rsin_of_test_data_is_accepted_as_the_servers_do() -> None:
    """Open Zaak's 11-proef asks for a multiple of 11 only; test catalogi use 000000000."""
    from zgw_client.identifiers import validate_rsin

    assert validate_rsin("000000000") == "000000000"
    with pytest.raises(InputError):
        validate_rsin("000000001")
