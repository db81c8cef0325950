"""Sets of matching documents with their scores, and how a query combines them.

A :class:`Scored` is the documents matching a term (``members``) with a score for each. For
most terms every member has its own score (``scores`` holds them all). A very common word (in
most of a large corpus) is cheaper and barely less useful scored coarsely: its members are
exact, every one scores ``floor``, and only the documents in ``scores`` (say, those with the
word in their title) add a bonus of their own. Reading a word's postings into a set costs a
fraction of building a score per document, and a word in 70% of the articles says little
about which of them is meant: the rarer words of the query decide.

The members of a very common word are a :class:`Bitmap` when the index has prepared one for
each of its words (see ``SearchIndex.prepare``): one byte per document held in an ``int``, so
that the intersection or the union of two sets of most of a 100k corpus is one C operation on
100 kB, not a walk over 100k set entries.

``partial`` marks members known to be incomplete (a phrase over very common words is checked
in a bounded number of documents): the total then counts only the matches verified.
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Callable, Collection, Iterable, Iterator
from itertools import compress, filterfalse, islice, repeat
from operator import add, eq, itemgetter, le, lt, setitem

_SECOND = itemgetter(1)
# top_scores: from _SAMPLE_FROM * n scores on, a sample of _SAMPLE_SIZE * n of them is sorted.
_SAMPLE_FROM = 64
_SAMPLE_SIZE = 16
# Runs an iterator to its end, in C.
_consume: Callable[[Iterable[object]], None] = deque[object](maxlen=0).extend


class Bitmap(Collection[int]):
    """Documents ``0 .. size - 1`` as a bitmap: document ``d`` is a member when byte ``d`` of
    ``bits`` (little-endian) is 1, every other byte being 0. A byte rather than a bit per
    document because a byte string of the same layout answers "is ``d`` a member" for many
    documents in C (``map(table.__getitem__, docs)``), while ``&``, ``|`` and the count of
    members (``int.bit_count``) run on the ``int`` at memory speed."""

    __slots__ = ("_count", "_table", "bits", "size")

    def __init__(self, bits: int, size: int) -> None:
        self.bits = bits
        self.size = size
        self._table: bytes | None = None
        self._count = -1

    @classmethod
    def of(cls, docs: Iterable[int], size: int) -> Bitmap:
        """The bitmap of ``docs`` (each below ``size``)."""
        return cls(int.from_bytes(scattered(docs, size), "little"), size)

    @property
    def table(self) -> bytes:
        """One byte per document, 1 for a member."""
        if self._table is None:
            self._table = self.bits.to_bytes(self.size, "little")
        return self._table

    def __len__(self) -> int:
        if self._count < 0:
            self._count = self.bits.bit_count()
        return self._count

    def __contains__(self, doc: object) -> bool:
        return isinstance(doc, int) and 0 <= doc < self.size and self.table[doc] == 1

    def __iter__(self) -> Iterator[int]:
        """The members, in increasing order."""
        return compress(range(self.size), self.table)

    def keep(self, docs: Iterable[int]) -> list[int]:
        """Those of ``docs`` (each below :attr:`size`) that are members, in their order."""
        docs = docs if isinstance(docs, list) else list(docs)
        return list(compress(docs, map(self.table.__getitem__, docs)))


def scattered(docs: Iterable[int], size: int, table: bytearray | None = None) -> bytearray:
    """``table`` (or a new one of ``size`` zero bytes) with byte ``d`` set to 1 for each of
    ``docs``, in C."""
    if table is None:
        table = bytearray(size)
    _consume(map(setitem, repeat(table), docs, repeat(1)))  # faster than a bound method
    return table


class Scored:
    """Matching documents (``members``) and their scores: ``scores[doc]`` when exact, else
    ``floor + scores.get(doc, 0.0)``."""

    __slots__ = ("floor", "members", "partial", "scores")

    def __init__(
        self,
        scores: dict[int, float],
        members: Collection[int] | None = None,
        floor: float = 0.0,
        partial: bool = False,
    ) -> None:
        self.scores = scores
        self.members: Collection[int] = scores if members is None else members
        self.floor = floor
        self.partial = partial

    @property
    def exact(self) -> bool:
        """True when every member has its own score."""
        return self.members is self.scores

    def __len__(self) -> int:
        return len(self.members)

    def score_of(self, doc: int) -> float:
        """The score of ``doc``, a member."""
        if self.exact:
            return self.scores[doc]
        return self.floor + self.scores.get(doc, 0.0)

    def absolute(self) -> dict[int, float]:
        """``{doc: score}`` of the documents with a score of their own."""
        if self.exact:
            return self.scores
        scores = self.scores
        return dict(zip(scores, map(self.floor.__add__, scores.values()), strict=True))


EMPTY = Scored({})


def _as_set(members: Collection[int]) -> set[int]:
    return members if isinstance(members, set) else set(members)


def intersect(found: set[int], members: Collection[int]) -> set[int]:
    """``found`` (owned) narrowed to ``members``, reading the smaller side."""
    if isinstance(members, Bitmap):
        return set(members.keep(list(found)))
    if isinstance(members, set):
        found &= members
        return found
    return set(filter(members.__contains__, found))


def both(parts: list[Scored]) -> Scored:
    """The documents in every one of ``parts``, their scores added."""
    if not parts:
        return EMPTY
    if len(parts) == 1:
        return parts[0]
    parts = sorted(parts, key=len)
    partial = any(part.partial for part in parts)
    if all(part.exact for part in parts):
        merged = parts[0].scores
        for other in parts[1:]:
            merged = added(merged, other.scores)
        return Scored(merged, partial=partial)
    found = common_members(parts)
    coarse = [part for part in parts if not part.exact]
    base: float = sum(part.floor for part in coarse)
    exact = [part.scores for part in parts if part.exact]
    # Every step below runs in C: these sets can hold most of a 100k corpus.
    result: dict[int, float]
    if exact:
        docs = list(found)
        result = dict(zip(docs, map(base.__radd__, map(exact[0].__getitem__, docs)), strict=True))
        for scores in exact[1:]:
            result = added(result, scores)
    else:
        result = {}
    # A coarse part adds a bonus only to its own scored documents (its title matches).
    for part in coarse:
        bonus = part.scores
        if isinstance(found, Bitmap):
            common = found.keep(bonus)
        else:
            common = list(filter((result if exact else found).__contains__, bonus))
        if not result:  # the first bonus: nothing to add it to
            result = dict(zip(common, map(bonus.__getitem__, common), strict=True))
            continue
        before = map(result.get, common, repeat(0.0))
        result.update(
            zip(common, list(map(add, before, map(bonus.__getitem__, common))), strict=True)
        )
    if exact:
        return Scored(result, partial=partial)
    return Scored(result, found, base, partial)


def common_members(parts: list[Scored]) -> set[int] | Bitmap:
    """The documents in every one of ``parts`` (sorted by size): the bitmaps are intersected
    as such, a bitmap when every part has one."""
    bitmaps = [part.members for part in parts if isinstance(part.members, Bitmap)]
    others = [part.members for part in parts if not isinstance(part.members, Bitmap)]
    mask: Bitmap | None = None
    if bitmaps:
        bits = bitmaps[0].bits
        for bitmap in bitmaps[1:]:
            bits &= bitmap.bits
        mask = Bitmap(bits, bitmaps[0].size) if len(bitmaps) > 1 else bitmaps[0]
    if not others:
        assert mask is not None
        return mask
    found = set(others[0])
    for members in others[1:]:
        found = intersect(found, members)
    return found if mask is None else intersect(found, mask)


def added(first: dict[int, float], second: dict[int, float]) -> dict[int, float]:
    """The documents in both, their scores added, in ``first``'s order; with C iterators only
    (a comprehension costs a Python step per document, and these can be 100k)."""
    common = [doc for doc in first if doc in second] if len(first) < 64 else None
    if common is None:
        common = list(filter(second.__contains__, first))
    scores = map(add, map(first.__getitem__, common), map(second.__getitem__, common))
    return dict(zip(common, scores, strict=True))


def summed(first: dict[int, float], second: dict[int, float]) -> dict[int, float]:
    """Every document of either (``first`` updated in place), the scores of those in both
    added, with C iterators only."""
    common = list(filter(first.__contains__, second))
    both_scores = list(map(add, map(first.__getitem__, common), map(second.__getitem__, common)))
    first.update(second)
    first.update(zip(common, both_scores, strict=True))
    return first


def either(parts: list[Scored]) -> Scored:
    """The documents in any of ``parts``, each with its best score."""
    if len(parts) == 1:
        return parts[0]
    partial = any(part.partial for part in parts)
    exact = all(part.exact for part in parts)
    # Coarse parts: scores relative to the highest floor, made in one pass per part.
    floor: float = 0.0 if exact else max(part.floor for part in parts)
    merged: dict[int, float] = {}
    for part in parts:  # in C: a part can hold most of a 100k corpus
        scores = part.scores
        if not exact:
            absolute = scores.values() if part.exact else map(part.floor.__add__, scores.values())
            scores = dict(zip(scores, map(floor.__rsub__, absolute), strict=True))
        if not merged:
            merged = scores if not exact else dict(scores)
            continue
        seen = list(filter(merged.__contains__, scores))
        best_seen = list(map(max, map(merged.__getitem__, seen), map(scores.__getitem__, seen)))
        merged.update(scores)
        merged.update(zip(seen, best_seen, strict=True))
    if exact:
        return Scored(merged, partial=partial)
    return Scored(merged, _union([part.members for part in parts]), floor, partial)


def _union(collections: list[Collection[int]]) -> set[int] | Bitmap:
    """The documents in any of ``collections``: a bitmap when one of them is."""
    bitmaps = [members for members in collections if isinstance(members, Bitmap)]
    if not bitmaps:
        union: set[int] = set()
        for members in collections:
            union.update(members)
        return union
    size = bitmaps[0].size
    bits = 0
    for bitmap in bitmaps:
        bits |= bitmap.bits
    table: bytearray | None = None
    for members in collections:
        if not isinstance(members, Bitmap):
            table = scattered(members, size, table)
    if table is not None:
        bits |= int.from_bytes(table, "little")
    return Bitmap(bits, size)


def unless(result: Scored, merged: Scored, excluded: list[Scored]) -> Scored:
    """``result`` narrowed by a clause with negations: a document stays when it matches one
    of the clause's positive terms (``merged``, whose score it gains) or lacks one of the
    ``excluded`` ones."""
    partial = result.partial or merged.partial
    members: Collection[int]
    if not merged.members and len(excluded) == 1:
        members = _difference(result.members, excluded[0].members)
    else:
        members = {
            doc
            for doc in result.members
            if doc in merged.members or any(doc not in e.members for e in excluded)
        }
    extra = merged.score_of
    inside = merged.members.__contains__
    kept = {
        doc: s + (extra(doc) if inside(doc) else 0.0)
        for doc, s in result.scores.items()
        if doc in members
    }
    if result.exact:
        return Scored(kept, partial=partial)
    return Scored(kept, members, result.floor, partial)


def _difference(first: Collection[int], second: Collection[int]) -> Collection[int]:
    """The documents of ``first`` not in ``second``."""
    if isinstance(first, Bitmap):
        if not isinstance(second, Bitmap):
            second = Bitmap.of(second, first.size)
        return Bitmap(first.bits & ~second.bits, first.size)
    if isinstance(second, Bitmap):
        docs = list(first)
        return set(compress(docs, map((1).__xor__, map(second.table.__getitem__, docs))))
    return _as_set(first) - _as_set(second)


def best(found: Scored, n: int) -> list[tuple[int, float]]:
    """The ``n`` best ``(doc, score)`` of ``found``, best first, ties by the lowest document
    number (corpus order); members without a score of their own come after those with one,
    lowest first too."""
    ranked = top_scores(found.scores, n)
    if found.exact:
        return ranked
    floor = found.floor
    ranked = [(doc, floor + bonus) for doc, bonus in ranked]
    if len(ranked) >= n:
        return ranked
    rest = filterfalse(found.scores.__contains__, found.members)
    wanted = n - len(ranked)
    # A bitmap gives its members in increasing order; a set's order is its table's.
    lowest = islice(rest, wanted) if isinstance(found.members, Bitmap) else sorted(rest)[:wanted]
    return ranked + [(doc, floor) for doc in lowest]


def top_scores(scores: dict[int, float], n: int) -> list[tuple[int, float]]:
    """The ``n`` best ``(doc, score)`` of ``scores``, best first, ties by the lowest document
    number: what the user sees must not hang on the order the scores were found in (a set's
    layout, which differs between an index built and one loaded). With no Python call per
    item: a score known to be at most the n-th best comes first (:func:`_below_nth`), then
    only the items at or above it are sorted and the first ``n`` kept."""
    if n <= 0:
        return []
    if len(scores) > n:
        values = scores.values()
        threshold = _below_nth(values, n)
        docs = list(compress(scores, map(le, repeat(threshold), values)))
        if len(docs) < n:  # a sample that missed (see _below_nth): the exact threshold
            threshold = heapq.nlargest(n, values)[-1]
            docs = list(compress(scores, map(le, repeat(threshold), values)))
        if len(docs) > 2 * n:
            return _top_with_ties(scores, n, threshold)
        items = list(zip(docs, map(scores.__getitem__, docs), strict=True))
    else:
        items = list(scores.items())
    return _by_score_then_doc(items)[:n]


def _by_score_then_doc(items: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """``items`` sorted best score first, ties by the lowest document, in place: by document,
    then stably by score (two sorts in C, no key tuple built per item)."""
    items.sort()  # documents are distinct: compared alone
    items.sort(key=_SECOND, reverse=True)  # stable, even reversed: ties keep the first order
    return items


def _top_with_ties(scores: dict[int, float], n: int, threshold: float) -> list[tuple[int, float]]:
    """:func:`top_scores` when many scores equal ``threshold`` (at most the ``n``-th best):
    those above it sorted, then as many of the ties as are missing, the lowest documents (what
    sorting them all would give) picked by a heap rather than by sorting thousands of equal
    scores (an ``@name`` term scores every article that only mentions the name alike)."""
    values = scores.values()
    above = list(compress(scores, map(lt, repeat(threshold), values)))
    items = _by_score_then_doc(list(zip(above, map(scores.__getitem__, above), strict=True)))
    if len(items) >= n:
        return items[:n]
    tied = compress(scores, map(eq, repeat(threshold), values))
    ties = heapq.nsmallest(n - len(items), tied)
    items.extend(zip(ties, map(scores.__getitem__, ties), strict=True))
    return items


def _below_nth(values: Collection[float], n: int) -> float:
    """A score that is, very likely, at most the ``n``-th largest of ``values`` and close to it.

    From a regular sample of the scores (a slice, in C), not a heap fed one score at a time in
    Python: in a sample of one score in ``step``, the ``k``-th largest has about ``k * step``
    scores above it, so taking ``k`` for twice ``n`` leaves a wide margin. When the sample is
    unlucky, :func:`top_scores` finds fewer than ``n`` scores above it and asks the heap."""
    if len(values) < _SAMPLE_FROM * n:
        return heapq.nlargest(n, values)[-1]
    every = list(values)
    step = len(every) // (_SAMPLE_SIZE * n)
    sample = sorted(every[::step], reverse=True)
    return sample[min(len(sample) - 1, 2 * n // step + 2)]
