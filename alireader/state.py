"""The reading state that survives a restart: read marks, bookmarks, last article, search history.

Everything lives in one SQLite file, ``$XDG_DATA_HOME/alireader/state.sqlite3`` by default. The
store is built so that the reader never fails because of it:

* Article state is keyed by :func:`article_key`, a hash of the article's ID and normalised body,
  so moving the corpus folder (or re-extracting it elsewhere) keeps read marks and bookmarks.
* The file is in WAL mode, every write is one ``BEGIN IMMEDIATE`` transaction and a busy timeout
  is set, so two instances of the app can share it without corrupting it or crashing.
* A damaged or foreign file is moved aside (``state.sqlite3.corrupt-<timestamp>``) and a fresh one
  is started; a data directory that cannot be written makes the store fall back to an in-memory
  database. Either way :meth:`StateStore.open` returns one sentence to show the user.
* A write that fails later (disk full, a lock held for longer than the timeout) is logged, the
  state moves to memory for the rest of the session and :attr:`StateStore.last_error` says so.

The schema version is ``PRAGMA user_version``; :data:`_MIGRATIONS` is the seam where a future
version adds its step.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Self

from alireader import paths
from alireader.core.keys import article_key

__all__ = [
    "DEFAULT_BUSY_TIMEOUT",
    "MAX_QUERIES",
    "SCHEMA_VERSION",
    "OpenResult",
    "StateStore",
    "article_key",
    "corpus_key",
    "default_path",
]

_log = logging.getLogger(__name__)
# Silent unless the application configures logging: Python's last-resort handler would print
# warnings on stderr, over the terminal UI.
logging.getLogger("alireader").addHandler(logging.NullHandler())

STATE_FILENAME = "state.sqlite3"
SCHEMA_VERSION = 2
"""The schema this module writes; stored in ``PRAGMA user_version``."""

MAX_QUERIES = 500
"""How many distinct search queries are kept; older ones are dropped."""

DEFAULT_BUSY_TIMEOUT = 5.0
"""Seconds a write waits for another instance's transaction before giving up."""

# "alir" in ASCII. Stored in PRAGMA application_id so that a SQLite file made by some other
# program is recognised as foreign rather than silently migrated into ours.
APPLICATION_ID = 0x616C6972

_SQLITE_BUSY = 5
_SQLITE_LOCKED = 6
_SQLITE_CORRUPT = 11
_SQLITE_NOTADB = 26


def _create_v1(conn: sqlite3.Connection) -> None:
    """Schema version 1. Timestamps are Unix seconds, kept for later sorting (e.g. bookmarks)."""
    conn.execute(
        "CREATE TABLE read_articles (key TEXT PRIMARY KEY, changed_at REAL NOT NULL) WITHOUT ROWID"
    )
    conn.execute(
        "CREATE TABLE bookmarks (key TEXT PRIMARY KEY, changed_at REAL NOT NULL) WITHOUT ROWID"
    )
    conn.execute(
        "CREATE TABLE last_opened (corpus TEXT PRIMARY KEY, article_id TEXT NOT NULL,"
        " changed_at REAL NOT NULL) WITHOUT ROWID"
    )
    # AUTOINCREMENT: the sequence only grows, even across instances and after trimming, so
    # "newest first" never depends on the wall clock.
    conn.execute(
        "CREATE TABLE queries (seq INTEGER PRIMARY KEY AUTOINCREMENT, query TEXT NOT NULL UNIQUE)"
    )


def _add_preferences_v2(conn: sqlite3.Connection) -> None:
    """Schema version 2: small named preferences chosen in the app (the theme)."""
    conn.execute(
        "CREATE TABLE preferences (name TEXT PRIMARY KEY, value TEXT NOT NULL,"
        " changed_at REAL NOT NULL) WITHOUT ROWID"
    )


_MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_create_v1, _add_preferences_v2)
"""``_MIGRATIONS[n]`` turns a version-``n`` database into version ``n + 1`` (0 is empty).

Each step runs inside the same write transaction as the ``user_version`` bump, so a crash half-way
leaves the previous version intact. ``len(_MIGRATIONS)`` must equal :data:`SCHEMA_VERSION`.
"""

