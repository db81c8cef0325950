"""Whole-app figures: cold start, warm start from the snapshot, and a warm start after touching
100 files, each in a fresh process over the same cache folder.

    python -m benchmarks.app                  # the generated 100k corpus
    python -m benchmarks.app --sizes 1000     # a smoke run (what CI may run, never 100k)
    python -m benchmarks.app --corpus DIR

Each run is a child process (``--child``) running the reader headless; it reports events on a
pipe as ``name seconds`` lines, seconds from the moment the parent started it (so imports and
the interpreter start count, as for a user):

* first_frame: after the first paint.
* list_usable: every article is in the list (``ReaderApp.loaded``).
* search_working: a search for a common word returns hits (the index is live, titles at least
  on a cold start, everything on a warm one).
* index_ready: every index built (search bodies, entities, copies) and, on a warm start, the
  folder checked and its changes applied (``ReaderApp.index_ready``).
* saved: the snapshot written (cold start, or a warm start that found changes).
* keystroke p50/p95 (``keystroke_*_ms``), with every index live, for queries typed into the
  search bar a key press at a time (``benchmarks.reader.time_keystrokes``: an ``events.Key``
  posted to the app as the terminal driver posts it; the next key once the results are on
  screen): ``painted``, from the key press until the frame showing its ranked results has been
  painted (composed headless: every visible row drawn with its snippet, not written to a
  terminal), which includes the 0-16.7 ms wait for Textual's next refresh tick; ``results``,
  until the results are in the list, before painting; ``core``, the core search alone
  (``LiveSearch.search`` in the worker) for the same key presses: ``painted`` minus ``core``
  is what the app adds. The reader pane follows the top result 0.15 s after typing settles:
  not part of any of these. Beside them, to tell work from waiting: ``core_cpu``, the worker
  thread's CPU time in that search (``core`` minus ``core_cpu`` is time the worker waited:
  for the interpreter lock or for a processor); ``ui_cpu``, the event loop thread's CPU time
  per key press until painted; ``keystroke_gc_ms`` and ``keystroke_full_gcs``, the garbage
  collector's CPU time and its full (generation 2) passes during all the key presses;
  ``keystroke_layouts``, layouts of the whole screen. ``--keystroke-log FILE`` appends the
  details per key press (each search's other threads' CPU time meanwhile, each collection).
* peak RSS of the app process and of its largest child (ru_maxrss), CPU seconds of the app and
  its children (user + system), the load average before and after.
* ``machine_before`` / ``machine_after``: the machine's speed just before the first run and
  just after the last (:func:`machine_speed`), since the same code's wall and CPU figures
  follow it.

Targets (issue 8): warm start to a usable list and working search under 2 s; cold full
indexing of 100k under 3 minutes; peak RSS under 2 GB.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

_TYPED = ("marche", "gouvernemnt francais", "title:economie", "@paris")
_TOUCHED = 100


class _KeystrokeProbe:
    """While keys are typed (``with probe:``): per core search (``LiveSearch.search`` in the
    app's worker), its wall time, the worker thread's CPU time and the other threads' CPU
    time meanwhile (what shares the interpreter lock with it); every collection of the garbage
    collector (generation, CPU seconds of the thread it ran in); layouts of the whole screen."""

    def __init__(self, index: Any, screen: Any) -> None:
        self.index, self.screen = index, screen
        self.wall: list[float] = []
        self.cpu: list[float] = []
        self.details: list[dict[str, Any]] = []
        self.collections: list[tuple[int, float]] = []
        self.layouts = 0
        self._gc_started = 0.0

    def _threads_cpu(self) -> dict[str, float]:
        import threading

        spent = {}
        for thread in threading.enumerate():
            with contextlib.suppress(OSError, ProcessLookupError, OverflowError):
                clock = time.pthread_getcpuclockid(thread.ident or 0)
                spent[thread.name] = time.clock_gettime(clock)
        return spent

    def _search(self, *args: Any, **kwargs: Any) -> Any:
        import threading

        before = self._threads_cpu()
        collected = len(self.collections)
        cpu, wall = time.thread_time(), time.perf_counter()
        found = self._original_search(*args, **kwargs)
        wall, cpu = time.perf_counter() - wall, time.thread_time() - cpu
        after = self._threads_cpu()
        me = threading.current_thread().name
        others = {
            name: round((after[name] - before[name]) * 1000, 2)
            for name in after
            if name in before and name != me and after[name] > before[name]
        }
        self.wall.append(wall)
        self.cpu.append(cpu)
        self.details.append(
            {
                "query": str(args[0]),
                "wall_ms": round(wall * 1000, 2),
                "cpu_ms": round(cpu * 1000, 2),
                "other_threads_cpu_ms": others,
                # The collector's passes meanwhile (generation, CPU ms), in any thread.
                "collections": [(g, round(c * 1000, 2)) for g, c in self.collections[collected:]],
            }
        )
        return found

    def _collected(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._gc_started = time.thread_time()
        else:
            self.collections.append((info["generation"], time.thread_time() - self._gc_started))

    def _layout(self, *args: Any, **kwargs: Any) -> Any:
        self.layouts += 1
        return self._original_layout(*args, **kwargs)

    def __enter__(self) -> _KeystrokeProbe:
        import gc

        self._original_search = self.index.search
        self.index.search = self._search
        self._original_layout = self.screen._refresh_layout
        self.screen._refresh_layout = self._layout
        gc.callbacks.append(self._collected)
        return self

    def __exit__(self, *_exc: object) -> None:
        import gc

        gc.callbacks.remove(self._collected)
        del self.screen._refresh_layout  # the class's method again
        del self.index.search

    def log(self, painted: list[float], ui_cpu: list[float]) -> dict[str, Any]:
        """Everything per key press, for a closer look (``--keystroke-log``)."""
        import gc
        import sys

        return {
            "switch_interval_s": sys.getswitchinterval(),
            "gc_frozen": gc.get_freeze_count(),
            "gc_tracked": len(gc.get_objects()),
            "collections": [(g, round(c * 1000, 2)) for g, c in self.collections],
            "painted_ms": [round(x * 1000, 1) for x in painted],
            "ui_cpu_ms": [round(x * 1000, 1) for x in ui_cpu],
            "searches": self.details,
        }


def _child(corpus: Path, signal_fd: int) -> None:
    started = float(os.environ["ALIREADER_BENCH_T0"])
    out = os.fdopen(signal_fd, "w", buffering=1)

    def report(name: str, value: float | None = None) -> None:
        out.write(f"{name} {time.time() - started if value is None else value:.6f}\n")

    import asyncio

    from alireader.ui.app import ReaderApp

    class Measured(ReaderApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            report("first_frame")
            self.run_worker(self._measure(), exclusive=False)

        async def _next_frame(self) -> None:
            painted = asyncio.Event()
            self.call_after_refresh(painted.set)
            await painted.wait()

        async def _measure(self) -> None:
            await self.loaded.wait()
            report("list_usable")
            report("articles", float(self.library.live))
            await self.search_ready.wait()  # waiting, not polling: polling took the CPU
            index = self.search_index
            assert index is not None
            found = len(index.search("marche", 5).hits)
            report("search_working")
            report("search_hits", float(found))
            report("from_snapshot", float(self.from_snapshot))
            await self.index_ready.wait()
            report("index_ready")
            # Where the app's own CPU went by then: this coroutine runs on the event loop's
            # thread, so thread_time() is what painting and message handling cost.
            ready = resource.getrusage(resource.RUSAGE_SELF)
            report("ready_cpu_s", ready.ru_utime + ready.ru_stime)
            report("ready_ui_cpu_s", time.thread_time())
            if not self.from_snapshot or "new" in self.status or "changed" in self.status:
                await self.snapshot_saved.wait()
                report("saved")
            report("changes_" + (self.status or "none").replace(" ", "_"), 0.0)
            offset = time.time() - started - time.monotonic()  # monotonic -> since start
            for phase, when in self.timings.items():
                report(f"phase_{phase}", when + offset)
            await self._keystrokes()
            self_usage = resource.getrusage(resource.RUSAGE_SELF)
            report("peak_rss_mb", self_usage.ru_maxrss / 1024)
            report("cpu_s", self_usage.ru_utime + self_usage.ru_stime)
            self.exit()

        async def _keystrokes(self) -> None:
            from benchmarks.reader import report_p50_p95, time_keystrokes

            index = self.search_index
            assert index is not None
            probe = _KeystrokeProbe(index, self.main)
            results: list[float] = []
            ui_cpu: list[float] = []
            with probe:
                painted = await time_keystrokes(
                    self.main, _TYPED, self._next_frame, results=results, ui_cpu=ui_cpu
                )
            report_p50_p95(report, "keystroke_painted", painted)
            report_p50_p95(report, "keystroke_results", results)
            report_p50_p95(report, "keystroke_core", probe.wall)
            report_p50_p95(report, "keystroke_core_cpu", probe.cpu)
            report_p50_p95(report, "keystroke_ui_cpu", ui_cpu)
            report("keystroke_gc_ms", sum(cpu for _gen, cpu in probe.collections) * 1000)
            report("keystroke_full_gcs", float(sum(g == 2 for g, _c in probe.collections)))
            report("keystroke_layouts", float(probe.layouts))
            log = os.environ.get("ALIREADER_BENCH_KEYSTROKE_LOG")
            if log:
                with open(log, "a", encoding="utf-8") as out_log:
                    out_log.write(json.dumps(probe.log(painted, ui_cpu)) + "\n")

    Measured([corpus]).run(headless=True)
    # The pool's workers have been joined: their figures are in RUSAGE_CHILDREN now.
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    report("children_peak_rss_mb", children.ru_maxrss / 1024)
    report("children_cpu_s", children.ru_utime + children.ru_stime)


def _run(corpus: Path, home: Path, timeout: float) -> dict[str, float]:
    read_fd, write_fd = os.pipe()
    env = {
        **{name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"},
        # Compiled modules kept, as an installed copy has them (pip compiles on install):
        # without them every start recompiles the app, ~0.3 s of CPU here.
        "XDG_DATA_HOME": f"{home}/data",
        "XDG_CONFIG_HOME": f"{home}/config",
        "XDG_CACHE_HOME": f"{home}/cache",
        "TEXTUAL_ANIMATIONS": "none",
        "ALIREADER_BENCH_T0": repr(time.time()),
    }
    command = [sys.executable, "-m", "benchmarks.app", "--child", "--corpus", str(corpus)]
    command += ["--signal-fd", str(write_fd)]
    child = subprocess.Popen(
        command, env=env, pass_fds=(write_fd,), stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, cwd=Path(__file__).resolve().parent.parent,
    )  # fmt: skip
    os.close(write_fd)
    from benchmarks.reader import collect_events  # not at the top: the child would import it

    return collect_events(read_fd, child, timeout)


def _figures(run: dict[str, float]) -> dict[str, Any]:
    keep = (
        "first_frame", "list_usable", "search_working", "index_ready", "saved",
        "keystroke_painted_p50_ms", "keystroke_painted_p95_ms", "keystroke_results_p50_ms",
        "keystroke_results_p95_ms", "keystroke_core_p50_ms", "keystroke_core_p95_ms",
        "keystroke_core_cpu_p50_ms", "keystroke_core_cpu_p95_ms", "keystroke_ui_cpu_p50_ms",
        "keystroke_ui_cpu_p95_ms", "keystroke_gc_ms", "keystroke_full_gcs", "keystroke_layouts",
        "peak_rss_mb", "children_peak_rss_mb",
        "cpu_s", "children_cpu_s", "ready_cpu_s", "ready_ui_cpu_s", "articles",
    )  # fmt: skip
    figures: dict[str, Any] = {name: round(run[name], 3) for name in keep if name in run}
    phases = {
        k.removeprefix("phase_"): round(v, 2) for k, v in run.items() if k.startswith("phase_")
    }
    if phases:
        figures["phases_s"] = phases
    figures["changes"] = next(
        (
            name.removeprefix("changes_").replace("_", " ")
            for name in run
            if name.startswith("changes_")
        ),
        None,
    )
    return figures


def _touch(corpus: Path, count: int) -> dict[Path, tuple[int, int]]:
    """Set the modification time of ``count`` files spread over the corpus to now (same
    content); their former times, to put back."""
    files = sorted(p for p in corpus.rglob("*") if p.is_file() and not p.name.startswith("."))
    step = max(1, len(files) // count)
    former = {}
    for path in files[::step][:count]:
        info = path.stat()
        former[path] = (info.st_atime_ns, info.st_mtime_ns)
        os.utime(path)
    return former


def _compile() -> None:
    """Compile the app's modules, so that even the cold run starts as an installed copy would
    (pip compiles on install; an editable checkout may have none compiled, or stale ones)."""
    import alireader

    package = str(Path(alireader.__file__).parent)
    subprocess.run([sys.executable, "-m", "compileall", "-q", package], check=True)


_SPEED_FILES = 3000


def machine_speed(corpus: Path, files: int = _SPEED_FILES, repeats: int = 5) -> dict[str, float]:
    """How fast this machine is right now, to read the other figures against: the CPU time to
    sketch (for copies) the bodies of the corpus's first ``files`` files, best of ``repeats``,
    in milliseconds per article. A fixed, single-threaded, CPU-bound piece of the app's own
    work: a virtual machine's processors can run twice as fast from one hour to the next (seen
    here: 0.15-0.17 ms an article on one host, 0.07-0.09 on another, for the same code)."""
    from alireader.core.corpus import discover, read_source
    from alireader.core.duplicates import sketch

    bodies = [
        article.body
        for source in discover([corpus]).files[:files]
        for article in read_source(source)[0]
    ]
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        for body in bodies:
            sketch(body)
        best = min(best, time.process_time() - started)
    return {"articles": len(bodies), "sketch_ms_per_article": round(best / len(bodies) * 1000, 4)}


def measure_app(corpus: Path, timeout: float = 3600, keep: Path | None = None) -> dict[str, Any]:
    """Cold start, warm start, warm start after touching 100 files, on ``corpus``; with
    ``keep``, in that folder (kept afterwards, and a cold run skipped if it holds a snapshot)."""
    result: dict[str, Any] = {"corpus": str(corpus)}
    former: dict[Path, tuple[int, int]] = {}
    with contextlib.ExitStack() as stack:
        if keep is None:
            home = stack.enter_context(tempfile.TemporaryDirectory(prefix="alireader-app-bench-"))
        else:
            home = str(keep)
        _compile()
        result["machine_before"] = machine_speed(corpus)
        runs = ["cold", "warm", f"warm_after_touching_{_TOUCHED}"]
        if keep is not None and list(Path(home, "cache", "alireader").glob("snapshot-*.bin")):
            runs = runs[1:]
        for name in runs:
            if name.startswith("warm_after"):
                former = _touch(corpus, _TOUCHED)
            load_before = os.getloadavg()[0]
            wall = time.perf_counter()
            run = _run(corpus, Path(home), timeout)
            figures = _figures(run)
            figures["wall_s"] = round(time.perf_counter() - wall, 2)
            figures["load_average_1m"] = [round(load_before, 2), round(os.getloadavg()[0], 2)]
            result[name] = figures
            print(f"[app] {corpus.name} {name}: {json.dumps(figures)}", file=sys.stderr)
        for path, times in former.items():  # the generated corpus is shared: put it back
            os.utime(path, ns=times)
        result["machine_after"] = machine_speed(corpus)
        snapshots = list(Path(home, "cache", "alireader").glob("snapshot-*.bin"))
        result["snapshot_mb"] = round(sum(p.stat().st_size for p in snapshots) / 2**20, 1)
        cache = Path(home, "cache", "alireader", "cache.sqlite3")
        result["article_cache_mb"] = (
            round(cache.stat().st_size / 2**20, 1) if cache.exists() else None
        )
    warm = result["warm"]
    cold = result.get("cold", {})
    result["targets"] = {
        "warm_list_and_search_under_2s": warm.get("search_working", 99) < 2.0,
        "cold_index_under_180s": cold.get("index_ready", 1e9) < 180,
        "peak_rss_under_2gb": max(r.get("peak_rss_mb", 0) for r in (cold, warm)) < 2048,
    }
    return result


def main(argv: list[str] | None = None) -> int:
    """Print the figures as JSON (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.app")
    parser.add_argument("--sizes", type=int, nargs="*", default=[100_000])
    parser.add_argument("--corpus", type=Path, action="append")
    parser.add_argument("--keep", type=Path, help="cache folder to use and keep (reruns warm)")
    parser.add_argument(
        "--keystroke-log", type=Path, help="append each run's per-key-press details (JSON lines)"
    )
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--signal-fd", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.corpus[0], args.signal_fd)
        return 0
    if args.keystroke_log:
        os.environ["ALIREADER_BENCH_KEYSTROKE_LOG"] = str(args.keystroke_log.resolve())
    corpora: list[Path] = list(args.corpus or [])
    if not corpora:
        from benchmarks.generate import ensure_corpus

        corpora = [ensure_corpus(n) for n in args.sizes]
    figures = {corpus.name: measure_app(corpus, keep=args.keep) for corpus in corpora}
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
