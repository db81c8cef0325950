"""Human-readable CLI output, rendered with Rich.

Article text is always printed literally: it goes into ``Text`` objects (never markup) after
control characters are made visible, so ``[bold]`` or an escape sequence in an article is shown,
not interpreted. Colour and styles only reach a terminal, and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from alireader.core.models import Article, BlockKind, LoadWarning
from alireader.core.text import visible_controls

_PIPE_WIDTH = 100_000  # into a pipe, lines are as long as their content
READING_MEASURE = 88  # characters per line for prose: comfortable, even in a wide terminal


def make_console(file: TextIO | None = None) -> Console:
    """A console that writes plain text into pipes and under ``NO_COLOR``."""
    stream = file or sys.stdout
    terminal = _isatty(stream)
    plain = bool(os.environ.get("NO_COLOR")) or not terminal
    return Console(
        file=stream,
        color_system=None if plain else "auto",
        force_terminal=None if terminal else False,
        # Into a pipe there is no width to fit: tables keep their natural width.
        width=None if terminal else _PIPE_WIDTH,
        highlight=False,
        markup=False,
        emoji=False,
        soft_wrap=False,
    )


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def literal(text: str | None) -> str:
    """Article text made safe to print: control characters become visible placeholders."""
    return visible_controls(text or "")


def byline(article: Article) -> str:
    """``author · source · category · date · N words`` with the missing parts left out."""
    parts = [article.author, article.source, article.category, article.date]
    present = [literal(part) for part in parts if part]
    present.append(f"{article.words:,} words".replace(",", " "))
    return " · ".join(present)


def print_list(console: Console, articles: Sequence[Article]) -> None:
    """A table of the articles: ID, title, source or author, words."""
    # Fixed widths for the short columns; the title takes what is left and is ellipsised.
    id_width = min(
        max((len(a.id) for a in articles), default=2), 24 if console.is_terminal else 200
    )
    source_width = min(max((len(a.source or a.author or "") for a in articles), default=0), 20)
    # On a terminal the table fits the window; into a pipe nothing is cut (no width to fit).
    on_terminal = console.is_terminal
    table = Table(
        box=None, pad_edge=False, show_edge=False, header_style="bold", expand=on_terminal
    )
    table.add_column("ID", style="cyan", no_wrap=True, overflow="ellipsis", width=max(id_width, 2))
    table.add_column(
        "Title", ratio=1 if on_terminal else None, no_wrap=True, overflow="ellipsis", min_width=20
    )
    table.add_column(
        "Source / author",
        style="dim",
        no_wrap=True,
        overflow="ellipsis",
        width=max(source_width, len("Source / author")),
    )
    table.add_column("Words", justify="right", no_wrap=True, width=6)
    for article in articles:
        table.add_row(
            Text(literal(article.id)),
            Text(literal(article.title), style="italic" if article.title_inferred else ""),
            Text(literal(article.source or article.author or "")),
            Text(f"{article.words:,}".replace(",", " ")),
        )
    console.print(table)
    count = len(articles)
    console.print(Text(f"{count} article{'s' * (count != 1)}", style="dim"))


def print_article(console: Console, article: Article, *, show_removed: bool = False) -> None:
    """The article: title, metadata line, then the body wrapped to the terminal."""
    width = min(console.width, READING_MEASURE) if console.is_terminal else None

    def emit(text: Text) -> None:
        if width is None:
            console.print(text, soft_wrap=True)  # into a pipe: one line per paragraph
        else:
            console.print(text, width=width)

    emit(Text(literal(article.title), style="bold"))
    emit(Text(byline(article), style="dim"))
    for block in article.blocks:
        console.print()
        style = "bold underline" if block.kind is BlockKind.HEADING else ""
        emit(Text(literal(block.text), style=style))
    if show_removed and article.removed:
        console.print()
        emit(Text(f"Removed from the body ({len(article.removed)} lines):", style="bold dim"))
        for line in article.removed:
            emit(Text(f"  [{line.reason.value}] {literal(line.text)}", style="dim"))


def print_warnings(console: Console, warnings: Sequence[LoadWarning]) -> None:
    """One line per file that could not be used: ``warning: PATH: message``."""
    for warning in warnings:
        line = Text("warning: ", style="yellow")
        line.append(f"{literal(warning.path)}: {literal(warning.message)}")
        console.print(line, soft_wrap=True)
