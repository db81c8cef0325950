"""The ``alireader`` command: the reader, and non-interactive subcommands for scripts.

This is the only module that reads ``sys.argv``. Exit codes: 0 success, 1 an error the user can
fix (unknown ID, unreadable corpus), 2 a usage error. Errors are one sentence on stderr, never a
traceback (set ``ALIREADER_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from alireader import __version__
from alireader.errors import AlireaderError

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("list", "show")


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence (and exit status 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message}. See '{self.prog} --help'.\n")


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-C",
        "--corpus",
        metavar="PATH",
        action="append",
        type=Path,
        help="a file or folder of articles (repeatable; default: the bundled seed articles)",
    )


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (UTF-8) for scripts")


def build_parser() -> argparse.ArgumentParser:
    """The parser of the subcommands (``alireader list``, ``alireader show ID``, ...)."""
    parser = _Parser(
        prog="alireader",
        description="Read and search a folder of news articles in the terminal.",
        epilog="Run 'alireader [PATH ...]' to open the reader, or a subcommand for scripts.",
    )
    parser.add_argument("--version", action="version", version=f"alireader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="list the articles of a corpus")
    _corpus_option(listing)
    _json_option(listing)

    show = commands.add_parser("show", help="print one article, cleaned")
    show.add_argument("id", metavar="ID", help="an article ID, or a unique prefix of one")
    _corpus_option(show)
    _json_option(show)
    show.add_argument(
        "--removed", action="store_true", help="also print the lines removed from the body"
    )
    return parser


def build_reader_parser() -> argparse.ArgumentParser:
    """The parser of ``alireader [PATH ...]`` (the interactive reader)."""
    parser = _Parser(
        prog="alireader",
        description="Read and search a folder of news articles in the terminal.",
        epilog=f"Commands for scripts: {', '.join(SUBCOMMANDS)} ('alireader COMMAND --help').",
    )
    parser.add_argument("--version", action="version", version=f"alireader {__version__}")
    parser.add_argument(
        "paths",
        metavar="PATH",
        nargs="*",
        type=Path,
        help="files or folders of articles (default: the bundled seed articles)",
    )
    return parser


def corpus_paths(given: Sequence[Path] | None) -> list[Path]:
    """The paths to load: the ones given, else the bundled seeds."""
    if given:
        return list(given)
    from alireader.paths import bundled_seeds_dir

    return [bundled_seeds_dir()]


def _print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _command_list(args: argparse.Namespace) -> int:
    from alireader.core.corpus import load_corpus

    corpus = load_corpus(corpus_paths(args.corpus))
    if args.json:
        from alireader.json_shapes import list_json

        _print_json(list_json(corpus.articles, corpus.warnings))
        return EXIT_OK
    from alireader import human

    human.print_warnings(human.make_console(sys.stderr), corpus.warnings)
    human.print_list(human.make_console(), corpus.articles)
    return EXIT_OK


def _command_show(args: argparse.Namespace) -> int:
    from alireader.core.corpus import load_corpus

    corpus = load_corpus(corpus_paths(args.corpus))
    article = corpus.resolve(args.id)
    if args.json:
        from alireader.json_shapes import show_json

        _print_json(show_json(article))
        return EXIT_OK
    from alireader import human

    human.print_article(human.make_console(), article, show_removed=args.removed)
    return EXIT_OK


def _open_reader(argv: Sequence[str]) -> int:
    args = build_reader_parser().parse_args(argv)
    paths = corpus_paths(args.paths)
    for path in paths:
        # Checked before the screen opens so the error is one line on stderr, as for the
        # subcommands; the (possibly slow) discovery itself runs inside the reader's worker.
        if not (path.expanduser().exists() or path.expanduser().is_symlink()):
            from alireader.errors import CorpusError

            raise CorpusError(f"No such file or folder: {path}")
    from alireader.ui.app import run_reader

    return run_reader([path.expanduser() for path in paths])


_COMMANDS = {"list": _command_list, "show": _command_show}


def _mistyped_command(word: str) -> str | None:
    """The subcommand ``word`` was probably meant to be, when it names no existing path."""
    import difflib

    if word.startswith("-") or Path(word).exists():
        return None
    close = difflib.get_close_matches(word, _COMMANDS, n=1, cutoff=0.6)
    return close[0] if close else None


def run(argv: Sequence[str]) -> int:
    """Run the command line ``argv`` (without the program name) and return the exit status."""
    if not argv or (argv[0] not in _COMMANDS and argv[0] not in ("-h", "--help")):
        if argv and (meant := _mistyped_command(argv[0])):
            print(
                f"alireader: unknown command '{argv[0]}'. Did you mean '{meant}'?", file=sys.stderr
            )
            return EXIT_USAGE
        return _open_reader(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return EXIT_OK
    return _COMMANDS[args.command](args)


def main(argv: Sequence[str] | None = None) -> int:
    """The console-script entry point."""
    arguments = sys.argv[1:] if argv is None else list(argv)
    try:
        return run(arguments)
    except AlireaderError as error:
        print(f"alireader: {error.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader of our output went away (`alireader list | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
    except Exception as error:
        if os.environ.get("ALIREADER_DEBUG"):
            raise
        print(
            f"alireader: internal error ({type(error).__name__}: {error}). "
            "Please report it; ALIREADER_DEBUG=1 shows the traceback.",
            file=sys.stderr,
        )
        return EXIT_ERROR
