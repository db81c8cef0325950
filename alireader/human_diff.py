"""Human-readable output of ``alireader dupes`` and ``alireader diff``, rendered with Rich.

The diff is side by side when there are at least :data:`SIDE_BY_SIDE_MIN` columns, stacked
(A above B, like a unified diff) when fewer. Sentences wrap, never get cut. On a terminal the
changes take the theme's ``diff-*`` styles; into a pipe or under ``NO_COLOR`` they are marked in
the text itself, wdiff-style: ``[-only in A-]``, ``{+only in B+}``, ``[moved]``. Article text
is always literal (see :mod:`alireader.human`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from alireader.core.diff import Alignment, DiffRow, Op, Segment
from alireader.core.duplicates import Cluster
from alireader.core.models import Article, ArticleSummary
from alireader.human import byline, literal, one_line

SIDE_BY_SIDE_MIN = 100
"""Narrower than this, the two copies are stacked instead of side by side."""
PIPE_WIDTH = 100
"""The width of a diff printed into a pipe when neither ``--width`` nor ``$COLUMNS`` is set."""

_MARKS = {Op.EQUAL: " ", Op.REPLACE: "~", Op.DELETE: "-", Op.INSERT: "+", Op.MOVED: ">"}
# Plain text: how a changed piece is shown without colour (wdiff's markers).
_OPEN = {Op.DELETE: "[-", Op.INSERT: "{+", Op.REPLACE: "[-", Op.MOVED: "[moved] "}
_CLOSE = {Op.DELETE: "-]", Op.INSERT: "+}", Op.REPLACE: "-]"}


def theme_styles(requested: str | None) -> dict[str, str]:
    """The ``diff-*`` styles of the configured theme (the default one if it cannot be used)."""
    from alireader.themes import discover_themes, no_color, pick_theme

    specs, problems = discover_themes()
    spec, _warning = pick_theme(specs, requested, no_color(os.environ), problems)
    return {key: value for key, value in spec.styles.items() if key.startswith("diff-")}


def _width(console: Console, requested: int | None) -> int:
    if requested is not None:
        return requested
    if console.is_terminal:
        return console.width
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    return PIPE_WIDTH


class _Painter:
    """Turns segments into Rich text: styled on a terminal, marked in plain text otherwise."""

    def __init__(self, styles: Mapping[str, str] | None) -> None:
        self.styles = styles

    def cell(self, segments: Sequence[Segment], side: str, moved: bool) -> Text:
        text = Text()
        if moved:
            if self.styles is None:
                text.append("[moved] ")
            base = self.styles.get("diff-moved", "") if self.styles else ""
        else:
            base = ""
        for segment in segments:
            piece = literal(segment.text).replace("\n", " ")
            if not segment.changed:
                text.append(piece, style=base)
                continue
            op = segment.op
            if op == Op.REPLACE:
                op = Op.DELETE if side == "a" else Op.INSERT
            if self.styles is None:
                text.append(f"{_OPEN[op]}{piece}{_CLOSE[op]}")
            else:
                key = "diff-change" if segment.op == Op.REPLACE else f"diff-{op.value}"
                text.append(piece, style=f"{base} {self.styles.get(key, 'reverse')}".strip())
        return text


def _cells(row: DiffRow, painter: _Painter) -> tuple[Text | None, Text | None]:
    moved = row.op == Op.MOVED
    a = None if row.a is None else painter.cell(row.a_segments or (Segment(row.a),), "a", moved)
    b = None if row.b is None else painter.cell(row.b_segments or (Segment(row.b),), "b", moved)
    return a, b


def _wrap(console: Console, text: Text | None, width: int) -> list[Text]:
    if text is None:
        return []
    return list(text.wrap(console, max(1, width), overflow="fold"))


def _header(alignment: Alignment, a: Article, b: Article) -> list[Text]:
    percent = f"{alignment.similarity:.0%}"
    lines = [
        Text.assemble(("A  ", "bold"), (literal(a.id), "cyan"), "  ", one_line(a.title)),
        Text("   " + byline(a), style="dim"),
        Text.assemble(("B  ", "bold"), (literal(b.id), "cyan"), "  ", one_line(b.title)),
        Text("   " + byline(b), style="dim"),
        Text(
            f"similarity {percent} · {alignment.containment_a:.0%} of A is in B · "
            f"{alignment.containment_b:.0%} of B is in A · "
            f"{alignment.words_only_a} words only in A · {alignment.words_only_b} only in B"
            + (" · typography ignored" if alignment.ignore_typography else ""),
            style="bold",
        ),
    ]
    return lines


def _print_lines(console: Console, lines: Sequence[Text]) -> None:
    plain = not console.is_terminal  # on a terminal a coloured block may end in spaces
    for line in lines:
        if plain:
            line.rstrip()  # no trailing spaces in a file (wrapped lines ended in one)
        console.print(line, no_wrap=True, overflow="ignore", crop=False, soft_wrap=True)


def print_diff(
    console: Console,
    a: Article,
    b: Article,
    alignment: Alignment,
    *,
    width: int | None = None,
    styles: Mapping[str, str] | None = None,
    ascii_only: bool = False,
) -> None:
    """``alireader diff``: the header, then the rows, side by side or stacked by width.
    ``styles`` (the theme's ``diff-*`` styles) colour the changes; None marks them in text."""
    total = _width(console, width)
    painter = _Painter(styles)
    rule = "-" if ascii_only else "─"
    bar = "|" if ascii_only else "│"
    lines = [piece for line in _header(alignment, a, b) for piece in _wrap(console, line, total)]
    lines.append(Text(rule * total, style="dim"))
    if total >= SIDE_BY_SIDE_MIN:
        column = (total - 4) // 2
        for row in alignment.rows:
            cell_a, cell_b = _cells(row, painter)
            left, right = _wrap(console, cell_a, column), _wrap(console, cell_b, column)
            for number in range(max(len(left), len(right), 1)):
                line = Text()
                piece = left[number] if number < len(left) else Text()
                line.append_text(piece)
                line.append(" " * (column - cell_len(piece.plain)))
                mark = _MARKS[row.op] if number == 0 else " "
                line.append(f" {mark}{bar} ", style="dim")
                if number < len(right):
                    line.append_text(right[number])
                lines.append(line)
    else:
        body = max(1, total - 2)
        for row in alignment.rows:
            cell_a, cell_b = _cells(row, painter)
            if row.op == Op.EQUAL:
                cell_b = None  # said once
            # A changed sentence shows A's form ("-") above B's ("+"), as a unified diff does.
            mark_a, mark_b = ("-", "+") if row.op == Op.REPLACE else (_MARKS[row.op],) * 2
            for mark, cell in ((mark_a, cell_a), (mark_b, cell_b)):
                for number, piece in enumerate(_wrap(console, cell, body)):
                    line = Text(f"{mark} " if number == 0 else "  ", style="dim")
                    line.append_text(piece)
                    lines.append(line)
    _print_lines(console, lines)


def print_clusters(
    console: Console, clusters: Sequence[Cluster], summaries: Sequence[ArticleSummary]
) -> None:
    """``alireader dupes``: each cluster with its similarity, then its articles (the
    representative, the longest copy, marked ``*``), then how many clusters."""
    by_id = {summary.id: summary for summary in summaries}
    for number, cluster in enumerate(clusters, start=1):
        head = Text(
            f"{number}. {len(cluster.articles)} copies, similarity {cluster.similarity:.0%}",
            style="bold",
        )
        console.print(head, soft_wrap=True)
        for member in cluster.articles:
            summary = by_id.get(member)
            line = Text("  * " if member == cluster.representative else "    ")
            line.append(literal(member), style="cyan")
            if summary is not None:
                line.append(f"  {one_line(summary.title)}")
                line.append(f"  ({summary.words} words)", style="dim")
            console.print(line, soft_wrap=True)
    count = len(clusters)
    copies = sum(len(cluster.articles) for cluster in clusters)
    console.print(
        Text(
            f"{count} cluster{'s' * (count != 1)} of near-duplicates ({copies} articles)",
            style="dim",
        )
    )
