"""The vocabulary of a search index, and fast ways to find words in it.

A corpus of 100k articles holds some 300k distinct words; one rapidfuzz scan of them all costs
100+ ms, far too slow per keystroke. So the vocabulary is indexed three ways:

- typos: padded bigrams, bucketed by word length. A word within ``k`` edits of the query has a
  length within ``k`` of it and shares at least ``|bigrams| - 3k`` of its bigrams (an edit
  destroys at most two, a transposition three), so counting shared bigrams over a few short
  posting lists (in C, with ``Counter.update``) leaves a handful of candidates, which rapidfuzz
  then checks (OSA distance: a transposition is one typo);
- prefixes: a sorted array of the words, searched with ``bisect``;
- suffixes: the same, of the reversed words.
"""

from __future__ import annotations

import sys
from array import array
from bisect import bisect_left, insort
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from itertools import chain, compress, islice, repeat
from operator import add, getitem, itemgetter, lshift
from struct import Struct
from typing import cast

from rapidfuzz.distance import OSA
from rapidfuzz.process import extract

# Past this many new words since the sorted arrays were made, sort again rather than insert.
_RESORT_AFTER = 2000
# New words go into the bigram tables in batches of this many (or fewer, at the next typo
# lookup): big enough for the bulk pass to pay, small enough that a lookup made while the index
# fills never waits for more than a few milliseconds of it.
_GRAMS_BATCH = 2048
# At most this many of a query word's most frequent bigrams are left out of the count.
_DROP_GRAMS = 3
_EXTEND = bytearray.extend
_PACK_INT = Struct("=I").pack
_REVERSED: Callable[[str], str] = itemgetter(slice(None, None, -1))  # no Python step per word
# Runs an iterator to its end, in C.
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


def _bigrams(word: str) -> set[int]:
    """The bigrams of ``word`` padded, each as ``ord(first) | ord(second) << 32`` (what
    :meth:`Vocabulary._index_grams` reads from UTF-32 text: no string made per bigram)."""
    codes = list(map(ord, f"\x02{word}\x03"))
    return set(map(add, codes, map(lshift, islice(codes, 1, None), repeat(32))))


def _ints(packed: bytearray) -> array[int]:
    items = array("I")
    items.frombytes(packed)
    return items


