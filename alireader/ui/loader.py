"""Load a corpus in batches for the UI: the pure core, called from a worker thread.

Titles first: the list needs summaries (title, byline, word count, state key), not bodies, so
the loader asks the core for :class:`~alireader.core.models.ArticleSummary` objects. Large
corpora are parsed in worker processes (:func:`alireader.ui.pool.quiet_pool`), so the parsing
does not compete with the interface for the interpreter lock and the bodies never reach this
process; small ones are parsed here, where starting processes would cost more than it saves.
Summaries are handed over every ``batch_size`` articles or ``interval`` seconds, whichever comes
first, so the list is usable and growing from the first batch. Files unchanged since a previous
start come from the persistent cache (:mod:`alireader.core.cache`) without being parsed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from alireader.core.models import ArticleSummary, LoadWarning

if TYPE_CHECKING:
    from alireader.core.cache import Cache
    from alireader.core.corpus import SourceFile
    from alireader.core.snapshot import FileRow
    from alireader.core.summaries import SummarisedFile


@dataclass(slots=True)
class Batch:
    """Summaries read since the previous batch, with the progress so far."""

    summaries: list[ArticleSummary] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    files_done: int = 0
    files_total: int = 0
    last: bool = False
    """True on the final batch: loading is over (finished, or stopped by cancellation)."""


@dataclass(slots=True)
class FileRecords:
    """What a load learnt of the files, for the snapshot (see :func:`load_batches`)."""

    rows: list[FileRow] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    """Discovery's warnings (each file's own are in its row)."""
    complete: bool = False
    """True once every file was read (not stopped early)."""


def load_batches(
    paths: Sequence[Path],
    emit: Callable[[Batch], None],
    cancelled: Callable[[], bool] = lambda: False,
    *,
    batch_size: int = 2000,
    interval: float = 0.05,
    workers: int | None = None,
    max_bytes: int | None = None,
    cache: bool = True,
    rebuild: bool = False,
    notice: Callable[[str], None] | None = None,
    records: FileRecords | None = None,
) -> None:
    """Summarise every article under ``paths``, calling ``emit`` with each batch (and a last one).

    Raises :class:`alireader.errors.CorpusError` when a path does not exist. Stops early when
    ``cancelled()`` becomes true: the worker processes are stopped after the chunks they are
    parsing, without waiting for the rest of the queue. ``workers`` as in
    :func:`alireader.core.corpus.map_chunks` (default: one per usable CPU). With ``cache``
    (the default), unchanged files come from the persistent cache and the others are stored
    there; ``rebuild`` parses every file again and replaces what it held. What goes wrong with
    the cache is told to ``notice``, a sentence at a time, and loading goes on without it.
    ``records``, when given, receives discovery's warnings and each file's
    :class:`~alireader.core.snapshot.FileRow` (its stamp taken before it is read), for the
    snapshot saved once the corpus is indexed.
    """
    # Imported here, in the worker thread: the parser compiles ~100 regular expressions, which
    # is time the first frame does not have to wait for.
    from alireader.core.cache import open_cache
    from alireader.core.corpus import DEFAULT_MAX_BYTES, discover
    from alireader.core.summaries import iter_cached_summaries, iter_summaries
    from alireader.ui.pool import quiet_pool

    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    found = discover(paths)
    total = len(found.files)
    emit(Batch(warnings=list(found.warnings), files_total=total))  # progress shows at once
    batch = Batch(files_total=total)
    on_file = None
    if records is not None:
        records.warnings = list(found.warnings)
        on_file = _row_maker(found.files, records.rows)
    with contextlib.ExitStack() as stack:
        store = stack.enter_context(open_cache()) if cache else None
        tell = _teller(store, notice)
        tell()  # a cache set aside or emptied is told at once, not after the load
        if store is not None and store.usable:
            # bodies=True: the body pass that follows (ui.indexer) then analyses the stored
            # bodies instead of parsing every file a second time.
            files = iter_cached_summaries(
                found, store, limit, workers, quiet_pool, rebuild=rebuild, bodies=True
            )
        else:
            files = iter_summaries(found, limit, workers=workers, make_pool=quiet_pool)
        # closing(): stopping early shuts the pool down now, not when the generator is collected.
        stack.enter_context(contextlib.closing(files))
        batch = _emit_all(
            files, emit, cancelled, batch, batch_size=batch_size, interval=interval, on_file=on_file
        )
        tell()
        if records is not None:
            records.complete = len(records.rows) == total and not cancelled()
    batch.last = True  # the rest, possibly empty: the receiver learns that loading is over
    emit(batch)


def _emit_all(
    files: Iterator[SummarisedFile],
    emit: Callable[[Batch], None],
    cancelled: Callable[[], bool],
    batch: Batch,
    *,
    batch_size: int,
    interval: float,
    on_file: Callable[[SummarisedFile], None] | None = None,
) -> Batch:
    """Emit the files' summaries in batches; the batch not yet emitted."""
    total, last = batch.files_total, time.monotonic()
    for done, summarised in enumerate(files, start=1):
        if cancelled():
            break
        if on_file is not None:
            on_file(summarised)
        batch.summaries.extend(summarised.summaries)
        batch.warnings.extend(summarised.warnings)
        batch.files_done = done
        now = time.monotonic()
        if len(batch.summaries) >= batch_size or now - last >= interval:
            emit(batch)
            batch = Batch(files_done=done, files_total=total)
            last = now
    return batch


def _row_maker(
    files: Sequence[SourceFile], rows: list[FileRow]
) -> Callable[[SummarisedFile], None]:
    """What records each summarised file's row. Every stamp is taken now, before any file is
    read: a file that changes while it is read then has a stamp that no longer matches, and is
    read again on the next start (never trusted stale)."""
    from alireader.core.cache import file_stamp
    from alireader.core.snapshot import file_row

    stamps = {str(source.path): file_stamp(source.path) for source in files}

    def record(summarised: SummarisedFile) -> None:
        source = summarised.source
        ids = [summary.id for summary in summarised.summaries]
        stamp = stamps.get(str(source.path))
        rows.append(file_row(source, stamp, summarised.content, ids, summarised.warnings))

    return record


def _teller(store: Cache | None, notice: Callable[[str], None] | None) -> Callable[[], None]:
    """A function that tells ``notice`` the cache's notices not yet told."""

    def tell() -> None:
        if store is not None and notice is not None:
            for text in store.take_notices():
                notice(text)

    return tell
