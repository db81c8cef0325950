"""The config file: discovery, strict loading, exact error sentences, the keymap checks."""

from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import FrozenInstanceError
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader import config
from alireader.config import (
    ConfigError,
    LoadedSettings,
    Settings,
    config_path,
    describe,
    example_config,
    field_names,
    key_lines,
    load_settings,
    normalize_key,
    validate_keymap,
    with_override,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "config"

# The app's bindings as the UI declares them (id -> default keys), and their scopes: a scope is
# active together with its ancestors ("app" is everyone's), never with a sibling.
KNOWN = {
    "app.help": "question_mark",
    "app.quit": "q",
    "app.command_palette": "ctrl+p",
    "pane.switch": "tab",
    "article.next": "n",
    "article.previous": "p",
    "article.bookmark": "b",
    "search.focus": "slash",
    "list.down": "j,down",
    "list.up": "k,up",
    "reader.down": "j,down",
    "reader.up": "k,up",
    "search.next_match": "n",
    "help.close": "escape,q,question_mark",
    "warnings.close": "escape,q,w",
}
SCOPES = {
    "app.help": "app",
    "app.quit": "app",
    "app.command_palette": "app",
    "pane.switch": "reader",
    "article.next": "reader",
    "article.previous": "reader",
    "article.bookmark": "reader",
    "search.focus": "reader",
    "list.down": "reader/list",
    "list.up": "reader/list",
    "reader.down": "reader/pane",
    "reader.up": "reader/pane",
    "search.next_match": "reader/pane",
    "help.close": "help",
    "warnings.close": "warnings",
}


def error_for(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_settings(path)
    return caught.value


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# ---------------------------------------------------------------------------------------------
# Loading


def test_no_file_means_every_default() -> None:
    loaded = load_settings(None)
    assert loaded.settings == Settings()
    assert loaded.path is None
    assert set(loaded.sources.values()) == {"default"}
    assert loaded.settings.reader.width == 80
    assert loaded.settings.keymap == {}


def test_good_config_sets_every_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    path = DATA / "good.toml"
    loaded = load_settings(path)
    settings = loaded.settings
    # '~' expanded; a relative path is relative to the config file, not the working directory.
    assert settings.corpus == (tmp_path / "news", DATA / "archive")
    assert settings.theme == "alireader-light"
    assert settings.ascii is True
    assert settings.max_file_mb == 5.0
    assert settings.reader.width == 100
    assert settings.reader.max_display_kb == 512
    assert settings.search.limit == 50
    assert settings.entities.backend == "builtin"
    assert settings.duplicates.threshold == 0.9
    assert dict(settings.keymap) == {"article.next": "n,ctrl+n", "list.down": "j,down,ctrl+j"}
    assert all(source == str(path) for source in loaded.sources.values())
    assert loaded.lines["reader.width"] == 8
    assert loaded.lines['keymap."list.down"'] == 22


def test_settings_are_frozen() -> None:
    settings = load_settings(DATA / "good.toml").settings
    with pytest.raises(FrozenInstanceError):
        settings.theme = "x"  # type: ignore[misc]
    with pytest.raises(FrozenInstanceError):
        settings.reader.width = 50  # type: ignore[misc]
    with pytest.raises(TypeError):
        settings.keymap["article.next"] = "x"  # type: ignore[index]


def test_the_size_limit_in_bytes_follows_the_mebibytes_set() -> None:
    assert Settings().max_bytes == 20 * 1024 * 1024
    assert Settings(max_file_mb=0.5).max_bytes == 512 * 1024


def test_a_single_corpus_string_is_one_path(tmp_path: Path) -> None:
    path = write(tmp_path, 'corpus = "news"\n')
    assert load_settings(path).settings.corpus == (tmp_path / "news",)


def test_integers_are_accepted_where_numbers_are_expected(tmp_path: Path) -> None:
    path = write(tmp_path, "[duplicates]\nthreshold = 1\n")
    assert load_settings(path).settings.duplicates.threshold == 1.0


@pytest.mark.parametrize(
    ("fixture", "line", "key", "detail"),
    [
        (
            "unknown_key.toml",
            4,
            "reader.widht",
            "unknown key 'reader.widht' (did you mean 'reader.width'?)",
        ),
        ("unknown_section.toml", 1, "readr", "unknown key 'readr' (did you mean 'reader'?)"),
        (
            "wrong_type.toml",
            4,
            "reader.width",
            'reader.width must be an integer from 40 to 200, not "wide"',
        ),
        (
            "out_of_range.toml",
            2,
            "duplicates.threshold",
            "duplicates.threshold must be a number from 0 to 1, not 1.5",
        ),
        (
            "syntax_error.toml",
            3,
            None,
            "this is not valid TOML: expected '=' after a key in a key/value pair (column 7)",
        ),
        (
            "bad_keymap.toml",
            2,
            'keymap."article.next"',
            "keymap.\"article.next\" has 'ctrl+', which is not a key name"
            " (the '+' key is \"plus\")",
        ),
        (
            "unquoted_id.toml",
            2,
            'keymap."article"',
            'binding ids in [keymap] need quotes, as in "article.next" = "n"',
        ),
        ("not_utf8.toml", 1, None, "this is not UTF-8 text"),
        ("deep.toml", None, None, "this nests tables or arrays too deeply to be a config file"),
    ],
)
def test_bad_configs_are_one_sentence_naming_file_line_and_key(
    fixture: str, line: int | None, key: str | None, detail: str
) -> None:
    path = DATA / fixture
    error = error_for(path)
    where = f"{path}, line {line}" if line is not None else str(path)
    assert error.message == f"{where}: {detail}."
    assert str(error) == error.message
    assert (error.path, error.line, error.key) == (path, line, key)
    assert error.title == "Configuration error"
    assert "\n" not in error.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "[reader]\nwidth = true\n",
            "line 2: reader.width must be an integer from 40 to 200, not true",
        ),
        (
            "[reader]\nwidth = 39\n",
            "line 2: reader.width must be an integer from 40 to 200, not 39",
        ),
        ("reader = 5\n", "line 1: reader must be a table ([reader]), not 5"),
        ('ascii = "yes"\n', 'line 1: ascii must be true or false, not "yes"'),
        ("max_file_mb = 0\n", "line 1: max_file_mb must be a number greater than 0, not 0"),
        ("max_file_mb = nan\n", "line 1: max_file_mb must be a number greater than 0, not nan"),
        ('theme = ""\n', 'line 1: theme must be a theme name, not ""'),
        ("corpus = [1]\n", "line 1: corpus must be a path or an array of paths, not an array"),
        (
            '[entities]\nbackend = "Spacy"\n',
            'line 2: entities.backend must be one of "auto", "builtin" or "spacy", not "Spacy"',
        ),
        (
            "[search]\nlimit = 1979-05-27\n",
            "line 2: search.limit must be an integer from 1 to 10000, not a date",
        ),
        # An inline table: the line of the table that holds the bad key.
        (
            "\nreader = { width = 1000 }\n",
            "line 2: reader.width must be an integer from 40 to 200, not 1000",
        ),
        # Dotted keys at the top level find their line too.
        (
            "\n\nreader.width = 1000\n",
            "line 3: reader.width must be an integer from 40 to 200, not 1000",
        ),
        (
            '[keymap]\n"a.b" = 5\n',
            'line 2: keymap."a.b" must be a string of comma-separated keys'
            ' such as "n,ctrl+n", not 5',
        ),
        (
            '[keymap]\n"a.b" = "n,,m"\n',
            'line 2: keymap."a.b" has an empty key in "n,,m" (keys are separated by single commas)',
        ),
        ('[keymap]\n"a.b" = "n,N,n"\n', "line 2: keymap.\"a.b\" lists 'n' twice"),
        ("a = 1\na = 2\n", "line 2: this is not valid TOML: cannot overwrite a value (column 6)"),
        ("theme = ", "this is not valid TOML: invalid value at the end of the file"),
    ],
)
def test_more_wrong_values(tmp_path: Path, text: str, message: str) -> None:
    path = write(tmp_path, text)
    prefix = f"{path}, " if message.startswith("line") else f"{path}: "
    assert error_for(path).message == f"{prefix}{message}."


