"""Where alireader finds its bundled data and the user's folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from alireader import paths


def test_bundled_folders_exist_in_a_source_checkout() -> None:
    assert len(list(paths.bundled_seeds_dir().glob("*.txt"))) == 5
    assert list(paths.bundled_themes_dir().glob("*.toml"))


def test_an_installed_wheel_layout_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # In a wheel the data sits in alireader/_bundled/ (hatchling force-include).
    package = tmp_path / "alireader"
    (package / "_bundled" / "seeds").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.bundled_seeds_dir() == package / "_bundled" / "seeds"
    assert paths.bundled_themes_dir() == tmp_path / "themes"  # not bundled here: the checkout's


def test_xdg_variables_are_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert paths.data_dir() == tmp_path / "data" / "alireader"
    assert paths.config_dir() == tmp_path / "config" / "alireader"
    assert paths.cache_dir() == tmp_path / "cache" / "alireader"


def test_relative_xdg_paths_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    # The XDG spec: a relative path is invalid and must be ignored.
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    monkeypatch.setenv("HOME", "/home/someone")
    assert paths.data_dir() == Path("/home/someone/.local/share/alireader")
