"""The committed cassettes hold no credentials and no BSN but the test BSNs."""

from __future__ import annotations

import re

from . import scrub
from .conftest import CASSETTES

FLOWS = {"catalogi", "zaken", "documenten", "besluiten", "klantinteracties", "taken", "mijnzaken"}


def cassette_texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(CASSETTES.glob("*.yaml"))}


def test_every_flow_has_a_cassette() -> None:
    assert {name.removesuffix(".yaml") for name in cassette_texts()} >= FLOWS


def test_no_secret_in_any_cassette() -> None:
    problems = []
    for name, text in cassette_texts().items():
        lowered = text.lower()
        if "authorization" in lowered:
            problems.append(f"{name}: an Authorization header")
        if re.search(r"\b(bearer|token)\s+[a-z0-9._~+/=-]{6,}", lowered):
            problems.append(f"{name}: a Bearer/Token credential")
        if scrub.JWT.search(text):
            problems.append(f"{name}: a JWT")
        problems.extend(f"{name}: a configured secret" for s in scrub.secret_values() if s in text)
        if {scrub.sha256(word) for word in scrub.WORD.findall(text)} & scrub.KNOWN_SECRET_SHA256:
            problems.append(f"{name}: a credential of the loopback test servers")
    assert not problems, problems


def test_only_test_bsns_in_any_cassette() -> None:
    allowed = scrub.TEST_BSNS | scrub.NOT_BSN
    found = {
        f"{name}: {m.group(0)}"
        for name, text in cassette_texts().items()
        for m in scrub.NINE_DIGITS.finditer(text)
        if scrub.elfproef(m.group(0)) and m.group(0) not in allowed
    }
    assert not found, found
