"""Fixtures for the reader's Pilot and snapshot tests.

Every test runs with its XDG directories in ``tmp_path`` (so no user config or state leaks in,
and state written by one app run is found by the next), without animations, and with the
Input cursor steady so snapshots do not depend on the moment they are taken.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from alireader.paths import bundled_seeds_dir
from alireader.ui.app import ReaderApp
from alireader.ui.screens import reader as reader_screen


def _cursor_stays(self: Input) -> None:
    """Input's blink step, made steady for snapshots (see ``isolated``)."""
    self._cursor_visible = True


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """XDG dirs in tmp_path, no animation, no blinking cursor, and the reader following the
    search results at once (a deferred preview would start after a test's wait for workers;
    ``test_search_flow`` tests the deferral itself)."""
    for variable, name in (
        ("XDG_DATA_HOME", "data"),
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        (tmp_path / name).mkdir()
        monkeypatch.setenv(variable, str(tmp_path / name))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")

    def steady_cursor(self: Input) -> None:
        self.cursor_blink = False

    # Input defines _on_mount only; an on_mount handler runs after it.
    monkeypatch.setattr(Input, "on_mount", steady_cursor, raising=False)
    # And the blink timer never hides it: on a loaded machine the search bar's timer was seen
    # to tick with cursor_blink still True (Input._restart_blink, at every key, resets and so
    # resumes it), and a snapshot caught the cursor off, one run in six.
    monkeypatch.setattr(Input, "_toggle_cursor", _cursor_stays, raising=False)
    monkeypatch.setattr(reader_screen, "PREVIEW_DELAY", 0)
    monkeypatch.setattr(reader_screen, "STATUS_SETTLE_DELAY", 0)  # the status exact at once
    yield tmp_path


@pytest.fixture
def seeds() -> Path:
    """The bundled seed corpus (five articles)."""
    return bundled_seeds_dir()


@pytest.fixture
def make_app(seeds: Path) -> Callable[..., ReaderApp]:
    """Build a ReaderApp on the seeds (or on ``paths``)."""

    def make(paths: list[Path] | None = None, **kwargs: Any) -> ReaderApp:
        return ReaderApp(paths or [seeds], **kwargs)

    return make


async def wait_loaded(pilot: Pilot[Any]) -> None:
    """Wait until the corpus is fully loaded and the screen has caught up."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.loaded.wait()
    await app.workers.wait_for_complete()
    await pilot.pause()


async def wait_reader(pilot: Pilot[Any]) -> None:
    """Wait until the reader pane has read the body of the article it shows from its file."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def write_corpus(folder: Path, articles: dict[str, str]) -> Path:
    """Write ``{name: text}`` as files under ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder
