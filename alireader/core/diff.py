"""Align two copies of an article sentence by sentence, with word-level changes.

Copies of one story differ in paragraph breaks (one block against eighteen paragraphs), so the
unit of alignment is the sentence (:func:`alireader.core.text.sentence_spans` within each
paragraph). Sentences are matched on their normalised words, so typography never hides a match;
then:

- runs of matching sentences become ``equal`` rows (or ``replace`` rows when only typography
  differs and typography is not ignored; whitespace alone is never a change, it cannot be
  seen);
- between them, sentences are paired in order when their words are similar enough, and a
  paired sentence is a ``replace`` row whose :class:`Segment` s mark the words that changed;
- what is left is one-sided: ``delete`` (only in A) or ``insert`` (only in B), unless the same
  sentence appears on the other side elsewhere, in which case both halves are ``moved`` rows
  that point at each other.

Reading the A cells of the rows from top to bottom gives A's sentences in order, and the same
for B. Pure and deterministic; two 2,000-word articles align in a few milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from alireader.core.duplicates import PairMetrics, pair_metrics, words
from alireader.core.text import fold, sentence_spans, strip_accents

PAIR_SIMILARITY = 0.5
"""Two sentences between equal runs are shown as one changed sentence from this similarity of
their words (Dice coefficient of word multisets); below it, as one removed and one added."""
MOVED_SIMILARITY = 0.8
"""A removed and an added sentence elsewhere are one moved sentence from this similarity."""
_PAIRING_LIMIT = 250_000  # sentence pairs compared between two equal runs; beyond, no pairing
_MOVED_LIMIT = 250_000  # removed x added sentences compared for near-identical moves
_MIN_CUT_WORDS = 3  # a sentence cut short pairs with its whole form from this many words


class Op(StrEnum):
    """What a row of the alignment says about its sentences."""

    EQUAL = "equal"
    REPLACE = "replace"
    INSERT = "insert"
    DELETE = "delete"
    MOVED = "moved"


@dataclass(frozen=True, slots=True)
class Segment:
    """A piece of a sentence, and how it differs from the other side's sentence: ``equal``,
    ``replace`` (other words stand there), ``delete`` (only this side, A, has them) or
    ``insert`` (only this side, B, has them)."""

    text: str
    op: Op = Op.EQUAL

    @property
    def changed(self) -> bool:
        """Whether the other side lacks this piece."""
        return self.op != Op.EQUAL


@dataclass(frozen=True, slots=True)
class DiffRow:
    """One row of the side-by-side view.

    ``a`` and ``b`` are the sentences as written (None on the side that has nothing there);
    ``a_segments`` and ``b_segments`` cut them into changed and unchanged pieces whose texts
    join back into ``a`` and ``b``. ``a_index``/``b_index`` number the sentences of each
    article from 0. A ``moved`` row has one side only; ``partner`` is the index (in
    :attr:`Alignment.rows`) of the row holding the same sentence on the other side.
    """

    op: Op
    a: str | None
    b: str | None
    a_segments: tuple[Segment, ...] = ()
    b_segments: tuple[Segment, ...] = ()
    a_index: int | None = None
    b_index: int | None = None
    partner: int | None = None


@dataclass(frozen=True, slots=True)
class Alignment:
    """Two articles aligned, with the figures for the view's header."""

    rows: tuple[DiffRow, ...]
    similarity: float
    """As for near-duplicate detection (see :class:`alireader.core.duplicates.PairMetrics`)."""
    containment_a: float
    """The share of A's text (word shingles) found in B."""
    containment_b: float
    """The share of B's text found in A."""
    words_only_a: int
    """Words that only A has: its removed sentences and the changed words of its changed ones
    (moved sentences are in both)."""
    words_only_b: int
    """The same for B."""
    ignore_typography: bool

    def changes(self) -> list[int]:
        """The index of the first row of every run of rows that are not ``equal``: where
        "next change" and "previous change" go."""
        starts = []
        previous = Op.EQUAL
        for position, row in enumerate(self.rows):
            if row.op != Op.EQUAL and previous == Op.EQUAL:
                starts.append(position)
            previous = row.op
        return starts


