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
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from alireader.core.corpus import (
    DEFAULT_MAX_BYTES,
    PARALLEL_MIN_FILES,
    PoolFactory,
    default_pool,
    usable_cpus,
)
from alireader.core.models import Article, ArticleSummary
from alireader.core.reopen import open_file

BodyRequest = tuple[str, str, int | None]
"""``(unique id, path, record)`` of an article whose body is wanted."""

CHUNK_ARTICLES = 200
"""Articles per unit of work handed to a worker process (and per yielded chunk)."""

Analyser = Callable[[Article], Any]
"""Work done on each article where it is read (in the worker process): say, its entities or
its duplicate sketch. Must be a module-level function (it is pickled by name) and return
something small and picklable: only that and the body come back."""


class BodyRecord(tuple[str, str, tuple[Any, ...]]):
    """``(id, body, analyses)``: an article's body and what each analyser made of it."""

    __slots__ = ()

    @property
    def id(self) -> str:
        """The article's unique ID (the summary's)."""
        return self[0]

    @property
    def body(self) -> str:
        """The cleaned body text."""
        return self[1]

    @property
    def analyses(self) -> tuple[Any, ...]:
        """One result per analyser, in the order they were given."""
        return self[2]


def request_of(summary: ArticleSummary) -> BodyRequest:
    """What :func:`read_bodies` needs to find the body of ``summary``."""
    return summary.id, summary.path, summary.record


def read_bodies(
    requests: Sequence[BodyRequest],
    max_bytes: int = DEFAULT_MAX_BYTES,
    analysers: Sequence[Analyser] = (),
) -> list[BodyRecord]:
    """A :class:`BodyRecord` for each request whose article can still be read, in order.

    Consecutive requests for one file open it once (records of a JSONL file come together).
    """
    found: list[BodyRecord] = []
    opened, opened_path = None, None
    for article_id, path, record in requests:
        if opened is None or opened_path != path:
            opened, opened_path = open_file(path, max_bytes), path
        article = opened.article(record)
        if article is not None:
            analyses = tuple(analyse(article) for analyse in analysers)
            found.append(BodyRecord((article_id, article.body, analyses)))
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
    analysers: Sequence[Analyser] = (),
) -> Iterator[list[BodyRecord]]:
    """The bodies of ``requests``, a chunk of :class:`BodyRecord` at a time, in order.

    Corpora of :data:`~alireader.core.corpus.PARALLEL_MIN_FILES` articles or more are read on
    every CPU (``workers``, ``make_pool`` as in :func:`alireader.core.corpus.map_chunks`); if
    processes cannot be started, the rest is read here. Closing the generator early stops the
    pool after the chunks in flight.
    """
    workers = usable_cpus() if workers is None else workers
    chunks = _chunks(requests)
    if workers <= 1 or len(requests) < PARALLEL_MIN_FILES:
        for chunk in chunks:
            yield read_bodies(chunk, max_bytes, analysers)
        return
    done = 0
    try:
        pool = (make_pool or default_pool)(workers)
        try:
            jobs = pool.map(
                read_bodies, chunks, itertools.repeat(max_bytes), itertools.repeat(analysers)
            )
            for bodies in jobs:
                done += 1
                yield bodies
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    except (OSError, ValueError, BrokenProcessPool, pickle.PicklingError, AssertionError):
        # No worker processes here (see map_chunks): finish in this process.
        for chunk in chunks[done:]:
            yield read_bodies(chunk, max_bytes, analysers)
