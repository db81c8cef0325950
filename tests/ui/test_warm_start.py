"""Pilot tests: a second start comes from the snapshot, picks up the folder's changes (also on
R), and a snapshot that cannot be trusted is discarded with one notice."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from alireader import paths
from alireader.core.snapshot import SnapshotReader
from alireader.ui import app as app_module
from alireader.ui.app import ReaderApp
from alireader.ui.persistence import StateWriter
from tests.ui.conftest import write_corpus

AppFactory = Callable[..., ReaderApp]

ARTICLES = {
    "alpha.txt": "Alpha au port\n\nLes dockers du port de commerce votent la grève ce matin.\n",
    "beta.txt": "Beta et la vigne\n\nLa récolte de la vigne commence tôt cette année.\n",
    "gamma.md": "# Gamma budget\n\nLe conseil municipal adopte le budget des écoles.\n",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", ARTICLES)


async def settle(pilot: Pilot[Any]) -> None:
    """Wait for every worker (the load, the indexing, the check of the folder, the save)."""
    app = pilot.app
    assert isinstance(app, ReaderApp)
    await app.loaded.wait()
    await app.workers.wait_for_complete()
    await pilot.pause()
    await app.index_ready.wait()
    await app.workers.wait_for_complete()
    await pilot.pause()


def titles(app: ReaderApp) -> set[str]:
    library = app.library
    return {library.articles[i].title for i in range(len(library)) if i not in library.removed}


def found(app: ReaderApp, query: str) -> set[str]:
    assert app.search_index is not None
    return {hit.id for hit in app.search_index.search(query, 50).hits}


def notices(app: ReaderApp) -> list[str]:
    return [notification.message for notification in app._notifications]


async def cold_run(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.from_snapshot
        assert app.snapshot_saved.is_set()


def snapshots() -> list[Path]:
    return sorted((paths.cache_dir()).glob("snapshot-*.bin"))


def refuse_to_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make reading the corpus file by file fail: a warm start must not need it."""

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise AssertionError("the corpus was read again")

    monkeypatch.setattr(app_module, "load_batches", refuse)


