"""Theme files: bundled ``themes/*.toml`` and the user's ``$XDG_CONFIG_HOME/alireader/themes/``.

A theme file names Textual's base colours (``[colors]``), whether it is dark, optionally
``ansi = true`` (send ANSI colours to the terminal as they are) and ``[variables]`` (Textual
theme variables such as ``block-cursor-text-style``), and one Rich style per alireader mark
(``[styles]``: entity labels, diff rows, search matches, read state...).

Everything is validated when loaded, and a broken file never breaks the app: discovery turns it
into a :class:`ThemeProblem` (one sentence naming the file, line and key) and
:func:`pick_theme` falls back to the default theme with a warning.

This module imports Rich (to validate style strings) but never Textual, so ``alireader themes``
can list themes quickly; the UI turns a :class:`ThemeSpec` into a ``textual.theme.Theme`` with
``Theme(**spec.textual_kwargs())``.

Colours in ``[colors]`` and ``[variables]`` are what Textual parses, restricted to the forms
that mean the same everywhere: ``#rgb``, ``#rrggbb`` (with optional alpha digits), and the ANSI
names ``ansi_red`` ... ``ansi_bright_white``, ``ansi_default``. CSS names such as ``red`` are
refused on purpose: Textual reads ``red`` as the fixed colour #ff0000 while Rich reads it as the
terminal's ANSI red, and a theme author cannot guess which one they get. Styles in ``[styles]``
are Rich style strings (``"bold #e5c07b on #3e4451"``, ``"underline"``, ``"bold red"``), checked
with ``rich.style.Style.parse``.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from alireader.errors import AlireaderError
from alireader.paths import bundled_themes_dir, config_dir
from alireader.toml_files import (
    ConfigError,
    did_you_mean,
    key_lines,
    line_of,
    read_toml_file,
    show_value,
)

STYLE_KEYS = (
    "PER",
    "ORG",
    "LOC",
    "MISC",
    "DATE",
    "MONEY",
    "PERCENT",
    "diff-insert",
    "diff-delete",
    "diff-change",
    "diff-moved",
    "search-match",
    "read",
    "unread",
    "bookmark",
    "removed",
)
"""One Rich style per alireader mark; all are required in every theme."""

COLOR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "background",
    "surface",
    "panel",
    "foreground",
    "success",
    "warning",
    "error",
)
"""Textual's base colours; all are required so a theme never borrows another's by accident."""

TOP_KEYS = ("name", "dark", "ansi", "colors", "styles", "variables")
REQUIRED_TOP_KEYS = ("name", "dark", "colors", "styles")

DEFAULT_THEME = "alireader-dark"
MONOCHROME_THEME = "alireader-monochrome"
ANSI_THEME = "alireader-ansi"

ANSI_COLOR_NAMES = (
    "black",
    "red",
    "green",
    "yellow",
    "blue",
    "magenta",
    "cyan",
    "white",
    "bright_black",
    "bright_red",
    "bright_green",
    "bright_yellow",
    "bright_blue",
    "bright_magenta",
    "bright_cyan",
    "bright_white",
)
"""The 16 ANSI colours (Textual spells them ``ansi_NAME``, Rich plain ``NAME``)."""

TEXTUAL_ANSI_COLORS = frozenset({f"ansi_{name}" for name in ANSI_COLOR_NAMES} | {"ansi_default"})

_HEX_COLOR = re.compile(r"^#(?:[0-9a-fA-F]{3,4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})$")
_THEME_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_VARIABLE_NAME = re.compile(r"^[a-z][a-z0-9-]*$")

Origin = Literal["bundled", "user"]


@dataclass(frozen=True)
class ThemeSpec:
    """A validated theme file."""

    name: str
    dark: bool
    colors: Mapping[str, str]
    """Every key of :data:`COLOR_KEYS` -> a colour Textual parses."""
    styles: Mapping[str, str]
    """Every key of :data:`STYLE_KEYS` -> a Rich style string."""
    path: Path
    origin: Origin
    description: str = ""
    """The first line of the file's comment header, without the ``#``."""
    ansi: bool = False
    """Send ANSI colours to the terminal as ANSI codes (Textual's ``Theme.ansi``)."""
    variables: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    """Textual theme variables that override the generated ones (``block-cursor-text-style``)."""
    overrides: Path | None = None
    """For a user theme with a bundled theme's name: the bundled file it replaces."""

    def textual_kwargs(self) -> dict[str, Any]:
        """Keyword arguments for ``textual.theme.Theme`` (kept here so the UI needs no mapping)."""
        variables = dict(self.variables)
        if self.ansi:
            # Textual's ANSI colour system (design.py) does not generate these two, yet its own
            # CSS uses them (the inline screen, toggle buttons, trees): its built-in ansi-dark
            # and ansi-light themes set them by hand, so every ANSI theme must.
            variables.setdefault("ansi-background", "ansi_black" if self.dark else "ansi_white")
            variables.setdefault("ansi-foreground", "ansi_white" if self.dark else "ansi_black")
        return {
            "name": self.name,
            **dict(self.colors),
            "dark": self.dark,
            "ansi": self.ansi,
            "variables": variables,
        }


