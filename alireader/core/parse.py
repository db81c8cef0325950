"""Turn the raw text of a scraped news article into a clean :class:`ParsedText`.

The rules are about the kinds of mess that scraped news has, never about one site or article:

1. The header: site furniture near the top is judged first (menus, loaders, cookie banners),
   then a category line above the title, the title line, and the bylines and date lines around
   it, in whatever order the site put them.
2. Anywhere: repeated title lines (with or without the site's name), loader debris, comment and
   membership prompts, share bars, captions and credits, "read more on X" links (X is the
   source), promotions and the headline links after a "Lire aussi :" label, agency credits,
   date lines, signatures, copyright notices, and short footer scraps after the last paragraph.
3. What is left becomes paragraphs and headings. Hard-wrapped text is re-joined; a short line
   without final punctuation between paragraphs is a heading. "(AFP)" tags are taken off the
   end of paragraphs and "PARIS (Reuters) -" off the start of the lead.
4. Without a title line, the title is inferred: the first heading-like line near the top, else
   the lead sentence cut at a word boundary (at most ``TITLE_MAX_CHARS``).

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
# Every noise recogniser judges lines up to this length on their folded form; longer lines are
# prose and are never folded (folding is the costliest step of reading a line).
_FOLD_MAX_CHARS = 300
_BYLINE_MAX_CHARS = 140
_BYLINE_ANYWHERE_MAX_CHARS = 80
_BYLINE_TAIL_MAX_WORDS = 6
_RELATED_LINKS_MAX = 5  # headline links after a bare "Lire aussi :" label
_RELATED_LINK_MAX_CHARS = 160
_SITE_SUFFIX_MAX_WORDS = 4  # "<title> - Le Parisien": the title again, with the site's name
_HEADER_BODY_LINES = 4  # lines of body text the header scan looks past for a byline or date

_LINE_SPACES = re.compile(r"[ \t\f\v]+")
_FINAL_PUNCT = tuple(".,;:")
_SENTENCE_FINAL = tuple('.!?…»"”)')
# A headline link may end with "?" or "!", never like a sentence or a lead-in.
_LINK_NOT_FINAL = tuple(".…:;,")
_BYLINE = re.compile(
    r"^(?:written by|posted by|reported by|by|par|publi[ée] par|propos recueillis par|texte|"
    r"auteurs?|authors?|r[ée]daction)\s*:?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
_BYLINE_INITIALS = frozenset("WwPpRrBbTtAaLl")
# A person's (or several people's) name: capitalised words with particles and initials.
_NAME_WORD = (
    r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|d['’][A-ZÀ-Þ][\w-]*"
    r"|de|du|des|de la|van|von|der|den|le|la|di|da|del|dos|bin|ibn|al|el)"
)
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"
# The names, then maybe a tail after a separator: "Par X, envoyé spécial", "By X | 2 May 2023",
# "Posted by X on March 9, 2022", "Par X avec AFP".
_NAMES = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|et|and|&)\s*{_NAME})*)\s*"
    rf"(?:$|(?:[,|–—·•/-]|\s(?:avec|with|on|le|pour|for|in|à|at)\s)\s*(?P<tail>.*)$)"
)
_PUBLICATION = re.compile(r"^(?:Le|La|Les|L['’]|The)\s?[A-ZÀ-Þ]")
_NAME_SEPARATOR = re.compile(r"\s*,\s*")
# "By Friday, the airline had ...", "By March 2022, ...": a time, not a person.
_NOT_NAMES_WORDS = """
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi
    samedi dimanche january february march april may june july august september october november
    december janvier fevrier février avril mai juin juillet aout août septembre octobre novembre
    décembre decembre then now the this that these those contrast comparison default far
