"""The reader on a corpus full of hostile files: it opens, lists every article it could read,
shows escapes as visible placeholders and markup literally, and lists one warning per bad file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from alireader.ui.app import ReaderApp
from alireader.ui.screens import WarningsScreen
from tests.hostile.corpus import BAD, CASES, ESCAPES_SHOWN, MARKUP, case_of, snapshot, write_cases
from tests.ui.conftest import wait_loaded, wait_reader

RAW = [chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


@pytest.fixture(autouse=True)
def no_animation(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")


def shown(widget: Static) -> str:
    content = widget.content
    assert isinstance(content, Text)  # a Text is never parsed as markup
    return content.plain


def inert(text: str) -> bool:
    """No control character a terminal would act on, and nothing that cannot be encoded."""
    return not any(ch in text for ch in RAW) and text.encode("utf-8") is not None


async def test_the_reader_shows_a_hostile_corpus_literally(tmp_path: Path) -> None:
    corpus = write_cases(tmp_path / "hostile")
    before = snapshot(corpus)
    app = ReaderApp([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        expected = sum(case.article_id is not None for case in CASES) + 2  # broken/4 and /5
        assert len(app.library) == expected
        articles, reader = app.main.article_list, app.main.reader
        rows = [articles.render_line(y).text for y in range(expected)]
        assert all(inert(row) for row in rows)
        assert any(ESCAPES_SHOWN[:24] in row for row in rows), rows
        assert any(f"Titre {MARKUP[:20]}" in row for row in rows), rows
        seen = {}
        for _ in range(expected):
            await wait_reader(pilot)
            assert reader.summary is not None
            title = shown(reader.query_one("#title", Static))
            body = shown(reader.query_one("#body", Static))
            assert inert(title) and inert(body), (title, body)
            seen[reader.summary.id] = (title, body)
            await pilot.press("j")
        assert seen["escapes"] == (f"Titre {ESCAPES_SHOWN}", f"Le corps {ESCAPES_SHOWN} continue.")
        assert seen["markup"] == (f"Titre {MARKUP}", f"Le corps {MARKUP} continue.")
        assert "Avant␀après le NUL." in seen["nul-inside"][1]
        # Clicking on an article whose text holds [@click=app.quit] does nothing.
        app.main.article_list.select_article(app.library.index_of("markup") or 0)
        await wait_reader(pilot)
        await pilot.click("#title")
        await pilot.click("#body")
        await pilot.pause()
        assert app.is_running and app.return_value is None

        # One warning per bad file, each naming it, shown literally.
        assert sorted(case_of(w.path).name for w in app.load_warnings) == sorted(
            case.name for case in BAD
        )
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WarningsScreen)
        listed = shown(app.screen.query_one("#warnings-body Static", Static))
        assert inert(listed) and len(listed.splitlines()) == len(BAD)
    assert snapshot(corpus) == before
