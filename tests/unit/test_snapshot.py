"""The snapshot file: what is written is read back, and nothing damaged, cut short or made by
another version is ever unpickled or trusted."""

from __future__ import annotations

import os
import pickle
import threading
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alireader.core import snapshot as snapshot_module
from alireader.core.corpus import Discovery, FileKind, SourceFile
from alireader.core.models import ArticleSummary
from alireader.core.snapshot import (
    FileRow,
    Shared,
    SnapshotError,
    SnapshotReader,
    columns_fit,
    compare,
    open_snapshot,
    snapshot_path,
    snapshot_stamp,
    summaries_from_columns,
    summary_columns,
    write_snapshot,
)

STAMP = snapshot_stamp({"max_bytes": 1 << 20, "threshold": 0.8})
VALUES: list[tuple[str, Any]] = [
    ("files", ([("a.txt", 1, 2)], ["warning"])),
    ("summaries", [("id", "path", "Titre é", True, None, None, None, None, 12, "k" * 32, None)]),
    ("search", {"words": list(range(1000)), "bytes": b"\x00\xff" * 5000}),
    ("empty", None),
]


def write(path: Path, stamp: str = STAMP, values: list[tuple[str, Any]] = VALUES) -> Path:
    write_snapshot(path, stamp, [(name, lambda value=value: value) for name, value in values])
    return path


def read(path: Path, stamp: str = STAMP) -> list[tuple[str, Any]]:
    reader = open_snapshot(path, stamp)
    assert reader is not None
    with reader:
        return list(reader.sections())


def test_what_is_written_is_read_back(tmp_path: Path) -> None:
    path = write(tmp_path / "snap.bin")
    assert read(path) == VALUES
    assert read(path) == VALUES  # reading does not use it up


def test_a_shared_list_is_loaded_once_and_given_to_one_later_object(tmp_path: Path) -> None:
    ids = [f"article-{n}" for n in range(2000)]
    titles = [f"Titre {n} é" for n in range(2000)]
    index = {"ids": list(ids), "again": None, "titles": list(titles)}
    index["again"] = index["ids"]  # the same list twice: one object, loaded as one
    other = {"ids": list(ids)}  # equal too, but a second owner: never the shared list
    sections: list[tuple[str, Any]] = [
        ("list", lambda: Shared(("columns", ids, titles), {"ids": ids, "titles": titles})),
        ("index", lambda: index),
        ("other", lambda: other),
    ]
    shared_path, plain_path = tmp_path / "shared.bin", tmp_path / "plain.bin"
    write_snapshot(shared_path, STAMP, sections)
    plain = [("list", lambda: ("columns", ids, titles)), *sections[1:]]
    write_snapshot(plain_path, STAMP, plain)
    [(_, listed), (_, loaded_index), (_, loaded_other)] = read(shared_path)
    assert listed == ("columns", ids, titles)
    assert loaded_index == index and loaded_other == other
    assert loaded_index["ids"] is listed[1] and loaded_index["again"] is listed[1]
    assert loaded_index["titles"] is listed[2]
    assert loaded_other["ids"] is not listed[1]
    assert shared_path.stat().st_size < plain_path.stat().st_size


def test_no_snapshot_is_none(tmp_path: Path) -> None:
    assert open_snapshot(tmp_path / "missing.bin", STAMP) is None


def test_the_file_is_named_by_corpus_and_settings(tmp_path: Path) -> None:
    one = snapshot_path(tmp_path, ["/corpus"], {"threshold": 0.8})
    assert one == snapshot_path(tmp_path, ["/corpus"], {"threshold": 0.8})
    assert one != snapshot_path(tmp_path, ["/other"], {"threshold": 0.8})
    assert one != snapshot_path(tmp_path, ["/corpus"], {"threshold": 0.9})
    assert snapshot_stamp({"threshold": 0.8}) != snapshot_stamp({"threshold": 0.9})


