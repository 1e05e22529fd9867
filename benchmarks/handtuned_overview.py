"""The hand-tuned bound: a citizen's "Mijn Zaken" written directly on httpx.

What an integrator who knows these APIs well would write for one portal page: asyncio, one
keep-alive ``httpx.AsyncClient``, at most ``concurrency`` requests in flight, and the fewest
requests the APIs allow:

* the citizen's zaken in one ``POST zaken/_zoek`` (the BSN in the body); for the plain
  overview with ``status`` and ``resultaat`` embedded, for details without: each zaak's
  statussen are listed anyway and the current one is the one ``zaak.status`` names;
* the citizen's initiator rollen in one list, beside it (they decide which zaken are
  theirs);
* the catalogi once: per zaaktype the zaaktype and its statustypen, for details the
  catalogus's informatieobjecttypen and the zaaktype's besluittypen in one list each;
* per shown zaak (details): its statussen, its documents in one request (the EIO list
  filtered on ``objectinformatieobjecten__object``) and its besluiten;
* the citizen's klantcontacten in one request, filtered on the partij identificator with
  ``expand=gingOverOnderwerpobjecten`` (which zaak each is about);
* the open taken in one ``POST objects/search``.

It applies the same visibility rules as ``zgw_client.mijnzaken.Policy()``'s defaults
(``extern`` zaaktypen, up to ``zaakvertrouwelijk``, documents ``definitief`` or
``gearchiveerd``, steps with ``informeren: false`` hidden, the ``initiator`` rol) and
returns [`content`][benchmarks.handtuned_overview.content]-shaped data: what a portal shows
(per zaak its summary, steps, documents, besluiten and contact moments, and the open taken).
``tests/test_handtuned_overview.py`` checks that it equals the SDK's overview for the
seeded citizen, so the benchmark compares like with like.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx
import jwt

ORDER = [
    "openbaar",
    "beperkt_openbaar",
    "intern",
    "zaakvertrouwelijk",
    "vertrouwelijk",
    "confidentieel",
    "geheim",
    "zeer_geheim",
]
MAX_LEVEL = ORDER.index("zaakvertrouwelijk")
DOCUMENT_STATUSES = ("definitief", "gearchiveerd")


@dataclass(frozen=True)
class Stack:
    """Where the APIs are and how to authenticate (JWT-ZGW for Open Zaak, tokens else)."""

    roots: dict[str, str]
    client_id: str
    secret: str
    tokens: dict[str, str] = field(default_factory=dict)

    def root(self, name: str) -> str:
        return self.roots[name].rstrip("/") + "/"


class _Auth(httpx.Auth):
    """A fresh JWT-ZGW per minute for the Open Zaak APIs, ``Token`` for the others."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        self._jwt = ""
        self._made = 0.0
        self._token_roots = [
            (stack.root(name), token) for name, token in stack.tokens.items() if token
        ]

    def auth_flow(self, request: httpx.Request) -> Any:
        url = str(request.url)
        for root, token in self._token_roots:
            if url.startswith(root):
                request.headers["Authorization"] = f"Token {token}"
                break
        else:
            now = time.time()
            if now - self._made > 60:
                self._jwt = jwt.encode(
                    {
                        "iss": self.stack.client_id,
                        "client_id": self.stack.client_id,
                        "user_id": self.stack.client_id,
                        "user_representation": self.stack.client_id,
                        "iat": int(now),
                    },
                    self.stack.secret,
                    algorithm="HS256",
                )
                self._made = now
            request.headers["Authorization"] = f"Bearer {self._jwt}"
        yield request


def new_http(
    stack: Stack,
    concurrency: int = 8,
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    event_hooks: dict[str, list[Callable[..., Any]]] | None = None,
) -> httpx.AsyncClient:
    """The one keep-alive client of a portal process."""
    return httpx.AsyncClient(
        auth=_Auth(stack),
        headers={"Accept-Crs": "EPSG:4326", "Content-Crs": "EPSG:4326"},
        limits=httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency),
        timeout=30,
        transport=transport,
        event_hooks=event_hooks,
    )


