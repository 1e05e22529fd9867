"""The ``zgw`` command line, for municipal integrators and their scripts.

Services come from ``--config zgw.toml`` (or ``$ZGW_CONFIG``), else from ``ZGW_*``
environment variables (see the configuration docs). Output is rich on a terminal and JSON
with ``--json``. Secrets are never printed.

Exit codes:
    0  success
    1  the API answered an error (4xx/5xx), or ``check`` found a failing service
    2  usage or configuration error (including a URL under no configured API root)
    3  network failure: could not connect, timed out, or retries exhausted
    4  the server answered something unexpected (not JSON, wrong shape)
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import Any

try:
    import click
    import rich.table  # noqa: F401 - the extra is checked here, for the message below
    from rich.markup import escape
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise SystemExit(
        "The zgw command needs the 'cli' extra: pip install 'zgw-client[cli]'"
    ) from exc

import httpx

from ._auth import mint_jwt
from ._cli_common import (
    EXIT_API,
    EXIT_OK,
    _client,
    _emit,
    _print_table,
    _reporting_errors,
    console,
    errors,
)
from ._cli_home import date_text, render_home, when_text
from ._cli_notificaties import notificaties
from ._config import ZGWCredentials
from ._exceptions import (
    APIError,
    ZGWError,
)
from ._masking import mask_bsn
from ._sync.client import ZGWClient

__all__ = ["main"]


@click.group()
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    help="TOML file with the services (default: $ZGW_CONFIG, else ZGW_* variables).",
)
@click.version_option(package_name="zgw-client")
@click.pass_context
def main(ctx: click.Context, config_path: str | None) -> None:
    """zgw: talk to the ZGW APIs, Klantinteracties and the Objects API."""
    ctx.ensure_object(dict)["config_path"] = config_path


# -- check ---------------------------------------------------------------------------------
@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def check(ctx: click.Context, as_json: bool) -> None:
    """For each configured service: reachable, credentials accepted, API-version."""
    with _reporting_errors():
        client = _client(ctx)
        results = []
        for name, service in client.config.services.items():
            results.append({"service": name, "api_root": service.api_root, **_probe(client, name)})
    failed = [r for r in results if not r["ok"]]

    def render() -> None:
        rows = [
            [
                r["service"],
                r["api_root"],
                "yes" if r["reachable"] else "[red]no[/]",
                {True: "ok", False: "[red]refused[/]", None: "-"}[r["auth"]],
                r["api_version"] or "-",
                escape(r["note"]),
            ]
            for r in results
        ]
        _print_table(["service", "API root", "reachable", "auth", "API-version", "note"], rows)

    _emit(results, as_json, render)
    sys.exit(EXIT_API if failed else EXIT_OK)


#: A cheap authenticated list per API, to see whether the credentials are accepted.
_PROBES = {
    "zaken": "zaken",
    "catalogi": "catalogussen",
    "documenten": "enkelvoudiginformatieobjecten",
    "besluiten": "besluiten",
    "klantinteracties": "partijen",
    "contactmomenten": "contactmomenten",
    "objecten": "objecttypes",
    "objecttypen": "objecttypes",
}


def _probe(client: ZGWClient, name: str) -> dict[str, Any]:
    result: dict[str, Any] = {"reachable": False, "auth": None, "api_version": None, "note": ""}
    try:
        response = client.request("GET", client.url_for(name))
        result["reachable"] = True
        result["api_version"] = response.headers.get("API-version")
        probe = _PROBES.get(name)
        if probe:
            listed = client.request("GET", client.url_for(name, probe), params={"pageSize": 1})
            result["auth"] = True
            result["api_version"] = listed.headers.get("API-version") or result["api_version"]
        else:
            result["note"] = "auth not probed (unknown API)"
    except APIError as error:
        result["reachable"] = True
        if error.status in (401, 403):
            result["auth"] = False
        result["note"] = f"{error.status} {error.code or ''} {error.title or ''}".strip()
    except ZGWError as error:
        result["note"] = type(error).__name__
    result["ok"] = result["reachable"] and result["auth"] is not False
    return result


# -- token -----------------------------------------------------------------------------------
@main.command()
@click.option(
    "--client-id",
    envvar="ZGW_CLIENT_ID",
    show_envvar=True,
    help="JWT client_id (or set $ZGW_CLIENT_ID).",
)
@click.option(
    "--secret",
    envvar="ZGW_SECRET",
    show_envvar=True,
    help="JWT secret (prefer $ZGW_SECRET: it stays out of your shell history).",
)
@click.option("--user-id", default="zgw-cli", show_default=True)
@click.option("--user-representation", default="zgw command line", show_default=True)
def token(
    client_id: str | None, secret: str | None, user_id: str, user_representation: str
) -> None:
    """Print a JWT-ZGW for debugging with curl (valid for at most an hour).

    The client_id and secret come from --client-id/--secret or $ZGW_CLIENT_ID/$ZGW_SECRET:

    curl -H "Authorization: Bearer $(zgw token)" -H "Accept-Crs: EPSG:4326" URL
    """
    missing = [
        f"{option} (or ${variable})"
        for option, variable, value in (
            ("--client-id", "ZGW_CLIENT_ID", client_id),
            ("--secret", "ZGW_SECRET", secret),
        )
        if not value
    ]
    if missing or client_id is None or secret is None:
        raise click.UsageError(f"Missing {' and '.join(missing)}.")
    credentials = ZGWCredentials(
        client_id, secret, user_id=user_id, user_representation=user_representation
    )
    click.echo(mint_jwt(credentials))


# -- zaken -----------------------------------------------------------------------------------
@main.group()
def zaken() -> None:
    """List and show zaken."""


@zaken.command("list")
@click.option("--bsn", help="Zaken where this BSN has a rol.")
@click.option("--zaaktype", help="Zaaktype URL.")
@click.option("--identificatie")
@click.option("--limit", type=int, default=50, show_default=True, help="0 for all.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def zaken_list(
    ctx: click.Context,
    bsn: str | None,
    zaaktype: str | None,
    identificatie: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """List zaken (newest first), optionally filtered."""
    from .identifiers import validate_bsn

    with _reporting_errors():
        client = _client(ctx)
        filters: dict[str, Any] = {
            "zaaktype": zaaktype,
            "identificatie": identificatie,
            "ordering": "-startdatum",
        }
        if bsn:
            filters["rol__betrokkene_identificatie__natuurlijk_persoon__inp_bsn"] = validate_bsn(
                bsn
            )
        zaken_found = list(client.zaken.zaken.list(limit=limit or None, **filters))
    data = [z.to_wire() for z in zaken_found]

    def render() -> None:
        rows = [
            [
                escape(z.identificatie or ""),
                escape(z.omschrijving or ""),
                str(z.startdatum or ""),
                str(z.einddatum or ""),
                str(z.uuid or ""),
            ]
            for z in zaken_found
        ]
        _print_table(["identificatie", "omschrijving", "startdatum", "einddatum", "uuid"], rows)
        errors.print(f"{len(zaken_found)} zaken", highlight=False)

    _emit(data, as_json, render)


@zaken.command("get")
@click.argument("ref")
@click.option("--expand", help="Comma-separated, e.g. zaaktype,status.statustype,rollen.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def zaken_get(ctx: click.Context, ref: str, expand: str | None, as_json: bool) -> None:
    """Show one zaak by URL or UUID."""
    with _reporting_errors():
        zaak = _client(ctx).zaken.zaken.get(ref, expand=expand)
    data = zaak.to_wire()

    def render() -> None:
        limit = 200 if console.is_terminal else None  # piped: whole values
        rows = [
            [key, escape(json.dumps(value, ensure_ascii=False, default=str)[:limit])]
            for key, value in data.items()
            if value not in (None, "", [], {})
        ]
        _print_table(["field", "value"], rows, show_header=False)

    _emit(data, as_json, render)


# -- documenten ------------------------------------------------------------------------------
@main.group()
def documenten() -> None:
    """Download documents."""


@documenten.command("download")
@click.argument("ref")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
@click.pass_context
def documenten_download(ctx: click.Context, ref: str, output: str | None) -> None:
    """Stream a document's content to a file or stdout.

    REF is the document's URL or UUID, or its download URL (``.../download?versie=2``, as
    MijnZaken's ``download_url`` gives it).
    """
    document, versie = _document_ref(ref)
    with _reporting_errors():
        documents = _client(ctx).documenten.enkelvoudiginformatieobjecten
        with documents.download(document, versie=versie) as download:
            if output:
                with Path(output).open("wb") as sink:
                    for chunk in download:
                        sink.write(chunk)
            else:
                for chunk in download:
                    sys.stdout.buffer.write(chunk)
                sys.stdout.buffer.flush()


def _document_ref(ref: str) -> tuple[str, int | None]:
    """The document a REF names, and the version its download URL asks for."""
    if not ref.startswith(("http://", "https://")):
        return ref, None
    url = httpx.URL(ref)
    versie = url.params.get("versie")
    path = url.path.rstrip("/")
    if path.endswith("/download"):
        path = path[: -len("/download")]
    document = str(url.copy_with(path=path, query=None))
    if versie is not None and not versie.isdigit():
        raise click.BadParameter(f"versie={versie!r} is not a number.", param_hint="REF")
    return document, int(versie) if versie is not None else None


# -- export ----------------------------------------------------------------------------------
@main.group()
def export() -> None:
    """Export resources as JSON lines (streaming, constant memory)."""


@export.command("zaken")
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="File (default: stdout).")
@click.option("--page-size", type=int, default=100, show_default=True)
@click.pass_context
def export_zaken(ctx: click.Context, fmt: str, output: str | None, page_size: int) -> None:
    """Every zaak, one JSON object per line, page by page (nothing is held in memory)."""
    with _reporting_errors():
        client = _client(ctx)
        paginator = client.paginate(
            client.url_for("zaken", "zaken"),
            parse=lambda item: item,
            params={"pageSize": page_size},
        )
        started = time.monotonic()
        written = 0
        show_progress = output is not None and errors.is_terminal
        from rich.progress import Progress

        with (
            click.open_file(output or "-", "w", encoding="utf-8") as sink,
            Progress(console=errors, disable=not show_progress, transient=True) as progress,
        ):
            task = progress.add_task("exporting zaken", total=None)
            for page in paginator.iter_pages():
                if page.count is not None:
                    progress.update(task, total=page.count)
                for item in page.items:
                    sink.write(json.dumps(item, ensure_ascii=False) + "\n")
                    written += 1
                progress.update(task, completed=written)
        errors.print(
            f"exported {written} zaken in {time.monotonic() - started:.1f}s",
            highlight=False,
        )


# -- serve -----------------------------------------------------------------------------------
@main.command()
@click.option(
    "--port",
    type=int,
    default=0,
    help="The port (default: a free one, printed; 8000 is Django's and Open Zaak's).",
)
@click.option("--latency", type=float, default=0.0, help="Seconds every answer takes at least.")
@click.option(
    "--scenario",
    type=click.Choice(["demo", "benchmark", "empty"]),
    default="demo",
    show_default=True,
    help="demo: the MijnDenHaag citizen; benchmark: a citizen with 25 zaken; empty: nothing.",
)
def serve(port: int, latency: float, scenario: str) -> None:
    """Serve the in-memory backend on 127.0.0.1 (loopback only)."""
    from .testing import InMemoryBackend
    from .testing.demo import seed_benchmark, seed_demo

    backend = InMemoryBackend(latency=latency)
    if scenario == "demo":
        seed_demo(backend)
    elif scenario == "benchmark":
        seed_benchmark(backend)
    with backend.serve(port=port) as served:
        console.print(f"In-memory ZGW backend on [bold]{served.url}[/] (Ctrl-C to stop)")
        for name, root in served.api_roots.items():
            console.print(f"  {name:18} {root}")
        console.print(
            f"JWT client_id={backend.jwt_client_id!r}; the JWT secret and the Token are the "
            "defaults of zgw_client.testing.InMemoryBackend (test values, not secrets).",
            highlight=False,
        )
        console.file.flush()
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            console.print("stopped")


# -- mijnzaken and the demo ------------------------------------------------------------------
def _render_overview(overview: Any, *, show_steps: bool = True) -> None:
    from rich.panel import Panel
    from rich.text import Text

    who = f"{overview.subject.kind.upper()} {overview.subject.masked}"
    console.rule(f"[bold]Mijn Zaken[/] - {who}")

    console.print("\n[bold]Wat ik moet regelen[/]")
    if not overview.taken:
        console.print("  Niets te regelen.")
    for taak in overview.taken:
        when = when_text(taak.days_left)
        amount = _euro(taak.bedrag) if taak.bedrag else ""
        extra = f"  {amount}" if amount and amount not in taak.titel else ""
        zaak = f"  ({taak.zaak_identificatie})" if taak.zaak_identificatie else ""
        console.print(f"  - {taak.titel}{extra}  {when}{zaak}", highlight=False)

    details = {d.zaak.url: d for d in overview.details or []}
    console.print("\n[bold]Mijn lopende zaken[/]")
    if not overview.lopende_zaken:
        console.print("  Geen lopende zaken.")
    for zaak in overview.lopende_zaken:
        progress = ""
        if zaak.progress:
            dots = "●" * zaak.progress.current + "○" * (zaak.progress.total - zaak.progress.current)
            progress = f"{dots} stap {zaak.progress.current} van {zaak.progress.total}"
        lines = [
            f"[bold]{zaak.zaaktype or zaak.omschrijving or 'Zaak'}[/]  {zaak.identificatie}",
            f"Status: {zaak.status or 'onbekend'}   {progress}",
            f"Aangevraagd op {_date(zaak.aangevraagd_op)}"
            + (
                f"   Verwacht uiterlijk {_date(zaak.expected_end.date)}"
                if zaak.expected_end
                else ""
            ),
        ]
        if zaak.open_taken:
            noun = "taak" if zaak.open_taken == 1 else "taken"
            lines.append(f"[yellow]{zaak.open_taken} {noun} voor u[/]")
        detail = details.get(zaak.url)
        if detail and show_steps:
            for step in detail.steps:
                mark = {"done": "[green]✓[/]", "current": "[bold blue]➜[/]", "upcoming": "·"}
                reached = f"  {_date(step.reached_at)}" if step.reached_at else ""
                lines.append(f"  {mark[step.state]} {step.naam}{reached}")
            if detail.documenten:
                lines.append(f"Documenten: {', '.join(d.titel or '?' for d in detail.documenten)}")
            for entry in detail.timeline[:3]:
                lines.append(f"  {_date(entry.at)}  {entry.kind}: {entry.title}")
        console.print(Panel(Text.from_markup("\n".join(lines)), expand=False))

    console.print("\n[bold]Afgeronde zaken[/]")
    if not overview.afgeronde_zaken:
        console.print("  Geen afgeronde zaken.")
    for zaak in overview.afgeronde_zaken:
        resultaat = f" - {zaak.resultaat}" if zaak.resultaat else ""
        detail = details.get(zaak.url)
        besluiten = ""
        if detail and detail.besluiten:
            besluiten = f"  besluit: {', '.join(b.besluittype or '?' for b in detail.besluiten)}"
        console.print(
            f"  - {zaak.zaaktype} {zaak.identificatie}: afgerond op {_date(zaak.einddatum)}"
            f"{resultaat}{besluiten}",
            highlight=False,
        )
    for missing in overview.missing:
        text = mask_bsn(f"{missing.part}: {missing.reason}")
        errors.print(f"[yellow]missing:[/] {escape(text)}", highlight=False)
    for warning in overview.warnings:
        errors.print(f"[yellow]warning:[/] {escape(mask_bsn(str(warning)))}", highlight=False)


def _euro(amount: Any) -> str:
    """An amount as Dutch money: ``€ 74,90``, ``€ 1.250,00``."""
    grouped = f"{Decimal(str(amount)):,.2f}"  # 1,250.00
    return "€ " + grouped.replace(",", " ").replace(".", ",").replace(" ", ".")


def _date(value: Any) -> str:
    return date_text(value)


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print the home page as JSON.")
@click.option("--kvk", is_flag=True, help="Show the demo company instead of the citizen.")
@click.option("--served", is_flag=True, help="Go through HTTP on 127.0.0.1 instead of in memory.")
def demo(as_json: bool, kvk: bool, served: bool) -> None:
    """A citizen's home page from the embedded demo backend (no configuration needed).

    Wat ik moet regelen, Mijn lopende zaken, Laatste berichten and Mijn producten. The
    backend is the in-memory backend (zgw_client.testing) seeded with a scenario from the
    MijnDenHaag user research; the page is composed by zgw_client.mijnzaken.HomePage exactly
    as against Open Zaak, the Objects API, Open VTB and Open Product.
    """
    from .mijnzaken import HomePage
    from .testing import InMemoryBackend
    from .testing.demo import DEMO_BSN, DEMO_KVK, seed_demo

    backend = InMemoryBackend()
    seed_demo(backend)
    with _reporting_errors(), _demo_client(backend, served) as client:
        composer = HomePage(client)
        page = composer.compose(kvk=DEMO_KVK) if kvk else composer.compose(bsn=DEMO_BSN)
    _emit(page.model_dump(mode="json"), as_json, lambda: render_home(page, console, errors))
    if not as_json:
        requests = len(backend.request_log)
        errors.print(f"[dim]{requests} requests to the demo backend[/]", highlight=False)


@contextmanager
def _demo_client(backend: Any, served: bool) -> Iterator[ZGWClient]:
    """A client on the demo backend: in memory, or over HTTP on 127.0.0.1."""
    from .testing import config_for

    if not served:
        http = httpx.Client(transport=backend.transport())
        with ZGWClient(config_for(backend), http_client=http) as client:
            yield client
        return
    with backend.serve() as server, ZGWClient(config_for(backend, base_url=server.url)) as client:
        yield client


@main.command()
@click.option("--bsn", help="The citizen's BSN.")
@click.option("--kvk", help="The company's KVK-nummer.")
@click.option("--details", is_flag=True, help="Also steps, documents and contact per zaak.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def mijnzaken(
    ctx: click.Context, bsn: str | None, kvk: str | None, details: bool, as_json: bool
) -> None:
    """A citizen's (--bsn) or company's (--kvk) overview from the configured services."""
    from .mijnzaken import MijnZaken

    if (bsn is None) == (kvk is None):
        raise click.UsageError("Give exactly one of --bsn or --kvk.")
    with _reporting_errors():
        overview = MijnZaken(_client(ctx)).overview(bsn=bsn, kvk=kvk, details=details)
    _emit(overview.model_dump(mode="json"), as_json, lambda: _render_overview(overview))


main.add_command(notificaties)


if __name__ == "__main__":  # pragma: no cover
    main()
