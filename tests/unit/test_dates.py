"""Dates stated in news text: find_date (ISO output), is_date_line, normalise_date."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alireader.core.dates import find_date, is_bare_date, is_date_line, normalise_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # French
        ("Publié le 10 novembre 2020 à 10h32", "2020-11-10"),
        ("le 1er janvier 2021", "2021-01-01"),
        ("Mis à jour le 3 févr. 2022", "2022-02-03"),
        ("le 15 août 2019", "2019-08-15"),
        ("Le 12/03/2021 à 10h32", "2021-03-12"),  # day first
        ("12.03.2021", "2021-03-12"),
        ("en juin 2014", "2014-06"),  # a month only
        # English
        ("March 3, 2021", "2021-03-03"),
        ("Updated Sept. 14, 2023 at 6:45 p.m.", "2023-09-14"),
        ("3rd of March 2021", "2021-03-03"),
        ("14 June 2023, 09:05 BST", "2023-06-14"),
        ("11/25/2020", "2020-11-25"),  # only the month-first reading is a date
        # ISO, timestamps included
        ("2021-03-03", "2021-03-03"),
        ("2020-11-10T10:32:00+01:00", "2020-11-10"),
    ],
)
def test_find_date(text: str, expected: str) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "31/02/2020",  # no 31 February
        "2021-13-01",
        "le 30 février 2020",
        "February 30, 2021",
        "32 mars 2021",
        "il y a trois jours",
        "le double 11",
        "En 2019, Alibaba a vendu",  # a year alone is no date
        "",
    ],
)
def test_find_date_rejects_what_is_no_date(text: str) -> None:
    assert find_date(text) is None


@pytest.mark.parametrize(
    "line",
    [
        "Publié le 12/03/2021 à 10h32 Mis à jour le 12/03/2021 à 14h05",
        "Publié le mardi 7 mars 2023 à 08h12",
        "Mis à jour le 14 décembre 2022 à 18:40",
        "Le 21/09/2021 à 11:05",
        "Le 1er janvier 2021",
        "10 novembre 2020",
        "March 3, 2021 10:32 AM UTC Updated 2 hours ago",
        "Updated June 2, 2023 at 6:45 p.m. EDT",
        "Published: 14 June 2023, 09:05 BST",
        "Wed 3 Mar 2021 10.32 GMT",
        "Updated: 11/25/2020 3:15 PM",
        "2020-11-10T10:32:00+01:00",
        "Updated 2 hours ago",
        "Mis à jour il y a 3 heures",
        "Publié aujourd’hui à 09h12, modifié à 10h45",
        "December 13, 2023 10:45 AM GMTUpdated 6 min ago",  # words glued by scraping
        "21 septembre 2021 • 3 min de lecture",  # with the reading time
        "March 3, 2021 · 5 min read",
    ],
)
def test_date_lines(line: str) -> None:
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Le 12 mars 2021, le gouvernement a annoncé un plan de relance.",
        "Alibaba a inauguré en juin 2014 son site 11 Main.",
        "Publié le 31/02/2020",  # not a real date
        "Le chinois Alibaba se sépare du site 11 Main",
        "Mars 2021 : ce qui change pour les retraités au 1er avril prochain",
        "2021",
        "Publié aujourd'hui, le rapport accable la direction de l'usine de Lyon et ses choix.",
        "",
        "le 12 " + "x" * 200 + " 2021",  # far too long for a date line
    ],
)
def test_not_date_lines(line: str) -> None:
    assert not is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "24 janvier 2020",
        "Mardi 17 mars 2020",
        "Le 1er août 1914",
        "March 17, 2020",
        "Tuesday, March 17, 2020",
        "Sept. 14, 2023",
        "3rd of March 2021",
    ],
)
def test_bare_dates(line: str) -> None:
    assert is_bare_date(line)
    assert is_date_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Publié le 24 janvier 2020",  # a label
        "24 janvier 2020 à 10h32",  # a time
        "24/01/2020",  # numeric: a date stamp
        "2020-01-24",
        "21 septembre 2021 • 3 min de lecture",
        "Updated March 17, 2020",
        "Mars 2021 : ce qui change",
        "mars 2021 janvier 2022",  # two months: a range, not a date
        "",
    ],
)
def test_not_bare_dates(line: str) -> None:
    assert not is_bare_date(line)


def test_normalise_date() -> None:
    assert normalise_date("2021-03-03T08:00:00Z") == "2021-03-03"
    assert normalise_date("le 3 mars 2021") == "2021-03-03"
    assert normalise_date("  quelque part en 2021 ") == "quelque part en 2021"


@given(st.dates(), st.sampled_from(["fr", "en", "iso", "numeric"]))
@settings(max_examples=150, deadline=None)
def test_find_date_reads_every_real_date(day: object, style: str) -> None:
    import datetime

    assert isinstance(day, datetime.date)
    if not 1900 <= day.year <= 2099:
        return
    months_fr = "janvier février mars avril mai juin juillet août septembre octobre novembre"
    months_fr += " décembre"
    months_en = "January February March April May June July August September October November"
    months_en += " December"
    if style == "fr":
        text = f"Publié le {day.day} {months_fr.split()[day.month - 1]} {day.year}"
    elif style == "en":
        text = f"Published {months_en.split()[day.month - 1]} {day.day}, {day.year}"
    elif style == "iso":
        text = day.isoformat()
    else:
        text = f"{day.day:02d}/{day.month:02d}/{day.year}"
    assert find_date(text) == day.isoformat()
    assert is_date_line(text)


@given(st.text(max_size=200))
@settings(max_examples=150, deadline=None)
def test_date_functions_never_raise(text: str) -> None:
    found = find_date(text)
    assert found is None or len(found) in (7, 10)
    is_date_line(text)
    assert not is_bare_date(text) or is_date_line(text)
