"""A persistent cache of what loading a corpus computes, so a second start re-reads only what
changed.

One SQLite file under ``$XDG_CACHE_HOME/alireader/`` holds, per file of a corpus, what the first
pass made of it (its summaries and warnings, encoded by :mod:`alireader.core.summaries`), and per
article what the body pass made of it (the body and each named analyser's result, encoded by
:mod:`alireader.core.body_pass`), plus a few corpus-wide results (the near-duplicate clusters).
This module only stores bytes; it knows nothing of their meaning.

A file's entry is trusted while the file's size, modification time and change time are those
recorded (the change time moves whenever the content or the times are set, so a content change
with its modification time put back is still noticed); when they disagree, the BLAKE2b hash of
the content decides, so a ``touch`` or a copy costs a read, not a parse.

Safety: the database runs in WAL mode with a busy timeout and every write is a transaction, so a
crash or ``kill -9`` loses only the transaction under way and two instances can share the file.
The whole cache is stamped with the alireader version, :data:`SCHEMA_VERSION` and a fingerprint
of the core's code: a cache made by anything else is emptied before use, a file that is not a
database (or is damaged, or truncated) is moved aside, and a folder that cannot be written means
working without a cache. Each of these is reported once, as a sentence in :attr:`Cache.notices`,
never as an exception. Values are pickles: the cache folder is the user's own, like the corpus.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache as _once
from pathlib import Path

from alireader import __version__

SCHEMA_VERSION = 1
FILE_NAME = "cache.sqlite3"
BUSY_TIMEOUT_S = 15.0
"""How long a write waits for another instance's transaction before giving up."""

_HASH_BLOCK = 1 << 20
_IN_LIMIT = 900  # ids per "IN (...)": well under SQLite's limit on bound parameters
_CORRUPT_CODES = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB

Stamp = tuple[int, int, int]
"""A file's size, modification time (ns) and change time (ns)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    path BLOB NOT NULL,
    max_bytes INTEGER NOT NULL,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    ctime_ns INTEGER NOT NULL,
    hash BLOB NOT NULL,
    payload BLOB NOT NULL,
    UNIQUE (path, max_bytes)
);
CREATE TABLE IF NOT EXISTS articles (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    record INTEGER NOT NULL,
    part TEXT NOT NULL,
    value BLOB NOT NULL,
    UNIQUE (file_id, record, part)
);
CREATE TABLE IF NOT EXISTS results (name TEXT PRIMARY KEY, value BLOB NOT NULL);
"""


def file_stamp(path: str | Path) -> Stamp | None:
    """The :data:`Stamp` of ``path`` (following links), or None when it cannot be looked at."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_size, info.st_mtime_ns, info.st_ctime_ns


def _file_digest() -> hashlib.blake2b:
    return hashlib.blake2b(digest_size=16, person=b"alireader-file")


def bytes_hash(data: bytes) -> bytes:
    """:func:`content_hash` of a file whose whole content is ``data`` (already read)."""
    digest = _file_digest()
    digest.update(data)
    return digest.digest()


def content_hash(path: str | Path) -> bytes | None:
    """The BLAKE2b-128 hash of the file's bytes, or None when it cannot be read."""
    digest = _file_digest()
    try:
        with open(path, "rb") as handle:  # read-only, always
            while block := handle.read(_HASH_BLOCK):
                digest.update(block)
    except (OSError, ValueError):
        return None
    return digest.digest()


def path_key(path: str | Path) -> bytes:
    """How a file is named in the cache: its absolute path's bytes (names need not be UTF-8)."""
    return os.fsencode(os.path.abspath(path))


@_once
def code_fingerprint() -> str:
    """A hash of the core's source files: results made by other code are never trusted, even
    when a development checkout keeps the same version number."""
    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(Path(__file__).resolve().parent.glob("*.py")):
        digest.update(source.name.encode())
        with contextlib.suppress(OSError):
            digest.update(source.read_bytes())
    return digest.hexdigest()