"""
_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
_KICKER = re.compile(r"^[A-ZÀ-Ý]{2,}(?:[ -][A-ZÀ-Ý]{2,})?\.\s+(?=\S)")
# "La rédaction", "La rédaction avec AFP": the newsroom signs instead of a journalist.
_NEWSROOM = re.compile(
    r"^(?:par )?la r[ée]daction(?: (?:de|du|d['’])\s?[\w'’ .-]{1,40}?)?"
    r"(?:\s*(?:avec|,|et|-)\s*(?P<rest>.+))?$",
    re.IGNORECASE,
)
_CATEGORY_LABEL = re.compile(
    r"^(?:rubrique|categorie|category|section|dossier)\s*:\s*(?P<value>.+)$", re.IGNORECASE
)
_BREADCRUMB = re.compile(r"\s+(?:>|›|»|/|\|)\s+")
_MARKDOWN_HEADING = re.compile(r"^#{1,6}\s+(?P<text>.*?)\s*#*$")
_MARKDOWN_IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]*\)\s*$")
_MARKDOWN_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(?P<text>.+?)(?<=\S)\1")
# *italics* and _italics_, but not the * of a list or the _ inside snake_case words.
_MARKDOWN_ITALIC = re.compile(r"(?<![\w*])\*(?=[^\s*])(?P<text>[^*]+?)(?<=[^\s*])\*(?![\w*])")
_MARKDOWN_UNDERSCORE = re.compile(r"(?<![\w_])_(?=[^\s_])(?P<text>[^_]+?)(?<=[^\s_])_(?![\w_])")
_MARKDOWN_RULE = re.compile(r"^(?:-{3,}|\*{3,}|_{3,})$")
_MARKDOWN_QUOTE = re.compile(r"^>\s?")
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_]+)\s*:\s*(?P<value>.*)$")


@dataclass(slots=True)
class _Line:
    """One input line while it is being classified."""

    text: str
    folded: str
    removed: Removal | None = None
    raw: str = ""  # the line as written when Markdown syntax was taken out of ``text``
    heading: bool = False  # a Markdown heading: a heading whatever it looks like
    judged: bool = False  # already looked at by _judge

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
        RemovedLine(line.raw or line.text, line.removed)
        for line in lines
        if line.removed is not None
    ]
    removed += tag_removals

    title_inferred = False
    if meta.title is None:
        meta.title, title_inferred = _infer_title(blocks), True
    elif len(meta.title) > _TITLE_LINE_MAX_CHARS:  # from front matter or structured data
        meta.title = shorten(meta.title, _TITLE_LINE_MAX_CHARS)
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
    if "  " in text or "\t" in text or "\f" in text or "\v" in text:
        text = _LINE_SPACES.sub(" ", text)  # once for the whole text, not line by line
    lines: list[_Line] = []
    append = lines.append
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            append(_Line("", ""))
        else:
            # Only short lines are compared folded (titles, boilerplate): long ones are prose.
            append(_Line(line, fold(line) if len(line) <= _FOLD_MAX_CHARS else line))
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
        text = _MARKDOWN_EMPHASIS.sub(r"\g<text>", text)
        if "*" in text or "_" in text:
            text = _MARKDOWN_ITALIC.sub(r"\g<text>", text)
            text = _MARKDOWN_UNDERSCORE.sub(r"\g<text>", text)
        text = text.strip()
        folded = fold(text) if 0 < len(text) <= _FOLD_MAX_CHARS else text
        raw = line.text if text != line.text else ""
        result.append(_Line(text, folded, heading=heading is not None, raw=raw))
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
        if line.text and line.removed is None:
            found.append(index)
            if limit is not None and len(found) >= limit:
                break
    return found


def _take_header(lines: list[_Line], meta: _Meta) -> None:
    """Find the category line, the title line and the bylines and date lines near the top.

    Sites order these differently ("Publié le ..." may come above the title), so dates and
    bylines are taken wherever they are in the header; the title is the first other line.
    """
    top = _content_indexes(lines, 12)
    # Loader debris often sits between the header lines: judge it first. ("Rubrique : X" on
    # the first line is the category, not a tag list.)
    for position, index in enumerate(top):
        line = lines[index]
        if not (position == 0 and _CATEGORY_LABEL.match(line.folded)):
            _judge(line, meta)
    top = [index for index in top if lines[index].removed is None]
    looking_for_title = meta.title is None
    body_lines = 0
    for position, index in enumerate(top):
        line = lines[index]
        if _take_date_line(line, meta) or _take_byline(line, meta):
            continue
        if looking_for_title:
            following = lines[top[position + 1]] if position + 1 < len(top) else None
            if meta.category is None and _is_category_line(line, following):
                meta.category = _category_value(line.text)
                line.removed = Removal.CATEGORY
                continue
            looking_for_title = False
            if _is_title_line(line):
                meta.title = line.text
                line.removed = Removal.TITLE
                continue
        # Bylines and dates follow the title closely; stop at the first paragraph of prose.
        body_lines += 1
        if len(line.text) > 120 or body_lines >= _HEADER_BODY_LINES:
            break


def _is_category_line(line: _Line, following: _Line | None) -> bool:
    """A rubric or a breadcrumb above the title line (``following``)."""
    if _CATEGORY_LABEL.match(line.folded):
        return True
    text = line.text
    if len(text) > 60 or text.endswith(_SENTENCE_FINAL + _FINAL_PUNCT):
        return False
    if following is not None and (_is_byline(following.text) or is_date_line(following.text)):
        return False  # "Short title / Par X": the short line is the title
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
    # More than one sentence is prose, not a heading; a capitalised kicker ("VIDÉO. ...",
    # "EXCLUSIF. ...") is part of a title, not a sentence of its own.
    if kicker := _KICKER.match(text):
        text = text[kicker.end() :]
    return len(sentence_spans(text)) == 1


def _is_title_line(line: _Line) -> bool:
    if line.heading:
        return 0 < len(line.text) <= _TITLE_LINE_MAX_CHARS
    return len(line.text.split()) >= 2 and _looks_like_heading(
        line.text, _TITLE_LINE_MAX_CHARS, _TITLE_LINE_MAX_WORDS
    )


def _take_byline(line: _Line, meta: _Meta, *, strict: bool = False) -> bool:
    """Take a byline ("Par X", "Written by X", "By X and Y, Reuters"): its author, and the
    agency or date it names. ``strict`` (away from the header) accepts no other tail."""
    text = line.text
    # Every byline label starts with one of these letters: most lines stop here, cheaply.
    if len(text) > _BYLINE_MAX_CHARS or text[:1] not in _BYLINE_INITIALS:
        return False
    if len(text) <= 80 and (newsroom := _NEWSROOM.match(text)):
        rest = newsroom["rest"]
        agency = _agency(rest) if rest else None
        if rest and not agency:
            return False
        meta.source = meta.source or agency
        line.removed = Removal.BYLINE
        return True
    match = _BYLINE.match(text)
    if not match:
        return False
    names = _NAMES.match(match["rest"])
    if not names:
        return False
    who = names["names"].strip(" ,")
    parts = _NAME_SEPARATOR.split(who)
    whole = _agency(who)
    publication = not whole and _PUBLICATION.match(who) is not None
    if not (whole or publication) and parts[0].split()[0].casefold() in _NOT_NAMES:
        return False
    tail = (names["tail"] or "").strip()
    found_date = find_date(tail) if tail else None
    agency = _agency(tail) if tail else None
    if tail and not found_date and not agency:
        # A clause after the "names" is a sentence ("By Friday, the airline had ..."); a short
        # tail is a role or a place ("envoyé spécial", "in London"). A person has one.
        if strict or publication or len(parts) == len(who.split()) == 1:
            return False
        if len(tail.split()) > _BYLINE_TAIL_MAX_WORDS or tail.endswith(_SENTENCE_FINAL):
            return False
    # "By Jane Doe and John Roe, Reuters": the last name is the agency the authors write for.
    if len(parts) > 1 and (last := _agency(parts[-1])):
        agency = agency or last
        who = ", ".join(parts[:-1])
    if whole:
        agency = agency or whole
    elif publication:
        # "Par Le Monde avec AFP", "By The Guardian": a publication signs, not a person.
        meta.source = meta.source or who
    else:
        meta.author = meta.author or who
    if agency:
        meta.source = meta.source or agency
    if found_date:
        meta.date = meta.date or found_date
    line.removed = Removal.BYLINE
    return True


def _is_byline(text: str) -> bool:
    """Whether ``text`` reads like a byline (without judging its tail)."""
    match = _BYLINE.match(text)
    return bool(match and _NAMES.match(match["rest"]))


def _agency(text: str) -> str | None:
    """The agency that ``text`` names and nothing else ("Reuters", "The Associated Press")."""
    text = text.strip()
    if text[:4].casefold() == "the ":
        text = text[4:]
    return boilerplate.agency_line_source(text, text)


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
    related_links = 0  # headline links still expected after a "Lire aussi :" label
    for line in lines:
        if related_links:
            related_links = _related_link(line, related_links)
        if not line.text or line.removed is not None:
            # A "Lire aussi :" label (maybe taken with the header): its links follow.
            if line.removed is Removal.PROMO and boilerplate.is_related_label(line.folded):
                related_links = _RELATED_LINKS_MAX
            continue
        folded = line.folded
        if title is not None and _repeats_title(line, folded, title):
            continue
        if not line.judged:
            _judge(line, meta)
            if line.removed is not None:
                if line.removed is Removal.PROMO and boilerplate.is_related_label(folded):
                    related_links = _RELATED_LINKS_MAX
                continue
        # A date or a signature alone on its line is metadata wherever it is.
        if _take_date_line(line, meta):
            continue
        if len(line.text) <= _BYLINE_ANYWHERE_MAX_CHARS and _take_byline(line, meta, strict=True):
            continue
        # The same paragraph twice (a pull quote, a scraped teaser) is read once.
        if len(folded) >= 20:
            if folded in seen:
                line.removed = Removal.REPEATED
                continue
            seen.add(folded)


def _judge(line: _Line, meta: _Meta) -> None:
    """Remove ``line`` if it is site furniture: a "read more on X" link or an agency credit
    (both name the source), or any noise that :func:`boilerplate.classify_noise` knows."""
    line.judged = True
    text = line.text
    if (site := boilerplate.read_more_source(text)) is not None:
        meta.source = meta.source or site
        line.removed = Removal.SOURCE
    elif len(text) <= 60 and (agency := boilerplate.agency_line_source(text, line.folded)):
        meta.source = meta.source or agency
        line.removed = Removal.SOURCE
    else:
        line.removed = boilerplate.classify_noise(text, line.folded)


def _repeats_title(line: _Line, folded: str, title: str) -> bool:
    """Mark a copy of the title: the same words, with the site's name, or as a caption."""
    if not folded.startswith(title):
        return False
    rest = folded[len(title) :]
    if not rest.strip(" ."):
        line.removed = Removal.REPEATED
    elif boilerplate.is_caption(line.text, folded):
        line.removed = Removal.CAPTION
    elif rest[:3] in (" - ", " | ", " : ") and len(rest.split()) <= _SITE_SUFFIX_MAX_WORDS + 1:
        line.removed = Removal.REPEATED
    return line.removed is not None


