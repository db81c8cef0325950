"""The highlighted row stays legible in every colour theme: its title, read or unread, keeps
WCAG AA contrast (4.5:1) against the cursor's background, as the theme files promise."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from alireader.ui.app import ReaderApp
from tests.ui.conftest import wait_loaded
from tests.unit.test_themes import contrast

AppFactory = Callable[..., ReaderApp]


@pytest.mark.parametrize("theme", ["alireader-dark", "alireader-light", "alireader-high-contrast"])
@pytest.mark.parametrize("read", [True, False])
async def test_the_cursor_row_title_is_legible(
    make_app: AppFactory, theme: str, read: bool
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        app.theme = theme
        article_list = app.main.article_list
        article_list.focus()
        index = article_list.rows[0]
        app.library.set_read(index, read)
        article_list.cursor = 0
        article_list._styles.clear()
        await pilot.pause()
        title = app.library.articles[index].title[:12]
        (segment,) = [s for s in article_list.render_line(0) if s.text.startswith(title)]
        style = segment.style
        assert style is not None and style.color is not None and style.bgcolor is not None
        foreground = style.color.get_truecolor().hex
        background = style.bgcolor.get_truecolor().hex
        assert contrast(foreground, background) >= 4.5, (theme, read, foreground, background)
