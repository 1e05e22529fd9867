"""The Klantinteracties API's resources on the asynchronous client (``client.klantinteracties``).

Open Klant 2 serves Klantinteracties 0.9: references are ``{"uuid", "url"}`` objects and a write
takes ``{"uuid": ...}`` (see
[`zgw_client.klantinteracties.models`][zgw_client.klantinteracties.models]). ``expand`` is accepted
by ``list`` and ``get`` of partijen, klantcontacten, betrokkenen and digitaleadressen; the parents
of nested paths are added (``hadBetrokkenen.wasPartij`` also asks for ``hadBetrokkenen``) and the
expanded objects come back typed in ``.expand``.

Source of the sync face (see ``scripts/unasync.py``).
"""

from __future__ import annotations

import re
import uuid as uuid_module
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from typing_extensions import Unpack

from .._bsn_filters import refuse_bsn_in_url
from .._exceptions import InputError
from .._resource import Ref, uuid_from_url
from ..identifiers import validate_bsn, validate_kvk
from ..klantinteracties import _filters as f
from ..klantinteracties.models import (
    Actor,
    ActorKlantcontact,
    Betrokkene,
    Bijlage,
    Categorie,
    CategorieRelatie,
    CodeSoortObjectId,
    DigitaalAdres,
    InterneTaak,
    Klantcontact,
    Onderwerpobject,
    Partij,
    PartijIdentificator,
    Rekeningnummer,
    Vertegenwoordigden,
)
from .api import AsyncAPI, AsyncResourceSlot
from .pagination import AsyncPaginator
from .resource import AsyncResource

__all__ = [
    "AsyncActorKlantcontacten",
    "AsyncActoren",
    "AsyncBetrokkenen",
    "AsyncBijlagen",
    "AsyncCategorieRelaties",
    "AsyncCategorieen",
    "AsyncDigitaleAdressen",
    "AsyncInterneTaken",
    "AsyncKlantcontacten",
    "AsyncKlantinteractiesAPI",
    "AsyncOnderwerpobjecten",
    "AsyncPartijIdentificatoren",
    "AsyncPartijen",
    "AsyncRekeningnummers",
    "AsyncVertegenwoordigingen",
]

#: A value that may be a BSN (nine digits): Klantinteracties identifies persons by
#: ``objectId`` whatever its ``codeSoortObjectId``.
_NINE_DIGITS = re.compile(r"\d{9}")


def _guard_bsn(resource: AsyncResource[Any], filters: Mapping[str, Any]) -> None:
    """With ``bsn_filters='body'``, refuse a filter that would put a BSN in the URL:
    Klantinteracties 0.9 (Open Klant 2) has no search that takes a body."""
    if resource._client.service(resource.service).bsn_filters != "body":
        return
    for name, value in filters.items():
        if isinstance(value, str) and _NINE_DIGITS.fullmatch(value.strip()):
            raise refuse_bsn_in_url("Klantinteracties", name)


#: What `AsyncKlantinteractiesAPI.klantcontacten_about_zaak` expands by default: the
#: betrokkenen (who started the contact: the direction) and their partij (who it was).
DEFAULT_ZAAK_EXPAND = ("hadBetrokkenen", "hadBetrokkenen.wasPartij", "gingOverOnderwerpobjecten")


def zaak_uuid_of(zaak: Ref | BaseModel) -> str:
    """The UUID of a zaak given as its URL, its UUID or a model with ``uuid``/``url``.

    Raises:
        InputError: the value names no zaak UUID.
    """
    if isinstance(zaak, BaseModel):
        value = getattr(zaak, "uuid", None)
        if value:
            return str(value)
        url = getattr(zaak, "url", None)
        if not url:
            raise InputError(
                f"{type(zaak).__name__} has neither uuid nor url; pass the zaak's URL."
            )
        return uuid_from_url(str(url))
    text = str(zaak).strip()
    if text.startswith(("http://", "https://")):
        return uuid_from_url(text)
    try:
        return str(uuid_module.UUID(text))
    except ValueError:
        raise InputError(f"{text!r} is neither a zaak URL nor a UUID.") from None


