"""The evaluation set and its scorer (the figures themselves come from the benchmark)."""

from __future__ import annotations

from alireader.core.entities import Entity, extract
from benchmarks.entities import PARTS, load_part, parse_annotated, score


def test_marks_are_stripped_and_offsets_kept() -> None:
    article = parse_annotated("x", "À [[LOC:Paris]], [[PER:Jean Dupont]] a payé [[MONEY:3 €]].")
    assert article.text == "À Paris, Jean Dupont a payé 3 €."
    assert [(article.text[e.start : e.end], e.label) for e in article.gold] == [
        ("Paris", "LOC"),
        ("Jean Dupont", "PER"),
        ("3 €", "MONEY"),
    ]


def test_exact_span_and_label_are_required() -> None:
    article = parse_annotated("x", "[[PER:Jean Dupont]] et [[ORG:Veltravia]]")

    def partial(_: str) -> list[Entity]:
        return [Entity(0, 4, "PER", "Jean"), Entity(15, 24, "LOC", "Veltravia")]

    result = score([article], partial)
    assert result["all"]["precision"] == 0.0 and result["all"]["recall"] == 0.0
    perfect = score([article], lambda _: list(article.gold))
    assert perfect["all"]["f1"] == 1.0


def test_every_part_is_there_and_well_formed() -> None:
    for part in PARTS:
        articles = load_part(part)
        assert len(articles) >= 6
        for article in articles:
            assert "[[" not in article.text, article.name
            for entity in article.gold:
                assert article.text[entity.start : entity.end] == entity.text


def test_quality_does_not_regress_on_the_held_out_part() -> None:
    # A floor well under the measured figures (see benchmarks/entities.py): it catches a rule
    # that breaks names wholesale, not a one-entity wobble.
    result = score(load_part("heldout2"), extract)
    assert result["all"]["precision"] >= 0.85
    assert result["all"]["recall"] >= 0.85
