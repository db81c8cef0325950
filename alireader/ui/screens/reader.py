"""The main screen: search bar, article list and reader pane, header and footer.

Wide terminals put the list and the reader side by side; below :data:`NARROW_WIDTH` columns they
are stacked (list above reader), and the list shrinks to a few rows while the reader has focus.
The screen turns user intent into calls on the app (which owns the library and the state file)
and keeps the list, the reader and the search filter in step.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import get_current_worker

from alireader.limits import DEFAULT_MAX_DISPLAY_KB
from alireader.ui.bodies import BodyStore
from alireader.ui.library import Library, ViewFilter
from alireader.ui.widgets import (
    ArticleList,
    LoadingLine,
    ReaderPane,
    SearchBar,
    SearchStatus,
    TitleBar,
)

if TYPE_CHECKING:
    from alireader.core.models import Article, ArticleSummary
    from alireader.core.search import Hit, SearchResult
    from alireader.ui.app import ReaderApp
    from alireader.ui.screens.entity_panel import PanelEntry

NARROW_WIDTH = 100
"""Below this many columns the list and the reader are stacked instead of side by side."""
SEARCH_LIMIT = 500
"""Results listed for a query (the best ones; the bar says how many articles matched)."""
SEARCH_REFRESH_DELAY = 0.4
"""Seconds between two re-runs of the query while the index fills."""
PREVIEW_DELAY = 0.15
"""While a query is typed, seconds the results must stay unchanged before the reader shows the
top one (redrawing an article with its matches highlighted costs more than a keystroke). At 0,
the reader follows every keystroke at once (the UI tests run so: nothing to wait for)."""
STATUS_SETTLE_DELAY = 1.0
"""While a query is typed, the status beside the bar keeps spare room, so that a keystroke does
not lay out the whole screen; it takes its exact width once its text has not changed for this
many seconds (a pause in the typing)."""


class MainScreen(Screen[None]):
    """The article list beside (or above) the reader pane."""

    HELP_TITLE = "Main screen"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("tab", "switch_pane", "Switch pane", id="pane.switch", show=False),
        Binding("n", "next_article", "Next article", id="article.next", show=False),
        Binding("p", "previous_article", "Previous article", id="article.previous", show=False),
        Binding("m", "toggle_read", "Read/unread", id="article.toggle_read"),
        Binding("b", "toggle_bookmark", "Bookmark", id="article.bookmark"),
        Binding("u", "unread_only", "Unread only", id="view.unread_only", show=False),
        Binding("B", "bookmarked_only", "Bookmarked only", id="view.bookmarked_only", show=False),
        Binding("r", "show_removed", "Removed lines", id="view.removed", show=False),
        Binding("w", "show_warnings", "Load warnings", id="view.warnings", show=False),
        Binding("slash", "focus_search", "Search", id="search.focus"),
        Binding("escape", "end_search", "End search", id="search.end", show=False),
        Binding("d", "diff_copies", "Copies", id="dupes.diff"),
        Binding("D", "collapse_copies", "One copy per story", id="dupes.collapse", show=False),
        Binding("e", "toggle_entities", "Entities", id="entities.toggle"),
        Binding("E", "entity_panel", "Entity panel", id="entities.panel", show=False),
        Binding(
            "right_square_bracket", "next_entity", "Next entity", id="entities.next", show=False
        ),
        Binding(
            "left_square_bracket",
            "previous_entity",
            "Previous entity",
            id="entities.previous",
            show=False,
        ),
    ]

    def __init__(
        self,
        library: Library,
        reading_width: int = 80,
        bodies: BodyStore | None = None,
        *,
        max_display_kb: int = DEFAULT_MAX_DISPLAY_KB,
    ) -> None:
        """``max_display_kb``: the ``reader.max_display_kb`` setting (see the reader pane)."""
        super().__init__()
        self.library = library
        self.reading_width = reading_width
        self.bodies = bodies
        self.max_display_kb = max_display_kb
        self.view = ViewFilter()
        self.query_text = ""
        self._result: SearchResult | None = None
        self._words: frozenset[str] = frozenset()
        self._before_search: int | None = None
        self._refresh_pending = False

    @property
    def reader_app(self) -> ReaderApp:
        """The app, with its reader-specific methods."""
        return cast("ReaderApp", self.app)

    @property
    def article_list(self) -> ArticleList:
        """The list pane."""
        return self.query_one(ArticleList)

    @property
    def reader(self) -> ReaderPane:
        """The reader pane."""
        return self.query_one(ReaderPane)

    def compose(self) -> ComposeResult:
        """Header, search bar, the two panes, a loading line and the footer."""
        yield TitleBar(id="title-bar")
        with Horizontal(id="search-row"):
            yield SearchBar(on_change=self._query_changed, id="search")
            yield SearchStatus(id="search-status")
        with Horizontal(id="panes"):
            yield ArticleList(self.library, id="list")
            yield ReaderPane(
                self.reading_width, self.bodies, max_display_kb=self.max_display_kb, id="reader"
            )
        yield LoadingLine("Loading…", id="loading")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        """Start with the keyboard on the list, and the counts in the title bar."""
        self.article_list.focus()
        self.reader_app.update_header()

    def on_resize(self) -> None:
        """Stack the panes in narrow terminals."""
        narrow = self.size.width < NARROW_WIDTH
        self.set_class(narrow, "-narrow")
        # ctrl+p is listed by ? and still works; at 80 columns its room goes to the other keys.
        self.query_one(Footer).show_command_palette = not narrow

    # -- loading -----------------------------------------------------------------------------

    def show_progress(self, done: int, total: int, articles: int) -> None:
        """Update the loading line: files read so far out of ``total``."""
        self.query_one(LoadingLine).show(done, total, articles)

    def show_header(self, corpus: str, counts: str) -> None:
        """Update the title bar (if composed yet: the app's mount comes before the screen's)."""
        for bar in self.query(TitleBar):
            bar.show(corpus, counts)

    def show_index_progress(self, done: int, total: int) -> None:
        """Show how far the search index has read the bodies (hidden once it is done).

        The first report (nothing done yet) shows nothing: a small corpus is indexed before
        the line would be read, and a line that flashes is worse than none.
        """
        line = self.query_one(LoadingLine)
        if done >= total or not self.reader_app.loaded.is_set():
            line.display = not self.reader_app.loaded.is_set()
            return
        if done:
            line.display = True
            line.show_indexing(done, total)

    def loading_finished(self) -> None:
        """Hide the loading line and say so in the list when nothing was found."""
        self.query_one("#loading").display = False
        self.article_list.empty_text = "No articles found."
        self.article_list.refresh()

    def articles_added(self, indexes: range) -> None:
        """Show newly loaded articles that pass the current filter (or search again)."""
        if self.searching:
            self.refresh_search()
            return
        self.article_list.append_rows(self.library.visible(self.view, indexes))

    # -- list and reader ---------------------------------------------------------------------

    def _current_article(self) -> ArticleSummary | None:
        """The article under the list's cursor now.

        Handlers read this rather than the index a message carried: a message can arrive after
        the list it describes was replaced (a discarded snapshot empties the library while its
        first row's message is still queued).
        """
        index = self.article_list.highlighted
        return None if index is None else self.library.articles[index]

    @on(ArticleList.Highlighted)
    def _highlighted(self) -> None:
        if self.search_bar.has_focus and PREVIEW_DELAY > 0:
            # Typing: each keystroke brings new results; the reader follows once they settle.
            self._preview()
            return
        self.workers.cancel_group(self, "preview")
        self.reader.show(self._current_article(), self._words)
        index = self.article_list.highlighted
        if index is not None and self.reader.has_focus:
            self.reader_app.open_article(index)  # n/p while reading: reading it marks it read

    @work(exclusive=True, group="preview", name="preview")
    async def _preview(self) -> None:
        # A worker, not a timer: a newer keystroke's results cancel it (exclusive group).
        await asyncio.sleep(PREVIEW_DELAY)
        self.reader.show(self._current_article(), self._words)

    @on(ArticleList.Opened)
    def _opened(self) -> None:
        self._remember_query()
        summary = self._current_article()
        if summary is None:
            return
        self.reader.show(summary, self._words)
        self.reader.focus()

    @on(ReaderPane.Back)
    def _back(self) -> None:
        self.article_list.focus()

    def on_descendant_focus(self) -> None:
        """Reading an article marks it read; in narrow mode the reader then gets the room."""
        reading = self.reader.has_focus
        self.set_class(reading, "-reading")
        index = self.article_list.highlighted
        if reading and index is not None:
            self.reader_app.open_article(index)

    def action_switch_pane(self) -> None:
        """Move the keyboard between the list and the reader."""
        if self.article_list.has_focus:
            self.reader.focus()
        else:
            self.article_list.focus()

    def action_next_article(self) -> None:
        """Show the next article of the list."""
        self.article_list.action_cursor_down()

    def action_previous_article(self) -> None:
        """Show the previous article of the list."""
        self.article_list.action_cursor_up()

    # -- marks and filters -------------------------------------------------------------------

    def action_toggle_read(self) -> None:
        """Mark the current article read, or unread again."""
        index = self.article_list.highlighted
        if index is not None:
            self.reader_app.set_read(index, not self.library.is_read(index))

    def action_toggle_bookmark(self) -> None:
        """Bookmark the current article, or remove its bookmark."""
        index = self.article_list.highlighted
        if index is not None:
            self.reader_app.set_bookmarked(index, not self.library.is_bookmarked(index))

    def action_unread_only(self) -> None:
        """Show only unread articles (again: show all)."""
        self.view.unread_only = not self.view.unread_only
        self.refilter()

    def action_bookmarked_only(self) -> None:
        """Show only bookmarked articles (again: show all)."""
        self.view.bookmarked_only = not self.view.bookmarked_only
        self.refilter()

    def refilter(self) -> None:
        """Rebuild the list for the current filters, keeping the current article if it stays."""
        keep = self.article_list.highlighted
        if self._result is not None:
            self._show_results(keep)
            return
        self.article_list.empty_text = "No articles match the filter." if self.view.active else ""
        self.article_list.set_rows(self.library.visible(self.view), keep=keep)
        self.reader_app.update_header()

    def action_show_removed(self) -> None:
        """Show or hide the boilerplate lines taken out of the article's body."""
        self.reader.show_removed = not self.reader.show_removed

    def action_show_warnings(self) -> None:
        """List the files that could not be used."""
        self.reader_app.action_warnings()

    # -- copies of one story -------------------------------------------------------------------

    def duplicates_found(self) -> None:
        """The copies are known: the list shows their badges (and collapses them if asked)."""
        if self.view.hidden_copies is not None:
            self.view.hidden_copies = self._hidden_copies()
            self.refilter()
        self.article_list.refresh()

    def _hidden_copies(self) -> set[int]:
        hidden = set()
        for article_id, cluster in self.reader_app.clusters.items():
            if article_id != cluster.representative:
                index = self.library.index_of(article_id)
                if index is not None:
                    hidden.add(index)
        return hidden

    def action_collapse_copies(self) -> None:
        """Show one copy of each story (the longest), or every copy again."""
        app = self.reader_app
        if self.view.hidden_copies is not None:
            self.view.hidden_copies = None
        elif not app.duplicates_ready.is_set():
            app.notify("Still looking for copies: the corpus is being indexed.", timeout=4)
            return
        else:
            self.view.hidden_copies = self._hidden_copies()
            # The article under the cursor may be a hidden copy: stay on its story.
            index = self.article_list.highlighted
            if index is not None and index in self.view.hidden_copies:
                cluster = app.clusters[self.library.articles[index].id]
                representative = self.library.index_of(cluster.representative)
                if representative is not None:
                    self.article_list.select_article(representative)
        self.refilter()

    def action_diff_copies(self) -> None:
        """Compare the article with another copy of its story, side by side."""
        app = self.reader_app
        index = self.article_list.highlighted
        if index is None:
            return
        article_id = self.library.articles[index].id
        cluster = app.clusters.get(article_id)
        if cluster is None:
            waiting = (
                "" if app.duplicates_ready.is_set() else " (the corpus is still being indexed)"
            )
            app.notify(f"This article has no copies{waiting}.", timeout=4)
            return
        others = [self.library.index_of(other) for other in cluster.others(article_id)]
        choices = [other for other in others if other is not None]
        if len(choices) == 1:
            self._open_diff(index, choices[0])
            return
        from alireader.ui.screens.diff import CopyPicker

        def picked(chosen: str | None) -> None:
            other = None if chosen is None else self.library.index_of(chosen)
            if other is not None:
                self._open_diff(index, other)

        summaries = [self.library.articles[other] for other in choices]
        similarity = {}
        if app.duplicates is not None:
            for summary in summaries:
                similarity[summary.id] = app.duplicates.metrics(article_id, summary.id).similarity
        app.push_screen(CopyPicker(self.library.articles[index], summaries, similarity), picked)

    @work(thread=True, exclusive=True, group="diff", name="read two copies")
    def _open_diff(self, first: int, second: int) -> None:
        # Both bodies are read from their files (and aligned by the screen) off the event loop.
        bodies = self.bodies or self.reader.bodies
        articles = [bodies.fetch(self.library.articles[i]) for i in (first, second)]
        problems = [a for a in articles if isinstance(a, str)]
        with contextlib.suppress(RuntimeError):
            if problems:
                self.app.call_from_thread(self.app.notify, problems[0], severity="warning")
            else:
                self.app.call_from_thread(self._show_diff, *articles)

    def _show_diff(self, article_a: Article, article_b: Article) -> None:
        from alireader.ui.screens.diff import DiffScreen

        self.app.push_screen(DiffScreen(article_a, article_b))

    # -- named entities ----------------------------------------------------------------------

    def action_toggle_entities(self) -> None:
        """Highlight named entities in the reader, or stop."""
        self.reader.action_toggle_entities()

    def action_next_entity(self) -> None:
        """Bring the reader's next highlighted entity into view."""
        self.reader.action_next_entity()

    def action_previous_entity(self) -> None:
        """Bring the reader's previous highlighted entity into view."""
        self.reader.action_previous_entity()

    def action_entity_panel(self) -> None:
        """List the article's entities; enter on one shows the articles mentioning it."""
        from dataclasses import replace

        from alireader.ui.screens.entity_panel import EntityPanel, group_entities

        reader, app = self.reader, self.reader_app
        if reader.summary is None or not reader.entities:
            app.notify("No named entities found in this article.", timeout=4)
            return
        entries = group_entities(reader.entities)
        index = app.entity_index
        ready = app.index_ready.is_set()
        if index is not None:
            with app.entity_lock:
                entries = [
                    replace(e, articles=len(index.articles_mentioning(e.text, e.label)))
                    for e in entries
                ]
        note = "enter: the articles that mention it · escape: close"
        if not ready:
            note += " · (the corpus is still being indexed: article counts so far)"
        panel = EntityPanel(
            reader.summary.title,
            entries,
            app.theme_styles,
            note,
            lambda entry: reader.focus_entity(entry.key, entry.label),
        )
        app.push_screen(panel, self._entity_chosen)

    def _entity_chosen(self, entry: PanelEntry | None) -> None:
        self.reader.focus_entity(None)
        if entry is not None:
            self.search_for_entity(entry.text, entry.label)

    def search_for_entity(self, text: str, label: str) -> None:
        """Show the articles that mention an entity: a search for ``label:"text"``."""
        quoted = text.replace('"', " ")
        self.search_bar.value = f'{label.lower()}:"{quoted}"'
        self.article_list.focus()

    # -- the search bar ----------------------------------------------------------------------

    @property
    def search_bar(self) -> SearchBar:
        """The query input."""
        return self.query_one(SearchBar)

    @property
    def searching(self) -> bool:
        """True while the search bar holds a query (the list shows its results)."""
        return bool(self.query_text.strip())

    def action_focus_search(self) -> None:
        """Put the keyboard in the search bar."""
        self.search_bar.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """escape ends a search only while there is one (the reader's escape comes first)."""
        if action == "end_search":
            return self.searching
        return True

    def action_end_search(self) -> None:
        """Clear the search and return to the full list, at the article shown before it."""
        self.search_bar.value = ""  # the change handler restores the list
        self.article_list.focus()

    @on(SearchBar.Leave)
    def _leave_search(self) -> None:
        self.article_list.focus()

    @on(SearchBar.Open)
    def _open_from_search(self) -> None:
        self._remember_query()
        index = self.article_list.highlighted
        if index is None:
            self.app.bell()
            return
        self.workers.cancel_group(self, "preview")
        self.reader.show(self.library.articles[index], self._words)
        self.reader.focus()

    def _remember_query(self) -> None:
        query = self.query_text.strip()
        if query:
            self.search_bar.remember(query)
            self.reader_app.remember_query(query)

    def _query_changed(self, value: str) -> None:
        # Called by the bar itself as the text changes: the search starts at once.
        was_searching = self.searching
        self.query_text = value
        if not self.searching:
            if was_searching:
                self._end_search()
            return
        if not was_searching:
            self._before_search = self.article_list.highlighted
        # The reader would follow results that this keystroke makes stale: drawing an article
        # on the event loop's thread while the new search runs slowed that search (100k: the
        # reader drew "@"'s top article during "@p"'s search, 60 ms of the loop's CPU time).
        self.workers.cancel_group(self, "preview")
        self._search(value, keep=None)

    def _end_search(self) -> None:
        self.workers.cancel_group(self, "search")
        self._result = None
        self._words = frozenset()
        self.view.matches = None
        self.query_one(SearchStatus).show("", None, False)
        keep, self._before_search = self._before_search, None
        self.article_list.empty_text = "No articles match the filter." if self.view.active else ""
        self.article_list.set_rows(self.library.visible(self.view), keep=keep)
        self.reader_app.update_header()

    def refresh_search(self) -> None:
        """Search again (the index has grown), keeping the cursor on its article."""
        if self.searching and not self._refresh_pending:
            self._refresh_pending = True
            self.set_timer(SEARCH_REFRESH_DELAY, self._refresh_now)

    def _refresh_now(self) -> None:
        self._refresh_pending = False
        if self.searching:
            self._search(self.query_text, keep=self.article_list.highlighted)

    @work(thread=True, exclusive=True, group="search", name="search")
    def _search(self, text: str, keep: int | None) -> None:
        # In a thread: typing never waits for a search, and a newer keystroke's search
        # (exclusive=True) cancels this one; a result that still arrives late is dropped.
        index = self.reader_app.search_index
        if index is None:
            return  # the indexer has not started yet: the next batch searches again
        worker = get_current_worker()
        if worker.is_cancelled or text != self.query_text:
            # Typed over before this thread started: a search cannot be interrupted once
            # begun, and a stale one would hold the index (and the GIL) from the newer one.
            return
        result = index.search(text, SEARCH_LIMIT, prefix_last=True)
        if not worker.is_cancelled:
            with contextlib.suppress(RuntimeError):  # the app closed meanwhile
                self.app.call_from_thread(self._apply_search, text, result, keep)

    def _apply_search(self, text: str, result: SearchResult, keep: int | None) -> None:
        if text != self.query_text:
            return  # a newer keystroke is on its way: drop this stale result
        self._result = result
        self._words = result.hits[0].wanted if result.hits else frozenset()
        # The header says "showing search results" from the first keystroke on: redrawing it
        # at every keystroke would cost a layout of the whole screen for the same text.
        self._show_results(keep, header=self.view.matches is None)

    def _show_results(self, keep: int | None, *, header: bool = True) -> None:
        result = self._result
        if result is None:
            return
        hits: dict[int, Hit] = {}
        for hit in result.hits:
            index = self.library.index_of(hit.id)
            if index is not None:
                hits[index] = hit
        self.view.matches = set(hits)
        allowed = set(self.library.visible(self.view, hits))
        shown = {index: hit for index, hit in hits.items() if index in allowed}
        self.article_list.empty_text = "No match: fewer words or fewer letters may help."
        self.article_list.set_results(shown, keep=keep)
        indexing = not self.reader_app.index_ready.is_set()
        typing = self.search_bar.has_focus
        self.query_one(SearchStatus).show(
            result.query.description,
            result.total,
            indexing,
            result.approximate,
            settle_after=STATUS_SETTLE_DELAY if typing else 0.0,
        )
        if header:
            self.reader_app.update_header()