@dataclass(frozen=True)
class ThemeProblem:
    """What is wrong with one theme file; ``str()`` is one sentence naming file, line and key."""

    path: Path
    line: int | None
    key: str | None
    message: str

    def __str__(self) -> str:
        where = str(self.path) if self.line is None else f"{self.path}, line {self.line}"
        return f"{where}: {self.message.rstrip('.')}."


class ThemeError(AlireaderError):
    """A theme file that cannot be used; ``problems`` lists everything found, first line first."""

    title = "Theme error"

    def __init__(self, problems: Sequence[ThemeProblem]) -> None:
        self.problems = tuple(problems)
        self.problem = self.problems[0]
        more = len(self.problems) - 1
        message = str(self.problem)
        if more:
            message = f"{message[:-1]} (and {more} more problem{'s' if more > 1 else ''})."
        super().__init__(message)


def color_problem(value: object) -> str | None:
    """Why ``value`` is not a colour alireader accepts for Textual, or None if it is one."""
    if not isinstance(value, str):
        return f'{show_value(value)} is not a colour (colours are strings such as "#1e2127")'
    if _HEX_COLOR.match(value) or value in TEXTUAL_ANSI_COLORS:
        return None
    hint = "use #rgb, #rrggbb or an ANSI name such as ansi_blue"
    if value in ANSI_COLOR_NAMES:
        hint = f'for the terminal\'s own {value.replace("_", " ")}, write "ansi_{value}"'
    elif value.startswith("ansi_"):
        close = difflib.get_close_matches(value, sorted(TEXTUAL_ANSI_COLORS), n=1, cutoff=0.8)
        hint = "not one of the 16 ANSI colours" + (f"; did you mean '{close[0]}'?" if close else "")
    return f"{show_value(value)} is not a colour ({hint})"


def style_problem(value: object) -> str | None:
    """Why ``value`` is not a Rich style string, or None if Rich parses it."""
    from rich.errors import StyleSyntaxError
    from rich.style import Style

    if not isinstance(value, str):
        return f'{show_value(value)} is not a style (styles are strings such as "bold #e5c07b")'
    try:
        Style.parse(value)
    except StyleSyntaxError as error:
        reason = str(error).split(";")[0]
        if "ansi_" in value:
            reason += "; in styles, ANSI colours are written red, bright_blue ..."
        return f"{show_value(value)} is not a valid style ({reason})"
    return None


