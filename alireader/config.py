"""The user's settings: one TOML file read into frozen dataclasses, strictly.

Where the file is (:func:`config_path`): ``--config FILE``, else ``$ALIREADER_CONFIG``, else
``$XDG_CONFIG_HOME/alireader/config.toml`` when it exists; no file at all means every default.

What it may say is declared once, in :data:`KEYS`: the loader, the ``alireader config``
listing (:func:`describe`) and the commented example (:func:`example_config`) are all built from
that one table, so the documentation cannot drift from what is accepted.

Strict on purpose: an unknown key or a value of the wrong type is a :class:`ConfigError` whose
message is one sentence naming the file, the line and the key. A typo that silently did nothing
("widht = 100") would be worse than refusing to start.

This module is pure: it imports neither Textual nor Rich, so the CLI can read settings cheaply.
"""

from __future__ import annotations

import json
import math
import os
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, NoReturn, cast

from alireader.limits import DEFAULT_MAX_DISPLAY_KB
from alireader.paths import config_dir

if TYPE_CHECKING:
    from alireader.keymap import keymap_key, normalize_key, validate_keymap
    from alireader.toml_files import (
        ConfigError,
        key_lines,
        line_of,
        parse_toml,
        read_toml_file,
    )

# The TOML reader and the key checks are imported when a file is read: most runs have no
# config file, and every command (a quick ``alireader search``) starts by loading settings.
_REEXPORTED = {
    "ConfigError": "alireader.toml_files",
    "key_lines": "alireader.toml_files",
    "line_of": "alireader.toml_files",
    "parse_toml": "alireader.toml_files",
    "read_toml_file": "alireader.toml_files",
    "keymap_key": "alireader.keymap",
    "normalize_key": "alireader.keymap",
    "validate_keymap": "alireader.keymap",
}


def __getattr__(name: str) -> Any:
    """The names this module re-exports from :mod:`alireader.toml_files` and
    :mod:`alireader.keymap`, imported on first use."""
    module = _REEXPORTED.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def _invalid() -> NoReturn:
    from alireader.toml_files import InvalidValue

    raise InvalidValue


if sys.version_info >= (3, 11):  # noqa: UP036 - pyproject keeps tomli for older Pythons
    pass
else:  # pragma: no cover
    pass

CONFIG_FILE_NAME = "config.toml"
ENV_VAR = "ALIREADER_CONFIG"
FLAG_ORIGIN = "--config"
DEFAULT_SOURCE = "default"

EntitiesBackend = Literal["auto", "builtin", "spacy"]
ENTITIES_BACKENDS: tuple[EntitiesBackend, ...] = ("auto", "builtin", "spacy")


# --------------------------------------------------------------------------------------------
# The settings object


def _empty_keymap() -> Mapping[str, str]:
    return MappingProxyType({})


@dataclass(frozen=True)
class ReaderSettings:
    """How the reader pane lays out an article."""

    width: int = 80
    """Column width of the article text (40..200); wider terminals centre it."""
    max_display_kb: int = DEFAULT_MAX_DISPLAY_KB
    """Articles over this many KiB show their first part and a "show anyway" notice."""


@dataclass(frozen=True)
class SearchSettings:
    """Fuzzy search defaults."""

    limit: int = 20
    """How many hits ``alireader search`` prints when ``--limit`` is not given (1..10000)."""


@dataclass(frozen=True)
class EntitiesSettings:
    """Named-entity extraction."""

    backend: EntitiesBackend = "auto"
    """``builtin`` rules, ``spacy`` (needs the ``nlp`` extra) or ``auto`` (spaCy if installed)."""


@dataclass(frozen=True)
class DuplicatesSettings:
    """Near-duplicate detection."""

    threshold: float = 0.8
    """Similarity (0..1) from which two articles count as copies of one story."""


@dataclass(frozen=True)
class Settings:
    """Everything the config file can set. Frozen: settings are read once and passed down."""

    corpus: tuple[Path, ...] = ()
    """Files or folders opened when no PATH is given (absolute, ``~`` expanded)."""
    theme: str | None = None
    """Theme name; None means the default (or the monochrome theme under ``NO_COLOR``)."""
    ascii: bool = False
    """Draw borders and marks with ASCII only, for fonts that lack box-drawing characters."""
    max_file_mb: float = 20.0
    """Files larger than this (in MiB) are skipped with a warning rather than loaded."""
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    search: SearchSettings = field(default_factory=SearchSettings)
    entities: EntitiesSettings = field(default_factory=EntitiesSettings)
    duplicates: DuplicatesSettings = field(default_factory=DuplicatesSettings)
    keymap: Mapping[str, str] = field(default_factory=_empty_keymap)
    """Binding id -> comma-separated keys, e.g. ``{"article.next": "n,ctrl+n"}`` (read-only)."""

    @property
    def max_bytes(self) -> int:
        """:attr:`max_file_mb` in bytes: the size limit as the loaders take it."""
        return int(self.max_file_mb * 1024 * 1024)


