"""The characters the interface draws with, and their ASCII fallback (``ascii = true``).

The defaults are in every common terminal font (Latin-1, general punctuation and geometric
shapes); the ASCII set is for fonts and consoles that have none of them (the Linux console with
a minimal font, some serial terminals).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Glyphs:
    """Marks and decorations drawn by alireader's own widgets."""

    unread: str
    bookmark: str
    ellipsis: str
    menu: str
    bar_done: str
    bar_todo: str
    pointer: str
    score_done: str
    score_todo: str
    copies: str
    column_rule: str
    """Between the two columns of the diff view."""
    moved_up: str
    """A moved sentence whose other copy stands higher up in the diff view."""
    moved_down: str
    """A moved sentence whose other copy stands further down."""


GLYPHS = Glyphs(
    unread="●",
    bookmark="★",
    ellipsis="…",
    menu="≡",
    bar_done="█",
    bar_todo="░",
    pointer="▸",
    score_done="━",
    score_todo="─",
    copies="×",
    column_rule="│",
    moved_up="↑",
    moved_down="↓",
)
ASCII_GLYPHS = Glyphs(
    unread="*",
    bookmark="+",
    ellipsis="~",
    menu="=",
    bar_done="#",
    bar_todo="-",
    pointer=">",
    score_done="=",
    score_todo="-",
    copies="x",
    column_rule="|",
    moved_up="^",
    moved_down="v",
)
