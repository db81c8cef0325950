"""The entity index keeps one copy of each spelling, however many articles name it: the
workers send every article's mentions as fresh objects, and at 100k articles the copies were
hundreds of MB in memory and in the snapshot's pickle."""

from __future__ import annotations

import pickle

from alireader.core.entities import Entity
from alireader.core.entity_index import EntityIndex, Mentions, grouped_mentions

_NAMES = [
    Entity(0, 26, "PER", "Jean-Sébastien Badault-Roux"),
    Entity(30, 62, "ORG", "Compagnie Générale des Eaux Unies"),
]


def _fresh_mentions() -> Mentions:
    # A round trip, as the mentions arrive from a worker process: new strings and tuples.
    fresh: Mentions = pickle.loads(pickle.dumps(grouped_mentions(_NAMES)))
    return fresh


def _pickled_size(articles: int) -> int:
    index = EntityIndex()
    for number in range(articles):
        index.add(f"article-{number:05}", _fresh_mentions())
    return len(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL))


def test_a_spelling_named_by_many_articles_is_kept_once() -> None:
    spelled = sum(len(entity.text) for entity in _NAMES)
    per_article = (_pickled_size(201) - _pickled_size(1)) / 200
    # Each more article costs its ID and counts, not another copy of the two spellings.
    assert per_article < spelled


def test_removing_every_article_that_names_a_spelling_forgets_it() -> None:
    index = EntityIndex()
    index.add("a", _fresh_mentions())
    index.add("b", _fresh_mentions())
    index.remove("a")
    assert {entry.text for entry in index.entries()} == {entity.text for entity in _NAMES}
    index.remove("b")
    assert index.entries() == []
    assert len(pickle.dumps(index)) == len(pickle.dumps(EntityIndex()))
