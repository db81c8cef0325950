"""Article text with styled stretches (search matches, entities), shown literally.

Offsets come from the core and point into the text as written. Making control characters
visible can change the length of a stretch (a C1 control becomes ``<0x9b>``), so the text is cut
at every mark boundary first and each piece made visible on its own: the marks stay on the
characters they were computed for.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from alireader.core.text import visible_controls

Mark = tuple[int, int, Style]
"""``(start, end, style)``: a stretch of the text to style."""

_FLATTEN = str.maketrans("\n\r\t\v\f", "     ")


def marked_text(
    text: str, marks: Sequence[Mark], base: Style | None = None, *, one_line: bool = False
) -> Text:
    """``text`` as a Rich ``Text`` with each mark's style over ``base``.

    Marks may come in any order; an overlapping mark is cut to start where the previous one
    ended. ``one_line`` turns line breaks and tabs into spaces (for a row of a list).
    """
    base = base or Style.null()
    result = Text(style=base, no_wrap=one_line, end="")
    position = 0
    for mark_start, mark_end, style in sorted(marks, key=lambda mark: (mark[0], mark[1])):
        start, end = max(mark_start, position), min(mark_end, len(text))
        if start >= end:
            continue
        _append(result, text[position:start], None, one_line)
        _append(result, text[start:end], style, one_line)
        position = end
    _append(result, text[position:], None, one_line)
    return result


def _append(result: Text, piece: str, style: Style | None, one_line: bool) -> None:
    if not piece:
        return
    if one_line:
        piece = piece.translate(_FLATTEN)
    result.append(visible_controls(piece), style)
