"""The search's shortcuts give the answers of the plain evaluation: the last clause scored among
the documents of the others, coarse scores for very common words, bounded phrase checks."""

from __future__ import annotations

import itertools
import pickle

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from alireader.core import search
from alireader.core.query import parse_query
from alireader.core.search import SearchIndex

_WORDS = ["chine", "chat", "commerce", "11", "main", "mais", "amazon", "amazone", "alibaba"]
_docs = st.lists(
    st.tuples(
        st.lists(st.sampled_from(_WORDS), max_size=3),
        st.lists(st.sampled_from(_WORDS), max_size=12),
    ),
    min_size=1,
    max_size=12,
)
_query = st.lists(
    st.one_of(
        st.sampled_from(_WORDS),
        st.sampled_from(_WORDS).map(lambda w: w[: max(1, len(w) // 2)]),
        st.sampled_from(["!chine", "'amazon", "^ama", "title:chine", "|", '"11 main"', "ch"]),
    ),
    min_size=1,
    max_size=4,
).map(" ".join)


def _index(docs: list[tuple[list[str], list[str]]]) -> SearchIndex:
    index = SearchIndex()
    for number, (title, body) in enumerate(docs):
        index.add_metadata(f"d{number}", " ".join(title))
        index.add_body(f"d{number}", " ".join(body))
    return index


def _plain(index: SearchIndex, text: str, prefix_last: bool) -> dict[int, float]:
    found = index._evaluate_clauses(parse_query(text, prefix_last).clauses)
    return {doc: found.score_of(doc) for doc in found.members}


@settings(max_examples=150, deadline=None)
@given(_docs, _query, st.booleans())
def test_typing_gives_the_plain_evaluation(
    docs: list[tuple[list[str], list[str]]], text: str, prefix_last: bool
) -> None:
    index = _index(docs)
    for end in range(1, len(text) + 1):  # typed letter by letter: the kept clauses are reused
        typed = text[:end]
        fast = index._evaluate(parse_query(typed, prefix_last))
        plain = _plain(_index(docs), typed, prefix_last)
        assert set(fast.members) == set(plain)
        for doc, score in plain.items():
            assert fast.score_of(doc) == pytest.approx(score)


@settings(max_examples=100, deadline=None)
@given(_docs, _query)
def test_coarse_scores_keep_exact_matches(
    docs: list[tuple[list[str], list[str]]], text: str
) -> None:
    exact = _index(docs).search(text, 1000)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "BOUNDED_POSTINGS", 0)  # every body word scored coarsely
        coarse = _index(docs).search(text, 1000)
    assert coarse.total == exact.total
    assert {hit.id for hit in coarse.hits} == {hit.id for hit in exact.hits}


@settings(max_examples=100, deadline=None)
@given(_docs, _query, st.booleans(), st.integers(0, 4))
@example(  # "ch": "chine" has a bitmap, "chat" (in another article) has none
    [(["x"], ["chine"]), (["y"], ["chine"]), (["z"], ["chat"])], "ch", True, 2
)
def test_bitmaps_of_common_words_give_the_same_answers(
    docs: list[tuple[list[str], list[str]]], text: str, prefix_last: bool, common: int
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "BOUNDED_POSTINGS", 0)  # every body word scored coarsely
        sets = _index(docs)
        # The words in ``common`` documents or more get a bitmap (all of them at 0).
        patch.setattr(search, "DENSE_MIN", common)
        patch.setattr(search, "DENSE_SHARE", 10**9)
        built = _index(docs)
        built.prepare()
        loaded = pickle.loads(pickle.dumps(_index(docs)))  # postings read from one buffer
        loaded.prepare()
        for end in range(1, len(text) + 1):
            typed = text[:end]
            expected = sets.search(typed, 1000, prefix_last=prefix_last)
            for bitmaps in (built, loaded):
                found = bitmaps.search(typed, 1000, prefix_last=prefix_last)
                assert found.total == expected.total
                assert {hit.id: hit.score for hit in found.hits} == pytest.approx(
                    {hit.id: hit.score for hit in expected.hits}
                )


def test_coarse_scores_still_rank_title_matches_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "BOUNDED_POSTINGS", 0)
    index = _index([(["rien"], ["chine"] * 3), (["chine"], ["chine"]), (["rien"], ["chine"])])
    assert index.search("chine", 3).hits[0].id == "d1"
    assert index.search("chine", 3).total == 3


def test_phrase_checks_are_bounded_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [(["x"], ["le", "11", "main", "ici"]) for _ in range(5)] + [(["y"], ["11", "rien"])]
    full = _index(docs).search('"11 main"', 10)
    assert full.total == 5 and not full.approximate
    monkeypatch.setattr(search, "PHRASE_CHECKS", 2)
    index = _index(docs)
    bounded = index.search('"11 main', 10, prefix_last=True)  # being typed
    assert bounded.approximate
    assert 0 < bounded.total <= 2
    assert {hit.id for hit in bounded.hits} <= {hit.id for hit in full.hits}
    complete = index.search('"11 main"', 10)  # a complete query reads them all
    assert complete.total == 5 and not complete.approximate


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.integers(0, 40), min_size=1, max_size=8), min_size=2, max_size=4))
def test_smallest_window_is_the_closest_choice_of_one_position_per_list(
    lists: list[list[int]],
) -> None:
    positions = [sorted(set(found)) for found in lists]
    choices = itertools.product(*positions)
    expected = min(max(chosen) - min(chosen) + 1 for chosen in choices)
    assert search._smallest_window(positions) == expected


@settings(max_examples=100, deadline=None)
@given(_docs, _query)
def test_typing_ranks_as_a_fresh_search(docs: list[tuple[list[str], list[str]]], text: str) -> None:
    """Whatever earlier keystrokes kept (clauses, positions for the proximity bonus), each
    typed prefix gets the hits and scores that an index with nothing kept gives."""
    index = _index(docs)
    for end in range(1, len(text) + 1):
        typed = text[:end]
        found = index.search(typed, 10, prefix_last=True)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(search, "_POSITION_CACHE_SIZE", 0)  # no positions kept at all
            fresh = _index(docs).search(typed, 10, prefix_last=True)
        assert [(hit.id, hit.score) for hit in found.hits] == [
            (hit.id, hit.score) for hit in fresh.hits
        ]
        assert found.total == fresh.total
