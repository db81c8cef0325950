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

import functools
import pickle
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from alireader.core.corpus import (
    DEFAULT_MAX_BYTES,
    PARALLEL_MIN_FILES,
    PoolFactory,
    map_in_processes,
)
from alireader.core.models import Article, ArticleSummary
from alireader.core.reopen import open_file

if TYPE_CHECKING:
    from alireader.core.cache import Cache

_T = TypeVar("_T")

BodyRequest = tuple[str, str, int | None]
"""``(unique id, path, record)`` of an article whose body is wanted."""

CHUNK_ARTICLES = 200
"""Articles per unit of work handed to a worker process (and per yielded chunk)."""

Analyser = Callable[[Article], Any]
"""Work done on each article where it is read (in the worker process): say, its entities or
its duplicate sketch. Must be a module-level function (it is pickled by name) and return
something small and picklable: only that and the body come back. It must depend on the body
alone: an article whose body the cache holds is analysed from that text, without the parse
that would give its other fields (see :func:`iter_cached_bodies`)."""

StoredKey = tuple[int, int]
"""``(file id, record)`` of an article in the cache (see :meth:`Cache.complete`)."""

NamedAnalyser = tuple[str, Analyser]
"""An analyser with the name its results are cached under (see :func:`analyser_name`)."""

Digest = Callable[[Any], Any]
"""What a consumer keeps of an analyser's result, computed where the analyser ran (a worker
process): say, an article's entity mentions grouped and keyed for the entity index rather than
every span. A module-level function; the cache still stores the whole result."""


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
    digests: Sequence[Digest | None] = (),
) -> list[BodyRecord]:
    """A :class:`BodyRecord` for each request whose article can still be read, in order.

    Consecutive requests for one file open it once (records of a JSONL file come together).
    ``digests`` as in :func:`iter_bodies`.
    """
    found: list[BodyRecord] = []
    opened, opened_path = None, None
    for article_id, path, record in requests:
        if opened is None or opened_path != path:
            opened, opened_path = open_file(path, max_bytes), path
        article = opened.article(record)
        if article is not None:
            analyses = tuple(analyse(article) for analyse in analysers)
            found.append(_digested(BodyRecord((article_id, article.body, analyses)), digests))
    return found


def _digested(record: BodyRecord, digests: Sequence[Digest | None]) -> BodyRecord:
    """``record`` with each analysis replaced by its digest, where one is given."""
    if not any(digests):
        return record
    analyses = tuple(
        value if digest is None else digest(value)
        for value, digest in zip(record.analyses, digests, strict=True)
    )
    return BodyRecord((record.id, record.body, analyses))


def _stored_article(request: BodyRequest, body: str) -> Article:
    """An article standing for the one of ``request`` whose body the cache holds: the body,
    ID and path are real, the rest is empty (analysers read the body only)."""
    article_id, path, _record = request
    return Article(
        id=article_id,
        path=path,
        title="",
        title_inferred=True,
        author=None,
        source=None,
        category=None,
        date=None,
        url=None,
        blocks=(),
        removed=(),
        body=body,
        words=0,
    )


def analyse_stored(
    chunk: Sequence[tuple[BodyRequest, StoredKey | None]],
    max_bytes: int,
    analysers: Sequence[Analyser],
    cache_dir: str,
    version: str | None = None,
) -> list[BodyRecord]:
    """Like :func:`read_bodies`, but an article given with its :data:`StoredKey` is analysed
    from the body stored in the cache in ``cache_dir`` rather than parsed again; one whose
    body is no longer there (or any other) is read from its file. Reads the cache only,
    through its own read-only connection, so worker processes can call it (``version`` as in
    :class:`~alireader.core.cache.PartReader`)."""
    found = _analyse_chunk(chunk, max_bytes, analysers, cache_dir, version=version)
    return [_received(analysed, ()) for analysed in found]


Analysed = tuple[BodyRecord, tuple[bytes, ...]]
"""A record as the body pass's workers send it, and each analysis whole, pickled as the
cache stores it. The record holds the digests of the analyses that have one (see
:data:`Digest`) and None for the others, which the receiver unpickles from those bytes (so
they are pickled once, not once for the cache and again for the journey)."""


def _received(analysed: Analysed, digests: Sequence[Digest | None]) -> BodyRecord:
    """The record a worker sent (see :data:`Analysed`) with every analysis in place."""
    record, blobs = analysed
    if digests and all(digests):
        return record
    values = tuple(
        pickle.loads(blob) if not digests or digests[k] is None else record.analyses[k]
        for k, blob in enumerate(blobs)
    )
    return BodyRecord((record.id, record.body, values))


