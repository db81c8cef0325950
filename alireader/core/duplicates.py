"""Near-duplicate articles: the same story republished, truncated, reflowed or wrapped in another
site's boilerplate.

How it works, in four steps:

1. **Normalise** (:func:`normalise`): case, accents, quotes, apostrophes, dashes, thousands
   separators (``2.000``, ``2 000``, ``2000``) and whitespace are folded away, so two copies that
   differ only in typography have the same words.
2. **Shingle** (:func:`sketch`): the text becomes the set of its overlapping runs of
   :data:`SHINGLE_WORDS` words, each hashed to 64 bits (the same in every process). Paragraph
   breaks do not matter: the words run across them.
3. **Candidates** (:class:`DuplicateIndex`): one shingle in :data:`SAMPLE_RATE`, chosen by its
   hash, is a *fingerprint* (Broder's mod-m sampling). Because every article samples by the same
   rule, the fingerprints two articles share are exactly the sample of the text they share, so
   the share of an article's fingerprints found in another estimates its *containment* there,
   whatever their lengths. An inverted index from fingerprints to articles proposes, for each
   new article, the earlier ones that share at least half the fingerprints of whichever of the
   two has fewer: the cost grows with the corpus times the few articles each fingerprint occurs
   in, not with the number of pairs. Fingerprints found in more than
   :data:`COMMON_FINGERPRINT` articles (boilerplate, set phrases) stop counting, for everyone.
   This replaces MinHash + LSH, which estimates Jaccard similarity: a copy truncated to half the
   story has a Jaccard similarity near 0.5 and LSH bands tuned to catch it would flood the
   verifier with unrelated pairs, while its containment is near 1.
4. **Verify and cluster**: each candidate pair is scored exactly on the full shingle sets
   (:func:`pair_metrics`). Its *similarity* is the share of the shorter article's text found in
   the longer (the overlap coefficient) when the shorter has at least :data:`MIN_LENGTH_RATIO`
   of the longer's shingles, else the Jaccard similarity: a truncated copy or one with
   paragraphs dropped scores high; an article that quotes a few paragraphs of another, or shares
   only its lead, does not; and a brief is not a copy of every article ten times its length
   that quotes it. Pairs at or above the threshold are joined into clusters, best pairs first,
   and two groups merge only if *every* two articles across them are at least half the
   threshold similar, so a round-up that contains two unrelated stories does not chain them.

Pure Python and no dependency; ``python -m benchmarks.duplicates`` measures time, memory,
recall and precision on generated corpora of 10k and 100k articles.
"""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import chain, compress
from operator import not_

from alireader.core.text import fold

SHINGLE_WORDS = 3
"""Words per shingle: three keeps a light edit from hiding a sentence, yet makes chance matches
between unrelated articles rare."""
SAMPLE_RATE = 4
"""One shingle in this many (by hash) is a fingerprint that proposes candidates (a power of
two)."""
COMMON_FINGERPRINT = 64
"""A fingerprint seen in more articles than this is boilerplate or a set phrase: it stops
proposing candidates (the pairs it already proposed stay)."""
CANDIDATE_SHARE = 0.5
"""A pair is verified when it shares at least this share of the shorter one's fingerprints: well
below any useful threshold, so sampling noise does not lose true copies."""
MIN_LENGTH_RATIO = 0.1
"""Containment counts only when the shorter article has at least this share of the longer's
shingles; below it, only the Jaccard similarity does."""
GUARD_SHARE = 0.5
"""Any two articles of a cluster are at least this share of the threshold similar."""
_FEW = 2  # fingerprints: an article with no more than this is found through any one of them
_GUARD_SAMPLE = 24  # members per side checked when two large groups would merge

# A separator between a digit and a group of three: "2.000", "2 000", "1,234,567", "10 000".
_THOUSANDS = re.compile(r"(\d)[.,'’\u00a0\u202f\u2009 ](?=\d{3}(?!\d))")
_WORDS = re.compile(r"\w+")
_SAMPLE_MASK = SAMPLE_RATE - 1  # a hash is sampled when its low bits are zero
_CACHE_LIMIT = 1_000_000  # distinct raw tokens remembered per process (~150 MB at most)


def _compose(text: str) -> str:
    # Decomposed accents ("e" + U+0301, as macOS writes them) would split words in two.
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


