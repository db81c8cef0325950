"""Removing and replacing articles in a search index: a removed article is never found, a
replaced one is found by its new text only, under its own ID."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.duplicates import DuplicateIndex
from alireader.core.live_search import LiveSearch
from alireader.core.search import SearchIndex

WORDS = ["marché", "budget", "école", "usine", "grève", "récolte", "vigne", "port"]


def add(index: LiveSearch | SearchIndex, article_id: str, title: str, body: str) -> None:
    index.add_metadata(article_id, title)
    index.add_body(article_id, body)


def found(index: LiveSearch | SearchIndex, query: str) -> set[str]:
    return {hit.id for hit in index.search(query, 100).hits}


def test_a_removed_article_is_not_found_and_a_replaced_one_by_its_new_text() -> None:
    live = LiveSearch()
    add(live, "a", "Premier", "le marché du port")
    add(live, "b", "Second", "le marché de la vigne")
    live.remove(["a", "b"])
    add(live, "b", "Second revu", "la grève à l'usine")
    assert found(live, "marché") == set()
    assert found(live, "greve") == {"b"}  # the real ID, not the index's name for it
    assert found(live, "revu") == {"b"}
    assert len(live) == 1 and "b" in live and "a" not in live
    result = live.search("usine")
    assert result.total == 1


def test_entity_terms_find_the_current_version() -> None:
    live = LiveSearch()
    add(live, "a", "Un", "texte un")
    live.entity_lookup = lambda words, label, prefix: {"a"}
    assert found(live, "@dupont") == {"a"}
    live.remove(["a"])
    assert found(live, "@dupont") == set()
    add(live, "a", "Un bis", "texte deux")
    assert found(live, "@dupont") == {"a"}


@settings(max_examples=60, deadline=None)
@given(
    operations=st.lists(
        st.tuples(st.sampled_from(["add", "remove"]), st.sampled_from(["a", "b", "c", "d"])),
        max_size=20,
    ),
    mentioned=st.sets(st.sampled_from(["a", "b", "c", "d", "gone"])),
    as_list=st.booleans(),
)
def test_entity_terms_find_the_live_articles_a_fresh_index_would_find(
    operations: list[tuple[str, str]], mentioned: set[str], as_list: bool
) -> None:
    """Whatever was removed and added again, ``@name`` finds the mentioned articles that are
    live, under their real IDs, as an index of only those articles does (the lookup may
    answer with any iterable, and may name articles the index never had)."""
    live = LiveSearch()
    articles: set[str] = set()
    for operation, article_id in operations:
        if operation == "remove":
            live.remove([article_id])
            articles.discard(article_id)
        elif article_id not in articles:
            add(live, article_id, "titre", f"texte {article_id}")
            articles.add(article_id)
    fresh = SearchIndex()
    for article_id in sorted(articles):
        add(fresh, article_id, "titre", f"texte {article_id}")

    def lookup(words: tuple[str, ...], label: str | None, prefix: bool) -> list[str] | set[str]:
        return sorted(mentioned) if as_list else set(mentioned)

    live.entity_lookup = lookup
    fresh.entity_lookup = lookup
    assert found(live, "@dupont") == found(fresh, "@dupont") == mentioned & articles


def test_a_live_index_survives_pickling() -> None:
    live = LiveSearch()
    add(live, "a", "Un", "le port")
    live.remove(["a"])
    add(live, "a", "Un", "la vigne")
    again = pickle.loads(pickle.dumps(live))
    assert found(again, "port") == set()
    assert found(again, "vigne") == {"a"}


operations = st.lists(
    st.tuples(
        st.sampled_from(["add", "remove"]),
        st.sampled_from(["a", "b", "c", "d"]),
        st.lists(st.sampled_from(WORDS), min_size=1, max_size=4),
    ),
    max_size=25,
)


@settings(max_examples=60, deadline=None)
@given(operations=operations)
def test_a_live_index_finds_what_a_fresh_index_of_the_live_articles_finds(
    operations: list[tuple[str, str, list[str]]],
) -> None:
    live = LiveSearch()
    articles: dict[str, str] = {}
    for operation, article_id, words in operations:
        if operation == "remove":
            live.remove([article_id])
            articles.pop(article_id, None)
        elif article_id not in articles:
            body = " ".join(words)
            add(live, article_id, "titre", body)
            articles[article_id] = body
    fresh = SearchIndex()
    for article_id, body in articles.items():
        add(fresh, article_id, "titre", body)
    for word in WORDS:
        assert found(live, f"'{word}") == found(fresh, f"'{word}")


def test_discarded_duplicates_leave_their_clusters_and_may_come_back() -> None:
    story = " ".join(f"mot{n} phrase{n % 7} suite{n % 5}" for n in range(120))
    other = " ".join(f"autre{n} texte{n % 3}" for n in range(120))
    index = DuplicateIndex(0.8)
    index.add("a", story)
    index.add("b", story + " fin")
    index.add("c", other)
    assert [set(c.articles) for c in index.clusters()] == [{"a", "b"}]
    index.discard(["a"])
    assert index.clusters() == []
    assert "a" not in index
    index.add("a", story + " encore")  # the changed file still holds a copy
    assert [set(c.articles) for c in index.clusters()] == [{"a", "b"}]
    index.add("d", story)  # a new copy finds the live ones, not the discarded version
    assert [set(c.articles) for c in index.clusters()] == [{"a", "b", "d"}]