@dataclass(frozen=True)
class LoadedSettings:
    """Settings together with where they came from, for ``alireader config`` and error messages.

    ``sources`` maps every dotted key (``reader.width``, ``keymap."article.next"``) to
    ``"default"``, the config file's path, or whatever the caller overrode it with
    (``"--theme"``). ``lines`` maps the dotted keys found in the file to their line numbers, so
    later checks (the keymap against the UI's binding ids) can still name the line.
    """

    settings: Settings
    path: Path | None = None
    sources: Mapping[str, str] = field(default_factory=_empty_keymap)
    lines: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))

    def check_keymap(
        self, known: Mapping[str, str], scopes: Mapping[str, str] | None = None
    ) -> None:
        """:func:`validate_keymap` on this file's ``[keymap]``, naming the file and line."""
        from alireader.keymap import validate_keymap

        validate_keymap(self.settings.keymap, known, scopes, path=self.path, lines=self.lines)


# --------------------------------------------------------------------------------------------
# Value converters: each takes the raw TOML value (and the config file's folder for paths)
# and returns the typed value or raises InvalidValue. ``expected`` is the phrase in the message.


def _integer(low: int, high: int) -> Callable[[object, Path | None], int]:
    def convert(value: object, _base: Path | None) -> int:
        # bool is an int subclass; "true" is not a width.
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            _invalid()
        return value

    return convert


def _number(
    low: float, high: float | None, *, low_open: bool = False
) -> Callable[[object, Path | None], float]:
    def convert(value: object, _base: Path | None) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            _invalid()
        number = float(value)
        if not math.isfinite(number) or number < low or (low_open and number == low):
            _invalid()
        if high is not None and number > high:
            _invalid()
        return number

    return convert


def _boolean(value: object, _base: Path | None) -> bool:
    if not isinstance(value, bool):
        _invalid()
    return value


def _name(value: object, _base: Path | None) -> str:
    if not isinstance(value, str) or not value.strip():
        _invalid()
    return value.strip()


def _choice(options: tuple[str, ...]) -> Callable[[object, Path | None], str]:
    def convert(value: object, _base: Path | None) -> str:
        if not isinstance(value, str) or value not in options:
            _invalid()
        return value

    return convert


def _paths(value: object, base: Path | None) -> tuple[Path, ...]:
    # One string is accepted as a one-element list: `corpus = "~/news"` is what people write.
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(item, str) and item for item in items):
        _invalid()
    result = []
    for item in cast(list[str], items):
        path = Path(item).expanduser()
        # Relative to the config file, not to wherever alireader happens to be started.
        if not path.is_absolute() and base is not None:
            path = base / path
        result.append(path)
    return tuple(result)


@dataclass(frozen=True)
class ConfigKey:
    """One key the config file may set: its dotted name, type phrase, converter and docs."""

    dotted: str
    expected: str
    convert: Callable[[object, Path | None], Any]
    doc: str
    example: str
    """A TOML value for the example config (the default, or a sample when the default is empty)."""

    @property
    def section(self) -> str | None:
        """The ``[section]`` the key lives in, or None for a top-level key."""
        head, _, _ = self.dotted.rpartition(".")
        return head or None

    @property
    def name(self) -> str:
        """The key's name inside its section."""
        return self.dotted.rpartition(".")[2]