def test_the_first_problem_in_the_file_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "theme = 3\n[reader]\nwidht = 1\n[readr]\n")
    assert error_for(path).line == 1


def test_deeply_nested_tables_are_an_error_not_a_crash(tmp_path: Path) -> None:
    depth = 5000
    headers = write(tmp_path, "[" + ".".join(["a"] * depth) + "]\nb = 1\n", "headers.toml")
    assert error_for(headers).message == f"{headers}, line 1: unknown key 'a'."
    section = write(tmp_path, "[reader." + ".".join(["a"] * depth) + "]\n", "section.toml")
    assert error_for(section).message.startswith(f"{section}, line 1: unknown key 'reader.a'")
    keymap = write(tmp_path, "[keymap." + ".".join(["a"] * depth) + "]\n", "keymap.toml")
    assert "need quotes" in error_for(keymap).message
    arrays = write(tmp_path, "corpus = " + "[" * depth + "]" * depth + "\n", "arrays.toml")
    assert error_for(arrays).message.endswith("too deeply to be a config file.")


def test_missing_file_names_who_asked_for_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.toml"
    with pytest.raises(ConfigError) as caught:
        load_settings(missing, origin="--config")
    assert caught.value.message == f"{missing}: no such file (given by --config)."
    with pytest.raises(ConfigError) as caught:
        load_settings(missing, origin="ALIREADER_CONFIG")
    assert caught.value.message == f"{missing}: no such file (given by ALIREADER_CONFIG)."


