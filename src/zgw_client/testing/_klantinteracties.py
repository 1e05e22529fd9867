"""Klantinteracties 0.9 (Open Klant 2.18) on the generic collection engine.

Resources: partijen, partij-identificatoren, digitaleadressen, rekeningnummers,
klantcontacten, betrokkenen, onderwerpobjecten, bijlagen, actoren, actorklantcontacten and
internetaken. Token auth (401), Dutch problem texts with Open Klant's own wording
(``Ongeldige invoerwaarde.``, ``Dit veld is vereist.``).

Server behaviour copied from the samples:

* references are objects ``{"uuid", "url"}`` both ways: writes take ``{"uuid": ...}`` (a
  ``url`` works too), responses add ``url``. They are stored as plain URL strings, so the
  backend's relation index works, and rendered as objects;
* reverse relations (a partij's ``betrokkenen``, a klantcontact's ``hadBetrokkenen``, ...) are
  derived at read time, oldest first; lists themselves are newest first;
* a partij carries its ``partijIdentificatoren`` in full, each with its back-reference, and
  accepts them nested on writes (a BSN must pass the 11-proof);
* ``_expand``: every list item of an expandable resource has ``"_expand": {}``, a detail only
  when ``expand`` was asked for; a child path without its parent gives ``{}``; nested
  expansions sit in the child's own ``_expand``; empty relations appear as ``[]``/``null``;
* no ``ETag`` anywhere.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._collections import Collection, rsin_is_valid
from ._expand import Tree, build_tree
from ._filters import Filter, is_url, parse_datetime
from ._pagination import paginate
from ._problems import InvalidParam, ProblemError
from ._responses import json_response
from ._router import RequestContext
from ._types import JSON

if TYPE_CHECKING:
    from ._backend import InMemoryBackend

API = "klantinteracties"
TITLE_400 = "Ongeldige invoerwaarde."
REQUIRED = "Dit veld is vereist."
NOT_EMPTY = "Dit veld mag niet leeg zijn."

SOORT_PARTIJ = ("persoon", "organisatie", "contactpersoon")
SOORT_ACTOR = ("medewerker", "geautomatiseerde_actor", "organisatorische_eenheid")
SOORT_DIGITAAL_ADRES = ("email", "telefoonnummer", "overig")
CODE_OBJECTTYPE = ("natuurlijk_persoon", "niet_natuurlijk_persoon", "vestiging")
CODE_SOORT_OBJECT_ID = ("bsn", "vestigingsnummer", "kvk_nummer", "rsin")
CODE_REGISTER = ("brp", "hr")
ROL = ("vertegenwoordiger", "klant")
TAAK_STATUS = ("te_verwerken", "verwerkt")


def _adres() -> JSON:
    return {
        "nummeraanduidingId": "",
        "straatnaam": "",
        "huisnummer": None,
        "huisnummertoevoeging": "",
        "postcode": "",
        "stad": "",
        "adresregel1": "",
        "adresregel2": "",
        "adresregel3": "",
        "land": "",
    }


def _contactnaam() -> JSON:
    return {"voorletters": "", "voornaam": "", "voorvoegselAchternaam": "", "achternaam": ""}


def _identificator() -> JSON:
    return {"objectId": "", "codeObjecttype": "", "codeRegister": "", "codeSoortObjectId": ""}


def volledige_naam(contactnaam: object) -> str:
    """``voornaam voorvoegsel achternaam``, as Open Klant derives ``volledigeNaam``."""
    if not isinstance(contactnaam, dict):
        return ""
    parts = (contactnaam.get(k) for k in ("voornaam", "voorvoegselAchternaam", "achternaam"))
    return " ".join(str(p) for p in parts if p)


def now_seconds() -> str:
    """Open Klant's default timestamps: UTC, ``Z``."""
    return (
        dt.datetime.now(dt.timezone.utc).isoformat(timespec="microseconds").replace("+00:00", "Z")
    )


