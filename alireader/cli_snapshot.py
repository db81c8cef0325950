"""A CLI command's indexes from the reader's snapshot, when the folder is exactly as it was saved.

After indexing a corpus the reader saves its whole state: the list, the search index, the
entity index and the copies (see :mod:`alireader.ui.corpus_state`). Building the search or
entity index again from the article cache costs a command tens of seconds at 100k articles;
loading them from that snapshot costs a few. So ``alireader search`` and ``alireader
entities`` use it when one exists for the same paths and settings, passes its checks, and
every file is as it recorded (same size and times, or the same content): they then answer as
the reader would. Otherwise (no snapshot, a file added, changed or deleted, ``--rebuild``) they
build their indexes as before, and the snapshot is left for the reader to bring up to date.

Nothing here writes, except that a snapshot that is damaged, cut short or made by another
version is deleted (never trusted), with one notice, as the reader does.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alireader.config import Settings
    from alireader.core.entity_index import EntityIndex
    from alireader.core.live_search import LiveSearch
    from alireader.core.models import ArticleSummary, LoadWarning
    from alireader.progress import CliProgress


@dataclass(slots=True)
class SavedIndexes:
    """What a command takes from the snapshot: every article's summary in list order, every
    load warning, and the indexes asked for (None when not asked for)."""

    summaries: list[ArticleSummary]
    warnings: list[LoadWarning]
    search: LiveSearch | None
    entities: EntityIndex | None


def saved_indexes(
    paths: Sequence[Path],
    settings: Settings,
    *,
    search: bool = False,
    entities: bool = False,
    notices: list[str],
    progress: CliProgress | None = None,
) -> SavedIndexes | None:
    """The indexes asked for from the reader's snapshot of ``paths``, or None when there is no
    snapshot that answers for the folder as it is now (see the module docstring). A damaged
    snapshot adds a sentence to ``notices``; nothing raises."""
    from alireader import paths as app_paths
    from alireader.core.snapshot import (
        SnapshotError,
        open_snapshot,
        snapshot_path,
        snapshot_stamp,
    )
    from alireader.ui.corpus_state import section_fits, snapshot_settings

    chosen = snapshot_settings(
        settings.entities.backend, settings.duplicates.threshold, settings.max_bytes
    )
    path = snapshot_path(app_paths.cache_dir(), paths, chosen)
    wanted = {"summaries", "files"}
    if search:
        wanted.add("search")
    if entities:
        wanted.add("entities")
    if not path.is_file():  # none yet, or no cache folder (the article cache says so)
        return None
    found: dict[str, Any] = {}
    try:
        reader = open_snapshot(path, snapshot_stamp(chosen))
        if reader is None:
            return None
        with reader:
            reader.start()
            sections = reader.sections()
            description = "Reading the saved index"
            with _phase(progress, description, len(wanted)) as phase:
                for name, value in sections:
                    if not section_fits(name, value):  # another form than this code writes
                        reader.discard()
                        raise SnapshotError(f"The saved index {path} is unreadable; discarded.")
                    if name in wanted:
                        found[name] = value
                        phase.advance()
                    if wanted <= found.keys():
                        break
    except SnapshotError as error:
        notices.append(str(error))
        return None
    except (OSError, ValueError):  # unreadable now: the command reads the corpus instead
        return None
    if not wanted <= found.keys():
        return None
    return _if_unchanged(paths, found, search=search, entities=entities)


def _if_unchanged(
    paths: Sequence[Path], found: dict[str, Any], *, search: bool, entities: bool
) -> SavedIndexes | None:
    """The sections read, if the folder holds the files the snapshot recorded, unchanged."""
    from alireader.core.corpus import discover
    from alireader.core.snapshot import compare, summaries_from_columns
    from alireader.ui.corpus_state import every_warning

    rows, _saved_warnings = found["files"]
    discovery = discover(paths)
    if compare(rows, discovery).any:
        return None
    columns, _list_warnings, _files = found["summaries"]
    return SavedIndexes(
        summaries_from_columns(columns),
        every_warning(discovery.warnings, rows),
        found["search"] if search else None,
        found["entities"] if entities else None,
    )


def _phase(progress: CliProgress | None, description: str, total: int) -> Any:
    from alireader.progress import silent

    return (progress if progress is not None else silent()).phase(description, total, "parts")