KEYS: tuple[ConfigKey, ...] = (
    ConfigKey(
        "corpus",
        "a path or an array of paths",
        _paths,
        "Files or folders to open when alireader is started without a PATH. '~' is expanded;\n"
        "relative paths are relative to this file's folder. Empty: the bundled seed articles.",
        '["~/news", "archive"]',
    ),
    ConfigKey(
        "theme",
        "a theme name",
        _name,
        "Theme name (see `alireader themes`). Unset: alireader-dark, or alireader-monochrome\n"
        "when NO_COLOR is set. --theme NAME overrides it for one run.",
        '"alireader-dark"',
    ),
    ConfigKey(
        "ascii",
        "true or false",
        _boolean,
        "Draw borders and marks with plain ASCII characters, for fonts without box drawing.",
        "false",
    ),
    ConfigKey(
        "max_file_mb",
        "a number greater than 0",
        _number(0.0, None, low_open=True),
        "Files larger than this many MiB are skipped with a warning instead of being loaded.",
        "20",
    ),
    ConfigKey(
        "reader.width",
        "an integer from 40 to 200",
        _integer(40, 200),
        "Width of the article text in columns; wider terminals centre it.",
        "80",
    ),
    ConfigKey(
        "reader.max_display_kb",
        "an integer from 16 to 1048576",
        _integer(16, 1_048_576),
        "Articles longer than this many KiB show their first part, with a notice and a key\n"
        "to show all of it (f in the reader, --full for `alireader show`).",
        str(DEFAULT_MAX_DISPLAY_KB),
    ),
    ConfigKey(
        "search.limit",
        "an integer from 1 to 10000",
        _integer(1, 10_000),
        "How many hits `alireader search` prints when --limit is not given.",
        "20",
    ),
    ConfigKey(
        "entities.backend",
        'one of "auto", "builtin" or "spacy"',
        _choice(ENTITIES_BACKENDS),
        'Named-entity extraction: "builtin" rules, "spacy" (needs the nlp extra and a French\n'
        'model), or "auto" (spaCy when it is installed, else the built-in rules).',
        '"auto"',
    ),
    ConfigKey(
        "duplicates.threshold",
        "a number from 0 to 1",
        _number(0.0, 1.0),
        "Similarity (0..1) from which two articles count as copies of the same story: the\n"
        "share of the shorter one's text found in the longer (a copy cut to half the story\n"
        "still scores near 1).",
        "0.8",
    ),
)
"""Every scalar key; ``[keymap]`` is handled on its own (its keys are binding ids)."""

_KEYS_BY_NAME = {key.dotted: key for key in KEYS}
SECTIONS = ("reader", "search", "entities", "duplicates", "keymap")
_TOP_LEVEL = tuple(key.dotted for key in KEYS if key.section is None) + SECTIONS
_SECTION_CLASSES: dict[str, type[Any]] = {
    "reader": ReaderSettings,
    "search": SearchSettings,
    "entities": EntitiesSettings,
    "duplicates": DuplicatesSettings,
}


# --------------------------------------------------------------------------------------------
# Finding the file


def default_config_path() -> Path:
    """``$XDG_CONFIG_HOME/alireader/config.toml`` (whether or not it exists)."""
    return config_dir() / CONFIG_FILE_NAME


def config_path(
    explicit: Path | None = None, environ: Mapping[str, str] = os.environ
) -> tuple[Path | None, str | None]:
    """Which config file to read, and why: ``(path, origin)``.

    ``--config FILE`` wins, then ``$ALIREADER_CONFIG``, then the XDG default when that file
    exists. Origin is ``"--config"``, ``"ALIREADER_CONFIG"``, ``"default location"``, or None
    with no path when there is no config file (every setting is then a default). An explicit
    path is returned even when it does not exist: :func:`load_settings` reports that, because
    someone who names a file expects it to be read.
    """
    if explicit is not None:
        return explicit.expanduser(), FLAG_ORIGIN
    from_env = environ.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser(), ENV_VAR
    default = default_config_path()
    if default.is_file():
        return default, "default location"
    return None, None


# --------------------------------------------------------------------------------------------
# Loading


