"""A cold load (the loader, then the feed) parses each file once when the cache is on."""

from __future__ import annotations

import queue
from collections.abc import Sequence
from pathlib import Path

import pytest

from alireader.core import body_pass
from alireader.core.models import ArticleSummary
from alireader.core.search import SearchIndex
from alireader.ui.indexer import CorpusFeed, search_sink
from alireader.ui.loader import Batch, load_batches
from tests.ui.conftest import write_corpus


def _corpus(folder: Path) -> Path:
    return write_corpus(
        folder,
        {
            "a.txt": "Élections à Orléans\n\nLe maire sortant est réélu dès le premier tour.\n",
            "b.txt": "Météo\n\nDu soleil sur toute la Bretagne.\n",
        },
    )


def _index(summaries: Sequence[ArticleSummary], *, cache: bool) -> SearchIndex:
    index = SearchIndex()
    pending: queue.SimpleQueue[Sequence[ArticleSummary] | None] = queue.SimpleQueue()
    pending.put(summaries)
    pending.put(None)
    feed = CorpusFeed(index, pending, sinks=[search_sink(index)], cache=cache, index_bodies=False)
    assert feed.run(lambda: False, lambda done, total: None, workers=1)
    return index


@pytest.mark.parametrize("cache", [True, False])
def test_every_body_is_indexed_with_or_without_the_cache(tmp_path: Path, cache: bool) -> None:
    batches: list[Batch] = []
    load_batches([_corpus(tmp_path / "c")], batches.append, workers=1, cache=cache)
    index = _index([s for batch in batches for s in batch.summaries], cache=cache)
    assert [hit.id for hit in index.search("bretagne").hits] == ["b"]  # a body
    assert [hit.id for hit in index.search("reelu").hits] == ["a"]


def test_with_the_cache_the_bodies_are_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[Batch] = []
    load_batches([_corpus(tmp_path / "c")], batches.append, workers=1)

    def no_reading(*_args: object, **_kwargs: object) -> list[body_pass.BodyRecord]:
        raise AssertionError("a file was parsed a second time")

    monkeypatch.setattr(body_pass, "read_bodies", no_reading)
    index = _index([s for batch in batches for s in batch.summaries], cache=True)
    assert [hit.id for hit in index.search("bretagne").hits] == ["b"]
