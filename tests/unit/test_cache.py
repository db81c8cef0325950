"""The persistent cache: a warm load is the cold load, only what changed is parsed, and no
damage to the cache file (or a crash while writing it) can make loading fail or go wrong."""

from __future__ import annotations

import json
import multiprocessing
import os
import pickle
import random
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alireader.core import body_pass as body_pass_module
from alireader.core import cache as cache_module
from alireader.core import summaries as summaries_module
from alireader.core.analysers import article_sketch
from alireader.core.body_pass import (
    BodyRecord,
    analyser_name,
    iter_bodies,
    iter_cached_bodies,
    request_of,
)
from alireader.core.cache import FILE_NAME, Cache, open_cache, path_key
from alireader.core.cached_load import detect_cached
from alireader.core.corpus import discover
from alireader.core.models import Article, ArticleSummary, LoadWarning
from alireader.core.summaries import iter_cached_summaries, iter_summaries
from alireader.paths import cache_dir

_WORDS = (
    "conseil municipal budget millions euros rénovation écoles débat heures majorité "
    "opposition moyens quartiers ville maire région usine salariés grève syndicat accord "
    "ministre projet loi vote député sénat élection campagne candidat sondage marché prix "
    "entreprise croissance chômage emploi banque crédit taux inflation export commerce port "
    "navire pêche récolte vigne climat pluie sécheresse incendie forêt route train gare"
)
WORDS = _WORDS.split()


def paragraph(n: int) -> str:
    """A sentence of words chosen by ``n``: different numbers give different texts."""
    chosen = random.Random(n).choices(WORDS, k=40)
    return "Le " + " ".join(chosen) + f" {n}."


def article_text(title: str, n: int) -> str:
    """A plain-text article: a title line and two paragraphs."""
    return f"{title}\n\n{paragraph(n)}\n\n{paragraph(n + 100)}\n"


