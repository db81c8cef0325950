"""Pilot tests of the diff view (DiffScreen) and the copy picker: every key, wrapping, hostile
text, the stacked view of narrow terminals, moved sentences and the help page."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from rich.text import Text
from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from alireader.core.diff import Op
from alireader.core.models import Article, ArticleSummary
from alireader.core.text import count_words
from alireader.ui.app import ReaderApp
from alireader.ui.keys import binding_catalog
from alireader.ui.screens import MainScreen
from alireader.ui.screens.diff import CopyPicker, DiffHelpScreen, DiffScreen
from alireader.ui.widgets.diff_view import MIDDLE, DiffView, columns
from tests.ui.conftest import wait_loaded

AppFactory = Callable[..., ReaderApp]


def article(ident: str, body: str, title: str = "", source: str | None = "Le Journal") -> Article:
    """An article built in memory (the diff view takes full articles; no file is needed)."""
    return Article(
        id=ident,
        path=f"{ident}.txt",
        title=title or f"Titre {ident}",
        title_inferred=False,
        author=None,
        source=source,
        category=None,
        date=None,
        url=None,
        blocks=(),
        removed=(),
        body=body,
        words=count_words(body),
    )


def summary(ident: str, title: str, words: int) -> ArticleSummary:
    return ArticleSummary(
        id=ident,
        path=f"{ident}.txt",
        title=title,
        title_inferred=False,
        author=None,
        source="Source " + ident,
        category=None,
        date=None,
        words=words,
        key=ident,
    )


def filler(number: int, words: int = 12) -> str:
    """A sentence of its own words (so the aligner pairs nothing by accident)."""
    return " ".join(f"mot{number}x{k}" for k in range(words)).capitalize() + "."


async def open_diff(pilot: Pilot[Any], a: Article, b: Article) -> DiffScreen:
    """Wait for the corpus, push the diff view and wait for its alignment."""
    await wait_loaded(pilot)
    screen = DiffScreen(a, b)
    pilot.app.push_screen(screen)
    await settle(pilot)
    return screen


async def settle(pilot: Pilot[Any]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def press(pilot: Pilot[Any], *keys: str) -> None:
    await pilot.press(*keys)
    await settle(pilot)


def status(screen: DiffScreen) -> str:
    content = screen.query_one("#diff-status", Static).content
    assert isinstance(content, Text)
    return content.plain


def header(screen: DiffScreen) -> str:
    parts = []
    for name in ("#diff-header", "#diff-figures"):
        content = screen.query_one(name, Static).content
        assert isinstance(content, Text)
        parts.append(content.plain)
    return "\n".join(parts)


def screen_lines(view: DiffView) -> list[str]:
    return [view.render_line(y).text for y in range(view.scrollable_content_region.height)]


# Changes far apart: between them, enough unchanged sentences to fill more than a screen.
FAR_APART_A = " ".join(
    [filler(0), *(filler(n) for n in range(1, 30)), "La première version dit oui.", filler(99)]
)
FAR_APART_B = " ".join(
    [filler(0, 11), *(filler(n) for n in range(1, 30)), "La seconde version dit non.", filler(99)]
)


async def test_next_and_previous_change_move_the_current_change_and_scroll(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_diff(pilot, article("a", FAR_APART_A), article("b", FAR_APART_B))
        view = screen.view
        assert len(view.runs) == 2 and view.current is None
        assert status(screen).startswith("2 changes")
        await press(pilot, "n")
        assert view.current == 0 and status(screen).startswith("change 1 of 2")
        first, _ = view.change_lines(0)
        # The current change is marked in the gutter: the pointer on its first line.
        assert screen_lines(view)[first - round(view.scroll_y)].startswith(app.glyphs.pointer)
        before = view.scroll_y
        await press(pilot, "n")
        assert view.current == 1 and status(screen).startswith("change 2 of 2")
        assert view.scroll_y > before  # the second change was below the screen
        first, _ = view.change_lines(1)
        top = round(view.scroll_y)
        assert top <= first < top + view.scrollable_content_region.height
        assert any("seconde" in line for line in screen_lines(view))
        await press(pilot, "n")  # no third change: it stays, and says so
        assert view.current == 1 and "no later change" in status(screen)
        await press(pilot, "p")
        assert view.current == 0 and round(view.scroll_y) < top
        await press(pilot, "N")  # N is "previous" too
        assert view.current == 0 and "no earlier change" in status(screen)


async def test_scroll_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_diff(pilot, article("a", FAR_APART_A), article("b", FAR_APART_B))
        view = screen.view
        await press(pilot, "j", "j")
        assert view.scroll_y == 2
        await press(pilot, "k")
        assert view.scroll_y == 1
        await press(pilot, "G")
        assert view.scroll_y == view.max_scroll_y > 0
        await press(pilot, "g")
        assert view.scroll_y == 0
        await press(pilot, "space")
        assert view.scroll_y == view.scrollable_content_region.height - 1
        await press(pilot, "b")
        assert view.scroll_y == 0


async def test_after_scrolling_away_next_change_starts_from_the_top_of_the_view(
    make_app: AppFactory,
) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_diff(pilot, article("a", FAR_APART_A), article("b", FAR_APART_B))
        view = screen.view
        await press(pilot, "G", "n")
        assert view.current == 1


TYPOGRAPHY_A = (
    'Les "Etats-Unis" ont vendu 2.000 voitures. '
    "L'Ecole a reçu 50 000 euros de l'Etat. "
    "Rien ne change ici."
)
TYPOGRAPHY_B = (
    "Les «États-Unis» ont vendu 2000 voitures. "
    "L’École a reçu 50.000 euros de l’État. "
    "Rien ne change ici."
)


async def test_ignoring_typography_leaves_only_equal_rows(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_diff(pilot, article("a", TYPOGRAPHY_A), article("b", TYPOGRAPHY_B))
        view = screen.view
        assert view.alignment is not None
        assert len(view.runs) == 1 and "typography shown" in status(screen)
        await press(pilot, "n")
        await press(pilot, "t")
        assert view.alignment.ignore_typography
        assert {row.op for row in view.alignment.rows} == {Op.EQUAL}
        assert view.runs == [] and view.current is None
        assert status(screen).startswith("no differences")
        assert "typography ignored" in status(screen)
        # Only the form of each side is shown: B's spelling stays on B's side.
        assert any("«États-Unis»" in line for line in view.rendered_lines())
        await press(pilot, "t")
        assert not view.alignment.ignore_typography and len(view.runs) == 1


async def test_swap_puts_b_on_the_left(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        a = article("a", "Une phrase commune. Seulement dans A.", title="Premier titre")
        b = article("b", "Une phrase commune. Ceci vient de B seul.", title="Second titre")
        screen = await open_diff(pilot, a, b)
        view = screen.view
        width_a, _ = columns(view.scrollable_content_region.width)
        left = " ".join(line[:width_a] for line in view.rendered_lines())
        assert "Seulement" in left and "Ceci" not in left
        assert re.search(r"A\s+Premier titre.*B\s+Second titre", header(screen))
        await press(pilot, "s")
        assert screen.swapped and "sides swapped" in status(screen)
        left = " ".join(line[:width_a] for line in view.rendered_lines())
        assert "Ceci" in left and "Seulement" not in left
        assert re.search(r"A\s+Second titre.*B\s+Premier titre", header(screen))
        await press(pilot, "s")
        assert not screen.swapped
        assert re.search(r"A\s+Premier titre", header(screen))


@pytest.mark.parametrize("key", ["escape", "q"])
async def test_escape_and_q_go_back_to_the_main_screen(make_app: AppFactory, key: str) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        await open_diff(pilot, article("a", "Un. Deux."), article("b", "Un. Trois."))
        await press(pilot, key)
        assert isinstance(app.screen, MainScreen)
        assert app.is_running  # q closes the diff view, it does not quit the reader


LONG_A = " ".join(f"premier{n}" for n in range(120)) + ". Une phrase courte."
LONG_B = (
    " ".join(f"premier{n}" for n in range(60))
    + " ajout "
    + " ".join(f"premier{n}" for n in range(60, 120))
    + ". Une phrase courte. "
    + " ".join(f"second{n}" for n in range(90))
    + "."
)


@pytest.mark.parametrize("size", [(160, 30), (100, 30)])
async def test_long_sentences_wrap_and_lose_nothing(
    make_app: AppFactory, size: tuple[int, int]
) -> None:
    app = make_app()
    async with app.run_test(size=size) as pilot:
        screen = await open_diff(pilot, article("a", LONG_A), article("b", LONG_B))
        view = screen.view
        assert not view.stacked
        width = view.scrollable_content_region.width
        width_a, _ = columns(width)
        lines = view.rendered_lines()
        assert all(len(line) == width - 2 for line in lines)  # the gutter is added when painted
        left = " ".join(line[:width_a] for line in lines).split()
        right = " ".join(line[width_a + MIDDLE :] for line in lines).split()
        # Each column, read top to bottom, is its article, word for word.
        assert left == LONG_A.split() and right == LONG_B.split()


async def test_stacked_view_below_100_columns(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        ending = " ".join(f"Phrase commune {n} de la fin." for n in range(12))
        a = article("a", "Le même début. Il a dit oui hier soir. " + ending)
        b = article("b", "Le même début. Il a dit non hier soir. " + ending)
        screen = await open_diff(pilot, a, b)
        view = screen.view
        assert view.stacked and screen.has_class("-stacked")
        lines = view.rendered_lines()
        assert lines[0].startswith("  Le même début.")  # unchanged: once, unlabelled
        assert lines[1].startswith("A Il a dit oui") and lines[2].startswith("B Il a dit non")
        assert (
            " ".join(line[2:] for line in lines).split()
            == " ".join(
                ["Le même début.", "Il a dit oui hier soir.", "Il a dit non hier soir.", ending]
            ).split()
        )
        # Word-level changes still: "oui" and "non" alone take the theme's diff-change style.
        change = app.theme_styles["diff-change"]
        for y, word in ((1, "oui"), (2, "non")):
            styled = [
                segment.text
                for segment in view.render_line(y)
                if segment.style is not None and segment.style.bgcolor == change.bgcolor
            ]
            assert "".join(styled).strip() == word
        await pilot.resize_terminal(160, 24)
        await settle(pilot)
        assert not view.stacked and not screen.has_class("-stacked")
        assert "Il a dit oui" in view.rendered_lines()[1]


async def test_one_sided_blocks_take_the_insert_and_delete_styles(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        a = article("a", "Commun au début. Seulement chez A ici.")
        b = article("b", "Commun au début. Une phrase bien à B.")
        screen = await open_diff(pilot, a, b)
        view = screen.view
        ops = [row.op for row in view.alignment.rows] if view.alignment else []
        assert ops == [Op.EQUAL, Op.DELETE, Op.INSERT]

        def styled_text(y: int, name: str) -> str:
            background = app.theme_styles[name].bgcolor
            return "".join(
                s.text for s in view.render_line(y) if s.style and s.style.bgcolor == background
            )

        assert styled_text(1, "diff-delete").strip() == "Seulement chez A ici."
        assert styled_text(2, "diff-insert").strip() == "Une phrase bien à B."
        assert view.rendered_lines()[1][columns(158)[0] + 1] == "-"
        assert view.rendered_lines()[2][columns(158)[0] + 1] == "+"


async def test_moved_sentences_say_where_the_other_copy_has_them(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        moved = "Cette phrase a changé de place dans le texte."
        a = article("a", f"{moved} {filler(1)} {filler(2)}")
        b = article("b", f"{filler(1)} {filler(2)} {moved}")
        screen = await open_diff(pilot, a, b)
        view = screen.view
        assert view.alignment is not None
        assert [row.op for row in view.alignment.rows].count(Op.MOVED) == 2
        text = "\n".join(view.rendered_lines())
        assert "↓ moved: B has it at change 2" in text
        assert "↑ moved: A has it at change 1" in text
        # The moved sentence itself is in the theme's diff-moved style.
        moved_style = app.theme_styles["diff-moved"]
        segments = [s for s in view.render_line(0) if s.text.strip().startswith("Cette")]
        assert segments and segments[0].style is not None
        assert segments[0].style.italic == moved_style.italic
        assert segments[0].style.color == moved_style.color


async def test_ascii_glyphs(make_app: AppFactory) -> None:
    app = make_app(ascii_only=True)
    async with app.run_test(size=(160, 30)) as pilot:
        moved = "Cette phrase a bouge de place dans le texte."
        a = article("a", f"{moved} {filler(1)}")
        b = article("b", f"{filler(1)} {moved}")
        screen = await open_diff(pilot, a, b)
        await press(pilot, "n")
        lines = screen_lines(screen.view)
        assert all(line.isascii() for line in lines if "moved" not in line)
        assert lines[0].startswith(">") and "|" in lines[0]
        assert re.search(r"[v^] moved: [AB] has it at change \d", "\n".join(lines))


HOSTILE = "[bold red]x[/] \x1b[31mrouge\x07"


async def test_hostile_text_is_shown_literally(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(160, 30)) as pilot:
        a = article("a", f"Un corps {HOSTILE} ici.", title=f"Titre {HOSTILE}", source=HOSTILE)
        b = article("b", f"Un autre corps {HOSTILE} là.", title="Sage")
        screen = await open_diff(pilot, a, b)
        shown = "[bold red]x[/] ␛[31mrouge␇"
        head = header(screen)
        assert f"Titre {shown}" in head and "\x1b" not in head and "\x07" not in head
        line = screen.view.render_line(0)  # one changed sentence: A's and B's side by side
        assert line.text.count(shown) == 2 and "\x1b" not in line.text
        # No style came from the article's text: nothing is bold.
        assert not any(s.style and s.style.bold for s in line if shown[:4] in s.text)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert shown in "\n".join(screen.view.rendered_lines())
        assert shown in header(screen)


async def test_the_seed_copies(make_app: AppFactory, seeds: Any) -> None:
    """000 and 001: the header's figures, and the tail only 001 has as one-sided rows."""
    from alireader.core.corpus import load_article

    app = make_app()
    async with app.run_test(size=(160, 48)) as pilot:
        a, b = load_article([seeds], "000"), load_article([seeds], "001")
        screen = await open_diff(pilot, a, b)
        head = header(screen)
        assert "Le Parisien.fr" in head and "only in B" in head and "similarity" in head
        alignment = screen.view.alignment
        assert alignment is not None and alignment.rows[-1].op == Op.INSERT
        assert f"{alignment.words_only_b} only in B" in head


