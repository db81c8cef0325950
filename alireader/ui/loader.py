"""Load a corpus in batches for the UI: the pure core, called from a worker thread.

The core parses a file completely (title, byline, boilerplate, body) in one pass, and the title
and the state key both depend on that full parse, so there is no cheaper "titles only" pass that
would give the same rows. What keeps the UI alive instead is batching: articles are handed over
every ``batch_size`` articles or ``interval`` seconds, whichever comes first, so the list is
usable and growing from the first batch while the rest of the corpus is read.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from alireader.core.models import Article, LoadWarning

if TYPE_CHECKING:
    from alireader.core.corpus import Corpus


@dataclass(slots=True)
class Batch:
    """Articles read since the previous batch, with their state keys and the progress so far."""

    articles: list[Article] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
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
) -> Corpus:
    """Read every article under ``paths``, calling ``emit`` with each batch (and a last one).

    Raises :class:`alireader.errors.CorpusError` when a path does not exist. Stops early (the
    corpus then holds what was read) when ``cancelled()`` becomes true.
    """
    # Imported here, in the worker thread: the parser compiles ~100 regular expressions, which
    # is time the first frame does not have to wait for.
    from alireader.core.corpus import Corpus, discover, iter_load
    from alireader.state import article_key

    corpus = Corpus(paths)
    found = discover(paths)
    total = len(found.files)
    corpus.warnings.extend(found.warnings)
    batch = Batch(warnings=list(found.warnings), files_total=total)
    emit(batch)  # the file count, so progress shows at once
    batch = Batch(files_total=total)
    last = time.monotonic()
    # In this process, not in worker processes: under Textual, sys.stderr is a capture without
    # a file descriptor, on which multiprocessing's process start-up fails, and forking a
    # threaded program risks deadlocks. The parsing yields the interpreter lock often enough
    # for the interface to stay responsive (see benchmarks/reader.py).
    for done, (source, articles, warnings) in enumerate(iter_load(found), start=1):
        if cancelled():
            break
        for article in articles:
            added = corpus.add(article, source)  # makes IDs unique across the corpus
            batch.articles.append(added)
            batch.keys.append(article_key(added.id, added.body))
        batch.warnings.extend(warnings)
        corpus.warnings.extend(warnings)
        batch.files_done = done
        now = time.monotonic()
        if len(batch.articles) >= batch_size or now - last >= interval:
            emit(batch)
            batch = Batch(files_done=done, files_total=total)
            last = now
    batch.last = True  # the rest, possibly empty: the receiver learns that loading is over
    emit(batch)
    return corpus