def make_corpus(root: Path) -> Path:
    """A small corpus with renamed IDs, JSON records and files that give warnings."""
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(article_text("Premier titre", 1), encoding="utf-8")
    (root / "a.md").write_text("# Même nom\n\n" + paragraph(2), encoding="utf-8")
    (root / "sub" / "b.txt").write_text(article_text("Un autre", 3), encoding="utf-8")
    records = [
        {"title": "Record un", "text": paragraph(4)},
        {"id": "a", "title": "Record deux", "text": paragraph(5)},
    ]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    (root / "feed.jsonl").write_text("\n".join([*lines, "{broken"]) + "\n", encoding="utf-8")
    (root / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (root / "empty.txt").write_text("", encoding="utf-8")
    return root


def cold(paths: list[Path]) -> tuple[list[ArticleSummary], list[LoadWarning]]:
    files = list(iter_summaries(discover(paths), workers=1))
    return [s for f in files for s in f.summaries], [w for f in files for w in f.warnings]


def warm(
    paths: list[Path], cache: Cache, *, rebuild: bool = False
) -> tuple[list[ArticleSummary], list[LoadWarning]]:
    files = list(iter_cached_summaries(discover(paths), cache, workers=1, rebuild=rebuild))
    return [s for f in files for s in f.summaries], [w for f in files for w in f.warnings]


def words_of(article: Article) -> int:
    """A module-level analyser (worker processes find it by name)."""
    return len(article.body.split())


ANALYSERS = [(analyser_name(article_sketch), article_sketch), ("words:1", words_of)]


def cached_bodies(summaries: list[ArticleSummary], cache: Cache) -> list[BodyRecord]:
    requests = [request_of(s) for s in summaries]
    chunks = iter_cached_bodies(requests, cache, workers=1, analysers=ANALYSERS)
    return [record for chunk in chunks for record in chunk]


@pytest.fixture
def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed (in this process: the tests load with workers=1)."""
    parsed: list[str] = []
    real = summaries_module.read_numbered

    def counting(source: Any, max_bytes: int, **options: Any) -> Any:
        parsed.append(source.path.name)
        return real(source, max_bytes, **options)

    monkeypatch.setattr(summaries_module, "read_numbered", counting)
    return parsed


def test_a_warm_load_is_the_cold_load(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    expected = cold(corpus)
    ids = [s.id for s in expected[0]]
    assert len(set(ids)) == len(ids) and {"a", "a.txt", "a.jsonl"} <= set(ids)  # made unique
    assert len(expected[1]) == 3  # broken line, binary, empty
    with open_cache() as cache:
        assert cache.usable and not cache.notices
        assert warm(corpus, cache) == expected  # cold cache
    with open_cache() as cache:
        assert warm(corpus, cache) == expected  # from the cache
        assert not cache.notices


def test_bodies_and_analyses_come_back_from_the_cache(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    summaries, _ = cold(corpus)
    reference = [
        record
        for chunk in iter_bodies(
            [request_of(s) for s in summaries], workers=1, analysers=[f for _, f in ANALYSERS]
        )
        for record in chunk
    ]
    assert len(reference) == len(summaries)
    with open_cache() as cache:
        warm(corpus, cache)
        assert cached_bodies(summaries, cache) == reference  # read, then stored
    with open_cache() as cache:
        warm(corpus, cache)
        stored = cache.complete(
            sorted(e.file_id for e in cache.entries(20 << 20).values()), ["body"]
        )
        assert len(stored) == len(summaries)
        assert cached_bodies(summaries, cache) == reference  # from the cache


def test_cached_bodies_are_not_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as cache:
        summaries, _ = warm(corpus, cache)
        first = cached_bodies(summaries, cache)
    from alireader.core import body_pass

    def no_reading(*_args: object, **_kwargs: object) -> list[BodyRecord]:
        raise AssertionError("a cached article was read again")

    monkeypatch.setattr(body_pass, "read_bodies", no_reading)
    with open_cache() as cache:
        assert cached_bodies(summaries, cache) == first


def _reference(summaries: list[ArticleSummary]) -> list[BodyRecord]:
    """The body pass's records of ``summaries`` read from the files, without any cache."""
    requests = [request_of(s) for s in summaries]
    chunks = iter_bodies(requests, workers=1, analysers=[f for _, f in ANALYSERS])
    return [record for chunk in chunks for record in chunk]


def test_bodies_stored_by_the_summary_pass_are_analysed_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    summaries, _ = cold(corpus)
    reference = _reference(summaries)
    with open_cache() as cache:
        files = iter_cached_summaries(discover(corpus), cache, workers=1, bodies=True)
        assert [s for f in files for s in f.summaries] == summaries
    from alireader.core import body_pass

    def no_reading(*_args: object, **_kwargs: object) -> list[BodyRecord]:
        raise AssertionError("a file was parsed again although its body was stored")

    monkeypatch.setattr(body_pass, "read_bodies", no_reading)
    with open_cache() as cache:
        assert cached_bodies(summaries, cache) == reference
    monkeypatch.undo()
    with open_cache() as cache:  # the analyses were stored beside the bodies
        assert cached_bodies(summaries, cache) == reference


def test_a_stored_body_gone_meanwhile_is_read_from_its_file(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    summaries, _ = cold(corpus)
    reference = _reference(summaries)
    with open_cache() as cache:
        list(iter_cached_summaries(discover(corpus), cache, workers=1, bodies=True))
        number = next(n for n, s in enumerate(summaries) if s.path.endswith("a.txt"))
        # The worker is told the body is stored, but it is not there any more.
        entry = cache.entries(20 << 20)[path_key(summaries[number].path)]
        with cache.writing() as writer:
            assert writer is not None
            writer.connection.execute("DELETE FROM articles WHERE file_id = ?", (entry.file_id,))
        records = body_pass_module.analyse_stored(
            [(request_of(summaries[number]), (entry.file_id, -1))],
            20 << 20,
            [f for _, f in ANALYSERS],
            str(cache.path.parent),
        )
    assert records == [reference[number]]


def test_a_worker_trusts_the_cache_its_parent_checked_though_the_code_changed_since(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    summaries, _ = cold(corpus)
    reference = _reference(summaries)
    checked = cache_module.cache_version()  # what the parent opened the cache with
    with open_cache() as cache:
        list(iter_cached_summaries(discover(corpus), cache, workers=1, bodies=True))
        entries = cache.entries(20 << 20)
        folder = str(cache.path.parent)
    number = next(n for n, s in enumerate(summaries) if s.path.endswith("a.txt"))
    chunk = [
        (request_of(summaries[number]), (entries[path_key(summaries[number].path)].file_id, -1))
    ]
    parsed: list[object] = []
    real = body_pass_module.read_bodies

    def counting(requests: list[Any], *args: Any, **kwargs: Any) -> list[BodyRecord]:
        parsed.extend(requests)
        return real(requests, *args, **kwargs)

    monkeypatch.setattr(body_pass_module, "read_bodies", counting)
    # A worker started after the source files were edited hashes them differently.
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "edited since")
    analysers = [f for _, f in ANALYSERS]
    records = body_pass_module.analyse_stored(chunk, 20 << 20, analysers, folder, checked)
    assert records == [reference[number]] and parsed == []  # the stored body was used
    records = body_pass_module.analyse_stored(chunk, 20 << 20, analysers, folder)
    assert records == [reference[number]] and len(parsed) == 1  # its own version: not trusted


def test_the_hash_stored_is_that_of_the_file(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as cache:
        list(iter_cached_summaries(discover(corpus), cache, workers=1, bodies=True))
        entries = cache.entries(20 << 20)
    files = [p for p in (tmp_path / "corpus").rglob("*") if p.is_file()]
    assert len(entries) == len(files)
    for path in files:
        assert entries[path_key(path)].hash == cache_module.content_hash(path)


def test_another_analyser_is_a_miss(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as cache:
        summaries, _ = warm(corpus, cache)
        cached_bodies(summaries, cache)
        requests = [request_of(s) for s in summaries]
        other = [("words:2", words_of)]
        chunks = iter_cached_bodies(requests, cache, workers=1, analysers=other)
        assert [r.analyses for c in chunks for r in c] == [
            (len(r.body.split()),) for r in cached_bodies(summaries, cache)
        ]


def test_entity_backends_are_cached_apart() -> None:
    from functools import partial

    from alireader.core.analysers import article_entities

    builtin = analyser_name(partial(article_entities, "builtin"))
    assert builtin == "article_entities:builtin"
    assert analyser_name(partial(article_entities, "spacy")) != builtin
    assert analyser_name(partial(article_entities, "auto")) in (
        builtin,
        "article_entities:spacy",
    )


def test_only_changed_files_are_parsed(tmp_path: Path, count_parses: list[str]) -> None:
    root = make_corpus(tmp_path / "corpus")
    corpus = [root]
    with open_cache() as cache:
        warm(corpus, cache)
    count_parses.clear()

    # Touched only: new times, same content: read and hashed, never parsed.
    info = (root / "a.txt").stat()
    os.utime(root / "a.txt", ns=(info.st_atime_ns, info.st_mtime_ns + 5_000_000_000))
    expected = cold(corpus)
    count_parses.clear()
    with open_cache() as cache:
        assert warm(corpus, cache) == expected
    assert count_parses == []

    # Modified with the same size and its modification time put back: the content decides.
    path = root / "sub" / "b.txt"
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Un autre", "Un AUTRE"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    assert path.stat().st_mtime_ns == before.st_mtime_ns
    expected = cold(corpus)
    count_parses.clear()
    with open_cache() as cache:
        assert warm(corpus, cache) == expected
    assert count_parses == ["b.txt"]
    assert "Un AUTRE" in {s.title for s in expected[0]}

    # Added and deleted files.
    (root / "new.txt").write_text(article_text("Nouveau", 9), encoding="utf-8")
    (root / "a.md").unlink()
    expected = cold(corpus)
    count_parses.clear()
    with open_cache() as cache:
        assert warm(corpus, cache) == expected
        assert path_key(root / "a.md") not in cache.entries(20 << 20)
        assert path_key(root / "new.txt") in cache.entries(20 << 20)
    assert count_parses == ["new.txt"]


def test_rebuild_parses_everything_and_replaces_the_cache(
    tmp_path: Path, count_parses: list[str]
) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as cache:
        warm(corpus, cache)
    expected = cold(corpus)
    count_parses.clear()
    with open_cache() as cache:
        assert warm(corpus, cache, rebuild=True) == expected
    assert len(count_parses) == len(discover(corpus).files)
    count_parses.clear()
    with open_cache() as cache:
        warm(corpus, cache)
    assert count_parses == []


def test_a_file_found_under_another_root_gets_its_own_ids(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    with open_cache() as cache:
        warm([root], cache)
        # The same files, reached through their folder: IDs are relative to "sub" now.
        assert warm([root / "sub"], cache) == cold([root / "sub"])
        assert warm([root], cache) == cold([root])


# -- damage -------------------------------------------------------------------------------------


def filled_cache(tmp_path: Path) -> list[Path]:
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as cache:
        summaries, _ = warm(corpus, cache)
        cached_bodies(summaries, cache)
    return corpus


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda data: os.urandom(len(data)), id="random bytes"),
        pytest.param(lambda data: data[: len(data) // 2], id="truncated"),
        pytest.param(lambda data: data[:100], id="header only"),
        pytest.param(lambda _data: b"", id="empty"),
    ],
)
def test_a_damaged_cache_is_set_aside_with_one_notice(
    tmp_path: Path, damage: Callable[[bytes], bytes]
) -> None:
    corpus = filled_cache(tmp_path)
    path = cache_dir() / FILE_NAME
    assert not Path(f"{path}-wal").exists()  # closed cleanly: everything is in the file
    path.write_bytes(damage(path.read_bytes()))
    with open_cache() as cache:
        loaded = warm(corpus, cache)
        summaries = loaded[0]
        bodies = cached_bodies(summaries, cache)
        notices = cache.take_notices()
    assert loaded == cold(corpus)
    assert len(bodies) == len(summaries)
    if damage(b"x" * 4096) == b"":
        assert len(notices) <= 1  # an empty file is simply a new database
    else:
        assert len(notices) == 1 and "damaged" in notices[0]
    with open_cache() as cache:  # rebuilt: sound, and answering
        assert warm(corpus, cache) == cold(corpus)
        assert not cache.notices
        assert cache.connection is not None
        assert cache.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert cache.entries(20 << 20)


def test_damage_found_while_reading_turns_the_cache_off_with_one_notice(
    tmp_path: Path,
) -> None:
    corpus = filled_cache(tmp_path)
    with open_cache() as cache:
        assert cache.connection is not None
        # Corrupt a page under the open connection (as a disk error would).
        path = cache_dir() / FILE_NAME
        data = bytearray(path.read_bytes())
        page = len(data) // 4096 // 2 * 4096
        data[page : page + 4096] = os.urandom(4096)
        path.write_bytes(bytes(data))
        for _ in range(3):
            loaded = warm(corpus, cache)
            assert loaded == cold(corpus)
        assert len(cache.notices) <= 1


def test_a_cache_from_another_version_is_emptied_with_one_notice(tmp_path: Path) -> None:
    corpus = filled_cache(tmp_path)
    connection = sqlite3.connect(cache_dir() / FILE_NAME)
    with connection:
        connection.execute(
            "UPDATE meta SET value = 'alireader 0.0.1; schema 0' WHERE name = 'version'"
        )
    connection.close()
    with open_cache() as cache:
        assert len(cache.notices) == 1 and "another version" in cache.notices[0]
        assert cache.entries(20 << 20) == {}
        assert warm(corpus, cache) == cold(corpus)
    with open_cache() as cache:
        assert not cache.notices and cache.entries(20 << 20)


def test_a_cache_with_foreign_tables_is_emptied(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    cache_dir().mkdir(parents=True)
    connection = sqlite3.connect(cache_dir() / FILE_NAME)
    with connection:
        connection.execute("CREATE TABLE files (something TEXT)")
    connection.close()
    with open_cache() as cache:
        assert len(cache.notices) == 1
        assert warm(corpus, cache) == cold(corpus)


def test_a_cache_folder_that_cannot_be_made_means_no_cache(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with open_cache(blocker / "alireader") as cache:
        assert not cache.usable
        assert len(cache.notices) == 1 and "without a cache" in cache.notices[0]
        assert warm(corpus, cache) == cold(corpus)  # works, caching nothing
        assert len(cache.notices) == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_means_no_cache(tmp_path: Path) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with open_cache(folder) as cache:
            assert not cache.usable and len(cache.notices) == 1
            assert warm(corpus, cache) == cold(corpus)
    finally:
        folder.chmod(0o700)


def test_a_read_only_cache_file_is_read_and_its_failed_write_told_once(tmp_path: Path) -> None:
    corpus = filled_cache(tmp_path)
    (corpus[0] / "new.txt").write_text(article_text("Nouveau", 7), encoding="utf-8")
    connection = sqlite3.connect(f"file:{cache_dir() / FILE_NAME}?mode=ro", uri=True)

    def read_only(*_args: object, **_kwargs: object) -> sqlite3.Connection:
        return connection

    import alireader.core.cache as cache_module

    original = cache_module._connect
    cache_module._connect = read_only  # type: ignore[assignment]
    try:
        with open_cache() as cache:
            assert warm(corpus, cache) == cold(corpus)
            assert len(cache.notices) == 1 and "readonly" in cache.notices[0]
            assert not cache.usable
    finally:
        cache_module._connect = original


# -- concurrency and crashes --------------------------------------------------------------------


def interleave(*generators: Iterator[Any]) -> list[list[Any]]:
    """Run the generators a step each in turn until all are done; what each yielded."""
    results: list[list[Any]] = [[] for _ in generators]
    running = dict(enumerate(generators))
    while running:
        for number, generator in list(running.items()):
            try:
                results[number].append(next(generator))
            except StopIteration:
                del running[number]
    return results


def test_two_instances_writing_in_turn_do_not_corrupt_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two instances on one cache, their loads and body passes interleaved step by step
    (no timing involved): each replaces what the other stored a moment before, and the cache
    ends whole and right."""
    monkeypatch.setattr(summaries_module, "_STORE_EVERY", 3)  # a transaction every 3 files
    corpus = make_corpus(tmp_path / "corpus")
    for number in range(40):
        (corpus / f"extra{number}.txt").write_text(article_text(f"N {number}", number), "utf-8")
    folder = tmp_path / "shared-cache"
    with open_cache(folder) as one, open_cache(folder) as two:
        loads = [
            iter_cached_summaries(discover([corpus]), cache, workers=1, rebuild=True)
            for cache in (one, two)
        ]
        files_one, files_two = interleave(*loads)
        summaries = [s for f in files_one for s in f.summaries]
        assert summaries == [s for f in files_two for s in f.summaries]
        # Body passes in turn, with the second instance re-reading every file in between.
        requests = [request_of(s) for s in summaries]
        passes = [
            iter_cached_bodies(requests, one, workers=1, analysers=ANALYSERS),
            iter_cached_summaries(discover([corpus]), two, workers=1, rebuild=True),
            iter_cached_bodies(requests, two, workers=1, analysers=ANALYSERS),
        ]
        bodies_one, _, bodies_two = interleave(*passes)
        assert bodies_one == bodies_two
        assert one.usable and two.usable
        assert not one.notices and not two.notices
    with open_cache(folder) as cache:
        assert not cache.notices
        assert cache.connection is not None
        assert cache.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert warm([corpus], cache) == cold([corpus])
        assert len(cache.entries(20 << 20)) == len(discover([corpus]).files)
        assert cached_bodies(summaries, cache) == [r for chunk in bodies_one for r in chunk]


def test_a_write_that_cannot_wait_for_another_instance_is_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """While another instance holds a write transaction, reading goes on (WAL), and a write
    that cannot get the lock turns the cache off with one notice, never an exception."""
    monkeypatch.setattr(cache_module, "BUSY_TIMEOUT_S", 0.0)  # give up at once: no waiting
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as holder:
        warm(corpus, holder)
    with open_cache() as holder, open_cache() as other, holder.writing() as writer:
        assert writer is not None
        assert other.entries(20 << 20)  # readers are not blocked by the open transaction
        assert warm(corpus, other) == cold(corpus)
        with other.writing() as blocked:
            assert blocked is None
        assert not other.usable
        assert len(other.take_notices()) == 1
        assert warm(corpus, other) == cold(corpus)  # without the cache, still right


def _write_and_hang(folder: str, corpus: str, started: Any, never: Any, fingerprint: str) -> None:
    # The parent's code stamp: another checkout's files may change while the test runs, and
    # the cache must not take the child for another version.
    cache_module.code_fingerprint = lambda: fingerprint  # type: ignore[assignment]
    with open_cache(Path(folder)) as cache, cache.writing() as writer:
        assert writer is not None
        for source in discover([corpus]).files:
            writer.store_file(path_key(source.path), 20 << 20, (1, 2, 3), b"h" * 16, b"junk")
        writer.store_result("half-written", b"x" * 100_000)
        started.send("in the transaction")
        never.recv()  # killed here, inside the transaction


def test_a_writer_killed_mid_transaction_loses_only_its_unfinished_work(tmp_path: Path) -> None:
    corpus = filled_cache(tmp_path)
    with open_cache() as cache:
        before = cache.entries(20 << 20)
    context = multiprocessing.get_context("spawn")
    # Pipes, not events with timeouts: recv() returns when the child has written, or raises
    # EOFError at once if it died first, however slow the machine is.
    started, child_started = context.Pipe(duplex=False)
    never, child_never = context.Pipe(duplex=False)
    child = context.Process(
        target=_write_and_hang,
        args=(
            str(cache_dir()),
            str(corpus[0]),
            child_started,
            never,
            cache_module.code_fingerprint(),
        ),
    )
    child.start()
    child_started.close()
    try:
        assert started.recv() == "in the transaction"
    finally:
        os.kill(child.pid or 0, 9)
        child.join()
    child_never.close()
    assert child.exitcode == -9
    with open_cache() as cache:
        assert cache.usable and not cache.notices
        assert cache.entries(20 << 20) == before  # the committed work is all there
        assert cache.result("half-written") is None  # the unfinished work is not
        assert warm(corpus, cache) == cold(corpus)
        assert cache.connection is not None
        assert cache.connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_load_stopped_early_keeps_what_it_parsed(tmp_path: Path, count_parses: list[str]) -> None:
    corpus = [make_corpus(tmp_path / "corpus")]
    with open_cache() as cache:
        files = iter_cached_summaries(discover(corpus), cache, workers=1)
        next(files)
        next(files)
        files.close()  # the loader was cancelled
    expected = cold(corpus)
    count_parses.clear()
    with open_cache() as cache:
        assert warm(corpus, cache) == expected
    assert len(count_parses) == len(discover(corpus).files) - 2


# -- corpus-wide results ------------------------------------------------------------------------


def test_cached_clusters_are_the_computed_ones(tmp_path: Path) -> None:
    from alireader.cli_duplicates import detect

    root = make_corpus(tmp_path / "corpus")
    shutil.copy(root / "a.txt", root / "copy-of-a.txt")
    expected = detect([root], 0.8)
    assert expected.clusters  # the copy is found
    for _ in range(2):
        found = detect_cached([root], 0.8)
        assert (found.summaries, found.warnings, found.clusters) == (
            expected.summaries,
            expected.warnings,
            expected.clusters,
        )
        assert not found.notices
    # A changed file: clustered again, its copy's sketch read from the cache.
    (root / "copy-of-a.txt").write_text(article_text("Autre chose", 40), encoding="utf-8")
    found = detect_cached([root], 0.8)
    assert found.clusters == detect([root], 0.8).clusters == []


def test_clusters_stored_for_other_content_are_not_trusted(tmp_path: Path) -> None:
    root = make_corpus(tmp_path / "corpus")
    shutil.copy(root / "a.txt", root / "copy-of-a.txt")
    first = detect_cached([root], 0.8).clusters
    with open_cache() as cache, cache.writing() as writer:
        assert writer is not None
        rows = cache.connection.execute("SELECT name, value FROM results").fetchall()  # type: ignore[union-attr]
        for name, value in rows:
            _fingerprint, _clusters = pickle.loads(value)
            writer.store_result(name, pickle.dumps((b"another corpus", [])))
    assert first and detect_cached([root], 0.8).clusters == first


# -- the app's loader ---------------------------------------------------------------------------


def test_the_loader_takes_unchanged_files_from_the_cache(
    tmp_path: Path, count_parses: list[str]
) -> None:
    from alireader.ui.loader import Batch, load_batches

    corpus = [make_corpus(tmp_path / "corpus")]
    expected = cold(corpus)[0]
    count_parses.clear()
    runs: list[list[ArticleSummary]] = []
    notices: list[str] = []
    for _ in range(2):
        batches: list[Batch] = []
        load_batches(corpus, batches.append, workers=1, notice=notices.append)
        runs.append([s for b in batches for s in b.summaries])
    assert runs[0] == runs[1] == expected
    assert notices == []
    parsed_files = len(discover(corpus).files)
    assert len(count_parses) == parsed_files  # the first run only


# -- the invariant ------------------------------------------------------------------------------

operations = st.lists(
    st.tuples(
        st.sampled_from(["write", "touch", "same-size", "delete"]),
        st.integers(min_value=0, max_value=4),
        st.integers(min_value=0, max_value=50),
    ),
    max_size=8,
)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=operations)
def test_whatever_happens_to_the_files_a_cached_load_is_a_fresh_one(
    steps: list[tuple[str, int, int]],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        root.mkdir()
        cache_folder = Path(folder) / "cache"
        for number in range(3):
            (root / f"f{number}.txt").write_text(article_text(f"T{number}", number), "utf-8")
        with open_cache(cache_folder) as cache:
            warm([root], cache)
        for operation, number, value in steps:
            path = root / f"f{number}.txt"
            if operation == "write":
                path.write_text(article_text(f"W{value}", value), "utf-8")
            elif operation == "delete":
                path.unlink(missing_ok=True)
            elif path.exists():
                info = path.stat()
                if operation == "same-size":
                    data = path.read_bytes()
                    path.write_bytes(data[:1].swapcase() + data[1:])
                os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + value))
            with open_cache(cache_folder) as cache:
                if any(root.iterdir()):
                    loaded = warm([root], cache)
                    assert loaded == cold([root])
                    assert cached_bodies(loaded[0], cache) == [
                        r
                        for chunk in iter_bodies(
                            [request_of(s) for s in loaded[0]],
                            workers=1,
                            analysers=[f for _, f in ANALYSERS],
                        )
                        for r in chunk
                    ]
                assert not cache.notices


def test_the_part_reader_reads_bodies_without_waiting_or_writing(tmp_path: Path) -> None:
    from alireader.core.body_pass import BODY_PART, RECORD_NONE
    from alireader.core.cache import PartReader

    corpus = filled_cache(tmp_path)
    summaries, _ = cold(corpus)
    first = summaries[0]
    expected = next(r.body for r in iter_bodies([request_of(first)], workers=1) for r in r)
    database = cache_dir() / FILE_NAME
    before = database.stat().st_mtime_ns
    reader = PartReader()
    with open_cache() as writer_cache, writer_cache.writing() as writer:
        assert writer is not None  # another instance is writing meanwhile
        stored = reader.part(path_key(first.path), 20 << 20, RECORD_NONE, BODY_PART)
        assert stored is not None and stored.decode("utf-8", "surrogatepass") == expected
        assert reader.part(path_key("/nowhere.txt"), 20 << 20, RECORD_NONE, BODY_PART) is None
    reader.close()
    assert database.stat().st_mtime_ns == before
    assert PartReader(tmp_path / "no-cache-here").part(b"x", 1, -1, "body") is None


def test_the_part_reader_reads_a_chunk_at_once_like_one_by_one(tmp_path: Path) -> None:
    from alireader.core.body_pass import BODY_PART, RECORD_NONE
    from alireader.core.cache import PartReader

    corpus = filled_cache(tmp_path)
    with open_cache() as cache:
        entries = cache.entries(20 << 20)
    keys = [(entry.file_id, RECORD_NONE) for entry in entries.values()]
    keys += [(entry.file_id, 1) for entry in entries.values()]  # JSON records, or absent
    keys.append((10**9, RECORD_NONE))  # no such file
    reader = PartReader()
    one_by_one = {key: reader.stored(*key, BODY_PART) for key in keys}
    at_once = reader.stored_many(keys, BODY_PART)
    reader.close()
    assert at_once == {key: value for key, value in one_by_one.items() if value is not None}
    assert len(at_once) >= len(list(corpus[0].rglob("*.txt")))
    assert PartReader(tmp_path / "no-cache-here").stored_many(keys, BODY_PART) == {}