def test_a_folder_is_not_a_config_file(tmp_path: Path) -> None:
    assert error_for(tmp_path).message.startswith(f"{tmp_path}: cannot be read (")


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("[]{}\"'=.,#\n abc123reader width keymap"), max_size=80))
def test_any_text_is_settings_or_a_config_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "config.toml"
        path.write_text(text, encoding="utf-8")
        try:
            loaded = load_settings(path)
        except ConfigError as error:
            assert error.message.startswith(str(path))
            assert error.message.endswith(".")
        else:
            assert isinstance(loaded, LoadedSettings)


# ---------------------------------------------------------------------------------------------
# Finding the file


def test_config_path_precedence(tmp_path: Path) -> None:
    explicit = tmp_path / "explicit.toml"
    from_env = tmp_path / "env.toml"
    environ = {"ALIREADER_CONFIG": str(from_env)}
    assert config_path(explicit, environ) == (explicit, "--config")
    assert config_path(None, environ) == (from_env, "ALIREADER_CONFIG")
    # No default file yet (conftest points XDG_CONFIG_HOME at an empty folder).
    assert config_path(None, {}) == (None, None)
    assert config_path(None, {"ALIREADER_CONFIG": ""}) == (None, None)
    default = config.default_config_path()
    default.parent.mkdir(parents=True)
    default.write_text("", encoding="utf-8")
    assert config_path(None, {}) == (default, "default location")


def test_default_location_follows_xdg_config_home(tmp_path: Path) -> None:
    import os

    assert config.default_config_path() == (
        Path(os.environ["XDG_CONFIG_HOME"]) / "alireader" / "config.toml"
    )


# ---------------------------------------------------------------------------------------------
# Line numbers


def test_key_lines_understands_tables_dotted_and_quoted_keys() -> None:
    text = "\n".join(
        [
            "theme = 'x'",  # 1
            'notes = """',  # 2
            "width = 3",  # 3: inside a multi-line string, not a key
            '"""',  # 4
            "[reader]",  # 5
            "  width = 90 # comment",  # 6
            "[ keymap ]",  # 7
            '"article.next" = "n"',  # 8
            "'list.down'= 'j'",  # 9
            "[[array.of.tables]]",  # 10
            "x.y = 1",  # 11
        ]
    )
    lines = key_lines(text)
    assert lines[("theme",)] == 1
    assert lines[("notes",)] == 2
    assert ("width",) not in lines
    assert lines[("reader",)] == 5
    assert lines[("reader", "width")] == 6
    assert lines[("keymap", "article.next")] == 8
    assert lines[("keymap", "list.down")] == 9
    assert lines[("array", "of", "tables", "x", "y")] == 11


