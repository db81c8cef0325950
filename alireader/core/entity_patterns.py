"""Regular expressions of the built-in entity extractor: amounts, percentages, dates and the
capitalised sequences that may be names.

Kept apart from :mod:`alireader.core.entities` so the rules there read as rules. Everything is
compiled once at import. The patterns deliberately stay on one line of text: a horizontal space
(normal, no-break, narrow no-break or thin) may separate the parts of an entity, a line break
never does.
"""

from __future__ import annotations

import re

SPACE = "[ \u00a0\u202f\u2009]"
"""One horizontal space: normal, no-break (U+00A0), narrow no-break (U+202F) or thin (U+2009)."""

UPPER = (
    "".join(ch for ch in map(chr, range(0x41, 0x250)) if ch.isupper() and ch.isalpha()) + "\u0152"
)  # Latin capitals, Œ included
_UP = f"[{UPPER}]"

# --- Numbers -----------------------------------------------------------------------------------

# A number as the press writes it: 12, 37,6, 4.5, 3 000, 1,200,000, 3 000,50. Never inside a
# longer number or word.
_NUMBER = (
    r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
)
_SCALE_WORD = (
    r"(?:millions?|milliards?|mille|billions?|trillions?|thousand|hundred"
    r"|mn|bn|md|mds|mrd|mrds|mio)"
)
# "M€", "Md€", "k€", "$4m", "£3bn": one-letter scales only directly before or after a symbol.
_SCALE_ABBR = r"(?:[kKmM]|Md|Mds|Mrd|Mrds|bn|mn)"
_CURRENCY_WORD = (
    r"(?:euros?|dollars?(?:" + SPACE + r"(?:américains|canadiens|australiens|US|"
    r"de" + SPACE + r"Hong" + SPACE + r"Kong|de" + SPACE + r"Singapour))?"
    r"|yuans?|yens?|francs?(?:" + SPACE + r"(?:suisses|CFA))?|roubles?|roupies?|pesos?|reals?"
    r"|réaux|wons?|dirhams?|dinars?|zlotys?|rands?|bahts?|lires?|livres?" + SPACE + "sterling"
    r"|pounds?(?:" + SPACE + r"sterling)?|rupees?|renminbi|bitcoins?|couronnes?"
    r"(?:" + SPACE + r"(?:suédoises|norvégiennes|danoises|islandaises|tchèques))?)"
)
# After a scale ("3 millions de livres") a currency word may be one that alone would be a
# common noun ("3 livres" are books).
_SCALED_CURRENCY_WORD = r"(?:" + _CURRENCY_WORD + r"|livres?)"
_CURRENCY_CODE = r"(?:EUR|USD|GBP|CHF|JPY|CNY|RMB|CAD|AUD|HKD|SGD|XOF|XAF|MAD|DZD|TND|INR|BRL)"
_SYMBOL = r"(?:[$€£¥₹₽]|US\$|C\$|A\$|HK\$|NZ\$|S\$|R\$)"
_NUMBER_WORD = (
    r"(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente"
    r"|quarante|cinquante|soixante|cent|a|one|two|three|four|five|six|seven|eight|nine|ten"
    r"|twelve|fifteen|twenty|thirty|forty|fifty|hundred)"
)
_OF = r"(?:(?:de|d['’]|of)" + SPACE + r"?)"

