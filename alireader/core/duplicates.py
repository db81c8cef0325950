"""Near-duplicate articles: the same story republished, truncated, reflowed or wrapped in another
site's boilerplate.

How it works, in four steps:

1. **Normalise** (:func:`normalise`): case, accents, quotes, apostrophes, dashes, thousands
   separators (``2.000``, ``2 000``, ``2000``) and whitespace are folded away, so two copies that
   differ only in typography have the same words.
2. **Shingle** (:func:`sketch`): the text's words, less the most frequent function words
   (:data:`FUNCTION_WORDS`: "le", "de", "et", "the", ...), become the set of their overlapping
   runs of :data:`SHINGLE_WORDS`, each hashed to 64 bits (the same in every process).
   Paragraph breaks do not matter: the words run across them. Leaving the function words out
   makes four shingles in ten fewer to hash, and the rest tell articles apart better ("de la
   France" is in every other article, "ministre Bercy budget" is not).
3. **Candidates** (:class:`DuplicateIndex`): one shingle in :data:`SAMPLE_RATE`, chosen by its
   hash (those in the lowest part of the hash range), is a *fingerprint*. Because every article
   samples by the same rule, the fingerprints two articles share are exactly the sample of the
   text they share, so the share of an article's fingerprints found in another estimates its
   *containment* there, whatever their lengths. An inverted index from fingerprints to articles
   proposes, for each new article, the earlier ones that share at least half the fingerprints of
   whichever of the two has fewer: the cost grows with the corpus times the few articles each
   fingerprint occurs in, not with the number of pairs. Fingerprints found in more than
   :data:`COMMON_FINGERPRINT` articles (boilerplate, set phrases) stop counting, for everyone; a
   copy of an article already indexed adds only the fingerprints that article lacks, so a story
   republished a hundred times does not turn its own fingerprints common. This replaces MinHash
   + LSH, which estimates Jaccard similarity: a copy truncated to half the story has a Jaccard
   similarity near 0.5 and LSH bands tuned to catch it would flood the verifier with unrelated
   pairs, while its containment is near 1.
4. **Verify and cluster**: each candidate pair whose shared fingerprints (common ones too) do
   not rule it out is scored exactly on the full shingle sets (:func:`pair_metrics`). Its
   *similarity* is the share of the shorter article's text found in the longer (the overlap
   coefficient) when the shorter has at least :data:`MIN_LENGTH_RATIO` of the longer's
   shingles, else the Jaccard similarity: a truncated copy or one with
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
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain, compress, repeat
from operator import is_
from struct import pack as _pack
from typing import cast

from alireader.core.text import fold

SHINGLE_WORDS = 3
"""Words per shingle: three keeps a light edit from hiding a sentence, yet makes chance matches
between unrelated articles rare."""
SAMPLE_RATE = 4
"""One shingle in this many (by hash) is a fingerprint that proposes candidates."""
COMMON_FINGERPRINT = 16
"""A fingerprint seen in more articles than this is boilerplate or a set phrase: it stops
proposing candidates (the pairs it already proposed stay). Copies do not count towards it (see
:class:`DuplicateIndex`), so a story republished by many sites still finds all its copies."""
CANDIDATE_SHARE = 0.5
"""A pair is verified when it shares at least this share of the shorter one's fingerprints: well
below any useful threshold, so sampling noise does not lose true copies."""
MIN_LENGTH_RATIO = 0.1
"""Containment counts only when the shorter article has at least this share of the longer's
shingles; below it, only the Jaccard similarity does."""
GUARD_SHARE = 0.5
"""Any two articles of a cluster are at least this share of the threshold similar."""
_ONE = 1
_COMMON: tuple[()] = ()  # the postings of a common fingerprint: falsy, and found by identity
_SPREAD = 3.0  # standard deviations of sampling noise allowed below the threshold (_may_reach)
_FEW = 2  # fingerprints: an article with no more than this is found through any one of them
_GUARD_SAMPLE = 24  # members per side checked when two large groups would merge

# A separator between a digit and a group of three: "2.000", "2 000", "1,234,567", "10 000".
_THOUSANDS = re.compile(r"(\d)[.,'’\u00a0\u202f\u2009 ](?=\d{3}(?!\d))")
_WORDS = re.compile(r"\w+")
# A hash is sampled when it lies in the lowest 1/SAMPLE_RATE of the signed 64-bit range (a
# comparison in C costs less per shingle than a test of its low bits).
_SAMPLE_BELOW = -(2**63) + 2**64 // SAMPLE_RATE
_FUNCTION_WORDS = """
a au aux ce ces cet cette d de des du elle elles en est et il ils l la le les leur leurs lui n ne
nous on ont ou par pour qu que qui s sa se ses son sont sur un une y
an and are as at be by for in is it of on or the to was with
"""  # French, then English, as normalised (no accents, lower case)
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
"""Words left out of the shingles: the most frequent French and English function words. A
text with fewer than :data:`SHINGLE_WORDS` other words keeps all of its words."""
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


def _digit_groups(word: str) -> list[str]:
    # "2000" -> "2", "000": the words that "2 000" and "2.000" split into, so the three spellings
    # of a number give the same words without a pass of a regex over every text.
    if len(word) <= 3 or not word.isdigit():
        return [word]
    head = len(word) % 3 or 3
    return [word[:head], *(word[start : start + 3] for start in range(head, len(word), 3))]


def _word_hashes(text: str, keep: Callable[[str], bool]) -> tuple[int, ...]:
    # CRC-32 rather than hash(): Python's string hashes change from one process to the next,
    # and sketches must not.
    return tuple(
        zlib.crc32(group.encode("utf-8", "surrogatepass"))
        for word in _WORDS.findall(fold(text))
        if keep(word)
        for group in _digit_groups(word)
    )


def _is_content(word: str) -> bool:
    return word not in FUNCTION_WORDS


def _is_word(word: str) -> bool:
    return True


class _TokenIds(dict[str, tuple[int, ...]]):
    """A whitespace-separated token (``"«l’État»,"``) -> the IDs (CRC-32) of its normalised
    words other than function words (``"etat"``), computed once per distinct token."""

    def __missing__(self, token: str) -> tuple[int, ...]:
        if len(self) >= _CACHE_LIMIT:
            self.clear()
        value = self[token] = _word_hashes(token, _is_content)
        return value


_TOKENS = _TokenIds()


def _word_ids(text: str) -> list[int]:
    # Whitespace splits a text into tokens in C, and most tokens recur: normalising each
    # distinct one once (accents, case, quotes and apostrophes inside "l’État") and looking the
    # rest up is several times faster than folding and running a regex over every text.
    ids = list(chain.from_iterable(map(_TOKENS.__getitem__, text.split())))
    if len(ids) < SHINGLE_WORDS:
        # A line or two of mostly function words ("Oui, et il y en a."): all of its words.
        return list(_word_hashes(text, _is_word))
    return ids


def _shingle_hashes(ids: Sequence[int]) -> Iterator[int]:
    # Tuples of ints hash deterministically (unlike strings), in C; zip reuses its tuple.
    if len(ids) < SHINGLE_WORDS:
        return iter((hash(tuple(ids)),) if ids else ())
    return map(hash, zip(ids, ids[1:], ids[2:], strict=False))


@dataclass(frozen=True, slots=True)
class Sketch:
    """What detection keeps of an article's text: its normalised words as 32-bit IDs (4 bytes
    a word) and its fingerprints. Picklable, so worker processes can make sketches and send
    back only these. The same text gives the same sketch in every process of a Python build
    (no string hashing is involved)."""

    ids: bytes
    """The words' IDs (CRC-32 of each normalised word), in order, packed as unsigned 32-bit."""
    fingerprints: bytes
    """The distinct shingle hashes that are sampled for candidates (one in
    :data:`SAMPLE_RATE`), packed as signed 64-bit."""

    def __reduce__(self) -> tuple[type[Sketch], tuple[bytes, bytes]]:
        # Its two fields: a frozen slotted dataclass's own state is set field by field in
        # Python, twice as slow to load for the 100k sketches of a large corpus.
        return (Sketch, (self.ids, self.fingerprints))

    @property
    def words(self) -> int:
        """How many (normalised) words."""
        return len(self.ids) // 4

    def shingles(self) -> set[int]:
        """The distinct hashes of the word shingles (computed on each call: a sketch keeps
        the words, a quarter of the size of the shingle set, and only the articles that are
        candidates are ever compared)."""
        return set(_shingle_hashes(memoryview(self.ids).cast("I")))

    @property
    def size(self) -> int:
        """How many distinct shingles."""
        return len(self.shingles())


