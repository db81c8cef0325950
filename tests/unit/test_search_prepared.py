"""What ``SearchIndex.prepare`` derives (document frequencies, the most frequent words of short
prefixes) changes nothing in the results, and an addition after it is searched at once."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.prefix_tops import PrefixTops, top_ids
from alireader.core.search import SearchIndex

WORDS = st.text(alphabet="abcé", min_size=1, max_size=5)


@given(st.dictionaries(WORDS, st.integers(0, 9), min_size=1, max_size=60), st.integers(1, 5))
def test_prefix_tops_are_the_most_frequent_words_of_each_prefix(
    frequency: dict[str, int], keep: int
) -> None:
    ordered = sorted(frequency)
    ids = {word: n for n, word in enumerate(frequency)}
    by_id = [frequency[word] for word in frequency]
    tops = PrefixTops(ordered, [ids[w] for w in ordered], by_id, {1: keep, 2: keep, 3: keep})
    prefixes = {word[:k] for word in ordered for k in (1, 2, 3)}
    for prefix in prefixes:
        matching = [ids[w] for w in ordered if w.startswith(prefix)]
        expected = top_ids(matching, keep, [by_id[i] for i in matching])
        assert list(tops.get(prefix) or []) == expected, prefix
    assert tops.get("abca") is None  # longer prefixes are not prepared


def test_top_ids_keeps_the_largest_and_ties_in_order() -> None:
    assert top_ids([10, 11, 12, 13], 3, [1, 5, 5, 2]) == [11, 12, 13]
    assert top_ids([10, 11], 0, [1, 2]) == []


TEXTS = st.lists(
    st.lists(st.sampled_from(["chine", "chiffre", "char", "cher", "pre", "prix", "presse", "a"])),
    min_size=1,
    max_size=12,
)


def build(texts: list[list[str]]) -> SearchIndex:
    index = SearchIndex()
    for n, words in enumerate(texts):
        index.add_metadata(str(n), " ".join(words[:2]))
        index.add_body(str(n), " ".join(words))
    return index


@settings(max_examples=40, deadline=None)
@given(TEXTS, st.sampled_from(["c", "ch", "chi", "p", "pr", "pre", "^ch", "^pr x", "a c"]))
def test_a_prepared_index_answers_as_an_unprepared_one(texts: list[list[str]], query: str) -> None:
    plain = build(texts)
    prepared = pickle.loads(pickle.dumps(plain))
    prepared.prepare()
    for prefix_last in (True, False):
        expected = plain.search(query, 10, prefix_last=prefix_last)
        found = prepared.search(query, 10, prefix_last=prefix_last)
        assert [(h.id, h.score) for h in found.hits] == [(h.id, h.score) for h in expected.hits]
        assert found.total == expected.total


def test_an_article_added_after_prepare_is_found_by_a_prefix() -> None:
    index = build([["chiffre", "presse"], ["chine"]])
    index.prepare()
    assert [hit.id for hit in index.search("chin", prefix_last=True).hits] == ["1"]
    index.add_metadata("new", "Chinoiseries")
    index.add_body("new", "chinoiseries chinoiseries")
    assert "new" in [hit.id for hit in index.search("chin", prefix_last=True).hits]