_MONEY = (
    # $4bn, €34.7 billion, US$5 million, £3.2m
    r"(?<![\w$€£¥])"
    + _SYMBOL
    + SPACE
    + r"?"
    + _NUMBER
    + r"(?:"
    + SPACE
    + r"?(?:(?i:"
    + _SCALE_WORD
    + r")|"
    + _SCALE_ABBR
    + r")(?![\w]))?(?![^\W\d_])"  # "$0A" is no amount
    # 200 millions de dollars, 3 milliards 600 millions d'euros, 4 billion dollars, 5 M EUR
    + r"|"
    + _NUMBER
    + r"(?:"
    + SPACE
    + r"(?i:"
    + _SCALE_WORD
    + r")(?:"
    + SPACE
    + r"(?:et"
    + SPACE
    + r")?"
    + _NUMBER
    + SPACE
    + r"(?i:"
    + _SCALE_WORD
    + r"))*"
    + SPACE
    + _OF
    + r"?(?i:"
    + _SCALED_CURRENCY_WORD
    + r")"
    + r"|"
    + SPACE
    + r"?"
    + _CURRENCY_CODE
    + r")(?![\w])"
    # 300 euros, 12 USD
    + r"|"
    + _NUMBER
    + SPACE
    + r"(?:(?i:"
    + _CURRENCY_WORD
    + r")|"
    + _CURRENCY_CODE
    + r")(?![\w])"
    # 34 €, 12 M€, 1,5 Md€, 10 k€, 5$
    + r"|"
    + _NUMBER
    + SPACE
    + r"?(?:"
    + _SCALE_ABBR
    + SPACE
    + r"?)?"
    + _SYMBOL
    # USD 5 million, EUR 300
    + r"|(?<![\w])"
    + _CURRENCY_CODE
    + SPACE
    + _NUMBER
    + r"(?:"
    + SPACE
    + r"(?i:"
    + _SCALE_WORD
    + r"))?(?![\w])"
    # deux milliards d'euros, a billion dollars, cinq euros
    + r"|(?<![\w])(?i:"
    + _NUMBER_WORD
    + r")"
    + SPACE
    + r"(?:(?i:"
    + _SCALE_WORD
    + r")"
    + SPACE
    + _OF
    + r"?(?i:"
    + _SCALED_CURRENCY_WORD
    + r")|(?i:euros?|dollars?))(?![\w])"
)

_PERCENT = (
    _NUMBER
    + SPACE
    + r"?(?:%|‰|(?:pour"
    + SPACE
    + r"?cent|pourcents?|percent|per"
    + SPACE
    + r"cent)(?![\w]))"
)

# --- Dates -------------------------------------------------------------------------------------

_MONTH_FR = (
    r"(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre)"
)
_MONTH_FR_ABBR = r"(?:janv\.|févr\.|fevr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.)"
_WEEKDAY_FR = r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)"
_MONTH_EN = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
# Month names that are also common words or first names are dates only with a day or a year.
_MONTH_EN_ALONE = r"(?:January|February|April|July|August|September|October|November|December)"
_WEEKDAY_EN = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR = r"(?:1[5-9]\d\d|20\d\d)"
_DAY_FR = r"(?:1er|1re|premier|[12]\d|3[01]|0?[1-9])"
_DAY_EN = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

_DATE = (
    # mardi 3 mars 2020, 1er janvier, 31 mars, 3 févr. 2022, juin 2014, mai (an abbreviated
    # month only after a day: "sept." alone is the number seven ending a sentence)
    r"(?<![\w])(?:(?i:"
    + _WEEKDAY_FR
    + r")"
    + SPACE
    + r")?(?:"
    + _DAY_FR
    + SPACE
    + r"(?i:"
    + _MONTH_FR
    + r"|"
    + _MONTH_FR_ABBR
    + r")|(?i:"
    + _MONTH_FR
    + r"))(?:"
    + SPACE
    + _YEAR
    + r")?(?![\w])"
    # Tuesday, March 3, 2020; 3 March 2020; March 2020; March 3rd
    + r"|(?<![\w])(?:"
    + _WEEKDAY_EN
    + r",?"
    + SPACE
    + r")?(?:"
    + _MONTH_EN
    + SPACE
    + _DAY_EN
    + r"(?:,?"
    + SPACE
    + _YEAR
    + r")?|"
    + _DAY_EN
    + SPACE
    + _MONTH_EN
    + r"(?:,?"
    + SPACE
    + _YEAR
    + r")?|"
    + _MONTH_EN
    + r",?"
    + SPACE
    + _YEAR
    + r")(?![\w])"
    + r"|(?<![\w])(?:"
    + _MONTH_EN_ALONE
    + r"|"
    + _WEEKDAY_EN
    + r"|(?i:"
    + _WEEKDAY_FR
    + r"))(?![\w])"
    # 2014/2015, 2014-15, 12/03/2020, 2020-03-12, 12.03.2020
    + r"|(?<![\w.,/])(?:"
    + _YEAR
    + r"[/\-–](?:"
    + _YEAR
    + r"|\d\d)"
    + r"|\d{1,2}/\d{1,2}/(?:\d{4}|\d\d)|\d{4}-\d\d-\d\d|\d{1,2}\.\d{1,2}\.\d{4})(?![\w/])"
    # années 1990, the 1990s
    + r"|(?<![\w])(?:(?i:années)"
    + SPACE
    + r"(?:19|20)?\d0|(?:19|20)\d0s)(?![\w])"
    # a year alone, 1900-2099
    + r"|(?<![\w.,])(?:19|20)\d\d(?![\w.,]\d|[\w])"
)

