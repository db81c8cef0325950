"""A search index saved in a snapshot (its tables flat, written outside the pickle) and loaded
back answers exactly like an index that was never saved, before and after it grows again."""

from __future__ import annotations

import pickle
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alireader.core.live_search import LiveSearch
from alireader.core.postings import (
    FlatPostings,
    PackedRows,
    pack_postings,
    pack_rows,
    posting_sizes,
    posting_values,
)
from alireader.core.search import SearchIndex
from alireader.core.snapshot import open_snapshot, write_snapshot
from alireader.core.vocabulary import Vocabulary
from tests.unit.test_snapshot import assert_the_list_then_a_checksum_failure

STAMP = "test"
WORDS = ("marche", "marché", "chine", "amazon", "alibaba", "etats", "unis", "main", "11", "zeiser")
QUERIES = (
    "marche",
    "march",
    "chine amazon",
    '"etats unis"',
    "'amazon !alibaba",
    "^ali",
    "nis$",
    "title:chine",
    "zeizer",
    "m",
)

texts = st.lists(st.sampled_from(WORDS), max_size=12).map(" ".join)
documents = st.lists(st.tuples(texts, texts), max_size=12)


def saved_and_loaded(value: Any, path: Path) -> Any:
    write_snapshot(path, STAMP, [("search", lambda: value)])
    reader = open_snapshot(path, STAMP)
    assert reader is not None
    with reader:
        ((_name, loaded),) = list(reader.sections())
    return loaded


def fill(index: SearchIndex | LiveSearch, docs: list[tuple[str, str]], start: int) -> None:
    for number, (title, body) in enumerate(docs, start):
        index.add_metadata(f"d{number}", title, author="Jeanne", source="AFP")
        if number % 3:  # some documents get their body only after loading
            index.add_body(f"d{number}", body)


def late_bodies(index: SearchIndex | LiveSearch, docs: list[tuple[str, str]]) -> None:
    for number, (_title, body) in enumerate(docs):
        if not number % 3:
            index.add_body(f"d{number}", body)


def answers(index: SearchIndex | LiveSearch) -> list[object]:
    found: list[object] = []
    for query in QUERIES:
        for prefix_last in (False, True):
            result = index.search(query, 50, prefix_last=prefix_last)
            found.append((result.total, [(hit.id, hit.score) for hit in result.hits]))
    return found


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(before=documents, after=documents, prepare=st.booleans())
def test_a_loaded_index_answers_like_one_never_saved(
    tmp_path: Path, before: list[tuple[str, str]], after: list[tuple[str, str]], prepare: bool
) -> None:
    original, never_saved = SearchIndex(), SearchIndex()
    for index in (original, never_saved):
        fill(index, before, 0)
        if prepare:
            index.prepare()
    loaded = saved_and_loaded(original, tmp_path / "snap.bin")
    assert answers(loaded) == answers(never_saved)
    for index in (loaded, never_saved):  # live updates after the load
        late_bodies(index, before)
        fill(index, after, len(before))
    assert answers(loaded) == answers(never_saved)
    # Saved again (base buffers and copies made since), it answers like an index filled the
    # same way and never searched (searches leave caches that may answer approximately).
    again = saved_and_loaded(loaded, tmp_path / "again.bin")
    fresh = SearchIndex()
    fill(fresh, before, 0)
    if prepare:
        fresh.prepare()
    late_bodies(fresh, before)
    fill(fresh, after, len(before))
    assert answers(again) == answers(fresh)
    fresh.prepare()
    again.prepare()
    assert answers(again) == answers(fresh)


def test_a_loaded_index_numbers_its_articles_on_first_use(tmp_path: Path) -> None:
    """Searching a loaded index needs no table of its article IDs; one made later answers
    as the saved index did, and takes what is added after."""
    index = SearchIndex()
    docs = [("chine marche", "amazon"), ("etats unis", "chine"), ("main", "zeiser")]
    fill(index, docs, 0)
    loaded = saved_and_loaded(index, tmp_path / "snap.bin")
    assert answers(loaded) == answers(index)
    assert loaded._by_id is None
    names = ["d2", "d0", "nope", "d1"]
    assert loaded.documents_of(names) == index.documents_of(names) == [2, 0, -1, 1]
    loaded.add_metadata("d0", "ignored: already there")
    loaded.add_metadata("d3", "chine")
    loaded.add_body("d3", "alibaba")
    assert loaded.documents_of(["d3", "d0"]) == [3, 0]
    assert [hit.id for hit in loaded.search("alibaba").hits] == ["d3"]


