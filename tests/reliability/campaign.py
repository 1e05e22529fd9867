"""The fault, fuzz and leak campaign: one module shared by the tests and the report script.

Four parts, each run on both faces (sync and async) with the same inputs:

* **socket faults** on a real loopback server (``tests/support/fake_server.py``): resets
  before and in the middle of a body, truncation, a body or headers dripped past the
  deadline, stalls past the read timeout, bytes that are no HTTP, 429 with ``Retry-After``
  in seconds and as an HTTP date, bursts of 5xx, redirects, bodies over the size cap; a
  sweep of every kind over the operations, then hypothesis-drawn sequences of faults;
* **payload fuzzing** through a mock transport: hypothesis-generated JSON bodies and
  headers for detail, list, create and error responses, crafted ``next`` links;
* **credential leaks**: crafted URLs (encoded dot segments, slashes, other hosts) entering
  through a user URL, a followed reference, a ``next`` link, a redirect and a bestandsdeel,
  against a capture server beside a second, unconfigured one;
* **BSN in output**: every exception (chain included), every log line (httpx's and
  httpcore's too), the CLI's stderr and the reprs of models, clients and errors, while the
  servers put BSNs in bodies, headers and URLs.

Hypothesis runs derandomized (a fixed seed per test function) with a bounded number of
examples, so a run is repeatable and its length bounded. Nothing here asserts: it counts,
and keeps a description of every failure in [`Tally`][tests.reliability.campaign.Tally].
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import itertools
import json
import logging
import ssl
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.support.fake_server import FakeServer, Reply, Seen, fake_server
from zgw_client import (
    AsyncZGWClient,
    RetryPolicy,
    Service,
    Timeouts,
    TokenCredentials,
    ZGWClient,
    ZGWConfig,
    ZGWCredentials,
    ZGWError,
)

FACES = ("sync", "async")
ZAKEN = "/zaken/api/v1/"
DOCUMENTEN = "/documenten/api/v1/"
KLANT = "/klantinteracties/api/v1/"
UUID = "4f1f6c37-9a3b-4a59-8d7a-6d0c2a0c0001"
#: BSNs the servers put in what they answer (all pass the 11-proef).
BSNS = ("999993653", "111222333", "123456782")
MASK = "*********"

#: The campaign's policy: small timeouts so that a fault costs little time.
READ_TIMEOUT = 0.2
DEADLINE = 0.5
RETRY = RetryPolicy(
    max_attempts=3, deadline=DEADLINE, backoff_initial=0, backoff_max=0, retry_after_max=2
)
#: A call may end this much after its deadline (scheduling, the last read's clean-up).
DEADLINE_SLACK = 1.0
SIZE_CAP = 64 * 1024


# -- the tally ------------------------------------------------------------------------------
@dataclass
class Tally:
    """What the campaign did and found. Every list of failures should stay empty."""

    #: (face, kind) -> faults the server actually served, and those the client survived
    injected: Counter[tuple[str, str]] = field(default_factory=Counter)
    survived: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: (face, kind) -> calls that still succeeded (retried, redirected) despite the fault
    recovered: Counter[tuple[str, str]] = field(default_factory=Counter)
    recovered_by_operation: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    #: (face, target, outcome class) -> fuzzed payloads
    payloads: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    #: (face, vector) -> crafted URLs offered; leaks lists every credential that got out
    leak_attempts: Counter[tuple[str, str]] = field(default_factory=Counter)
    #: (face or "cli", channel) -> texts checked for a BSN
    bsn_checks: Counter[tuple[str, str]] = field(default_factory=Counter)
    leaks: list[str] = field(default_factory=list)
    escapes: list[str] = field(default_factory=list)  # an exception outside ZGWError
    duplicates: list[str] = field(default_factory=list)  # a POST/PATCH seen twice
    overruns: list[str] = field(default_factory=list)  # a call past its deadline
    bsn_hits: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def failures(self) -> list[str]:
        return self.escapes + self.duplicates + self.overruns + self.leaks + self.bsn_hits


def outcome_class(error: BaseException | None) -> str:
    """``ok``, the ZGWError's class name, or ``ESCAPED <type>`` for anything else."""
    if error is None:
        return "ok"
    if isinstance(error, ZGWError):
        return type(error).__name__
    return f"ESCAPED {type(error).__name__}"


