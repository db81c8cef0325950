"""Where the words of a search fall in the original text, and the snippet around the best match.

The index works on folded text (no accents, no case, split on punctuation), but highlights must
point into the text as written. Folding changes lengths ("œ" → "oe", decomposed accents), so the
original is tokenised on its own and each token folded alone: its folded pieces map back to the
token (to the exact characters when folding kept the token's length, the usual case).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Set

from alireader.core.query import WORD
from alireader.core.text import fold

Span = tuple[int, int]

# Letters and digits of the original text, with combining accents ("e" + U+0301) kept inside.
_SOURCE_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
# A letter or digit left outside ASCII once decomposed: fold maps it with its own table.
_FOREIGN_LETTER = re.compile(r"[^\W_\x00-\x7f]")
# The letters fold spells out before decomposing (as alireader.core.text does).
_LIGATURES = (("œ", "oe"), ("Œ", "oe"), ("æ", "ae"), ("Æ", "ae"), ("ß", "ss"))
# Above this many wanted words (a short prefix being typed) most pieces hold one of them.
_MAX_FILTERED_WORDS = 32
_ONE_LINE = str.maketrans("\n\r\t\v\f", "     ")
SNIPPET_CHARS = 160
_CONTEXT_BEFORE = 40
# Long texts are matched a piece of about this many characters at a time: a piece none of
# whose words is wanted is skipped at the speed of a few C calls (see match_spans).
_PIECE_CHARS = 256


def word_spans(text: str) -> Iterator[tuple[str, Span]]:
    """Every indexed word of ``text`` (folded) with its ``(start, end)`` in ``text``."""
    for match in _SOURCE_WORD.finditer(text):
        token = match.group()
        start = match.start()
        folded = token.lower() if token.isascii() else fold(token)
        same_length = len(folded) == len(token)
        for piece in WORD.finditer(folded):
            if same_length:
                yield piece.group(), (start + piece.start(), start + piece.end())
            else:
                yield piece.group(), (start, match.end())


def match_spans(text: str, wanted: Callable[[str], bool] | Set[str]) -> list[tuple[str, Span]]:
    """The words of ``text`` for which ``wanted(folded word)`` is true (or that are in the set
    ``wanted``), with their spans.

    With a set, a long text is read a piece at a time and a piece whose folded words are all
    unwanted is skipped without a token-by-token pass: the same spans, several times faster
    on a body where the words of a search are rare (a hit's snippet is drawn per keystroke).
    """
    found: list[tuple[str, Span]] = []
    if not isinstance(wanted, Set) or len(wanted) > _MAX_FILTERED_WORDS:
        _scan(text, 0, wanted if callable(wanted) else wanted.__contains__, found)
        return found
    contains = wanted.__contains__
    length, start = len(text), 0
    while start < length:
        end = _piece_end(text, start)
        piece = text[start:end]
        if end - start < _PIECE_CHARS or not _skippable(piece, wanted):
            _scan(piece, start, contains, found)
        start = end
    return found


def _piece_end(text: str, start: int) -> int:
    """Where the piece from ``start`` ends: on a space, so that no word is cut in two."""
    end = start + _PIECE_CHARS
    if end >= len(text):
        return len(text)
    space = text.find(" ", end)
    return len(text) if space < 0 else space


def _skippable(piece: str, wanted: Set[str]) -> bool:
    """True when no word of ``piece`` can fold to a wanted word (a few C-speed calls).

    The piece is folded as a whole the way :func:`fold` folds Latin text (ligatures spelled
    out, accents decomposed and dropped, lower case): the folding of each of its words is then
    a substring of it, so a wanted word that is not a substring is in none of them. A letter
    that does not decompose into ASCII (another script, ``ﬁ``, ``Ł``) is folded otherwise:
    such a piece is never skipped.
    """
    for ligature, spelled in _LIGATURES:
        if ligature in piece:
            piece = piece.replace(ligature, spelled)
    decomposed = unicodedata.normalize("NFD", piece)
    if _FOREIGN_LETTER.search(decomposed):
        return False
    folded = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    return not any(word in folded for word in wanted)


def _scan(
    text: str, offset: int, wanted: Callable[[str], bool], found: list[tuple[str, Span]]
) -> None:
    """Append the wanted words of ``text`` with their spans shifted by ``offset``."""
    for match in _SOURCE_WORD.finditer(text):
        token = match.group()
        if token.isascii():
            # Letters and digits only: the token is its own single folded word.
            word = token.lower()
            if wanted(word):
                start = offset + match.start()
                found.append((word, (start, start + len(token))))
            continue
        start = offset + match.start()
        folded = fold(token)
        same_length = len(folded) == len(token)
        for piece in WORD.finditer(folded):
            word = piece.group()
            if not wanted(word):
                continue
            if same_length:
                span = (start + piece.start(), start + piece.end())
            else:
                span = (start, start + len(token))
            if not found or found[-1][1] != span:
                found.append((word, span))


def snippet(text: str, spans: list[Span], words: list[str]) -> tuple[str, list[Span]]:
    """One line of ``text`` around its best match, and the match spans inside that line.

    ``words`` are the folded words of ``spans`` (same order): the best window is the one that
    holds the most distinct matched words, the earliest on ties.
    """
    if not text:
        return "", []
    anchor = _best_anchor(spans, words)
    start = 0 if anchor is None else max(0, spans[anchor][0] - _CONTEXT_BEFORE)
    if start > 0:
        space = text.find(" ", start, spans[anchor or 0][0])
        start = space + 1 if space >= 0 else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start + SNIPPET_CHARS // 2, end)
        end = space if space > 0 else end
    lead = "…" if start > 0 else ""
    line = lead + text[start:end].translate(_ONE_LINE) + ("…" if end < len(text) else "")
    shift = len(lead) - start
    inside = [
        (max(a, start) + shift, min(b, end) + shift) for a, b in spans if a < end and b > start
    ]
    return line, inside


def _best_anchor(spans: list[Span], words: list[str]) -> int | None:
    if not spans:
        return None
    best, best_count = 0, 0
    limit = min(len(spans), 200)  # enough to find a good window, bounded for huge bodies
    for i in range(limit):
        window_end = spans[i][0] + SNIPPET_CHARS - _CONTEXT_BEFORE
        distinct = {words[j] for j in range(i, limit) if spans[j][0] < window_end}
        if len(distinct) > best_count:
            best, best_count = i, len(distinct)
    return best
