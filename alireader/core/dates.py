"""Recognise the dates that news text states ("Publié le 10 novembre 2020", "March 3, 2021") and
normalise them to ISO 8601 (``2020-11-10``; ``2021-03`` when only a month is given)."""

from __future__ import annotations

import re
from datetime import date

from alireader.core.text import strip_accents

_MONTHS = {
    # French, then English; abbreviations with and without their period (folded: no accents).
    "janvier": 1, "janv": 1, "fevrier": 2, "fevr": 2, "fev": 2, "mars": 3, "avril": 4, "avr": 4,
    "mai": 5, "juin": 6, "juillet": 7, "juil": 7, "aout": 8, "septembre": 9, "sept": 9,
    "octobre": 10, "novembre": 11, "decembre": 12, "dec": 12,
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d\d)"

# Not \b at the end: a timestamp glues the time to the day ("2020-11-10t10:32", folded).
_ISO = re.compile(rf"\b{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)(?!\d)")
_NUMERIC = re.compile(rf"\b(?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})[/.]{_YEAR}\b")
_DAY_MONTH_YEAR = re.compile(
    rf"\b(?P<day>\d{{1,2}}|1er)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{_MONTH})\.?,?\s+{_YEAR}\b"
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b(?P<month>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b"
)
_MONTH_YEAR = re.compile(rf"\b(?P<month>{_MONTH})\.?\s+{_YEAR}\b")


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> str | None:
    """The first full date stated in ``text``, as ISO ``YYYY-MM-DD`` (or ``YYYY-MM``), else None.

    Numeric dates are read day first (``10/11/2020`` is 10 November, as in French and most of
    the world) unless only the month-first reading is possible (``11/25/2020``).
    """
    folded = strip_accents(text).casefold()
    if match := _ISO.search(folded):
        return _valid(int(match["year"]), int(match["month"]), int(match["day"]))
    if match := _DAY_MONTH_YEAR.search(folded):
        day = 1 if match["day"] == "1er" else int(match["day"])
        return _valid(int(match["year"]), _MONTHS[match["month"]], day)
    if match := _MONTH_DAY_YEAR.search(folded):
        return _valid(int(match["year"]), _MONTHS[match["month"]], int(match["day"]))
    if match := _NUMERIC.search(folded):
        first, second, year = int(match["a"]), int(match["b"]), int(match["year"])
        return _valid(year, second, first) or _valid(year, first, second)
    if match := _MONTH_YEAR.search(folded):
        return f"{match['year']}-{_MONTHS[match['month']]:02d}"
    return None


def normalise_date(value: str) -> str:
    """A date field from structured data (JSON), normalised to ISO when it can be read."""
    return find_date(value) or value.strip()


# The words a date line may hold besides its date: labels ("Publié le", "Updated"), weekdays,
# times and zones ("10h32", "6:45 p.m. EDT"), relative times ("2 hours ago", "il y a 3 h") and
# the small words between them. Single letters ("à" folded, "h", "p.m.") are always allowed.
_DATE_LINE_VOCABULARY = """
    publie publiee mis mise jour modifie modifiee cree creee actualise actualisee posted
    published updated last first date publication edited revised modified
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday mon tue tues wed thu thur thurs fri sat sun
    le la les du de des et on at the and of by par il ya y ago hier aujourd hui today yesterday
    am pm utc gmt cet cest bst est edt cdt pdt pst mdt ist jst et heure heures hour hours hr hrs
    min mn mins minute minutes sec jour jours day days semaine semaines week weeks mois month
    months an ans year years er st nd rd th lecture read reading temps time
"""
_DATE_LINE_WORDS = frozenset(_DATE_LINE_VOCABULARY.split()) | frozenset(_MONTHS)
_DATE_LINE_MAX_CHARS = 120
# A bare date, "24 janvier 2020", "Tuesday, March 17, 2020": the words it may hold besides its
# month. No label ("Publié le"), no time, no numeric date: in a timeline, such a line is a
# heading, where a labelled or timed one is always the page's metadata.
_WEEKDAYS = """
    lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday
    saturday sunday
"""
_BARE_DATE_WORDS = frozenset(_WEEKDAYS.split()) | frozenset(("er", "st", "nd", "rd", "th", "of"))
_BARE_DATE_LEADS = frozenset(("le", "on", "the"))  # "Le 24 janvier 2020", "On March 17, 2020"
_BARE_DATE_PUNCT = frozenset(",.")
_BARE_DATE_MAX_CHARS = 40  # "Wednesday, September 24th, 2020" fits, with room
_DATE_LINE_START = re.compile(r"[a-z]+")
_DATE_LINE_TOKEN = re.compile(r"[a-z]+|\d+|[^\sa-z\d]")
_DATE_LINE_PUNCT = frozenset(",.:;-|/()[]·•–—'+")
_YEAR_IN = re.compile(r"(?:19|20)\d\d")
_GLUED_WORDS = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
# "Updated 2 hours ago", "Mis à jour il y a 3 heures", "Publié aujourd'hui à 09h12, modifié à
# 10h45": a date line with no date in it.
_RELATIVE = re.compile(
    r"^(?:publie|mis a jour|modifie|actualise|posted|published|updated|last updated)\s*:?\s*"
    r"(?:le\s+|on\s+)?(?:il y a \d+|\d+ (?:minutes?|mins?|hours?|hrs?|days?|weeks?) ago|"
    r"(?:aujourd'hui|aujourd’hui|hier|today|yesterday)\b)"
    r"[\s\w:,'’.-]{0,60}$"
)
# The first letters of _RELATIVE's labels ("" too: an empty line goes on to the regex).
_RELATIVE_INITIALS = "pmaul"


def is_date_line(line: str) -> bool:
    """True for a short line that only states when the article was published or updated.

    "Publié le 12/03/2021 à 10h32 Mis à jour le 12/03/2021 à 14h05", "Le 21/09/2021 à 11:05",
    "March 3, 2021 10:32 AM UTC Updated 2 hours ago", "Wed 3 Mar 2021 10.32 GMT": a date
    that :func:`find_date` reads, and nothing else but date words (see ``_DATE_LINE_WORDS``).
    A sentence that mentions a date ("Le 12 mars 2021, le gouvernement a ...") is prose.
    """
    if len(line) > _DATE_LINE_MAX_CHARS:
        return False
    if _YEAR_IN.search(line) is None:
        # Every date find_date reads has a year; without one only a relative time can do. Its
        # label starts with one of _RELATIVE_INITIALS: an ASCII first letter that is none of
        # them ends the check before folding (a non-ASCII one may fold to one: "É", "Ṕ").
        initial = line.lstrip()[:1]
        if initial.isascii() and initial.lower() not in _RELATIVE_INITIALS:
            return False
        return _RELATIVE.match(strip_accents(line).casefold().strip()) is not None
    # A date line starts with a number or a date word: prose stops here, cheaply.
    head = line.lstrip()[:16]
    if not head[:1].isdigit():
        first = _DATE_LINE_START.match(strip_accents(head).casefold())
        if first is None or first.group() not in _DATE_LINE_WORDS:
            return False
    # Scraping glues words: "10:45 AM GMTUpdated 6 min ago".
    line = _GLUED_WORDS.sub(" ", line)
    folded = strip_accents(line).casefold().strip()
    for token in _DATE_LINE_TOKEN.findall(folded):
        if not (
            token.isdigit()
            or len(token) == 1
            or token in _DATE_LINE_WORDS
            or token in _DATE_LINE_PUNCT
        ):
            return False
    return find_date(folded) is not None


def is_bare_date(line: str) -> bool:
    """True for a line that is a date written in words and nothing else: "24 janvier 2020",
    "Mardi 17 mars 2020", "March 17, 2020", "Le 1er août 1914".

    Not "Publié le 24 janvier 2020", "24/01/2020" or "24 janvier 2020 à 10h32": a label, a
    numeric date or a time make a line the page's date stamp. A bare date may be a heading (a
    timeline's "24 janvier 2020"), so the parser keeps those inside an article's body.
    """
    if len(line) > _BARE_DATE_MAX_CHARS:
        return False
    folded = strip_accents(line).casefold().strip()
    tokens = _DATE_LINE_TOKEN.findall(folded)
    if tokens and tokens[0] in _BARE_DATE_LEADS:
        tokens = tokens[1:]
    months = 0
    for token in tokens:
        if token in _MONTHS:
            months += 1
        elif not (
            (token.isdigit() and len(token) <= 4)
            or token in _BARE_DATE_WORDS
            or token in _BARE_DATE_PUNCT
        ):
            return False
    return months == 1 and find_date(folded) is not None
