"""Themes, the keymap and the ASCII fallback in the running app."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.binding import Binding

from alireader.config import ConfigError, load_settings
from alireader.state import read_preference
from alireader.themes import DEFAULT_THEME, MONOCHROME_THEME
from alireader.ui.app import ReaderApp
from alireader.ui.keys import binding_catalog
from alireader.ui.screens import HelpScreen
from alireader.ui.screens.themes import ThemePicker
from alireader.ui.theming import choose_theme
from alireader.ui.widgets import SearchBar
from tests.ui.conftest import wait_loaded

AppFactory = Callable[..., ReaderApp]
BUNDLED = {
    "alireader-dark",
    "alireader-light",
    "alireader-high-contrast",
    "alireader-ansi",
    "alireader-monochrome",
}


async def test_only_alireaders_themes_are_offered(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        assert app.theme == DEFAULT_THEME
        assert set(app.available_themes) == BUNDLED  # Textual's own lack alireader's styles


async def test_the_picker_previews_live_keeps_on_enter_and_is_remembered(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        before = app.theme_styles["unread"]
        app.action_change_theme()
        await pilot.pause()
        assert isinstance(app.screen, ThemePicker)
        await pilot.press("down")  # alireader-dark -> the next theme, previewed at once
        await pilot.pause()
        previewed = app.theme
        assert previewed != DEFAULT_THEME and app.theme_styles["unread"] != before
        assert read_preference("theme") is None  # a preview is not a choice
        await pilot.press("enter")
        await pilot.pause()
        assert app.theme == previewed and not isinstance(app.screen, ThemePicker)
    # The next start opens with it (nothing in the config says otherwise).
    assert read_preference("theme") == previewed
    assert choose_theme(None, previewed, {}, None).initial.name == previewed


async def test_escape_in_the_picker_puts_the_theme_back(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        app.action_change_theme()
        await pilot.pause()
        await pilot.press("down", "down")
        await pilot.pause()
        assert app.theme != DEFAULT_THEME
        await pilot.press("escape")
        await pilot.pause()
        assert app.theme == DEFAULT_THEME
    assert read_preference("theme") is None


async def test_a_configured_theme_wins_and_a_palette_choice_says_so(make_app: AppFactory) -> None:
    app = make_app(themes=choose_theme("alireader-ansi", "alireader-light", {}, None))
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        assert app.theme == "alireader-ansi"
        app.action_change_theme()
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
        assert app.theme == "alireader-dark"
        assert any("wins at start-up" in n.message for n in app._notifications)


def test_no_color_means_the_monochrome_theme_and_no_colour_escapes() -> None:
    setup = choose_theme("alireader-light", None, {"NO_COLOR": ""}, None)
    assert setup.initial.name == MONOCHROME_THEME
    assert setup.ansi_color is True  # Textual then strips colours instead of greying them
    assert any("NO_COLOR" in notice for notice in setup.notices)


def test_a_16_colour_terminal_gets_the_ansi_theme_unless_one_is_chosen() -> None:
    assert choose_theme(None, None, {}, "standard").initial.name == "alireader-ansi"
    assert choose_theme(None, None, {}, "truecolor").initial.name == DEFAULT_THEME
    assert choose_theme("alireader-light", None, {}, "standard").initial.name == "alireader-light"


async def test_a_broken_user_theme_is_a_notice_and_the_default_is_used(
    make_app: AppFactory, isolated: Path
) -> None:
    user_themes = isolated / "config" / "alireader" / "themes"
    user_themes.mkdir(parents=True)
    (user_themes / "mine.toml").write_text(
        'name = "mine"\ndark = true\n[colors]\nprimary = "nope"\n'
    )
    setup = choose_theme("mine", None, {}, None)
    assert setup.initial.name == DEFAULT_THEME
    app = make_app(themes=setup)
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        messages = " ".join(n.message for n in app._notifications)
        assert "mine.toml" in messages and "falls back to alireader-dark" in messages


async def test_a_remapped_key_works_and_the_old_one_stops(make_app: AppFactory) -> None:
    app = make_app(keymap={"article.toggle_read": "x"})
    async with app.run_test() as pilot:
        await wait_loaded(pilot)
        first = app.main.article_list.highlighted
        assert first is not None and not app.library.is_read(first)
        await pilot.press("m")
        assert not app.library.is_read(first)  # m is no longer bound
        await pilot.press("x")
        assert app.library.is_read(first)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        entries = {e.binding_id: e for s in app.screen.sections for e in s.entries}
        assert entries["article.toggle_read"].keys == ["x"]


def _config(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_keymap_ids_are_checked_against_the_real_bindings(tmp_path: Path) -> None:
    loaded = load_settings(_config(tmp_path, '[keymap]\n"article.nxt" = "ctrl+n"\n'))
    with pytest.raises(
        ConfigError, match=r"line 2: .*'article\.nxt'.*did you mean 'article\.next'"
    ):
        loaded.check_keymap(*binding_catalog())


def test_keymap_clashes_are_config_errors(tmp_path: Path) -> None:
    # n is "next article" on the main screen; giving it to "bookmark" too would make one dead.
    loaded = load_settings(_config(tmp_path, '[keymap]\n"article.bookmark" = "n"\n'))
    with pytest.raises(ConfigError, match=r"'article\.next' also uses"):
        loaded.check_keymap(*binding_catalog())


def test_a_keymap_between_different_panes_is_no_clash(tmp_path: Path) -> None:
    # The list and the reader are never focused together: the same key may mean different things.
    loaded = load_settings(_config(tmp_path, '[keymap]\n"list.open" = "o"\n"reader.top" = "o"\n'))
    loaded.check_keymap(*binding_catalog())


async def test_ascii_marks(make_app: AppFactory) -> None:
    app = make_app(ascii_only=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("b")
        await pilot.pause()
        lines = [app.main.article_list.render_line(y).text for y in range(5)]
        assert any(line.startswith(" *+") for line in lines)
        assert all("●" not in line and "★" not in line and "…" not in line for line in lines)
        # The footer names keys in words, not with marks such a font may lack.
        footer = app.get_key_display(Binding("enter", "")), app.get_key_display(Binding("up", ""))
        assert footer == ("enter", "up")


def test_the_reader_refuses_a_clashing_keymap_before_the_screen_opens(
    tmp_path: Path, seeds: Path
) -> None:
    from alireader.ui.app import run_reader

    loaded = load_settings(_config(tmp_path, '[keymap]\n"article.bookmark" = "n"\n'))
    with pytest.raises(ConfigError, match="line 2"):
        run_reader([seeds], loaded)  # raises before App.run: nothing to wait for


async def test_texts_that_name_a_key_follow_the_keymap(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bon.txt").write_text("Un titre\n\nUn texte tout à fait lisible.\n", "utf-8")
    (corpus / "binaire.txt").write_bytes(b"\x00\x01\x02" * 50)
    keymap = {"search.focus": "s", "app.help": "f1", "view.warnings": "W"}
    app = make_app([corpus], keymap=keymap)
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.pause()
        bar = app.main.query_one(SearchBar)
        assert bar.placeholder.startswith("s Search:") and "(f1 for the syntax)" in bar.placeholder
        notices = [n.message for n in app._notifications]
        assert any("Press W to see which and why" in text for text in notices), notices


async def test_the_help_key_in_the_empty_search_bar_opens_the_help(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.main.query_one(SearchBar)  # back in the bar
        await pilot.press("a", "question_mark")  # typed after text: searched for
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)
        assert app.main.query_one(SearchBar).value == "a?"
