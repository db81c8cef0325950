"""Search figures: index build time and memory, and per-keystroke latency in the core.

    python -m benchmarks.search                    # 1k and 10k
    python -m benchmarks.search --sizes 1000,10000,100000

For each generated corpus (see ``generate.py``): the articles are loaded first (not timed), then
the index is built (timed; memory measured with ``tracemalloc``, which slows the build, so the
build is timed in a separate pass without it). Then queries are "typed" one character at a time,
each prefix searched with ``prefix_last=True`` as the search bar will, and the latency of every
keystroke is recorded: p50/p95/max over all keystrokes. Finally ``alireader search`` on the
seeds is timed as a whole process (interpreter start, imports, load, search, output).
Prints one JSON document on stdout.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

from alireader.core.corpus import load_corpus
from alireader.core.models import Article
from alireader.core.search import SearchIndex
from benchmarks.generate import ensure_corpus

# Typed character by character: plain words, typos, no accents, several words, operators.
QUERIES = (
    "alibaba",
    "sebastien badaut",
    "zeiser",
    "laurent fabuis",
    "ning yan boutique",
    "double 11",
    "commerse en ligne",
    "etats-unis",
    "'amazon !alibaba",
    "^ali press$",
    "title:chine | source:afp",
    '"11 main" vitrine',
    "gouvernement francais",
    "xqzt",
)


def _build(articles: list[Article]) -> tuple[SearchIndex, float]:
    started = time.perf_counter()
    index = SearchIndex()
    index.add_many(articles)
    return index, time.perf_counter() - started


def _memory_mb(articles: list[Article]) -> float:
    gc.collect()
    tracemalloc.start()
    index, _seconds = _build(articles)
    current, _peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    return round(current / 1e6, 1)


def _keystrokes(index: SearchIndex) -> dict[str, object]:
    latencies: list[float] = []
    slowest = ("", 0.0)
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            typed = query[:end]
            started = time.perf_counter()
            index.search(typed, 20, prefix_last=True)
            elapsed = (time.perf_counter() - started) * 1000
            latencies.append(elapsed)
            if elapsed > slowest[1]:
                slowest = (typed, elapsed)
    latencies.sort()
    return {
        "keystrokes": len(latencies),
        "p50_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        "max_ms": round(latencies[-1], 2),
        "slowest_prefix": slowest[0],
    }


def measure(n: int, memory: bool = True) -> dict[str, object]:
    """Figures for a generated corpus of ``n`` articles."""
    folder = ensure_corpus(n, progress=True)
    articles = list(load_corpus([folder]).articles)
    index, seconds = _build(articles)
    figures: dict[str, object] = {
        "articles": len(articles),
        "vocabulary": len(index.vocabulary),
        "build_s": round(seconds, 2),
    }
    if memory:
        figures["index_mb"] = _memory_mb(articles)
    figures["typing"] = _keystrokes(index)
    return figures


def cli_seconds(runs: int = 5) -> dict[str, float]:
    """``alireader search`` on the seeds, whole process, best and median of ``runs``."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "alireader", "search", "sebastien badaut", "--json"],
            check=True,
            capture_output=True,
        )
        times.append(time.perf_counter() - started)
    return {"best_s": round(min(times), 3), "median_s": round(statistics.median(times), 3)}


def main(argv: list[str] | None = None) -> int:
    """Run the search benchmark and print its JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search")
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    args = parser.parse_args(argv)
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    results = {
        "sizes": [measure(n, memory=not args.no_memory) for n in sizes],
        "cli_seeds": cli_seconds(),
        "cwd": str(Path.cwd()),
    }
    json.dump(results, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
