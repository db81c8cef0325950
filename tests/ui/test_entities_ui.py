"""Named entities in the reader: highlighted in the theme's styles, toggled, jumped between,
listed in the entity panel, and followed to the articles that mention them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from rich.style import Style
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from alireader.ui.app import ReaderApp
from alireader.ui.screens.entity_panel import EntityPanel, group_entities
from tests.ui.conftest import wait_loaded, write_corpus

AppFactory = Callable[..., ReaderApp]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Three short articles; two mention Marie Curie, one of them twice."""
    return write_corpus(
        tmp_path / "news",
        {
            "a.txt": "Marie Curie à Varsovie\n\n"
            "Marie Curie est née à Varsovie le 7 novembre 1867. "
            "Plus tard, Curie travaille à Paris avec la Sorbonne.\n",
            "b.txt": "Un prix pour la science\n\n"
            "Selon Marie Curie, la recherche coûte 200 millions d'euros, soit 12 % du budget.\n",
            "c.txt": "La météo\n\nDu soleil partout demain.\n",
        },
    )


async def _open_first(pilot: Pilot[Any]) -> ReaderApp:
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await wait_loaded(pilot)
    await pilot.press("enter")
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app


def _styled(text: Text, label_style: Style) -> list[str]:
    """The stretches of ``text`` drawn with ``label_style`` (an entity label's style)."""
    found = []
    for span in text.spans:
        style = span.style
        if isinstance(style, Style) and style.color == label_style.color and style.meta:
            found.append(text.plain[span.start : span.end])
    return found


def _body(app: ReaderApp) -> Text:
    return app.main.reader.body_text()


async def test_entities_are_highlighted_in_the_themes_styles(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_first(pilot)
        reader = app.main.reader
        labels = {(e.text, e.label) for e in reader.entities}
        assert ("Marie Curie", "PER") in labels and ("Varsovie", "LOC") in labels
        assert "Marie Curie" in _styled(_body(app), app.theme_styles["PER"])
        legend = str(reader.query_one("#legend", Static).render())
        assert "person" in legend or "people" in legend
        assert reader.query_one("#legend").display


async def test_e_toggles_the_highlighting_and_the_legend(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_first(pilot)
        await pilot.press("e")
        assert not app.main.reader.query_one("#legend").display
        assert _styled(_body(app), app.theme_styles["PER"]) == []
        await pilot.press("e")
        assert _styled(_body(app), app.theme_styles["PER"])


async def test_square_brackets_walk_the_entities(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_first(pilot)
        reader = app.main.reader
        count = len(reader.entities)
        assert count >= 3
        await pilot.press("right_square_bracket")
        assert reader.current_entity == 0
        await pilot.press("right_square_bracket")
        assert reader.current_entity == 1
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert reader.current_entity == count - 1  # before the first: the last


async def test_a_label_can_be_hidden_from_the_command_palette(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_first(pilot)
        commands = [c.title for c in app.get_system_commands(app.screen)]
        assert "Entities: show or hide places (LOC)" in commands
        app.main.reader.toggle_label("LOC")
        await pilot.pause()
        assert _styled(_body(app), app.theme_styles["LOC"]) == []
        assert _styled(_body(app), app.theme_styles["PER"])
        await pilot.press("right_square_bracket")  # jumps skip the hidden label
        assert app.main.reader.entities[app.main.reader.current_entity].label != "LOC"


async def test_the_panel_lists_entities_and_finds_the_articles_mentioning_one(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await _open_first(pilot)
        await pilot.press("E")
        await pilot.pause()
        panel = app.screen
        assert isinstance(panel, EntityPanel)
        first = panel.entries[0]
        assert (first.text, first.label, first.mentions) == ("Marie Curie", "PER", 2)
        assert first.articles == 2  # from the corpus-wide index
        assert app.main.reader.focused_entity == (first.key, "PER")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not isinstance(app.screen, EntityPanel)
        assert app.main.search_bar.value == 'per:"Marie Curie"'
        ids = sorted(app.library.articles[i].id for i in app.main.article_list.rows)
        assert ids == ["a", "b"]
        assert app.main.reader.focused_entity is None


async def test_escape_closes_the_panel_without_searching(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await _open_first(pilot)
        await pilot.press("E")
        await pilot.pause()
        assert isinstance(app.screen.query_one(OptionList), OptionList)
        await pilot.press("escape")
        assert not isinstance(app.screen, EntityPanel)
        assert app.main.search_bar.value == ""


def test_the_panel_groups_mentions_by_label_and_spelling() -> None:
    from alireader.core.entities import Entity

    entries = group_entities(
        [
            Entity(0, 7, "LOC", "Paris"),
            Entity(10, 27, "PER", "Sébastien Badault"),
            Entity(30, 37, "PER", "SÉBASTIEN BADAULT"),
            Entity(40, 47, "PER", "Sébastien Badault"),
            Entity(50, 57, "PER", "Jean Dupont"),
            Entity(60, 67, "PER", "Badault"),
        ]
    )
    assert [(e.text, e.label, e.mentions) for e in entries] == [
        ("Sébastien Badault", "PER", 4),
        ("Jean Dupont", "PER", 1),
        ("Paris", "LOC", 1),
    ]
