"""``alireader dupes``, ``alireader diff`` and the ``duplicates`` of ``alireader list --json``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.cells import cell_len
from rich.console import Console

from alireader.core.corpus import load_corpus
from alireader.core.diff import align
from alireader.human_diff import print_diff
from alireader.paths import bundled_seeds_dir
from tests.cli.helpers import run

ALLOWED_OPS = {"equal", "replace", "insert", "delete", "moved"}


def _seed_ids() -> dict[str, str]:
    return {article.id[:3]: article.id for article in load_corpus([bundled_seeds_dir()])}


def test_dupes_json_on_the_seeds() -> None:
    result = run("dupes", "--json")
    assert result.returncode == 0, result.stderr
    clusters = json.loads(result.stdout)["clusters"]
    ids = _seed_ids()
    assert [sorted(c["articles"]) for c in clusters] == [sorted([ids["000"], ids["001"]])]
    assert 0.8 <= clusters[0]["similarity"] <= 1.0
    assert clusters[0]["representative"] == ids["001"]


def test_dupes_human_output_into_a_pipe() -> None:
    result = run("dupes")
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    ids = _seed_ids()
    assert ids["000"] in result.stdout
    assert f"* {ids['001']}" in result.stdout  # the representative
    assert "1 cluster of near-duplicates (2 articles)" in result.stdout


def test_dupes_threshold_comes_from_the_config(tmp_path: Path) -> None:
    whole = {a.id[:3]: a for a in load_corpus([bundled_seeds_dir()])}["001"].body
    words = whole.split()
    reworded = " ".join("autrement" if n % 12 == 5 else w for n, w in enumerate(words))
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(whole, encoding="utf-8")
    (tmp_path / "corpus" / "b.txt").write_text(reworded, encoding="utf-8")
    found = {}
    for threshold in ("0.5", "0.9"):
        config = tmp_path / f"config-{threshold}.toml"
        config.write_text(f"[duplicates]\nthreshold = {threshold}\n", encoding="utf-8")
        result = run("dupes", "--json", "--config", str(config), "-C", str(tmp_path / "corpus"))
        assert result.returncode == 0, result.stderr
        found[threshold] = json.loads(result.stdout)["clusters"]
    assert [sorted(c["articles"]) for c in found["0.5"]] == [["a", "b"]]
    assert found["0.9"] == []


def test_dupes_with_no_duplicates(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Un article.\n\nRien de plus.", encoding="utf-8")
    result = run("dupes", "-C", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert "0 clusters" in result.stdout


def test_list_json_fills_duplicates() -> None:
    result = run("list", "--json")
    assert result.returncode == 0, result.stderr
    articles = {a["id"]: a["duplicates"] for a in json.loads(result.stdout)["articles"]}
    ids = _seed_ids()
    assert articles[ids["000"]] == [ids["001"]]
    assert articles[ids["001"]] == [ids["000"]]
    assert all(articles[ids[k]] == [] for k in ("002", "003", "004"))


def test_diff_json_shape() -> None:
    result = run("diff", "000", "001", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    ids = _seed_ids()
    assert (document["a"], document["b"]) == (ids["000"], ids["001"])
    assert 0.8 <= document["similarity"] <= 1.0
    rows = document["rows"]
    assert {row["op"] for row in rows} <= ALLOWED_OPS
    assert rows[-1]["op"] == "insert"
    assert rows[-1]["a"] is None
    assert isinstance(rows[-1]["b"], str)
    assert document["words_only_b"] > document["words_only_a"]
    changed = next(row for row in rows if row["op"] == "replace")
    for start, end in changed["a_changes"]:
        assert 0 <= start < end <= len(changed["a"])


def test_diff_side_by_side_plain_into_a_pipe() -> None:
    result = run("diff", "000", "001", "--width", "160")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "\x1b" not in out
    assert "[-Etats-]" in out
    assert "{+États+}" in out
    assert "[-2.000-]" in out
    lines = out.splitlines()
    assert all(cell_len(line.rstrip()) <= 160 for line in lines)
    assert sum(" │ " in line or "~│ " in line for line in lines) > 20  # two columns


def test_diff_stacked_when_narrow_and_nothing_is_cut() -> None:
    result = run("diff", "000", "001", "--width", "60")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cell_len(line.rstrip()) <= 60 for line in lines)
    assert not any("│" in line for line in lines)
    flattened = " ".join(line[2:].strip() for line in lines)
    # The last sentence of 001, wrapped over lines but whole.
    assert "350 millions d'utilisateurs actifs sur ses sites." in flattened
    assert any(line.startswith("+ ") for line in lines)


def test_diff_of_an_unknown_id_is_an_error() -> None:
    result = run("diff", "000", "nope")
    assert result.returncode == 1
    assert "nope" in result.stderr
    assert "Traceback" not in result.stderr


def test_diff_in_colour_uses_the_theme_styles_and_no_markers() -> None:
    corpus = {a.id[:3]: a for a in load_corpus([bundled_seeds_dir()])}
    a, b = corpus["000"], corpus["001"]
    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=True, color_system="truecolor", width=120)
    styles = {
        "diff-insert": "green",
        "diff-delete": "red",
        "diff-change": "yellow",
        "diff-moved": "cyan",
    }
    print_diff(console, a, b, align(a.body, b.body), styles=styles)
    out = buffer.getvalue()
    assert "\x1b[" in out
    assert "{+" not in out
    assert "[-" not in out


@pytest.mark.parametrize("width", [40, 99, 100, 200])
def test_article_text_is_never_markup(tmp_path: Path, width: int) -> None:
    (tmp_path / "a.txt").write_text("Titre\n\nLe [bold]texte[/bold] dit \x1b[31m oui.", "utf-8")
    (tmp_path / "b.txt").write_text("Titre\n\nLe [bold]texte[/bold] dit non.", "utf-8")
    result = run("diff", "a", "b", "-C", str(tmp_path), "--width", str(width))
    assert result.returncode == 0, result.stderr
    assert "[bold]" in result.stdout
    assert "\x1b" not in result.stdout


def test_a_diff_too_narrow_to_read_is_a_usage_error() -> None:
    result = run("diff", "000", "001", "--width", "5")
    assert result.returncode == 2
    assert "at least 40" in result.stderr and result.stdout == ""


@pytest.mark.parametrize("width", ["80", "160"])
def test_a_diff_into_a_file_has_no_trailing_spaces(width: str) -> None:
    result = run("diff", "000", "001", "--width", width)
    assert result.returncode == 0, result.stderr
    assert not [line for line in result.stdout.splitlines() if line.endswith(" ")]
