"""Flat forms of the search index's big tables, for saving and loading them fast.

While it is built, the search index keeps one ``bytearray`` of postings per word and field and
one ``bytes`` of word ids per document and field: cheap to append to, but at 100k articles that
is over a million small objects, which a pickle writes one by one (with a memo entry each) and
reads back one by one. Saved, each table becomes one :class:`Blob` (its items end to end) and an
array of offsets; loaded, it is wrapped, not unpacked:

- :class:`FlatPostings` is the postings map of one field. A word's ``bytearray`` is cut from the
  buffer the first time it is asked for (``postings[word]``, ``postings.get(word)``) and kept in
  the map, so later appends (live updates after a warm start) go to that copy. Whatever must
  see every posting reads :func:`posting_sizes` and :func:`posting_values`, which read the
  copies made so far and the buffer for the rest.
- :class:`PackedRows` is the per-document list of one field: a row is cut from the buffer
  when read; rows set or appended after loading are kept beside it.

A :class:`Blob` pickles as plain bytes with any pickler; the snapshot writer
(:mod:`alireader.core.snapshot`) writes it outside the pickle instead, in pieces, so saving
never holds a second copy of a table, and reading fills one buffer per table.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableSequence, Sequence
from itertools import accumulate, islice, repeat
from typing import TypeVar, overload

Buffer = bytes | bytearray | memoryview
_T = TypeVar("_T")
_PIECE = 1 << 20  # bytes of the pieces a table is written in


class Blob:
    """``size`` bytes, produced in pieces by ``pieces()`` when they are written: a table saved
    outside the pickle's stream by the snapshot writer, or as one ``bytes`` by any pickler."""

    __slots__ = ("_pieces", "size")

    def __init__(self, size: int, pieces: Callable[[], Iterable[Buffer]]) -> None:
        self.size = size
        self._pieces = pieces

    def pieces(self) -> Iterator[Buffer]:
        """The bytes, in order, in pieces of any size."""
        return iter(self._pieces())

    def __reduce__(self) -> tuple[type[bytes], tuple[bytes]]:
        return (bytes, (b"".join(self.pieces()),))


def _joined(items: Sequence[Buffer]) -> Iterator[Buffer]:
    """``items`` end to end in pieces of about a MiB: small ones joined (one write for many),
    big ones as they are (the most frequent words' postings: a copy of the first few thousand
    words' would be most of the table)."""
    batch: list[Buffer] = []
    size = 0
    for item in items:
        if len(item) >= _PIECE:
            if batch:
                yield b"".join(batch)
                batch, size = [], 0
            yield item
            continue
        batch.append(item)
        size += len(item)
        if size >= _PIECE:
            yield b"".join(batch)
            batch, size = [], 0
    if batch:
        yield b"".join(batch)


def _blob_of(items: Sequence[Buffer]) -> tuple[Blob, array[int]]:
    """``items`` as one blob and the offsets of each (``len(items) + 1`` of them)."""
    offsets = array("Q", accumulate(map(len, items), initial=0))
    return Blob(offsets[-1], lambda: _joined(items)), offsets


# --- postings -----------------------------------------------------------------------------------


class FlatPostings(defaultdict[int, bytearray]):
    """The postings of one field (word id -> packed postings) read from one buffer.

    Behaves like the ``defaultdict(bytearray)`` it was saved from for the index's own use:
    ``postings[word]`` (a word's postings, made empty when it has none, to append to),
    ``postings.get(word)`` and ``word in postings``. A word's bytes are copied out of the
    buffer on first access and kept in the map (the words a search touches, the words an update
    appends to). ``len`` and iteration give the words that have postings, in id order.
    """

    def __init__(self, base: Buffer, offsets: array[int]) -> None:
        super().__init__(bytearray)
        self._base = memoryview(base).cast("B")
        self._offsets = offsets
        self._words = len(offsets) - 1
        self._sizes: array[int] | None = None  # per word in the buffer: its bytes

    def _in_base(self, word_id: object) -> bool:
        offsets = self._offsets
        return (
            isinstance(word_id, int)
            and 0 <= word_id < self._words
            and offsets[word_id] != offsets[word_id + 1]
        )

    def __missing__(self, word_id: int) -> bytearray:
        if self._in_base(word_id):
            value = bytearray(self._base[self._offsets[word_id] : self._offsets[word_id + 1]])
        else:
            value = bytearray()
        self[word_id] = value
        return value

    @overload
    def get(self, key: int, default: None = None, /) -> bytearray | None: ...
    @overload
    def get(self, key: int, default: bytearray, /) -> bytearray: ...
    @overload
    def get(self, key: int, default: _T, /) -> bytearray | _T: ...
    def get(self, key: int, default: object = None, /) -> object:
        """The word's postings (copied out of the buffer now if need be), else ``default``."""
        found = dict.get(self, key)
        if found is not None:
            return found
        if self._in_base(key):
            return self[key]
        return default

    def __contains__(self, word_id: object) -> bool:
        return dict.__contains__(self, word_id) or self._in_base(word_id)

    def __iter__(self) -> Iterator[int]:
        offsets = self._offsets
        kept = dict.keys(self)
        in_base = (w for w in range(self._words) if offsets[w] != offsets[w + 1])
        yield from sorted(kept | set(in_base))

    def __len__(self) -> int:
        return sum(1 for _word in self)

    def base_sizes(self) -> array[int]:
        """Per word id of the buffer, the bytes of its postings there (computed once)."""
        if self._sizes is None:
            offsets = self._offsets
            self._sizes = array("Q", map(int.__sub__, islice(offsets, 1, None), offsets))
        return self._sizes

    def value(self, word_id: int) -> Buffer:
        """The word's postings without keeping a copy (a view of the buffer when unchanged)."""
        found = dict.get(self, word_id)
        if found is not None:
            return found
        if 0 <= word_id < self._words:
            return self._base[self._offsets[word_id] : self._offsets[word_id + 1]]
        return b""

    def __reduce__(self) -> tuple[object, ...]:
        # Never pickled as a plain map (that would drop the buffer): as the flat form.
        blob, offsets = pack_postings(self, max(self._words, max(dict.keys(self), default=-1) + 1))
        return (FlatPostings, (blob, offsets))


