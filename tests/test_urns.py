"""URN helpers: party URNs checked with the identifier rules, zaak/product URNs, URN<->URL."""

from __future__ import annotations

import uuid

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zgw_client import InputError
from zgw_client.identifiers import is_valid_bsn
from zgw_client.urns import (
    InvalidPartyURNError,
    InvalidURNError,
    InvalidZaakURNError,
    PartyKind,
    UUIDURNMapping,
    bsn_urn,
    is_valid_urn,
    klantnummer_urn,
    kvk_urn,
    parse_party_urn,
    parse_product_urn,
    parse_zaak_urn,
    product_urn,
    validate_urn,
    zaak_urn,
)

VALID_BSN = "999993653"
BAD_BSN = "999993654"  # fails the 11-proef


def _with_check_digit(first_eight: str) -> str | None:
    """The valid BSN starting with these eight digits, if one exists."""
    total = sum(int(d) * w for d, w in zip(first_eight, range(9, 1, -1), strict=True))
    check = total % 11
    bsn = f"{first_eight}{check}"
    return bsn if check < 10 and is_valid_bsn(bsn) else None


valid_bsns = (
    st.text("0123456789", min_size=8, max_size=8).map(_with_check_digit).filter(bool).map(str)
)


def test_bsn_urn() -> None:
    assert bsn_urn(VALID_BSN) == "urn:nld:brp:bsn:999993653"
    assert bsn_urn(f" {VALID_BSN} ") == "urn:nld:brp:bsn:999993653"


def test_bsn_urn_pads_eight_digits() -> None:
    # 8 digits are a BSN whose leading zero got lost; 012345672 passes the 11-proef
    assert bsn_urn("12345672") == "urn:nld:brp:bsn:012345672"


@pytest.mark.parametrize("bad", [BAD_BSN, "12345", "99999365a", "", "1234567890"])
def test_invalid_bsn_urn_errors_never_show_the_number(bad: str) -> None:
    with pytest.raises(InvalidPartyURNError) as caught:
        bsn_urn(bad)
    assert isinstance(caught.value, InputError)
    if bad:
        assert bad not in str(caught.value)
    with pytest.raises(InvalidPartyURNError) as caught:
        parse_party_urn(f"urn:nld:brp:bsn:{bad}")
    if bad:
        assert bad not in str(caught.value)


def test_kvk_and_vestiging_urns() -> None:
    assert kvk_urn("69599084") == "urn:nld:hr:kvknummer:69599084"
    assert (
        kvk_urn("69599084", "000038509490")
        == "urn:nld:hr:kvknummer:69599084:vestigingsnummer:000038509490"
    )
    party = parse_party_urn("urn:nld:hr:kvknummer:69599084:vestigingsnummer:000038509490")
    assert party.kind is PartyKind.VESTIGING
    assert (party.kvk_nummer, party.vestigingsnummer) == ("69599084", "000038509490")
    assert parse_party_urn("urn:nld:hr:kvknummer:69599084").kind is PartyKind.KVK


@pytest.mark.parametrize(
    "urn",
    [
        "urn:nld:hr:kvknummer:444555666",  # the spec's own example: 9 digits
        "urn:nld:hr:kvknummer:6959908",
        "urn:nld:hr:kvknummer:69599084:vestigingsnummer:777888999",  # 9, not 12 digits
        "urn:nld:hr:kvknummer: 69599084",
        "urn:nld:hr:rsin:002220647",
        "urn:nld:brp:anummer:1234567890",
        "urn:nld:brp:bsn:",
        "nld:brp:bsn:999993653",
    ],
)
def test_invalid_party_urns(urn: str) -> None:
    with pytest.raises(InvalidPartyURNError):
        parse_party_urn(urn)


def test_klantnummer_urn() -> None:
    party = parse_party_urn(klantnummer_urn("610541501"))
    assert party.kind is PartyKind.KLANTNUMMER
    assert party.klantnummer == "610541501"
    with pytest.raises(InvalidPartyURNError):
        klantnummer_urn("a:b")
    with pytest.raises(InvalidPartyURNError):
        klantnummer_urn("")


def test_party_repr_masks_the_bsn() -> None:
    party = parse_party_urn(f"urn:nld:brp:bsn:{VALID_BSN}")
    assert VALID_BSN not in repr(party)
    assert str(party) == f"urn:nld:brp:bsn:{VALID_BSN}"
    assert party.bsn == VALID_BSN


def test_prefix_is_case_insensitive_numbers_are_not_changed() -> None:
    party = parse_party_urn(f"URN:NLD:BRP:BSN:{VALID_BSN}")
    assert party.urn == f"urn:nld:brp:bsn:{VALID_BSN}"


@given(valid_bsns)
def test_bsn_urn_round_trips(bsn: str) -> None:
    party = parse_party_urn(bsn_urn(bsn))
    assert party.kind is PartyKind.BSN
    assert party.bsn == bsn
    assert party.urn == bsn_urn(bsn)
    assert is_valid_urn(party.urn)


@given(st.text("0123456789", min_size=9, max_size=9).filter(lambda b: not is_valid_bsn(b)))
def test_any_bsn_failing_the_11_proef_is_refused(bsn: str) -> None:
    with pytest.raises(InvalidPartyURNError) as caught:
        parse_party_urn(f"urn:nld:brp:bsn:{bsn}")
    assert bsn not in str(caught.value)