def normalise(text: str) -> str:
    """``text`` folded for comparison: casefolded, without accents, plain quotes and dashes,
    thousands separators removed, single spaces (``"Les « États » : 2 000 €"`` becomes
    ``'les " etats " : 2000 €'``)."""
    return fold(_THOUSANDS.sub(r"\1", _compose(text)))


def words(text: str) -> list[str]:
    """The normalised words of ``text``: punctuation, quotes and apostrophes are separators."""
    return _WORDS.findall(normalise(text))


class _TokenHashes(dict[str, tuple[int, ...]]):
    """A whitespace-separated token (``"«l’État»,"``) -> the CRC-32s of its normalised words
    (``"l"``, ``"etat"``), computed once per distinct token. CRC-32 rather than ``hash``:
    Python's string hashes change from one process to the next, and sketches must not."""

    def __missing__(self, token: str) -> tuple[int, ...]:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        value = tuple(zlib.crc32(word.encode("utf-8", "surrogatepass")) for word in words(token))
        self[token] = value
        return value


_TOKENS = _TokenHashes()


def _word_ids(text: str) -> list[int]:
    # Splitting on whitespace and normalising each distinct token once is several times faster
    # than folding and running a regex over every article, and gives the same words.
    tokens = _THOUSANDS.sub(r"\1", _compose(text)).split()
    return list(chain.from_iterable(map(_TOKENS.__getitem__, tokens)))


@dataclass(frozen=True, slots=True)
class Sketch:
    """What detection keeps of an article's text: the distinct 64-bit hashes of its word
    shingles, packed (about 8 bytes a word), and its word count. Picklable, so worker
    processes can make sketches and send back only these. The same text gives the same
    sketch in every process of a Python build (no string hashing is involved)."""

    shingles: bytes
    fingerprints: bytes
    """The shingles that are sampled for candidates (one in :data:`SAMPLE_RATE`), packed."""
    words: int

    def hashes(self) -> memoryview:
        """The shingle hashes as signed 64-bit integers."""
        return memoryview(self.shingles).cast("q")

    @property
    def size(self) -> int:
        """How many distinct shingles."""
        return len(self.shingles) // 8


def sketch(text: str) -> Sketch:
    """The :class:`Sketch` of an article body (or any text). Bodies only, not titles: a copy's
    title often carries its site's name, which on a short copy would weigh like a paragraph."""
    ids = _word_ids(text)
    if len(ids) < SHINGLE_WORDS:
        hashes = {hash(tuple(ids))} if ids else set()
    else:
        # Tuples of ints hash deterministically (unlike strings), and all of this runs in C:
        # it is most of the cost of detection.
        runs = zip(*(ids[offset:] for offset in range(SHINGLE_WORDS)), strict=False)
        hashes = set(map(hash, runs))
    sampled = compress(hashes, map(not_, map(_SAMPLE_MASK.__and__, hashes)))
    return Sketch(array("q", hashes).tobytes(), array("q", sampled).tobytes(), len(ids))


@dataclass(frozen=True, slots=True)
class PairMetrics:
    """How much two articles, A and B, have in common, measured on their word shingles."""

    similarity: float
    """The score compared with the threshold: the overlap coefficient (the share of the shorter
    one found in the longer) if the shorter is at least :data:`MIN_LENGTH_RATIO` of the
    longer, else the Jaccard similarity."""
    jaccard: float
    """Shared shingles over all the distinct shingles of both."""
    containment_a: float
    """The share of A's shingles found in B (1.0: all of A is in B)."""
    containment_b: float
    """The share of B's shingles found in A."""
    shared: int
    """How many distinct shingles they share."""


def metrics_from_counts(size_a: int, size_b: int, shared: int) -> PairMetrics:
    """The :class:`PairMetrics` of two shingle sets of sizes ``size_a`` and ``size_b`` that share
    ``shared`` shingles."""
    if size_a == 0 or size_b == 0:
        return PairMetrics(0.0, 0.0, 0.0, 0.0, 0)
    union = size_a + size_b - shared
    jaccard = shared / union
    small, large = min(size_a, size_b), max(size_a, size_b)
    similarity = shared / small if small >= MIN_LENGTH_RATIO * large else jaccard
    return PairMetrics(similarity, jaccard, shared / size_a, shared / size_b, shared)


