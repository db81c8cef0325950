"""What a long load repaints. The list grows by batches: rows that land in view are painted,
rows below it cost no repaint. The one-line bars (title, progress) repaint themselves alone,
without a layout of the whole screen, unless their text decides their size. A large load
updates them hundreds of times while the indexing wants the processor."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Static

from alireader.core.models import ArticleSummary
from alireader.ui.app import ReaderApp
from alireader.ui.library import Library
from alireader.ui.widgets.article_list import ArticleList
from alireader.ui.widgets.status import LoadingLine, TitleBar
from tests.ui.conftest import wait_loaded


def _summary(number: int) -> ArticleSummary:
    return ArticleSummary(
        f"a{number}", f"a{number}.txt", f"Title {number}", False, None, None, None, None, 1,
        f"k{number}",
    )  # fmt: skip


class _ListApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.library = Library()
        self.library.extend([_summary(n) for n in range(60)])

    def compose(self) -> ComposeResult:
        yield ArticleList(self.library)


async def test_rows_appended_in_view_are_painted_and_rows_below_are_not() -> None:
    app = _ListApp()
    async with app.run_test(size=(40, 10)) as pilot:
        article_list = app.query_one(ArticleList)
        repaints: list[int] = []
        original = article_list.refresh

        def counted(*args: object, **kwargs: object) -> ArticleList:
            repaints.append(len(article_list.rows))
            return original(*args, **kwargs)  # type: ignore[arg-type]

        article_list.refresh = counted  # type: ignore[method-assign]
        article_list.append_rows([0, 1, 2])
        article_list.append_rows(list(range(3, 20)))  # fills the window (10 lines) and more
        await pilot.pause()
        assert set(repaints) == {3, 20}  # each batch that reached the window repainted it
        shown = [article_list.render_line(y).text for y in range(article_list.size.height)]
        assert "Title 9" in shown[9]
        painted = len(repaints)
        article_list.append_rows(list(range(20, 60)))  # wholly below the window
        await pilot.pause()
        assert len(repaints) == painted
        assert article_list.virtual_size.height == 60  # the scrollbar knows of them
        await pilot.press("G")  # the last row: scrolled into view, so painted
        await pilot.pause()
        assert article_list.highlighted == 59
        lines = [article_list.render_line(y).text for y in range(article_list.size.height)]
        assert any("Title 59" in line for line in lines)


class _BarsApp(App[None]):
    CSS = "#fixed-title, #fixed-loading { height: 1; }"

    def compose(self) -> ComposeResult:
        yield TitleBar(id="fixed-title")
        yield LoadingLine(id="fixed-loading")
        yield TitleBar(id="auto-title")
        yield LoadingLine(id="auto-loading")


async def test_one_line_bars_repaint_alone_unless_their_text_sizes_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    layouts: dict[str, bool] = {}
    original = Static.update

    def recorded(self: Static, content: object = "", *, layout: bool = True) -> None:
        layouts[self.id or ""] = layout
        original(self, content, layout=layout)  # type: ignore[arg-type]

    monkeypatch.setattr(Static, "update", recorded)
    app = _BarsApp()
    async with app.run_test(size=(80, 10)) as pilot:
        for prefix in ("fixed", "auto"):
            app.query_one(f"#{prefix}-title", TitleBar).show("corpus", "3 articles")
            app.query_one(f"#{prefix}-loading", LoadingLine).show(5, 10, 7)
        await pilot.pause()
        assert layouts == {
            "fixed-title": False,
            "fixed-loading": False,
            "auto-title": True,
            "auto-loading": True,
        }
        assert "5/10 files" in str(app.query_one("#fixed-loading", LoadingLine).render())


async def test_the_header_counts_repaint_the_title_bar_not_the_screen(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 24)) as pilot:
        await wait_loaded(pilot)
        screen_repaints: list[object] = []
        original = app.screen.refresh

        def counted(*regions: object, **kwargs: object) -> object:
            screen_repaints.append(regions)
            return original(*regions, **kwargs)  # type: ignore[arg-type]

        app.screen.refresh = counted  # type: ignore[method-assign]
        app.library.set_bookmarked(0, True)
        app.update_header()
        await pilot.pause()
        assert "1 bookmarked" in app.sub_title
        assert "1 bookmarked" in str(app.query_one(TitleBar).render())
        assert screen_repaints == []
