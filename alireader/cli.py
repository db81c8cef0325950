"""The ``alireader`` command: the reader, and non-interactive subcommands for scripts.

This is the only module that reads ``sys.argv``. Exit codes: 0 success, 1 an error the user can
fix (unknown ID, unreadable corpus), 2 a usage error. Errors are one sentence on stderr, never a
traceback (set ``ALIREADER_DEBUG=1`` to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from alireader import __version__
from alireader.errors import AlireaderError

if TYPE_CHECKING:
    from alireader.cli_load import CliCorpus, Loaded
    from alireader.config import LoadedSettings, Settings
    from alireader.core.entity_index import EntityIndex
    from alireader.core.live_search import LiveSearch
    from alireader.core.models import ArticleSummary, LoadWarning
    from alireader.core.search import SearchIndex

EXIT_OK, EXIT_ERROR, EXIT_USAGE = 0, 1, 2
SUBCOMMANDS = ("list", "show", "search", "entities", "dupes", "diff", "themes", "config")


def _safe(message: str) -> str:
    """A message for stderr: IDs and paths in it may hold control characters."""
    from alireader.core.text import visible_controls

    return visible_controls(message)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one sentence (and exit status 2), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        # The message can quote what was typed: never let it carry escape sequences.
        self.exit(EXIT_USAGE, f"{self.prog}: {_safe(message)}. See '{self.prog} --help'.\n")


def _corpus_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-C",
        "--corpus",
        metavar="PATH",
        action="append",
        type=Path,
        help="a file or folder of articles (repeatable; default: the bundled seed articles)",
    )


def _rebuild_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="read every file again instead of trusting the article cache, and refresh it",
    )


def print_cache_notices(notices: Sequence[str]) -> None:
    """What went wrong with the article cache, one line each on stderr (never on stdout)."""
    for notice in notices:
        print(f"alireader: {_safe(notice)}", file=sys.stderr)


def _json_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON (UTF-8) for scripts")


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config",
        metavar="FILE",
        type=Path,
        help="the config file (default: $ALIREADER_CONFIG, else "
        "$XDG_CONFIG_HOME/alireader/config.toml if it exists)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The parser of the subcommands (``alireader list``, ``alireader show ID``, ...)."""
    parser = _Parser(
        prog="alireader",
        description="Read and search a folder of news articles in the terminal.",
        epilog=(
            "Run 'alireader [PATH ...] [--theme NAME] [--config FILE] [--rebuild]' to open the "
            "reader (in a terminal), or a subcommand for scripts."
        ),
    )
    parser.add_argument("--version", action="version", version=f"alireader {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    listing = commands.add_parser("list", help="list the articles of a corpus")
    _corpus_option(listing)
    _json_option(listing)
    _config_option(listing)
    _rebuild_option(listing)

    show = commands.add_parser("show", help="print one article, cleaned")
    show.add_argument("id", metavar="ID", help="an article ID, or a unique prefix of one")
    _corpus_option(show)
    _json_option(show)
    show.add_argument(
        "--removed", action="store_true", help="also print the lines removed from the body"
    )
    show.add_argument(
        "--full",
        action="store_true",
        help="on a terminal, print the whole article even over reader.max_display_kb",
    )
    _config_option(show)
    _rebuild_option(show)

    search = commands.add_parser("search", help="find articles, typo- and accent-tolerant")
    search.add_argument("query", metavar="QUERY", help="words and operators (see the README)")
    _corpus_option(search)
    search.add_argument(
        "--limit", metavar="N", type=_positive, help="at most N hits (default: search.limit)"
    )
    _json_option(search)
    _config_option(search)
    _rebuild_option(search)

    entities = commands.add_parser(
        "entities", help="the people, places, dates, sums... of one article, or of the corpus"
    )
    entities.add_argument(
        "id", metavar="ID", nargs="?", help="an article ID (default: counts over the corpus)"
    )
    _corpus_option(entities)
    _json_option(entities)
    _config_option(entities)
    _rebuild_option(entities)

    dupes = commands.add_parser("dupes", help="list the clusters of near-duplicate articles")
    _corpus_option(dupes)
    _json_option(dupes)
    _config_option(dupes)
    _rebuild_option(dupes)

    diff = commands.add_parser("diff", help="show two copies of a story side by side")
    diff.add_argument("id_a", metavar="ID_A", help="the first article")
    diff.add_argument("id_b", metavar="ID_B", help="the second article")
    _corpus_option(diff)
    diff.add_argument(
        "--width",
        metavar="N",
        type=_diff_width,
        help=f"the output width, at least {MIN_DIFF_WIDTH} (default: the terminal's)",
    )
    diff.add_argument(
        "--ignore-typography",
        action="store_true",
        help="hide changes of quotes, accents on capitals, thousands separators and spacing",
    )
    _json_option(diff)
    _config_option(diff)
    _rebuild_option(diff)

    themes = commands.add_parser("themes", help="list the themes, bundled and yours")
    _json_option(themes)
    _config_option(themes)

    config = commands.add_parser("config", help="print the effective settings and their sources")
    config.add_argument(
        "--example", action="store_true", help="print a commented example config file instead"
    )
    _json_option(config)
    _config_option(config)
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
        help="files or folders of articles (default: the config's corpus, else the bundled seeds)",
    )
    parser.add_argument("--theme", metavar="NAME", help="the theme to use ('alireader themes')")
    _config_option(parser)
    _rebuild_option(parser)
    return parser


