"""The persistent reading state: keys, persistence, concurrency, damaged and unwritable files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from alireader import state
from alireader.state import (
    MAX_QUERIES,
    SCHEMA_VERSION,
    OpenResult,
    StateStore,
    article_key,
    corpus_key,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture(autouse=True)
def _isolated_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the real user's directories, even through the default path."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "state.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[StateStore]:
    result = StateStore.open(db_path)
    assert result.notices == ()
    yield result.store
    result.store.close()


def open_clean(path: Path, **kwargs: float) -> StateStore:
    """Open ``path`` and insist that nothing went wrong."""
    result = StateStore.open(path, **kwargs)
    assert result.notices == ()
    assert result.store.persistent
    return result.store


def corrupt_copies(path: Path) -> list[Path]:
    return sorted(
        p
        for p in path.parent.glob(f"{path.name}.corrupt-*")
        if not p.name.endswith(("-wal", "-shm"))
    )


def saved_state(path: Path) -> StateStore:
    """A store with one of everything in it, closed, so the file holds it all."""
    store = open_clean(path)
    store.set_read("k-read", True)
    store.set_bookmarked("k-mark", True)
    store.set_last_opened("corpus", "dir/article")
    store.add_query("élysée")
    store.close()
    return store


# --- keys ---------------------------------------------------------------------------------------


def test_article_key_is_a_short_stable_hex_digest() -> None:
    key = article_key("2024/le-monde-01", "Le Premier ministre a annoncé…")
    assert key == article_key("2024/le-monde-01", "Le Premier ministre a annoncé…")
    assert len(key) == 32
    int(key, 16)


def test_article_key_ignores_case_whitespace_and_unicode_composition() -> None:
    body = "Le Premier ministre\na annoncé  la réforme."
    same = "  le premier MINISTRE a\tannonce\u0301 la\n\nréforme. "  # decomposed "é"
    assert article_key("a/1", body) == article_key("a/1", same)


@pytest.mark.parametrize(
    ("other_id", "other_body"),
    [
        ("a/2", "Le texte."),  # same body, another article ID
        ("a/1", "Un autre texte."),  # same ID, a different article
    ],
)
def test_article_key_changes_with_id_or_body(other_id: str, other_body: str) -> None:
    assert article_key("a/1", "Le texte.") != article_key(other_id, other_body)


def test_article_key_keeps_id_and_body_apart() -> None:
    assert article_key("a", "b c") != article_key("a b", "c")


def test_corpus_key_ignores_order_duplicates_and_spelling(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    monkeypatch.chdir(tmp_path)
    absolute = corpus_key([tmp_path / "one", tmp_path / "two"])
    assert corpus_key([Path("two"), Path("one")]) == absolute
    assert corpus_key([Path("one/../two"), tmp_path / "one", Path("one")]) == absolute
    assert corpus_key([tmp_path / "one"]) != absolute
    assert corpus_key([tmp_path / "two"]) != corpus_key([tmp_path / "one"])


# --- persistence -------------------------------------------------------------------------------


def test_open_defaults_to_the_xdg_data_dir(tmp_path: Path) -> None:
    result = StateStore.open()
    with result.store as store:
        assert result.notices == ()
        assert store.persistent
        assert store.path == tmp_path / "xdg-data" / "alireader" / "state.sqlite3"
        store.set_read("k", True)
    assert (tmp_path / "xdg-data" / "alireader" / "state.sqlite3").is_file()


def test_everything_is_restored_at_the_next_start(db_path: Path) -> None:
    store = open_clean(db_path)
    store.set_read_many(["a", "b", "c"], True)
    store.set_read("b", False)
    store.set_bookmarked("a", True)
    store.set_bookmarked("z", True)
    store.set_bookmarked("z", False)
    store.set_last_opened("corpus-1", "2024/one")
    store.set_last_opened("corpus-2", "2024/two")
    store.add_query("macron")
    store.add_query("retraites")
    store.close()

    with open_clean(db_path) as again:
        assert again.read_keys() == {"a", "c"}
        assert again.bookmarked_keys() == {"a"}
        assert again.last_opened("corpus-1") == "2024/one"
        assert again.last_opened("corpus-2") == "2024/two"
        assert again.last_opened("corpus-3") is None
        assert again.recent_queries() == ["retraites", "macron"]


def test_marks_are_idempotent(store: StateStore) -> None:
    store.set_read("a", True)
    store.set_read("a", True)
    store.set_read_many(["a", "a", "b"], True)
    store.set_bookmarked("a", True)
    store.set_bookmarked("a", True)
    store.set_read("missing", False)
    store.set_bookmarked("missing", False)
    store.set_read_many([], True)
    assert store.read_keys() == {"a", "b"}
    assert store.bookmarked_keys() == {"a"}


def test_set_read_many_unmarks_in_bulk(store: StateStore) -> None:
    store.set_read_many((f"k{i}" for i in range(10)), True)
    store.set_read_many((f"k{i}" for i in range(5)), False)
    assert store.read_keys() == {f"k{i}" for i in range(5, 10)}


def test_last_opened_is_replaced(store: StateStore) -> None:
    store.set_last_opened("c", "first")
    store.set_last_opened("c", "second")
    assert store.last_opened("c") == "second"


def test_query_history_is_newest_first_deduplicated_and_stripped(store: StateStore) -> None:
    for query in ["alpha", "beta", "  ", "", "gamma", " alpha "]:
        store.add_query(query)
    assert store.recent_queries() == ["alpha", "gamma", "beta"]
    assert store.recent_queries(limit=2) == ["alpha", "gamma"]
    assert store.recent_queries(limit=0) == []


def test_query_history_keeps_only_the_newest_500(db_path: Path) -> None:
    store = open_clean(db_path)
    for i in range(MAX_QUERIES + 20):
        store.add_query(f"q{i}")
    store.close()
    with open_clean(db_path) as again:
        kept = again.recent_queries(limit=10_000)
    assert MAX_QUERIES == 500
    assert len(kept) == MAX_QUERIES
    assert kept[0] == f"q{MAX_QUERIES + 19}"
    assert kept[-1] == "q20"


def test_in_memory_store_works_and_writes_nothing(tmp_path: Path) -> None:
    with StateStore.in_memory() as store:
        assert not store.persistent
        assert store.path is None
        store.set_read("a", True)
        store.add_query("q")
        assert store.read_keys() == {"a"}
        assert store.recent_queries() == ["q"]
    assert not (tmp_path / "xdg-data").exists()


def test_closed_store_refuses_use_and_closes_twice(store: StateStore) -> None:
    store.close()
    store.close()
    with pytest.raises(ValueError, match="closed"):
        store.set_read("a", True)
    with pytest.raises(ValueError, match="closed"):
        store.read_keys()


# --- file format -------------------------------------------------------------------------------


def test_file_is_in_wal_mode_with_schema_version(store: StateStore, db_path: Path) -> None:
    store.set_read("a", True)
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert raw.execute("PRAGMA application_id").fetchone()[0] == state.APPLICATION_ID
    finally:
        raw.close()


def test_migration_seam_upgrades_an_old_file_and_keeps_its_data(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved_state(db_path)

    def add_notes(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE notes (key TEXT PRIMARY KEY, note TEXT NOT NULL)")

    monkeypatch.setattr(state, "_MIGRATIONS", (*state._MIGRATIONS, add_notes))
    monkeypatch.setattr(state, "SCHEMA_VERSION", SCHEMA_VERSION + 1)

    with open_clean(db_path) as store:
        assert store.read_keys() == {"k-read"}
        assert store.bookmarked_keys() == {"k-mark"}
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        raw.execute("SELECT key, note FROM notes").fetchall()
    finally:
        raw.close()


def test_file_from_a_newer_version_is_left_alone(db_path: Path) -> None:
    saved_state(db_path)
    raw = sqlite3.connect(db_path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 7}")
    raw.close()
    before = db_path.read_bytes()

    result = StateStore.open(db_path)
    with result.store as store:
        assert not store.persistent
        assert len(result.notices) == 1
        assert "newer version" in result.notices[0]
        store.set_read("x", True)  # still usable, in memory
        assert store.read_keys() == {"x"}
    assert db_path.read_bytes() == before
    assert corrupt_copies(db_path) == []


# --- damaged files -------------------------------------------------------------------------------


def assert_moved_aside_and_fresh(result: OpenResult, db_path: Path, original: bytes) -> Path:
    store = result.store
    assert store.persistent
    assert store.read_keys() == set()
    (moved,) = corrupt_copies(db_path)
    assert moved.read_bytes() == original  # nothing the user had is deleted
    assert len(result.notices) == 1
    assert moved.name in result.notices[0]
    # The fresh file really persists.
    store.set_read("new", True)
    store.close()
    with open_clean(db_path) as again:
        assert again.read_keys() == {"new"}
    return moved


def test_garbage_file_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    garbage = bytes(range(256)) * 40
    db_path.write_bytes(garbage)
    assert_moved_aside_and_fresh(StateStore.open(db_path), db_path, garbage)


def test_truncated_file_is_moved_aside(db_path: Path) -> None:
    store = open_clean(db_path)
    # Enough rows to span many pages, so that cutting the file loses some of them.
    store.set_read_many((f"{i:032x}" for i in range(3000)), True)
    store.close()
    truncated = db_path.read_bytes()[: db_path.stat().st_size // 2]
    db_path.write_bytes(truncated)
    assert_moved_aside_and_fresh(StateStore.open(db_path), db_path, truncated)


def test_file_with_a_scribbled_page_is_moved_aside(db_path: Path) -> None:
    # Header and schema intact, one data page overwritten: only a full check at open finds it.
    store = open_clean(db_path)
    store.set_read_many((f"{i:032x}" for i in range(3000)), True)
    store.close()
    data = bytearray(db_path.read_bytes())
    page = len(data) // 4096 // 2 * 4096
    data[page : page + 4096] = b"\xff" * 4096
    db_path.write_bytes(bytes(data))
    assert_moved_aside_and_fresh(StateStore.open(db_path), db_path, bytes(data))


def test_foreign_sqlite_file_is_moved_aside(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE users (name TEXT)")
    raw.execute("INSERT INTO users VALUES ('alice')")
    raw.commit()
    raw.close()
    original = db_path.read_bytes()

    moved = assert_moved_aside_and_fresh(StateStore.open(db_path), db_path, original)
    raw = sqlite3.connect(moved)
    try:
        assert raw.execute("SELECT name FROM users").fetchall() == [("alice",)]
    finally:
        raw.close()


def test_empty_file_is_adopted_not_moved(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    with open_clean(db_path) as store:
        store.set_read("a", True)
    assert corrupt_copies(db_path) == []


def test_moving_aside_takes_the_wal_and_shm_along(db_path: Path) -> None:
    # A stale WAL left next to the fresh file would be replayed into it.
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"db")
    Path(f"{db_path}-wal").write_bytes(b"wal")
    Path(f"{db_path}-shm").write_bytes(b"shm")

    moved = state._move_aside(db_path)

    assert sorted(p.name for p in db_path.parent.iterdir()) == sorted(
        [moved.name, f"{moved.name}-wal", f"{moved.name}-shm"]
    )
    assert Path(f"{moved}-wal").read_bytes() == b"wal"
    assert Path(f"{moved}-shm").read_bytes() == b"shm"


def test_two_damaged_files_in_the_same_second_are_both_kept(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    class FrozenDatetime(datetime):
        @classmethod
        def now(cls, tz: object = None) -> FrozenDatetime:
            return cls(2024, 5, 1, 12, 0, 0, tzinfo=UTC)

    monkeypatch.setattr(state, "datetime", FrozenDatetime)
    db_path.parent.mkdir(parents=True)
    for garbage in (b"first garbage" * 50, b"second garbage" * 50):
        db_path.write_bytes(garbage)
        StateStore.open(db_path).store.close()
    moved = corrupt_copies(db_path)
    assert [p.name for p in moved] == [
        "state.sqlite3.corrupt-20240501T120000Z",
        "state.sqlite3.corrupt-20240501T120000Z-2",
    ]
    assert {p.read_bytes() for p in moved} == {b"first garbage" * 50, b"second garbage" * 50}


# --- unwritable places -------------------------------------------------------------------------


def assert_in_memory_with_one_warning(result: OpenResult) -> None:
    with result.store as store:
        assert not store.persistent
        assert len(result.notices) == 1
        assert "will not be saved" in result.notices[0]
        store.set_read("a", True)
        store.set_bookmarked("b", True)
        assert store.read_keys() == {"a"}
        assert store.bookmarked_keys() == {"b"}
        assert store.last_error is None


def test_uncreatable_data_dir_falls_back_to_memory(tmp_path: Path) -> None:
    # A folder cannot be created under a regular file, not even by root.
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    assert_in_memory_with_one_warning(StateStore.open(blocker / "alireader" / "state.sqlite3"))


def test_unopenable_state_path_falls_back_to_memory(db_path: Path) -> None:
    db_path.mkdir(parents=True)  # a folder where the file should be: unopenable even for root
    assert_in_memory_with_one_warning(StateStore.open(db_path))
    assert corrupt_copies(db_path) == []


@pytest.mark.skipif(IS_ROOT, reason="root ignores directory permissions")
def test_read_only_data_dir_falls_back_to_memory(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.parent.chmod(0o555)
    try:
        assert_in_memory_with_one_warning(StateStore.open(db_path))
        assert not db_path.exists()
    finally:
        db_path.parent.chmod(0o755)


@pytest.mark.skipif(IS_ROOT, reason="root ignores file permissions")
def test_read_only_state_file_falls_back_to_memory(db_path: Path) -> None:
    saved_state(db_path)
    before = db_path.read_bytes()
    db_path.chmod(0o444)
    db_path.parent.chmod(0o555)
    try:
        assert_in_memory_with_one_warning(StateStore.open(db_path))
    finally:
        db_path.parent.chmod(0o755)
        db_path.chmod(0o644)
    assert db_path.read_bytes() == before


@pytest.mark.skipif(IS_ROOT, reason="root ignores file permissions")
def test_write_protected_state_file_falls_back_to_memory(db_path: Path) -> None:
    # SQLite opens such a file read-only without complaint; the store must notice at once.
    saved_state(db_path)
    db_path.chmod(0o444)
    try:
        assert_in_memory_with_one_warning(StateStore.open(db_path))
    finally:
        db_path.chmod(0o644)


# --- concurrency and runtime failures --------------------------------------------------------


def test_two_stores_on_one_file_interleave_writes(db_path: Path) -> None:
    first = open_clean(db_path)
    second = open_clean(db_path)
    for i in range(50):
        first.set_read(f"first-{i}", True)
        second.set_read(f"second-{i}", True)
        first.add_query(f"first {i}")
        second.add_query(f"second {i}")
    first.set_bookmarked("shared", True)
    second.set_last_opened("corpus", "from-second")

    expected = {f"first-{i}" for i in range(50)} | {f"second-{i}" for i in range(50)}
    for store in (first, second):
        assert store.read_keys() == expected
        assert store.bookmarked_keys() == {"shared"}
        assert store.last_opened("corpus") == "from-second"
        assert store.recent_queries(limit=2) == ["second 49", "first 49"]
        assert store.last_error is None
        assert store.persistent
    first.close()
    second.close()


CHILD_WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from alireader.state import StateStore

    result = StateStore.open(Path(sys.argv[1]))
    store = result.store
    if result.notices or not store.persistent:
        sys.exit(f"child could not open the store: {result.notices}")
    print("ready", flush=True)
    sys.stdin.readline()
    for i in range(int(sys.argv[2])):
        store.set_read(f"child-{i}", True)
        store.add_query(f"child {i}")
    if store.last_error is not None or not store.persistent:
        sys.exit(f"child write failed: {store.last_error}")
    store.close()
    """
)