def cache_version() -> str:
    """What a cache must have been made by to be trusted."""
    return f"alireader {__version__}; schema {SCHEMA_VERSION}; code {code_fingerprint()}"


@dataclass(frozen=True, slots=True)
class FileEntry:
    """What the cache knows of one file (read with a given size limit)."""

    file_id: int
    stamp: Stamp
    hash: bytes


@dataclass(slots=True)
class Cache:
    """An open cache. Use it from the thread that opened it; open one per thread.

    Every method turns a database failure into a notice (:attr:`notices`) and from then on
    behaves as an empty cache that stores nothing: a cache can make loading faster, never make
    it fail.
    """

    path: Path
    connection: sqlite3.Connection | None
    notices: list[str] = field(default_factory=list)

    @property
    def usable(self) -> bool:
        """False once a failure has turned the cache off."""
        return self.connection is not None

    def close(self) -> None:
        """Close the database (the last instance to close folds the WAL into the file)."""
        if self.connection is not None:
            with contextlib.suppress(sqlite3.Error):
                self.connection.close()
            self.connection = None

    def __enter__(self) -> Cache:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def take_notices(self) -> list[str]:
        """The notices not yet taken (each is reported once)."""
        notices, self.notices = self.notices, []
        return notices

    # -- failures ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as error:
            self._fail(error)

    def _fail(self, error: sqlite3.Error) -> None:
        self.close()
        if _is_corrupt(error):
            _move_aside(self.path)
            self.notices.append(
                f"The article cache {self.path} was damaged; it was set aside and will be rebuilt."
            )
        else:
            self.notices.append(
                f"The article cache {self.path} cannot be used ({_reason(error)}); "
                "working without it."
            )

    # -- files -------------------------------------------------------------------------------

    def entries(self, max_bytes: int) -> dict[bytes, FileEntry]:
        """Every file entry made with the size limit ``max_bytes``, by :func:`path_key`."""
        found: dict[bytes, FileEntry] = {}
        if self.connection is None:
            return found
        with self._guard():
            rows = self.connection.execute(
                "SELECT path, id, size, mtime_ns, ctime_ns, hash FROM files WHERE max_bytes = ?",
                (max_bytes,),
            )
            for path, file_id, size, mtime, ctime, digest in rows:
                found[path] = FileEntry(file_id, (size, mtime, ctime), digest)
        return found

    def payloads(self, file_ids: Sequence[int]) -> dict[int, bytes]:
        """The payloads stored with ``file_ids`` (those still there)."""
        found: dict[int, bytes] = {}
        if self.connection is None:
            return found
        with self._guard():
            for start in range(0, len(file_ids), _IN_LIMIT):
                part = file_ids[start : start + _IN_LIMIT]
                marks = ",".join("?" * len(part))
                found.update(
                    self.connection.execute(
                        f"SELECT id, payload FROM files WHERE id IN ({marks})",
                        part,
                    ).fetchall()
                )
        return found

    @contextlib.contextmanager
    def writing(self) -> Iterator[Writer | None]:
        """A write transaction (None when the cache is off): all of it is stored, or none."""
        connection = self.connection
        if connection is None:
            yield None
            return
        try:
            connection.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            self._fail(error)
            yield None
            return
        writer = Writer(connection)
        try:
            yield writer
            connection.execute("COMMIT")
        except sqlite3.Error as error:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            self._fail(error)
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                connection.execute("ROLLBACK")
            raise

    # -- articles ----------------------------------------------------------------------------

    def complete(self, file_ids: Sequence[int], parts: Sequence[str]) -> set[tuple[int, int]]:
        """The ``(file id, record)`` of the articles of ``file_ids`` that have every one of
        ``parts`` stored."""
        found: set[tuple[int, int]] = set()
        if self.connection is None or not parts:
            return found
        names = ",".join("?" * len(parts))
        with self._guard():
            for start in range(0, len(file_ids), _IN_LIMIT):
                ids = list(file_ids[start : start + _IN_LIMIT])
                marks = ",".join("?" * len(ids))
                rows = self.connection.execute(
                    f"SELECT file_id, record FROM articles WHERE file_id IN ({marks}) "
                    f"AND part IN ({names}) GROUP BY file_id, record HAVING count(*) = ?",
                    [*ids, *parts, len(parts)],
                )
                found.update(rows)
        return found

    def parts(
        self, articles: Sequence[tuple[int, int]], parts: Sequence[str]
    ) -> dict[tuple[int, int], dict[str, bytes]]:
        """The stored ``parts`` of the ``(file id, record)`` articles, by article."""
        found: dict[tuple[int, int], dict[str, bytes]] = {}
        if self.connection is None or not parts:
            return found
        names = ",".join("?" * len(parts))
        step = _IN_LIMIT // 2
        with self._guard():
            for start in range(0, len(articles), step):
                keys = articles[start : start + step]
                # A join, not "(file_id, record) IN (...)", which SQLite answers with a scan.
                rows = self.connection.execute(
                    f"WITH k(f, r) AS (VALUES {','.join(['(?,?)'] * len(keys))}) "
                    "SELECT a.file_id, a.record, a.part, a.value FROM k CROSS JOIN articles AS a "
                    f"ON a.file_id = k.f AND a.record = k.r WHERE a.part IN ({names})",
                    [*(n for key in keys for n in key), *parts],
                )
                for file_id, record, part, value in rows:
                    found.setdefault((file_id, record), {})[part] = value
        return found

    # -- corpus-wide results -----------------------------------------------------------------

    def result(self, name: str) -> bytes | None:
        """The value stored under ``name``, or None."""
        if self.connection is None:
            return None
        with self._guard():
            row = self.connection.execute(
                "SELECT value FROM results WHERE name = ?", (name,)
            ).fetchone()
            return None if row is None else bytes(row[0])
        return None


