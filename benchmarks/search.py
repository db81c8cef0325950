"""Search figures: index build time and memory, per-keystroke latency, fzf in the same run.

    python -m benchmarks.search                    # 1k, 10k and 100k articles
    python -m benchmarks.search --quick            # 1k and 10k
    python -m benchmarks.search --sizes 1000,5000

For each generated corpus (see ``generate.py``) the articles are loaded first (not timed), then:

- **build**: a :class:`SearchIndex` is filled as the reader fills it (every title, author and
  source first, then every body, then :meth:`SearchIndex.prepare`) and timed, wall and CPU
  time (and the CPU time of each of the three steps); once all in this process
  (``build_s``), once from body words split beforehand, as the reader's worker processes
  split them (``build_from_words_s``: this process's share; the splitting itself is
  ``split_words_cpu_s`` of worker CPU). Then built again under
  ``tracemalloc`` (which slows it, so that pass is not timed) for the memory the index holds
  and its peak while building;
- **typing**: every query of :data:`QUERIES` is typed one character at a time, each prefix
  searched with ``prefix_last=True`` as the search bar does, caches emptied before each query
  (a query starts cold, later keystrokes use what earlier ones computed, as in the bar);
  p50/p95/max over all keystrokes (wall, and this thread's CPU time: the machine may be
  shared), and per kind of query;
- **findability**: for a sample of articles, two of the rarest words of the title, without
  accents and with a typo in the longer one: is the article (or a copy with the same title)
  the first hit?
- **fzf**: the same corpus flattened to one line per article (title, author, source, body),
  ``fzf --filter QUERY`` run on it for each full query, whole process, beside the core's
  search for the same query (cold caches); the ratio is fzf's time over the core's. fzf has
  no index to build and uses every CPU; the core's figure excludes the build. Skipped, with
  the reason, when ``fzf`` is not on PATH.

Finally ``alireader search`` on the seeds is timed as a whole process (interpreter start,
imports, load, search, output), beside ``python -c pass`` (the floor). One JSON document goes
to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

from alireader.core.corpus import load_corpus
from alireader.core.models import Article
from alireader.core.search import SearchIndex, index_words
from alireader.core.text import strip_accents
from benchmarks.generate import ensure_corpus

ALL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
# Typed character by character (at most the first MAX_TYPED of each), by kind.
QUERIES: dict[str, tuple[str, ...]] = {
    "plain": ("alibaba", "zeiser", "etats-unis", "xqzt"),
    "typos, no accents": ("sebastien badaut", "laurent fabuis", "commerse en ligne"),
    "several words": ("ning yan boutique", "double 11", "gouvernement francais"),
    "operators": (
        "'amazon !alibaba",
        "^ali press$",
        "title:chine | source:afp",
        '"11 main" vitrine',
    ),
}
MAX_TYPED = 24
TARGET_P95_MS = {10_000: 10.0, 100_000: 30.0}
TARGET_BUILD_100K_S = 30.0
TARGET_CLI_S = 0.3
FINDABILITY_SAMPLE = 200


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _all_queries() -> list[str]:
    return [query for queries in QUERIES.values() for query in queries]


def _fill(articles: Sequence[Article]) -> SearchIndex:
    index = SearchIndex()
    for article in articles:  # titles first, as the reader's indexer does
        index.add_metadata(article.id, article.title, article.author, article.source)
    for article in articles:
        index.add_body(article.id, article.body)
    return index


def _build(articles: Sequence[Article]) -> tuple[SearchIndex, dict[str, float]]:
    """The index, filled then prepared, with the time it took (wall and CPU), and the CPU
    time of each step: metadata, bodies, ``prepare()``; and how much of the CPU time the
    system took (page faults of a freshly grown heap, mostly)."""
    gc.collect()
    load = os.getloadavg()[0]
    usage = resource.getrusage(resource.RUSAGE_SELF)
    started, cpu = time.perf_counter(), time.process_time()
    index = SearchIndex()
    for article in articles:  # titles first, as the reader's indexer does
        index.add_metadata(article.id, article.title, article.author, article.source)
    metadata_cpu = time.process_time()
    for article in articles:
        index.add_body(article.id, article.body)
    filled, bodies_cpu = time.perf_counter(), time.process_time()
    index.prepare()  # part of the build: the reader calls it once the index is filled
    done, done_cpu = time.perf_counter(), time.process_time()
    system = resource.getrusage(resource.RUSAGE_SELF).ru_stime - usage.ru_stime
    return index, {
        "build_s": round(done - started, 2),
        "build_cpu_s": round(done_cpu - cpu, 2),
        "build_cpu_steps_s": {
            "metadata": round(metadata_cpu - cpu, 2),
            "bodies": round(bodies_cpu - metadata_cpu, 2),
            "prepare": round(done_cpu - bodies_cpu, 2),
            "of_which_system": round(system, 2),
        },
        "prepare_s": round(done - filled, 2),
        "build_load_before": round(load, 2),
        "build_load_after": round(os.getloadavg()[0], 2),
    }


def _build_from_words(articles: Sequence[Article]) -> dict[str, float]:
    """The build as the reader's process does it: the bodies' words come split (by worker
    processes there, beforehand here) as one string each, which this process splits and adds.
    Returns that time, and the CPU time of the splitting it was spared."""
    cpu = time.process_time()
    joined = [" ".join(index_words(article.body)) for article in articles]
    split_cpu = time.process_time() - cpu
    gc.collect()
    load = os.getloadavg()[0]
    started, cpu = time.perf_counter(), time.process_time()
    index = SearchIndex()
    for article in articles:
        index.add_metadata(article.id, article.title, article.author, article.source)
    for article, words in zip(articles, joined, strict=True):
        index.add_body_words(article.id, article.body, words.split())
    index.prepare()
    figures = {
        "build_from_words_s": round(time.perf_counter() - started, 2),
        "build_from_words_cpu_s": round(time.process_time() - cpu, 2),
        "split_words_cpu_s": round(split_cpu, 2),
        "build_from_words_load": round(load, 2),
    }
    del index, joined
    gc.collect()
    return figures


def _memory_mb(articles: Sequence[Article]) -> dict[str, float]:
    gc.collect()
    tracemalloc.start()
    index = _fill(articles)
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del index
    gc.collect()
    return {"index_mb": round(current / 1e6, 1), "build_peak_mb": round(peak / 1e6, 1)}


def _percentiles(latencies: list[float]) -> dict[str, float]:
    ordered = sorted(latencies)
    return {
        "p50_ms": round(statistics.median(ordered), 2),
        "p95_ms": round(ordered[max(0, -(-len(ordered) * 95 // 100) - 1)], 2),
        "max_ms": round(ordered[-1], 2),
    }


def _keystrokes(index: SearchIndex) -> dict[str, object]:
    every: list[float] = []
    every_cpu: list[float] = []
    by_kind: dict[str, object] = {}
    slowest: list[tuple[float, float, str]] = []
    load = os.getloadavg()[0]
    for kind, queries in QUERIES.items():
        latencies: list[float] = []
        for query in queries:
            index._changed()  # each query starts cold
            for end in range(1, min(len(query), MAX_TYPED) + 1):
                typed = query[:end]
                started, cpu = time.perf_counter(), time.thread_time()
                index.search(typed, 20, prefix_last=True)
                elapsed = (time.perf_counter() - started) * 1000
                every_cpu.append((time.thread_time() - cpu) * 1000)
                latencies.append(elapsed)
                slowest.append((elapsed, every_cpu[-1], typed))
        every.extend(latencies)
        by_kind[kind] = {"keystrokes": len(latencies), **_percentiles(latencies)}
    slowest.sort(reverse=True)
    return {
        "keystrokes": len(every),
        **_percentiles(every),
        "cpu": _percentiles(every_cpu),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "by_kind": by_kind,
        "slowest": [
            {"typed": typed, "ms": round(ms, 1), "cpu_ms": round(cpu, 1)}
            for ms, cpu, typed in slowest[:8]
        ],
    }


def _typo(word: str, rng: random.Random) -> str:
    """``word`` with two neighbouring inner letters swapped (one typo for the search)."""
    if len(word) < 5:
        return word
    at = rng.randrange(1, len(word) - 2)
    return word[:at] + word[at + 1] + word[at] + word[at + 2 :]


def _findability(index: SearchIndex, articles: Sequence[Article]) -> dict[str, object]:
    """How often the three rarest words of a title (two when it has no more), typed without
    accents and with a typo in the longest, find the article first, or in the first three (or
    a copy of it: same title). Generated titles repeat templates, so a few words may fit
    several articles equally: the top-3 rate tells ambiguity from a ranking miss."""
    rng = random.Random(5)
    sample = rng.sample(list(articles), min(FINDABILITY_SAMPLE, len(articles)))
    frequency = index._doc_frequency
    ids = index.vocabulary.ids
    tried = found = top3 = 0
    for article in sample:
        words = [w for w in dict.fromkeys(index_words(article.title)) if len(w) > 3]
        if len(words) < 2:
            continue
        words.sort(key=lambda w: frequency(ids[w]) if w in ids else 0)
        rare = sorted(words[:3], key=article.title.casefold().find)
        longest = max(range(len(rare)), key=lambda k: len(rare[k]))
        rare[longest] = _typo(rare[longest], rng)
        hits = index.search(strip_accents(" ".join(rare)), 3).hits
        ranks = [
            k for k, hit in enumerate(hits) if article.id == hit.id or article.title == hit.title
        ]
        tried += 1
        found += bool(ranks and ranks[0] == 0)
        top3 += bool(ranks)
    return {
        "queries": tried,
        "found_first": found,
        "first_rate": round(found / max(tried, 1), 3),
        "top3_rate": round(top3 / max(tried, 1), 3),
    }


def _flatten(articles: Sequence[Article], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for article in articles:
            fields = (article.title, article.author or "", article.source or "", article.body)
            out.write(" ".join(" ".join(fields).split()) + "\n")


def _fzf(index: SearchIndex, articles: Sequence[Article], runs: int) -> dict[str, object]:
    fzf = shutil.which("fzf")
    if fzf is None:
        return {"skipped": "fzf is not on PATH (Debian: apt-get install fzf)"}
    version = subprocess.run([fzf, "--version"], capture_output=True, text=True, check=False)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        flat = Path(folder) / "corpus.txt"
        _flatten(articles, flat)
        for query in _all_queries():
            fzf_runs, core_runs = [], []
            for _ in range(runs):  # alternated, medians: the machine is shared
                with flat.open("rb") as lines:
                    started = time.perf_counter()
                    done = subprocess.run(
                        [fzf, "--filter", query], stdin=lines, capture_output=True, check=False
                    )
                    fzf_runs.append(time.perf_counter() - started)
                index._changed()
                started = time.perf_counter()
                result = index.search(query, 20)
                core_runs.append(time.perf_counter() - started)
            fzf_ms = statistics.median(fzf_runs) * 1000
            core_ms = statistics.median(core_runs) * 1000
            rows.append(
                {
                    "query": query,
                    "fzf_ms": round(fzf_ms, 1),
                    "fzf_matches": done.stdout.count(b"\n"),
                    "core_ms": round(core_ms, 2),
                    "core_matches": result.total,
                    "ratio": round(fzf_ms / max(core_ms, 1e-3), 1),
                }
            )
    fzf_total = sum(row["fzf_ms"] for row in rows)  # type: ignore[misc]
    core_total = sum(row["core_ms"] for row in rows)  # type: ignore[misc]
    return {
        "fzf_version": version.stdout.strip(),
        "median_ratio": statistics.median(row["ratio"] for row in rows),  # type: ignore[misc]
        "total_ratio": round(fzf_total / max(core_total, 1e-3), 1),
        "queries": rows,
    }


def measure(n: int, memory: bool = True, fzf: bool = True) -> dict[str, object]:
    """Figures for a generated corpus of ``n`` articles."""
    folder = ensure_corpus(n, progress=True)
    _log(f"[{n:,}] loading ...")
    articles = list(load_corpus([folder]).articles)
    rss_before = _peak_rss_mb()
    _log(f"[{n:,}] building from split words ...")
    from_words = _build_from_words(articles)
    _log(f"[{n:,}] building ...")
    index, build = _build(articles)
    figures: dict[str, object] = {
        "articles": len(articles),
        "vocabulary": len(index.vocabulary),
        **build,
        **from_words,
        # The process's peak RSS (articles loaded, then the index): cheap at any size.
        "rss_peak_before_build_mb": rss_before,
        "rss_peak_after_build_mb": _peak_rss_mb(),
    }
    if memory:
        _log(f"[{n:,}] building under tracemalloc ...")
        figures.update(_memory_mb(articles))
    _log(f"[{n:,}] typing ...")
    figures["typing"] = _keystrokes(index)
    figures["findability"] = _findability(index, articles)
    _log(f"[{n:,}] {json.dumps(figures)}")
    if fzf:
        _log(f"[{n:,}] fzf ...")
        # fzf reads the whole corpus per query (some 20 s at 100k here): fewer runs there.
        figures["fzf"] = _fzf(index, articles, runs=3 if n < 50_000 else 1)
        _log(f"[{n:,}] fzf: {json.dumps(figures['fzf'])}")
    return figures


def _peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)  # KiB on Linux


def _run_median(command: list[str], runs: int, env: dict[str, str] | None = None) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - started)
    return round(statistics.median(times), 3)


def cli_seconds(runs: int = 11) -> dict[str, float]:
    """``alireader search`` on the seeds, whole process, median of ``runs``; with the floors
    (``python -c pass``, and importing Rich's console, which human output needs).

    Measured as an installed package runs: with compiled bytecode. A shell that sets
    ``PYTHONDONTWRITEBYTECODE`` would make every run compile the package's sources again
    (~0.1 s here), so bytecode goes to a temporary cache, filled by one run first."""
    python = sys.executable
    with tempfile.TemporaryDirectory() as cache:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = cache
        search = [python, "-m", "alireader", "search"]
        _run_median([*search, "sebastien badaut", "--json"], 1, env)  # fills the cache
        return {
            "search_json_s": _run_median([*search, "sebastien badaut", "--json"], runs, env),
            "search_human_s": _run_median([*search, "zeiser"], runs, env),
            "python_pass_s": _run_median([python, "-c", "pass"], runs, env),
            "import_rich_console_s": _run_median([python, "-c", "import rich.console"], runs, env),
        }


def targets(sizes: list[dict[str, object]], cli: dict[str, float]) -> dict[str, object]:
    """Pass/fail against the issue's targets (null when not measured)."""
    verdicts: dict[str, object] = {}
    for figures in sizes:
        n = figures["articles"]
        typing = figures["typing"]
        if n in TARGET_P95_MS and isinstance(typing, dict):
            verdicts[f"p95_{n}"] = {
                "target_ms": TARGET_P95_MS[n],
                "measured_ms": typing["p95_ms"],
                "pass": typing["p95_ms"] < TARGET_P95_MS[n],
            }
        if n == 100_000:
            for name in ("build_s", "build_from_words_s"):
                build = figures[name]
                verdicts[f"{name}_100000"] = {
                    "target_s": TARGET_BUILD_100K_S,
                    "measured_s": build,
                    "cpu_s": figures[name.replace("_s", "_cpu_s")],
                    "pass": isinstance(build, float) and build < TARGET_BUILD_100K_S,
                }
    verdicts["cli_seeds"] = {
        "target_s": TARGET_CLI_S,
        "measured_s": cli["search_json_s"],
        "pass": cli["search_json_s"] < TARGET_CLI_S,
    }
    return verdicts


def main(argv: list[str] | None = None) -> int:
    """Run the search benchmark and print its JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.search")
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--sizes", help="comma-separated corpus sizes (default: 1k, 10k, 100k)")
    group.add_argument("--quick", action="store_true", help="1k and 10k articles only")
    parser.add_argument(
        "--no-memory", action="store_true", help="skip the tracemalloc pass (slow at 100k)"
    )
    parser.add_argument("--no-fzf", action="store_true", help="skip the fzf comparison")
    args = parser.parse_args(argv)
    if args.sizes:
        sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    else:
        sizes = list(QUICK_SIZES if args.quick else ALL_SIZES)
    measured = [measure(n, memory=not args.no_memory, fzf=not args.no_fzf) for n in sizes]
    _log("alireader search on the seeds ...")
    cli = cli_seconds()
    results = {
        "benchmark": "alireader search",
        "sizes": measured,
        "cli_seeds": cli,
        "targets": targets(measured, cli),
    }
    json.dump(results, sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
