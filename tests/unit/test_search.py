"""The search index: normalisation, typos, operators and ranking on small hand-made corpora,
the seeds' acceptance queries, highlights, and any query searched without raising."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.corpus import load_corpus
from alireader.core.highlight import word_spans
from alireader.core.models import ArticleSummary
from alireader.core.search import SearchIndex, index_words


def make_index(*docs: tuple[str, str, str]) -> SearchIndex:
    index = SearchIndex()
    for article_id, title, body in docs:
        index.add_metadata(article_id, title, author="Jeanne Dupont", source="AFP")
        index.add_body(article_id, body)
    return index


def ids(index: SearchIndex, query: str, prefix_last: bool = False) -> list[str]:
    return [hit.id for hit in index.search(query, 10, prefix_last=prefix_last).hits]


@pytest.fixture
def small() -> SearchIndex:
    return make_index(
        ("accents", "Le patron", "Sébastien Badault dirige L’Oréal aux États-Unis."),
        ("amazon", "Amazon tremble", "Le géant Amazon affronte Alibaba en Europe."),
        ("body", "Un marché", "On parle de la Chine et du commerce en ligne, longuement."),
        ("title", "La Chine avance", "Un article sur autre chose entièrement."),
        ("phrase", "Vitrine", "Le site 11 Main ferme ; main tendue, 11 magasins."),
        ("apart", "Vitrine bis", "Main de fer. " + "mot " * 50 + "Il y a 11 ans."),
    )


def test_index_words_fold_like_the_query() -> None:
    assert index_words("L’Oréal, ŒUVRE à États-Unis 2.000") == [
        "l",
        "oreal",
        "oeuvre",
        "a",
        "etats",
        "unis",
        "2",
        "000",
    ]
    assert index_words("Москва́ 北京") == ["москва", "北京"]


def test_accents_case_elision_and_hyphens(small: SearchIndex) -> None:
    assert ids(small, "sebastien") == ["accents"]
    assert ids(small, "OREAL") == ["accents"]
    assert ids(small, "etats-unis") == ["accents"]


def test_typo_thresholds(small: SearchIndex) -> None:
    assert ids(small, "badaut") == ["accents"]  # 7 letters: one typo
    assert ids(small, "sebasiten") == ["accents"]  # a transposition is one typo
    assert ids(small, "sbastiem") == ["accents"]  # 8 letters: two typos
    assert ids(small, "chone") == ["title", "body"]
    assert ids(small, "chin") == ["title", "body"]  # 4 letters: one edit (an insertion)
    assert ids(small, "chnei") == []  # 5 letters: two edits are too many
    assert ids(small, "cine") == ["title", "body"]
    assert ids(small, "eon") == []  # 3 letters: no typo


def test_title_beats_body_and_exact_beats_fuzzy(small: SearchIndex) -> None:
    assert ids(small, "chine") == ["title", "body"]
    index = make_index(("fuzzy", "Rien", "Les chines."), ("exact", "Rien", "La chine."))
    assert ids(index, "chine") == ["exact", "fuzzy"]


def test_prefix_while_typing(small: SearchIndex) -> None:
    assert ids(small, "seb bada", prefix_last=True) == []  # only the last word is a prefix
    assert ids(small, "sebastien bada", prefix_last=True) == ["accents"]
    assert ids(small, "sebastien bada") == []


def test_operators(small: SearchIndex) -> None:
    assert ids(small, "^alib") == ["amazon"]
    assert ids(small, "vitrine bis$") == ["apart"]
    assert ids(small, "'amazone") == []
    assert ids(small, "amazone") == ["amazon"]
    assert ids(small, "vitrine !bis") == ["phrase"]
    assert sorted(ids(small, "amazon | badault")) == ["accents", "amazon"]
    assert ids(small, "!vitrine !chine !amazon") == ["accents"]


def test_fields(small: SearchIndex) -> None:
    assert ids(small, "title:chine") == ["title"]
    assert len(ids(small, "author:dupont")) == 6
    assert ids(small, "source:dupont") == []


def test_phrases_need_adjacent_words(small: SearchIndex) -> None:
    assert ids(small, '"11 main"') == ["phrase"]
    assert set(ids(small, "11 main")) == {"phrase", "apart"}
    assert ids(small, "11 main")[0] == "phrase"  # closer words rank higher


def test_more_matched_terms_and_length_normalisation() -> None:
    short = "Alibaba."
    long = "Alibaba " + "remplissage " * 400
    index = make_index(("long", "x", long), ("short", "x", short))
    assert ids(index, "alibaba") == ["short", "long"]
    both = make_index(("one", "x", "alibaba"), ("two", "x", "alibaba amazon"))
    assert ids(both, "alibaba amazon | rien") == ["two"]


def test_filled_incrementally_titles_first() -> None:
    index = SearchIndex()
    index.add(
        ArticleSummary("a", "a.txt", "Alibaba en France", False, None, None, None, None, 10, "a")
    )
    assert ids(index, "france") == ["a"]
    assert ids(index, "magasin") == []
    index.add_body("a", "Des magasins physiques.")
    assert ids(index, "magasin") == ["a"]
    index.add_body("b", "Un corps sans titre.")
    assert ids(index, "corps") == ["b"]


def test_highlights_point_into_the_original_text(small: SearchIndex) -> None:
    hit = small.search("sebastien oreal etats", 1).hits[0]
    body = "Sébastien Badault dirige L’Oréal aux États-Unis."
    assert [body[a:b] for a, b in hit.body_matches] == ["Sébastien", "Oréal", "États"]
    assert [hit.snippet[a:b] for a, b in hit.snippet_matches] == ["Sébastien", "Oréal", "États"]
    title_hit = small.search("chine", 1).hits[0]
    assert [title_hit.title[a:b] for a, b in title_hit.title_matches] == ["Chine"]


def test_word_spans_survive_length_changing_folds() -> None:
    text = "Œuvre e\u0301te\u0301 ﬁn"
    assert [(w, text[a:b]) for w, (a, b) in word_spans(text)] == [
        ("oeuvre", "Œuvre"),
        ("ete", "e\u0301te\u0301"),
        ("fin", "ﬁn"),
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("sebastien badaut", {"003"}),
        ("zeiser", {"000", "001"}),
        ("laurent fabuis", {"002"}),
        ("ning yan boutique", {"004"}),
        ("double 11", {"003"}),
        ("oreal", {"003"}),
        ("etats-unis", {"000", "001"}),
    ],
)
def test_seed_acceptance(seeds_dir: Path, query: str, expected: set[str]) -> None:
    index = SearchIndex()
    index.add_many(load_corpus([seeds_dir]).articles)
    hits = index.search(query, 5).hits
    assert hits and hits[0].id[:3] in expected


_QUERY_ALPHABET = st.text(alphabet=st.sampled_from(list("ab é'^$!|\":-xTtitle:")), max_size=20)


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=30), _QUERY_ALPHABET), st.booleans())
def test_any_query_searches_without_raising(query: str, prefix_last: bool) -> None:
    index = make_index(("a", "Titre été", "Le corps de l’article, 11 Main."), ("b", "", ""))
    result = index.search(query, 5, prefix_last=prefix_last)
    for hit in result.hits:
        assert all(0 <= a < b <= len(hit.snippet) for a, b in hit.snippet_matches)


def test_highlights_are_lazy_and_fixed_at_search_time() -> None:
    index = make_index(("one", "Chine", "La Chine et le commerce."))
    hit = index.search("chine commerce", 1).hits[0]
    index.add_body("two", "Chine, commerce, Chine.")  # the index grows after the search
    assert hit.title_matches == [(0, 5)]
    assert hit.body_matches == [(3, 8), (15, 23)]
    assert hit.snippet == "La Chine et le commerce."
    assert hit.snippet_matches == hit.body_matches
    assert hit.body_matches is hit.body_matches  # computed once


def test_top_scores_is_nlargest_with_ties_in_order() -> None:
    import heapq

    from alireader.core.search import _top_scores

    scores = {doc: float(doc % 7) for doc in range(200)}
    for n in (0, 1, 5, 40, 199, 200, 300):
        assert _top_scores(scores, n) == heapq.nlargest(n, scores.items(), key=lambda i: i[1])


def test_positions_ignore_matches_across_items() -> None:
    from array import array

    from alireader.core.search import _positions

    # Little-endian 256, 1 is 00 01 00 00 01 00 00 00: "1" also appears at byte 1.
    tokens = array("I", [256, 1, 7, 1]).tobytes()
    assert _positions(tokens, [1]) == [1, 3]
    assert _positions(tokens, [1, 256]) == [0, 1, 3]
    assert _positions(tokens, [9]) == []


def test_phrases_typed_letter_by_letter_and_after_the_index_grows(small: SearchIndex) -> None:
    for end in range(len('"11 m'), len('"11 main"') + 1):
        assert ids(small, '"11 main"'[:end], prefix_last=True)[:1] == ["phrase"]
    small.add_body("later", "Au 11 main street.")
    assert sorted(ids(small, '"11 main"')) == ["later", "phrase"]


def test_prefix_ids_follow_the_sorted_words_as_words_are_added() -> None:
    from alireader.core.vocabulary import Vocabulary

    vocabulary = Vocabulary()
    for word in ("chine", "chat", "zebre"):
        vocabulary.add(word)
    assert vocabulary.ids_starting_with("ch") == [1, 0]
    for word in ("chien", "cha", "abc"):  # inserted into the sorted arrays, not re-sorted
        vocabulary.add(word)
    words = vocabulary.starting_with("ch")
    assert words == ["cha", "chat", "chien", "chine"]
    assert vocabulary.ids_starting_with("ch") == [vocabulary.ids[w] for w in words]


def test_prepare_changes_no_result(small: SearchIndex) -> None:
    before = [ids(small, query, prefix_last=True) for query in ("ch", "ama", "^vit", "bis$")]
    small.add_body("late", "Chine, Amazon, vitrine bis.")
    small.prepare()
    after = [ids(small, query, prefix_last=True) for query in ("ch", "ama", "^vit", "bis$")]
    assert [sorted(set(found) - {"late"}) for found in after] == [sorted(b) for b in before]
    assert all("late" in found for found in after)