def posting_sizes(postings: Mapping[int, bytearray], word_ids: Iterable[int]) -> Iterator[int]:
    """The size in bytes of the postings of each of ``word_ids`` (0 for a word with none),
    without copying anything out of a :class:`FlatPostings`' buffer."""
    if not isinstance(postings, FlatPostings):
        return map(len, map(postings.get, word_ids, repeat(b"")))
    sizes = postings.base_sizes()
    kept = dict.items(postings)
    if not kept:
        return (sizes[w] if w < len(sizes) else 0 for w in word_ids)
    table = array("Q", sizes)
    for word_id, packed in kept:
        if word_id >= len(table):
            table.extend(repeat(0, word_id + 1 - len(table)))
        table[word_id] = len(packed)
    size = len(table)
    return (table[w] if w < size else 0 for w in word_ids)


def posting_values(postings: Mapping[int, bytearray], words: int) -> list[Buffer]:
    """The postings of word ids ``0 .. words - 1`` (empty for a word with none), in order,
    without copying anything out of a :class:`FlatPostings`' buffer."""
    if isinstance(postings, FlatPostings):
        return list(map(postings.value, range(words)))
    return list(map(postings.get, range(words), repeat(b"")))


def pack_postings(postings: Mapping[int, bytearray], words: int) -> tuple[Blob, array[int]]:
    """The flat form of a field's postings over ``words`` word ids: read back with
    ``FlatPostings(bytes of the blob, offsets)``."""
    return _blob_of(posting_values(postings, words))


# --- per-document rows --------------------------------------------------------------------------


class PackedRows(MutableSequence[bytes]):
    """A list of ``bytes`` (one per document) read from one buffer: rows are cut from it when
    read; rows set or appended afterwards are kept beside it. Rows are never deleted."""

    __slots__ = ("_added", "_base", "_changed", "_count", "_offsets")

    def __init__(self, base: Buffer, offsets: array[int]) -> None:
        self._base = memoryview(base).cast("B")
        self._offsets = offsets
        self._count = len(offsets) - 1
        self._changed: dict[int, bytes] = {}
        self._added: list[bytes] = []

    def __len__(self) -> int:
        return self._count + len(self._added)

    @overload
    def __getitem__(self, index: int) -> bytes: ...
    @overload
    def __getitem__(self, index: slice) -> list[bytes]: ...
    def __getitem__(self, index: int | slice) -> bytes | list[bytes]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = self._count
        if index < 0:
            index += len(self)
        if 0 <= index < count:
            if self._changed:
                changed = self._changed.get(index)
                if changed is not None:
                    return changed
            offsets = self._offsets
            return bytes(self._base[offsets[index] : offsets[index + 1]])
        if index < 0:
            raise IndexError("row index out of range")
        return self._added[index - count]

    @overload
    def __setitem__(self, index: int, value: bytes) -> None: ...
    @overload
    def __setitem__(self, index: slice, value: Iterable[bytes]) -> None: ...
    def __setitem__(self, index: int | slice, value: bytes | Iterable[bytes]) -> None:
        if isinstance(index, slice) or not isinstance(value, bytes):
            raise TypeError("rows are set one at a time, to bytes")
        if index < 0:
            index += len(self)
        if 0 <= index < self._count:
            self._changed[index] = value
        else:
            self._added[index - self._count] = value  # IndexError when out of range

    def __delitem__(self, index: int | slice) -> None:
        raise TypeError("rows are never deleted")

    def insert(self, index: int, value: bytes) -> None:
        """Only at the end (an append): documents keep their numbers."""
        if index != len(self):
            raise TypeError("rows are only appended")
        self._added.append(value)

    def append(self, value: bytes) -> None:
        """Add a row at the end."""
        self._added.append(value)

    def __iter__(self) -> Iterator[bytes]:
        return map(self.__getitem__, range(len(self)))

    def view(self, index: int) -> Buffer:
        """Row ``index`` (0 or more) without a copy when it is the buffer's."""
        if index < self._count and index not in self._changed:
            offsets = self._offsets
            return self._base[offsets[index] : offsets[index + 1]]
        return self[index]

    def __reduce__(self) -> tuple[object, ...]:
        return (PackedRows, pack_rows(self))


def pack_rows(rows: Sequence[bytes]) -> tuple[Blob, array[int]]:
    """The flat form of a list of rows: read back with ``PackedRows(bytes of the blob,
    offsets)``."""
    if isinstance(rows, PackedRows):
        return _blob_of(list(map(rows.view, range(len(rows)))))
    return _blob_of(rows)
