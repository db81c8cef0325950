"""A whole-corpus snapshot: everything a warm start needs, in one file read in a second or two.

The article cache (:mod:`alireader.core.cache`) spares a warm start the parsing, but the reader
would still rebuild its indexes from the cached parts. A snapshot keeps the finished state
instead: the files with their stamps, the summaries the list shows, the search index, the entity
index and the duplicate clusters, each as one *section* (a pickle). The reader loads it first,
shows the list and answers searches at once, then checks the folder in the background and applies
what changed (:func:`compare`).

File layout (all integers little-endian)::

    preamble   magic "ALRSNAP2", format version (u32), total length (u64),
               stamp length (u32), section count (u32), stamp (UTF-8 JSON),
               BLAKE2b-128 of everything above
    section*   name length (u16), name (UTF-8), payload length (u64),
               BLAKE2b-256 of the name, length and block table,
               payload, block table (CRC-32 of each MiB of the payload, with its number)
    payload    a pickle, its blobs end to end, each blob's length (u64), the blob count (u32)
    pickle     the pair (the section's object, the objects it shares with later sections)

A *blob* is a big buffer of the pickled object (a table of the search index: see
:class:`alireader.core.postings.Blob`) written outside the pickle, in pieces: saving holds no
second copy of it, and loading reads it straight into its buffer (in two threads, while the
pickle is unpickled; the objects being made only wrap the buffers).

A section may *share* some of its objects (:class:`Shared`): a later section holding an equal
list refers to it instead of holding a copy, and gets the very object when loaded. The search
index's article IDs and titles are the list's own columns: 200k strings neither written twice
nor unpickled twice.

Nothing is unpickled before its bytes are checked: the preamble's digest and stamp (the
alireader version, the code that made it and the settings that shape it, see
:func:`snapshot_stamp`), the total length (a truncated copy fails at once), each section's block
table, then each block of the pickle just before the unpickler is given it, and each block of a
blob before the section is returned. The blocks are read and checked by other threads (the
checksum releases the interpreter lock), so checking a 300 MB search index costs little more
than reading it. The blocks' checksum is a CRC-32 (as in gzip and PNG), there to catch damage,
not forgery (an unkeyed hash of any strength stops no one able to write the file): zlib
computes it at over 3 GB/s here, three times SHA-256 with the processor's instructions, which
a warm start of 100k articles spent a third of a second of processor time on, while it competed
with the list and the search for the two cores.

The garbage collector is paused while a section is unpickled, and what it made is then frozen
(:func:`gc.freeze`): the collector would walk the millions of objects being made, again and
again, for nothing (they are all reachable, and live as long as the program).

A file that fails any check is deleted and reported as a :class:`SnapshotError` whose message is
the one notice to show (an object half-built from the blocks before a bad one is dropped, never
returned). Writes go to a temporary file in the same folder, are flushed to disk and renamed
over the old one (:func:`os.replace`), so a reader sees the old snapshot or the new one, never
half of one; two instances writing at once leave one of the two whole.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import mmap
import os
import pickle
import queue
import struct
import tempfile
import threading
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, Final

from alireader.core.cache import Stamp, cache_version, content_hash, file_stamp
from alireader.core.models import ArticleSummary, LoadWarning
from alireader.core.postings import Blob

if TYPE_CHECKING:
    # Not imported at run time: the corpus module compiles the parser's regular expressions,
    # time a warm start does not have before its list is shown.
    from alireader.core.corpus import Discovery, SourceFile

MAGIC: Final = b"ALRSNAP2"
FORMAT_VERSION: Final = 5
_PREAMBLE = struct.Struct("<8sIQII")
_SECTION = struct.Struct("<H")
_PAYLOAD = struct.Struct("<Q32s")
_HEADER_DIGEST = 16
_BLOCK = 1 << 20
_BLOCK_DIGEST = 4
_AHEAD = 24  # blocks checked ahead of the unpickler (MiB held at most)
_BLOB_COUNT = struct.Struct("<I")
_BLOB_SIZE = struct.Struct("<Q")


class SnapshotError(Exception):
    """A snapshot that cannot be used; ``str(error)`` is the sentence to show the user."""


def snapshot_stamp(settings: Mapping[str, object]) -> str:
    """What a snapshot must have been made by to be trusted: the snapshot format, the
    article cache's version (alireader's version and a hash of the core's code) and the
    ``settings`` that shape its contents (size limit, entity backend, duplicate threshold)."""
    return json.dumps(
        {"format": FORMAT_VERSION, "version": cache_version(), "settings": dict(settings)},
        sort_keys=True,
        default=str,
    )


def snapshot_path(
    directory: Path, paths: Sequence[str | Path], settings: Mapping[str, object]
) -> Path:
    """The snapshot of the corpus under ``paths`` with ``settings``: one file per both."""
    key = hashlib.blake2b(digest_size=12, person=b"alireader-snap")
    for path in sorted(os.fsencode(os.path.abspath(p)) for p in paths):
        key.update(path + b"\0")
    key.update(json.dumps(dict(settings), sort_keys=True, default=str).encode())
    return directory / f"snapshot-{key.hexdigest()}.bin"


# --- writing -----------------------------------------------------------------------------------


def _table_digest(name: bytes, length: int, table: bytes) -> bytes:
    """What a section's header holds: the hash of its name, length and block table."""
    digest = hashlib.blake2b(digest_size=32, person=b"alireader-snapt")
    digest.update(_SECTION.pack(len(name)) + name + length.to_bytes(8, "little") + table)
    return digest.digest()


