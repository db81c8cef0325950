"""Plain, frozen data shared by every layer: articles, their blocks, and load warnings."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class BlockKind(StrEnum):
    """What a block of an article's body is."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"


class Removal(StrEnum):
    """Why a line was taken out of an article's body (shown to the reader, never hidden)."""

    TITLE = "title"
    REPEATED = "repeated line"
    CATEGORY = "category"
    BYLINE = "byline"
    DATELINE = "date line"
    SOURCE = "source"
    DEBRIS = "loader debris"
    COMMENTS = "comments prompt"
    SHARE = "share bar"
    CAPTION = "photo caption"
    PROMO = "promotion"
    CONSENT = "cookie banner"
    FOOTER = "footer"
    MARKUP = "markup"


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph or heading of a cleaned article body."""

    kind: BlockKind
    text: str


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line (or a piece of one, such as a trailing ``(AFP)``) that is not part of the body."""

    text: str
    reason: Removal


@dataclass(frozen=True, slots=True)
class ParsedText:
    """What :func:`alireader.core.parse.parse_article` makes of one raw text."""

    title: str
    title_inferred: bool
    author: str | None
    source: str | None
    category: str | None
    date: str | None
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]

    @property
    def body(self) -> str:
        """The cleaned text: blocks separated by one blank line."""
        return "\n\n".join(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class Article:
    """One article of a corpus, cleaned and identified.

    ``id`` follows the CLI contract (path relative to its root, without extension, ``/``-separated;
    ``FILE/N`` for the N-th record of a JSONL file). ``path`` is the file it came from.
    """

    id: str
    path: str
    title: str
    title_inferred: bool
    author: str | None
    source: str | None
    category: str | None
    date: str | None
    url: str | None
    blocks: tuple[Block, ...]
    removed: tuple[RemovedLine, ...]
    body: str = field(repr=False)
    words: int
    encoding: str = "utf-8"

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The text of every block, headings included, in order."""
        return tuple(block.text for block in self.blocks)


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What the article list needs of an article: its metadata, not its body.

    Produced in bulk by :func:`alireader.core.summaries.iter_summaries` (in worker processes, so
    bodies never cross the process boundary); the full :class:`Article` is read back on demand
    with :func:`alireader.core.reopen.open_file`. ``id`` is unique across the corpus, ``key`` is
    its :func:`alireader.core.keys.article_key` and ``record`` the number of its record in a JSON
    or JSONL file (as in the ``FILE/N`` IDs; 0 for a file holding one object), None for a text
    or Markdown file.
    """

    id: str
    path: str
    title: str
    title_inferred: bool
    author: str | None
    source: str | None
    category: str | None
    date: str | None
    words: int
    key: str
    record: int | None = None


@dataclass(frozen=True, slots=True)
class LoadWarning:
    """A file that could not be used (or only partly), and why, in one sentence."""

    path: str
    message: str
