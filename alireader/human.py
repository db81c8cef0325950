"""Human-readable CLI output, rendered with Rich.

Article text is always printed literally: it goes into ``Text`` objects (never markup) after
control characters are made visible, so ``[bold]`` or an escape sequence in an article is shown,
not interpreted. Colour and styles only reach a terminal, and never when ``NO_COLOR`` is set.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from alireader.core.models import Article, ArticleSummary, BlockKind, LoadWarning
from alireader.core.text import visible_controls

if TYPE_CHECKING:
    from pathlib import Path

    from rich.console import Console
    from rich.text import Text

    from alireader.core.search import SearchResult
    from alireader.themes import ThemeSpec

# Rich is imported by the functions that draw with it, not here: into a pipe, a command's
# output is plain text (see :func:`is_plain`) and its start-up should not pay for Rich.

_PIPE_WIDTH = 100_000  # into a pipe, lines are as long as their content
READING_MEASURE = 88  # characters per line for prose: comfortable, even in a wide terminal


def _console_class() -> type[Console]:
    from rich.console import Console

    class _Console(Console):
        """A Rich console for which a closed pipe is not an error."""

        def on_broken_pipe(self) -> None:
            # `alireader list | head -1` is a normal use: stop writing, exit 0 (Rich exits 1).
            self.quiet = True
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            raise SystemExit(0)

    return _Console


def make_console(file: TextIO | None = None) -> Console:
    """A console that writes plain text into pipes and under ``NO_COLOR``."""
    stream = file or sys.stdout
    terminal = _isatty(stream)
    plain = bool(os.environ.get("NO_COLOR")) or not terminal
    return _console_class()(
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


def is_plain(stream: TextIO) -> bool:
    """Whether output to ``stream`` is plain text with nothing to lay out: not a terminal. What
    Rich would print there is then written directly, without importing Rich."""
    return not _isatty(stream)


def warn(stream: TextIO, warnings: Sequence[LoadWarning]) -> None:
    """:func:`print_warnings` to ``stream`` (stderr), plain into a pipe or a file."""
    if not warnings:
        return
    if is_plain(stream):
        stream.write("".join(f"warning: {name(w.path)}: {literal(w.message)}\n" for w in warnings))
        stream.flush()
        return
    print_warnings(make_console(stream), warnings)


def literal(text: str | None) -> str:
    """Article text made safe to print: control characters become visible placeholders."""
    return visible_controls(text or "")


_NAME_BREAKS = str.maketrans({"\n": "\u240a", "\t": "\u2409"})


def name(text: str) -> str:
    """An ID or a path made safe to print on one line: controls made visible, and also the
    line breaks and tabs a file name may hold (as ␊ and ␉), so one entry stays one line."""
    return literal(text).translate(_NAME_BREAKS)


def byline(article: Article) -> str:
    """``author · source · category · date · N words`` with the missing parts left out."""
    parts = [article.author, article.source, article.category, article.date]
    present = [literal(part) for part in parts if part]
    present.append(f"{article.words:,} words".replace(",", " "))
    return " · ".join(present)


def print_list(console: Console, articles: Sequence[Article | ArticleSummary]) -> None:
    """The articles, one per line: ID, title, source or author, words.

    Formatted by hand rather than with a Rich ``Table``, which measures every cell and takes
    seconds for 10,000 rows. On a terminal the title is cut to fit the width; into a pipe
    nothing is cut.
    """
    from rich.cells import cell_len
    from rich.text import Text

    on_terminal = console.is_terminal
    ids = [name(a.id) for a in articles]
    sources = [one_line(a.source or a.author) for a in articles]
    id_width = min(max((cell_len(i) for i in ids), default=2), 24 if on_terminal else 200)
    source_width = min(max((cell_len(s) for s in sources), default=0), 20)
    source_width = max(source_width, len(_SOURCE_HEADER))
    title_width = (
        max(20, console.width - id_width - source_width - _WORDS_WIDTH - 6)
        if on_terminal
        else max((cell_len(one_line(a.title)) for a in articles), default=5)
    )
    header = "  ".join(
        (
            _fit("ID", id_width),
            _fit("Title", title_width),
            _fit(_SOURCE_HEADER, source_width),
            "Words".rjust(_WORDS_WIDTH),
        )
    )
    if not on_terminal:
        lines = [header.rstrip()]
        for article, article_id, source in zip(articles, ids, sources, strict=True):
            cells = (
                _fit(article_id, id_width),
                _fit(one_line(article.title), title_width),
                _fit(source, source_width),
                _words(article.words),
            )
            lines.append("  ".join(cells))
        console.file.write("\n".join(lines) + "\n")
    else:
        console.print(Text(header, style="bold"), no_wrap=True, crop=True)
        for article, article_id, source in zip(articles, ids, sources, strict=True):
            row = Text(no_wrap=True)
            row.append(_fit(article_id, id_width), style="cyan")
            row.append("  ")
            title_style = "italic" if article.title_inferred else ""
            row.append(_fit(one_line(article.title), title_width), style=title_style)
            row.append("  ")
            row.append(_fit(source, source_width), style="dim")
            row.append("  " + _words(article.words))
            console.print(row, no_wrap=True, crop=True)
    count = len(articles)
    console.print(Text(f"{count} article{'s' * (count != 1)}", style="dim"))


_SOURCE_HEADER = "Source / author"
_WORDS_WIDTH = 6


def one_line(text: str | None) -> str:
    """Text for one cell: controls made visible, runs of whitespace (newlines too) collapsed."""
    return " ".join(literal(text).split())


def _fit(text: str, width: int) -> str:
    """``text`` padded or cut (with "…") to exactly ``width`` terminal cells."""
    from rich.cells import cell_len, set_cell_size

    if cell_len(text) <= width:
        return set_cell_size(text, width)
    return set_cell_size(text, width - 1) + "…"


def _words(count: int) -> str:
    return f"{count:,}".replace(",", " ").rjust(_WORDS_WIDTH)


def print_article(
    console: Console,
    article: Article,
    *,
    show_removed: bool = False,
    max_display_bytes: int | None = None,
) -> None:
    """The article: title, metadata line, then the body wrapped to the terminal. A body over
    ``max_display_bytes`` (UTF-8) is cut near it, followed by a notice naming ``--full``."""
    from rich.text import Text

    from alireader.limits import cut_notice, display_cut

    width = min(console.width, READING_MEASURE) if console.is_terminal else None

    def emit(text: Text) -> None:
        if width is None:
            console.print(text, soft_wrap=True)  # into a pipe: one line per paragraph
        else:
            console.print(text, width=width)

    emit(Text(literal(article.title), style="bold"))
    emit(Text(byline(article), style="dim"))
    cut = None if max_display_bytes is None else display_cut(article.body, max_display_bytes)
    start = 0
    for block in article.blocks:  # the body is the blocks joined by blank lines
        if cut is not None and start >= cut.at:
            break
        text = block.text if cut is None else block.text[: cut.at - start]
        start += len(block.text) + 2
        console.print()
        style = "bold underline" if block.kind is BlockKind.HEADING else ""
        emit(Text(literal(text), style=style))
    if cut is not None:
        console.print()
        emit(Text(cut_notice(cut, "Run 'alireader show ID --full' to print all of it."), "bold"))
    if show_removed and article.removed:
        console.print()
        emit(Text(f"Removed from the body ({len(article.removed)} lines):", style="bold dim"))
        for line in article.removed:
            emit(Text(f"  [{line.reason.value}] {literal(line.text)}", style="dim"))


def print_warnings(console: Console, warnings: Sequence[LoadWarning]) -> None:
    """One line per file that could not be used: ``warning: PATH: message``."""
    from rich.text import Text

    for warning in warnings:
        line = Text("warning: ", style="yellow")
        line.append(f"{name(warning.path)}: {literal(warning.message)}")
        console.print(line, soft_wrap=True)


def print_problems(console: Console, problems: Sequence[str]) -> None:
    """One ``warning: …`` line per problem sentence."""
    from rich.text import Text

    for problem in problems:
        line = Text("warning: ", style="yellow")
        line.append(literal(problem))
        console.print(line, soft_wrap=True)


def print_themes(console: Console, specs: Sequence[ThemeSpec]) -> None:
    """The themes: name, where it comes from, and what it is for."""
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("Theme", style="cyan", no_wrap=True)
    table.add_column("Origin", no_wrap=True)
    table.add_column("For", style="dim")
    for spec in specs:
        origin = spec.origin + (" (replaces the bundled one)" if spec.overrides else "")
        table.add_row(Text(literal(spec.name)), origin, Text(literal(spec.description)))
    console.print(table)


def print_settings(
    console: Console, path: Path | None, rows: Sequence[tuple[str, str, str]]
) -> None:
    """``alireader config``: the file read, then every setting with its value and source."""
    from rich.table import Table
    from rich.text import Text

    where = f"Config file: {path}" if path is not None else "Config file: none (all defaults)"
    console.print(Text(literal(where), style="bold"))
    table = Table(box=None, pad_edge=False, show_edge=False, header_style="bold")
    table.add_column("Key", style="cyan", no_wrap=True)
    table.add_column("Value")
    table.add_column("Source", style="dim")
    for key, value, source in rows:
        table.add_row(Text(literal(key)), Text(literal(value)), Text(literal(source)))
    console.print(table)


_ONE_LINE = str.maketrans("\n\t\r", "   ")


def _highlighted(text: str, spans: Sequence[tuple[int, int]], style: str) -> Text:
    """``text`` made literal on one line, with ``spans`` styled. Offsets still hold: line
    breaks become spaces one for one, and C0 controls become one-character pictures."""
    from rich.text import Text

    shown = Text(literal(text).translate(_ONE_LINE))
    for start, end in spans:
        shown.stylize(style, start, end)
    return shown


def print_hits(console: Console, result: SearchResult, took_ms: float) -> None:
    """``alireader search``: per hit, its ID and score, the title and a snippet, matches
    highlighted (on a terminal only: into a pipe the text is plain)."""
    from rich.text import Text

    if console.is_terminal:
        _print_hits_wrapped(console, result)
    else:
        for hit in result.hits:
            head = Text()
            head.append(name(hit.id), style="cyan")
            head.append(f"  {hit.score:.2f}  ", style="dim")
            head.append_text(_highlighted(hit.title, hit.title_matches, "bold reverse"))
            console.print(head, soft_wrap=True)
            if hit.snippet:
                line = Text("    ")
                line.append_text(_highlighted(hit.snippet, hit.snippet_matches, "reverse"))
                console.print(line, soft_wrap=True)
    console.print(Text(_hits_summary(result, took_ms), style="dim"))


def _print_hits_wrapped(console: Console, result: SearchResult) -> None:
    """:func:`print_hits` laid out for a terminal: per hit, its ID and score on a line of their
    own (whole, to copy for ``show``), then the title and the snippet wrapped between words
    under it, indented, and a blank line; the terminal would otherwise cut words in two."""
    from rich.padding import Padding
    from rich.text import Text

    for hit in result.hits:
        head = Text()
        head.append(name(hit.id), style="cyan")
        head.append(f"  {hit.score:.2f}", style="dim")
        console.print(head, soft_wrap=True)
        title = _highlighted(hit.title, hit.title_matches, "bold reverse")
        title.stylize("bold")
        console.print(Padding(title, (0, 0, 0, 2)))
        if hit.snippet:
            snippet = _highlighted(hit.snippet, hit.snippet_matches, "reverse")
            console.print(Padding(snippet, (0, 0, 0, 4)))
        console.print()


def _hits_summary(result: SearchResult, took_ms: float) -> str:
    count = len(result.hits)
    if result.total == 0:
        summary = "No matching article"
    else:
        summary = f"{count} of {result.total} matching article{'s' * (result.total != 1)}"
    return f"{summary} ({took_ms:.1f} ms): {result.query.description}"


def write_hits(stream: TextIO, result: SearchResult, took_ms: float) -> None:
    """:func:`print_hits` as plain text, for a pipe or a file (see :func:`is_plain`): the
    same lines, with no styles and without Rich."""
    lines = []
    for hit in result.hits:
        lines.append(f"{name(hit.id)}  {hit.score:.2f}  {_one_line(hit.title)}")
        if hit.snippet:
            lines.append(f"    {_one_line(hit.snippet)}")
    lines.append(_hits_summary(result, took_ms))
    stream.write("\n".join(lines) + "\n")


def _one_line(text: str) -> str:
    return literal(text).translate(_ONE_LINE)
