"""Fuzzing the corpus loader with files of random bytes, under every suffix it reads: loading
never raises, each file gives at most one warning, every text is valid UTF-8, and the files are
left as they were."""

from __future__ import annotations

import tempfile
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alireader.core.corpus import load_corpus
from tests.hostile.corpus import encodable, snapshot

SUFFIXES = [".txt", ".md", ".json", ".jsonl"]
# Random bytes, and bytes that are nearly text (where the decoder's guesses are hardest).
NEAR_TEXT = st.lists(
    st.sampled_from(
        [b"Titre", b"\n", b"\n\n", b" ", b"\x00", b"\xff", b"\xc3\xa9", b"\x1b[31m", b"{", b"}",
         b'"text": "', b'"', b",", b"\r\n", b"\xfe\xff", b"\xef\xbb\xbf", b"\xe9", b"[bold]"]
    ),
    max_size=40,
).map(b"".join)  # fmt: skip
CONTENTS = st.one_of(st.binary(max_size=3000), NEAR_TEXT)
FILES = st.lists(st.tuples(st.sampled_from(SUFFIXES), CONTENTS), min_size=1, max_size=6)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(FILES)
def test_random_files_load_or_warn_once(files: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        root.mkdir()
        for number, (suffix, data) in enumerate(files):
            (root / f"f{number}{suffix}").write_bytes(data)
        before = snapshot(root)
        corpus = load_corpus([root])
        assert snapshot(root) == before
    per_file = Counter(warning.path for warning in corpus.warnings)
    assert all(count == 1 for count in per_file.values()), corpus.warnings
    for article in corpus:
        assert encodable(article.id) and encodable(article.title) and encodable(article.body)
    assert len({article.id for article in corpus}) == len(corpus)
