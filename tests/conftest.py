"""Fixtures shared by every test: no test ever reads or writes the developer's own files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from alireader.paths import bundled_seeds_dir


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Path]:
    """Point XDG config/data/cache dirs at a fresh folder and drop the user's settings."""
    home = tmp_path_factory.mktemp("home")
    for variable, folder in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        monkeypatch.setenv(variable, str(home / folder))
    monkeypatch.delenv("ALIREADER_CONFIG", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    yield home


@pytest.fixture
def seeds_dir() -> Path:
    """The bundled seed articles (read-only: tests never write there)."""
    return bundled_seeds_dir()