def sketch_metrics(a: Sketch, b: Sketch) -> PairMetrics:
    """The exact :class:`PairMetrics` of two sketches."""
    small, large = (a, b) if a.size <= b.size else (b, a)
    shared = len(set(small.hashes()).intersection(large.hashes()))
    return metrics_from_counts(a.size, b.size, shared)


def pair_metrics(text_a: str, text_b: str) -> PairMetrics:
    """Similarity, Jaccard and containment both ways of two article bodies."""
    return sketch_metrics(sketch(text_a), sketch(text_b))


@dataclass(frozen=True, slots=True)
class Cluster:
    """Articles that are copies of one story.

    ``articles`` are in the order they were added (corpus order); ``representative`` is one of
    them, the longest copy (the most distinct text; the first added on a tie), the one to show
    when a cluster is collapsed. ``similarity`` is the lowest similarity of another member to
    the representative (0..1).
    """

    articles: tuple[str, ...]
    similarity: float
    representative: str

    def others(self, article_id: str) -> tuple[str, ...]:
        """The members other than ``article_id``."""
        return tuple(member for member in self.articles if member != article_id)


class DuplicateIndex:
    """Finds near-duplicates among articles added one at a time.

    ``add`` (or ``add_sketch``, for sketches made in worker processes) finds and verifies the
    candidates of each new article at once, so the cost is spread over the load;
    :meth:`clusters` then groups the pairs and can be called again after more articles arrive.
    ``threshold`` is the similarity (0..1, see :class:`PairMetrics`) from which two articles
    count as copies (``duplicates.threshold`` in the config).
    """

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold = threshold
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self._sketches: list[Sketch] = []
        self._usable: list[int] = []
        self._postings: dict[int, list[int]] = {}
        self._common: set[int] = set()
        self._few: set[int] = set()  # articles with at most _FEW usable fingerprints
        self._pairs: dict[tuple[int, int], float] = {}
        self._clusters: list[Cluster] | None = None

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._positions

    def add(self, article_id: str, body: str) -> None:
        """Add an article by its ID and body. IDs must be unique (ValueError otherwise)."""
        self.add_sketch(article_id, sketch(body))

    def add_sketch(self, article_id: str, article_sketch: Sketch) -> None:
        """Add an article by its ID and its :func:`sketch`."""
        if article_id in self._positions:
            raise ValueError(f"article {article_id!r} is already in the index")
        position = len(self._ids)
        self._ids.append(article_id)
        self._positions[article_id] = position
        self._sketches.append(article_sketch)
        self._clusters = None
        postings = self._postings
        common = self._common
        # Only the fingerprints that are not (yet) common count, on both sides of a pair.
        fingerprints = memoryview(article_sketch.fingerprints).cast("q")
        usable = [value for value in fingerprints if value not in common]
        self._usable.append(len(usable))
        if len(usable) <= _FEW:
            self._few.add(position)
        found = [postings[value] for value in usable if value in postings]
        if found:
            self._verify(position, Counter(chain.from_iterable(found)), len(usable))
        for value in usable:
            posting = postings.get(value)
            if posting is None:
                postings[value] = [position]
            elif len(posting) < COMMON_FINGERPRINT:
                posting.append(position)
            else:
                # Now common: it no longer counts for the articles that have it either, so
                # their usable counts (the denominators of the candidate test) drop.
                del postings[value]
                common.add(value)
                posting.append(position)
                for holder in posting:
                    self._usable[holder] -= 1
                    if self._usable[holder] <= _FEW:
                        self._few.add(holder)

    def _verify(self, position: int, counts: Counter[int], own: int) -> None:
        if own <= _FEW:
            candidates: Iterable[int] = counts
        else:
            # One shared fingerprint is enough only for an article that has few of them: the
            # many pairs that share one by chance are skipped without a look at each.
            candidates = [other for other, count in counts.items() if count > 1]
            candidates.extend(self._few.intersection(counts.keys()))
        mine = self._sketches[position]
        members: set[int] | None = None
        floor = self.threshold
        usable = self._usable
        for other in dict.fromkeys(candidates):
            count = counts[other]
            if count < max(1, math.ceil(CANDIDATE_SHARE * min(own, usable[other]))):
                continue
            if members is None:
                members = set(mine.hashes())
            theirs = self._sketches[other]
            shared = len(members.intersection(theirs.hashes()))
            score = metrics_from_counts(mine.size, theirs.size, shared).similarity
            if score >= floor:
                self._pairs[(other, position)] = score

    def metrics(self, id_a: str, id_b: str) -> PairMetrics:
        """The exact :class:`PairMetrics` of two added articles (KeyError for an unknown ID)."""
        return sketch_metrics(
            self._sketches[self._positions[id_a]], self._sketches[self._positions[id_b]]
        )

    def pairs(self) -> Iterator[tuple[str, str, float]]:
        """Every pair at or above the threshold, ``(id, id, similarity)``, before clustering."""
        for (a, b), score in sorted(self._pairs.items()):
            yield self._ids[a], self._ids[b], score

    def clusters(self) -> list[Cluster]:
        """The clusters of two or more articles: biggest first, then most similar, then in
        corpus order. Cached until the next article is added."""
        if self._clusters is None:
            self._clusters = self._build_clusters()
        return list(self._clusters)

    def _build_clusters(self) -> list[Cluster]:
        groups = _Groups(self._similarity, self.threshold * GUARD_SHARE)
        for (a, b), _score in sorted(self._pairs.items(), key=lambda item: (-item[1], item[0])):
            groups.join(a, b, self._sizes)
        clusters = []
        for members in groups.groups():
            ordered = sorted(members)
            # The longest copy, the first added on a tie.
            best = min(ordered, key=lambda p: (-self._sketches[p].size, p))
            lowest = min(self._similarity(best, other) for other in ordered if other != best)
            clusters.append(Cluster(tuple(self._ids[p] for p in ordered), lowest, self._ids[best]))
        clusters.sort(
            key=lambda c: (-len(c.articles), -c.similarity, self._positions[c.articles[0]])
        )
        return clusters

    def _sizes(self, position: int) -> int:
        return self._sketches[position].size

    def _similarity(self, a: int, b: int) -> float:
        key = (a, b) if a < b else (b, a)
        known = self._pairs.get(key)
        if known is not None:
            return known
        return sketch_metrics(self._sketches[a], self._sketches[b]).similarity


