"""The reader pane: one article's title, metadata line and cleaned body, at a reading measure.

The list holds summaries; the pane shows a summary's title and metadata at once and gets the
body from the :class:`~alireader.ui.bodies.BodyStore`: from its cache when the article was read
recently, otherwise parsed from the file in a thread worker (never on the event loop), with
"Loading…" shown if that takes longer than a frame. A result for an article the cursor has left
is dropped.

All article text goes through :func:`alireader.core.text.visible_controls` into ``rich.text.Text``
objects: it is never parsed as markup, and escape sequences in a file are shown, not executed.
"""

from __future__ import annotations

import contextlib

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from alireader.core.models import Article, ArticleSummary, BlockKind
from alireader.core.text import visible_controls
from alireader.ui.bodies import BodyStore
from alireader.ui.widgets.styling import text_style

WORDS_PER_MINUTE = 230  # an average adult reading speed for prose
LOADING_DELAY = 1 / 60
"""Seconds (one frame) before "Loading…" replaces the body of an article still being read."""


def reading_time(words: int) -> str:
    """``"4 min read"`` (at least one minute)."""
    return f"{max(1, round(words / WORDS_PER_MINUTE))} min read"


def metadata_line(article: Article | ArticleSummary) -> str:
    """``author · source · category · date · N words · M min read``, missing parts left out."""
    parts = [article.author, article.source, article.category, article.date]
    present = [" ".join(visible_controls(part).split()) for part in parts if part]
    present.append(f"{article.words:,} words".replace(",", "\u202f"))
    present.append(reading_time(article.words))
    return " · ".join(present)


class ReaderPane(VerticalScroll, can_focus=True):
    """Shows one article; scrolls by line and by page, and asks for the next/previous one."""

    HELP_TITLE = "Reader"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("j,down", "scroll_down", "Scroll down", id="reader.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="reader.up", show=False),
        Binding(
            "space,pagedown", "page_down", "Page down", id="reader.page_down", key_display="space"
        ),
        Binding("shift+space,pageup", "page_up", "Page up", id="reader.page_up", show=False),
        Binding("g,home", "scroll_home", "Top of article", id="reader.top", show=False),
        Binding("G,end", "scroll_end", "End of article", id="reader.bottom", show=False),
        Binding("escape", "back", "Back to list", id="reader.back", show=False),
    ]

    COMPONENT_CLASSES = frozenset({"reader-pane--heading", "reader-pane--removed"})

    show_removed: reactive[bool] = reactive(False)
    """Whether the lines taken out of the body (boilerplate) are shown above it."""

    class Back(Message):
        """The user wants to go back to the list."""

    def __init__(
        self,
        reading_width: int = 80,
        bodies: BodyStore | None = None,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.reading_width = reading_width
        self.bodies = bodies if bodies is not None else BodyStore()
        self.summary: ArticleSummary | None = None
        """The article being shown (its title and metadata are on screen at once)."""
        self.article: Article | None = None
        """Its full text, once read from the file (None while loading or when it failed)."""
        self.problem: str | None = None
        """Why the article could not be read back from its file, or None."""
        self._loading: Timer | None = None

    def compose(self) -> ComposeResult:
        """The article column: title, metadata, removed lines (hidden), body."""
        with Vertical(id="article"):
            yield Static(Text("No article selected."), id="title")
            yield Static("", id="meta")
            yield Static("", id="removed")
            yield Static("", id="body")

    def on_mount(self) -> None:
        """Apply the reading measure (the body wraps at ``reading_width`` columns at most)."""
        self.query_one("#article").styles.max_width = self.reading_width
        self.query_one("#removed").display = False

    def show(self, summary: ArticleSummary | None) -> None:
        """Display the article of ``summary`` (None: an empty pane) from its top."""
        if summary is self.summary:
            return
        self.summary, self.article, self.problem = summary, None, None
        self._stop_loading()
        title, meta = self.query_one("#title", Static), self.query_one("#meta", Static)
        if summary is None:
            title.update(Text("No article selected."))
            meta.update("")
            self.query_one("#body", Static).update("")
        else:
            title.update(Text(visible_controls(summary.title)))
            meta.update(Text(metadata_line(summary)))
            article = self.bodies.cached(summary)
            if article is not None:
                self._show_body(article)
            else:
                self.query_one("#body", Static).update("")
                self._loading = self.set_timer(LOADING_DELAY, self._show_loading)
                self._fetch(summary)
        self._update_removed()
        self.scroll_home(animate=False, immediate=True)

    @work(thread=True, exclusive=True, group="article-body", name="read article")
    def _fetch(self, summary: ArticleSummary) -> None:
        # Reading and parsing the file: in a thread, and exclusive, so holding n over many
        # articles cancels the fetches the cursor has already left behind.
        result = self.bodies.fetch(summary)
        if not get_current_worker().is_cancelled:
            # RuntimeError: the app stopped while the file was read; nobody needs the result.
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self._fetched, summary, result)

    def _fetched(self, summary: ArticleSummary, result: Article | str) -> None:
        if summary is not self.summary or not self.is_attached:
            return  # the cursor has moved on (a newer fetch is on its way), or the app closed
        self._stop_loading()
        if isinstance(result, str):
            self.problem = result
            self.query_one("#body", Static).update(Text(result))
        else:
            self._show_body(result)
        self._update_removed()

    def _show_body(self, article: Article) -> None:
        self.article = article
        self.query_one("#body", Static).update(self._body(article))

    def _show_loading(self) -> None:
        if self.article is None and self.problem is None and self.summary is not None:
            self.query_one("#body", Static).update(Text("Loading…"))

    def _stop_loading(self) -> None:
        if self._loading is not None:
            self._loading.stop()
            self._loading = None

    def _body(self, article: Article) -> Text:
        heading = text_style(self, "reader-pane--heading")
        body = Text()
        for number, block in enumerate(article.blocks):
            if number:
                body.append("\n\n")  # paragraphs spaced by a blank line
            style = heading if block.kind is BlockKind.HEADING else Style.null()
            body.append(visible_controls(block.text), style)
        if not article.blocks:
            body.append("This article has no body text (press r to see what was removed).")
        return body

    def watch_show_removed(self) -> None:
        """Show or hide the removed lines."""
        self._update_removed()
        if self.show_removed:
            self.scroll_home(animate=False)

    def _update_removed(self) -> None:
        panel = self.query_one("#removed", Static)
        article = self.article
        panel.display = self.show_removed and article is not None
        if article is None or not self.show_removed:
            return
        style = text_style(self, "reader-pane--removed")
        theme_styles: dict[str, Style] = getattr(self.app, "theme_styles", {})
        style += theme_styles.get("removed", Style.null())
        count = len(article.removed)
        text = Text(
            f"Removed from the body: {count} line{'s' * (count != 1)}", style + Style(bold=True)
        )
        for line in article.removed:
            text.append(f"\n[{line.reason.value}] ", style)
            text.append(visible_controls(line.text), style)
        panel.update(text)

    def action_back(self) -> None:
        """Return to the article list."""
        self.post_message(self.Back())
