"""The core on hostile input: ``load_corpus`` and ``load_summaries`` load what can be read, warn
once per bad file (naming it), keep every text exactly as written, and never write."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from alireader.core.corpus import load_corpus
from alireader.core.models import Article, ArticleSummary, LoadWarning
from alireader.core.summaries import load_summaries
from tests.hostile.corpus import (
    BAD,
    CASES,
    ESCAPES,
    MARKUP,
    case_of,
    encodable,
    read_only,
    snapshot,
    write_cases,
)

Loaded = tuple[Sequence[Article | ArticleSummary], Sequence[LoadWarning]]


def with_corpus(paths: list[Path]) -> Loaded:
    corpus = load_corpus(paths)
    return corpus.articles, corpus.warnings


LOADERS: dict[str, Callable[[list[Path]], Loaded]] = {
    "load_corpus": with_corpus,
    "load_summaries": load_summaries,
}
loaders = pytest.mark.parametrize("load", LOADERS.values(), ids=LOADERS.keys())

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
needs_permissions = pytest.mark.skipif(
    IS_ROOT, reason="root reads files and folders whatever their permissions"
)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    return write_cases(tmp_path / "hostile")


@loaders
def test_each_bad_file_warns_once_naming_it(
    hostile: Path, load: Callable[[list[Path]], Loaded]
) -> None:
    _articles, warnings = load([hostile])
    named = Counter(case_of(warning.path).name for warning in warnings)
    assert named == Counter(case.name for case in BAD)
    for warning in warnings:
        case = case_of(warning.path)
        assert case.warning is not None and case.warning in warning.message, warning
        assert encodable(warning.path) and encodable(warning.message)


@loaders
def test_what_can_be_read_is_loaded_literally(
    hostile: Path, load: Callable[[list[Path]], Loaded]
) -> None:
    articles, _warnings = load([hostile])
    by_id = {article.id: article for article in articles}
    for case in CASES:
        if case.article_id is None:
            assert not any(case.stem in article.id for article in articles), case
            continue
        assert case.article_id in by_id, (case.article_id, sorted(by_id))
        assert by_id[case.article_id].title == case.title
    # Every text can be written out as UTF-8, whatever the file names and JSON escapes held.
    for article in articles:
        assert encodable(article.id) and encodable(article.title), article
    # A JSONL record with escapes, markup and lone surrogates loads beside its broken lines.
    record = by_id["broken/4"]
    assert record.title == "Titre \x1b[31m\ufffd [bold]x[/]"
    assert {"broken/1", "broken/4", "broken/5"} <= set(by_id)


def test_bodies_keep_escapes_markup_and_scripts_as_written(hostile: Path) -> None:
    by_id = {article.id: article for article in load_corpus([hostile])}
    assert by_id["escapes"].body == f"Le corps {ESCAPES} continue."
    assert by_id["markup"].body == f"Le corps {MARKUP} continue."
    assert "هذا نص عربي." in by_id["rtl"].body and "בעברית" in by_id["rtl"].body
    assert "👨‍👩‍👧" in by_id["wide"].body and "中文字符" in by_id["wide"].body
    assert by_id["combining"].body == "E\u0301te\u0301 a\u0300 la\u0300 mer."
    assert by_id["nul-inside"].body == "Avant\x00après le NUL."
    assert by_id["nul-padded"].body == "Le corps de l'article continue ici."
    assert "Octets \ufffd\ufffd perdus \ufffd." in by_id["invalid-utf8"].body
    assert "这是正文的第一句。\n\n这是第二句，还有更多内容。" in by_id["cjk-utf16-nobom"].body


@loaders
def test_loading_never_writes_to_the_corpus(
    hostile: Path, load: Callable[[list[Path]], Loaded]
) -> None:
    before = snapshot(hostile)
    with contextlib.contextmanager(read_only)(hostile):
        articles, _warnings = load([hostile])
    assert articles
    assert snapshot(hostile) == before


@loaders
def test_a_symlink_loop_and_a_self_link_end(
    tmp_path: Path, load: Callable[[list[Path]], Loaded]
) -> None:
    corpus = write_cases(tmp_path / "c" / "a", CASES[:1]).parent
    (corpus / "a" / "back").symlink_to(corpus, target_is_directory=True)
    (corpus / "self").symlink_to(corpus / "self")
    articles, warnings = load([corpus])
    assert [article.id for article in articles] == ["a/good"]
    assert sorted(Path(w.path).name for w in warnings) == ["back", "self"]
    assert all("symbolic link loop" in w.message for w in warnings)


@loaders
def test_thirty_nested_folders(tmp_path: Path, load: Callable[[list[Path]], Loaded]) -> None:
    deep = tmp_path.joinpath("c", *(f"n{depth:02d}" for depth in range(30)))
    write_cases(deep, CASES[:1])
    articles, warnings = load([tmp_path / "c"])
    assert [article.id for article in articles] == ["/".join(deep.parts[-30:]) + "/good"]
    assert warnings == []


@needs_permissions
@loaders
def test_unreadable_files_and_folders_warn(
    hostile: Path, load: Callable[[list[Path]], Loaded]
) -> None:
    (hostile / "closed").mkdir()
    write_cases(hostile / "closed", CASES[:1])
    locked = hostile / "good.txt"
    locked.chmod(0)
    (hostile / "closed").chmod(0)
    try:
        articles, warnings = load([hostile])
    finally:
        locked.chmod(0o644)
        (hostile / "closed").chmod(0o755)
    messages = {Path(w.path).name: w.message for w in warnings}
    assert messages["good.txt"] == "skipped: permission denied"
    assert messages["closed"] == "folder skipped: permission denied"
    assert "markup" in {article.id for article in articles}


@loaders
def test_unreadable_files_and_folders_warn_even_as_root(
    hostile: Path, load: Callable[[list[Path]], Loaded], monkeypatch: pytest.MonkeyPatch
) -> None:
    # Root reads anything, so the permission errors are simulated where the loader meets them.
    write_cases(hostile / "closed", CASES[:1])
    real_scandir, real_open = os.scandir, Path.open

    def scandir(path: str | os.PathLike[str]) -> os._ScandirIterator[str]:
        if Path(path).name == "closed":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    def open_file(self: Path, *args: object, **kwargs: object) -> object:
        if self.name == "good.txt" and self.parent == hostile:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(Path, "open", open_file)
    articles, warnings = load([hostile])
    messages = Counter((Path(w.path).name, w.message) for w in warnings)
    assert messages[("good.txt", "skipped: permission denied")] == 1
    assert messages[("closed", "folder skipped: permission denied")] == 1
    assert "markup" in {article.id for article in articles}
