"""Summaries and near-duplicate clusters through the persistent cache (``list --json``,
``dupes``).

Both come from :mod:`alireader.core.cache` when the files have not changed: the summaries file
by file, the clusters as one result stored with a fingerprint of everything they depend on (each
file's content hash, the articles' IDs, the threshold), so touching files costs nothing and
changing one re-clusters from the cached sketches of the others. The results are those of
:func:`alireader.cli_duplicates.detect`, in the same order.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alireader.core.analysers import article_sketch
from alireader.core.body_pass import analyser_name, iter_cached_bodies, request_of
from alireader.core.cache import Cache, open_cache, path_key
from alireader.core.corpus import DEFAULT_MAX_BYTES, discover
from alireader.core.duplicates import Cluster, DuplicateIndex
from alireader.core.models import ArticleSummary, LoadWarning
from alireader.core.summaries import iter_cached_summaries


@dataclass(slots=True)
class CachedLoad:
    """Every summary of a corpus, the load warnings, and the clusters of copies when asked
    for; ``notices`` are what went wrong with the cache (each a sentence, to show once)."""

    summaries: list[ArticleSummary] = field(default_factory=list)
    warnings: list[LoadWarning] = field(default_factory=list)
    clusters: list[Cluster] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def detect_cached(
    paths: Sequence[str | Path],
    threshold: float,
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    rebuild: bool = False,
    cache_dir: Path | None = None,
) -> CachedLoad:
    """Summaries and near-duplicate clusters (:func:`alireader.cli_duplicates.detect`) through
    the cache: the clusters of an unchanged corpus are read back, not computed."""
    discovery = discover(paths)
    load = CachedLoad(warnings=list(discovery.warnings))
    sketcher = (analyser_name(article_sketch), article_sketch)
    with open_cache(cache_dir) as cache:
        fingerprint = hashlib.blake2b(digest_size=16, person=b"alireader-dups")
        fingerprint.update(f"{sketcher[0]}\0{threshold!r}\0".encode())
        fresh: dict[str, Any] = {}
        trusted = cache.usable
        for summarised in iter_cached_summaries(
            discovery, cache, max_bytes, rebuild=rebuild, analysers=[sketcher]
        ):
            load.summaries.extend(summarised.summaries)
            load.warnings.extend(summarised.warnings)
            if summarised.analyses is not None:
                for summary, results in zip(summarised.summaries, summarised.analyses, strict=True):
                    fresh[summary.id] = results[0]
            if summarised.content is None:
                trusted = False  # unreadable now: its articles may not be what they were
            fingerprint.update(path_key(summarised.source.path) + b"\0")
            fingerprint.update(summarised.content or b"?")
            for summary in summarised.summaries:
                fingerprint.update(summary.id.encode("utf-8", "surrogatepass") + b"\0")
        name = _result_name(paths, threshold)
        stored = _stored_clusters(cache, name, fingerprint.digest()) if trusted else None
        if stored is not None and not rebuild:
            load.clusters = stored
        else:
            index = DuplicateIndex(threshold)
            for article_id, sketch in _sketches(load.summaries, fresh, cache, max_bytes, sketcher):
                index.add_sketch(article_id, sketch)
            load.clusters = index.clusters()
            if trusted:
                with cache.writing() as writer:
                    if writer is not None:
                        value = pickle.dumps((fingerprint.digest(), load.clusters), protocol=5)
                        writer.store_result(name, value)
        load.notices = cache.take_notices()
    return load


def _result_name(paths: Sequence[str | Path], threshold: float) -> str:
    """One stored result per corpus (its paths) and threshold: a new one replaces it."""
    corpus = hashlib.blake2b(digest_size=12)
    for path in sorted(path_key(p) for p in paths):
        corpus.update(path + b"\0")
    return f"clusters:{corpus.hexdigest()}:{threshold!r}"


def _stored_clusters(cache: Cache, name: str, fingerprint: bytes) -> list[Cluster] | None:
    stored = cache.result(name)
    if stored is None:
        return None
    try:
        found, clusters = pickle.loads(stored)  # the user's own cache
    except Exception:  # unreadable: computed again, never a crash
        return None
    return list(clusters) if found == fingerprint else None


def _sketches(
    summaries: list[ArticleSummary],
    fresh: dict[str, Any],
    cache: Cache,
    max_bytes: int,
    sketcher: tuple[str, Any],
) -> Iterator[tuple[str, Any]]:
    """Every article's sketch in corpus order: made in this load, else from the cache (else
    read again); an article whose file can no longer be read has none."""
    others = [request_of(s) for s in summaries if s.id not in fresh]
    chunks = iter_cached_bodies(others, cache, max_bytes, analysers=[sketcher], bodies=False)
    stream = (record for chunk in chunks for record in chunk)
    pending = next(stream, None)
    for summary in summaries:
        if summary.id in fresh:
            yield summary.id, fresh.pop(summary.id)
        elif pending is not None and pending.id == summary.id:
            yield summary.id, pending.analyses[0]
            pending = next(stream, None)