class AsyncPartijen(AsyncResource[Partij]):
    """``/partijen``: persons, organisations and contactpersonen the municipality knows.

    ``expand``: ``betrokkenen``, ``betrokkenen.hadKlantcontact``, ``categorieRelaties``,
    ``digitaleAdressen``.
    """

    kind, path, model = "klantinteracties", "partijen", Partij
    wire_names, joined = f.WIRE_NAMES["PartijenFilters"], f.JOINED["PartijenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.PartijenFilters],
    ) -> AsyncPaginator[Partij]:
        """Partijen matching ``filters`` (lazily, across pages).

        Args:
            limit: stop after this many partijen.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: the spec's filters in snake_case, e.g.
                ``partij_identificator__object_id="111222333"``, ``expand=["digitaleAdressen"]``.

        Returns:
            A paginator of typed [`Partij`][zgw_client.klantinteracties.models.Partij].
        """
        _guard_bsn(self, {**filters, **(extra_params or {})})
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncPartijIdentificatoren(AsyncResource[PartijIdentificator]):
    """``/partij-identificatoren``: the register numbers (BSN, KVK, ...) of partijen."""

    kind, path, model = "klantinteracties", "partij-identificatoren", PartijIdentificator
    wire_names = f.WIRE_NAMES["PartijIdentificatorenFilters"]
    joined = f.JOINED["PartijIdentificatorenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.PartijIdentificatorenFilters],
    ) -> AsyncPaginator[PartijIdentificator]:
        """Partij-identificatoren matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``partij_identificator_object_id="111222333"``.

        Returns:
            A paginator of typed partij-identificatoren.
        """
        _guard_bsn(self, {**filters, **(extra_params or {})})
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncDigitaleAdressen(AsyncResource[DigitaalAdres]):
    """``/digitaleadressen``: e-mail addresses, phone numbers and other digital addresses.

    ``expand``: ``verstrektDoorBetrokkene`` (and ``.hadKlantcontact[.leiddeTotInterneTaken]``).
    """

    kind, path, model = "klantinteracties", "digitaleadressen", DigitaalAdres
    wire_names = f.WIRE_NAMES["DigitaleadressenFilters"]
    joined = f.JOINED["DigitaleadressenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.DigitaleadressenFilters],
    ) -> AsyncPaginator[DigitaalAdres]:
        """Digitale adressen matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``verstrekt_door_partij__uuid=...``, ``soort_digitaal_adres="email"``.

        Returns:
            A paginator of typed digitale adressen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncRekeningnummers(AsyncResource[Rekeningnummer]):
    """``/rekeningnummers``: bank accounts of partijen."""

    kind, path, model = "klantinteracties", "rekeningnummers", Rekeningnummer
    wire_names = f.WIRE_NAMES["RekeningnummersFilters"]
    joined = f.JOINED["RekeningnummersFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.RekeningnummersFilters],
    ) -> AsyncPaginator[Rekeningnummer]:
        """Rekeningnummers matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``iban="NL91ABNA0417164300"``.

        Returns:
            A paginator of typed rekeningnummers.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncKlantcontacten(AsyncResource[Klantcontact]):
    """``/klantcontacten``: contacts between a klant and the municipality.

    ``expand``: ``gingOverOnderwerpobjecten``, ``hadBetrokkenen``,
    ``hadBetrokkenen.digitaleAdressen``, ``hadBetrokkenen.wasPartij``,
    ``leiddeTotInterneTaken``, ``omvatteBijlagen``.
    """

    kind, path, model = "klantinteracties", "klantcontacten", Klantcontact
    wire_names = f.WIRE_NAMES["KlantcontactenFilters"]
    joined = f.JOINED["KlantcontactenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.KlantcontactenFilters],
    ) -> AsyncPaginator[Klantcontact]:
        """Klantcontacten matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``onderwerpobject__onderwerpobjectidentificator_object_id=<uuid>``,
                ``had_betrokkene__was_partij__partij_identificator__object_id=<bsn>``,
                ``expand=["hadBetrokkenen.wasPartij"]``.

        Returns:
            A paginator of typed klantcontacten.
        """
        _guard_bsn(self, {**filters, **(extra_params or {})})
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncBetrokkenen(AsyncResource[Betrokkene]):
    """``/betrokkenen``: a partij's part in a klantcontact. ``expand``: ``digitaleAdressen``."""

    kind, path, model = "klantinteracties", "betrokkenen", Betrokkene
    wire_names, joined = f.WIRE_NAMES["BetrokkenenFilters"], f.JOINED["BetrokkenenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BetrokkenenFilters],
    ) -> AsyncPaginator[Betrokkene]:
        """Betrokkenen matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``had_klantcontact__uuid=...``, ``was_partij__uuid=...``.

        Returns:
            A paginator of typed betrokkenen.
        """
        _guard_bsn(self, {**filters, **(extra_params or {})})
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncOnderwerpobjecten(AsyncResource[Onderwerpobject]):
    """``/onderwerpobjecten``: what a klantcontact was about (a zaak: ``codeObjecttype="zaak"``)."""

    kind, path, model = "klantinteracties", "onderwerpobjecten", Onderwerpobject
    wire_names = f.WIRE_NAMES["OnderwerpobjectenFilters"]
    joined = f.JOINED["OnderwerpobjectenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.OnderwerpobjectenFilters],
    ) -> AsyncPaginator[Onderwerpobject]:
        """Onderwerpobjecten matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``onderwerpobjectidentificator_object_id=<zaak uuid>``.

        Returns:
            A paginator of typed onderwerpobjecten.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncBijlagen(AsyncResource[Bijlage]):
    """``/bijlagen``: documents that are part of a klantcontact."""

    kind, path, model = "klantinteracties", "bijlagen", Bijlage
    wire_names, joined = f.WIRE_NAMES["BijlagenFilters"], f.JOINED["BijlagenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.BijlagenFilters],
    ) -> AsyncPaginator[Bijlage]:
        """Bijlagen matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``klantcontact__uuid=...``.

        Returns:
            A paginator of typed bijlagen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncActoren(AsyncResource[Actor]):
    """``/actoren``: medewerkers, organisatorische eenheden and automated actors."""

    kind, path, model = "klantinteracties", "actoren", Actor
    wire_names, joined = f.WIRE_NAMES["ActorenFilters"], f.JOINED["ActorenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ActorenFilters],
    ) -> AsyncPaginator[Actor]:
        """Actoren matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``soort_actor="medewerker"``, ``indicatie_actief=True``.

        Returns:
            A paginator of typed actoren.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncActorKlantcontacten(AsyncResource[ActorKlantcontact]):
    """``/actorklantcontacten``: which actor took part in which klantcontact."""

    kind, path, model = "klantinteracties", "actorklantcontacten", ActorKlantcontact
    wire_names = f.WIRE_NAMES["ActorklantcontactenFilters"]
    joined = f.JOINED["ActorklantcontactenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.ActorklantcontactenFilters],
    ) -> AsyncPaginator[ActorKlantcontact]:
        """Actorklantcontacten matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``klantcontact__uuid=...``, ``actor__uuid=...``.

        Returns:
            A paginator of typed actorklantcontacten.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncInterneTaken(AsyncResource[InterneTaak]):
    """``/internetaken``: follow-up tasks for medewerkers (e.g. "call back")."""

    kind, path, model = "klantinteracties", "internetaken", InterneTaak
    wire_names, joined = f.WIRE_NAMES["InternetakenFilters"], f.JOINED["InternetakenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.InternetakenFilters],
    ) -> AsyncPaginator[InterneTaak]:
        """Interne taken matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``status="te_verwerken"``, ``toegewezen_aan_actor__uuid=...``.

        Returns:
            A paginator of typed interne taken.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncCategorieen(AsyncResource[Categorie]):
    """``/categorieen``: categories partijen can be put in (experimental in Open Klant)."""

    kind, path, model = "klantinteracties", "categorieen", Categorie
    wire_names, joined = f.WIRE_NAMES["CategorieenFilters"], f.JOINED["CategorieenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.CategorieenFilters],
    ) -> AsyncPaginator[Categorie]:
        """Every categorie.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: only ``page_size``.

        Returns:
            A paginator of typed categorieen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncCategorieRelaties(AsyncResource[CategorieRelatie]):
    """``/categorie-relaties``: a partij in a categorie for a period (experimental)."""

    kind, path, model = "klantinteracties", "categorie-relaties", CategorieRelatie
    wire_names = f.WIRE_NAMES["CategorieRelatiesFilters"]
    joined = f.JOINED["CategorieRelatiesFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.CategorieRelatiesFilters],
    ) -> AsyncPaginator[CategorieRelatie]:
        """Categorie-relaties matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``partij__uuid=...``, ``categorie__naam=...``.

        Returns:
            A paginator of typed categorie-relaties.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncVertegenwoordigingen(AsyncResource[Vertegenwoordigden]):
    """``/vertegenwoordigingen``: one partij acting for another."""

    kind, path, model = "klantinteracties", "vertegenwoordigingen", Vertegenwoordigden
    wire_names = f.WIRE_NAMES["VertegenwoordigingenFilters"]
    joined = f.JOINED["VertegenwoordigingenFilters"]

    def list(
        self,
        *,
        limit: int | None = None,
        extra_params: Mapping[str, Any] | None = None,
        **filters: Unpack[f.VertegenwoordigingenFilters],
    ) -> AsyncPaginator[Vertegenwoordigden]:
        """Vertegenwoordigingen matching ``filters``.

        Args:
            limit: stop after this many items.
            extra_params: parameters the spec does not list (identifiers, empty values checked).
            **filters: e.g. ``vertegenwoordigde_partij__uuid=...``.

        Returns:
            A paginator of typed vertegenwoordigingen.
        """
        return self._list(filters, limit=limit, extra_params=extra_params)


class AsyncKlantinteractiesAPI(AsyncAPI):
    """The Klantinteracties API (Open Klant 2): ``client.klantinteracties.partijen``, ...

    Each attribute is a resource with ``list``/``get``/``create``/``update``/
    ``partial_update``/``delete``;
    [`partij_for_bsn`][zgw_client.klantinteracties.KlantinteractiesAPI.partij_for_bsn],
    [`partij_for_kvk`][zgw_client.klantinteracties.KlantinteractiesAPI.partij_for_kvk] and
    [`klantcontacten_about_zaak`][zgw_client.klantinteracties.KlantinteractiesAPI.klantcontacten_about_zaak]
    answer the common questions in one call.
    """

    kind = "klantinteracties"

    partijen = AsyncResourceSlot(AsyncPartijen)
    partij_identificatoren = AsyncResourceSlot(AsyncPartijIdentificatoren)
    digitale_adressen = AsyncResourceSlot(AsyncDigitaleAdressen)
    rekeningnummers = AsyncResourceSlot(AsyncRekeningnummers)
    klantcontacten = AsyncResourceSlot(AsyncKlantcontacten)
    betrokkenen = AsyncResourceSlot(AsyncBetrokkenen)
    onderwerpobjecten = AsyncResourceSlot(AsyncOnderwerpobjecten)
    bijlagen = AsyncResourceSlot(AsyncBijlagen)
    actoren = AsyncResourceSlot(AsyncActoren)
    actorklantcontacten = AsyncResourceSlot(AsyncActorKlantcontacten)
    interne_taken = AsyncResourceSlot(AsyncInterneTaken)
    categorieen = AsyncResourceSlot(AsyncCategorieen)
    categorie_relaties = AsyncResourceSlot(AsyncCategorieRelaties)
    vertegenwoordigingen = AsyncResourceSlot(AsyncVertegenwoordigingen)

    async def partij_for_bsn(
        self, bsn: str, *, expand: Sequence[str] | str | None = None
    ) -> Partij | None:
        """The partij registered with this BSN, or ``None`` when Open Klant has none.

        The BSN is checked (length, digits, 11-proef) before any request, so a typo fails
        here instead of as an empty result.

        Args:
            bsn: the citizen's BSN (8 digits are padded with a leading zero).
            expand: e.g. ``["digitaleAdressen", "betrokkenen.hadKlantcontact"]``.

        Returns:
            The partij, or ``None``. Open Klant keeps a BSN unique, so there is one at most.

        Raises:
            InvalidBSNError: the BSN is malformed (no request is sent).
        """
        value = validate_bsn(bsn)
        return await self._partij_for(CodeSoortObjectId.BSN.value, value, expand)

    async def partij_for_kvk(
        self, kvk: str, *, expand: Sequence[str] | str | None = None
    ) -> Partij | None:
        """The partij registered with this KVK-nummer, or ``None``.

        Args:
            kvk: the 8-digit KVK-nummer.
            expand: as for
                [`partij_for_bsn`][zgw_client.klantinteracties.KlantinteractiesAPI.partij_for_bsn].

        Returns:
            The partij, or ``None``.

        Raises:
            InvalidKVKError: the KVK-nummer is malformed (no request is sent).
        """
        value = validate_kvk(kvk)
        return await self._partij_for(CodeSoortObjectId.KVK_NUMMER.value, value, expand)

    async def _partij_for(
        self, soort: str, value: str, expand: Sequence[str] | str | None
    ) -> Partij | None:
        filters: f.PartijenFilters = {
            "partij_identificator__code_soort_object_id": soort,
            "partij_identificator__object_id": value,
        }
        if expand:
            filters["expand"] = expand
        found = await self.partijen.list(limit=1, **filters).to_list()
        return found[0] if found else None

    def klantcontacten_about_zaak(
        self,
        zaak: Ref | BaseModel,
        *,
        expand: Sequence[str] | str | None = DEFAULT_ZAAK_EXPAND,
        limit: int | None = None,
    ) -> AsyncPaginator[Klantcontact]:
        """The klantcontacten about a zaak, with betrokkenen and partij expanded.

        Klantinteracties links a klantcontact to a zaak through an onderwerpobject whose
        ``objectId`` is the zaak's UUID; this filters on
        ``onderwerpobject__onderwerpobjectidentificatorObjectId``. A zaak UUID is unique,
        so ``codeObjecttype``/``codeRegister`` are not filtered on: systems spell them
        differently ("zaak", "Zaak"; "openzaak", "OZ").

        Args:
            zaak: the zaak's URL, UUID or model.
            expand: what to expand; by default ``hadBetrokkenen``, ``hadBetrokkenen.wasPartij`` and
                ``gingOverOnderwerpobjecten``, enough for
                [`zgw_client.contact.from_klantcontact`][zgw_client.contact.from_klantcontact] to
                fill direction and zaak. ``None`` expands nothing.
            limit: stop after this many klantcontacten.

        Returns:
            A paginator of typed klantcontacten.
        """
        filters: f.KlantcontactenFilters = {
            "onderwerpobject__onderwerpobjectidentificator_object_id": zaak_uuid_of(zaak)
        }
        if expand:
            filters["expand"] = expand
        return self.klantcontacten.list(limit=limit, **filters)