NUMERIC = re.compile(
    r"(?P<MONEY>" + _MONEY + r")|(?P<PERCENT>" + _PERCENT + r")|(?P<DATE>" + _DATE + r")"
)
"""Amounts, percentages and dates; ``match.lastgroup`` is the label. Money is tried first so
that ``2014 euros`` is an amount, not a year. Scanning a whole text with it is slow (it has to
be tried at every position), so the extractor only ``match``-es it where one can start: see
:data:`DIGIT_TRIGGER`, :data:`CALENDAR_WORDS` and :data:`SCALE_WORDS`."""


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression's source (split at each ``|`` outside
    groups and character classes)."""
    branches: list[str] = []
    current: list[str] = []
    depth, in_class, escaped = 0, False, False
    for ch in pattern:
        if escaped or ch == "\\":
            escaped = not escaped and ch == "\\"
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        elif ch in "()":
            depth += 1 if ch == "(" else -1
        elif ch == "|" and depth == 0:
            branches.append("".join(current))
            current = []
            continue
        current.append(ch)
    branches.append("".join(current))
    return branches


def _numeric_from(money: list[str], percent: list[str], date: list[str]) -> re.Pattern[str]:
    groups = [
        f"(?P<{label}>{'|'.join(branches)})"
        for label, branches in (("MONEY", money), ("PERCENT", percent), ("DATE", date))
        if branches
    ]
    return re.compile("|".join(groups))


_M, _P, _D = _branches(_MONEY), _branches(_PERCENT), _branches(_DATE)
# Which alternatives can match where: a number first (amounts 1-3, percentages, a day, a
# numeric date, a decade, a year), or a symbol or a word first (the rest, and dates led by a
# weekday or a month). Each keeps the order of NUMERIC, so either gives NUMERIC's match; they
# only skip the alternatives that cannot start with that character, which NUMERIC tries in
# vain at every start (a third of the extractor's time went there).
# At a digit the amounts and the percentage all begin with the same number: it is read once,
# then what may follow it is tried (the amounts' endings first, as in NUMERIC).
_AFTER_NUMBER = [branch[len(_NUMBER) :] for branch in (*_M[1:4], *_P)]
assert all(branch.startswith(_NUMBER) for branch in (*_M[1:4], *_P))
# What an amount's or a percentage's ending can begin with, after an optional space: a scale
# or currency word (any case), a currency code, a scale abbreviation, a symbol (or the letters
# of "US$", "HK$"...), a percent sign or "pour cent". A cheap look-ahead: most numbers are
# followed by none of these ("12 ans", "2019."), and without it every ending's alternatives
# were tried in vain before the dates (two thirds of the time spent matching at a digit).
_AMOUNT_ENDING_STARTS = SPACE + r"?(?:(?i:[mbthedyfrpwzlc])|[kKEUGCJRAHSXMDTIBN$€£¥₹₽%‰])"
# The same kind of look-ahead for the dates a digit can start (most numbers are none): a day
# then a month (French or English, "1er", "3rd"), or a numeric date ("2014/15", "12.03.2020").


def _heads(*word_lists: str) -> str:
    """The first two letters of every word of the lists (each ``(?:word|word...)``), as
    alternatives: what a look-ahead tests before a list's words are tried one by one."""
    heads = {word[:2] for words in word_lists for word in _branches(words[3:-1])}
    assert all(head.isalpha() for head in heads), heads  # plain words only
    return "|".join(sorted(heads))