# -- running a call on either face ----------------------------------------------------------
class Faces:
    """Builds clients of either face and runs a call on it (one event loop throughout)."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.tls = ssl.create_default_context()  # one context: httpx makes one per client

    def close(self) -> None:
        self.loop.close()

    def client(self, face: str, config: ZGWConfig, transport: Any = None) -> Any:
        if face == "sync":
            return ZGWClient(config, http_client=httpx.Client(verify=self.tls, transport=transport))
        return AsyncZGWClient(
            config, http_client=httpx.AsyncClient(verify=self.tls, transport=transport)
        )

    def run(self, face: str, call: Callable[[], Any]) -> tuple[Any, BaseException | None]:
        """``call()``'s result (awaited for the async face) or the exception it raised."""
        try:
            if face == "sync":
                return call(), None

            async def awaited() -> Any:
                return await call()

            return self.loop.run_until_complete(awaited()), None
        except Exception as error:  # counted, never raised: the tally says what happened
            return None, error

    def close_client(self, face: str, client: Any) -> None:
        if face == "sync":
            client.close()
        else:
            self.loop.run_until_complete(client.aclose())


def _collect(paginator: Any) -> Any:
    """``to_list()`` of a paginator (a coroutine for the async face)."""
    return paginator.to_list()


# -- watching the output channels for BSNs --------------------------------------------------
class OutputWatch(logging.Handler):
    """Every log record of the campaign (zgw_client, httpx, httpcore) is checked for BSNs."""

    LOGGERS = ("zgw_client", "httpx", "httpcore")

    def __init__(self, tally: Tally) -> None:
        super().__init__(logging.DEBUG)
        self.tally = tally
        self.face = "-"

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = record.getMessage()
        except Exception:  # a broken record is the logging module's to report
            return
        channel = "logs (httpx, httpcore)" if record.name.startswith("http") else "logs"
        check_text(self.tally, self.face, channel, text)

    @contextmanager
    def installed(self) -> Iterator[OutputWatch]:
        root = logging.getLogger()
        loggers = [logging.getLogger(name) for name in self.LOGGERS]
        levels = [logger.level for logger in loggers]
        root.addHandler(self)
        for logger in loggers:
            logger.setLevel(logging.DEBUG)
        try:
            yield self
        finally:
            root.removeHandler(self)
            for logger, level in zip(loggers, levels, strict=True):
                logger.setLevel(level)


def check_text(tally: Tally, face: str, channel: str, text: str) -> None:
    tally.bsn_checks[(face, channel)] += 1
    for bsn in BSNS:
        if bsn in text:
            tally.bsn_hits.append(f"{face} {channel}: {bsn} in {text[:300]!r}")


