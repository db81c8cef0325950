"""The most frequent words of every short prefix, chosen once when the index is prepared.

While a word is typed it stands for the words it begins, and only the most frequent of them
are searched (see ``SearchIndex._expansions``). Choosing them means ranking every word of the
prefix by document frequency: for "c" or "pre" at 100k articles, tens of thousands of words,
some 10-30 ms per keystroke. The choice depends only on the vocabulary and the frequencies,
so for prefixes of up to :data:`LONGEST` letters it is made once, in one pass over the sorted
vocabulary per prefix length, and a keystroke reads it back.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, repeat
from operator import itemgetter, le

LONGEST = 3
"""Prefixes of up to this many letters get a precomputed choice."""

_SECOND = itemgetter(1)


def top_ids(word_ids: Sequence[int], n: int, keys: Sequence[int]) -> list[int]:
    """The ``n`` of ``word_ids`` with the largest ``keys`` (one key per id), largest first,
    ties in their original order: ``heapq.nlargest`` without a Python call per item."""
    if n <= 0:
        return []
    pairs = list(zip(word_ids, keys, strict=True))
    if len(pairs) > n:
        threshold = sorted(keys, reverse=True)[n - 1]
        pairs = list(compress(pairs, map(le, repeat(threshold), keys)))  # key >= threshold
    pairs.sort(key=_SECOND, reverse=True)
    return [word_id for word_id, _key in pairs[:n]]


class PrefixTops:
    """Per prefix of 1 to :data:`LONGEST` letters, the ids of its ``keep(prefix)`` most
    frequent words, most frequent first (ties in alphabetical order)."""

    __slots__ = ("_tops",)

    def __init__(
        self,
        ordered: Sequence[str],
        ordered_ids: Sequence[int],
        frequencies: Sequence[int],
        keep: dict[int, int],
    ) -> None:
        """``ordered``: the vocabulary sorted, ``ordered_ids`` their ids, ``frequencies``
        the document frequency of each id (indexed by id); ``keep``: per prefix length, how
        many words to keep."""
        by_position = list(map(frequencies.__getitem__, ordered_ids))
        self._tops: dict[str, array[int]] = {}
        for length in range(1, LONGEST + 1):
            n = keep[length]
            # From one prefix's words to the next by bisection: a step per prefix, not per word.
            start = 0
            while start < len(ordered):
                prefix = ordered[start][:length]
                if len(prefix) < length:  # a shorter word: its own prefix is done
                    start += 1
                    continue
                end = bisect_left(ordered, prefix + "\U0010ffff", start)
                ids = ordered_ids[start:end]
                keys = by_position[start:end]
                self._tops[prefix] = array("I", top_ids(ids, n, keys))
                start = end

    def get(self, prefix: str) -> array[int] | None:
        """The chosen ids of ``prefix``, or None when it has none (too long, or no word)."""
        return self._tops.get(prefix)
