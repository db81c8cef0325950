"""The reader's whole-corpus state, saved as a snapshot and brought up to date with the folder.

:class:`CorpusState` is what the reader knows beyond the list: the files with their stamps, the
summaries, the search index, the entity index and the near-duplicate index. The index worker
builds it on a cold start and saves it (:func:`save_state`, a
:mod:`~alireader.core.snapshot`); a warm start loads it section by section
(:data:`SECTIONS`), then :func:`refresh` compares it with the folder and applies the changes:
articles of deleted or changed files leave every index, new and changed files are read (through
the article cache, in worker processes for many) and added. ``R`` runs :func:`refresh` again.

Everything here runs in a worker thread, never on the event loop; the state is owned by one
worker at a time (the app starts them one after the other).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from alireader.core.models import ArticleSummary, LoadWarning
from alireader.core.snapshot import Changes, FileRow, Shared

if TYPE_CHECKING:
    from alireader.core.body_pass import BodyRecord
    from alireader.core.corpus import PoolFactory
    from alireader.core.duplicates import DuplicateIndex, Sketch
    from alireader.core.entities import Entity
    from alireader.core.entity_index import EntityIndex
    from alireader.core.live_search import LiveSearch
    from alireader.ui.indexer import Progress, Sink, SummaryQueue

SECTIONS = ("summaries", "search", "files", "entities", "duplicates")
"""The snapshot's sections, in the order they are written and read: the list first (with the
load warnings and the number of files), then the search, then the rest."""


@dataclass(slots=True)
class CorpusState:
    """The corpus as the indexes know it (see the module docstring)."""

    search: LiveSearch
    entities: EntityIndex
    duplicates: DuplicateIndex
    rows: list[FileRow] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    """What discovery reported (unreadable folders, broken links); files' own are in rows."""
    summaries: dict[str, ArticleSummary] = field(default_factory=dict)
    """Every live article by ID, in list order."""

    def all_warnings(self) -> list[LoadWarning]:
        """Discovery's warnings, then each file's."""
        return every_warning(self.warnings, self.rows)


def every_warning(discovered: Sequence[LoadWarning], rows: Sequence[FileRow]) -> list[LoadWarning]:
    """``discovered`` (unreadable folders, broken links), then each file's own warnings."""
    found = list(discovered)
    for row in rows:
        found.extend(row.load_warnings())
    return found


MAX_BYTES = 20 * 1024 * 1024
"""The per-file size limit the reader loads with (``corpus.DEFAULT_MAX_BYTES``), known here
without importing the corpus module (and the parser's regular expressions) before the list."""


def snapshot_settings(
    backend: str, threshold: float, max_bytes: int = MAX_BYTES
) -> dict[str, object]:
    """The settings a snapshot depends on: the analysers' names as the article cache names
    them (:func:`alireader.core.body_pass.analyser_name`; the ``auto`` entity backend as it
    resolves today, so installing spaCy makes the old snapshot foreign), the size limit and
    the duplicate threshold. Cheap: a warm start computes it before showing anything."""
    import importlib.util

    from alireader.core.analysers import article_sketch, search_words

    if backend == "auto":
        if importlib.util.find_spec("spacy") is None:
            backend = "builtin"  # what spacy_available() would say, without its import
        else:
            from alireader.core.entities import spacy_available

            backend = "spacy" if spacy_available() else "builtin"
    return {
        "max_bytes": max_bytes,
        "entities": f"article_entities:{backend}",
        "sketch": article_sketch.__qualname__,
        "search": search_words.__qualname__,
        "threshold": threshold,
    }


def sinks(state: CorpusState, backend: str, lock: threading.Lock) -> list[Sink]:
    """The body pass's sinks that fill the state's three indexes (the entity index under
    ``lock``, which searches hold while they read it)."""
    from alireader.core.analysers import article_entities, article_sketch
    from alireader.ui.indexer import Sink, search_sink

    entities, duplicates = state.entities, state.duplicates

    def add_entities(records: list[BodyRecord], found: list[list[Entity]]) -> None:
        with lock:
            for record, mentions in zip(records, found, strict=True):
                entities.add(record.id, mentions)

    def add_sketches(records: list[BodyRecord], sketches: list[Sketch]) -> None:
        for record, sketch in zip(records, sketches, strict=True):
            if record.id not in duplicates:
                duplicates.add_sketch(record.id, sketch)

    return [
        search_sink(state.search),
        Sink(partial(article_entities, backend), add_entities),
        Sink(article_sketch, add_sketches),
    ]


