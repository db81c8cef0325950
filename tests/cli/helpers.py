"""Running the real command line from tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m alireader ARGS`` with stdout and stderr captured (so: into a pipe)."""
    return subprocess.run(
        [sys.executable, "-m", "alireader", *args],
        check=False,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=60,
    )