def _analyse_chunk(
    chunk: Sequence[tuple[BodyRequest, StoredKey | None]],
    max_bytes: int,
    analysers: Sequence[Analyser],
    cache_dir: str,
    digests: Sequence[Digest | None] = (),
    *,
    version: str | None = None,
) -> list[Analysed]:
    """:func:`analyse_stored`'s work, in a worker process: the chunk's stored bodies in one
    query, and each analysis pickled here for the cache (the app's process then stores the
    bytes as they come, instead of pickling them again)."""
    from pathlib import Path

    from alireader.core.cache import PartReader

    reader = PartReader(Path(cache_dir), version)
    try:
        stored = reader.stored_many([key for _, key in chunk if key is not None], BODY_PART)
    finally:
        reader.close()
    found: list[Analysed] = []
    unread: list[BodyRequest] = []  # consecutive requests to read from their files

    def finish(record: BodyRecord) -> Analysed:
        values = record.analyses
        blobs = tuple(pickle.dumps(value, protocol=5) for value in values)
        sent = tuple(
            None if digest is None else digest(value)
            for value, digest in zip(values, digests or [None] * len(values), strict=True)
        )
        return BodyRecord((record.id, record.body, sent)), blobs

    for request, key in chunk:
        body = None if key is None else stored.get(key)
        if body is None:
            unread.append(request)
            continue
        if unread:
            found.extend(map(finish, read_bodies(unread, max_bytes, analysers)))
            unread = []
        article = _stored_article(request, decode_body(body))
        analyses = tuple(analyse(article) for analyse in analysers)
        found.append(finish(BodyRecord((request[0], article.body, analyses))))
    if unread:
        found.extend(map(finish, read_bodies(unread, max_bytes, analysers)))
    return found


def _chunks(items: Sequence[_T]) -> list[list[_T]]:
    """``items`` in runs of :data:`CHUNK_ARTICLES`: one unit of work each."""
    size = CHUNK_ARTICLES
    return [list(items[start : start + size]) for start in range(0, len(items), size)]


def iter_bodies(
    requests: Sequence[BodyRequest],
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
    analysers: Sequence[Analyser] = (),
    *,
    digests: Sequence[Digest | None] = (),
) -> Iterator[list[BodyRecord]]:
    """The bodies of ``requests``, a chunk of :class:`BodyRecord` at a time, in order.

    Corpora of :data:`~alireader.core.corpus.PARALLEL_MIN_FILES` articles or more are read on
    every CPU (``workers``, ``make_pool`` as in :func:`alireader.core.corpus.map_chunks`); if
    processes cannot be started, the rest is read here. Closing the generator early stops the
    pool after the chunks in flight. ``digests``, one per analyser (None: none), replace each
    analysis by its digest where it is made (see :data:`Digest`).
    """
    return map_in_processes(
        read_bodies,
        _chunks(requests),
        max_bytes,
        tuple(analysers),
        tuple(digests),
        parallel=len(requests) >= PARALLEL_MIN_FILES,
        workers=workers,
        make_pool=make_pool,
    )


# --- Through the persistent cache -------------------------------------------------------------

BODY_PART = "body"
"""The name a body is cached under, beside its analysers' results."""
RECORD_NONE = -1


def analyser_name(analyser: Analyser) -> str:
    """The name an analyser's results are cached under: its function and bound arguments, so
    ``partial(article_entities, "builtin")`` and ``article_sketch`` are cached apart and another
    entity backend is a miss. (A change of algorithm is covered by the cache's code stamp, see
    :func:`alireader.core.cache.cache_version`.) The ``"auto"`` entity backend is named by the
    backend it stands for today, so installing spaCy is a miss too."""
    arguments: list[str] = []
    function: Any = analyser
    while isinstance(function, functools.partial):
        arguments[:0] = [str(a) for a in function.args]
        arguments += [f"{k}={v}" for k, v in sorted(function.keywords.items())]
        function = function.func
    name = getattr(function, "__qualname__", type(function).__name__)
    if name == "article_entities" and arguments[:1] == ["auto"]:
        from alireader.core.entities import spacy_available

        arguments[0] = "spacy" if spacy_available() else "builtin"
    return ":".join([name, *arguments])


def _paired(
    misses: Sequence[BodyRequest], chunks: Iterator[list[Analysed]]
) -> Iterator[Analysed | None]:
    """Each miss's record (None: it could not be read), in order: the workers send one chunk
    per :data:`CHUNK_ARTICLES` requests, without the articles they could not read."""
    for start, chunk in zip(range(0, len(misses), CHUNK_ARTICLES), chunks, strict=False):
        found = {pair[0].id: pair for pair in chunk}
        for request in misses[start : start + CHUNK_ARTICLES]:
            yield found.get(request[0])


