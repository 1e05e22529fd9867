"""A source-neutral contactmoment for timelines, from Klantinteracties or Contactmomenten.

Why: a municipality moving from the Contactmomenten API 1.0 to Klantinteracties (Open Klant
2) has contacts in both for a while, often the same contact copied into both. A portal's
timeline should show each contact once, however it was stored.

Equality is therefore about the *contact*, not about where it is stored: two
[`TimelineContact`][zgw_client.contact.TimelineContact] objects are equal (and hash equal) when they
have the same moment (normalised to UTC), kanaal (normalised, see `normalize_kanaal`), tekst, actor,
direction and zaak. ``uuid``, ``url`` and ``source`` say where it is stored and are not compared;
neither is ``onderwerp``, which the Contactmomenten API 1.0 does not have. Deduplicate with
``set()`` or ``dict.fromkeys()``.

The mapping:

=================  ====================================  ====================================
neutral            Klantinteracties ``Klantcontact``     Contactmomenten ``Contactmoment``
=================  ====================================  ====================================
registered_at      ``plaatsgevondenOp``                  ``registratiedatum``
kanaal             ``kanaal``                            ``kanaal``
onderwerp          ``onderwerp``                         extra field ``onderwerp``, if any
tekst              ``inhoud``                            ``tekst``
actor              names of ``hadBetrokkenActoren``      ``medewerkerIdentificatie`` name
                   (or ``actor_names``)
direction          a betrokkene with ``initiator`` ->    ``initiatiefnemer`` klant ->
                   inkomend; betrokkenen but none ->     inkomend, gemeente -> uitgaand
                   uitgaand (needs expand=hadBetrokkenen)
zaak_url/uuid      onderwerpobject ``zaak`` (UUID) and   ``ObjectContactMoment.object``
                   the caller's ``zaak_url``
=================  ====================================  ====================================
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from enum import Enum
from typing import Literal
from uuid import UUID

from ._exceptions import InputError
from .contactmomenten.models import Contactmoment as CMContactmoment
from .klantinteracties.models import Klantcontact

__all__ = [
    "Contactmoment",
    "Direction",
    "TimelineContact",
    "from_contactmoment",
    "from_klantcontact",
    "normalize_kanaal",
]

Source = Literal["klantinteracties", "contactmomenten"]


class Direction(str, Enum):
    """Who started the contact, seen from the municipality."""

    INKOMEND = "inkomend"
    UITGAAND = "uitgaand"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class TimelineContact:
    """One contact between a klant and the municipality, whichever API stored it.

    Frozen and hashable; equality ignores where the contact is stored (see module docs).
    """

    registered_at: datetime | None
    kanaal: str | None
    tekst: str | None
    actor: str | None
    direction: Direction
    zaak_url: str | None
    zaak_uuid: UUID | None
    uuid: UUID | None = field(default=None, compare=False)
    url: str | None = field(default=None, compare=False)
    source: Source = field(default="klantinteracties", compare=False)
    onderwerp: str | None = field(default=None, compare=False)


# Known spellings of the same kanaal across systems -> one canonical name.
_KANAAL_SYNONYMS = {
    "email": "e-mail",
    "e-mail": "e-mail",
    "mail": "e-mail",
    "telefoon": "telefoon",
    "telefonisch": "telefoon",
    "tel": "telefoon",
    "phone": "telefoon",
    "balie": "balie",
    "loket": "balie",
    "brief": "brief",
    "post": "brief",
    "chat": "chat",
    "webformulier": "webformulier",
    "contactformulier": "webformulier",
    "formulier": "webformulier",
}


def normalize_kanaal(kanaal: str | None) -> str | None:
    """Lower-case, trim and map known synonyms (``"Email"`` -> ``"e-mail"``).

    Both APIs take free text here, so "E-mail", "email" and "e-mail " all occur.
    """
    if kanaal is None:
        return None
    text = " ".join(kanaal.split()).casefold()
    if not text:
        return None
    return _KANAAL_SYNONYMS.get(text, text)


def _clean(text: str | None) -> str | None:
    if text is None:
        return None
    text = text.strip()
    return text or None


def _name(parts: Iterable[str | None]) -> str | None:
    """Join name parts with single spaces, so "P.  van Dijk" and "P. van Dijk" compare equal."""
    return " ".join(" ".join(p for p in parts if p).split()) or None


def _utc(moment: datetime | None) -> datetime | None:
    """UTC-aware; a naive time is taken to be UTC (both APIs send an offset or ``Z``)."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _uuid_at_end(url: str | None) -> UUID | None:
    if not url:
        return None
    try:
        return UUID(url.rstrip("/").rsplit("/", 1)[-1])
    except ValueError:
        return None


