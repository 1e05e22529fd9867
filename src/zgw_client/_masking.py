"""The one BSN masker: every message, log line, URL and repr the SDK shows goes through it.

A BSN is personal data, and whatever the SDK prints ends up in logs, tickets and task
queues. Masking is deliberately wider than "valid BSN": a mistyped BSN is just as personal,
and an RSIN or another nine-digit number masked in a log line costs nothing.

No imports from the rest of the package: the exception tree uses this module too.
"""

from __future__ import annotations

import re

__all__ = ["BSN_MASK", "mask_bsn"]

BSN_MASK = "*********"

#: Nine digits with no digit directly before or after them.
_NINE_DIGITS = re.compile(r"(?<![0-9])[0-9]{9}(?![0-9])")
_WORD = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_HEX = frozenset("0123456789abcdefABCDEF")


def _mask(match: re.Match[str]) -> str:
    text, start, end = match.string, match.start(), match.end()
    while start > 0 and text[start - 1] in _WORD:
        start -= 1
    while end < len(text) and text[end] in _WORD:
        end += 1
    word = text[start:end]
    if len(word) > 9 and all(char in _HEX for char in word):
        return match.group()  # a hexadecimal token: a UUID group, a hash, an ETag
    return BSN_MASK


def mask_bsn(text: str) -> str:
    """Replace every nine-digit number in ``text`` by ``*********``.

    Meant for log lines, messages and URLs (``?objectId=111222333``). It masks any such
    number, valid BSN or not, also when glued to a word (``BSN111222333``). Left alone:
    longer runs of digits, and digits inside a hexadecimal token (a UUID group such as
    ``e566436266da``, a hash), which are no BSN and which a reader needs intact.
    """
    return _NINE_DIGITS.sub(_mask, text)
