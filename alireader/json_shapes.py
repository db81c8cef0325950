"""The JSON shapes of the CLI contract (see DESIGN.md). Scripts rely on these names: add fields,
never rename them."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

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