@dataclass(slots=True)
class Writer:
    """The writes of one transaction (see :meth:`Cache.writing`)."""

    connection: sqlite3.Connection

    def store_file(
        self, path: bytes, max_bytes: int, stamp: Stamp, digest: bytes, payload: bytes
    ) -> int:
        """Store a file's entry, replacing (with its articles) any previous one; its new id."""
        self.connection.execute(
            "DELETE FROM files WHERE path = ? AND max_bytes = ?", (path, max_bytes)
        )
        cursor = self.connection.execute(
            "INSERT INTO files (path, max_bytes, size, mtime_ns, ctime_ns, hash, payload) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (path, max_bytes, *stamp, digest, payload),
        )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def restamp(self, file_id: int, stamp: Stamp) -> None:
        """Record that the file of ``file_id`` has a new stamp but the same content."""
        self.connection.execute(
            "UPDATE files SET size = ?, mtime_ns = ?, ctime_ns = ? WHERE id = ?",
            (*stamp, file_id),
        )

    def forget(self, paths: Iterable[bytes]) -> None:
        """Drop the entries (whatever their size limit) and articles of these files."""
        self.connection.executemany("DELETE FROM files WHERE path = ?", ((p,) for p in paths))

    def store_parts(self, rows: Iterable[tuple[int, int, str, bytes]]) -> None:
        """Store ``(file id, record, part, value)`` rows, replacing any stored before."""
        self.connection.executemany(
            "INSERT OR REPLACE INTO articles (file_id, record, part, value) "
            "SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM files WHERE id = ?1)",
            rows,
        )

    def store_result(self, name: str, value: bytes) -> None:
        """Store a corpus-wide result under ``name``."""
        self.connection.execute(
            "INSERT OR REPLACE INTO results (name, value) VALUES (?, ?)", (name, value)
        )


