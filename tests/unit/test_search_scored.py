"""How scored document sets combine (``core/scored.py``), against plain definitions."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alireader.core.scored import Scored, added, both, either, summed

DOCS = st.integers(0, 30)
# Positive, as the index's scores are.
SCORES = st.dictionaries(DOCS, st.floats(0.01, 10.0, allow_nan=False), max_size=20)


@st.composite
def scored(draw: st.DrawFn) -> Scored:
    scores = draw(SCORES)
    if draw(st.booleans()):
        return Scored(scores)
    # Coarse: members beyond the scored ones, each scoring the floor (+ its bonus).
    members = set(scores) | draw(st.sets(DOCS, max_size=20))
    return Scored(scores, members, draw(st.floats(0.1, 5.0)))


@given(st.lists(scored(), min_size=2, max_size=4))
def test_both_keeps_the_documents_of_every_part_with_their_scores_added(
    parts: list[Scored],
) -> None:
    result = both(parts)
    expected = set.intersection(*(set(part.members) for part in parts))
    assert set(result.members) == expected
    for doc in expected:
        assert abs(result.score_of(doc) - sum(part.score_of(doc) for part in parts)) < 1e-9


@given(SCORES, SCORES)
def test_added_and_summed(first: dict[int, float], second: dict[int, float]) -> None:
    common = added(first, second)
    assert common == {doc: first[doc] + second[doc] for doc in first if doc in second}
    assert list(common) == [doc for doc in first if doc in second]  # first's order
    union = summed(dict(first), second)
    assert union == {
        doc: first.get(doc, 0.0) + second.get(doc, 0.0) for doc in first.keys() | second.keys()
    }


@given(st.lists(scored(), min_size=2, max_size=4))
def test_either_keeps_the_documents_of_any_part_with_their_best_score(
    parts: list[Scored],
) -> None:
    result = either(parts)
    expected = set.union(*(set(part.members) for part in parts))
    assert set(result.members) == expected
    for doc in expected:
        # The best of the parts that score it themselves; else (a coarse member with no score
        # of its own anywhere) the highest floor.
        own = [part.score_of(doc) for part in parts if doc in part.scores]
        if own:
            assert abs(result.score_of(doc) - max(own)) < 1e-9
        else:
            assert result.score_of(doc) == max(part.floor for part in parts)
