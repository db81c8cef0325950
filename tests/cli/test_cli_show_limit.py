"""``alireader show`` on a terminal cuts an article over ``reader.max_display_kb`` with a
notice naming ``--full``; ``--full``, pipes and ``--json`` always print all of it."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    paragraphs = "\n\n".join(
        f"Paragraphe {n} : une phrase assez longue pour remplir une ligne." for n in range(800)
    )
    text = f"Un très long article\n\n{paragraphs}\n\nDERNIERMOT final.\n"
    (folder / "long.txt").write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "config.toml"
    path.write_text("[reader]\nmax_display_kb = 16\n", encoding="utf-8")
    return path


def _on_terminal(*args: str) -> str:
    """Run alireader with stdout on a pseudo-terminal; what it printed there."""
    master, slave = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "alireader", *args],
        stdout=slave,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100", "LINES": "40", "NO_COLOR": "1"},
    )
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the child closed its end
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    assert process.wait(timeout=60) == 0
    return b"".join(chunks).decode("utf-8", "replace")


def test_on_a_terminal_a_long_article_is_cut_with_a_notice(corpus: Path, config: Path) -> None:
    shown = _on_terminal("show", "long", "-C", str(corpus), "--config", str(config))
    assert "Paragraphe 0 :" in shown and "DERNIERMOT" not in shown
    assert "[Only the first 16 KB of this" in shown
    assert "Run 'alireader show ID --full' to print all of it.]" in shown.replace("\r\n", " ")


def test_full_prints_everything_on_a_terminal(corpus: Path, config: Path) -> None:
    shown = _on_terminal("show", "long", "--full", "-C", str(corpus), "--config", str(config))
    assert "DERNIERMOT final." in shown and "Only the first" not in shown


def test_pipes_and_json_are_never_cut(corpus: Path, config: Path) -> None:
    piped = run("show", "long", "-C", str(corpus), "--config", str(config))
    assert piped.returncode == 0 and "DERNIERMOT final." in piped.stdout
    assert "Only the first" not in piped.stdout
    document = json.loads(
        run("show", "long", "--json", "-C", str(corpus), "--config", str(config)).stdout
    )
    assert document["body"].endswith("DERNIERMOT final.")


def test_the_default_limit_leaves_ordinary_articles_whole(corpus: Path) -> None:
    shown = _on_terminal("show", "long", "-C", str(corpus))
    assert "DERNIERMOT final." in shown and "Only the first" not in shown
