"""Snapshot tests of the main screen (80x24, 160x48), the reader focused, search results, and
the help screen.

Deterministic: the bundled seeds, XDG dirs in tmp_path, no cursor blink, and every snapshot is
taken after the corpus has fully loaded (so no progress bar or counter is caught mid-way) and
the article shown has been read from its file.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from alireader.ui.app import ReaderApp
from alireader.ui.theming import choose_theme
from tests.ui.conftest import wait_loaded, wait_reader

AppFactory = Callable[..., ReaderApp]


def test_main_screen_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=wait_loaded)


def test_main_screen_160x48(snap_compare: Any, make_app: AppFactory) -> None:
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=wait_loaded)


def test_reading_at_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    async def open_second(pilot: Pilot[Any]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "b", "enter", "r")
        await wait_reader(pilot)  # the body is read from the file in a worker

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_second)


async def _search_seeds(pilot: Pilot[Any], keys: tuple[str, ...]) -> None:
    await wait_loaded(pilot)
    await pilot.press("slash", *keys)
    await pilot.app.workers.wait_for_complete()  # the search and the body of the first hit
    await pilot.pause()


def test_search_results_at_80x24(snap_compare: Any, make_app: AppFactory) -> None:
    """Ranked results: highlighted titles, snippets and score bars; the bar's reading."""

    async def search(pilot: Pilot[Any]) -> None:
        await _search_seeds(pilot, ("a", "l", "i", "b", "a", "b", "a", "space", "c", "h", "i"))

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=search)


def test_search_result_opened_at_160x48(snap_compare: Any, make_app: AppFactory) -> None:
    """A result opened: the matches highlighted in the reader, the second one current."""

    async def open_result(pilot: Pilot[Any]) -> None:
        await _search_seeds(pilot, tuple("sebastien"))
        await pilot.press("enter")
        await wait_reader(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=open_result)


def test_help_screen(snap_compare: Any, make_app: AppFactory) -> None:
    async def open_help(pilot: Pilot[Any]) -> None:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()

    assert snap_compare(make_app(), terminal_size=(100, 44), run_before=open_help)


@pytest.mark.parametrize(
    "theme",
    ["alireader-light", "alireader-ansi", "alireader-monochrome", "alireader-high-contrast"],
)
def test_main_screen_in_each_theme(snap_compare: Any, make_app: AppFactory, theme: str) -> None:
    themes = choose_theme(theme, None, {}, None)
    assert themes.initial.name == theme
    app = make_app(themes=themes)
    assert snap_compare(app, terminal_size=(80, 24), run_before=wait_loaded)


@pytest.mark.parametrize(
    "theme",
    [
        "alireader-dark",
        "alireader-light",
        "alireader-ansi",
        "alireader-monochrome",
        "alireader-high-contrast",
    ],
)
def test_entities_in_each_theme(snap_compare: Any, make_app: AppFactory, theme: str) -> None:
    """Who, what, where, when and how much, visible at a glance in every bundled theme."""

    async def open_article(pilot: Pilot[Any]) -> None:
        await wait_loaded(pilot)
        await pilot.press("j", "j", "j", "enter")  # the article with people, places, sums
        await wait_reader(pilot)

    themes = choose_theme(theme, None, {}, None)
    app = make_app(themes=themes)
    assert snap_compare(app, terminal_size=(100, 30), run_before=open_article)


def test_main_screen_under_no_color(snap_compare: Any, make_app: AppFactory) -> None:
    themes = choose_theme(None, None, {"NO_COLOR": "1"}, None)
    assert snap_compare(make_app(themes=themes), terminal_size=(80, 24), run_before=wait_loaded)