async def test_a_second_start_shows_the_list_and_searches_from_the_snapshot(
    make_app: AppFactory, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await cold_run(make_app, corpus)
    refuse_to_read(monkeypatch)
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.from_snapshot
        assert titles(app) == {"Alpha au port", "Beta et la vigne", "Gamma budget"}
        assert found(app, "greve") == {"alpha"}  # a body word: the whole index is there
        assert found(app, "vigne") == {"beta"}
        assert notices(app) == []
        await pilot.press("slash", *"recolte")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert [app.library.articles[i].id for i in app.main.article_list.rows] == ["beta"]


def change_folder(corpus: Path) -> None:
    (corpus / "delta.txt").write_text(
        "Delta nouveau\n\nUne usine ouvre dans la vallée et embauche.\n", encoding="utf-8"
    )
    (corpus / "beta.txt").write_text(
        "Beta revu\n\nLe marché aux poissons déménage près de la gare.\n", encoding="utf-8"
    )
    (corpus / "gamma.md").unlink()


async def test_changes_are_picked_up_on_start(make_app: AppFactory, corpus: Path) -> None:
    await cold_run(make_app, corpus)
    change_folder(corpus)
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.from_snapshot
        check_changed(app)
    # The changes were saved: the next start has nothing to do.
    again = make_app([corpus])
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.from_snapshot
        assert again.status in ("", "no changes")
        check_changed(again)


def check_changed(app: ReaderApp) -> None:
    assert titles(app) == {"Alpha au port", "Beta revu", "Delta nouveau"}
    assert found(app, "usine") == {"delta"}  # added
    assert found(app, "poissons") == {"beta"}  # modified: its new text
    assert found(app, "vigne") == set()  # ... not its old one
    assert found(app, "budget") == set()  # deleted
    assert found(app, "greve") == {"alpha"}  # untouched
    assert app.library.index_of("gamma") is None
    assert "Delta nouveau" in [app.library.articles[i].title for i in app.main.article_list.rows]
    assert "3 articles" in app.sub_title


async def test_r_reloads_the_folder(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        change_folder(corpus)
        await pilot.press("R")
        await settle(pilot)
        check_changed(app)
        assert app.status == "1 new file, 1 changed, 1 deleted"
        assert "1 new file, 1 changed, 1 deleted" in app.sub_title
        (corpus / "delta.txt").unlink()
        await pilot.press("R")
        await settle(pilot)
        assert found(app, "usine") == set()
        assert app.status == "1 deleted"


async def test_r_is_remappable_and_listed_in_help(make_app: AppFactory, corpus: Path) -> None:
    app = make_app([corpus], keymap={"app.reload": "ctrl+r"})
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        (corpus / "delta.txt").write_text("Delta\n\nTexte nouveau sur la pêche.\n", "utf-8")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert found(app, "peche") == {"delta"}
        await pilot.press("question_mark")
        await pilot.pause()
        from alireader.ui.screens import HelpScreen

        assert isinstance(app.screen, HelpScreen)
        entries = {e.binding_id: e for s in app.screen.sections for e in s.entries}
        assert entries["app.reload"].keys == [app.get_key_display(Binding("ctrl+r", "reload"))]


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "corrupt":
        middle = len(data) // 2
        path.write_bytes(data[:middle] + bytes([data[middle] ^ 0xFF]) + data[middle + 1 :])
    elif how == "truncated":
        path.write_bytes(data[: len(data) * 2 // 3])
    elif how == "malformed":  # every check passes, but the list is not in the form written
        from alireader.core import snapshot

        head = snapshot._PREAMBLE.unpack(data[: snapshot._PREAMBLE.size])
        stamp = data[snapshot._PREAMBLE.size : snapshot._PREAMBLE.size + head[3]].decode()
        columns = (["alpha"], ["/nowhere/alpha.txt"])  # two columns of the eleven
        snapshot.write_snapshot(path, stamp, [("summaries", lambda: (columns, [], 1))])
    elif how == "not a search index":  # a good list, then a section of the wrong kind
        from alireader.core import snapshot

        head = snapshot._PREAMBLE.unpack(data[: snapshot._PREAMBLE.size])
        stamp = data[snapshot._PREAMBLE.size : snapshot._PREAMBLE.size + head[3]].decode()
        reader = snapshot.open_snapshot(path, stamp)
        assert reader is not None
        with reader:
            name, summaries = next(reader.sections())
        assert name == "summaries"
        sections = [("summaries", lambda: summaries), ("search", lambda: {"not": "an index"})]
        snapshot.write_snapshot(path, stamp, sections)
    else:  # foreign: a snapshot made by another version
        from alireader.core.snapshot import write_snapshot

        write_snapshot(path, '{"version": "alireader 0.0.1"}', [("files", lambda: ([], []))])


@pytest.mark.parametrize(
    "how", ["corrupt", "truncated", "foreign", "malformed", "not a search index"]
)
async def test_an_untrustworthy_snapshot_is_discarded_with_one_notice(
    make_app: AppFactory, corpus: Path, how: str
) -> None:
    await cold_run(make_app, corpus)
    [snapshot] = snapshots()
    damage(snapshot, how)
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        about = [text for text in notices(app) if "saved index" in text]
        assert len(about) == 1, notices(app)
        assert "discarded" in about[0]
        assert titles(app) == {"Alpha au port", "Beta et la vigne", "Gamma budget"}
        assert found(app, "greve") == {"alpha"}
    assert len(snapshots()) == 1  # rebuilt and saved again
    again = make_app([corpus])
    async with again.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert again.from_snapshot
        assert notices(again) == []


async def test_rebuild_ignores_the_snapshot(make_app: AppFactory, corpus: Path) -> None:
    await cold_run(make_app, corpus)
    app = make_app([corpus], rebuild=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert not app.from_snapshot
        assert found(app, "greve") == {"alpha"}


async def test_a_snapshot_made_from_a_relative_path_serves_a_start_from_elsewhere(
    make_app: AppFactory, corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The snapshot is found by the corpus's absolute path; the paths inside it must not
    # depend on the folder the first run was started from.
    monkeypatch.chdir(corpus.parent)
    await cold_run(make_app, Path(corpus.name))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.from_snapshot
        assert not app.snapshot_saved.is_set()  # no change found: nothing read again
        assert titles(app) == {"Alpha au port", "Beta et la vigne", "Gamma budget"}
        assert not notices(app)
        bodies = app.main.bodies
        for summary in app.library.articles:
            article = bodies.fetch(summary)
            assert not isinstance(article, str), article


async def test_an_app_closed_before_its_load_closes_what_it_opened_early(
    make_app: AppFactory, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    await cold_run(make_app, corpus)
    closed: list[str] = []
    original_reader_close, original_writer_close = SnapshotReader.close, StateWriter.close

    def reader_close(self: SnapshotReader) -> None:
        closed.append("snapshot")
        original_reader_close(self)

    def writer_close(self: StateWriter) -> None:
        closed.append("state")
        original_writer_close(self)

    monkeypatch.setattr(SnapshotReader, "close", reader_close)
    monkeypatch.setattr(StateWriter, "close", writer_close)
    monkeypatch.setattr(ReaderApp, "load", lambda self: None)  # closed before any load ran
    app = make_app([corpus])
    async with app.run_test(size=(120, 40)):
        pass
    assert sorted(closed) == ["snapshot", "state"]
