"""Read every article's body back, once, for the corpus-wide indexes (search, entities, copies).

The reader loads summaries first (titles are enough for the list), so the indexes that need whole
texts get them in a second pass over the files: :func:`iter_bodies` re-reads the files the
summaries came from, in worker processes for large corpora (like the first pass), and yields the
cleaned bodies chunk by chunk, in corpus order, keyed by the summaries' unique IDs (the file alone
cannot know them: the corpus made duplicates unique).

A file that changed or vanished since the first pass gives no body for its articles: they stay
findable by their title, and nothing is guessed.
"""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool

from alireader.core.corpus import (
    DEFAULT_MAX_BYTES,
    PARALLEL_MIN_FILES,
    PoolFactory,
    default_pool,
    usable_cpus,
)
from alireader.core.models import ArticleSummary
from alireader.core.reopen import open_file

BodyRequest = tuple[str, str, int | None]
"""``(unique id, path, record)`` of an article whose body is wanted."""

CHUNK_ARTICLES = 200
"""Articles per unit of work handed to a worker process (and per yielded chunk)."""


def request_of(summary: ArticleSummary) -> BodyRequest:
    """What :func:`read_bodies` needs to find the body of ``summary``."""
    return summary.id, summary.path, summary.record


def read_bodies(
    requests: Sequence[BodyRequest], max_bytes: int = DEFAULT_MAX_BYTES
) -> list[tuple[str, str]]:
    """``(id, body)`` for each request whose article can still be read, in request order.

    Consecutive requests for one file open it once (records of a JSONL file come together).
    """
    found: list[tuple[str, str]] = []
    opened, opened_path = None, None
    for article_id, path, record in requests:
        if opened is None or opened_path != path:
            opened, opened_path = open_file(path, max_bytes), path
        article = opened.article(record)
        if article is not None:
            found.append((article_id, article.body))
    return found


def _chunks(requests: Sequence[BodyRequest]) -> list[list[BodyRequest]]:
    return [
        list(requests[start : start + CHUNK_ARTICLES])
        for start in range(0, len(requests), CHUNK_ARTICLES)
    ]


def iter_bodies(
    requests: Sequence[BodyRequest],
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
) -> Iterator[list[tuple[str, str]]]:
    """The bodies of ``requests``, a chunk of ``(id, body)`` pairs at a time, in order.

    Corpora of :data:`~alireader.core.corpus.PARALLEL_MIN_FILES` articles or more are read on
    every CPU (``workers``, ``make_pool`` as in :func:`alireader.core.corpus.map_chunks`); if
    processes cannot be started, the rest is read here. Closing the generator early stops the
    pool after the chunks in flight.
    """
    workers = usable_cpus() if workers is None else workers
    chunks = _chunks(requests)
    if workers <= 1 or len(requests) < PARALLEL_MIN_FILES:
        for chunk in chunks:
            yield read_bodies(chunk, max_bytes)
        return
    done = 0
    try:
        pool = (make_pool or default_pool)(workers)
        try:
            for bodies in pool.map(read_bodies, chunks, itertools.repeat(max_bytes)):
                done += 1
                yield bodies
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    except (OSError, ValueError, BrokenProcessPool, pickle.PicklingError, AssertionError):
        # No worker processes here (see map_chunks): finish in this process.
        for chunk in chunks[done:]:
            yield read_bodies(chunk, max_bytes)
