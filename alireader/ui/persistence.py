"""Reading state off the event loop: a single background thread writes to the StateStore.

SQLite writes are quick, but one can wait up to the busy timeout when another instance holds the
lock, so the app never calls the store from the event loop. One thread keeps the writes in the
order they were made (a toggle then an untoggle must not be swapped).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, ParamSpec

if TYPE_CHECKING:
    from alireader.state import StateStore

_log = logging.getLogger(__name__)
P = ParamSpec("P")


class StateWriter:
    """Runs :class:`StateStore` writes in order on one background thread."""

    def __init__(self, store: StateStore, on_error: Callable[[str], None] | None = None) -> None:
        """Wrap ``store``; ``on_error`` is called (from the writer thread) with each new
        failure sentence, so the app can show it once."""
        self.store = store
        self.on_error = on_error
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="alireader-state")
        self._closed = False
        self._reported_error: str | None = None

    @classmethod
    def open(
        cls, path: Path | None = None, on_error: Callable[[str], None] | None = None
    ) -> tuple[StateWriter, tuple[str, ...]]:
        """Open the store (blocking: call from a worker) and the notices to show the user."""
        from alireader.state import StateStore  # sqlite3 and friends: not on the start-up path

        result = StateStore.open(path)
        return cls(result.store, on_error), result.notices

    def submit(self, write: Callable[P, None], *args: P.args, **kwargs: P.kwargs) -> None:
        """Queue ``write(*args)``; ignored once closed (the app is going away)."""
        if self._closed:
            return
        future: Future[None] = self._executor.submit(write, *args, **kwargs)
        future.add_done_callback(self._after_write)

    def _after_write(self, future: Future[None]) -> None:
        error = future.exception()
        if error is not None:
            # StateStore never raises for disk problems; anything else is a bug worth a log.
            _log.error("state write failed: %s", error, exc_info=error)
        message = self.store.last_error
        if message is not None and message != self._reported_error:
            self._reported_error = message
            if self.on_error is not None:
                self.on_error(message)

    def close(self) -> None:
        """Finish the queued writes, then close the store."""
        if self._closed:
            return
        self._closed = True
        self._executor.shutdown(wait=True)
        self.store.close()
