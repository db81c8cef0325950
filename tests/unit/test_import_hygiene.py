"""The core stays pure: importing any alireader.core module never imports Textual or Rich.

Each module is imported in a fresh interpreter, because in this process the UI tests may already
have imported both.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import alireader.core

CORE_MODULES = sorted(
    f"alireader.core.{info.name}" for info in pkgutil.iter_modules(alireader.core.__path__)
)
UI_PACKAGES = ("textual", "rich")


def test_core_has_the_expected_modules() -> None:
    # Guards the parametrisation below against silently testing nothing.
    assert {"alireader.core.parse", "alireader.core.corpus", "alireader.core.models"} <= set(
        CORE_MODULES
    )


@pytest.mark.parametrize("module", ["alireader", "alireader.cli", *CORE_MODULES])
def test_module_imports_neither_textual_nor_rich(module: str) -> None:
    probe = (
        f"import sys, {module}\n"
        f"loaded = [name for name in {UI_PACKAGES!r} if name in sys.modules]\n"
        "print(','.join(loaded))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} imported {result.stdout.strip()}"


def test_the_probe_detects_an_import() -> None:
    # The check above must be able to fail: importing rich is seen.
    probe = "import sys, rich.text\nprint('rich' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
