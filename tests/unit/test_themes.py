"""Theme files: the bundled ones load, convert to Textual themes and keep their promises
(contrast, ANSI-only, colourless); broken files become problems and a fallback, never a crash."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.color import ColorType
from rich.style import Style

from alireader.paths import bundled_themes_dir
from alireader.themes import (
    COLOR_KEYS,
    DEFAULT_THEME,
    MONOCHROME_THEME,
    STYLE_KEYS,
    TEXTUAL_ANSI_COLORS,
    ThemeError,
    ThemeProblem,
    ThemeSpec,
    color_problem,
    discover_themes,
    fallback_theme,
    load_theme_file,
    no_color,
    pick_theme,
    theme_listing,
)

DATA = Path(__file__).resolve().parent.parent / "data" / "themes"
BUNDLED = {
    "alireader-dark": "default.toml",
    "alireader-light": "light.toml",
    "alireader-high-contrast": "high-contrast.toml",
    "alireader-ansi": "ansi.toml",
    "alireader-monochrome": "monochrome.toml",
}


@pytest.fixture(scope="module")
def bundled() -> dict[str, ThemeSpec]:
    specs, problems = discover_themes(bundled_themes_dir(), Path("/nonexistent"))
    assert problems == []
    return {spec.name: spec for spec in specs}


# ---------------------------------------------------------------------------------------------
# WCAG 2.x contrast: https://www.w3.org/TR/WCAG21/#dfn-relative-luminance


def luminance(hex_color: str) -> float:
    digits = hex_color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    channels = [int(digits[index : index + 2], 16) / 255 for index in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula_matches_known_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def text_pairs(spec: ThemeSpec) -> list[tuple[str, str, str]]:
    """Every (what, text colour, background) pair a reader will see as text."""
    pages = [spec.colors[name] for name in ("background", "surface", "panel")]
    pairs = [
        (name, spec.colors[name], page)
        for name in ("foreground", "primary", "secondary", "accent", "success", "warning", "error")
        for page in pages
    ]
    for key, value in spec.styles.items():
        style = Style.parse(value)
        if style.color is None or style.color.triplet is None:
            continue
        backgrounds = (
            [style.bgcolor.triplet.hex] if style.bgcolor and style.bgcolor.triplet else pages
        )
        pairs.extend((f"styles.{key}", style.color.triplet.hex, page) for page in backgrounds)
    return pairs


@pytest.mark.parametrize(
    ("name", "minimum"),
    [
        ("alireader-high-contrast", 4.5),  # WCAG AA for body text, for every colour used as text
        ("alireader-light", 4.5),  # the light theme promises the same in its header
        ("alireader-dark", 3.0),  # the calm default: AA for large text / UI marks
    ],
)
def test_text_contrast(bundled: dict[str, ThemeSpec], name: str, minimum: float) -> None:
    spec = bundled[name]
    failures = [
        f"{what} {text} on {page}: {contrast(text, page):.2f}"
        for what, text, page in text_pairs(spec)
        if contrast(text, page) < minimum
    ]
    assert failures == []


def test_high_contrast_body_text_is_aaa(bundled: dict[str, ThemeSpec]) -> None:
    colors = bundled["alireader-high-contrast"].colors
    for page in ("background", "surface", "panel"):
        assert contrast(colors["foreground"], colors[page]) >= 7.0


# ---------------------------------------------------------------------------------------------
# The bundled themes


def test_every_bundled_theme_loads(bundled: dict[str, ThemeSpec]) -> None:
    assert set(bundled) == set(BUNDLED)
    for name, file_name in BUNDLED.items():
        spec = bundled[name]
        assert spec.path == bundled_themes_dir() / file_name
        assert spec.origin == "bundled"
        assert set(spec.colors) == set(COLOR_KEYS)
        assert set(spec.styles) == set(STYLE_KEYS)


def test_every_bundled_theme_has_a_comment_header(bundled: dict[str, ThemeSpec]) -> None:
    for spec in bundled.values():
        first_line = spec.path.read_text(encoding="utf-8").splitlines()[0]
        assert first_line.startswith("# alireader ")
        assert spec.description == first_line.removeprefix("# ")
        assert spec.description.endswith(".")
        assert ": " in spec.description  # "alireader light: what it is for."


def test_every_bundled_theme_converts_to_a_textual_theme(bundled: dict[str, ThemeSpec]) -> None:
    from textual.color import Color
    from textual.theme import Theme

    for spec in bundled.values():
        theme = Theme(**spec.textual_kwargs())
        assert theme.name == spec.name
        assert theme.dark is spec.dark
        assert theme.ansi is spec.ansi
        variables = theme.to_color_system().generate()
        for name, value in spec.variables.items():
            assert variables[name] == value
        if spec.ansi:  # Textual's own CSS needs these in ANSI mode
            assert {"ansi-background", "ansi-foreground"} <= set(variables)
        # Every colour the generated theme hands to CSS parses (the app would refuse it).
        for name in ("primary", "background", "foreground", "surface", "panel", "text"):
            value = variables[name]
            if not value.startswith("auto"):
                Color.parse(value.split()[0])


async def test_every_bundled_theme_applies_in_an_app(bundled: dict[str, ThemeSpec]) -> None:
    """Registering and switching applies the theme's variables to real CSS (text styles too)."""
    from textual.app import App, ComposeResult
    from textual.theme import Theme
    from textual.widgets import Footer, Input, Static

    class Probe(App[None]):
        def compose(self) -> ComposeResult:
            yield Static("text")
            yield Input("input")
            yield Footer()

    app = Probe()
    async with app.run_test(size=(40, 10)) as pilot:
        for spec in bundled.values():
            app.register_theme(Theme(**spec.textual_kwargs()))
            app.theme = spec.name
            await pilot.pause()
            assert app.current_theme.name == spec.name