class Vocabulary:
    """Distinct normalised words, each with a stable integer id (its position in ``words``).

    A loaded vocabulary (see :meth:`__setstate__`) holds its words in sorted order only, with
    each word's place there: ``words`` (by id) and ``ids`` (a dict) are made the first time
    they are asked for, or when a word is added. Until then :meth:`id_of` finds a word by
    bisection: a warm start makes neither 300k-word table before its first search (a third of
    a second at 100k articles, the most of loading the search index).
    """

    _grams_pending = 0  # words added since the bigram tables were last filled (none when loaded)

    def __init__(self) -> None:
        self._words: list[str] | None = []
        self._ids: dict[str, int] | None = {}
        # Loaded and not made yet (``_words`` None): per word id, its place in ``_sorted``.
        self._rank: array[int] | None = None
        # Loaded and not made yet: the id of each word of ``_reversed`` (in its order).
        self._reversed_ids: array[int] | None = None
        # Loaded: the reversed words as they are sorted, in one string, split on first use.
        self._reversed_text: str | None = None
        # Per word length, per bigram: the ids of the words of that length holding it, packed
        # as ``I`` items in bytearrays (which, unlike arrays, the garbage collector ignores).
        self._grams: defaultdict[int, defaultdict[int, bytearray]] = defaultdict(
            partial(defaultdict, bytearray)
        )
        self._by_length: defaultdict[int, bytearray] = defaultdict(bytearray)
        self._sorted: list[str] = []
        self._sorted_ids: list[int] | array[int] = []  # the id of each word of ``_sorted``
        self._reversed: list[str] = []
        self._unsorted: list[str] = []  # added since the sorted arrays were last made

    @property
    def words(self) -> list[str]:
        """Every word, by id (made from the sorted words the first time, when loaded)."""
        # Read once into locals: safe even if another thread makes the tables meanwhile
        # (:meth:`_in_full` sets ``_words`` before it drops ``_rank``).
        words, rank = self._words, self._rank
        if words is None:
            if rank is None:  # made meanwhile
                return cast("list[str]", self._words)
            words = self._words = list(map(self._sorted.__getitem__, rank))
        return words

    @property
    def ids(self) -> dict[str, int]:
        """Word -> id, for every word (made the first time, when loaded: single lookups are
        cheaper with :meth:`id_of`)."""
        if self._ids is None:
            self._ids = dict(zip(self._sorted, self._sorted_ids, strict=True))
        return self._ids

    def id_of(self, word: str) -> int | None:
        """The id of ``word``, None when it is not in the vocabulary."""
        ids = self._ids
        if ids is not None:
            return ids.get(word)
        # Loaded and unchanged since: every word is in ``_sorted`` (see add()).
        ordered = self._sorted
        at = bisect_left(ordered, word)
        if at < len(ordered) and ordered[at] == word:
            return self._sorted_ids[at]
        return None

    def words_of(self, word_ids: Iterable[int]) -> list[str]:
        """The word of each of ``word_ids`` (without making ``words`` when loaded)."""
        rank = self._rank  # loaded: found through their places in the sorted words
        if rank is None:
            return list(map(self.words.__getitem__, word_ids))
        return list(map(self._sorted.__getitem__, map(rank.__getitem__, word_ids)))

    def _in_full(self) -> None:
        """Make the by-id tables of a loaded vocabulary, before it changes."""
        self._reversed_words()
        self.words  # noqa: B018 - made now, from the ranks dropped below
        self.ids  # noqa: B018
        self._rank = self._reversed_ids = None

    def _reversed_words(self) -> list[str]:
        text = self._reversed_text  # once: another thread may unpack it meanwhile
        if text is not None:
            self._reversed = _unpacked(text, len(self._sorted))
            self._reversed_text = None
        return self._reversed

    def __getstate__(self) -> dict[str, object]:
        """The words and their bigram and length tables, and the sorted orders when they are
        up to date: a warm start then searches at once instead of sorting every word again
        (about two seconds at 100k articles). Sorted, the words are saved in that order as
        one string (when no word holds a line break) with an array of their ids and one of
        their places (by id), and the reversed words as one string too: a few big objects,
        which load in a fraction of the time of 300k strings, and from which the tables by id
        are made only when needed (see the class docstring)."""
        self._index_grams()
        state: dict[str, object] = {"grams": self._grams, "by_length": self._by_length}
        if self._unsorted:
            state["words"] = self.words  # sorted when loaded, at the first lookup
            return state
        count = len(self._sorted)
        rank = self._rank
        if rank is None:
            rank = array("I", bytes(4 * count))
            _consume(map(rank.__setitem__, self._sorted_ids, range(count)))
        reversed_text = self._reversed_text
        reversed_ids = self._reversed_ids
        if reversed_ids is None:
            ids = self.ids
            reversed_ids = array("I", map(ids.__getitem__, map(_REVERSED, self._reversed)))
        state["sorted"] = (
            _packed(self._sorted),
            array("I", self._sorted_ids),
            rank,
            _packed(self._reversed) if reversed_text is None else reversed_text,
            reversed_ids,
        )
        return state

    def __setstate__(self, state: dict[str, object]) -> None:
        self._grams = state["grams"]  # type: ignore[assignment]
        self._by_length = state["by_length"]  # type: ignore[assignment]
        self._rank = self._reversed_ids = None
        self._reversed_text = None
        self._reversed = []
        if "sorted" in state:
            packed: str | list[str]
            sorted_ids: array[int]
            rank: array[int]
            reversed_packed: str | list[str]
            reversed_ids: array[int]
            packed, sorted_ids, rank, reversed_packed, reversed_ids = state["sorted"]  # type: ignore[misc]
            self._sorted = _unpacked(packed, len(rank))
            self._sorted_ids = sorted_ids
            self._rank = rank
            self._reversed_ids = reversed_ids
            self._words = self._ids = None
            if isinstance(reversed_packed, str):
                self._reversed_text = reversed_packed
            else:
                self._reversed = reversed_packed
            self._unsorted = []
        else:
            words: list[str] = state["words"]  # type: ignore[assignment]
            self._words = words
            self._ids = dict(zip(words, range(len(words)), strict=True))
            self._sorted, self._sorted_ids, self._reversed = [], [], []
            self._unsorted = list(words)  # sorted at the first lookup, or by prepare()

    def __len__(self) -> int:
        return len(self._sorted) + len(self._unsorted)

    def add(self, word: str) -> int:
        """The id of ``word``, adding it if new."""
        if self._rank is not None:
            self._in_full()  # the ranks are about to be out of date
        ids = self.ids
        found = ids.get(word)
        if found is not None:
            return found
        words = self.words
        word_id = len(words)
        words.append(word)
        ids[word] = word_id
        self._unsorted.append(word)
        self._grams_pending += 1
        if self._grams_pending >= _GRAMS_BATCH:
            self._index_grams()
        return word_id

    def _index_grams(self) -> None:
        """Put the words added since the last call into the length and bigram tables.

        Done in bulk (every :data:`_GRAMS_BATCH` new words, and by :meth:`fuzzy`,
        :meth:`prepare` or a pickling) rather than word by word: a build adds hundreds of
        thousands of words, and here they go in through chained C iterators, with no Python
        step and no set per word: per length and bigram, the ids of the words holding it, in
        ascending order. A word holding a bigram twice ("alala") is listed twice under it: it
        then counts as sharing that bigram twice with a query, which can only let more
        candidates through to the exact check, never fewer. Bigrams are ints (see
        :func:`_bigrams`), read for all the words at once."""
        self._grams_pending = 0
        # Every indexed word is in one length table: the first words are, the others not yet.
        start = sum(map(len, self._by_length.values())) // 4
        if start >= len(self):
            return
        words = self.words[start:]
        lengths = list(map(len, words))
        packed = list(map(_PACK_INT, range(start, start + len(words))))
        _consume(map(_EXTEND, map(self._by_length.__getitem__, lengths), packed))
        per_word = list(map(add, lengths, repeat(1)))  # a padded word's bigrams
        tables = chain.from_iterable(map(repeat, map(self._grams.__getitem__, lengths), per_word))
        owners = chain.from_iterable(map(repeat, packed, per_word))
        _consume(map(_EXTEND, map(getitem, tables, _text_bigrams(words, per_word)), owners))

    def fuzzy(self, query: str, max_edits: int) -> list[tuple[int, int]]:
        """``(word id, edits)`` of every word within ``max_edits`` of ``query`` (itself too)."""
        if max_edits <= 0:
            found = self.id_of(query)
            return [] if found is None else [(found, 0)]
        self._index_grams()
        grams = _bigrams(query)
        needed = len(grams) - 3 * max_edits
        counts: Counter[int] = Counter()
        length = len(query)
        sizes = range(max(1, length - max_edits), length + max_edits + 1)
        if needed < 1:
            # So short a word with so many typos may share no bigram with its match: check
            # every word of a near length (only direct callers ask this; queries never do).
            for size in sizes:
                counts.update(_ints(self._by_length.get(size, bytearray())))
            needed = 0
        else:
            tables = [table for size in sizes if (table := self._grams.get(size)) is not None]
            # The most frequent bigrams ("er", "en") cost the most to count and sort out the
            # least: a word sharing ``needed`` bigrams shares ``needed - k`` of the others
            # once ``k`` are dropped, so drop some while two shared ones are still required.
            by_cost = sorted(grams, key=lambda g: sum(len(t.get(g, b"")) for t in tables))
            dropped = max(0, min(_DROP_GRAMS, needed - 2))
            needed -= dropped
            for table in tables:
                for gram in by_cost[: len(by_cost) - dropped]:
                    bucket = table.get(gram)
                    if bucket is not None:
                        counts.update(_ints(bucket))
        candidates = [word_id for word_id, shared in counts.items() if shared >= needed]
        # Checked in one call (rapidfuzz's loop, in C++): a long word with two typos leaves
        # thousands of candidates at 100k articles, too many for a Python call each.
        checked = extract(
            query,
            self.words_of(candidates),
            scorer=OSA.distance,
            score_cutoff=max_edits,
            limit=None,
        )
        return [(candidates[at], int(edits)) for _word, edits, at in checked]

    def starting_with(self, prefix: str) -> list[str]:
        """Every word that starts with ``prefix`` (itself included), in sorted order."""
        self._sort()
        return _range(self._sorted, prefix)

    def ids_starting_with(self, prefix: str) -> list[int]:
        """The ids of :meth:`starting_with`, in the same order."""
        self._sort()
        start, end = _bounds(self._sorted, prefix)
        found = self._sorted_ids[start:end]
        return found if isinstance(found, list) else found.tolist()

    def ending_with(self, suffix: str) -> list[str]:
        """Every word that ends with ``suffix`` (itself included)."""
        self._sort()
        return [word[::-1] for word in _range(self._reversed_words(), suffix[::-1])]

    def ids_ending_with(self, suffix: str) -> list[int]:
        """The ids of :meth:`ending_with`, in the same order."""
        if self._reversed_ids is not None:  # loaded, unchanged since: a slice of the saved ids
            start, end = _bounds(self._reversed_words(), suffix[::-1])
            return self._reversed_ids[start:end].tolist()
        return list(map(self.ids.__getitem__, self.ending_with(suffix)))

    def prepare(self) -> None:
        """Sort the words added since the last lookup, and put them in the bigram tables, now
        rather than at the next lookup."""
        self._sort()
        self._index_grams()

    def _sort(self) -> None:
        new = self._unsorted
        if not new:
            return
        if len(new) > _RESORT_AFTER or not self._sorted:
            self._sorted = sorted(self.words)
            self._sorted_ids = list(map(self.ids.__getitem__, self._sorted))
            self._reversed = sorted(map(_REVERSED, self.words))
            self._reversed_text = None
        else:
            ids = self.ids
            reversed_words = self._reversed_words()
            for word in new:
                at = bisect_left(self._sorted, word)
                self._sorted.insert(at, word)
                self._sorted_ids.insert(at, ids[word])
                insort(reversed_words, word[::-1])
        self._unsorted = []


