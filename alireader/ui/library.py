"""The reader's in-memory model: the articles loaded so far and their reading state.

No Textual here: the widgets read from a :class:`Library`, the app changes it and persists each
change through :class:`alireader.ui.persistence.StateWriter`. The library holds summaries
(:class:`~alireader.core.models.ArticleSummary`: metadata and state key, no body); the reader
pane reads a body when it shows one. Articles are addressed by their position in
:attr:`Library.articles` (an ``int``), which never changes once an article is added, so the list
can hold plain integers for 100k rows. When the corpus changes under the reader, an article whose
file changed is replaced at its position, and one whose file went away leaves a *tombstone*: its
position stays taken but it is never shown again (:meth:`Library.remove`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter

from alireader.core.models import ArticleSummary

_KEY = attrgetter("key")
_ID = attrgetter("id")


@dataclass(slots=True)
class ViewFilter:
    """Which articles the list shows: all of them, or only unread and/or bookmarked ones."""

    unread_only: bool = False
    bookmarked_only: bool = False
    matches: set[int] | None = None
    """Articles found by the search bar's query, or None when there is no search."""
    hidden_copies: set[int] | None = None
    """With copies collapsed: the copies not shown (each story shows its longest copy)."""

    @property
    def active(self) -> bool:
        """True when some articles may be hidden."""
        return (
            self.unread_only
            or self.bookmarked_only
            or self.matches is not None
            or self.hidden_copies is not None
        )

    def describe(self) -> str:
        """A short label for the header, empty when nothing is filtered."""
        parts = []
        if self.unread_only:
            parts.append("unread")
        if self.bookmarked_only:
            parts.append("bookmarked")
        if self.matches is not None:
            parts.append("search results")
        if self.hidden_copies is not None:
            parts.append("one copy per story")
        return " & ".join(parts)


class Library:
    """The loaded articles (summaries), their state keys, and the read and bookmarked sets.

    ``read_keys`` and ``bookmarked_keys`` hold :func:`alireader.state.article_key` values, so a
    mark restored from the state file applies as soon as its article arrives.
    """

    def __init__(self) -> None:
        self.articles: list[ArticleSummary] = []
        self.keys: list[str] = []
        self.read_keys: set[str] = set()
        self.bookmarked_keys: set[str] = set()
        self._by_id: dict[str, int] = {}
        self.unread = 0
        self.bookmarked = 0
        self.removed: set[int] = set()
        """Positions of articles that are gone (tombstones): never visible."""

    def __len__(self) -> int:
        return len(self.articles)

    @property
    def live(self) -> int:
        """How many articles there are (tombstones not counted)."""
        return len(self.articles) - len(self.removed)

    def clear(self) -> None:
        """Forget every article (the marks stay): the corpus is being read from scratch."""
        self.articles.clear()
        self.keys.clear()
        self._by_id.clear()
        self.removed.clear()
        self.unread = self.bookmarked = 0

    def _count(self, key: str, sign: int) -> None:
        self.unread += sign * (key not in self.read_keys)
        self.bookmarked += sign * (key in self.bookmarked_keys)

    def remove(self, article_ids: Iterable[str]) -> list[int]:
        """Turn these articles into tombstones; their positions (unknown IDs are skipped)."""
        gone = []
        for article_id in article_ids:
            index = self._by_id.pop(article_id, None)
            if index is not None:
                self.removed.add(index)
                self._count(self.keys[index], -1)
                gone.append(index)
        return gone

    def update(self, articles: Sequence[ArticleSummary]) -> tuple[list[int], range]:
        """Take new versions of articles: one with the ID of a live article replaces it at its
        position, the others are added at the end. Returns (replaced positions, added)."""
        replaced, fresh = [], []
        for article in articles:
            index = self._by_id.get(article.id)
            if index is None:
                fresh.append(article)
                continue
            self._count(self.keys[index], -1)
            self.articles[index] = article
            self.keys[index] = article.key
            self._count(article.key, 1)
            replaced.append(index)
        return replaced, self.extend(fresh)

    def restore(self, read_keys: Iterable[str], bookmarked_keys: Iterable[str]) -> None:
        """Take the marks saved by a previous run (before any article is added)."""
        self.read_keys = set(read_keys)
        self.bookmarked_keys = set(bookmarked_keys)

    def extend(self, articles: Sequence[ArticleSummary]) -> range:
        """Add a batch of articles; returns their indexes."""
        start = len(self.articles)
        self.articles.extend(articles)
        # A parallel list of keys: the filters test membership for 100k rows at a time.
        keys = list(map(_KEY, articles))
        self.keys.extend(keys)
        # In C loops, not a Python step per article: a warm start adds 100k at once.
        self._by_id.update(zip(map(_ID, articles), range(start, start + len(keys)), strict=True))
        self.unread += len(keys) - sum(map(self.read_keys.__contains__, keys))
        self.bookmarked += sum(map(self.bookmarked_keys.__contains__, keys))
        return range(start, len(self.articles))

    def index_of(self, article_id: str) -> int | None:
        """The index of the article with this exact ID, if it has been loaded."""
        return self._by_id.get(article_id)

    def is_read(self, index: int) -> bool:
        """Whether the article at ``index`` is marked as read."""
        return self.keys[index] in self.read_keys

    def is_bookmarked(self, index: int) -> bool:
        """Whether the article at ``index`` is bookmarked."""
        return self.keys[index] in self.bookmarked_keys

    def set_read(self, index: int, read: bool) -> bool:
        """Mark an article read or unread; returns True when that changed anything."""
        key = self.keys[index]
        if (key in self.read_keys) == read:
            return False
        if read:
            self.read_keys.add(key)
        else:
            self.read_keys.discard(key)
        self.unread += -1 if read else 1
        return True

    def set_bookmarked(self, index: int, bookmarked: bool) -> bool:
        """Add or remove a bookmark; returns True when that changed anything."""
        key = self.keys[index]
        if (key in self.bookmarked_keys) == bookmarked:
            return False
        if bookmarked:
            self.bookmarked_keys.add(key)
        else:
            self.bookmarked_keys.discard(key)
        self.bookmarked += 1 if bookmarked else -1
        return True

    def visible(self, view: ViewFilter, indexes: Iterable[int] | None = None) -> list[int]:
        """The indexes (of ``indexes``, default all articles) that ``view`` lets through."""
        candidates = range(len(self.articles)) if indexes is None else indexes
        removed = self.removed
        if not view.active:
            if removed:
                return [index for index in candidates if index not in removed]
            return list(candidates)
        read, marked, matches = self.read_keys, self.bookmarked_keys, view.matches
        hidden = view.hidden_copies or ()
        keys = self.keys
        return [
            index
            for index in candidates
            if not (view.unread_only and keys[index] in read)
            and not (view.bookmarked_only and keys[index] not in marked)
            and (matches is None or index in matches)
            and index not in hidden
            and index not in removed
        ]