_BLOCK_SALT = b"alireader-snapshot-block"


def _block_digest(number: int, block: bytes | bytearray | memoryview) -> bytes:
    """The checksum of block ``number``: a block found at another place does not match."""
    start = zlib.crc32(_BLOCK_SALT + number.to_bytes(8, "little"))
    return zlib.crc32(block, start).to_bytes(_BLOCK_DIGEST, "little")


class _BlockWriter:
    """A write-only file wrapper that checksums what goes through it, block by block."""

    def __init__(self, handle: IO[bytes]) -> None:
        self.handle = handle
        self.length = 0
        self.table = bytearray()
        self._block = bytearray()

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data).cast("B")
        written = len(view)
        while view:
            room = _BLOCK - len(self._block)
            self._block += view[:room]
            view = view[room:]
            if len(self._block) == _BLOCK:
                self._flush()
        self.length += written
        return written

    def _flush(self) -> None:
        number = len(self.table) // _BLOCK_DIGEST
        self.table += _block_digest(number, self._block)
        self.handle.write(self._block)
        self._block = bytearray()

    def finish(self) -> bytes:
        """Write the last, partial block; the block table."""
        if self._block:
            self._flush()
        return bytes(self.table)


@dataclass(frozen=True, slots=True)
class Shared:
    """A section's object, with some of its lists named for later sections to share (see
    the module docstring): what a section's function returns to share them."""

    value: object
    lists: Mapping[str, list[Any]]


class _BlobPickler(pickle.Pickler):
    """A pickler that leaves blobs out of the stream, numbered, to be written after it, and
    writes a list equal to one an earlier section shares as that list's name.

    A shared list goes to one object only (the first list found equal to it, and every
    reference to that same list): loaded, two objects that each change their list must not
    hold one list. Once used it is taken out of ``shared``, for the sections after."""

    def __init__(self, writer: _BlockWriter, shared: dict[str, list[Any]]) -> None:
        super().__init__(writer, protocol=pickle.HIGHEST_PROTOCOL)
        self.blobs: list[Blob] = []
        self._shared = shared
        self._lengths = {len(shared_list) for shared_list in shared.values()}
        self._used: dict[int, str] = {}  # id() of a list written as a name -> the name

    def persistent_id(self, obj: object) -> int | str | None:
        if type(obj) is Blob:
            self.blobs.append(obj)
            return len(self.blobs) - 1
        if type(obj) is list and obj and len(obj) in self._lengths:
            name = self._used.get(id(obj))
            if name is not None:
                return name
            for name, shared_list in self._shared.items():
                if len(obj) == len(shared_list) and obj == shared_list:  # in C
                    del self._shared[name]
                    self._used[id(obj)] = name
                    return name
        return None

    def reducer_override(self, obj: object) -> Any:
        if type(obj) is Counter:
            # Its items one by one, as for a dict. Its own reduction is a copy (``dict(self)``)
            # that the memo keeps alive until the end: at 100k articles the entity index's
            # 250k counters copied, some 200 MB at the save's peak.
            return (Counter, (), None, None, iter(obj.items()))
        return NotImplemented


def _write_payload(writer: _BlockWriter, value: object, shared: dict[str, list[Any]]) -> None:
    """The pickle of ``value`` (and of what it shares, added to ``shared`` for the sections
    after it), then its blobs and their lengths (see the module docstring)."""
    pickler = _BlobPickler(writer, shared)
    if isinstance(value, Shared):
        lists = dict(value.lists)
        pickler.dump((value.value, lists))
        shared.update(lists)
    else:
        pickler.dump((value, {}))
    sizes = b""
    for blob in pickler.blobs:
        written = 0
        for piece in blob.pieces():
            written += writer.write(piece)
        if written != blob.size:
            raise ValueError(f"a blob gave {written} bytes instead of {blob.size}")
        sizes += _BLOB_SIZE.pack(written)
    writer.write(sizes + _BLOB_COUNT.pack(len(pickler.blobs)))


