"""``alireader dupes`` and ``alireader diff``, and the duplicates that ``alireader list --json``
reports.

Detection needs every article's text, but only a :class:`~alireader.core.duplicates.Sketch` of
it (about 4 bytes a word) has to leave the worker processes that parse: :func:`load_sketched`
parses once, in parallel for large corpora, and sends back summaries and sketches, never
bodies. Imports no Rich (the human output lives in :mod:`alireader.human_diff`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alireader.core.corpus import (
    DEFAULT_MAX_BYTES,
    Discovery,
    SourceFile,
    UniqueIds,
    discover,
    map_chunks,
    read_numbered,
)
from alireader.core.diff import Alignment, Segment
from alireader.core.duplicates import Cluster, DuplicateIndex, Sketch, sketch
from alireader.core.models import Article, ArticleSummary, LoadWarning
from alireader.core.summaries import summarise, with_unique_id


@dataclass(frozen=True, slots=True)
class SketchedFile:
    """One file's summaries (IDs unique across the corpus), their sketches, and warnings."""

    source: SourceFile
    summaries: list[ArticleSummary]
    sketches: list[Sketch]
    warnings: list[LoadWarning] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Draft:
    source: SourceFile
    summaries: list[ArticleSummary]
    digests: list[bytes]
    sketches: list[Sketch]
    warnings: list[LoadWarning]


def _sketch_chunk(chunk: list[SourceFile], max_bytes: int) -> list[_Draft]:
    # Runs in a worker process: the bodies stay here, only summaries and sketches go back.
    drafts = []
    for source in chunk:
        numbered, warnings = read_numbered(source, max_bytes)
        summaries, digests, sketches = [], [], []
        for record, article in numbered:
            summary, digest = summarise(article, record)
            summaries.append(summary)
            digests.append(digest)
            sketches.append(sketch(article.body))
        drafts.append(_Draft(source, summaries, digests, sketches, warnings))
    return drafts


def iter_sketched(
    discovery: Discovery, max_bytes: int = DEFAULT_MAX_BYTES, workers: int | None = None
) -> Iterator[SketchedFile]:
    """Like :func:`alireader.core.summaries.iter_summaries` (same IDs, keys and order), with
    each article's sketch."""
    ids = UniqueIds()
    for draft in map_chunks(_sketch_chunk, discovery.files, max_bytes, workers):
        summaries = [
            with_unique_id(summary, digest, ids, draft.source)
            for summary, digest in zip(draft.summaries, draft.digests, strict=True)
        ]
        yield SketchedFile(draft.source, summaries, draft.sketches, draft.warnings)


@dataclass(frozen=True, slots=True)
class Detected:
    """A corpus as the article list sees it, with its near-duplicate clusters."""

    summaries: list[ArticleSummary]
    warnings: list[LoadWarning]
    clusters: list[Cluster]


def detect(
    paths: Sequence[str | Path], threshold: float, max_bytes: int = DEFAULT_MAX_BYTES
) -> Detected:
    """Load ``paths`` as summaries and find the clusters of near-duplicates among them."""
    discovery = discover(paths)
    summaries: list[ArticleSummary] = []
    warnings = list(discovery.warnings)
    index = DuplicateIndex(threshold)
    for sketched in iter_sketched(discovery, max_bytes):
        summaries.extend(sketched.summaries)
        warnings.extend(sketched.warnings)
        for summary, article_sketch in zip(sketched.summaries, sketched.sketches, strict=True):
            index.add_sketch(summary.id, article_sketch)
    return Detected(summaries, warnings, index.clusters())


def _print_json(document: Any) -> None:
    from alireader.json_shapes import dump_json

    dump_json(document, sys.stdout)


