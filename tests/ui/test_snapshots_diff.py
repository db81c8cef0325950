"""Snapshot tests of the diff view on the two copies of one wire story among the bundled seeds
(000: one block of text; 001: eighteen paragraphs and a longer tail): side by side at 160x48,
stacked at 80x24, with typography ignored, and without colour.

Deterministic: the bundled seeds, XDG dirs in tmp_path, the alignment awaited before the shot.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from alireader.core.corpus import load_article
from alireader.ui.app import ReaderApp
from alireader.ui.screens.diff import DiffScreen
from alireader.ui.theming import choose_theme
from tests.ui.conftest import wait_loaded

AppFactory = Callable[..., ReaderApp]


def open_seed_diff(seeds: Path, *keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """A run_before that opens the diff of seeds 000 and 001, then presses ``keys``."""
    first, second = load_article([seeds], "000"), load_article([seeds], "001")

    async def run_before(pilot: Pilot[Any]) -> None:
        await wait_loaded(pilot)
        pilot.app.push_screen(DiffScreen(first, second))
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()  # the alignment
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


def test_diff_seeds_160x48(snap_compare: Any, make_app: AppFactory, seeds: Path) -> None:
    """Side by side: quotes, accents and numbers changed in the shared part, B's tail alone."""
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=open_seed_diff(seeds))


def test_diff_seeds_80x24(snap_compare: Any, make_app: AppFactory, seeds: Path) -> None:
    """Stacked, with the second change current (n n)."""
    run_before = open_seed_diff(seeds, "n", "n")
    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=run_before)


def test_diff_seeds_typography_ignored_160x48(
    snap_compare: Any, make_app: AppFactory, seeds: Path
) -> None:
    """t: only what one copy says and the other does not is left (the end of a cut sentence
    and B's tail); n makes it current."""
    run_before = open_seed_diff(seeds, "t", "n")
    assert snap_compare(make_app(), terminal_size=(160, 48), run_before=run_before)


def test_diff_seeds_80x24_no_color(snap_compare: Any, make_app: AppFactory, seeds: Path) -> None:
    """Under NO_COLOR the changes still stand out (the monochrome theme's reverse video)."""
    themes = choose_theme(None, None, {"NO_COLOR": "1"}, None)
    app = make_app(themes=themes)
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_seed_diff(seeds, "n"))
