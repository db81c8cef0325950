"""``alireader entities``: the JSON contract, offsets into ``show``'s body, plain marking."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.helpers import run

ARTICLE = (
    "Le groupe Veltravia rachète une usine à Lyon\n\n"
    "Le groupe Veltravia a annoncé mardi 3 mars 2020 le rachat d'une usine à Lyon pour "
    "200 millions d'euros, selon son directeur général Armand Quelvenec.\n\n"
    "Quelvenec prévoit une hausse de 12 % de la production.\n"
)


def _corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "usine.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "autre.txt").write_text(
        "Une autre histoire\n\nArmand Quelvenec visite Paris en juin 2021.\n", encoding="utf-8"
    )
    return folder


def test_one_article_as_json_with_offsets_into_show_body(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    result = run("entities", "usine", "-C", str(corpus), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["id"] == "usine"
    body = json.loads(run("show", "usine", "-C", str(corpus), "--json").stdout)["body"]
    found = {(e["text"], e["label"]) for e in document["entities"]}
    assert {
        ("Veltravia", "ORG"),
        ("mardi 3 mars 2020", "DATE"),
        ("Lyon", "LOC"),
        ("200 millions d'euros", "MONEY"),
        ("Armand Quelvenec", "PER"),
        ("Quelvenec", "PER"),
        ("12 %", "PERCENT"),
    } <= found
    for entity in document["entities"]:
        assert set(entity) == {"text", "label", "start", "end"}
        assert body[entity["start"] : entity["end"]] == entity["text"]


def test_the_corpus_as_json(tmp_path: Path) -> None:
    result = run("entities", "-C", str(_corpus(tmp_path)), "--json")
    assert result.returncode == 0, result.stderr
    entries = json.loads(result.stdout)["entities"]
    for entry in entries:
        assert {"text", "label", "count", "articles"} <= set(entry)
    person = next(e for e in entries if e["text"] == "Armand Quelvenec")
    assert person["label"] == "PER"
    assert sorted(person["articles"]) == ["autre", "usine"]
    counts = [entry["count"] for entry in entries]
    assert counts == sorted(counts, reverse=True)


def test_plain_marking_into_a_pipe(tmp_path: Path) -> None:
    result = run("entities", "usine", "-C", str(_corpus(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert "[Armand Quelvenec]PER" in result.stdout
    assert "[200 millions d'euros]MONEY" in result.stdout
    assert "\x1b[" not in result.stdout


def test_the_corpus_listing_into_a_pipe(tmp_path: Path) -> None:
    result = run("entities", "-C", str(_corpus(tmp_path)))
    assert result.returncode == 0, result.stderr
    assert any("PER" in line and "Armand Quelvenec" in line for line in result.stdout.splitlines())
    assert "\x1b[" not in result.stdout


def test_article_text_is_never_markup(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "m.txt").write_text(
        "Titre\n\n[bold]Paris[/bold] et \x1b[31m Lyon.\n", encoding="utf-8"
    )
    result = run("entities", "m", "-C", str(folder))
    assert result.returncode == 0, result.stderr
    assert "[bold]" in result.stdout and "\x1b" not in result.stdout


def test_unknown_id_is_an_error(tmp_path: Path) -> None:
    result = run("entities", "nope", "-C", str(_corpus(tmp_path)), "--json")
    assert result.returncode == 1
    assert result.stderr.startswith("alireader: ") and "Traceback" not in result.stderr


def test_spacy_asked_for_but_absent_falls_back_with_a_warning(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[entities]\nbackend = "spacy"\n', encoding="utf-8")
    corpus = _corpus(tmp_path)
    result = run("entities", "usine", "-C", str(corpus), "--json", "--config", str(config))
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    try:
        import spacy  # noqa: F401
    except ImportError:
        assert document["backend"] == "builtin"
        assert "spaCy" in result.stderr
    else:
        assert document["backend"] in ("builtin", "spacy")
