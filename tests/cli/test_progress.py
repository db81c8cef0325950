"""The CLI's progress bars: on a terminal a bar with counts that is erased when its phase ends;
into a pipe or a file, not one byte, and Rich is not even imported."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

from rich.console import Console

from alireader.progress import CliProgress
from tests.cli.helpers import run


def _terminal() -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=True, width=100, color_system=None), out


def test_a_forced_terminal_shows_the_bar_with_its_counts_and_erases_it() -> None:
    console, out = _terminal()
    progress = CliProgress(console, delay=0)
    with progress.phase("Loading", 3, "files") as phase:
        for _ in range(3):
            phase.advance()
    drawn = out.getvalue()
    assert progress.shown == 1
    assert "Loading" in drawn and "files" in drawn and "/3" in drawn
    assert drawn.startswith("\x1b[?25l")  # the cursor is hidden while the bar runs...
    assert drawn.rstrip("\r").endswith("\x1b[?25h")  # ...and shown again, the line erased


def test_a_quick_phase_shows_nothing() -> None:
    console, out = _terminal()
    progress = CliProgress(console, delay=3600)
    with progress.phase("Loading", 2) as phase:
        phase.advance(2)
    assert progress.shown == 0 and out.getvalue() == ""


def test_a_phase_without_counts_pulses_once_it_has_lasted() -> None:
    console, out = _terminal()
    progress = CliProgress(console, delay=0.001)
    phase = progress.phase("Finding copies", None)
    assert phase._timer is not None
    phase._timer.join()  # the bar is started by the timer, not by a count
    phase.close()
    assert progress.shown == 1 and "Finding copies" in out.getvalue()


def test_not_a_terminal_prints_nothing() -> None:
    stream = io.StringIO()
    progress = CliProgress(stream=stream, delay=0)
    with progress.phase("Loading", 2) as phase:
        phase.advance(2)
    assert not progress.enabled and progress.shown == 0 and stream.getvalue() == ""


def test_commands_into_pipes_print_no_progress_and_import_no_rich(seeds_dir: Path) -> None:
    script = (
        "import sys\n"
        "from alireader.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "assert 'rich' not in sys.modules, 'rich was imported'\n"
        "sys.exit(code)\n"
    )
    for command in (["search", "alibaba"], ["search", "alibaba", "--json"], ["entities", "--json"]):
        done = subprocess.run(
            [sys.executable, "-c", script, *command, "-C", str(seeds_dir)],
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "ALIREADER_PROGRESS_DELAY": "0"},
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        assert done.stderr == ""
    piped = run("list", "-C", str(seeds_dir), env={"ALIREADER_PROGRESS_DELAY": "0"})
    assert piped.returncode == 0 and piped.stderr == ""


def _run_with_terminal_stderr(*args: str) -> tuple[int, str, bytes]:
    """Run alireader with stderr on a pseudo-terminal and stdout into a pipe."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "alireader", *args],
        stdout=subprocess.PIPE,
        stderr=slave,
        env={**os.environ, "ALIREADER_PROGRESS_DELAY": "0", "COLUMNS": "100"},
    )
    os.close(slave)
    assert process.stdout is not None
    out = process.stdout.read().decode()
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return process.wait(timeout=60), out, b"".join(chunks)


def test_on_a_terminal_the_bar_goes_to_stderr_and_stdout_stays_clean(seeds_dir: Path) -> None:
    code, out, err = _run_with_terminal_stderr("list", "-C", str(seeds_dir))
    assert code == 0
    assert b"Loading" in err and b"/5" in err and b"files" in err
    assert err.rstrip(b"\r").endswith(b"\x1b[?25h")  # ended: cursor back, line erased
    assert "\x1b" not in out and out == run("list", "-C", str(seeds_dir)).stdout
