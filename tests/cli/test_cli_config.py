"""The config and themes commands, and how every command meets a broken config."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from tests.cli.helpers import run

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture
def config_file(tmp_path: Path) -> Path:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "brief.txt").write_text("Un titre\n\nUn texte bref mais complet.\n", encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(
        'corpus = ["news"]\ntheme = "alireader-light"\n\n[reader]\nwidth = 72\n', encoding="utf-8"
    )
    return path


def test_config_shows_each_setting_and_where_it_came_from(config_file: Path) -> None:
    result = run("config", "--config", str(config_file), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["path"] == str(config_file)
    rows = {row["key"]: row for row in document["settings"]}
    assert rows["reader.width"]["value"] == "72" and rows["reader.width"]["source"] == str(
        config_file
    )
    assert rows["search.limit"]["source"] == "default"
    # Beside the TOML text, the value itself for scripts.
    assert rows["reader.width"]["json"] == 72
    assert rows["ascii"]["json"] is False
    assert rows["theme"]["json"] == "alireader-light"
    assert rows["corpus"]["json"] == [str(config_file.parent / "news")]
    assert rows["entities.backend"]["json"] == "auto"
    human = run("config", "--config", str(config_file))
    assert f"Config file: {config_file}" in human.stdout and "reader.width" in human.stdout


def test_the_config_corpus_is_the_default_corpus(config_file: Path) -> None:
    # Relative paths in the config are relative to the config file's folder, not the cwd.
    result = run("list", "--json", env={"ALIREADER_CONFIG": str(config_file)}, cwd=Path("/"))
    assert [a["id"] for a in json.loads(result.stdout)["articles"]] == ["brief"]


def test_example_config_parses_and_documents_every_section() -> None:
    result = run("config", "--example")
    assert result.returncode == 0
    tomllib.loads(result.stdout)  # valid TOML as printed
    for section in ("[reader]", "[search]", "[entities]", "[duplicates]", "[keymap]"):
        assert section in result.stdout


def test_example_config_works_even_when_the_config_is_broken(tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[reader]\nwidht = 100\n", encoding="utf-8")
    assert run("config", "--example", "--config", str(broken)).returncode == 0


@pytest.mark.parametrize("command", [("list",), ("show", "004"), ("themes",), ("config",), ()])
def test_a_broken_config_is_one_sentence_and_exit_1(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[reader]\nwidht = 100\n", encoding="utf-8")
    result = run(*command, "--config", str(broken))
    assert result.returncode == 1
    assert result.stderr == (
        f"alireader: {broken}, line 2: unknown key 'reader.widht' (did you mean 'reader.width'?).\n"
    )


def test_a_missing_config_named_by_the_environment_is_an_error(tmp_path: Path) -> None:
    result = run("list", env={"ALIREADER_CONFIG": str(tmp_path / "nope.toml")})
    assert result.returncode == 1 and "no such file (given by ALIREADER_CONFIG)" in result.stderr


def test_themes_lists_bundled_and_user_themes_with_problems(tmp_path: Path) -> None:
    user_themes = tmp_path / "config" / "alireader" / "themes"
    user_themes.mkdir(parents=True)
    (user_themes / "broken.toml").write_text('name = "mine"\ndark = "yes"\n', encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(tmp_path / "config")}
    listing = json.loads(run("themes", "--json", env=env).stdout)
    names = {theme["name"]: theme for theme in listing["themes"]}
    assert {
        "alireader-dark",
        "alireader-light",
        "alireader-high-contrast",
        "alireader-ansi",
        "alireader-monochrome",
    } <= set(names)
    assert all(theme["origin"] == "bundled" for theme in names.values())
    problems = listing["problems"]
    assert problems and all(problem["path"].endswith("broken.toml") for problem in problems)
    assert any(problem["key"] == "dark" and problem["line"] == 2 for problem in problems)
    human = run("themes", env=env)
    assert human.returncode == 0 and "alireader-monochrome" in human.stdout
    assert "warning:" in human.stderr and "broken.toml" in human.stderr


def test_an_unknown_theme_flag_is_refused_before_the_screen_opens(tmp_path: Path) -> None:
    result = run("--theme", "", str(tmp_path))
    assert result.returncode == 1 and "theme" in result.stderr


def test_errors_never_carry_escape_sequences() -> None:
    result = run("show", "a\x1b[31mb")
    assert result.returncode == 1
    assert "\x1b" not in result.stderr and "␛[31m" in result.stderr


def test_a_closed_pipe_is_not_an_error(seeds_dir: Path) -> None:
    # `alireader list | head -1`: the reader goes away after one line; that is exit 0.
    pipeline = subprocess.run(
        f"'{sys.executable}' -m alireader list -C '{seeds_dir}' | head -1; exit ${{PIPESTATUS[0]}}",
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        check=False,
    )
    assert pipeline.stdout.startswith("ID")
    assert pipeline.returncode == 0, pipeline.stderr


def test_config_reports_a_keymap_clash_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keymap]\n"article.bookmark" = "n"\n', encoding="utf-8")
    result = run("config", "--config", str(path))
    assert result.returncode == 1
    assert result.stderr.startswith(f"alireader: {path}, line 2: ")
    assert "'article.next' also uses" in result.stderr


def test_the_readme_shows_the_example_config_as_printed() -> None:
    # The README documents every key by quoting `alireader config --example`: keep them equal.
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert run("config", "--example").stdout.strip() in readme
