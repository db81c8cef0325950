"""``alireader search`` and ``entities`` answer from the reader's snapshot when the folder is as
the reader saved it (no index built again), print what they print without it, and never trust
a snapshot that the folder has moved past, or one that is damaged. They never write it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from alireader import cli
from alireader.cli_load import CliCorpus
from alireader.ui.app import ReaderApp
from tests.ui.test_warm_start import cold_run, snapshots

AppFactory = Callable[..., ReaderApp]
COMMANDS = [
    ["search", "sebastien badaut", "--json"],
    ["search", "@badault", "--json"],
    ["search", "alibaba", "--limit", "2"],
    ["entities", "--json"],
    ["entities"],
]


@pytest.fixture
def corpus(tmp_path: Path, seeds: Path) -> Path:
    """A copy of the seeds, which a test may change."""
    folder = tmp_path / "corpus"
    shutil.copytree(seeds, folder)
    return folder


def command_line(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """The command run in this process: its exit code, stdout (search time taken out), stderr."""
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    out = re.sub(r'"took_ms": [0-9.e-]+', '"took_ms": 0', out)
    return code, re.sub(r"\([0-9.]+ ms\)", "(0 ms)", out), err


async def reader_snapshot(make_app: AppFactory, corpus: Path) -> Path:
    """Run the reader once on ``corpus`` (a cold start) and return the snapshot it saved."""
    await cold_run(make_app, corpus)
    (saved,) = snapshots()
    return saved


def refuse_to_index(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make building an index from the corpus fail: the snapshot must be enough."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the command built its index again")

    monkeypatch.setattr(CliCorpus, "load", refuse)


@pytest.mark.parametrize("command", COMMANDS)
async def test_answers_come_from_the_snapshot_as_they_would_without_it(
    make_app: AppFactory,
    corpus: Path,
    command: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved = await reader_snapshot(make_app, corpus)
    written = saved.read_bytes()
    expected = command_line(capsys, *command, "-C", str(corpus), "--rebuild")
    assert expected[0] == 0 and expected[1], expected[2]
    refuse_to_index(monkeypatch)
    assert command_line(capsys, *command, "-C", str(corpus)) == expected
    assert saved.read_bytes() == written  # read, never written


async def test_a_changed_folder_is_read_again(
    make_app: AppFactory,
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    saved = await reader_snapshot(make_app, corpus)
    written = saved.read_bytes()
    (corpus / "new.txt").write_text("Zanzibar\n\nUn port de Zanzibar rouvre.\n", encoding="utf-8")
    code, out, _err = command_line(capsys, "search", "zanzibar", "-C", str(corpus))
    assert code == 0 and "new" in out
    code, out, _err = command_line(capsys, "entities", "--json", "-C", str(corpus))
    assert code == 0 and '"Zanzibar"' in out
    # The snapshot is the reader's to bring up to date: left as it was.
    assert saved.read_bytes() == written


async def test_a_damaged_snapshot_is_discarded_with_one_notice(
    make_app: AppFactory,
    corpus: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    saved = await reader_snapshot(make_app, corpus)
    expected = command_line(capsys, "search", "alibaba", "--json", "-C", str(corpus), "--rebuild")
    damaged = bytearray(saved.read_bytes())
    damaged[len(damaged) // 2] ^= 0xFF
    saved.write_bytes(bytes(damaged))
    code, out, err = command_line(capsys, "search", "alibaba", "--json", "-C", str(corpus))
    assert (code, out) == expected[:2]
    assert err.count("alireader:") == 1 and str(saved) in err
    assert not saved.exists()  # never trusted again
    assert command_line(capsys, "search", "alibaba", "--json", "-C", str(corpus)) == expected
