"""Pilot tests: persistence across runs, state-file problems, help screen, palette, keymap."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from alireader import paths
from alireader.ui.app import ReaderApp
from alireader.ui.screens import HelpScreen, WarningsScreen
from tests.ui.conftest import wait_loaded, write_corpus

AppFactory = Callable[..., ReaderApp]


async def test_marks_and_last_article_survive_a_restart(make_app: AppFactory) -> None:
    first = make_app()
    async with first.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "m", "j", "b", "j")  # 1 read, 2 bookmarked, cursor on 3
        await pilot.press("q")
    assert (paths.data_dir() / "state.sqlite3").is_file()

    second = make_app()
    async with second.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        library = second.library
        assert [library.is_read(i) for i in range(5)] == [False, True, False, False, False]
        assert [library.is_bookmarked(i) for i in range(5)] == [False, False, True, False, False]
        assert second.main.article_list.cursor == 3  # the article open at quit time
        assert second.main.reader.summary is library.articles[3]
        assert "4 unread · 1 bookmarked" in second.sub_title


async def test_a_corrupt_state_file_is_moved_aside_with_a_notification(
    make_app: AppFactory,
) -> None:
    state = paths.data_dir() / "state.sqlite3"
    state.parent.mkdir(parents=True)
    state.write_bytes(b"this is not a database" * 100)
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        messages = [n.message for n in app._notifications]
        assert any("damaged" in m and "fresh one" in m for m in messages)
        await pilot.press("m")
        assert app.writer is not None and app.writer.store.persistent
    assert any(p.name.startswith("state.sqlite3.corrupt-") for p in state.parent.iterdir())


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write to a read-only folder")
async def test_a_read_only_data_dir_keeps_state_in_memory(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    monkeypatch.setenv("XDG_DATA_HOME", str(locked))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("m")
        assert app.library.is_read(0)
        assert app.writer is not None and not app.writer.store.persistent
        assert len([n for n in app._notifications if "will not be saved" in n.message]) == 1


async def test_an_unwritable_state_location_still_runs(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file where the data folder should be: works even as root, unlike chmod.
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("m", "b")
        assert app.library.is_read(0) and app.library.is_bookmarked(0)
        assert app.writer is not None and not app.writer.store.persistent
        assert len([n for n in app._notifications if "will not be saved" in n.message]) == 1


async def test_help_lists_every_pane_from_the_bindings(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        sections = {section.title: section for section in app.screen.sections}
        assert list(sections)[:3] == ["Article list", "Main screen", "Everywhere"]
        assert sections["Article list"].active and not sections["Reader"].active
        ids = {entry.binding_id for s in sections.values() for entry in s.entries}
        for binding_id in (
            "list.down", "list.top", "list.open", "reader.page_down", "article.next",
            "article.toggle_read", "article.bookmark", "view.unread_only",
            "view.bookmarked_only", "view.removed", "app.help", "app.quit", "search.focus",
            "pane.switch", "app.command_palette",
        ):  # fmt: skip
            assert binding_id in ids
        down = next(e for e in sections["Article list"].entries if e.binding_id == "list.down")
        assert down.keys == ["j", "↓"]
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_a_keymap_changes_the_keys_and_the_help(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        app.set_keymap({"list.down": "x", "reader.page_down": "f"})
        await pilot.press("x")
        assert app.main.article_list.cursor == 1
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        entries = {e.binding_id: e for s in app.screen.sections for e in s.entries}
        assert entries["list.down"].keys == ["x"]
        assert entries["reader.page_down"].keys == ["f"]


async def test_every_action_is_in_the_command_palette(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        commands = {c.title: c for c in app.get_system_commands(app.main)}
        for title in ("Bookmark (Main screen)", "Page down (Reader)", "Open (Article list)"):
            assert title in commands
        commands["Bookmark (Main screen)"].callback()
        await pilot.pause()
        assert app.library.is_bookmarked(0)
        commands["Next row (Article list)"].callback()
        await pilot.pause()
        assert app.main.article_list.cursor == 1


async def test_bad_files_are_named_in_the_warnings_screen(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "c", {"good.txt": "Un titre\n\nUn texte.\n", "empty.txt": ""})
    (corpus / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        assert len(app.library) == 1
        assert any("Press w" in n.message for n in app._notifications)
        assert "2 warnings" in app.sub_title
        await pilot.press("w")
        assert isinstance(app.screen, WarningsScreen)
        assert not app._notifications  # the notice that pointed here does not cover it
        text = str(app.screen.query_one("#warnings-body Static").render())
        assert "empty.txt: skipped: the file is empty" in text
        assert "binary.txt: skipped: binary content" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, WarningsScreen)


async def test_a_missing_corpus_is_reported_not_crashed(
    make_app: AppFactory, tmp_path: Path
) -> None:
    app = make_app([tmp_path / "nowhere"])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        assert len(app.library) == 0
        assert any("No such file or folder" in n.message for n in app._notifications)


async def test_the_help_page_scrolls_with_the_readers_letters(make_app: AppFactory) -> None:
    from alireader.ui.widgets import Pager

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        body = app.screen.query_one(Pager)
        assert body.max_scroll_y > 0  # the page is longer than the screen
        await pilot.press("j")
        await pilot.pause()
        assert body.scroll_y == 1
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g")
        await pilot.pause()
        assert body.scroll_y == 0
        await pilot.press("space")
        await pilot.pause()
        assert body.scroll_y > 1
