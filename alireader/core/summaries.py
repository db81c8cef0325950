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

import os
import pickle
import time
from collections.abc import Generator, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

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
from alireader.core.text import replace_surrogates

if TYPE_CHECKING:
    from alireader.core.body_pass import NamedAnalyser
    from alireader.core.cache import Cache, FileEntry, Stamp, Writer


@dataclass(frozen=True, slots=True)
class SummarisedFile:
    """One file's summaries (IDs unique across the corpus) and warnings."""

    source: SourceFile
    summaries: list[ArticleSummary]
    warnings: list[LoadWarning]
    content: bytes | None = None
    """The hash of the file's content, when loaded through a cache (None: not known)."""
    analyses: list[tuple[Any, ...]] | None = None
    """Per summary, what each analyser made of it: only for a file parsed in this pass with
    analysers (a cached file's are in the cache, see :func:`alireader.core.body_pass`)."""


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


def with_unique_id(
    summary: ArticleSummary, digest: bytes, ids: UniqueIds, source: SourceFile
) -> ArticleSummary:
    """``summary`` with the ID the corpus makes unique (claimed in corpus order), and the
    state key that follows that ID (made from the body's ``digest``)."""
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
            with_unique_id(summary, digest, ids, draft.source)
            for summary, digest in zip(draft.summaries, draft.digests, strict=True)
        ]
        yield SummarisedFile(draft.source, summaries, draft.warnings)


def load_summaries(
    paths: Sequence[str | Path],
    max_bytes: int = DEFAULT_MAX_BYTES,
    *,
    cache: Cache | None = None,
    rebuild: bool = False,
) -> tuple[list[ArticleSummary], list[LoadWarning]]:
    """Every article's summary under ``paths``, and the load warnings (``alireader list``).

    Cheaper than :func:`alireader.core.corpus.load_corpus` for large corpora: worker processes
    send back summaries, not whole articles. With a usable ``cache``, unchanged files are not
    parsed at all (see :func:`iter_cached_summaries`, and ``rebuild``).
    """
    discovery = discover(paths)
    summaries: list[ArticleSummary] = []
    warnings = list(discovery.warnings)
    files = (
        iter_cached_summaries(discovery, cache, max_bytes, rebuild=rebuild)
        if cache is not None and cache.usable
        else iter_summaries(discovery, max_bytes)
    )
    for summarised in files:
        summaries.extend(summarised.summaries)
        warnings.extend(summarised.warnings)
    return summaries, warnings


# --- Through the persistent cache -------------------------------------------------------------

_STORE_EVERY = 400  # files per write transaction: what a crash can lose, and no more
RECORD_NONE = -1
"""How an article that is a whole text file (record None) is numbered in the cache."""


class _Sent(NamedTuple):
    """What a worker sends back for one file read for the cache: plain values, which pickle
    in C (dataclasses and paths pickle field by field in Python: ~170 us per file both ways).
    The file itself is not sent back: the receiver knows which it asked for."""

    payload: bytes
    """The file's draft as the cache stores it (:func:`_encode`)."""
    stamp: Stamp | None
    content: bytes | None
    analyses: list[tuple[Any, ...]]
    bodies: list[bytes] | None
    """Each article's body as the cache stores it, when asked for (see ``bodies``)."""


@dataclass(frozen=True, slots=True)
class _Parsed:
    """One file read for the cache, as received (see :func:`_received`)."""

    draft: _Draft
    payload: bytes
    stamp: Stamp | None
    content: bytes | None
    analyses: list[tuple[Any, ...]]
    bodies: list[bytes] | None = None


def _received(sent: _Sent, source: SourceFile) -> _Parsed:
    """What a worker sent for ``source``, with its draft rebuilt."""
    draft = _decode(sent.payload, source)
    if draft is None:  # never: the worker encoded this very file
        draft = _Draft(source, [], [], [])
    return _Parsed(draft, sent.payload, sent.stamp, sent.content, sent.analyses, sent.bodies)


def _parse_for_cache(
    chunk: list[SourceFile],
    max_bytes: int,
    analysers: tuple[Any, ...] = (),
    bodies: bool = False,
) -> list[_Sent]:
    # Runs in a worker process. The stamp is taken before the file is read, and the hash is
    # that of the bytes parsed: if the file changes meanwhile, the next start sees a stamp
    # that does not match and parses it again, so nothing stale is ever trusted.
    from alireader.core.body_pass import encode_body
    from alireader.core.cache import bytes_hash, content_hash, file_stamp

    parsed = []
    for source in chunk:
        stamp = file_stamp(source.path)
        read: list[bytes] = []
        numbered, warnings = read_numbered(source, max_bytes, seen=read.append)
        content = None
        if stamp is not None:
            # A file that was not read whole (over the limit, unreadable) is hashed apart.
            content = bytes_hash(read[0]) if read else content_hash(source.path)
        pairs = [summarise(article, record) for record, article in numbered]
        analyses = [tuple(analyse(article) for analyse in analysers) for _, article in numbered]
        draft = _Draft(source, [s for s, _ in pairs], [d for _, d in pairs], warnings)
        encoded = [encode_body(article.body) for _, article in numbered] if bodies else None
        parsed.append(_Sent(_encode(draft), stamp, content, analyses, encoded))
    return parsed


def _encode(draft: _Draft) -> bytes:
    """A file's draft as stored: its path is left out (it is the file's, wherever found)."""
    shown = replace_surrogates(str(draft.source.path))
    rows = [
        (
            s.id,
            s.title,
            s.title_inferred,
            s.author,
            s.source,
            s.category,
            s.date,
            s.words,
            s.key,
            s.record,
            digest,
        )
        for s, digest in zip(draft.summaries, draft.digests, strict=True)
    ]
    warnings = [(None if w.path == shown else w.path, w.message) for w in draft.warnings]
    return pickle.dumps((draft.source.id, str(draft.source.kind), rows, warnings), protocol=5)


def _decode(payload: bytes, source: SourceFile) -> _Draft | None:
    """The draft stored for ``source``, or None if it was made for another ID or kind (the
    file was found under another folder) or cannot be read back."""
    try:
        source_id, kind, rows, warnings = pickle.loads(payload)  # the user's own cache
        if source_id != source.id or kind != str(source.kind):
            return None
        path, shown = str(source.path), replace_surrogates(str(source.path))
        summaries = [
            ArticleSummary(i, path, t, ti, a, so, c, d, w, k, r)
            for i, t, ti, a, so, c, d, w, k, r, _ in rows
        ]
        digests = [row[-1] for row in rows]
        loaded = [LoadWarning(shown if p is None else p, m) for p, m in warnings]
    except Exception:  # anything unreadable is a miss, never a crash
        return None
    return _Draft(source, summaries, digests, loaded)


@dataclass(slots=True)
class _Plan:
    """Which discovered files the cache answers for, and which must be parsed."""

    cached: dict[int, FileEntry] = field(default_factory=dict)
    """File position -> its entry, for the files whose stored draft can be used."""
    parse: list[SourceFile] = field(default_factory=list)
    restamp: list[tuple[int, Stamp]] = field(default_factory=list)
    entries: dict[bytes, FileEntry] = field(default_factory=dict)


def _plan(files: Sequence[SourceFile], cache: Cache, max_bytes: int, rebuild: bool) -> _Plan:
    """Sort the files by their stamps (and content hashes where those disagree). The stored
    drafts are read later, a window at a time, so the first files come out at once."""
    from alireader.core.cache import content_hash, file_stamp, path_key

    plan = _Plan(entries=cache.entries(max_bytes))
    for position, source in enumerate(files):
        entry = None if rebuild else plan.entries.get(path_key(source.path))
        stamp = file_stamp(source.path) if entry is not None else None
        if entry is None or stamp is None:
            plan.parse.append(source)
            continue
        if stamp != entry.stamp:
            # Changed times or size: the content decides (a file over the limit is cheaper
            # to skip again than to hash).
            content = content_hash(source.path) if stamp[0] <= max_bytes else None
            if content != entry.hash:
                plan.parse.append(source)
                continue
            plan.restamp.append((entry.file_id, stamp))
        plan.cached[position] = entry
    return plan


class _Drafts:
    """The stored drafts of the cached files, fetched a window at a time in file order."""

    WINDOW = 2000

    def __init__(self, cache: Cache, plan: _Plan) -> None:
        self._cache = cache
        self._positions = sorted(plan.cached)
        self._entries = plan.cached
        self._next = 0
        self._payloads: dict[int, bytes] = {}

    def payload(self, position: int) -> bytes | None:
        """The stored payload of the cached file at ``position`` (asked in file order)."""
        entry = self._entries[position]
        if entry.file_id not in self._payloads and self._next < len(self._positions):
            window = self._positions[self._next : self._next + self.WINDOW]
            self._next += len(window)
            ids = [self._entries[p].file_id for p in window]
            self._payloads = self._cache.payloads(ids)
        return self._payloads.pop(entry.file_id, None)


