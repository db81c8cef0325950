"""Pilot tests of the main key flows: moving, opening, paging, switching panes, filters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alireader.core.corpus import load_corpus
from alireader.ui.app import ReaderApp
from alireader.ui.widgets import ArticleList, ReaderPane
from tests.ui.conftest import wait_loaded, wait_reader, write_corpus

AppFactory = Callable[..., ReaderApp]


async def test_jk_g_G_move_the_cursor_and_drive_the_reader(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        articles = app.main.article_list
        assert articles.has_focus and len(articles.rows) == 5
        assert app.main.reader.summary is app.library.articles[0]
        await pilot.press("j", "down")
        assert articles.cursor == 2
        await pilot.pause()
        assert app.main.reader.summary is app.library.articles[articles.rows[2]]
        await pilot.press("k")
        assert articles.cursor == 1
        await pilot.press("G")
        assert articles.cursor == 4
        await pilot.press("g")
        assert articles.cursor == 0
        await pilot.press("end", "up", "home")
        assert articles.cursor == 0


async def test_enter_opens_marks_read_and_focuses_the_reader(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j")
        assert app.library.unread == 5
        await pilot.press("enter")
        await pilot.pause()
        reader = app.main.reader
        assert reader.has_focus
        assert reader.summary is app.library.articles[1]
        assert app.library.is_read(1) and app.library.unread == 4
        assert "4 unread" in app.sub_title
        await pilot.press("escape")
        assert app.main.article_list.has_focus


async def test_tab_switches_panes_and_n_p_move_between_articles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("tab")
        assert app.main.reader.has_focus
        await pilot.press("n", "n")
        await pilot.pause()
        assert app.main.article_list.cursor == 2
        assert app.main.reader.summary is app.library.articles[2]
        # Reading in the reader pane marks what is read: the first three articles.
        assert [app.library.is_read(i) for i in range(5)] == [True, True, True, False, False]
        await pilot.press("p")
        await pilot.pause()
        assert app.main.reader.summary is app.library.articles[1]
        await pilot.press("tab")
        assert app.main.article_list.has_focus


def _long_article(paragraphs: int = 40) -> str:
    body = "\n\n".join(
        f"Paragraphe {n}. Une phrase assez longue pour remplir une ligne entière du lecteur, "
        "puis encore une autre pour être certain que le texte déborde de l'écran."
        for n in range(paragraphs)
    )
    return f"Un article très long\n\n{body}\n"


async def test_space_and_pagedown_page_the_reader(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus", {"long.txt": _long_article()})
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        reader = app.main.reader
        assert reader.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        first_page = reader.scroll_y
        assert first_page > 5
        await pilot.press("pagedown")
        await pilot.pause()
        assert reader.scroll_y > first_page
        await pilot.press("pageup", "pageup")
        await pilot.pause()
        assert reader.scroll_y == 0
        await pilot.press("G")
        await pilot.pause()
        assert reader.scroll_y == reader.max_scroll_y


async def test_m_toggles_read_and_b_bookmarks(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("m")
        assert app.library.is_read(0)
        await pilot.press("m")
        assert not app.library.is_read(0)
        await pilot.press("b")
        assert app.library.is_bookmarked(0) and "1 bookmarked" in app.sub_title
        line = app.main.article_list.render_line(0).text
        assert "★" in line and "●" in line


async def test_unread_and_bookmarked_filters(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        articles = app.main.article_list
        await pilot.press("m", "j", "b")  # read the first, bookmark the second
        await pilot.press("u")
        assert articles.rows == [1, 2, 3, 4]
        assert articles.highlighted == 1  # the current article stays under the cursor
        assert "showing unread" in app.sub_title
        await pilot.press("B")
        assert articles.rows == [1]
        await pilot.press("u", "B")
        assert articles.rows == [0, 1, 2, 3, 4]


async def test_r_shows_the_removed_boilerplate(make_app: AppFactory, seeds: Path) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        full = load_corpus([seeds]).articles  # the summaries do not hold the removed lines
        index = next(i for i, a in enumerate(full) if a.removed)
        app.main.article_list.select_article(index)
        await wait_reader(pilot)
        removed = app.main.query_one("#removed")
        assert not removed.display
        await pilot.press("r")
        assert removed.display
        text = str(removed.render())
        assert "Removed from the body" in text
        assert full[index].removed[0].text in text
        await pilot.press("r")
        assert not removed.display


async def test_q_quits(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("q")
    assert app.return_code == 0


async def test_mouse_click_highlights_then_opens(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        articles = app.main.article_list
        await pilot.click(ArticleList, offset=(10, 2))
        assert articles.cursor == 2
        await pilot.click(ArticleList, offset=(10, 2))
        await pilot.pause()
        assert isinstance(app.focused, ReaderPane)


async def test_a_row_message_outliving_its_list_shows_the_current_row(
    make_app: AppFactory,
) -> None:
    # A discarded snapshot empties the library while its first row's Highlighted message is
    # still queued; the handler used to index the emptied library with it (IndexError, in CI).
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        articles = app.main.article_list
        app.on_reader_app_reset(ReaderApp.Reset())
        assert app.library.articles == [] and articles.highlighted is None
        articles.post_message(ArticleList.Highlighted(3))
        articles.post_message(ArticleList.Opened(4))
        await pilot.pause()
        await pilot.pause()
        assert app.main.reader.summary is None
        assert not app.main.reader.has_focus
