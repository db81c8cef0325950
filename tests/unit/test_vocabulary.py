"""The vocabulary's fast lookups equal brute force: typos (bigram filter + OSA), prefixes and
suffixes, whatever words were added and in whatever order."""

from __future__ import annotations

import pickle

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from alireader.core import vocabulary as vocabulary_module
from alireader.core.vocabulary import Vocabulary

# A small alphabet makes near neighbours (one or two edits apart) common.
_WORDS = st.text(alphabet="abcde", min_size=1, max_size=10)


def _vocabulary(words: list[str]) -> Vocabulary:
    vocabulary = Vocabulary()
    for word in words:
        vocabulary.add(word)
    return vocabulary


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=60), _WORDS, st.integers(min_value=0, max_value=2))
def test_fuzzy_equals_a_brute_force_osa_filter(
    words: list[str], query: str, max_edits: int
) -> None:
    vocabulary = _vocabulary(words)
    expected = {
        (vocabulary.ids[word], OSA.distance(query, word))
        for word in set(words)
        if OSA.distance(query, word) <= max_edits
    }
    assert set(vocabulary.fuzzy(query, max_edits)) == expected


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, max_size=60), st.lists(_WORDS, max_size=10), _WORDS)
def test_prefixes_and_suffixes_equal_brute_force(
    first: list[str], later: list[str], affix: str
) -> None:
    vocabulary = _vocabulary(first)
    vocabulary.starting_with(affix)  # the sorted arrays are made, then grow by insertion
    for word in later:
        vocabulary.add(word)
    everything = set(first) | set(later)
    assert vocabulary.starting_with(affix) == sorted(w for w in everything if w.startswith(affix))
    ids = vocabulary.ids_starting_with(affix)
    assert ids == [vocabulary.ids[w] for w in vocabulary.starting_with(affix)]
    assert sorted(vocabulary.ending_with(affix)) == sorted(
        w for w in everything if w.endswith(affix)
    )


def _brute_force(words: set[str], vocabulary: Vocabulary, query: str, edits: int) -> set[object]:
    return {
        (vocabulary.ids[word], OSA.distance(query, word))
        for word in words
        if OSA.distance(query, word) <= edits
    }


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(_WORDS, max_size=20), min_size=1, max_size=4),
    _WORDS,
    st.integers(min_value=1, max_value=2),
    st.booleans(),
    st.integers(min_value=1, max_value=7),
)
def test_typos_found_among_words_added_between_lookups_and_after_a_pickle(
    batches: list[list[str]], query: str, max_edits: int, pickled: bool, batch: int
) -> None:
    """The bigram tables are filled in bulk, every few new words and at the next typo lookup
    (or preparation, or pickling): words added between lookups, or added and pickled before
    any lookup, are found like the others."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(vocabulary_module, "_GRAMS_BATCH", batch)
        vocabulary = Vocabulary()
        seen: set[str] = set()
        for words in batches:
            for word in words:
                vocabulary.add(word)
            seen.update(words)
            if pickled:
                vocabulary = pickle.loads(pickle.dumps(vocabulary))
            assert set(vocabulary.fuzzy(query, max_edits)) == _brute_force(
                seen, vocabulary, query, max_edits
            )
