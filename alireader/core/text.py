"""Text utilities shared by the core: folding for comparison, sentences, control characters."""

from __future__ import annotations

import itertools
import operator
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


def _accent_table() -> dict[int, str]:
    # Precomputed base letters for the Latin ranges (À-ɏ, Ḁ-ỿ) and the common ligatures, so
    # stripping accents costs one translate per run of non-ASCII characters.
    table: dict[int, str] = {}
    for code in (*range(0xC0, 0x250), *range(0x1E00, 0x1F00)):
        decomposed = unicodedata.normalize("NFKD", chr(code))
        base = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        if base and base != chr(code):
            table[code] = base
    table.update({0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi", 0xFB04: "ffl"})
    # Letters with a stroke have no decomposition, but readers search them without it: Łódź.
    table.update({ord(k): v for k, v in zip("ŁłØøĐđĦħ", "LlOoDdHh", strict=True)})
    return table


_ACCENTS = _accent_table()
# Both tables map to ASCII only, so one pass with their union equals the two passes in turn.
_FOLD_TABLE = {**_ACCENTS, **_PUNCT_FOLD}
_PUNCT_PAIRS = tuple((chr(code), value) for code, value in _PUNCT_FOLD.items())
# fold_lines maps these in all lines at once; the ASCII ones only in lines that are not ASCII.
_NON_ASCII_PUNCT_PAIRS = tuple(pair for pair in _PUNCT_PAIRS if not pair[0].isascii())
_ASCII_PUNCT = tuple(typographic for typographic, _ in _PUNCT_PAIRS if typographic.isascii())
_COMBINING_MARKS = re.compile(r"[\u0300-\u036f]")
_NOT_LATIN = re.compile(r"[^\x00-\x7f\u0300-\u036f]")
# str.translate looks every character up and pays for a KeyError on each one it leaves alone:
# translating only the runs of non-ASCII characters is several times faster on Latin text.
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _strip_runs(match: re.Match[str]) -> str:
    return match.group().translate(_ACCENTS)


def _fold_runs(match: re.Match[str]) -> str:
    return match.group().translate(_FOLD_TABLE)


def _without_combining(text: str) -> str:
    # Already decomposed input ("e" + U+0301): compose, map, then drop what is left.
    text = _NON_ASCII.sub(_strip_runs, unicodedata.normalize("NFC", text))
    return _COMBINING_MARKS.sub("", text)


def strip_accents(text: str) -> str:
    """Remove accents: ``"États"`` becomes ``"Etats"``, ``"ﬁn"`` becomes ``"fin"``."""
    if text.isascii():
        return text
    text = _NON_ASCII.sub(_strip_runs, text)
    if _COMBINING_MARKS.search(text):
        text = _without_combining(text)
    return text


def fold(text: str) -> str:
    """Fold text for comparison: casefold, no accents, plain quotes and dashes, single spaces."""
    if not text.isascii():
        for typographic, plain in _PUNCT_PAIRS:
            if typographic in text:
                text = text.replace(typographic, plain)
        decomposed = unicodedata.normalize("NFD", text)
        if _NOT_LATIN.search(decomposed) is None:
            # Letters and their accents only (French, most of Europe): drop every mark at once.
            text = decomposed.encode("ascii", "ignore").decode("ascii")
        else:
            text = _NON_ASCII.sub(_fold_runs, text)
            if _COMBINING_MARKS.search(text):
                text = _without_combining(text)
    # On ASCII (most lines once accents are gone) lower() is casefold(), and much faster.
    return _single_spaced(text.lower() if text.isascii() else text.casefold())


def _single_spaced(folded: str) -> str:
    # isprintable() is False for every whitespace but the ASCII space: lines that are already
    # single-spaced (most of them) skip the split and join.
    if folded.isprintable() and "  " not in folded and folded[:1] != " " != folded[-1:]:
        return folded
    # str.split() and re's \s agree on what whitespace is; split/join is the faster of the two.
    return " ".join(folded.split())


def fold_lines(lines: list[str]) -> list[str]:
    """``[fold(line) for line in lines]`` for lines without a newline, in a few passes over
    them all instead of one call per line (the parser folds every short line it reads).

    Every step of :func:`fold` but the last maps characters one by one without looking at
    their neighbours, and leaves a newline alone (NFD never reorders marks across it): the
    lines joined by newlines go through those steps together. Only the choice between the
    Latin and the general path is made per line: a line that needs the general path is folded
    on its own, and so is a line that fold() maps a "`" in (one that is not all ASCII).
    """
    joined = "\n".join(lines)
    all_ascii = joined.isascii()
    decomposed = joined
    if all_ascii:
        ascii_lower = joined.encode("ascii").lower()  # bytes.lower() is str.lower() on ASCII
    else:
        for typographic, plain in _NON_ASCII_PUNCT_PAIRS:
            if typographic in joined:
                joined = joined.replace(typographic, plain)
        decomposed = unicodedata.normalize("NFD", joined)
        ascii_lower = decomposed.encode("ascii", "ignore").lower()
    folded = ascii_lower.decode("ascii").split("\n")
    if len(folded) != len(lines):  # a line with a newline after all: one by one
        return [fold(line) for line in lines]
    if not all_ascii and (
        _NOT_LATIN.search(decomposed) is not None or _has_any(decomposed, _ASCII_PUNCT)
    ):
        # Folded on their own (then already single-spaced): the lines that need the general
        # path, and those not all ASCII with an ASCII character of _PUNCT_FOLD ("`").
        for index, piece in enumerate(decomposed.split("\n")):
            line = lines[index]
            if _NOT_LATIN.search(piece) is not None or (
                not line.isascii() and _has_any(line, _ASCII_PUNCT)
            ):
                folded[index] = fold(line)
    if _single_spaced_lines(ascii_lower):
        return folded
    return [_single_spaced(piece) for piece in folded]


def _has_any(text: str, characters: tuple[str, ...]) -> bool:
    return any(character in text for character in characters)


# ASCII controls but the newline: what isprintable() rejects in ASCII, besides whitespace.
_ASCII_CONTROLS = bytes([*range(0x0A), *range(0x0B, 0x20), 0x7F])


def _single_spaced_lines(text: bytes) -> bool:
    """Whether every line of the ASCII ``text`` is left as it is by :func:`_single_spaced`:
    no control character, no double space, no space at either end."""
    return (
        b"  " not in text
        and b" \n" not in text
        and b"\n " not in text
        and text[:1] != b" " != text[-1:]
        and len(text.translate(None, _ASCII_CONTROLS)) == len(text)
    )


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
        # Months, abbreviated before a day: "On Jan. 5", "le 3 févr. 2022".
        "jan",
        "janv",
        "feb",
        "fev",
        "fév",
        "fevr",
        "févr",
        "apr",
        "avr",
        "jun",
        "jul",
        "juil",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "déc",
    ]
)
_CLOSING = '"”»’)]'
# A quantity's unit ends a sentence as a word would: "en hausse de 2 %.Le marché".
_UNITS = "%‰€$£¥"
_STRAIGHT_QUOTES = "\"'"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split ``text`` into sentences, returned as ``(start, end)`` offsets into ``text``.

    Offsets let callers keep the text exactly as written while still seeing every sentence:
    scraped text often glues sentences (``"essor.Quelques"``, ``"l'AFP.\"OpenSky"``,
    ``"distincte.11 Main"``, ``"Sandouville ».Selon"``), and each of those is two sentences
    here. Not a boundary: ``"2.000"``, ``"Alibaba.com"``, ``"M. Dupont"``, ``"U.S.A."``
    followed by lowercase. Linear in the length of ``text``.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for mark in _END_MARK.finditer(text):
        cut = _boundary(text, mark.start(), mark.end())
        if cut < 0:
            continue
        span = _trimmed(text, start, cut)
        if span[0] < span[1]:
            spans.append(span)
        start = cut
    span = _trimmed(text, start, len(text))
    if span[0] < span[1]:
        spans.append(span)
    return spans