def dupes_json(clusters: Sequence[Cluster], summaries: Sequence[ArticleSummary]) -> dict[str, Any]:
    """``alireader dupes --json``: ``{"clusters": [{"articles", "similarity", ...}]}``."""
    titles = {summary.id: summary.title for summary in summaries}
    return {
        "clusters": [
            {
                "articles": list(cluster.articles),
                "similarity": round(cluster.similarity, 4),
                "representative": cluster.representative,
                "titles": [titles.get(member) for member in cluster.articles],
            }
            for cluster in clusters
        ]
    }


def command_dupes(args: argparse.Namespace) -> int:
    """``alireader dupes [-C PATH]... [--json]``."""
    from alireader.cli import EXIT_OK, corpus_paths, load_config

    settings = load_config(args).settings
    max_bytes = settings.max_bytes
    from alireader.cli import print_cache_notices
    from alireader.core.cached_load import detect_cached
    from alireader.progress import CliProgress

    paths, threshold = corpus_paths(args.corpus, settings), settings.duplicates.threshold
    # detect_cached reports no counts: the bar is a pulse with the time spent.
    with CliProgress().phase("Loading and finding copies", None, "files"):
        found = detect_cached(paths, threshold, max_bytes, rebuild=args.rebuild)
    print_cache_notices(found.notices)
    if args.json:
        _print_json(dupes_json(found.clusters, found.summaries))
        return EXIT_OK
    from alireader import human, human_diff

    human.warn(sys.stderr, found.warnings)
    human_diff.print_clusters(human.make_console(), found.clusters, found.summaries)
    return EXIT_OK


def diff_json(article_a: Article, article_b: Article, alignment: Alignment) -> dict[str, Any]:
    """``alireader diff A B --json``: ``{"a", "b", "similarity", "rows": [{"op", "a", "b"}]}``,
    with the containments, word counts and each row's changed spans (offsets into its
    ``a``/``b`` text) as extra fields."""

    def spans(segments: Sequence[Segment]) -> list[list[int]]:
        found, position = [], 0
        for segment in segments:
            end = position + len(segment.text)
            if segment.changed:
                found.append([position, end])
            position = end
        return found

    return {
        "a": article_a.id,
        "b": article_b.id,
        "similarity": round(alignment.similarity, 4),
        "containment_a": round(alignment.containment_a, 4),
        "containment_b": round(alignment.containment_b, 4),
        "words_only_a": alignment.words_only_a,
        "words_only_b": alignment.words_only_b,
        "ignore_typography": alignment.ignore_typography,
        "rows": [
            {
                "op": row.op.value,
                "a": row.a,
                "b": row.b,
                "a_changes": spans(row.a_segments),
                "b_changes": spans(row.b_segments),
                "partner": row.partner,
            }
            for row in alignment.rows
        ],
    }


def command_diff(args: argparse.Namespace) -> int:
    """``alireader diff ID_A ID_B [-C PATH]... [--width N] [--json]``."""
    from alireader.cli import EXIT_OK, corpus_paths, load_config
    from alireader.cli_load import find_article
    from alireader.core.diff import align
    from alireader.progress import CliProgress

    settings = load_config(args).settings
    max_bytes = settings.max_bytes
    paths = corpus_paths(args.corpus, settings)
    progress, rebuild = CliProgress(), bool(getattr(args, "rebuild", False))
    article_a = find_article(paths, args.id_a, max_bytes, rebuild=rebuild, progress=progress)
    article_b = find_article(paths, args.id_b, max_bytes, rebuild=rebuild, progress=progress)
    ignore = bool(getattr(args, "ignore_typography", False))
    alignment = align(article_a.body, article_b.body, ignore_typography=ignore)
    if args.json:
        _print_json(diff_json(article_a, article_b, alignment))
        return EXIT_OK
    from alireader import human, human_diff

    console = human.make_console()
    human_diff.print_diff(
        console,
        article_a,
        article_b,
        alignment,
        width=args.width,
        styles=human_diff.theme_styles(settings.theme) if console.is_terminal else None,
        ascii_only=settings.ascii,
    )
    return EXIT_OK
