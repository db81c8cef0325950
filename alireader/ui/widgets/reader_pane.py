"""The reader pane: one article's title, metadata line and cleaned body, at a reading measure.

The list holds summaries; the pane shows a summary's title and metadata at once and gets the
body from the :class:`~alireader.ui.bodies.BodyStore`: from its cache when the article was read
recently, otherwise parsed from the file in a thread worker (never on the event loop), with
"Loading…" shown if that takes longer than a frame. A result for an article the cursor has left
is dropped.

An article longer than the display limit (``reader.max_display_kb``) shows its first part
and a notice; the "show anyway" key (``f``, binding ``reader.show_full``) lays out all of it.

All article text goes through :func:`alireader.core.text.visible_controls` into ``rich.text.Text``
objects: it is never parsed as markup, and escape sequences in a file are shown, not executed.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Static
from textual.worker import get_current_worker

from alireader.core.models import Article, ArticleSummary, BlockKind
from alireader.core.text import visible_controls
from alireader.limits import DEFAULT_MAX_DISPLAY_KB, Cut, cut_notice, display_cut
from alireader.ui.bodies import BodyStore
from alireader.ui.bound_keys import bound_key
from alireader.ui.entities import EntityExtractor, legend
from alireader.ui.widgets.marks import Mark, marked_text
from alireader.ui.widgets.styling import text_style

if TYPE_CHECKING:
    from alireader.core.entities import Entity

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


def _stylize_literal(
    text: Text, source: str, span: tuple[int, int], style: Style, *, shifted: bool
) -> None:
    """Style ``source[start:end]`` in ``text``, which is ``source`` made visible.

    ``shifted``: making it visible changed its length (a C1 control became ``<0x9b>``), which
    is rare, so the offsets are only recounted then.
    """
    start, end = span
    if shifted:
        start, end = len(visible_controls(source[:start])), len(visible_controls(source[:end]))
    text.stylize(style, start, end)


def _line_of_mark(text: Text, kind: str, number: int, width: int, app: App[object]) -> int | None:
    """The line (0-based) on which mark ``number`` of ``kind`` starts once ``text`` wraps at
    ``width`` (marks carry ``{kind: number}`` in their style's meta, which wrapping keeps)."""
    if width <= 0:
        return None
    for line, row in enumerate(text.wrap(app.console, width)):
        for span in row.spans:
            style = span.style
            if isinstance(style, Style) and style.meta.get(kind) == number:
                return line
    return None


class ReaderPane(VerticalScroll, can_focus=True):
    """Shows one article; scrolls by line and by page, and asks for the next/previous one."""

    HELP_TITLE = "Reader"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("j,down", "scroll_down", "Scroll down", id="reader.down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", id="reader.up", show=False),
        Binding(
            "space,pagedown",
            "page_down",
            "Page down",
            id="reader.page_down",
            key_display="space",
            show=False,  # the footer's room at 80 columns goes to the keys people look for
        ),
        Binding("shift+space,pageup", "page_up", "Page up", id="reader.page_up", show=False),
        Binding("g,home", "scroll_home", "Top of article", id="reader.top", show=False),
        Binding("G,end", "scroll_end", "End of article", id="reader.bottom", show=False),
        Binding("escape", "back", "Back to list", id="reader.back", show=False),
        # Only while the article has search matches; otherwise n is the screen's next article.
        Binding("n", "next_match", "Next match", id="search.next_match", show=False),
        Binding("N", "previous_match", "Previous match", id="search.previous_match", show=False),
        # In the footer only while an article is cut at the display limit (check_action).
        Binding("f", "show_full", "Show all", id="reader.show_full"),
    ]

    COMPONENT_CLASSES = frozenset(
        {
            "reader-pane--heading",
            "reader-pane--removed",
            "reader-pane--match",
        }
    )
    MATCH_CONTEXT = 3
    """Lines kept above a match the view jumps to."""

    show_removed: reactive[bool] = reactive(False)
    """Whether the lines taken out of the body (boilerplate) are shown above it."""
    show_entities: reactive[bool] = reactive(True)
    """Whether named entities are highlighted (with a legend under the metadata)."""
    hidden_labels: reactive[frozenset[str]] = reactive(frozenset)
    """Entity labels not highlighted even when entities are shown."""

    class Back(Message):
        """The user wants to go back to the list."""

    def __init__(
        self,
        reading_width: int = 80,
        bodies: BodyStore | None = None,
        *,
        max_display_kb: int = DEFAULT_MAX_DISPLAY_KB,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.reading_width = reading_width
        self.bodies = bodies if bodies is not None else BodyStore()
        self.max_display_bytes = max_display_kb * 1024
        """Bodies longer than this (UTF-8) are cut, with a notice, until ``f`` is pressed."""
        self.cut: Cut | None = None
        """Where the body shown is cut (None: it is shown whole)."""
        self.show_full = False
        """True once "show anyway" was asked for the article shown."""
        self.summary: ArticleSummary | None = None
        """The article being shown (its title and metadata are on screen at once)."""
        self.article: Article | None = None
        """Its full text, once read from the file (None while loading or when it failed)."""
        self.problem: str | None = None
        """Why the article could not be read back from its file, or None."""
        self._loading: Timer | None = None
        self._drawn: Text | None = None
        self.words: frozenset[str] = frozenset()
        """The folded words of the search to highlight (empty: no search)."""
        self.matches: list[tuple[int, int]] = []
        """Where those words stand in the body shown, in order."""
        self.current_match = -1
        """The match the view was last moved to (-1: none yet)."""
        self.entities: list[Entity] = []
        """The named entities of the body shown (empty until found)."""
        self.current_entity = -1
        """The entity the view was last moved to with ] or [ (-1: none)."""
        self.focused_entity: tuple[str, str] | None = None
        """``(entity key, label)`` whose mentions stand out (chosen in the entity panel)."""

    def compose(self) -> ComposeResult:
        """The article column: title, metadata, removed lines (hidden), body."""
        with Vertical(id="article"):
            yield Static(Text("No article selected."), id="title")
            yield Static("", id="meta")
            yield Static("", id="legend")
            yield Static("", id="removed")
            yield Static("", id="body")

    def on_mount(self) -> None:
        """Apply the reading measure (the body wraps at ``reading_width`` columns at most)."""
        self.query_one("#article").styles.max_width = self.reading_width
        self.query_one("#removed").display = False

    def show(self, summary: ArticleSummary | None, words: frozenset[str] = frozenset()) -> None:
        """Display the article of ``summary`` (None: an empty pane) from its top, or from the
        first match of ``words`` (folded words of a search) with every match highlighted."""
        if summary is self.summary:
            if words != self.words:
                self.words = words
                self._show_title()
                if self.article is not None:
                    self._show_body(self.article)
            return
        self.summary, self.article, self.problem = summary, None, None
        self._drawn = None
        self.cut, self.show_full = None, False
        self.words, self.matches, self.current_match = words, [], -1
        self.entities, self.current_entity, self.focused_entity = [], -1, None
        self._show_legend()
        self._stop_loading()
        title, meta = self.query_one("#title", Static), self.query_one("#meta", Static)
        if summary is None:
            title.update(Text("No article selected."))
            meta.update("")
            self.query_one("#body", Static).update("")
        else:
            self._show_title()
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
        # articles cancels the fetches the cursor has already left behind. During a warm start
        # reads wait for search to work: a fetch cancelled meanwhile must not parse after.
        self.bodies.wait_until_ready()
        if get_current_worker().is_cancelled:
            return
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

    def _show_title(self) -> None:
        summary = self.summary
        if summary is None:
            return
        marks: list[Mark] = []
        if self.words:
            from alireader.core.highlight import match_spans

            style = self._match_style(current=False)
            found = match_spans(summary.title, self.words.__contains__)
            marks = [(start, end, style) for _word, (start, end) in found]
        self.query_one("#title", Static).update(marked_text(summary.title, marks))

    def _show_body(self, article: Article) -> None:
        self.article = article
        cut = None if self.show_full else display_cut(article.body, self.max_display_bytes)
        if cut != self.cut:
            self.cut = cut
            self.refresh_bindings()  # "show all" is in the footer only while cut
        shown = article.body if cut is None else article.body[: cut.at]
        had_matches = bool(self.matches)
        self.matches = []
        if self.words:
            from alireader.core.highlight import match_spans

            # Only the matches drawn: n/N never move to text that is not on screen.
            found = match_spans(shown, self.words.__contains__)
            self.matches = [span for _word, span in found]
        self.current_match = min(self.current_match, len(self.matches) - 1)
        self._draw_body(article)
        if self.matches and not had_matches:
            # Once the new text is laid out: only then are the line positions known.
            self.call_after_refresh(self.jump_to_match, 0)
        if not self.entities:
            self._want_entities(article)

    # -- named entities --------------------------------------------------------------------------

    def _want_entities(self, article: Article) -> None:
        extractor: EntityExtractor | None = getattr(self.app, "entity_extractor", None)
        if extractor is None or self.summary is None:
            return
        found = extractor.cached(self.summary.key)
        if found is not None:
            self._entities_found(self.summary, found)
        else:
            self._find_entities(extractor, self.summary, article)

    @work(thread=True, exclusive=True, group="article-entities", name="find entities")
    def _find_entities(
        self, extractor: EntityExtractor, summary: ArticleSummary, article: Article
    ) -> None:
        found = extractor.extract(summary.key, article.body)
        notice = extractor.take_notice()
        if notice is not None:
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self.app.notify, notice, severity="warning", timeout=10)
        if not get_current_worker().is_cancelled:
            with contextlib.suppress(RuntimeError):
                self.app.call_from_thread(self._entities_found, summary, found)

    def _entities_found(self, summary: ArticleSummary, found: list[Entity]) -> None:
        if summary is not self.summary or self.article is None or not self.is_attached:
            return
        self.entities = found
        self._show_legend()
        if found and self.show_entities:
            self._rerender()

    def body_text(self) -> Text:
        """The body as it is drawn now, with its marks (empty while none is shown)."""
        return Text() if self.article is None else self._body(self.article)

    def _rerender(self) -> None:
        if self.article is not None:
            self._draw_body(self.article)

    def _draw_body(self, article: Article) -> None:
        # Kept: a jump to a mark looks for its line in the text on screen, not a rebuilt one.
        self._drawn = self._body(article)
        self.query_one("#body", Static).update(self._drawn)

    def _show_legend(self) -> None:
        panel = self.query_one("#legend", Static)
        shown = self.show_entities and bool(self.entities)
        panel.display = shown
        if shown:
            styles: dict[str, Style] = getattr(self.app, "theme_styles", {})
            panel.update(legend(self.entities, styles, self.hidden_labels))

    def watch_show_entities(self) -> None:
        """Show or hide the highlighting and the legend."""
        self._show_legend()
        self._rerender()

    def watch_hidden_labels(self) -> None:
        """Highlight only the labels still wanted."""
        self._show_legend()
        self._rerender()

    def toggle_label(self, label: str) -> None:
        """Hide one label's highlighting, or show it again."""
        self.hidden_labels = self.hidden_labels ^ {label}

    def focus_entity(self, key: str | None, label: str | None = None) -> None:
        """Make the mentions of one entity stand out and bring the first into view (None:
        none stands out)."""
        from alireader.core.entity_index import entity_key

        self.focused_entity = None if key is None or label is None else (key, label)
        self.show_entities = True
        self._rerender()
        if self.focused_entity is not None:
            for number, entity in enumerate(self.entities):
                if (entity_key(entity.text), entity.label) == self.focused_entity:
                    self.call_after_refresh(self._jump, "entity", number)
                    break

    def _visible_entities(self) -> list[tuple[int, Entity]]:
        if not self.show_entities:
            return []
        hidden = self.hidden_labels
        return [(n, e) for n, e in enumerate(self.entities) if e.label not in hidden]

    def action_toggle_entities(self) -> None:
        """Highlight named entities, or stop."""
        self.show_entities = not self.show_entities

    def action_next_entity(self) -> None:
        """Move the view to the next highlighted entity (after the last: the first)."""
        self._step_entity(1)

    def action_previous_entity(self) -> None:
        """Move the view to the previous highlighted entity (before the first: the last)."""
        self._step_entity(-1)

    def _step_entity(self, step: int) -> None:
        numbers = [number for number, _entity in self._visible_entities()]
        if not numbers:
            self.app.bell()
            return
        if self.current_entity in numbers:
            at = (numbers.index(self.current_entity) + step) % len(numbers)
        else:
            at = 0 if step > 0 else len(numbers) - 1
        self._jump("entity", numbers[at])

    def _show_loading(self) -> None:
        if self.article is None and self.problem is None and self.summary is not None:
            self.query_one("#body", Static).update(Text("Loading…"))

    def _stop_loading(self) -> None:
        if self._loading is not None:
            self._loading.stop()
            self._loading = None

    def action_show_full(self) -> None:
        """Show the whole article, however long (it was cut at the display limit)."""
        if self.cut is None or self.article is None:
            return
        self.show_full = True
        self._show_body(self.article)

    def _body(self, article: Article) -> Text:
        if not article.blocks:
            return Text("This article has no body text (press r to see what was removed).")
        if self.cut is not None:
            return self._cut_body(article, self.cut)
        return self._marked_body(article.body, article)

    def _cut_body(self, article: Article, cut: Cut) -> Text:
        """The first part of a body over the display limit, then the notice."""
        body = self._marked_body(article.body[: cut.at], article)
        key = bound_key(self.app, "reader.show_full", "f")
        notice = cut_notice(cut, f"Press {key} to show all of it.")
        body.append("\n\n")
        body.append(notice, text_style(self, "reader-pane--removed") + Style(bold=True))
        return body

    def _marked_body(self, source: str, article: Article) -> Text:
        """``source`` (the body, or its first part) with headings, entities and matches."""
        heading = text_style(self, "reader-pane--heading")
        marks: list[Mark] = []
        start = 0
        for block in article.blocks:  # the body is the blocks joined by blank lines
            if start >= len(source):
                break
            if block.kind is BlockKind.HEADING:
                marks.append((start, min(len(source), start + len(block.text)), heading))
            start += len(block.text) + 2
        body = marked_text(source, marks)
        shifted = len(body) != len(source)
        self._mark_entities(body, source, shifted=shifted)
        # Matches go over the headings' style; each carries its number in the style's meta,
        # which survives wrapping, so a jump can find the line a match landed on.
        for number, span in enumerate(self.matches):
            current = number == self.current_match
            style = self._match_style(current) + Style.from_meta({"match": number})
            _stylize_literal(body, source, span, style, shifted=shifted)
        return body

    def _mark_entities(self, body: Text, source: str, *, shifted: bool) -> None:
        visible = self._visible_entities()
        if not visible:
            return
        styles: dict[str, Style] = getattr(self.app, "theme_styles", {})
        focused = self.focused_entity
        key_of = None
        if focused is not None:
            from alireader.core.entity_index import entity_key as key_of
        for number, entity in visible:
            style = styles.get(entity.label, Style(bold=True))
            if number == self.current_entity or (
                key_of is not None and (key_of(entity.text), entity.label) == focused
            ):
                style += Style(reverse=True)
            style += Style.from_meta({"entity": number})
            _stylize_literal(body, source, (entity.start, entity.end), style, shifted=shifted)

    def _match_style(self, current: bool) -> Style:
        # Every match stands out from the text; the one the view moved to wears the theme's
        # full search-match style (a background), so n and N show where they landed.
        style = text_style(self, "reader-pane--match")
        if current:
            theme_styles: dict[str, Style] = getattr(self.app, "theme_styles", {})
            style += theme_styles.get("search-match", Style(reverse=True))
        return style

    # -- search matches --------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """n and N belong to the matches only while there are some (else: next article);
        "show all" exists only while the article is cut."""
        if action in ("next_match", "previous_match"):
            return bool(self.matches)
        if action == "show_full":
            return self.cut is not None
        return True

    def _jump(self, kind: str, number: int) -> None:
        if kind == "entity":
            self.current_entity = number
            self._rerender()
            self._scroll_to_mark(kind, number)
        else:
            self.jump_to_match(number)

    def action_next_match(self) -> None:
        """Move the view to the next search match (after the last: back to the first)."""
        if self.matches:
            self.jump_to_match((self.current_match + 1) % len(self.matches))

    def action_previous_match(self) -> None:
        """Move the view to the previous search match (before the first: the last)."""
        if self.matches:
            self.jump_to_match((self.current_match - 1) % len(self.matches))

    def jump_to_match(self, number: int, *, attempts: int = 4) -> None:
        """Highlight match ``number`` as the current one and scroll it into view."""
        if not self.matches or self.article is None or not self.is_attached:
            return
        self.current_match = max(0, min(number, len(self.matches) - 1))
        self._rerender()
        self._scroll_to_mark("match", self.current_match, attempts)

    def _scroll_to_mark(self, kind: str, number: int, attempts: int = 4) -> None:
        """Scroll so that mark ``number`` of ``kind`` ("match", "entity") is in view."""
        if self.article is None or not self.is_attached:
            return
        body = self.query_one("#body", Static)
        text = self._drawn if self._drawn is not None else self._body(self.article)
        line = _line_of_mark(text, kind, number, body.content_region.width, self.app)
        if line is None:
            return
        if line >= body.size.height and attempts:
            # The new text is not laid out yet (the body still has the old one's height, and
            # the scroll range with it): try again after the next refresh.
            self.call_after_refresh(self._scroll_to_mark, kind, number, attempts - 1)
            return
        top = body.region.y - self.region.y + round(self.scroll_offset.y) + line
        # A mark on the first screen leaves the view at the top, the title and byline in it.
        on_first_screen = top < self.scrollable_content_region.height - 1
        y = 0 if on_first_screen else max(0, top - self.MATCH_CONTEXT)
        self.scroll_to(y=y, animate=False, immediate=True)

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