def _boundary(text: str, mark_start: int, end: int) -> int:
    """Where a sentence ends at the mark ``text[mark_start:end]``, or -1 if it ends none there."""
    length = len(text)
    if end >= length:
        return -1
    # A straight quote glued to the next word opens the next sentence: l'AFP."OpenSky.
    while end - 1 > mark_start and text[end - 1] in _STRAIGHT_QUOTES and not text[end].isspace():
        end -= 1
    # The word just before the mark, found by walking back (a regex anchored at the mark would
    # rescan the whole text for every mark).
    word_start = mark_start
    while word_start > 0 and text[word_start - 1].isalnum():
        word_start -= 1
    word = text[word_start:mark_start]
    # A quotation or a bracket closed just before the mark (« ... ».Selon), or a unit (2 %.Le)
    closed = not word and mark_start > 0 and text[mark_start - 1] in _CLOSING + _UNITS
    punctuation = text[mark_start]
    if punctuation == "." and (
        (len(word) == 1 and word.isalpha()) or word.casefold() in _ABBREVIATIONS
    ):
        return -1  # an initial ("J. Ma") or an abbreviation ("M. Zeisser", "p. 12")
    following = text[end]
    if following.isspace():
        after = end + 1
        while after < length and text[after].isspace():
            after += 1
        if after == length:
            return -1
        first = text[after]
        return end if first.isupper() or first.isdigit() or first in _OPENING else -1
    # Glued to what follows. A run ("...", "?!") ends nothing; after a period only a word of two
    # or more characters counts, so "2.000", "U.S" and "Alibaba.com" stay whole.
    run = 0
    while mark_start + run < end and text[mark_start + run] in ".!?…":
        run += 1
    if run > 1 or (punctuation == "." and len(word) < 2 and not closed):
        return -1
    nxt = following
    if following in "\"“«'":  # an opening quote: the sentence starts after it (« C'est)
        after = end + 1
        while after < length and text[after].isspace():
            after += 1
        nxt = text[after] if after < length else ""
    if nxt.isupper():
        return end
    return end if following.isdigit() and word[-1:].islower() else -1


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[start:end] for start, end in sentence_spans(text)]