_MONTH_HEADS = _heads(_MONTH_FR, _MONTH_FR_ABBR, _MONTH_EN)
_DAY_MONTH_AHEAD = rf"(?=\d\d?(?:er|re|st|nd|rd|th)?{SPACE}(?i:{_MONTH_HEADS}))"
_NUMERIC_DATE_AHEAD = r"(?=\d{4}[/\-–]|\d\d?[/.])"
_DATES_AT_DIGIT = (
    _DAY_MONTH_AHEAD + _D[0],
    _DAY_MONTH_AHEAD + _D[1],
    _NUMERIC_DATE_AHEAD + _D[3],
    _D[4],
    _D[5],
)
# And before each alternation of scale or currency words (tried letter by letter, case
# ignored, none skipped at once): their first two letters. "12 millions de personnes" then
# fails at "pe" of "personnes" instead of after every currency word.
_SCALE_AHEAD = f"(?=(?i:{_heads(_SCALE_WORD)}))"
_CURRENCY_AHEAD = f"(?=(?i:{_heads(_CURRENCY_WORD, '(?:livres?)')}))"  # "livres" after a scale


def _guarded(branch: str) -> str:
    """``branch`` with :data:`_SCALE_AHEAD` and :data:`_CURRENCY_AHEAD` before its word lists."""
    for words, ahead in (
        (_SCALE_WORD, _SCALE_AHEAD),
        (_SCALED_CURRENCY_WORD, _CURRENCY_AHEAD),
        (_CURRENCY_WORD, _CURRENCY_AHEAD),
    ):
        branch = branch.replace(f"(?i:{words})", f"{ahead}(?i:{words})")
    return branch


_ENDINGS = [_guarded(branch) for branch in _AFTER_NUMBER]
NUMERIC_AT_DIGIT = re.compile(
    _NUMBER
    + f"(?=(?:{_AMOUNT_ENDING_STARTS}))"
    + f"(?:(?P<MONEY>{'|'.join(_ENDINGS[:3])})|(?P<PERCENT>{_ENDINGS[3]}))"
    + f"|(?P<DATE>{'|'.join(_DATES_AT_DIGIT)})"
)
""":data:`NUMERIC` for a start on an ASCII digit."""
NUMERIC_AT_OTHER = _numeric_from([_M[0], _M[4], _M[5]], [], [_D[0], _D[1], _D[2], _D[4]])
""":data:`NUMERIC` for a start on a currency symbol or a word."""

DIGIT_TRIGGER = re.compile(r"[0-9$€£¥₹₽](?:(?<=[$€£¥₹₽])|(?<![\w.,].))")
"""Where an amount, a percentage or a numeric date can start: a digit or a currency symbol
that does not continue a word or a number. The character class comes first so the regex
engine skips everything else at C speed; ASCII digits only, which it tests twice as fast as
``\\d`` (other scripts' digits are not amounts in French or English news)."""

SYMBOL_PREFIXES = ("US", "HK", "NZ", "C", "A", "S", "R")
"""Letters glued before a currency symbol: "US$5", "C$10"."""

CALENDAR_WORDS = frozenset(
    str.split(
        "janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre "
        "décembre decembre lundi mardi mercredi jeudi vendredi samedi dimanche années "
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec "
        "Monday Tuesday Wednesday Thursday Friday Saturday Sunday"
    )
)
"""Words a date can start with (French ones capitalised too: see :data:`CALENDAR_FORMS`)."""
CALENDAR_FORMS = CALENDAR_WORDS | frozenset(
    word.capitalize() for word in CALENDAR_WORDS if word[0].islower()
)

