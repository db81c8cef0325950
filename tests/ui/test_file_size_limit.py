"""The ``max_file_mb`` setting reaches the reader: a file over it is not listed, indexed or
read, and a warning names it; the same corpus under the default limit shows everything."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alireader.ui.app import ReaderApp
from tests.ui.conftest import write_corpus
from tests.ui.test_warm_start import settle, titles

SMALL = "Petit article\n\nLe marché du port ouvre ce matin.\n"
BIG = "Long article\n\n" + "La vigne et la récolte occupent la vallée tout l'automne. " * 60 + "\n"


def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus", {"small.txt": SMALL, "big.txt": BIG})


async def test_a_file_over_the_configured_limit_is_skipped_with_a_warning(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    folder = corpus(tmp_path)
    assert len(BIG.encode()) > 2048 > len(SMALL.encode())
    app = make_app([folder], max_file_mb=2048 / (1024 * 1024))
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert app.max_bytes == 2048 and app.bodies.max_bytes == 2048
        assert titles(app) == {"Petit article"}
        assert app.search_index is not None
        assert [hit.id for hit in app.search_index.search("vigne", 10).hits] == []
        warned = [w for w in app.load_warnings if Path(w.path).name == "big.txt"]
        assert len(warned) == 1


async def test_the_default_limit_reads_both(
    make_app: Callable[..., ReaderApp], tmp_path: Path
) -> None:
    app = make_app([corpus(tmp_path)])
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        assert titles(app) == {"Petit article", "Long article"}
        assert app.load_warnings == []
