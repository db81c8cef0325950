"""Newspaper names read as organisations, not people (a capitalised run ending in a paper's
usual last word: Journal, Telegraph, Chronicle...)."""

from __future__ import annotations

import pytest

from alireader.core.entities import extract


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Nous avons fait pivoter notre modèle.\n\nSelon le Wall Street Journal, Alibaba "
            "prendrait une participation de 19,3% dans Stavia.",
            "Wall Street Journal",
        ),
        ("Le Philadelphia Inquirer rapporte que Marc Dupont est parti.", "Philadelphia Inquirer"),
        ("Le Daily Telegraph a publié l'enquête mardi.", "Daily Telegraph"),
        ("D'après le San Francisco Chronicle, la vente est conclue.", "San Francisco Chronicle"),
        ("Le Washington Post cite trois sources.", "Washington Post"),
    ],
)
def test_a_newspaper_is_an_organisation(text: str, name: str) -> None:
    labels = {entity.text: entity.label for entity in extract(text)}
    assert labels.get(name) == "ORG", labels


def test_a_person_before_a_newspaper_stays_a_person() -> None:
    labels = {e.text: e.label for e in extract("Marc Dupont a parlé au Boston Globe hier.")}
    assert labels.get("Marc Dupont") == "PER"
    assert labels.get("Boston Globe") == "ORG"