_REQUIRED_TABLES = frozenset({"read_articles", "bookmarks", "last_opened", "queries"})


# --- keys ---------------------------------------------------------------------------------------

# article_key lives in the core (the parse workers compute half of it) and is re-exported here,
# next to corpus_key and the store that uses both.


def corpus_key(roots: Sequence[Path]) -> str:
    """The key of a corpus for "last opened": a hash of its sorted, resolved, distinct root paths.

    The order the roots were given in does not matter, nor do relative spellings of the same
    folder. Unlike :func:`article_key`, this one changes when the corpus is moved, which only
    means the reader starts at the first article once.
    """
    resolved = sorted({os.fsencode(Path(root).expanduser().resolve()) for root in roots})
    digest = hashlib.blake2b(digest_size=16, person=b"alireader-crp")
    digest.update(b"\0".join(resolved))
    return digest.hexdigest()


def default_path() -> Path:
    """Where the state lives unless told otherwise: ``paths.data_dir() / "state.sqlite3"``."""
    return paths.data_dir() / STATE_FILENAME


# --- opening --------------------------------------------------------------------------------------


class _UnusableFileError(Exception):
    """The file is a database, but not (or no longer) a usable alireader state file."""


class _NewerSchemaError(Exception):
    """The file was written by a newer alireader; it must be left alone."""


def _is_corruption(error: BaseException) -> bool:
    if isinstance(error, _UnusableFileError):
        return True
    if isinstance(error, sqlite3.DatabaseError):
        code = getattr(error, "sqlite_errorcode", None)
        # The primary code is the low byte of an extended code.
        return code is not None and code & 0xFF in (_SQLITE_CORRUPT, _SQLITE_NOTADB)
    return False


def _is_busy(error: BaseException) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF in (_SQLITE_BUSY, _SQLITE_LOCKED)


@contextlib.contextmanager
def _transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction. IMMEDIATE takes the write lock up front (waiting out the busy
    timeout), so a read never has to upgrade to a write, which in WAL mode fails at once."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
        raise