def check_error(tally: Tally, face: str, error: BaseException | None) -> None:
    """An error's message, repr and arguments, and those of every error it chains."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, ZGWError):
            for text in (str(error), repr(error), *map(str, error.args)):
                check_text(tally, face, "exceptions", text)
        error = error.__cause__ or error.__context__


def check_repr(tally: Tally, face: str, value: Any) -> None:
    items = value if isinstance(value, list) else [value]
    for item in items[:5]:
        check_text(tally, face, "reprs", repr(item))


# -- bodies -----------------------------------------------------------------------------------
def zaak_body(base: str, **extra: Any) -> dict[str, Any]:
    return {
        "url": f"{base}{ZAKEN}zaken/{UUID}",
        "identificatie": "ZAAK-2026-0001",
        "omschrijving": f"Aanvraag van BSN {BSNS[0]}",
        "zaaktype": f"{base}/catalogi/api/v1/zaaktypen/{UUID}",
        **extra,
    }


def page_body(items: list[Any], next_url: Any = None) -> dict[str, Any]:
    return {"count": len(items), "next": next_url, "previous": None, "results": items}


def problem(status: int) -> dict[str, Any]:
    return {
        "type": "https://zgw.test/fouten/",
        "code": "fout",
        "title": f"Fout voor {BSNS[1]}",
        "status": status,
        "detail": f"Geen persoon met BSN {BSNS[0]} gevonden",
        "invalidParams": [{"name": "inpBsn", "code": "invalid", "reason": f"{BSNS[2]} onbekend"}],
    }


# == 1. socket faults =========================================================================
@dataclass(frozen=True)
class Operation:
    name: str
    method: str
    call: Callable[[Any, str, str], Any]  # (client, zaak url, case id) -> result
    success: Callable[[str], Reply]  # (base url) -> the server's good answer


def _zaak_reply(base: str) -> Reply:
    return Reply(200, zaak_body(base))


OPERATIONS = (
    Operation("get", "GET", lambda c, url, case: c.zaken.zaken.get(url), _zaak_reply),
    Operation(
        "list",
        "GET",
        lambda c, url, case: _collect(c.zaken.zaken.list(extra_params={"campaign": case})),
        lambda base: Reply(200, page_body([zaak_body(base)])),
    ),
    Operation(
        "create",
        "POST",
        lambda c, url, case: c.zaken.statussen.create(
            {"zaak": url, "statustype": url}, headers={"X-Campaign": case}
        ),
        lambda base: Reply(201, {"url": f"{base}{ZAKEN}statussen/{UUID}", "zaak": "x"}),
    ),
    Operation(
        "patch",
        "PATCH",
        lambda c, url, case: c.zaken.zaken.partial_update(
            url, {"omschrijving": "x"}, headers={"X-Campaign": case}
        ),
        _zaak_reply,
    ),
    Operation(
        "put",
        "PUT",
        lambda c, url, case: c.zaken.zaken.update(url, {"omschrijving": "x"}),
        _zaak_reply,
    ),
    Operation(
        "delete",
        "DELETE",
        lambda c, url, case: c.zaken.zaken.delete(url),
        lambda base: Reply(204),
    ),
    Operation(
        "download",
        "GET",
        lambda c, url, case: _download(c),
        lambda base: Reply(200, b"%PDF-1.7 " + b"x" * 4000),
    ),
)


def _download(client: Any) -> Any:
    """A document's content, read to the end (a coroutine for the async face)."""
    documents = client.documenten.enkelvoudiginformatieobjecten
    if isinstance(client, ZGWClient):
        return b"".join(documents.stream_download(UUID))

    async def read() -> bytes:
        return b"".join([chunk async for chunk in documents.stream_download(UUID)])

    return read()


OPERATIONS_BY_NAME = {operation.name: operation for operation in OPERATIONS}


def _http_date(offset: float) -> str:
    return email.utils.formatdate(time.time() + offset, usegmt=True)


