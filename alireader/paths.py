"""Where things live: the bundled seeds and themes, and the user's XDG directories.

This is the one module that knows these locations, so tests can patch them in one place.
"""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent
APP_NAME = "alireader"


def _bundled(name: str) -> Path:
    """A bundled folder: inside the wheel (``alireader/_bundled/NAME``) or, when running from a
    source checkout or an editable install, the repository's top-level ``NAME/``."""
    installed = _PACKAGE_DIR / "_bundled" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def bundled_seeds_dir() -> Path:
    """The bundled default corpus (five French press articles)."""
    return _bundled("seeds")


def bundled_themes_dir() -> Path:
    """The folder of bundled theme TOML files."""
    return _bundled("themes")


def _xdg(variable: str, fallback: str) -> Path:
    value = os.environ.get(variable, "")
    # The XDG spec says relative paths are invalid and must be ignored.
    base = Path(value) if value and Path(value).is_absolute() else Path.home() / fallback
    return base / APP_NAME


def config_dir() -> Path:
    """``$XDG_CONFIG_HOME/alireader`` (default ``~/.config/alireader``)."""
    return _xdg("XDG_CONFIG_HOME", ".config")


def data_dir() -> Path:
    """``$XDG_DATA_HOME/alireader`` (default ``~/.local/share/alireader``): reading state."""
    return _xdg("XDG_DATA_HOME", ".local/share")


def cache_dir() -> Path:
    """``$XDG_CACHE_HOME/alireader`` (default ``~/.cache/alireader``): rebuildable indexes."""
    return _xdg("XDG_CACHE_HOME", ".cache")
