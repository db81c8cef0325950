"""The corpus-wide entity index: counts, articles, replacement, search filters, caching."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alireader.core.entities import Entity
from alireader.core.entity_index import (
    EntityIndex,
    build_index,
    entity_key,
    parse_entity_filter,
)


def mention(text: str, label: str) -> Entity:
    return Entity(0, len(text), label, text)


@pytest.fixture
def index() -> EntityIndex:
    built = EntityIndex()
    built.add(
        "a",
        [
            mention("Sébastien Badault", "PER"),
            mention("Badault", "PER"),
            mention("Paris", "LOC"),
            mention("Paris", "LOC"),
        ],
    )
    built.add("b", [mention("SEBASTIEN BADAULT", "PER"), mention("L'Oréal", "ORG")])
    built.add("c", [mention("Orange", "ORG"), mention("Orange", "LOC")])
    return built


def test_counts_articles_and_spelling(index: EntityIndex) -> None:
    entry = index.entry("sebastien badault", "PER")
    assert entry is not None
    assert (entry.count, entry.articles) == (2, ("a", "b"))
    assert entry.text == "Sébastien Badault"  # ties: the first spelling seen
    top = [(e.text, e.label, e.count) for e in index.entries()[:2]]
    assert top == [("Paris", "LOC", 2), ("Sébastien Badault", "PER", 2)]  # ties by text
    assert [e.text for e in index.entries("LOC")] == ["Paris", "Orange"]
    assert index.mentions == 8 and len(index) == 6 and index.article_count == 3


def test_same_text_with_two_labels_stays_apart(index: EntityIndex) -> None:
    assert index.articles_mentioning("Orange", "ORG") == ["c"]
    assert index.articles_mentioning("orange") == ["c"]
    assert index.entry("Orange", "ORG") != index.entry("Orange", "LOC")


def test_adding_again_replaces_and_remove_forgets(index: EntityIndex) -> None:
    index.add("a", [mention("Lyon", "LOC")])
    assert index.entry("Paris", "LOC") is None
    assert index.articles_mentioning("Sébastien Badault") == ["b"]
    index.remove("b")
    index.remove("never-added")
    assert index.match("badault") == set()
    assert "b" not in index and "a" in index


def test_match_for_the_search_bar(index: EntityIndex) -> None:
    assert index.match("badault") == {"a", "b"}  # "Badault" and "Sébastien Badault"
    assert index.match("Badault Sébastien", "PER") == {"a", "b"}  # order free
    assert index.match("badault", "ORG") == set()
    assert index.match("oreal") == {"b"}
    assert index.match("seb", prefix=True) == {"a", "b"}
    assert index.match("seb") == set()
    assert index.match("") == set()


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("@Badault", (None, "badault")),
        ("per:badault", ("PER", "badault")),
        ('ORG:"Air France"', ("ORG", "air france")),
        ("loc:Île-de-France", ("LOC", "ile de france")),
        ("badault", None),
        ("title:badault", None),
        ("@", None),
        ("per:", None),
    ],
)
def test_parse_entity_filter(term: str, expected: tuple[str | None, str] | None) -> None:
    assert parse_entity_filter(term) == expected


def test_filter_then_match(index: EntityIndex) -> None:
    parsed = parse_entity_filter("per:badault")
    assert parsed is not None
    assert index.match(parsed[1], parsed[0]) == {"a", "b"}


def test_round_trip_through_json(index: EntityIndex) -> None:
    copy = EntityIndex.from_dict(json.loads(json.dumps(index.to_dict())))
    assert copy.entries() == index.entries()
    assert copy.match("badault") == index.match("badault")
    with pytest.raises(ValueError):
        EntityIndex.from_dict({"version": 0, "articles": {}})
    with pytest.raises(ValueError):
        EntityIndex.from_dict({"version": 1, "articles": {"a": [["x"]]}})


def test_build_index_reports_progress_and_stops() -> None:
    articles = [
        (f"id{n}", f"Le groupe Veltravia a ouvert à Lyon le {n + 1} mars.") for n in range(10)
    ]
    seen: list[int] = []
    built = build_index(articles, progress=seen.append, every=3)
    assert seen == [3, 6, 9, 10]
    assert built.articles_mentioning("Veltravia", "ORG") == [f"id{n}" for n in range(10)]
    stopped = build_index(articles, every=4, stop=lambda: True)
    assert stopped.article_count == 4


def test_entity_key_folds() -> None:
    assert entity_key("Jean-Pierre Dupré") == entity_key("JEAN PIERRE DUPRE")
    assert entity_key("L’Oréal") == entity_key("l'oreal")


_FORMS = ["Badault", "BADAULT", "Sébastien Badault", "L'Oréal", "L’Oréal", "Orange", "Paris"]


@given(
    st.lists(
        st.lists(
            st.tuples(st.sampled_from(_FORMS), st.sampled_from(["PER", "ORG", "LOC"])),
            max_size=12,
        ),
        max_size=6,
    )
)
def test_grouped_mentions_index_like_the_entities(articles: list[list[tuple[str, str]]]) -> None:
    # What the worker processes send (grouped, keyed) must build exactly the same index as the
    # spans: counts, spellings, the order of articles and of each article's mentions.
    from alireader.core.entity_index import Mentions, grouped_mentions

    spans, grouped = EntityIndex(), EntityIndex()
    for number, found in enumerate(articles):
        entities = [mention(text, label) for text, label in found]
        spans.add(f"a{number}", entities)
        mentions = grouped_mentions(entities)
        assert isinstance(mentions, Mentions)
        assert sum(mentions.values()) == len(entities)
        grouped.add(f"a{number}", mentions)
    assert grouped.entries() == spans.entries()
    assert grouped.to_dict() == spans.to_dict()
    assert grouped.mentions == spans.mentions
    for number in range(len(articles)):
        assert grouped.article_entities(f"a{number}") == spans.article_entities(f"a{number}")
