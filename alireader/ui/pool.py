"""Parse worker processes that can be started from inside the running app, and stay silent.

Two things stand in the way under Textual. ``sys.stderr`` is Textual's capture, whose
``fileno()`` is -1, and multiprocessing's resource tracker passes that descriptor to the process
it starts (``ValueError: bad value(s) in fds_to_keep``). And every child process inherits file
descriptors 0-2, which are the terminal the interface is drawn on (Textual writes its frames to
descriptor 2), so a warning or a traceback printed by a worker would land in the middle of the
screen.

So :func:`quiet_pool` starts the tracker while ``sys.stderr`` is a real file on ``os.devnull``,
uses the "spawn" start method (the app is threaded: forking it could copy a held lock), and has
every worker point its descriptors 0-2 at ``os.devnull`` before it does anything else.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from multiprocessing import resource_tracker


def silence_process() -> None:
    """Point this process's standard descriptors (and Python's streams) at ``os.devnull``."""
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        for fd in (0, 1, 2):
            os.dup2(devnull, fd)
    finally:
        os.close(devnull)
    # The Python-level streams already write to descriptors 1 and 2; only flush what they hold.
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            with contextlib.suppress(OSError, ValueError):
                stream.flush()


@contextlib.contextmanager
def real_stderr() -> Iterator[None]:
    """Make ``sys.stderr`` a real file (on ``os.devnull``) for the duration of the block."""
    saved = sys.stderr
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        sys.stderr = devnull
        try:
            yield
        finally:
            sys.stderr = saved


def quiet_pool(workers: int) -> Executor:
    """A spawn process pool of ``workers`` whose processes print nothing to the terminal.

    Raises :class:`OSError` or :class:`ValueError` when processes cannot be started here; the
    caller (:func:`alireader.core.corpus.map_chunks`) then parses in this process.
    """
    with real_stderr():
        # The tracker is started now, with a descriptor that exists, rather than lazily by the
        # first worker start (which happens in pool.map, outside this block).
        resource_tracker.ensure_running()
        return ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=silence_process,
        )
