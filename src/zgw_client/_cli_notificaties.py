"""``zgw notificaties``: kanalen, abonnementen, and a test notification to a callback.

Part of the ``zgw`` command (``zgw_client.cli``), in its own module. The `auth` of an
abonnement is a secret: it is read from ``--auth``, else ``$ZGW_CALLBACK_AUTH``, else asked
for without echo; it is never printed.
"""

from __future__ import annotations

import datetime as dt
import sys
from typing import Any

import click
import httpx
from rich.markup import escape

from ._auth import mint_jwt
from ._cli_common import (
    EXIT_API,
    EXIT_NETWORK,
    _client,
    _emit,
    _print_table,
    _reporting_errors,
    errors,
)
from ._config import ZGWCredentials
from .notifications.models import Abonnement, AbonnementKanaal

__all__ = ["notificaties"]

#: What Open Notificaties sends to check a callback: receivers answer 204 and run nothing.
CHECK_MESSAGE: dict[str, Any] = {
    "kanaal": "test",
    "hoofdObject": "http://some.hoofdobject.nl/",
    "resource": "some_resource",
    "resourceUrl": "http://some.resource.nl/",
    "actie": "create",
    "aanmaakdatum": "2019-01-01T12:00:00Z",
    "kenmerken": {},
}
_AUTH_HELP = (
    "The exact Authorization value the receiver accepts, e.g. 'Token abc' "
    "(default: $ZGW_CALLBACK_AUTH, else asked for; never printed)."
)


def _kanalen_text(kanalen: list[AbonnementKanaal]) -> str:
    parts = []
    for kanaal in kanalen:
        filters = ", ".join(f"{k}={v}" for k, v in sorted(kanaal.filters.items()))
        parts.append(f"{kanaal.naam}[{filters}]" if filters else kanaal.naam)
    return "; ".join(parts)


def _abonnement_data(abonnement: Abonnement) -> dict[str, Any]:
    return abonnement.model_dump(mode="json", by_alias=True, exclude={"auth"})


def _parse_kanalen(kanalen: tuple[str, ...], filters: tuple[str, ...]) -> dict[str, dict[str, str]]:
    """``--kanaal zaken --filter zaken:bronorganisatie=002220647`` as a mapping."""
    wanted: dict[str, dict[str, str]] = {naam: {} for naam in kanalen}
    for item in filters:
        naam, sep, rest = item.partition(":")
        key, eq, value = rest.partition("=")
        if not sep or not eq or not key:
            raise click.BadParameter(f"{item!r}: use KANAAL:KENMERK=WAARDE", param_hint="--filter")
        if naam not in wanted:
            raise click.BadParameter(f"{item!r}: kanaal {naam!r} is not given with --kanaal")
        wanted[naam][key] = value
    return wanted


@click.group()
def notificaties() -> None:
    """Kanalen and abonnementen of the Notificaties API; test a callback."""


@notificaties.command("kanalen")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@click.pass_context
def kanalen_list(ctx: click.Context, as_json: bool) -> None:
    """List the kanalen publishers send on, with their filter names."""
    with _reporting_errors():
        found = list(_client(ctx).notificaties.kanalen.list())
    data = [k.model_dump(mode="json", by_alias=True) for k in found]

    def render() -> None:
        rows = [[escape(k.naam), escape(", ".join(k.filters)), k.url or ""] for k in found]
        _print_table(["naam", "filters", "url"], rows)

    _emit(data, as_json, render)


@notificaties.command("abonnementen")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (without auth).")
@click.pass_context
def abonnementen_list(ctx: click.Context, as_json: bool) -> None:
    """List the abonnementen: callback URL and kanalen with filters."""
    with _reporting_errors():
        found = list(_client(ctx).notificaties.abonnementen.list())
    data = [_abonnement_data(a) for a in found]

    def render() -> None:
        rows = [
            [escape(a.callback_url), escape(_kanalen_text(a.kanalen)), a.url or ""] for a in found
        ]
        _print_table(["callback", "kanalen", "url"], rows)
        errors.print(f"{len(found)} abonnementen", highlight=False)

    _emit(data, as_json, render)


