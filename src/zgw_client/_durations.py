"""ISO-8601 durations as the ZGW APIs send them (``doorlooptijd: "P30D"``).

The models keep durations as the string the server sent, so a round trip never changes
them; `parse_duration` turns one into a `datetime.timedelta` when code needs to
compute with it (an expected end date, days left).
"""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

__all__ = ["DAYS_PER_MONTH", "DAYS_PER_YEAR", "parse_duration"]

#: A year counts as this many days. Calendar years differ, so year durations are approximate.
DAYS_PER_YEAR = 365
#: A month counts as this many days. Calendar months differ, so month durations are approximate.
DAYS_PER_MONTH = 30

_NUMBER = r"\d+(?:[.,]\d+)?"
_DURATION = re.compile(
    rf"""
    ^(?P<sign>[-+])?P
    (?:(?P<years>{_NUMBER})Y)?
    (?:(?P<months>{_NUMBER})M)?
    (?:(?P<weeks>{_NUMBER})W)?
    (?:(?P<days>{_NUMBER})D)?
    (?P<time>T
        (?:(?P<hours>{_NUMBER})H)?
        (?:(?P<minutes>{_NUMBER})M)?
        (?:(?P<seconds>{_NUMBER})S)?
    )?$
    """,
    re.VERBOSE,
)
_DATE_PARTS = ("years", "months", "weeks", "days")
_TIME_PARTS = ("hours", "minutes", "seconds")
_SECONDS_PER = {
    "years": DAYS_PER_YEAR * 86400,
    "months": DAYS_PER_MONTH * 86400,
    "weeks": 7 * 86400,
    "days": 86400,
    "hours": 3600,
    "minutes": 60,
    "seconds": 1,
}


def parse_duration(value: str | None) -> datetime.timedelta | None:
    """Turn an ISO-8601 duration (``PnYnMnWnDTnHnMnS``) into a timedelta.

    Weeks, days, hours, minutes and seconds are exact. Years count as 365 days and months as
    30 days, so ``P1Y`` and ``P1M`` are *approximate*: add them to a calendar date yourself
    when the exact day matters. Decimal fractions (``PT1.5S``, ``P0,5D``) and a leading sign
    are accepted. ``None`` and ``""`` give ``None`` (the servers send both for "no duration");
    anything else that is not a duration raises `ValueError`.
    """
    if value is None:
        return None
    text = value.strip()
    if not text:
        return None
    match = _DURATION.match(text)
    if match is None:
        raise ValueError(f"not an ISO-8601 duration: {value!r}")
    parts = match.groupdict()
    if match.group("time") is not None and not any(parts[name] for name in _TIME_PARTS):
        raise ValueError(f"ISO-8601 duration has 'T' but no time part: {value!r}")
    if not any(parts[name] for name in _DATE_PARTS + _TIME_PARTS):
        raise ValueError(f"ISO-8601 duration has no parts: {value!r}")
    # Sum in Decimal microseconds so that fractions do not pick up float rounding.
    micro = Decimal(0)
    for name, seconds in _SECONDS_PER.items():
        amount = parts[name]
        if amount:
            micro += Decimal(amount.replace(",", ".")) * seconds * 1_000_000
    try:
        delta = datetime.timedelta(microseconds=int(micro.to_integral_value()))
    except OverflowError as exc:
        raise ValueError(f"ISO-8601 duration too large for a timedelta: {value!r}") from exc
    return -delta if match.group("sign") == "-" else delta
