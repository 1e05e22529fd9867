# GENERATED from src/zgw_client/_async/contactmomenten.py by scripts/unasync.py.
# Do not edit: edit the source and run the script.
"""The Contactmomenten API's resources on the synchronous client (``client.contactmomenten``).

The Contactmomenten API 1.0 (JWT-ZGW, like Open Zaak) predates Klantinteracties: references are
plain URLs, and the link of a contactmoment to a zaak lives in a separate ``objectcontactmoment``
(see [`zgw_client.contactmomenten.models`][zgw_client.contactmomenten.models]).

Generated from its ``_async/`` source by ``scripts/unasync.py``.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .._exceptions import InputError
from ..contactmomenten import _filters as f
from ..contactmomenten.models import Contactmoment, KlantContactMoment, ObjectContactMoment
from .api import API, ResourceSlot
from .pagination import Paginator
from .resource import Resource

__all__ = [
    "Contactmomenten",
    "ContactmomentenAPI",
    "KlantContactmomenten",
    "ObjectContactmomenten",
]

_OLDEST = datetime.min.replace(tzinfo=timezone.utc)


def _newest_first_key(contactmoment: Contactmoment) -> datetime:
    moment = contactmoment.registratiedatum
    if moment is None:
        return _OLDEST
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


class Contactmomenten(Resource[Contactmoment]):
    """``/contactmomenten``: registered contacts with klanten."""

    kind, path, model = "contactmomenten", "contactmomenten", Contactmoment
    wire_names = f.WIRE_NAMES["ContactmomentenFilters"]
    joined = f.JOINED["ContactmomentenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ContactmomentenFilters],
    ) -> Paginator[Contactmoment]:
        """Contactmomenten matching ``filters`` (lazily, across pages).

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``kanaal="telefoon"``, ``registratiedatum__gte="2026-01-01"``,
                ``ordering="-registratiedatum"``.

        Returns:
            A paginator of typed contactmomenten.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class ObjectContactmomenten(Resource[ObjectContactMoment]):
    """``/objectcontactmomenten``: links between contactmomenten and objects (zaken)."""

    kind, path, model = "contactmomenten", "objectcontactmomenten", ObjectContactMoment
    wire_names = f.WIRE_NAMES["ObjectcontactmomentenFilters"]
    joined = f.JOINED["ObjectcontactmomentenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ObjectcontactmomentenFilters],
    ) -> Paginator[ObjectContactMoment]:
        """Objectcontactmomenten matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: ``object`` (e.g. a zaak URL), ``contactmoment``, ``object_type``.

        Returns:
            A paginator of typed objectcontactmomenten.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class KlantContactmomenten(Resource[KlantContactMoment]):
    """``/klantcontactmomenten``: links between contactmomenten and klanten (Klanten API)."""

    kind, path, model = "contactmomenten", "klantcontactmomenten", KlantContactMoment
    wire_names = f.WIRE_NAMES["KlantcontactmomentenFilters"]
    joined = f.JOINED["KlantcontactmomentenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.KlantcontactmomentenFilters],
    ) -> Paginator[KlantContactMoment]:
        """Klantcontactmomenten matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: ``klant`` (a Klanten API URL), ``contactmoment``, ``rol``.

        Returns:
            A paginator of typed klantcontactmomenten.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class ContactmomentenAPI(API):
    """The Contactmomenten API 1.0: ``client.contactmomenten.contactmomenten``, ...

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``;
    [`contactmomenten_about`][zgw_client.contactmomenten.ContactmomentenAPI.contactmomenten_about]
    follows the links of an object (a zaak) to its contactmomenten.
    """

    kind = "contactmomenten"

    contactmomenten = ResourceSlot(Contactmomenten)
    objectcontactmomenten = ResourceSlot(ObjectContactmomenten)
    klantcontactmomenten = ResourceSlot(KlantContactmomenten)

    def contactmomenten_about(
        self, object_url: str | BaseModel
    ) -> builtins.list[Contactmoment]:
        """The contactmomenten linked to an object (e.g. a zaak), newest first.

        Reads the ``objectcontactmomenten`` with ``object=<object_url>`` and fetches each
        linked contactmoment once.

        Args:
            object_url: the object's URL, or a model with a ``url`` (e.g. a ``Zaak``).

        Returns:
            The contactmomenten, newest ``registratiedatum`` first.

        Raises:
            InputError: ``object_url`` is not a URL.
        """
        url = _object_url(object_url)
        links = self.objectcontactmomenten.list(object=url).to_list()
        seen: builtins.list[str] = []
        for link in links:
            if link.contactmoment and link.contactmoment not in seen:
                seen.append(link.contactmoment)
        found = [self.contactmomenten.get(cm_url) for cm_url in seen]
        return sorted(found, key=_newest_first_key, reverse=True)


def _object_url(value: str | BaseModel) -> str:
    url = getattr(value, "url", None) if isinstance(value, BaseModel) else value
    text = str(url or "").strip()
    if not text.startswith(("http://", "https://")):
        raise InputError(
            "contactmomenten_about needs the object's URL (the Contactmomenten API links "
            "objects by URL), e.g. the zaak's url."
        )
    return text