@given(
    st.text("0123456789", min_size=8, max_size=8),
    st.one_of(st.none(), st.text("0123456789", min_size=12, max_size=12)),
)
def test_kvk_urn_round_trips(kvk: str, vestiging: str | None) -> None:
    party = parse_party_urn(kvk_urn(kvk, vestiging))
    assert party.kvk_nummer == kvk
    assert party.vestigingsnummer == vestiging
    assert party.urn == kvk_urn(kvk, vestiging)


def test_zaak_urn_as_open_vtb_writes_it() -> None:
    urn = "urn:nld:gemeenteutrecht:zaak:zaaknummer:000350165"
    parsed = parse_zaak_urn(urn)
    assert (parsed.organisatie, parsed.identificatie) == ("gemeenteutrecht", "000350165")
    assert zaak_urn("000350165", organisatie="gemeenteutrecht") == urn
    assert str(parsed) == urn


@given(
    st.text(min_size=1, max_size=15),  # 15 four-byte characters still fit in 255
    st.from_regex(r"\A[a-z][a-z0-9-]{0,20}[a-z0-9]\Z"),
)
def test_zaak_urn_round_trips_any_identificatie(identificatie: str, organisatie: str) -> None:
    urn = zaak_urn(identificatie, organisatie=organisatie)
    assert is_valid_urn(urn)
    parsed = parse_zaak_urn(urn)
    assert parsed.identificatie == identificatie
    assert parsed.organisatie == organisatie


@pytest.mark.parametrize(
    "urn",
    [
        "urn:nld:gemeenteutrecht:product:uuid:717815f6-1939-4fd2-93f0-83d25bad154e",
        "urn:nld:maykin:openzaak:ztc:zaak:uuid:eb188bea-51f2-44f0-8acc-eec1c710b4bf",
        "urn:nld:gemeenteutrecht:zaak:zaaknummer:",
        "https://openzaak.test/zaken/api/v1/zaken/1",
    ],
)
def test_not_zaak_urns(urn: str) -> None:
    with pytest.raises(InvalidZaakURNError):
        parse_zaak_urn(urn)


def test_zaak_urn_needs_identificatie_and_organisatie() -> None:
    with pytest.raises(InvalidZaakURNError):
        zaak_urn("", organisatie="denhaag")
    with pytest.raises(InvalidZaakURNError):
        zaak_urn("ZAAK-1", organisatie="den haag")
    with pytest.raises(InvalidZaakURNError):
        zaak_urn("Z" * 260, organisatie="denhaag")


def test_product_urn() -> None:
    value = uuid.UUID("717815f6-1939-4fd2-93f0-83d25bad154e")
    urn = product_urn(value, organisatie="gemeenteutrecht")
    assert urn == "urn:nld:gemeenteutrecht:product:uuid:717815f6-1939-4fd2-93f0-83d25bad154e"
    assert parse_product_urn(urn).uuid == value
    with pytest.raises(InvalidURNError):
        parse_product_urn("urn:nld:gemeenteutrecht:product:uuid:not-a-uuid")
    with pytest.raises(InvalidURNError):
        product_urn("x", organisatie="gemeenteutrecht")


@given(st.uuids())
def test_uuid_mapping_round_trips(value: uuid.UUID) -> None:
    mapping = UUIDURNMapping(
        "urn:nld:maykin:openzaak:zrc:zaak", "https://openzaak.test/zaken/api/v1/zaken/"
    )
    url = mapping.to_url(f"urn:nld:maykin:openzaak:zrc:zaak:uuid:{value}")
    assert url == f"https://openzaak.test/zaken/api/v1/zaken/{value}"
    assert mapping.to_urn(url) == f"urn:nld:maykin:openzaak:zrc:zaak:uuid:{value}"


def test_uuid_mapping_refuses_what_open_product_refuses() -> None:
    for base in ("urn:nld:maykin:zaak:uuid", "urn:nld:maykin:zaak:", "zaak"):
        with pytest.raises(InvalidURNError):
            UUIDURNMapping(base, "https://openzaak.test/zaken")
    mapping = UUIDURNMapping("urn:nld:maykin:zaak", "https://openzaak.test/zaken")
    with pytest.raises(InvalidURNError):
        mapping.to_url("urn:nld:other:zaak:uuid:eb188bea-51f2-44f0-8acc-eec1c710b4bf")
    with pytest.raises(InvalidURNError):
        mapping.to_urn("https://openzaak.test/zaken/not-a-uuid")


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("urn:isbn:9780143127796", True),
        ("urn:example:foo#bar", True),
        ("urn:namespace:component:resource:uuid", True),
        ("urn:a:b", False),  # a NID has at least two characters
        ("urn:nld:with space", False),
        ("urn:nld:", False),
        ("nld:brp:bsn:1", False),
        ("urn:" + "n" * 40 + ":x", False),  # NID longer than 32
        ("urn:nld:" + "x" * 250, False),  # longer than the servers' 255
    ],
)
def test_rfc_8141_syntax(value: str, valid: bool) -> None:
    assert is_valid_urn(value) is valid
    if valid:
        assert validate_urn(value) == value
    else:
        with pytest.raises(InvalidURNError):
            validate_urn(value)
