"""How the ``zgw`` command shows a citizen's home page (``zgw demo``) on a terminal.

Rendering only: the page is a [`HomePageView`][zgw_client.mijnzaken.HomePageView]
composed by [`HomePage`][zgw_client.mijnzaken.HomePage]. Dutch labels, as a portal shows
them; identifiers masked; missing parts and warnings on stderr.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.markup import escape
from rich.panel import Panel
from rich.text import Text

from ._masking import mask_bsn
from .mijnzaken.models import HomePageView, ZaakSummary
from .taken.view import CitizenTaak, CitizenTaakSoort

__all__ = ["date_text", "render_home", "when_text"]


def date_text(value: dt.date | None) -> str:
    """A date the Dutch way (``25-11-2026``), ``-`` for none."""
    return "-" if value is None else value.strftime("%d-%m-%Y")


def when_text(days_left: int | None) -> str:
    """How long is left, coloured by urgency (rich markup)."""
    if days_left is None:
        return "geen termijn"
    if days_left < 0:
        return f"[red]{-days_left} dagen te laat[/]"
    if days_left == 0:
        return "[red]vandaag[/]"
    color = "red" if days_left <= 2 else "yellow" if days_left <= 7 else "green"
    return f"[{color}]nog {days_left} dagen[/]"


def _taak_line(taak: CitizenTaak) -> str:
    titel = escape(taak.titel)
    amount = taak.amount_text or ""
    extra = f"  {amount}" if amount and amount not in taak.titel else ""
    if taak.soort is CitizenTaakSoort.BETALEN and not amount:
        extra = "  betalen"
    zaak = f"  ({escape(taak.zaak_identificatie)})" if taak.zaak_identificatie else ""
    return f"  - {titel}{extra}  {when_text(taak.days_left)}{zaak}"


def _zaak_panel(zaak: ZaakSummary) -> Panel:
    progress = ""
    if zaak.progress:
        done, total = zaak.progress.current, zaak.progress.total
        progress = f"{'●' * done}{'○' * (total - done)} stap {done} van {total}"
    expected = (
        f"   Verwacht uiterlijk {date_text(zaak.expected_end.date)}" if zaak.expected_end else ""
    )
    lines = [
        f"[bold]{escape(zaak.zaaktype or zaak.omschrijving or 'Zaak')}[/]  "
        f"{escape(zaak.identificatie or '')}",
        f"Status: {escape(zaak.status or 'onbekend')}   {progress}",
        f"Aangevraagd op {date_text(zaak.aangevraagd_op)}{expected}",
    ]
    if zaak.open_taken:
        noun = "taak" if zaak.open_taken == 1 else "taken"
        lines.append(f"[yellow]{zaak.open_taken} {noun} voor u[/]")
    return Panel(Text.from_markup("\n".join(lines)), expand=False)


def render_home(page: HomePageView, console: Console, errors: Console) -> None:
    """Print ``page``: what to do, the lopende zaken, the berichten, the products."""
    who = f"{page.subject.kind.upper()} {page.subject.masked}"
    console.rule(f"[bold]Mijn omgeving[/] - {who}")

    if page.taken is not None:
        console.print("\n[bold]Wat ik moet regelen[/]")
        if not page.taken:
            console.print("  Niets te regelen.")
        for taak in page.taken:
            console.print(_taak_line(taak), highlight=False)

    if page.lopende_zaken is not None:
        console.print("\n[bold]Mijn lopende zaken[/]")
        if not page.lopende_zaken:
            console.print("  Geen lopende zaken.")
        for zaak in page.lopende_zaken:
            console.print(_zaak_panel(zaak))

    if page.berichten is not None:
        unread = page.unread_berichten
        count = "" if unread is None else f" ({unread} ongelezen)"
        console.print(f"\n[bold]Laatste berichten[/]{count}")
        if not page.berichten:
            console.print("  Geen berichten.")
        for bericht in page.berichten:
            mark = "[bold blue]●[/]" if bericht.unread else " "
            when = date_text(bericht.publicatiedatum.date() if bericht.publicatiedatum else None)
            onderwerp = escape(bericht.onderwerp)
            text = f"[bold]{onderwerp}[/]" if bericht.unread else onderwerp
            linked = (
                f"  ({escape(bericht.zaak_identificatie)})" if bericht.zaak_identificatie else ""
            )
            console.print(f"  {mark} {when}  {text}{linked}", highlight=False)

    if page.producten is not None:
        console.print("\n[bold]Mijn producten[/]")
        if not page.producten:
            console.print("  Geen producten.")
        for product in page.producten:
            soort = f" ({escape(product.producttype)})" if product.producttype else ""
            if product.eind_datum is None:
                geldig = "geldig zonder einddatum"
            else:
                geldig = (
                    f"geldig tot {date_text(product.eind_datum)}, {when_text(product.days_left)}"
                )
            console.print(f"  - {escape(product.naam)}{soort}  {geldig}", highlight=False)

    for missing in page.missing:
        text = mask_bsn(f"{missing.part}: {missing.reason}")
        errors.print(f"[yellow]missing:[/] {escape(text)}", highlight=False)
    for warning in page.warnings:
        errors.print(f"[yellow]warning:[/] {escape(mask_bsn(warning))}", highlight=False)
