"""Whole invented articles with the noise real news sites leave, checked against sidecar files.

Each ``tests/data/articles/NAME.txt`` (or ``.md``) has a ``NAME.expected`` file, JSON but not
named ``.json`` so that the folder opens as a corpus without warnings, that states what a
careful reader would take from it: metadata, how many headings and paragraphs the body has,
text that must survive the cleaning exactly as written, and boilerplate that must not.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from alireader.core.models import BlockKind, ParsedText
from alireader.core.parse import TITLE_MAX_CHARS, parse_article
from alireader.core.text import sentence_spans

ARTICLES = Path(__file__).resolve().parents[1] / "data" / "articles"
ARTICLE_FILES = sorted(
    path for path in ARTICLES.iterdir() if path.suffix in (".txt", ".md") and path.is_file()
)
METADATA = ("title", "title_inferred", "author", "source", "category", "date")


def _expected(path: Path) -> dict[str, Any]:
    sidecar = path.with_name(path.stem + ".expected")
    data: dict[str, Any] = json.loads(sidecar.read_text(encoding="utf-8"))
    return data


def _parse(path: Path) -> ParsedText:
    return parse_article(path.read_text(encoding="utf-8"), markdown=path.suffix == ".md")


def test_the_collection_covers_both_languages() -> None:
    languages = Counter(_expected(path)["lang"] for path in ARTICLE_FILES)
    assert languages["fr"] >= 8
    assert languages["en"] >= 6
    assert any(path.suffix == ".md" for path in ARTICLE_FILES)


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_metadata(path: Path) -> None:
    expected = _expected(path)
    parsed = _parse(path)
    found = {name: getattr(parsed, name) for name in METADATA}
    assert found == {name: expected[name] for name in METADATA}


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_body_structure(path: Path) -> None:
    expected = _expected(path)
    parsed = _parse(path)
    kinds = Counter(block.kind for block in parsed.blocks)
    assert (kinds[BlockKind.HEADING], kinds[BlockKind.PARAGRAPH]) == (
        expected["headings"],
        expected["paragraphs"],
    ), [(block.kind.value, block.text[:60]) for block in parsed.blocks]
    for block in parsed.blocks:
        assert block.text == block.text.strip()
        assert "\n" not in block.text
    if "sentences" in expected:
        count = sum(len(sentence_spans(block.text)) for block in parsed.blocks)
        assert count == expected["sentences"]


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_body_keeps_the_text(path: Path) -> None:
    body = _parse(path).body
    for text in _expected(path)["body_contains"]:
        assert text in body


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_body_has_no_boilerplate(path: Path) -> None:
    body = _parse(path).body
    for text in _expected(path)["body_excludes"]:
        assert text not in body


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_inferred_titles_fit(path: Path) -> None:
    parsed = _parse(path)
    assert parsed.title
    if parsed.title_inferred:
        assert len(parsed.title) <= TITLE_MAX_CHARS
        assert parsed.title.rstrip("…") in parsed.body


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=lambda path: path.stem)
def test_every_removed_line_came_from_the_input(path: Path) -> None:
    raw = " ".join(path.read_text(encoding="utf-8").split())
    for removed in _parse(path).removed:
        assert removed.text in raw or removed.text.startswith("("), removed
