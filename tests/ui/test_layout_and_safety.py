"""Pilot tests: literal rendering of hostile text, narrow and wide layouts, 100k rows."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from rich.text import Text
from textual.widgets import Static

from alireader.core.models import ArticleSummary
from alireader.ui.app import ReaderApp
from alireader.ui.widgets.article_list import fit
from tests.ui.conftest import wait_loaded, write_corpus

AppFactory = Callable[..., ReaderApp]
HOSTILE = "[bold red]x[/] \x1b[31mrouge\x07"


async def test_markup_and_escape_sequences_render_literally(
    make_app: AppFactory, tmp_path: Path
) -> None:
    text = f"Titre {HOSTILE}\n\nPar Jean Dupont\n\nLe corps {HOSTILE} continue ici.\n"
    corpus = write_corpus(tmp_path / "c", {"hostile.txt": text})
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        row = app.main.article_list.render_line(0).text
        assert "[bold red]x[/] ␛[31mrouge␇" in row and "\x1b" not in row
        reader = app.main.reader
        for name in ("title", "body"):
            content = reader.query_one(f"#{name}", Static).content
            assert isinstance(content, Text)
            assert "[bold red]x[/] ␛[31mrouge␇" in content.plain
            assert "\x1b" not in content.plain and "\x07" not in content.plain
            # No style came out of the article's text: markup was never parsed.
            assert not any("red" in str(span.style) for span in content.spans)
        # What reaches the screen: the SVG export of the composed frame.
        svg = app.export_screenshot().replace("&#160;", " ")
        assert "[bold red]x[/]" in svg and "␛[31mrouge␇" in svg and "\x1b" not in svg


async def test_narrow_terminal_stacks_list_over_reader(
    make_app: AppFactory, tmp_path: Path
) -> None:
    long_title = "Un titre vraiment très long " * 8
    corpus = write_corpus(
        tmp_path / "c", {"a.txt": f"{long_title}\n\nLe texte de l'article.\n", "b.txt": "B\n\nx.\n"}
    )
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        screen, articles, reader = app.main, app.main.article_list, app.main.reader
        assert screen.has_class("-narrow")
        assert articles.region.width == 80 and reader.region.y > articles.region.bottom - 1
        row = articles.render_line(0).text
        assert len(row) == articles.scrollable_content_region.width
        assert "…" in row and "\n" not in row  # ellipsised, not wrapped
        list_height = articles.region.height
        await pilot.press("enter")
        await pilot.pause()
        assert articles.region.height < list_height  # the reader gets the room
        assert reader.region.height >= 14
        await pilot.resize_terminal(160, 48)
        await pilot.pause()
        assert not screen.has_class("-narrow")
        assert reader.region.x >= articles.region.right and reader.region.y == articles.region.y


def test_fit_ellipsises_wide_characters() -> None:
    assert fit("abc", 5) == "abc  "
    assert fit("abcdef", 4) == "abc…"
    assert fit("日本語テキスト", 6) == "日本 …"  # a wide character never straddles the cut
    assert fit("x", 0) == ""


def _summary(number: int) -> ArticleSummary:
    return ArticleSummary(
        id=f"a{number}", path="", title=f"Article numéro {number}", title_inferred=False,
        author=None, source="Source", category=None, date=None, words=2, key=str(number),
    )  # fmt: skip


async def test_the_list_stays_virtual_with_100k_rows(make_app: AppFactory, tmp_path: Path) -> None:
    app = make_app([write_corpus(tmp_path / "empty", {})])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        count = 100_000
        indexes = app.library.extend([_summary(n) for n in range(count)])
        app.main.articles_added(indexes)
        await pilot.pause()
        articles = app.main.article_list
        assert articles.virtual_size.height == count
        await pilot.press("G")
        await pilot.pause()
        assert articles.cursor == count - 1
        assert app.main.reader.summary is app.library.articles[-1]
        bottom = articles.scrollable_content_region.height - 1
        assert "Article numéro 99999" in articles.render_line(bottom).text
        await pilot.press("k", "pageup")
        assert articles.cursor == count - 2 - (articles.scrollable_content_region.height - 1)


async def test_notices_quoting_names_are_plain_text(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        app.notify("Cannot read [bold]x[/].txt [@click=app.quit]")
        await pilot.pause()
        [notice] = list(app._notifications)
        assert notice.message == "Cannot read [bold]x[/].txt [@click=app.quit]"
        assert not notice.markup
        assert app.is_running


async def test_the_progress_line_is_not_hidden_by_the_footer(make_app: AppFactory) -> None:
    from textual.widgets import Footer

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        line = app.main.query_one("#loading")
        line.display = True  # as while a large corpus loads or is indexed
        await pilot.pause()
        footer = app.main.query_one(Footer)
        assert line.region.height == 1
        assert not line.region.overlaps(footer.region)


async def test_the_cursor_row_stays_on_screen_when_the_reader_takes_the_room(
    make_app: AppFactory,
) -> None:
    # At 80x24 the list shrinks to a few rows while an article is read: the row of the
    # article being read must still be among them.
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("g", "j", "j", "j", "j", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        article_list = app.main.article_list
        top = round(article_list.scroll_offset.y)
        height = article_list.scrollable_content_region.height
        assert height < len(article_list.rows) * article_list.row_height  # it did shrink
        assert top <= article_list.cursor * article_list.row_height < top + height


async def test_a_filtered_list_says_so_in_a_narrow_header(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("u")  # unread only
        await pilot.pause()
        header = app.sub_title
        assert "showing unread" in header
        # Within what 80 columns show after "≡ alireader · bundled seeds · ".
        assert header.index("showing unread") + len("showing unread") < 80 - 30
