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
