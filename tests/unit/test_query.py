"""The query language: every operator, malformed input, and what the bar is told."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from alireader.core.query import Field, Mode, Term, parse_query, query_words, typo_budget


def terms(text: str, prefix_last: bool = False) -> list[list[Term]]:
    return [list(clause) for clause in parse_query(text, prefix_last).clauses]


def test_words_are_all_required_and_folded() -> None:
    assert terms("Sébastien  BADAULT") == [[Term(("sebastien",))], [Term(("badault",))]]


def test_operators() -> None:
    assert terms("'exact")[0][0].mode is Mode.EXACT
    assert terms("^pre")[0][0].mode is Mode.PREFIX
    assert terms("suf$")[0][0].mode is Mode.SUFFIX
    assert terms("^whole$")[0][0].mode is Mode.EXACT
    negated = terms("!amazon")[0][0]
    assert negated.negated and negated.words == ("amazon",)


def test_or_groups_alternatives_into_one_clause() -> None:
    parsed = terms("alibaba amazon | ebay")
    assert [[t.words for t in clause] for clause in parsed] == [
        [("alibaba",)],
        [("amazon",), ("ebay",)],
    ]
    assert [[t.words for t in c] for c in terms("a|b")] == [[("a",), ("b",)]]


def test_field_filters() -> None:
    assert terms("title:Chine")[0][0].field is Field.TITLE
    assert terms("AUTHOR:leroy")[0][0].field is Field.AUTHOR
    combined = terms("!source:'afp")[0][0]
    assert (combined.field, combined.mode, combined.negated) == (Field.SOURCE, Mode.EXACT, True)
    # An unknown field is read literally: its name is one more word of a phrase.
    assert terms("foo:bar")[0][0].words == ("foo", "bar")


def test_phrases_quoted_hyphenated_and_elided() -> None:
    assert terms('"11 main" vitrine')[0][0].words == ("11", "main")
    assert terms("États-Unis")[0][0].words == ("etats", "unis")
    assert terms("L’Oréal")[0][0].words == ("l", "oreal")
    assert terms('"unclosed phrase here')[0][0].words == ("unclosed", "phrase", "here")


def test_prefix_only_for_the_last_word_while_typing() -> None:
    typed = terms("sebastien bada", prefix_last=True)
    assert [t.prefix for clause in typed for t in clause] == [False, True]
    assert not any(t.prefix for c in terms("sebastien bada ", prefix_last=True) for t in c)
    assert not any(t.prefix for c in terms("sebastien bada") for t in c)
    assert not terms("!bada", prefix_last=True)[0][0].prefix  # never exclude by a prefix


def test_malformed_queries_are_read_literally_and_described() -> None:
    for text in ("", "   ", "|", "| |", "!", "'", "^$", '"', "title:", "!!!"):
        query = parse_query(text)
        assert query.is_empty, text
        assert query.description.startswith("nothing to search")
    dangling = parse_query("| alibaba |")
    assert [[t.words for t in c] for c in dangling.clauses] == [[("alibaba",)]]
    assert "trailing '|'" in dangling.description
    assert "ignored '!'" in parse_query("alibaba !").description


def test_description_reads_what_was_understood() -> None:
    text = parse_query('title:chine !amazon "11 main" a | b ^ali', prefix_last=True).description
    assert text == (
        'title:"chine" and not "amazon" and phrase "11 main" and "a" or "b" and "ali" (prefix)'
    )


def test_typo_budget_grows_with_length() -> None:
    assert [typo_budget(w) for w in ("ali", "ning", "badault", "sebastien")] == [0, 1, 1, 2]
    assert typo_budget("20190") == 0  # numbers are exact


def test_query_words_use_the_shared_folding() -> None:
    assert query_words("Œuvre ﬁnale «L’Oréal»") == ["oeuvre", "finale", "l", "oreal"]


@given(st.text())
def test_any_text_parses(text: str) -> None:
    for prefix_last in (False, True):
        query = parse_query(text, prefix_last)
        assert isinstance(query.description, str)
        assert all(term.words for clause in query.clauses for term in clause)