def fault_reply(kind: str, base: str) -> Reply:
    """The server's misbehaviour of ``kind`` for one request."""
    body = zaak_body(base, padding="p" * 400)
    return {
        "reset": lambda: Reply(action="reset"),
        "reset_mid_body": lambda: Reply(200, body, action="reset_mid_body"),
        "truncate": lambda: Reply(200, body, action="truncate"),
        "drip": lambda: Reply(200, body, action="drip", interval=0.02, max_seconds=5),
        "drip_head": lambda: Reply(200, body, action="drip_head", interval=0.02, max_seconds=5),
        "stall": lambda: Reply(200, body, action="stall", interval=READ_TIMEOUT * 2),
        "garbage": lambda: Reply(action="garbage"),
        "429_seconds": lambda: Reply(429, problem(429), headers={"Retry-After": "0"}),
        "429_seconds_too_long": lambda: Reply(429, problem(429), headers={"Retry-After": "120"}),
        "429_date": lambda: Reply(429, problem(429), headers={"Retry-After": _http_date(-5)}),
        "429_date_too_far": lambda: Reply(
            429, problem(429), headers={"Retry-After": _http_date(3600)}
        ),
        "500": lambda: Reply(500, problem(500)),
        "502": lambda: Reply(502, problem(502)),
        "503": lambda: Reply(503, problem(503)),
        "504": lambda: Reply(504, problem(504)),
        "redirect_same_root": lambda: Reply(
            307, None, headers={"Location": f"{base}{ZAKEN}zaken/{UUID}?moved={BSNS[0]}"}
        ),
        "redirect_elsewhere": lambda: Reply(
            302, None, headers={"Location": f"{base}/admin/?bsn={BSNS[0]}"}
        ),
        "oversize_declared": lambda: Reply(200, {"padding": "p" * (SIZE_CAP * 2)}),
        "oversize_chunked": lambda: Reply(200, {"padding": "p" * (SIZE_CAP * 2)}, chunked=True),
    }[kind]()


#: Faults that cost about the deadline or a read timeout each: swept over fewer operations.
SLOW_FAULTS = ("drip", "drip_head", "stall")
FAST_FAULTS = (
    "reset",
    "reset_mid_body",
    "truncate",
    "garbage",
    "429_seconds",
    "429_seconds_too_long",
    "429_date",
    "429_date_too_far",
    "500",
    "502",
    "503",
    "504",
    "redirect_same_root",
    "redirect_elsewhere",
    "oversize_declared",
    "oversize_chunked",
)
#: The sync face cannot cut off headers that trickle in (see the reliability guide).
ASYNC_ONLY = frozenset({"drip_head"})


class FaultCase:
    """One call against a server that serves ``faults`` to its first requests."""

    def __init__(self, faults: list[str]) -> None:
        self.faults = list(faults)
        self.served: list[str] = []

    def responder(self, operation: Operation, base: str) -> Callable[[Seen], Reply]:
        pending = list(self.faults)

        def respond(seen: Seen) -> Reply:
            if pending:
                kind = pending.pop(0)
                self.served.append(kind)
                return fault_reply(kind, base)
            return operation.success(base)

        return respond


def run_fault_case(
    tally: Tally,
    faces: Faces,
    server: FakeServer,
    face: str,
    operation: Operation,
    faults: list[str],
    case: str,
) -> None:
    fault_case = FaultCase(faults)
    server.seen.clear()
    server.responder = fault_case.responder(operation, server.url)

    def service(path: str) -> Service:
        return Service(
            server.url + path,
            ZGWCredentials("campaign", "secret-of-the-campaign"),
            timeouts=Timeouts(connect=1.0, read=READ_TIMEOUT, write=1.0, pool=1.0),
            retry=RETRY,
            max_response_bytes=SIZE_CAP,
        )

    config = ZGWConfig({"zaken": service(ZAKEN), "documenten": service(DOCUMENTEN)})
    client = faces.client(face, config)
    url = f"{server.url}{ZAKEN}zaken/{UUID}"
    started = time.monotonic()
    result, error = faces.run(face, lambda: operation.call(client, url, case))
    elapsed = time.monotonic() - started
    faces.close_client(face, client)
    seen = list(server.seen)
    where = f"{face} {operation.name} with {'+'.join(faults)}"
    outcome = outcome_class(error)
    ok = True
    if outcome.startswith("ESCAPED"):
        tally.escapes.append(f"{where}: {outcome}: {error}")
        ok = False
    if elapsed > DEADLINE + DEADLINE_SLACK:
        tally.overruns.append(f"{where}: {elapsed:.2f} s for a {DEADLINE} s deadline")
        ok = False
    if operation.method in ("POST", "PATCH"):
        sent = [s for s in seen if s.headers.get("x-campaign") == case]
        if len(sent) > 1:
            tally.duplicates.append(f"{where}: {operation.method} reached the server {len(sent)}x")
            ok = False
    check_error(tally, face, error)
    if result is not None:
        check_repr(tally, face, result)
    for kind in fault_case.served:
        tally.injected[(face, kind)] += 1
        if ok:
            tally.survived[(face, kind)] += 1
            if error is None:
                tally.recovered[(face, kind)] += 1
                tally.recovered_by_operation[(face, kind, operation.name)] += 1


