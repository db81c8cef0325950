"""A search index pickled and loaded back (the reader's warm start) answers as the original."""

from __future__ import annotations

import pickle

import pytest

from alireader.core.search import SearchIndex

DOCS = (
    ("accents", "Le patron", "Sébastien Badault dirige L’Oréal aux États-Unis."),
    ("amazon", "Amazon tremble", "Le géant Amazon affronte Alibaba en Europe."),
    ("body", "Un marché", "On parle de la Chine et du commerce en ligne, longuement."),
    ("title", "La Chine avance", "Un article sur autre chose entièrement."),
    ("phrase", "Vitrine", "Le site 11 Main ferme ; main tendue, 11 magasins."),
)
QUERIES = (
    "sebastien badaut",
    "chine",
    "'amazon !alibaba",
    '"11 main"',
    "^ali",
    "title:chine | source:afp",
    "c",
    "comerce en li",
)


def build() -> SearchIndex:
    index = SearchIndex()
    for article_id, title, body in DOCS:
        index.add_metadata(article_id, title, author="Jeanne Dupont", source="AFP")
        index.add_body(article_id, body)
    return index


def view(index: SearchIndex, query: str, prefix_last: bool) -> list[tuple[object, ...]]:
    result = index.search(query, 10, prefix_last=prefix_last)
    return [
        (result.total, hit.id, hit.score, hit.title_matches, hit.snippet, hit.body_matches)
        for hit in result.hits
    ]


@pytest.mark.parametrize("prefix_last", [False, True])
def test_a_loaded_index_answers_every_query_as_the_original(prefix_last: bool) -> None:
    index = build()
    for query in QUERIES:  # fill the caches: they must not travel
        index.search(query, 10, prefix_last=prefix_last)
    loaded = pickle.loads(pickle.dumps(index))
    assert len(loaded) == len(index)
    for query in QUERIES:
        assert view(loaded, query, prefix_last) == view(index, query, prefix_last), query


def test_a_loaded_index_keeps_growing_and_drops_callables() -> None:
    index = build()
    index.entity_lookup = lambda words, label, prefix: ["amazon"]
    index.body_loader = lambda article_id: "unused"
    loaded = pickle.loads(pickle.dumps(index))  # a lambda would not pickle
    assert loaded.entity_lookup is None and loaded.body_loader is None
    loaded.add_metadata("new", "Zeiser rachète Amazon")
    loaded.add_body("new", "Le groupe Zeiser annonce un rachat.")
    loaded.add_body("accents", "ignored: a body is indexed once")
    assert [hit.id for hit in loaded.search("zeiser").hits] == ["new"]
    assert [hit.id for hit in loaded.search("ignored").hits] == []


def test_bodies_are_fetched_lazily_when_a_loader_is_given() -> None:
    fetched: list[str] = []
    bodies = {article_id: body for article_id, _title, body in DOCS}

    def load(article_id: str) -> str:
        fetched.append(article_id)
        return bodies[article_id]

    lazy = SearchIndex(body_loader=load)
    for article_id, title, body in DOCS:
        lazy.add_metadata(article_id, title)
        lazy.add_body(article_id, body)
    assert b"Badault" not in pickle.dumps(lazy)  # no body kept (the index folds words)
    assert b"Badault" in pickle.dumps(build())
    hits = lazy.search("oreal").hits
    assert fetched == []  # nothing read until a snippet is asked for
    assert [hit.id for hit in hits] == ["accents"]
    assert "L’Oréal" in hits[0].snippet
    assert hits[0].body_matches and fetched == ["accents"]


def test_a_prepared_index_loads_prepared_and_answers_as_the_original() -> None:
    index = build()
    index.prepare()
    loaded = pickle.loads(pickle.dumps(index))
    # What prepare() derived travels: nothing is left to sort or count on the first keystroke.
    assert loaded._prepared()
    assert loaded.vocabulary._unsorted == []
    for query in QUERIES:
        for prefix_last in (False, True):
            assert view(loaded, query, prefix_last) == view(index, query, prefix_last), query
    # ... and an addition voids it as on the original, with the new word found by prefix.
    loaded.add_metadata("new", "Zeppelins en vue")
    assert not loaded._prepared()
    assert [hit.id for hit in loaded.search("zepp", prefix_last=True).hits] == ["new"]
    assert [hit.id for hit in loaded.search("sniléppez$").hits] == []
    assert [hit.id for hit in loaded.search("elins$").hits] == ["new"]


def test_an_unprepared_index_travels_without_stale_derivations() -> None:
    index = build()
    index.prepare()
    index.add_metadata("late", "Quartz et silice")  # voids the preparation
    loaded = pickle.loads(pickle.dumps(index))
    assert not loaded._prepared()
    assert [hit.id for hit in loaded.search("quar", prefix_last=True).hits] == ["late"]
    loaded.prepare()
    assert [hit.id for hit in loaded.search("quar", prefix_last=True).hits] == ["late"]