def iter_cached_bodies(
    requests: Sequence[BodyRequest],
    cache: Cache,
    max_bytes: int = DEFAULT_MAX_BYTES,
    workers: int | None = None,
    make_pool: PoolFactory | None = None,
    *,
    analysers: Sequence[NamedAnalyser] = (),
    digests: Sequence[Digest | None] = (),
    rebuild: bool = False,
    bodies: bool = True,
) -> Iterator[list[BodyRecord]]:
    """Like :func:`iter_bodies` (the same records, chunks and order), but the articles whose
    body and analyses are in ``cache`` are not read again.

    An article is taken from the cache when its file is as the cache last saw it (same size and
    times: the summary pass has just checked it) and every part asked for is stored; the others
    are read (in worker processes for many) and their parts stored, one transaction per chunk.
    An article whose body alone is stored (the summary pass stores it, see
    :func:`alireader.core.summaries.iter_cached_summaries`) is analysed from that text, not
    parsed again. ``bodies=False`` asks for the analyses only: the records then carry an empty
    body. ``rebuild`` analyses everything again and replaces what was stored (a stored body
    is still used: it is as fresh as the file's stamp, which the summary pass of a rebuild has
    just replaced). ``digests`` as in :func:`iter_bodies` (the cache stores whole results).
    """
    from alireader.core.cache import cache_version, file_stamp, path_key

    names = [name for name, _ in analysers]
    functions = [function for _, function in analysers]
    parts = [BODY_PART, *names] if bodies else names
    entries = cache.entries(max_bytes)
    file_ids: dict[str, int | None] = {}
    for _id, path, _record in requests:
        if path not in file_ids:
            entry = entries.get(path_key(path))
            valid = entry is not None and file_stamp(path) == entry.stamp
            file_ids[path] = entry.file_id if entry is not None and valid else None
    keys = [
        (file_ids[path], RECORD_NONE if record is None else record)
        for _id, path, record in requests
    ]
    known = sorted({file_id for file_id, _ in keys if file_id is not None})
    complete = set() if rebuild or not parts else cache.complete(known, parts)
    hits = [
        file_id is not None and (not parts or (file_id, record) in complete)
        for file_id, record in keys
    ]
    # Bodies stored without every analysis (by the summary pass of this load): the analysers
    # run on the stored text, which spares parsing every file a second time. Asked only for
    # the files with an article to analyse (none on a warm start).
    unfinished = sorted(
        {f for (f, _), hit in zip(keys, hits, strict=True) if not hit and f is not None}
    )
    bodied = cache.complete(unfinished, [BODY_PART]) if functions and unfinished else set()
    stored_body = [
        not hit and file_id is not None and (file_id, record) in bodied
        for hit, (file_id, record) in zip(hits, keys, strict=True)
    ]
    misses = [
        (request, keys[i] if stored_body[i] else None)
        for i, request in enumerate(requests)
        if not hits[i]
    ]
    chunks = map_in_processes(
        # The version ``cache`` was checked with, for the workers to trust (see PartReader).
        functools.partial(_analyse_chunk, version=cache_version()),
        _chunks(misses),
        max_bytes,
        tuple(functions),
        str(cache.path.parent),
        tuple(digests),
        parallel=len(misses) >= PARALLEL_MIN_FILES,
        workers=workers,
        make_pool=make_pool,
    )
    read = _paired([request for request, _key in misses], chunks)
    try:
        for start in range(0, len(requests), CHUNK_ARTICLES):
            window = range(start, min(start + CHUNK_ARTICLES, len(requests)))
            wanted = [(f, r) for i in window if hits[i] for f, r in [keys[i]] if f is not None]
            stored = cache.parts(wanted, parts)
            found: list[BodyRecord] = []
            rows: list[tuple[int, int, str, bytes]] = []
            for i in window:
                article_id = requests[i][0]
                file_id, record = keys[i]
                if hits[i] and file_id is not None:  # a hit always has a file id
                    values = stored.get((file_id, record), {})
                    cached = _from_cache(article_id, values, names, bodies)
                    if cached is not None:
                        found.append(_digested(cached, digests))
                        continue
                    # Gone from the cache since it was looked at (another instance replaced
                    # the file's entry): read it after all, here.
                    found.extend(read_bodies([requests[i]], max_bytes, functions, digests))
                    continue
                result = next(read)
                if result is None:
                    continue
                analysed = _received(result, digests)
                blobs = result[1]
                found.append(analysed)
                if file_id is not None:
                    if not stored_body[i]:
                        rows.append((file_id, record, BODY_PART, encode_body(analysed.body)))
                    rows.extend(
                        (file_id, record, name, blob)
                        for name, blob in zip(names, blobs, strict=True)
                    )
            if rows:
                with cache.writing() as writer:
                    if writer is not None:
                        writer.store_parts(rows)
            yield found
    finally:
        if isinstance(chunks, Generator):
            chunks.close()


def encode_body(body: str) -> bytes:
    """A body as the cache stores it (:data:`BODY_PART`): UTF-8, lone surrogates (undecodable
    bytes kept as such) included, so it comes back exactly."""
    return body.encode("utf-8", "surrogatepass")


def decode_body(stored: bytes) -> str:
    """The body :func:`encode_body` stored."""
    return stored.decode("utf-8", "surrogatepass")


def _from_cache(
    article_id: str, values: dict[str, bytes], names: list[str], bodies: bool
) -> BodyRecord | None:
    try:
        body = decode_body(values[BODY_PART]) if bodies else ""
        analyses = tuple(pickle.loads(values[name]) for name in names)  # the user's own cache
    except Exception:  # missing or unreadable: read the article again, never crash
        return None
    return BodyRecord((article_id, body, analyses))