def load_settings(path: Path | None, origin: str | None = None) -> LoadedSettings:
    """Read the config file at ``path`` (None: all defaults) into :class:`LoadedSettings`.

    Raises :class:`ConfigError` for a missing or unreadable file, invalid TOML, an unknown key,
    a value of the wrong type, or a keymap entry whose keys are not valid key names. The error
    reported is the first in the file. ``origin`` (from :func:`config_path`) only makes the
    "no such file" message say who named the file.
    """
    defaults = Settings()
    sources: dict[str, str] = {key.dotted: DEFAULT_SOURCE for key in KEYS}
    if path is None:
        return LoadedSettings(defaults, None, MappingProxyType(sources))
    from alireader.keymap import check_key_list, keymap_key
    from alireader.toml_files import (
        InvalidValue,
        config_error,
        did_you_mean,
        key_lines,
        line_of,
        read_toml_file,
        show_value,
    )

    text, data = read_toml_file(path, given_by=origin if origin in (FLAG_ORIGIN, ENV_VAR) else None)
    lines = key_lines(text)
    base = path.parent if path.is_absolute() else Path.cwd() / path.parent
    problems: list[ConfigError] = []

    def problem(detail: str, key_path: tuple[str, ...], dotted: str) -> None:
        problems.append(config_error(detail, path, line_of(lines, key_path), dotted))

    top: dict[str, Any] = {}
    sections: dict[str, dict[str, Any]] = {name: {} for name in _SECTION_CLASSES}
    keymap: dict[str, str] = {}
    found_lines: dict[str, int] = {}

    for name, value in data.items():
        if name not in _TOP_LEVEL:
            problem(f"unknown key '{name}'{did_you_mean(name, _TOP_LEVEL)}", (name,), name)
            continue
        if name in SECTIONS:
            if not isinstance(value, dict):
                problem(
                    f"{name} must be a table ([{name}]), not {show_value(value)}", (name,), name
                )
                continue
            for sub, sub_value in value.items():
                key_path = (name, sub)
                if name == "keymap":
                    dotted = keymap_key(sub)
                    if isinstance(sub_value, dict):
                        # [keymap] article.next = "n" parses as a nested table: the id
                        # needs quotes because it contains a dot.
                        problem(
                            f"binding ids in [keymap] need quotes, as in "
                            f'"{sub}.{next(iter(sub_value), "next")}" = "n"',
                            key_path,
                            dotted,
                        )
                        continue
                    try:
                        keymap[sub] = check_key_list(sub_value)
                    except InvalidValue as invalid:
                        problem(f"{dotted} {invalid}", key_path, dotted)
                    else:
                        sources[dotted] = str(path)
                        if (line := line_of(lines, key_path)) is not None:
                            found_lines[dotted] = line
                    continue
                dotted = f"{name}.{sub}"
                spec = _KEYS_BY_NAME.get(dotted)
                if spec is None:
                    known = [key.dotted for key in KEYS if key.section == name]
                    problem(
                        f"unknown key '{dotted}'{did_you_mean(dotted, known)}", key_path, dotted
                    )
                    continue
                try:
                    sections[name][sub] = spec.convert(sub_value, base)
                except InvalidValue:
                    problem(
                        f"{dotted} must be {spec.expected}, not {show_value(sub_value)}",
                        key_path,
                        dotted,
                    )
                    continue
                sources[dotted] = str(path)
                if (line := line_of(lines, key_path)) is not None:
                    found_lines[dotted] = line
            continue
        spec = _KEYS_BY_NAME[name]
        try:
            top[name] = spec.convert(value, base)
        except InvalidValue:
            problem(f"{name} must be {spec.expected}, not {show_value(value)}", (name,), name)
            continue
        sources[name] = str(path)
        if (line := line_of(lines, (name,))) is not None:
            found_lines[name] = line

    if problems:
        # The first problem in the file: fixing from the top down is what people do.
        problems.sort(key=lambda error: (error.line is None, error.line or 0))
        raise problems[0]

    settings = Settings(
        **top,
        **{name: cls(**sections[name]) for name, cls in _SECTION_CLASSES.items()},
        keymap=MappingProxyType(keymap),
    )
    return LoadedSettings(settings, path, MappingProxyType(sources), MappingProxyType(found_lines))


def with_override(
    loaded: LoadedSettings, dotted: str, value: object, source: str
) -> LoadedSettings:
    """``loaded`` with one key replaced from the command line (e.g. ``theme`` from ``--theme``).

    The value is checked like a config value; a bad one is a :class:`ConfigError` naming
    ``source`` instead of a file.
    """
    from alireader.toml_files import InvalidValue, config_error, show_value

    spec = _KEYS_BY_NAME.get(dotted)
    if spec is None:
        raise KeyError(dotted)
    try:
        converted = spec.convert(value, Path.cwd())
    except InvalidValue:
        raise config_error(
            f"{source} must be {spec.expected}, not {show_value(value)}", None, None, dotted
        ) from None
    settings = loaded.settings
    if spec.section is None:
        settings = replace(settings, **{spec.name: converted})
    else:
        section = replace(getattr(settings, spec.section), **{spec.name: converted})
        settings = replace(settings, **{spec.section: section})
    sources = {**loaded.sources, dotted: source}
    return replace(loaded, settings=settings, sources=MappingProxyType(sources))


# --------------------------------------------------------------------------------------------
# Describing


def _toml_value(value: object) -> str:
    if value is None:
        return "(not set)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, Path):
        return json.dumps(str(value), ensure_ascii=False)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    return repr(value)