@dataclass(frozen=True, slots=True)
class _Sentence:
    text: str
    key: tuple[str, ...]  # normalised words: how sentences are matched


def sentences(text: str) -> list[str]:
    """The sentences of an article body, paragraph by paragraph (a paragraph break always ends
    a sentence, even without a full stop, as after a heading)."""
    found: list[str] = []
    for paragraph in text.splitlines():
        found.extend(paragraph[start:end] for start, end in sentence_spans(paragraph))
    return found


def _prepare(text: str) -> list[_Sentence]:
    return [_Sentence(sentence, tuple(words(sentence))) for sentence in sentences(text)]


# Words (a number with its thousands separators is one word), quotation marks one by one, and
# runs of other punctuation ("...", "»," is two tokens).
_TOKEN = re.compile(
    r"\d{1,3}(?:[.,'’\u00a0\u202f\u2009 ]\d{3})+(?!\d)|\w+|[\"«»“”„‹›]|[^\w\s\"«»“”„‹›]+"
)
_GROUP_SEPARATOR = re.compile(r"(?<=\d)[.,'’\u00a0\u202f\u2009 ](?=\d{3})")
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "Oe", "æ": "ae", "Æ": "Ae"})


def typographic_key(token: str) -> str:
    """``token`` without what typography alone changes: quotes, apostrophes and dashes made
    plain, accents on capitals (``États`` -> ``Etats``), ligatures, and thousands separators
    (``2.000``, ``2 000`` -> ``2000``). Case and accents on small letters are kept."""
    if not token[:1].isalnum():
        return fold(token)  # punctuation: « » “ ” -> ", ’ -> ', – — -> -
    if token[:1].isdigit():
        return _GROUP_SEPARATOR.sub("", token)
    if token.isascii():
        return token
    token = token.translate(_LIGATURES)
    return "".join(strip_accents(char) if char.isupper() else char for char in token)


_QUOTES = frozenset('"«»“”„‹›')


def _tokens(sentence: str, ignore_typography: bool) -> list[re.Match[str]]:
    tokens = _TOKEN.finditer(sentence)
    if ignore_typography:
        # Quotation marks added or dropped around a phrase are typography too.
        return [match for match in tokens if match.group() not in _QUOTES]
    return list(tokens)


def _segments(
    text: str, tokens: Sequence[re.Match[str]], ranges: Sequence[tuple[int, int, Op]]
) -> tuple[Segment, ...]:
    """Cut ``text`` at token boundaries into segments; ``ranges`` are ``(first token, end
    token, op)`` covering every token in order. What lies between tokens (spaces, quotes
    ignored as typography) is never a change."""
    pieces: list[Segment] = []

    def push(piece: str, op: Op) -> None:
        if not piece:
            return
        if pieces and pieces[-1].op == op:
            pieces[-1] = Segment(pieces[-1].text + piece, op)
        else:
            pieces.append(Segment(piece, op))

    position = 0
    for first, end, op in ranges:
        if first == end:
            continue
        start = tokens[first].start()
        stop = tokens[end - 1].end()
        push(text[position:start], Op.EQUAL)
        push(text[start:stop], op)
        position = stop
    push(text[position:], Op.EQUAL)
    return tuple(pieces)


