"""The reader's copy of the default per-file size limit (kept so that the list can show before
the corpus module is imported) is the corpus module's own."""

from alireader.core.corpus import DEFAULT_MAX_BYTES
from alireader.ui.corpus_state import MAX_BYTES


def test_the_reader_loads_with_the_corpus_default_size_limit() -> None:
    assert MAX_BYTES == DEFAULT_MAX_BYTES
