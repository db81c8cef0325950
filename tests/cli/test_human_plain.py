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


def test_hits_on_a_terminal_wrap_between_words_under_a_whole_id() -> None:
    from rich.console import Console

    index = SearchIndex()
    long_id = (
        "economie/2024/lot-186/alibaba-pense-a-ouvrir-des-magasins-aliexpress-en-france-081929"
    )
    title = "Alibaba pense à ouvrir des magasins physiques en France pour la première fois"
    body = " ".join(["Le groupe Alibaba annonce une expansion européenne ambitieuse."] * 6)
    index.add_metadata(long_id, title, None, None)
    index.add_body(long_id, body)
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, color_system=None, width=50)
    human.print_hits(console, index.search("alibaba", 5), 1.0)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(long_id + "  ")  # the ID whole, to copy for `show`
    float(lines[0].split()[-1])  # then its score
    wrapped = [line for line in lines[1:-1] if line.strip()]  # the last line is the summary
    assert all(len(line) <= 50 for line in wrapped)
    known = {word.strip("…") for word in (title + " " + body).split()}
    assert all(word.strip("…") in known for line in wrapped for word in line.split())
    assert wrapped[0].startswith("  Alibaba pense")
    assert wrapped[-1].startswith("    ")  # the snippet, indented under the title


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\x9b\u202e\x1b\u2066é"))
)
def test_json_output_reads_back_the_same_and_drives_no_terminal(text: str) -> None:
    import json
    import re

    from alireader.json_shapes import dump_json

    out = io.StringIO()
    dump_json({"title": text, "list": [text]}, out)
    assert json.loads(out.getvalue()) == {"title": text, "list": [text]}
    assert not re.search(
        "[\x00-\x1f\x80-\x9f\u202a-\u202e\u2066-\u2069]", out.getvalue()[:-1].replace("\n", "")
    )


def test_no_hit_is_said_plainly() -> None:
    plain, rich = _both("Un titre", "Un texte.", "zzzqqq")
    assert plain == rich
    assert plain.startswith("No matching article (") and "0 of 0" not in plain