def _word_diff(
    a: str, b: str, ignore_typography: bool
) -> tuple[tuple[Segment, ...], tuple[Segment, ...], bool]:
    """Segments of both sentences, and whether anything differs (under the chosen mode)."""
    tokens_a, tokens_b = _tokens(a, ignore_typography), _tokens(b, ignore_typography)
    key = typographic_key if ignore_typography else _raw
    keys_a = [key(match.group()) for match in tokens_a]
    keys_b = [key(match.group()) for match in tokens_b]
    if keys_a == keys_b:
        return (Segment(a),), (Segment(b),), False
    matcher = SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    ranges_a: list[tuple[int, int, Op]] = []
    ranges_b: list[tuple[int, int, Op]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ranges_a.append((i1, i2, _WORD_OPS[tag]))
        ranges_b.append((j1, j2, _WORD_OPS[tag]))
    return _segments(a, tokens_a, ranges_a), _segments(b, tokens_b, ranges_b), True


_WORD_OPS = {"equal": Op.EQUAL, "replace": Op.REPLACE, "delete": Op.DELETE, "insert": Op.INSERT}


def _raw(token: str) -> str:
    return token


def _similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Dice coefficient of the two word multisets (0..1), cheap enough for many pairs."""
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    counts: dict[str, int] = {}
    for word in a:
        counts[word] = counts.get(word, 0) + 1
    shared = 0
    for word in b:
        left = counts.get(word, 0)
        if left:
            shared += 1
            counts[word] = left - 1
    return 2 * shared / (len(a) + len(b))


def _pairing_score(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """How alike two sentences between equal runs are: their Dice coefficient, or the share of
    the shorter found in the longer when it has a few words (a sentence cut short, "De l'avis
    des ...", is the same sentence)."""
    dice = _similarity(a, b)
    shorter = min(len(a), len(b))
    if shorter < _MIN_CUT_WORDS or dice == 0.0:
        return dice
    return max(dice, dice * (len(a) + len(b)) / (2 * shorter))


def _pair_in_order(
    left: Sequence[_Sentence], right: Sequence[_Sentence]
) -> list[tuple[int | None, int | None]]:
    """Pair sentences of two runs in order, maximising total similarity (pairs below
    :data:`PAIR_SIMILARITY` are not paired). Returns ``(i, j)``, ``(i, None)`` or
    ``(None, j)`` steps that walk both runs in order."""
    m, n = len(left), len(right)
    if m * n > _PAIRING_LIMIT:
        return [(i, None) for i in range(m)] + [(None, j) for j in range(n)]
    scores = [[_pairing_score(x.key, y.key) for y in right] for x in left]
    # best[i][j]: the best total for left[i:] and right[j:].
    best = [[0.0] * (n + 1) for _ in range(m + 1)]
    for i in range(m - 1, -1, -1):
        row, below = best[i], best[i + 1]
        for j in range(n - 1, -1, -1):
            value = max(below[j], row[j + 1])
            score = scores[i][j]
            if score >= PAIR_SIMILARITY:
                value = max(value, score + below[j + 1])
            row[j] = value
    steps: list[tuple[int | None, int | None]] = []
    i = j = 0
    while i < m and j < n:
        score = scores[i][j]
        if score >= PAIR_SIMILARITY and best[i][j] == score + best[i + 1][j + 1]:
            steps.append((i, j))
            i += 1
            j += 1
        elif best[i][j] == best[i + 1][j]:
            steps.append((i, None))
            i += 1
        else:
            steps.append((None, j))
            j += 1
    steps.extend((k, None) for k in range(i, m))
    steps.extend((None, k) for k in range(j, n))
    return steps


def _row(
    a: _Sentence | None,
    b: _Sentence | None,
    a_index: int | None,
    b_index: int | None,
    ignore_typography: bool,
) -> DiffRow:
    if a is None and b is not None:
        return DiffRow(Op.INSERT, None, b.text, (), (Segment(b.text, Op.INSERT),), None, b_index)
    if b is None and a is not None:
        return DiffRow(Op.DELETE, a.text, None, (Segment(a.text, Op.DELETE),), (), a_index, None)
    assert a is not None and b is not None
    segments_a, segments_b, differ = _word_diff(a.text, b.text, ignore_typography)
    op = Op.REPLACE if differ else Op.EQUAL
    return DiffRow(op, a.text, b.text, segments_a, segments_b, a_index, b_index)


def _mark_moves(
    rows: list[DiffRow], side_a: list[_Sentence], side_b: list[_Sentence], ignore_typography: bool
) -> None:
    """Turn a removed sentence and an added one that are the same sentence into ``moved`` rows
    pointing at each other: exact matches of their words first, then near ones."""
    deleted = [p for p, row in enumerate(rows) if row.op == Op.DELETE]
    inserted = [p for p, row in enumerate(rows) if row.op == Op.INSERT]
    if not deleted or not inserted:
        return
    waiting: dict[tuple[str, ...], list[int]] = {}
    for position in inserted:
        index = rows[position].b_index
        assert index is not None
        key = side_b[index].key
        if key:
            waiting.setdefault(key, []).append(position)
    pairs: list[tuple[int, int]] = []
    unmatched: list[int] = []
    for position in deleted:
        index = rows[position].a_index
        assert index is not None
        candidates = waiting.get(side_a[index].key)
        if candidates:
            pairs.append((position, candidates.pop(0)))
        else:
            unmatched.append(position)
    taken = {b for _, b in pairs}
    left_b = [p for p in inserted if p not in taken]
    if unmatched and left_b and len(unmatched) * len(left_b) <= _MOVED_LIMIT:
        for position in unmatched:
            key = side_a[_index(rows[position].a_index)].key
            best, best_score = -1, MOVED_SIMILARITY
            for other in left_b:
                score = _similarity(key, side_b[_index(rows[other].b_index)].key)
                if score >= best_score and (best < 0 or score > best_score):
                    best, best_score = other, score
            if best >= 0:
                pairs.append((position, best))
                left_b.remove(best)
    for position_a, position_b in pairs:
        row_a, row_b = rows[position_a], rows[position_b]
        assert row_a.a is not None and row_b.b is not None
        segments_a, segments_b, _ = _word_diff(row_a.a, row_b.b, ignore_typography)
        rows[position_a] = DiffRow(
            Op.MOVED, row_a.a, None, segments_a, (), row_a.a_index, None, position_b
        )
        rows[position_b] = DiffRow(
            Op.MOVED, None, row_b.b, (), segments_b, None, row_b.b_index, position_a
        )


def _index(value: int | None) -> int:
    assert value is not None
    return value


def _only_words(segments: Sequence[Segment]) -> int:
    return sum(len(words(segment.text)) for segment in segments if segment.changed)


def align(
    text_a: str,
    text_b: str,
    *,
    ignore_typography: bool = False,
    metrics: PairMetrics | None = None,
) -> Alignment:
    """Align two article bodies sentence by sentence (see the module's docstring).

    With ``ignore_typography``, differences of quotes, apostrophes, dashes, accents on
    capitals, ligatures, thousands separators and whitespace are not changes: a sentence that
    differs only in those is ``equal``. ``metrics`` are the header's figures when the caller
    has them already (made from more than the bodies, say); by default they are measured on
    the two texts.
    """
    side_a, side_b = _prepare(text_a), _prepare(text_b)
    matcher = SequenceMatcher(
        None, [s.key for s in side_a], [s.key for s in side_b], autojunk=False
    )
    rows: list[DiffRow] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(i2 - i1):
                same_a, same_b = i1 + offset, j1 + offset
                rows.append(_row(side_a[same_a], side_b[same_b], same_a, same_b, ignore_typography))
            continue
        for step_a, step_b in _pair_in_order(side_a[i1:i2], side_b[j1:j2]):
            at_a = None if step_a is None else i1 + step_a
            at_b = None if step_b is None else j1 + step_b
            rows.append(
                _row(
                    None if at_a is None else side_a[at_a],
                    None if at_b is None else side_b[at_b],
                    at_a,
                    at_b,
                    ignore_typography,
                )
            )
    _mark_moves(rows, side_a, side_b, ignore_typography)
    if metrics is None:
        metrics = pair_metrics(text_a, text_b)
    only_a = sum(_only_words(row.a_segments) for row in rows if row.op != Op.MOVED)
    only_b = sum(_only_words(row.b_segments) for row in rows if row.op != Op.MOVED)
    return Alignment(
        rows=tuple(rows),
        similarity=metrics.similarity,
        containment_a=metrics.containment_a,
        containment_b=metrics.containment_b,
        words_only_a=only_a,
        words_only_b=only_b,
        ignore_typography=ignore_typography,
    )
