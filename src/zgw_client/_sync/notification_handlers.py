# GENERATED from src/zgw_client/_async/notification_handlers.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""Built-in notification handlers (async face): keep caches and citizen views fresh.

Each builder returns a [`Router`][zgw_client.notifications.Router] to `include` in the
receiver's; use them through ``zgw_client.notifications.handlers``, which picks the face of
the client given. Handler names are fixed (``zgw_client.*``), so the delivery store knows
them across workers. A resource that is gone (404) resolves to nobody; any other error
fails the handler, so the receiver answers 500 and Open Notificaties delivers again.

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from .._exceptions import NotFoundError
from ..catalogi.models import Statustype
from ..identifiers import mask_bsn
from ..mijnzaken import _compose as c
from ..mijnzaken.policy import Policy, vertrouwelijkheid_level
from ..notifications._router import Router
from ..notifications.models import Notification
from ..notifications.updates import CitizenUpdate
from ..objecten.taken import taak_from_object
from .besluiten import BesluitenAPI
from .citizen_caches import OverviewCache, RecentUpdates
from .objecten import ObjectenAPI
from .zaken import ZakenAPI

if TYPE_CHECKING:
    from ..zaken.models import Rol, Zaak
    from .client import ZGWClient

__all__ = ["CitizenResolver", "catalogi_router", "overviews_router", "updates_router"]

logger = logging.getLogger("zgw_client.notifications")

#: The Catalogi kanalen Open Zaak publishes type changes on.
CATALOGI_KANALEN = ("zaaktypen", "informatieobjecttypen", "besluittypen")
#: The kanalen whose changes reach a citizen's overview.
CITIZEN_KANALEN = ("zaken", "documenten", "besluiten", "objecten")


