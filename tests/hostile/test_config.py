"""Hostile config files: tables nested thousands deep, and broken TOML, are one sentence on
stderr and exit status 1, never a traceback or a hang."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import run

DEPTH = 5000
CONFIGS = {
    "nested-tables": ("[" + ".".join(["a"] * DEPTH) + "]\nb = 1\n", "line 1: unknown key 'a'"),
    "nested-arrays": ("corpus = " + "[" * DEPTH + "]" * DEPTH + "\n", "too deeply"),
    "nested-inline": ("reader = " + "{a = " * DEPTH + "1" + "}" * DEPTH + "\n", "reader"),
    "malformed": ('[reader\nwidth = "\x1b[31m\n', "line 1: this is not valid TOML"),
}


@pytest.mark.parametrize(("text", "phrase"), CONFIGS.values(), ids=CONFIGS.keys())
def test_a_hostile_config_is_one_sentence(tmp_path: Path, text: str, phrase: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text(text, encoding="utf-8")
    result = run("list", "--config", str(config))
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr.startswith(f"alireader: {config}") and phrase in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
