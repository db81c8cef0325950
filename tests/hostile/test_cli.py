"""The command line on hostile input: it starts, prints what can be shown literally (escapes as
visible placeholders, never raw), warns once per bad file, and writes nothing to the corpus.

Output must be valid UTF-8 in a strict UTF-8 locale (``PYTHONIOENCODING=utf-8``): the runner
decodes it strictly, so an undecodable byte in a file name would fail the test.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.hostile.corpus import (
    BAD,
    ESCAPES,
    ESCAPES_SHOWN,
    MARKUP,
    case_of,
    read_only,
    snapshot,
    write_cases,
)

STRICT = {"PYTHONIOENCODING": "utf-8", "NO_COLOR": ""}
RAW_CONTROLS = [chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F)]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_cases(tmp_path_factory.mktemp("cli") / "hostile")


def no_raw_controls(text: str) -> bool:
    return not any(ch in text for ch in RAW_CONTROLS) and "\x9b" not in text


def test_list_json_loads_the_rest_and_warns_once_per_bad_file(hostile: Path) -> None:
    before = snapshot(hostile)
    with contextlib.contextmanager(read_only)(hostile):
        result = run("list", "--json", "-C", str(hostile), env=STRICT)
    assert snapshot(hostile) == before
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    named = Counter(case_of(w["path"]).name for w in document["warnings"])
    assert named == Counter(case.name for case in BAD)
    by_id = {article["id"]: article for article in document["articles"]}
    # JSON keeps the text exactly (its own escaping makes control characters inert).
    assert by_id["escapes"]["title"] == f"Titre {ESCAPES}"
    assert by_id["markup"]["title"] == f"Titre {MARKUP}"
    assert {"new\nline", "bad\ufffdname", "esc\x1b[31mname", "cjk-utf16-nobom"} <= set(by_id)


def test_list_for_people_shows_escapes_and_warnings_literally(hostile: Path) -> None:
    result = run("list", "-C", str(hostile), env=STRICT)
    assert result.returncode == 0, result.stderr
    assert no_raw_controls(result.stdout) and no_raw_controls(result.stderr)
    assert f"Titre {ESCAPES_SHOWN}" in result.stdout
    assert f"Titre {MARKUP}" in result.stdout
    # One warning line per bad file, each naming it.
    lines = [line for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert len(lines) == len(BAD)
    for case in BAD:
        assert sum(case.stem.replace("\udcff", "\ufffd") in line for line in lines) == 1
    # One row per article: a newline in a file name does not break the table.
    rows = result.stdout.splitlines()
    assert rows[-1] == f"{len(rows) - 2} articles"
    assert any(row.startswith("new␊line ") for row in rows)


@pytest.mark.parametrize(
    ("reference", "title"),
    [
        ("escapes", f"Titre {ESCAPES_SHOWN}"),
        ("markup", f"Titre {MARKUP}"),
        ("bad", "Un nom qui n'est pas UTF-8"),
        ("esc\x1b", "Un nom avec une séquence"),
        ("broken/4", "Titre ␛[31m\ufffd [bold]x[/]"),
    ],
)
def test_show_prints_literally(hostile: Path, reference: str, title: str) -> None:
    result = run("show", reference, "-C", str(hostile), env=STRICT)
    assert result.returncode == 0, result.stderr
    assert no_raw_controls(result.stdout)
    assert result.stdout.splitlines()[0] == title


def test_show_json_of_every_article_is_valid_utf8_json(hostile: Path) -> None:
    for reference in ("bad", "new"):
        result = run("show", reference, "--json", "-C", str(hostile), env=STRICT)
        assert result.returncode == 0, result.stderr
        article = json.loads(result.stdout)
        assert article["id"].startswith(reference)
    body = json.loads(run("show", "markup", "--json", "-C", str(hostile), env=STRICT).stdout)
    assert body["body"] == f"Le corps {MARKUP} continue."


def test_search_finds_hostile_articles_and_prints_them_literally(hostile: Path) -> None:
    result = run("search", "corps", "-C", str(hostile), env=STRICT)
    assert result.returncode == 0, result.stderr
    assert no_raw_controls(result.stdout) and no_raw_controls(result.stderr)
    assert ESCAPES_SHOWN.split(" ")[0] in result.stdout and MARKUP in result.stdout
    hits = json.loads(run("search", "corps", "--json", "-C", str(hostile), env=STRICT).stdout)[
        "hits"
    ]
    assert {"escapes", "markup", "bad\ufffdname"} <= {hit["id"] for hit in hits}
    # The query itself may hold escapes and markup: it is searched, never interpreted.
    odd = run("search", "\x1b[31m [@click=app.quit] 北京", "-C", str(hostile), env=STRICT)
    assert odd.returncode == 0, odd.stderr
    assert no_raw_controls(odd.stdout)