def _zaak_from_expand(klantcontact: Klantcontact) -> UUID | None:
    expand = klantcontact.expand
    for onderwerp in (expand.ging_over_onderwerpobjecten or []) if expand else []:
        ident = onderwerp.onderwerpobjectidentificator
        if ident is not None and ident.code_objecttype == "zaak" and ident.object_id:
            try:
                return UUID(ident.object_id)
            except ValueError:
                continue
    return None


def from_klantcontact(
    klantcontact: Klantcontact,
    *,
    zaak_url: str | None = None,
    zaak_uuid: UUID | str | None = None,
    actor_names: Iterable[str] | None = None,
) -> TimelineContact:
    """Map a Klantinteracties klantcontact to the neutral model.

    Args:
        klantcontact: best fetched with ``expand=hadBetrokkenen,gingOverOnderwerpobjecten``;
            without ``hadBetrokkenen`` the direction is ``unknown``, without
            ``gingOverOnderwerpobjecten`` the zaak comes only from the arguments.
        zaak_url: the zaak's URL; Klantinteracties stores only its UUID.
        zaak_uuid: the zaak's UUID; taken from ``zaak_url`` or the expanded
            onderwerpobjecten when omitted.
        actor_names: names of the actors, when the caller resolved them (e.g. through
            ``actorklantcontacten``); otherwise the names in ``hadBetrokkenActoren``.

    Raises:
        InputError: ``zaak_uuid`` and ``zaak_url`` name different zaken.
    """
    uuid_from_url = _uuid_at_end(zaak_url)
    zaak = UUID(str(zaak_uuid)) if zaak_uuid is not None else None
    if zaak is not None and uuid_from_url is not None and zaak != uuid_from_url:
        raise InputError(
            f"zaak_uuid {zaak} does not match zaak_url {zaak_url}; pass the URL of that zaak."
        )
    zaak = zaak or uuid_from_url or _zaak_from_expand(klantcontact)

    if actor_names is not None:
        names = [_name([n]) for n in actor_names]
    else:
        names = [_name([a.naam]) for a in klantcontact.had_betrokken_actoren]
    betrokkenen = klantcontact.expand.had_betrokkenen if klantcontact.expand else None
    if betrokkenen:
        inkomend = any(b.initiator for b in betrokkenen)
        direction = Direction.INKOMEND if inkomend else Direction.UITGAAND
    else:
        direction = Direction.UNKNOWN

    return TimelineContact(
        registered_at=_utc(klantcontact.plaatsgevonden_op),
        kanaal=normalize_kanaal(klantcontact.kanaal),
        tekst=_clean(klantcontact.inhoud),
        actor=", ".join(n for n in names if n) or None,
        direction=direction,
        zaak_url=zaak_url,
        zaak_uuid=zaak,
        uuid=klantcontact.uuid,
        url=klantcontact.url,
        source="klantinteracties",
        onderwerp=_clean(klantcontact.onderwerp),
    )


_INITIATIEF = {"klant": Direction.INKOMEND, "gemeente": Direction.UITGAAND}


def from_contactmoment(contactmoment: CMContactmoment, *, zaak_url: str | None) -> TimelineContact:
    """Map a Contactmomenten API 1.0 contactmoment to the neutral model.

    Args:
        contactmoment: the contactmoment.
        zaak_url: ``object`` of its ``ObjectContactMoment`` (the link lives in that separate
            resource), or ``None`` when it is about no zaak.
    """
    medewerker = contactmoment.medewerker_identificatie
    actor = (
        _name((medewerker.voorletters, medewerker.voorvoegsel_achternaam, medewerker.achternaam))
        if medewerker is not None
        else None
    )
    initiatief = contactmoment.initiatiefnemer
    initiatief_value = initiatief.value if isinstance(initiatief, Enum) else initiatief
    extra = contactmoment.model_extra or {}
    onderwerp = extra.get("onderwerp")
    extra_uuid = extra.get("uuid")
    try:
        uuid = UUID(str(extra_uuid)) if extra_uuid else contactmoment.uuid
    except ValueError:
        uuid = contactmoment.uuid
    return TimelineContact(
        registered_at=_utc(contactmoment.registratiedatum),
        kanaal=normalize_kanaal(contactmoment.kanaal),
        tekst=_clean(contactmoment.tekst),
        actor=actor,
        direction=_INITIATIEF.get(initiatief_value or "", Direction.UNKNOWN),
        zaak_url=zaak_url,
        zaak_uuid=_uuid_at_end(zaak_url),
        uuid=uuid,
        url=contactmoment.url,
        source="contactmomenten",
        onderwerp=_clean(onderwerp) if isinstance(onderwerp, str) else None,
    )


Contactmoment = TimelineContact
"""Deprecated: the name [`TimelineContact`][zgw_client.contact.TimelineContact] had before 0.1.

It clashed with the Contactmomenten API's own
[`Contactmoment`][zgw_client.contactmomenten.Contactmoment]; it will be removed in 0.2.
"""
