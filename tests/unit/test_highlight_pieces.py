"""match_spans reads a long text a piece at a time when given a set of words, skipping pieces
without a wanted word: it must find exactly what the word-by-word reading finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.highlight import match_spans, word_spans

# Words whose folding matters (accents, decomposed accents, ligatures, other scripts), what
# separates words, and filler (plain words that are never wanted) to spread them over pieces.
_LETTERS = ["r", "s", "t", "é", "É", "è", "ç", "e\u0301", "œ", "ß", "ﬁ", "Ł", "α", "ж", "中"]
_SEPARATORS = [" ", "\n", ", ", "’", "'", "_", "-", "\u00a0", "·", ". "]
_FILLER = "abcd ba dc, "


def _reference(text: str, wanted: set[str]) -> list[tuple[str, tuple[int, int]]]:
    found: list[tuple[str, tuple[int, int]]] = []
    for word, span in word_spans(text):
        if word in wanted and (not found or found[-1][1] != span):
            found.append((word, span))
    return found


_word = st.lists(st.sampled_from(_LETTERS), min_size=1, max_size=5).map("".join)
_segments = st.lists(
    st.tuples(_word, st.sampled_from(_SEPARATORS), st.integers(min_value=0, max_value=120)),
    min_size=1,
    max_size=12,
)


@settings(max_examples=100, deadline=None)
@given(segments=_segments, picks=st.lists(st.integers(min_value=0), max_size=3), extra=_word)
def test_the_pieces_find_what_the_word_by_word_reading_finds(
    segments: list[tuple[str, str, int]], picks: list[int], extra: str
) -> None:
    text = "".join(word + separator + _FILLER * filler for word, separator, filler in segments)
    rare = [word for word, _span in word_spans(text) if word not in _FILLER]
    wanted = {rare[pick % len(rare)] for pick in picks} if rare else set()
    wanted.add(extra.lower())
    assert match_spans(text, wanted) == _reference(text, wanted)
    assert match_spans(text, wanted.__contains__) == _reference(text, wanted)


def test_a_long_body_with_one_match_far_down_is_found_at_its_place() -> None:
    body = (
        "Le marché attend la suite de la journée. " * 200
        + "Sébastien Badault parle. "
        + ("Une autre phrase sans rien. " * 100)
    )
    start = body.index("Sébastien")
    assert match_spans(body, {"sebastien"}) == [("sebastien", (start, start + 9))]
    assert match_spans(body, {"absent"}) == []