def sweep_faults(tally: Tally, faces: Faces, server: FakeServer) -> None:
    """Every fault kind, once, before a call of every operation (slow kinds: GET, POST)."""
    for face in FACES:
        for kind in FAST_FAULTS + SLOW_FAULTS:
            if face == "sync" and kind in ASYNC_ONLY:
                continue
            slow = kind in SLOW_FAULTS
            operations = tuple(OPERATIONS_BY_NAME)
            if slow:  # a download's body is read at the caller's pace: no drip for it
                operations = ("get", "create") + (("download",) if kind != "drip" else ())
            for name in operations:
                case = f"sweep-{face}-{kind}-{name}"
                operation = OPERATIONS_BY_NAME[name]
                run_fault_case(tally, faces, server, face, operation, [kind], case)


_CASES = itertools.count(1)


def fuzz_fault_sequences(tally: Tally, faces: Faces, server: FakeServer, examples: int) -> None:
    """Hypothesis-drawn sequences of one to three fast faults before one call, both faces."""

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],  # no shrinking: nothing fails inside, the tally counts
        suppress_health_check=list(HealthCheck),
    )
    @given(
        faults=st.lists(st.sampled_from(FAST_FAULTS), min_size=1, max_size=3),
        name=st.sampled_from(tuple(OPERATIONS_BY_NAME)),
    )
    def one(faults: list[str], name: str) -> None:
        for face in FACES:
            case = f"seq-{face}-{next(_CASES)}"
            operation = OPERATIONS_BY_NAME[name]
            run_fault_case(tally, faces, server, face, operation, faults, case)

    one()


# == 2. payload fuzzing ======================================================================
MOCK_BASE = "https://openzaak.test"
MOCK_ZAAK = f"{MOCK_BASE}{ZAKEN}zaken/{UUID}"

