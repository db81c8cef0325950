"""A short entity name being typed (``@p``) stands for its most mentioned entity words only;
longer, complete and multi-word names find exactly what they did."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core import entity_index
from alireader.core.entities import Entity
from alireader.core.entity_index import EntityIndex, key_words
from alireader.core.search import SearchIndex


def mention(text: str, label: str) -> Entity:
    return Entity(0, len(text), label, text)


def _index() -> EntityIndex:
    """Paris in 4 articles, Pierre Dupont (a person) in 2, Pau in 1, "PA" (an organisation) in
    1, Lyon in 1."""
    index = EntityIndex()
    for number in range(4):
        index.add(f"paris{number}", [mention("Paris", "LOC")])
    index.add("pierre0", [mention("Pierre Dupont", "PER")])
    index.add("pierre1", [mention("Pierre Dupont", "PER"), mention("Lyon", "LOC")])
    index.add("pau", [mention("Pau", "LOC")])
    index.add("pa", [mention("PA", "ORG")])
    return index


def _every_match(index: EntityIndex, start: str, label: str | None = None) -> set[str]:
    """What a prefix found before short prefixes were cut: every entity word it begins."""
    return {
        article
        for entry in index.entries(label)
        if any(word.startswith(start) for word in key_words(entry.key))
        for article in entry.articles
    }


def test_a_short_prefix_finds_its_most_mentioned_words_within_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    index = _index()
    monkeypatch.setattr(entity_index, "SHORT_PREFIX_ARTICLES", 4)
    assert index.match("p", prefix=True) == {f"paris{n}" for n in range(4)}
    monkeypatch.setattr(entity_index, "SHORT_PREFIX_ARTICLES", 6)
    index.add("lyon", [mention("Lyon", "LOC")])  # any change: the choice is made again
    assert index.match("p", prefix=True) == {f"paris{n}" for n in range(4)} | {
        "pierre0",
        "pierre1",
    }


def test_the_most_mentioned_word_is_taken_even_past_the_budget(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entity_index, "SHORT_PREFIX_ARTICLES", 1)
    assert _index().match("pa", prefix=True) == {"pa"}  # the word itself comes first
    assert _index().match("pi", prefix=True) == {"pierre0", "pierre1"}


def test_the_word_typed_comes_first_when_it_names_an_entity(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entity_index, "SHORT_PREFIX_ARTICLES", 5)
    # "pa" (1 article) before "paris" (4): both fit; then "pau" would pass the budget.
    assert _index().match("pa", prefix=True) == {"pa"} | {f"paris{n}" for n in range(4)}


def test_a_label_ranks_only_its_own_entities(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(entity_index, "SHORT_PREFIX_ARTICLES", 1)
    assert _index().match("p", "PER", prefix=True) == {"pierre0", "pierre1"}
    assert _index().match("p", "ORG", prefix=True) == {"pa"}


def test_with_a_large_budget_a_short_prefix_finds_every_word_it_begins() -> None:
    index = _index()
    for start in ("p", "pa", "pi", "pari", "l", "ly", "x"):
        assert index.match(start, prefix=True) == _every_match(index, start)


def test_complete_longer_and_multi_word_names_are_not_cut(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(entity_index, "SHORT_PREFIX_ARTICLES", 0)
    index = _index()
    assert index.match("pau") == {"pau"}  # complete: not a prefix
    assert index.match("pierr", prefix=True) == {"pierre0", "pierre1"}
    assert index.match("pierre d", prefix=True) == {"pierre0", "pierre1"}
    assert index.match("dupont p", prefix=True) == {"pierre0", "pierre1"}


def test_the_same_choice_is_the_same_set_until_the_index_changes() -> None:
    index = _index()
    first = index.match("p", prefix=True)
    assert index.match("p", prefix=True) is first
    index.remove("pau")
    assert "pau" not in index.match("p", prefix=True)


def test_a_re_added_article_is_seen_even_when_the_counts_come_back() -> None:
    index = _index()
    assert "pau" in index.match("p", prefix=True)
    index.add("pau", [mention("Lille", "LOC")])  # same counts as before, another entity
    assert "pau" not in index.match("p", prefix=True)
    assert index.match("l", prefix=True) == {"pierre1", "pau"}


def test_a_pickled_index_answers_alike() -> None:
    index = _index()
    before = index.match("p", prefix=True)
    loaded = pickle.loads(pickle.dumps(index))
    assert loaded.match("p", prefix=True) == before


names = st.sampled_from(["Paris", "Pau", "Pierre Dupont", "Paul Pierre", "Lyon", "PA", "Lille"])
labels = st.sampled_from(["PER", "LOC", "ORG"])
articles = st.lists(st.lists(st.tuples(names, labels), max_size=4), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None)
@given(articles, st.sampled_from(["p", "pa", "pi", "l", "pau", "pierre", "paris"]))
def test_a_short_prefix_finds_a_part_of_what_every_word_finds(
    added: list[list[tuple[str, str]]], start: str
) -> None:
    index = EntityIndex()
    for number, found in enumerate(added):
        index.add(str(number), [mention(text, label) for text, label in found])
    every = _every_match(index, start)
    found = index.match(start, prefix=True)
    assert found <= every
    assert bool(found) == bool(every)
    if len(start) > entity_index.SHORT_PREFIX:
        assert found == every


def test_the_search_reads_more_documents_for_the_same_answer() -> None:
    """The search keeps the document numbers of an entity answer it saw: documents added
    since are found too."""
    entities = _index()
    search = SearchIndex()
    search.add_metadata("paris0", "Un titre")
    search.entity_lookup = lambda words, label, prefix: entities.match(
        " ".join(words), label, prefix=prefix
    )
    assert {hit.id for hit in search.search("@p", 50, prefix_last=True).hits} == {"paris0"}
    search.add_metadata("paris1", "Un autre titre")
    assert {hit.id for hit in search.search("@p", 50, prefix_last=True).hits} == {
        "paris0",
        "paris1",
    }
