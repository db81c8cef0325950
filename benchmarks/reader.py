"""Reader figures: time to first frame, full load, one cursor move and one page-down.

    python -m benchmarks.reader                    # seeds vs a minimal Textual app, then 10k, 100k
    python -m benchmarks.reader --sizes 10000      # only the seeds and the 10k corpus
    python -m benchmarks.reader --corpus DIR       # any folder

Each figure comes from a fresh child process (``--child``), so "first frame" includes the
interpreter start and every import, as a user sees it. The child is run two ways: Textual's
headless mode, and a real pseudo-terminal at 80x24 (the Linux driver, escape codes written to a
tty the parent drains). The child reports events on a pipe as ``name seconds`` lines, seconds
measured from the moment the parent started it.

* first frame: ``call_after_refresh`` from the screen's mount, i.e. after the first paint.
* loaded: every file read and every article in the list (``ReaderApp.loaded``).
* cursor move: ``ArticleList.action_cursor_down`` plus repainting the list's visible lines (the
  work a key press causes), median over 50 moves with the whole corpus loaded; also the time
  until the next frame is on screen (includes waiting for Textual's 60 fps refresh tick).
* page-down: ``ReaderPane.action_page_down`` on the longest article until the next frame.
* search index ready: every body read back and indexed (``ReaderApp.index_ready``).
* search keystroke: queries typed into the search bar a key press at a time (an ``events.Key``
  posted to the app, as the terminal driver does), with the whole index live; per key press
  (p50 and p95): the time until the frame showing its ranked results is painted (key handling,
  the search worker, the core search, the list's rows with their snippets, layout, compositing
  and the wait for Textual's next refresh tick), the time until the results are in the list
  (before painting), and the time until the first frame (the echo: typing never waits).
  See :func:`time_keystrokes`.
* peak RSS: the app process's maximum resident set (MB), and the largest parse worker's.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

_REPEATS = 5
_MOVES = 50
# Typed into the app's search bar: plain, typos and no accents, several words, operators.
_TYPED_QUERIES = ("marche", "gouvernemnt francais", "'paris !lyon", "title:economie")


# --- the child ---------------------------------------------------------------------------------


def _child(kind: str, corpus: Path | None, signal_fd: int, full: bool) -> None:
    started = float(os.environ["ALIREADER_BENCH_T0"])
    out = os.fdopen(signal_fd, "w", buffering=1)

    def report(name: str, value: float | None = None) -> None:
        elapsed = time.time() - started if value is None else value
        out.write(f"{name} {elapsed:.6f}\n")

    if kind == "minimal":
        from textual.app import App, ComposeResult
        from textual.widgets import Static

        class Minimal(App[None]):
            def compose(self) -> ComposeResult:
                yield Static("Hello")

            def on_mount(self) -> None:
                self.call_after_refresh(self._painted)

            def _painted(self) -> None:
                report("first_frame")
                self.exit()

        Minimal().run(headless=os.environ.get("ALIREADER_BENCH_HEADLESS") == "1")
        return

    from alireader.paths import bundled_seeds_dir
    from alireader.ui.app import ReaderApp

    class Measured(ReaderApp):
        def on_mount(self) -> None:
            super().on_mount()
            self.call_after_refresh(self._painted)

        def _painted(self) -> None:
            report("first_frame")
            if not full:
                self.exit()
                return
            self.run_worker(self._measure(), exclusive=False)

        async def _measure(self) -> None:
            await self.loaded.wait()
            report("loaded")
            await self._moves()
            await self._page_down()
            await self.index_ready.wait()
            report("index_ready")
            await self._keystrokes()
            import resource

            # ru_maxrss is in KiB on Linux. Children: the largest parse worker, if any ran.
            report("peak_rss_mb", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
            children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            report("workers_peak_rss_mb", children)
            self.exit()

        async def _next_frame(self) -> None:
            import asyncio

            painted = asyncio.Event()
            self.call_after_refresh(painted.set)
            await painted.wait()

        async def _moves(self) -> None:
            from textual.geometry import Region

            articles = self.main.article_list
            region = Region(0, 0, articles.size.width, articles.size.height)
            work, frames = [], []
            for _ in range(_MOVES):
                start = time.perf_counter()
                articles.action_cursor_down()
                articles.render_lines(region)  # what the compositor asks for
                work.append(time.perf_counter() - start)
                await self._next_frame()
                frames.append(time.perf_counter() - start)
            report("cursor_move_ms", statistics.median(work) * 1000)
            report("cursor_move_p95_ms", sorted(work)[int(len(work) * 0.95)] * 1000)
            report("cursor_move_to_frame_ms", statistics.median(frames) * 1000)

        async def _page_down(self) -> None:
            longest = max(range(len(self.library)), key=lambda i: self.library.articles[i].words)
            self.main.article_list.select_article(longest)
            self.main.reader.focus()
            reader = self.main.reader
            wanted = self.library.articles[longest].id
            # The body is parsed on demand in a worker: wait until the pane shows it.
            while reader.article is None or reader.article.id != wanted:
                await self._next_frame()
            await self._next_frame()
            await self._next_frame()
            times = []
            for _ in range(3):
                start = time.perf_counter()
                self.main.reader.action_page_down()
                await self._next_frame()
                times.append(time.perf_counter() - start)
            report("page_down_ms", statistics.median(times) * 1000)

        async def _keystrokes(self) -> None:
            to_frame: list[float] = []
            to_results: list[float] = []
            to_painted = await time_keystrokes(
                self.main, _TYPED_QUERIES, self._next_frame, frames=to_frame, results=to_results
            )
            report_p50_p95(report, "keystroke_painted", to_painted)
            report_p50_p95(report, "keystroke_results", to_results)
            report_p50_p95(report, "keystroke_frame", to_frame)

    paths = [corpus] if corpus is not None else [bundled_seeds_dir()]
    Measured(paths).run(headless=os.environ.get("ALIREADER_BENCH_HEADLESS") == "1")


async def time_keystrokes(
    screen: Any,
    queries: Sequence[str],
    next_frame: Callable[[], Awaitable[None]],
    *,
    frames: list[float] | None = None,
    results: list[float] | None = None,
    ui_cpu: list[float] | None = None,
) -> list[float]:
    """Type each of ``queries`` into the main screen's search bar, one key press per character
    (blank prefixes skipped, the bar cleared after each query), and return, per key press, the
    seconds until the frame that shows its ranked results has been painted.

    A key press is an ``events.Key`` posted to the app, as the terminal driver posts it: it
    goes through the app's key handling to the focused bar, whose change starts the search
    worker; the clock runs from posting it until ``call_after_refresh`` fires after the results
    of that text were put in the list (the frame composed, every visible row drawn, snippets
    included). The next key is pressed once that frame is painted: a typist slower than the app.
    With ``frames``, each key's time to its first painted frame (the echo of the character)
    is appended to it; with ``results``, its time until the results are in the list (before
    painting); with ``ui_cpu``, the CPU time the event loop's thread spent meanwhile. Shared
    by this benchmark and ``benchmarks.app``."""
    import asyncio

    from textual import events
    from textual.keys import _character_to_key

    painted = asyncio.Event()
    applied_at: list[float] = []
    original = screen._apply_search

    def apply(text: str, result: Any, keep: int | None) -> None:
        original(text, result, keep)
        if text == screen.query_text:
            applied_at.append(time.perf_counter())
            # After the frame that has these results: the screen runs this once it is painted.
            screen.call_after_refresh(painted.set)

    screen._apply_search = apply
    screen.search_bar.focus()
    await next_frame()
    to_painted: list[float] = []
    try:
        for query in queries:
            for end in range(1, len(query) + 1):
                if not query[:end].strip():
                    continue
                character = query[end - 1]
                painted.clear()
                applied_at.clear()
                start = time.perf_counter()
                cpu = time.thread_time()
                screen.app.post_message(events.Key(_character_to_key(character), character))
                if frames is not None:
                    await next_frame()
                    frames.append(time.perf_counter() - start)
                await painted.wait()
                to_painted.append(time.perf_counter() - start)
                if ui_cpu is not None:
                    ui_cpu.append(time.thread_time() - cpu)
                if results is not None:
                    results.append(applied_at[-1] - start)
            screen.search_bar.value = ""
            await next_frame()
    finally:
        screen._apply_search = original
    return to_painted


def report_p50_p95(report: Callable[[str, float], None], name: str, times: list[float]) -> None:
    """Report the median and 95th percentile of ``times`` (seconds) as ``NAME_p50_ms`` and
    ``NAME_p95_ms``."""
    ordered = sorted(times)
    report(f"{name}_p50_ms", statistics.median(ordered) * 1000)
    report(f"{name}_p95_ms", ordered[int(len(ordered) * 0.95)] * 1000)


# --- the parent --------------------------------------------------------------------------------


def _run_child(
    kind: str, corpus: Path | None, *, headless: bool, full: bool, timeout: float = 900
) -> dict[str, float]:
    read_fd, write_fd = os.pipe()
    with tempfile.TemporaryDirectory(prefix="alireader-bench-") as home:
        env = {
            **os.environ,
            "XDG_DATA_HOME": f"{home}/data",  # never the user's reading state
            "XDG_CONFIG_HOME": f"{home}/config",
            "XDG_CACHE_HOME": f"{home}/cache",
            "TEXTUAL_ANIMATIONS": "none",
            "TERM": "xterm-256color",
            "ALIREADER_BENCH_HEADLESS": "1" if headless else "0",
        }
        command = [sys.executable, "-m", "benchmarks.reader", "--child", kind]
        command += ["--signal-fd", str(write_fd)] + (["--full"] if full else [])
        if corpus is not None:
            command += ["--corpus", str(corpus)]
        master = None
        if headless:
            stdio: dict[str, Any] = {"stdin": subprocess.DEVNULL, "stdout": subprocess.DEVNULL}
        else:
            master, slave = pty.openpty()
            fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
            stdio = {"stdin": slave, "stdout": slave, "stderr": slave}
        env["ALIREADER_BENCH_T0"] = repr(time.time())
        child = subprocess.Popen(
            command, env=env, pass_fds=(write_fd,), cwd=Path(__file__).resolve().parent.parent,
            start_new_session=not headless, **stdio,
        )  # fmt: skip
        os.close(write_fd)
        drain = None
        if master is not None:
            os.close(stdio["stdout"])
            drain = threading.Thread(target=_drain, args=(master,), daemon=True)
            drain.start()
        results = collect_events(read_fd, child, timeout)
        if master is not None:
            os.close(master)
    return results


def collect_events(
    read_fd: int, child: subprocess.Popen[bytes], timeout: float
) -> dict[str, float]:
    """The ``name seconds`` lines a child writes on the pipe ``read_fd``, by name, read until
    it exits (its end of the pipe closes); then the child is reaped (killed after ``timeout``)."""
    results: dict[str, float] = {}
    with os.fdopen(read_fd) as events:
        for line in events:
            name, value = line.split()
            results[name] = float(value)
    try:
        child.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
    return results


def _drain(master: int) -> None:
    # A terminal that nobody reads fills up and blocks the app: read and discard.
    while True:
        try:
            ready, _, _ = select.select([master], [], [], 1.0)
            if ready and not os.read(master, 65536):
                return
        except OSError:
            return


def _median_first_frame(kind: str, corpus: Path | None, headless: bool) -> float:
    runs = [
        _run_child(kind, corpus, headless=headless, full=False)["first_frame"]
        for _ in range(_REPEATS)
    ]
    return round(statistics.median(runs), 3)


def measure_reader(corpus_dir: Path | None) -> dict[str, Any]:
    """The reader's figures on ``corpus_dir``, or on the bundled seeds when None.

    Seeds: median first frame (seconds) of the reader and of a minimal Textual app, measured in
    the same run, headless and under a pseudo-terminal, and their ratio. A corpus: first frame
    (both ways), then, headless, the full load time, one cursor move and one page-down.
    """
    if corpus_dir is None:
        result: dict[str, Any] = {"corpus": "seeds"}
        for mode, headless in (("headless", True), ("pty", False)):
            minimal = _median_first_frame("minimal", None, headless)
            reader = _median_first_frame("reader", None, headless)
            result[mode] = {
                "minimal_first_frame_s": minimal,
                "reader_first_frame_s": reader,
                "ratio": round(reader / minimal, 2),
            }
        return result
    full = _run_child("reader", corpus_dir, headless=True, full=True)
    pty_run = _run_child("reader", corpus_dir, headless=False, full=False)
    return {
        "corpus": str(corpus_dir),
        "first_frame_s": {
            "headless": round(full["first_frame"], 3),
            "pty": round(pty_run["first_frame"], 3),
        },
        "loaded_s": round(full["loaded"], 2),
        "cursor_move_ms": round(full["cursor_move_ms"], 3),
        "cursor_move_p95_ms": round(full["cursor_move_p95_ms"], 3),
        "cursor_move_to_frame_ms": round(full["cursor_move_to_frame_ms"], 2),
        "page_down_ms": round(full["page_down_ms"], 2),
        "search_index_ready_s": round(full["index_ready"], 2),
        "search_keystroke_to_painted_ms": {
            "p50": round(full["keystroke_painted_p50_ms"], 1),
            "p95": round(full["keystroke_painted_p95_ms"], 1),
        },
        "search_keystroke_to_results_ms": {
            "p50": round(full["keystroke_results_p50_ms"], 1),
            "p95": round(full["keystroke_results_p95_ms"], 1),
        },
        "search_keystroke_to_frame_ms": {
            "p50": round(full["keystroke_frame_p50_ms"], 1),
            "p95": round(full["keystroke_frame_p95_ms"], 1),
        },
        "peak_rss_mb": round(full["peak_rss_mb"], 1),
        "workers_peak_rss_mb": round(full["workers_peak_rss_mb"], 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Print the figures as JSON (see the module docstring)."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.reader")
    parser.add_argument("--sizes", type=int, nargs="*", default=[10_000, 100_000])
    parser.add_argument("--corpus", type=Path, action="append")
    parser.add_argument("--child", choices=("minimal", "reader"), help=argparse.SUPPRESS)
    parser.add_argument("--signal-fd", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--full", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        corpus = args.corpus[0] if args.corpus else None
        _child(args.child, corpus, args.signal_fd, args.full)
        return 0
    figures: dict[str, Any] = {"seeds": measure_reader(None)}
    corpora: list[Path] = list(args.corpus or [])
    if not args.corpus:
        from benchmarks.generate import ensure_corpus

        corpora = [ensure_corpus(n) for n in args.sizes]
    for corpus in corpora:
        figures[corpus.name] = measure_reader(corpus)
    print(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