@notificaties.command("abonneer")
@click.argument("callback_url")
@click.option("--kanaal", "kanalen", multiple=True, required=True, help="A kanaal (repeat).")
@click.option(
    "--filter", "filters", multiple=True, help="KANAAL:KENMERK=WAARDE, e.g. zaken:bronorganisatie=…"
)
@click.option("--auth", envvar="ZGW_CALLBACK_AUTH", prompt=True, hide_input=True, help=_AUTH_HELP)
@click.option("--replace-auth", is_flag=True, help="Write the auth even if nothing else changed.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (without auth).")
@click.pass_context
def abonneer(
    ctx: click.Context,
    callback_url: str,
    kanalen: tuple[str, ...],
    filters: tuple[str, ...],
    auth: str,
    replace_auth: bool,
    as_json: bool,
) -> None:
    """Subscribe CALLBACK_URL, idempotently: create, update or leave its abonnement."""
    wanted = _parse_kanalen(kanalen, filters)
    with _reporting_errors():
        result = _client(ctx).notificaties.ensure_subscription(
            callback_url, wanted, auth, replace_auth=replace_auth
        )
    data = {
        "action": result.action,
        "abonnement": _abonnement_data(result.abonnement),
        "duplicates": list(result.duplicates),
    }

    def render() -> None:
        abonnement = result.abonnement
        errors.print(f"{result.action}: {abonnement.url}", highlight=False)
        _print_table(
            ["callback", "kanalen"],
            [[escape(abonnement.callback_url), escape(_kanalen_text(abonnement.kanalen))]],
        )
        for url in result.duplicates:
            errors.print(f"[yellow]also for this callback:[/] {escape(url)}", highlight=False)

    _emit(data, as_json, render)


@notificaties.command("verwijder")
@click.argument("ref")
@click.pass_context
def verwijder(ctx: click.Context, ref: str) -> None:
    """Delete the abonnement REF (its URL or UUID)."""
    with _reporting_errors():
        abonnementen = _client(ctx).notificaties.abonnementen
        url = abonnementen.url_of(ref)
        abonnementen.delete(url)
    errors.print(f"deleted: {url}", highlight=False)


@notificaties.command("test-bericht")
@click.argument("callback_url")
@click.option("--auth", envvar="ZGW_CALLBACK_AUTH", help=_AUTH_HELP)
@click.option(
    "--jwt-secret",
    envvar="ZGW_CALLBACK_JWT_SECRET",
    help="Instead of --auth: sign a JWT-ZGW with this secret, as Open Notificaties does "
    "(default: $ZGW_CALLBACK_JWT_SECRET).",
)
@click.option("--jwt-client-id", default="open-notificaties", show_default=True)
@click.option("--kanaal", default="test", show_default=True, help="'test' runs no handler.")
@click.option("--resource", default="some_resource", show_default=True)
@click.option("--actie", default="create", show_default=True)
@click.option("--hoofd-object", default="http://some.hoofdobject.nl/", show_default=True)
@click.option("--resource-url", help="Default: the hoofd object.")
@click.option("--kenmerk", "kenmerken", multiple=True, help="NAAM=WAARDE (repeat).")
@click.option("--timeout", type=float, default=10.0, show_default=True)
def test_bericht(
    callback_url: str,
    auth: str | None,
    jwt_secret: str | None,
    jwt_client_id: str,
    kanaal: str,
    resource: str,
    actie: str,
    hoofd_object: str,
    resource_url: str | None,
    kenmerken: tuple[str, ...],
    timeout: float,
) -> None:
    """POST a notification to CALLBACK_URL as Open Notificaties would; print the answer.

    By default the message Open Notificaties checks a new abonnement with (kanaal 'test'):
    a receiver answers 204 and runs no handler. Exit code 0 on a 2xx answer, 1 otherwise,
    3 when the callback cannot be reached.
    """
    if (auth is None) == (jwt_secret is None):
        raise click.UsageError("Give exactly one of --auth or --jwt-secret.")
    if jwt_secret is not None:
        credentials = ZGWCredentials(jwt_client_id, jwt_secret, user_id="", user_representation="")
        auth = f"Bearer {mint_jwt(credentials)}"
    body = dict(CHECK_MESSAGE)
    if kanaal != "test" or kenmerken:
        pairs = [item.partition("=") for item in kenmerken]
        if any(not sep or not key for key, sep, _ in pairs):
            raise click.BadParameter("use NAAM=WAARDE", param_hint="--kenmerk")
        now = dt.datetime.now(dt.timezone.utc).isoformat(timespec="milliseconds")
        body = {
            "kanaal": kanaal,
            "hoofdObject": hoofd_object,
            "resource": resource,
            "resourceUrl": resource_url or hoofd_object,
            "actie": actie,
            "aanmaakdatum": now.replace("+00:00", "Z"),
            "kenmerken": {key: value for key, _, value in pairs},
        }
    headers = {"Authorization": auth or "", "Content-Type": "application/json"}
    try:
        response = httpx.post(callback_url, json=body, headers=headers, timeout=timeout)
    except httpx.HTTPError as error:
        errors.print(f"[bold red]error:[/] {escape(type(error).__name__)}: {escape(str(error))}")
        sys.exit(EXIT_NETWORK)
    except ValueError as error:  # not a URL httpx can send to
        raise click.BadParameter(str(error), param_hint="CALLBACK_URL") from error
    click.echo(f"{response.status_code} {response.reason_phrase}")
    if response.content:
        click.echo(response.text[:2000])
    if not response.is_success:
        sys.exit(EXIT_API)