_PART_QUERY = (
    "SELECT a.value FROM files AS f JOIN articles AS a ON a.file_id = f.id "
    "WHERE f.path = ? AND f.max_bytes = ? AND a.record = ? AND a.part = ?"
)
_STORED_QUERY = "SELECT value FROM articles WHERE file_id = ? AND record = ? AND part = ?"


class PartReader:
    """Reads single stored parts (a search hit's body, say) from any thread, never writing:
    a read-only connection, opened on first use, that never waits on a writer (WAL) and
    never changes the file, so it is safe to call while drawing the screen. Any failure,
    or a cache made by another version, means None from then on."""

    def __init__(self, directory: Path | None = None, version: str | None = None) -> None:
        """``version``: the :func:`cache_version` to trust (default: this process's). A worker
        process passes its parent's, which opened and checked the cache: the worker hashes the
        source files when it starts, later, and an edit or upgrade meanwhile would otherwise
        make it refuse every stored part (and parse every file again)."""
        self._directory = directory
        self._version = version
        self._connection: sqlite3.Connection | None = None
        self._failed = False
        self._lock = threading.Lock()

    def part(self, path: bytes, max_bytes: int, record: int, part: str) -> bytes | None:
        """The stored ``part`` of an article, by its file's :func:`path_key`; None if absent."""
        return self._value(_PART_QUERY, (path, max_bytes, record, part))

    def stored(self, file_id: int, record: int, part: str) -> bytes | None:
        """The stored ``part`` of an article, by its file's entry id (a :class:`FileEntry`'s
        ``file_id``, so exactly the version of the file that was checked); None if absent."""
        return self._value(_STORED_QUERY, (file_id, record, part))

    def stored_many(
        self, articles: Sequence[tuple[int, int]], part: str
    ) -> dict[tuple[int, int], bytes]:
        """:meth:`stored` for many ``(file id, record)`` articles at once (a worker's chunk):
        a query per few hundred, not one per article. The absent ones are left out."""
        found: dict[tuple[int, int], bytes] = {}
        step = _IN_LIMIT // 2
        with self._lock:
            if self._failed or not articles:
                return found
            try:
                connection = self._connection or self._open()
                if connection is None:
                    return found
                for start in range(0, len(articles), step):
                    keys = articles[start : start + step]
                    rows = connection.execute(
                        f"WITH k(f, r) AS (VALUES {','.join(['(?,?)'] * len(keys))}) "
                        "SELECT a.file_id, a.record, a.value FROM k CROSS JOIN articles AS a "
                        "ON a.file_id = k.f AND a.record = k.r WHERE a.part = ?",
                        [*(n for key in keys for n in key), part],
                    )
                    for file_id, record, value in rows:
                        found[(file_id, record)] = bytes(value)
            except sqlite3.Error:
                self._failed = True
                return {}
            return found

    def _value(self, query: str, arguments: tuple[object, ...]) -> bytes | None:
        with self._lock:
            if self._failed:
                return None
            try:
                connection = self._connection or self._open()
                if connection is None:
                    return None
                row = connection.execute(query, arguments).fetchone()
            except sqlite3.Error:
                self._failed = True
                return None
            return None if row is None else bytes(row[0])

    def _open(self) -> sqlite3.Connection | None:
        directory = self._directory
        if directory is None:
            from alireader.paths import cache_dir

            directory = cache_dir()
        path = directory / FILE_NAME
        if not path.exists():
            self._failed = True
            return None
        uri = f"{path.resolve().as_uri()}?mode=ro"
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=1.0)
        row = connection.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
        wanted = cache_version() if self._version is None else self._version
        if row is None or row[0] != wanted:
            connection.close()
            self._failed = True
            return None
        self._connection = connection
        return connection

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            if self._connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    self._connection.close()
                self._connection = None


# -- opening ---------------------------------------------------------------------------------


