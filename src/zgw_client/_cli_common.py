"""What every ``zgw`` command shares: the client from the configuration, error reporting
with the documented exit codes, tables and JSON output. Used by ``cli.py`` and the command
modules beside it (``_cli_notificaties.py``)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ._config import ZGWConfig
from ._exceptions import (
    APIError,
    ConfigurationError,
    RetriesExhaustedError,
    TransportError,
    UnexpectedResponseError,
    ZGWError,
)
from ._masking import mask_bsn
from ._sync.client import ZGWClient

EXIT_OK, EXIT_API, EXIT_USAGE, EXIT_NETWORK, EXIT_UNEXPECTED = 0, 1, 2, 3, 4

F = TypeVar("F", bound=Callable[..., Any])

console = Console()
errors = Console(stderr=True)


def _exit_code(error: ZGWError) -> int:
    if isinstance(error, ConfigurationError):
        return EXIT_USAGE
    if isinstance(error, (TransportError, RetriesExhaustedError)):
        return EXIT_NETWORK
    if isinstance(error, UnexpectedResponseError):
        return EXIT_UNEXPECTED
    if isinstance(error, APIError):
        return EXIT_API
    return EXIT_USAGE


@contextmanager
def _reporting_errors() -> Iterator[None]:
    """Turn a zgw-client error into a one-paragraph message and the documented exit code."""
    try:
        yield
    except ZGWError as error:
        # Messages are masked already; masked again here, as the last stop before a screen.
        message = mask_bsn(f"{type(error).__name__}: {error}")
        errors.print(f"[bold red]error:[/] {escape(message)}", highlight=False)
        sys.exit(_exit_code(error))


def load_config(path: str | None) -> ZGWConfig:
    """The configuration from ``--config``, ``$ZGW_CONFIG``, or the ``ZGW_*`` variables."""
    path = path or os.environ.get("ZGW_CONFIG")
    if path:
        return ZGWConfig.from_toml(path)
    config = ZGWConfig.from_env()
    if not config.services:
        raise ConfigurationError(
            "No services configured: pass --config zgw.toml, set ZGW_CONFIG, or set "
            "ZGW_<API>_API_ROOT variables (see docs/configuration.md). "
            "To try zgw without a server: zgw demo, or zgw serve."
        )
    return config


def _client(ctx: click.Context) -> ZGWClient:
    obj = ctx.ensure_object(dict)
    if "client" not in obj:
        obj["client"] = ZGWClient(load_config(obj.get("config_path")))
        ctx.call_on_close(obj["client"].close)
    client: ZGWClient = obj["client"]
    return client


def _print_table(headers: list[str], rows: list[list[str]], *, show_header: bool = True) -> None:
    """A table on a terminal; tab-separated whole values otherwise (pipes, files, scripts).

    rich fits a table to the terminal and cuts what does not fit (``ZAAK-2026-0000…``);
    piped output keeps every value whole, one row per line, tabs between columns.
    """
    if console.is_terminal:
        table = Table(*headers, show_header=show_header)
        for row in rows:
            table.add_row(*row)
        console.print(table)
        return
    if show_header:
        click.echo("\t".join(headers))
    for row in rows:
        click.echo("\t".join(_plain(value) for value in row))


def _plain(value: str) -> str:
    """A cell without rich markup, tabs or newlines."""
    from rich.text import Text

    text = Text.from_markup(value).plain if "[" in value else value
    return text.replace("\t", " ").replace("\n", " ")


def _emit(data: Any, as_json: bool, render: Callable[[], None]) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    else:
        render()
