"""The reader application: ``alireader [PATH ...]``.

The app owns the :class:`~alireader.ui.library.Library` (articles and marks) and the state file;
the main screen owns the widgets. Slow work never runs on the event loop: the corpus is summarised
by a thread worker that calls the pure core (which parses in worker processes for large corpora)
and posts batches of summaries back as messages; the reader pane reads each article's body on
demand in a thread worker (:class:`~alireader.ui.bodies.BodyStore`); and state writes go to a
single writer thread (:class:`~alireader.ui.persistence.StateWriter`).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import queue
import sys
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence, Set
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, cast

from rich.style import Style
from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen
from textual.worker import get_current_worker

from alireader import paths as app_paths
from alireader.core.models import LoadWarning
from alireader.errors import AlireaderError
from alireader.limits import DEFAULT_MAX_DISPLAY_KB
from alireader.ui.entities import LABEL_NAMES

if TYPE_CHECKING:
    from alireader.config import LoadedSettings
    from alireader.core.duplicates import Cluster, DuplicateIndex
    from alireader.core.entity_index import EntityIndex, NumberedMatch
    from alireader.core.live_search import LiveSearch
    from alireader.core.snapshot import SnapshotReader
    from alireader.ui.corpus_state import Applied, CachedBodies, CorpusState
    from alireader.ui.indexer import SummaryQueue

from alireader.ui.bound_keys import bound_key
from alireader.ui.glyphs import ASCII_GLYPHS, GLYPHS
from alireader.ui.library import Library
from alireader.ui.loader import Batch, FileRecords, load_batches
from alireader.ui.persistence import StateWriter
from alireader.ui.screens import HelpScreen, MainScreen, WarningsScreen, help_sections
from alireader.ui.screens.help import help_title, keymapped_bindings
from alireader.ui.theming import ThemeSetup, choose_theme, rich_styles, textual_theme
from alireader.ui.warm_gate import EarlyStart, GatedBodies, GatedExtractor, StartGate
from alireader.ui.widgets import ArticleList, ReaderPane, SearchBar

_ASCII_KEYS = {"⏎": "enter", "↑": "up", "↓": "down", "←": "left", "→": "right"}
"""Textual's key marks that an ASCII-only font or console may lack, in words."""

_OpenedState = tuple[
    str, StateWriter, tuple[str, ...], tuple[set[str], set[str], str | None], list[str]
]
"""What :meth:`ReaderApp._open_state` gives: the corpus key, the state file open, its notices,
the marks (read, bookmarked, last opened) and the recent queries."""

DEFAULT_READING_WIDTH = 80
STATUS_SECONDS = 10.0
"""How long the header says what a check of the folder found."""
RESTAMPS_WORTH_SAVING = 500
"""Files touched (same content) from which the snapshot is saved again: below, the next start
hashing them again costs less than writing the snapshot."""


def _now() -> float:
    import time

    return time.monotonic()


def corpus_name(paths: Sequence[Path]) -> str:
    """How the header names the corpus: the folder's name, or "bundled seeds"."""
    if len(paths) == 1 and Path(paths[0]).resolve() == app_paths.bundled_seeds_dir().resolve():
        return "bundled seeds"
    names = [Path(path).resolve().name or str(path) for path in paths]
    return names[0] if len(names) == 1 else f"{names[0]} + {len(names) - 1} more"


def _count(number: int, word: str) -> str:
    return f"{number:,} {word}{'s' * (number != 1)}".replace(",", "\u202f")