class CitizenResolver:
    """Who a notification is about: the BSNs behind its resource.

    * ``zaken``: the zaak (`hoofdObject`) and its rollen's natuurlijk persoon;
    * ``documenten``: the zaken the document is linked to, then as above;
    * ``besluiten``: the besluit's zaak, then as above;
    * ``objecten``: a taak's `identificatie` of type ``bsn``.

    Args:
        client: reads the resources (its cache serves repeated reads).
        policy: which rollen make a zaak the citizen's, for citizen-facing updates.
    """

    def __init__(self, client: ZGWClient, policy: Policy | None = None) -> None:
        self._client = client
        self.policy = policy or Policy()

    def _zaken(self, url: str) -> ZakenAPI | None:
        name = self._client.service_name_for(url)
        if name is None or self._client.kind_of(name) != "zaken":
            return None
        return ZakenAPI(self._client, name)

    def rollen(self, zaak_url: str) -> list[Rol]:
        """The zaak's rollen of natural persons (none for a zaak of no configured service)."""
        zaken = self._zaken(zaak_url)
        if zaken is None:
            return []
        return zaken.rollen.list(
            zaak=zaak_url, betrokkene_type="natuurlijk_persoon", page_size=100
        ).to_list()

    def zaken_of(self, notification: Notification) -> list[str]:
        """The zaak URLs the notification's resource belongs to."""
        kanaal, main = notification.kanaal, str(notification.hoofd_object)
        if kanaal == "zaken":
            return [main]
        try:
            if kanaal == "documenten":
                found: list[str] = []
                for name in self._client.services_of("zaken"):
                    zios = ZakenAPI(self._client, name).zaakinformatieobjecten
                    found += [str(z.zaak) for z in zios.list(informatieobject=main).to_list()]
                return found
            if kanaal == "besluiten":
                service = self._client.service_name_for(main)
                if service is None:
                    return []
                besluit = BesluitenAPI(self._client, service).besluiten.get(main)
                return [str(besluit.zaak)] if besluit.zaak else []
        except NotFoundError:
            return []
        return []

    def taak_bsn(self, notification: Notification) -> str | None:
        """The BSN a taak (an object on ``objecten``) is for, if it is a citizen's taak."""
        url = str(notification.resource_url or notification.hoofd_object)
        name = self._client.service_name_for(url)
        if name is None:
            return None
        try:
            found = ObjectenAPI(self._client, name).objects.get(url)
            taak = taak_from_object(found)
        except NotFoundError:
            return None
        except (ValueError, KeyError, TypeError):  # an object, but no taak
            return None
        identificatie = taak.identificatie
        kind = getattr(identificatie, "type", None)
        if identificatie is None or getattr(kind, "value", kind) != "bsn":
            return None
        return identificatie.value

    def citizens(self, notification: Notification) -> set[str]:
        """Every BSN whose overview the notification may change."""
        if notification.kanaal == "objecten":
            bsn = self.taak_bsn(notification)
            return {bsn} if bsn else set()
        bsns: set[str] = set()
        for zaak in self.zaken_of(notification):
            for rol in self.rollen(zaak):
                value = getattr(rol.betrokkene_identificatie, "inp_bsn", None)
                if value:
                    bsns.add(str(value))
        return bsns

    # -- citizen-facing updates ------------------------------------------------------------
    def _visible_zaak(self, zaak_url: str) -> Zaak | None:
        zaken = self._zaken(zaak_url)
        if zaken is None:
            return None
        try:
            zaak = zaken.zaken.get(zaak_url)
        except NotFoundError:
            return None
        if vertrouwelijkheid_level(zaak.vertrouwelijkheidaanduiding) > (
            self.policy.zaak_visible_level()
        ):
            return None
        return zaak

    def _text(self, notification: Notification) -> tuple[str, str] | None:
        """``(kind, titel)`` of a notification worth telling a citizen, else `None`."""
        key = (notification.kanaal, notification.resource, str(notification.actie))
        url = str(notification.resource_url or "")
        client = self._client
        if key == ("zaken", "status", "create"):
            status = client.get_json(url)
            statustype = Statustype.model_validate(client.get_json(status["statustype"]))
            if statustype.informeren is False and self.policy.hide_uninformed_steps:
                return None
            text = statustype.statustekst or statustype.omschrijving or ""
            return "status", f"Nieuwe status: {text}".strip()
        if key == ("zaken", "zaakinformatieobject", "create"):
            link = client.get_json(url)
            document = client.get_json(link["informatieobject"])
            if document.get("status") not in self.policy.document_statuses or (
                vertrouwelijkheid_level(document.get("vertrouwelijkheidaanduiding"))
                > self.policy.document_visible_level()
            ):
                return None
            return "document", f"Nieuw document: {document.get('titel') or ''}".strip()
        if key == ("zaken", "resultaat", "create"):
            return "resultaat", "Er is een resultaat vastgesteld voor uw zaak"
        if key == ("besluiten", "besluit", "create"):
            return "besluit", "Er is een besluit genomen over uw zaak"
        return None

    def updates(self, notification: Notification) -> list[tuple[str, CitizenUpdate]]:
        """The (BSN, update) pairs a notification gives: none for most notifications."""
        at = notification.aanmaakdatum
        if notification.kanaal == "objecten" and str(notification.actie) == "create":
            bsn = self.taak_bsn(notification)
            if not bsn:
                return []
            url = str(notification.resource_url or notification.hoofd_object)
            name = self._client.service_name_for(url) or ""
            found = ObjectenAPI(self._client, name).objects.get(url)
            titel = f"Nieuwe taak: {taak_from_object(found).titel}"
            return [(bsn, CitizenUpdate(kind="taak", titel=titel, at=at, resource_url=url))]
        try:
            text = self._text(notification)
            if text is None:
                return []
            pairs = []
            for zaak_url in self.zaken_of(notification):
                zaak = self._visible_zaak(zaak_url)
                if zaak is None:
                    continue
                rollen = self.rollen(zaak_url)
                for bsn in {getattr(r.betrokkene_identificatie, "inp_bsn", None) for r in rollen}:
                    if bsn and c.holds_qualifying_rol(rollen, self.policy, bsn=bsn):
                        update = CitizenUpdate(
                            kind=text[0],
                            titel=text[1],
                            at=at,
                            zaak=zaak_url,
                            zaak_identificatie=zaak.identificatie,
                            resource_url=notification.resource_url,
                        )
                        pairs.append((str(bsn), update))
            return pairs
        except NotFoundError:
            return []


def catalogi_router(client: ZGWClient) -> Router:
    """Invalidate the client's Catalogi cache on every change of a zaaktype,
    informatieobjecttype or besluittype (in every worker that shares the cache)."""
    router = Router()

    def invalidate_catalogi(notification: Notification) -> None:
        client.invalidate_cache("catalogi")

    router.add(invalidate_catalogi, kanaal=CATALOGI_KANALEN, name="zgw_client.invalidate_catalogi")
    return router


def overviews_router(
    client: ZGWClient, cache: OverviewCache, *, policy: Policy | None = None
) -> Router:
    """Invalidate the overview of every citizen a zaken, documenten, besluiten or objecten
    notification is about."""
    resolver = CitizenResolver(client, policy)
    router = Router()

    def invalidate_overviews(notification: Notification) -> None:
        for bsn in sorted(resolver.citizens(notification)):
            logger.debug("overview of %s invalidated", mask_bsn(bsn))
            cache.invalidate(bsn=bsn)

    router.add(invalidate_overviews, kanaal=CITIZEN_KANALEN, name="zgw_client.invalidate_overviews")
    return router


def updates_router(
    client: ZGWClient, store: RecentUpdates, *, policy: Policy | None = None
) -> Router:
    """Turn notifications into citizen-facing updates in `store` ("Recente berichten")."""
    resolver = CitizenResolver(client, policy)
    router = Router()

    def record_updates(notification: Notification) -> None:
        for bsn, update in resolver.updates(notification):
            store.add(bsn, update)

    router.add(
        record_updates,
        kanaal=CITIZEN_KANALEN,
        actie="create",
        name="zgw_client.record_updates",
    )
    return router