class HandTuned:
    """One overview per call; ``concurrency`` requests in flight at most."""

    def __init__(self, http: httpx.AsyncClient, stack: Stack, concurrency: int = 8) -> None:
        self.http = http
        self.stack = stack
        self.slots = asyncio.Semaphore(concurrency)

    async def _send(self, method: str, url: str, **kwargs: Any) -> Any:
        async with self.slots:
            response = await self.http.request(method, url, **kwargs)
        response.raise_for_status()
        return response.json()

    async def _all(self, method: str, url: str, **kwargs: Any) -> list[Any]:
        """Every item of a (paginated) list."""
        page = await self._send(method, url, **kwargs)
        if isinstance(page, list):
            return page
        items = list(page["results"])
        while page.get("next"):
            if method == "POST":
                page = await self._send("POST", page["next"], json=kwargs.get("json"))
            else:
                page = await self._send("GET", page["next"])
            items.extend(page["results"])
        return items

    async def overview(self, bsn: str, *, details: bool) -> dict[str, Any]:
        stack = self.stack
        zrc, ztc = stack.root("zaken"), stack.root("catalogi")
        body: dict[str, Any] = {"rol__betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn}
        if not details:
            body["expand"] = ["status", "resultaat"]
        zaken_task = asyncio.ensure_future(
            self._all("POST", zrc + "zaken/_zoek", params={"pageSize": 100}, json=body)
        )
        rollen_task = asyncio.ensure_future(
            self._all(
                "GET",
                zrc + "rollen",
                params={
                    "betrokkeneIdentificatie__natuurlijkPersoon__inpBsn": bsn,
                    "omschrijvingGeneriek": "initiator",
                    "pageSize": 100,
                },
            )
        )
        taken_task = asyncio.ensure_future(self._taken(bsn)) if "objecten" in stack.roots else None
        contacts_task = (
            asyncio.ensure_future(self._contacts(bsn))
            if details and "klantinteracties" in stack.roots
            else None
        )
        zaken = await zaken_task
        # The catalogi, once per zaaktype (and per catalogus for the document types).
        zaaktypen: dict[str, asyncio.Future[Any]] = {}
        statustypen: dict[str, asyncio.Future[Any]] = {}
        besluittypen: dict[str, asyncio.Future[Any]] = {}
        for zaak in zaken:
            url = zaak["zaaktype"]
            if url not in zaaktypen:
                zaaktypen[url] = asyncio.ensure_future(self._send("GET", url))
                statustypen[url] = asyncio.ensure_future(
                    self._all("GET", ztc + "statustypen", params={"zaaktype": url})
                )
                if details:
                    besluittypen[url] = asyncio.ensure_future(
                        self._all("GET", ztc + "besluittypen", params={"zaaktypen": url})
                    )
        iotypen: dict[str, asyncio.Future[Any]] = {}

        async def one(zaak: dict[str, Any]) -> dict[str, Any] | None:
            zaaktype = await zaaktypen[zaak["zaaktype"]]
            rollen = await rollen_task
            if not _shown(zaak, zaaktype, rollen, bsn):
                return None
            if details:
                catalogus = zaaktype["catalogus"]
                if catalogus not in iotypen:
                    iotypen[catalogus] = asyncio.ensure_future(
                        self._all(
                            "GET", ztc + "informatieobjecttypen", params={"catalogus": catalogus}
                        )
                    )
                statussen, documents, besluiten = await asyncio.gather(
                    self._all("GET", zrc + "statussen", params={"zaak": zaak["url"]}),
                    self._all(
                        "GET",
                        stack.root("documenten") + "enkelvoudiginformatieobjecten",
                        params={"objectinformatieobjecten__object": zaak["url"]},
                    ),
                    self._all(
                        "GET", stack.root("besluiten") + "besluiten", params={"zaak": zaak["url"]}
                    ),
                )
                status = next((s for s in statussen if s["url"] == zaak.get("status")), None)
                resultaat = (
                    await self._send("GET", zaak["resultaat"]) if zaak.get("resultaat") else None
                )
            else:
                embedded = zaak.get("_expand") or {}
                status, resultaat, statussen, documents, besluiten = (
                    embedded.get("status"),
                    embedded.get("resultaat"),
                    [],
                    [],
                    [],
                )
            resultaattype = (
                await self._send("GET", resultaat["resultaattype"])
                if resultaat and zaak.get("einddatum")
                else None
            )
            return {
                "zaak": zaak,
                "zaaktype": zaaktype,
                "statustypen": await statustypen[zaak["zaaktype"]],
                "status": status,
                "resultaattype": resultaattype,
                "statussen": statussen,
                "documents": documents,
                "besluiten": besluiten,
                "besluittypen": await besluittypen[zaak["zaaktype"]] if details else [],
            }

        found = [z for z in await asyncio.gather(*(one(z) for z in zaken)) if z is not None]
        iotype_names = {
            t["url"]: t.get("omschrijving") for future in iotypen.values() for t in await future
        }
        taken = await taken_task if taken_task else []
        contacts = await contacts_task if contacts_task else []
        return _content(found, iotype_names, taken, contacts, details=details)

    async def _taken(self, bsn: str) -> list[Any]:
        return await self._all(
            "POST",
            self.stack.root("objecten") + "objects/search",
            params={"pageSize": 100},
            # One comma-joined string: a ``data_attr`` list in the body makes the server fail.
            json={
                "data_attrs": ",".join(
                    [
                        "identificatie__type__exact__bsn",
                        f"identificatie__value__exact__{bsn}",
                        "status__exact__open",
                    ]
                )
            },
        )

    async def _contacts(self, bsn: str) -> list[Any]:
        return await self._all(
            "GET",
            self.stack.root("klantinteracties") + "klantcontacten",
            params={
                "hadBetrokkene__wasPartij__partijIdentificator__codeSoortObjectId": "bsn",
                "hadBetrokkene__wasPartij__partijIdentificator__objectId": bsn,
                "expand": "gingOverOnderwerpobjecten",
                "pageSize": 100,
            },
        )


def _level(value: Any) -> int:
    return ORDER.index(value) if value in ORDER else len(ORDER) - 1


def _shown(zaak: dict[str, Any], zaaktype: dict[str, Any], rollen: list[Any], bsn: str) -> bool:
    ours = any(
        r.get("zaak") == zaak["url"]
        and r.get("omschrijvingGeneriek") == "initiator"
        and r.get("indicatieMachtiging") != "gemachtigde"
        and (r.get("betrokkeneIdentificatie") or {}).get("inpBsn") == bsn
        for r in rollen
    )
    return (
        ours
        and zaaktype.get("indicatieInternOfExtern") == "extern"
        and _level(zaak.get("vertrouwelijkheidaanduiding")) <= MAX_LEVEL
    )


def _when(value: str | None) -> dt.datetime | None:
    if not value:
        return None
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.timezone.utc)