def _related_link(line: _Line, remaining: int) -> int:
    """Remove a headline link after a "Lire aussi :" label; return how many more may follow."""
    if line.blank:
        # Blank lines may separate the label from its first link, but end the list after one.
        return remaining if remaining == _RELATED_LINKS_MAX else 0
    if line.removed is not None:
        return remaining
    text = line.text
    if line.heading or len(text) > _RELATED_LINK_MAX_CHARS or text.endswith(_LINK_NOT_FINAL):
        return 0
    line.removed = Removal.PROMO
    return remaining - 1


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
    lengths = [len(line.text) for line in lines if line.text and line.removed is None]
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
        if not line.text:  # a blank line ends the paragraph
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
    lead = True  # a dispatch's "PARIS (AFP) -" tag opens its first paragraph
    for position, group in enumerate(groups):
        text = " ".join(line.text for line in group)
        text, tags = _strip_agency_tags(text, meta, lead=lead)
        removals.extend(tags)
        if not text:
            continue
        is_last = position == len(groups) - 1
        heading = group[0].heading or (
            len(group) == 1
            and not is_last
            and _looks_like_heading(text, _HEADING_MAX_CHARS, _HEADING_MAX_WORDS)
        )
        lead = lead and heading
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


def _strip_agency_tags(text: str, meta: _Meta, *, lead: bool) -> tuple[str, list[RemovedLine]]:
    """Take "(AFP)" off the end of a paragraph and, in the lead, "PARIS (AFP) -" off its start."""
    removals = []
    if text.endswith(")") and (match := boilerplate.TRAILING_AGENCY.search(text)):
        meta.source = meta.source or match["source"]
        removals.append(RemovedLine(match.group(0).strip(), Removal.SOURCE))
        text = text[: match.start()].rstrip()
    if lead and (match := boilerplate.LEADING_AGENCY.match(text)):
        meta.source = meta.source or match["source"]
        # "PARIS, 3 mars 2021 (AFP) -": the dispatch's dateline dates the article.
        if meta.date is None and match["head"]:
            meta.date = find_date(match["head"])
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