def _text_bigrams(words: list[str], per_word: list[int]) -> Iterator[int]:
    """The :func:`_bigrams` of each of ``words`` (``per_word``: how many each has, its length
    plus one), in order, a bigram repeated as often as the word holds it.

    The padded words are written end to end in UTF-32, 4 bytes a character: read as 8-byte
    integers from byte 0 and from byte 4, that text gives every pair of neighbouring
    characters as ``first | second << 32``; interleaved, they are all its bigrams in order,
    where the pairs straddling two words are left out."""
    text = "\x02" + "\x03\x02".join(words) + "\x03"
    encoded = text.encode("utf-32-le", "surrogatepass")
    pairs = len(text) - 1
    even, odd = array("Q"), array("Q")
    even.frombytes(encoded[: len(encoded) // 8 * 8])
    odd.frombytes(encoded[4 : 4 + (len(encoded) - 4) // 8 * 8])
    every = array("Q", bytes(8 * pairs))
    every[0::2] = even[: (pairs + 1) // 2]
    every[1::2] = odd[: pairs // 2]
    if sys.byteorder == "big":  # the integers were read from little-endian bytes
        every.byteswap()
    return compress(every, b"\x00".join(map(b"\x01".__mul__, per_word)))


def _packed(words: list[str]) -> str | list[str]:
    """``words`` as one string, one a line (as they are when one holds a line break)."""
    joined = "\n".join(words)
    return joined if not words or joined.count("\n") == len(words) - 1 else words


def _unpacked(packed: str | list[str], count: int) -> list[str]:
    """The ``count`` words :func:`_packed` gave (split in C)."""
    if isinstance(packed, list):
        return packed
    return packed.split("\n") if count else []


def _bounds(ordered: list[str], prefix: str) -> tuple[int, int]:
    start = bisect_left(ordered, prefix)
    # Every word starting with the prefix sorts before prefix + the highest code point.
    return start, bisect_left(ordered, prefix + "\U0010ffff", start)


def _range(ordered: list[str], prefix: str) -> list[str]:
    start, end = _bounds(ordered, prefix)
    return ordered[start:end]
