"""Progress bars for the command line's long phases, on stderr, and only on a terminal.

A phase (loading the files, reading the index words, extracting entities, finding copies)
shows a Rich bar with its counts and the time left, but only once it has lasted
:data:`DELAY` seconds: a command that finishes sooner prints nothing and never imports Rich,
so a quick ``alireader search`` stays quick. Into a pipe, a file or a test's captured stderr
nothing is ever printed: stdout and stderr stay exactly what scripts expect.

The bar is transient: when a phase ends its line is erased, so what remains on the terminal is
the command's output and its warnings.
"""

from __future__ import annotations

import os
import sys
import threading
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from types import TracebackType

    from rich.console import Console

DELAY = 0.5
"""Seconds a phase runs silently before its bar appears (``$ALIREADER_PROGRESS_DELAY``
overrides it: 0 shows every bar at once, as the tests do)."""


class Phase:
    """One long step: ``advance`` it as work is done, close it (or use ``with``) when over.

    Counting costs a few attribute updates: cheap enough to call per file or per chunk.
    """

    def __init__(
        self, owner: CliProgress | None, description: str, total: int | None, unit: str
    ) -> None:
        self.description = description
        self.total = total
        self.unit = unit
        self.done = 0
        self._owner = owner
        self._task: Any = None
        self._timer: threading.Timer | None = None
        self._closed = False

    def advance(self, amount: int = 1) -> None:
        """``amount`` more units are done."""
        self.done += amount
        owner = self._owner
        if owner is None:
            return
        if self._task is None and owner.delay <= 0:
            owner.show(self)
        elif self._task is not None:
            owner.update(self)

    def close(self) -> None:
        """The phase is over: its bar (if shown) is completed and erased."""
        if self._closed:
            return
        self._closed = True
        if self._timer is not None:
            self._timer.cancel()
        if self._owner is not None:
            self._owner.finish(self)

    def __enter__(self) -> Phase:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.close()

    def _start(self) -> None:
        owner = self._owner
        if owner is None:
            return
        if owner.delay <= 0:
            owner.show(self)
            return
        # A timer, not a check in advance(): a phase that cannot count (finding copies from
        # the cache) still gets its bar, as a pulse, once it has run long enough.
        self._timer = threading.Timer(owner.delay, owner.show, (self,))
        self._timer.daemon = True
        self._timer.start()


class CliProgress:
    """Where a command's phases report: a Rich bar on a terminal, nothing elsewhere.

    ``console`` forces the bar onto that console (tests inject one with
    ``force_terminal=True``); without it the bar goes to ``stream`` (default ``sys.stderr``)
    only when that is a terminal. ``delay``: how long a phase stays silent (0: at once).
    """

    def __init__(
        self,
        console: Console | None = None,
        *,
        stream: TextIO | None = None,
        delay: float | None = None,
    ) -> None:
        self._stream = sys.stderr if stream is None else stream
        self._console = console
        self.delay = _default_delay() if delay is None else delay
        self.enabled = console is not None or _is_terminal(self._stream)
        self._lock = threading.Lock()
        self._bar: Any = None
        self.shown = 0
        """How many phases showed a bar (for tests)."""

    def phase(self, description: str, total: int | None = None, unit: str = "files") -> Phase:
        """A new phase of ``total`` ``unit`` (None: unknown, shown as a pulse)."""
        phase = Phase(self if self.enabled else None, description, total, unit)
        phase._start()
        return phase

    def show(self, phase: Phase) -> None:
        """Put ``phase``'s bar on screen (imports Rich: called only once it is needed)."""
        with self._lock:
            if phase._closed or phase._task is not None:
                return
            bar = self._bar
            if bar is None:
                bar = self._bar = _make_bar(self._console or _stderr_console(self._stream))
                bar.start()
            phase._task = bar.add_task(
                phase.description, total=phase.total, completed=phase.done, unit=phase.unit
            )
            self.shown += 1

    def update(self, phase: Phase) -> None:
        """Redraw ``phase``'s counts."""
        with self._lock:
            if self._bar is not None and phase._task is not None:
                self._bar.update(phase._task, completed=phase.done)

    def finish(self, phase: Phase) -> None:
        """Complete and erase ``phase``'s bar; stop drawing once no bar is left."""
        with self._lock:
            bar = self._bar
            if bar is None or phase._task is None:
                return
            total = phase.total if phase.total is not None else phase.done
            bar.update(phase._task, total=total, completed=total)
            bar.remove_task(phase._task)
            if not bar.tasks:
                bar.stop()
                self._bar = None


def silent() -> CliProgress:
    """A progress that never shows anything (for callers with no terminal to speak of)."""
    return CliProgress(stream=_NoTerminal())  # type: ignore[arg-type]


class _NoTerminal:
    """A stream that is never a terminal."""

    def isatty(self) -> bool:
        return False


def _default_delay() -> float:
    try:
        return max(0.0, float(os.environ.get("ALIREADER_PROGRESS_DELAY", DELAY)))
    except ValueError:
        return DELAY


def _is_terminal(stream: Any) -> bool:
    if os.environ.get("TERM") == "dumb":
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _stderr_console(stream: TextIO) -> Console:
    from alireader.human import make_console

    return make_console(stream)


def _make_bar(console: Console) -> Any:
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[unit]}"),
        TimeRemainingColumn(),
        console=console,
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