def _content(
    found: list[dict[str, Any]],
    iotype_names: dict[str, Any],
    taken: list[Any],
    contacts: list[Any],
    *,
    details: bool,
) -> dict[str, Any]:
    open_taken = [t["record"]["data"] for t in taken]
    per_zaak_taken: dict[str, int] = {}
    for data in open_taken:
        koppeling = data.get("koppeling") or {}
        if koppeling.get("registratie") == "zaak" and koppeling.get("uuid"):
            key = str(koppeling["uuid"]).lower()
            per_zaak_taken[key] = per_zaak_taken.get(key, 0) + 1
    contacts_of: dict[str, list[tuple[Any, ...]]] = {}
    for contact in contacts:
        for onderwerp in (contact.get("_expand") or {}).get("gingOverOnderwerpobjecten", []):
            ident = onderwerp.get("onderwerpobjectidentificator") or {}
            if ident.get("codeObjecttype") == "zaak" and ident.get("objectId"):
                contacts_of.setdefault(str(ident["objectId"]).lower(), []).append(
                    (contact["url"], contact.get("onderwerp"), contact.get("kanaal"))
                )
    zaken: dict[str, Any] = {}
    for item in found:
        zaak, zaaktype = item["zaak"], item["zaaktype"]
        types = sorted(item["statustypen"], key=lambda s: s.get("volgnummer") or 0)
        by_url = {s["url"]: s for s in types}
        status = item["status"]
        current = by_url.get(status["statustype"]) if status else None
        shown = [s for s in types if s.get("informeren") is not False]
        statussen = item["statussen"] if details else ([status] if status else [])
        reached: dict[str, dt.datetime] = {}
        for s in statussen:
            at = _when(s.get("datumStatusGezet"))
            if at is not None and (s["statustype"] not in reached or at < reached[s["statustype"]]):
                reached[s["statustype"]] = at
        current_number = (current.get("volgnummer") or 0) if current else 0
        steps = []
        for st in shown:
            if current is not None and st["url"] == current["url"]:
                state = "current"
            elif (st.get("volgnummer") or 0) < current_number or st["url"] in reached:
                state = "done"
            else:
                state = "upcoming"
            naam = st.get("statustekst") or st.get("omschrijving")
            steps.append((st.get("volgnummer") or 0, naam, state, reached.get(st["url"])))
        afgerond = zaak.get("einddatum") is not None
        states = [s[2] for s in steps]
        progress = (
            None
            if not states
            else (
                len(states) if afgerond else sum(s in ("done", "current") for s in states),
                len(states),
            )
        )
        text = None
        if current is not None:
            text = current.get("statustekst") or current.get("omschrijving") or None
        if text is None and status is not None:
            text = status.get("statustoelichting") or None
        resultaattype = item["resultaattype"]
        summary = {
            "identificatie": zaak.get("identificatie"),
            "zaaktype": zaaktype.get("omschrijving"),
            "omschrijving": zaak.get("omschrijving") or None,
            "status": text,
            "progress": progress,
            "afgerond": afgerond,
            "resultaat": (resultaattype or {}).get("omschrijving") if afgerond else None,
            "open_taken": per_zaak_taken.get(str(zaak.get("uuid", "")).lower(), 0),
        }
        entry: dict[str, Any] = {"summary": summary}
        if details:
            besluittype_names = {b["url"]: b.get("omschrijving") for b in item["besluittypen"]}
            entry["steps"] = steps
            entry["documenten"] = sorted(
                (
                    d["url"],
                    d.get("titel"),
                    iotype_names.get(d.get("informatieobjecttype")),
                    d.get("bestandsnaam") or None,
                    d.get("bestandsomvang"),
                )
                for d in item["documents"]
                if d.get("status") in DOCUMENT_STATUSES
                and _level(d.get("vertrouwelijkheidaanduiding")) <= MAX_LEVEL
            )
            entry["besluiten"] = sorted(
                (
                    b["url"],
                    b.get("identificatie"),
                    besluittype_names.get(b.get("besluittype")),
                    b.get("datum"),
                )
                for b in item["besluiten"]
            )
            entry["contactmomenten"] = sorted(
                contacts_of.get(str(zaak.get("uuid", "")).lower(), [])
            )
        zaken[zaak["url"]] = entry
    return {
        "zaken": zaken,
        "taken": sorted((t.get("titel"), t.get("status")) for t in open_taken),
    }