def write_snapshot(
    path: Path, stamp: str, sections: Sequence[tuple[str, Callable[[], object]]]
) -> None:
    """Write the sections (name, a function giving the object to pickle, or a :class:`Shared`
    one) to ``path``, atomically. Each object is pickled straight to the file (no copy of a
    section in memory), its blobs after it, and only asked for when its turn comes. Raises
    ``OSError`` (and whatever pickling raises); the old snapshot, if any, is then left as it
    was."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle_fd, temporary = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle_fd, "wb") as handle:
            stamp_bytes = stamp.encode()
            preamble_size = _PREAMBLE.size + len(stamp_bytes) + _HEADER_DIGEST
            handle.write(b"\0" * preamble_size)  # filled in once the total length is known
            shared: dict[str, list[Any]] = {}
            for name, make in sections:
                encoded = name.encode()
                handle.write(_SECTION.pack(len(encoded)) + encoded)
                slot = handle.tell()
                handle.write(b"\0" * _PAYLOAD.size)
                writer = _BlockWriter(handle)
                _write_payload(writer, make(), shared)
                table = writer.finish()
                handle.write(table)
                end = handle.tell()
                handle.seek(slot)
                digest = _table_digest(encoded, writer.length, table)
                handle.write(_PAYLOAD.pack(writer.length, digest))
                handle.seek(end)
            total = handle.tell()
            head = _PREAMBLE.pack(MAGIC, FORMAT_VERSION, total, len(stamp_bytes), len(sections))
            head += stamp_bytes
            handle.seek(0)
            handle.write(head + _header_digest(head))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _header_digest(head: bytes) -> bytes:
    return hashlib.blake2b(head, digest_size=_HEADER_DIGEST, person=b"alireader-snaph").digest()


# --- reading -----------------------------------------------------------------------------------


def _damaged(path: Path, why: str) -> SnapshotError:
    return SnapshotError(
        f"The saved index {path} was {why}; it was discarded and is being rebuilt."
    )


class SnapshotReader:
    """An open snapshot whose preamble has been checked; :meth:`sections` reads the rest.

    Open with :func:`open_snapshot`. Any failure raises :class:`SnapshotError` and deletes the
    file (it would fail again), so the caller tells the user once and rebuilds.
    """

    def __init__(self, path: Path, handle: IO[bytes], count: int, total: int) -> None:
        self.path = path
        self._handle = handle
        self._count = count
        self._total = total
        self._pending: list[_Section | BaseException] | None = None

    def close(self) -> None:
        """Stop the threads reading ahead, if any, and close the file."""
        for entry in self._pending or ():
            if isinstance(entry, _Section):
                entry.stop()
        self._handle.close()

    def __enter__(self) -> SnapshotReader:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def discard(self) -> None:
        """Delete the snapshot (it failed a check, or the caller found it unusable)."""
        self.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)

    def start(self, pickles: int = 2) -> None:
        """Start reading: locate the sections, and have other threads read and check the
        blobs of every section and the pickles of the first ``pickles`` sections, ahead of
        :meth:`sections` (which starts it if need be). Once only; cheap for the calling thread
        (the reading and checking release the interpreter lock), so a caller can start it
        before it has the time to unpickle, to have the bytes checked by then."""
        if self._pending is not None:
            return
        self._pending = [
            entry if isinstance(entry, BaseException) else _Section(*entry)
            for entry in self._locate()
        ]
        for entry in self._pending[:pickles]:
            if isinstance(entry, _Section):
                entry.read_ahead()

    def sections(self) -> Iterator[tuple[str, Any]]:
        """Each section's name and object, in order, each checked before it is unpickled.

        The sections are located first (by :meth:`start`, unless it ran already), and the
        blobs of every section start being read then (in other threads): the search index's
        tables are read while the list's section is unpickled. A section that fails a check
        fails when its turn comes."""
        self.start()
        pending = self._pending
        assert pending is not None
        shared: dict[str, list[Any]] = {}
        try:
            for entry in pending:
                try:
                    if isinstance(entry, BaseException):
                        raise entry
                    value = entry.finish(shared)
                    name = entry.name.decode()
                except _Short:
                    raise self._fail("cut short") from None
                except _Mismatch:
                    raise self._fail("damaged (a checksum does not match)") from None
                except _Malformed:
                    raise self._fail("damaged (a section has the wrong length)") from None
                except Exception as error:  # checked blocks, yet a bad pickle: never trusted
                    raise self._fail(f"unreadable ({type(error).__name__})") from None
                yield name, value
        finally:
            for entry in pending:
                if isinstance(entry, _Section):
                    entry.stop()

    def _locate(self) -> list[tuple[bytes, _Payload] | BaseException]:
        """Each section's name and payload, its block table checked; where locating one
        failed, the error (and nothing after it)."""
        fd = self._handle.fileno()
        offset = self._handle.tell()
        found: list[tuple[bytes, _Payload] | BaseException] = []
        for _ in range(self._count):
            try:
                (size,) = _SECTION.unpack(_pread(fd, _SECTION.size, offset))
                encoded = _pread(fd, size, offset + _SECTION.size)
                offset += _SECTION.size + size
                length, digest = _PAYLOAD.unpack(_pread(fd, _PAYLOAD.size, offset))
                start = offset + _PAYLOAD.size
                blocks = -(-length // _BLOCK)
                end = start + length + blocks * _BLOCK_DIGEST
                if end > self._total:
                    raise _Short
                table = _pread(fd, blocks * _BLOCK_DIGEST, start + length)
                if _table_digest(encoded, length, table) != digest:
                    raise _Mismatch
            except Exception as error:
                found.append(error)
                break
            found.append((encoded, _Payload(fd, start, length, table)))
            offset = end
        return found

    def _fail(self, why: str) -> SnapshotError:
        self.discard()
        return _damaged(self.path, why)


class _Short(Exception):
    """Fewer bytes than announced."""


class _Mismatch(Exception):
    """A block whose checksum is not the one recorded."""


class _Malformed(Exception):
    """A payload whose blob lengths do not add up (checked bytes, so a writer's bug)."""


def _unpickle(
    stream: _CheckedStream, blobs: Sequence[memoryview], shared: dict[str, list[Any]]
) -> Any:
    """Unpickle a section's checked pickle, its blobs and the lists shared by the sections
    before it at hand, with the collector paused; add the lists it shares to ``shared``."""

    def reference(key: object) -> memoryview | list[Any]:
        if type(key) is int and 0 <= key < len(blobs):
            return blobs[key]
        if type(key) is str and key in shared:
            return shared[key]
        raise pickle.UnpicklingError("a reference to a blob or shared list that is not there")

    unpickler = pickle.Unpickler(stream)
    unpickler.persistent_load = reference  # type: ignore[method-assign]
    with _kept_for_good():
        loaded = unpickler.load()
    if type(loaded) is not tuple or len(loaded) != 2 or type(loaded[1]) is not dict:
        raise pickle.UnpicklingError("a section that is not an object and its shared lists")
    value, lists = loaded
    if not all(type(key) is str and type(item) is list for key, item in lists.items()):
        raise pickle.UnpicklingError("shared lists that are not named lists")
    shared.update(lists)
    return value


@contextlib.contextmanager
def _kept_for_good() -> Iterator[None]:
    """Make objects that live as long as the program (a section, the list's summaries) with
    the garbage collector paused, then move them out of its reach (:func:`gc.freeze`): its
    passes would otherwise walk every object just made, again and again, for nothing (a pause
    of up to half a second on the thread that happens to allocate next, often the event
    loop)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if collecting:
            gc.enable()


def _empty_buffer(size: int) -> memoryview:
    """A writable buffer of ``size`` bytes for a blob to be read into: an anonymous map, whose
    pages the system provides as they are first written (by the threads reading the blob, the
    interpreter lock released). A ``bytearray`` would be zeroed at once, lock held: 0.1-0.2 s
    for the search tables of 100k articles, before the list could be shown."""
    if size == 0:
        return memoryview(bytearray())  # writable: an empty slice of it is still assigned
    return memoryview(mmap.mmap(-1, size))


@dataclass(frozen=True, slots=True)
class _Payload:
    """Where a section's payload is: the file, its offset, its length, its block table."""

    fd: int
    start: int
    length: int
    table: bytes


class _Section:
    """A section being read: its blob lengths (at the end of its payload) read and checked at
    once, its blobs being read into their buffers by other threads from then on; see
    :meth:`finish`. An error on the way is kept for :meth:`finish` to raise."""

    def __init__(self, name: bytes, payload: _Payload) -> None:
        self.name = name
        self._payload = payload
        self._filler: _BlobFiller | None = None
        self._stream: _CheckedStream | None = None
        self._error: BaseException | None = None
        try:
            self._pickled, self._blobs = self._blob_buffers()
            self._filler = _BlobFiller(payload, self._pickled, self._blobs)
        except Exception as error:
            self._error = error

    def _blob_buffers(self) -> tuple[int, list[memoryview]]:
        """Where the pickle ends, and an empty buffer for each blob."""
        payload = self._payload
        length = payload.length
        counted = _BLOB_COUNT.size
        if length < counted:
            raise _Malformed
        (count,) = _BLOB_COUNT.unpack(_read_range(payload, length - counted, length))
        trailer = counted + count * _BLOB_SIZE.size
        if trailer > length:
            raise _Malformed
        raw_sizes = _read_range(payload, length - trailer, length - counted)
        sizes = [size for (size,) in _BLOB_SIZE.iter_unpack(raw_sizes)]
        pickled = length - trailer - sum(sizes)
        if pickled < 0:
            raise _Malformed
        return pickled, list(map(_empty_buffer, sizes))

    def finish(self, shared: dict[str, list[Any]]) -> Any:
        """The section's object: its pickle unpickled (the objects being made only wrap the
        blobs' buffers, never read them then), returned once every block of every blob has
        been checked. ``shared``: the lists shared by the sections before, and then by this
        one too."""
        if self._error is not None or self._filler is None:
            raise self._error or _Malformed
        stream = self.read_pickle()
        try:
            value = _unpickle(stream, self._blobs, shared)
            if stream.position != self._pickled:
                raise _Malformed
            self._filler.wait()
        finally:
            stream.close()
            self.stop()
        return value

    def read_ahead(self) -> None:
        """Start reading the pickle now (nothing when the section failed already)."""
        if self._error is None and self._filler is not None:
            self.read_pickle()

    def read_pickle(self) -> _CheckedStream:
        """The stream of the section's pickle, its blocks read and checked from now on (a
        thread reads ahead of the unpickler, a bounded number of blocks)."""
        if self._stream is None:
            self._stream = _CheckedStream(self._payload, 0, self._pickled)
        return self._stream

    def stop(self) -> None:
        """Stop reading the blobs and the pickle (done, failed, or not wanted any more)."""
        if self._filler is not None:
            self._filler.stop()
        if self._stream is not None:
            self._stream.close()


class _BlobFiller:
    """Reads a payload's blobs into their buffers and checks each block, in two threads (the
    reads and the checksums release the interpreter lock)."""

    THREADS = 2

    def __init__(self, payload: _Payload, first: int, blobs: list[memoryview]) -> None:
        self._payload = payload
        self._stop = threading.Event()
        self.error: BaseException | None = None
        # Where each blob lies in the payload.
        self._spans: list[tuple[int, int, memoryview]] = []
        at = first
        for blob in blobs:
            self._spans.append((at, at + len(blob), memoryview(blob)))
            at += len(blob)
        last = at
        numbers = range(first // _BLOCK, -(-last // _BLOCK)) if last > first else range(0)
        self._threads = [
            threading.Thread(
                target=self._fill,
                args=(numbers[k :: self.THREADS],),
                name="snapshot: read blobs",
                daemon=True,
            )
            for k in range(self.THREADS)
        ]
        for thread in self._threads:
            thread.start()

    def _fill(self, numbers: Sequence[int]) -> None:
        payload = self._payload
        try:
            for number in numbers:
                if self._stop.is_set():
                    return
                self._block(payload, number)
        except BaseException as error:  # handed to the reader's thread
            self.error = error
            self._stop.set()

    def _block(self, payload: _Payload, number: int) -> None:
        low = number * _BLOCK
        size = min(_BLOCK, payload.length - low)
        high = low + size
        pieces = [
            (max(low, start), min(high, end), view, start)
            for start, end, view in self._spans
            if start < high and end > low
        ]
        expected = payload.table[number * _BLOCK_DIGEST : (number + 1) * _BLOCK_DIGEST]
        if len(pieces) == 1 and pieces[0][:2] == (low, high):
            # The whole block belongs to one blob: read it in place, no copy.
            _lo, _hi, view, start = pieces[0]
            target = view[low - start : high - start]
            if os.preadv(self._payload.fd, [target], payload.start + low) != size:
                raise _Short
            if _block_digest(number, target) != expected:
                raise _Mismatch
            return
        block = os.pread(payload.fd, size, payload.start + low)
        if len(block) != size:
            raise _Short
        if _block_digest(number, block) != expected:
            raise _Mismatch
        for piece_low, piece_high, view, start in pieces:
            view[piece_low - start : piece_high - start] = block[piece_low - low : piece_high - low]

    def wait(self) -> None:
        """Return once every block is in place and checked; raise what went wrong if not."""
        for thread in self._threads:
            thread.join()
        if self.error is not None:
            raise self.error

    def stop(self) -> None:
        """Stop reading (the section failed, or it is done)."""
        self._stop.set()
        for thread in self._threads:
            thread.join()


def _read_range(payload: _Payload, first: int, last: int) -> bytes:
    """Checked bytes ``first`` to ``last`` of a payload."""
    stream = _CheckedStream(payload, first, last)
    try:
        data = stream.read()
    finally:
        stream.close()
    if len(data) != last - first:
        raise _Short
    return data


class _CheckedStream:
    """Bytes ``first`` to ``last`` of a section's payload as a file (for :func:`pickle.load`,
    or to fill a blob's buffer), handing out only blocks whose checksum matches the table; a
    thread reads and checks the blocks ahead."""

    def __init__(self, payload: _Payload, first: int, last: int) -> None:
        self.position = 0
        self._length = last - first
        self._buffer = memoryview(b"")
        self._blocks: queue.Queue[bytes | BaseException | None] = queue.Queue(_AHEAD)
        self._stop = threading.Event()
        self._thread = threading.Thread(
            target=self._check, args=(payload, first, last), name="snapshot: check", daemon=True
        )
        self._thread.start()

    def _check(self, payload: _Payload, first: int, last: int) -> None:
        fd, start, length, table = payload.fd, payload.start, payload.length, payload.table
        blocks = len(table) // _BLOCK_DIGEST
        for number in range(first // _BLOCK, min(blocks, -(-last // _BLOCK))):
            if self._stop.is_set():
                return
            size = min(_BLOCK, length - number * _BLOCK)
            try:
                block = os.pread(fd, size, start + number * _BLOCK)
            except OSError as error:
                self._blocks.put(error)
                return
            expected = table[number * _BLOCK_DIGEST : (number + 1) * _BLOCK_DIGEST]
            if len(block) != size:
                self._blocks.put(_Short())
                return
            if _block_digest(number, block) != expected:
                self._blocks.put(_Mismatch())
                return
            low = max(first - number * _BLOCK, 0)
            high = min(last - number * _BLOCK, size)
            self._blocks.put(block if (low, high) == (0, size) else block[low:high])
        self._blocks.put(None)

    def _fill(self) -> bool:
        item = self._blocks.get()
        if isinstance(item, BaseException):
            raise item
        if item is None:
            self._blocks.put(None)  # stays at the end
            return False
        self._buffer = memoryview(item)
        return True

    def read(self, size: int = -1) -> bytes:
        """Up to ``size`` checked bytes (all that is left when negative)."""
        wanted = self._length - self.position if size < 0 else size
        parts = []
        while wanted > 0:
            if not self._buffer and not self._fill():
                break
            part = self._buffer[:wanted]
            self._buffer = self._buffer[len(part) :]
            parts.append(part)
            wanted -= len(part)
        data = b"".join(parts)
        self.position += len(data)
        return data

    def readinto(self, target: bytearray | memoryview) -> int:
        """Fill ``target`` with checked bytes (copied once, block by block); how many."""
        view = memoryview(target).cast("B")
        wanted = min(len(view), self._length - self.position)
        done = 0
        while done < wanted:
            if not self._buffer and not self._fill():
                break
            part = self._buffer[: wanted - done]
            view[done : done + len(part)] = part
            self._buffer = self._buffer[len(part) :]
            done += len(part)
        self.position += done
        return done

    def readline(self) -> bytes:
        """Checked bytes up to a newline (pickle asks for lines in old protocols only)."""
        parts = []
        while True:
            if not self._buffer and not self._fill():
                break
            view = self._buffer
            end = bytes(view).find(b"\n")
            take = len(view) if end < 0 else end + 1
            parts.append(self.read(take))
            if end >= 0:
                break
        return b"".join(parts)

    def close(self) -> None:
        """Stop the checking thread (the unpickler is done or failed)."""
        self._stop.set()
        while self._thread.is_alive():
            try:
                self._blocks.get_nowait()  # make room: the thread may wait to put a block
            except queue.Empty:
                self._thread.join(0.05)


def _pread(fd: int, size: int, offset: int) -> bytes:
    data = os.pread(fd, size, offset)
    if len(data) != size:
        raise _Short
    return data


def _read(handle: IO[bytes], size: int) -> bytes:
    data = handle.read(size)
    if len(data) != size:
        raise _Short
    return data


def open_snapshot(path: Path, stamp: str) -> SnapshotReader | None:
    """The snapshot at ``path`` made with ``stamp`` (see :func:`snapshot_stamp`), its preamble
    checked; None when there is none. Raises :class:`SnapshotError` (after deleting the file)
    when it is damaged, cut short, not a snapshot, or made by another version or settings."""
    try:
        handle = open(path, "rb")  # noqa: SIM115 - handed to the reader, which closes it
    except FileNotFoundError:
        return None
    except OSError as error:
        raise SnapshotError(
            f"The saved index {path} cannot be read ({error.strerror or error}); rebuilding it."
        ) from None
    with contextlib.suppress(AttributeError, OSError):  # not on every system
        # The whole file is read soon: have the kernel read it ahead, in big requests.
        os.posix_fadvise(handle.fileno(), 0, 0, os.POSIX_FADV_WILLNEED)
    reader = SnapshotReader(path, handle, 0, 0)
    try:
        head = _read(handle, _PREAMBLE.size)
        magic, version, total, stamp_size, count = _PREAMBLE.unpack(head)
        if magic != MAGIC:
            raise reader._fail("not a snapshot of this program")
        found_stamp = _read(handle, stamp_size)
        if _read(handle, _HEADER_DIGEST) != _header_digest(head + found_stamp):
            raise reader._fail("damaged (its header checksum does not match)")
        size = os.fstat(handle.fileno()).st_size
        if size < total:
            raise reader._fail("cut short")
        if size > total:
            raise reader._fail("damaged (longer than written)")
        if version != FORMAT_VERSION or found_stamp != stamp.encode():
            reader.discard()
            raise SnapshotError(
                f"The saved index {path} was made by another version of alireader or with other "
                "settings; it was discarded and is being rebuilt."
            )
    except _Short:
        raise reader._fail("cut short") from None
    except BaseException:
        reader.close()
        raise
    reader._count, reader._total = count, total
    return reader


# --- what a snapshot holds about the files ----------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileRow:
    """One file of the corpus as the snapshot knows it: where it is and how it was found, its
    stamp and content hash when read, the IDs of its articles and its load warnings."""

    path: str
    id: str
    kind: str
    root: str | None
    stamp: Stamp | None
    content: bytes | None
    articles: tuple[str, ...]
    warnings: tuple[tuple[str, str], ...] = ()

    def __reduce__(self) -> tuple[type[FileRow], tuple[Any, ...]]:
        # Its fields: half the time to load of a frozen slotted dataclass's own state (a
        # dict per row, set field by field), for the 100k rows of a large corpus.
        return (FileRow, (self.path, self.id, self.kind, self.root, self.stamp, self.content,
                          self.articles, self.warnings))  # fmt: skip

    @property
    def identity(self) -> tuple[str, str, str]:
        """What makes two rows the same file: path, ID and kind (found under another root,
        a file has other IDs)."""
        return (self.path, self.id, self.kind)

    def source(self) -> SourceFile:
        """The :class:`SourceFile` to read the file again."""
        from alireader.core.corpus import FileKind, SourceFile

        root = None if self.root is None else Path(self.root)
        return SourceFile(Path(self.path), self.id, FileKind(self.kind), root)

    def load_warnings(self) -> list[LoadWarning]:
        """The file's warnings."""
        return [LoadWarning(path, message) for path, message in self.warnings]


def file_row(
    source: SourceFile,
    stamp: Stamp | None,
    content: bytes | None,
    articles: Sequence[str],
    warnings: Sequence[LoadWarning],
) -> FileRow:
    """The row of a file just read: ``stamp`` taken before it was read."""
    return FileRow(
        str(source.path),
        source.id,
        str(source.kind),
        None if source.root is None else str(source.root),
        stamp,
        content,
        tuple(articles),
        tuple((w.path, w.message) for w in warnings),
    )


def source_identity(source: SourceFile) -> tuple[str, str, str]:
    """:attr:`FileRow.identity` of a discovered file."""
    return (str(source.path), source.id, str(source.kind))


@dataclass(slots=True)
class Changes:
    """How the files found now differ from a snapshot's rows (see :func:`compare`)."""

    kept: list[int] = field(default_factory=list)
    """Rows whose file is as recorded (or only its times changed: see ``restamped``)."""
    restamped: dict[int, Stamp] = field(default_factory=dict)
    """Rows whose file has new times or size but the same content: the new stamp."""
    removed: list[int] = field(default_factory=list)
    """Rows whose file is gone or changed (a changed file is also in ``read``)."""
    read: list[SourceFile] = field(default_factory=list)
    """Files to read: new ones and changed ones, in the order they were found."""
    added: int = 0
    modified: int = 0
    deleted: int = 0

    @property
    def any(self) -> bool:
        """Whether any article may have changed."""
        return bool(self.removed or self.read)

    def describe(self) -> str:
        """What changed, for the status line: "2 new files, 1 changed, 3 deleted"."""
        parts = []
        if self.added:
            parts.append(f"{_number(self.added)} new file{'s' * (self.added != 1)}")
        if self.modified:
            parts.append(f"{_number(self.modified)} changed")
        if self.deleted:
            parts.append(f"{_number(self.deleted)} deleted")
        return ", ".join(parts) if parts else "no changes"


def _number(count: int) -> str:
    return f"{count:,}".replace(",", "\u202f")  # a thin space: "12 345", as in the header


def compare(
    rows: Sequence[FileRow],
    found: Discovery,
    stamp_of: Callable[[str], Stamp | None] = file_stamp,
    hash_of: Callable[[str], bytes | None] = content_hash,
) -> Changes:
    """Sort the files ``found`` now against the snapshot's ``rows``.

    A file is unchanged when its stamp is the one recorded; when the stamp differs (``touch``,
    a copy), the hash of its content decides. A file that could not be looked at (no stamp) is
    read again, which reports it. Every row ends in exactly one of ``kept`` and ``removed``,
    and every file found is either kept or read.
    """
    by_identity = {row.identity: number for number, row in enumerate(rows)}
    changes = Changes()
    seen: set[int] = set()
    for source in found.files:
        number = by_identity.get(source_identity(source))
        if number is None or number in seen:
            changes.read.append(source)
            changes.added += 1
            continue
        seen.add(number)
        row = rows[number]
        stamp = stamp_of(str(source.path))
        if stamp is not None and stamp == row.stamp:
            changes.kept.append(number)
            continue
        if (
            stamp is not None
            and row.content is not None
            and hash_of(str(source.path)) == row.content
        ):
            changes.kept.append(number)
            changes.restamped[number] = stamp
            continue
        changes.removed.append(number)
        changes.read.append(source)
        changes.modified += 1
    for number in range(len(rows)):
        if number not in seen:
            changes.removed.append(number)
            changes.deleted += 1
    return changes


_SUMMARY_FIELDS: Final = tuple(spec.name for spec in fields(ArticleSummary))
_SUMMARY_SLOTS: Final = tuple(ArticleSummary.__dict__[name] for name in _SUMMARY_FIELDS)
_consume: Final[Callable[[Iterable[object]], None]] = deque[object](maxlen=0).extend


def summary_columns(summaries: Sequence[ArticleSummary]) -> tuple[list[Any], ...]:
    """Summaries as one list per field: they pickle and load several times faster than
    objects (or than a tuple per summary), and :func:`summaries_from_columns` makes the
    objects back a field at a time."""
    return tuple(list(map(attrgetter(name), summaries)) for name in _SUMMARY_FIELDS)


def columns_fit(columns: object) -> bool:
    """Whether ``columns`` has the form :func:`summary_columns` gives: one list per field, all
    of the same length (what :func:`summaries_from_columns` accepts)."""
    if type(columns) is not tuple or len(columns) != len(_SUMMARY_FIELDS):
        return False
    if any(type(column) is not list for column in columns):
        return False
    return len(set(map(len, columns))) == 1


def summaries_from_columns(columns: Sequence[Sequence[Any]]) -> list[ArticleSummary]:
    """The summaries :func:`summary_columns` wrote. Raises ``ValueError`` when the columns
    are not one per field, all of the same length.

    Equal to ``ArticleSummary(*row)`` for each row, made in a third of the time (what a warm
    start waits on before its list, at 100k articles): empty objects, then each field set
    for all of them by its slot's own setter, in loops that run in C. The dataclass's
    ``__init__`` sets the fields one Python call at a time and checks nothing either."""
    if len(columns) != len(_SUMMARY_FIELDS):
        raise ValueError(f"{len(columns)} columns of summaries, not {len(_SUMMARY_FIELDS)}")
    count = len(columns[0])
    if any(len(column) != count for column in columns):
        raise ValueError("columns of summaries of different lengths")
    with _kept_for_good():
        made = list(map(object.__new__, repeat(ArticleSummary, count)))
        for slot, column in zip(_SUMMARY_SLOTS, columns, strict=True):
            _consume(map(slot.__set__, made, column))
    return made