# ---------------------------------------------------------------------------------------------
# Describing and documenting


def test_every_settings_field_is_a_documented_key() -> None:
    assert [key.dotted for key in config.KEYS] + ["keymap"] == field_names()


def test_example_config_parses_and_documents_every_key(tmp_path: Path) -> None:
    example = example_config()
    assert load_settings(write(tmp_path, example)).settings == Settings()
    current = ""
    documented = set()
    for line in example.splitlines():
        if line.startswith("["):
            current = line.strip("[]") + "."
        elif match := re.match(r"^#([\w\"._-]+) = ", line):
            documented.add(current + match[1])
    for name in field_names():
        if name != "keymap":
            assert name in documented, name
    assert "[keymap]" in example


def test_uncommented_example_config_loads(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Every '#key = value' line of the example is itself valid: uncomment them all."""
    monkeypatch.setenv("HOME", str(tmp_path))
    text = re.sub(r"(?m)^#([\w\"._-]+ = )", r"\1", example_config())
    loaded = load_settings(write(tmp_path, text))
    assert loaded.settings.theme == "alireader-dark"
    assert loaded.settings.keymap["article.next"] == "n,ctrl+n"
    loaded.check_keymap(KNOWN, SCOPES)


def test_describe_lists_every_key_with_its_source(tmp_path: Path) -> None:
    path = write(tmp_path, '[reader]\nwidth = 120\n[keymap]\n"article.next" = "n,ctrl+n"\n')
    rows = describe(with_override(load_settings(path), "theme", "alireader-light", "--theme"))
    by_key = {key: (value, source) for key, value, source in rows}
    assert by_key["reader.width"] == ("120", str(path))
    assert by_key["theme"] == ('"alireader-light"', "--theme")
    assert by_key["search.limit"] == ("20", "default")
    assert by_key["corpus"] == ("[]", "default")
    assert by_key['keymap."article.next"'] == ('"n,ctrl+n"', str(path))
    assert [row[0] for row in rows][: len(config.KEYS)] == [key.dotted for key in config.KEYS]
    assert ("keymap", "{}", "default") in describe(load_settings(None))


def test_overrides_are_checked_like_config_values() -> None:
    loaded = with_override(load_settings(None), "reader.width", 120, "--width")
    assert loaded.settings.reader.width == 120
    assert loaded.sources["reader.width"] == "--width"
    with pytest.raises(ConfigError) as caught:
        with_override(loaded, "reader.width", 7, "--width")
    assert caught.value.message == "--width must be an integer from 40 to 200, not 7."
    with pytest.raises(KeyError):
        with_override(loaded, "nope", 1, "--nope")


# ---------------------------------------------------------------------------------------------
# Keys and the keymap


@pytest.mark.parametrize(
    ("key", "canonical"),
    [
        ("n", "n"),
        ("G", "G"),
        ("7", "7"),
        ("?", "question_mark"),
        ("question_mark", "question_mark"),
        ("/", "slash"),
        ("-", "minus"),
        ("<", "less_than_sign"),
        ("less_than_sign", "less_than_sign"),
        ("full_stop", "full_stop"),
        ("ctrl+n", "ctrl+n"),
        ("shift+ctrl+n", "ctrl+shift+n"),
        ("shift+space", "shift+space"),
        ("f1", "f1"),
        ("f24", "f24"),
        ("pageup", "pageup"),
        ("ctrl+i", "tab"),
        ("ctrl+?", "ctrl+question_mark"),
    ],
)
def test_valid_keys(key: str, canonical: str) -> None:
    assert normalize_key(key) == canonical


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        ("ctrl+", "which is not a key name"),
        ("foo", "'foo' is not a key name"),
        ("pgup", "'pgup' is not a key name (did you mean 'pageup'?)"),
        ("f25", "'f25' is not a key name"),
        ("ctl+a", "'ctl' is not a modifier"),
        ("ctrl+ctrl+a", "repeats a modifier"),
        (" ", "not a key name"),
    ],
)
def test_invalid_keys(key: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        normalize_key(key)


def test_fixture_keymaps_against_the_apps_bindings() -> None:
    load_settings(DATA / "good.toml").check_keymap(KNOWN, SCOPES)
    with pytest.raises(ConfigError) as caught:
        load_settings(DATA / "unknown_binding.toml").check_keymap(KNOWN, SCOPES)
    assert caught.value.message == (
        f"{DATA / 'unknown_binding.toml'}, line 2: unknown binding id 'article.nxt' in [keymap]"
        " (did you mean 'article.next'?)."
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(DATA / "clash.toml").check_keymap(KNOWN, SCOPES)
    assert caught.value.message == (
        f"{DATA / 'clash.toml'}, line 3: keymap.\"article.next\" binds 'j', which 'list.down'"
        " also uses (its default key); bind one of them to another key."
    )
    assert caught.value.key == 'keymap."article.next"'


def clash(keymap: dict[str, str]) -> str | None:
    try:
        validate_keymap(keymap, KNOWN, SCOPES)
    except ConfigError as error:
        return error.message
    return None


def test_clashes_need_bindings_that_are_active_together() -> None:
    # Same scope.
    assert clash({"article.next": "p"}) is not None
    # A screen key against the focused widget's key.
    assert clash({"article.bookmark": "k"}) is not None
    # An app key clashes with everything...
    assert clash({"app.quit": "n"}) is not None
    assert clash({"article.next": "q"}) is not None
    # ...but sibling widgets are never focused together: list and reader may share keys.
    assert clash({"list.down": "ctrl+d", "reader.down": "ctrl+d"}) is None
    # Separate screens neither.
    assert clash({"help.close": "w"}) is None
    # "?" and "question_mark" are the same key.
    assert clash({"article.next": "?"}) is not None
    # Two remapped ids on one key: the message says so.
    message = clash({"article.next": "x", "article.previous": "x"})
    assert message is not None
    assert "(remapped to it)" in message


def test_swaps_and_moves_are_not_clashes() -> None:
    assert clash({"list.down": "k,up", "list.up": "j,down"}) is None
    # The old key is freed: 'p' moves to 'x', then 'article.next' may take 'p'.
    assert clash({"article.previous": "x", "article.next": "n,p"}) is None
    # Defaults that overlap by design (q in dialogs and q for quit) are not reported.
    assert clash({}) is None


def test_a_remapped_binding_keeps_its_default_shadowing() -> None:
    # n is "next match" in a searched article and "next article" elsewhere, by design:
    # adding ctrl+n to article.next keeps that, and is no clash.
    assert clash({"article.next": "n,ctrl+n"}) is None
    # But giving n to another binding of the screen is one.
    message = clash({"article.next": "x", "article.previous": "n"})
    assert message is not None and "'search.next_match' also uses" in message


def test_scopes_default_to_the_id_prefix() -> None:
    known = {"list.down": "j", "list.up": "k", "reader.down": "j"}
    validate_keymap({"list.up": "x"}, known)
    with pytest.raises(ConfigError, match=r"'list\.down' also uses"):
        validate_keymap({"list.up": "j"}, known)


def test_keymap_values_are_checked_without_a_file() -> None:
    with pytest.raises(ConfigError) as caught:
        validate_keymap({"article.next": "nope"}, KNOWN, SCOPES)
    assert caught.value.message == ("keymap.\"article.next\" has 'nope': 'nope' is not a key name.")


# ---------------------------------------------------------------------------------------------
# Hygiene


def test_config_imports_neither_textual_nor_rich() -> None:
    code = (
        "import sys, alireader.config;"
        "bad = [m for m in ('textual', 'rich') if m in sys.modules];"
        "sys.exit(str(bad) if bad else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
