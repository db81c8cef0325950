"""The rows of the diff view: two copies of an article, sentence by sentence, in one scroll.

A line-rendered :class:`~textual.scroll_view.ScrollView`, like the article list: the alignment
is laid out once per width (each sentence wrapped to its column, a row as tall as its taller
cell, so nothing is ever cut) and only the lines on screen are painted. Both columns are parts
of the same lines, so they cannot scroll apart.

Wide (:data:`STACKED_BELOW` columns or more)::

    ▸ A's sentence, wrapped ...      ~│ B's sentence, wrapped ...

Narrow: stacked, A's form of a changed sentence above B's, each labelled, an unchanged sentence
once. Inside changed sentences the words that differ take the theme's ``diff-*`` styles; a
sentence only one copy has is a block in ``diff-insert`` / ``diff-delete``; a moved sentence is
in ``diff-moved`` with a note saying where the other copy has it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from alireader.core.diff import Alignment, DiffRow, Op
from alireader.core.diff import Segment as Piece
from alireader.core.text import visible_controls
from alireader.ui.glyphs import GLYPHS, Glyphs
from alireader.ui.widgets.styling import text_style

STACKED_BELOW = 100
"""Narrower than this (the widget's width), the copies are stacked instead of side by side."""
GUTTER = 2
"""Cells left of the text: the current change's bar (and pointer), then a space."""
MIDDLE = 4
"""Cells between the columns: a space, the row's mark, the rule, a space."""
LABEL = 2
"""Cells of the ``A``/``B`` label in front of each sentence in the stacked view."""

_MARKS = {Op.EQUAL: " ", Op.REPLACE: "~", Op.DELETE: "-", Op.INSERT: "+"}
# Theme style of a changed piece of a sentence, by how it differs.
_PIECE_STYLES = {Op.REPLACE: "diff-change", Op.DELETE: "diff-delete", Op.INSERT: "diff-insert"}
_FALLBACK = Style(reverse=True)  # a theme without diff styles still shows the changes


def columns(width: int) -> tuple[int, int]:
    """The widths of the A and B columns when ``width`` cells are laid out side by side."""
    text = max(2, width - GUTTER - MIDDLE)
    return text // 2, text - text // 2


def change_runs(alignment: Alignment) -> list[tuple[int, int]]:
    """``(first row, end row)`` of every change: a run of rows that are not ``equal``."""
    rows = alignment.rows
    runs = []
    for start in alignment.changes():
        end = start
        while end < len(rows) and rows[end].op != Op.EQUAL:
            end += 1
        runs.append((start, end))
    return runs


Anchor = tuple[int | None, int | None]
"""A place in an article pair that survives re-aligning: the first sentence of A and of B at or
after a row (``a_index``, ``b_index``), None for a side with no sentence left."""


def anchor_at(rows: Sequence[DiffRow], position: int) -> Anchor:
    """The sentences of both sides at or after row ``position``."""
    first_a = first_b = None
    for row in rows[max(0, position) :]:
        if first_a is None and row.a_index is not None:
            first_a = row.a_index
        if first_b is None and row.b_index is not None:
            first_b = row.b_index
        if first_a is not None and first_b is not None:
            break
    return first_a, first_b


def row_of_anchor(rows: Sequence[DiffRow], anchor: Anchor) -> int:
    """The first row that holds a sentence of ``anchor`` or a later one (``len(rows)`` if none)."""
    first_a, first_b = anchor
    for position, row in enumerate(rows):
        if first_a is not None and row.a_index is not None and row.a_index >= first_a:
            return position
        if first_b is not None and row.b_index is not None and row.b_index >= first_b:
            return position
    return len(rows)


def _clean(text: str) -> str:
    # Controls made visible; a tab would be expanded at a width the wrapping did not count.
    return visible_controls(text).replace("\t", " ").replace("\n", " ")


@dataclass(frozen=True, slots=True)
class _Line:
    row: int
    strip: Strip  # everything right of the gutter


class DiffView(ScrollView, can_focus=True):
    """The aligned rows of two copies; set them with :meth:`show`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "diff-view--mark",
        "diff-view--current",
        "diff-view--note",
        "diff-view--empty",
    }

    DEFAULT_CSS = """
    DiffView {
        overflow-x: hidden;
        /* Always there, so the columns keep their width whether the rows fit or not. */
        overflow-y: scroll;
    }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.alignment: Alignment | None = None
        self.runs: list[tuple[int, int]] = []
        """Every change as ``(first row, end row)``, top to bottom."""
        self.current: int | None = None
        """The current change (an index into :attr:`runs`), or None before n or p."""
        self.empty_text = "Aligning the two copies…"
        self._lines: list[_Line] = []
        self._first_line: list[int] = [0]  # of every row, then the line count
        self._laid_out = (-1, False)  # (width, stacked) of the lines
        self._styles: dict[str, Style] = {}

    # -- what is shown -----------------------------------------------------------------------

    @property
    def stacked(self) -> bool:
        """Whether the copies are stacked (a narrow terminal) rather than side by side."""
        return self.size.width < STACKED_BELOW

    def show(
        self, alignment: Alignment, *, top: Anchor | None = None, current: Anchor | None = None
    ) -> None:
        """Show ``alignment``, its row holding ``top`` at the top of the view and the change
        holding ``current`` (if one still does) as the current change."""
        self.alignment = alignment
        self.runs = change_runs(alignment)
        self.current = None
        if current is not None:
            self.current = self.change_of_row(row_of_anchor(alignment.rows, current))
        self._layout(force=True)
        row = row_of_anchor(alignment.rows, top) if top is not None else 0
        self.scroll_to(y=self._line_of_row(row), animate=False, immediate=True)

    def change_of_row(self, row: int) -> int | None:
        """The change that ``row`` belongs to, or None for an unchanged row."""
        number = bisect_right([start for start, _ in self.runs], row) - 1
        if number >= 0 and row < self.runs[number][1]:
            return number
        return None

    def top_anchor(self) -> Anchor | None:
        """Where the view is: the sentences of the row at the top line."""
        if self.alignment is None or not self._lines:
            return None
        return anchor_at(self.alignment.rows, self._row_at_line(round(self.scroll_y)))

    def current_anchor(self) -> Anchor | None:
        """Where the current change is (None without one)."""
        if self.alignment is None or self.current is None:
            return None
        return anchor_at(self.alignment.rows, self.runs[self.current][0])

    def change_lines(self, number: int) -> tuple[int, int]:
        """The first line and the end line of change ``number`` in the laid-out view."""
        start, end = self.runs[number]
        return self._line_of_row(start), self._line_of_row(end)

    def rendered_lines(self) -> list[str]:
        """Every laid-out line as plain text, gutter included (for tests and debugging)."""
        return [line.strip.text for line in self._lines]

    # -- moving between changes --------------------------------------------------------------

    def _visible(self, number: int) -> bool:
        first, end = self.change_lines(number)
        top = round(self.scroll_y)
        return first < top + self.scrollable_content_region.height and end > top

    def next_change(self) -> bool:
        """Make the next change current and bring it into view; False when there is none.

        "Next" is after the current change while it is on screen; after scrolling it away,
        the first change from the top of the view."""
        if not self.runs:
            return False
        if self.current is not None and self._visible(self.current):
            target = self.current + 1
        else:
            top = round(self.scroll_y)
            later = [n for n in range(len(self.runs)) if self.change_lines(n)[0] >= top]
            target = later[0] if later else len(self.runs)
        return self._go_to(target)

    def previous_change(self) -> bool:
        """Make the previous change current (the last one above the view when the current one
        was scrolled away); False when there is none."""
        if not self.runs:
            return False
        if self.current is not None and self._visible(self.current):
            target = self.current - 1
        else:
            top = round(self.scroll_y)
            earlier = [n for n in range(len(self.runs)) if self.change_lines(n)[0] < top]
            target = earlier[-1] if earlier else -1
        return self._go_to(target)

    def _go_to(self, number: int) -> bool:
        if not 0 <= number < len(self.runs):
            return False
        self.current = number
        first, end = self.change_lines(number)
        height = max(1, self.scrollable_content_region.height)
        top = round(self.scroll_y)
        if first < top or end > top + height:
            # A little of what comes before, so the change is read in its context.
            self.scroll_to(y=max(0, first - min(2, height // 4)), animate=False, immediate=True)
        self.refresh()
        return True

    # -- layout ------------------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        """Lay the rows out again at the new width, keeping the same sentences in view."""
        top = self.top_anchor()
        if self._layout() and top is not None and self.alignment is not None:
            row = row_of_anchor(self.alignment.rows, top)
            self.scroll_to(y=self._line_of_row(row), animate=False, immediate=True)

    def notify_style_update(self) -> None:
        """A new theme (or CSS): the lines are painted again with its styles."""
        super().notify_style_update()
        self._styles.clear()
        if self.is_mounted and self.alignment is not None:
            self.call_later(self._layout, True)

    def _line_of_row(self, row: int) -> int:
        return self._first_line[min(row, len(self._first_line) - 1)]

    def _row_at_line(self, line: int) -> int:
        if not self._lines:
            return 0
        return self._lines[max(0, min(line, len(self._lines) - 1))].row

    def _layout(self, force: bool = False) -> bool:
        """Wrap every row at the current width; False when nothing needed doing."""
        width = self.scrollable_content_region.width
        key = (width, self.stacked)
        if self.alignment is None or width <= 0 or (key == self._laid_out and not force):
            return False
        self._laid_out = key
        lines: list[_Line] = []
        first_line: list[int] = []
        for position, row in enumerate(self.alignment.rows):
            first_line.append(len(lines))
            strips = self._stacked(position, row, width) if key[1] else self._wide(position, row)
            lines.extend(_Line(position, strip) for strip in strips)
        first_line.append(len(lines))
        self._lines, self._first_line = lines, first_line
        self.virtual_size = Size(width, len(lines))
        self.refresh()
        return True

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            if name.startswith("diff-view--"):
                style = (
                    self.get_component_rich_style(name, partial=True)  # with its background
                    if name == "diff-view--current"
                    else text_style(self, name)
                )
            else:  # the theme file's [styles]
                theme: dict[str, Style] = getattr(self.app, "theme_styles", {})
                style = theme.get(name, _FALLBACK)
            self._styles[name] = style
        return style

    @property
    def _glyphs(self) -> Glyphs:
        return getattr(self.app, "glyphs", GLYPHS)

    def _cell(self, row: DiffRow, side: str) -> Text | None:
        """One side's sentence with its changed words styled (None when it has none)."""
        text = row.a if side == "a" else row.b
        if text is None:
            return None
        pieces = (row.a_segments if side == "a" else row.b_segments) or (Piece(text),)
        base = self._style("diff-moved") if row.op == Op.MOVED else Style()
        cell = Text(end="")
        for piece in pieces:
            style = base + self._style(_PIECE_STYLES[piece.op]) if piece.changed else base
            cell.append(_clean(piece.text), style)
        return cell

    def _note(self, position: int, row: DiffRow) -> Text | None:
        """Where the other copy has a moved sentence: ``↓ moved: B has it at change 7``."""
        if row.op != Op.MOVED or row.partner is None:
            return None
        glyphs = self._glyphs
        arrow = glyphs.moved_down if row.partner > position else glyphs.moved_up
        other = "B" if row.a is not None else "A"
        number = self.change_of_row(row.partner)
        where = f" at change {number + 1}" if number is not None else ""
        style = self._style("diff-view--note") + self._style("diff-moved")
        return Text(f"{arrow} moved: {other} has it{where}", style=style, end="")

    def _wrap(self, text: Text | None, width: int) -> list[Strip]:
        if text is None:
            return []
        console = self.app.console
        return [
            Strip(list(line.render(console, end=""))).adjust_cell_length(width)
            for line in text.wrap(console, max(1, width), overflow="fold")
        ]

    def _mark(self, position: int, row: DiffRow) -> str:
        if row.op == Op.MOVED:
            glyphs = self._glyphs
            partner = row.partner if row.partner is not None else position
            return glyphs.moved_down if partner > position else glyphs.moved_up
        return _MARKS[row.op]

    def _wide(self, position: int, row: DiffRow) -> list[Strip]:
        width_a, width_b = columns(self.scrollable_content_region.width)
        left = self._wrap(self._cell(row, "a"), width_a)
        right = self._wrap(self._cell(row, "b"), width_b)
        note = self._note(position, row)
        if note is not None:  # in the empty column, level with the sentence
            if row.a is None:
                left = self._wrap(note, width_a)
            else:
                right = self._wrap(note, width_b)
        mark_style = self._style("diff-view--mark")
        rule = self._glyphs.column_rule
        strips = []
        for number in range(max(len(left), len(right), 1)):
            mark = self._mark(position, row) if number == 0 else " "
            middle = Strip(
                [Segment(" "), Segment(mark, mark_style), Segment(rule, mark_style), Segment(" ")]
            )
            cell_a = left[number] if number < len(left) else Strip.blank(width_a)
            cell_b = right[number] if number < len(right) else Strip.blank(width_b)
            strips.append(Strip.join([cell_a, middle, cell_b]))
        return strips

    def _stacked(self, position: int, row: DiffRow, width: int) -> list[Strip]:
        body = max(1, width - GUTTER - LABEL)
        mark_style = self._style("diff-view--mark")
        sides = ("a",) if row.op == Op.EQUAL else ("a", "b")  # an unchanged sentence once
        strips = []
        for side in sides:
            label = " " if row.op == Op.EQUAL else side.upper()
            for number, strip in enumerate(self._wrap(self._cell(row, side), body)):
                head = Segment(f"{label if number == 0 else ' '} ", mark_style)
                strips.append(Strip.join([Strip([head]), strip]))
        note = self._note(position, row)
        if note is not None:
            strips.extend(Strip.join([Strip.blank(LABEL), s]) for s in self._wrap(note, body))
        return strips or [Strip.blank(width - GUTTER)]

    # -- painting ----------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        """The line at screen row ``y``: the gutter (the current change's bar), then the row."""
        width = self.scrollable_content_region.width
        base = self.rich_style
        number = round(self.scroll_y) + y
        if not self._lines:
            if y == 0:
                empty = Segment(" " + self.empty_text, self._style("diff-view--empty"))
                return Strip([empty]).apply_style(base).crop_extend(0, width, base)
            return Strip.blank(width, base)
        if number >= len(self._lines):
            return Strip.blank(width, base)
        line = self._lines[number]
        gutter = Segment(" ")
        if self.current is not None:
            start, end = self.runs[self.current]
            if start <= line.row < end:
                first = number == self._line_of_row(start)
                bar = self._glyphs.pointer if first else " "
                gutter = Segment(bar, self._style("diff-view--current"))
        strip = Strip.join([Strip([gutter, Segment(" ")]), line.strip])
        return strip.apply_style(base).crop_extend(0, width, base)
