"""Into a pipe, ``alireader search`` writes its hits without Rich: the lines must be exactly the
ones Rich would print there, whatever the articles hold."""

from __future__ import annotations

import io

from hypothesis import given, settings
from hypothesis import strategies as st

from alireader import human
from alireader.core.search import SearchIndex

_TEXT = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\n\t\r\x1b[]é’ 漢字 🙂"),
    max_size=60,
)


def _both(title: str, body: str, query: str) -> tuple[str, str]:
    index = SearchIndex()
    index.add_metadata("id\n1", title, None, None)
    index.add_body("id\n1", body)
    index.add_metadata("other", "Titre sans rapport", None, None)
    result = index.search(query, 10)
    rich_out = io.StringIO()
    human.print_hits(human.make_console(rich_out), result, 1.25)
    plain_out = io.StringIO()
    human.write_hits(plain_out, result, 1.25)
    return plain_out.getvalue(), rich_out.getvalue()


def test_a_hit_with_markup_and_escapes_is_written_as_rich_would() -> None:
    plain, rich = _both(
        "[bold]Alibaba[/bold] \x1b[31m rouge",
        "Le groupe Alibaba\tvend.\nAlibaba encore, \x07 et [link]fin.",
        "alibaba",
    )
    assert plain == rich
    assert "[bold]Alibaba[/bold]" in plain and "\x1b" not in plain


@settings(max_examples=60, deadline=None)
@given(title=_TEXT, body=_TEXT, word=st.sampled_from(["alibaba", "a", "zz", "!x", "'é"]))
def test_plain_hits_are_rich_hits(title: str, body: str, word: str) -> None:
    plain, rich = _both(f"{title} alibaba", f"{body} alibaba {body}", word)
    assert plain == rich


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(_TEXT, st.sampled_from(["PER", "ORG", "LOC", "DATE"]), st.integers(1, 10**6)),
        max_size=5,
    )
)
def test_corpus_entities_are_written_as_rich_would(found: list[tuple[str, str, int]]) -> None:
    from alireader.core.entity_index import EntityEntry
    from alireader.human_entities import print_corpus_entities, write_corpus_entities

    entries = [
        EntityEntry(text, label, text.casefold(), count, tuple(map(str, range(count % 3))))
        for text, label, count in found
    ]
    rich_out = io.StringIO()
    print_corpus_entities(human.make_console(rich_out), entries, {})
    plain_out = io.StringIO()
    write_corpus_entities(plain_out, entries)
    assert plain_out.getvalue() == rich_out.getvalue()