def test_fallback_theme_is_default_toml(bundled: dict[str, ThemeSpec]) -> None:
    assert fallback_theme() == bundled[DEFAULT_THEME]


def test_ansi_theme_uses_only_the_16_ansi_colours(bundled: dict[str, ThemeSpec]) -> None:
    spec = bundled["alireader-ansi"]
    # Without ansi=true Textual would convert the ANSI colours to fixed RGB values.
    assert spec.ansi is True
    assert set(spec.colors.values()) <= TEXTUAL_ANSI_COLORS
    for value in spec.variables.values():
        if value.startswith("ansi_") or value.startswith("#"):
            assert value in TEXTUAL_ANSI_COLORS
    for key, value in spec.styles.items():
        style = Style.parse(value)
        for color in (style.color, style.bgcolor):
            assert color is None or color.type in (ColorType.STANDARD, ColorType.DEFAULT), key
            assert color is None or color.number is None or color.number < 16, key


def test_monochrome_theme_marks_without_colour(bundled: dict[str, ThemeSpec]) -> None:
    spec = bundled[MONOCHROME_THEME]
    assert spec.ansi is True
    assert set(spec.colors.values()) == {"ansi_default"}
    allowed = {"bold", "italic", "underline", "reverse"}
    for key, value in spec.styles.items():
        style = Style.parse(value)
        assert style.color is None and style.bgcolor is None, key
        attributes = set(value.split())
        assert attributes and attributes <= allowed, key
    # Entities need telling apart: PER, ORG, LOC, MISC and DATE all differ.
    entity_styles = {spec.styles[label] for label in ("PER", "ORG", "LOC", "MISC", "DATE")}
    assert len(entity_styles) == 5
    # The cursor is drawn in reverse video, which survives NO_COLOR.
    assert spec.variables["block-cursor-text-style"] == "reverse"


# ---------------------------------------------------------------------------------------------
# Colours: the check agrees with Textual


@pytest.mark.parametrize(
    "value",
    ["#fff", "#FFFF", "#1e2127", "#1e2127cc", "ansi_red", "ansi_bright_white", "ansi_default"],
)
def test_accepted_colours_parse_in_textual(value: str) -> None:
    from textual.color import Color

    assert color_problem(value) is None
    Color.parse(value)


@given(st.text(alphabet="#0123456789abcdefABCDEFgxz_ansired", max_size=12))
def test_colour_check_never_accepts_what_textual_refuses(value: str) -> None:
    from textual.color import Color, ColorParseError

    if color_problem(value) is None:
        try:
            Color.parse(value)
        except ColorParseError:  # pragma: no cover - the assertion below explains
            pytest.fail(f"{value!r} accepted but Textual refuses it")


@pytest.mark.parametrize(
    ("value", "problem"),
    [
        ("red", '"red" is not a colour (for the terminal\'s own red, write "ansi_red")'),
        ("ansi_x", '"ansi_x" is not a colour (not one of the 16 ANSI colours)'),
        (
            "ansi_bright_bleu",
            '"ansi_bright_bleu" is not a colour (not one of the 16 ANSI colours;'
            " did you mean 'ansi_bright_blue'?)",
        ),
        (
            "#12345",
            '"#12345" is not a colour (use #rgb, #rrggbb or an ANSI name such as ansi_blue)',
        ),
        (12, '12 is not a colour (colours are strings such as "#1e2127")'),
    ],
)
def test_refused_colours_say_why(value: object, problem: str) -> None:
    assert color_problem(value) == problem


