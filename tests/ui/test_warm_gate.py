"""A warm start reads the first article (body, entities) only once search works; a cold start,
and a warm start whose snapshot is discarded, hold nothing back."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from alireader.core.entities import Entity
from alireader.core.models import Article, ArticleSummary
from alireader.core.snapshot import SnapshotError
from alireader.ui.app import ReaderApp
from alireader.ui.bodies import BodyStore
from alireader.ui.entities import EntityExtractor
from alireader.ui.warm_gate import EarlyStart, GatedBodies, GatedExtractor, StartGate
from tests.ui.conftest import write_corpus
from tests.ui.test_warm_start import ARTICLES, cold_run, damage, settle, snapshots

AppFactory = Callable[..., ReaderApp]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", ARTICLES)


def test_an_early_start_hands_its_result_or_its_error_to_whoever_takes_it() -> None:
    """The snapshot is opened in a thread from the app's making; the load worker takes the
    reader, or the error to report, as if it had opened it itself."""
    assert EarlyStart(lambda: 42, "answer").take() == 42

    def fail() -> int:
        raise SnapshotError("The saved index was damaged.")

    with pytest.raises(SnapshotError, match="damaged"):
        EarlyStart(fail, "failure").take()


def test_the_gate_lets_waiting_threads_go_once_open() -> None:
    gate = StartGate()
    assert not gate.is_open
    passed = threading.Event()

    def wait() -> None:
        gate.wait()
        passed.set()

    waiter = threading.Thread(target=wait)
    waiter.start()
    gate.open()
    waiter.join()
    assert passed.is_set() and gate.is_open
    gate.open()  # again: nothing changes
    gate.wait()  # open: returns at once


class _LoggingGate(StartGate):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def wait(self) -> None:
        self.log.append("waited")
        super().wait()


def test_gated_reads_wait_for_the_gate_first(monkeypatch: pytest.MonkeyPatch) -> None:
    log: list[str] = []
    gate = _LoggingGate(log)
    gate.open()

    def read(_self: BodyStore, _summary: ArticleSummary) -> str:
        log.append("read")
        return ""

    def find(_self: EntityExtractor, _key: str, _body: str) -> list[Entity]:
        log.append("found")
        return []

    monkeypatch.setattr(BodyStore, "fetch", read)
    monkeypatch.setattr(EntityExtractor, "extract", find)
    summary = ArticleSummary("a", "a.txt", "A", False, None, None, None, None, 1, "k")
    GatedBodies(gate).fetch(summary)
    GatedExtractor(gate).extract("k", "body")
    assert log == ["waited", "read", "waited", "found"]


async def test_a_warm_start_reads_the_first_article_once_search_works(
    make_app: AppFactory, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await cold_run(make_app, corpus)
    app = make_app([corpus])
    asked = threading.Event()
    searchable: list[bool] = []  # per read of a body or of entities: was search live then?
    gated_fetch, fetch = GatedBodies.fetch, BodyStore.fetch
    extract = EntityExtractor.extract
    take_section = ReaderApp._take_section

    def ask(self: GatedBodies, summary: ArticleSummary) -> Article | str:
        asked.set()
        return gated_fetch(self, summary)

    def read(self: BodyStore, summary: ArticleSummary) -> Article | str:
        searchable.append(app.search_index is not None)
        return fetch(self, summary)

    def find(self: EntityExtractor, key: str, body: str) -> list[Entity]:
        searchable.append(app.search_index is not None)
        return extract(self, key, body)

    def take(self: ReaderApp, name: str, value: Any, found: dict[str, Any]) -> None:
        if name == "search":
            asked.wait(10)  # the reader pane asks for the first article before search works
        take_section(self, name, value, found)

    monkeypatch.setattr(GatedBodies, "fetch", ask)
    monkeypatch.setattr(BodyStore, "fetch", read)
    monkeypatch.setattr(EntityExtractor, "extract", find)
    monkeypatch.setattr(ReaderApp, "_take_section", take)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.from_snapshot and asked.is_set()
        assert searchable and all(searchable), searchable
        assert app.main.reader.article is not None  # the first article is shown all the same


@pytest.mark.parametrize("start", ["cold", "discarded snapshot", "rebuild"])
async def test_nothing_waits_without_a_usable_snapshot(
    make_app: AppFactory, corpus: Path, start: str
) -> None:
    if start != "cold":
        await cold_run(make_app, corpus)
    if start == "discarded snapshot":
        [snapshot] = snapshots()
        damage(snapshot, "corrupt")
    app = make_app([corpus], rebuild=start == "rebuild")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.from_snapshot
        assert app.start_gate.is_open
        assert app.main.reader.article is not None


async def test_a_read_cancelled_while_the_gate_is_shut_never_parses(
    make_app: AppFactory, corpus: Path
) -> None:
    """Moving on during a warm start cancels the reads of the articles left behind: once the
    gate opens only the article under the cursor is read (not one parse per key press)."""
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        gate = StartGate()
        read: list[str] = []

        class Spy(GatedBodies):
            def fetch(self, summary: ArticleSummary) -> Article | str:
                read.append(summary.id)
                return super().fetch(summary)

        app.main.reader.bodies = Spy(gate)
        await pilot.press("j")  # this article's read waits at the shut gate
        await pilot.press("j")  # and is cancelled by the next one
        gate.open()
        await app.workers.wait_for_complete()
        await pilot.pause()
        current = app.main.article_list.highlighted
        assert current is not None
        assert read == [app.library.articles[current].id]
        assert app.main.reader.article is not None
