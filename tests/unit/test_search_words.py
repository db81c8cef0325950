"""The index's fast tokeniser (``core/words.py``) agrees with the query's definition of a word
for any text: French text through the replacement table, anything else through folding."""

from __future__ import annotations

from functools import partial

from hypothesis import example, given, settings
from hypothesis import strategies as st

from alireader.core.query import query_words
from alireader.core.words import index_words

# Characters where a table could go wrong: accents precomposed and combining, ligatures,
# typographic punctuation and spaces, letters of other scripts that take accents too ("и" +
# breve is "й", a letter of its own), digits and symbols that are letters to Unicode ("²").
_TRICKY = list(
    "aAeEzZ09 _-'.,éÉèàçœŒæßẞﬁﬂĳøØłŁİı’‘«»“”…–—€°²½µ"
    "\u00a0\u202f\u2009\u0301\u0306\u0308\u0345иМοσς北"
)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from(_TRICKY), max_size=40), st.text(max_size=40)))
@example("Москва́ 北京")
@example("и\u0306 L’Oréal")
@example("ø\u0301 €")
def test_index_words_agree_with_query_words(text: str) -> None:
    assert index_words(text) == query_words(text)


# Every Latin-1 character (the one-pass table) with the characters replaced before it.
_LATIN_1 = st.one_of(
    st.characters(max_codepoint=0xFF), st.sampled_from(list("’\u202fœŒ“”…–—€‘\u0301ﬁ"))
)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_LATIN_1, max_size=60))
@example("Æsop’s straße ÞÐ ª²µ ×÷ ÿ")
def test_latin_1_text_is_folded_like_any_text(text: str) -> None:
    assert index_words(text) == query_words(text)


def test_french_text_is_folded_and_split() -> None:
    text = "« L’Œuvre », dit Sébastien\u00a0: ﬁn à 20\u202f%… États-Unis"
    assert index_words(text) == [
        "l",
        "oeuvre",
        "dit",
        "sebastien",
        "fin",
        "a",
        "20",
        "etats",
        "unis",
    ]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from(_TRICKY), max_size=30), min_size=1, max_size=4))
def test_words_computed_elsewhere_index_like_the_body(bodies: list[str]) -> None:
    from alireader.core.search import SearchIndex

    here, elsewhere = SearchIndex(), SearchIndex()
    for number, body in enumerate(bodies):
        here.add_body(f"a{number}", body)
        # As a worker sends them (analysers.search_words): joined by spaces, split here.
        elsewhere.add_body_words(f"a{number}", body, " ".join(index_words(body)).split())
    for query in {word for body in bodies for word in index_words(body)} | {"a"}:
        assert [(h.id, h.score) for h in here.search(query, 10).hits] == [
            (h.id, h.score) for h in elsewhere.search(query, 10).hits
        ]


_NAMES = st.sampled_from(["", "AFP", "Le Monde", "Marie Curie", "Curie", "AFP AFP", "—"])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(_NAMES, _NAMES), min_size=1, max_size=8))
def test_repeated_authors_and_sources_index_as_if_each_were_new(
    fields: list[tuple[str, str]],
) -> None:
    from alireader.core.search import SearchIndex

    def unshared(index: SearchIndex, number: int, field: int, text: str) -> bytes:
        return index._index_words(number, field, index_words(text))

    shared, plain = SearchIndex(), SearchIndex()
    plain._index_field = partial(unshared, plain)  # type: ignore[method-assign]
    for index in (shared, plain):
        for number, (author, source) in enumerate(fields):
            index.add_metadata(f"a{number}", "titre", author, source)
    assert shared.vocabulary.words == plain.vocabulary.words
    for field in range(4):
        assert dict(shared._postings[field]) == dict(plain._postings[field])
        assert list(shared._tokens[field]) == list(plain._tokens[field])
