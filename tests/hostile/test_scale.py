"""Big and deep input: a 50 MB file, a 2 MB single line, 10,000 files in one folder, 30 nested
folders and a symbolic link loop, through the core and the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alireader.core.corpus import discover, load_corpus
from tests.cli.helpers import run

STRICT = {"PYTHONIOENCODING": "utf-8"}
MANY = 10_000
DEEP = tuple(f"n{depth:02d}" for depth in range(30))
LINE_REPEATS = 100_000  # "Une phrase du texte. " 100,000 times: 2 MB on one line


def fifty_megabytes(path: Path) -> None:
    """Real text (not a sparse file), written in a fraction of a second."""
    block = "".join(
        f"Paragraphe {n} : une phrase ordinaire. Puis une autre.\n\n" for n in range(20)
    )
    chunk = (block * (1024 * 1024 // len(block) + 1)).encode()[: 1024 * 1024]
    with path.open("wb") as handle:
        handle.write(b"Un titre\n\n")
        for _ in range(50):
            handle.write(chunk)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("big") / "corpus"
    folder.mkdir()
    fifty_megabytes(folder / "huge.txt")
    words = "Une phrase du texte. " * LINE_REPEATS
    (folder / "line.txt").write_text(f"Une seule ligne {words}fin-de-ligne", encoding="utf-8")
    deep = folder.joinpath(*DEEP)
    deep.mkdir(parents=True)
    (deep / "fond.txt").write_text("Tout au fond\n\nLe texte du fond.\n", encoding="utf-8")
    (deep / "loop").symlink_to(folder, target_is_directory=True)
    return folder


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("many") / "corpus"
    folder.mkdir()
    for number in range(MANY):
        text = f"Titre {number}\n\nLe texte de l'article {number}.\n"
        (folder / f"a{number:05d}.txt").write_text(text, encoding="utf-8")
    return folder


def test_big_and_deep_in_the_core(big: Path) -> None:
    corpus = load_corpus([big])
    assert sorted(a.id for a in corpus) == ["line", "/".join(DEEP) + "/fond"]
    messages = {Path(w.path).name: w.message for w in corpus.warnings}
    assert messages == {
        "huge.txt": "skipped: 50.0 MB is over the 20 MB size limit",
        "loop": "skipped: a folder already read (a symbolic link loop, or a second link)",
    }
    line = corpus.get("line")
    assert line is not None and line.words == LINE_REPEATS * 4 + 4
    assert len(line.body) > 2_000_000 and line.body.endswith(". fin-de-ligne")


def test_big_and_deep_on_the_command_line(big: Path, tmp_path: Path) -> None:
    listed = json.loads(run("list", "--json", "-C", str(big), env=STRICT).stdout)
    assert len(listed["articles"]) == 2 and len(listed["warnings"]) == 2
    hits = json.loads(run("search", "fin-de-ligne", "--json", "-C", str(big)).stdout)["hits"]
    assert [hit["id"] for hit in hits] == ["line"]
    shown = run("show", "n00/n01", "-C", str(big))
    assert shown.returncode == 0 and shown.stdout.startswith("Tout au fond\n")
    # max_file_mb from the config is the limit applied: 1 MB leaves out the 2 MB line too.
    config = tmp_path / "config.toml"
    config.write_text("max_file_mb = 1\n", encoding="utf-8")
    small = json.loads(run("list", "--json", "-C", str(big), "--config", str(config)).stdout)
    assert [a["id"] for a in small["articles"]] == ["/".join(DEEP) + "/fond"]
    assert any("over the 1 MB size limit" in w["message"] for w in small["warnings"])


def test_ten_thousand_files_in_one_folder(many: Path) -> None:
    found = discover([many])
    assert len(found.files) == MANY and found.warnings == []
    # 'list' is load_summaries, parsing in worker processes at this size: one run covers both.
    listed = json.loads(run("list", "--json", "-C", str(many)).stdout)
    articles = listed["articles"]
    assert len(articles) == MANY and listed["warnings"] == []
    assert articles[-1]["id"] == f"a{MANY - 1:05d}" and articles[-1]["title"] == f"Titre {MANY - 1}"
