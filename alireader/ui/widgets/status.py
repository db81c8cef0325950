"""Two one-line bars: the title bar (corpus and counts) and the loading line (progress).

Plain ``Static`` subclasses rather than Textual's ``Header`` and ``ProgressBar``: each of those
composes several child widgets with their own CSS, which measurably delays the first frame, and
one line of text says everything needed here.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from alireader.core.text import visible_controls
from alireader.ui.glyphs import GLYPHS, Glyphs

_BAR_CELLS = 20


class TitleBar(Static):
    """``≡ alireader · CORPUS · COUNTS`` at the top of the screen."""

    def show(self, corpus: str, counts: str) -> None:
        """Display the corpus name (shown literally: it can be any folder name) and counts."""
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        text = Text(f" {glyphs.menu} alireader · ", style="bold")
        text.append(visible_controls(corpus), style="bold")
        text.append(" · " + counts)
        self.update(text)


class LoadingLine(Static):
    """``Loading: N articles from D/T files ████░░░░ 42%`` while the corpus is read, then the
    search index's progress while it reads the bodies."""

    def show(self, done: int, total: int, articles: int) -> None:
        """Display the progress: ``done`` files read out of ``total``."""
        label = f"Loading: {articles:,} articles from {done:,}/{total:,} files "
        self._show(label, done, total)

    def show_indexing(self, done: int, total: int) -> None:
        """Display the search index's progress: ``done`` bodies read out of ``total``."""
        label = f"Indexing for search (titles are searchable now): {done:,}/{total:,} "
        self._show(label, done, total)

    def _show(self, label: str, done: int, total: int) -> None:
        share = done / total if total else 0.0
        filled = round(share * _BAR_CELLS)
        text = Text(label.replace(",", "\u202f"))
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        text.append(glyphs.bar_done * filled, style="bold")
        text.append(glyphs.bar_todo * (_BAR_CELLS - filled), style="dim")
        text.append(f" {share:4.0%}")
        self.update(text)