def _value_of(settings: Settings, dotted: str) -> object:
    obj: object = settings
    for part in dotted.split("."):
        obj = getattr(obj, part)
    return obj


def _settings_rows(loaded: LoadedSettings) -> list[tuple[str, object, str]]:
    """``(key, value, source)`` of every key, then the keymap's (``keymap`` ``{}`` when empty)."""
    from alireader.keymap import keymap_key

    rows = [
        (
            key.dotted,
            _value_of(loaded.settings, key.dotted),
            loaded.sources.get(key.dotted, DEFAULT_SOURCE),
        )
        for key in KEYS
    ]
    keymap = loaded.settings.keymap
    if not keymap:
        rows.append(("keymap", {}, DEFAULT_SOURCE))
    for binding_id, keys in sorted(keymap.items()):
        dotted = keymap_key(binding_id)
        rows.append((dotted, keys, loaded.sources.get(dotted, DEFAULT_SOURCE)))
    return rows


def describe(loaded: LoadedSettings) -> list[tuple[str, str, str]]:
    """Rows ``(key, value as TOML, source)`` for ``alireader config``: every key, then keymap."""
    return [(key, _toml_value(value), source) for key, value, source in _settings_rows(loaded)]


def describe_json(loaded: LoadedSettings) -> list[dict[str, object]]:
    """:func:`describe`'s rows for ``alireader config --json``: ``{"key", "value" (as TOML
    text), "json" (the value itself: a number, boolean, string, list, table or null),
    "source"}``."""
    return [
        {"key": key, "value": _toml_value(value), "json": _json_value(value), "source": source}
        for key, value, source in _settings_rows(loaded)
    ]


def _json_value(value: object) -> object:
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, tuple | list):
        return [_json_value(item) for item in value]
    if isinstance(value, Mapping):
        return {str(key): _json_value(item) for key, item in value.items()}
    return value


def example_config() -> str:
    """A commented example config documenting every key (what ``alireader config --example``
    prints). Settings are commented out as ``#key = value`` with their defaults, so the file
    parses as is and changes nothing until a line is uncommented."""
    out = [
        "# alireader configuration: $XDG_CONFIG_HOME/alireader/config.toml",
        "# (~/.config/alireader/config.toml), or the file named by --config or $ALIREADER_CONFIG.",
        "#",
        "# Every setting below shows its default (an example where the default is empty);",
        "# remove the '#' before a setting to change it.",
        "# Unknown keys and values of the wrong type are errors: alireader names the line.",
        "",
    ]

    def document(key: ConfigKey) -> None:
        out.extend(f"# {line}" for line in key.doc.splitlines())
        out.append(f"#{key.name} = {key.example}")
        out.append("")

    for key in KEYS:
        if key.section is None:
            document(key)
    for section in _SECTION_CLASSES:
        out.append(f"[{section}]")
        for key in KEYS:
            if key.section == section:
                document(key)
    out.extend(
        [
            "[keymap]",
            "# Rebind keys by binding id: comma-separated Textual key names (letters, digits,",
            '# "ctrl+x", "shift+space", "f1", "pageup", "question_mark"...). The listed keys',
            "# replace the binding's default keys. `?` in the app lists every id and key.",
            "# A key bound to two actions that are active at the same time is an error.",
            '#"article.next" = "n,ctrl+n"',
            '#"list.down" = "j,down,ctrl+j"',
            "",
        ]
    )
    return "\n".join(out)


__all__ = [
    "DEFAULT_SOURCE",
    "ENV_VAR",
    "KEYS",
    "ConfigError",
    "ConfigKey",
    "DuplicatesSettings",
    "EntitiesSettings",
    "LoadedSettings",
    "ReaderSettings",
    "SearchSettings",
    "Settings",
    "config_path",
    "default_config_path",
    "describe",
    "example_config",
    "field_names",
    "key_lines",
    "keymap_key",
    "line_of",
    "load_settings",
    "normalize_key",
    "parse_toml",
    "read_toml_file",
    "validate_keymap",
    "with_override",
]


def field_names() -> list[str]:
    """Every dotted settings field (``reader.width`` ...), from the dataclasses themselves; the
    tests check each is in :data:`KEYS` and documented in :func:`example_config`."""
    names = []
    for item in fields(Settings):
        cls = _SECTION_CLASSES.get(item.name)
        if cls is None:
            names.append(item.name)
        else:
            names.extend(f"{item.name}.{sub.name}" for sub in fields(cls))
    return names