def test_the_tables_are_loaded_flat_and_written_outside_the_pickle(tmp_path: Path) -> None:
    index = SearchIndex(body_loader=lambda _id: "")  # bodies are not kept
    fill(index, [("chine marche", "amazon " * 2000)], 0)
    index.add_body("d0", "amazon " * 20_000)
    loaded = saved_and_loaded(index, tmp_path / "snap.bin")
    assert all(isinstance(postings, FlatPostings) for postings in loaded._postings)
    assert all(isinstance(rows, PackedRows) for rows in loaded._tokens)
    # The body's 20,000 word ids (80 kB) are in the file once.
    assert (tmp_path / "snap.bin").stat().st_size < 2 * 20_000 * 4


def test_tombstones_survive_a_snapshot(tmp_path: Path) -> None:
    live = LiveSearch()
    fill(live, [("chine", "amazon"), ("chine", "alibaba"), ("marche", "zeiser")], 0)
    live.remove(["d1"])
    live.add_metadata("d1", "chine renouvelée")
    loaded = saved_and_loaded(live, tmp_path / "snap.bin")
    assert [hit.id for hit in loaded.search("chine").hits] == [
        hit.id for hit in live.search("chine").hits
    ]
    assert sorted(hit.id for hit in loaded.search("chine").hits) == ["d0", "d1"]
    loaded.remove(["d0"])
    assert [hit.id for hit in loaded.search("chine").hits] == ["d1"]


def test_a_plain_pickle_of_a_loaded_index_keeps_every_posting(tmp_path: Path) -> None:
    index = SearchIndex()
    fill(index, [("chine", "amazon chine"), ("marche", "chine")], 0)
    loaded = saved_and_loaded(index, tmp_path / "snap.bin")
    loaded.add_metadata("new", "chine encore")
    again = pickle.loads(pickle.dumps(loaded))
    assert answers(again) == answers(loaded)


@pytest.mark.parametrize("damage_at", [0.3, 0.9])
def test_a_damaged_blob_is_refused(tmp_path: Path, damage_at: float) -> None:
    index = SearchIndex()
    fill(index, [("chine", "amazon " * 300_000)], 0)
    index.add_body("d0", "amazon marche " * 300_000)
    path = tmp_path / "snap.bin"
    write_snapshot(path, STAMP, [("search", lambda: index)])
    data = bytearray(path.read_bytes())
    data[int(len(data) * damage_at)] ^= 0x55
    path.write_bytes(bytes(data))
    from alireader.core.snapshot import SnapshotError

    reader = open_snapshot(path, STAMP)
    assert reader is not None
    with pytest.raises(SnapshotError, match="damaged"):
        list(reader.sections())
    assert not path.exists()


postings_maps = st.dictionaries(st.integers(0, 30), st.binary(max_size=24).map(bytearray))
appends = st.lists(st.tuples(st.integers(0, 40), st.binary(min_size=1, max_size=8)))


@given(original=postings_maps, later=appends)
def test_flat_postings_behave_like_the_map_they_were_saved_from(
    original: dict[int, bytearray], later: list[tuple[int, bytes]]
) -> None:
    plain: defaultdict[int, bytearray] = defaultdict(bytearray, original)
    blob, offsets = pack_postings(plain, 31)
    flat = FlatPostings(b"".join(blob.pieces()), offsets)
    plain = defaultdict(bytearray, {w: p for w, p in original.items() if p})  # empty = absent
    for word_id, extra in later:
        plain[word_id] += extra
        flat[word_id] += extra
    for word_id in range(45):
        assert (word_id in flat) == (word_id in plain)
        assert flat.get(word_id) == plain.get(word_id)
    assert list(flat) == sorted(plain)
    assert len(flat) == len(plain)
    everything = range(45)
    assert list(posting_sizes(flat, everything)) == list(posting_sizes(plain, everything))
    assert posting_values(flat, 45) == posting_values(plain, 45)


@given(rows=st.lists(st.binary(max_size=12)), later=st.lists(st.binary(max_size=12)))
def test_packed_rows_behave_like_the_list_they_were_saved_from(
    rows: list[bytes], later: list[bytes]
) -> None:
    blob, offsets = pack_rows(rows)
    packed = PackedRows(b"".join(blob.pieces()), offsets)
    plain = list(rows)
    for row in later:
        packed.append(row)
        plain.append(row)
    if plain:
        packed[0] = plain[0] = b"changed"
        packed[-1] = plain[-1] = b"last"
    assert list(packed) == plain
    assert len(packed) == len(plain)
    assert [packed[i] for i in range(-len(plain), len(plain))] == plain + plain