def test_a_second_process_writes_concurrently(db_path: Path) -> None:
    count = 300
    parent = open_clean(db_path)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO_ROOT), *sys.path])}
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD_WRITER, str(db_path), str(count)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "ready"
        child.stdin.write("go\n")
        child.stdin.flush()
        # Both processes now write at the same time.
        for i in range(count):
            parent.set_read(f"parent-{i}", True)
            parent.add_query(f"parent {i}")
        _, stderr = child.communicate(timeout=120)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, stderr
    assert parent.last_error is None
    assert parent.persistent
    parent.close()

    with open_clean(db_path) as again:
        expected = {f"parent-{i}" for i in range(count)} | {f"child-{i}" for i in range(count)}
        assert again.read_keys() == expected
        assert len(again.recent_queries(limit=10_000)) == min(2 * count, MAX_QUERIES)
    raw = sqlite3.connect(db_path)
    try:
        assert raw.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    finally:
        raw.close()


def test_lock_held_beyond_the_timeout_keeps_state_in_memory(db_path: Path) -> None:
    store = open_clean(db_path, timeout=0.0)
    store.set_read("before", True)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another instance in the middle of a long write
    try:
        store.set_read("during", True)
        assert store.last_error is not None
        assert not store.persistent
        assert store.read_keys() == {"before", "during"}
        store.set_bookmarked("after", True)
        assert store.bookmarked_keys() == {"after"}
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
        store.close()
    with open_clean(db_path) as again:
        assert again.read_keys() == {"before"}
        assert again.bookmarked_keys() == set()


