"""Fill the corpus-wide indexes from a worker thread: titles as they load, then every body.

The loader hands summaries to the :class:`CorpusFeed` as batches arrive (so titles, authors and
sources are searchable at once); when loading is over the feed reads every body back
(:func:`alireader.core.body_pass.iter_bodies`, on every CPU for large corpora) and gives each
body to the search index and to the other :class:`Sink` s (entities, near-duplicates), whose
per-article work runs in the worker processes beside the parse. The search bar can search at any
moment: the index is thread-safe, and results only get better as it fills. Bodies and analyses of
articles unchanged since a previous start come from the persistent cache
(:func:`alireader.core.body_pass.iter_cached_bodies`), not from the files.
"""

from __future__ import annotations

import contextlib
import gc
import queue
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from alireader.core.body_pass import (
    CHUNK_ARTICLES,
    Analyser,
    BodyRecord,
    BodyRequest,
    Digest,
    analyser_name,
    iter_bodies,
    iter_cached_bodies,
    request_of,
)
from alireader.core.cache import Cache, open_cache
from alireader.core.corpus import DEFAULT_MAX_BYTES, PoolFactory
from alireader.core.models import ArticleSummary
from alireader.core.search import SearchIndex

if TYPE_CHECKING:
    from alireader.core.live_search import LiveSearch


Progress = Callable[[int, int], None]
"""Called with ``(bodies indexed, bodies to index)``."""

SummaryQueue = queue.SimpleQueue[Sequence[ArticleSummary] | None]
"""Batches of summaries as they load, then None: loading is over."""


@dataclass(frozen=True, slots=True)
class Sink:
    """An index fed from the body pass: ``analyser`` runs on each article where it is read,
    ``add(records, results)`` gets each chunk with the analyser's results, in this thread."""

    analyser: Analyser
    add: Callable[[list[BodyRecord], list[Any]], None]
    name: str | None = None
    """What the analyser's results are cached under (default: :func:`analyser_name`)."""
    digest: Digest | None = None
    """What ``add`` gets of each result, made in the worker (default:
    :func:`alireader.core.analysers.index_digest`; the cache stores the whole result)."""

    def digest_or_default(self) -> Digest | None:
        """:attr:`digest`, or the default one for the analyser."""
        from alireader.core.analysers import index_digest

        return self.digest if self.digest is not None else index_digest(self.analyser)


def search_sink(index: SearchIndex | LiveSearch) -> Sink:
    """The search index as a sink: each body's index words are split in the worker processes
    (:func:`alireader.core.analysers.search_words`, most of the cost of indexing a body), so
    the app's process only adds them. Use with ``CorpusFeed(..., index_bodies=False)``."""
    from alireader.core.analysers import search_words

    def add(records: list[BodyRecord], words: list[str]) -> None:
        for record, joined in zip(records, words, strict=True):
            index.add_body_words(record.id, record.body, joined.split())

    return Sink(search_words, add)


def _freeze() -> None:
    """Move every object the collector tracks, in the whole process (the interface's too), to
    its permanent generation (``gc.freeze``, a constant-time splice of its lists). An index of
    a large corpus is millions of long-lived objects with no cycles to find: each of the ~20
    full collections of a 100k build walked all of them again, about 12% of the app's CPU
    during a cold start (1.8 of 14 CPU-s at 10k). The price: cyclic garbage not yet collected
    at a freeze (a screen closed during the build, say) is kept for good. It stays small, as
    the young generations are collected every few hundred allocations; a full collection
    before each of the ~500 freezes of a 100k build would find it, at the price of walking all
    that each chunk made (not measured, not done)."""
    gc.freeze()