def load_config(args: argparse.Namespace) -> LoadedSettings:
    """The settings from the config file the arguments and environment point at."""
    from alireader.config import config_path, load_settings

    path, origin = config_path(args.config)
    return load_settings(path, origin)


def corpus_paths(given: Sequence[Path] | None, settings: Settings | None = None) -> list[Path]:
    """The paths to load: the ones given, else the config's ``corpus``, else the bundled seeds."""
    if given:
        return list(given)
    if settings is not None and settings.corpus:
        return list(settings.corpus)
    from alireader.paths import bundled_seeds_dir

    return [bundled_seeds_dir()]


def _print_json(document: Any) -> None:
    from alireader.json_shapes import dump_json

    dump_json(document, sys.stdout)


def _command_list(args: argparse.Namespace) -> int:
    from alireader.progress import CliProgress

    settings = load_config(args).settings
    max_bytes = settings.max_bytes
    paths = corpus_paths(args.corpus, settings)
    progress = CliProgress()
    if args.json:
        # `duplicates` needs every text: sketched where it is parsed (or read back from the
        # cache), bodies never sent back.
        from alireader.core.cached_load import detect_cached
        from alireader.core.duplicates import duplicates_of
        from alireader.json_shapes import list_json

        with progress.phase("Loading and finding copies", None, "files"):
            found = detect_cached(
                paths, settings.duplicates.threshold, max_bytes, rebuild=args.rebuild
            )
        print_cache_notices(found.notices)
        duplicates = duplicates_of(found.clusters)
        _print_json(list_json(found.summaries, found.warnings, duplicates))
        return EXIT_OK
    from alireader.cli_load import CliCorpus

    with CliCorpus(paths, max_bytes, rebuild=args.rebuild, progress=progress) as corpus:
        loaded = corpus.load()
    print_cache_notices(corpus.notices)
    from alireader import human

    human.warn(sys.stderr, loaded.warnings)
    human.print_list(human.make_console(), loaded.summaries)
    return EXIT_OK


def _command_show(args: argparse.Namespace) -> int:
    from alireader.cli_load import find_article
    from alireader.progress import CliProgress

    settings = load_config(args).settings
    max_bytes = settings.max_bytes
    paths = corpus_paths(args.corpus, settings)
    article = find_article(paths, args.id, max_bytes, rebuild=args.rebuild, progress=CliProgress())
    if args.json:
        from alireader.json_shapes import show_json

        _print_json(show_json(article))
        return EXIT_OK
    from alireader import human

    console = human.make_console()
    # The limit protects a terminal; into a pipe or a file nothing is ever cut.
    limited = console.is_terminal and not args.full
    human.print_article(
        console,
        article,
        show_removed=args.removed,
        max_display_bytes=settings.reader.max_display_kb * 1024 if limited else None,
    )
    return EXIT_OK


MIN_DIFF_WIDTH = 40
"""Narrower, the two columns of a diff (or even one stacked) hold a few letters a line."""


def _diff_width(text: str) -> int:
    number = _positive(text)
    if number < MIN_DIFF_WIDTH:
        raise argparse.ArgumentTypeError(
            f"expected a width of at least {MIN_DIFF_WIDTH}, got {text!r}"
        )
    return number


