"""One measurement, run by :mod:`benchmarks.run` in a fresh interpreter.

    python -m benchmarks.child parse FOLDER
    python -m benchmarks.child load FOLDER

Each prints one JSON object on stdout. A fresh process per measurement means nothing is cached
from an earlier one (imports, regexes, file pages aside) and its peak RSS is its own. This module
imports only the standard library until it imports the alireader piece it measures.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

_TEXT_SUFFIXES = {".txt", ".md"}
_RECORD_SUFFIXES = {".json", ".jsonl"}
# The record fields the loader reads the body from, in its order of preference.
_BODY_FIELDS = ("text", "body", "content")
_WARMUP = 20
_MIN_PARSE_S = 3.0


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux (bytes on macOS; the benchmarks target Linux).
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _bodies(document: Any) -> list[str]:
    records = document if isinstance(document, list) else [document]
    out = []
    for item in records:
        if isinstance(item, dict):
            body = next((item[k] for k in _BODY_FIELDS if isinstance(item.get(k), str)), None)
            if body:
                out.append(body)
    return out


def read_texts(folder: Path) -> list[str]:
    """The raw text of every article under ``folder``: whole ``.txt``/``.md`` files and the body
    field of every JSON/JSONL record, in path order."""
    texts: list[str] = []
    for path in sorted(folder.rglob("*")):
        suffix = path.suffix.lower()
        if not path.is_file() or path.name.startswith("."):
            continue
        if suffix in _TEXT_SUFFIXES:
            texts.append(_decode(path.read_bytes()))
        elif suffix == ".json":
            texts.extend(_bodies(json.loads(_decode(path.read_bytes()))))
        elif suffix == ".jsonl":
            for line in _decode(path.read_bytes()).splitlines():
                if line.strip():
                    texts.extend(_bodies(json.loads(line)))
    return texts


def measure_parse(folder: Path) -> dict[str, object]:
    """``parse_article`` alone, on one core, over texts already read and decoded."""
    texts = read_texts(folder)
    started = time.perf_counter()
    from alireader.core.parse import parse_article  # imported late: timed apart

    import_s = time.perf_counter() - started
    for text in texts[:_WARMUP]:  # compile lazily built regexes before the clock starts
        parse_article(text)
    # A small corpus is parsed several times over, so that a scheduling hiccup on a shared
    # machine does not decide the figure: at least _MIN_PARSE_S of parsing, one pass at least.
    cpu, wall, passes = time.process_time(), time.perf_counter(), 0
    while True:
        for text in texts:
            parse_article(text)
        passes += 1
        if time.perf_counter() - wall >= _MIN_PARSE_S or not texts:
            break
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    parsed = len(texts) * passes
    return {
        "articles": len(texts),
        "chars": sum(len(text) for text in texts),
        "passes": passes,
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "rate_per_s": round(parsed / wall, 1) if wall else None,
        "import_s": round(import_s, 3),
        "peak_rss_mb": _peak_rss_mb(),
    }


def measure_load(folder: Path) -> dict[str, object]:
    """``load_corpus([folder])`` end to end: discovery, reading, decoding, parsing."""
    started = time.perf_counter()
    from alireader.core.corpus import load_corpus  # imported late: timed apart

    import_s = time.perf_counter() - started
    cpu, wall = time.process_time(), time.perf_counter()
    corpus = load_corpus([folder])
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    return {
        "articles": len(corpus.articles),
        "warnings": len(corpus.warnings),
        "seconds": round(wall, 3),
        "cpu_seconds": round(cpu, 3),
        "rate_per_s": round(len(corpus.articles) / wall, 1) if wall else None,
        "import_s": round(import_s, 3),
        "peak_rss_mb": _peak_rss_mb(),
    }


MEASUREMENTS = {"parse": measure_parse, "load": measure_load}


def main(argv: list[str] | None = None) -> int:
    """Run one measurement and print its JSON on stdout."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2 or args[0] not in MEASUREMENTS:
        print(
            f"usage: python -m benchmarks.child {{{'|'.join(MEASUREMENTS)}}} FOLDER",
            file=sys.stderr,
        )
        return 2
    result = MEASUREMENTS[args[0]](Path(args[1]))
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