# C0 controls (but tab and newline), DEL and C1 controls, which a terminal would act on, and
# lone surrogates, which cannot be written to a terminal at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
# A str holds surrogates only alone: the bytes of a file name that are not UTF-8 (Python's
# "surrogateescape"), or a "\ud800" escape in JSON.
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def replace_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so it can be written as UTF-8.

    A file name with bytes that are not UTF-8 (``b"caf\\xe9.txt"``) becomes ``"caf�.txt"``.
    """
    return _SURROGATE.sub("\ufffd", text) if not text.isascii() else text


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code >= 0xD800:
        return "\ufffd"  # a lone surrogate: a byte that was not text, one character as always
    if code < 0x20:
        return chr(0x2400 + code)  # Unicode "control pictures": ␛ for ESC, ␇ for BEL ...
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<{code:#04x}>"  # C1 controls have no picture: show their code


def visible_controls(text: str) -> str:
    """Replace control characters with visible placeholders so text is shown, never executed.

    ``"\\x1b[31m"`` becomes ``"␛[31m"``: the escape sequence is readable and inert. Lone
    surrogates (undecodable bytes of a file name) become U+FFFD, so the result is always
    valid UTF-8.
    """
    return _CONTROL.sub(_picture, text)


# Apostrophes and hyphens join ("l’Hexagone", "États-Unis"); so do decimal marks ("37,6", "2.000").
_WORD = re.compile(r"[^\W_]+(?:(?:['’\-]|[.,](?=\d))[^\W_]+)*")
_COUNTED_WORD = re.compile(_WORD.pattern + "()")


# Characters that are never part of a word: stripping them off the ends of a token of text
# (from str.split(), so without spaces) cannot change how many words _WORD finds in it, since
# a joining mark joins only two word characters.
_WORD_EDGES = operator.methodcaller("strip", "\"'’-.,;:!?()[]«»“”…")


def count_words(text: str) -> int:
    """Count words the way a reader would: ``"l’Hexagone"`` and ``"États-Unis"`` are one each.

    Exactly the number of matches of ``_WORD`` in ``text``. A word never spans whitespace, so
    the text is counted token by token (str.split), and a token of letters and digits only
    (str.isalnum is re's ``[^\\W_]``) is one word. Only the others, with their edges stripped,
    go through the regex: most of the text never does.
    """
    tokens = text.split()
    others = list(itertools.filterfalse(str.isalnum, tokens))
    others = list(itertools.filterfalse(str.isalnum, map(_WORD_EDGES, others)))
    # The empty group makes findall return "" for every word instead of a new string.
    return len(tokens) - len(others) + len(_COUNTED_WORD.findall(" ".join(others)))
