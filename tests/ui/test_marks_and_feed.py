"""Marked article text (offsets kept through escapes) and the search index's feed."""

from __future__ import annotations

import itertools
import queue
from collections.abc import Sequence
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.style import Style

from alireader.core.models import ArticleSummary
from alireader.core.search import SearchIndex
from alireader.core.summaries import load_summaries
from alireader.core.text import visible_controls
from alireader.ui.indexer import CorpusFeed
from alireader.ui.widgets.marks import marked_text
from tests.ui.conftest import write_corpus

BOLD = Style(bold=True)


def test_marks_land_on_their_characters_even_after_escapes() -> None:
    text = "a\x9bb \x1b[31mSébastien\x07 fin"
    start = text.index("Sébastien")
    marked = marked_text(text, [(start, start + len("Sébastien"), BOLD)])
    assert marked.plain == visible_controls(text)  # shown literally, nothing executed
    [span] = marked.spans
    assert marked.plain[span.start : span.end] == "Sébastien"


def test_one_line_flattens_breaks_without_moving_marks() -> None:
    marked = marked_text("un\ndeux\ttrois", [(3, 7, BOLD)], one_line=True)
    assert marked.plain == "un deux trois"
    assert marked.plain[marked.spans[0].start : marked.spans[0].end] == "deux"


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=60),
    st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70)), max_size=6),
)
def test_any_marks_keep_the_text_whole(text: str, spans: list[tuple[int, int]]) -> None:
    marked = marked_text(text, [(a, b, BOLD) for a, b in spans])
    assert marked.plain == visible_controls(text)
    ends = [(span.start, span.end) for span in marked.spans]
    assert all(0 <= a < b <= len(marked.plain) for a, b in ends)
    assert all(b1 <= a2 for (_a1, b1), (a2, _b2) in itertools.pairwise(ends))


def _feed(summaries: Sequence[ArticleSummary]) -> tuple[SearchIndex, list[tuple[int, int]]]:
    index = SearchIndex()
    pending: queue.SimpleQueue[Sequence[ArticleSummary] | None] = queue.SimpleQueue()
    pending.put(summaries[:1])
    pending.put(summaries[1:])
    pending.put(None)
    progress: list[tuple[int, int]] = []
    done = CorpusFeed(index, pending).run(lambda: False, lambda d, t: progress.append((d, t)))
    assert done
    return index, progress


def test_the_feed_indexes_titles_then_bodies(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.txt": "Élections à Orléans\n\nLe maire sortant est réélu dès le premier tour.\n",
            "b.txt": "Météo\n\nDu soleil sur toute la Bretagne.\n",
        },
    )
    summaries, _warnings = load_summaries([corpus])
    index, progress = _feed(summaries)
    assert [hit.id for hit in index.search("orleans").hits] == ["a"]  # a title
    assert [hit.id for hit in index.search("bretagne").hits] == ["b"]  # a body
    assert progress[0] == (0, 2) and progress[-1] == (2, 2)


def test_the_feed_stops_when_cancelled() -> None:
    pending: queue.SimpleQueue[Sequence[ArticleSummary] | None] = queue.SimpleQueue()
    assert not CorpusFeed(SearchIndex(), pending).run(lambda: True, lambda d, t: None)


def test_remaining_time_is_said_as_a_person_would() -> None:
    from alireader.ui.widgets.status import eta_words

    assert eta_words(2) == "5 s"
    assert eta_words(41) == "40 s"
    assert eta_words(150) == "2 min"
    assert eta_words(3600) == "60 min"


def test_a_phase_run_again_is_timed_from_its_new_start(monkeypatch: pytest.MonkeyPatch) -> None:
    """After a reload, indexing starts again from 0: its estimate must not count the time
    since the first run began."""
    from alireader.ui.widgets import status

    clock = [1000.0]
    monkeypatch.setattr(status, "time", SimpleNamespace(monotonic=lambda: clock[0]))
    line = status.LoadingLine()
    assert line._eta("index", 0, 100) == ""
    clock[0] += 10
    assert line._eta("index", 50, 100) == "about 10 s left"
    assert line._eta("index", 100, 100) == ""
    clock[0] += 600  # the reader stays open ten minutes, then R
    assert line._eta("index", 0, 100) == ""
    clock[0] += 10
    assert line._eta("index", 50, 100) == "about 10 s left"


def test_words_split_in_the_workers_index_like_the_bodies(tmp_path: Path) -> None:
    from alireader.ui.indexer import search_sink

    corpus = write_corpus(
        tmp_path / "c",
        {
            "a.txt": "Élections à Orléans\n\nLe maire sortant est réélu dès le premier tour.\n",
            "b.txt": "Météo\n\nDu soleil sur toute la Bretagne, l’Oréal à Paris.\n",
        },
    )
    summaries, _warnings = load_summaries([corpus])
    results = {}
    for split_in_workers in (False, True):
        index = SearchIndex()
        pending: queue.SimpleQueue[Sequence[ArticleSummary] | None] = queue.SimpleQueue()
        pending.put(summaries)
        pending.put(None)
        sinks = [search_sink(index)] if split_in_workers else []
        feed = CorpusFeed(index, pending, sinks=sinks, index_bodies=not split_in_workers)
        assert feed.run(lambda: False, lambda d, t: None)
        results[split_in_workers] = [
            [(hit.id, hit.score) for hit in index.search(query).hits]
            for query in ("bretagne", "reelu", "oreal", "orleans")
        ]
    assert results[True] == results[False]
    assert results[True][0][0][0] == "b"


def test_the_entity_cache_answers_while_a_slow_backend_loads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import threading

    from alireader.ui.entities import EntityExtractor

    loading, release = threading.Event(), threading.Event()

    class Slow:
        name, notice = "slow", None

        def load(self) -> None:
            loading.set()
            release.wait(10)  # as spaCy's model takes seconds to load

        def extract(self, text: str) -> list[object]:
            return []

    monkeypatch.setattr("alireader.core.entities.backend", lambda name: Slow())
    extractor = EntityExtractor("spacy")
    worker = threading.Thread(target=extractor.extract, args=("key", "Un texte."))
    worker.start()
    assert loading.wait(10)
    answered = threading.Event()
    asker = threading.Thread(target=lambda: (extractor.cached("other"), answered.set()))
    asker.start()
    try:
        assert answered.wait(5)  # the event loop's question never waits for the load
    finally:
        release.set()
        worker.join(10)
        asker.join(10)
    assert extractor.cached("key") == []
