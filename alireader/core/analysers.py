"""Per-article work for the body pass (:mod:`alireader.core.body_pass`), run where each article
is read: in a worker process for large corpora.

Each analyser is a module-level function (worker processes find it by name) from an
:class:`~alireader.core.models.Article` to something small: only its result and the body come
back to the app.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from alireader.core.models import Article

if TYPE_CHECKING:
    from alireader.core.duplicates import Sketch
    from alireader.core.entities import Backend, Entity

_BACKENDS: dict[str, Backend] = {}


def article_entities(backend_name: str, article: Article) -> list[Entity]:
    """The entities of ``article``'s body by the ``entities.backend`` named (loaded once per
    process). Bind the name with ``functools.partial`` to make an analyser."""
    from alireader.core.entities import Entities, backend

    found = _BACKENDS.get(backend_name)
    if found is None:
        found = _BACKENDS[backend_name] = backend(backend_name)
        found.load()
    # Entities: the same list, but it crosses processes and into the cache ~3x cheaper.
    return Entities(found.extract(article.body))


def article_sketch(article: Article) -> Sketch:
    """The near-duplicate :func:`~alireader.core.duplicates.sketch` of ``article``'s body."""
    from alireader.core.duplicates import sketch

    return sketch(article.body)


def search_words(article: Article) -> str:
    """The index words of ``article``'s body (``words.index_words``), joined by spaces: one
    string comes back from a worker process far faster than a list of words. The search index
    takes them with ``SearchIndex.add_body_words(id, body, words.split())``."""
    from alireader.core.words import index_words

    return " ".join(index_words(article.body))


def index_digest(analyser: Callable[[Article], Any]) -> Callable[[Any], Any] | None:
    """What the corpus indexes keep of ``analyser``'s result, to compute in the worker process
    beside it (a body pass ``Digest``), or None for the whole result: the entity index takes
    each article's mentions grouped and keyed
    (:func:`alireader.core.entity_index.grouped_mentions`), a few tuples instead of every
    span, with the folding done in the workers."""
    function: Any = analyser
    while isinstance(function, partial):
        function = function.func
    if function is article_entities:
        from alireader.core.entity_index import grouped_mentions

        return grouped_mentions
    return None
