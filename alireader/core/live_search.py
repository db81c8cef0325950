"""A search index whose articles can be removed and replaced, for a corpus that changes.

:class:`~alireader.core.search.SearchIndex` only grows: an article is indexed once, under its ID.
When a file changes or goes away after the index was built (and saved in a snapshot), its old
articles must stop matching and its new ones must match. :class:`LiveSearch` wraps the index and
keeps *tombstones*: a removed article's document stays in the index but its hits are dropped;
an article added again under the same ID is indexed as a new document under an internal name
(``ID`` + NUL + a number, never a real ID: IDs hold no NUL) and its hits carry the real ID.
Dead documents cost memory until the next full rebuild (``--rebuild``), never correctness.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any

from alireader.core.query import Query
from alireader.core.search import EntityLookup, SearchIndex, SearchResult

_SEPARATOR = "\0"


class LiveSearch:
    """A :class:`SearchIndex` with removal (see the module docstring). Thread-safe like the
    index: one thread fills it while others search."""

    def __init__(self, index: SearchIndex | None = None) -> None:
        self.index = index if index is not None else SearchIndex()
        self._names: dict[str, str] = {}
        """Article ID -> the name its current document has in the index (when not its ID)."""
        self._dead: frozenset[str] = frozenset()
        """Names of documents whose hits are dropped (replaced with a new frozenset on change,
        so a search reads a consistent set without a lock)."""
        self._generation = 0
        self._lock = threading.Lock()
        self._entity_lookup: EntityLookup | None = None

    # --- pickling (the lock is not state) --------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "names": self._names,
            "dead": self._dead,
            "generation": self._generation,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.index = state["index"]
        self._names = state["names"]
        self._dead = state["dead"]
        self._generation = state["generation"]
        self._lock = threading.Lock()
        self._entity_lookup = None

    # --- what the index needs from outside ------------------------------------------------------

    @property
    def entity_lookup(self) -> EntityLookup | None:
        """Answers ``@name`` terms with article IDs (see :attr:`SearchIndex.entity_lookup`)."""
        return self._entity_lookup

    @entity_lookup.setter
    def entity_lookup(self, lookup: EntityLookup | None) -> None:
        self._entity_lookup = lookup
        if lookup is None:
            self.index.entity_lookup = None
            return

        def named(words: tuple[str, ...], label: str | None, prefix: bool) -> Iterable[str]:
            # A prefix such as "@p" finds most of a large corpus: the IDs are passed on as
            # they are, and only those of re-added articles are swapped for their new names
            # (a copy of the whole set per keystroke cost a fifth of such a search).
            found = lookup(words, label, prefix)
            names = self._names
            if not names:
                return found
            if not isinstance(found, (set, frozenset)):
                found = set(found)
            renamed = names.keys() & found
            if not renamed:
                return found
            return (found - renamed) | {names[article_id] for article_id in renamed}

        self.index.entity_lookup = named

    def set_body_loader(self, loader: Callable[[str], str] | None) -> None:
        """Where hits read their body (by article ID) when the index does not keep bodies."""
        if loader is None:
            self.index.body_loader = None
            return

        def by_name(name: str) -> str:
            return loader(name.partition(_SEPARATOR)[0])

        self.index.body_loader = by_name

    # --- filling --------------------------------------------------------------------------------

    def __len__(self) -> int:
        """Articles that can be found (documents not removed)."""
        return len(self.index) - len(self._dead)

    def __contains__(self, article_id: object) -> bool:
        return isinstance(article_id, str) and self._name(article_id) not in self._dead

    def _name(self, article_id: str) -> str:
        return self._names.get(article_id, article_id)

    def add_metadata(
        self, article_id: str, title: str, author: str | None = None, source: str | None = None
    ) -> None:
        """Make an article findable by its metadata; an ID removed before gets a new document."""
        with self._lock:
            name = self._name(article_id)
            if name in self._dead:
                self._generation += 1
                name = f"{article_id}{_SEPARATOR}{self._generation}"
                self._names[article_id] = name
        self.index.add_metadata(name, title, author, source)

    def add_body_words(self, article_id: str, body: str, words: list[str]) -> None:
        """Index an article's body (see :meth:`SearchIndex.add_body_words`)."""
        self.index.add_body_words(self._name(article_id), body, words)

    def add_body(self, article_id: str, body: str) -> None:
        """Index an article's body (see :meth:`SearchIndex.add_body`)."""
        self.index.add_body(self._name(article_id), body)

    def remove(self, article_ids: Iterable[str]) -> None:
        """Stop finding these articles (until one is added again)."""
        with self._lock:
            self._dead = self._dead | {self._name(article_id) for article_id in article_ids}

    def prepare(self) -> None:
        """See :meth:`SearchIndex.prepare`."""
        self.index.prepare()

    # --- searching ------------------------------------------------------------------------------

    def search(
        self, query: str | Query, limit: int = 20, *, prefix_last: bool = False
    ) -> SearchResult:
        """:meth:`SearchIndex.search` without removed articles, hits under their real IDs."""
        dead = self._dead
        if not dead and not self._names:
            return self.index.search(query, limit, prefix_last=prefix_last)
        asked = limit + min(len(dead), max(limit, 0))
        result = self.index.search(query, asked, prefix_last=prefix_last)
        hits = []
        dropped = 0
        for hit in result.hits:
            if hit.id in dead:
                dropped += 1
                continue
            hit.id = hit.id.partition(_SEPARATOR)[0]
            hits.append(hit)
        hits = hits[: max(limit, 0)]
        total = max(len(hits), result.total - dropped)
        return SearchResult(result.query, hits, total, approximate=result.approximate)
