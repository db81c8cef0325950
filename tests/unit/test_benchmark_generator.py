"""The benchmark corpus generator: deterministic, noisy like the seeds, with a growing vocabulary.

Fast (a 200-article corpus is made in well under a second) and free of timing assertions.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

# benchmarks/ is a top-level folder of the checkout (on the path through pytest's pythonpath).
from benchmarks import generate
from benchmarks.compose import CATEGORIES
from benchmarks.lexicon import common_word, zipf_rank
from benchmarks.render import NOISE_KINDS, PARAGRAPH_STYLES

REPO = Path(__file__).resolve().parents[2]

N = 200


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _texts(root: Path, suffixes: tuple[str, ...] = (".txt", ".md")) -> Iterator[tuple[Path, str]]:
    for path in sorted(root.rglob("*")):
        if path.suffix in suffixes:
            data = path.read_bytes()
            try:
                yield path, data.decode("utf-8-sig")
            except UnicodeDecodeError:
                yield path, data.decode("cp1252")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, object]]:
    root = tmp_path_factory.mktemp("bench") / "corpus"
    generate.generate_corpus(N, root)
    meta = generate.read_meta(root)
    assert meta is not None
    return root, meta


def test_generation_is_deterministic(
    corpus: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    root, meta = corpus
    again = tmp_path / "again"
    generate.generate_corpus(N, again)
    assert _tree(again) == _tree(root)  # same file tree, same bytes
    assert generate.read_meta(again) == meta


def test_another_seed_gives_another_corpus(
    corpus: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    other = tmp_path / "other"
    generate.generate_corpus(N, other, seed=7)
    assert _tree(other) != _tree(corpus[0])


def test_files_formats_and_folders(corpus: tuple[Path, dict[str, object]]) -> None:
    root, meta = corpus
    files = [p for p in root.rglob("*") if p.is_file()]
    assert meta["articles"] == N
    assert len(files) == meta["files"]
    assert sum(f.stat().st_size for f in files) == meta["bytes"]
    formats = meta["formats"]
    assert isinstance(formats, dict)
    assert sum(formats.values()) == N
    assert set(formats) == {"txt", "md", "json", "json_list", "jsonl"}
    assert formats["txt"] > N // 2  # mostly .txt
    # A JSONL feed holds many records, each a JSON object with a body field.
    (feed,) = root.rglob("*.jsonl")
    records = [json.loads(line) for line in feed.read_text("utf-8").splitlines()]
    assert len(records) == formats["jsonl"] > 1
    assert all({"text", "body", "content"} & set(r) and "url" in r for r in records)
    lists = [json.loads(p.read_text("utf-8")) for p in root.rglob("*.json")]
    assert any(isinstance(doc, list) and len(doc) > 1 for doc in lists)
    assert any(isinstance(doc, dict) for doc in lists)
    assert any(text.startswith("# ") for _, text in _texts(root, (".md",)))
    # Nested folders: category/year/lot-NNN/ for articles, flux/ for the feeds.
    assert all(len(p.relative_to(root).parts) >= (2 if p.suffix == ".jsonl" else 4) for p in files)


def test_every_noise_kind_and_paragraph_style_is_present(
    corpus: tuple[Path, dict[str, object]],
) -> None:
    root, meta = corpus
    noise, styles = meta["noise"], meta["paragraph_styles"]
    assert isinstance(noise, dict)
    assert isinstance(styles, dict)
    assert all(noise[kind] > 0 for kind in NOISE_KINDS), noise
    assert all(styles.get(style, 0) > 0 for style in PARAGRAPH_STYLES), styles

    texts = [text for _, text in _texts(root)]
    lines = [[line.strip() for line in text.splitlines()] for text in texts]

    def somewhere(predicate: Callable[[str, list[str]], bool]) -> bool:
        return any(predicate(t, ls) for t, ls in zip(texts, lines, strict=True))

    assert somewhere(lambda t, ls: "loading..." in ls)
    assert somewhere(lambda t, ls: "Avatar" in ls)
    assert somewhere(lambda t, ls: "le" in ls or "0" in ls)
    assert somewhere(lambda t, ls: "Vous devez être membre pour ajouter des commentaires." in ls)
    assert somewhere(lambda t, ls: any(x.startswith("Lire la suite de l'article sur") for x in ls))
    assert somewhere(lambda t, ls: "Partager sur Facebook" in t)
    assert somewhere(lambda t, ls: "©" in t)
    assert somewhere(lambda t, ls: any(x.startswith("Written by ") for x in ls))
    assert somewhere(lambda t, ls: any(x.startswith("Par ") for x in ls))
    assert somewhere(lambda t, ls: "(AFP)" in t)
    assert somewhere(lambda t, ls: ls[0] in CATEGORIES)
    assert somewhere(lambda t, ls: ls.count(ls[0]) >= 2)  # the title line repeated
    assert somewhere(lambda t, ls: re.search(r"[a-zé»”\"]\.[A-ZÉ«“\"]", t) is not None)  # glued
    # Three paragraph styles: blank-line separated, one line each, one huge block.
    assert somewhere(lambda t, ls: "\n\n" in t.strip())
    assert somewhere(lambda t, ls: "\n\n" not in t.strip() and t.count("\n") > 4)
    assert somewhere(lambda t, ls: max(len(x) for x in ls) > 3000)


def _article_text(root: Path, path: str, article_id: str) -> str:
    file = root / path
    if file.suffix == ".jsonl":
        lines = file.read_text("utf-8").splitlines()
        records = [json.loads(line) for line in lines]
        found = [r for r in records if r.get("id") == article_id]
        record = found[0] if found else records[int(article_id.rsplit("/", 1)[1]) - 1]
    elif file.suffix == ".json":
        document = json.loads(file.read_text("utf-8"))
        docs = document if isinstance(document, list) else [document]
        record = next(d for d in docs if d.get("id", article_id) == article_id)
    else:
        return next(text for p, text in _texts(file.parent) if p == file)
    return next(str(record[k]) for k in ("text", "body", "content") if k in record)


def _shingles(text: str) -> set[tuple[str, ...]]:
    # Letters only: copies differ in quotes, apostrophes, thousands separators and accents.
    words = re.findall(r"[^\W\d_]+", text.casefold().replace("é", "e").replace("è", "e"))
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def test_near_duplicates_are_changed_copies(corpus: tuple[Path, dict[str, object]]) -> None:
    root, meta = corpus
    pairs = meta["near_duplicates"]
    assert isinstance(pairs, list)
    assert len(pairs) == round(N * generate.DUPLICATE_RATE)
    containments, truncated = [], 0
    for pair in pairs:
        copy = _article_text(root, pair["path"], pair["id"])
        original = _article_text(root, pair["original_path"], pair["original_id"])
        assert copy != original
        copy_shingles, original_shingles = _shingles(copy), _shingles(original)
        containments.append(len(copy_shingles & original_shingles) / len(copy_shingles))
        truncated += len(copy_shingles) < 0.8 * len(original_shingles)
    containments.sort()
    assert containments[len(containments) // 2] > 0.6  # mostly the original's own text
    assert truncated >= len(pairs) // 3  # many are cut to about half


def test_vocabulary_grows_beyond_the_seeds(
    corpus: tuple[Path, dict[str, object]], tmp_path: Path
) -> None:
    _, meta = corpus
    seeds_only = meta["seed_distinct_words"]
    assert isinstance(seeds_only, int)
    assert seeds_only == generate.distinct_words(
        p.read_text("utf-8") for p in sorted((REPO / "seeds").glob("*.txt"))
    )
    distinct = meta["distinct_words"]
    assert isinstance(distinct, int)
    assert distinct > 3 * seeds_only
    # More articles, more words (Heaps' law), not a vocabulary that stops at the seeds'.
    small = tmp_path / "small"
    generate.generate_corpus(50, small)
    small_meta = generate.read_meta(small)
    assert small_meta is not None
    assert seeds_only < small_meta["distinct_words"] < distinct  # type: ignore[operator]


def test_lexicon_is_a_deterministic_open_sequence() -> None:
    words = [common_word(rank) for rank in range(20_000)]
    assert len(set(words)) > 0.999 * len(words)  # distinct ranks give distinct words
    assert all(re.fullmatch(r"[a-zéè]+", w) for w in words)
    first = [zipf_rank(random.Random(5), 0.3, 50.0) for _ in range(3)]
    assert first == [zipf_rank(random.Random(5), 0.3, 50.0) for _ in range(3)]


def test_ensure_corpus_reuses_a_current_corpus(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(generate, "OUT_DIR", tmp_path)
    folder = generate.ensure_corpus(30, progress=False)
    assert folder == tmp_path / "corpus-30"
    assert generate.is_current(folder, 30)

    def fail(*args: object, **kwargs: object) -> None:
        raise AssertionError("regenerated a current corpus")

    with monkeypatch.context() as patch:
        patch.setattr(generate, "generate_corpus", fail)
        assert generate.ensure_corpus(30, progress=False) == folder
    # A marker from another generator version is stale: the corpus is made again.
    marker = generate.meta_path(folder)
    stale = json.loads(marker.read_text("utf-8")) | {"generator_version": -1}
    marker.write_text(json.dumps(stale), "utf-8")
    assert not generate.is_current(folder, 30)
    generate.ensure_corpus(30, progress=False)
    assert generate.is_current(folder, 30)


def test_cli_never_replaces_a_folder_it_did_not_write(tmp_path: Path) -> None:
    mine = tmp_path / "notes"
    mine.mkdir()
    (mine / "keep.txt").write_text("my own notes", "utf-8")
    with pytest.raises(SystemExit) as exit_info:
        generate.main(["--articles", "5", "--out", str(mine)])
    assert exit_info.value.code == 2
    assert (mine / "keep.txt").read_text("utf-8") == "my own notes"


def test_generator_imports_no_ui_library() -> None:
    code = (
        "import sys, benchmarks.generate, benchmarks.run; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
