"""What a citizen may see: the rules a portal applies, with safe defaults."""

from __future__ import annotations

from dataclasses import dataclass

from ..catalogi.models import Vertrouwelijkheidaanduiding

__all__ = ["HomeParts", "Policy", "vertrouwelijkheid_level"]

#: From most open to most secret, as the ZGW standard orders them.
_ORDER = [level.value for level in Vertrouwelijkheidaanduiding]


def vertrouwelijkheid_level(value: object) -> int:
    """0 (openbaar) to 7 (zeer geheim). Missing or unknown counts as the most secret."""
    text = value.value if isinstance(value, Vertrouwelijkheidaanduiding) else str(value or "")
    try:
        return _ORDER.index(text)
    except ValueError:
        return len(_ORDER) - 1


@dataclass(frozen=True)
class Policy:
    """The visibility rules of a citizen overview.

    The defaults are safe: only ``extern`` zaaktypen, zaken and documents up to
    ``zaakvertrouwelijk`` (meant for the parties of the zaak), documents only when
    ``definitief`` or ``gearchiveerd``, status steps the citizen is not to be informed of
    hidden, and only the ``initiator`` rol makes a zaak yours.

    Args:
        zaaktype_scope: values of ``indicatieInternOfExtern`` shown.
        max_zaak_vertrouwelijkheid: the most secret zaak shown.
        max_document_vertrouwelijkheid: the most secret document shown.
        document_statuses: document statuses shown.
        hide_uninformed_steps: hide statustypen with ``informeren: false`` from the steps.
        qualifying_roles: ``omschrijvingGeneriek`` values that make a zaak the citizen's
            (add ``"belanghebbende"``, or ``"mede_initiator"``); a rol with
            ``indicatieMachtiging: "gemachtigde"`` counts only when ``allow_machtiging``.
        allow_machtiging: also show zaken where the citizen acts for someone else.
        answer_days: working days within which a question is answered (for the
            confirmation of "Stel een vraag").
        concurrency: at most this many requests in flight at once, across one whole
            composition (also the requests of helpers it calls, such as the two taak
            queries of ``open_taken``).
        use_expand: ask the zaken list to embed status and resultaat (for details also
            the zaakinformatieobjecten): one request instead of one per zaak. Open Zaak
            pays for every embedded object; turn it off if the server, not the network, is
            the limit.
        question_kanaal: the ``kanaal`` recorded for a question from the portal.
    """

    zaaktype_scope: frozenset[str] = frozenset({"extern"})
    max_zaak_vertrouwelijkheid: str = "zaakvertrouwelijk"
    max_document_vertrouwelijkheid: str = "zaakvertrouwelijk"
    document_statuses: frozenset[str] = frozenset({"definitief", "gearchiveerd"})
    hide_uninformed_steps: bool = True
    qualifying_roles: frozenset[str] = frozenset({"initiator"})
    allow_machtiging: bool = False
    answer_days: int = 5
    concurrency: int = 8
    use_expand: bool = True
    question_kanaal: str = "mijn-omgeving"

    def zaak_visible_level(self) -> int:
        return vertrouwelijkheid_level(self.max_zaak_vertrouwelijkheid)

    def document_visible_level(self) -> int:
        return vertrouwelijkheid_level(self.max_document_vertrouwelijkheid)


@dataclass(frozen=True)
class HomeParts:
    """Which parts a citizen's home page shows: each only when its services are
    configured too.

    Args:
        zaken: "Mijn lopende zaken" (needs a ``zaken`` and a ``catalogi`` service).
        taken: "Wat ik moet regelen": open taken from Open VTB (a ``taken`` service) and
            from the Objects API (an ``objecten`` service), whichever are configured.
        berichten: "Laatste berichten" (a ``berichten`` service).
        producten: "Mijn producten" (a ``producten`` service).
        berichten_limit: how many of the newest berichten to list (the unread count
            counts them all).
    """

    zaken: bool = True
    taken: bool = True
    berichten: bool = True
    producten: bool = True
    berichten_limit: int = 5
