"""A search index whose articles can be removed and replaced, for a corpus that changes.

:class:`~alireader.core.search.SearchIndex` only grows: an article is indexed once, under its ID.
When a file changes or goes away after the index was built (and saved in a snapshot), its old
articles must stop matching and its new ones must match. :class:`LiveSearch` wraps the index and
keeps *tombstones*: a removed article's document stays in the index but its hits are dropped;
an article added again under the same ID is indexed as a new document under an internal name
(``ID`` + NUL + a number, never a real ID: IDs hold no NUL) and its hits carry the real ID.
Dead documents cost memory until the next full rebuild (``--rebuild``), never correctness.

``@name`` terms: an entity lookup that answers with article *numbers* (see
:meth:`alireader.core.entity_index.EntityIndex.match_numbers`) is joined through a table from
those numbers to the index's documents, kept up to date as articles come (a lookup per new
article, made by :meth:`LiveSearch.prepare` or at the next ``@`` term) and saved with the
index: an ``@p`` naming 15k of 100k articles then costs no string lookup per article (a
microsecond each in so large a heap, the largest cost of such a search).
"""

from __future__ import annotations

import threading
from array import array
from collections.abc import Callable, Collection, Iterable, Sequence
from itertools import compress
from typing import Any, Protocol, TypeGuard, cast

from alireader.core.query import Query
from alireader.core.search import Documents, SearchIndex, SearchResult

_SEPARATOR = "\0"
_CHECKED = 32  # entries of a loaded table compared with the index before it is trusted


class NumberedArticles(Protocol):
    """An entity lookup's answer as article numbers: ``ids[number]`` is the ID of each of
    ``numbers`` (a list its owner only appends to; a retired number's ID is ``""``)."""

    @property
    def numbers(self) -> Collection[int]: ...
    @property
    def ids(self) -> Sequence[str]: ...


EntityAnswer = Iterable[str] | NumberedArticles
EntityLookup = Callable[[tuple[str, ...], str | None, bool], EntityAnswer]
"""What :attr:`LiveSearch.entity_lookup` takes: a
:data:`alireader.core.search.EntityLookup` that may also answer with :class:`NumberedArticles`
(an empty tuple of words finds nothing but gives the numbering, for :meth:`LiveSearch.prepare`)."""


def _numbered(found: EntityAnswer) -> TypeGuard[NumberedArticles]:
    return hasattr(found, "numbers") and hasattr(found, "ids")


