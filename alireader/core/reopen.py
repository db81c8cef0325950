"""Read one article back from its file, on demand: the body the summaries left out.

:func:`open_file` reads and decodes a file once; :meth:`OpenedFile.article` then parses only the
record asked for, so showing record 40 000 of a 20 MB JSONL file parses one line, not the file.
Callers keep opened files in a small cache and compare :attr:`OpenedFile.stamp` with
:func:`file_stamp` to notice a file that changed since.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alireader.core.corpus import (
    DEFAULT_MAX_BYTES,
    FileKind,
    SourceFile,
    decode_source,
    json_records,
    jsonl_lines,
    record_article,
    source_file,
    text_article,
)
from alireader.core.decode import Decoded
from alireader.core.models import Article

Stamp = tuple[int, int]
"""A file's modification time (ns) and size: what says it changed."""


def file_stamp(path: str | Path) -> Stamp | None:
    """The :data:`Stamp` of ``path``, or None when it cannot be looked at (gone, unreadable)."""
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


@dataclass(slots=True)
class OpenedFile:
    """A file read and decoded, whose articles are parsed one at a time by :meth:`article`."""

    source: SourceFile
    stamp: Stamp | None
    problem: str | None = None
    """Why no article can be read from the file now (a clause, e.g. "permission denied")."""
    encoding: str = "utf-8"
    text: str | None = None
    """A text or Markdown file's decoded content (None for JSON: its records are kept)."""
    records: dict[int, Any] = field(default_factory=dict)
    """JSON: record number to the parsed record; JSONL: line number to the raw line."""

    def article(self, record: int | None) -> Article | None:
        """The article of ``record`` (None: a text or Markdown file), or None if it is gone.

        Its ID is the one the file alone gives (``FILE``, ``FILE/N`` or the record's own ``id``);
        the caller knows the ID the corpus made unique.
        """
        source = self.source
        if self.problem is not None:
            return None
        if source.kind not in (FileKind.JSON, FileKind.JSONL):
            if record is not None or self.text is None:
                return None
            return text_article(source, Decoded(self.text, self.encoding))
        if record is None or record not in self.records:
            return None
        raw = self.records[record]
        if source.kind is FileKind.JSONL:
            try:
                raw = json.loads(raw)
            except (ValueError, RecursionError):
                return None
        return record_article(source, record, raw, self.encoding)


def open_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> OpenedFile:
    """Read and decode the file at ``path`` (read-only), ready to give back its articles."""
    source = source_file(path)
    stamp = file_stamp(source.path)
    decoded, warnings = decode_source(source, max_bytes)
    if decoded is None:
        reason = warnings[-1].message.removeprefix("skipped: ") if warnings else "unreadable"
        return OpenedFile(source, stamp, problem=reason)
    opened = OpenedFile(source, stamp, encoding=decoded.encoding)
    if source.kind not in (FileKind.JSON, FileKind.JSONL):
        opened.text = decoded.text
    elif source.kind is FileKind.JSONL:
        # Raw lines: each is parsed as JSON only when its article is asked for.
        opened.records = dict(jsonl_lines(decoded.text))
    elif source.kind is FileKind.JSON:
        records, problem = json_records(source, decoded.text)
        if problem is not None:
            return OpenedFile(source, stamp, problem=problem.message.removeprefix("skipped: "))
        opened.records = dict(records)
    return opened
