"""alireader's TOML themes in the running app: chosen at start, registered with Textual, switched
from the command palette, and remembered.

Which theme opens (first that applies): ``--theme`` or the config's ``theme``; under
``NO_COLOR`` the monochrome theme; the theme last chosen in the app; on a 16-colour terminal the
ANSI theme (so the terminal's own palette shows instead of RGB squeezed into 16 colours); else
the default. A theme that is missing or broken falls back with one notice, never a crash.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rich.style import Style
from textual.theme import Theme

from alireader.themes import (
    ANSI_THEME,
    DEFAULT_THEME,
    ThemeProblem,
    ThemeSpec,
    discover_themes,
    no_color,
    pick_theme,
)

# Rich's names for colour systems with 16 colours or fewer.
_FEW_COLOURS = frozenset({"standard", "windows"})


@dataclass(frozen=True)
class ThemeSetup:
    """The themes the app registers, the one it opens with, and what to tell the user."""

    specs: tuple[ThemeSpec, ...]
    initial: ThemeSpec
    notices: tuple[str, ...]
    ansi_color: bool | None
    """Passed to ``App(ansi_color=...)``: True under NO_COLOR, where Textual then strips every
    colour but keeps bold, italic, underline and reverse (its default would turn colours grey)."""
    configured: str | None
    """The theme the config or --theme names: it wins at start-up over a choice made in the app."""


def choose_theme(
    configured: str | None,
    remembered: str | None,
    environ: Mapping[str, str],
    color_system: str | None,
) -> ThemeSetup:
    """Discover the themes and decide which one the app opens with."""
    specs, problems = discover_themes()
    colourless = no_color(environ)
    notices = [_problem_notice(problem) for problem in problems]
    by_name = {spec.name: spec for spec in specs}
    requested = configured
    if requested is None and not colourless:
        if remembered in by_name:
            requested = remembered
        elif color_system in _FEW_COLOURS and ANSI_THEME in by_name:
            requested = ANSI_THEME
    spec, warning = pick_theme(specs, requested, colourless, problems)
    if warning:
        notices.append(warning)
    return ThemeSetup(
        specs=tuple(specs) or (spec,),
        initial=spec,
        notices=tuple(notices),
        ansi_color=True if colourless else None,
        configured=configured,
    )


def _problem_notice(problem: ThemeProblem) -> str:
    return f"Theme file skipped: {problem}"


def textual_theme(spec: ThemeSpec) -> Theme:
    """The Textual theme for ``spec`` (its base colours and variables)."""
    return Theme(**spec.textual_kwargs())


def rich_styles(spec: ThemeSpec) -> dict[str, Style]:
    """alireader's own styles of ``spec`` (``read``, ``unread``, ``PER``, ``diff-insert`` ...).

    The theme loader has validated every one, so parsing cannot fail here.
    """
    return {name: Style.parse(value) for name, value in spec.styles.items()}


def default_name(specs: Sequence[ThemeSpec]) -> str:
    """The default theme's name if it was loaded, else the first theme's."""
    names = [spec.name for spec in specs]
    return DEFAULT_THEME if DEFAULT_THEME in names else names[0]