def _key(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def _walk(value: Any, path: str) -> list[Any]:
    """All values at a dotted path, descending into lists along the way."""
    current = [value]
    for part in path.split("."):
        found: list[Any] = []
        for item in current:
            items = item if isinstance(item, list) else [item]
            found.extend(i.get(part) for i in items if isinstance(i, dict))
        current = found
    return [v for item in current for v in (item if isinstance(item, list) else [item])]


def invalid_input(*params: InvalidParam) -> ProblemError:
    """A 400 as Open Klant words it."""
    return ProblemError(400, title=TITLE_400, invalid_params=list(params))


@contextlib.contextmanager
def open_klant_titles() -> Iterator[None]:
    """Give 400s raised by the shared engine (filters, expand) Open Klant's title."""
    try:
        yield
    except ProblemError as error:
        if error.status == 400 and error.title is None:
            error.title = TITLE_400
        raise


# -- expand --------------------------------------------------------------------------------


def expand_refs(body: JSON, tree: Tree, backend: InMemoryBackend) -> None:
    """Add ``_expand`` for ``tree`` to ``body``, following ``{uuid, url}`` references."""
    found: JSON = {}
    for field, subtree in tree.items():
        value = body.get(field)
        if isinstance(value, list):
            children = []
            for item in value:
                url = item.get("url") if isinstance(item, dict) else item
                child = backend.resolve_for_expand(url) if isinstance(url, str) else None
                if child is not None:
                    if subtree:
                        expand_refs(child, subtree, backend)
                    children.append(child)
            found[field] = children
        elif isinstance(value, dict) and isinstance(value.get("url"), str):
            child = backend.resolve_for_expand(value["url"])
            if child is not None and subtree:
                expand_refs(child, subtree, backend)
            found[field] = child
        else:
            found[field] = None
    body["_expand"] = found


# -- the base collection -------------------------------------------------------------------


class KlantCollection(Collection):
    """A resource of Open Klant: ``{uuid, url}`` references, Open Klant's validation texts.

    Attributes:
        refs: field -> target collection of a single reference (stored as a URL).
        ref_lists: field -> target collection of a writable to-many reference.
        read_only: fields computed by the server; dropped from writes.
        nested_choices: dotted field -> allowed values (``partijIdentificator.codeRegister``).
    """

    api = API
    newest_first = True
    refs: ClassVar[Mapping[str, str]] = {}
    ref_lists: ClassVar[Mapping[str, str]] = {}
    read_only: ClassVar[tuple[str, ...]] = ()
    nested_choices: ClassVar[Mapping[str, tuple[str, ...]]] = {}

    # -- references ----------------------------------------------------------------------

    def ref_url(self, target: str, value: Any) -> str | None:
        """The stored URL for a written reference: ``{"uuid"}``, ``{"url"}`` or a string."""
        if value is None or value == "":
            return None
        if isinstance(value, dict):
            if isinstance(value.get("url"), str) and value["url"]:
                return str(value["url"])
            value = value.get("uuid")
            if not value:
                return None
        text = str(value)
        return text if is_url(text) else f"{self.backend.api_roots[API]}{target}/{text}"

    def ref(self, url: object) -> JSON | None:
        """A stored URL rendered as the ``{uuid, url}`` object Open Klant sends."""
        if not isinstance(url, str) or not url:
            return None
        return {"uuid": _key(url), "url": url}

    def refs_to(self, collection: str, field: str, url: str) -> list[JSON]:
        """``{uuid, url}`` of the resources whose ``field`` points at ``url``, oldest first."""
        related = self.backend.related(API, collection, field).get(url, [])
        return [{"uuid": _key(r["url"]), "url": r["url"]} for r in related]

    def normalize(self, body: JSON) -> None:
        for field, target in self.refs.items():
            if field in body:
                body[field] = self.ref_url(target, body[field])
        for field, target in self.ref_lists.items():
            if isinstance(body.get(field), list):
                urls = (self.ref_url(target, v) for v in body[field])
                body[field] = [u for u in urls if u]

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        self.normalize(body)

    def render(self, body: JSON) -> JSON:
        rendered = {"uuid": body.get("uuid"), **copy.deepcopy(body)}  # Open Klant: uuid first
        for field in self.refs:
            if field in rendered:
                rendered[field] = self.ref(rendered[field])
        for field in self.ref_lists:
            if isinstance(rendered.get(field), list):
                rendered[field] = [self.ref(u) for u in rendered[field]]
        return rendered

    # -- validation ----------------------------------------------------------------------

    def clean_input(self, data: JSON) -> JSON:
        cleaned = super().clean_input(data)
        return {k: v for k, v in cleaned.items() if k not in self.read_only}

    def check(
        self, ctx: RequestContext, data: JSON, previous: JSON | None, *, partial: bool
    ) -> None:
        """All field errors at once (DRF style), then the ``validate`` hook."""
        errors: list[InvalidParam] = []
        for field in self.required:
            if partial and field not in data:
                continue
            if field not in data:
                errors.append(InvalidParam(field, "required", REQUIRED))
            elif data[field] is None:
                errors.append(InvalidParam(field, "null", NOT_EMPTY))
            elif data[field] == "":
                errors.append(InvalidParam(field, "blank", NOT_EMPTY))
        for field, target in self.refs.items():
            if data.get(field) not in (None, ""):
                errors += self._check_ref(field, target, data[field])
        for field, target in self.ref_lists.items():
            for index, item in enumerate(data.get(field) or []):
                errors += self._check_ref(f"{field}.{index}", target, item)
        for field, allowed in self.nested_choices.items():
            for value in _walk(data, field):
                if value is not None and value not in allowed:
                    errors.append(
                        InvalidParam(field, "invalid_choice", f'"{value}" is een ongeldige keuze.')
                    )
        errors += [InvalidParam(p.name, p.code, p.reason) for p in self.format_errors(data)]
        if errors:
            raise invalid_input(*errors)
        self.validate(ctx, data, previous)
        self.normalize(data)

    def _check_ref(self, name: str, target: str, value: Any) -> list[InvalidParam]:
        url = self.ref_url(target, value)
        if url is None or not isinstance(value, (dict, str)):
            return [InvalidParam(name, "invalid", "Ongeldige data.")]
        if self.backend.exists(url, f"{API}/{target}"):
            return []
        return [
            InvalidParam(
                f"{name}.uuid",
                "does_not_exist",
                f'Ongeldige pk "{_key(url)}" - object bestaat niet.',
            )
        ]

    # -- handlers ------------------------------------------------------------------------

    def handle_list(self, ctx: RequestContext) -> httpx.Response:
        with open_klant_titles():
            return super().handle_list(ctx)

    def list_response(
        self, ctx: RequestContext, rows: list[JSON], expand_raw: list[str]
    ) -> httpx.Response:
        tree = build_tree(self.expand_paths(expand_raw))
        page = paginate(ctx.url, rows, ctx.query.get("page"), ctx.query.get("pageSize"))
        page["results"] = [self.with_expand(row, tree, always=True) for row in page["results"]]
        return json_response(200, page)

    def with_expand(self, row: JSON, tree: Tree, *, always: bool) -> JSON:
        if not self.expand or not (always or tree):
            return row
        if tree:
            expand_refs(row, tree, self.backend)
        else:
            row["_expand"] = {}
        return row

    def handle_read(self, ctx: RequestContext) -> httpx.Response:
        with open_klant_titles():
            rendered = self.render(self.get_or_404(ctx))
            asked = [v for v in ctx.query.get_list("expand") if v]
            tree = build_tree(self.expand_paths(asked))
            return json_response(200, self.with_expand(rendered, tree, always=bool(asked)))

    def handle_create(self, ctx: RequestContext) -> httpx.Response:
        with open_klant_titles():
            return super().handle_create(ctx)

    def handle_update(self, ctx: RequestContext) -> httpx.Response:
        with open_klant_titles():
            return super().handle_update(ctx)


def _ref_filters(name: str, field: str | None = None) -> tuple[Filter, ...]:
    """``<name>__url`` and ``<name>__uuid`` on a rendered ``{uuid, url}`` reference."""
    path = field or name
    return (
        Filter(f"{name}__url", type="url", field=f"{path}.url"),
        Filter(f"{name}__uuid", type="uuid", field=f"{path}.uuid"),
    )


def _values_at(path: str) -> Any:
    def values(ctx: RequestContext, body: JSON) -> Iterable[Any]:
        return _walk(body, path)

    return values


def _identificator_filters(prefix: str, values_of: Any) -> tuple[Filter, ...]:
    """``<prefix>__partijIdentificator__<code>`` filters via a partij lookup."""
    filters = []
    for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId"):

        def values(ctx: RequestContext, body: JSON, code: str = code) -> Iterable[Any]:
            for partij_url in values_of(ctx, body):
                for identificator in _identificatoren_of(ctx.backend, partij_url):
                    yield (identificator.get("partijIdentificator") or {}).get(code)

        filters.append(Filter(f"{prefix}__partijIdentificator__{code}", values=values))
    return tuple(filters)


def _identificatoren_of(backend: InMemoryBackend, partij_url: str) -> list[JSON]:
    return backend.related(API, "partij-identificatoren", "identificeerdePartij").get(
        partij_url, []
    )


# -- partijen ------------------------------------------------------------------------------


def _bsn_errors(identificator: object, name: str) -> list[InvalidParam]:
    """Open Klant checks a BSN with the 11-proof, reported on ``...partijIdentificatorObjectId``."""
    if not isinstance(identificator, dict):
        return []
    groep = identificator.get("partijIdentificator")
    if not isinstance(groep, dict) or groep.get("codeSoortObjectId") != "bsn":
        return []
    if rsin_is_valid(str(groep.get("objectId", ""))):
        return []
    return [InvalidParam(name, "invalid", "Deze waarde is ongeldig, reden: Onjuist BSN nummer")]


_PENDING = "_partijIdentificatoren"
"""Where a write's nested identificatoren wait between ``clean_input`` and ``after_write``."""


class Partijen(KlantCollection):
    name = "partijen"
    required = ("soortPartij", "indicatieActief")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"soortPartij": SOORT_PARTIJ}
    refs: ClassVar[dict[str, str]] = {
        "voorkeursDigitaalAdres": "digitaleadressen",
        "voorkeursRekeningnummer": "rekeningnummers",
    }
    read_only = (
        "betrokkenen",
        "categorieRelaties",
        "vertegenwoordigden",
        "digitaleAdressen",
        "rekeningnummers",
    )
    expand = frozenset(
        {"betrokkenen", "betrokkenen.hadKlantcontact", "categorieRelaties", "digitaleAdressen"}
    )
    filters = (
        Filter("nummer"),
        Filter("soortPartij", type="choice", choices=SOORT_PARTIJ),
        Filter("indicatieActief", type="bool"),
        Filter("indicatieGeheimhouding", type="bool"),
        *(
            Filter(
                f"partijIdentificator__{code}",
                values=_values_at(f"partijIdentificatoren.partijIdentificator.{code}"),
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "nummer": None,
            "interneNotitie": "",
            "betrokkenen": [],
            "categorieRelaties": [],
            "digitaleAdressen": [],
            "voorkeursDigitaalAdres": None,
            "vertegenwoordigden": [],
            "rekeningnummers": [],
            "voorkeursRekeningnummer": None,
            "partijIdentificatoren": [],
            "soortPartij": "",
            "indicatieGeheimhouding": False,
            "voorkeurstaal": "",
            "indicatieActief": True,
            "bezoekadres": _adres(),
            "correspondentieadres": _adres(),
            "partijIdentificatie": {},
        }

    def clean_input(self, data: JSON) -> JSON:
        """Nested identificatoren are kept aside: a write without them leaves them alone."""
        cleaned = super().clean_input(data)
        given = cleaned.pop("partijIdentificatoren", None)
        if isinstance(given, list):
            cleaned[_PENDING] = given
        return cleaned

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        errors: list[InvalidParam] = []
        for index, identificator in enumerate(body.get(_PENDING) or []):
            errors += _bsn_errors(
                identificator, f"partijIdentificatoren.{index}.partijIdentificatorObjectId"
            )
        if errors:
            raise invalid_input(*errors)

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        if _PENDING not in body and body.get("partijIdentificatoren"):
            body[_PENDING] = body["partijIdentificatoren"]  # seeded with backend.add
        body["partijIdentificatoren"] = []
        for field in ("bezoekadres", "correspondentieadres"):
            if isinstance(body.get(field), dict):
                body[field] = {**_adres(), **body[field]}
        identificatie = body.get("partijIdentificatie")
        if not isinstance(identificatie, dict):
            identificatie = {}
        if body.get("soortPartij") in ("persoon", "contactpersoon"):
            identificatie["contactnaam"] = {
                **_contactnaam(),
                **(identificatie.get("contactnaam") or {}),
            }
            identificatie.pop("volledigeNaam", None)
        elif body.get("soortPartij") == "organisatie":
            identificatie = {"naam": identificatie.get("naam", "")}
        body["partijIdentificatie"] = identificatie

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        """Nested ``partijIdentificatoren`` become partij-identificatoren of this partij."""
        given = body.pop(_PENDING, None)
        if not isinstance(given, list):
            return
        existing = list(_identificatoren_of(self.backend, body["url"]))
        keep = {i.get("uuid") for i in given if isinstance(i, dict) and i.get("uuid")}
        for old in existing:
            if old["uuid"] not in keep:
                self.backend.unstore(API, "partij-identificatoren", old["uuid"])
        for identificator in given:
            if isinstance(identificator, dict):
                nested = {
                    k: v for k, v in identificator.items() if k not in ("identificeerdePartij",)
                }
                nested["identificeerdePartij"] = body["url"]
                self.backend.add(API, "partij-identificatoren", nested)

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        url = body["url"]
        identificatoren = self.backend.collections[(API, "partij-identificatoren")]
        rendered["betrokkenen"] = self.refs_to("betrokkenen", "wasPartij", url)
        rendered["digitaleAdressen"] = self.refs_to("digitaleadressen", "verstrektDoorPartij", url)
        rendered["rekeningnummers"] = self.refs_to("rekeningnummers", "partij", url)
        rendered["partijIdentificatoren"] = [
            identificatoren.render(i) for i in _identificatoren_of(self.backend, url)
        ]
        identificatie = rendered.get("partijIdentificatie")
        if isinstance(identificatie, dict) and "contactnaam" in identificatie:
            identificatie["volledigeNaam"] = volledige_naam(identificatie["contactnaam"])
        return rendered

    def after_delete(self, body: JSON) -> None:
        for identificator in list(_identificatoren_of(self.backend, body["url"])):
            self.backend.unstore(API, "partij-identificatoren", identificator["uuid"])


class PartijIdentificatoren(KlantCollection):
    name = "partij-identificatoren"
    newest_first = False
    required = ("partijIdentificator",)
    refs: ClassVar[dict[str, str]] = {
        "identificeerdePartij": "partijen",
        "subIdentificatorVan": "partij-identificatoren",
    }
    nested_choices: ClassVar[dict[str, tuple[str, ...]]] = {
        "partijIdentificator.codeObjecttype": CODE_OBJECTTYPE,
        "partijIdentificator.codeSoortObjectId": CODE_SOORT_OBJECT_ID,
        "partijIdentificator.codeRegister": CODE_REGISTER,
    }
    filters = (
        Filter("anderePartijIdentificator"),
        *(
            Filter(
                f"partijIdentificator{code[0].upper()}{code[1:]}",
                field=f"partijIdentificator.{code}",
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "identificeerdePartij": None,
            "anderePartijIdentificator": "",
            "partijIdentificator": {
                "codeObjecttype": "",
                "codeSoortObjectId": "",
                "objectId": "",
                "codeRegister": "",
            },
            "subIdentificatorVan": None,
        }

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        errors = _bsn_errors(body, "partijIdentificatorObjectId")
        if errors:
            raise invalid_input(*errors)

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        groep = body.get("partijIdentificator")
        if isinstance(groep, dict):
            body["partijIdentificator"] = {**self.defaults()["partijIdentificator"], **groep}


class DigitaleAdressen(KlantCollection):
    name = "digitaleadressen"
    required = ("adres", "soortDigitaalAdres")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "soortDigitaalAdres": SOORT_DIGITAAL_ADRES
    }
    date_fields = ("verificatieDatum",)
    refs: ClassVar[dict[str, str]] = {
        "verstrektDoorBetrokkene": "betrokkenen",
        "verstrektDoorPartij": "partijen",
    }
    expand = frozenset(
        {
            "verstrektDoorBetrokkene",
            "verstrektDoorBetrokkene.hadKlantcontact",
            "verstrektDoorBetrokkene.hadKlantcontact.leiddeTotInterneTaken",
        }
    )
    filters = (
        Filter("adres"),
        Filter("adres__icontains"),
        Filter("soortDigitaalAdres", type="choice", choices=SOORT_DIGITAAL_ADRES),
        Filter("isStandaardAdres", type="bool"),
        Filter("omschrijving"),
        Filter("referentie"),
        Filter("verificatieDatum", type="date"),
        Filter("verificatieDatum__gte", type="date"),
        Filter("verificatieDatum__lte", type="date"),
        *_ref_filters("verstrektDoorPartij"),
        *_ref_filters("verstrektDoorBetrokkene"),
        *_identificator_filters(
            "verstrektDoorPartij", lambda ctx, body: _walk(body, "verstrektDoorPartij.url")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "verstrektDoorBetrokkene": None,
            "verstrektDoorPartij": None,
            "adres": "",
            "soortDigitaalAdres": "",
            "isStandaardAdres": False,
            "omschrijving": "",
            "referentie": "",
            "verificatieDatum": None,
        }


class Rekeningnummers(KlantCollection):
    name = "rekeningnummers"
    required = ("iban",)
    refs: ClassVar[dict[str, str]] = {"partij": "partijen"}
    filters = (Filter("iban"), Filter("bic"), Filter("uuid", type="uuid"))

    def defaults(self) -> JSON:
        return {"partij": None, "iban": "", "bic": ""}


# -- klantcontacten ------------------------------------------------------------------------


def _betrokkenen_of(backend: InMemoryBackend, klantcontact_url: str) -> list[JSON]:
    return backend.related(API, "betrokkenen", "hadKlantcontact").get(klantcontact_url, [])


def _onderwerp_values(field: str, code: str) -> Any:
    def values(ctx: RequestContext, body: JSON) -> Iterable[Any]:
        related = ctx.backend.related(API, "onderwerpobjecten", field).get(body["url"], [])
        return [(o.get("onderwerpobjectidentificator") or {}).get(code) for o in related]

    return values


def _onderwerp_filters(prefix: str, field: str) -> tuple[Filter, ...]:
    return tuple(
        Filter(
            f"{prefix}__onderwerpobjectidentificator{code[0].upper()}{code[1:]}",
            values=_onderwerp_values(field, code),
        )
        for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
    )


def _klantcontact_partijen(ctx: RequestContext, body: JSON) -> Iterable[str]:
    return [
        str(b["wasPartij"]) for b in _betrokkenen_of(ctx.backend, body["url"]) if b.get("wasPartij")
    ]


def _klantcontact_betrokkenen(key: str) -> Any:
    def values(ctx: RequestContext, body: JSON) -> Iterable[Any]:
        urls = [b["url"] for b in _betrokkenen_of(ctx.backend, body["url"])]
        return urls if key == "url" else [_key(u) for u in urls]

    return values


def _klantcontact_adressen(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    for betrokkene in _betrokkenen_of(ctx.backend, body["url"]):
        adressen = ctx.backend.related(API, "digitaleadressen", "verstrektDoorBetrokkene")
        for adres in adressen.get(betrokkene["url"], []):
            yield adres.get("adres")


class Klantcontacten(KlantCollection):
    name = "klantcontacten"
    required = ("kanaal", "onderwerp", "taal", "vertrouwelijk")
    datetime_fields = ("plaatsgevondenOp",)
    read_only = (
        "gingOverOnderwerpobjecten",
        "hadBetrokkenActoren",
        "omvatteBijlagen",
        "hadBetrokkenen",
        "leiddeTotInterneTaken",
    )
    expand = frozenset(
        {
            "gingOverOnderwerpobjecten",
            "hadBetrokkenen",
            "hadBetrokkenen.digitaleAdressen",
            "hadBetrokkenen.wasPartij",
            "leiddeTotInterneTaken",
            "omvatteBijlagen",
        }
    )
    filters = (
        Filter("nummer"),
        Filter("referentienummer"),
        Filter("kanaal"),
        Filter("onderwerp"),
        Filter("inhoud"),
        Filter("reactie"),
        Filter("indicatieContactGelukt", type="bool"),
        Filter("vertrouwelijk", type="bool"),
        Filter("plaatsgevondenOp", type="datetime"),
        Filter("hadBetrokkene__url", type="url", values=_klantcontact_betrokkenen("url")),
        Filter("hadBetrokkene__uuid", type="uuid", values=_klantcontact_betrokkenen("uuid")),
        Filter("hadBetrokkene__wasPartij", type="url", values=_klantcontact_partijen),
        Filter("hadBetrokkene__wasPartij__url", type="url", values=_klantcontact_partijen),
        Filter(
            "hadBetrokkene__wasPartij__uuid",
            type="uuid",
            values=lambda ctx, body: [_key(u) for u in _klantcontact_partijen(ctx, body)],
        ),
        Filter("hadBetrokkene__digitaaladres__adres__icontains", values=_klantcontact_adressen),
        *_identificator_filters("hadBetrokkene__wasPartij", _klantcontact_partijen),
        *_onderwerp_filters("onderwerpobject", "klantcontact"),
        *_onderwerp_filters("wasOnderwerpobject", "wasKlantcontact"),
        Filter(
            "onderwerpobject__url", type="url", values=_values_at("gingOverOnderwerpobjecten.url")
        ),
        Filter(
            "onderwerpobject__uuid",
            type="uuid",
            values=_values_at("gingOverOnderwerpobjecten.uuid"),
        ),
    )

    def defaults(self) -> JSON:
        return {
            "gingOverOnderwerpobjecten": [],
            "hadBetrokkenActoren": [],
            "omvatteBijlagen": [],
            "hadBetrokkenen": [],
            "leiddeTotInterneTaken": [],
            "nummer": None,
            "referentienummer": None,
            "kanaal": "",
            "onderwerp": "",
            "inhoud": "",
            "reactie": "",
            "indicatieContactGelukt": None,
            "hoofdOnderwerpType": "",
            "verdereActieOndernomen": False,
            "taal": "",
            "vertrouwelijk": False,
            "plaatsgevondenOp": None,
            "metadata": {},
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        if not body.get("plaatsgevondenOp"):
            body["plaatsgevondenOp"] = now_seconds()
        else:
            parsed = parse_datetime(str(body["plaatsgevondenOp"])).astimezone(dt.timezone.utc)
            body["plaatsgevondenOp"] = parsed.isoformat().replace("+00:00", "Z")

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        url = body["url"]
        actoren = self.backend.collections[(API, "actoren")]
        links = self.backend.related(API, "actorklantcontacten", "klantcontact").get(url, [])
        found = (self.backend.get(str(link.get("actor"))) for link in links)
        rendered["gingOverOnderwerpobjecten"] = self.refs_to(
            "onderwerpobjecten", "klantcontact", url
        )
        rendered["hadBetrokkenActoren"] = [actoren.render(a) for a in found if a]
        rendered["omvatteBijlagen"] = self.refs_to("bijlagen", "wasBijlageVanKlantcontact", url)
        rendered["hadBetrokkenen"] = self.refs_to("betrokkenen", "hadKlantcontact", url)
        rendered["leiddeTotInterneTaken"] = self.refs_to(
            "internetaken", "aanleidinggevendKlantcontact", url
        )
        return rendered

    def after_delete(self, body: JSON) -> None:
        for collection, field in (
            ("betrokkenen", "hadKlantcontact"),
            ("onderwerpobjecten", "klantcontact"),
        ):
            for related in list(self.backend.related(API, collection, field).get(body["url"], [])):
                self.backend.unstore(API, collection, related["uuid"])


class Betrokkenen(KlantCollection):
    name = "betrokkenen"
    required = ("hadKlantcontact", "rol", "initiator")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"rol": ROL}
    refs: ClassVar[dict[str, str]] = {"wasPartij": "partijen", "hadKlantcontact": "klantcontacten"}
    read_only = ("digitaleAdressen", "volledigeNaam")
    expand = frozenset({"digitaleAdressen"})
    filters = (
        *_ref_filters("hadKlantcontact"),
        *_ref_filters("wasPartij"),
        Filter("organisatienaam"),
        *(
            Filter(f"contactnaam{part[0].upper()}{part[1:]}", field=f"contactnaam.{part}")
            for part in ("voorletters", "voornaam", "voorvoegselAchternaam", "achternaam")
        ),
        *_identificator_filters("wasPartij", lambda ctx, body: _walk(body, "wasPartij.url")),
    )

    def defaults(self) -> JSON:
        return {
            "wasPartij": None,
            "hadKlantcontact": None,
            "digitaleAdressen": [],
            "bezoekadres": _adres(),
            "correspondentieadres": _adres(),
            "contactnaam": _contactnaam(),
            "volledigeNaam": "",
            "rol": "",
            "organisatienaam": "",
            "initiator": False,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        for field, template in (
            ("bezoekadres", _adres()),
            ("correspondentieadres", _adres()),
            ("contactnaam", _contactnaam()),
        ):
            if isinstance(body.get(field), dict):
                body[field] = {**template, **body[field]}

    def render(self, body: JSON) -> JSON:
        rendered = super().render(body)
        rendered["digitaleAdressen"] = self.refs_to(
            "digitaleadressen", "verstrektDoorBetrokkene", body["url"]
        )
        rendered["volledigeNaam"] = volledige_naam(body.get("contactnaam"))
        return rendered


class Onderwerpobjecten(KlantCollection):
    name = "onderwerpobjecten"
    refs: ClassVar[dict[str, str]] = {
        "klantcontact": "klantcontacten",
        "wasKlantcontact": "klantcontacten",
    }
    filters = (
        *_ref_filters("klantcontact"),
        *_ref_filters("wasKlantcontact"),
        *(
            Filter(
                f"onderwerpobjectidentificator{code[0].upper()}{code[1:]}",
                field=f"onderwerpobjectidentificator.{code}",
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "klantcontact": None,
            "wasKlantcontact": None,
            "onderwerpobjectidentificator": _identificator(),
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        if isinstance(body.get("onderwerpobjectidentificator"), dict):
            body["onderwerpobjectidentificator"] = {
                **_identificator(),
                **body["onderwerpobjectidentificator"],
            }


class Bijlagen(KlantCollection):
    name = "bijlagen"
    refs: ClassVar[dict[str, str]] = {"wasBijlageVanKlantcontact": "klantcontacten"}
    filters = (
        Filter("klantcontact__uuid", type="uuid", field="wasBijlageVanKlantcontact.uuid"),
        *(
            Filter(
                f"bijlageidentificator{code[0].upper()}{code[1:]}",
                field=f"bijlageidentificator.{code}",
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {"wasBijlageVanKlantcontact": None, "bijlageidentificator": _identificator()}


_ACTOR_IDENTIFICATIE: dict[str, JSON] = {
    "medewerker": {"functie": "", "emailadres": "", "telefoonnummer": ""},
    "geautomatiseerde_actor": {"functie": "", "omschrijving": ""},
    "organisatorische_eenheid": {
        "omschrijving": "",
        "emailadres": "",
        "faxnummer": "",
        "telefoonnummer": "",
    },
}


class Actoren(KlantCollection):
    name = "actoren"
    required = ("naam", "soortActor")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"soortActor": SOORT_ACTOR}
    filters = (
        Filter("naam"),
        Filter("soortActor", type="choice", choices=SOORT_ACTOR),
        Filter("indicatieActief", type="bool"),
        *(
            Filter(
                f"actoridentificator{code[0].upper()}{code[1:]}", field=f"actoridentificator.{code}"
            )
            for code in ("codeObjecttype", "codeRegister", "codeSoortObjectId", "objectId")
        ),
    )

    def defaults(self) -> JSON:
        return {
            "naam": "",
            "soortActor": "",
            "indicatieActief": True,
            "actoridentificator": _identificator(),
            "actorIdentificatie": {},
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        super().prepare(body, previous)
        template = _ACTOR_IDENTIFICATIE.get(str(body.get("soortActor")), {})
        given = body.get("actorIdentificatie")
        body["actorIdentificatie"] = {**template, **(given if isinstance(given, dict) else {})}
        if isinstance(body.get("actoridentificator"), dict):
            body["actoridentificator"] = {**_identificator(), **body["actoridentificator"]}


class ActorKlantcontacten(KlantCollection):
    name = "actorklantcontacten"
    required = ("actor", "klantcontact")
    refs: ClassVar[dict[str, str]] = {"actor": "actoren", "klantcontact": "klantcontacten"}
    filters = (*_ref_filters("actor"), *_ref_filters("klantcontact"))

    def defaults(self) -> JSON:
        return {"actor": None, "klantcontact": None}


def _actor_namen(ctx: RequestContext, body: JSON) -> Iterable[Any]:
    for ref in body.get("toegewezenAanActoren") or []:
        actor = ctx.backend.get(ref["url"]) if isinstance(ref, dict) else None
        if actor:
            yield actor.get("naam")


class InterneTaken(KlantCollection):
    name = "internetaken"
    required = ("gevraagdeHandeling", "aanleidinggevendKlantcontact", "status")
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {"status": TAAK_STATUS}
    datetime_fields = ("afgehandeldOp",)
    refs: ClassVar[dict[str, str]] = {
        "aanleidinggevendKlantcontact": "klantcontacten",
        "toegewezenAanActor": "actoren",
    }
    ref_lists: ClassVar[dict[str, str]] = {"toegewezenAanActoren": "actoren"}
    read_only = ("toegewezenOp",)
    filters = (
        Filter("nummer"),
        Filter("referentienummer"),
        Filter("status", type="choice", choices=TAAK_STATUS),
        Filter("toegewezenOp", type="datetime"),
        *_ref_filters("aanleidinggevendKlantcontact"),
        *_ref_filters("toegewezenAanActor"),
        Filter("klantcontact__uuid", type="uuid", field="aanleidinggevendKlantcontact.uuid"),
        Filter("actoren__naam", values=_actor_namen),
    )

    def defaults(self) -> JSON:
        return {
            "nummer": None,
            "referentienummer": None,
            "gevraagdeHandeling": "",
            "aanleidinggevendKlantcontact": None,
            "toegewezenAanActor": None,
            "toegewezenAanActoren": [],
            "toelichting": "",
            "status": "te_verwerken",
            "toegewezenOp": None,
            "afgehandeldOp": None,
        }

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        """``toegewezenAanActor`` (deprecated) mirrors the first of ``toegewezenAanActoren``."""
        super().prepare(body, previous)
        actoren = body.get("toegewezenAanActoren") or []
        if not actoren and body.get("toegewezenAanActor"):
            body["toegewezenAanActoren"] = [body["toegewezenAanActor"]]
        elif actoren:
            body["toegewezenAanActor"] = actoren[0]
        if not body.get("toegewezenOp"):
            body["toegewezenOp"] = now_seconds()
        if body.get("status") == "verwerkt" and not body.get("afgehandeldOp"):
            body["afgehandeldOp"] = now_seconds()


COLLECTIONS: tuple[type[Collection], ...] = (
    Partijen,
    PartijIdentificatoren,
    DigitaleAdressen,
    Rekeningnummers,
    Klantcontacten,
    Betrokkenen,
    Onderwerpobjecten,
    Bijlagen,
    Actoren,
    ActorKlantcontacten,
    InterneTaken,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Klantinteracties collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