# ---------------------------------------------------------------------------------------------
# Broken theme files


@pytest.mark.parametrize(
    ("fixture", "line", "key", "message"),
    [
        (
            "bad_style.toml",
            23,
            "styles.PER",
            "key 'styles.PER': \"bold #zzz\" is not a valid style"
            " (unable to parse '#zzz' as color)",
        ),
        (
            "bad_color.toml",
            7,
            "colors.primary",
            "key 'colors.primary': \"bleu\" is not a colour"
            " (use #rgb, #rrggbb or an ANSI name such as ansi_blue)",
        ),
        (
            "css_name.toml",
            16,
            "colors.error",
            "key 'colors.error': \"red\" is not a colour"
            ' (for the terminal\'s own red, write "ansi_red")',
        ),
        (
            "ansi_in_style.toml",
            24,
            "styles.ORG",
            "key 'styles.ORG': \"ansi_red\" is not a valid style (unable to parse 'ansi_red' as"
            " color; in styles, ANSI colours are written red, bright_blue ...)",
        ),
        (
            "unknown_key.toml",
            30,
            "styles.PERS",
            "unknown key 'styles.PERS' (did you mean 'styles.PER'?)",
        ),
        ("missing_key.toml", 22, "styles.removed", "missing key 'styles.removed'"),
        ("wrong_type.toml", 4, "dark", "key 'dark' must be true or false, not \"yes\""),
        (
            "syntax_error.toml",
            4,
            None,
            "this is not valid TOML: expected ']' at the end of a table declaration (column 8)",
        ),
    ],
)
def test_broken_theme_files_name_file_line_and_key(
    fixture: str, line: int, key: str | None, message: str
) -> None:
    path = DATA / "bad" / fixture
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path, "user")
    problem = caught.value.problem
    assert problem == ThemeProblem(path, line, key, message)
    assert str(problem) == f"{path}, line {line}: {message}."
    assert caught.value.message == str(problem)
    assert caught.value.title == "Theme error"


def test_every_problem_in_a_file_is_reported_first_line_first(tmp_path: Path) -> None:
    path = tmp_path / "many.toml"
    text = (DATA / "good" / "solarized-user.toml").read_text(encoding="utf-8")
    text = text.replace('primary = "#268bd2"', 'primary = "nope"').replace("dark = true", "dak = 1")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path, "user")
    lines = [problem.line for problem in caught.value.problems]
    assert [problem.key for problem in caught.value.problems] == ["dak", "colors.primary", "dark"]
    assert lines == [4, 7, None]
    assert caught.value.message.endswith(" (and 2 more problems).")


def test_missing_tables_and_variables_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "bare.toml"
    path.write_text('name = "bare"\ndark = true\n[variables]\nBad_Name = "x"\nborder = "#12"\n')
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path, "user")
    messages = [problem.message for problem in caught.value.problems]
    assert messages == [
        "key 'variables.Bad_Name' is not a Textual variable name",
        "key 'variables.border': \"#12\" is not a colour"
        " (use #rgb, #rrggbb or an ANSI name such as ansi_blue)",
        "missing key 'colors'",
        "missing key 'styles'",
    ]


def test_a_table_lacking_keys_is_one_problem_naming_them_all(tmp_path: Path) -> None:
    bundled = (bundled_themes_dir() / "default.toml").read_text(encoding="utf-8")
    lines = [line for line in bundled.splitlines() if not line.startswith(("read =", "bookmark ="))]
    path = tmp_path / "old.toml"
    path.write_text("\n".join(lines).replace('"alireader-dark"', '"old"') + "\n", "utf-8")
    with pytest.raises(ThemeError) as caught:
        load_theme_file(path, "user")
    (problem,) = caught.value.problems
    assert problem.message == "missing 2 keys: styles.read, styles.bookmark"
    assert problem.line is not None  # the [styles] table's line


# ---------------------------------------------------------------------------------------------
# Discovery and picking