class _Groups:
    """Union-find over article positions with a complete-linkage guard on every merge."""

    def __init__(self, similarity: Callable[[int, int], float], floor: float) -> None:
        self._similarity = similarity
        self._floor = floor
        self._parent: dict[int, int] = {}
        self._members: dict[int, list[int]] = {}

    def _root(self, item: int) -> int:
        parent = self._parent.setdefault(item, item)
        if parent == item:
            self._members.setdefault(item, [item])
            return item
        root = self._root(parent)
        self._parent[item] = root
        return root

    def join(self, a: int, b: int, size: Callable[[int], int]) -> bool:
        """Merge the groups of ``a`` and ``b`` if every pair across them clears the floor."""
        root_a, root_b = self._root(a), self._root(b)
        if root_a == root_b:
            return True
        left, right = self._members[root_a], self._members[root_b]
        # Large groups: check the longest members of each side (they carry the most text).
        if len(left) > _GUARD_SAMPLE:
            left = sorted(left, key=lambda p: (-size(p), p))[:_GUARD_SAMPLE]
        if len(right) > _GUARD_SAMPLE:
            right = sorted(right, key=lambda p: (-size(p), p))[:_GUARD_SAMPLE]
        for x in left:
            for y in right:
                if self._similarity(x, y) < self._floor:
                    return False
        if len(self._members[root_a]) < len(self._members[root_b]):
            root_a, root_b = root_b, root_a
        self._parent[root_b] = root_a
        self._members[root_a].extend(self._members.pop(root_b))
        return True

    def groups(self) -> Iterator[list[int]]:
        """Every group of two or more."""
        for members in self._members.values():
            if len(members) > 1:
                yield members


def duplicates_of(clusters: Iterable[Cluster]) -> dict[str, tuple[str, ...]]:
    """Article ID -> the IDs of the other members of its cluster (for ``list --json`` and the
    list's badges); articles in no cluster are absent."""
    found: dict[str, tuple[str, ...]] = {}
    for cluster in clusters:
        for member in cluster.articles:
            found[member] = cluster.others(member)
    return found


def find_clusters(
    articles: Iterable[tuple[str, str]] | Mapping[str, str], threshold: float = 0.8
) -> list[Cluster]:
    """The clusters of ``(id, body)`` pairs (or an ID -> body mapping) in one call."""
    index = DuplicateIndex(threshold)
    items = articles.items() if isinstance(articles, Mapping) else articles
    for article_id, body in items:
        index.add(article_id, body)
    return index.clusters()
