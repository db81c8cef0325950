"""How scored document sets combine (``core/scored.py``), against plain definitions."""

from __future__ import annotations

from collections.abc import Iterable

from hypothesis import example, given
from hypothesis import strategies as st

from alireader.core.scored import (
    Bitmap,
    Scored,
    added,
    best,
    both,
    either,
    summed,
    top_scores,
    unless,
)

SIZE = 31
DOCS = st.integers(0, SIZE - 1)
# Positive, as the index's scores are.
SCORES = st.dictionaries(DOCS, st.floats(0.01, 10.0, allow_nan=False), max_size=20)
# Many equal scores, in any order of insertion (an ``@name`` term scores its articles alike).
TIED_SCORES = st.dictionaries(DOCS, st.sampled_from([0.5, 1.0, 2.0]), max_size=SIZE)


def best_first(items: Iterable[tuple[int, float]], n: int) -> list[tuple[int, float]]:
    """The definition: the ``n`` highest scores, ties by the lowest document number (corpus
    order), whatever order the scores were found in."""
    return sorted(items, key=lambda item: (-item[1], item[0]))[:n]


@st.composite
def scored(draw: st.DrawFn) -> Scored:
    scores = draw(SCORES)
    if draw(st.booleans()):
        return Scored(scores)
    # Coarse: members beyond the scored ones, each scoring the floor (+ its bonus).
    members = set(scores) | draw(st.sets(DOCS, max_size=20))
    if draw(st.booleans()):  # as the index makes them for very common words
        return Scored(scores, Bitmap.of(members, SIZE), draw(st.floats(0.1, 5.0)))
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


@given(st.sets(DOCS))
def test_a_bitmap_holds_its_documents(docs: set[int]) -> None:
    bitmap = Bitmap.of(docs, SIZE)
    assert list(bitmap) == sorted(docs)
    assert len(bitmap) == len(docs)
    assert all((doc in bitmap) == (doc in docs) for doc in range(-1, SIZE + 1))
    assert bitmap.keep(list(range(SIZE))[::-1]) == sorted(docs, reverse=True)


@given(scored(), scored())
def test_unless_drops_the_excluded_documents(result: Scored, excluded: Scored) -> None:
    kept = unless(result, Scored({}), [excluded])
    assert set(kept.members) == set(result.members) - set(excluded.members)
    for doc in kept.members:
        assert kept.score_of(doc) == result.score_of(doc)


@given(st.one_of(SCORES, TIED_SCORES), st.integers(0, 25))
def test_top_scores_are_the_best_in_order(scores: dict[int, float], n: int) -> None:
    assert top_scores(scores, n) == best_first(scores.items(), n)


@given(scored(), st.integers(0, 40))
def test_best_ranks_scored_members_then_the_rest_in_corpus_order(found: Scored, n: int) -> None:
    ranked = best(found, n)
    # Ranked by their own scores: ``floor + bonus`` can round two bonuses to one sum.
    scored_part = [(doc, found.score_of(doc)) for doc, _ in best_first(found.scores.items(), n)]
    rest = sorted(set(found.members) - set(found.scores))
    assert ranked == (scored_part + [(doc, found.score_of(doc)) for doc in rest])[:n]


@given(
    st.lists(st.one_of(st.sampled_from([0.5, 1.0, 2.0]), st.floats(0.0, 9.0)), max_size=700),
    st.integers(1, 5),
    st.booleans(),
)
# The sample (one score in 6) holds the four best scores only: the heap is asked.
@example([9.0 if k in (0, 6, 12, 18) else 0.0 for k in range(480)], 5, False)
def test_top_scores_of_many_scores_are_the_best_in_order(
    values: list[float], n: int, last_found_first: bool
) -> None:
    items = list(enumerate(values))
    scores = dict(reversed(items) if last_found_first else items)
    assert top_scores(scores, n) == best_first(scores.items(), n)