def test_lock_held_while_opening_falls_back_to_memory(db_path: Path) -> None:
    saved_state(db_path)
    blocker = sqlite3.connect(db_path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        result = StateStore.open(db_path, timeout=0.0)
        assert not result.store.persistent
        assert len(result.notices) == 1
        assert "locked" in result.notices[0]
        result.store.close()
    finally:
        blocker.execute("ROLLBACK")
        blocker.close()
    assert corrupt_copies(db_path) == []  # a busy file is not a damaged one


def test_disk_full_keeps_state_in_memory(store: StateStore) -> None:
    store.set_read("before", True)
    conn = store._conn
    assert conn is not None
    # Forbid the file to grow: the next write that needs a page fails as on a full disk.
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    store.set_read_many((f"{i:032x}" for i in range(2000)), True)
    assert store.last_error is not None
    assert "will not be saved" in store.last_error
    assert not store.persistent
    assert store.path is None
    assert len(store.read_keys()) == 2001
    assert "before" in store.read_keys()


def test_preferences_are_remembered(db_path: Path) -> None:
    with open_clean(db_path) as store:
        assert store.preference("theme") is None
        store.set_preference("theme", "alireader-light")
        store.set_preference("theme", "alireader-ansi")  # the newest choice wins
    with open_clean(db_path) as store:
        assert store.preference("theme") == "alireader-ansi"


def test_a_version_1_file_gains_preferences_and_keeps_its_marks(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Write a file as the first release did (schema 1 only), then open it with today's code.
    monkeypatch.setattr(state, "_MIGRATIONS", state._MIGRATIONS[:1])
    monkeypatch.setattr(state, "SCHEMA_VERSION", 1)
    saved_state(db_path)
    monkeypatch.undo()
    with open_clean(db_path) as store:
        assert store.read_keys() == {"k-read"}
        store.set_preference("theme", "alireader-light")
        assert store.preference("theme") == "alireader-light"
