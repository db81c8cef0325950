"""The words of a text as the search index sees them: folded, split on anything but letters and
digits. ``index_words(text) == query_words(text)`` (the query side's definition) for any text.

Indexing reads every article whole, so this is the costliest step of building the index. The
general definition (``fold`` then a regex) reads French text several times over: Unicode
normalisation, casefolding, the regex. Here the usual characters of Latin-script text (accented
letters, ligatures, typographic punctuation and spaces) are first replaced by what folding
makes of them, one ``str.replace`` per character present; what is left is ASCII, lowercased and
split on non-alphanumerics by one ``bytes.translate``. A text holding any other character
(Greek, Cyrillic, CJK, symbols such as ``²``) takes the general path, so both always agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from alireader.core.query import WORD, query_words
from alireader.core.text import fold

# ASCII bytes: letters lowercased, digits kept, everything else a space.
_LOWER_WORDS = bytes(
    c + 32 if 65 <= c <= 90 else c if (48 <= c <= 57 or 97 <= c <= 122) else 32 for c in range(256)
)
# Where the characters that Latin-script text uses live: Latin-1 and Latin Extended-A/B,
# combining accents, general punctuation and spaces, the euro sign, the Latin ligatures.
_CANDIDATES = (
    *range(0xA0, 0x250),
    *range(0x300, 0x370),
    *range(0x2000, 0x2070),
    0x20AC,
    *range(0xFB00, 0xFB07),
)
# Replaced first: the most frequent in French and English news. Once a text is ASCII the rest
# of the table is not even looked at.
_FREQUENT = "éèàçêùôî’«»\u00a0\u202fâëïüûœÉÀÈ“”…–—€°"


def _plain(char: str) -> str | None:
    """What ``char`` becomes in the index's ASCII text: a space when it is no part of a word,
    its folded letters, nothing for an accent, or None when folding leaves something that is
    not plain ASCII."""
    # Between two letters, as in a text: alone, a space would fold to nothing (folding strips).
    folded = fold(f"a{char}a")[1:-1]
    if not folded:  # a combining accent: "e" + U+0301 is one word, "e"
        return ""
    words = WORD.findall(folded)
    if not words:
        return " "
    if folded.isascii() and words == [folded]:
        return folded
    return None


def _replacements() -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    table = {chr(code): plain for code in _CANDIDATES if (plain := _plain(chr(code))) is not None}
    frequent = tuple((char, table[char]) for char in _FREQUENT if char in table)
    rest = tuple(item for item in table.items() if item[0] not in _FREQUENT)
    return frequent, rest


_FIRST, _REST = _replacements()
_RARE = dict(_REST)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _latin_1() -> tuple[bytes, tuple[tuple[str, str], ...]]:
    """The one-pass form of the table for text that is Latin-1 once a few characters are
    replaced: a byte table where each Latin-1 letter that folds to one ASCII character is that
    character, lowercased (and the rest of ASCII as :data:`_LOWER_WORDS`); and those few
    characters (typographic quotes, dashes and spaces, ligatures) with what they become. A
    Latin-1 byte with no one-character form (``²``, ``þ``) stays itself: not ASCII."""
    table = bytearray(_LOWER_WORDS)
    table[0x80:] = range(0x80, 0x100)
    wide: list[tuple[str, str]] = []
    for char, plain in (*_FIRST, *_REST):
        if ord(char) > 0xFF or len(plain) > 1:
            wide.append((char, plain))
        elif len(plain) == 1:
            table[ord(char)] = ord(plain)
    # The ones seen in French news first, then the Latin-1 ligatures: the rest are so rare that
    # a text holding one goes the longer way (the encoding to Latin-1 fails).
    frequent = [pair for pair in wide if pair[0] in _FREQUENT or pair[0] == "‘"]
    ligatures = [pair for pair in wide if ord(pair[0]) <= 0xFF]
    return bytes(table), (*frequent, *ligatures)


_LATIN_1_WORDS, _WIDE = _latin_1()


def index_words(text: str) -> list[str]:
    """The words of ``text`` as indexed: folded, split on anything but letters and digits.

    French text takes one pass: its characters outside Latin-1 replaced (a few, each looked
    for once), then encoded to Latin-1 and folded, lowercased and split on non-alphanumerics
    by one ``bytes.translate``. Anything else goes through the table character by character
    (:func:`_table_words`), or folding."""
    if text.isascii():
        return text.encode("ascii").translate(_LOWER_WORDS).decode("ascii").split()
    plain = _replaced(text, _WIDE)
    try:
        encoded = plain.encode("latin-1")
    except UnicodeEncodeError:
        return _table_words(text)
    folded = encoded.translate(_LATIN_1_WORDS)
    if not folded.isascii():  # a Latin-1 character with no one-letter form
        return _table_words(text)
    return folded.decode("ascii").split()


def _table_words(text: str) -> list[str]:
    """:func:`index_words` through the replacement table: the frequent characters, then any
    other in one pass; folding when a character is not in the table."""
    plain = text
    if not plain.isascii():
        plain = _replaced(plain, _FIRST)
        if not plain.isascii():
            # The few characters left, found in one pass: checking each of the hundreds
            # of the rest of the table for presence would read the text hundreds of times.
            left = set(_NON_ASCII.findall(plain))
            if all(char in _RARE for char in left):
                plain = _replaced(plain, [(char, _RARE[char]) for char in left])
            if not plain.isascii():
                # From the original: folding composes a base letter with its accent before
                # dropping the accent, and "й" (и + breve) is a letter of its own.
                return query_words(text)
    return plain.encode("ascii").translate(_LOWER_WORDS).decode("ascii").split()


def _replaced(text: str, pairs: Iterable[tuple[str, str]]) -> str:
    for char, plain in pairs:
        if char in text:
            text = text.replace(char, plain)
    return text