_bsn_text = st.sampled_from(BSNS).map(lambda bsn: f"BSN {bsn}")
_scalars = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**63), max_value=2**64)
    | st.floats(allow_nan=False)
    | st.text(max_size=20)
    | _bsn_text
)
JSON = st.recursive(
    _scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
URLS = st.sampled_from(
    [
        MOCK_ZAAK,
        f"{MOCK_BASE}{ZAKEN}zaken?page=2",
        f"{MOCK_BASE}{ZAKEN}zaken?page=2&inpBsn={BSNS[0]}",
        f"{MOCK_BASE}{ZAKEN}%2e%2e/%2e%2e/admin/",
        f"{MOCK_BASE}/admin/?bsn={BSNS[1]}",
        "https://evil.test/zaken/api/v1/zaken",
        "not a url",
        "",
        f"{MOCK_BASE}{ZAKEN}zaken",  # itself: a cycle
    ]
)
ZAAK_FIELDS = ("url", "identificatie", "omschrijving", "zaaktype", "startdatum", "status", "rollen")
ZAAKLIKE = st.dictionaries(st.sampled_from(ZAAK_FIELDS), JSON | URLS | _bsn_text, max_size=6).map(
    lambda body: {"url": MOCK_ZAAK, **body}
)
CONTENT_TYPES = st.sampled_from(
    [
        "application/json",
        "application/problem+json",
        "text/html",
        "",
        "application/json; charset=latin-1",
        f"x/{BSNS[0]}",
    ]
)
EXTRA_HEADERS = st.dictionaries(
    st.sampled_from(
        ["Retry-After", "Location", "API-version", "ETag", "Content-Encoding", "X-Echo"]
    ),
    st.sampled_from(
        ["0", "-1", "abc", "1.5", _http_date(-1), f"/x/{BSNS[2]}", "gzip", "br", "1.5.1", ""]
    ),
    max_size=3,
)


@st.composite
def payloads(draw: st.DrawFn) -> dict[str, Any]:
    target = draw(st.sampled_from(["detail", "list", "create", "error"]))
    if target == "detail":
        body = draw(ZAAKLIKE | JSON)
        status = draw(st.sampled_from([200, 200, 200, 201, 204, 206, 299]))
    elif target == "list":
        items = draw(st.lists(ZAAKLIKE | JSON, max_size=3))
        page = {
            "count": draw(st.integers(min_value=-1, max_value=5) | JSON),
            "next": draw(st.none() | URLS | JSON),
            "previous": draw(st.none() | URLS),
            "results": items,
        }
        body = draw(st.just(page) | st.just(items) | JSON)
        status = 200
    elif target == "create":
        body = draw(ZAAKLIKE | JSON)
        status = draw(st.sampled_from([201, 200, 202, 204]))
    else:
        body = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "code": JSON,
                    "title": JSON | _bsn_text,
                    "detail": JSON | _bsn_text,
                    "status": JSON,
                    "instance": JSON,
                    "invalidParams": st.lists(
                        st.fixed_dictionaries(
                            {}, optional={"name": JSON, "code": JSON, "reason": JSON | _bsn_text}
                        )
                        | JSON,
                        max_size=3,
                    )
                    | JSON,
                },
            )
            | JSON
        )
        status = draw(st.integers(min_value=400, max_value=599))
    raw = draw(st.none() | st.binary(max_size=30))
    return {
        "target": target,
        "status": status,
        "content": raw if raw is not None else json.dumps(body).encode(),
        "content_type": draw(CONTENT_TYPES),
        "headers": draw(EXTRA_HEADERS),
    }


def _payload_call(target: str, client: Any) -> Any:
    zaken = client.zaken
    if target == "detail":
        return zaken.zaken.get(MOCK_ZAAK)
    if target == "list":
        return _collect(zaken.zaken.list(limit=20))
    if target == "create":
        return zaken.statussen.create({"zaak": MOCK_ZAAK, "statustype": MOCK_ZAAK})
    return zaken.zaken.get(MOCK_ZAAK)


def fuzz_payloads(tally: Tally, faces: Faces, examples: int) -> None:
    """Hypothesis-generated answers through a mock transport, both faces, by outcome."""
    config = ZGWConfig(
        {
            "zaken": Service(
                MOCK_BASE + ZAKEN,
                ZGWCredentials("campaign", "secret-of-the-campaign"),
                retry=RetryPolicy(max_attempts=2, backoff_initial=0, backoff_max=0),
                max_response_bytes=SIZE_CAP,
            )
        }
    )

    @settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(payload=payloads())
    def one(payload: dict[str, Any]) -> None:
        def handler(request: httpx.Request) -> httpx.Response:
            headers = {**payload["headers"]}
            if payload["content_type"]:
                headers["Content-Type"] = payload["content_type"]
            return httpx.Response(payload["status"], headers=headers, content=payload["content"])

        for face in FACES:
            client = faces.client(face, config, transport=httpx.MockTransport(handler))
            result, error = faces.run(
                face, functools.partial(_payload_call, payload["target"], client)
            )
            faces.close_client(face, client)
            outcome = outcome_class(error)
            tally.payloads[(face, payload["target"], outcome)] += 1
            if outcome.startswith("ESCAPED"):
                tally.escapes.append(f"{face} payload {payload!r:.300}: {outcome}: {error}")
            check_error(tally, face, error)
            if result is not None:
                check_repr(tally, face, result)
            check_repr(tally, face, client)

    one()