class ReaderApp(App[int]):
    """The keyboard-driven reader: an article list and a reader pane over a corpus."""

    # Absolute: Textual resolves a relative CSS_PATH against the module of a subclass.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    LOAD_BATCH_INTERVAL = 0.25
    """Seconds between two batches handed to the list while loading (at most). Each batch costs
    a repaint that competes for the interpreter lock with the loader (the parse itself, for
    corpora too small for worker processes): at 0.05 s, 10k articles parsed in this process
    loaded in 20 s; at 0.25 s in 10.6 s (the parse alone takes 8.4 s)."""
    HELP_TITLE = "Everywhere"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("R", "reload", "Reload changed files", id="app.reload", show=False),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            id="app.command_palette",
            show=False,
            priority=True,
        ),
    ]

    class StateReady(Message):
        """The state file is open and its marks are read (posted by the load worker)."""

        def __init__(
            self,
            writer: StateWriter,
            notices: tuple[str, ...],
            read: set[str],
            bookmarked: set[str],
            last_opened: str | None,
        ) -> None:
            super().__init__()
            self.writer, self.notices = writer, notices
            self.read, self.bookmarked, self.last_opened = read, bookmarked, last_opened
            self.queries: list[str] = []

    class BatchLoaded(Message):
        """A batch of articles was read (posted by the load worker)."""

        def __init__(self, batch: Batch, *, feed: bool = True) -> None:
            super().__init__()
            self.batch = batch
            self.feed = feed
            """Hand the summaries to the index worker (not when they come from a snapshot)."""

    class SearchReady(Message):
        """The search index of a snapshot is live (posted by the load worker)."""

    class ChangesApplied(Message):
        """The folder was compared with what the indexes hold, and the changes applied."""

        def __init__(self, applied: Applied | None) -> None:
            super().__init__()
            self.applied = applied

    class Status(Message):
        """A few words about the corpus for the header ("checking for changes…")."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Reset(Message):
        """The snapshot failed after its list was shown: the corpus is read from scratch."""

    class SnapshotSaved(Message):
        """The snapshot of the indexes is written (or could not be)."""

    class IndexProgress(Message):
        """Bodies indexed for search so far (posted by the index worker)."""

        def __init__(self, done: int, total: int, *, final: bool = True) -> None:
            super().__init__()
            self.done, self.total = done, total
            self.final = final
            """Whether the end of this pass means every index is ready (not so for the pass
            over changed files: :class:`ChangesApplied` says that)."""

        def can_replace(self, message: Message) -> bool:
            # A newer report supersedes this one, unless this one is final and it is not:
            # the final report is what sets index_ready.
            newer = message
            return isinstance(newer, ReaderApp.IndexProgress) and (newer.final or not self.final)

    class DuplicatesFound(Message):
        """The clusters of near-duplicate articles (posted by the index worker)."""

        def __init__(self, clusters: list[Cluster]) -> None:
            super().__init__()
            self.clusters = clusters

    class Notice(Message):
        """A sentence to show as a warning notification (posted from any thread)."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def __init__(
        self,
        paths: Sequence[Path],
        *,
        reading_width: int = DEFAULT_READING_WIDTH,
        state_path: Path | None = None,
        name: str | None = None,
        themes: ThemeSetup | None = None,
        keymap: Mapping[str, str] | None = None,
        ascii_only: bool = False,
        entity_backend: str = "auto",
        duplicate_threshold: float = 0.8,
        rebuild: bool = False,
        max_display_kb: int = DEFAULT_MAX_DISPLAY_KB,
        max_file_mb: float | None = None,
    ) -> None:
        """Read the corpus under ``paths``; ``state_path`` defaults to the XDG data dir.

        ``themes`` defaults to the bundled themes chosen as at start-up without a config;
        ``keymap`` (binding id -> keys) must already be validated; ``ascii_only`` draws marks
        and borders with ASCII characters; ``entity_backend`` and ``duplicate_threshold``
        are the ``entities.backend`` and ``duplicates.threshold`` settings; ``rebuild`` reads
        every file again instead of trusting the article cache (``--rebuild``);
        ``max_display_kb`` is ``reader.max_display_kb`` (see the reader pane); ``max_file_mb``
        the ``max_file_mb`` setting: larger files are skipped with a warning (default 20).
        """
        from alireader.ui.corpus_state import MAX_BYTES

        self.max_display_kb = max_display_kb
        self.max_bytes = MAX_BYTES if max_file_mb is None else int(max_file_mb * 1024 * 1024)
        """Files over this many bytes are not read, in the list, the indexes or the reader."""
        themes = themes or choose_theme(None, None, os.environ, None)
        super().__init__(ansi_color=themes.ansi_color)
        self.themes = themes
        self.glyphs = ASCII_GLYPHS if ascii_only else GLYPHS
        self.theme_styles: dict[str, Style] = rich_styles(themes.initial)
        """alireader's own styles of the current theme (read, unread, bookmark, removed ...)."""
        # Absolute (symlinks kept as typed): the snapshot is found by the corpus's absolute
        # path, so the paths saved in it must not depend on the folder the app started in.
        self.paths = [Path(os.path.abspath(path)) for path in paths]
        self.reading_width = reading_width
        self.state_path = state_path
        self.corpus_name = name or corpus_name(self.paths)
        self.corpus_key = ""
        """The state file's key of this corpus (set by the load worker: it resolves paths)."""
        self.library = Library()
        self.start_gate = StartGate()
        """Closed while a warm start reads what search needs (see :mod:`.warm_gate`): the
        first article's body and entities wait, so as not to slow the search's arrival."""
        self.bodies = GatedBodies(self.start_gate, max_bytes=self.max_bytes)
        """Full articles read back on demand for the reader pane."""
        self.load_warnings: list[LoadWarning] = []
        self.writer: StateWriter | None = None
        self.keymap: dict[str, str] = {}
        self._initial_keymap = dict(keymap or {})
        self.loaded = asyncio.Event()
        """Set when the whole corpus has been read (tests and benchmarks wait on it)."""
        self.index_ready = asyncio.Event()
        """Set when every body is in the search index (and the entity index)."""
        self.entity_backend = entity_backend
        self.entity_extractor = GatedExtractor(self.start_gate, entity_backend)
        """Finds the entities of the article shown (with a small cache)."""
        self.entity_index: EntityIndex | None = None
        """Which articles mention which entities; filled by the index worker."""
        self.entity_lock = threading.Lock()
        """Held while the entity index changes or is read (it is not thread-safe itself)."""
        self.duplicate_threshold = duplicate_threshold
        self.rebuild = rebuild
        self.duplicates: DuplicateIndex | None = None
        """Sketches of every article, for near-duplicates (filled by the index worker)."""
        self.clusters: dict[str, Cluster] = {}
        """Article ID -> its cluster of copies, for the articles that have copies."""
        self.duplicates_ready = asyncio.Event()
        """Set when the clusters are known."""
        self.search_index: LiveSearch | None = None
        self.corpus_state: CorpusState | None = None
        """Everything the indexes know of the corpus, once built or loaded (see
        :mod:`alireader.ui.corpus_state`); owned by the worker that runs at the time."""
        self.status = ""
        """What the header says about the corpus beside the counts ("3 new files")."""
        self.snapshot_saved = asyncio.Event()
        """Set when the snapshot is written after indexing or a change (tests, benchmarks)."""
        self.from_snapshot = False
        """True when this start's list came from a snapshot."""
        self.search_ready = asyncio.Event()
        """Set once the search index exists (titles at least on a cold start, everything on a
        warm one): tests and benchmarks wait on it instead of polling."""
        self.timings: dict[str, float] = {}
        """``time.monotonic()`` when each phase of a start ended (read by the benchmark)."""
        self._records = FileRecords()
        self._cached_bodies: CachedBodies | None = None
        self._summaries: SummaryQueue = queue.SimpleQueue()
        self._last_opened: str | None = None
        self._files = (0, 0)
        self._snapshot_opening: EarlyStart[tuple[Path, SnapshotReader | None]] | None = (
            None if rebuild else EarlyStart(self._open_snapshot, "open snapshot")
        )
        """The snapshot, opened in a thread from now on (see :mod:`.warm_gate`)."""
        self._state_opening: EarlyStart[_OpenedState] | None = EarlyStart(
            self._open_state, "open state file"
        )
        """The state file, opened and read in another thread from now on."""
        self._claims = threading.Lock()  # the load worker and on_unmount claim those two
        self._install_themes(themes)  # last: choosing a theme runs watch_theme

    @property
    def main(self) -> MainScreen:
        """The main screen (the bottom of the screen stack)."""
        return cast(MainScreen, self.screen_stack[0])

    def get_default_screen(self) -> Screen[object]:
        """The main screen is the default screen."""
        return MainScreen(
            self.library, self.reading_width, self.bodies, max_display_kb=self.max_display_kb
        )

    def _install_themes(self, themes: ThemeSetup) -> None:
        # Only alireader's themes: Textual's own lack the styles the reader needs (read marks,
        # entities, diffs), so the palette must not offer them.
        self._theme_specs = {spec.name: spec for spec in themes.specs}
        for spec in themes.specs:
            self.register_theme(textual_theme(spec))
        self.theme = themes.initial.name
        for name in list(self.available_themes):
            if name not in self._theme_specs:
                self.unregister_theme(name)

    def watch_theme(self, name: str) -> None:
        """Restyle the list and the reader (also while a theme is only being previewed)."""
        spec = self._theme_specs.get(name)
        if spec is not None:
            self.theme_styles = rich_styles(spec)

    def action_change_theme(self) -> None:
        """Pick a theme with a live preview; remember it when kept."""
        # Imported on first use: OptionList's import is not worth delaying every first frame.
        from alireader.ui.screens.themes import ThemePicker

        self.push_screen(ThemePicker(self.themes.specs, self.theme), self._theme_chosen)

    def _theme_chosen(self, name: str | None) -> None:
        if name is None:
            return  # cancelled: the picker has put the previous theme back
        self.theme = name
        if self.writer is not None:
            self.writer.submit(self.writer.store.set_preference, "theme", name)
        configured = self.themes.configured
        if configured is not None and configured != name:
            self.notify(
                f"Theme saved, but your configuration (or --theme) names '{configured}', which "
                "wins at start-up.",
                timeout=8,
            )

    def on_mount(self) -> None:
        """Show the header at once and start reading the corpus once the first frame is up."""
        if self._initial_keymap:
            self.set_keymap(self._initial_keymap)
        if self.glyphs is ASCII_GLYPHS:
            self.add_class("-ascii")
        for notice in self.themes.notices:
            self.notify(notice, severity="warning", timeout=10)
        self.title = self.corpus_name
        self.update_header()
        # After the first paint: the worker's imports and parsing would otherwise compete with
        # it for the interpreter lock, and the user would wait longer to see anything.
        self.call_after_refresh(self.load)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Show a notification; plain text unless asked otherwise (notices quote file names
        and corpus text, which must never be read as markup)."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def set_keymap(self, keymap: Mapping[str, str]) -> None:
        """Remap keys by binding id (remembered so the help page shows the new keys)."""
        self.keymap = dict(keymap)
        super().set_keymap(keymap)

    # -- loading ---------------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="load", name="load corpus")
    def load(self) -> None:
        """Open the state file, then show the corpus: from its snapshot when there is a good
        one (then check the folder for changes), else read it, posting each batch to the app
        while the index worker indexes it."""
        worker = get_current_worker()
        try:
            opening = self._claim("_state_opening")
            if opening is None:
                return  # the app is closing, and has closed the state file
            self.corpus_key, writer, notices, marks, queries = opening.take()
            ready = self.StateReady(writer, notices, *marks)
            ready.queries = queries
            if worker.is_cancelled or not self.post_message(ready):
                writer.close()  # the app is going away before the store was handed over
                return
            if not self.rebuild and self._load_snapshot(lambda: worker.is_cancelled):
                return
            self.start_gate.open()  # a cold start: nothing to wait for
            self._cold_load(lambda: worker.is_cancelled)
        finally:
            self.start_gate.open()  # whatever happened: no thread waits for ever
            self._close_unread_snapshot()

    def _claim(self, name: str) -> EarlyStart[Any] | None:
        """Take the early start held in attribute ``name`` (None once another thread has):
        the load worker and :meth:`on_unmount` may both reach for it."""
        with self._claims:
            opening: EarlyStart[Any] | None = getattr(self, name)
            setattr(self, name, None)
        return opening

    def _open_state(self) -> _OpenedState:
        """The corpus's key in the state file, the file open, its notices, the marks the list
        shows (read, bookmarked, the last article opened) and the recent queries (in a thread
        started with the app: the load worker takes them once the first frame is up)."""
        from alireader.state import corpus_key

        key = corpus_key(self.paths)
        writer, notices = StateWriter.open(self.state_path, on_error=self._post_notice)
        store = writer.store
        marks = (store.read_keys(), store.bookmarked_keys(), store.last_opened(key))
        return key, writer, notices, marks, store.recent_queries()

    def _close_unread_snapshot(self) -> None:
        """Close the snapshot opened early if the load ended (or never ran) before reading it:
        its read-ahead threads stop and its buffers go."""
        opening = self._claim("_snapshot_opening")
        if opening is not None:
            with contextlib.suppress(Exception):  # its error would have been for the load
                _path, reader = opening.take()
                if reader is not None:
                    reader.close()

    def _close_untaken_state(self) -> None:
        """Close the state file opened early if no load took it (the app closed first)."""
        opening = self._claim("_state_opening")
        if opening is not None:
            with contextlib.suppress(Exception):  # its error would have been for the load
                opening.take()[1].close()

    def _cold_load(self, cancelled: Callable[[], bool]) -> None:
        """Read every file (through the article cache), while the index worker indexes."""
        with contextlib.suppress(RuntimeError):  # the app is closing
            self.call_from_thread(self.index_corpus)
        self._records = FileRecords()
        try:
            load_batches(
                self.paths,
                lambda batch: self.post_message(self.BatchLoaded(batch)),
                cancelled,
                interval=self.LOAD_BATCH_INTERVAL,
                max_bytes=self.max_bytes,
                rebuild=self.rebuild,
                notice=self._post_notice,
                records=self._records,
            )
        except AlireaderError as error:
            self._post_notice(error.message)
            self.post_message(self.BatchLoaded(Batch(last=True)))

    # -- the snapshot ----------------------------------------------------------------------------

    def _snapshot_settings(self) -> dict[str, object]:
        from alireader.ui.corpus_state import snapshot_settings

        return snapshot_settings(self.entity_backend, self.duplicate_threshold, self.max_bytes)

    def _snapshot_file(self) -> tuple[Path, str]:
        """Where this corpus's snapshot is, and the stamp it must carry."""
        from alireader.core.snapshot import snapshot_path, snapshot_stamp

        settings = self._snapshot_settings()
        return snapshot_path(app_paths.cache_dir(), self.paths, settings), snapshot_stamp(settings)

    def _open_snapshot(self) -> tuple[Path, SnapshotReader | None]:
        """Where the snapshot is, and the snapshot open, its blocks being read and checked by
        other threads from now on (None when there is none). Raises ``SnapshotError``."""
        from alireader.core.snapshot import open_snapshot

        path, stamp = self._snapshot_file()
        reader = open_snapshot(path, stamp)
        if reader is not None:
            reader.start()
            # The search index's modules, imported now, while the first frame is drawn (the
            # event loop leaves the interpreter lock free at times), rather than by the load
            # worker as it unpickles the search section, between the list and a working search.
            import alireader.core.live_search  # noqa: F401
        return path, reader

    def _load_snapshot(self, cancelled: Callable[[], bool]) -> bool:
        """Show the list and make search work from the snapshot, then load the other indexes
        and apply the folder's changes; False when there is no usable snapshot (the caller
        reads the corpus instead, after the list is emptied if it was shown)."""
        from alireader.core.snapshot import SnapshotError
        from alireader.ui.corpus_state import SECTIONS, CorpusState, section_fits

        opening = self._claim("_snapshot_opening")
        try:
            # None after an earlier load claimed it (none does today): opened here, then.
            path, reader = opening.take() if opening is not None else self._open_snapshot()
        except SnapshotError as error:
            self._post_notice(str(error))
            return False
        if reader is None:
            return False
        self.post_message(self.Status("reading the saved index…"))
        found: dict[str, Any] = {}
        try:
            with reader:
                for name, value in reader.sections():
                    if cancelled():
                        return True
                    found[name] = value
                    if not section_fits(name, value):  # well checked, yet not what we write
                        reader.discard()
                        raise SnapshotError(
                            f"The saved index {path} is unreadable; it was discarded and is being "
                            "rebuilt."
                        )
                    self._take_section(name, value, found)
            if tuple(name for name in found if name in SECTIONS) != SECTIONS:
                reader.discard()
                raise SnapshotError(
                    f"The saved index {path} is incomplete; it was discarded and is being rebuilt."
                )
        except SnapshotError as error:
            self._post_notice(str(error))
            self.post_message(self.Status(""))
            if "summaries" in found:
                self.post_message(self.Reset())
            self.search_index = self.entity_index = self.duplicates = None
            return False
        rows, warnings = found["files"]
        summaries = found["summaries_objects"]
        self.corpus_state = CorpusState(
            found["search"],
            found["entities"],
            found["duplicates"],
            rows,
            warnings,
            {summary.id: summary for summary in summaries},
        )
        self._refresh(cancelled, save=True)
        return True

    def _take_section(self, name: str, value: Any, found: dict[str, Any]) -> None:
        """Put a snapshot's section to use as soon as it is read."""
        import time

        from alireader.core.snapshot import summaries_from_columns

        self.timings[f"section_{name}"] = time.monotonic()
        if name == "summaries":
            columns, warnings, files = value
            summaries = summaries_from_columns(columns)
            found["summaries_objects"] = summaries
            every = [LoadWarning(path, message) for path, message in warnings]
            batch = Batch(summaries, every, files, files, last=True)
            self.from_snapshot = True
            self.post_message(self.BatchLoaded(batch, feed=False))
        elif name == "search":
            # Searchable first; hits' bodies come from their files until the article cache's
            # reader is open (its imports and connection cost a tenth of a second).
            value.entity_lookup = self._lookup_entities
            value.set_body_loader(self._body_of)
            value.prepare()  # here, not in the first search (a no-op when it was saved prepared)
            self.search_index = value
            self.post_message(self.SearchReady())
            self.start_gate.open()
            self._open_cached_bodies()
        elif name == "entities":
            with self.entity_lock:
                self.entity_index = value
        elif name == "duplicates":
            self.duplicates = value
            self.post_message(self.DuplicatesFound(value.clusters()))

    def _wire_search(self, search: LiveSearch) -> None:
        """Connect a search index to the entity index and to the bodies (in a worker)."""
        search.entity_lookup = self._lookup_entities
        search.set_body_loader(self._body_of)
        self._open_cached_bodies()

    def _open_cached_bodies(self) -> None:
        """Open the article cache's body reader for hits' snippets (once; in a worker)."""
        from alireader.ui.corpus_state import CachedBodies

        if self._cached_bodies is None:
            self._cached_bodies = CachedBodies(self.max_bytes)

    def _lookup_entities(
        self, words: tuple[str, ...], label: str | None, prefix: bool
    ) -> Set[str] | NumberedMatch:
        # Numbers, not IDs: the search joins them through its table (see live_search.py).
        with self.entity_lock:
            index = self.entity_index
            if index is None:
                return set()
            return index.match_numbers(" ".join(words), label, prefix=prefix)

    def _body_of(self, article_id: str) -> str:
        """An article's body for a search hit's snippet: from the article cache, else read
        back from its file."""
        index = self.library.index_of(article_id)
        if index is None:
            return ""
        summary = self.library.articles[index]
        cached = self._cached_bodies
        body = None if cached is None else cached.body(summary.path, summary.record)
        if body is not None:
            return body
        article = self.bodies.fetch(summary)
        return "" if isinstance(article, str) else article.body

    def _save_snapshot(self, state: CorpusState) -> None:
        """Write the snapshot (in the calling worker thread); a failure is one notice."""
        from alireader.ui.corpus_state import save_state

        path, stamp = self._snapshot_file()
        try:
            save_state(state, path, stamp)
        except Exception as error:  # a full disk, a read-only folder: never a crash
            reason = error.strerror if isinstance(error, OSError) else None
            self._post_notice(
                f"The index could not be saved in {path.parent} ({reason or error}); "
                "the next start reads the corpus again."
            )
        self.post_message(self.SnapshotSaved())

    # -- changes in the folder -------------------------------------------------------------------

    def _refresh(self, cancelled: Callable[[], bool], *, save: bool) -> None:
        """Compare the folder with the indexes, apply the changes, save them (worker thread)."""
        from alireader.ui.corpus_state import refresh
        from alireader.ui.pool import quiet_pool

        state = self.corpus_state
        if state is None:
            return
        self.post_message(self.Status("checking for changes…"))
        self.timings["check_started"] = _now()
        try:
            applied = refresh(
                state,
                self.paths,
                self.entity_backend,
                self.entity_lock,
                cancelled=cancelled,
                progress=lambda done, total: self.post_message(
                    self.IndexProgress(done, total, final=False)
                ),
                max_bytes=self.max_bytes,
                make_pool=quiet_pool,
                notice=self._post_notice,
            )
        except AlireaderError as error:
            self._post_notice(error.message)
            self.post_message(self.ChangesApplied(None))
            return
        self.timings["check_done"] = _now()
        if cancelled():
            return
        if applied.changes.any and self.duplicates is not None:
            self.post_message(self.DuplicatesFound(self.duplicates.clusters()))
        self.post_message(self.ChangesApplied(applied))
        if save and (applied.changes.any or len(applied.changes.restamped) > RESTAMPS_WORTH_SAVING):
            self._save_snapshot(state)

    def action_reload(self) -> None:
        """Check the folder for new, changed and deleted files now, and apply the changes."""
        if self.corpus_state is None or not self.index_ready.is_set():
            self.notify("The corpus is still being indexed; R works once it is done.", timeout=5)
            return
        self.index_ready.clear()
        self.reload_corpus()

    @work(thread=True, exclusive=True, group="index", name="reload corpus")
    def reload_corpus(self) -> None:
        """:meth:`action_reload`'s work, in a thread."""
        worker = get_current_worker()
        self._refresh(lambda: worker.is_cancelled, save=True)

    def on_reader_app_changes_applied(self, message: ChangesApplied) -> None:
        """Show what changed: gone articles leave the list, changed ones are redrawn."""
        applied = message.applied
        if applied is not None:
            self.library.remove(applied.removed)
            self.library.update(applied.updated)
            self.load_warnings = applied.warnings
            self.status = applied.changes.describe()
            if applied.changes.any and isinstance(self.screen_stack[0], MainScreen):
                if self.main.searching:
                    self.main.refresh_search()
                else:
                    self.main.refilter()
        else:
            self.status = ""
        shown = self.status
        self.set_timer(STATUS_SECONDS, lambda: self._clear_status(shown))
        self.index_ready.set()
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.show_index_progress(1, 1)
        self.update_header()

    def _clear_status(self, shown: str) -> None:
        if self.status == shown:
            self.status = ""
            self.update_header()

    def on_reader_app_status(self, message: Status) -> None:
        """Say what the corpus is doing in the header."""
        self.status = message.text
        self.update_header()

    def on_reader_app_search_ready(self, _message: SearchReady) -> None:
        """Run a query typed before the search index was loaded."""
        self.search_ready.set()
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.refresh_search()

    def on_reader_app_reset(self, _message: Reset) -> None:
        """Empty the list: the corpus is read again from scratch."""
        self.library.clear()
        self.load_warnings = []
        self.loaded.clear()
        self.clusters = {}
        self.duplicates_ready.clear()
        self.from_snapshot = False
        # The summary queue stays: a snapshot's batch never went into it, and the index worker
        # about to start may already hold it.
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.article_list.set_rows([])
        self.update_header()

    def on_reader_app_snapshot_saved(self, _message: SnapshotSaved) -> None:
        """Tell waiting tests and benchmarks."""
        self.snapshot_saved.set()

    # -- indexing a corpus read from its files ----------------------------------------------------

    @work(thread=True, exclusive=True, group="index", name="index corpus for search")
    def index_corpus(self) -> None:
        """Index titles as they load, then every body (see :mod:`alireader.ui.indexer`), then
        save the snapshot."""
        import gc

        from alireader.core.duplicates import DuplicateIndex
        from alireader.core.entity_index import EntityIndex
        from alireader.core.live_search import LiveSearch
        from alireader.ui.corpus_state import CorpusState, sinks
        from alireader.ui.indexer import CorpusFeed
        from alireader.ui.pool import quiet_pool

        worker = get_current_worker()
        state = CorpusState(LiveSearch(), EntityIndex(), DuplicateIndex(self.duplicate_threshold))
        self._wire_search(state.search)
        self.search_index = state.search
        self.post_message(self.SearchReady())
        with self.entity_lock:
            self.entity_index = state.entities
        self.duplicates = state.duplicates
        feed = CorpusFeed(
            state.search,
            self._summaries,
            self.max_bytes,
            sinks=sinks(state, self.entity_backend, self.entity_lock),
            rebuild=self.rebuild,
            notice=self._post_notice,
            index_bodies=False,
            freeze=True,  # the indexes live as long as the app
        )
        finished = feed.run(
            lambda: worker.is_cancelled,
            # Not final: the last body is in well before the search index is prepared and the
            # copies grouped; "every index ready" is said once they are (below).
            lambda done, total: self.post_message(self.IndexProgress(done, total, final=False)),
            make_pool=quiet_pool,
        )
        if not finished:
            return
        # Every index lives as long as the app: out of the collector's reach, or each of its
        # full passes (at a keystroke, say) walks millions of objects, 0.5 s at 10k articles.
        gc.freeze()
        self.post_message(self.DuplicatesFound(state.duplicates.clusters()))
        count = len(feed.summaries)
        self.post_message(self.IndexProgress(count, count))
        records = self._records
        if records.complete:
            state.rows, state.warnings = records.rows, records.warnings
            state.summaries = {summary.id: summary for summary in feed.summaries}
            self.corpus_state = state
            self._save_snapshot(state)

    def on_reader_app_duplicates_found(self, message: DuplicatesFound) -> None:
        """Mark the copies in the list."""
        self.clusters = {member: c for c in message.clusters for member in c.articles}
        self.duplicates_ready.set()
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.duplicates_found()

    def on_reader_app_index_progress(self, message: IndexProgress) -> None:
        """Show the indexing progress; a running search is run again on the fuller index."""
        if message.done >= message.total and message.final:
            self.index_ready.set()
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.show_index_progress(message.done, message.total)
            self.main.refresh_search()

    def remember_query(self, query: str) -> None:
        """Keep a search query in the state file's history."""
        if self.writer is not None:
            self.writer.submit(self.writer.store.add_query, query)

    def _post_notice(self, text: str) -> None:
        self.post_message(self.Notice(text))

    def on_reader_app_notice(self, message: Notice) -> None:
        """Show a warning sentence from a worker or the state writer."""
        self.notify(message.text, severity="warning", timeout=10)

    def on_reader_app_state_ready(self, message: StateReady) -> None:
        """Take the saved marks; articles arrive after this."""
        self.writer = message.writer
        self.library.restore(message.read, message.bookmarked)
        self._last_opened = message.last_opened
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.search_bar.set_history(message.queries)
        for notice in message.notices:
            self.notify(notice, severity="warning", timeout=10)

    def on_reader_app_batch_loaded(self, message: BatchLoaded) -> None:
        """Add a batch to the library and the list, restoring the last article when it comes."""
        batch = message.batch
        indexes = self.library.extend(batch.summaries)
        if message.feed:
            self._summaries.put(batch.summaries)
        self.load_warnings.extend(batch.warnings)
        screen = self.main
        screen.articles_added(indexes)
        self._files = (batch.files_done, batch.files_total)
        screen.show_progress(batch.files_done, batch.files_total, self.library.live)
        if self._last_opened is not None:
            index = self.library.index_of(self._last_opened)
            # Only while the user has not moved yet: never yank the cursor away from them.
            if index is not None and screen.article_list.cursor == 0:
                screen.article_list.select_article(index)
                self._last_opened = None
        if batch.last:
            if message.feed:
                self._summaries.put(None)  # the indexer may now read the bodies
            self._last_opened = None
            screen.loading_finished()
            if self.load_warnings:
                # Not all were lost: an encoding guessed is a warning too ("read as UTF-16").
                count = _count(len(self.load_warnings), "load warning")
                key = bound_key(self, "view.warnings", "w")
                self.notify(
                    f"{count}: files skipped, partly read or read by a guess. Press {key} to "
                    "see which and why.",
                    severity="warning",
                    timeout=8,
                )
            self.loaded.set()
        self.update_header()

    def update_header(self) -> None:
        """Counts in the header: articles, unread, bookmarked, warnings (and the filter)."""
        library = self.library
        parts = [_count(library.live, "article")]
        # What the list shows comes first after the count: a narrow header cuts the end, and
        # a filtered list must never pass for the whole one.
        if isinstance(self.screen_stack[0], MainScreen) and (shown := self.main.view.describe()):
            parts.append(f"showing {shown}")
        parts += [
            f"{library.unread:,} unread".replace(",", "\u202f"),
            f"{library.bookmarked:,} bookmarked".replace(",", "\u202f"),
        ]
        if self.load_warnings:
            parts.append(_count(len(self.load_warnings), "warning"))
        if not self.loaded.is_set():
            parts.append("loading…")
        if self.status:
            parts.append(self.status)
        # Without a repaint: the app's sub_title is a reactive that repaints the whole screen
        # (our title bar shows it, and repaints alone), hundreds of times over a large load.
        self.set_reactive(ReaderApp.sub_title, " · ".join(parts))
        if isinstance(self.screen_stack[0], MainScreen):
            self.main.show_header(self.corpus_name, self.sub_title)

    # -- reading state ---------------------------------------------------------------------------

    def set_read(self, index: int, read: bool) -> None:
        """Mark an article read or unread, in the list, the header and the state file."""
        if self.library.set_read(index, read) and self.writer is not None:
            self.writer.submit(self.writer.store.set_read, self.library.keys[index], read)
        self._changed()

    def set_bookmarked(self, index: int, bookmarked: bool) -> None:
        """Add or remove a bookmark, in the list, the header and the state file."""
        if self.library.set_bookmarked(index, bookmarked) and self.writer is not None:
            key = self.library.keys[index]
            self.writer.submit(self.writer.store.set_bookmarked, key, bookmarked)
        self._changed()

    def open_article(self, index: int) -> None:
        """The user is reading this article: mark it read and remember it for the next start."""
        self.set_read(index, True)
        self._remember(index)

    def _remember(self, index: int | None) -> None:
        if index is not None and self.writer is not None:
            article_id = self.library.articles[index].id
            self.writer.submit(self.writer.store.set_last_opened, self.corpus_key, article_id)

    def _changed(self) -> None:
        self.main.article_list.refresh()
        self.update_header()

    async def action_quit(self) -> None:
        """Remember where the user was, then quit."""
        if isinstance(self.screen_stack[0], MainScreen):
            self._remember(self.main.article_list.highlighted)
        self.exit(0)

    def on_unmount(self) -> None:
        """Flush the queued state writes and close the state file (and what was opened early
        for a load that never took it)."""
        if self.writer is not None:
            self.writer.close()
        self._close_untaken_state()
        self._close_unread_snapshot()

    # -- help, warnings, command palette ---------------------------------------------------------

    PANES: ClassVar[tuple[type[ArticleList | ReaderPane | SearchBar], ...]] = (
        ArticleList,
        ReaderPane,
        SearchBar,
    )

    def action_help(self) -> None:
        """Show every key, generated from the bindings."""
        if not isinstance(self.screen, HelpScreen):
            sections = help_sections(self, self.screen, [*self.PANES, MainScreen], self.keymap)
            self.push_screen(HelpScreen(sections))

    def action_warnings(self) -> None:
        """List the files that could not be used (the notice that pointed here goes: it
        would sit on top of the list it announced)."""
        if not isinstance(self.screen, WarningsScreen):
            self.clear_notifications()
            self.push_screen(WarningsScreen(self.load_warnings))

    def get_key_display(self, binding: Binding) -> str:
        """Textual's display of a key (``⏎``, ``↑``), in words when marks must be ASCII."""
        shown = super().get_key_display(binding)
        if self.glyphs is ASCII_GLYPHS:
            return _ASCII_KEYS.get(shown, shown)
        return shown

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The palette offers every action that has a key, named as in the help page."""
        yield from super().get_system_commands(screen)
        if not isinstance(screen, MainScreen):
            return
        nodes = (screen.article_list, screen.reader, screen.query_one(SearchBar), screen)
        for node in nodes:
            keys: dict[str, list[str]] = {}  # "j,down" is two bindings with one id
            first: dict[str, Binding] = {}
            for binding in keymapped_bindings(type(node).BINDINGS, self.keymap):
                if binding.id is not None:
                    keys.setdefault(binding.id, []).append(self.get_key_display(binding))
                    first.setdefault(binding.id, binding)
            for binding_id, binding in first.items():
                yield SystemCommand(
                    f"{binding.description} ({help_title(node)})",
                    f"key: {' / '.join(keys[binding_id])}  ·  id: {binding_id}",
                    partial(self.call_next, self.run_action, binding.action, node),
                )
        reader = screen.reader
        for label, (_singular, plural) in LABEL_NAMES.items():
            yield SystemCommand(
                f"Entities: show or hide {plural} ({label})",
                f"highlight the {plural} in the reader, or stop",
                partial(reader.toggle_label, label),
            )
        yield SystemCommand("Help", "Every key of the reader", self.action_help)


def run_reader(
    paths: list[Path], loaded: LoadedSettings | None = None, *, rebuild: bool = False
) -> int:
    """Open the reader on ``paths`` with the user's settings; return its exit status.

    A keymap that names unknown bindings or makes two clash is a ConfigError raised here, before
    the screen opens, so the CLI reports it as one sentence.
    """
    from rich.console import Console

    from alireader.config import Settings
    from alireader.state import read_preference
    from alireader.ui.keys import binding_catalog

    settings = loaded.settings if loaded is not None else Settings()
    if loaded is not None and settings.keymap:
        loaded.check_keymap(*binding_catalog())
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        # Without one, Textual would wait for input that never comes, at full CPU.
        raise AlireaderError(
            "The reader needs a terminal, and its input or output is not one. In scripts and "
            "pipes, use the commands instead: alireader list, search, show, entities, dupes, "
            "diff (see alireader --help)."
        )
    themes = choose_theme(
        settings.theme, read_preference("theme"), os.environ, Console().color_system
    )
    app = ReaderApp(
        paths,
        reading_width=settings.reader.width,
        themes=themes,
        keymap=settings.keymap,
        ascii_only=settings.ascii,
        entity_backend=settings.entities.backend,
        duplicate_threshold=settings.duplicates.threshold,
        rebuild=rebuild,
        max_display_kb=settings.reader.max_display_kb,
        max_file_mb=settings.max_file_mb,
    )
    result = app.run()
    return int(result or app.return_code or 0)
