"""Text utilities shared by the core: folding for comparison, sentences, control characters."""

from __future__ import annotations

import re
import unicodedata

# Typographic variants folded to one ASCII form so that "L’Oréal" and "L'Oreal" compare equal.
_PUNCT_FOLD = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark (the usual French apostrophe)
        "\u2018": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u00b4": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',  # « and » (guillemets)
        "\u00bb": '"',
        "\u2013": "-",  # en dash
        "\u2014": "-",  # em dash
        "\u2011": "-",  # non-breaking hyphen
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French thousands and « guillemets »)
        "\u2009": " ",  # thin space
        "\u0153": "oe",  # œ
        "\u0152": "oe",
        "\u00e6": "ae",  # æ
        "\u00c6": "ae",
        "\u00df": "ss",
    }
)
_SPACES = re.compile(r"\s+")


def strip_accents(text: str) -> str:
    """Remove combining marks: ``"États"`` becomes ``"Etats"``."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Fold text for comparison: casefold, no accents, plain quotes and dashes, single spaces."""
    folded = strip_accents(text.translate(_PUNCT_FOLD)).casefold()
    return _SPACES.sub(" ", folded).strip()


# Candidate sentence ends: . ! ? … (repeated or not) with the closing quotes/brackets that follow.
_END_MARK = re.compile(r"[.!?…]+[\"”»’)\]]*")
_OPENING = "\"“«([‘'-—–"
# Abbreviations that come before a name or a number: a period after them ends no sentence.
_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "dr",
        "pr",
        "me",
        "st",
        "ste",
        "mr",
        "mrs",
        "ms",
        "prof",
        "jr",
        "sr",
        "gen",
        "sen",
        "rep",
        "gov",
        "lt",
        "col",
        "capt",
        "sgt",
        "mt",
        "ft",
        "no",
        "n°",
        "art",
        "ch",
        "vol",
        "fig",
        "p",
        "pp",
        "cf",
        "vs",
        "av",
        "env",
        "inc",
        "ltd",
        "corp",
        "co",
    ]
)
_WORD_BEFORE = re.compile(r"([^\W_]+)$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences, returned as ``(start, end)`` offsets into ``text``.

    Offsets let callers keep the text exactly as written while still seeing every sentence:
    scraped text often glues sentences (``"essor.Quelques"``, ``"l'AFP.\"OpenSky"``,
    ``"distincte.11 Main"``), and each of those is two sentences here. Not a boundary:
    ``"2.000"``, ``"Alibaba.com"``, ``"M. Dupont"``, ``"U.S.A."`` followed by lowercase.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for mark in _END_MARK.finditer(text):
        end = mark.end()
        if end >= len(text) or not _is_boundary(text, mark.start(), end):
            continue
        span = _trimmed(text, start, end)
        if span[0] < span[1]:
            spans.append(span)
        start = end
    span = _trimmed(text, start, len(text))
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _is_boundary(text: str, mark_start: int, end: int) -> bool:
    before = _WORD_BEFORE.search(text, 0, mark_start)
    word = before.group(1) if before and before.end() == mark_start else ""
    punctuation = text[mark_start]
    if punctuation == "." and (
        (len(word) == 1 and word.isalpha()) or word.casefold() in _ABBREVIATIONS
    ):
        return False  # an initial ("J. Ma") or an abbreviation ("M. Zeisser", "p. 12")
    following = text[end]
    if following.isspace():
        rest = text[end:].lstrip()
        return bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in _OPENING)
    # Glued to what follows: only a word of two or more characters before the mark counts, so
    # "2.000", "U.S" and "Alibaba.com" stay whole.
    punctuation_run = len(mark_text := text[mark_start:end]) - len(mark_text.lstrip(".!?…"))
    if len(word) < 2 or punctuation_run > 1:
        return False
    nxt = text[end + 1] if following in '"“«' and end + 1 < len(text) else following
    if nxt.isupper():
        return True
    return following.isdigit() and word[-1].islower()


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]


# C0 controls (but tab and newline), DEL and C1 controls, which a terminal would act on.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␇ for BEL ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<{code:#04x}>"  # C1 controls have no picture: show their code


def visible_controls(text: str) -> str:
    """Replace control characters with visible placeholders so text is shown, never executed.

    ``"\\x1b[31m"`` becomes ``"␛[31m"``: the escape sequence is readable and inert.
    """
    return _CONTROL.sub(_picture, text)


# Apostrophes and hyphens join ("l’Hexagone", "États-Unis"); so do decimal marks ("37,6", "2.000").
_WORD = re.compile(r"[^\W_]+(?:(?:['’\-]|[.,](?=\d))[^\W_]+)*")


def count_words(text: str) -> int:
    """Count words the way a reader would: ``"l’Hexagone"`` and ``"États-Unis"`` are one each."""
    return sum(1 for _ in _WORD.finditer(text))
