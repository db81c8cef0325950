"""Fuzzing the query parser: whatever is typed (operators in any order, escape sequences, lone
surrogates, any script), it returns a query whose terms hold real words and whose description
is one printable line the search bar can show."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.query import WORD, Mode, parse_query

SETTINGS = settings(max_examples=300, deadline=None)
# Every code point, lone surrogates and controls included (st.text() leaves surrogates out).
ANY_CHARACTER = st.characters(exclude_categories=())
OPERATORS = st.sampled_from(
    ["!", "'", "^", "$", "|", '"', ":", "title:", "author:", "SOURCE:", " ", "  ", "\t", "\n"]
)
PIECES = st.one_of(
    OPERATORS,
    st.sampled_from(["alibaba", "États-Unis", "l’oréal", "11", "北京", "مرحبا", "e\u0301"]),
    st.sampled_from(["\x1b[31m", "\x1b]52;c;AA\x07", "[bold]", "[@click=app.quit]", "\x00"]),
    st.text(ANY_CHARACTER, max_size=5),
)
QUERIES = st.one_of(st.text(ANY_CHARACTER), st.lists(PIECES, max_size=30).map("".join))


def _printable_line(text: str) -> bool:
    return not any(ord(ch) < 0x20 or 0x7F <= ord(ch) <= 0x9F for ch in text) and all(
        not 0xD800 <= ord(ch) <= 0xDFFF for ch in text
    )


@SETTINGS
@given(QUERIES, st.booleans())
def test_any_query_parses_to_real_words(text: str, prefix_last: bool) -> None:
    query = parse_query(text, prefix_last)
    assert query.text == text
    assert query.is_empty == (not query.clauses)
    for clause in query.clauses:
        assert clause, "an empty clause"
        for term in clause:
            assert term.words
            assert all(WORD.fullmatch(word) for word in term.words), term
            assert not (term.negated and term.prefix)


@SETTINGS
@given(QUERIES, st.booleans())
def test_the_description_is_one_printable_line(text: str, prefix_last: bool) -> None:
    description = parse_query(text, prefix_last).description
    assert isinstance(description, str) and description
    assert _printable_line(description), repr(description)


@SETTINGS
@given(QUERIES, st.booleans())
def test_parsing_is_deterministic_and_only_the_last_word_is_a_prefix(
    text: str, prefix_last: bool
) -> None:
    query = parse_query(text, prefix_last)
    assert query == parse_query(text, prefix_last)
    terms = [term for clause in query.clauses for term in clause]
    prefixed = [term for term in terms if term.prefix]
    if not prefix_last:
        assert not prefixed
    else:
        assert len(prefixed) <= 1
        assert not prefixed or (prefixed[0] is terms[-1] and prefixed[0].mode is Mode.FUZZY)


@SETTINGS
@given(st.lists(PIECES, max_size=30).map("".join))
def test_typing_one_more_character_never_breaks_the_parse(text: str) -> None:
    # The search bar parses every prefix of what is typed.
    for end in range(len(text) + 1):
        parse_query(text[:end], prefix_last=True)
