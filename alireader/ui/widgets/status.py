"""Two one-line bars: the title bar (corpus and counts) and the loading line (progress).

Plain ``Static`` subclasses rather than Textual's ``Header`` and ``ProgressBar``: each of those
composes several child widgets with their own CSS, which measurably delays the first frame, and
one line of text says everything needed here.
"""

from __future__ import annotations

import time
from typing import Any

from rich.text import Text
from textual.widgets import Static

from alireader.core.text import visible_controls
from alireader.ui.glyphs import GLYPHS, Glyphs

_BAR_CELLS = 20
_ETA_AFTER_S = 2.0  # before this, a rate says little: no estimate yet


def _update_line(widget: Static, text: Text) -> None:
    """Show ``text`` in a one-line bar. A bar whose size its text cannot change (a fixed
    height, and a width that is not the text's) is repainted alone: a layout of the whole
    screen at each of the hundreds of progress updates of a large load cost the interface
    about 20 ms each, all of it competing with the indexing for the processor."""
    height, width = widget.styles.height, widget.styles.width
    sized_by_text = height is None or height.is_auto or (width is not None and width.is_auto)
    widget.update(text, layout=sized_by_text)


class TitleBar(Static):
    """``≡ alireader · CORPUS · COUNTS`` at the top of the screen."""

    def show(self, corpus: str, counts: str) -> None:
        """Display the corpus name (shown literally: it can be any folder name) and counts."""
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        text = Text(f" {glyphs.menu} alireader · ", style="bold")
        text.append(visible_controls(corpus), style="bold")
        text.append(" · " + counts)
        _update_line(self, text)


def eta_words(seconds: float) -> str:
    """``"40 s"``, ``"3 min"``: a remaining time as a person would say it."""
    if seconds < 60:
        return f"{max(5, round(seconds / 5) * 5)} s"
    return f"{round(seconds / 60)} min"


class LoadingLine(Static):
    """``Loading: N articles from D/T files ████░░░░ 42%`` while the corpus is read, then the
    search index's progress while it reads the bodies, each with an estimate of the time left."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._started: dict[str, float] = {}

    def show(self, done: int, total: int, articles: int) -> None:
        """Display the progress: ``done`` files read out of ``total``."""
        label = f"Loading: {articles:,} articles from {done:,}/{total:,} files "
        self._show("load", label, done, total)

    def show_indexing(self, done: int, total: int) -> None:
        """Display the body pass's progress: ``done`` bodies indexed out of ``total`` (for the
        search, the entities and the copies; titles are searchable meanwhile)."""
        label = f"Indexing text, entities, copies (titles searchable now): {done:,}/{total:,} "
        self._show("index", label, done, total)

    def _show(self, phase: str, label: str, done: int, total: int) -> None:
        share = done / total if total else 0.0
        filled = round(share * _BAR_CELLS)
        text = Text(label.replace(",", "\u202f"))
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        text.append(glyphs.bar_done * filled, style="bold")
        text.append(glyphs.bar_todo * (_BAR_CELLS - filled), style="dim")
        text.append(f" {share:4.0%}")
        left = self._eta(phase, done, total)
        if left:
            text.append(f" · {left}", style="dim")
        _update_line(self, text)

    def _eta(self, phase: str, done: int, total: int) -> str:
        """``about 2 min left`` once the phase has run long enough to tell."""
        now = time.monotonic()
        if done <= 0 or done >= total:
            # A phase that starts (again, after a reload) or ends is timed afresh next time:
            # an earlier run's start would make the estimate far too long.
            self._started[phase] = now
            return ""
        started = self._started.setdefault(phase, now)
        elapsed = now - started
        if elapsed < _ETA_AFTER_S:
            return ""
        return f"about {eta_words(elapsed / done * (total - done))} left"
