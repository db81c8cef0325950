"""The article cache from the command line: warm output is cold output, ``--rebuild`` ignores
the cache, and a damaged cache is one line on stderr, never a failure."""

from __future__ import annotations

import os
import pickle
import shutil
import sqlite3
from pathlib import Path

import pytest

from alireader.cli import build_parser, build_reader_parser
from alireader.core.cache import FILE_NAME
from alireader.paths import cache_dir
from tests.cli.helpers import run


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    """A copy of the seeds (tests never write into the bundled folder)."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    return folder


@pytest.mark.parametrize("command", [["list", "--json"], ["list"], ["dupes", "--json"]])
def test_warm_output_is_cold_output(corpus: Path, command: list[str]) -> None:
    first = run(*command, "-C", str(corpus))
    assert first.returncode == 0, first.stderr
    assert (cache_dir() / FILE_NAME).exists()
    second = run(*command, "-C", str(corpus))
    assert (second.stdout, second.stderr, second.returncode) == (
        first.stdout,
        first.stderr,
        0,
    )


def _stale_title(title: str) -> None:
    """Change every cached title behind the cache's back (as a bug would)."""
    connection = sqlite3.connect(cache_dir() / FILE_NAME)
    with connection:
        for file_id, payload in connection.execute("SELECT id, payload FROM files").fetchall():
            source_id, kind, rows, warnings = pickle.loads(payload)
            rows = [(row[0], title, *row[2:]) for row in rows]
            connection.execute(
                "UPDATE files SET payload = ? WHERE id = ?",
                (pickle.dumps((source_id, kind, rows, warnings)), file_id),
            )
    connection.close()


def test_the_cache_is_used_and_rebuild_ignores_it(corpus: Path) -> None:
    cold = run("list", "--json", "-C", str(corpus)).stdout
    _stale_title("STALE")
    assert '"STALE"' in run("list", "--json", "-C", str(corpus)).stdout  # from the cache
    rebuilt = run("list", "--json", "--rebuild", "-C", str(corpus))
    assert rebuilt.returncode == 0 and rebuilt.stdout == cold
    assert run("list", "--json", "-C", str(corpus)).stdout == cold  # and replaced


def test_a_modified_file_is_read_again(corpus: Path) -> None:
    run("list", "-C", str(corpus))
    first = sorted(corpus.iterdir())[2]
    text = first.read_text(encoding="utf-8")
    first.write_text("Un titre tout neuf\n\n" + text, encoding="utf-8")
    assert "Un titre tout neuf" in run("list", "--json", "-C", str(corpus)).stdout


def test_a_damaged_cache_is_one_line_on_stderr(corpus: Path) -> None:
    cold = run("list", "--json", "-C", str(corpus))
    path = cache_dir() / FILE_NAME
    path.write_bytes(os.urandom(path.stat().st_size))
    damaged = run("list", "--json", "-C", str(corpus))
    assert damaged.returncode == 0
    assert damaged.stdout == cold.stdout
    lines = damaged.stderr.splitlines()
    assert len(lines) == 1 and "damaged" in lines[0] and lines[0].startswith("alireader: ")
    assert run("list", "--json", "-C", str(corpus)).stderr == cold.stderr  # rebuilt


def test_an_unusable_cache_folder_is_one_line_on_stderr(corpus: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    cold = run("list", "--json", "-C", str(corpus))
    result = run("list", "--json", "-C", str(corpus), env={"XDG_CACHE_HOME": str(blocker)})
    assert result.returncode == 0 and result.stdout == cold.stdout
    assert len(result.stderr.splitlines()) == 1


@pytest.mark.parametrize("command", ["list", "show x", "search x", "entities", "dupes", "diff a b"])
def test_every_corpus_command_takes_rebuild(command: str) -> None:
    assert build_parser().parse_args([*command.split(), "--rebuild"]).rebuild is True


def test_the_reader_takes_rebuild() -> None:
    assert build_reader_parser().parse_args(["some/folder", "--rebuild"]).rebuild is True
    assert build_reader_parser().parse_args([]).rebuild is False
