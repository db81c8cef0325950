"""Limits that protect the reader: an article over the display limit shows its first part and a
notice until "show anyway" is pressed; a file over the size limit is named, never read whole."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets import Static

from alireader.core.models import ArticleSummary
from alireader.limits import display_cut
from alireader.ui.app import ReaderApp
from alireader.ui.bodies import BodyStore
from tests.ui.conftest import wait_loaded, wait_reader, write_corpus

AppFactory = Callable[..., ReaderApp]

LIMIT_KB = 16


def _long_article(paragraphs: int) -> str:
    body = "\n\n".join(
        f"Paragraphe {n} : une phrase assez longue pour remplir la ligne du lecteur."
        for n in range(paragraphs)
    )
    return f"Un très long article\n\n{body}\n\nDERNIERMOT final.\n"


def _body(app: ReaderApp) -> str:
    return str(app.main.query_one("#body", Static).render())


def _corpus(tmp_path: Path) -> Path:
    return write_corpus(
        tmp_path / "c",
        {"a.txt": "Un court article\n\nQuelques mots seulement.\n", "b.txt": _long_article(600)},
    )


async def _open_long(app: ReaderApp, pilot: object) -> None:
    await wait_loaded(pilot)  # type: ignore[arg-type]
    await pilot.press("j")  # type: ignore[attr-defined]
    await wait_reader(pilot)  # type: ignore[arg-type]


async def test_a_long_article_is_cut_with_a_notice_until_shown_anyway(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app([_corpus(tmp_path)], max_display_kb=LIMIT_KB)  # reader.max_display_kb
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_long(app, pilot)
        reader = app.main.reader
        assert reader.max_display_bytes == LIMIT_KB * 1024
        shown = _body(app)
        assert reader.cut is not None and reader.cut.shown_bytes <= LIMIT_KB * 1024
        assert "Paragraphe 0 :" in shown and "DERNIERMOT" not in shown
        assert "[Only the first 16 KB of this" in shown
        assert "Press f to show all of it.]" in shown
        assert reader.check_action("show_full", ()) is True  # offered in the footer
        await pilot.press("tab")  # the keyboard to the reader
        await pilot.press("f")
        await pilot.pause()
        shown = _body(app)
        assert reader.cut is None and reader.show_full
        assert "DERNIERMOT final." in shown and "Only the first" not in shown
        assert reader.check_action("show_full", ()) is False
        await pilot.press("tab", "k", "j")  # away and back: cut again, as on a first visit
        await wait_reader(pilot)
        assert reader.cut is not None and "DERNIERMOT" not in _body(app)


async def test_the_show_anyway_key_can_be_remapped_and_the_notice_names_it(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app([_corpus(tmp_path)], keymap={"reader.show_full": "A"}, max_display_kb=LIMIT_KB)
    async with app.run_test(size=(120, 40)) as pilot:
        await _open_long(app, pilot)
        assert "Press A to show all of it.]" in _body(app)
        await pilot.press("tab", "f")
        await pilot.pause()
        assert app.main.reader.cut is not None  # f no longer does it
        await pilot.press("A")
        await pilot.pause()
        assert "DERNIERMOT final." in _body(app)


async def test_a_short_article_has_no_notice_and_no_show_anyway(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app([_corpus(tmp_path)], max_display_kb=LIMIT_KB)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        await wait_reader(pilot)
        reader = app.main.reader
        assert reader.summary is not None and reader.summary.title == "Un court article"
        assert reader.cut is None and "Only the first" not in _body(app)
        assert reader.check_action("show_full", ()) is False


def test_a_file_over_the_size_limit_is_named_and_not_read(tmp_path: Path) -> None:
    path = write_corpus(tmp_path / "c", {"big.txt": _long_article(100)}) / "big.txt"
    summary = ArticleSummary(
        id="big", path=str(path), title="Un très long article", title_inferred=False,
        author=None, source=None, category=None, date=None, words=5, key="k",
    )  # fmt: skip
    message = BodyStore(max_bytes=1024).fetch(summary)
    assert isinstance(message, str)
    assert str(path) in message and "too large" in message and "max_file_mb" in message
    assert not isinstance(BodyStore().fetch(summary), str)  # under the default limit: read


@settings(max_examples=200, deadline=None)
@given(
    body=st.text(
        st.characters(blacklist_categories=("Cs",)) | st.sampled_from("\n "), max_size=400
    ),
    limit=st.integers(min_value=1, max_value=600),
)
def test_the_cut_keeps_within_the_limit_and_only_cuts_what_is_over(body: str, limit: int) -> None:
    size = len(body.encode("utf-8"))
    cut = display_cut(body, limit)
    if size <= limit:
        assert cut is None
        return
    assert cut is not None
    assert cut.total_bytes == size
    assert cut.shown_bytes == len(body[: cut.at].encode("utf-8")) <= limit
    # Never far back from the limit: at most the 20% given to find a break (plus one char).
    assert cut.shown_bytes >= int(limit * 0.8) - 4
