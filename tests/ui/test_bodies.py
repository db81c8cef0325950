"""Titles first, bodies on demand: the list holds summaries, the reader reads the file it shows.

Also: a corpus large enough for worker processes loads in them from inside the running app, and
those processes print nothing on the terminal the interface is drawn on.
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import textwrap
import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Static

import alireader.core.corpus as corpus_module
import alireader.ui.pool as pool_module
from alireader.core.models import Article, ArticleSummary
from alireader.ui.app import ReaderApp
from alireader.ui.bodies import BodyStore
from alireader.ui.widgets import ReaderPane
from tests.ui.conftest import wait_loaded, wait_reader, write_corpus

AppFactory = Callable[..., ReaderApp]


def _text(article: str, boilerplate: str = "") -> str:
    return f"{article}\n\nPar Jeanne Martin\n\nLe corps de « {article} ».\n{boilerplate}"


def _body(app: ReaderApp) -> str:
    return str(app.main.query_one("#body", Static).render())


async def test_the_reader_parses_the_body_on_demand(make_app: AppFactory, tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {"a.txt": _text("Premier"), "b.txt": _text("Second", "Partager sur Facebook\n")},
    )
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        assert all(isinstance(a, ArticleSummary) for a in app.library.articles)
        await pilot.press("j")
        await wait_reader(pilot)
        reader = app.main.reader
        assert reader.summary is app.library.articles[1]
        assert isinstance(reader.article, Article) and reader.article.id == "b"
        assert "Le corps de « Second »." in _body(app)
        await pilot.press("r")  # the removed lines come from the article read on demand
        removed = str(app.main.query_one("#removed", Static).render())
        assert "[share bar] Partager sur Facebook" in removed
        await pilot.press("k")  # read before: from the cache, at once, without a worker
        assert reader.article is not None and reader.article.id == "a"


async def test_a_file_deleted_after_loading_gives_a_message(
    make_app: AppFactory, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path / "c", {"a.txt": _text("Premier"), "b.txt": _text("Second")})
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        (corpus / "b.txt").unlink()
        await pilot.press("j", "r")
        await wait_reader(pilot)
        reader = app.main.reader
        assert reader.article is None and reader.problem is not None
        assert "This article cannot be shown" in _body(app) and "b.txt" in _body(app)
        assert "Second" in str(app.main.query_one("#title", Static).render())  # the summary
        await pilot.press("k")
        await wait_reader(pilot)
        assert "Le corps de « Premier »." in _body(app)


async def test_loading_shows_and_stale_results_are_dropped(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ("Premier", "Second", "Troisième")
    corpus = write_corpus(tmp_path / "c", {f"{n}.txt": _text(name) for n, name in enumerate(names)})
    app = make_app([corpus])
    release = threading.Event()
    fetch = BodyStore.fetch

    def slow_fetch(self: BodyStore, summary: ArticleSummary) -> Article | str:
        release.wait(timeout=30)
        return fetch(self, summary)

    loading_shown = asyncio.Event()
    show_loading = ReaderPane._show_loading

    def announced_show_loading(self: ReaderPane) -> None:
        show_loading(self)
        loading_shown.set()

    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        monkeypatch.setattr(BodyStore, "fetch", slow_fetch)
        monkeypatch.setattr(ReaderPane, "_show_loading", announced_show_loading)
        try:
            await pilot.press("j")
            await asyncio.wait_for(loading_shown.wait(), timeout=10)  # one frame later
            await pilot.pause()
            assert _body(app) == "Loading…"
            await pilot.press("j")  # the cursor moves on before the second article arrives
        finally:
            release.set()
        await wait_reader(pilot)
        reader = app.main.reader
        assert reader.article is not None and reader.article.id == "2"
        assert "Le corps de « Troisième »." in _body(app)


async def test_a_large_corpus_is_parsed_in_worker_processes_inside_the_app(
    make_app: AppFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Under Textual, sys.stderr has no file descriptor: without quiet_pool, starting processes
    # fails and loading falls back to this process. Count the chunks the pool really parsed.
    corpus = write_corpus(
        tmp_path / "c", {f"{n:02d}.txt": _text(f"Article {n}") for n in range(12)}
    )
    monkeypatch.setattr(corpus_module, "PARALLEL_MIN_FILES", 2)
    monkeypatch.setattr(corpus_module, "_CHUNK_FILES", 4)
    monkeypatch.setattr(corpus_module, "usable_cpus", lambda: 2)
    parsed: list[object] = []
    quiet_pool = pool_module.quiet_pool

    def counting_pool(workers: int) -> Executor:
        pool = quiet_pool(workers)
        pool_submit = pool.submit

        def counted(*args: Any, **kwargs: Any) -> Future[Any]:
            future = pool_submit(*args, **kwargs)
            future.add_done_callback(lambda done: parsed.append(done.result()))
            return future

        pool.submit = counted  # type: ignore[method-assign]
        return pool

    monkeypatch.setattr(pool_module, "quiet_pool", counting_pool)
    app = make_app([corpus])
    async with app.run_test(size=(160, 48)) as pilot:
        await wait_loaded(pilot)
        assert len(parsed) == 3  # every chunk, none parsed here after a failed start
        assert [a.title for a in app.library.articles] == [f"Article {n}" for n in range(12)]
        await pilot.press("G")
        await wait_reader(pilot)
        assert "Le corps de « Article 11 »." in _body(app)


def test_the_worker_processes_print_nothing_on_the_terminal(tmp_path: Path) -> None:
    # In a child Python whose stdout and stderr are pipes standing for the terminal, and whose
    # sys.stderr is, as under Textual, a capture without a file descriptor.
    script = textwrap.dedent(
        """
        import io, os, sys, warnings

        class Capture(io.StringIO):
            def fileno(self):
                return -1

        sys.stderr = Capture()
        from alireader.ui.pool import quiet_pool

        pool = quiet_pool(2)
        calls = [(os.write, 1, b"LEAK 1\\n"), (os.write, 2, b"LEAK 2\\n"), (print, "LEAK 3")]
        calls.append((warnings.warn, "LEAK 4"))
        for function, *args in calls:
            pool.submit(function, *args).result()
        pool.shutdown()
        print("done", file=sys.__stdout__)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        check=False,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert (result.stdout, result.stderr) == ("done\n", "")


def test_the_body_store_reads_a_changed_file_again(tmp_path: Path) -> None:
    path = write_corpus(tmp_path / "c", {"a.txt": _text("Premier")}) / "a.txt"
    summary = ArticleSummary(
        id="x/a", path=str(path), title="Premier", title_inferred=False, author=None,
        source=None, category=None, date=None, words=5, key="k",
    )  # fmt: skip
    store = BodyStore()
    assert store.cached(summary) is None
    first = store.fetch(summary)
    assert isinstance(first, Article) and first.id == "x/a"  # the corpus's ID, not the file's
    assert store.cached(summary) is first
    path.write_text(_text("Premier, modifié") + "\nUne ligne de plus.\n", encoding="utf-8")
    again = store.fetch(summary)
    assert isinstance(again, Article) and "Une ligne de plus." in again.body
    path.unlink()
    assert "cannot be shown" in str(store.fetch(summary))