def sketch(text: str) -> Sketch:
    """The :class:`Sketch` of an article body (or any text). Bodies only, not titles: a copy's
    title often carries its site's name, which on a short copy would weigh like a paragraph."""
    ids = _word_ids(text)
    # Only the sampled shingles are kept as hashes: the fingerprints are most of the cost of
    # detection, and this is all of it that runs for every article.
    sampled = set(filter(_SAMPLE_BELOW.__gt__, _shingle_hashes(ids)))
    return Sketch(_pack(f"{len(ids)}I", *ids), _pack(f"{len(sampled)}q", *sampled))


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
    shingles_a, shingles_b = a.shingles(), b.shingles()
    return metrics_from_counts(len(shingles_a), len(shingles_b), len(shingles_a & shingles_b))


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

    common_fingerprint = COMMON_FINGERPRINT
    """A fingerprint in more articles than this stops counting (see :data:`COMMON_FINGERPRINT`)."""

    def __init__(self, threshold: float = 0.8) -> None:
        if not 0.0 <= threshold <= 1.0:
            raise ValueError(f"threshold must be between 0 and 1, not {threshold}")
        self.threshold = threshold
        self._ids: list[str] = []
        self._positions: dict[str, int] = {}
        self._sketches: list[Sketch] = []
        self._usable: list[int] = []
        self._postings: dict[int, list[int] | tuple[()]] = {}  # () once common
        self._few: set[int] = set()  # articles with at most _FEW usable fingerprints
        self._pairs: dict[tuple[int, int], float] = {}
        self._known_sizes: dict[int, int] = {}  # distinct shingles, once computed
        self._clusters: list[Cluster] | None = None
        self._gone: set[int] = set()  # positions discarded (their postings stay, unused)

    def __len__(self) -> int:
        return len(self._ids)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._positions

    def discard(self, article_ids: Iterable[str]) -> None:
        """Forget these articles (their file changed or went away): they leave every pair and
        cluster, and their IDs may be added again."""
        gone = {self._positions.pop(i) for i in article_ids if i in self._positions}
        if not gone:
            return
        self._gone |= gone
        heirs: dict[int, int] = {}
        for a, b in self._pairs:
            for leaving, staying in ((a, b), (b, a)):
                if leaving in gone and staying not in self._gone:
                    heirs[leaving] = min(heirs.get(leaving, staying), staying)
        # A copy posted only the fingerprints its original had not: hand the original's to
        # a copy that stays, so later copies of the story still find it.
        for leaving, heir in heirs.items():
            for value in memoryview(self._sketches[leaving].fingerprints).cast("q").tolist():
                holders = self._postings.get(value)
                if holders and leaving in holders:
                    holders.remove(leaving)
                    if heir not in holders:
                        holders.append(heir)
        self._pairs = {pair: s for pair, s in self._pairs.items() if gone.isdisjoint(pair)}
        self._clusters = None

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
        # Every fingerprint costs a look-up or two in a dict of millions: they all run in C
        # (map, filter, compress), and the few Python loops run only for the rare fingerprint
        # that has just become common.
        prints = memoryview(article_sketch.fingerprints).cast("q").tolist()
        holders = list(map(postings.get, prints))
        # Only the fingerprints that are not (yet) common count, on both sides of a pair.
        own = len(prints) - holders.count(_COMMON)
        self._usable.append(own)
        if own <= _FEW:
            self._few.add(position)
        found = cast(list[list[int]], list(filter(None, holders)))  # not None, not common
        if found:
            copied = self._verify(position, Counter(chain.from_iterable(found)), own)
            if copied:
                self._post_beside(position, prints, holders, copied)
                return
            consume(map(list.append, found, repeat(position)))
            if max(map(len, found)) > self.common_fingerprint:
                self._retire(prints)
        fresh = compress(prints, map(is_, holders, repeat(None)))
        postings.update(zip(fresh, map(list, zip(repeat(position))), strict=False))

    def _post_beside(
        self,
        position: int,
        prints: list[int],
        holders: list[list[int] | tuple[()] | None],
        copied: set[int],
    ) -> None:
        # A copy posts only the fingerprints that none of the articles it copies has posted:
        # later copies of the story find those, so a story republished by a hundred sites
        # keeps its fingerprints from turning common, and costs no more than a few copies.
        postings = self._postings
        posted = 0
        for value, holding in zip(prints, holders, strict=True):
            if holding is None:
                postings[value] = [position]
                posted += 1
            elif holding and copied.isdisjoint(holding):  # not common, no copied article
                holding.append(position)
                posted += 1
        self._usable[position] = posted
        if posted <= _FEW:
            self._few.add(position)
        self._retire(prints)

    def _retire(self, fingerprints: Iterable[int]) -> None:
        # Fingerprints now in too many articles are common: they no longer count for the
        # articles that have them either, so their usable counts (the denominators of the
        # candidate test) drop.
        postings, usable, limit = self._postings, self._usable, self.common_fingerprint
        for value in fingerprints:
            holders = postings.get(value)
            if holders is not None and len(holders) > limit:
                postings[value] = _COMMON
                for holder in holders:
                    usable[holder] -= 1
                    if usable[holder] <= _FEW:
                        self._few.add(holder)

    def _verify(self, position: int, counts: Counter[int], own: int) -> set[int]:
        """Score the candidates of the article at ``position``; the earlier articles it is a
        copy of."""
        if own <= _FEW:
            candidates: Iterable[int] = counts
        else:
            # One shared fingerprint is enough only for an article that has few of them: the
            # many pairs that share one by chance are skipped without a look at each.
            candidates = list(compress(counts, map(_ONE.__lt__, counts.values())))
            candidates.extend(self._few.intersection(counts))
        mine = self._sketches[position]
        prints: set[int] | None = None
        members: set[int] | None = None
        copied: set[int] = set()
        floor = self.threshold
        usable = self._usable
        for other in dict.fromkeys(candidates):
            if other in self._gone:
                continue
            count = counts[other]
            if count < max(1, math.ceil(CANDIDATE_SHARE * min(own, usable[other]))):
                continue
            theirs = self._sketches[other]
            if prints is None:
                prints = set(memoryview(mine.fingerprints).cast("q"))
            # All the fingerprints, common ones too, estimate the similarity closely enough
            # to skip, for a few microseconds, most pairs that could not reach the threshold.
            their_prints = memoryview(theirs.fingerprints).cast("q")
            if not _may_reach(
                len(prints.intersection(their_prints)), min(len(prints), len(their_prints)), floor
            ):
                continue
            if members is None:
                members = mine.shingles()
                self._known_sizes[position] = len(members)
            their_shingles = theirs.shingles()
            self._known_sizes[other] = len(their_shingles)
            shared = len(members & their_shingles)
            score = metrics_from_counts(len(members), len(their_shingles), shared).similarity
            if score >= floor:
                self._pairs[(other, position)] = score
                copied.add(other)
        return copied

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
            best = min(ordered, key=lambda p: (-self._sizes(p), p))
            lowest = min(self._similarity(best, other) for other in ordered if other != best)
            clusters.append(Cluster(tuple(self._ids[p] for p in ordered), lowest, self._ids[best]))
        clusters.sort(
            key=lambda c: (-len(c.articles), -c.similarity, self._positions[c.articles[0]])
        )
        return clusters

    def _sizes(self, position: int) -> int:
        size = self._known_sizes.get(position)
        if size is None:
            size = self._known_sizes[position] = self._sketches[position].size
        return size

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


def _may_reach(shared: int, smaller: int, threshold: float) -> bool:
    """Whether two articles that share ``shared`` fingerprints, of the ``smaller`` number that
    one of them has, may be ``threshold`` similar: the share of fingerprints found estimates
    the share of shingles, give or take :data:`_SPREAD` standard deviations of a binomial
    sample that size."""
    if smaller == 0:
        return True
    share = shared / smaller
    spread = _SPREAD * math.sqrt(threshold * (1.0 - threshold) / smaller)
    return share >= threshold - spread


def consume(iterator: Iterable[object]) -> None:
    """Run ``iterator`` to its end in C, keeping nothing (for ``map`` over methods)."""
    deque(iterator, maxlen=0)


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
