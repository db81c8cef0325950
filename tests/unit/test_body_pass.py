"""The second pass over the files: every body read back, keyed by the summaries' unique IDs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from alireader.core import body_pass, corpus
from alireader.core.body_pass import iter_bodies, read_bodies, request_of
from alireader.core.models import Article
from alireader.core.summaries import load_summaries


def _write(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def news(tmp_path: Path) -> Path:
    records = [
        {"title": "Premier", "text": "Le premier article du flux."},
        {"title": "Second", "text": "Le second article du flux."},
    ]
    return _write(
        tmp_path / "news",
        {
            "a.txt": "Un titre\n\nLe corps du texte A.\n",
            "b.md": "# Autre titre\n\nLe corps du texte B.\n",
            "feed.jsonl": "\n".join(json.dumps(r) for r in records) + "\n",
        },
    )


def test_each_summary_gets_its_body_in_order(news: Path) -> None:
    summaries, _warnings = load_summaries([news])
    bodies = read_bodies([request_of(s) for s in summaries])
    assert [record.id for record in bodies] == [s.id for s in summaries]
    by_id = {record.id: record.body for record in bodies}
    assert by_id["a"] == "Le corps du texte A."
    assert by_id["feed/2"] == "Le second article du flux."


def test_a_file_changed_since_gives_no_body_rather_than_a_wrong_one(news: Path) -> None:
    summaries, _warnings = load_summaries([news])
    (news / "feed.jsonl").write_text('{"title": "Seul", "text": "Un seul."}\n', encoding="utf-8")
    (news / "a.txt").unlink()
    ids = [record.id for record in read_bodies([request_of(s) for s in summaries])]
    assert "a" not in ids and "feed/2" not in ids
    assert "b" in ids


def test_worker_processes_give_the_same_bodies(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summaries, _warnings = load_summaries([news])
    requests = [request_of(s) for s in summaries] * 3  # the same articles, several chunks
    monkeypatch.setattr(body_pass, "CHUNK_ARTICLES", 2)
    analysers = (word_count,)
    here = [r for chunk in iter_bodies(requests, workers=1, analysers=analysers) for r in chunk]
    monkeypatch.setattr(body_pass, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(corpus, "PARALLEL_MIN_FILES", 1)
    parallel = [r for chunk in iter_bodies(requests, workers=2, analysers=analysers) for r in chunk]
    assert parallel == here
    assert len(here) == len(requests)
    assert all(record.analyses == (len(record.body.split()),) for record in here)


def word_count(article: Article) -> int:
    """An analyser: module-level, so worker processes can find it by name."""
    return len(article.body.split())


def test_no_pool_means_reading_here(news: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    summaries, _warnings = load_summaries([news])
    monkeypatch.setattr(body_pass, "PARALLEL_MIN_FILES", 1)

    def no_processes(workers: int) -> None:
        raise OSError("no processes in this sandbox")

    chunks = iter_bodies([request_of(s) for s in summaries], workers=2, make_pool=no_processes)  # type: ignore[arg-type]
    assert len([pair for chunk in chunks for pair in chunk]) == len(summaries)


def _square(chunk: list[int]) -> int:
    return chunk[0] ** 2


def test_workers_run_only_a_few_chunks_ahead_of_a_slow_consumer() -> None:
    from concurrent.futures import Future, ThreadPoolExecutor

    submitted: list[int] = []

    class Counting(ThreadPoolExecutor):
        def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
            submitted.append(args[0][0])
            return super().submit(fn, *args, **kwargs)

    chunks = [[n] for n in range(100)]
    results = corpus.map_in_processes(_square, chunks, parallel=True, workers=2, make_pool=Counting)
    limit = 2 * corpus.IN_FLIGHT_PER_WORKER
    for consumed, result in enumerate(results, start=1):
        assert result == (consumed - 1) ** 2  # in order
        assert len(submitted) <= consumed + limit
    assert sorted(submitted) == list(range(100))
