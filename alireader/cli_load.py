"""A CLI command's corpus, read through the persistent article cache, with progress.

``alireader search``, ``entities`` and ``list`` need every article's summary and, per article,
what an analyser made of its body (its search words, its entities), but rarely the bodies
themselves. :class:`CliCorpus` gets both from :mod:`alireader.core.cache` for the files that
have not changed since any earlier run (of the reader or of the CLI: they share the cache), and
parses only the others, in worker processes for many, storing what it finds. Bodies are fetched
only for the few articles printed (:meth:`CliCorpus.bodies`).

When the cache cannot be used (a read-only or damaged folder), everything is read from the
files, with the same results; what went wrong is in :attr:`CliCorpus.notices`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from alireader.progress import CliProgress, silent

if TYPE_CHECKING:
    from alireader.core.body_pass import BodyRequest, NamedAnalyser
    from alireader.core.cache import Cache
    from alireader.core.corpus import Discovery
    from alireader.core.entity_index import EntityIndex
    from alireader.core.models import Article, ArticleSummary, LoadWarning
    from alireader.core.summaries import SummarisedFile


@dataclass(slots=True)
class Loaded:
    """Every summary of the corpus in order, the load warnings, and per article ID the results
    of the analysers asked for (absent: its file could not be read again)."""

    summaries: list[ArticleSummary] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    results: dict[str, tuple[Any, ...]] = field(default_factory=dict)

    def entity_index(self, position: int) -> EntityIndex:
        """The entities found by the analyser at ``position`` (an entity analyser), indexed
        by article, in corpus order."""
        from alireader.core.entity_index import EntityIndex

        index = EntityIndex()
        for summary in self.summaries:
            results = self.results.get(summary.id)
            if results is not None:
                index.add(summary.id, results[position])
        return index


class CliCorpus:
    """The corpus under ``paths`` as one command sees it; use as a context manager (it holds
    the cache open until the command is done)."""

    def __init__(
        self,
        paths: Sequence[str | Path],
        max_bytes: int,
        *,
        rebuild: bool = False,
        progress: CliProgress | None = None,
    ) -> None:
        self.paths = list(paths)
        self.max_bytes = max_bytes
        self.rebuild = rebuild
        self.progress = progress if progress is not None else silent()
        self.notices: list[str] = []
        """What went wrong with the cache, one sentence each (filled on exit)."""
        self._cache: Cache | None = None

    def __enter__(self) -> CliCorpus:
        from alireader.core.cache import open_cache

        self._cache = open_cache()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        cache, self._cache = self._cache, None
        if cache is not None:
            self.notices.extend(cache.take_notices())
            cache.close()

    @property
    def cache(self) -> Cache | None:
        """The open cache, when it can be used."""
        cache = self._cache
        return cache if cache is not None and cache.usable else None

    def load(
        self,
        analysers: Sequence[NamedAnalyser] = (),
        *,
        on_summary: Callable[[ArticleSummary], None] | None = None,
        analysing: str = "Reading the index",
    ) -> Loaded:
        """Every summary (``on_summary`` is told each as it comes, in order), then each
        article's ``analysers`` results: from the cache, or made where the file is parsed.
        ``analysing`` names the second phase on the progress bar."""
        from alireader.core.corpus import discover

        discovery = discover(self.paths)
        loaded = Loaded(warnings=list(discovery.warnings))
        cache = self.cache
        if cache is None:
            self._load_without_cache(discovery, analysers, loaded, on_summary, analysing)
            return loaded
        from alireader.core.summaries import iter_cached_summaries

        files = iter_cached_summaries(
            discovery, cache, self.max_bytes, rebuild=self.rebuild, analysers=analysers
        )
        self._take_summaries(files, len(discovery.files), loaded, on_summary)
        if analysers:
            # Files that were not parsed now: their results are in the cache (or, when they
            # were stored without these analysers, made and stored now).
            from alireader.core.body_pass import iter_cached_bodies, request_of

            missing = [request_of(s) for s in loaded.summaries if s.id not in loaded.results]
            self._analyse(
                missing,
                loaded,
                analysing,
                lambda requests: iter_cached_bodies(
                    requests, cache, self.max_bytes, analysers=analysers, bodies=False
                ),
            )
        return loaded

    def _load_without_cache(
        self,
        discovery: Discovery,
        analysers: Sequence[NamedAnalyser],
        loaded: Loaded,
        on_summary: Callable[[ArticleSummary], None] | None,
        analysing: str,
    ) -> None:
        from alireader.core.body_pass import iter_bodies, request_of
        from alireader.core.summaries import iter_summaries

        files = iter_summaries(discovery, self.max_bytes)
        self._take_summaries(files, len(discovery.files), loaded, on_summary)
        if analysers:
            functions = [function for _, function in analysers]
            self._analyse(
                [request_of(s) for s in loaded.summaries],
                loaded,
                analysing,
                lambda requests: iter_bodies(requests, self.max_bytes, analysers=functions),
            )

    def _take_summaries(
        self,
        files: Iterable[SummarisedFile],
        total: int,
        loaded: Loaded,
        on_summary: Callable[[ArticleSummary], None] | None,
    ) -> None:
        """Gather each file's summaries and warnings (and any analyses it came with) into
        ``loaded``, one file at a time on the progress bar."""
        with self.progress.phase("Loading", total, "files") as phase:
            for summarised in files:
                loaded.summaries.extend(summarised.summaries)
                loaded.warnings.extend(summarised.warnings)
                if on_summary is not None:
                    for summary in summarised.summaries:
                        on_summary(summary)
                if summarised.analyses is not None:
                    for summary, results in zip(
                        summarised.summaries, summarised.analyses, strict=True
                    ):
                        loaded.results[summary.id] = results
                phase.advance()

    def _analyse(
        self,
        requests: list[BodyRequest],
        loaded: Loaded,
        description: str,
        read: Callable[[list[BodyRequest]], Any],
    ) -> None:
        if not requests:
            return
        from alireader.core.body_pass import CHUNK_ARTICLES

        with self.progress.phase(description, len(requests), "articles") as phase:
            for chunk in read(requests):
                for record in chunk:
                    loaded.results[record.id] = record.analyses
                # Counted in requests: an article whose file changed yields no record.
                phase.advance(min(CHUNK_ARTICLES, len(requests) - phase.done))

    def bodies(self, summaries: Sequence[ArticleSummary]) -> dict[str, str]:
        """The cleaned bodies of ``summaries`` by ID: from the cache, else read (and stored).
        An article whose file can no longer be read has none."""
        from alireader.core.body_pass import iter_bodies, iter_cached_bodies, request_of

        requests = [request_of(summary) for summary in summaries]
        if not requests:
            return {}
        cache = self.cache
        chunks = (
            iter_cached_bodies(requests, cache, self.max_bytes)
            if cache is not None
            else iter_bodies(requests, self.max_bytes)
        )
        return {record.id: record.body for chunk in chunks for record in chunk}


def find_article(
    paths: Sequence[str | Path],
    reference: str,
    max_bytes: int,
    *,
    rebuild: bool = False,
    progress: CliProgress | None = None,
) -> Article:
    """The article named by ``reference`` (an ID or a unique prefix), for ``show``, ``diff``
    and ``entities ID``.

    Only the files that may hold the ID are parsed
    (:func:`alireader.core.corpus.load_article`). An ID found in none of them is looked up
    among every article's summary through the cache, so a typo costs no full parse of the
    corpus on a second run; the suggestions are the same."""
    from alireader.core.corpus import load_article

    def through_cache(wanted: str) -> Article:
        from dataclasses import replace

        from alireader.core.corpus import resolve_id
        from alireader.core.reopen import open_file
        from alireader.errors import ArticleNotFound

        with CliCorpus(paths, max_bytes, rebuild=rebuild, progress=progress) as corpus:
            loaded = corpus.load()
        from alireader.cli import print_cache_notices

        print_cache_notices(corpus.notices)
        by_id = {summary.id: summary for summary in loaded.summaries}
        summary = by_id[resolve_id(sorted(by_id), wanted)]
        article = open_file(summary.path, max_bytes).article(summary.record)
        if article is None:  # changed since it was listed: as if it were not there
            raise ArticleNotFound(f"No article with ID '{wanted}'.", ())
        return replace(article, id=summary.id)

    return load_article(paths, reference, max_bytes, fallback=through_cache)