def _store(writer: Writer | None, parsed: list[_Parsed], max_bytes: int, names: list[str]) -> None:
    from alireader.core.body_pass import BODY_PART
    from alireader.core.cache import path_key

    if writer is None:
        return
    for item in parsed:
        if item.stamp is None or item.content is None:
            continue  # unreadable now: tried again next time
        file_id = writer.store_file(
            path_key(item.draft.source.path),
            max_bytes,
            item.stamp,
            item.content,
            item.payload,
        )
        rows = [
            (file_id, RECORD_NONE if s.record is None else s.record, name, pickle.dumps(value, 5))
            for s, results in zip(item.draft.summaries, item.analyses, strict=True)
            for name, value in zip(names, results, strict=True)
        ]
        if item.bodies is not None:
            rows.extend(
                (file_id, RECORD_NONE if s.record is None else s.record, BODY_PART, body)
                for s, body in zip(item.draft.summaries, item.bodies, strict=True)
            )
        writer.store_parts(rows)


def _forget_deleted(cache: Cache, discovery: Discovery, entries: dict[bytes, FileEntry]) -> None:
    """Drop the entries of files that were under a folder read now and are no longer found."""
    from alireader.core.cache import path_key

    roots = {path_key(s.root) + os.sep.encode() for s in discovery.files if s.root is not None}
    if not roots:
        return
    found = {path_key(source.path) for source in discovery.files}
    gone = [
        path
        for path in entries
        if path not in found and any(path.startswith(root) for root in roots)
    ]
    if gone:
        with cache.writing() as writer:
            if writer is not None:
                writer.forget(gone)


def iter_cached_summaries(
    discovery: Discovery,
    cache: Cache,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
    *,
    rebuild: bool = False,
    analysers: Sequence[NamedAnalyser] = (),
    bodies: bool = False,
) -> Iterator[SummarisedFile]:
    """Like :func:`iter_summaries` (the same summaries, IDs, keys and warnings, in the same
    order), but unchanged files come from ``cache`` without being parsed.

    The files that are new or changed are parsed (in worker processes for many of them) and
    stored, a few hundred per transaction; the entries of files gone from the folders read are
    dropped once every file has been seen. ``rebuild`` parses everything and replaces what was
    stored. ``analysers`` (name, function) run on the articles parsed here and are stored
    under their names for the body pass; their results also come back in
    :attr:`SummarisedFile.analyses`. ``bodies`` stores the body of every article parsed here
    too, so that the body pass that follows (:func:`alireader.core.body_pass.iter_cached_bodies`)
    analyses the stored text instead of parsing each file a second time. A cache failure
    becomes a notice in ``cache.notices`` and loading goes on without it.
    """
    files = discovery.files
    plan = _plan(files, cache, max_bytes, rebuild)
    if plan.restamp:
        with cache.writing() as writer:
            for file_id, stamp in plan.restamp:
                if writer is not None:
                    writer.restamp(file_id, stamp)
    names = [name for name, _ in analysers]
    work = partial(
        _parse_for_cache,
        analysers=tuple(function for _, function in analysers),
        bodies=bodies,
    )
    parsed = map_chunks(work, plan.parse, max_bytes, workers, make_pool)
    ids = UniqueIds()
    drafts = _Drafts(cache, plan)
    pending: list[_Parsed] = []
    last_store = time.monotonic()
    finished = False
    try:
        for position, source in enumerate(files):
            entry = plan.cached.get(position)
            payload = None if entry is None else drafts.payload(position)
            draft = None if payload is None else _decode(payload, source)
            content: bytes | None
            analyses: list[tuple[Any, ...]] | None
            if draft is not None and entry is not None:
                content, analyses = entry.hash, None
            else:
                # Not cached, or its stored draft is unusable (made for another ID, or gone):
                # parsed by the workers, or (rarely) here.
                sent = next(parsed) if entry is None else work([source], max_bytes)[0]
                item = _received(sent, source)
                draft, content, analyses = item.draft, item.content, item.analyses
                pending.append(item)
                if len(pending) >= _STORE_EVERY or time.monotonic() - last_store > 1.0:
                    with cache.writing() as writer:
                        _store(writer, pending, max_bytes, names)
                    pending, last_store = [], time.monotonic()
            summaries = [
                with_unique_id(summary, digest, ids, source)
                for summary, digest in zip(draft.summaries, draft.digests, strict=True)
            ]
            yield SummarisedFile(
                source, summaries, draft.warnings, content, analyses if names else None
            )
        finished = True
    finally:
        if isinstance(parsed, Generator):
            parsed.close()  # stops the worker processes now if the caller stopped early
        if pending:
            with cache.writing() as writer:
                _store(writer, pending, max_bytes, names)
    if finished:
        _forget_deleted(cache, discovery, plan.entries)
