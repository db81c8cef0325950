"""A cold load (the loader, then the feed) parses each file once when the cache is on."""

from __future__ import annotations

import queue
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from alireader.core import body_pass
from alireader.core.models import ArticleSummary
from alireader.core.search import SearchIndex
from alireader.ui.app import ReaderApp
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


@pytest.mark.parametrize("cache", [True, False])
def test_the_entity_sink_gets_grouped_mentions_that_index_like_the_spans(
    tmp_path: Path, cache: bool
) -> None:
    from functools import partial

    from alireader.core.analysers import article_entities
    from alireader.core.entities import extract
    from alireader.core.entity_index import EntityIndex, Mentions
    from alireader.core.reopen import open_file
    from alireader.ui.indexer import Sink

    folder = write_corpus(
        tmp_path / "c",
        {
            "a.txt": "Visite\n\nSébastien Badault a rencontré le maire de Lyon. Badault "
            "a ensuite visité L'Oréal à Clichy le 3 mars 2024.\n",
            "b.txt": "Bourse\n\nL'Oréal gagne 2 % à Paris, selon Sébastien Badault.\n",
        },
    )
    batches: list[Batch] = []
    load_batches([folder], batches.append, workers=1, cache=cache)
    summaries = [s for batch in batches for s in batch.summaries]
    received: list[object] = []
    fed = EntityIndex()

    def add(records: list[body_pass.BodyRecord], found: list[Mentions]) -> None:
        for record, mentions in zip(records, found, strict=True):
            received.append(mentions)
            fed.add(record.id, mentions)

    pending: queue.SimpleQueue[Sequence[ArticleSummary] | None] = queue.SimpleQueue()
    pending.put(summaries)
    pending.put(None)
    sink = Sink(partial(article_entities, "builtin"), add)
    feed = CorpusFeed(SearchIndex(), pending, sinks=[sink], cache=cache)
    assert feed.run(lambda: False, lambda done, total: None, workers=1)
    assert received and all(isinstance(mentions, Mentions) for mentions in received)
    spans = EntityIndex()
    for summary in summaries:
        article = open_file(summary.path).article(summary.record)
        assert article is not None
        spans.add(summary.id, extract(article.body))
    assert fed.to_dict() == spans.to_dict()
    assert fed.entries() == spans.entries()


@pytest.mark.parametrize("freeze", [True, False])
def test_a_freezing_feed_puts_what_it_built_out_of_the_collectors_reach(
    tmp_path: Path, freeze: bool
) -> None:
    import gc

    batches: list[Batch] = []
    load_batches([_corpus(tmp_path / "c")], batches.append, workers=1)
    pending: queue.SimpleQueue[Sequence[ArticleSummary] | None] = queue.SimpleQueue()
    pending.put([s for batch in batches for s in batch.summaries])
    pending.put(None)
    index = SearchIndex()
    feed = CorpusFeed(index, pending, sinks=[search_sink(index)], index_bodies=False, freeze=freeze)
    frozen_before = gc.get_freeze_count()
    try:
        assert feed.run(lambda: False, lambda done, total: None, workers=1)
        tracked = any(item is index for item in gc.get_objects())
        assert (gc.get_freeze_count() > frozen_before) is freeze
        assert tracked is not freeze
        assert [hit.id for hit in index.search("bretagne").hits] == ["b"]
    finally:
        gc.unfreeze()  # the rest of the test session collects as usual


async def test_every_index_is_ready_only_once_the_copies_are_grouped(
    make_app: Callable[..., ReaderApp],
) -> None:
    app = make_app()  # the seeds: 000 and 001 are two copies of one story
    async with app.run_test(size=(100, 24)):
        await app.index_ready.wait()
        assert app.duplicates_ready.is_set()
        assert any(len(cluster.articles) == 2 for cluster in app.clusters.values())


def test_a_final_index_report_is_not_superseded_by_a_later_one_that_is_not() -> None:
    final = ReaderApp.IndexProgress(5, 5)
    passing = ReaderApp.IndexProgress(1, 3, final=False)
    assert not final.can_replace(passing)  # index_ready would never be set
    assert passing.can_replace(final)
    assert passing.can_replace(ReaderApp.IndexProgress(2, 3, final=False))
