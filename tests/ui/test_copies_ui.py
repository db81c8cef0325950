"""Copies of one story in the reader: badges in the list, one copy per story, and the diff
view opened from an article (with a choice of copy when there are several)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alireader.ui.app import ReaderApp
from alireader.ui.screens.diff import CopyPicker, DiffScreen
from tests.ui.conftest import wait_loaded, write_corpus

AppFactory = Callable[..., ReaderApp]

STORY = (
    "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine. "
    "Les dépenses d'investissement augmentent nettement, portées par la rénovation des écoles. "
    "L'opposition dénonce une hausse des impôts locaux qu'elle juge injustifiée. "
    "Le maire a défendu un budget de responsabilité face à la hausse des prix de l'énergie. "
    "Le vote s'est achevé tard dans la nuit après plusieurs heures de débats animés."
)


def _row_text(app: ReaderApp, row: int) -> str:
    return "".join(segment.text for segment in app.main.article_list.render_line(row))


async def test_the_seeds_copies_get_a_badge_and_collapse(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        await app.duplicates_ready.wait()
        await pilot.pause()
        ids = [article.id for article in app.library.articles]
        pair = {i for i in ids if i.startswith(("000", "001"))}
        assert set(app.clusters) == pair  # the only copies among the seeds
        rows = {
            ids[index]: _row_text(app, row) for row, index in enumerate(app.main.article_list.rows)
        }
        assert all("×2" in rows[i] for i in pair)
        assert not any("×2" in text for i, text in rows.items() if i not in pair)
        await pilot.press("D")
        shown = [ids[index] for index in app.main.article_list.rows]
        assert len(shown) == 4
        representative = app.clusters[next(iter(pair))].representative
        assert representative in shown and len(pair & set(shown)) == 1
        assert representative.startswith("001")  # the longer copy
        await pilot.press("D")
        assert len(app.main.article_list.rows) == 5


async def test_d_opens_the_diff_of_the_two_copies(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        await app.duplicates_ready.wait()
        ids = [article.id for article in app.library.articles]
        app.main.article_list.select_article(ids.index(next(i for i in ids if i.startswith("000"))))
        await pilot.press("d")
        await app.workers.wait_for_complete()
        await pilot.pause()
        diff = app.screen
        assert isinstance(diff, DiffScreen)
        assert diff.article_a.id.startswith("000") and diff.article_b.id.startswith("001")
        await pilot.press("escape")
        assert not isinstance(app.screen, DiffScreen)


async def test_d_says_when_an_article_has_no_copies(make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        await app.duplicates_ready.wait()
        ids = [article.id for article in app.library.articles]
        app.main.article_list.select_article(ids.index(next(i for i in ids if i.startswith("002"))))
        await pilot.press("d")
        await pilot.pause()
        assert not isinstance(app.screen, DiffScreen)
        assert any("no copies" in n.message for n in app._notifications)


async def test_three_copies_ask_which_to_compare_with(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.txt": "Le budget voté\n\n" + STORY + "\n",
            "b.txt": "Budget : le vote\n\n" + STORY.replace("mardi", "lundi") + "\n",
            "c.txt": "Le budget de la ville\n\n" + STORY + " Fin de la séance.\n",
            "d.txt": "Autre chose\n\nRien à voir avec le reste, vraiment rien du tout.\n",
        },
    )
    app = make_app([corpus])
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_loaded(pilot)
        await app.duplicates_ready.wait()
        assert len(app.clusters["a"].articles) == 3
        app.main.article_list.select_article(app.library.index_of("a") or 0)
        await pilot.press("d")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, CopyPicker)
        assert [copy.id for copy in picker.copies] == ["b", "c"]
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        diff = app.screen
        assert isinstance(diff, DiffScreen)
        assert (diff.article_a.id, diff.article_b.id) == ("a", "c")