@pytest.fixture
def unpickled(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every object the snapshot module unpickles."""
    calls: list[object] = []
    real = snapshot_module._unpickle

    def counting(stream: Any, blobs: Any) -> Any:
        value = real(stream, blobs)
        calls.append(value)
        return value

    monkeypatch.setattr(snapshot_module, "_unpickle", counting)
    return calls


def flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x5A
    path.write_bytes(bytes(data))


def test_a_changed_byte_is_caught_before_anything_is_unpickled(
    tmp_path: Path, unpickled: list[object]
) -> None:
    path = write(tmp_path / "snap.bin", values=[("search", b"x" * 10_000), ("other", 1)])
    flip(path, path.stat().st_size - 5000)  # inside the first section's payload
    with pytest.raises(SnapshotError, match="damaged"):
        read(path)
    assert unpickled == []
    assert not path.exists()  # discarded: it would fail again


def damaged_after_the_list(path: Path) -> Path:
    """A snapshot of a list section then a search section, the search one damaged."""
    write(path, values=[("list", [1, 2, 3]), ("search", b"y" * 5000)])
    flip(path, path.stat().st_size - 100)
    return path


def assert_the_list_then_a_checksum_failure(reader: SnapshotReader | None, path: Path) -> None:
    """The list section reads back; the next fails its checksum, and the file is deleted."""
    assert reader is not None
    sections = reader.sections()
    assert next(sections) == ("list", [1, 2, 3])
    with pytest.raises(SnapshotError, match="checksum"):
        next(sections)
    assert not path.exists()


def test_a_damaged_later_section_fails_after_the_earlier_ones(tmp_path: Path) -> None:
    path = damaged_after_the_list(tmp_path / "snap.bin")
    assert_the_list_then_a_checksum_failure(open_snapshot(path, STAMP), path)


def test_reading_started_ahead_gives_the_same_sections_and_the_same_failures(
    tmp_path: Path,
) -> None:
    """start() (as a warm start calls it before it unpickles) reads and checks ahead; the
    sections and a damaged one's failure, at its turn, are as without it."""
    path = write(tmp_path / "snap.bin")
    reader = open_snapshot(path, STAMP)
    assert reader is not None
    with reader:
        reader.start()
        reader.start()  # once only
        assert list(reader.sections()) == VALUES
    damaged = damaged_after_the_list(tmp_path / "damaged.bin")
    reader = open_snapshot(damaged, STAMP)
    assert reader is not None
    reader.start()
    assert_the_list_then_a_checksum_failure(reader, damaged)


def test_closing_a_snapshot_read_ahead_stops_its_threads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reader started and closed unread (the app quit before loading) leaves no thread
    reading: the pickles' readers would otherwise wait for ever on their full queues."""
    monkeypatch.setattr(snapshot_module, "_AHEAD", 1)  # a block ahead at most: they must wait
    big = os.urandom(3 * 2**20)
    path = write(tmp_path / "snap.bin", values=[("a", big), ("b", big)])
    before = set(threading.enumerate())
    reader = open_snapshot(path, STAMP)
    assert reader is not None
    reader.start()
    started = {t for t in set(threading.enumerate()) - before if t.name.startswith("snapshot")}
    assert started  # reading ahead, in threads
    reader.close()
    assert not any(thread.is_alive() for thread in started)


def test_a_snapshot_cut_short_is_refused_at_once(tmp_path: Path, unpickled: list[object]) -> None:
    path = write(tmp_path / "snap.bin")
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 10])
    with pytest.raises(SnapshotError, match="cut short"):
        open_snapshot(path, STAMP)
    assert unpickled == []
    assert not path.exists()


def test_another_version_or_settings_is_discarded(tmp_path: Path) -> None:
    path = write(tmp_path / "snap.bin", stamp=snapshot_stamp({"threshold": 0.5}))
    with pytest.raises(SnapshotError, match="another version"):
        open_snapshot(path, STAMP)
    assert not path.exists()


# Fixed "random" bytes: a parameter drawn anew at each collection breaks pytest-xdist.
NOISE = bytes((n * 167 + 13) % 251 for n in range(300))


