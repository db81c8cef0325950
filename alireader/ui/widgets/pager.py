"""A scrolling body (the help page, the load warnings) read with the reader pane's keys."""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll


class Pager(VerticalScroll):
    """:class:`VerticalScroll` (arrows, page up and down, home, end) with the letters the
    reader pane scrolls by too: j and k, space and shift+space, g and G."""

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
        Binding("space", "page_down", "Page down", show=False),
        Binding("shift+space", "page_up", "Page up", show=False),
        Binding("g", "scroll_home", "Top", show=False),
        Binding("G", "scroll_end", "Bottom", show=False),
    ]
