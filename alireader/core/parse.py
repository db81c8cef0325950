"""Turn the raw text of a scraped news article into a clean :class:`ParsedText`.

The rules are about the kinds of mess that scraped news has, never about one site or article:

1. Lines are classified top-down: a category line above the title, the title line, bylines,
   date lines, then anywhere: repeated title lines, loader debris, comment and membership prompts,
   share bars, captions, "read more on X" links, promotions, and trailing footer scraps.
2. What is left becomes paragraphs and headings. Hard-wrapped text is re-joined; a short line
   without final punctuation between paragraphs is a heading.
3. Without a title line, the title is inferred: the first heading-like line near the top, else
   the lead sentence cut at a word boundary.

Nothing is silently dropped: every line taken out of the body is kept in ``removed`` with its
reason, so ``body`` plus ``removed`` account for every word of the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alireader.core import boilerplate
from alireader.core.dates import find_date, is_date_line
from alireader.core.models import Block, BlockKind, ParsedText, Removal, RemovedLine
from alireader.core.text import fold, sentence_spans

TITLE_MAX_CHARS = 100
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 12
_TITLE_LINE_MAX_CHARS = 200
_TITLE_LINE_MAX_WORDS = 30
_TITLE_SEARCH_LINES = 6  # "near the top": how many content lines an inferred title may be down
_FOOTER_MAX_WORDS = 4

_LINE_SPACES = re.compile(r"[ \t\f\v]+")
_FINAL_PUNCT = tuple(".,;:")
_SENTENCE_FINAL = tuple('.!?…»"”)')
_BYLINE = re.compile(
    r"^(?:written by|posted by|reported by|by|par|publi[ée] par|propos recueillis par|texte|"
    r"auteurs?|authors?|r[ée]daction)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
# A person's (or several people's) name: capitalised words with particles and initials.
_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|d['’][A-ZÀ-Þ][\w-]*"
    r"|de|du|des|de la|van|von|der|den|le|la|di|da|del|dos|bin|ibn|al|el)"
)
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"
_NAMES = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|et|and|&)\s*{_NAME})*)\s*(?:$|[,|–—-]\s*(?P<tail>.*)$)"
)
_CATEGORY_LABEL = re.compile(
    r"^(?:rubrique|categorie|category|section|dossier)\s*:\s*(?P<value>.+)$", re.IGNORECASE
)
_BREADCRUMB = re.compile(r"\s+(?:>|›|»|/|\|)\s+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*#*$")
_MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_MARKDOWN_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1")
_MARKDOWN_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_MARKDOWN_QUOTE = re.compile(r"^>\s?")
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$")


@dataclass(slots=True)
class _Line:
    """One input line while it is being classified."""

    text: str
    folded: str
    removed: Removal | None = None
    heading: bool = False  # a Markdown heading: a heading whatever it looks like

    @property
    def blank(self) -> bool:
        return not self.text

    @property
    def content(self) -> bool:
        return bool(self.text) and self.removed is None


@dataclass(slots=True)
class _Meta:
    """The metadata found while classifying lines (hints from structured data win)."""

    title: str | None = None
    author: str | None = None
    source: str | None = None
    category: str | None = None
    date: str | None = None


def parse_article(
    text: str,
    *,
    markdown: bool = False,
    title: str | None = None,
    author: str | None = None,
    source: str | None = None,
    category: str | None = None,
    date: str | None = None,
) -> ParsedText:
    """Parse the raw text of one article.

    ``markdown`` reads Markdown syntax (front matter, ``#`` headings, images, links). The keyword
    hints come from structured data (JSON fields) and take precedence over what the text says.
    Never raises on any ``str`` input.
    """
    lines = _split_lines(text)
    meta = _Meta(title=_clean(title), author=_clean(author), source=_clean(source))
    meta.category, meta.date = _clean(category), _clean(date)
    extra_removed: list[RemovedLine] = []
    if markdown:
        lines = _read_markdown(lines, meta, extra_removed)

    given_title = meta.title is not None
    _take_header(lines, meta)
    _remove_noise(lines, meta)
    _trim_footer(lines)
    blocks, tag_removals = _build_blocks(lines, meta)
    removed = extra_removed + [
        RemovedLine(line.text, line.removed) for line in lines if line.removed is not None
    ]
    removed += tag_removals

    title_inferred = False
    if meta.title is None:
        meta.title, title_inferred = _infer_title(blocks), True
    return ParsedText(
        title=meta.title or "",
        title_inferred=title_inferred and not given_title,
        author=meta.author,
        source=meta.source,
        category=meta.category,
        date=meta.date,
        blocks=tuple(blocks),
        removed=tuple(removed),
    )


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _LINE_SPACES.sub(" ", value.replace("\n", " ")).strip()
    return value or None


def _split_lines(text: str) -> list[_Line]:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n").lstrip("\ufeff")
    lines = []
    for raw in text.split("\n"):
        line = _LINE_SPACES.sub(" ", raw).strip()
        lines.append(_Line(line, fold(line) if line else ""))
    return lines


# --- Markdown -------------------------------------------------------------------------------


def _read_markdown(lines: list[_Line], meta: _Meta, removed: list[RemovedLine]) -> list[_Line]:
    """Strip Markdown syntax, keeping its meaning: front matter becomes metadata, ``#`` lines
    headings (the first ``#`` line, the title), images captions, links their text."""
    start = 0
    if lines and lines[0].text == "---":
        for index in range(1, min(len(lines), 60)):
            if lines[index].text in ("---", "..."):
                for line in lines[: index + 1]:
                    if line.text:
                        removed.append(RemovedLine(line.text, Removal.MARKUP))
                    _front_matter_field(line.text, meta)
                start = index + 1
                break
    result = []
    for line in lines[start:]:
        text = _MARKDOWN_QUOTE.sub("", line.text)
        if _MARKDOWN_RULE.match(text):
            result.append(_Line(line.text, line.folded, Removal.MARKUP))
            continue
        if _MARKDOWN_IMAGE.match(text):
            result.append(_Line(line.text, line.folded, Removal.CAPTION))
            continue
        heading = _MARKDOWN_HEADING.match(text)
        if heading:
            text = heading["text"]
        text = _MARKDOWN_LINK.sub(_link_text, text)
        text = _MARKDOWN_EMPHASIS.sub(r"\g<text>", text).strip()
        result.append(_Line(text, fold(text) if text else "", heading=heading is not None))
    return result


def _link_text(match: re.Match[str]) -> str:
    # Keep the URL when the link has no words of its own, so no information is lost.
    return match["text"] or match["url"]


def _front_matter_field(line: str, meta: _Meta) -> None:
    field = _FRONT_MATTER_KEY.match(line)
    if not field:
        return
    key, value = field["key"].casefold(), field["value"].strip().strip("\"'")
    if not value:
        return
    if key == "title" and meta.title is None:
        meta.title = value
    elif key in ("author", "authors", "byline") and meta.author is None:
        meta.author = value.strip("[]").replace('"', "")
    elif key in ("source", "site", "publisher") and meta.source is None:
        meta.source = value
    elif key in ("category", "section", "rubrique") and meta.category is None:
        meta.category = value
    elif key in ("date", "published", "pubdate") and meta.date is None:
        meta.date = find_date(value) or value


# --- The header: category, title, byline, date ----------------------------------------------


def _content_indexes(lines: list[_Line], limit: int | None = None) -> list[int]:
    found = []
    for index, line in enumerate(lines):
        if line.content:
            found.append(index)
            if limit is not None and len(found) >= limit:
                break
    return found


def _take_header(lines: list[_Line], meta: _Meta) -> None:
    """Find the category line, the title line and the bylines and date lines near the top."""
    top = _content_indexes(lines, 12)
    # Loader debris often sits between the header lines: judge it first.
    for index in top:
        line = lines[index]
        if (reason := boilerplate.classify_noise(line.text, line.folded)) is not None:
            line.removed = reason
    top = [index for index in top if lines[index].removed is None]
    if not top:
        return
    first = lines[top[0]]
    if meta.title is None and _is_category_line(first, lines[top[1]] if len(top) > 1 else None):
        meta.category = meta.category or _category_value(first.text)
        first.removed = Removal.CATEGORY
        top = top[1:]
    if top and meta.title is None and _is_title_line(lines[top[0]]):
        meta.title = lines[top[0]].text
        lines[top[0]].removed = Removal.TITLE
        top = top[1:]
    # Bylines and dates follow the title closely; stop at the first paragraph of prose.
    for index in top[:5]:
        line = lines[index]
        if _take_byline(line, meta) or _take_date_line(line, meta):
            continue
        if len(line.text) > 120:
            break


def _is_category_line(line: _Line, following: _Line | None) -> bool:
    if _CATEGORY_LABEL.match(line.folded):
        return True
    text = line.text
    if len(text) > 60 or text.endswith(_SENTENCE_FINAL + _FINAL_PUNCT):
        return False
    if len(_BREADCRUMB.split(text)) >= 2 and following is not None and _is_title_line(following):
        return all(len(part.split()) <= 4 for part in _BREADCRUMB.split(text))
    # A rubric: one to three words, no digits, above a longer title line.
    words = text.split()
    return (
        len(words) <= 3
        and len(text) <= 32
        and not any(ch.isdigit() for ch in text)
        and text[0].isupper()
        and following is not None
        and _is_title_line(following)
        and len(following.text.split()) > len(words) + 1
    )


def _category_value(text: str) -> str:
    if match := _CATEGORY_LABEL.match(text):
        return match["value"].strip()
    parts = [part.strip() for part in _BREADCRUMB.split(text) if part.strip()]
    # In a breadcrumb ("Accueil > Économie > Entreprises") the last part is the most specific.
    return parts[-1] if parts else text


def _looks_like_heading(text: str, max_chars: int, max_words: int) -> bool:
    """Short, starting like a title, and not ending like a sentence (``?`` and ``!`` may end
    a heading: "Alibaba : enfin un concurrent pour Amazon ?")."""
    if not text or len(text) > max_chars or text.endswith(_FINAL_PUNCT) or text.endswith("…"):
        return False
    first = text[0]
    if not (first.isupper() or first.isdigit() or first in "\"“«'‘"):
        return False
    words = len(text.split())
    if words > max_words or not any(ch.isalpha() for ch in text):
        return False
    # More than one sentence is prose, not a heading.
    return len(sentence_spans(text)) == 1


def _is_title_line(line: _Line) -> bool:
    if line.heading:
        return True
    return len(line.text.split()) >= 2 and _looks_like_heading(
        line.text, _TITLE_LINE_MAX_CHARS, _TITLE_LINE_MAX_WORDS
    )


def _take_byline(line: _Line, meta: _Meta) -> bool:
    if len(line.text) > 140:
        return False
    match = _BYLINE.match(line.text)
    if not match:
        return False
    names = _NAMES.match(match["rest"])
    if not names:
        return False
    who = names["names"].strip(" ,")
    if agency := boilerplate.agency_line_source(who, fold(who)):
        meta.source = meta.source or agency
    else:
        meta.author = meta.author or who
    if names["tail"] and (found := find_date(names["tail"])):
        meta.date = meta.date or found
    line.removed = Removal.BYLINE
    return True


def _take_date_line(line: _Line, meta: _Meta) -> bool:
    if not is_date_line(line.text):
        return False
    meta.date = meta.date or find_date(line.text)
    line.removed = Removal.DATELINE
    return True


# --- Noise anywhere -------------------------------------------------------------------------


def _remove_noise(lines: list[_Line], meta: _Meta) -> None:
    title = fold(meta.title) if meta.title else None
    seen: set[str] = set()
    for line in lines:
        if not line.content:
            continue
        folded = line.folded
        if title is not None and (folded == title or folded.rstrip(" .") == title):
            line.removed = Removal.REPEATED
            continue
        if (
            title is not None
            and folded.startswith(title)
            and boilerplate.is_caption(line.text, folded)
        ):
            line.removed = Removal.CAPTION
            continue
        if (site := boilerplate.read_more_source(line.text)) is not None:
            meta.source = meta.source or site
            line.removed = Removal.SOURCE
            continue
        if len(line.text) <= 60 and (agency := boilerplate.agency_line_source(line.text, folded)):
            meta.source = meta.source or agency
            line.removed = Removal.SOURCE
            continue
        if (reason := boilerplate.classify_noise(line.text, folded)) is not None:
            line.removed = reason
            continue
        # The same paragraph twice (a pull quote, a scraped teaser) is read once.
        if len(folded) >= 20:
            if folded in seen:
                line.removed = Removal.REPEATED
                continue
            seen.add(folded)


def _trim_footer(lines: list[_Line]) -> None:
    """Scraps after the last paragraph ("L'équipe", "Suivre l'émission") are page furniture."""
    for line in reversed(lines):
        if not line.content:
            continue
        text = line.text
        if (
            line.heading
            or len(text.split()) > _FOOTER_MAX_WORDS
            or len(text) > 40
            or text.endswith(_SENTENCE_FINAL)
        ):
            return
        line.removed = Removal.FOOTER


# --- Blocks ---------------------------------------------------------------------------------


def _is_hard_wrapped(lines: list[_Line]) -> bool:
    """True when prose was wrapped at a fixed width (e-mail, Gutenberg, fixed-width exports)."""
    lengths = [len(line.text) for line in lines if line.content]
    long_lines = [n for n in lengths if n > 30]
    if len(long_lines) < 4:
        return False
    return max(lengths) <= 100 and sum(n >= 55 for n in long_lines) / len(long_lines) > 0.6


def _build_blocks(lines: list[_Line], meta: _Meta) -> tuple[list[Block], list[RemovedLine]]:
    """Group the remaining lines into paragraphs and headings; strip agency tags."""
    wrapped = _is_hard_wrapped(lines)
    groups: list[list[_Line]] = []
    current: list[_Line] = []
    for line in lines:
        if line.blank:
            if current:
                groups.append(current)
                current = []
            continue
        if line.removed is not None:
            continue
        if current and (
            line.heading or current[-1].heading or not _continues(current[-1], line, wrapped)
        ):
            groups.append(current)
            current = []
        current.append(line)
    if current:
        groups.append(current)

    blocks: list[Block] = []
    removals: list[RemovedLine] = []
    for position, group in enumerate(groups):
        text = " ".join(line.text for line in group)
        text, tags = _strip_agency_tags(text, meta, first=position == 0)
        removals.extend(tags)
        if not text:
            continue
        is_last = position == len(groups) - 1
        heading = group[0].heading or (
            len(group) == 1
            and not is_last
            and _looks_like_heading(text, _HEADING_MAX_CHARS, _HEADING_MAX_WORDS)
        )
        blocks.append(Block(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, text))
    return blocks, removals


def _continues(previous: _Line, line: _Line, wrapped: bool) -> bool:
    """Whether ``line`` continues the paragraph that ``previous`` ends (no blank between)."""
    if wrapped:
        return not previous.text.endswith(_SENTENCE_FINAL) or len(previous.text) >= 55
    # One line per paragraph is the norm in scraped text; a line cut mid-sentence is not.
    return (
        len(previous.text) >= 40
        and not previous.text.endswith(_SENTENCE_FINAL + _FINAL_PUNCT)
        and line.text[:1].islower()
    )


def _strip_agency_tags(text: str, meta: _Meta, *, first: bool) -> tuple[str, list[RemovedLine]]:
    removals = []
    if match := boilerplate.TRAILING_AGENCY.search(text):
        meta.source = meta.source or match["source"]
        removals.append(RemovedLine(match.group(0).strip(), Removal.SOURCE))
        text = text[: match.start()].rstrip()
    if first and (match := boilerplate.LEADING_AGENCY.match(text)):
        meta.source = meta.source or match["source"]
        removals.append(RemovedLine(f"({match['source']})", Removal.SOURCE))
        text = (match["head"] + " " + text[match.end() :].lstrip()).strip()
    return text, removals


# --- Title inference ------------------------------------------------------------------------


def _infer_title(blocks: list[Block]) -> str:
    """The first heading-like block near the top, else the lead sentence, ≤ 100 characters."""
    for block in blocks[:_TITLE_SEARCH_LINES]:
        if (
            block.kind is BlockKind.HEADING
            and len(block.text.split()) >= 2
            and len(block.text) <= TITLE_MAX_CHARS
        ):
            return block.text
    for block in blocks:
        spans = sentence_spans(block.text)
        if spans:
            start, end = spans[0]
            return shorten(block.text[start:end], TITLE_MAX_CHARS)
    return ""


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary so that it fits in ``limit`` characters, with "…"."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"
