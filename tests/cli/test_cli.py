"""The command line as scripts and people use it: real processes, real exit codes, real pipes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from alireader import __version__
from alireader.cli import main
from tests.cli.helpers import run

ESC = "\x1b"


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    """A folder with markup and escape sequences inside an article, and one bad file."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "markup.txt").write_text(
        "Titre [bold red]x[/] \x1b[31mrouge\n\n"
        "Le texte contient [link=https://evil]ici[/link] et \x1b]52;c;AAAA\x07 et \x1b[2J.\n",
        encoding="utf-8",
    )
    (folder / "broken.jsonl").write_text('{"title": "ok", "text": "Bon texte."}\n{oops\n')
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    return folder


# --- list -------------------------------------------------------------------------------------


def test_list_json_shape_on_the_seeds() -> None:
    result = run("list", "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"articles", "warnings"}
    assert len(document["articles"]) == 5 and document["warnings"] == []
    for article in document["articles"]:
        assert {
            "id",
            "title",
            "author",
            "source",
            "date",
            "category",
            "words",
            "duplicates",
        } <= set(article)
        assert isinstance(article["words"], int) and article["words"] > 100
        assert isinstance(article["duplicates"], list)
    titles = {a["id"][:3]: a["title"] for a in document["articles"]}
    assert titles["002"] == "Alibaba : enfin un concurrent pour Amazon ?"
    assert "é" in result.stdout  # ensure_ascii=False: UTF-8, not \u00e9


def test_list_human_table_into_a_pipe_has_no_escape_codes() -> None:
    result = run("list")
    assert result.returncode == 0
    assert ESC not in result.stdout
    assert "Alibaba pense à ouvrir des magasins Aliexpress en France" in result.stdout
    assert "Stephane Leroy" in result.stdout and "5 articles" in result.stdout


def test_list_warnings_name_the_bad_files(hostile_corpus: Path) -> None:
    result = run("list", "-C", str(hostile_corpus), "--json")
    assert result.returncode == 0
    warnings = {Path(w["path"]).name: w["message"] for w in json.loads(result.stdout)["warnings"]}
    assert set(warnings) == {"broken.jsonl", "binary.txt"}
    human = run("list", "-C", str(hostile_corpus))
    assert "binary.txt" in human.stderr and "broken.jsonl" in human.stderr


def test_several_corpora(tmp_path: Path, seeds_dir: Path) -> None:
    extra = tmp_path / "extra.txt"
    extra.write_text("Un autre titre\n\nUn autre texte complet.\n", encoding="utf-8")
    result = run("list", "-C", str(seeds_dir), "-C", str(extra), "--json")
    ids = [a["id"] for a in json.loads(result.stdout)["articles"]]
    assert len(ids) == 6 and "extra" in ids


# --- show -------------------------------------------------------------------------------------


def test_show_json_shape_and_body() -> None:
    result = run("show", "004", "--json")
    assert result.returncode == 0, result.stderr
    article = json.loads(result.stdout)
    assert {
        "id",
        "path",
        "title",
        "author",
        "source",
        "date",
        "category",
        "body",
        "removed",
    } <= set(article)
    assert article["id"] == "004_c0c07fbbedaddbce"
    assert article["author"] == "Stephane Leroy" and article["category"] == "Économie"
    assert "\n\n" in article["body"] and "\n\n\n" not in article["body"]
    assert "Avatar" in article["removed"] and "Avatar" not in article["body"]


def test_show_human_prints_title_metadata_and_body() -> None:
    result = run("show", "000", env={"COLUMNS": "70"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Le chinois Alibaba se sépare du site 11 Main, sa vitrine aux Etats-Unis"
    assert "Le Parisien.fr" in lines[1]
    assert "Lire la suite" not in result.stdout and "Vous devez" not in result.stdout


def test_show_removed_lists_what_was_taken_out() -> None:
    result = run("show", "000", "--removed")
    assert (
        "[comments prompt] Vous devez être membre pour ajouter des commentaires." in result.stdout
    )


def test_markup_and_escape_sequences_are_shown_literally(hostile_corpus: Path) -> None:
    result = run("show", "markup", "-C", str(hostile_corpus))
    assert result.returncode == 0, result.stderr
    assert ESC not in result.stdout and "\x07" not in result.stdout
    assert "[bold red]x[/]" in result.stdout  # not interpreted as Rich markup
    assert "[link=https://evil]ici[/link]" in result.stdout
    assert "␛[31m" in result.stdout and "␛]52;c;AAAA␇" in result.stdout  # visible, inert


def test_markup_in_json_is_kept_exactly(hostile_corpus: Path) -> None:
    article = json.loads(run("show", "markup", "-C", str(hostile_corpus), "--json").stdout)
    assert article["title"] == "Titre [bold red]x[/] \x1b[31mrouge"


def test_no_color_on_a_terminal_emits_no_escape_codes(
    seeds_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Pretend stdout is a terminal: colour would be used, but NO_COLOR forbids every escape code.
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    assert main(["show", "004"]) == 0
    assert ESC not in capsys.readouterr().out


def test_a_terminal_gets_styles_without_no_color(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The counterpart of the test above, so that one can fail.
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert main(["show", "004"]) == 0
    assert ESC in capsys.readouterr().out


# --- errors and exit codes --------------------------------------------------------------------


def test_unknown_id_is_exit_1_with_one_sentence() -> None:
    result = run("show", "nope")
    assert result.returncode == 1
    assert result.stderr.strip() == "alireader: No article with ID 'nope'."
    assert "Traceback" not in result.stderr


def test_ambiguous_prefix_lists_candidates() -> None:
    result = run("show", "00")
    assert result.returncode == 1
    assert "ambiguous" in result.stderr and "004_c0c07fbbedaddbce" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_corpus_is_exit_1(tmp_path: Path) -> None:
    result = run("list", "-C", str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "No such file or folder" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("args", [("list", "--bogus"), ("show",), ("list", "--json", "extra")])
def test_usage_errors_are_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "--help" in result.stderr


def test_a_mistyped_command_gets_a_hint() -> None:
    result = run("lsit")
    assert result.returncode == 2
    assert result.stderr.strip() == "alireader: unknown command 'lsit'. Did you mean 'list'?"


def test_version_and_help() -> None:
    assert run("--version").stdout.strip() == f"alireader {__version__}"
    help_text = run("--help").stdout
    assert "list" in help_text and "show" in help_text
    assert run("show", "--help").returncode == 0


def test_python_m_alireader_matches_the_console_script() -> None:
    assert run("list", "--json").stdout == run("list", "--json").stdout


def test_internal_errors_are_one_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import alireader.core.summaries as summaries_module

    def explode(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(summaries_module, "iter_cached_summaries", explode)
    assert main(["list"]) == 1
    assert capsys.readouterr().err.startswith("alireader: internal error (RuntimeError: boom)")


def test_json_output_never_imports_rich_or_textual() -> None:
    probe = (
        "import sys, io, contextlib\n"
        "from alireader.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()): main(['list', '--json'])\n"
        "print([m for m in ('rich', 'textual') if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_reader_without_a_terminal_says_so_at_once(seeds_dir: Path) -> None:
    # Into a pipe (as `alireader DIR | head` from a script) Textual would wait for input that
    # never comes, at full CPU: the reader refuses and names the commands to use instead.
    result = run(str(seeds_dir))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "needs a terminal" in result.stderr and "alireader list" in result.stderr
