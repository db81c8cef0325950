"""Entity figures: built-in throughput, corpus-wide index time, quality on the evaluation set.

    python -m benchmarks.entities            # throughput, index, pipeline (10k, 100k), quality
    python -m benchmarks.entities --quick    # the same at 10k only
    python -m benchmarks.entities --errors dev   # list every miss and false alarm (for tuning)

Throughput: the built-in extractor over the bodies of the generated 1k corpus (see
``generate.py``), on one core, in words per second (words as
:func:`alireader.core.text.count_words` counts them), by the wall clock and by the process's
CPU time (``time.process_time``); the median of five passes, each with the extractor's caches
emptied first ("cold"), and the median of five more that keep them ("warm", as a worker that
has already read other articles). Index time: loading is not timed; extracting every article
in this process and adding it to an :class:`~alireader.core.entity_index.EntityIndex` is.
Pipeline: what the reader does after loading (``alireader/ui/app.py``): the body pass
(:func:`~alireader.core.body_pass.iter_bodies`) over the corpus's summaries with the entity
analyser, in worker processes, the index filled in this process; wall time and this process's
CPU time. Quality: precision, recall and F1 per label on the hand-annotated articles of
``tests/data/entities_eval`` (exact span and exact label): ``dev`` to ``dev4`` and ``heldout``
to ``heldout3`` (each written, scored once, then tuned on in a later round), and ``heldout4``
(written before the fourth round, never tuned on: ``--errors`` refuses it); the
spaCy backend beside the built-in when it is installed.
Prints one JSON document on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alireader.core.entities import LABELS, Entity, backend, extract, spacy_available
from alireader.core.text import count_words

EVAL_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "entities_eval"
PARTS = ("dev", "dev2", "dev3", "dev4", "heldout", "heldout2", "heldout3", "heldout4")
TUNING_PARTS = ("dev", "dev2", "dev3", "dev4", "heldout", "heldout2", "heldout3")
"""The parts whose errors may be listed: heldout4 is scored, never read for tuning."""
_MARK = re.compile(r"\[\[([A-Z]+):(.+?)\]\]")


@dataclass(frozen=True, slots=True)
class Annotated:
    """One evaluation article: its plain text and its gold entities."""

    name: str
    text: str
    gold: tuple[Entity, ...]


def parse_annotated(name: str, marked: str) -> Annotated:
    """Strip ``[[LABEL:text]]`` marks from ``marked``, keeping where each entity was."""
    pieces: list[str] = []
    gold: list[Entity] = []
    length = 0
    last = 0
    for mark in _MARK.finditer(marked):
        label, inner = mark.group(1), mark.group(2)
        if label not in LABELS:
            raise ValueError(f"{name}: unknown label {label!r}")
        before = marked[last : mark.start()]
        pieces.append(before)
        length += len(before)
        gold.append(Entity(length, length + len(inner), label, inner))
        pieces.append(inner)
        length += len(inner)
        last = mark.end()
    pieces.append(marked[last:])
    return Annotated(name, "".join(pieces), tuple(gold))


def load_part(part: str, root: Path = EVAL_DIR) -> list[Annotated]:
    """The annotated articles of ``root/part`` (``dev`` or ``heldout``), by file name."""
    return [
        parse_annotated(path.name, path.read_text(encoding="utf-8"))
        for path in sorted((root / part).glob("*.txt"))
    ]


def score(
    articles: Iterable[Annotated], extractor: Callable[[str], list[Entity]]
) -> dict[str, Any]:
    """Precision, recall and F1 per label and overall (micro), exact span and label."""
    counts = {label: [0, 0, 0] for label in LABELS}  # true positives, predicted, gold
    for article in articles:
        gold = {(e.start, e.end, e.label) for e in article.gold}
        found = {(e.start, e.end, e.label) for e in extractor(article.text)}
        for label in LABELS:
            g = {item for item in gold if item[2] == label}
            f = {item for item in found if item[2] == label}
            counts[label][0] += len(g & f)
            counts[label][1] += len(f)
            counts[label][2] += len(g)
    result: dict[str, Any] = {}
    total = [0, 0, 0]
    for label, (tp, predicted, expected) in counts.items():
        result[label] = _prf(tp, predicted, expected)
        total = [total[0] + tp, total[1] + predicted, total[2] + expected]
    result["all"] = _prf(*total)
    return result


def _prf(tp: int, predicted: int, expected: int) -> dict[str, float | int]:
    precision = tp / predicted if predicted else 1.0
    recall = tp / expected if expected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(precision, 3),
        "recall": round(recall, 3),
        "f1": round(f1, 3),
        "gold": expected,
        "found": predicted,
    }


def errors(articles: Iterable[Annotated], extractor: Callable[[str], list[Entity]]) -> list[str]:
    """One line per miss (``-``) and false alarm (``+``), for tuning on the dev part only."""
    lines = []
    for article in articles:
        gold = {(e.start, e.end, e.label): e.text for e in article.gold}
        found = {(e.start, e.end, e.label): e.text for e in extractor(article.text)}
        for key in sorted(gold.keys() - found.keys()):
            lines.append(f"{article.name}: - {key[2]:7} {gold[key]!r}")
        for key in sorted(found.keys() - gold.keys()):
            lines.append(f"{article.name}: + {key[2]:7} {found[key]!r}")
    return lines


def throughput(bodies: list[str], passes: int = 5, cold: bool = True) -> dict[str, float]:
    """Words per second of the built-in extractor over ``bodies`` (median of ``passes``), its
    caches emptied before each pass when ``cold``."""
    from alireader.core import entities, gazetteer

    words = sum(count_words(body) for body in bodies)
    timings, cpu = [], []
    for _ in range(passes):
        if cold:
            entities.clear_caches()
            gazetteer.key.cache_clear()
        gc.collect()
        started, started_cpu = time.perf_counter(), time.process_time()
        for body in bodies:
            extract(body)
        timings.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
    median, median_cpu = statistics.median(timings), statistics.median(cpu)
    return {
        "articles": len(bodies),
        "words": words,
        "seconds_median": round(median, 3),
        "cpu_seconds_median": round(median_cpu, 3),
        "words_per_second": round(words / median),
        # CPU time of this one process: what one core does, less what sharing the machine costs
        "words_per_cpu_second": round(words / median_cpu),
        "load_average": _load(),
    }


def _load() -> float | None:
    """The one-minute load average (the machine is shared: figures come with it)."""
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


def pipeline_time(n: int) -> dict[str, Any]:
    """The reader's entity pass over the generated corpus of ``n`` articles: the body pass's
    worker processes extract (``article_entities``), this process fills the index."""
    from functools import partial

    from alireader.core.analysers import article_entities
    from alireader.core.body_pass import iter_bodies, request_of
    from alireader.core.entity_index import EntityIndex
    from alireader.core.summaries import load_summaries
    from benchmarks.generate import ensure_corpus

    summaries, _ = load_summaries([ensure_corpus(n)])
    requests = [request_of(summary) for summary in summaries]
    gc.collect()
    load_before = _load()
    started, started_cpu = time.perf_counter(), time.process_time()
    index = EntityIndex()
    for records in iter_bodies(requests, analysers=[partial(article_entities, "builtin")]):
        for record in records:
            index.add(record.id, record.analyses[0])
    return {
        "articles": len(requests),
        "seconds": round(time.perf_counter() - started, 2),
        "main_cpu_seconds": round(time.process_time() - started_cpu, 2),
        "distinct_entities": len(index),
        "mentions": index.mentions,
        "load_average_before": load_before,
        "load_average_after": _load(),
    }


def index_time(n: int) -> dict[str, Any]:
    """Extract and index every article of the generated corpus of ``n`` articles."""
    from alireader.core.corpus import load_corpus
    from alireader.core.entity_index import EntityIndex
    from benchmarks.generate import ensure_corpus

    folder = ensure_corpus(n)
    corpus = load_corpus([folder])
    articles = corpus.articles
    gc.collect()
    started = time.perf_counter()
    index = EntityIndex()
    for article in articles:
        index.add(article.id, extract(article.body))
    seconds = time.perf_counter() - started
    return {
        "articles": len(articles),
        "seconds": round(seconds, 2),
        "distinct_entities": len(index),
        "mentions": index.mentions,
    }


def _bodies(n: int) -> list[str]:
    from alireader.core.corpus import load_corpus
    from benchmarks.generate import ensure_corpus

    return [article.body for article in load_corpus([ensure_corpus(n)]).articles]


def quality() -> dict[str, Any]:
    """Per-label quality of the built-in rules (and spaCy's, when installed) on both parts."""
    result: dict[str, Any] = {}
    extractors: dict[str, Callable[[str], list[Entity]]] = {"builtin": extract}
    if spacy_available():
        spacy = backend("spacy")
        spacy.load()
        extractors["spacy"] = spacy.extract
    for name, extractor in extractors.items():
        result[name] = {part: score(load_part(part), extractor) for part in PARTS}
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the figures as JSON."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.entities", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="skip the 100k index")
    parser.add_argument(
        "--errors", choices=TUNING_PARTS, help="list the errors on one tuning part and stop"
    )
    args = parser.parse_args(argv)
    if args.errors:
        print("\n".join(errors(load_part(args.errors), extract)))
        return 0
    figures: dict[str, Any] = {}
    print("throughput (1k articles) ...", file=sys.stderr)
    bodies = _bodies(1000)
    figures["throughput"] = throughput(bodies)
    figures["throughput_warm"] = throughput(bodies, cold=False)
    figures["index"] = {}
    figures["pipeline"] = {}
    for n in (10_000,) if args.quick else (10_000, 100_000):
        if n <= 10_000:
            print(f"index {n:,} ...", file=sys.stderr)
            figures["index"][str(n)] = index_time(n)
        print(f"pipeline {n:,} ...", file=sys.stderr)
        figures["pipeline"][str(n)] = pipeline_time(n)
    print("quality ...", file=sys.stderr)
    figures["quality"] = quality()
    json.dump(figures, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
