"""``alireader entities [ID]``: the named entities of one article, or of the whole corpus.

With an ID: the article's entities, offsets into ``show``'s ``body``. Without: every entity of
the corpus with its mention count and the articles that mention it. The backend follows the
config's ``entities.backend``; when spaCy is asked for but missing, the built-in rules are used
and a warning says so on stderr (the JSON on stdout is unchanged).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from typing import Any

from alireader.cli import EXIT_OK, _print_json, corpus_paths, load_config
from alireader.core.entities import Entity, backend


def entity_json(entity: Entity) -> dict[str, Any]:
    """``{"text", "label", "start", "end"}``."""
    return {"text": entity.text, "label": entity.label, "start": entity.start, "end": entity.end}


def _theme_styles(requested: str | None) -> Mapping[str, str]:
    from alireader.themes import discover_themes, no_color, pick_theme

    specs, problems = discover_themes()
    spec, _warning = pick_theme(specs, requested, no_color(os.environ), problems)
    return spec.styles


def command_entities(args: argparse.Namespace) -> int:
    """Run ``alireader entities`` (see the module docstring)."""
    settings = load_config(args).settings
    max_bytes = settings.max_bytes
    paths = corpus_paths(args.corpus, settings)
    extractor = backend(settings.entities.backend)
    if extractor.notice:
        from alireader import human

        human.print_problems(human.make_console(sys.stderr), [extractor.notice])
    if args.id is not None:
        from alireader.cli_load import find_article
        from alireader.progress import CliProgress

        article = find_article(
            paths, args.id, max_bytes, rebuild=args.rebuild, progress=CliProgress()
        )
        entities = extractor.extract(article.body)
        if args.json:
            _print_json(
                {
                    "id": article.id,
                    "backend": extractor.name,
                    "entities": [entity_json(entity) for entity in entities],
                }
            )
            return EXIT_OK
        from alireader import human
        from alireader.human_entities import print_article_entities

        console = human.make_console()
        print_article_entities(console, article, entities, _theme_styles(settings.theme))
        return EXIT_OK

    from alireader.cli import _entity_analyser, print_cache_notices
    from alireader.cli_load import CliCorpus
    from alireader.cli_snapshot import saved_indexes
    from alireader.progress import CliProgress

    progress = CliProgress()
    with CliCorpus(paths, max_bytes, rebuild=args.rebuild, progress=progress) as corpus:
        saved = None
        if not args.rebuild:  # the reader's entity index, when the folder is as it saved it
            saved = saved_indexes(
                paths, settings, entities=True, notices=corpus.notices, progress=progress
            )
        if saved is not None and saved.entities is not None:
            index, warnings = saved.entities, saved.warnings
        else:
            # Each article's entities come from the article cache when its file has not
            # changed (the reader stores them too); the others are extracted where they are
            # parsed.
            loaded = corpus.load(
                [_entity_analyser(settings.entities.backend, quiet=True)],
                analysing="Finding entities",
            )
            index, warnings = loaded.entity_index(0), loaded.warnings
    print_cache_notices(corpus.notices)
    entries = index.entries()
    if args.json:
        _print_json(
            {
                "backend": extractor.name,
                "entities": [
                    {
                        "text": entry.text,
                        "label": entry.label,
                        "count": entry.count,
                        "articles": list(entry.articles),
                    }
                    for entry in entries
                ],
            }
        )
        return EXIT_OK
    from alireader import human
    from alireader.human_entities import print_corpus_entities, write_corpus_entities

    human.warn(sys.stderr, warnings)
    if human.is_plain(sys.stdout):
        write_corpus_entities(sys.stdout, entries)
    else:
        print_corpus_entities(human.make_console(), entries, _theme_styles(settings.theme))
    return EXIT_OK
