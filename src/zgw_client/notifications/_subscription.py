"""What `ensure_subscription` decides, without I/O: the wanted abonnement, and whether an
existing one already is it.

The comparison is on what the server shows: the callback URL and each kanaal with its
filters (keys compared camelCased, as Open Notificaties renders them; the order of kanalen
does not count). The `auth` value is write-only, so the server never shows it: an existing
abonnement is only replaced for its auth when the caller says the auth changed
(`replace_auth=True`, e.g. during a secret rotation).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import SecretStr

from .._exceptions import InputError
from ._router import camelize
from .models import Abonnement, AbonnementKanaal

__all__ = ["KanalenWithFilters", "SubscriptionAction", "SubscriptionResult"]

#: The kanalen to subscribe to: kanaal name -> its filters (``{}`` or `None`: everything on
#: it), or a list of [`AbonnementKanaal`][zgw_client.notifications.AbonnementKanaal].
KanalenWithFilters = (
    Mapping[str, Mapping[str, str] | None] | Iterable[AbonnementKanaal | Mapping[str, Any]]
)

#: What `ensure_subscription` did.
SubscriptionAction = Literal["created", "updated", "unchanged"]


@dataclass(frozen=True)
class SubscriptionResult:
    """The outcome of `ensure_subscription`.

    Attributes:
        abonnement: the abonnement as the server has it now (without `auth`).
        action: ``"created"`` (there was none for the callback URL), ``"updated"`` (it was
            replaced with a PUT) or ``"unchanged"`` (it already was as asked; no write).
        duplicates: URLs of further abonnementen for the same callback URL, left alone:
            each delivers every message once more (the receiver runs handlers once, but
            the sender does the work twice). Delete them when they are yours.
    """

    abonnement: Abonnement
    action: SubscriptionAction
    duplicates: tuple[str, ...] = ()


def wanted_kanalen(kanalen: KanalenWithFilters) -> list[AbonnementKanaal]:
    """The kanalen as [`AbonnementKanaal`][zgw_client.notifications.AbonnementKanaal]s.

    Raises:
        InputError: no kanaal, a kanaal twice, or a filter value that is not a non-empty
            string (checked before any request).
    """
    if isinstance(kanalen, Mapping):
        found = [
            AbonnementKanaal(naam=naam, filters=dict(filters or {}))
            for naam, filters in kanalen.items()
        ]
    else:
        found = [
            k if isinstance(k, AbonnementKanaal) else AbonnementKanaal.model_validate(k)
            for k in kanalen
        ]
    if not found:
        raise InputError("An abonnement needs at least one kanaal.")
    names = [k.naam for k in found]
    if len(set(names)) != len(names):
        raise InputError(f"A kanaal is named twice: {sorted(names)}; give each once.")
    for kanaal in found:
        if not kanaal.naam or not all(isinstance(v, str) and v for v in kanaal.filters.values()):
            raise InputError(
                f"Kanaal {kanaal.naam!r}: a name and filter values that are non-empty strings "
                "(use '*' for any value) are needed."
            )
    return found


def _comparable(kanalen: Iterable[AbonnementKanaal]) -> frozenset[tuple[str, frozenset[Any]]]:
    return frozenset(
        (k.naam, frozenset((camelize(key), value) for key, value in k.filters.items()))
        for k in kanalen
    )


def is_as_wanted(existing: Abonnement, callback_url: str, kanalen: list[AbonnementKanaal]) -> bool:
    """Whether `existing` shows the callback URL and exactly these kanalen and filters."""
    return existing.callback_url == callback_url and _comparable(existing.kanalen) == _comparable(
        kanalen
    )


def write_body(callback_url: str, kanalen: list[AbonnementKanaal], auth: str) -> dict[str, Any]:
    """The JSON of a create or a PUT: every field the API requires."""
    return {
        "callbackUrl": callback_url,
        "auth": auth,
        "kanalen": [{"naam": k.naam, "filters": dict(k.filters)} for k in kanalen],
    }


def auth_text(auth: str | SecretStr) -> str:
    """The exact `Authorization` value, checked non-empty.

    Raises:
        InputError: an empty value (Open Notificaties requires one).
    """
    text = auth.get_secret_value() if isinstance(auth, SecretStr) else str(auth)
    if not text.strip():
        raise InputError(
            "An abonnement needs its auth: the exact Authorization value the receiver accepts."
        )
    return text
