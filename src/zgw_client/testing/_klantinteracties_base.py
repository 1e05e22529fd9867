"""What the Klantinteracties resources share: Open Klant's texts and choices, references as
``{uuid, url}`` objects, the ``_expand`` tree, BSN checks on identificatoren."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._collections import Collection, rsin_is_valid
from ._expand import Tree, build_tree
from ._filters import Filter, is_url
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
