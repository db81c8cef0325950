"""The JSON shapes of the CLI contract (see DESIGN.md). Scripts rely on these names: add fields,
never rename them."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from alireader.core.models import Article, ArticleSummary, LoadWarning
from alireader.core.search import Hit
from alireader.core.text import replace_surrogates


def warning_json(warning: LoadWarning) -> dict[str, str]:
    """``{"path", "message"}``."""
    return {"path": warning.path, "message": warning.message}


def list_json(
    articles: Iterable[Article | ArticleSummary],
    warnings: Sequence[LoadWarning],
    duplicates: Mapping[str, Sequence[str]] | None = None,
) -> dict[str, Any]:
    """``alireader list --json``: one summary per article, then the load warnings."""
    duplicates = duplicates or {}
    return {
        "articles": [
            {
                "id": article.id,
                "title": article.title,
                "author": article.author,
                "source": article.source,
                "date": article.date,
                "category": article.category,
                "words": article.words,
                "duplicates": list(duplicates.get(article.id, ())),
                "path": replace_surrogates(article.path),  # UTF-8 even for names that are not
            }
            for article in articles
        ],
        "warnings": [warning_json(warning) for warning in warnings],
    }


def show_json(article: Article) -> dict[str, Any]:
    """``alireader show ID --json``: the article with its cleaned body and removed lines."""
    return {
        "id": article.id,
        "path": replace_surrogates(article.path),  # UTF-8 even for names that are not
        "title": article.title,
        "title_inferred": article.title_inferred,
        "author": article.author,
        "source": article.source,
        "date": article.date,
        "category": article.category,
        "url": article.url,
        "words": article.words,
        "encoding": article.encoding,
        "body": article.body,
        "blocks": [{"kind": block.kind.value, "text": block.text} for block in article.blocks],
        "removed": [line.text for line in article.removed],
        "removed_reasons": [line.reason.value for line in article.removed],
    }


def search_json(query: str, took_ms: float, hits: Sequence[Hit]) -> dict[str, Any]:
    """``alireader search QUERY --json``: the hits, best first.

    ``matches`` are ``[start, end]`` offsets into the ``body`` that ``alireader show --json``
    prints; ``title_matches`` and ``snippet_matches`` are the same for the title and snippet.
    """
    return {
        "query": query,
        "took_ms": round(took_ms, 3),
        "hits": [
            {
                "id": hit.id,
                "title": hit.title,
                "score": hit.score,
                "snippet": hit.snippet,
                "matches": [list(span) for span in hit.body_matches],
                "title_matches": [list(span) for span in hit.title_matches],
                "snippet_matches": [list(span) for span in hit.snippet_matches],
            }
            for hit in hits
        ],
    }


# C1 controls (U+0080-U+009F: U+009B is a CSI to some terminals) and the bidirectional
# formatting characters, which ``ensure_ascii=False`` would write raw; json escapes C0 itself.
_UNSAFE_IN_TERMINAL = re.compile("[\u0080-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def dump_json(document: Any, stream: TextIO) -> None:
    """``document`` as indented UTF-8 JSON, one newline after. Characters that could drive a
    terminal (see above) are written as ``\\uXXXX`` escapes: the same strings to any JSON
    reader, and nothing executed when the output lands on a screen."""
    text = json.dumps(document, ensure_ascii=False, indent=2)
    stream.write(_UNSAFE_IN_TERMINAL.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    stream.write("\n")
