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

_ISO = re.compile(rf"\b{_YEAR}-(?P<month>\d\d)-(?P<day>\d\d)\b")
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


_WEEKDAYS = (
    r"(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|"
    r"friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)"
)
_TIME = r"(?:\s*(?:a|at|,|-)?\s*\d{1,2}\s*(?:h|:)\s*\d{0,2}(?:\s*(?:am|pm|utc|gmt|cet|cest))?)?"
# A line that is nothing but a date (and maybe a weekday and a time): a dateline, not prose.
_DATE_ONLY = re.compile(
    rf"^(?:le\s+|on\s+)?(?:{_WEEKDAYS}\.?,?\s+)?(?:"
    rf"(?:\d{{1,2}}|1er)(?:st|nd|rd|th)?\s+(?:{_MONTH})\.?,?\s+(?:19|20)\d\d"
    rf"|(?:{_MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    rf"|(?:19|20)\d\d-\d\d-\d\d(?:t[\d:.+z-]*)?"
    rf"|\d{{1,2}}[/.]\d{{1,2}}[/.](?:19|20)\d\d"
    rf"){_TIME}\.?$"
)
# "Publié le …", "Mis à jour le …", "Published: …", "Updated …" (with a date in the rest).
_DATE_LABEL = re.compile(
    r"^(?:publie|mis a jour|modifie|mise a jour|cree|posted|published|updated|last updated|"
    r"first published|date(?: de publication)?)\b"
)


def is_date_line(line: str) -> bool:
    """True for a short line that only states when the article was published or updated."""
    if len(line) > 120:
        return False
    folded = strip_accents(line).casefold().strip()
    if _DATE_ONLY.match(folded):
        return True
    return bool(_DATE_LABEL.match(folded)) and find_date(folded) is not None