def test_user_themes_add_to_and_override_bundled_ones(tmp_path: Path) -> None:
    user = tmp_path / "themes"
    shutil.copytree(DATA / "good", user)
    shutil.copy(DATA / "bad" / "bad_style.toml", user)
    (user / "notes.txt").write_text("not a theme")
    specs, problems = discover_themes(bundled_themes_dir(), user)
    by_name = {spec.name: spec for spec in specs}
    assert set(by_name) == set(BUNDLED) | {"solarized-user"}
    dark = by_name[DEFAULT_THEME]
    assert (dark.origin, dark.path, dark.overrides) == (
        "user",
        user / "my-dark.toml",
        bundled_themes_dir() / "default.toml",
    )
    assert dark.colors["primary"] == "#00aa00"
    assert by_name["solarized-user"].variables["input-selection-background"] == "#268bd2 35%"
    assert [problem.path for problem in problems] == [user / "bad_style.toml"]
    listing = theme_listing(specs, problems)
    assert {"name", "origin", "dark", "ansi", "path", "description", "overrides"} <= set(
        listing["themes"][0]
    )
    assert listing["problems"][0]["line"] == 23
    assert listing["problems"][0]["message"].startswith(str(user / "bad_style.toml"))


def test_default_user_folder_is_under_xdg_config(tmp_path: Path) -> None:
    import os

    user = Path(os.environ["XDG_CONFIG_HOME"]) / "alireader" / "themes"
    user.mkdir(parents=True)
    shutil.copy(DATA / "good" / "solarized-user.toml", user)
    specs, _ = discover_themes()
    assert "solarized-user" in {spec.name for spec in specs}


def test_two_files_with_one_name_in_one_folder(tmp_path: Path) -> None:
    for name in ("a.toml", "b.toml"):
        shutil.copy(DATA / "good" / "solarized-user.toml", tmp_path / name)
    specs, problems = discover_themes(bundled_themes_dir(), tmp_path)
    assert [spec.path.name for spec in specs if spec.name == "solarized-user"] == ["a.toml"]
    assert [str(problem) for problem in problems] == [
        f"{tmp_path / 'b.toml'}, line 3: theme name 'solarized-user' is already used by"
        f" {tmp_path / 'a.toml'}."
    ]


def test_pick_theme(bundled: dict[str, ThemeSpec]) -> None:
    specs = list(bundled.values())
    assert pick_theme(specs, None, no_color=False) == (bundled[DEFAULT_THEME], None)
    assert pick_theme(specs, "alireader-light", False) == (bundled["alireader-light"], None)
    assert pick_theme(specs, "alireader-lite", False) == (
        bundled[DEFAULT_THEME],
        "There is no theme 'alireader-lite' (did you mean 'alireader-light'?);"
        " alireader falls back to alireader-dark.",
    )
    assert pick_theme(specs, None, no_color=True) == (bundled[MONOCHROME_THEME], None)
    assert pick_theme(specs, "alireader-light", no_color=True) == (
        bundled[MONOCHROME_THEME],
        "NO_COLOR is set, so alireader uses the alireader-monochrome theme, not 'alireader-light'.",
    )
    assert pick_theme(specs, MONOCHROME_THEME, no_color=True) == (bundled[MONOCHROME_THEME], None)


def test_a_broken_requested_theme_falls_back_with_the_reason(tmp_path: Path) -> None:
    shutil.copy(DATA / "bad" / "bad_color.toml", tmp_path / "mine.toml")
    specs, problems = discover_themes(bundled_themes_dir(), tmp_path)
    spec, warning = pick_theme(specs, "mine", False, problems)
    assert spec.name == DEFAULT_THEME
    assert warning == (
        f"Theme 'mine' cannot be used ({tmp_path / 'mine.toml'}, line 7: key 'colors.primary':"
        ' "bleu" is not a colour (use #rgb, #rrggbb or an ANSI name such as ansi_blue));'
        " alireader falls back to alireader-dark."
    )


def test_no_theme_files_at_all_still_gives_a_theme(tmp_path: Path) -> None:
    specs, problems = discover_themes(tmp_path / "missing", tmp_path / "missing-too")
    assert (specs, problems) == ([], [])
    spec, warning = pick_theme(specs, None, False)
    assert spec == fallback_theme()
    assert warning is None


def test_no_color_means_present_even_if_empty() -> None:
    # Textual strips colours whenever NO_COLOR is present, so the theme follows the same rule.
    assert no_color({"NO_COLOR": ""}) is True
    assert no_color({"NO_COLOR": "1"}) is True
    assert no_color({}) is False


def test_themes_module_does_not_import_textual() -> None:
    code = (
        "import sys, alireader.themes;"
        "alireader.themes.discover_themes();"
        "sys.exit('textual imported' if 'textual' in sys.modules else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
