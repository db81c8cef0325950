"""Where the words of a search fall in the original text, and the snippet around the best match.

The index works on folded text (no accents, no case, split on punctuation), but highlights must
point into the text as written. Folding changes lengths ("œ" → "oe", decomposed accents), so the
original is tokenised on its own and each token folded alone: its folded pieces map back to the
token (to the exact characters when folding kept the token's length, the usual case).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from alireader.core.query import WORD
from alireader.core.text import fold

Span = tuple[int, int]

# Letters and digits of the original text, with combining accents ("e" + U+0301) kept inside.
_SOURCE_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")
_ONE_LINE = str.maketrans("\n\r\t\v\f", "     ")
SNIPPET_CHARS = 160
_CONTEXT_BEFORE = 40


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


def match_spans(text: str, wanted: Callable[[str], bool]) -> list[tuple[str, Span]]:
    """The words of ``text`` for which ``wanted(folded word)`` is true, with their spans."""
    found: list[tuple[str, Span]] = []
    for word, span in word_spans(text):
        if wanted(word) and (not found or found[-1][1] != span):
            found.append((word, span))
    return found


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