def _positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number from 1, got {text!r}")
    return number


def _command_search(args: argparse.Namespace) -> int:
    import time

    from alireader.cli_load import CliCorpus
    from alireader.cli_snapshot import saved_indexes
    from alireader.progress import CliProgress

    settings = load_config(args).settings
    max_bytes = settings.max_bytes
    # Bodies are not kept by the index: only the hits printed read theirs (fetched below).
    fetched: dict[str, str] = {}

    def body_of(article_id: str) -> str:
        return fetched.get(article_id, "")

    entities = _names_entities(args.query)
    paths = corpus_paths(args.corpus, settings)
    progress = CliProgress()
    with CliCorpus(paths, max_bytes, rebuild=args.rebuild, progress=progress) as corpus:
        saved = None
        if not args.rebuild:
            saved = saved_indexes(
                paths,
                settings,
                search=True,
                entities=entities,
                notices=corpus.notices,
                progress=progress,
            )
        index: SearchIndex | LiveSearch
        if saved is not None and saved.search is not None:
            index = saved.search
            index.set_body_loader(body_of)
            if saved.entities is not None:
                _say_if_backend_missing(settings.entities.backend)  # as the other way does
                index.entity_lookup = _numbered_lookup(saved.entities)
            summaries, warnings = saved.summaries, saved.warnings
        else:
            index, summaries, warnings = _built_search_index(corpus, settings, entities, body_of)
        limit = args.limit if args.limit is not None else settings.search.limit
        started = time.perf_counter()  # the search itself, not the load (see DESIGN.md)
        result = index.search(args.query, limit)
        took_ms = (time.perf_counter() - started) * 1000
        by_id = {summary.id: summary for summary in summaries}
        fetched.update(corpus.bodies([by_id[hit.id] for hit in result.hits]))
    print_cache_notices(corpus.notices)
    if args.json:
        from alireader.json_shapes import search_json

        _print_json(search_json(args.query, took_ms, result.hits))
        return EXIT_OK
    from alireader import human

    human.warn(sys.stderr, warnings)
    if human.is_plain(sys.stdout):
        human.write_hits(sys.stdout, result, took_ms)
    else:
        human.print_hits(human.make_console(), result, took_ms)
    return EXIT_OK


def _built_search_index(
    corpus: CliCorpus, settings: Settings, entities: bool, body_loader: Callable[[str], str]
) -> tuple[SearchIndex, list[ArticleSummary], list[LoadWarning]]:
    """A search index of the corpus built here, through the article cache (the words of each
    article stand in for its body), with the entities when the query names some."""
    from alireader.core.analysers import search_words
    from alireader.core.body_pass import NamedAnalyser, analyser_name
    from alireader.core.search import SearchIndex

    index = SearchIndex(body_loader=body_loader)
    analysers: list[NamedAnalyser] = [(analyser_name(search_words), search_words)]
    if entities:
        analysers.append(_entity_analyser(settings.entities.backend))
    loaded = corpus.load(
        analysers,
        on_summary=lambda s: index.add_metadata(s.id, s.title, s.author, s.source),
        analysing="Indexing",
    )
    for summary in loaded.summaries:
        results = loaded.results.get(summary.id)
        if results:
            # The index keeps no body (it has a loader): the words stand in for it.
            joined = results[0]
            index.add_body_words(summary.id, joined, joined.split())
    if entities:
        index.entity_lookup = _entity_lookup(loaded)
    return index, loaded.summaries, loaded.warnings


def _numbered_lookup(entities: EntityIndex) -> Any:
    """The search's entity lookup over a loaded entity index, answering with article numbers
    (as the reader's does: see :mod:`alireader.core.live_search`)."""

    def lookup(words: tuple[str, ...], label: str | None, prefix: bool) -> Any:
        return entities.match_numbers(" ".join(words), label, prefix=prefix)

    return lookup


def _names_entities(query: str) -> bool:
    """Whether ``query`` has ``@name`` or ``per:name`` terms (worth extracting entities for)."""
    from alireader.core.query import Field, parse_query

    return any(
        term.field is Field.ENTITY for clause in parse_query(query).clauses for term in clause
    )


