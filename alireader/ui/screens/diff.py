"""The diff view: two copies of one story side by side, sentence by sentence, every change shown.

Opened from the main screen with two full articles. The header names both copies and gives the
figures (similarity, how much of each is in the other, words only one copy has); the rows are a
:class:`~alireader.ui.widgets.diff_view.DiffView`; a status line says which change is current
and whether typography is ignored. Aligning runs in a thread worker (two 2,000-word articles take
a few milliseconds, but a pair of very long files must not freeze the screen), and every
alignment is kept, so toggling typography or swapping sides back is instant.

:class:`CopyPicker` asks which copy to compare with when a story has more than two.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, cast

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from alireader.core.diff import Alignment, align
from alireader.core.models import Article, ArticleSummary
from alireader.core.text import visible_controls
from alireader.ui.bound_keys import bound_key
from alireader.ui.glyphs import GLYPHS, Glyphs
from alireader.ui.screens.help import HelpScreen, help_sections
from alireader.ui.widgets.diff_view import GUTTER, MIDDLE, STACKED_BELOW, Anchor, DiffView, columns

NOTES = (
    "The two copies are aligned sentence by sentence, so different paragraph breaks never "
    "count as changes. In a changed sentence the words that differ are highlighted; a sentence "
    "only one copy has is a coloured block on its side (- only in A, + only in B, ~ changed); "
    "a sentence that moved is marked with an arrow and says where the other copy has it.\n"
    "\n"
    "n and p go from change to change (the bar on the left marks the current one); after "
    "scrolling away, n goes to the first change below the top of the screen. t ignores "
    "typography: quotes, apostrophes, dashes, accents on capitals (Etats / États), thousands "
    "separators (2.000 / 2 000 / 2000) and spacing; sentences that differ only in those then "
    "show as unchanged. s swaps the sides. Below 100 columns the copies are stacked: A's form "
    "of a changed sentence above B's."
)


def _one_line(text: str | None) -> str:
    return " ".join(visible_controls(text or "").split())


def _byline(article: Article) -> str:
    parts = [article.source, article.author, article.date]
    present = [_one_line(part) for part in parts if part]
    present.append(f"{article.words:,} words".replace(",", "\u202f"))
    return " · ".join(present)


def _clip(text: Text, width: int, lines: int, ellipsis: str, indent: int = 0) -> list[Text]:
    """``text`` wrapped to ``width`` cells (after ``indent`` spaces) on at most ``lines``
    lines, each padded to the width; the last one ends with an ellipsis when some was left out
    (header lines only: the article's sentences are never cut)."""
    room = max(1, width - indent)
    wrapped = list(text.wrap(Console(width=room), room, overflow="fold"))
    kept = wrapped[:lines] or [Text()]
    if len(wrapped) > lines:
        last = kept[-1]
        last.truncate(max(0, room - cell_len(ellipsis)))
        last.rstrip()
        last.append(ellipsis)
    padded = []
    for line in kept:
        indented = Text(" " * indent) + line
        indented.truncate(width, pad=True)
        padded.append(indented)
    return padded


def figures(alignment: Alignment) -> str:
    """The header's figures, in words."""
    return (
        f"similarity {alignment.similarity:.0%} · {alignment.containment_a:.0%} of A is in B · "
        f"{alignment.containment_b:.0%} of B is in A · {alignment.words_only_a:,} words only "
        f"in A · {alignment.words_only_b:,} only in B"
    ).replace(",", "\u202f")


class DiffScreen(Screen[None]):
    """Two copies of one story aligned sentence by sentence (A on the left, B on the right)."""

    HELP_TITLE = "Diff view"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_change", "Next change", id="diff.next_change"),
        Binding("p,N", "previous_change", "Previous change", id="diff.previous_change"),
        Binding("t", "toggle_typography", "Typography", id="diff.typography"),
        Binding("s", "swap", "Swap sides", id="diff.swap"),
        Binding("escape,q", "close", "Back", id="diff.close"),
        Binding("j,down", "scroll_lines(1)", "Scroll down", id="diff.down", show=False),
        Binding("k,up", "scroll_lines(-1)", "Scroll up", id="diff.up", show=False),
        Binding("space,pagedown", "scroll_pages(1)", "Page down", id="diff.page_down", show=False),
        Binding("b,pageup", "scroll_pages(-1)", "Page up", id="diff.page_up", show=False),
        Binding("g,home", "top", "Top", id="diff.top", show=False),
        Binding("G,end", "bottom", "Bottom", id="diff.bottom", show=False),
        # The app's help would list the main screen's panes; this one lists what works here.
        Binding("question_mark", "help", "Help", id="diff.help"),
    ]

    class Aligned(Message):
        """An alignment is ready (posted by the align worker)."""

        def __init__(self, key: tuple[bool, bool], alignment: Alignment) -> None:
            super().__init__()
            self.key = key
            self.alignment = alignment

    def __init__(self, article_a: Article, article_b: Article) -> None:
        super().__init__()
        self.article_a = article_a
        self.article_b = article_b
        self.swapped = False
        """Whether B is shown on the left."""
        self.ignore_typography = False
        self.alignment: Alignment | None = None
        """The alignment on screen (None until the first one is ready)."""
        self._cache: dict[tuple[bool, bool], Alignment] = {}
        self._places: tuple[Anchor | None, Anchor | None] = (None, None)  # top, current
        self._message = ""

    @property
    def sides(self) -> tuple[Article, Article]:
        """The articles on the left and on the right."""
        if self.swapped:
            return self.article_b, self.article_a
        return self.article_a, self.article_b

    @property
    def view(self) -> DiffView:
        """The rows."""
        return self.query_one(DiffView)

    def compose(self) -> ComposeResult:
        """Header (titles, bylines, figures), the rows, a status line and the keys."""
        yield Static(id="diff-header")
        yield Static(id="diff-figures")
        yield DiffView(id="diff-rows")
        yield Static(id="diff-status")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Start aligning; the keyboard goes to the rows."""
        self.view.focus()
        self._request()

    def on_resize(self) -> None:
        """The header follows the layout: columns when wide, stacked when narrow."""
        self._show_header()

    # -- aligning ----------------------------------------------------------------------------

    @property
    def _key(self) -> tuple[bool, bool]:
        return self.swapped, self.ignore_typography

    def _request(self) -> None:
        """Show the alignment for the current sides and mode, aligning first if needed."""
        cached = self._cache.get(self._key)
        if cached is not None:
            self._show(cached)
            return
        self._message = "aligning…"
        self._show_status()
        first, second = self.sides
        self._align(self._key, first.body, second.body)

    @work(thread=True, exclusive=True, group="diff-align", name="align two copies")
    def _align(self, key: tuple[bool, bool], text_a: str, text_b: str) -> None:
        alignment = align(text_a, text_b, ignore_typography=key[1])
        if not get_current_worker().is_cancelled:
            self.post_message(self.Aligned(key, alignment))

    def on_diff_screen_aligned(self, message: Aligned) -> None:
        """Keep the alignment; show it if it is still the one wanted."""
        self._cache[message.key] = message.alignment
        if message.key == self._key:
            self._show(message.alignment)

    def _show(self, alignment: Alignment) -> None:
        top, current = self._places
        self.alignment = alignment
        self._message = ""
        self.view.show(alignment, top=top, current=current)
        self._show_header()
        self._show_status()

    def _remember_places(self, swap: bool = False) -> None:
        """Where the view and the current change are, by sentence, to find them again in the
        next alignment (with the sides exchanged when ``swap``)."""
        view = self.view
        places = (view.top_anchor(), view.current_anchor())
        if swap:
            places = tuple(None if p is None else (p[1], p[0]) for p in places)  # type: ignore[assignment]
        self._places = places

    # -- header and status -------------------------------------------------------------------

    @property
    def _glyphs(self) -> Glyphs:
        return getattr(self.app, "glyphs", GLYPHS)

    def _show_header(self) -> None:
        if not self.is_mounted:
            return
        width = self.size.width
        stacked = width < STACKED_BELOW
        self.set_class(stacked, "-stacked")
        first, second = self.sides
        ellipsis = self._glyphs.ellipsis
        heads = [
            (Text.assemble(("A  ", "bold"), (_one_line(first.title), "bold")), first),
            (Text.assemble(("B  ", "bold"), (_one_line(second.title), "bold")), second),
        ]
        lines: list[Text] = []
        if stacked:
            for head, article in heads:
                lines.extend(_clip(head, width, 1, ellipsis, indent=1))
                lines.extend(_clip(Text(_byline(article), "dim"), width, 1, ellipsis, indent=4))
        else:
            # Level with the columns below (whose view has a one-cell scrollbar on the right);
            # a long title takes two lines, as much of it as a glance can take in.
            widths = columns(width - 1)
            titles = [
                _clip(head, column, 2, ellipsis)
                for (head, _), column in zip(heads, widths, strict=True)
            ]
            rows = max(len(title) for title in titles)  # the bylines level with each other
            cells = [
                [
                    *title,
                    *[Text(" " * column)] * (rows - len(title)),
                    *_clip(Text(_byline(article), "dim"), column, 1, ellipsis, indent=3),
                ]
                for title, (_, article), column in zip(titles, heads, widths, strict=True)
            ]
            for number in range(rows + 1):
                line = Text(" " * GUTTER)
                for side, cell in enumerate(cells):
                    piece = cell[number] if number < len(cell) else Text(" " * widths[side])
                    line.append_text(piece)
                    if side == 0:
                        line.append(" " * MIDDLE)
                lines.append(line)
        self.query_one("#diff-header", Static).update(Text("\n").join(lines))
        if self.alignment is not None:
            self.query_one("#diff-figures", Static).update(Text(figures(self.alignment)))

    def _show_status(self) -> None:
        if not self.is_mounted:
            return
        view = self.view
        total = len(view.runs)
        if self.alignment is None:
            where = "aligning the two copies…"
        elif total == 0:
            where = "no differences"
        elif view.current is None:
            key = bound_key(self.app, "diff.next_change", "n")
            where = f"{total} change{'s' * (total != 1)} · {key} goes to the first"
        else:
            where = f"change {view.current + 1} of {total}"
        typography = "typography ignored" if self.ignore_typography else "typography shown"
        parts = [where, typography]
        if self.swapped:
            parts.append("sides swapped")
        if self._message:
            parts.append(self._message)
        self.query_one("#diff-status", Static).update(Text(" · ".join(parts)))

    # -- actions -----------------------------------------------------------------------------

    def action_next_change(self) -> None:
        """Make the next change current and scroll to it."""
        self._message = "" if self.view.next_change() else "no later change"
        self._show_status()

    def action_previous_change(self) -> None:
        """Make the previous change current and scroll to it."""
        self._message = "" if self.view.previous_change() else "no earlier change"
        self._show_status()

    def action_toggle_typography(self) -> None:
        """Hide (or show again) the changes that are only typographic."""
        if self.alignment is None:
            return
        self._remember_places()
        self.ignore_typography = not self.ignore_typography
        self._request()

    def action_swap(self) -> None:
        """Put A on the right and B on the left (or back)."""
        if self.alignment is None:
            return
        self._remember_places(swap=True)
        self.swapped = not self.swapped
        self._request()

    def action_close(self) -> None:
        """Back to where the diff view was opened from."""
        self.dismiss(None)

    def action_scroll_lines(self, lines: int) -> None:
        """Scroll by ``lines`` (down when positive)."""
        view = self.view
        view.scroll_to(y=view.scroll_y + lines, animate=False)

    def action_scroll_pages(self, pages: int) -> None:
        """Scroll by ``pages`` screenfuls, less a line of context."""
        view = self.view
        page = max(1, view.scrollable_content_region.height - 1)
        view.scroll_to(y=view.scroll_y + pages * page, animate=False)

    def action_top(self) -> None:
        """Scroll to the first row."""
        self.view.scroll_to(y=0, animate=False)

    def action_bottom(self) -> None:
        """Scroll to the last row."""
        self.view.scroll_to(y=self.view.max_scroll_y, animate=False)

    def action_help(self) -> None:
        """The keys of the diff view (and the app's), with notes on what it shows."""
        keymap: Mapping[str, str] = getattr(self.app, "keymap", {})
        screen = cast("Screen[object]", self)
        self.app.push_screen(DiffHelpScreen(help_sections(self.app, screen, (), keymap)))


class DiffHelpScreen(HelpScreen):
    """The help page opened from the diff view: its keys, and notes on reading a diff."""

    def on_mount(self) -> None:
        """Replace the main screen's notes with the diff view's (HelpScreen's own on_mount
        runs too and gives the page the keyboard)."""
        self.query_one("#help-notes", Static).update(Text(NOTES))


class CopyPicker(ModalScreen[str | None]):
    """Which copy to compare ``article`` with, when its story has more than two; dismissed
    with the chosen article's id, or None."""

    HELP_TITLE = "Copy picker"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "cancel", "Cancel", id="copies.cancel"),
    ]

    def __init__(
        self,
        article: ArticleSummary,
        copies: Sequence[ArticleSummary],
        similarity: Mapping[str, float] | None = None,
    ) -> None:
        """``copies`` are offered in the order given; ``similarity`` (article id -> 0..1, to
        ``article``) is shown when known."""
        super().__init__()
        self.article = article
        self.copies = list(copies)
        self.similarity = dict(similarity or {})

    def compose(self) -> ComposeResult:
        """A title and one option per copy: its title, then source, words and similarity."""
        with Vertical(id="copy-dialog"):
            title = Text("Compare with which copy?  (enter compares · escape goes back)\n")
            title.append(_one_line(self.article.title), style="dim")
            yield Static(title, id="copy-title")
            options = [self._option(copy) for copy in self.copies]
            yield OptionList(*options, id="copy-options")

    def _prompt(self, copy: ArticleSummary, highlighted: bool) -> Text:
        # The highlighted copy is marked with a character too: in the monochrome theme the
        # option list's highlight does not show.
        pointer = getattr(self.app, "glyphs", GLYPHS).pointer
        prompt = Text(f"{pointer} " if highlighted else "  ", style="bold")
        prompt.append(_one_line(copy.title) or _one_line(copy.id), style="bold")
        details = [_one_line(copy.source or copy.author or copy.id)]
        details.append(f"{copy.words:,} words".replace(",", "\u202f"))
        if copy.id in self.similarity:
            details.append(f"similarity {self.similarity[copy.id]:.0%}")
        prompt.append("\n  " + " · ".join(details), style="dim")
        return prompt

    def _option(self, copy: ArticleSummary) -> Option:
        return Option(self._prompt(copy, False), id=copy.id)

    def on_mount(self) -> None:
        """The keyboard goes to the list, on the first copy."""
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.copies else None
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Move the pointer to the highlighted copy."""
        options = self.query_one(OptionList)
        for copy in self.copies:
            options.replace_option_prompt(copy.id, self._prompt(copy, copy.id == event.option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Compare with the chosen copy."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Close without choosing."""
        self.dismiss(None)