def save_state(state: CorpusState, path: Path, stamp: str) -> None:
    """Write the state as a snapshot at ``path`` (atomically; raises ``OSError``).

    Call it from the worker that fills the state: the indexes are pickled while searches may
    read them, which is safe because nothing else changes them meanwhile."""
    from alireader.core.snapshot import write_snapshot

    _remove_stale_temporaries(path)
    state.search.prepare()  # sorted now, so no search sorts the vocabulary while it is pickled
    state.entities.prepare()  # likewise its words, and saved so: no "@p" waits for them
    _return_free_memory()
    write_snapshot(
        path,
        stamp,
        [
            ("summaries", lambda: _list_section(state)),
            ("search", lambda: state.search),
            ("files", lambda: (state.rows, state.warnings)),
            ("entities", lambda: state.entities),
            ("duplicates", lambda: state.duplicates),
        ],
    )
    _freeze_survivors()


def _freeze_survivors() -> None:
    """After a save, collect its garbage once, here in the saving worker, and move what
    survives (mostly the indexes, which live as long as the program) out of the garbage
    collector's reach. Otherwise the collector's next full passes walk it between two
    keystrokes: two of 15 and 23 ms in a cold run at 100k articles, none warm (a warm start
    freezes each section it loads). The price: what is frozen and later dropped is freed only
    if no reference cycle holds it (widgets alive at the save and closed later, for
    instance); that is small beside the pauses it spares."""
    import gc

    gc.collect()
    gc.freeze()


def _return_free_memory() -> None:
    """Hand the C allocator's free memory back to the system before the save adds its own
    (the pickler's memo): after a cold load, the memory of every body and batch that went
    through this process sits in glibc's free lists, counted in the process's size. A no-op
    where there is no ``malloc_trim`` (other C libraries, other systems)."""
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        trim = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError):
        return
    trim(0)


STALE_TEMPORARY_S = 3600.0
"""A temporary snapshot this old was left by an instance killed while saving (one still
saving touches its file every few seconds)."""


def _remove_stale_temporaries(path: Path) -> None:
    import contextlib
    import os
    import time

    for temporary in path.parent.glob(f"{path.name}.*.tmp"):
        with contextlib.suppress(OSError):
            if time.time() - temporary.stat().st_mtime > STALE_TEMPORARY_S:
                os.unlink(temporary)


def _list_section(state: CorpusState) -> Shared:
    """What the list needs: the summaries, every load warning, the number of files; the
    columns of IDs and titles shared (the search index's own lists are equal to them when
    its documents are the list's articles, in order: it then loads them, not copies)."""
    from alireader.core.snapshot import summary_columns

    warnings = [(warning.path, warning.message) for warning in state.all_warnings()]
    columns = summary_columns(list(state.summaries.values()))
    names = [spec.name for spec in fields(ArticleSummary)]
    lists = {f"summaries.{name}": columns[names.index(name)] for name in ("id", "title")}
    return Shared((columns, warnings, len(state.rows)), lists)


def section_fits(name: str, value: object) -> bool:
    """Whether a snapshot's section holds what this code writes under ``name`` (sections of
    other names are not used: True). A snapshot whose checksums and stamp pass may still hold
    another form, written by a development version whose core was the same: the list's
    section is shaped here, outside the code the stamp follows."""
    from alireader.core.snapshot import columns_fit

    if name == "summaries":
        if type(value) is not tuple or len(value) != 3:
            return False
        columns, warnings, files = value
        return columns_fit(columns) and _pairs_of_text(warnings) and type(files) is int
    if name == "files":
        if type(value) is not tuple or len(value) != 2:
            return False
        rows, warnings = value
        return (
            type(rows) is list
            and set(map(type, rows)) <= {FileRow}
            and type(warnings) is list
            and set(map(type, warnings)) <= {LoadWarning}
        )
    # Each class imported when asked (by then the section was unpickled, which imported its
    # module), and only its own: the others are not needed before search works.
    if name == "search":
        from alireader.core.live_search import LiveSearch

        return isinstance(value, LiveSearch)
    if name == "entities":
        from alireader.core.entity_index import EntityIndex

        return isinstance(value, EntityIndex)
    if name == "duplicates":
        from alireader.core.duplicates import DuplicateIndex

        return isinstance(value, DuplicateIndex)
    return True


def _pairs_of_text(value: object) -> bool:
    return type(value) is list and all(
        type(pair) is tuple and len(pair) == 2 and all(type(text) is str for text in pair)
        for pair in value
    )


@dataclass(slots=True)
class Applied:
    """What :func:`refresh` changed, for the list (see ``ReaderApp.ChangesApplied``)."""

    changes: Changes
    removed: list[str] = field(default_factory=list)
    """IDs of articles gone (not replaced by an article of the same ID)."""
    updated: list[ArticleSummary] = field(default_factory=list)
    """New and changed articles."""
    warnings: list[LoadWarning] = field(default_factory=list)
    """Every load warning now."""


