"""``search`` and ``entities`` read the persistent article cache like ``list`` and ``dupes``:
a warm run prints what a cold one does, takes what it can from the cache, and ``--rebuild``
reads every file again."""

from __future__ import annotations

import json
import pickle
import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from alireader.core.cache import FILE_NAME
from alireader.paths import cache_dir
from tests.cli.helpers import run


@pytest.fixture
def corpus(tmp_path: Path, seeds_dir: Path) -> Path:
    """A copy of the seeds (tests never write into the bundled folder)."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds_dir, folder)
    return folder


def _without_timing(text: str) -> str:
    """Output with the search's own time taken out (it differs from run to run)."""
    text = re.sub(r'"took_ms": [0-9.e-]+', '"took_ms": 0', text)
    return re.sub(r"\([0-9.]+ ms\)", "(0 ms)", text)


@pytest.mark.parametrize(
    "command",
    [
        ["search", "sebastien badaut"],
        ["search", "sebastien badaut", "--json"],
        ["search", "@badault", "--json"],
        ["entities"],
        ["entities", "--json"],
    ],
)
def test_warm_output_is_cold_output(corpus: Path, command: list[str]) -> None:
    cold = run(*command, "-C", str(corpus))
    assert cold.returncode == 0, cold.stderr
    assert (cache_dir() / FILE_NAME).exists()
    warm = run(*command, "-C", str(corpus))
    rebuilt = run(*command, "-C", str(corpus), "--rebuild")
    for other in (warm, rebuilt):
        assert other.returncode == 0
        assert _without_timing(other.stdout) == _without_timing(cold.stdout)
        assert other.stderr == cold.stderr == ""


def _stale_titles(title: str) -> None:
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


def test_search_reads_the_cache_and_rebuild_ignores_it(corpus: Path) -> None:
    cold = json.loads(run("search", "alibaba", "--json", "-C", str(corpus)).stdout)
    assert cold["hits"]
    _stale_titles("STALE")
    warm = json.loads(run("search", "alibaba", "--json", "-C", str(corpus)).stdout)
    assert {hit["title"] for hit in warm["hits"]} == {"STALE"}  # from the cache, not parsed
    rebuilt = json.loads(run("search", "alibaba", "--json", "--rebuild", "-C", str(corpus)).stdout)
    assert [h["title"] for h in rebuilt["hits"]] == [h["title"] for h in cold["hits"]]


def test_a_modified_file_is_searched_as_it_is_now(corpus: Path) -> None:
    assert run("search", "zygomatique", "--json", "-C", str(corpus)).stdout.count('"id"') == 0
    first = sorted(corpus.iterdir())[2]
    first.write_text(
        first.read_text(encoding="utf-8") + "\n\nUn sourire zygomatique.\n", encoding="utf-8"
    )
    hits = json.loads(run("search", "zygomatique", "--json", "-C", str(corpus)).stdout)["hits"]
    assert [hit["id"] for hit in hits] == [first.stem]
    assert "zygomatique" in hits[0]["snippet"]


def test_without_a_usable_cache_search_finds_the_same(corpus: Path, tmp_path: Path) -> None:
    cold = run("search", "alibaba", "--json", "-C", str(corpus))
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be", encoding="utf-8")
    without = run(
        "search", "alibaba", "--json", "-C", str(corpus), env={"XDG_CACHE_HOME": str(blocked)}
    )
    assert without.returncode == 0
    assert _without_timing(without.stdout) == _without_timing(cold.stdout)
    lines = without.stderr.splitlines()
    assert len(lines) == 1 and "without" in lines[0] and lines[0].startswith("alireader: ")


def _stale_ids(prefix: str) -> None:
    """Rename every cached article behind the cache's back (as a bug would)."""
    connection = sqlite3.connect(cache_dir() / FILE_NAME)
    with connection:
        for file_id, payload in connection.execute("SELECT id, payload FROM files").fetchall():
            source_id, kind, rows, warnings = pickle.loads(payload)
            rows = [(prefix + row[0], *row[1:]) for row in rows]
            connection.execute(
                "UPDATE files SET payload = ? WHERE id = ?",
                (pickle.dumps((source_id, kind, rows, warnings)), file_id),
            )
    connection.close()


@pytest.mark.parametrize("command", [["show"], ["entities"], ["diff", "000"]])
def test_an_unknown_id_is_looked_up_in_the_cache_with_the_same_suggestions(
    corpus: Path, command: list[str]
) -> None:
    typo = "004_c0c07fbbedaddbcx"  # the seed 004 with its last letter mistyped
    first = run(*command, typo, "-C", str(corpus))
    assert first.returncode == 1
    assert first.stderr == (
        f"alireader: No article with ID '{typo}'. Did you mean 004_c0c07fbbedaddbce?\n"
    )
    again = run(*command, typo, "-C", str(corpus))
    assert (again.returncode, again.stderr) == (1, first.stderr)


def test_the_unknown_id_lookup_reads_the_cache_not_every_file(corpus: Path) -> None:
    run("list", "-C", str(corpus))
    _stale_ids("cached-")
    # No file's name starts with "cached-": only the cache can know this ID.
    found = run("show", "cached-004", "--json", "-C", str(corpus))
    assert found.returncode == 0, found.stderr
    assert json.loads(found.stdout)["id"].startswith("cached-004")
    assert run("show", "004", "--json", "-C", str(corpus)).returncode == 0  # files first
