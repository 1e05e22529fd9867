"""The Documenten API (Open Zaak 1.30, Documenten 1.4.2): documents, their content and locks.

Resources: enkelvoudiginformatieobjecten (+ ``download``, ``lock``, ``unlock``, ``_zoek``,
``audittrail``), bestandsdelen (``PUT`` only), objectinformatieobjecten and gebruiksrechten
(plain arrays) and verzendingen. Bodies carry only ``url``, no ``uuid``.

Server behaviour copied from the samples and Open Zaak's serializers:

* ``inhoud`` is written as base64 and read as ``…/download?versie=N``; the download is
  ``application/octet-stream`` named ``<random uuid>.bin`` after a base64 upload and
  ``bestandsnaam`` after a chunked one, without an ``API-version`` header;
* ``inhoud: null`` with ``bestandsomvang`` > 0 starts a chunked upload: the document is locked
  and gets ``bestandsdelen`` of ``backend.chunk_size`` bytes (Open Zaak's default is 4 GiB, so
  one part); each part is ``PUT`` as multipart (``inhoud``, ``lock``); ``unlock`` merges them;
* every ``PUT``/``PATCH`` needs the document's ``lock`` and makes a new ``versie``; ``lock``
  and ``unlock`` do not; old versions stay readable with ``?versie=N``;
* the 201 of a create carries ``lock``; reads carry ``"_expand": {}`` and ``locked``;
* a gebruiksrecht sets the document's ``indicatieGebruiksrecht``.

Seeding with ``backend.add``: base64 ``inhoud`` is stored as with a POST; a body copied from a
read (``inhoud`` a download URL) gets ``bestandsomvang`` zero bytes as its content; ``lock``
and the ``bestandsdelen`` URLs of a seed are kept.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import uuid as uuidlib
from collections.abc import Iterable
from email.utils import format_datetime
from typing import TYPE_CHECKING, Any, ClassVar

import httpx

from ._bestandsdelen import Bestandsdelen, StoredFile, decode_base64
from ._catalogi_base import VERTROUWELIJKHEID, ArrayFilter, Contains
from ._collections import Collection
from ._document_links import (
    DocumentAuditTrail,
    Gebruiksrechten,
    ObjectInformatieObjecten,
    Verzendingen,
)
from ._documenten_base import (
    _FILE_SIZE,
    _NOT_LOCKED,
    _OBJECT_TYPES,
    _READ_ONLY,
    _STATUSSEN,
    DOCUMENTEN,
    EIO,
    _key,
    _non_field,
)
from ._filters import Filter, is_url, parse_datetime
from ._problems import ProblemError, invalid
from ._responses import empty_response, etag_of, if_none_match, json_response
from ._router import RequestContext, Router
from ._types import JSON
from ._zaken_rules import now_iso

if TYPE_CHECKING:
    from ._backend import InMemoryBackend


# -- filters ------------------------------------------------------------------------------


def _relations(ctx: RequestContext, document: JSON) -> list[JSON]:
    related = ctx.backend.related(DOCUMENTEN, "objectinformatieobjecten", "informatieobject")
    return related.get(document["url"], [])


def _objects(ctx: RequestContext, document: JSON) -> Iterable[Any]:
    return [oio.get("object") for oio in _relations(ctx, document)]


def _object_types(ctx: RequestContext, document: JSON) -> Iterable[Any]:
    return [oio.get("objectType") for oio in _relations(ctx, document)]


def _uuid(ctx: RequestContext, document: JSON) -> Iterable[Any]:
    return [_key(document["url"])]


EIO_FILTERS: tuple[Filter, ...] = (
    Filter("bronorganisatie"),
    Filter("identificatie"),
    Contains("auteur"),
    Contains("beschrijving"),
    Contains("titel"),
    Filter("creatiedatum__gte", type="date"),
    Filter("creatiedatum__lte", type="date"),
    Filter("informatieobjecttype", type="url"),
    Filter("locked", type="bool"),
    ArrayFilter("trefwoorden"),
    ArrayFilter("trefwoorden__overlap", field="trefwoorden", overlap=True),
    Filter("vertrouwelijkheidaanduiding", type="choice", choices=VERTROUWELIJKHEID),
    Filter("objectinformatieobjecten__object", type="url", values=_objects),
    Filter(
        "objectinformatieobjecten__objectType",
        type="choice",
        choices=_OBJECT_TYPES,
        values=_object_types,
    ),
)


# -- collections --------------------------------------------------------------------------


class EnkelvoudigInformatieObjecten(Collection):
    api = DOCUMENTEN
    name = EIO
    uuid_field = False
    required = (
        "bronorganisatie",
        "creatiedatum",
        "titel",
        "auteur",
        "taal",
        "informatieobjecttype",
    )
    url_fields = ("informatieobjecttype", "link")
    date_fields = ("creatiedatum", "ontvangstdatum", "verzenddatum")
    rsin_fields = ("bronorganisatie",)
    choice_fields: ClassVar[dict[str, tuple[str, ...]]] = {
        "vertrouwelijkheidaanduiding": ("", *VERTROUWELIJKHEID),
        "status": _STATUSSEN,
    }
    references: ClassVar[dict[str, str]] = {
        "informatieobjecttype": "catalogi/informatieobjecttypen",
    }
    filters = EIO_FILTERS
    ordering = (
        "auteur",
        "bestandsomvang",
        "formaat",
        "creatiedatum",
        "status",
        "titel",
        "vertrouwelijkheidaanduiding",
    )
    expand = frozenset({"informatieobjecttype"})
    audit_resource = "enkelvoudiginformatieobject"

    def __init__(self, backend: InMemoryBackend) -> None:
        super().__init__(backend)
        self.files: dict[str, dict[int, StoredFile]] = {}
        self.versions: dict[str, dict[int, JSON]] = {}

    def defaults(self) -> JSON:
        return {
            "identificatie": "",
            "bronorganisatie": "",
            "creatiedatum": None,
            "titel": "",
            "vertrouwelijkheidaanduiding": "",
            "auteur": "",
            "status": "",
            "formaat": "",
            "taal": "",
            "versie": 1,
            "beginRegistratie": None,
            "bestandsnaam": "",
            "inhoud": None,
            "bestandsomvang": None,
            "link": "",
            "beschrijving": "",
            "ontvangstdatum": None,
            "verzenddatum": None,
            "indicatieGebruiksrecht": None,
            "verschijningsvorm": "",
            "ondertekening": None,
            "integriteit": None,
            "informatieobjecttype": "",
            "locked": False,
            "bestandsdelen": [],
            "trefwoorden": [],
            "lock": "",
        }

    @property
    def parts(self) -> Bestandsdelen:
        parts = self.backend.collections[(DOCUMENTEN, "bestandsdelen")]
        assert isinstance(parts, Bestandsdelen)
        return parts

    def download_url(self, url: str, versie: int) -> str:
        return f"{url}/download?versie={versie}"

    # -- writes ---------------------------------------------------------------------------

    def clean_input(self, data: JSON) -> JSON:
        return {k: v for k, v in super().clean_input(data).items() if k not in _READ_ONLY}

    def validate(self, ctx: RequestContext, body: JSON, previous: JSON | None) -> None:
        inhoud = body.get("inhoud")
        content = decode_base64(inhoud) if isinstance(inhoud, str) and inhoud else None
        if previous is not None:
            current = previous.get("lock", "")
            if not current:
                raise _non_field("unlocked", _NOT_LOCKED)
            if "lock" not in body:
                raise _non_field("missing-lock-id", "Je moet het lock ID meegeven")
            if body["lock"] != current:
                raise _non_field("incorrect-lock-id", "Het lock ID is niet geldig")
        size = body.get("bestandsomvang")
        if ctx.method == "PATCH" and previous is not None:
            kept = self._file(previous) if "inhoud" not in body else None
            content = kept.content if kept is not None else content
            size = body.get("bestandsomvang", previous.get("bestandsomvang"))
            if content is not None and len(content) != size:
                raise _non_field("file-size", _FILE_SIZE)
        elif content is not None and "bestandsomvang" in body and len(content) != size:
            raise _non_field("file-size", _FILE_SIZE)
        iotype = self.backend.get(str(body.get("informatieobjecttype") or "")) or {}
        if iotype.get("concept"):
            raise invalid(
                "informatieobjecttype", "De resource is niet gepubliceerd.", "not-published"
            )
        if previous is None and body.get("indicatieGebruiksrecht"):
            raise invalid(
                "indicatieGebruiksrecht",
                "De indicatie moet op 'ja' gezet worden door `gebruiksrechten` aan te maken, "
                "dit kan niet direct op deze resource.",
                "missing-gebruiksrechten",
            )

    def prepare(self, body: JSON, previous: JSON | None) -> None:
        key = _key(body["url"])
        if previous is None:
            body["versie"] = int(body.get("versie") or 1)
            if not body.get("identificatie"):
                body["identificatie"] = self._identificatie(body)
            if not body.get("vertrouwelijkheidaanduiding"):
                iotype = self.backend.get(str(body.get("informatieobjecttype") or "")) or {}
                body["vertrouwelijkheidaanduiding"] = iotype.get("vertrouwelijkheidaanduiding", "")
        else:
            body["versie"] = int(previous.get("versie") or 1) + 1
            body["lock"] = previous.get("lock", "")
            body["identificatie"] = body.get("identificatie") or previous.get("identificatie")
            self.parts.wipe(body["url"])
        if previous is not None or not body.get("beginRegistratie"):
            body["beginRegistratie"] = now_iso()
        seeded_parts = body.pop("bestandsdelen", None)
        body.pop("locked", None)
        if self._store_content(key, body, previous):
            self.parts.create(body["url"], int(body["bestandsomvang"]), seeded_parts)
            if previous is None and not body.get("lock"):
                body["lock"] = uuidlib.uuid4().hex
        stored = self.files.get(key, {}).get(body["versie"])
        body["inhoud"] = self.download_url(body["url"], body["versie"]) if stored else None

    def _store_content(self, key: str, body: JSON, previous: JSON | None) -> bool:
        """Keep the version's bytes; True when a chunked upload has to start."""
        inhoud, size, versie = body.get("inhoud"), body.get("bestandsomvang"), body["versie"]
        files = self.files.setdefault(key, {})
        now = dt.datetime.now(dt.timezone.utc)
        if isinstance(inhoud, str) and inhoud and not is_url(inhoud):
            try:
                content = decode_base64(inhoud)
            except ProblemError:
                content = b""
            files[versie] = StoredFile(content, f"{uuidlib.uuid4()}.bin", now)
            body["bestandsomvang"] = len(content)
            return False
        if isinstance(inhoud, str) and inhoud:
            # a download URL: keep the current bytes (PATCH), or a seed copied from a read
            kept = self._file(previous) if previous is not None else None
            if kept is None and previous is None:
                kept = StoredFile(bytes(int(size or 0)), f"{uuidlib.uuid4()}.bin", now)
            if kept is not None:
                files[versie] = kept
            return False
        if size == 0:
            files[versie] = StoredFile(b"", "empty_file.bin", now)
            return False
        return isinstance(size, int) and size > 0

    def _file(self, body: JSON) -> StoredFile | None:
        return self.files.get(_key(body["url"]), {}).get(int(body.get("versie") or 1))

    def _identificatie(self, body: JSON) -> str:
        year = str(body.get("creatiedatum") or dt.date.today().isoformat())[:4]
        taken = {b.get("identificatie") for b in self.table.values()}
        while True:
            candidate = f"DOCUMENT-{year}-{self.backend.next_number('document'):010d}"
            if candidate not in taken:
                return candidate

    def after_write(self, body: JSON, previous: JSON | None) -> None:
        self._snapshot(body)

    def _snapshot(self, body: JSON) -> None:
        """Keep this version readable with ``?versie=`` after later updates."""
        self.versions.setdefault(_key(body["url"]), {})[body["versie"]] = copy.deepcopy(body)

    def after_delete(self, body: JSON) -> None:
        url, key = body["url"], _key(body["url"])
        self.parts.wipe(url)
        self.files.pop(key, None)
        self.versions.pop(key, None)
        for name in ("gebruiksrechten", "verzendingen", "objectinformatieobjecten"):
            related = self.backend.related(DOCUMENTEN, name, "informatieobject").get(url, [])
            for item in list(related):
                self.backend.unstore(DOCUMENTEN, name, _key(item["url"]))

    # -- reads ----------------------------------------------------------------------------

    def render(self, body: JSON) -> JSON:
        current = self.table.get(_key(body["url"]), body)
        rendered = {k: copy.deepcopy(v) for k, v in body.items() if k != "lock"}
        rendered["locked"] = bool(current.get("lock"))
        rendered["bestandsdelen"] = [self.parts.render(p) for p in self.parts.of(body["url"])]
        order = [*self.defaults(), *rendered]
        ordered = {k: rendered[k] for k in dict.fromkeys(order) if k in rendered}
        ordered["_expand"] = {}
        return ordered

    def render_write(self, body: JSON) -> JSON:
        rendered = self.render(body)
        rendered.pop("_expand", None)
        return rendered

    def version(self, ctx: RequestContext) -> JSON:
        """The stored body asked for with ``?versie=`` or ``?registratieOp=`` (else latest)."""
        body = self.get_or_404(ctx)
        versions = self.versions.get(ctx.params["uuid"], {})
        if "versie" in ctx.query:
            try:
                wanted = int(ctx.query["versie"])
            except ValueError:
                raise invalid("versie", "Voer een geheel getal in.") from None
            if wanted not in versions:
                raise ProblemError(404)
            return versions[wanted]
        if "registratieOp" in ctx.query:
            moment = parse_datetime(ctx.query["registratieOp"])
            earlier = [
                v for v in versions.values() if parse_datetime(str(v["beginRegistratie"])) <= moment
            ]
            if not earlier:
                raise ProblemError(404)
            return max(earlier, key=lambda v: int(v["versie"]))
        return body

    # -- routes ---------------------------------------------------------------------------

    def register(self, router: Router) -> None:
        super().register(router)
        router.add(DOCUMENTEN, f"{EIO}/_zoek", {"POST": self.handle_zoek})
        router.add(DOCUMENTEN, f"{EIO}/{{uuid}}/download", {"GET": self.handle_download})
        router.add(DOCUMENTEN, f"{EIO}/{{uuid}}/lock", {"POST": self.handle_lock})
        router.add(DOCUMENTEN, f"{EIO}/{{uuid}}/unlock", {"POST": self.handle_unlock})

    def handle_read(self, ctx: RequestContext) -> httpx.Response:
        rendered = self.render(self.version(ctx))
        etag = etag_of(rendered)
        if if_none_match(ctx.request.headers.get("If-None-Match"), etag):
            return empty_response(304, {"ETag": etag})
        paths = self.expand_paths(ctx.query.get_list("expand"))
        return json_response(200, self._expanded(rendered, paths), {"ETag": etag})

    def handle_create(self, ctx: RequestContext) -> httpx.Response:
        """Like the generic create, but the 201 also shows ``lock`` (read-only on input)."""
        data = self.clean_input(ctx.json_object())
        data.pop("lock", None)
        self.check(ctx, data, None, partial=False)
        body = self.insert(data)
        self.backend.record_audit(ctx, self, "create", None, body)
        answer = {**self.render_write(body), "lock": body.get("lock", "")}
        return json_response(201, answer, {"Location": body["url"]})

    def handle_delete(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        if _relations(ctx, body):
            raise _non_field(
                "pending-relations",
                "All relations to the document must be destroyed before destroying the document",
            )
        if body.get("lock"):
            raise _non_field("destroy-locked", "Gelockte objecten mogen niet worden verwijderd")
        return super().handle_delete(ctx)

    def handle_zoek(self, ctx: RequestContext) -> httpx.Response:
        """``POST _zoek``: ``uuid__in`` plus the list filters in the body."""
        body = ctx.json_object()
        if not body:
            raise _non_field("empty_search_body", "Je moet zoekparameters opgeven")
        expand = body.get("expand") or []
        expand = [expand] if isinstance(expand, str) else [str(v) for v in expand]
        search = Filter("uuid__in", type="uuid", values=_uuid)
        given = [(k, v) for k, v in body.items() if k not in ("expand", "uuid__in")]
        rows = self.query(ctx, given, [])
        if "uuid__in" in body:
            wanted = search.parse(body["uuid__in"])
            rows = [r for r in rows if search.matches(ctx, r, wanted)]
        return self.list_response(ctx, rows, expand + ctx.query.get_list("expand"))

    def handle_download(self, ctx: RequestContext) -> httpx.Response:
        """The bytes, as Open Zaak's sendfile answers them (no ``API-version``)."""
        stored = self._file(self.version(ctx))
        if stored is None:
            return empty_response(204)
        headers = {
            "Content-Type": "application/octet-stream",
            "Content-Disposition": f'attachment; filename="{stored.filename}"',
            "Last-Modified": format_datetime(stored.modified, usegmt=True),
            "ETag": f'"{hashlib.md5(stored.content, usedforsecurity=False).hexdigest()}"',
        }
        return httpx.Response(
            200, headers=headers, content=stored.content, extensions={"no_api_version": True}
        )

    def handle_lock(self, ctx: RequestContext) -> httpx.Response:
        body = self.get_or_404(ctx)
        if body.get("lock"):
            raise _non_field("existing-lock", "Het document is al geblokkeerd")
        body["lock"] = uuidlib.uuid4().hex
        self.backend.store(DOCUMENTEN, EIO, ctx.params["uuid"], body)
        return json_response(200, {"lock": body["lock"]})

    def handle_unlock(self, ctx: RequestContext) -> httpx.Response:
        """Unlock; after a chunked upload the parts are merged into the version's content."""
        body = self.get_or_404(ctx)
        given = ctx.json_object().get("lock", "")
        if given != body.get("lock", ""):
            raise _non_field("incorrect-lock-id", "Het lock ID is niet geldig")
        parts = self.parts.of(body["url"])
        if parts and not all(p["voltooid"] for p in parts):
            raise _non_field(
                "incomplete-upload", "Nog niet alle bestandsdelen zijn volledig geüpload"
            )
        if not parts and self._file(body) is None and (body.get("bestandsomvang") or 0) > 0:
            raise _non_field(
                "file-size", "Je moet een bestand uploaden of de bestandsomvang op 0 zetten"
            )
        body["lock"] = ""
        if parts:
            content = self.parts.merge(body["url"])
            filename = body.get("bestandsnaam") or f"{uuidlib.uuid4()}.bin"
            now = dt.datetime.now(dt.timezone.utc)
            self.files.setdefault(ctx.params["uuid"], {})[body["versie"]] = StoredFile(
                content, filename, now
            )
            self.parts.wipe(body["url"])
            body["inhoud"] = self.download_url(body["url"], body["versie"])
            body["beginRegistratie"] = now_iso()
            self._snapshot(body)
        self.backend.store(DOCUMENTEN, EIO, ctx.params["uuid"], body)
        return empty_response(204)

    def audit_main_object(self, body: JSON) -> str | None:
        return str(body["url"])


COLLECTIONS: tuple[type[Collection], ...] = (
    Bestandsdelen,
    EnkelvoudigInformatieObjecten,
    ObjectInformatieObjecten,
    Gebruiksrechten,
    Verzendingen,
    DocumentAuditTrail,
)


def install(backend: InMemoryBackend) -> None:
    """Register the Documenten API collections on ``backend``."""
    for collection in COLLECTIONS:
        backend.register(collection)