def _entity_analyser(backend_name: str, *, quiet: bool = False) -> Any:
    """The configured backend's entities as a cached analyser. Unless ``quiet`` (the caller
    has said it already), says on stderr when the backend asked for is missing."""
    from functools import partial

    from alireader.core.analysers import article_entities
    from alireader.core.body_pass import analyser_name

    if not quiet:
        _say_if_backend_missing(backend_name)
    analyser = partial(article_entities, backend_name)
    return analyser_name(analyser), analyser


def _say_if_backend_missing(backend_name: str) -> None:
    """Say on stderr when the entity backend asked for is missing (the built-in rules then
    stand in for it)."""
    from alireader.core.entities import backend

    extractor = backend(backend_name)
    if extractor.notice:
        print(f"alireader: {_safe(extractor.notice)}", file=sys.stderr)


def _entity_lookup(loaded: Loaded) -> Any:
    """The search's entity lookup over the entities found in ``loaded`` (second analyser)."""
    entities = loaded.entity_index(1)

    def lookup(
        words: tuple[str, ...], label: str | None, prefix: bool
    ) -> set[str] | frozenset[str]:
        return entities.match(" ".join(words), label, prefix=prefix)

    return lookup


def _command_themes(args: argparse.Namespace) -> int:
    from alireader.themes import discover_themes, theme_listing

    load_config(args)  # a broken config is reported here as everywhere
    specs, problems = discover_themes()
    if args.json:
        _print_json(theme_listing(specs, problems))
        return EXIT_OK
    from alireader import human

    human.print_themes(human.make_console(), specs)
    human.print_problems(human.make_console(sys.stderr), [str(p) for p in problems])
    return EXIT_OK


def _command_config(args: argparse.Namespace) -> int:
    from alireader.config import describe, describe_json, example_config

    if args.example:
        # Works even when the current config is broken: it is how one starts a fixed one.
        sys.stdout.write(example_config())
        return EXIT_OK
    loaded = load_config(args)
    if loaded.settings.keymap:
        from alireader.ui.keys import binding_catalog  # imports Textual: only when needed

        loaded.check_keymap(*binding_catalog())
    rows = describe(loaded)
    if args.json:
        path = None if loaded.path is None else str(loaded.path)
        settings = describe_json(loaded)
        _print_json({"path": path, "settings": settings})
        return EXIT_OK
    from alireader import human

    human.print_settings(human.make_console(), loaded.path, rows)
    return EXIT_OK


def _open_reader(argv: Sequence[str]) -> int:
    args = build_reader_parser().parse_args(argv)
    loaded = load_config(args)
    if args.theme is not None:
        from alireader.config import with_override

        loaded = with_override(loaded, "theme", args.theme, "--theme")
    paths = corpus_paths(args.paths, loaded.settings)
    for path in paths:
        # Checked before the screen opens so the error is one line on stderr, as for the
        # subcommands; the (possibly slow) discovery itself runs inside the reader's worker.
        if not (path.expanduser().exists() or path.expanduser().is_symlink()):
            from alireader.errors import CorpusError

            raise CorpusError(f"No such file or folder: {path}.")
    from alireader.ui.app import run_reader

    return run_reader([path.expanduser() for path in paths], loaded, rebuild=args.rebuild)


def _command_entities(args: argparse.Namespace) -> int:
    from alireader.cli_entities import command_entities

    return command_entities(args)


def _command_dupes(args: argparse.Namespace) -> int:
    from alireader.cli_duplicates import command_dupes

    return command_dupes(args)


def _command_diff(args: argparse.Namespace) -> int:
    from alireader.cli_duplicates import command_diff

    return command_diff(args)


_COMMANDS = {
    "list": _command_list,
    "show": _command_show,
    "search": _command_search,
    "entities": _command_entities,
    "dupes": _command_dupes,
    "diff": _command_diff,
    "themes": _command_themes,
    "config": _command_config,
}


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
                f"alireader: unknown command '{_safe(argv[0])}'. Did you mean '{meant}'?",
                file=sys.stderr,
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
        print(f"alireader: {_safe(error.message)}", file=sys.stderr)
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
            f"alireader: internal error ({type(error).__name__}: {_safe(str(error))}). "
            "Please report it; ALIREADER_DEBUG=1 shows the traceback.",
            file=sys.stderr,
        )
        return EXIT_ERROR
