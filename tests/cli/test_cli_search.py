"""``alireader search``: the JSON contract, exit codes, plain output into pipes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run


def test_json_shape_and_offsets_into_the_shown_body() -> None:
    result = run("search", "sebastien badaut", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert {"query", "took_ms", "hits"} <= set(document)
    assert document["query"] == "sebastien badaut" and document["took_ms"] >= 0
    hit = document["hits"][0]
    assert {"id", "title", "score", "snippet", "matches"} <= set(hit)
    assert hit["id"].startswith("003")
    body = json.loads(run("show", hit["id"], "--json").stdout)["body"]
    assert {body[a:b] for a, b in hit["matches"]} == {"Sébastien", "Badault"}


def test_no_hits_is_success() -> None:
    result = run("search", "xqzwv", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["hits"] == []


def test_limit_and_its_default(tmp_path: Path) -> None:
    hits = json.loads(run("search", "alibaba", "--json", "--limit", "2").stdout)["hits"]
    assert len(hits) == 2
    config = tmp_path / "config.toml"
    config.write_text("[search]\nlimit = 1\n", encoding="utf-8")
    hits = json.loads(run("search", "alibaba", "--json", "--config", str(config)).stdout)["hits"]
    assert len(hits) == 1


@pytest.mark.parametrize("limit", ["0", "-3", "many"])
def test_bad_limit_is_a_usage_error(limit: str) -> None:
    result = run("search", "alibaba", "--limit", limit)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1


def test_missing_corpus_is_an_error(tmp_path: Path) -> None:
    result = run("search", "x", "-C", str(tmp_path / "nowhere"))
    assert result.returncode == 1 and "nowhere" in result.stderr


def test_human_output_is_plain_in_a_pipe_and_literal(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "x.txt").write_text(
        "Titre [bold]piégé[/bold]\n\nLe corps \x1b[31mpiégé\x1b[0m ici.\n", encoding="utf-8"
    )
    result = run("search", "piege", "-C", str(folder))
    assert result.returncode == 0, result.stderr
    assert "\x1b" not in result.stdout
    assert "[bold]piégé[/bold]" in result.stdout and "␛[31m" in result.stdout
    assert "1 of 1 matching article" in result.stdout


def test_malformed_queries_never_fail() -> None:
    for query in ('"', "|", "!", "title:", "^$", "'", "a | | b"):
        result = run("search", query, "--json")
        assert result.returncode == 0, (query, result.stderr)


def test_entity_terms_find_the_articles_mentioning_a_name(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    (corpus / "a.txt").write_text(
        "Un portrait\n\nMarie Curie travaille à Paris avec Pierre Curie.\n", encoding="utf-8"
    )
    (corpus / "b.txt").write_text(
        "Une curie romaine\n\nLa curie se réunit à Rome demain.\n", encoding="utf-8"
    )
    found = json.loads(run("search", "per:curie", "-C", str(corpus), "--json").stdout)
    assert [hit["id"] for hit in found["hits"]] == ["a"]
    found = json.loads(run("search", "@rome", "-C", str(corpus), "--json").stdout)
    assert [hit["id"] for hit in found["hits"]] == ["b"]
    assert json.loads(run("search", "curie", "-C", str(corpus), "--json").stdout)["hits"]