SCALE_WORDS = frozenset(
    ("millions", "milliards", "million", "milliard", "billion", "euros", "dollars")
)
"""Words an amount written with a number word has: "deux milliards d'euros"."""
NUMBER_WORD_BEFORE = re.compile(r"(?i:" + _NUMBER_WORD + r")" + SPACE + r"$")
"""A number word just before a scale or currency word."""
NUMBER_WORDS = frozenset(_NUMBER_WORD[3:-1].split("|"))
"""The number words of :data:`NUMBER_WORD_BEFORE` (lower case)."""

# --- Capitalised sequences ---------------------------------------------------------------------

# One capitalised word: "Paris", "Jean-Pierre", "L'Oréal", "AT&T", "TF1", "Alibaba.com", the
# camel-case "eBay" and "iPhone", an initial "J." when a name follows.
_CAP_WORD_REST = r"[\w]*(?:[-'’&][\w]+|\.(?:com|fr|net|org|io|eu|tv|ai)(?![\w]))*(?:\+(?![\w+]))?"
_CAP_WORD = r"(?:" + _UP + r"|[a-z]{1,2}" + _UP + r")" + _CAP_WORD_REST
_INITIAL = _UP + r"\.(?=" + SPACE + _UP + ")"
_PARTICLE = (
    r"(?:de|du|des|de"
    + SPACE
    + r"la|von|van|der|den|von"
    + SPACE
    + r"der|van"
    + SPACE
    + r"der|van"
    + SPACE
    + r"den|di|da|del|della|dos|das|do|of|of"
    + SPACE
    + r"the|for|&|al|el"
    + r"|bin|ben|ibn)"
)
_ELIDED_PARTICLE = r"(?:(?:d|de" + SPACE + r"l)['’]|(?:al|el)-)"  # "d'Ivoire", "al-Assad"

# What may follow a run's first word: more capitalised words, with initials, particles and
# elided particles between them. Initials first: otherwise "W" of "George W. Bush" would end
# the run as a word.
_RUN_TAIL = (
    r"(?:(?:"
    + SPACE
    + r"+(?:"
    + _INITIAL
    + SPACE
    + r")+|"
    + SPACE
    + r"+(?:"
    + _PARTICLE
    + SPACE
    + r"+|"
    + _ELIDED_PARTICLE
    + r")?)"
    + _CAP_WORD
    + r")*"
)

CAPITALISED = re.compile(
    # The first character is a plain character class (the look-behind comes after it) so the
    # regex engine skips to the next capital at C speed.
    _UP
    + r"(?<![\w].)(?:\.(?="
    + SPACE
    + _UP
    + r")"
    + SPACE
    + r"(?:"
    + _INITIAL
    + SPACE
    + r")*"
    + _CAP_WORD
    + r"|"
    + _CAP_WORD_REST
    + r")"
    + _RUN_TAIL
)
"""A run of capitalised words on one line, with the particles and connectors names have
("Banque de France", "Côte d'Ivoire", "Procter & Gamble", "George W. Bush")."""

_INNER = r"(?:(?<=(?<![\w])[a-z].)|(?<=(?<![\w])[a-z]{2}.))(?=[a-zà-ÿ]{2})"
INNER_CAPITAL = re.compile(_UP + _INNER)
"""The inner capital of a brand written with a lower-case initial ("eBay", "iPhone"): scanned
for apart from :data:`CAPITALISED` so that run keeps skipping to capitals at C speed. Two
lower-case letters must follow it, which leaves out units ("kWh", "mAh")."""

LOWER_INITIAL_RUN = re.compile(r"[a-z]{1,2}" + _UP + _CAP_WORD_REST + _RUN_TAIL)
"""A run of capitalised words whose first word has a lower-case initial ("eBay France")."""

NAME_SCAN = re.compile(
    _UP
    + r"(?:(?<![\w].)(?:\.(?="
    + SPACE
    + _UP
    + r")"
    + SPACE
    + r"(?:"
    + _INITIAL
    + SPACE
    + r")*"
    + _CAP_WORD
    + r"|"
    + _CAP_WORD_REST
    + r")"
    + _RUN_TAIL
    + r"|(?P<inner>"
    + _INNER
    + r"))"
)
""":data:`CAPITALISED` and :data:`INNER_CAPITAL` in one scan: a match is a run, or (group
``inner``) the inner capital of a brand. One pass over the capitals instead of two."""