def test_a_damaged_blob_of_a_later_section_fails_at_its_turn(tmp_path: Path) -> None:
    """The blobs of every section are read from the start, but an earlier section is still
    given first, and the damaged one fails when its turn comes."""
    index = SearchIndex(body_loader=lambda _id: "")
    fill(index, [("chine", "")], 0)
    index.add_body("d0", "amazon marche " * 300_000)  # 2.4 MB of word ids: several blocks
    path = tmp_path / "snap.bin"
    write_snapshot(path, STAMP, [("list", lambda: [1, 2, 3]), ("search", lambda: index)])
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x55  # inside the token blob
    path.write_bytes(bytes(data))
    assert_the_list_then_a_checksum_failure(open_snapshot(path, STAMP), path)


def test_what_prepare_derived_is_saved_with_the_index(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A prepared index loads prepared: the warm start's prepare() has nothing left to do."""
    from alireader.core import search

    monkeypatch.setattr(search, "DENSE_MIN", 2)  # common words get bitmaps in a small corpus
    index = SearchIndex(body_loader=lambda _id: "")
    fill(index, [("chine", "chine marche amazon")] * 6, 0)
    index.prepare()
    assert index._bitmaps  # "chine" is in every article
    loaded = saved_and_loaded(index, tmp_path / "snap.bin")
    assert loaded._prepared()
    assert loaded._bitmaps_generation == loaded._generation
    assert loaded._bitmaps == index._bitmaps
    assert answers(loaded) == answers(index)


PROBES = ("", "a", "b", "é", "ab", "ca", "abc", "cab", "zz")


def vocabulary_answers(vocabulary: Vocabulary, words: list[str]) -> list[object]:
    answers: list[object] = [len(vocabulary)]
    answers.append([vocabulary.id_of(word) for word in [*words, *PROBES]])
    answers.append(vocabulary.words_of(range(len(vocabulary))))
    for probe in PROBES:
        answers.append(vocabulary.starting_with(probe))
        answers.append(vocabulary.ids_starting_with(probe))
        answers.append(vocabulary.ending_with(probe))
        answers.append(vocabulary.ids_ending_with(probe))
        answers.append(sorted(vocabulary.fuzzy(probe, 1)))
    return answers


@given(
    st.lists(st.text(alphabet="abcé\n", min_size=1, max_size=5), max_size=12, unique=True),
    st.lists(st.text(alphabet="abcéz", min_size=1, max_size=5), max_size=4),
)
def test_a_loaded_vocabulary_answers_as_before_without_its_tables_by_id(
    words: list[str], added: list[str]
) -> None:
    """Loaded, a vocabulary answers from its sorted words, making neither its list of words
    by id nor its dict until it grows; pickled before or after, it answers as the one saved
    (a word holding a line break is saved in a list rather than in a joined string)."""
    vocabulary = Vocabulary()
    for word in words:
        vocabulary.add(word)
    vocabulary.prepare()
    loaded = pickle.loads(pickle.dumps(vocabulary))
    expected = vocabulary_answers(vocabulary, words)
    assert vocabulary_answers(loaded, words) == expected
    assert loaded._words is None and loaded._ids is None  # answered by bisection
    again = pickle.loads(pickle.dumps(loaded))  # saved again while still lazy
    assert vocabulary_answers(again, words) == expected
    for grown in (vocabulary, loaded, again):
        for word in added:
            grown.add(word)
    expected = vocabulary_answers(vocabulary, words + added)
    for grown in (loaded, again):
        assert grown.words == vocabulary.words and grown.ids == vocabulary.ids
        assert vocabulary_answers(grown, words + added) == expected
        assert vocabulary_answers(pickle.loads(pickle.dumps(grown)), words + added) == expected


@given(st.lists(st.text(alphabet="abcé", min_size=1, max_size=5), max_size=12, unique=True))
def test_a_pickled_vocabulary_finds_words_as_before(words: list[str]) -> None:
    vocabulary = Vocabulary()
    for word in words:
        vocabulary.add(word)
    vocabulary.prepare()
    loaded = pickle.loads(pickle.dumps(vocabulary))
    assert loaded.words == vocabulary.words and loaded.ids == vocabulary.ids
    for probe in ("", "a", "b", "é", "ab", "ca"):
        assert loaded.starting_with(probe) == vocabulary.starting_with(probe)
        assert loaded.ids_starting_with(probe) == vocabulary.ids_starting_with(probe)
        assert loaded.ending_with(probe) == vocabulary.ending_with(probe)
