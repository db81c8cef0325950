"""The search bar, driven by the keyboard: type, read the ranked results, open one, walk its
matches with n and N, and leave the search where the reader was before it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from alireader.ui.app import ReaderApp
from alireader.ui.widgets import ArticleList, ReaderPane, SearchBar, SearchStatus
from tests.ui.conftest import wait_loaded, write_corpus

AppFactory = Callable[..., ReaderApp]

SUBJECTS = ("Le marché", "La bourse", "Le secteur", "La banque", "Le ministre", "La région")


def _long_article(title: str, mention: str, at: int, paragraphs: int = 60) -> str:
    # Paragraphs differ: the parser would take identical repeated lines for boilerplate.
    body = [
        f"{SUBJECTS[n % len(SUBJECTS)]} attend la suite, note numéro {n} de la journée."
        for n in range(paragraphs)
    ]
    body[at] = mention
    return title + "\n\n" + "\n\n".join(body) + "\n"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Six articles: one names Sébastien Badault (twice, far down), others are distractors."""
    return write_corpus(
        tmp_path / "news",
        {
            "a-badault.txt": _long_article(
                "Le commerce en ligne change de visage",
                "Selon Sébastien Badault, directeur général, la croissance continue. "
                "Badault ajoute que la Chine compte beaucoup.",
                at=40,
            ),
            "b-oreal.txt": "L’Oréal mise sur la Chine\n\nLe groupe de cosmétiques vend bien.\n",
            "c-etats.txt": "Les États-Unis et la Chine\n\nUn accord commercial est signé.\n",
            "d-sebastopol.txt": "Voyage à Sébastopol\n\nUne ville de Crimée au bord de la mer.\n",
            "e-bastien.txt": "Bastien gagne le tournoi\n\nLe jeune joueur remporte la finale.\n",
            "f-other.txt": "La météo de la semaine\n\nDu soleil partout en France.\n",
        },
    )


async def _search(pilot: Pilot[Any], query: str) -> None:
    await pilot.press("slash", *query)
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _ids(app: ReaderApp) -> list[str]:
    return [app.library.articles[i].id for i in app.main.article_list.rows]


