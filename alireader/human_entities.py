"""Human-readable output of ``alireader entities``, rendered with Rich.

On a terminal, entities take their label's style from the theme's ``[styles]`` (``PER``,
``ORG`` ...), with a legend first. Into a pipe or under ``NO_COLOR`` the marking is plain text,
``[Sébastien Badault]PER``, so the labels survive without colour. Article text is printed
literally, as everywhere (see :mod:`alireader.human`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.text import Text

from alireader.core.entities import LABELS, Entity
from alireader.human import READING_MEASURE, byline, literal

if TYPE_CHECKING:
    from alireader.core.entity_index import EntityEntry
    from alireader.core.models import Article


def _plain(console: Console) -> bool:
    return console.no_color or console.color_system is None or not console.is_terminal


def marked_text(
    text: str, entities: Sequence[Entity], styles: Mapping[str, str], *, plain: bool
) -> Text:
    """``text`` with ``entities`` (offsets into it, sorted) styled by label, or marked
    ``[text]LABEL`` when ``plain``. Each piece is made literal on its own, so a control
    character in the article never shifts a mark."""
    shown = Text()
    at = 0
    for entity in entities:
        if entity.start < at or entity.end > len(text):
            continue  # not sorted or out of range: never mark the wrong words
        shown.append(literal(text[at : entity.start]))
        words = literal(text[entity.start : entity.end])
        if plain:
            shown.append(f"[{words}]{entity.label}")
        else:
            shown.append(words, style=styles.get(entity.label, "bold"))
        at = entity.end
    shown.append(literal(text[at:]))
    return shown


def legend(styles: Mapping[str, str]) -> Text:
    """One line naming each label in its style."""
    line = Text()
    for index, label in enumerate(LABELS):
        if index:
            line.append("  ")
        line.append(label, style=styles.get(label, "bold"))
    return line


def print_article_entities(
    console: Console, article: Article, entities: Sequence[Entity], styles: Mapping[str, str]
) -> None:
    """The article, title and byline first, its body with the entities marked, paragraph by
    paragraph (offsets are into ``article.body``: blocks joined by one blank line)."""
    plain = _plain(console)
    width = min(console.width, READING_MEASURE) if console.is_terminal else None

    def emit(text: Text) -> None:
        if width is None:
            console.print(text, soft_wrap=True)
        else:
            console.print(text, width=width)

    emit(Text(literal(article.title), style="bold"))
    emit(Text(byline(article), style="dim"))
    if not plain:
        emit(legend(styles))
    body = article.body
    start = 0
    ordered = sorted(entities, key=lambda entity: entity.start)
    for block in article.blocks:
        end = start + len(block.text)
        inside = [
            Entity(e.start - start, e.end - start, e.label, e.text)
            for e in ordered
            if e.start >= start and e.end <= end
        ]
        console.print()
        emit(marked_text(body[start:end], inside, styles, plain=plain))
        start = end + 2  # the blank line between blocks
    count = len(entities)
    console.print()
    emit(Text(f"{count} entit{'ies' if count != 1 else 'y'}", style="dim"))


def print_corpus_entities(
    console: Console, entries: Sequence[EntityEntry], styles: Mapping[str, str]
) -> None:
    """One line per entity: mentions, label, text, and in how many articles."""
    plain = _plain(console)
    for entry in entries:
        line = Text(f"{entry.count:>6}  ")
        label = f"{entry.label:<7}"
        line.append(label, style="" if plain else styles.get(entry.label, "bold"))
        line.append("  ")
        line.append(_entity_text(entry))
        line.append(_in_articles(entry), style="dim")
        console.print(line, soft_wrap=True)
    console.print(Text(_entities_total(entries), style="dim"))


def write_corpus_entities(stream: TextIO, entries: Sequence[EntityEntry]) -> None:
    """:func:`print_corpus_entities` as plain text, for a pipe or a file: the same lines,
    written directly (Rich takes seconds over the 150k entities of a 100k-article corpus)."""
    stream.writelines(
        f"{entry.count:>6}  {entry.label:<7}  {_entity_text(entry)}{_in_articles(entry)}\n"
        for entry in entries
    )
    stream.write(_entities_total(entries) + "\n")


def _entity_text(entry: EntityEntry) -> str:
    return " ".join(literal(entry.text).split())


def _in_articles(entry: EntityEntry) -> str:
    articles = len(entry.articles)
    return f"  ({articles} article{'s' * (articles != 1)})"


def _entities_total(entries: Sequence[EntityEntry]) -> str:
    count = len(entries)
    return f"{count} entit{'ies' if count != 1 else 'y'}"
