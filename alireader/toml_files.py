"""Reading TOML files for alireader's config and themes, with errors people can act on.

tomllib reports a position for syntax errors only; for a valid file with a wrong key or value we
still want "FILE, line N", so :func:`key_lines` scans the text for the line of each key.
"""

from __future__ import annotations

import difflib
import json
import re
import sys
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from alireader.errors import AlireaderError

if sys.version_info >= (3, 11):  # noqa: UP036 - pyproject keeps tomli for older Pythons
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib


class InvalidValue(ValueError):
    """A value of the wrong type or out of range (internal: becomes a ConfigError)."""


def show_value(value: object) -> str:
    """A short TOML-ish rendering of a bad value for a message; never recursive (a deeply
    nested array would make ``repr`` raise RecursionError), never longer than a line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return json.dumps(text, ensure_ascii=False)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"a {type(value).__name__.replace('datetime', 'date-time')}"


class ConfigError(AlireaderError):
    """A config file that cannot be used. ``message`` is one sentence naming file, line and key."""

    title = "Configuration error"

    def __init__(
        self,
        message: str,
        *,
        path: Path | None = None,
        line: int | None = None,
        key: str | None = None,
        detail: str | None = None,
    ) -> None:
        super().__init__(message)
        self.detail = message if detail is None else detail
        """The message without the ``FILE, line N:`` prefix."""
        self.path = path
        self.line = line
        self.key = key


def config_error(detail: str, path: Path | None, line: int | None, key: str | None) -> ConfigError:
    """Build the one-sentence message: ``FILE, line N: detail.``"""
    where = "" if path is None else str(path)
    if line is not None:
        where = f"{where}, line {line}" if where else f"line {line}"
    detail = detail.rstrip(".")
    return ConfigError(
        f"{where}: {detail}." if where else f"{detail}.",
        path=path,
        line=line,
        key=key,
        detail=detail,
    )


# --------------------------------------------------------------------------------------------
# Line numbers: tomllib reports none for valid TOML, so scan the text for the key's line.

_KEY_PART = re.compile(r"""\s*(?:([A-Za-z0-9_-]+)|"((?:[^"\\]|\\.)*)"|'([^']*)')\s*""")


def _parse_key(text: str, start: int) -> tuple[tuple[str, ...], int] | None:
    """Dotted key parts at ``text[start:]`` and the index after them, or None."""
    parts: list[str] = []
    position = start
    while True:
        match = _KEY_PART.match(text, position)
        if match is None or match.end() == position:
            return None
        bare, basic, literal = match.groups()
        parts.append(bare if bare is not None else basic if basic is not None else literal)
        position = match.end()
        if position < len(text) and text[position] == ".":
            position += 1
            continue
        return tuple(parts), position


def key_lines(text: str) -> dict[tuple[str, ...], int]:
    """Map each key path written in ``text`` (tables and keys) to its first line (1-based).

    A scan, not a parser: good enough to point at the line of a key the parser accepted but
    alireader does not. Lines inside multi-line strings are skipped.
    """
    lines: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string is not None:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        stripped = line.lstrip()
        if stripped.startswith("["):
            array = stripped.startswith("[[")
            parsed = _parse_key(stripped, 2 if array else 1)
            if parsed is not None:
                table = parsed[0]
                _record(lines, table, number)
            continue
        parsed = _parse_key(stripped, 0)
        if parsed is None or not stripped[parsed[1] :].startswith("="):
            continue
        _record(lines, table + parsed[0], number)
        value = stripped[parsed[1] + 1 :]
        for quotes in ('"""', "'''"):
            if value.count(quotes) % 2 == 1:
                in_string = quotes
    return lines


def _record(lines: dict[tuple[str, ...], int], path: tuple[str, ...], number: int) -> None:
    """Note ``path``'s line, and its parents' (``[a.b.c]`` also writes ``a``): an unknown key
    may only ever appear as the head of a longer one. Parents past a few levels are never
    looked up, and recording them all would be quadratic in a pathologically deep header."""
    for length in range(1, min(len(path), 4)):
        lines.setdefault(path[:length], number)
    lines.setdefault(path, number)


def line_of(lines: Mapping[tuple[str, ...], int], path: tuple[str, ...]) -> int | None:
    """The line of ``path``, or of its nearest written parent (a key inside an inline table)."""
    for length in range(len(path), 0, -1):
        if path[:length] in lines:
            return lines[path[:length]]
    return None


# --------------------------------------------------------------------------------------------
# Reading


_TOML_POSITION = re.compile(
    r"^(?P<message>.*?) \((?:at line (?P<line>\d+), column (?P<column>\d+)|at end of document)\)$"
)


def parse_toml(text: str, path: Path | None) -> dict[str, Any]:
    """``tomllib.loads`` with its errors turned into one-sentence :class:`ConfigError` s.

    Shared with the themes loader so both report broken TOML the same way.
    """
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        match = _TOML_POSITION.match(str(error))
        if match is None:  # pragma: no cover - tomllib always adds the position
            raise config_error(f"this is not valid TOML: {error}", path, None, None) from None
        message = match["message"]
        message = message[:1].lower() + message[1:]
        if match["line"] is None:
            raise config_error(
                f"this is not valid TOML: {message} at the end of the file", path, None, None
            ) from None
        raise config_error(
            f"this is not valid TOML: {message} (column {match['column']})",
            path,
            int(match["line"]),
            None,
        ) from None
    except RecursionError:
        # Inline tables or arrays nested thousands deep exhaust tomllib's recursion.
        raise config_error(
            "this nests tables or arrays too deeply to be a config file", path, None, None
        ) from None


def read_toml_file(path: Path, given_by: str | None = None) -> tuple[str, dict[str, Any]]:
    """Read ``path`` as UTF-8 TOML; every failure is a :class:`ConfigError` naming the file."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        # A file the user named (--config, $ALIREADER_CONFIG) says so: a typo is likely there.
        given = f" (given by {given_by})" if given_by else ""
        raise config_error(f"no such file{given}", path, None, None) from None
    except OSError as error:
        raise config_error(
            f"cannot be read ({error.strerror or error})", path, None, None
        ) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise config_error("this is not UTF-8 text", path, line, None) from None
    return text, parse_toml(text, path)


def did_you_mean(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""