def _line(widget: ArticleList, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


async def test_a_misspelled_accentless_query_finds_the_right_article_first(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, "sebastin badaul")
        assert _ids(app)[0] == "a-badault"
        status = str(app.main.query_one(SearchStatus).render())
        assert "1 match" in status
        assert '"sebastin"' in status and '"badaul…"' in status  # what the bar understood


async def test_results_show_highlighted_titles_snippets_and_scores(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, "chine")
        results = app.main.article_list
        assert results.row_height == 2
        assert results.hits is not None and len(results.hits) == 3
        # Title matches rank first: the two with "Chine" in their title come before the body.
        assert set(_ids(app)[:2]) == {"b-oreal", "c-etats"}
        assert _ids(app)[2] == "a-badault"
        title_line, snippet_line = _line(results, 4), _line(results, 5)
        assert "Le commerce en ligne change de visage" in title_line
        assert "la Chine compte beaucoup" in snippet_line
        first = results.render_line(0)
        matched = [s for s in first if s.text == "Chine"]
        assert matched and matched[0].style is not None and matched[0].style.bold


async def test_enter_opens_the_result_scrolled_to_its_first_match_and_n_walks_them(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, "badault")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.main.reader
        assert isinstance(app.focused, ReaderPane)
        assert reader.summary is not None and reader.summary.id == "a-badault"
        assert len(reader.matches) == 2
        assert reader.current_match == 0
        first_y = reader.scroll_offset.y
        assert first_y > 20  # the match is in paragraph 40: the view moved down to it
        await pilot.press("n")
        assert reader.current_match == 1
        await pilot.press("n")
        assert reader.current_match == 0  # after the last: the first again
        await pilot.press("N")
        assert reader.current_match == 1  # before the first: the last
        assert reader.summary.id == "a-badault"  # n and N stayed in the article


async def test_n_is_next_article_when_there_is_no_search(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("enter")
        await pilot.pause()
        first = app.main.article_list.highlighted
        await pilot.press("n")
        assert app.main.article_list.highlighted == (first or 0) + 1


async def test_escape_ends_the_search_at_the_article_read_before(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j", "j", "j")
        before = app.main.article_list.highlighted
        await _search(pilot, "chine")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, ReaderPane)
        await pilot.press("escape")  # reader -> results
        assert isinstance(app.focused, ArticleList)
        assert app.main.article_list.hits is not None
        await pilot.press("escape")  # results -> the full list, where we were
        await pilot.pause()
        assert app.main.article_list.hits is None
        assert len(app.main.article_list.rows) == 6
        assert app.main.article_list.highlighted == before
        assert app.main.reader.matches == []


async def test_escape_in_the_bar_clears_it_and_restores_the_list(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("j")
        before = app.main.article_list.highlighted
        await _search(pilot, "meteo")
        assert _ids(app) == ["f-other"]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, ArticleList)
        assert app.main.search_bar.value == ""
        assert len(app.main.article_list.rows) == 6
        assert app.main.article_list.highlighted == before


async def test_up_and_down_recall_earlier_queries_across_runs(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        for query in ("chine", "meteo"):
            await _search(pilot, query)
            await pilot.press("enter", "escape", "escape")  # open, back, end the search
            await pilot.pause()
        await pilot.press("slash", "up")
        bar = app.main.search_bar
        assert bar.value == "meteo"
        await pilot.press("up")
        assert bar.value == "chine"
        await pilot.press("down", "down")
        assert bar.value == ""  # back to what was being typed
    again = make_app([corpus])  # same state file (tmp XDG dirs): the history was kept
    async with again.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash", "up")
        assert again.main.search_bar.value == "meteo"


async def test_a_stale_result_is_dropped(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, "meteo")
        assert app.search_index is not None
        stale = app.search_index.search("chine", 50, prefix_last=True)
        app.main._apply_search("chine", stale, None)  # the result of an older keystroke
        assert _ids(app) == ["f-other"]


async def test_a_search_typed_over_before_it_starts_never_runs(
    make_app: AppFactory, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A search cannot be stopped once it runs: one whose text is no longer the query when
    its thread starts is skipped, and its results are never shown."""
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, "meteo")
        index = app.search_index
        assert index is not None
        asked: list[str] = []
        search = index.search

        def spy(query: str, *args: Any, **kwargs: Any) -> Any:
            asked.append(query)
            return search(query, *args, **kwargs)

        monkeypatch.setattr(index, "search", spy)
        app.main._search("chine", None)  # an older keystroke's search, started late
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert asked == []
        assert _ids(app) == ["f-other"]
        app.main._search("meteo", None)  # the current query's search still runs
        await app.workers.wait_for_complete()
        assert asked == ["meteo"]


async def test_a_query_that_finds_nothing_says_so(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, 'zzqx !"')  # malformed: read literally, never an error
        assert app.main.article_list.rows == []
        assert "0 matches" in str(app.main.query_one(SearchStatus).render())
        await pilot.press("enter")  # nothing to open: a bell, no crash
        assert isinstance(app.focused, SearchBar)


async def test_the_match_keys_can_be_remapped(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus], keymap={"search.next_match": "ctrl+n"})
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_loaded(pilot)
        await _search(pilot, "badault")
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        reader = app.main.reader
        await pilot.press("ctrl+n")
        assert reader.current_match == 1
        await pilot.press("n")  # no longer a match key (it would have wrapped to match 0)
        assert reader.current_match == 1


async def test_a_count_checked_in_part_is_shown_as_a_lower_bound(
    make_app: AppFactory, corpus: Path
) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 30)) as pilot:
        await wait_loaded(pilot)
        status = app.main.query_one(SearchStatus)
        status.show('phrase "11 m…"', 512, indexing=False, approximate=True)
        await pilot.pause()
        assert str(status.render()).startswith("≥512 matches")
        status.show('"11"', 1, indexing=True)
        await pilot.pause()
        assert str(status.render()).startswith("1 match so far")


async def test_a_shorter_result_list_keeps_its_scrollbar_in_step(
    make_app: AppFactory, tmp_path: Path
) -> None:
    # 60 articles say "marché": 60 results of two lines each overflow the pane, and so do 30.
    articles = {f"{n:02d}.txt": f"Article {n}\n\nLe marché ouvre.\n" for n in range(60)}
    app = make_app([write_corpus(tmp_path / "many", articles)])
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        results = app.main.article_list
        await _search(pilot, "marche")
        assert results.hits is not None and len(results.rows) == 60
        # Fewer results, nothing else on screen changing (no layout of the screen for it).
        results.set_results(dict(list(results.hits.items())[:30]))
        await pilot.pause()
        assert results.virtual_size.height == 60
        assert results.vertical_scrollbar.window_virtual_size == 60
        results.action_last()
        await pilot.pause()
        assert results.highlighted == results.rows[-1]
        assert results.scroll_offset.y == results.max_scroll_y == 60 - results.size.height


async def test_while_typing_the_reader_follows_the_top_result_through_a_deferred_preview(
    make_app: AppFactory, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Redrawing an article costs more than a keystroke: while a query is typed, the reader
    shows the top result from a preview worker that each newer result cancels."""
    from alireader.ui.screens import reader as reader_screen

    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        before = app.main.reader.summary
        assert before is not None and before.id != "f-other"
        monkeypatch.setattr(reader_screen, "PREVIEW_DELAY", 0.01)
        previews: list[int | None] = []
        preview = reader_screen.MainScreen._preview

        def spy(screen: reader_screen.MainScreen) -> object:
            previews.append(screen.article_list.highlighted)
            return preview(screen)

        monkeypatch.setattr(reader_screen.MainScreen, "_preview", spy)
        await _search(pilot, "meteo")
        await app.workers.wait_for_complete()  # the preview, started by the last results
        await pilot.pause()
        assert _ids(app)[0] == "f-other"
        shown = app.main.reader.summary
        assert shown is not None and shown.id == "f-other"
        assert previews  # through the deferred preview, not at once


async def test_a_keystroke_cancels_the_preview_of_the_results_it_replaces(
    make_app: AppFactory, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader must not draw the top result of an older text while the newer text's
    search runs (both want the event loop's thread)."""
    from alireader.ui.screens import reader as reader_screen

    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_loaded(pilot)
        monkeypatch.setattr(reader_screen, "PREVIEW_DELAY", 3600)  # pending for the test
        await pilot.press("slash", "m", "e")
        while app.main.query_text != "me" or app.main._result is None:
            await pilot.pause()
        await pilot.pause()
        pending = [w for w in app.workers if w.group == "preview" and not w.is_finished]
        assert pending  # the reader would follow these results after the delay
        app.main.search_bar.insert_text_at_cursor("t")  # the next keystroke
        assert all(worker.is_cancelled for worker in pending)