def content(overview: Any) -> dict[str, Any]:
    """The same shape from a ``zgw_client.mijnzaken.Overview``, to compare with."""
    details = {d.zaak.url: d for d in overview.details or []}
    zaken: dict[str, Any] = {}
    for summary in [*overview.lopende_zaken, *overview.afgeronde_zaken]:
        entry: dict[str, Any] = {
            "summary": {
                "identificatie": summary.identificatie,
                "zaaktype": summary.zaaktype,
                "omschrijving": summary.omschrijving,
                "status": summary.status,
                "progress": (
                    (summary.progress.current, summary.progress.total) if summary.progress else None
                ),
                "afgerond": summary.afgerond,
                "resultaat": summary.resultaat,
                "open_taken": summary.open_taken,
            }
        }
        detail = details.get(summary.url)
        if detail is not None:
            entry["steps"] = [(s.volgnummer, s.naam, s.state, s.reached_at) for s in detail.steps]
            entry["documenten"] = sorted(
                (d.url, d.titel, d.type, d.bestandsnaam, d.size) for d in detail.documenten
            )
            entry["besluiten"] = sorted(
                (b.url, b.identificatie, b.besluittype, b.datum.isoformat() if b.datum else None)
                for b in detail.besluiten
            )
            entry["contactmomenten"] = sorted(
                (c.url, c.onderwerp, c.kanaal) for c in detail.contactmomenten
            )
        zaken[summary.url] = entry
    return {"zaken": zaken, "taken": sorted((t.titel, t.status) for t in overview.taken)}


async def run_once(
    stack: Stack,
    bsn: str,
    *,
    details: bool,
    http: httpx.AsyncClient | None = None,
    concurrency: int = 8,
) -> dict[str, Any]:
    """One overview on ``http`` (or a new client, closed after)."""
    own = http is None
    client = http or new_http(stack, concurrency)
    try:
        return await HandTuned(client, stack, concurrency).overview(bsn, details=details)
    finally:
        if own:
            await client.aclose()