async def test_help_lists_the_diff_keys(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_diff(pilot, article("a", "Un. Deux."), article("b", "Un. Trois."))
        await press(pilot, "question_mark")
        help_screen = app.screen
        assert isinstance(help_screen, DiffHelpScreen)
        titles = [section.title for section in help_screen.sections]
        assert titles[0] == "Diff view" and "Article list" not in titles
        ids = {entry.binding_id for section in help_screen.sections for entry in section.entries}
        assert {"diff.next_change", "diff.typography", "diff.swap", "diff.close"} <= ids
        notes = help_screen.query_one("#help-notes", Static).content
        assert isinstance(notes, Text) and "typography" in notes.plain
        await press(pilot, "escape")
        assert app.screen is screen


async def test_diff_bindings_can_be_remapped(make_app: AppFactory) -> None:
    known, scopes = binding_catalog()
    assert scopes["diff.next_change"] == "diff" and known["diff.previous_change"] == "p,N"
    assert scopes["copies.cancel"] == "copies"
    app = make_app(keymap={"diff.next_change": "x"})
    async with app.run_test(size=(160, 30)) as pilot:
        screen = await open_diff(pilot, article("a", "Un. Deux."), article("b", "Un. Trois."))
        await press(pilot, "x")
        assert screen.view.current == 0


async def test_copy_picker(make_app: AppFactory) -> None:
    app = make_app()
    chosen: list[str | None] = []
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        copies = [summary("c1", "Copie une", 300), summary("c2", f"Copie {HOSTILE}", 1200)]
        picker = CopyPicker(summary("c0", "L'original", 500), copies, {"c1": 0.91, "c2": 0.5})
        app.push_screen(picker, chosen.append)
        await settle(pilot)
        options = picker.query_one(OptionList)
        prompts = [str(options.get_option_at_index(n).prompt) for n in range(2)]
        assert "Copie une" in prompts[0] and "similarity 91%" in prompts[0]
        assert "300 words" in prompts[0] and "Source c1" in prompts[0]
        assert "[bold red]x[/] ␛[31mrouge␇" in prompts[1] and "1\u202f200 words" in prompts[1]
        assert prompts[0].startswith(app.glyphs.pointer) and not prompts[1].startswith("▸")
        await press(pilot, "down")
        assert str(options.get_option_at_index(1).prompt).startswith(app.glyphs.pointer)
        await press(pilot, "enter")
        assert chosen == ["c2"] and isinstance(app.screen, MainScreen)
        app.push_screen(CopyPicker(summary("c0", "L'original", 500), copies), chosen.append)
        await settle(pilot)
        await press(pilot, "escape")
        assert chosen == ["c2", None]