TOKEN = re.compile(r"[^ \u00a0\u202f\u2009]+")
"""A token of a capitalised run (the run's words, particles and initials)."""

ELISION = re.compile(r"^(L|D|N|O|Qu|J|S|C|M|T|Jusqu|Lorsqu|Puisqu|Quoiqu)['’](.+)$")
"""An elided article or pronoun glued to a capitalised word: "L'Oréal", "D'Artagnan",
"Qu'Alibaba"."""

POSSESSIVE = re.compile(r"['’]s$")
"""English possessive: "Apple's"."""

NEXT_WORDS = re.compile(
    SPACE
    + r"((?:d[eu]s?"
    + SPACE
    + r"|de"
    + SPACE
    + r"la"
    + SPACE
    + r"|d['’]|sans"
    + SPACE
    + r")?[a-zà-ÿœ][\w\-]*)(?:"
    + SPACE
    + r"((?:d[eu]s?"
    + SPACE
    + r"|de"
    + SPACE
    + r"la"
    + SPACE
    + r"|d['’])?[a-zà-ÿœ][\w\-]*))?"
)
"""Up to two lower-case words after a name, to recognise "Banque mondiale", "Coupe du monde"."""

LEADING_NUMBER = re.compile(r"(?<![^\W_])(\d{1,4})" + SPACE + r"$")
"""A number just before a name ("20 Minutes"), kept when a cue says the whole is a name; a
whole number (the last digits of "00000" would start the name inside a number)."""

_LOWER_WORD = r"[a-zà-ÿœ][a-zà-ÿœ'’\-]*[a-zà-ÿœ]"
_ADJECTIVE = (
    r"[a-zà-ÿœ][a-zà-ÿœ\-]*(?:al|ale|aux|el|elle|ique|aire|ien|ienne|ais|aise|ois|oise|if|ive"
    r"|eur|rice|ier|ière|é|ée|ant|ante|ent|ente|iste|ain|aine|in|ine|ide)s?"
)
ORG_TAIL = re.compile(
    r"(?:"
    + SPACE
    + _ADJECTIVE
    + r"(?![\w'’])"
    + r"|"
    + SPACE
    + r"(?:de|du|des|pour)"
    + SPACE
    + r"(?:la"
    + SPACE
    + r"|l['’]|les"
    + SPACE
    + r")?(?:"
    + _LOWER_WORD
    + r"|"
    + _UP
    + r"[\w\-]*)(?![\w'’])"
    + r"|"
    + SPACE
    + r"d['’](?:"
    + _LOWER_WORD
    + r"|"
    + _UP
    + r"[\w\-]*)(?![\w'’])"
    # "... de recherche en astrophysique et planétologie": a field, then another
    + r"|"
    + SPACE
    + r"et"
    + SPACE
    + r"(?:de|des|du)"
    + SPACE
    + _LOWER_WORD
    + r"(?![\w'’])"
    + r"|"
    + SPACE
    + r"(?:en|et)"
    + SPACE
    + r"(?!(?:le|la|les|un|une|des|du|de|en|au|aux|ses|son|sa|leur|leurs|a|est|sont|ont|qui"
    r"|que|dont|où|il|elle|ils|elles|on|se|ne|ce|cette|ces|plusieurs|certains|certaines|tous"
    r"|toutes|deux|trois|charge)(?![\w'’]))" + _LOWER_WORD + r"(?![\w'’]))+"
)
"""What follows an organisation's first word in French style: "Agence régionale de santé",
"Commission de régulation de l'énergie", "Bureau interprofessionnel des vins de Bourgogne"."""

MODEL_NUMBER = re.compile(SPACE + r"(\d{1,3})(?![\d\w%‰€$£]|[-–:.,]\d|" + SPACE + r"?[\d%‰€$£])")
"""A small number right after a name: "Ariane 6", "Ligue 1", "Windows 11"."""