def open_cache(directory: Path | None = None) -> Cache:
    """Open (or create) the cache in ``directory`` (default: :func:`alireader.paths.cache_dir`).

    Never raises: a cache that cannot be used comes back with :attr:`Cache.usable` false and a
    notice saying why; a damaged or foreign one is replaced, with a notice.
    """
    if directory is None:
        from alireader.paths import cache_dir

        directory = cache_dir()
    path = directory / FILE_NAME
    cache = Cache(path, None)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        cache.notices.append(
            f"The cache folder {directory} cannot be made ({error.strerror or error}); "
            "working without a cache."
        )
        return cache
    for attempt in range(2):
        try:
            cache.connection = _connect(path)
            if _truncated(cache.connection, path):
                raise _Truncated("the file is cut short")
            notice = _check_version(cache.connection)
        except sqlite3.Error as error:
            if cache.connection is not None:
                with contextlib.suppress(sqlite3.Error):
                    cache.connection.close()
                cache.connection = None
            if attempt == 0 and _is_corrupt(error):
                _move_aside(path)
                cache.notices.append(
                    f"The article cache {path} was damaged; it was set aside and is being rebuilt."
                )
                continue
            cache.notices.append(
                f"The article cache {path} cannot be used ({_reason(error)}); working without it."
            )
            return cache
        if notice:
            cache.notices.append(notice)
        return cache
    return cache


def _connect(path: Path) -> sqlite3.Connection:
    # isolation_level=None: transactions are begun and ended explicitly (Cache.writing).
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
    connection.execute("PRAGMA journal_mode = WAL")
    # NORMAL in WAL mode: a power cut may lose the last transactions, never consistency.
    connection.execute("PRAGMA synchronous = NORMAL")
    connection.execute("PRAGMA foreign_keys = ON")
    return connection


def _truncated(connection: sqlite3.Connection, path: Path) -> bool:
    """Whether the file is shorter than its header says (cut off by a copy or a full disk).

    Only checked without a WAL file: with one, recent pages may legitimately live there."""
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        return False
    pages = connection.execute("PRAGMA page_count").fetchone()[0]
    size = connection.execute("PRAGMA page_size").fetchone()[0]
    return bool(path.stat().st_size < pages * size)


def _check_version(connection: sqlite3.Connection) -> str | None:
    """Create the tables, or empty a cache made by another version; a notice when emptied."""
    wanted = cache_version()
    connection.execute("BEGIN IMMEDIATE")
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        found = None
        if "meta" in tables:
            row = connection.execute("SELECT value FROM meta WHERE name = 'version'").fetchone()
            found = None if row is None else row[0]
        notice = None
        if found != wanted:
            if tables:
                # Emptied in place, in this transaction: renaming a database another instance
                # has open could pair its journal with the wrong file.
                for table in tables:
                    connection.execute(f'DROP TABLE IF EXISTS "{table}"')
                notice = (
                    "The article cache was made by another version of alireader; it was "
                    "emptied and is being rebuilt."
                )
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(
                "INSERT OR REPLACE INTO meta (name, value) VALUES ('version', ?)", (wanted,)
            )
        connection.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            connection.execute("ROLLBACK")
        raise
    return notice


class _Truncated(sqlite3.DatabaseError):
    """The database file is shorter than its header says."""


def _is_corrupt(error: sqlite3.Error) -> bool:
    if isinstance(error, _Truncated):
        return True
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF in _CORRUPT_CODES)
    return type(error) is sqlite3.DatabaseError


def _reason(error: sqlite3.Error) -> str:
    return str(error) or type(error).__name__


def _move_aside(path: Path) -> None:
    """Keep a damaged cache as ``cache.sqlite3.damaged`` (for a bug report), out of the way."""
    with contextlib.suppress(OSError):
        os.replace(path, path.with_name(path.name + ".damaged"))
    for suffix in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{suffix}")
