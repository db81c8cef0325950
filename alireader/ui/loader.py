"""Load a corpus in batches for the UI: the pure core, called from a worker thread.

Titles first: the list needs summaries (title, byline, word count, state key), not bodies, so
the loader asks the core for :class:`~alireader.core.models.ArticleSummary` objects. Large
corpora are parsed in worker processes (:func:`alireader.ui.pool.quiet_pool`), so the parsing
does not compete with the interface for the interpreter lock and the bodies never reach this
process; small ones are parsed here, where starting processes would cost more than it saves.
Summaries are handed over every ``batch_size`` articles or ``interval`` seconds, whichever comes
first, so the list is usable and growing from the first batch.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from alireader.core.models import ArticleSummary, LoadWarning


@dataclass(slots=True)
class Batch:
    """Summaries read since the previous batch, with the progress so far."""

    summaries: list[ArticleSummary] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    files_done: int = 0
    files_total: int = 0
    last: bool = False
    """True on the final batch: loading is over (finished, or stopped by cancellation)."""


def load_batches(
    paths: Sequence[Path],
    emit: Callable[[Batch], None],
    cancelled: Callable[[], bool] = lambda: False,
    *,
    batch_size: int = 2000,
    interval: float = 0.05,
    workers: int | None = None,
) -> None:
    """Summarise every article under ``paths``, calling ``emit`` with each batch (and a last one).

    Raises :class:`alireader.errors.CorpusError` when a path does not exist. Stops early when
    ``cancelled()`` becomes true: the worker processes are stopped after the chunks they are
    parsing, without waiting for the rest of the queue. ``workers`` as in
    :func:`alireader.core.corpus.map_chunks` (default: one per usable CPU).
    """
    # Imported here, in the worker thread: the parser compiles ~100 regular expressions, which
    # is time the first frame does not have to wait for.
    from alireader.core.corpus import discover
    from alireader.core.summaries import iter_summaries
    from alireader.ui.pool import quiet_pool

    found = discover(paths)
    total = len(found.files)
    emit(Batch(warnings=list(found.warnings), files_total=total))  # progress shows at once
    batch = Batch(files_total=total)
    last = time.monotonic()
    files = iter_summaries(found, workers=workers, make_pool=quiet_pool)
    # closing(): stopping early shuts the pool down now, not whenever the generator is collected.
    with contextlib.closing(files):
        for done, summarised in enumerate(files, start=1):
            if cancelled():
                break
            batch.summaries.extend(summarised.summaries)
            batch.warnings.extend(summarised.warnings)
            batch.files_done = done
            now = time.monotonic()
            if len(batch.summaries) >= batch_size or now - last >= interval:
                emit(batch)
                batch = Batch(files_done=done, files_total=total)
                last = now
    batch.last = True  # the rest, possibly empty: the receiver learns that loading is over
    emit(batch)
