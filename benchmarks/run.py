"""``python -m benchmarks``: generate (or reuse) the corpora and measure alireader on them.

    python -m benchmarks                      # 1k, 10k and 100k articles, every part
    python -m benchmarks --quick              # 1k and 10k only
    python -m benchmarks --sizes 1000,5000
    python -m benchmarks --parts search,reader

The parts: ``load`` (parsing, loading, ``list --json``: this module), and ``search``,
``entities``, ``duplicates``, ``reader``, ``app`` (``benchmarks/<part>.py``, each also runnable
alone and each printing its own JSON, which is nested here under its name; ``app`` is the whole
reader cold, warm and after touching files: heavy at 100k, keep it out of CI but a 1k smoke).

Prints one JSON summary on stdout; progress goes to stderr. Every measurement runs in a fresh
subprocess, reaped with ``os.wait4`` so its peak RSS is its own and not the maximum of every
child so far (which is all ``RUSAGE_CHILDREN`` can tell). What each figure means, and the
targets, are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.generate import corpus_folder, ensure_corpus, is_current, read_meta

REPO = Path(__file__).resolve().parent.parent
ALL_SIZES = (1_000, 10_000, 100_000)
QUICK_SIZES = (1_000, 10_000)
PARSE_TARGET_PER_S = 3000.0
CLI_TARGET_S = 5.0
CLI_TARGET_SIZE = 10_000


@dataclass(slots=True)
class ChildResult:
    """How one subprocess ended: its wall time, its own peak RSS, its stdout, or an error."""

    seconds: float
    peak_rss_mb: float
    stdout: str
    error: str | None


def _env() -> dict[str, str]:
    env = dict(os.environ)
    # Children import benchmarks.* and alireader from this checkout whatever the caller's cwd.
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH", "")]))
    env.setdefault("NO_COLOR", "1")
    return env


def run_child(command: list[str], timeout: float, capture: bool = True) -> ChildResult:
    """Run ``command``, wait for it with ``os.wait4`` and return its own resource usage.

    stdout is captured (or discarded when ``capture`` is false, as ``> /dev/null`` would);
    stderr goes to a temporary file so a chatty child can never block on a full pipe.
    """
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE if capture else subprocess.DEVNULL,
            stderr=errors,
        )
        timer = threading.Timer(timeout, process.kill)
        timer.start()
        try:
            stdout = process.stdout.read().decode("utf-8", "replace") if process.stdout else ""
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.stdout:
            process.stdout.close()
        error = None
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace").strip().splitlines()[-5:]
            reason = "killed after the time limit" if process.returncode < 0 else "failed"
            error = f"exit {process.returncode} ({reason}): " + " | ".join(tail)
    # ru_maxrss is in KiB on Linux.
    return ChildResult(seconds, round(usage.ru_maxrss / 1024, 1), stdout, error)


def _measure(kind: str, folder: Path, timeout: float) -> dict[str, object]:
    result = run_child([sys.executable, "-m", "benchmarks.child", kind, str(folder)], timeout)
    if result.error:
        return {"error": result.error}
    try:
        figures: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return {"error": f"unreadable output: {result.stdout[-200:]!r}"}
    figures["peak_rss_mb"] = result.peak_rss_mb  # as the kernel saw it, same as RUSAGE_SELF
    figures["process_s"] = round(result.seconds, 3)
    return figures


def _measure_cli(folder: Path, timeout: float) -> dict[str, object]:
    command = [sys.executable, "-m", "alireader", "list", "-C", str(folder), "--json"]
    result = run_child(command, timeout, capture=False)
    if result.error:
        return {"error": result.error}
    return {"seconds": round(result.seconds, 3), "peak_rss_mb": result.peak_rss_mb}


def _machine() -> dict[str, object]:
    cpu_model = None
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            cpu_model = next(
                (line.split(":", 1)[1].strip() for line in info if line.startswith("model name")),
                None,
            )
    except OSError:
        pass
    try:
        import alireader  # cheap: it imports no UI

        version: str | None = alireader.__version__
    except ImportError:
        version = None
    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None,
        "cpu_model": cpu_model,
        # The machine may be shared: a high load average makes every figure slower.
        "load_average_1m": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "platform": platform.platform(),
        "alireader_version": version,
    }


def measure_size(n: int) -> dict[str, object]:
    """Every figure for the corpus of ``n`` articles (generated first if needed)."""
    cached = is_current(corpus_folder(n), n)
    started = time.perf_counter()
    folder = ensure_corpus(n)
    generate_s = None if cached else time.perf_counter() - started
    meta = read_meta(folder) or {}
    timeout = 600 + n * 0.03
    corpus = {
        "path": str(folder),
        "files": meta.get("files"),
        "articles": meta.get("articles"),
        "distinct_words": meta.get("distinct_words"),
        "tokens": meta.get("tokens"),
        "bytes": meta.get("bytes"),
        "near_duplicates": len(pairs)
        if isinstance(pairs := meta.get("near_duplicates"), list)
        else None,
        "generator_version": meta.get("generator_version"),
        "generate_s": round(generate_s, 2) if generate_s is not None else None,
    }
    print(f"[{n:,}] parse_article ...", file=sys.stderr)
    parse = _measure("parse", folder, timeout)
    print(f"[{n:,}] load_corpus ...", file=sys.stderr)
    load = _measure("load", folder, timeout)
    print(f"[{n:,}] alireader list --json ...", file=sys.stderr)
    cli = _measure_cli(folder, timeout)
    figures = {
        "size": n,
        "parse_rate_per_s": parse.get("rate_per_s"),
        "load_rate_per_s": load.get("rate_per_s"),
        "load_s": load.get("seconds"),
        "peak_rss_mb": load.get("peak_rss_mb"),
        "cli_list_json_s": cli.get("seconds"),
        "corpus": corpus,
        "parse": parse,
        "load": load,
        "cli_list_json": cli,
    }
    print(
        f"[{n:,}] {json.dumps({k: v for k, v in figures.items() if not isinstance(v, dict)})}",
        file=sys.stderr,
    )
    return figures


def targets(results: list[dict[str, object]]) -> dict[str, object]:
    """Pass/fail against the targets; ``pass`` is null when the figure was not measured."""
    rates: list[tuple[float, object]] = []
    for result in results:
        rate = result.get("parse_rate_per_s")
        if isinstance(rate, (int, float)):
            rates.append((float(rate), result["size"]))
    # The worst size decides: the target holds at every corpus size, not on average.
    worst = min(rates, default=None)
    parse = {
        "target": f">= {PARSE_TARGET_PER_S:g} articles/s (parse_article, one core, worst size)",
        "measured": worst[0] if worst else None,
        "size": worst[1] if worst else None,
        "pass": worst[0] >= PARSE_TARGET_PER_S if worst else None,
    }
    at_10k = next((r for r in results if r["size"] == CLI_TARGET_SIZE), None)
    cli_s = at_10k.get("cli_list_json_s") if at_10k else None
    cli = {
        "target": f"< {CLI_TARGET_S:g} s (alireader list --json on {CLI_TARGET_SIZE:,} articles)",
        "measured": cli_s,
        "pass": cli_s < CLI_TARGET_S if isinstance(cli_s, (int, float)) else None,
    }
    verdicts = [parse["pass"], cli["pass"]]
    return {
        "parse_rate": parse,
        "cli_list_json_10k": cli,
        "all_pass": None if None in verdicts else all(verdicts),
    }


PARTS = ("load", "search", "entities", "duplicates", "reader", "app")
_PART_TIMEOUT = 4 * 3600


def _parts(text: str) -> tuple[str, ...]:
    parts = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [part for part in parts if part not in PARTS]
    if unknown or not parts:
        raise argparse.ArgumentTypeError(f"parts are among {', '.join(PARTS)}, not {text!r}")
    return parts


def _measure_part(part: str, sizes: tuple[int, ...]) -> object:
    """Run ``benchmarks/<part>.py`` on ``sizes`` in a child and return its JSON."""
    command = [sys.executable, "-m", f"benchmarks.{part}"]
    listed = ",".join(str(n) for n in sizes)
    if part == "entities":
        command += [] if 100_000 in sizes else ["--quick"]
    elif part == "reader":
        command += ["--sizes", *(str(n) for n in sizes if n >= 10_000)]
    elif part == "app":
        command += ["--sizes", *(str(n) for n in sizes)]
    else:
        command += ["--sizes", listed]
        if part == "search" and max(sizes) >= 100_000:
            command.append("--no-memory")  # tracemalloc over a 100k index takes minutes
    print(f"[{part}] {' '.join(command[1:])} ...", file=sys.stderr)
    result = run_child(command, _PART_TIMEOUT)
    if result.error is not None:
        return {"error": result.error}
    try:
        return json.loads(result.stdout)
    except ValueError:
        return {"error": "no JSON on its output", "output_tail": result.stdout[-500:]}


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(part.replace("_", "")) for part in text.split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of integers: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive integers")
    return sizes


def main(argv: list[str] | None = None) -> int:
    """Run the benchmarks and print the JSON summary."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks", description=__doc__.split("\n")[0]
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--sizes",
        type=_sizes,
        default=ALL_SIZES,
        help="comma-separated corpus sizes in articles (default: 1000,10000,100000)",
    )
    group.add_argument("--quick", action="store_true", help="1k and 10k articles only")
    parser.add_argument(
        "--parts",
        type=_parts,
        default=PARTS,
        help=f"comma-separated parts to run (default: {','.join(PARTS)})",
    )
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else args.sizes
    machine = _machine()
    summary: dict[str, object] = {
        "benchmark": "alireader",
        "started_load_average_1m": machine.pop("load_average_1m"),
        "machine": machine,
    }
    if "load" in args.parts:
        results = [measure_size(n) for n in sizes]
        summary["sizes"] = results
        summary["targets"] = targets(results)
    for part in args.parts:
        if part != "load":
            summary[part] = _measure_part(part, sizes)
    print(json.dumps(summary, ensure_ascii=False, indent=1))
    return 0