class CorpusFeed:
    """Summaries from a :data:`SummaryQueue` into a :class:`SearchIndex`, then every body into
    it and into the sinks.

    The app owns the queue (putting a batch costs the event loop nothing, and needs none of the
    index modules, which are imported by the worker thread, not before the first frame).
    """

    def __init__(
        self,
        index: SearchIndex | LiveSearch,
        summaries: SummaryQueue,
        max_bytes: int = DEFAULT_MAX_BYTES,
        sinks: Sequence[Sink] = (),
        *,
        cache: bool = True,
        rebuild: bool = False,
        notice: Callable[[str], None] | None = None,
        index_bodies: bool = True,
        freeze: bool = False,
    ) -> None:
        """``cache``: take unchanged articles' bodies and analyses from the persistent cache
        and store the others' (``rebuild``: read them all again); what goes wrong with the
        cache is told to ``notice``. ``index_bodies``: give each body to the search index
        here; False when a sink does it with words split in the workers (:func:`search_sink`).
        ``freeze``: put what is built out of the garbage collector's reach as it is built
        (see :func:`_freeze`), for indexes that live as long as the process.
        """
        self.index = index
        self.index_bodies = index_bodies
        self.freeze = freeze
        self.max_bytes = max_bytes
        self.sinks = tuple(sinks)
        self.cache = cache
        self.rebuild = rebuild
        self.notice = notice
        self._queue = summaries
        self._store: Cache | None = None
        self.summaries: list[ArticleSummary] = []
        """Every summary taken from the queue, in order."""

    def run(
        self,
        cancelled: Callable[[], bool],
        progress: Progress,
        *,
        workers: int | None = None,
        make_pool: PoolFactory | None = None,
        interval: float = 0.25,
    ) -> bool:
        """Index metadata until loading is done, then the bodies; True when all was indexed.

        Runs in a worker thread. ``progress`` is called at most every ``interval`` seconds and
        once at the end. Returns False as soon as ``cancelled()`` is true.
        """
        requests: list[BodyRequest] = []
        while True:
            try:
                batch = self._queue.get(timeout=0.1)
            except queue.Empty:
                if cancelled():
                    return False
                continue
            if batch is None:
                break
            self.summaries.extend(batch)
            for summary in batch:
                self.index.add_metadata(summary.id, summary.title, summary.author, summary.source)
                requests.append(request_of(summary))
            if self.freeze:
                _freeze()
        total, done, last = len(requests), 0, 0.0
        progress(0, total)
        with contextlib.ExitStack() as stack:
            chunks = self._chunks(stack, requests, workers, make_pool)
            stack.enter_context(contextlib.closing(chunks))
            for chunk in chunks:
                if cancelled():
                    return False
                if self.index_bodies:
                    for record in chunk:
                        self.index.add_body(record.id, record.body)
                for number, sink in enumerate(self.sinks):
                    sink.add(chunk, [record.analyses[number] for record in chunk])
                if self.freeze:
                    _freeze()
                # Counted in requests: an article whose file changed since yields no body.
                done = min(total, done + CHUNK_ARTICLES)
                now = time.monotonic()
                if now - last >= interval:
                    progress(done, total)
                    last = now
        self.index.prepare()  # sorted now, not on the next keystroke
        progress(total, total)
        return True

    def _chunks(
        self,
        stack: contextlib.ExitStack,
        requests: list[BodyRequest],
        workers: int | None,
        make_pool: PoolFactory | None,
    ) -> Iterator[list[BodyRecord]]:
        analysers = [sink.analyser for sink in self.sinks]
        digests = [sink.digest_or_default() for sink in self.sinks]
        store = stack.enter_context(open_cache()) if self.cache else None
        stack.callback(self._tell)  # after the chunks are closed (LIFO), before the cache is
        if store is None or not store.usable:
            return iter_bodies(
                requests,
                self.max_bytes,
                workers=workers,
                make_pool=make_pool,
                analysers=analysers,
                digests=digests,
            )
        self._store = store
        named = [(sink.name or analyser_name(sink.analyser), sink.analyser) for sink in self.sinks]
        return iter_cached_bodies(
            requests,
            store,
            self.max_bytes,
            workers,
            make_pool,
            analysers=named,
            digests=digests,
            rebuild=self.rebuild,
        )

    def _tell(self) -> None:
        store = self._store
        if store is not None and self.notice is not None:
            for text in store.take_notices():
                self.notice(text)
