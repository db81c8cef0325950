"""Component styles for widgets that draw their own lines."""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


def text_style(widget: Widget, component: str) -> Style:
    """The colour and text style of ``component``, without a background.

    Not ``get_component_rich_style(partial=True)``: a partial style leaves "auto" colours such
    as ``$text-muted`` unresolved, and they come out white, invisible on a light theme. The full
    style blends them against the real background; only its background is dropped, so the
    caller's (a cursor row's, say) shows through.
    """
    full = widget.get_component_rich_style(component)
    return Style(
        color=full.color,
        bold=full.bold,
        dim=full.dim,
        italic=full.italic,
        underline=full.underline,
        strike=full.strike,
        reverse=full.reverse,
    )