def refresh(
    state: CorpusState,
    paths: Sequence[Path],
    backend: str,
    lock: threading.Lock,
    *,
    cancelled: Callable[[], bool],
    progress: Progress,
    max_bytes: int,
    make_pool: PoolFactory | None = None,
    notice: Callable[[str], None] | None = None,
) -> Applied:
    """Compare the state with the folder now and apply the changes to every index.

    Raises :class:`alireader.errors.CorpusError` when a path is gone. On cancellation the
    state may hold some of the changes (the snapshot is then not saved: the next start checks
    again).
    """
    from alireader.core.cache import file_stamp, open_cache
    from alireader.core.corpus import Discovery, UniqueIds, discover
    from alireader.core.snapshot import compare, file_row
    from alireader.core.summaries import iter_cached_summaries, iter_summaries
    from alireader.ui.indexer import CorpusFeed

    found = discover(paths)
    changes = compare(state.rows, found)
    for number, stamp in changes.restamped.items():
        row = state.rows[number]
        state.rows[number] = FileRow(
            row.path, row.id, row.kind, row.root, stamp, row.content, row.articles, row.warnings
        )
    applied = Applied(changes)
    state.warnings = list(found.warnings)
    if not changes.any:
        applied.warnings = state.all_warnings()
        return applied
    gone = [article for n in changes.removed for article in state.rows[n].articles]
    removed_rows = set(changes.removed)
    kept = [row for n, row in enumerate(state.rows) if n not in removed_rows]
    state.search.remove(gone)
    with lock:
        for article_id in gone:
            state.entities.remove(article_id)
    state.duplicates.discard(gone)

    # Read the new and changed files, stamps first (as in a cold load).
    stamps = {str(source.path): file_stamp(source.path) for source in changes.read}
    taken = UniqueIds()
    for row in kept:
        for article_id in row.articles:
            taken.claim(article_id)
    fresh: list[ArticleSummary] = []
    new_rows: list[FileRow] = []
    discovery = Discovery(files=list(changes.read))
    with open_cache() as cache:
        files = (
            iter_cached_summaries(discovery, cache, max_bytes, make_pool=make_pool)
            if cache.usable
            else iter_summaries(discovery, max_bytes, make_pool=make_pool)
        )
        for summarised in files:
            summaries = [
                _unique(s, taken, summarised.source, max_bytes) for s in summarised.summaries
            ]
            fresh.extend(summaries)
            new_rows.append(
                file_row(
                    summarised.source,
                    stamps.get(str(summarised.source.path)),
                    summarised.content,
                    [s.id for s in summaries],
                    summarised.warnings,
                )
            )
        if notice is not None:
            for text in cache.take_notices():
                notice(text)
    summaries_queue: SummaryQueue = queue.SimpleQueue()
    summaries_queue.put(fresh)
    summaries_queue.put(None)
    feed = CorpusFeed(
        state.search,
        summaries_queue,
        max_bytes,
        sinks(state, backend, lock),
        notice=notice,
        index_bodies=False,
    )
    feed.run(cancelled, progress, make_pool=make_pool)

    state.rows = kept + new_rows
    again = {s.id for s in fresh}
    applied.removed = [article_id for article_id in gone if article_id not in again]
    for article_id in applied.removed:
        state.summaries.pop(article_id, None)
    for summary in fresh:
        state.summaries[summary.id] = summary
    applied.updated = fresh
    applied.warnings = state.all_warnings()
    return applied


def _unique(summary: ArticleSummary, taken: Any, source: Any, max_bytes: int) -> ArticleSummary:
    """``summary`` with an ID no live article has (claimed like a cold load would), and the
    state key that follows from it."""
    from dataclasses import replace

    from alireader.core.keys import article_key
    from alireader.core.reopen import open_file

    final = taken.claim(summary.id, source)
    if final == summary.id:
        return summary
    # Renamed (rare: a new file whose ID another file has): the key needs the body's digest.
    article = open_file(summary.path, max_bytes).article(summary.record)
    body = article.body if article is not None else ""
    return replace(summary, id=final, key=article_key(final, body))


class CachedBodies:
    """Bodies of search hits for their snippets, read from the article cache (where the body
    pass stored them) rather than parsed again from the files: a hit's row is drawn on the
    event loop, and a query shows a screenful of them. The connection is read-only and never
    waits for a writer (:class:`alireader.core.cache.PartReader`)."""

    def __init__(self, max_bytes: int) -> None:
        """Make it in a worker thread: the imports are not for the event loop to wait on."""
        from alireader.core.body_pass import BODY_PART, RECORD_NONE
        from alireader.core.cache import PartReader, path_key

        self.max_bytes = max_bytes
        self._reader = PartReader()
        self._key = path_key
        self._part, self._no_record = BODY_PART, RECORD_NONE

    def body(self, path: str, record: int | None) -> str | None:
        """The stored body of the article, or None when the cache does not have it."""
        number = self._no_record if record is None else record
        stored = self._reader.part(self._key(path), self.max_bytes, number, self._part)
        return None if stored is None else stored.decode("utf-8", "surrogatepass")
