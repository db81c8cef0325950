"""The app benchmark's typed queries in the core alone, over a saved snapshot: a quick A/B.

    python -m benchmarks.typed SNAPSHOT [--rounds 5] [--hits FILE]

``SNAPSHOT`` is a snapshot file (``snapshot-*.bin`` under a ``benchmarks.app --keep`` folder's
``cache/alireader``; give it a COPY: a file failing a check is deleted, as the app does). It is
read whatever code made it (its stamp is taken from the file), so one snapshot serves to compare
two versions of the search code as long as the snapshot format and the pickled form are
unchanged (another format is refused, and deleted, like a stale one). The search and entity
indexes are wired as :class:`~alireader.ui.app.ReaderApp` wires them (entity numbers, both
prepared, as after a save) and the queries of :mod:`benchmarks.app` are typed a character at a
time, as the search bar searches (500 hits, the last word a prefix), ``--rounds`` times with the
per-query caches emptied between rounds. Printed: per key press, the median over the rounds of
the searching thread's CPU time (the app benchmark's ``keystroke_core_cpu``), the slowest first,
and the p50/p95 of those medians. ``--hits FILE`` pickles each key press's total, hit IDs and
scores, to compare two versions' results (``python -m benchmarks.typed --compare A B``).
"""

from __future__ import annotations

import argparse
import gc
import pickle
import statistics
import sys
import threading
import time
from pathlib import Path
from typing import Any

from benchmarks.app import _TYPED

_SEARCH_LIMIT = 500  # the search bar's (alireader.ui.screens.reader.SEARCH_LIMIT)
_CACHES = (
    "_fuzzy_cache", "_word_cache", "_term_cache", "_bounded_terms", "_position_cache",
    "_open_phrases", "_heads", "_short_expansions",
)  # fmt: skip


def _sections(path: Path) -> dict[str, Any]:
    from alireader.core import snapshot

    with open(path, "rb") as handle:
        head = handle.read(snapshot._PREAMBLE.size)
        stamp_size = snapshot._PREAMBLE.unpack(head)[3]
        stamp = handle.read(stamp_size).decode()
    reader = snapshot.open_snapshot(path, stamp)
    if reader is None:
        raise SystemExit(f"no snapshot at {path}")
    with reader:
        return dict(reader.sections())


def _wire(search: Any, entities: Any) -> None:
    lock = threading.Lock()

    def lookup(words: tuple[str, ...], label: str | None, prefix: bool) -> Any:
        with lock:
            return entities.match_numbers(" ".join(words), label, prefix=prefix)

    search.entity_lookup = lookup
    search.set_body_loader(lambda _article_id: "")
    entities.prepare()
    search.prepare()


def _forget(search: Any, entities: Any) -> None:
    """Empty what a search caches per query (not what prepare() made)."""
    from alireader.core.entity_index import _ShortPrefixes

    for name in _CACHES:
        setattr(search.index, name, {})
    search.index._entity_docs = None
    search._last_documents = None
    entities._short_prefixes = _ShortPrefixes()


def _key_presses() -> list[str]:
    return [q[:end] for q in _TYPED for end in range(1, len(q) + 1) if q[:end].strip()]


def measure(path: Path, rounds: int) -> tuple[dict[str, float], dict[str, Any]]:
    """Per key press, the median CPU ms over ``rounds``; and its hits (total, IDs, scores)."""
    found = _sections(path)
    search, entities = found["search"], found["entities"]
    _wire(search, entities)
    gc.freeze()  # as the app has it: the indexes out of the collector's reach
    spent: dict[str, list[float]] = {}
    hits: dict[str, Any] = {}
    for _ in range(rounds):
        _forget(search, entities)
        for text in _key_presses():
            started = time.thread_time()
            result = search.search(text, _SEARCH_LIMIT, prefix_last=True)
            spent.setdefault(text, []).append((time.thread_time() - started) * 1000)
            hits[text] = (result.total, [(hit.id, hit.score) for hit in result.hits])
    return {text: statistics.median(times) for text, times in spent.items()}, hits


def _compare(first: Path, second: Path) -> int:
    a, b = (pickle.loads(path.read_bytes()) for path in (first, second))
    differ = [text for text in a if a[text] != b.get(text)]
    for text in differ:
        same_scores = [s for _i, s in a[text][1]] == [s for _i, s in b[text][1]]
        print(f"{text!r}: totals {a[text][0]} / {b[text][0]}, same scores in order: {same_scores}")
    print(f"{len(a) - len(differ)} of {len(a)} key presses give identical hits")
    return 1 if differ else 0


def main(argv: list[str] | None = None) -> int:
    """Print the figures (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.typed")
    parser.add_argument("snapshot", type=Path, nargs="?")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--hits", type=Path, help="pickle each key press's hits here")
    parser.add_argument("--compare", type=Path, nargs=2, help="compare two --hits files")
    args = parser.parse_args(argv)
    if args.compare:
        return _compare(*args.compare)
    if args.snapshot is None:
        parser.error("a snapshot file is needed")
    medians, hits = measure(args.snapshot, args.rounds)
    ordered = sorted(medians.values())
    p95 = ordered[int(len(ordered) * 0.95)]
    print(f"CPU ms per key press: p50 {statistics.median(ordered):.1f}, p95 {p95:.1f}")
    for text, ms in sorted(medians.items(), key=lambda item: -item[1])[:12]:
        print(f"  {text!r:26} {ms:6.1f}")
    if args.hits:
        args.hits.write_bytes(pickle.dumps(hits))
    return 0


if __name__ == "__main__":
    sys.exit(main())