@pytest.mark.parametrize("content", [b"", b"SQLite format 3\x00" + b"\x00" * 200, NOISE])
def test_a_foreign_file_is_discarded(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "snap.bin"
    path.write_bytes(content)
    with pytest.raises(SnapshotError):
        open_snapshot(path, STAMP)
    assert not path.exists()


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_changed_or_missing_byte_is_refused(tmp_path: Path, data: st.DataObject) -> None:
    """Every byte of the file is covered by a check: changing any one of them, or cutting the
    file anywhere, gives an error, never a value."""
    path = write(tmp_path / "prop.bin", values=[("a", "x" * 50), ("b", [1, 2])])
    size = path.stat().st_size
    if data.draw(st.booleans(), label="cut"):
        keep = data.draw(st.integers(0, size - 1), label="keep")
        path.write_bytes(path.read_bytes()[:keep])
    else:
        flip(path, data.draw(st.integers(0, size - 1), label="offset"))
    with pytest.raises(SnapshotError):
        read(path)


class Unpicklable:
    def __reduce__(self) -> Any:
        raise RuntimeError("cannot pickle this")


def test_a_failed_write_leaves_the_old_snapshot_and_no_temporary_file(tmp_path: Path) -> None:
    path = write(tmp_path / "snap.bin")
    with pytest.raises(RuntimeError):
        write(path, values=[("files", [1]), ("bad", Unpicklable())])
    assert read(path) == VALUES
    assert sorted(p.name for p in tmp_path.iterdir()) == ["snap.bin"]


SUMMARIES = [
    ArticleSummary("a", "/c/a.txt", "Titre", False, "Auteur", "Src", "Cat", "2024-01-02", 120,
                   "k" * 32, None),
    ArticleSummary("f/2", "/c/f.jsonl", "Deux", True, None, None, None, None, 5, "j" * 32, 2),
]  # fmt: skip


def test_summaries_round_trip_as_columns() -> None:
    columns = pickle.loads(pickle.dumps(summary_columns(SUMMARIES)))
    back = summaries_from_columns(columns)
    assert back == SUMMARIES
    assert [hash(summary) for summary in back] == [hash(summary) for summary in SUMMARIES]
    assert [repr(summary) for summary in back] == [repr(summary) for summary in SUMMARIES]
    assert summaries_from_columns(summary_columns([])) == []


@given(
    st.lists(
        st.builds(
            ArticleSummary,
            id=st.text(max_size=8),
            path=st.text(max_size=8),
            title=st.text(max_size=8),
            title_inferred=st.booleans(),
            author=st.none() | st.text(max_size=4),
            source=st.none() | st.text(max_size=4),
            category=st.none() | st.text(max_size=4),
            date=st.none() | st.text(max_size=4),
            words=st.integers(0, 10**6),
            key=st.text(max_size=8),
            record=st.none() | st.integers(0, 1000),
        ),
        max_size=5,
    )
)
def test_any_summaries_come_back_equal_from_columns(summaries: list[ArticleSummary]) -> None:
    columns = summary_columns(summaries)
    assert columns_fit(columns)
    assert summaries_from_columns(columns) == summaries


@pytest.mark.parametrize(
    "columns",
    [summary_columns(SUMMARIES)[:-1], (*summary_columns(SUMMARIES)[:-1], [None])],
    ids=["a column missing", "a column shorter"],
)
def test_malformed_columns_make_no_summaries(columns: tuple[list[Any], ...]) -> None:
    assert not columns_fit(columns)
    assert not columns_fit(list(columns))  # a list of columns is not what is written either
    with pytest.raises(ValueError):
        summaries_from_columns(columns)


# -- comparing the snapshot's files with the folder ----------------------------------------------


def row(name: str, stamp: tuple[int, int, int] | None, content: bytes | None) -> FileRow:
    return FileRow(f"/c/{name}", name, "text", "/c", stamp, content, (name,))


def source(name: str) -> SourceFile:
    return SourceFile(Path(f"/c/{name}"), name, FileKind.TEXT, Path("/c"))


def test_compare_sorts_kept_touched_changed_new_and_deleted() -> None:
    rows = [
        row("same", (1, 1, 1), b"s"),
        row("touched", (1, 1, 1), b"t"),
        row("changed", (1, 1, 1), b"c"),
        row("deleted", (1, 1, 1), b"d"),
    ]
    found = Discovery([source("same"), source("touched"), source("changed"), source("new")])
    stamps = {"/c/same": (1, 1, 1), "/c/touched": (1, 2, 2), "/c/changed": (2, 2, 2)}
    hashes = {"/c/touched": b"t", "/c/changed": b"C"}
    changes = compare(rows, found, stamps.get, hashes.get)
    assert changes.kept == [0, 1]
    assert changes.restamped == {1: (1, 2, 2)}
    assert sorted(changes.removed) == [2, 3]
    assert [s.id for s in changes.read] == ["changed", "new"]
    assert (changes.added, changes.modified, changes.deleted) == (1, 1, 1)
    assert changes.describe() == "1 new file, 1 changed, 1 deleted"


names = st.sampled_from([f"f{n}" for n in range(8)])
states = st.tuples(st.integers(0, 2), st.integers(0, 2))  # (stamp, content): small, to collide


@given(
    before=st.dictionaries(names, states),
    after=st.dictionaries(names, states),
)
def test_compare_accounts_for_every_file(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> None:
    # A content change moves the change time (the third field), as on a real file system.
    rows = [row(n, (s, s, 3 * s + c), bytes([c])) for n, (s, c) in sorted(before.items())]
    found = Discovery([source(n) for n in sorted(after)])
    stamps = {f"/c/{n}": (s, s, 3 * s + c) for n, (s, c) in after.items()}
    hashes = {f"/c/{n}": bytes([c]) for n, (s, c) in after.items()}
    changes = compare(rows, found, stamps.get, hashes.get)
    kept = {rows[n].id for n in changes.kept}
    # Every row is kept or removed, once; every file found is kept or read, once.
    assert sorted(changes.kept + changes.removed) == list(range(len(rows)))
    assert sorted(kept | {s.id for s in changes.read}) == sorted(after)
    assert kept.isdisjoint(s.id for s in changes.read)
    # Kept means the same content; read means new or different content.
    for name in kept:
        assert before[name][1] == after[name][1]
    for read_source in changes.read:
        name = read_source.id
        assert name not in before or before[name][1] != after[name][1]
    assert changes.deleted == len(set(before) - set(after))
    assert changes.added == len(set(after) - set(before))
    assert changes.any == bool(changes.removed or changes.read)


def test_the_reader_names_its_settings_as_the_article_cache_does() -> None:
    from functools import partial

    from alireader.core.analysers import article_entities, article_sketch, search_words
    from alireader.core.body_pass import analyser_name
    from alireader.core.corpus import DEFAULT_MAX_BYTES
    from alireader.ui.corpus_state import MAX_BYTES, snapshot_settings

    assert MAX_BYTES == DEFAULT_MAX_BYTES
    for backend in ("auto", "builtin"):
        settings = snapshot_settings(backend, 0.8)
        assert settings["entities"] == analyser_name(partial(article_entities, backend))
        assert settings["sketch"] == analyser_name(article_sketch)
        assert settings["search"] == analyser_name(search_words)


def test_saving_removes_only_temporaries_left_long_ago(tmp_path: Path) -> None:
    from alireader.core.duplicates import DuplicateIndex
    from alireader.core.entity_index import EntityIndex
    from alireader.core.live_search import LiveSearch
    from alireader.ui.corpus_state import CorpusState, save_state

    path = tmp_path / "snapshot-x.bin"
    old, fresh = tmp_path / "snapshot-x.bin.abc.tmp", tmp_path / "snapshot-x.bin.def.tmp"
    old.write_bytes(b"killed while saving")
    fresh.write_bytes(b"another instance saving now")
    os.utime(old, (1, 1))
    save_state(CorpusState(LiveSearch(), EntityIndex(), DuplicateIndex()), path, STAMP)
    assert not old.exists() and fresh.exists()
    assert [name for name, _ in read(path)] == [
        "summaries",
        "search",
        "files",
        "entities",
        "duplicates",
    ]


def test_file_rows_and_an_entity_index_come_back_whole(tmp_path: Path) -> None:
    from collections import Counter

    from alireader.core.entities import Entity
    from alireader.core.entity_index import EntityIndex

    rows = [row("a", (1, 2, 3), b"h"), FileRow("/c/b", "b", "jsonl", None, None, None, ())]
    entities = EntityIndex()
    entities.add("a1", [Entity(0, 5, "PER", "Jean Dupré"), Entity(9, 14, "LOC", "Paris")])
    entities.add("a2", [Entity(0, 5, "PER", "JEAN DUPRE"), Entity(0, 5, "PER", "Jean Dupré")])
    entities.remove("a1")
    entities.add("a1", [Entity(0, 5, "ORG", "Orange")])
    counts = Counter({"x": 2, "y": 1})
    path = write(tmp_path / "snap.bin", values=[("rows", rows), ("e", entities), ("c", counts)])
    (_, loaded_rows), (_, loaded), (_, loaded_counts) = read(path)
    assert loaded_rows == rows
    assert loaded.entries() == entities.entries()
    assert loaded.article_entities("a2") == entities.article_entities("a2")
    assert loaded.match("jean") == entities.match("jean") == {"a2"}
    assert type(loaded_counts) is Counter and list(loaded_counts.items()) == [("x", 2), ("y", 1)]


def test_a_duplicate_index_comes_back_whole_and_keeps_finding_copies(tmp_path: Path) -> None:
    from alireader.core.duplicates import DuplicateIndex

    story = " ".join(f"mot{n} phrase{n % 7} suite{n % 11}" for n in range(300))
    other = " ".join(f"autre{n} texte{n % 5}" for n in range(300))
    index = DuplicateIndex(threshold=0.8)
    index.common_fingerprint = 2  # so that some fingerprints turn common
    for number in range(4):
        index.add(f"copy{number}", story + f" fin{number}")
    index.add("other", other)
    index.discard(["copy3"])
    path = write(tmp_path / "snap.bin", values=[("dups", index)])
    ((_, loaded),) = read(path)
    assert loaded._postings == index._postings
    assert list(loaded._postings) == list(index._postings)
    assert loaded.clusters() == index.clusters()
    for each in (index, loaded):
        each.add("late", story + " tardive")
        each.add("copy3", other + " encore")
    assert loaded.clusters() == index.clusters()
    assert any("late" in cluster.articles for cluster in loaded.clusters())