# == 3. credential leaks =====================================================================
TOKENS = (
    "..", ".", "%2e", "%2E", "%2e%2e", ".%2e", "%2e.", "%2f", "%2F", "%5c", "\\", "/", "//",
    ";", ";x", "%3b", "%252e", "%252f", "%00", "%20", "admin", "zaken", "api", "v1",
    "klantinteracties", "documenten", "?", "#", "@", ":", "%40", "~", "x", "..;",
)  # fmt: skip


def _roots(home: FakeServer) -> dict[str, tuple[str, ...]]:
    """Which paths each credential may reach on the home server."""
    return {"Bearer": (ZAKEN, DOCUMENTEN), "Token": (KLANT,)}


@st.composite
def crafted_urls(draw: st.DrawFn, home: str, elsewhere: str) -> str:
    prefix = draw(
        st.sampled_from(
            [
                home + ZAKEN,
                home + KLANT,
                home + DOCUMENTEN,
                home + "/",
                home + "/catalogi/api/v1/",
                elsewhere + ZAKEN,
                home.replace("127.0.0.1", "localhost") + ZAKEN,
                home.replace("http://", "HTTP://") + ZAKEN,
                home.replace("http://", "http://user:pw@") + ZAKEN,
                home.replace("http://", "https://") + ZAKEN,
            ]
        )
    )
    tail = "".join(draw(st.lists(st.sampled_from(TOKENS), max_size=8)))
    return prefix + tail


VECTORS = ("user_url", "reference", "next_link", "redirect", "bestandsdeel")


def _leak_call(vector: str, client: Any, home: str, crafted: str) -> Any:
    if vector == "user_url":
        return client.get_json(crafted)
    if vector == "reference":
        return client.get(crafted)
    if vector == "next_link":
        return _collect(client.paginate(home + ZAKEN + "zaken", parse=dict))
    if vector == "redirect":
        return client.get_json(home + ZAKEN + "zaken/redirect")
    metadata = {"bronorganisatie": "002220647", "titel": "t", "informatieobjecttype": "x"}
    return client.documenten.enkelvoudiginformatieobjecten.upload(
        b"x" * 2048, metadata=metadata, chunk_threshold=1024
    )


def _leak_responder(vector: str, home: str, crafted: str) -> Callable[[Seen], Reply]:
    def respond(seen: Seen) -> Reply:
        if vector == "next_link" and seen.path == ZAKEN + "zaken":
            return Reply(200, {"count": 2, "next": crafted, "previous": None, "results": [{}]})
        if vector == "redirect" and seen.path.endswith("zaken/redirect"):
            return Reply(302, None, headers={"Location": crafted})
        if vector == "bestandsdeel" and seen.method == "POST":
            document = f"{home}{DOCUMENTEN}enkelvoudiginformatieobjecten/{UUID}"
            part = {"url": crafted, "volgnummer": 1, "omvang": 2048, "voltooid": False}
            return Reply(201, {"url": document, "lock": "l", "bestandsdelen": [part]})
        return Reply(200, page_body([]))

    return respond


def _credential_leaks(home: FakeServer, elsewhere: FakeServer) -> list[str]:
    found = []
    allowed = _roots(home)
    host = f"127.0.0.1:{home.port}"
    for seen in home.seen:
        scheme = seen.headers.get("authorization", "").split(" ", 1)[0]
        if scheme not in allowed:
            continue
        if seen.headers.get("host") != host or not seen.resolved_path.startswith(allowed[scheme]):
            found.append(
                f"{scheme} credential reached {seen.target} (host {seen.headers.get('host')})"
            )
    for seen in elsewhere.seen:
        if "authorization" in seen.headers:
            found.append(f"a credential reached the unconfigured server at {seen.target}")
    return found


