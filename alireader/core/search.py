"""The search index: fuzzy, accent-blind lookup of articles as the query is typed.

Each field of an article (title, author, source, body) is folded once (:func:`fold`) and split
into words; every distinct word gets an id in a :class:`Vocabulary`, and each field keeps, per
word, a posting list: the documents holding it with a precomputed BM25 term weight. A query
word is matched against the vocabulary (typos, prefixes, suffixes: see ``vocabulary.py``, never
a scan of the articles), the postings of the matching words are merged into ``{doc: score}``
per term (cached: typing a new word leaves the earlier ones computed), clauses are intersected,
and the best candidates are re-ranked by how close their terms stand.

The index grows: :meth:`SearchIndex.add_metadata` first (titles are searchable at once), then
:meth:`SearchIndex.add_body` as bodies are parsed. A lock makes it safe to search from one
thread while another fills it.
"""

from __future__ import annotations

import collections
import heapq
import math
import sys
import threading
from array import array
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Collection, Iterable, MutableSequence, Sequence
from dataclasses import dataclass
from itertools import compress, count, islice, repeat
from operator import add as _plus
from operator import itemgetter, mul, rshift, truediv
from struct import Struct
from typing import Protocol, cast

from alireader.core.highlight import Span, match_spans, snippet
from alireader.core.postings import (
    FlatPostings,
    PackedRows,
    pack_postings,
    pack_rows,
    posting_sizes,
)
from alireader.core.prefix_tops import PrefixTops, top_ids
from alireader.core.query import Clause, Field, Mode, Query, Term, parse_query, typo_budget
from alireader.core.scored import (
    EMPTY,
    Bitmap,
    Scored,
    best,
    both,
    common_members,
    either,
    scattered,
    summed,
    unless,
)
from alireader.core.scored import top_scores as _top_scores
from alireader.core.vocabulary import Vocabulary
from alireader.core.words import index_words

TITLE, AUTHOR, SOURCE, BODY = range(4)
_SECOND = itemgetter(1)
_FINDS_PER_SCAN = 10  # see _positions
_EXTEND = bytearray.extend
# Counter's own C loop, into a plain dict: ``Counter()`` adds some 4 µs of Python around it,
# as much as counting a ten-word title (it runs once per field of every article).
_Counts = dict[int | None, int]
_count_into: Callable[[_Counts, Iterable[int | None]], None] = vars(collections)["_count_elements"]
_PACK_INT = Struct("=I").pack
_PACK_FLOAT = Struct("=f").pack
# Runs an iterator to its end, in C.
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend
_FIELD_OF = {Field.TITLE: (TITLE,), Field.AUTHOR: (AUTHOR,), Field.SOURCE: (SOURCE,)}
_ALL_FIELDS = (TITLE, AUTHOR, SOURCE, BODY)
# A match in the title says far more about what an article is about than one in its body.
_FIELD_WEIGHT = (3.0, 2.0, 1.5, 1.0)
# BM25 length normalisation against a fixed typical length (in words) rather than the running
# average: weights are computed once when an article is added and never drift as the corpus
# grows, and the ranking does not depend on the order articles were loaded in.
_PIVOT = (10.0, 3.0, 2.0, 400.0)
_K1, _B = 1.2, 0.75
# How a matched word counts, by how it matched: exact beats a prefix beats a typo.
_QUALITY_EXACT, _QUALITY_PREFIX = 1.0, 0.8
_QUALITY_BY_EDITS = (1.0, 0.55, 0.35)
# A prefix or suffix expands to at most this many words, the most frequent first: "a" alone
# would otherwise expand to a fifth of the vocabulary on every keystroke.
MAX_EXPANSIONS = 64
# ... and to no more postings than there are articles (or this many, in a small corpus).
_MIN_POSTINGS_BUDGET = 5000
_PHRASE_BONUS = 1.5
_PROXIMITY_BONUS = 0.5  # at most +50% for terms side by side
_BODY_FIRST = {BODY: 0, TITLE: 1, AUTHOR: 2, SOURCE: 3}
_RERANK_POOL = 40  # how many of the best candidates get the (slower) proximity re-ranking
_ENTITY_SCORE = 2.0  # mentioning the entity asked for counts like a strong title match


@dataclass(frozen=True, slots=True)
class Documents:
    """An entity lookup's answer given as the index's own document numbers (a lookup that
    keeps a table from its article numbers to them: see ``live_search.py``), not as IDs."""

    numbers: Collection[int]


EntityLookup = Callable[[tuple[str, ...], str | None, bool], Iterable[str] | Documents]
"""``(folded words of a name, label or None, last word is a prefix) -> article IDs`` of the
articles that mention such a named entity (see :meth:`EntityIndex.match`), or their
:class:`Documents`."""
BOUNDED_POSTINGS = 30_000
"""A query word whose body postings are more is scored coarsely (see ``_word_scores``)."""
DENSE_SHARE = 4
DENSE_MIN = BOUNDED_POSTINGS // 2
"""A word in at least one article in :data:`DENSE_SHARE` and in at least :data:`DENSE_MIN` of
them gets a :class:`~alireader.core.scored.Bitmap` of its articles when the index is prepared:
the members of a coarsely scored query word are then the union of its words' bitmaps."""
PHRASE_CHECKS = 512
"""While a query is typed (``prefix_last``), at most this many documents are read for a
phrase's positions per keystroke; a search of a complete query reads them all."""
_HEAD_CACHE_SIZE = 16  # runs of complete clauses whose documents are kept (see _evaluate)
_TERM_CACHE_SIZE = 64  # terms whose documents are kept while the index does not change
_FUZZY_CACHE_SIZE = 4096  # query words whose typo neighbours are kept (a few KB each at most)
_REPEATED_SIZE = 65_536  # authors and sources whose postings are kept ready (_index_field)
_POSITION_CACHE_SIZE = 64  # anchors whose positions are kept (see SearchIndex._phrase_docs)


_Postings = defaultdict[int, bytearray]
"""The postings of one field: per word id, the documents holding it (in the order they were
added), each with the word's BM25 weight there: ``(doc, weight)`` pairs packed in one
``bytearray`` (:data:`_PACK_POSTING`, read back with :func:`_docs` and :func:`_weights`).

The map creates an empty bytearray for a new word on first access, in C: indexing appends to
the postings of every distinct word of an article without a Python-level loop, one append per
word (the document and its weight together: half the lookups of two parallel lists, the
costliest step of a build). Bytearrays rather than ``array``s because the garbage collector
tracks arrays (it would walk a million of them at 100k articles, in pauses of a second) and
not bytearrays. A loaded index has :class:`~alireader.core.postings.FlatPostings` instead
(the same map over one buffer, see ``postings.py``): code that reads every word's postings
goes through :func:`~alireader.core.postings.posting_sizes`."""
_PACK_POSTING = Struct("=If").pack
_POSTING_SIZE = 8


