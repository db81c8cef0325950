"""``@name`` terms answered with the entity index's article numbers: a live search index joins
them through its table and finds exactly what the IDs would find, whatever was added, removed,
added again (in either index first), prepared or saved and loaded between two searches."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.entities import Entity
from alireader.core.entity_index import EntityIndex, NumberedMatch
from alireader.core.live_search import LiveSearch

NAMES = ["Jean Dupont", "Marie Durand", "Paul Martin", "Dupuis SA"]
QUERIES = ["@dupont", "@du", "@d", "@martin", "per:durand", "@dup", "@paul martin", "@zzz"]


def _mentions(names: Iterable[str]) -> list[Entity]:
    return [Entity(0, len(name), "ORG" if name.endswith("SA") else "PER", name) for name in names]


class Corpus:
    """A live search index and an entity index, filled as the app fills them."""

    def __init__(self) -> None:
        self.search = LiveSearch()
        self.entities = EntityIndex()
        self.live: dict[str, tuple[str, ...]] = {}
        self.wire()

    def wire(self) -> None:
        # As the app does, and after every load: the lookup answers with numbers.
        entities = self.entities
        self.search.entity_lookup = lambda words, label, prefix: entities.match_numbers(
            " ".join(words), label, prefix=prefix
        )

    def add(self, article_id: str, names: tuple[str, ...], entities_first: bool) -> None:
        if entities_first:
            self.entities.add(article_id, _mentions(names))
            self.hits("@d")  # a keystroke while the text is still to come
        self.search.add_metadata(article_id, f"titre {article_id}")
        self.search.add_body(article_id, " ".join(["texte", *names]))
        if not entities_first:
            self.entities.add(article_id, _mentions(names))
        self.live[article_id] = names

    def remove(self, article_id: str) -> None:
        self.search.remove([article_id])
        self.entities.remove(article_id)
        self.live.pop(article_id, None)

    def reload(self) -> None:
        """Saved and loaded as the snapshot does: each index pickled on its own."""
        self.search = pickle.loads(pickle.dumps(self.search))
        self.entities = pickle.loads(pickle.dumps(self.entities))
        self.wire()

    def hits(self, query: str) -> tuple[int, list[tuple[str, float]]]:
        result = self.search.search(query, 100, prefix_last=True)
        return result.total, sorted((hit.id, hit.score) for hit in result.hits)

    def hits_by_ids(self, query: str) -> tuple[int, list[tuple[str, float]]]:
        """The same search with the lookup answering with IDs (the former way)."""
        entities = self.entities
        self.search.entity_lookup = lambda words, label, prefix: entities.match(
            " ".join(words), label, prefix=prefix
        )
        try:
            return self.hits(query)
        finally:
            self.wire()


operation = st.one_of(
    st.tuples(
        st.just("add"),
        st.sampled_from("abcde"),
        st.lists(st.sampled_from(NAMES), min_size=1, max_size=3).map(tuple),
        st.booleans(),
    ),
    st.tuples(st.just("remove"), st.sampled_from("abcde")),
    st.tuples(st.sampled_from(["prepare", "reload", "search"])),
)


@settings(max_examples=80, deadline=None)
@given(operations=st.lists(operation, max_size=18))
def test_numbers_find_what_ids_find(operations: list[tuple[object, ...]]) -> None:
    corpus = Corpus()
    for step in operations:
        kind = step[0]
        if kind == "add":
            _kind, article_id, names, entities_first = step
            assert isinstance(article_id, str) and isinstance(names, tuple)
            if article_id not in corpus.live:
                corpus.add(article_id, names, bool(entities_first))
        elif kind == "remove":
            corpus.remove(str(step[1]))
        elif kind == "prepare":
            corpus.search.prepare()
            corpus.entities.prepare()
        elif kind == "reload":
            corpus.reload()
        else:  # a search between two changes fills the table as it is then
            corpus.hits("@d")
    for query in QUERIES:
        total, hits = corpus.hits(query)
        assert (total, hits) == corpus.hits_by_ids(query)
        assert {article_id for article_id, _score in hits} <= set(corpus.live)


def test_an_entity_named_in_live_articles_only_is_found_in_them() -> None:
    corpus = Corpus()
    corpus.add("a", ("Jean Dupont",), entities_first=False)
    corpus.add("b", ("Jean Dupont", "Paul Martin"), entities_first=True)
    corpus.search.prepare()
    corpus.remove("a")
    corpus.add("a", ("Paul Martin",), entities_first=True)  # added again, a new text
    assert [hit for hit, _score in corpus.hits("@dupont")[1]] == ["b"]
    assert [hit for hit, _score in corpus.hits("@martin")[1]] == ["a", "b"]


def test_a_saved_table_is_used_only_with_the_entities_saved_beside_it() -> None:
    corpus = Corpus()
    for article_id in "abc":
        corpus.add(article_id, ("Jean Dupont",), entities_first=False)
    corpus.add("d", ("Paul Martin",), entities_first=False)
    corpus.search.prepare()
    saved = pickle.dumps(corpus.search)
    # Entities numbered otherwise: as many articles, in another order.
    entities = EntityIndex()
    for article_id in "dcba":
        entities.add(article_id, _mentions(corpus.live[article_id]))
    corpus.search, corpus.entities = pickle.loads(saved), entities
    corpus.wire()
    assert [hit for hit, _score in corpus.hits("@dupont")[1]] == ["a", "b", "c"]
    assert [hit for hit, _score in corpus.hits("@martin")[1]] == ["d"]


def test_entity_numbers_stand_for_the_ids_and_are_never_given_twice() -> None:
    index = EntityIndex()
    index.add("a", _mentions(["Jean Dupont"]))
    index.add("b", _mentions(["Jean Dupont"]))
    found = index.match_numbers("dupont")
    assert isinstance(found, NumberedMatch)
    assert {found.ids[number] for number in found.numbers} == index.match("dupont") == {"a", "b"}
    index.remove("a")
    index.add("a", _mentions(["Jean Dupont"]))
    again = index.match_numbers("dupont")
    assert {again.ids[number] for number in again.numbers} == {"a", "b"}
    assert again.numbers != found.numbers  # "a" has a new number: its old one is retired


def test_preparing_the_entities_changes_no_answer() -> None:
    index = EntityIndex()
    for number, names in enumerate([["Jean Dupont"], ["Dupuis SA", "Jean Dupont"], ["Durand"]]):
        index.add(str(number), _mentions(names))
    before = {q: index.match(q, prefix=True) for q in ("d", "du", "dup", "dupont", "j")}
    index.prepare()
    assert {q: index.match(q, prefix=True) for q in before} == before
    index.add("9", _mentions(["Dupuis SA"]))  # counts change: the prepared ones are dropped
    assert index.match("d", prefix=True) == {"0", "1", "2", "9"}


def test_a_saved_table_is_kept_whatever_numbers_were_retired(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A removed article's number keeps its old entry in the table; the check of a loaded
    # table against the index must not take that for a mismatch and rebuild the table.
    adopted: list[bool] = []
    adopt = LiveSearch._adopt

    def spy(search: LiveSearch, *args: Any) -> bool:
        adopted.append(adopt(search, *args))
        return adopted[-1]

    monkeypatch.setattr(LiveSearch, "_adopt", spy)
    corpus = Corpus()
    for article_id in "abc":
        corpus.add(article_id, ("Jean Dupont",), entities_first=False)
    corpus.search.prepare()
    corpus.remove("b")
    corpus.reload()
    adopted.clear()  # prepare() above built a fresh table: no loaded one to keep
    assert [hit for hit, _score in corpus.hits("@dupont")[1]] == ["a", "c"]
    assert adopted == [True]


def test_tied_articles_come_in_corpus_order_in_every_run() -> None:
    # Thousands of articles naming one entity alike all score the same for "@dupont": which of
    # them are shown, and in what order, must not hang on how a set of article numbers happens
    # to be laid out (it differs between an index built article by article and one loaded,
    # and with the numbers' spread: past a set's table size they wrap around).
    corpus = Corpus()
    ids = [f"a{k:05d}" for k in range(6000)]
    for k, article_id in enumerate(ids):
        names = ("Paul Martin",) if k % 20 else ("Jean Dupont",)
        corpus.add(article_id, names, entities_first=k % 2 == 0)
    mentioning = ids[::20]

    def shown(query: str) -> list[str]:
        return [hit.id for hit in corpus.search.search(query, 20, prefix_last=True).hits]

    for query in ("@dupont", "@du", "per:jean dupont"):
        assert shown(query) == mentioning[:20], query
    corpus.search.prepare()
    corpus.entities.prepare()
    corpus.reload()
    for query in ("@dupont", "@du", "per:jean dupont"):
        assert shown(query) == mentioning[:20], query
