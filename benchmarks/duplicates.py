"""Near-duplicate figures: detection time and memory, recall and precision, diff time.

    python -m benchmarks.duplicates            # 10k and 100k articles (100k takes minutes)
    python -m benchmarks.duplicates --quick    # 1k and 10k
    python -m benchmarks.duplicates --sizes 1000,5000

For each generated corpus (see ``generate.py``), in a fresh interpreter so that its peak memory
is its own:

- **detection**: every article's body is read first (not timed), then sketched, indexed and
  clustered in one process, as :class:`~alireader.core.duplicates.DuplicateIndex` does it
  (``sketch_s``, ``index_s``, ``cluster_s``; ``detection_s`` is their sum; ``*_cpu_s`` the
  same in CPU time, fairer on a shared machine), with the process's peak RSS and how much the
  detection added to it;
- **parallel**: the same bodies sketched in two worker processes (forked, so the texts are not
  sent to them; chunks of 200 come back in order, as the reader's body pass and ``list --json``
  do it) while this process indexes each chunk as it arrives (``parallel_s``, with the CPU
  time of this process and of the workers);
- **pipeline** (up to 20k articles): ``alireader list --json``'s path
  (:func:`alireader.cli_duplicates.detect`: parse and sketch in worker processes, index here),
  whole, beside the summaries-only load it replaced, both in this same child, alternating,
  medians of two (``pipeline_s``, ``summaries_only_s``);
- **quality**: pairs of articles put in one cluster against the generator's injected
  near-duplicates (``<corpus>.meta.json``, ``near_duplicates``: copy -> original; copies of one
  original belong together too), as pair recall and precision.

Then the diff: two 2,000-word articles (one made from generated text, the other a copy with
sentences dropped, added, moved, reworded and restyled) aligned repeatedly, both modes.
Each figure notes the machine's load average (``load``, one minute) when it was taken. One JSON
document goes to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.generate import ensure_corpus, read_meta

TARGETS = {"detection_100k_s": 60.0, "peak_rss_100k_mb": 1536.0, "recall": 0.95, "diff_ms": 50.0}
_DIFF_WORDS = 2_000
_DIFF_RUNS = 15
_PIPELINE_MAX = 20_000  # the pipeline comparison parses the corpus four times: not at 100k
_WORKERS = 2
_CHUNK = 200
_BODIES: list[str] = []  # what forked workers sketch, by range


def _load() -> float:
    return round(os.getloadavg()[0], 2)


def _sketch_range(bounds: tuple[int, int]) -> list[Any]:
    from alireader.core.duplicates import sketch

    return [sketch(body) for body in _BODIES[bounds[0] : bounds[1]]]


def _parallel(ids: list[str], bodies: list[str]) -> dict[str, Any]:
    """Sketch in forked workers, index here as the chunks arrive."""
    from alireader.core import duplicates

    _BODIES[:] = bodies
    duplicates._TOKENS.clear()  # the workers start as cold as the reader's
    ranges = [(start, min(start + _CHUNK, len(bodies))) for start in range(0, len(bodies), _CHUNK)]
    load = _load()
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    started, cpu = time.perf_counter(), time.process_time()
    index = duplicates.DuplicateIndex()
    with multiprocessing.get_context("fork").Pool(_WORKERS) as pool:
        for (start, _stop), sketches in zip(ranges, pool.imap(_sketch_range, ranges), strict=True):
            for offset, article_sketch in enumerate(sketches):
                index.add_sketch(ids[start + offset], article_sketch)
        clusters = index.clusters()
        pool.close()
        pool.join()
    wall, cpu = time.perf_counter() - started, time.process_time() - cpu
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    workers_cpu = (after.ru_utime + after.ru_stime) - (children.ru_utime + children.ru_stime)
    _BODIES.clear()
    return {
        "parallel_s": round(wall, 2),
        "parallel_main_cpu_s": round(cpu, 2),
        "parallel_workers_cpu_s": round(workers_cpu, 2),
        "parallel_clusters": len(clusters),
        "parallel_load": [load, _load()],
    }


def _rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    return pages * resource.getpagesize() / 2**20


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _texts(folder: Path) -> list[tuple[str, str]]:
    from alireader.core.corpus import UniqueIds, discover, iter_load_parallel

    ids = UniqueIds()  # the IDs a corpus gives, without keeping the articles
    texts = []
    for source, articles, _warnings in iter_load_parallel(discover([folder])):
        for article in articles:
            final = ids.claim(article.id, source)
            texts.append((final, article.body))
    return texts


def _truth_pairs(folder: Path) -> set[tuple[str, str]]:
    meta = read_meta(folder) or {}
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent.setdefault(item, item) != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    for entry in meta.get("near_duplicates", []):  # type: ignore[union-attr]
        parent[root(entry["id"])] = root(entry["original_id"])
    groups: dict[str, list[str]] = {}
    for item in list(parent):
        groups.setdefault(root(item), []).append(item)
    return _pairs(groups.values())


def _pairs(groups: Any) -> set[tuple[str, str]]:
    found = set()
    for group in groups:
        ordered = sorted(group)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                found.add((a, b))
    return found


def child(n: int) -> dict[str, Any]:
    """One corpus size, measured in this (fresh) process."""
    from alireader.core.duplicates import DuplicateIndex, sketch

    folder = ensure_corpus(n)
    started = time.perf_counter()
    texts = _texts(folder)
    load_s = time.perf_counter() - started
    rss_before = _rss_mb()

    load = _load()
    started, cpu = time.perf_counter(), time.process_time()
    sketches = [(article_id, sketch(text)) for article_id, text in texts]
    sketch_s, sketch_cpu = time.perf_counter() - started, time.process_time() - cpu
    index = DuplicateIndex()
    started, cpu = time.perf_counter(), time.process_time()
    for article_id, article_sketch in sketches:
        index.add_sketch(article_id, article_sketch)
    index_s, index_cpu = time.perf_counter() - started, time.process_time() - cpu
    started, cpu = time.perf_counter(), time.process_time()
    clusters = index.clusters()
    cluster_s, cluster_cpu = time.perf_counter() - started, time.process_time() - cpu
    peak = _peak_rss_mb()
    load_after = _load()

    truth = _truth_pairs(folder)
    found = _pairs(cluster.articles for cluster in clusters)
    hits = len(truth & found)
    result: dict[str, Any] = {
        "articles": len(sketches),
        "load_s": round(load_s, 2),
        "sketch_s": round(sketch_s, 2),
        "index_s": round(index_s, 2),
        "cluster_s": round(cluster_s, 3),
        "detection_s": round(sketch_s + index_s + cluster_s, 2),
        "sketch_cpu_s": round(sketch_cpu, 2),
        "index_cpu_s": round(index_cpu, 2),
        "detection_cpu_s": round(sketch_cpu + index_cpu + cluster_cpu, 2),
        "load": [load, load_after],
        "peak_rss_mb": round(peak, 1),
        "detection_added_mb": round(peak - rss_before, 1),
        "clusters": len(clusters),
        "articles_in_clusters": sum(len(c.articles) for c in clusters),
        "injected_pairs": len(truth),
        "found_pairs": len(found),
        "recall": round(hits / len(truth), 4) if truth else None,
        "precision": round(hits / len(found), 4) if found else None,
    }
    del sketches, index
    result.update(_parallel([article_id for article_id, _ in texts], [t for _, t in texts]))
    del texts
    if n <= _PIPELINE_MAX:
        result.update(_pipeline(folder))
    return result


def _pipeline(folder: Path) -> dict[str, Any]:
    """``list --json`` with duplicates against the summaries-only load, alternating, medians."""
    from alireader.cli_duplicates import detect
    from alireader.core.summaries import load_summaries

    with_duplicates, summaries_only = [], []
    for _ in range(2):
        started = time.perf_counter()
        load_summaries([folder])
        summaries_only.append(time.perf_counter() - started)
        started = time.perf_counter()
        detect([folder], 0.8)
        with_duplicates.append(time.perf_counter() - started)
    return {
        "pipeline_s": round(statistics.median(with_duplicates), 2),
        "summaries_only_s": round(statistics.median(summaries_only), 2),
    }


def _diff_pair() -> tuple[str, str]:
    """A 2,000-word article from generated text, and a reworked copy of it."""
    from alireader.core.diff import sentences

    folder = ensure_corpus(1_000, progress=False)
    rng = random.Random(7)
    pool: list[str] = []
    for path in sorted(folder.rglob("*.txt"))[:300]:
        pool.extend(s for s in sentences(path.read_text("utf-8", "replace")) if len(s) > 40)
    chosen, words = [], 0
    while words < _DIFF_WORDS:
        sentence = rng.choice(pool)
        chosen.append(sentence)
        words += len(sentence.split())
    copy = list(chosen)
    for _ in range(len(copy) // 10):  # dropped
        copy.pop(rng.randrange(len(copy)))
    for _ in range(len(copy) // 10):  # added
        copy.insert(rng.randrange(len(copy)), rng.choice(pool))
    block = rng.randrange(len(copy) - 3)  # a few sentences moved
    moved = copy[block : block + 3]
    del copy[block : block + 3]
    copy[rng.randrange(len(copy)) : 0] = moved
    for _ in range(len(copy) // 8):  # reworded
        at = rng.randrange(len(copy))
        parts = copy[at].split()
        parts[rng.randrange(len(parts))] = "autrement"
        copy[at] = " ".join(parts)
    restyled = [s.replace("’", "'").replace("« ", '"').replace(" »", '"') for s in copy]
    paragraphs_a = [" ".join(chosen[i : i + 4]) for i in range(0, len(chosen), 4)]
    return "\n\n".join(paragraphs_a), " ".join(restyled)


def diff_figures() -> dict[str, Any]:
    """Align the 2,000-word pair repeatedly, in both modes."""
    from alireader.core.diff import align

    a, b = _diff_pair()
    figures: dict[str, Any] = {"words_a": len(a.split()), "words_b": len(b.split())}
    for ignore in (False, True):
        times = []
        for _ in range(_DIFF_RUNS):
            started = time.perf_counter()
            alignment = align(a, b, ignore_typography=ignore)
            times.append((time.perf_counter() - started) * 1000)
        name = "ignore_typography" if ignore else "strict"
        figures[name] = {
            "median_ms": round(statistics.median(times), 2),
            "max_ms": round(max(times), 2),
            "rows": len(alignment.rows),
            "ops": {
                op: sum(row.op.value == op for row in alignment.rows)
                for op in ("equal", "replace", "insert", "delete", "moved")
            },
        }
    return figures


def _run_child(n: int) -> dict[str, Any]:
    process = subprocess.run(
        [sys.executable, "-m", "benchmarks.duplicates", "--child", str(n)],
        capture_output=True,
        text=True,
        check=False,
    )
    sys.stderr.write(process.stderr)
    if process.returncode != 0:
        return {"articles": n, "error": process.stderr.strip().splitlines()[-1:]}
    result: dict[str, Any] = json.loads(process.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    """``python -m benchmarks.duplicates``: print the figures as one JSON document."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.duplicates")
    parser.add_argument("--quick", action="store_true", help="1k and 10k articles only")
    parser.add_argument("--sizes", help="comma-separated corpus sizes (default 10000,100000)")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(json.dumps(child(args.child)))
        return 0
    if args.sizes:
        sizes = [int(size) for size in args.sizes.split(",")]
    else:
        sizes = [1_000, 10_000] if args.quick else [10_000, 100_000]
    results = []
    for n in sizes:
        print(f"duplicates: {n:,} articles ...", file=sys.stderr)
        results.append(_run_child(n))
    document = {
        "detection": results,
        "diff_2000_words": diff_figures(),
        "targets": TARGETS,
    }
    print(json.dumps(document, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
