"""Entity terms of the query language: ``@name`` and ``per:name`` find the articles that
mention a named entity, through the lookup the entity index provides."""

from __future__ import annotations

from alireader.core.query import Field, parse_query
from alireader.core.search import SearchIndex


def test_at_and_label_prefixes_make_entity_terms() -> None:
    [[at]] = parse_query("@Badault").clauses
    assert (at.field, at.label, at.words) == (Field.ENTITY, None, ("badault",))
    [[per]] = parse_query('per:"Sébastien Badault"').clauses
    assert (per.field, per.label, per.words) == (Field.ENTITY, "PER", ("sebastien", "badault"))
    [[org]] = parse_query("!ORG:amazon").clauses
    assert (org.label, org.negated) == ("ORG", True)


def test_entity_terms_are_described_by_their_kind() -> None:
    assert parse_query('per:"marie curie"').description == 'person "marie curie"'
    assert parse_query("@paris").description == 'entity "paris"'
    assert parse_query("!loc:lyon").description == 'not place "lyon"'


def test_a_label_or_at_without_a_name_is_read_literally() -> None:
    assert parse_query("per:").is_empty
    assert "no name" in parse_query("per:").description
    # "@" alone is punctuation; "perso:x" is no label, so it is searched as words.
    assert parse_query("@").is_empty
    [[term]] = parse_query("perso:x").clauses
    assert term.field is Field.ANY


def test_the_name_being_typed_is_a_prefix() -> None:
    [[term]] = parse_query("@bad", prefix_last=True).clauses
    assert term.prefix and term.field is Field.ENTITY


def _index() -> tuple[SearchIndex, list[tuple[tuple[str, ...], str | None, bool]]]:
    index = SearchIndex()
    index.add_metadata("a", "Un portrait")
    index.add_body("a", "Marie Curie travaille à Paris. Curie publie.")
    index.add_metadata("b", "Un prix")
    index.add_body("b", "Selon Marie Curie, la recherche avance.")
    index.add_metadata("c", "La curiosité")
    index.add_body("c", "Une curie romaine, rien à voir.")
    asked: list[tuple[tuple[str, ...], str | None, bool]] = []
    mentions = {("marie", "curie"): {"a", "b"}, ("curie",): {"a", "b"}}

    def lookup(words: tuple[str, ...], label: str | None, prefix: bool) -> set[str]:
        asked.append((words, label, prefix))
        return mentions.get(words, set()) if label in (None, "PER") else set()

    index.entity_lookup = lookup
    return index, asked


def test_entity_terms_find_the_articles_the_lookup_names() -> None:
    index, asked = _index()
    hits = index.search('per:"marie curie"').hits
    assert sorted(hit.id for hit in hits) == ["a", "b"]
    assert hits[0].id == "a"  # says the name's words more often
    assert asked == [(("marie", "curie"), "PER", False)]
    assert "curie" in hits[0].wanted  # the name is highlighted in the text
    # The word alone also finds the article where "curie" is a common noun; the entity not.
    assert {hit.id for hit in index.search("curie").hits} == {"a", "b", "c"}
    assert index.search("org:curie").hits == []


def test_entity_terms_combine_with_words_and_negation() -> None:
    index, _asked = _index()
    assert [hit.id for hit in index.search("@curie paris").hits] == ["a"]
    assert [hit.id for hit in index.search("curie !@curie").hits] == ["c"]


def test_without_an_entity_index_entity_terms_find_nothing() -> None:
    index, _asked = _index()
    index.entity_lookup = None
    assert index.search("@curie").hits == []