def _description(text: str) -> str:
    """The first line of the leading ``#`` comment block, without the ``#``."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            return ""
        content = stripped.lstrip("#").strip()
        if content:
            return content
    return ""


def load_theme_file(path: Path, origin: Origin) -> ThemeSpec:
    """Read and validate one theme file. Raises :class:`ThemeError` listing every problem."""
    try:
        text, data = read_toml_file(path)
    except ConfigError as error:
        raise ThemeError([ThemeProblem(path, error.line, error.key, error.detail)]) from None

    lines = key_lines(text)
    problems: list[ThemeProblem] = []

    def problem(message: str, key_path: tuple[str, ...]) -> None:
        problems.append(ThemeProblem(path, line_of(lines, key_path), ".".join(key_path), message))

    for key in data:
        if key not in TOP_KEYS:
            problem(f"unknown key '{key}'{did_you_mean(key, TOP_KEYS)}", (key,))
    for key in REQUIRED_TOP_KEYS:
        if key not in data:
            problems.append(ThemeProblem(path, None, key, f"missing key '{key}'"))

    name = data.get("name")
    if "name" in data and not (isinstance(name, str) and _THEME_NAME.match(name)):
        problem(
            "key 'name' must be a name of letters, digits, '-', '_' or '.', "
            f"not {show_value(name)}",
            ("name",),
        )
    for flag in ("dark", "ansi"):
        if flag in data and not isinstance(data[flag], bool):
            problem(f"key '{flag}' must be true or false, not {show_value(data[flag])}", (flag,))

    def table(section: str, required: tuple[str, ...] | None, check: Any) -> dict[str, str]:
        value = data.get(section, {})
        if not isinstance(value, dict):
            problem(
                f"key '{section}' must be a table ([{section}]), not {show_value(value)}",
                (section,),
            )
            return {}
        result: dict[str, str] = {}
        for key, item in value.items():
            dotted = f"{section}.{key}"
            if required is not None and key not in required:
                known = [f"{section}.{name}" for name in required]
                problem(f"unknown key '{dotted}'{did_you_mean(dotted, known)}", (section, key))
                continue
            if required is None and not _VARIABLE_NAME.match(key):
                problem(f"key '{dotted}' is not a Textual variable name", (section, key))
                continue
            reason = check(item)
            if reason is not None:
                problem(f"key '{dotted}': {reason}", (section, key))
                continue
            result[key] = item
        missing = [f"{section}.{key}" for key in required or () if key not in value]
        if missing and section in data:
            # One problem for the table, naming every key it lacks: a theme written for an
            # older version may lack many, and a notice each would bury the rest.
            if len(missing) == 1:
                message = f"missing key '{missing[0]}'"
            else:
                message = f"missing {len(missing)} keys: " + ", ".join(missing)
            problems.append(ThemeProblem(path, line_of(lines, (section,)), missing[0], message))
        return result

    colors = table("colors", COLOR_KEYS, color_problem)
    styles = table("styles", STYLE_KEYS, style_problem)
    variables = table("variables", None, _variable_problem)

    if problems:
        problems.sort(key=lambda item: (item.line is None, item.line or 0))
        raise ThemeError(problems)
    assert isinstance(name, str)  # checked above; narrows the type for mypy
    return ThemeSpec(
        name=name,
        dark=bool(data["dark"]),
        colors=MappingProxyType(colors),
        styles=MappingProxyType(styles),
        path=path,
        origin=origin,
        description=_description(text),
        ansi=bool(data.get("ansi", False)),
        variables=MappingProxyType(variables),
    )


def _variable_problem(value: object) -> str | None:
    """A ``[variables]`` value: a colour, or a short CSS value such as ``reverse`` or ``bold``.

    Textual checks the value only when it applies the theme, so this keeps to what can be
    checked cheaply: colours are validated like ``[colors]``, anything else must be a plain
    word list (``"bold reverse"``, ``"none"``, ``"#81a1c1 35%"``).
    """
    if not isinstance(value, str):
        return f"{show_value(value)} is not a string"
    first = value.split()[0] if value.split() else ""
    if first.startswith(("#", "ansi_")):
        reason = color_problem(first)
        if reason is not None:
            return reason
        rest = value.split()[1:]
        if rest and not (len(rest) == 1 and re.fullmatch(r"\d{1,3}%", rest[0])):
            return f"{show_value(value)} is not a colour with an optional opacity such as 50%"
        return None
    if not re.fullmatch(r"[a-z]+(?: [a-z]+)*", value):
        return f'{show_value(value)} is not a colour or a text style such as "bold reverse"'
    return None


def user_themes_dir() -> Path:
    """``$XDG_CONFIG_HOME/alireader/themes``: where the user's own theme files go."""
    return config_dir() / "themes"


def discover_themes(
    bundled_dir: Path | None = None, user_dir: Path | None = None
) -> tuple[list[ThemeSpec], list[ThemeProblem]]:
    """Every usable theme (bundled first, by file name) and every problem found on the way.

    A user theme with a bundled theme's name replaces it (``spec.overrides`` names the bundled
    file, for the listing). A broken file, or a second file claiming a name already taken in
    the same folder, becomes problems and is skipped: discovery never raises for a theme.
    """
    bundled_dir = bundled_themes_dir() if bundled_dir is None else bundled_dir
    user_dir = user_themes_dir() if user_dir is None else user_dir
    found: dict[str, ThemeSpec] = {}
    problems: list[ThemeProblem] = []
    origins: tuple[tuple[Path, Origin], ...] = ((bundled_dir, "bundled"), (user_dir, "user"))
    for folder, origin in origins:
        try:
            paths = sorted(path for path in folder.glob("*.toml") if path.is_file())
        except OSError:  # an unreadable folder is as good as an empty one
            paths = []
        for path in paths:
            try:
                spec = load_theme_file(path, origin)
            except ThemeError as error:
                problems.extend(error.problems)
                continue
            previous = found.get(spec.name)
            if previous is not None and previous.origin == origin:
                problems.append(
                    ThemeProblem(
                        path,
                        line_of(key_lines(path.read_text("utf-8-sig")), ("name",)),
                        "name",
                        f"theme name '{spec.name}' is already used by {previous.path}",
                    )
                )
                continue
            if previous is not None:
                spec = replace(spec, overrides=previous.path)
            found[spec.name] = spec
    return list(found.values()), problems


