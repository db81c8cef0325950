"""What a warm start holds back until search works: the first article's body and entities.

A warm start of a large corpus is bound by the interpreter lock, not by the processors: the
load worker unpickles the snapshot's list and search index while the event loop draws the list,
and every other Python thread takes its turn from both. Reading the first article (the parser's
imports, then the parse) and finding its entities (the entity rules' imports and regular
expressions) cost a quarter of a second of that lock at 100k articles, all before search works.
So on a warm start they wait for the search index to be live (a moment after the list, which
the user reads first); on a cold start, or once the snapshot is read or given up, the gate is
open and nothing waits.

The load worker opens the gate after the search section, or when there is no usable
snapshot, and in a ``finally`` around its reading, so no thread waits for ever (before that
reading starts, no article is listed, so no read can be waiting).

The other way round, the snapshot is opened as early as can be (:class:`EarlyStart`): while the
app draws its first frame, other threads read and check the blocks the list and the search
will need, so that they are ready when the load worker starts unpickling.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from alireader.ui.bodies import BodyStore
from alireader.ui.entities import EntityExtractor

if TYPE_CHECKING:
    from alireader.core.entities import Entity
    from alireader.core.models import Article, ArticleSummary


_T = TypeVar("_T")


class EarlyStart(Generic[_T]):
    """``work`` run at once in a thread of its own, its result (or exception) handed to whoever
    :meth:`take` s it: the snapshot opened and its reading started while the first frame is
    drawn, rather than after it."""

    def __init__(self, work: Callable[[], _T], name: str) -> None:
        self._work = work
        self._result: tuple[bool, _T | BaseException] | None = None
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            self._result = (True, self._work())
        except BaseException as error:  # handed to the taker's thread
            self._result = (False, error)

    def take(self) -> _T:
        """The result, once the work is done (raises what it raised). Worker threads only."""
        self._thread.join()
        assert self._result is not None
        done, value = self._result
        if not done:
            assert isinstance(value, BaseException)
            raise value
        return value  # type: ignore[return-value]


class StartGate:
    """Closed while a warm start reads what search needs; open after (and on any failure)."""

    def __init__(self) -> None:
        self._open = threading.Event()

    @property
    def is_open(self) -> bool:
        """Whether work may go ahead now."""
        return self._open.is_set()

    def open(self) -> None:
        """Let every waiting thread go on (idempotent)."""
        self._open.set()

    def wait(self) -> None:
        """Return once the gate is open (at once when it is). Worker threads only."""
        self._open.wait()


class GatedBodies(BodyStore):
    """A :class:`BodyStore` whose :meth:`fetch` waits for the gate (:meth:`cached`, which
    reads no file, does not)."""

    def __init__(self, gate: StartGate, *, max_bytes: int | None = None) -> None:
        super().__init__(max_bytes=max_bytes)
        self.gate = gate

    def wait_until_ready(self) -> None:
        """Return once the gate is open."""
        self.gate.wait()

    def fetch(self, summary: ArticleSummary) -> Article | str:
        """:meth:`BodyStore.fetch`, once the gate is open."""
        self.gate.wait()
        return super().fetch(summary)


class GatedExtractor(EntityExtractor):
    """An :class:`EntityExtractor` that finds entities only once the gate is open (what it
    found before stays available at once: :meth:`cached`)."""

    def __init__(self, gate: StartGate, backend_name: str = "auto") -> None:
        super().__init__(backend_name)
        self.gate = gate

    def extract(self, key: str, body: str) -> list[Entity]:
        """:meth:`EntityExtractor.extract`, once the gate is open."""
        self.gate.wait()
        return super().extract(key, body)
