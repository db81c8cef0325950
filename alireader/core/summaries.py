"""Titles first: a corpus as light summaries, parsed in worker processes.

A worker reads and fully parses its files (the title and the state key depend on the whole
parse), then keeps only what the article list needs: an :class:`ArticleSummary` and the 16-byte
digest of the normalised body. So the bodies, blocks and removed lines never cross the process
boundary and never pile up in the process that shows the list. The full article is read back on
demand with :mod:`alireader.core.reopen`.

IDs are made unique where the files come together, in file order, exactly as
:meth:`alireader.core.corpus.Corpus.add` does; the state key is then computed from the final ID
and the digest (:func:`alireader.core.keys.key_from_digest`), which is why the digest travels.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from alireader.core.corpus import (
    DEFAULT_MAX_BYTES,
    Discovery,
    PoolFactory,
    SourceFile,
    UniqueIds,
    discover,
    map_chunks,
    read_numbered,
)
from alireader.core.keys import body_digest, key_from_digest
from alireader.core.models import Article, ArticleSummary, LoadWarning


@dataclass(frozen=True, slots=True)
class SummarisedFile:
    """One file's summaries (IDs unique across the corpus) and warnings."""

    source: SourceFile
    summaries: list[ArticleSummary]
    warnings: list[LoadWarning]


@dataclass(frozen=True, slots=True)
class _Draft:
    """What a worker sends back for one file: summaries keyed by their provisional IDs."""

    source: SourceFile
    summaries: list[ArticleSummary]
    digests: list[bytes]
    warnings: list[LoadWarning] = field(default_factory=list)


def summarise(article: Article, record: int | None) -> tuple[ArticleSummary, bytes]:
    """The summary of a fully parsed article, and the digest its state key is made from."""
    digest = body_digest(article.body)
    summary = ArticleSummary(
        id=article.id,
        path=article.path,
        title=article.title,
        title_inferred=article.title_inferred,
        author=article.author,
        source=article.source,
        category=article.category,
        date=article.date,
        words=article.words,
        key=key_from_digest(article.id, digest),
        record=record,
    )
    return summary, digest


def _summarise_chunk(chunk: list[SourceFile], max_bytes: int) -> list[_Draft]:
    # Runs in a worker process: only summaries and digests are pickled back.
    drafts = []
    for source in chunk:
        numbered, warnings = read_numbered(source, max_bytes)
        pairs = [summarise(article, record) for record, article in numbered]
        drafts.append(
            _Draft(source, [s for s, _ in pairs], [digest for _, digest in pairs], warnings)
        )
    return drafts


def _with_unique_id(
    summary: ArticleSummary, digest: bytes, ids: UniqueIds, source: SourceFile
) -> ArticleSummary:
    final = ids.claim(summary.id, source)
    if final == summary.id:
        return summary
    # Renamed: the key follows the ID the reader will show and store.
    return replace(summary, id=final, key=key_from_digest(final, digest))


def iter_summaries(
    discovery: Discovery,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
) -> Iterator[SummarisedFile]:
    """Summarise the discovered files, in file order, one :class:`SummarisedFile` per file.

    Parsing runs in worker processes for large corpora (see
    :func:`alireader.core.corpus.map_chunks` for ``workers`` and ``make_pool``), in this process
    otherwise. IDs are unique across everything this generator yields, as in a
    :class:`~alireader.core.corpus.Corpus` loaded from the same discovery, and each ``key`` is
    :func:`alireader.core.keys.article_key` of the final ID and the body.
    """
    ids = UniqueIds()
    for draft in map_chunks(_summarise_chunk, discovery.files, max_bytes, workers, make_pool):
        summaries = [
            _with_unique_id(summary, digest, ids, draft.source)
            for summary, digest in zip(draft.summaries, draft.digests, strict=True)
        ]
        yield SummarisedFile(draft.source, summaries, draft.warnings)


def load_summaries(
    paths: Sequence[str | Path], max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[list[ArticleSummary], list[LoadWarning]]:
    """Every article's summary under ``paths``, and the load warnings (``alireader list``).

    Cheaper than :func:`alireader.core.corpus.load_corpus` for large corpora: worker processes
    send back summaries, not whole articles.
    """
    discovery = discover(paths)
    summaries: list[ArticleSummary] = []
    warnings = list(discovery.warnings)
    for summarised in iter_summaries(discovery, max_bytes):
        summaries.extend(summarised.summaries)
        warnings.extend(summarised.warnings)
    return summaries, warnings