class _Table:
    """Entity article number -> document of the index (-1: none), for one numbering."""

    __slots__ = ("changes", "docs", "generation", "ids", "indexed", "unresolved")

    def __init__(self, ids: Sequence[str] | None, generation: int) -> None:
        self.ids = ids
        self.generation = generation  # LiveSearch's, when it was made (renames void it)
        self.docs = array("i")
        self.unresolved: list[int] = []  # numbers whose ID the index did not hold then
        self.indexed = 0  # the index's size then
        self.changes = 0  # bumped by every change of ``docs``


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
        self._table = _Table(None, 0)
        self._table_lock = threading.Lock()
        self._last_documents: tuple[object, _Table, int, Documents] | None = None

    # --- pickling (the lock is not state) --------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "names": self._names,
            "dead": self._dead,
            "generation": self._generation,
            # Checked against the index and the entities when loaded (see _adopt).
            "table": (self._table.docs, self._table.unresolved, self._table.generation),
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.index = state["index"]
        self._names = state["names"]
        self._dead = state["dead"]
        self._generation = state["generation"]
        self._lock = threading.Lock()
        self._entity_lookup = None
        self._table = _Table(None, -1)
        self._table_lock = threading.Lock()
        self._last_documents = None
        if "table" in state:
            docs, unresolved, generation = state["table"]
            self._table.docs, self._table.unresolved = docs, unresolved
            self._table.generation = generation

    # --- what the index needs from outside ------------------------------------------------------

    @property
    def entity_lookup(self) -> EntityLookup | None:
        """Answers ``@name`` terms with article IDs or numbers (see :data:`EntityLookup`)."""
        return self._entity_lookup

    @entity_lookup.setter
    def entity_lookup(self, lookup: EntityLookup | None) -> None:
        self._entity_lookup = lookup
        if lookup is None:
            self.index.entity_lookup = None
            return

        def named(
            words: tuple[str, ...], label: str | None, prefix: bool
        ) -> Iterable[str] | Documents:
            answer = lookup(words, label, prefix)
            if _numbered(answer):
                return self._documents(answer)
            found = cast(Iterable[str], answer)
            # A prefix such as "@p" finds most of a large corpus: the IDs are passed on as
            # they are, and only those of re-added articles are swapped for their new names
            # (a copy of the whole set per keystroke cost a fifth of such a search).
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
                generation = self._generation + 1
                name = f"{article_id}{_SEPARATOR}{generation}"
                self._names[article_id] = name
                # Then the stamp: a table stamped with it already finds the article's new name.
                self._generation = generation
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
        """See :meth:`SearchIndex.prepare`; and bring the table of the entity lookup's article
        numbers up to date (one lookup per article not yet in it), now rather than in the
        first ``@`` term typed."""
        self.index.prepare()
        lookup = self._entity_lookup
        if lookup is not None:
            found = lookup((), None, False)
            if _numbered(found):
                with self._table_lock:
                    self._current_table(found.ids, len(found.ids))

    # --- entity articles as documents ---------------------------------------------------------

    def _documents(self, found: NumberedArticles) -> Documents:
        """The documents of the entity lookup's articles ``found``."""
        numbers = found.numbers
        with self._table_lock:
            table = self._current_table(found.ids, len(numbers))
            if table is None:  # most of the table missing: too slow to fill in one keystroke
                ids = found.ids
                named = self._names_of(list(map(ids.__getitem__, numbers)))
                docs = set(self.index.documents_of(named))
                docs.discard(-1)
                return Documents(docs)
            # A short prefix's answer is the same frozenset from one keystroke to the next
            # ("@p", "@pa"): its documents are kept while the table is unchanged.
            last = self._last_documents
            if (
                last is not None
                and last[0] is numbers
                and last[1] is table
                and last[2] == table.changes
            ):
                return last[3]
            docs = set(map(table.docs.__getitem__, numbers))
            docs.discard(-1)
            answer = Documents(docs)
            if isinstance(numbers, frozenset):
                self._last_documents = (numbers, table, table.changes, answer)
            return answer

    def _current_table(self, ids: Sequence[str], wanted: int) -> _Table | None:
        """The table for the numbering ``ids``, its new numbers looked up; None when more
        than ``wanted`` (and a thousand) are new: a caller that needs so few does without."""
        table = self._table
        stale = table.ids is not ids or table.generation != self._generation
        if stale and not self._adopt(table, ids):
            # Another numbering, or an article was added again under a new name since.
            table = self._table = _Table(ids, self._generation)
        new = len(ids) - len(table.docs)
        if new > wanted + 1000:
            return None
        indexed = len(self.index)
        if table.unresolved and table.indexed != indexed:
            # Entities that came before their article's metadata: looked up again.
            numbers = table.unresolved
            docs = self.index.documents_of(self._names_of([ids[n] for n in numbers]))
            for number, doc in zip(numbers, docs, strict=True):
                table.docs[number] = doc
            table.changes += 1
            table.unresolved = [n for n, doc in zip(numbers, docs, strict=True) if doc < 0]
        if new > 0:
            start = len(table.docs)
            docs = self.index.documents_of(self._names_of(list(ids[start:])))
            table.docs.extend(docs)
            table.changes += 1
            table.unresolved.extend(compress(range(start, len(ids)), map((-1).__eq__, docs)))
        table.indexed = indexed
        return table

    def _adopt(self, table: _Table, ids: Sequence[str]) -> bool:
        """Whether ``table``, loaded with the index, matches the numbering ``ids`` (saved in
        the same snapshot as the entities) and can be kept: it covers every number and a
        sample of its entries agrees with the index."""
        if table.ids is not None or table.generation != self._generation:
            return False
        if len(table.docs) != len(ids):
            return False
        step = max(1, len(ids) // _CHECKED)
        # Not the retired numbers (no ID): their entries may still name a removed document.
        sample = [n for n in range(0, len(ids), step) if ids[n]]
        looked_up = self.index.documents_of(self._names_of([ids[n] for n in sample]))
        if looked_up != [table.docs[n] for n in sample]:
            return False
        table.ids = ids
        table.indexed = len(self.index)
        return True

    def _names_of(self, ids: list[str]) -> Iterable[str]:
        """The names that ``ids`` have in the index (see :meth:`_name`), in C."""
        names = self._names
        return map(names.get, ids, ids) if names else ids

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