def _ints(packed: bytes | bytearray | memoryview) -> array[int]:
    """The ``I`` items of ``packed`` (a copy: a view would pin a bytearray's size)."""
    items = array("I")
    items.frombytes(packed)
    return items


def _docs(packed: bytes | bytearray | memoryview) -> array[int]:
    """The documents of packed postings, in order."""
    return _ints(packed)[::2]


def _weights(packed: bytes | bytearray) -> array[float]:
    """The weights of packed postings, in the order of :func:`_docs`."""
    items = array("f")
    items.frombytes(packed)
    return items[1::2]


class Searchable(Protocol):
    """What the index needs of an article or a summary (``Article`` has a ``body`` too)."""

    @property
    def id(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def author(self) -> str | None: ...
    @property
    def source(self) -> str | None: ...


class Hit:
    """One result. Spans are ``(start, end)`` offsets: into the title, the body, the snippet.

    Highlights are computed on first access, not when searching: finding them means reading the
    whole body again, and a search bar shows only a few of its hits. They depend only on the
    texts and on the words matched at search time, so a hit gives the same highlights however
    the index grows afterwards (and from any thread: at worst two threads compute them twice).
    """

    __slots__ = ("_body", "_body_view", "_title_matches", "_wanted", "id", "score", "title")

    def __init__(
        self,
        id: str,
        score: float,
        title: str,
        body: str | Callable[[], str],
        wanted: frozenset[str],
    ) -> None:
        self.id = id
        self.score = score
        self.title = title
        # The body, or how to fetch it (see :attr:`SearchIndex.body_loader`): only the hits
        # whose snippet is shown ever need it.
        self._body = body
        self._wanted = wanted
        self._title_matches: list[Span] | None = None
        self._body_view: tuple[list[Span], str, list[Span]] | None = None

    def __repr__(self) -> str:
        return f"Hit(id={self.id!r}, score={self.score!r}, title={self.title!r})"

    @property
    def wanted(self) -> frozenset[str]:
        """The folded words this search matched: highlight them in any copy of the text
        (:func:`alireader.core.highlight.match_spans`), e.g. the body read back from its file."""
        return self._wanted

    @property
    def title_matches(self) -> list[Span]:
        """Where the matched words stand in the title."""
        if self._title_matches is None:
            found = match_spans(self.title, self._wanted.__contains__)
            self._title_matches = [span for _word, span in found]
        return self._title_matches

    @property
    def body_matches(self) -> list[Span]:
        """Where the matched words stand in the body."""
        return self._body_highlights()[0]

    @property
    def snippet(self) -> str:
        """One line of the body around its best match."""
        return self._body_highlights()[1]

    @property
    def snippet_matches(self) -> list[Span]:
        """Where the matched words stand in :attr:`snippet`."""
        return self._body_highlights()[2]

    def _body_highlights(self) -> tuple[list[Span], str, list[Span]]:
        view = self._body_view
        if view is None:
            body = self._body if isinstance(self._body, str) else self._body()
            found = match_spans(body, self._wanted)  # a set: long bodies are read by pieces
            spans = [span for _word, span in found]
            line, line_spans = snippet(body, spans, [word for word, _span in found])
            view = self._body_view = (spans, line, line_spans)
        return view


@dataclass(frozen=True, slots=True)
class SearchResult:
    """The hits, best first, with the query as understood and how many articles matched."""

    query: Query
    hits: list[Hit]
    total: int
    approximate: bool = False
    """True when ``total`` counts only the matches verified within a bound on the work (a
    phrase over very common words, in a large corpus): there may be more."""


BodyLoader = Callable[[str], str]
"""``article ID -> its body`` (the text given to :meth:`SearchIndex.add_body`)."""


class SearchIndex:
    """An incremental full-text index over articles, with typo-tolerant lookup.

    An index pickles (for a warm start): its lock, its per-query caches, :attr:`entity_lookup`
    and :attr:`body_loader` are left out and start empty or None once loaded. Pickle it while
    no other thread is filling it.
    """

    def __init__(self, body_loader: BodyLoader | None = None) -> None:
        self.body_loader = body_loader
        """Where hits read a body for their snippet and highlights. Without it the index keeps
        every body it is given (several hundred MB at 100k articles); with it, none: a body is
        fetched, by article ID, only for the hits whose snippet is read. Bodies kept before a
        loader was set are still used."""
        self.vocabulary = Vocabulary()
        self._postings = tuple(_Postings(bytearray) for _ in _ALL_FIELDS)
        # Per document number: its id, title, body, and per field its word ids in order
        # (packed ``I`` items, for phrases and proximity). Parallel lists of strings and bytes,
        # not an object per document: none of it is tracked by the garbage collector.
        self._ids: list[str] = []
        self._titles: list[str] = []
        self._bodies: list[str] = []
        # (Loaded from a snapshot, each field's list is a PackedRows over one buffer.)
        self._tokens: tuple[MutableSequence[bytes], ...] = ([], [], [], [])
        self._has_body = bytearray()  # per document: 1 once its body is indexed
        self._by_id: dict[str, int] | None = {}  # see _numbers()
        self.entity_lookup: EntityLookup | None = None
        """Answers ``@name`` and ``per:name`` terms; without it they find nothing."""
        self._transient()

    def _transient(self) -> None:
        """The lock, the per-query caches and what :meth:`prepare` derives: made empty, and
        never pickled."""
        self._lock = threading.Lock()
        self._numbers_lock = threading.Lock()  # taken after _lock, never before it
        self._phrase_checks = sys.maxsize  # set by each search
        # Bumped by every addition; what prepare() derived holds while it is unchanged.
        self._generation = 0
        self._prepared_generation = -1
        self._frequency_table = array("I")  # per word id: its document frequency
        self._prefix_tops: PrefixTops | None = None
        # Per very common word id: the bitmap of the documents holding it in any field (see
        # DENSE_SHARE), made by prepare() for this generation of the index only.
        self._bitmaps: dict[int, int] = {}
        self._bitmaps_generation = -1
        # Per query word, its typos in the vocabulary: the same whether or not the word is
        # still being typed (it is looked up again once a space follows it).
        self._fuzzy_cache: dict[str, list[tuple[int, int]]] = {}
        # Per query word and per term results; cleared whenever the index changes.
        self._word_cache: dict[tuple[str, Mode, bool], list[tuple[int, float]]] = {}
        self._term_cache: dict[Term, Scored] = {}
        # Terms whose phrase was checked in part (while typing): kept for the next keystrokes
        # ('"11 main"', '"11 main" ', '"11 main" v' share one), never for a complete search.
        self._bounded_terms: dict[Term, Scored] = {}
        # Per (field, words of a phrase's anchor): their positions in each document read so
        # far. Typing a phrase's last word re-checks the same documents from the same anchor.
        self._position_cache: dict[tuple[int, frozenset[int]], dict[int, list[int]]] = {}
        # Per phrase being typed (its complete words), the last word typed and the documents
        # found: typing one more letter can only narrow them ("11 ma" within "11 m").
        self._open_phrases: dict[
            tuple[Field, Mode, tuple[str, ...], tuple[Clause, ...]], tuple[str, set[int]]
        ] = {}
        # Per run of complete clauses (all but the last of a query): the documents matching
        # them, with their scores. Typing the last word re-reads only its own postings.
        self._heads: dict[tuple[Clause, ...], Scored] = {}
        # Per one- or two-letter prefix: its expansions, and the corpus size they were chosen
        # at. Ranking thousands of words by frequency on every keystroke is the cost of "a";
        # the most frequent words of a prefix barely move while the corpus grows by 1/16.
        self._short_expansions: dict[str, tuple[int, list[tuple[int, float]]]] = {}
        # Per (field, author or source text): its word ids, their weights and its tokens.
        self._repeated: dict[tuple[int, str], tuple[list[int], list[float], bytes]] = {}

    _PICKLED = ("vocabulary", "_ids", "_titles", "_bodies", "_has_body")
    """Pickled as they are; the postings and the tokens are pickled flat (``postings.py``)."""

    def __getstate__(self) -> dict[str, object]:
        """The index's contents only: no lock, no cache, no callables (a loader or a lookup
        may hold a database connection or a whole other index); and what :meth:`prepare`
        derived, when it is up to date, so a loaded index types fast without a second of
        preparation. The postings and the tokens are flat: a few big buffers (written outside
        the pickle by the snapshot writer) and arrays of offsets, not a million objects."""
        state = {name: getattr(self, name) for name in self._PICKLED}
        words = len(self.vocabulary)
        state["flat_postings"] = tuple(pack_postings(p, words) for p in self._postings)
        state["flat_tokens"] = tuple(pack_rows(rows) for rows in self._tokens)
        if self._prepared():
            state["prepared"] = (self._frequency_table, self._prefix_tops)
        if self._bitmaps_generation == self._generation:
            # A second and a half to derive again at 100k articles, 2 MB to keep.
            state["bitmaps"] = self._bitmaps
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        prepared = state.pop("prepared", None)
        bitmaps: dict[int, int] | None = state.pop("bitmaps", None)  # type: ignore[assignment]
        postings: tuple[tuple[bytes, array[int]], ...] = state.pop("flat_postings")  # type: ignore[assignment]
        tokens: tuple[tuple[bytes, array[int]], ...] = state.pop("flat_tokens")  # type: ignore[assignment]
        self.__dict__.update(state)
        self._postings = tuple(FlatPostings(base, offsets) for base, offsets in postings)
        self._tokens = tuple(PackedRows(base, offsets) for base, offsets in tokens)
        self._by_id = None  # made when first needed, after the warm start's first search
        self.body_loader = None
        self.entity_lookup = None
        self._transient()
        if prepared is not None:
            self._frequency_table, self._prefix_tops = prepared  # type: ignore[misc]
            self._prepared_generation = self._generation
        if bitmaps is not None:
            self._bitmaps = bitmaps
            self._bitmaps_generation = self._generation

    def __len__(self) -> int:
        return len(self._ids)

    def documents_of(self, names: Iterable[str]) -> list[int]:
        """The document number of each of ``names`` (IDs as the index was given them), -1 for
        one it does not hold; in C (see :class:`Documents`)."""
        return list(map(self._numbers().get, names, repeat(-1)))

    def _numbers(self) -> dict[str, int]:
        """Article ID -> document number. A loaded index makes it on first use (100k IDs
        hashed: time a warm start spends before its first search otherwise), under a lock of
        its own: every thread then gets the one table, which an addition fills."""
        table = self._by_id
        if table is None:
            with self._numbers_lock:
                table = self._by_id
                if table is None:
                    table = self._by_id = dict(zip(self._ids, count()))  # in C
        return table

    # --- Filling -------------------------------------------------------------------------------

    def add_metadata(
        self, article_id: str, title: str, author: str | None = None, source: str | None = None
    ) -> None:
        """Make an article findable by its title, author and source (once per article)."""
        with self._lock:
            numbers = self._numbers()
            if article_id in numbers:
                return
            number = len(self._ids)
            self._ids.append(article_id)
            self._titles.append(title)
            self._bodies.append("")
            self._has_body.append(0)
            numbers[article_id] = number
            # Unrolled, an empty field costing nothing: this runs once per article of a load.
            tokens = self._tokens
            tokens[TITLE].append(
                self._index_words(number, TITLE, index_words(title)) if title else b""
            )
            tokens[AUTHOR].append(self._index_field(number, AUTHOR, author) if author else b"")
            tokens[SOURCE].append(self._index_field(number, SOURCE, source) if source else b"")
            tokens[BODY].append(b"")
            self._generation += 1
            self._changed()

    def add_body(self, article_id: str, body: str) -> None:
        """Index an article's body (after its metadata, or alone: then it has no title yet).

        A body is indexed once; a second one for the same article is ignored.
        """
        # Split outside the lock: a search can run meanwhile.
        self.add_body_words(article_id, body, index_words(body) if body else [])

    def add_body_words(self, article_id: str, body: str, words: list[str]) -> None:
        """:meth:`add_body` with the body's index words already computed (``words`` must be
        ``index_words(body)``): splitting them is most of the cost of indexing a body, and a
        worker process can do it beside the parse (see ``analysers.search_words``)."""
        if article_id not in self._numbers():
            self.add_metadata(article_id, "")
        with self._lock:
            number = self._numbers()[article_id]
            if self._has_body[number] or not body:
                return
            self._has_body[number] = 1
            if self.body_loader is None:
                self._bodies[number] = body
            self._tokens[BODY][number] = self._index_words(number, BODY, words)
            self._generation += 1
            self._changed()

    def add(self, article: Searchable) -> None:
        """Add an ``Article`` (metadata and body) or an ``ArticleSummary`` (metadata only)."""
        self.add_metadata(article.id, article.title, article.author, article.source)
        body = getattr(article, "body", None)
        if isinstance(body, str):
            self.add_body(article.id, body)

    def add_many(self, articles: Iterable[Searchable]) -> None:
        """:meth:`add` each of ``articles``."""
        for article in articles:
            self.add(article)

    def _index_field(self, number: int, field: int, text: str) -> bytes:
        """Add document ``number``'s ``text`` to the postings of ``field``; its word ids.

        Once per article and field, with no Python-level loop over its words: counting, id
        lookups and the appends to the postings are chained C iterators, and the BM25 weight,
        which depends only on the term frequency here, is computed once per distinct frequency.
        An author or a source recurs across articles: what it adds is computed once
        (:attr:`_repeated`) and appended again for each article.
        """
        if field in (TITLE, BODY) or not text:
            return self._index_words(number, field, index_words(text))
        key = (field, text)
        known = self._repeated.get(key)
        if known is None:
            words = index_words(text)
            tokens = self._index_words(number, field, words)
            if len(self._repeated) >= _REPEATED_SIZE:
                self._repeated.clear()
            self._repeated[key] = known = (*self._word_weights(field, words), tokens)
            return tokens
        word_ids, weights, tokens = known
        postings = self._postings[field]
        _consume(
            map(
                _EXTEND,
                map(postings.__getitem__, word_ids),
                map(_PACK_POSTING, repeat(number), weights),
            )
        )
        return tokens

    def _word_weights(self, field: int, words: list[str]) -> tuple[list[int], list[float]]:
        """The distinct word ids of ``words`` (all in the vocabulary) and their weight, in the
        order :meth:`_index_words` appends their postings."""
        counts = Counter(words)
        length_norm = _K1 * (1 - _B + _B * len(words) / _PIVOT[field])
        boost = _K1 + 1
        weights = [tf * boost / (tf + length_norm) for tf in counts.values()]
        return list(map(self.vocabulary.ids.__getitem__, counts)), weights

    def _index_words(self, number: int, field: int, words: list[str]) -> bytes:
        """:meth:`_index_field` of a text whose index words are ``words``.

        Each word is looked up once, in the vocabulary itself, and the text's term frequencies
        are counted over the ids (ints: no string hashed or compared again), so a distinct word
        costs no more than its one posting append. A small table of the text's own words
        (looked up once per distinct word) was slower: one more dict built and read per word.
        """
        if not words:
            return b""
        vocabulary = self.vocabulary
        found: list[int | None] = list(map(vocabulary.ids.get, words))
        counts: _Counts = {}
        _count_into(counts, found)
        missing = counts.pop(None, 0)
        if missing:
            # The new words (a few per article), added in the order they first occur: found
            # by ``list.index`` (a scan in C), a Python step per occurrence only.
            add = vocabulary.add
            at = -1
            for _ in range(missing):
                at = found.index(None, at + 1)
                word_id = found[at] = add(words[at])
                counts[word_id] = counts.get(word_id, 0) + 1
        counted = cast(dict[int, int], counts)
        length_norm = _K1 * (1 - _B + _B * len(words) / _PIVOT[field])
        boost = _K1 + 1
        postings = self._postings[field]
        if len(counted) == len(words):  # every word once (most titles): one posting for all
            posting = _PACK_POSTING(number, boost / (1 + length_norm))
            _consume(map(_EXTEND, map(postings.__getitem__, counted), repeat(posting)))
        else:
            frequencies = counted.values()
            # Each distinct frequency's posting (tf * boost / (tf + length_norm)), in C.
            tfs = set(frequencies)
            weights = map(
                truediv, map(mul, tfs, repeat(boost)), map(_plus, tfs, repeat(length_norm))
            )
            posting_of = dict(zip(tfs, map(_PACK_POSTING, repeat(number), weights), strict=True))
            _consume(
                map(
                    _EXTEND,
                    map(postings.__getitem__, counted),
                    map(posting_of.__getitem__, frequencies),
                )
            )
        return array("I", cast(list[int], found)).tobytes()

    def prepare(self) -> None:
        """Do now the one-off work of the first search after the index grew (sorting the
        vocabulary for prefix lookups), for instance when the filling is done, so that the
        first keystroke does not wait for it; and derive what makes typing fast once the index
        stops growing: every word's document frequency, and the most frequent words of every
        prefix of up to three letters (:mod:`alireader.core.prefix_tops`), and the bitmaps of
        the most common words (see :data:`DENSE_SHARE`). About a second at 100k articles; an
        addition voids them until the next call (searches stay exact)."""
        with self._lock:
            self.vocabulary.prepare()
            if not self._prepared():
                self._derive()
            if self._bitmaps_generation != self._generation:
                self._bitmaps = self._dense_bitmaps()
                self._bitmaps_generation = self._generation

    def _derive(self) -> None:
        """:meth:`prepare`'s frequencies and prefix choices."""
        vocabulary = self.vocabulary
        self._frequency_table = self._all_frequencies()
        short_cap = 4 * (MAX_EXPANSIONS // 8)
        keep = {1: short_cap, 2: short_cap, 3: 4 * MAX_EXPANSIONS}
        self._prefix_tops = PrefixTops(
            vocabulary.starting_with(""),
            vocabulary.ids_starting_with(""),
            self._frequency_table,
            keep,
        )
        self._prepared_generation = self._generation

    def _all_frequencies(self) -> array[int]:
        """Every word's :meth:`_doc_frequency`: the sizes of its body postings, raised where
        another field holds it in more documents, read for the words those fields hold only
        (a vocabulary's worth of lookups per field and a ``max`` per word cost more)."""
        words = range(len(self.vocabulary))
        if any(isinstance(postings, FlatPostings) for postings in self._postings):
            return array("I", self._counted_frequencies(words))
        sizes = list(posting_sizes(self._postings[BODY], words))
        for field in (TITLE, AUTHOR, SOURCE):
            for word_id, packed in self._postings[field].items():
                sizes[word_id] = max(sizes[word_id], len(packed))
        return array("I", map(rshift, sizes, repeat(3)))  # 8 bytes a posting

    def _dense_bitmaps(self) -> dict[int, int]:
        """Per word in at least a :data:`DENSE_SHARE` of the articles (and in at least
        :data:`DENSE_MIN`), the ``int`` of a :class:`Bitmap` of the articles holding it."""
        size = len(self._ids)
        least = max(size // DENSE_SHARE, DENSE_MIN, 1)
        frequencies = self._frequency_table
        common = compress(count(), map(least.__le__, frequencies))
        bitmaps: dict[int, int] = {}
        for word_id in common:
            table = bytearray(size)
            for postings in self._postings:
                # Read in place: a loaded index would otherwise keep a copy of each.
                packed = (
                    postings.value(word_id)
                    if isinstance(postings, FlatPostings)
                    else postings.get(word_id, b"")
                )
                if packed:
                    scattered(_docs(packed), size, table)
            bitmaps[word_id] = int.from_bytes(table, "little")
        return bitmaps

    def _prepared(self) -> bool:
        """True when what :meth:`prepare` derived matches the index."""
        return self._prepared_generation == self._generation

    def _current_bitmaps(self) -> dict[int, int]:
        """The common words' bitmaps while they match the index, else none."""
        return self._bitmaps if self._bitmaps_generation == self._generation else {}

    def _changed(self) -> None:
        if (
            self._word_cache
            or self._term_cache
            or self._bounded_terms
            or self._position_cache
            or self._open_phrases
            or self._heads
            or self._fuzzy_cache
        ):
            self._heads = {}
            self._word_cache = {}
            self._term_cache = {}
            self._bounded_terms = {}
            self._position_cache = {}
            self._open_phrases = {}
            self._fuzzy_cache = {}

    # --- Searching -----------------------------------------------------------------------------

    def search(
        self, query: str | Query, limit: int = 20, *, prefix_last: bool = False
    ) -> SearchResult:
        """The ``limit`` best articles for ``query`` (a string is parsed first). Never raises
        on any query text; an empty query finds nothing."""
        parsed = query if isinstance(query, Query) else parse_query(query, prefix_last)
        with self._lock:
            # Typing: phrases are checked in a bounded number of documents per keystroke.
            self._phrase_checks = PHRASE_CHECKS if prefix_last else sys.maxsize
            found = self._evaluate(parsed)
            if not found.members:
                return SearchResult(parsed, [], 0, approximate=found.partial)
            pool = best(found, max(limit, _RERANK_POOL))
            ranked = sorted(self._rerank(parsed, pool), key=_second, reverse=True)
            wanted = self._wanted(parsed)
            ids, titles = self._ids, self._titles
            hits = [
                Hit(ids[n], round(score, 4), titles[n], self._body_of(n), wanted)
                for n, score in ranked[: max(limit, 0)]
            ]
            return SearchResult(parsed, hits, len(found.members), approximate=found.partial)

    def _body_of(self, number: int) -> str | Callable[[], str]:
        """Document ``number``'s body, or how to fetch it when the index does not keep it."""
        body = self._bodies[number]
        loader = self.body_loader
        if body or loader is None or not self._has_body[number]:
            return body
        article_id = self._ids[number]
        return lambda: loader(article_id)

    def _evaluate(self, query: Query) -> Scored:
        """The documents that satisfy every clause, with their scores.

        While a query is typed only its last clause changes: the documents of the others are
        kept (:attr:`_heads`), and when they are few the last clause is scored only among
        them: its postings are read, but no score is built for a document already excluded.
        """
        clauses = query.clauses
        if len(clauses) < 2 or any(term.negated for term in clauses[-1]):
            return self._evaluate_clauses(clauses)
        scope = clauses[:-1]
        head = self._heads.get(scope)
        if head is None:
            if len(self._heads) >= _HEAD_CACHE_SIZE:
                self._heads.clear()
            head = self._heads[scope] = self._evaluate_clauses(scope)
        if not head.members:
            return head
        within = head.members if len(head.members) <= BOUNDED_POSTINGS else None
        last = either([self._term_scores(term, within, scope) for term in clauses[-1]])
        return both([head, last])

    def _evaluate_clauses(self, clauses: tuple[Clause, ...]) -> Scored:
        """:meth:`_evaluate` of ``clauses``, every term scored over the whole corpus."""
        positive: list[Scored] = []
        mixed: list[tuple[Scored, list[Scored]]] = []
        for clause in clauses:
            merged = either([self._term_scores(t) for t in clause if not t.negated] or [EMPTY])
            excluded = [self._term_scores(t) for t in clause if t.negated]
            if excluded:
                mixed.append((merged, excluded))
            else:
                positive.append(merged)
        if not positive and not mixed:
            return EMPTY
        everything = positive or [Scored(dict.fromkeys(range(len(self._ids)), 0.0))]
        result = both(everything)
        for merged, excluded in mixed:
            result = unless(result, merged, excluded)
        return result

    def _term_scores(
        self,
        term: Term,
        within: Collection[int] | None = None,
        scope: tuple[Clause, ...] = (),
    ) -> Scored:
        """The documents of ``term``, scored. ``within``: the documents that the rest of the
        query allows (those of the clauses ``scope``), when few; only they need a score."""
        if term.field is Field.ENTITY:
            return Scored(self._entity_scores(term))  # not cached: entities fill separately
        cached = self._term_cache.get(term)
        if cached is None and self._phrase_checks == PHRASE_CHECKS:
            cached = self._bounded_terms.get(term)
        if cached is not None:
            return cached
        if within is not None:
            return self._compute_term(term, within, scope)
        cached = self._compute_term(term)
        # A complete search reads a partial phrase again in full: partial ones apart.
        kept = self._bounded_terms if cached.partial else self._term_cache
        if len(kept) >= _TERM_CACHE_SIZE:  # a term of a common word holds up to 100k docs
            kept.clear()
        kept[term] = cached
        return cached

    def _compute_term(
        self,
        term: Term,
        within: Collection[int] | None = None,
        scope: tuple[Clause, ...] = (),
    ) -> Scored:
        fields = _FIELD_OF.get(term.field, _ALL_FIELDS)
        per_word = self._term_matches(term)
        if len(per_word) == 1:
            return self._word_scores(per_word[0], fields, within)
        wanted = [{word_id for word_id, _q in matches} for matches in per_word]
        # A phrase whose last word is being typed: that word stands for every word it begins
        # ("etats-u" is "etats" then any u-word), not just the few expansions of a prefix, so
        # it is found from the positions of the complete words and adds nothing to the score.
        typing = term.prefix and _word_mode(term, len(per_word) - 1, len(per_word) - 1) in (
            Mode.FUZZY,
            Mode.PREFIX,
        )
        if typing:
            last = term.words[-1]
            wanted[-1].update(self.vocabulary.ids_starting_with(last))
            per_word = per_word[:-1]
        word_scores = [self._word_scores(matches, fields, within) for matches in per_word]
        # A phrase: every word present, then adjacent in one field.
        word_scores.sort(key=len)
        common = set(common_members(word_scores))  # bitmaps intersected as such
        key = (term.field, term.mode, term.words[:-1], scope)
        if typing:
            earlier = self._open_phrases.get(key)
            if earlier is not None and term.words[-1].startswith(earlier[0]):
                common.intersection_update(earlier[1])
        checks = self._phrase_checks
        partial = len(common) > checks
        if partial:
            # Reading positions costs some 20 µs a document: check the documents where the
            # rarest word scores best, and say that the count is partial.
            rarest = word_scores[0].scores
            scored = list(filter(rarest.__contains__, common))
            strongest = dict(zip(scored, map(rarest.__getitem__, scored), strict=True))
            chosen = [doc for doc, _s in _top_scores(strongest, checks)]
            chosen.extend(islice(common.difference(strongest), checks - len(chosen)))
            common = set(chosen)
        found = self._phrase_docs(common, wanted, fields, open_last=typing)
        if typing and not partial:
            self._open_phrases[key] = (term.words[-1], found)
        return Scored(
            {
                doc: _PHRASE_BONUS * sum(scores.score_of(doc) for scores in word_scores)
                for doc in found
            },
            partial=partial,
        )

    def _phrase_docs(
        self,
        common: set[int],
        wanted: list[set[int]],
        fields: Sequence[int],
        open_last: bool = False,
    ) -> set[int]:
        """The documents of ``common`` where the words of ``wanted`` stand side by side, in
        order, in one of ``fields``. A field is read only in the documents whose postings hold
        every word there, from the positions of the word that is rarest in that field.

        ``open_last``: the last group is a prefix's every completion, too many to gather the
        postings of; the documents are read from the positions of the other words only."""
        found: set[int] = set()
        closed = wanted[:-1] if open_last else wanted
        bitmaps = self._current_bitmaps()
        size = len(self._ids)
        for field in fields:
            postings = self._postings[field]
            holding: list[set[int]] = []
            for group in closed:
                in_field: set[int] = set()
                for word_id in group:
                    bits = bitmaps.get(word_id) if field == BODY else None
                    if bits is not None:
                        # A very common word: the candidates holding it in any field (a few
                        # more than in the body, which reading the body sorts out), found
                        # without reading its postings.
                        in_field.update(Bitmap(bits, size).keep(list(common)))
                        continue
                    docs_holding = postings.get(word_id)
                    if docs_holding is not None:
                        # Only the candidates: a membership test per posting, not an insert.
                        in_field |= common.intersection(_docs(docs_holding))
                holding.append(in_field)
            anchor = min(range(len(closed)), key=lambda k: len(holding[k]))
            candidates = common.intersection(*holding)
            candidates.difference_update(found)
            if not candidates:
                continue
            known = self._kept_positions(field, wanted[anchor])
            field_tokens = self._tokens[field]
            for doc in candidates:
                tokens = field_tokens[doc]
                positions = known.get(doc)
                if positions is None:
                    positions = known[doc] = _positions(tokens, wanted[anchor])
                if _phrase_at(tokens, positions, wanted, anchor):
                    found.add(doc)
        return found

    def _word_scores(
        self,
        matches: list[tuple[int, float]],
        fields: Sequence[int],
        within: Collection[int] | None = None,
    ) -> Scored:
        """The documents of one query word, scored: in each field the best of its matching
        words counts (not their sum: "badault" and "badaut" are one word typed twice), then
        fields add. With ``within``, only its documents are kept.

        A word whose body postings exceed :data:`BOUNDED_POSTINGS` (a very common word of a
        large corpus) is scored coarsely (see :mod:`alireader.core.scored`): its documents are
        every one holding it, but only its title, author and source matches are scored one by
        one; a body mention counts as one typical mention.
        """
        total = len(self._ids) or 1
        ranked = sorted(
            ((quality * self._idf(word_id, total), word_id) for word_id, quality in matches)
        )
        if within is None and BODY in fields:
            body = self._postings[BODY]
            in_body = [(factor, body[w]) for factor, w in ranked if w in body]
            if sum(len(packed) for _f, packed in in_body) // _POSTING_SIZE > BOUNDED_POSTINGS:
                short = [field for field in fields if field != BODY]
                scores = self._field_scores(ranked, short, None)
                members = self._members(ranked, scores, in_body)
                # A typical body mention: once, in a body of typical length (weight 1).
                floor = min(factor for factor, _p in in_body) * _FIELD_WEIGHT[BODY]
                return Scored(scores, members, floor)
        return Scored(self._field_scores(ranked, fields, within))

    def _members(
        self,
        ranked: list[tuple[float, int]],
        scores: dict[int, float],
        in_body: list[tuple[float, bytearray]],
    ) -> Collection[int]:
        """The documents holding any of the words ``ranked`` in any field (``scores``: those
        with them in a field other than the body; ``in_body``: their body postings). A bitmap
        when one of the words has one (see :meth:`prepare`), else a set."""
        bitmaps = self._current_bitmaps()
        dense = [bitmaps[word_id] for _f, word_id in ranked if word_id in bitmaps]
        if not dense:
            members = set(scores)
            for _factor, packed in in_body:
                members.update(_docs(packed))
            return members
        size = len(self._ids)
        bits = 0
        for word_bits in dense:
            bits |= word_bits
        table: bytearray | None = None
        for _factor, word_id in ranked:
            if word_id not in bitmaps:
                for postings in self._postings:
                    held = postings.get(word_id)
                    if held:
                        table = scattered(_docs(held), size, table)
        if table is not None:
            bits |= int.from_bytes(table, "little")
        return Bitmap(bits, size)

    def _field_scores(
        self,
        ranked: list[tuple[float, int]],
        fields: Sequence[int],
        within: Collection[int] | None,
    ) -> dict[int, float]:
        """``{doc: score}`` of the words ``ranked`` (``(factor, word id)``, weakest first) in
        ``fields``, for the documents of ``within`` (all when None).

        Built with C-level ``dict.update(zip(...))``: the words are applied from the weakest to
        the strongest, so a document keeps the score of its best one. Body postings are long,
        title/author/source ones short, so only the short ones are added in Python. Filtering
        by ``within`` is C-level too (a membership test per posting, then ``compress``): far
        cheaper than a score per posting when the other clauses leave few documents.
        """
        keep: Callable[[int], object] | None = None
        if isinstance(within, Bitmap):
            keep = within.table.__getitem__
        elif within is not None:
            keep = within.__contains__
        result: dict[int, float] | None = None
        for field in sorted(fields, key=_BODY_FIRST.__getitem__):
            postings = self._postings[field]
            scores: dict[int, float] = {}
            for factor, word_id in ranked:
                docs_holding = postings.get(word_id)
                if docs_holding is not None:
                    scale = factor * _FIELD_WEIGHT[field]
                    docs = _docs(docs_holding)
                    weights = _weights(docs_holding)
                    if keep is None:
                        scores.update(zip(docs, map(scale.__mul__, weights), strict=True))
                    else:
                        kept = list(map(keep, docs))
                        scores.update(
                            zip(
                                compress(docs, kept),
                                map(scale.__mul__, compress(weights, kept)),
                                strict=True,
                            )
                        )
            result = scores if result is None else summed(result, scores)
        return result or {}

    def _idf(self, word_id: int, total: int) -> float:
        df = self._doc_frequency(word_id)
        return math.log(1 + (total - df + 0.5) / (df + 0.5))

    def _doc_frequency(self, word_id: int) -> int:
        if self._prepared():
            return self._frequency_table[word_id]
        # The field where the word is most frequent stands for its document frequency.
        return max(len(postings.get(word_id, b"")) for postings in self._postings) >> 3

    def _frequencies(self, word_ids: Sequence[int]) -> list[int]:
        """:meth:`_doc_frequency` of each of ``word_ids``, with C iterators only."""
        if self._prepared():
            return list(map(self._frequency_table.__getitem__, word_ids))
        return self._counted_frequencies(word_ids)

    def _counted_frequencies(self, word_ids: Iterable[int]) -> list[int]:
        """:meth:`_frequencies` read from the postings."""
        word_ids = list(word_ids)
        lengths = [posting_sizes(postings, word_ids) for postings in self._postings]
        return list(map(rshift, map(max, *lengths), repeat(3)))  # 8 bytes a posting

    def _matches(self, word: str, mode: Mode, prefix: bool) -> list[tuple[int, float]]:
        """``(word id, quality)`` of the vocabulary words that ``word`` matches (cached)."""
        key = (word, mode, prefix)
        cached = self._word_cache.get(key)
        if cached is not None:
            return cached
        vocabulary = self.vocabulary
        found: dict[int, float] = {}
        if mode is Mode.EXACT:
            word_id = vocabulary.id_of(word)
            if word_id is not None:
                found[word_id] = _QUALITY_EXACT
        elif mode is Mode.PREFIX or mode is Mode.SUFFIX:
            if mode is Mode.PREFIX:
                word_ids = vocabulary.ids_starting_with(word)
            else:
                word_ids = vocabulary.ids_ending_with(word)
            found.update(self._expansions(word, word_ids, False, mode is Mode.PREFIX))
        else:
            typos = self._fuzzy_cache.get(word)
            if typos is None:
                if len(self._fuzzy_cache) >= _FUZZY_CACHE_SIZE:
                    self._fuzzy_cache = {}  # a long session on a stable index: keep it bounded
                typos = self._fuzzy_cache[word] = vocabulary.fuzzy(word, typo_budget(word))
            for word_id, edits in typos:
                found[word_id] = _QUALITY_BY_EDITS[edits]
            if prefix:
                expansions = self._expansions(word, vocabulary.ids_starting_with(word), typing=True)
                for word_id, quality in expansions:
                    found[word_id] = max(found.get(word_id, 0.0), quality)
        result = list(found.items())
        self._word_cache[key] = result
        return result

    def _expansions(
        self, word: str, word_ids: list[int], typing: bool, prefix: bool = True
    ) -> list[tuple[int, float]]:
        """The words that ``word`` stands for as a prefix or suffix: itself when it is a word,
        then the most frequent of ``word_ids``, within two caps: a number of words (few for
        one or two letters, which say little) and, for a word being typed or of one or two
        letters, a number of postings (about one per article), so that a keystroke never costs
        more than a pass over the corpus. An explicit ``^pre`` or ``suf$`` of three letters or
        more gets all its (capped) words: it was asked for, and is computed once. ``prefix``:
        ``word_ids`` are the words starting with ``word`` (then :meth:`prepare` may have
        chosen among them already)."""
        short = len(word) < 3
        if short and word_ids:
            known = self._short_expansions.get(word)
            if known is not None and len(self._ids) - known[0] <= known[0] // 16:
                return known[1]
        cap = MAX_EXPANSIONS // 8 if short else MAX_EXPANSIONS
        budget = max(len(self._ids), _MIN_POSTINGS_BUDGET) if typing or short else sys.maxsize
        exact = self.vocabulary.id_of(word)
        chosen: list[tuple[int, float]] = []
        spent = 0
        if exact is not None:
            chosen.append((exact, _QUALITY_EXACT))
            spent = self._doc_frequency(exact)
        prepared = self._prefix_tops if prefix and self._prepared() else None
        tops = None if prepared is None else prepared.get(word)
        candidates: Sequence[int] = word_ids
        if tops is not None:  # the same choice, made by prepare()
            candidates = tops
        elif len(word_ids) > 4 * cap:
            candidates = top_ids(word_ids, 4 * cap, self._frequencies(word_ids))
        frequencies = self._frequencies(candidates)
        for word_id, frequency in sorted(
            zip(candidates, frequencies, strict=True), key=_SECOND, reverse=True
        ):
            if len(chosen) >= cap:
                break
            if word_id != exact and spent + frequency <= budget:
                chosen.append((word_id, _QUALITY_PREFIX))
                spent += frequency
        if short and word_ids:
            self._short_expansions[word] = (len(self._ids), chosen)
        return chosen

    # --- Ranking and hits ----------------------------------------------------------------------

    def _rerank(self, query: Query, pool: list[tuple[int, float]]) -> Iterable[tuple[int, float]]:
        """Raise the score of documents whose terms stand close together."""
        groups = [
            {word_id for matches in self._term_matches(term) for word_id, _q in matches}
            for clause in query.clauses
            if len(clause) == 1 and not clause[0].negated
            for term in clause
        ]
        if len(groups) < 2:
            return pool
        return [(doc, score * self._closeness(doc, groups)) for doc, score in pool]

    def _kept_positions(self, field: int, group: Collection[int]) -> dict[int, list[int]]:
        """Per document read so far, where the words of ``group`` stand in ``field`` (see
        :func:`_positions`): filled by the caller, kept while the index is unchanged."""
        key = (field, frozenset(group))
        known = self._position_cache.get(key)
        if known is None:
            if len(self._position_cache) >= _POSITION_CACHE_SIZE:
                self._position_cache.clear()
            known = self._position_cache[key] = {}
        return known

    def _entity_scores(self, term: Term) -> dict[int, float]:
        """The articles that mention the entity named by ``term`` (see :attr:`entity_lookup`),
        scored by how much they say its words (so the ones about it come first)."""
        lookup = self.entity_lookup
        if lookup is None:
            return {}
        # A prefix such as "@p" names most of a large corpus: no Python step per article here.
        found = lookup(term.words, term.label, term.prefix)
        docs: Collection[int]
        if isinstance(found, Documents):
            docs = found.numbers  # the reader's lookup: no dict lookup per article at all
        else:
            docs = set(self.documents_of(found))
            docs.discard(-1)
        if not docs:
            return {}
        words = Term(term.words, Mode.EXACT, Field.ANY, prefix=term.prefix)
        said = self._compute_term(words, docs)
        scores = dict.fromkeys(docs, _ENTITY_SCORE)
        if said.exact:
            said_scores = said.scores
            scores.update(
                zip(said_scores, map(_ENTITY_SCORE.__add__, said_scores.values()), strict=True)
            )
        else:
            scores.update((doc, _ENTITY_SCORE + said.score_of(doc)) for doc in said.members)
        return scores

    def _term_matches(self, term: Term) -> list[list[tuple[int, float]]]:
        """The vocabulary matches of each word of ``term``."""
        if term.field is Field.ENTITY:  # highlight the name's words as written
            term = Term(term.words, Mode.EXACT, Field.ANY, prefix=term.prefix)
        last = len(term.words) - 1
        return [
            self._matches(word, _word_mode(term, i, last), term.prefix and i == last)
            for i, word in enumerate(term.words)
        ]

    def _closeness(self, number: int, groups: list[set[int]]) -> float:
        """1 plus the proximity bonus of document ``number``: how close one word of each of
        ``groups`` stand in its title or body."""
        best = 0.0
        for field in (TITLE, BODY):
            tokens = self._tokens[field][number]
            positions: list[list[int]] = []
            for group in groups:
                found = _positions(tokens, group)
                if not found:  # a term missing from this field: no window in it
                    break
                positions.append(found)
            else:
                span = _smallest_window(positions)
                best = max(best, (len(groups) - 1) / max(span - 1, len(groups) - 1))
        return 1.0 + _PROXIMITY_BONUS * best

    def _wanted(self, query: Query) -> frozenset[str]:
        """The vocabulary words that the positive terms of ``query`` matched."""
        words_of = self.vocabulary.words_of
        wanted: set[str] = set()
        for clause in query.clauses:
            for term in clause:
                if not term.negated:
                    for matches in self._term_matches(term):
                        wanted.update(words_of(i for i, _q in matches))
        return frozenset(wanted)


def _second(item: tuple[int, float]) -> float:
    return item[1]


def _word_mode(term: Term, index: int, last: int) -> Mode:
    """The mode of word ``index`` of a term: in a phrase, ``^`` applies to its last word and
    ``$`` to its first; the other words are exact."""
    if term.mode is Mode.PREFIX and index != last:
        return Mode.EXACT
    if term.mode is Mode.SUFFIX and index != 0:
        return Mode.EXACT
    return term.mode


def _positions(tokens: bytes, group: Collection[int]) -> list[int]:
    """Where the words of ``group`` stand in ``tokens``, sorted.

    Searched in the array's bytes (``bytes.find`` runs at memory speed, where ``array.index``
    compares item by item as Python ints); a match not aligned on an item is no match. A
    large group (a prefix's expansions) is found in one pass over the items instead: one
    membership test per item costs about as much as a dozen searches of the bytes.
    """
    if len(group) > _FINDS_PER_SCAN:
        inside = group if isinstance(group, (set, frozenset)) else set(group)
        return list(compress(count(), map(inside.__contains__, _ints(tokens))))
    data = tokens
    size = 4
    found: list[int] = []
    for word_id in group:
        pattern = _PACK_INT(word_id)
        at = data.find(pattern)
        while at >= 0:
            if at % size:
                at = data.find(pattern, at + 1)
            else:
                found.append(at // size)
                at = data.find(pattern, at + size)
    found.sort()
    return found


def _phrase_at(packed: bytes, positions: list[int], wanted: list[set[int]], anchor: int) -> bool:
    """True when the words of ``wanted`` stand side by side in ``tokens``, found from
    ``positions``: those of the words of ``wanted[anchor]``."""
    tokens = memoryview(packed).cast("I")
    others = [(k - anchor, group) for k, group in enumerate(wanted) if k != anchor]
    low, high = anchor, len(tokens) - len(wanted) + anchor
    for at in positions:
        if low <= at <= high and all(tokens[at + shift] in group for shift, group in others):
            return True
    return False


def _smallest_window(positions: list[list[int]]) -> int:
    """The fewest consecutive words holding one position of each list (lists sorted)."""
    if len(positions) == 2:
        # Two terms (most queries): each position of the shorter list against its nearest
        # neighbours in the other, found by bisection: a step per position of the rarer word.
        fewer, more = sorted(positions, key=len)
        gap = sys.maxsize
        last = len(more)
        for at in fewer:
            k = bisect_left(more, at)
            if k < last:
                gap = min(gap, more[k] - at)
            if k:
                gap = min(gap, at - more[k - 1])
        return gap + 1
    heap = [(plist[0], i, 0) for i, plist in enumerate(positions)]
    heapq.heapify(heap)
    high = max(plist[0] for plist in positions)
    best = high - heap[0][0] + 1
    while True:
        low, which, at = heapq.heappop(heap)
        best = min(best, high - low + 1)
        if at + 1 == len(positions[which]):
            return best
        following = positions[which][at + 1]
        high = max(high, following)
        heapq.heappush(heap, (following, which, at + 1))
