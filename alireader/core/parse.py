"""Turn the raw text of a scraped news article into a clean :class:`ParsedText`.

The rules are about the kinds of mess that scraped news has, never about one site or article:

1. The header: site furniture near the top is judged first (menus, loaders, cookie banners),
   then a category line above the title, the title line, and the bylines and date lines around
   it, in whatever order the site put them.
2. Anywhere: repeated title lines (with or without the site's name), loader debris, comment and
   membership prompts, share bars, captions and credits, "read more on X" links (X is the
   source), promotions and the headline links after a "Lire aussi :" label, agency credits,
   labelled date lines, signatures, copyright notices. What may also be article text is judged
   by where it is: a bare date ("24 janvier 2020"), a lone year ("1914") or a "Source : X" line
   is metadata above the first paragraph or below the last one, and text (a heading, a data
   credit) between them; short scraps after the last paragraph are the page's footer.
3. What is left becomes paragraphs and headings. Hard-wrapped text is re-joined; a short line
   without final punctuation between paragraphs is a heading. "(AFP)" tags are taken off the
   end of paragraphs and "PARIS (Reuters) -" off the start of the lead.
4. Without a title line, the title is inferred: a heading above the first paragraph (or one the
   page repeats as its picture's caption), else the lead sentence cut at a word boundary (at
   most ``TITLE_MAX_CHARS``).

Nothing is silently dropped: every line taken out of the body is kept in ``removed`` with its
reason, so ``body`` plus ``removed`` account for every word of the input. When a rule is in
doubt, the line stays in the body: losing article text is worse than keeping a scrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alireader.core import boilerplate
from alireader.core.dates import find_date, is_bare_date, is_date_line
from alireader.core.models import Block, BlockKind, ParsedText, Removal, RemovedLine
from alireader.core.text import fold, fold_lines, sentence_spans, strip_accents

TITLE_MAX_CHARS = 100
_HEADING_MAX_CHARS = 90
_HEADING_MAX_WORDS = 12
_TITLE_LINE_MAX_CHARS = 200
_TITLE_LINE_MAX_WORDS = 30
_TITLE_SEARCH_LINES = 6  # "near the top": how many blocks down an inferred title may be
_CATEGORY_MAX_CHARS = 60  # a rubric or a breadcrumb is short
_RUBRIC_MAX_WORDS = 3
_RUBRIC_MAX_CHARS = 32
_FOOTER_MAX_WORDS = 4
_FOOTER_MAX_CHARS = 40
# Every noise recogniser judges lines up to this length on their folded form; longer lines are
# prose and are never folded (folding is the costliest step of reading a line).
_FOLD_MAX_CHARS = 300
_BYLINE_MAX_CHARS = 140
_BYLINE_ANYWHERE_MAX_CHARS = 80
_NEWSROOM_MAX_CHARS = 80  # "La rédaction de Ouest-France avec AFP" and no longer
_BYLINE_TAIL_MAX_WORDS = 6
_AGENCY_LINE_MAX_CHARS = 60  # "(avec AFP)", "Source : Reuters": a credit, not a sentence
_RELATED_LINKS_MAX = 5  # headline links after a bare "Lire aussi :" label
_RELATED_LINK_MAX_CHARS = 160
_SITE_SUFFIX_MAX_WORDS = 4  # "<title> - Le Parisien": the title again, with the site's name
_HEADER_SCAN_LINES = 12  # content lines judged as the header's candidates
_HEADER_BODY_LINES = 4  # lines of body text the header scan looks past for a byline or date
_HEADER_PROSE_CHARS = 120  # a line this long is the lead: the header ends before it
_REPEAT_MIN_CHARS = 20  # shorter lines ("Oui.", "Et demain ?") may repeat in good text
_FRONT_MATTER_MAX_LINES = 60
# Hard wrapping: a text is wrapped when at least _WRAP_MIN_LINES lines are longer than
# _WRAP_CANDIDATE_CHARS, none is longer than _WRAP_MAX_CHARS, more than _WRAP_WIDE_SHARE of
# them are at least _WRAP_WIDE_CHARS long, and fewer than _WRAP_SENTENCE_END_SHARE of those
# end a sentence (wrapping cuts lines mid-sentence; a brief's one-sentence lines end with one).
_WRAP_MIN_LINES = 4
_WRAP_CANDIDATE_CHARS = 30
_WRAP_MAX_CHARS = 100
_WRAP_WIDE_CHARS = 55
_WRAP_WIDE_SHARE = 0.6
_WRAP_SENTENCE_END_SHARE = 0.5
# In wrapped text every line but a paragraph's last is filled to near the width: a line
# shorter than this share of it, followed by a longer one, ends a block (or is a heading).
_WRAP_SHORT_SHARE = 0.7
# Unwrapped text: a line at least this long that stops mid-sentence may go on on the next line.
_CUT_LINE_MIN_CHARS = 40
_SOURCE_LABEL_MAX_WORDS = 5  # "Source : Le Monde diplomatique" names a publication

_LINE_SPACES = re.compile(r"[ \t\f\v]+")
_FINAL_PUNCT = tuple(".,;:")
_SENTENCE_FINAL = tuple('.!?…»"”)')
# A headline link may end with "?" or "!", never like a sentence or a lead-in.
_LINK_NOT_FINAL = tuple(".…:;,")
# A lone year ("1914") is loader debris in a page's header or footer, a heading in an article.
_YEAR = re.compile(r"(?:1\d|20)\d\d")
# Brand names that start in lowercase still start a title: "iPhone 15 : ...", "eBay ...".
_LOWERCASE_BRAND = re.compile(r"[a-z]{1,2}[A-Z]")
_LIST_MARKS = tuple("-–—•·*▪►")
_DIGIT = re.compile(r"\d")


def _label_pattern(labels: tuple[str, ...]) -> str:
    """Labels as a regex alternation that also matches them written without accents."""
    ordered = sorted(labels, key=len, reverse=True)
    return "|".join(re.escape(label).replace("é", "[ée]").replace("à", "[àa]") for label in ordered)


def _initials(labels: tuple[str, ...]) -> frozenset[str]:
    """Every letter a line may start with to start with one of ``labels`` (case, accents)."""
    first = {label[0] for label in labels}
    first |= {strip_accents(letter) for letter in first}
    return frozenset(first | {letter.upper() for letter in first})


# A byline's label, then the names: "Par X", "Written by X", "Rédigé par X", "Auteur : X".
_BYLINE_LABELS = (
    "written by", "posted by", "reported by", "by", "par", "publié par", "publiée par",
    "écrit par", "écrite par", "rédigé par", "rédigée par", "posté par", "postée par",
    "propos recueillis par", "texte", "auteur", "auteurs", "author", "authors", "rédaction",
)  # fmt: skip
_BYLINE = re.compile(rf"^(?:{_label_pattern(_BYLINE_LABELS)})\s*:?\s+(?P<rest>.+)$", re.IGNORECASE)
# A date line that goes on with its author: "Publié le 12 mars 2021 par Jean Dupont".
_DATE_LABELS = ("publié", "publiée", "mis à jour", "modifié", "posted", "published", "updated")
_DATED_BYLINE = re.compile(
    rf"^(?P<date>(?:{_label_pattern(_DATE_LABELS)})\b.*?)\s+(?:par|by)\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
# "La rédaction", "La rédaction avec AFP": the newsroom signs instead of a journalist.
_NEWSROOM = re.compile(
    r"^(?:par )?la r[ée]daction(?: (?:de|du|d['’])\s?[\w'’ .-]{1,40}?)?"
    r"(?:\s*(?:avec|,|et|-)\s*(?P<rest>.+))?$",
    re.IGNORECASE,
)
_NEWSROOM_LABELS = ("la rédaction", "par la rédaction")
# Checked first: most lines start with none of these letters and stop there, cheaply.
_BYLINE_INITIALS = _initials(_BYLINE_LABELS + _DATE_LABELS + _NEWSROOM_LABELS)
# A date label is never part of a name: "Par Jean Dupont Publié le 12/03/2021" ends at Dupont.
_DATE_LABEL_WORD = (
    r"(?:[Pp]ubli[ée]e?|[Mm]ise? à jour|[Mm]odifi[ée]e?|[Pp]osted|[Pp]ublished|[Uu]pdated)\b"
)
# A person's (or several people's) name: capitalised words with particles and initials.
_NAME_WORD = (
    rf"(?!{_DATE_LABEL_WORD})"
    r"(?:[A-ZÀ-ÖØ-Þ][\w’'.-]*|d['’][A-ZÀ-Þ][\w-]*"
    r"|de|du|des|de la|van|von|der|den|le|la|di|da|del|dos|bin|ibn|al|el)"
)
_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,5}}"
# The names, then maybe a tail after a separator: "Par X, envoyé spécial", "By X | 2 May 2023",
# "Posted by X on March 9, 2022", "Par X avec AFP", "Par X (AFP)", "Par X Publié le ...".
_NAMES = re.compile(
    rf"^(?P<names>{_NAME}(?:\s*(?:,|et|and|&)\s*{_NAME})*)\s*"
    rf"(?:$|(?:[,|–—·•/-]|\s(?:avec|with|on|le|pour|for|in|à|at)\s|(?=\()|(?={_DATE_LABEL_WORD}))"
    rf"\s*(?P<tail>.*)$)"
)
_PUBLICATION = re.compile(r"^(?:Le|La|Les|L['’]|The)\s?[A-ZÀ-Þ]")
_SITE_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.(?:[a-z]{2}|com|net|org|info)", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s*,\s*")
# "By Friday, the airline had ...", "By March 2022, ...": a time, not a person. Only words that
# English capitalises in prose can be mistaken for a name (_NAME_WORD wants a capital).
_NOT_NAMES = frozenset(
    [
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December",
    ]
)  # fmt: skip
_KICKER = re.compile(r"^[A-ZÀ-Ý]{2,}(?:[ -][A-ZÀ-Ý]{2,})?\.\s+(?=\S)")
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
# YAML front matter: "key: value" lines, list items and blank lines, nothing else.
_FRONT_MATTER_KEY = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:(?:\s+(?P<value>.*))?$")
_FRONT_MATTER_BLOCK = (">", "|", ">-", "|-", ">+", "|+")  # a multi-line value follows


@dataclass(slots=True)
class _Line:
    """One input line while it is being classified."""

    text: str
    folded: str
    removed: Removal | None = None
    raw: str = ""  # the line as written when Markdown syntax was taken out of ``text``
    heading: bool = False  # a Markdown heading: a heading whatever it looks like
    judged: bool = False  # already looked at by _judge
    # is_date_line(text), once known: the header scan, the category check and the noise pass
    # each ask about the same lines.
    date_line: bool | None = None

    def is_date_line(self) -> bool:
        if self.date_line is None:
            self.date_line = is_date_line(self.text)
        return self.date_line

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
    # A footer's "Source : Le Monde": the source only if nothing better (an agency tag, a
    # "read more on X" link) names one, even one found later.
    source_label: str | None = None


@dataclass(frozen=True, slots=True)
class _Byline:
    """What a byline says: who wrote (a person, or a publication), for which agency, when."""

    author: str | None
    source: str | None
    date: str | None


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
    meta.source = meta.source or meta.source_label

    title_inferred = False
    if meta.title is None:
        meta.title, title_inferred = _infer_title(blocks, lines), True
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
    # _LINE_SPACES.sub(" ", text), once for the whole text: a regex visits every character,
    # these replacements run at C speed over the few places that change.
    for space in "\t\f\v":
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    stripped = [raw.strip() for raw in text.split("\n")]
    # Only short lines are compared folded (titles, boilerplate): long ones are prose. They
    # are folded together, in a few passes over them all (see fold_lines).
    folded = iter(fold_lines([line for line in stripped if 0 < len(line) <= _FOLD_MAX_CHARS]))
    return [
        _Line(line, next(folded) if len(line) <= _FOLD_MAX_CHARS else line)
        if line
        else _Line("", "")
        for line in stripped
    ]


# --- Markdown -------------------------------------------------------------------------------


def _read_markdown(lines: list[_Line], meta: _Meta, removed: list[RemovedLine]) -> list[_Line]:
    """Strip Markdown syntax, keeping its meaning: front matter becomes metadata, ``#`` lines
    headings (the first ``#`` line, the title), images captions, links their text."""
    start = 0
    end = _front_matter_end(lines)
    if end:
        for line in lines[:end]:
            if line.text:
                removed.append(RemovedLine(line.text, Removal.MARKUP))
            _front_matter_field(line.text, meta)
        start = end
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
        if text == line.text:  # no Markdown in it: folded as _split_lines folded it
            folded = line.folded
        else:
            folded = fold(text) if 0 < len(text) <= _FOLD_MAX_CHARS else text
        raw = line.text if text != line.text else ""
        result.append(_Line(text, folded, heading=heading is not None, raw=raw))
    return result


def _front_matter_end(lines: list[_Line]) -> int:
    """How many lines the front matter takes, its two ``---`` included, or 0 if there is none.

    A document may also open with a ``---`` rule and have another one further down: only
    ``key: value`` lines, YAML list items, blank lines and the lines of a multi-line value
    (``summary: >``) between the two make front matter; a title or a sentence does not.
    """
    if not lines or lines[0].text != "---":
        return 0
    in_block = False  # inside a multi-line value: any line goes on with it
    for index in range(1, min(len(lines), _FRONT_MATTER_MAX_LINES)):
        text = lines[index].text
        if text in ("---", "..."):
            return index + 1
        if not text:
            continue
        field = _FRONT_MATTER_KEY.match(text)
        if field:
            in_block = (field["value"] or "").strip() in _FRONT_MATTER_BLOCK
        elif not (in_block or text == "-" or text.startswith("- ")):
            return 0
    return 0


def _link_text(match: re.Match[str]) -> str:
    # Keep the URL when the link has no words of its own, so no information is lost.
    return match["text"] or match["url"]


def _front_matter_field(line: str, meta: _Meta) -> None:
    field = _FRONT_MATTER_KEY.match(line)
    if not field:
        return
    key, value = field["key"].casefold(), (field["value"] or "").strip().strip("\"'")
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
    top = _content_indexes(lines, _HEADER_SCAN_LINES)
    more_below = len(top) == _HEADER_SCAN_LINES  # content lines beyond the scan, maybe
    # Loader debris often sits between the header lines: judge it first. ("Rubrique : X" on
    # the first line is the category, not a tag list.)
    for position, index in enumerate(top):
        line = lines[index]
        if not (position == 0 and _CATEGORY_LABEL.match(line.folded)):
            _judge(line, meta)
    top = [index for index in top if lines[index].removed is None]
    looking_for_title = meta.title is None
    body_lines = 0
    in_body = False  # a paragraph was read: a bare date below it is a heading (see _is_prose)
    for position, index in enumerate(top):
        line = lines[index]
        if _take_date_line(line, meta, in_body=in_body) or _take_byline(line, meta):
            continue
        if looking_for_title:
            following = lines[top[position + 1]] if position + 1 < len(top) else None
            if meta.category is None and _is_category_line(line, following):
                meta.category = _category_value(line.text)
                line.removed = Removal.CATEGORY
                continue
            looking_for_title = False
            # A text of one line is its own body (a brief): taking it as the title would
            # leave no text to read.
            if _is_title_line(line) and (following is not None or more_below):
                meta.title = line.text
                line.removed = Removal.TITLE
                continue
        # Bylines and dates follow the title closely; stop at the first paragraph of prose.
        body_lines += 1
        if len(line.text) > _HEADER_PROSE_CHARS or body_lines >= _HEADER_BODY_LINES:
            break
        in_body = in_body or _is_prose(line.text)


def _is_category_line(line: _Line, following: _Line | None) -> bool:
    """A rubric or a breadcrumb above the title line (``following``)."""
    if _CATEGORY_LABEL.match(line.folded):
        return True
    text = line.text
    if len(text) > _CATEGORY_MAX_CHARS or text.endswith(_SENTENCE_FINAL + _FINAL_PUNCT):
        return False
    if following is not None and (_is_byline(following.text) or following.is_date_line()):
        return False  # "Short title / Par X": the short line is the title
    if len(_BREADCRUMB.split(text)) >= 2 and following is not None and _is_title_line(following):
        return all(len(part.split()) <= 4 for part in _BREADCRUMB.split(text))
    # A rubric: one to three words, no digits, above a longer title line.
    words = text.split()
    return (
        len(words) <= _RUBRIC_MAX_WORDS
        and len(text) <= _RUBRIC_MAX_CHARS
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
    if not (
        first.isupper()
        or first.isdigit()
        or first in "\"“«'‘"
        or (first.islower() and _LOWERCASE_BRAND.match(text))
    ):
        return False
    words = len(text.split())
    if words > max_words:
        return False
    if not any(ch.isalpha() for ch in text):
        return _YEAR.fullmatch(text) is not None  # a year heading: "1914"
    # More than one sentence is prose, not a heading; a capitalised kicker ("VIDÉO. ...",
    # "EXCLUSIF. ...") is part of a title, not a sentence of its own.
    if kicker := _KICKER.match(text):
        text = text[kicker.end() :]
    return len(sentence_spans(text)) == 1


def _is_prose(text: str) -> bool:
    """A line of paragraph text, not a heading, a date or a scrap: where an article's body
    starts (and, read from the end, where it stops)."""
    return len(text) > _HEADING_MAX_CHARS or not _looks_like_heading(
        text, _HEADING_MAX_CHARS, _HEADING_MAX_WORDS
    )


def _is_title_line(line: _Line) -> bool:
    if line.heading:
        return 0 < len(line.text) <= _TITLE_LINE_MAX_CHARS
    return len(line.text.split()) >= 2 and _looks_like_heading(
        line.text, _TITLE_LINE_MAX_CHARS, _TITLE_LINE_MAX_WORDS
    )


def _take_byline(line: _Line, meta: _Meta, *, strict: bool = False) -> bool:
    """Take a byline ("Par X", "Written by X", "By X and Y, Reuters"): its author, and the
    agency or date it names. ``strict`` (away from the header) accepts no other tail."""
    byline = _read_byline(line.text, strict=strict)
    if byline is None:
        return False
    _note_byline(byline, meta)
    line.removed = Removal.BYLINE
    return True


def _note_byline(byline: _Byline, meta: _Meta) -> None:
    meta.author = meta.author or byline.author
    meta.source = meta.source or byline.source
    meta.date = meta.date or byline.date


def _is_byline(text: str) -> bool:
    """Whether ``text`` reads like a byline."""
    return _read_byline(text) is not None


def _read_byline(text: str, *, strict: bool = False) -> _Byline | None:
    """What the byline ``text`` says, or None if it is no byline. ``strict``: see _take_byline."""
    # Every byline label starts with one of these letters: most lines stop here, cheaply.
    if len(text) > _BYLINE_MAX_CHARS or text[:1] not in _BYLINE_INITIALS:
        return None
    if len(text) <= _NEWSROOM_MAX_CHARS and (newsroom := _NEWSROOM.match(text)):
        rest = newsroom["rest"]
        agency = _agency(rest) if rest else None
        if rest and not agency:
            return None
        return _Byline(None, agency, None)
    date = None
    if match := _BYLINE.match(text):
        rest = match["rest"]
    elif (dated := _DATED_BYLINE.match(text)) and is_date_line(dated["date"]):
        rest, date = dated["rest"], find_date(dated["date"])
    else:
        return None
    byline = _read_names(rest, strict=strict)
    if byline is not None and date:
        byline = _Byline(byline.author, byline.source, byline.date or date)
    return byline


def _read_names(text: str, *, strict: bool) -> _Byline | None:
    """The part of a byline after its label: names, then maybe an agency, a date or a role."""
    names = _NAMES.match(text)
    if not names:
        return None
    who = names["names"].strip(" ,")
    parts = _NAME_SEPARATOR.split(who)
    whole = _agency(who)
    publication = not whole and _PUBLICATION.match(who) is not None
    if not (whole or publication) and parts[0].split()[0] in _NOT_NAMES:
        return None
    tail = (names["tail"] or "").strip()
    if tail[:1] == "(" and tail[-1:] == ")":  # "Par X (avec AFP)", "Par X (envoyée spéciale)"
        tail = tail[1:-1].strip()
    found_date = find_date(tail) if tail else None
    agency = _agency(tail) if tail else None
    if tail and not found_date and not agency:
        # A clause after the "names" is a sentence ("By Friday, the airline had ..."); a short
        # tail is a role or a place ("envoyé spécial", "in London"). A person has one.
        if strict or publication or len(parts) == len(who.split()) == 1:
            return None
        if len(tail.split()) > _BYLINE_TAIL_MAX_WORDS or tail.endswith(_SENTENCE_FINAL):
            return None
    # "By Jane Doe and John Roe, Reuters": the last name is the agency the authors write for.
    if len(parts) > 1 and (last := _agency(parts[-1])):
        agency = agency or last
        who = ", ".join(parts[:-1])
    if whole:
        return _Byline(None, agency or whole, found_date)
    if publication:
        # "Par Le Monde avec AFP", "By The Guardian": a publication signs, not a person.
        return _Byline(None, who, found_date)
    return _Byline(who, agency, found_date)


def _agency(text: str) -> str | None:
    """The agency that ``text`` names and nothing else ("Reuters", "The Associated Press")."""
    text = text.strip()
    if text[:4].casefold() == "the ":
        text = text[4:]
    return boilerplate.agency_line_source(text)


def _take_date_line(line: _Line, meta: _Meta, *, in_body: bool) -> bool:
    """Take a date line; in the body (``in_body``), a bare date is a heading and stays."""
    if not line.is_date_line() or (in_body and is_bare_date(line.text)):
        return False
    _mark_date_line(line, meta)
    return True


def _mark_date_line(line: _Line, meta: _Meta) -> None:
    meta.date = meta.date or find_date(line.text)
    line.removed = Removal.DATELINE


# --- Noise anywhere -------------------------------------------------------------------------


def _remove_noise(lines: list[_Line], meta: _Meta) -> None:
    title = fold(meta.title) if meta.title else None
    seen: set[str] = set()
    related_links = 0  # headline links still expected after a "Lire aussi :" label
    in_body = False  # past the first paragraph
    # Lines that are metadata in the header or the footer but text in the body: a bare date,
    # a lone year, a "Source : X" credit. In the header they are taken at once; below the
    # first paragraph they wait until the last paragraph is known (see _settle).
    held: list[int] = []
    last = len(lines) - 1
    for index, line in enumerate(lines):
        if related_links:
            following = lines[index + 1] if index < last else None
            related_links = _related_link(line, following, related_links)
        if not line.text:
            continue
        if line.removed is None and not line.judged:
            _judge(line, meta)
        if line.removed is not None:
            if line.removed is Removal.PROMO and boilerplate.is_related_label(line.folded):
                related_links = _RELATED_LINKS_MAX  # its links follow
            elif in_body and line.removed is Removal.DEBRIS and _YEAR.fullmatch(line.text):
                line.removed = None  # maybe "1914", the heading of a history's chapter
                held.append(index)
            continue
        folded = line.folded
        if title is not None and _repeats_title(line, folded, title):
            continue
        if folded.startswith("source") and boilerplate.source_label(line.text):
            held.append(index)
            continue
        # A date line or a signature alone on its line is metadata wherever it is; but in the
        # body, a bare date may be a heading.
        if line.is_date_line():
            if in_body and is_bare_date(line.text):
                held.append(index)
            else:
                _mark_date_line(line, meta)
            continue
        if len(line.text) <= _BYLINE_ANYWHERE_MAX_CHARS and _take_byline(line, meta, strict=True):
            continue
        # The same paragraph twice (a pull quote, a scraped teaser) is read once.
        if len(folded) >= _REPEAT_MIN_CHARS:
            if folded in seen:
                line.removed = Removal.REPEATED
                continue
            seen.add(folded)
        if not in_body:
            in_body = _is_prose(line.text)
    if held:
        _settle(lines, held, meta)


def _settle(lines: list[_Line], held: list[int], meta: _Meta) -> None:
    """Decide the lines held by _remove_noise: below the last paragraph they are the footer's
    metadata (a date, a counter, the publisher's "Source : X"); above it, article text."""
    waiting = set(held)
    last_paragraph = -1
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if line.content and index not in waiting and _is_prose(line.text):
            last_paragraph = index
            break
    for index in held:
        line = lines[index]
        if index < last_paragraph:
            continue
        if _YEAR.fullmatch(line.text):
            line.removed = Removal.DEBRIS
        elif label := boilerplate.source_label(line.text):
            # A footer's "Source : Le Monde" names the publisher; "Source : l'Insee." or
            # "Source: company filings" credits data and stays.
            if _is_publication_name(label):
                meta.source_label = meta.source_label or label
                line.removed = Removal.SOURCE
        else:
            _mark_date_line(line, meta)


def _is_publication_name(text: str) -> bool:
    """A name shaped like a publication's: an article and a capital ("Le Monde", "Les Échos",
    "The Guardian") or a site ("lemonde.fr", "Reuters.com"). "Santé publique France", "Insee"
    or "company filings" may be data providers just as well: when in doubt, the line stays."""
    if len(text.split()) > _SOURCE_LABEL_MAX_WORDS or _DIGIT.search(text):
        return False
    return _PUBLICATION.match(text) is not None or _SITE_NAME.fullmatch(text) is not None


def _judge(line: _Line, meta: _Meta) -> None:
    """Remove ``line`` if it is site furniture: a "read more on X" link or an agency credit
    (both name the source), or any noise that :func:`boilerplate.classify_noise` knows."""
    line.judged = True
    text = line.text
    if (site := boilerplate.read_more_source(text)) is not None:
        meta.source = meta.source or site
        line.removed = Removal.SOURCE
    elif len(text) <= _AGENCY_LINE_MAX_CHARS and (agency := boilerplate.agency_line_source(text)):
        meta.source = meta.source or agency
        line.removed = Removal.SOURCE
    else:
        line.removed = boilerplate.classify_noise(text, line.folded)
        # A credit that is also a byline ("Rédigé par Jean Dupont") names the author.
        if line.removed is Removal.BYLINE and (byline := _read_byline(text)):
            _note_byline(byline, meta)


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


def _related_link(line: _Line, following: _Line | None, remaining: int) -> int:
    """Remove a headline link after a "Lire aussi :" label; return how many more may follow."""
    if line.blank:
        # Blank lines may separate the label from its first link, but end the list after one.
        return remaining if remaining == _RELATED_LINKS_MAX else 0
    if line.removed is not None:
        return remaining
    text = line.text
    if line.heading or len(text) > _RELATED_LINK_MAX_CHARS or text.endswith(_LINK_NOT_FINAL):
        return 0
    # A line with its paragraph right under it is a section heading: a link is followed by
    # another link, a blank line or the page's furniture.
    if following is not None and following.content and _is_prose(following.text):
        return 0
    line.removed = Removal.PROMO
    return remaining - 1


def _trim_footer(lines: list[_Line]) -> None:
    """Scraps after the last paragraph ("L'équipe", "Suivre l'émission") are page furniture.

    Only a run of short scraps set off from the body (by a blank line or removed furniture)
    goes, and never the whole body. A scrap with figures or a list mark ("200 g de farine",
    "- sel") is a list item, and so is every line of a run that a line ending with ":"
    introduces ("Ingrédients :"): the run stays.
    """
    run: list[int] = []  # from the last line up
    body_end = len(lines) - 1
    while body_end >= 0:
        line = lines[body_end]
        if line.content:
            if not _is_footer_scrap(line):
                break
            run.append(body_end)
        body_end -= 1
    if not run or body_end < 0 or lines[body_end].text.endswith(":"):
        return
    # Between the body's last line and the run's first: a blank line or removed furniture.
    if all(line.content for line in lines[body_end : run[-1]]):
        return
    for index in run:
        lines[index].removed = Removal.FOOTER


def _is_footer_scrap(line: _Line) -> bool:
    text = line.text
    return not (
        line.heading
        or len(text) > _FOOTER_MAX_CHARS
        or len(text.split()) > _FOOTER_MAX_WORDS
        or text.endswith(_SENTENCE_FINAL)
        or text.endswith(":")  # a lead-in: "Pour la garniture :"
        or text.startswith(_LIST_MARKS)
        or _DIGIT.search(text) is not None
        or boilerplate.source_label(text) is not None
    )


# --- Blocks ---------------------------------------------------------------------------------


def _wrap_width(lines: list[_Line]) -> int:
    """The width prose was wrapped at (e-mail, Gutenberg, fixed-width exports), or 0.

    Wrapped lines are about as long as each other and most of them stop mid-sentence; a brief
    made of one-sentence lines has the lengths but ends nearly every line with a period.
    """
    wide = longest = candidates = sentence_ends = 0
    for line in lines:
        if not line.text or line.removed is not None:
            continue
        length = len(line.text)
        if length > _WRAP_MAX_CHARS:
            return 0
        longest = max(longest, length)
        if length > _WRAP_CANDIDATE_CHARS:
            candidates += 1
            if length >= _WRAP_WIDE_CHARS:
                wide += 1
                sentence_ends += line.text.endswith(_SENTENCE_FINAL)
    if candidates < _WRAP_MIN_LINES or wide <= _WRAP_WIDE_SHARE * candidates:
        return 0
    if sentence_ends >= _WRAP_SENTENCE_END_SHARE * wide:
        return 0
    return longest


def _build_blocks(lines: list[_Line], meta: _Meta) -> tuple[list[Block], list[RemovedLine]]:
    """Group the remaining lines into paragraphs and headings; strip agency tags."""
    width = _wrap_width(lines)
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
            line.heading or current[-1].heading or not _continues(current[-1], line, width)
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
        text = " ".join([line.text for line in group])
        text, tags = _strip_agency_tags(text, meta, lead=lead)
        removals.extend(tags)
        if not text:
            continue
        is_last = position == len(groups) - 1
        heading = group[0].heading or (
            len(group) == 1
            and not is_last
            and _looks_like_heading(text, _HEADING_MAX_CHARS, _HEADING_MAX_WORDS)
            and not _is_credit(text)
        )
        lead = lead and heading
        blocks.append(Block(BlockKind.HEADING if heading else BlockKind.PARAGRAPH, text))
    return blocks, removals


def _is_credit(text: str) -> bool:
    """A data credit ("Source: company filings"): it reads like a heading, but is a note under
    a chart."""
    return text[:6].casefold() == "source" and boilerplate.source_label(text) is not None


def _continues(previous: _Line, line: _Line, wrap_width: int) -> bool:
    """Whether ``line`` continues the paragraph that ``previous`` ends (no blank between).

    ``wrap_width`` is the width the text was hard-wrapped at, 0 if it was not."""
    before = len(previous.text)
    if wrap_width:
        # Wrapping fills every line but a paragraph's last, which ends with its punctuation: a
        # short line before a longer one ends its paragraph or is a heading ("Schools closed"),
        # and so is a short line without final punctuation after a sentence.
        short = wrap_width * _WRAP_SHORT_SHARE
        if before < short and len(line.text) > before:
            return False
        ends_sentence = previous.text.endswith(_SENTENCE_FINAL)
        if (
            ends_sentence
            and len(line.text) < short
            and not line.text.endswith(_SENTENCE_FINAL + _FINAL_PUNCT)
        ):
            return False
        return not ends_sentence or before >= _WRAP_WIDE_CHARS
    # One line per paragraph is the norm in scraped text; a line cut mid-sentence is not.
    return (
        before >= _CUT_LINE_MIN_CHARS
        and not previous.text.endswith(_SENTENCE_FINAL + _FINAL_PUNCT)
        and line.text[:1].islower()
    )


def _strip_agency_tags(text: str, meta: _Meta, *, lead: bool) -> tuple[str, list[RemovedLine]]:
    """Take "(AFP)" off the end of a paragraph and, in the lead, "PARIS (AFP) -" off its start."""
    removals = []
    if text.endswith(")") and (match := boilerplate.trailing_agency(text)):
        meta.source = meta.source or match["source"]
        removals.append(RemovedLine(match.group(0).strip(), Removal.SOURCE))
        text = text[: match.start()].rstrip()
    if lead and (match := boilerplate.leading_agency(text)):
        meta.source = meta.source or match["source"]
        # "PARIS, 3 mars 2021 (AFP) -": the dispatch's dateline dates the article.
        if meta.date is None and match["head"]:
            meta.date = find_date(match["head"])
        removals.append(RemovedLine(f"({match['source']})", Removal.SOURCE))
        text = (match["head"] + " " + text[match.end() :].lstrip()).strip()
    return text, removals


# --- Title inference ------------------------------------------------------------------------


def _captioned_lines(lines: list[_Line]) -> frozenset[str]:
    """Lines that the caption right below repeats ("Alibaba : enfin un concurrent pour Amazon ?"
    then "Alibaba : enfin un concurrent pour Amazon ? © Alibaba.com")."""
    found = set()
    previous: _Line | None = None
    for line in lines:
        if not line.text:
            continue
        if (
            line.removed is Removal.CAPTION
            and previous is not None
            and len(previous.folded) < len(line.folded)
            and line.folded.startswith(previous.folded)
        ):
            found.add(previous.text)
        previous = line
    return frozenset(found)


def _infer_title(blocks: list[Block], lines: list[_Line]) -> str:
    """The article's title when no line was its title line, ≤ 100 characters.

    A heading near the top is the title only above the first paragraph: below the lead, a
    heading names a section ("Un pari manqué"), not the article. One exception: a heading that
    the page repeats as the caption of the picture under it (see _captioned_lines). Sites
    caption their lead picture with the headline, never with a section heading, so such a
    heading is the article's title even below a short lead (the radio transcript of seed 002
    opens with two paragraphs, then its headline over the picture). Else the lead sentence is
    the title (the first of more than one word).
    """
    below_lead = False
    captioned: frozenset[str] | None = None  # found only when a heading below the lead needs it
    for block in blocks[:_TITLE_SEARCH_LINES]:
        if block.kind is not BlockKind.HEADING:
            below_lead = True
            continue
        if len(block.text.split()) < 2 or len(block.text) > TITLE_MAX_CHARS:
            continue
        if not below_lead:
            return block.text
        if captioned is None:
            captioned = _captioned_lines(lines)
        if block.text in captioned:
            return block.text
    # A lone word ("Économie": the rubric of a page whose title the scraper lost) names no
    # article: the first sentence of more than one word does, if there is one.
    worded = [block for block in blocks if len(block.text.split()) > 1]
    for block in worded or blocks:
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