def no_color(environ: Mapping[str, str]) -> bool:
    """Whether ``NO_COLOR`` asks for no colour. Present at all counts, even empty, because that
    is when Textual strips colours (``App.__init__``), and the theme has to match what shows."""
    return "NO_COLOR" in environ


def pick_theme(
    specs: Sequence[ThemeSpec],
    requested: str | None,
    no_color: bool,
    problems: Sequence[ThemeProblem] = (),
) -> tuple[ThemeSpec, str | None]:
    """The theme to use, and a one-sentence warning when it is not the one asked for.

    ``requested`` (from ``--theme`` or the config) wins when it exists; a missing or broken one
    falls back to :data:`DEFAULT_THEME`. Under ``NO_COLOR`` the monochrome theme is used
    whatever was requested, since Textual removes every colour anyway and only the monochrome
    theme marks things without them. Passing the discovery ``problems`` lets the warning say
    that the requested theme's file is broken rather than missing.
    """
    by_name = {spec.name: spec for spec in specs}
    fallback = by_name.get(DEFAULT_THEME) or (specs[0] if specs else fallback_theme())
    if no_color:
        mono = by_name.get(MONOCHROME_THEME, fallback)
        if requested is not None and requested != mono.name:
            return (
                mono,
                f"NO_COLOR is set, so alireader uses the {mono.name} theme, not '{requested}'.",
            )
        return mono, None
    if requested is None:
        return fallback, None
    if requested in by_name:
        return by_name[requested], None
    broken = [problem for problem in problems if problem.path.stem == requested]
    if broken:
        return (
            fallback,
            f"Theme '{requested}' cannot be used ({str(broken[0]).rstrip('.')});"
            f" alireader falls back to {fallback.name}.",
        )
    hint = did_you_mean(requested, by_name)
    return (
        fallback,
        f"There is no theme '{requested}'{hint}; alireader falls back to {fallback.name}.",
    )


def fallback_theme() -> ThemeSpec:
    """The default dark theme built in code: used only when no theme file can be read at all
    (a broken installation), so the app still starts. A test keeps it equal to default.toml."""
    return ThemeSpec(
        name=DEFAULT_THEME,
        dark=True,
        colors=MappingProxyType(dict(_FALLBACK_COLORS)),
        styles=MappingProxyType(dict(_FALLBACK_STYLES)),
        variables=MappingProxyType(dict(_FALLBACK_VARIABLES)),
        path=bundled_themes_dir() / "default.toml",
        origin="bundled",
        description="alireader default: a calm dark theme for long reading sessions.",
    )


_FALLBACK_VARIABLES = (("block-cursor-foreground", "#1e2127"),)

_FALLBACK_COLORS = (
    ("primary", "#61afef"),
    ("secondary", "#c678dd"),
    ("accent", "#e5c07b"),
    ("background", "#1e2127"),
    ("surface", "#262a31"),
    ("panel", "#2c313a"),
    ("foreground", "#d7dae0"),
    ("success", "#98c379"),
    ("warning", "#e5c07b"),
    ("error", "#e06c75"),
)
_FALLBACK_STYLES = (
    ("PER", "bold #e5c07b"),
    ("ORG", "bold #61afef"),
    ("LOC", "bold #98c379"),
    ("MISC", "#c678dd"),
    ("DATE", "#56b6c2"),
    ("MONEY", "#d19a66"),
    ("PERCENT", "#d19a66"),
    ("diff-insert", "#98c379 on #2b3a2b"),
    ("diff-delete", "#e06c75 on #3a2b2e"),
    ("diff-change", "#e5c07b on #3a3526"),
    ("diff-moved", "italic #56b6c2"),
    ("search-match", "bold #1e2127 on #e5c07b"),
    ("read", "#7f848e"),
    ("unread", "bold #d7dae0"),
    ("bookmark", "#e5c07b"),
    ("removed", "italic #7f848e"),
)


def theme_listing(specs: Sequence[ThemeSpec], problems: Sequence[ThemeProblem]) -> dict[str, Any]:
    """The JSON shape of ``alireader themes --json``: ``{"themes": [...], "problems": [...]}``."""
    return {
        "themes": [
            {
                "name": spec.name,
                "origin": spec.origin,
                "dark": spec.dark,
                "ansi": spec.ansi,
                "path": str(spec.path),
                "description": spec.description,
                "overrides": None if spec.overrides is None else str(spec.overrides),
            }
            for spec in specs
        ],
        "problems": [
            {
                "path": str(problem.path),
                "line": problem.line,
                "key": problem.key,
                "message": str(problem),
            }
            for problem in problems
        ],
    }