def fuzz_leaks(tally: Tally, faces: Faces, examples: int) -> None:
    """Crafted URLs through every way a URL enters, both faces; every credential traced."""
    with (
        fake_server(lambda seen: Reply(200, {})) as home,
        fake_server(lambda seen: Reply(200, {})) as elsewhere,
    ):
        jwt = ZGWCredentials("campaign", "secret-of-the-campaign")
        no_retry = RetryPolicy.no_retries()
        config = ZGWConfig(
            {
                "zaken": Service(home.url + ZAKEN, jwt, retry=no_retry),
                "documenten": Service(home.url + DOCUMENTEN, jwt, retry=no_retry),
                "klantinteracties": Service(home.url + KLANT, TokenCredentials("t" * 40)),
            }
        )

        @settings(
            max_examples=examples,
            derandomize=True,
            database=None,
            deadline=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
        )
        @given(vector=st.sampled_from(VECTORS), crafted=crafted_urls(home.url, elsewhere.url))
        def one(vector: str, crafted: str) -> None:
            home.responder = _leak_responder(vector, home.url, crafted)
            for face in FACES:
                home.seen.clear()
                elsewhere.seen.clear()
                client = faces.client(face, config)
                _, error = faces.run(
                    face, functools.partial(_leak_call, vector, client, home.url, crafted)
                )
                faces.close_client(face, client)
                tally.leak_attempts[(face, vector)] += 1
                tally.leaks.extend(
                    f"{face} {vector}: {leak}" for leak in _credential_leaks(home, elsewhere)
                )
                outcome = outcome_class(error)
                if outcome.startswith("ESCAPED"):
                    tally.escapes.append(f"{face} {vector} {crafted!r}: {outcome}: {error}")
                check_error(tally, face, error)

        one()


# == 4. the CLI's stderr ======================================================================
def check_cli(tally: Tally) -> None:
    """The ``zgw`` command (sync face) against a server whose errors quote BSNs."""
    from click.testing import CliRunner

    from zgw_client.cli import main

    replies = [
        Reply(400, problem(400), headers={"Content-Type": "application/problem+json"}),
        Reply(404, problem(404)),
        Reply(503, problem(503)),
        Reply(
            200, b"<html>" + BSNS[0].encode() + b"</html>", headers={"Content-Type": "text/html"}
        ),
        Reply(302, None, headers={"Location": f"/admin/?bsn={BSNS[1]}"}),
    ]
    commands = [
        ["zaken", "get", UUID],
        ["zaken", "list", "--bsn", BSNS[0]],
        ["zaken", "get", f"http://127.0.0.1:1/zaken/api/v1/zaken/{BSNS[2]}"],
    ]
    for reply in replies:
        with fake_server(functools.partial(_same_reply, reply)) as server:
            env = {"ZGW_ZAKEN_API_ROOT": server.url + ZAKEN, "ZGW_ZAKEN_MAX_ATTEMPTS": "1"}
            for command in commands:
                result = CliRunner(env=env).invoke(main, command)
                if result.exception is not None and not isinstance(result.exception, SystemExit):
                    tally.escapes.append(f"cli {command}: {type(result.exception).__name__}")
                check_text(tally, "cli", "CLI stderr", result.stderr)


# == the whole campaign =======================================================================
@dataclass(frozen=True)
class Budget:
    """How many hypothesis examples each fuzzed part draws."""

    fault_sequences: int = 12
    payloads: int = 150
    leaks: int = 60


def run_campaign(
    budget: Budget = Budget(), parts: tuple[str, ...] = ("faults", "payloads", "leaks", "cli")
) -> Tally:
    tally = Tally()
    faces = Faces()
    watch = OutputWatch(tally)
    started = time.monotonic()
    try:
        with watch.installed():
            if "faults" in parts:
                with fake_server(lambda seen: Reply(200, {})) as server:
                    sweep_faults(tally, faces, server)
                    fuzz_fault_sequences(tally, faces, server, budget.fault_sequences)
            if "payloads" in parts:
                fuzz_payloads(tally, faces, budget.payloads)
            if "leaks" in parts:
                fuzz_leaks(tally, faces, budget.leaks)
            if "cli" in parts:
                check_cli(tally)
    finally:
        faces.close()
    tally.seconds = time.monotonic() - started
    return tally


def _same_reply(reply: Reply, seen: Seen) -> Reply:
    return reply