def _table_names(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {str(row[0]) for row in rows}


def _pragma_int(conn: sqlite3.Connection, name: str) -> int:
    row = conn.execute(f"PRAGMA {name}").fetchone()
    return int(row[0]) if row is not None else 0


def _identify(conn: sqlite3.Connection) -> int:
    """The schema version of ``conn``'s database, 0 for an empty one, after checking it is ours.

    Raises :class:`_UnusableFileError` for a foreign file and :class:`_NewerSchemaError` for one
    from a newer alireader. Only reads, so it is safe on a file that turns out not to be ours.
    """
    version = _pragma_int(conn, "user_version")
    tables = _table_names(conn) - {"sqlite_sequence"}
    if _pragma_int(conn, "application_id") != APPLICATION_ID and (version != 0 or tables):
        raise _UnusableFileError("not an alireader state file")
    if version > SCHEMA_VERSION:
        raise _NewerSchemaError(f"schema version {version}")
    return version


def _check_file(conn: sqlite3.Connection) -> None:
    """Refuse a damaged, foreign or too-new file before anything is written to it."""
    # quick_check reads every page, so a truncated or scribbled-on file is caught now rather than
    # at the first unlucky query. The file is small; this costs milliseconds.
    problems = [str(row[0]) for row in conn.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise _UnusableFileError("; ".join(problems[:3]))
    _identify(conn)


def _prepare_schema(conn: sqlite3.Connection) -> None:
    """Bring ``conn``'s database (empty or alireader's) to :data:`SCHEMA_VERSION`."""
    with _transaction(conn):
        # Identify again under the write lock: another instance may have just migrated.
        version = _identify(conn)
        if version == 0:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for step in _MIGRATIONS[version:SCHEMA_VERSION]:
            step(conn)
        # Written even when unchanged: SQLite silently opens a write-protected file read-only,
        # and this is the write that finds out now, rather than at the first read mark.
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        missing = _REQUIRED_TABLES - _table_names(conn)
        if missing:
            raise _UnusableFileError(f"missing tables: {', '.join(sorted(missing))}")


def _connect_file(path: Path, timeout: float) -> sqlite3.Connection:
    # check_same_thread=False: the app may save from a worker thread; StateStore serialises all
    # use of the connection with its own lock. isolation_level=None: transactions are explicit.
    conn = sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        # Before switching to WAL, which rewrites the header: a file that is not ours is moved
        # aside byte for byte, and one from a newer alireader is not touched at all.
        _check_file(conn)
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()
        if mode is None or str(mode[0]).lower() != "wal":
            # WAL could not be enabled (e.g. a file system without shared memory). Concurrent
            # instances still cannot corrupt a rollback-journal file; they just wait more.
            _log.warning("state file %s is not in WAL mode (%s)", path, mode)
        # NORMAL is durable across application crashes in WAL mode; only a power cut can lose
        # the last few marks, which is an acceptable price for not fsyncing on every keypress.
        conn.execute("PRAGMA synchronous = NORMAL")
        _prepare_schema(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _connect_memory() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    _prepare_schema(conn)
    return conn


def _move_aside(path: Path) -> Path:
    """Rename a damaged file to ``NAME.corrupt-<UTC timestamp>`` (never overwriting anything),
    with its WAL and shared-memory files, so that nothing is deleted and a fresh file can start.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(target)
    # A stale WAL left next to a fresh database would be replayed into it, so it must go too.
    # Named after the moved file, the sqlite3 shell still finds it when someone inspects it.
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(FileNotFoundError):
            companion.rename(target.with_name(target.name + suffix))
    return target


def _open_failure_reason(path: Path, error: BaseException) -> str:
    """Why ``path`` cannot be used, as a clause for :func:`_unsaved_notice` (and the log)."""
    if isinstance(error, _NewerSchemaError):
        _log.warning("%s was written by a newer alireader (%s); leaving it alone", path, error)
        return f"{path} was written by a newer version of alireader"
    _log.warning("cannot use state file %s: %s", path, error)
    if _is_busy(error):
        return f"{path} is locked by another program"
    if _is_corruption(error):
        return f"{path} is still unusable after starting afresh"
    return f"{path} cannot be opened for writing"


def _unsaved_notice(reason: str) -> str:
    return (
        f"Reading state will not be saved this session ({reason}): read marks, bookmarks and "
        "search history last only until you quit."
    )


# --- the store ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OpenResult:
    """What :meth:`StateStore.open` gives back: the store and sentences to show the user."""

    store: StateStore
    notices: tuple[str, ...]
    """One sentence per thing the user should know (file moved aside, state not saved)."""


class StateStore:
    """The persistent reading state. Use :meth:`open` or :meth:`in_memory` to get one.

    All methods are safe to call from several threads. None of them raises because of the disk:
    a failed write is logged, the state carries on in memory and :attr:`last_error` is set.
    """

    persistent: bool
    """True while changes are written to a file; False when running in memory."""

    path: Path | None
    """The file in use, or None when running in memory."""

    last_error: str | None
    """The latest runtime failure as a sentence for the user, or None when all went well."""

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        """Wrap an open, prepared connection. Prefer :meth:`open` or :meth:`in_memory`."""
        self._conn: sqlite3.Connection | None = conn
        self._lock = threading.RLock()
        self.path = path
        self.persistent = path is not None
        self.last_error = None

    # -- construction --

    @classmethod
    def open(cls, path: Path | None = None, *, timeout: float = DEFAULT_BUSY_TIMEOUT) -> OpenResult:
        """Open (creating if needed) the state file at ``path``, default :func:`default_path`.

        Never raises for a problem with the file or its folder: a damaged or foreign file is
        moved aside and replaced, an unwritable location gives an in-memory store, and each case
        adds one sentence to :attr:`OpenResult.notices`. ``timeout`` is the busy timeout in
        seconds, for both opening and later writes.
        """
        path = default_path() if path is None else Path(path)
        notices: list[str] = []
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            _log.warning("cannot create %s: %s", path.parent, error)
            notices.append(_unsaved_notice(f"{path.parent} cannot be created"))
            return OpenResult(cls.in_memory(), tuple(notices))

        for attempt in range(2):
            try:
                return OpenResult(cls(_connect_file(path, timeout), path), tuple(notices))
            except (sqlite3.Error, _UnusableFileError, _NewerSchemaError, OSError) as error:
                if not (_is_corruption(error) and attempt == 0):
                    notices.append(_unsaved_notice(_open_failure_reason(path, error)))
                    break
                _log.warning("state file %s is unusable (%s); moving it aside", path, error)
                try:
                    moved = _move_aside(path)
                except FileNotFoundError:
                    continue  # Another instance moved it a moment ago; just start fresh.
                except OSError as move_error:
                    _log.warning("cannot move %s aside: %s", path, move_error)
                    notices.append(_unsaved_notice(f"{path} is damaged and cannot be moved aside"))
                    break
                notices.append(
                    f"The reading-state file {path} was damaged or not alireader's, so it was "
                    f"kept as {moved.name} and a fresh one was started."
                )
        return OpenResult(cls.in_memory(), tuple(notices))

    @classmethod
    def in_memory(cls) -> StateStore:
        """A store that keeps everything in memory and forgets it on :meth:`close`."""
        return cls(_connect_memory(), None)

    # -- reading --

    def read_keys(self) -> set[str]:
        """The :func:`article_key` of every article marked as read."""
        return {str(row[0]) for row in self._query("SELECT key FROM read_articles")}

    def bookmarked_keys(self) -> set[str]:
        """The :func:`article_key` of every bookmarked article."""
        return {str(row[0]) for row in self._query("SELECT key FROM bookmarks")}

    def last_opened(self, corpus: str) -> str | None:
        """The ID of the article last opened in the corpus with :func:`corpus_key` ``corpus``."""
        rows = self._query("SELECT article_id FROM last_opened WHERE corpus = ?", (corpus,))
        return str(rows[0][0]) if rows else None

    def preference(self, name: str) -> str | None:
        """A preference chosen in the app (``"theme"``), or None when never chosen."""
        rows = self._query("SELECT value FROM preferences WHERE name = ?", (name,))
        return str(rows[0][0]) if rows else None

    def recent_queries(self, limit: int = 100) -> list[str]:
        """Up to ``limit`` past search queries, newest first, each once."""
        if limit <= 0:
            return []
        rows = self._query("SELECT query FROM queries ORDER BY seq DESC LIMIT ?", (limit,))
        return [str(row[0]) for row in rows]

    # -- writing --

    def set_read(self, key: str, read: bool) -> None:
        """Mark one article (by :func:`article_key`) as read or unread."""
        self.set_read_many((key,), read)

    def set_read_many(self, keys: Iterable[str], read: bool) -> None:
        """Mark many articles as read or unread in one transaction (e.g. "mark all read")."""
        rows = [(key,) for key in dict.fromkeys(keys)]
        if not rows:
            return
        now = time.time()

        def write(conn: sqlite3.Connection) -> None:
            if read:
                conn.executemany(
                    "INSERT OR IGNORE INTO read_articles (key, changed_at) VALUES (?, ?)",
                    [(key, now) for (key,) in rows],
                )
            else:
                conn.executemany("DELETE FROM read_articles WHERE key = ?", rows)

        self._write(write)

    def set_bookmarked(self, key: str, bookmarked: bool) -> None:
        """Add or remove the bookmark of one article (by :func:`article_key`)."""
        now = time.time()

        def write(conn: sqlite3.Connection) -> None:
            if bookmarked:
                # OR IGNORE keeps the original bookmarking time when it is set twice.
                conn.execute(
                    "INSERT OR IGNORE INTO bookmarks (key, changed_at) VALUES (?, ?)", (key, now)
                )
            else:
                conn.execute("DELETE FROM bookmarks WHERE key = ?", (key,))

        self._write(write)

    def set_last_opened(self, corpus: str, article_id: str) -> None:
        """Remember ``article_id`` as the article last opened in corpus ``corpus``."""
        self._upsert("last_opened", "corpus", corpus, "article_id", article_id)

    def set_preference(self, name: str, value: str) -> None:
        """Remember a preference chosen in the app, such as the theme."""
        self._upsert("preferences", "name", name, "value", value)

    def _upsert(self, table: str, key_column: str, key: str, value_column: str, value: str) -> None:
        # Table and column names are this module's constants, never user input.
        now = time.time()
        sql = (
            f"INSERT INTO {table} ({key_column}, {value_column}, changed_at) VALUES (?, ?, ?)"
            f" ON CONFLICT ({key_column}) DO UPDATE SET"
            f" {value_column} = excluded.{value_column}, changed_at = excluded.changed_at"
        )

        def write(conn: sqlite3.Connection) -> None:
            conn.execute(sql, (key, value, now))

        self._write(write)

    def add_query(self, query: str) -> None:
        """Record a search query as the newest; blank ones are ignored.

        Surrounding whitespace is stripped; a query already in the history moves to the front
        instead of appearing twice. Only the newest :data:`MAX_QUERIES` are kept.
        """
        query = query.strip()
        if not query:
            return

        def write(conn: sqlite3.Connection) -> None:
            # REPLACE deletes the old row and inserts a new one with a fresh, higher seq.
            conn.execute("INSERT OR REPLACE INTO queries (query) VALUES (?)", (query,))
            conn.execute(
                "DELETE FROM queries WHERE seq NOT IN"
                " (SELECT seq FROM queries ORDER BY seq DESC LIMIT ?)",
                (MAX_QUERIES,),
            )

        self._write(write)

    # -- lifetime --

    def close(self) -> None:
        """Close the database. Safe to call twice; any later use raises :class:`ValueError`."""
        with self._lock:
            conn, self._conn = self._conn, None
            if conn is None:
                return
            try:
                if self.persistent:
                    # Tidy statistics for the next start; closing then folds the WAL back in.
                    conn.execute("PRAGMA optimize")
            except sqlite3.Error as error:
                _log.warning("while closing the state file: %s", error)
            finally:
                conn.close()

    def __enter__(self) -> Self:
        """Use the store as a context manager that closes it on exit."""
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Close the store."""
        self.close()

    # -- internals --

    def _connection(self) -> sqlite3.Connection:
        if self._conn is None:
            raise ValueError("the state store is closed")
        return self._conn

    def _query(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        with self._lock:
            conn = self._connection()
            try:
                return list(conn.execute(sql, params).fetchall())
            except sqlite3.Error as error:
                # Show nothing rather than crash; the reader works without its marks.
                _log.warning("reading the state failed: %s", error)
                self.last_error = f"Reading state could not be read ({error})."
                return []

    def _write(self, operation: Callable[[sqlite3.Connection], None]) -> None:
        with self._lock:
            conn = self._connection()
            try:
                with _transaction(conn):
                    operation(conn)
                return
            except sqlite3.Error as error:
                if not self.persistent:
                    _log.error("writing the in-memory state failed: %s", error)
                    self.last_error = f"Reading state could not be updated ({error})."
                    return
                _log.warning("writing %s failed, keeping state in memory: %s", self.path, error)
                self.last_error = _unsaved_notice(f"saving to {self.path} failed: {error}")
            # Carry on in memory from the last committed state, then apply this change there.
            self._fail_over_to_memory(conn)
            try:
                with _transaction(self._connection()) as memory:
                    operation(memory)
            except sqlite3.Error as error:  # pragma: no cover - memory writes do not fail
                _log.error("writing the in-memory state failed: %s", error)

    def _fail_over_to_memory(self, conn: sqlite3.Connection) -> None:
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            # A WAL reader is not blocked by another instance's writer, and a full disk still
            # reads, so the copy normally succeeds and no mark made so far is lost.
            conn.backup(memory)
            _prepare_schema(memory)
        except (sqlite3.Error, _UnusableFileError, _NewerSchemaError) as error:
            _log.warning("could not copy the state into memory, starting empty: %s", error)
            memory.close()
            memory = _connect_memory()
        with contextlib.suppress(sqlite3.Error):
            conn.close()
        self._conn = memory
        self.persistent = False
        self.path = None


def read_preference(name: str, path: Path | None = None) -> str | None:
    """A preference read straight from the state file, read-only, before the app starts (the
    theme must be known for the first frame); None if unset or if the file cannot be read."""
    path = path if path is not None else default_path()
    if not path.is_file():
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=0.5)
        try:
            row = conn.execute("SELECT value FROM preferences WHERE name = ?", (name,)).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None  # an old, damaged or locked file: the app's own open reports problems
    return str(row[0]) if row else None
