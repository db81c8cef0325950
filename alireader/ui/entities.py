"""Named entities in the reader: the extractor behind the pane, and the legend's words.

The core finds entities (:mod:`alireader.core.entities`); this module keeps one backend for the
app, loads it lazily in a worker (spaCy takes seconds; the built-in rules nothing), and caches
the entities of the articles read recently, so ``n``/``p`` back to an article is instant.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.style import Style
from rich.text import Text

if TYPE_CHECKING:
    from alireader.core.entities import Backend, Entity

LABEL_NAMES: Mapping[str, tuple[str, str]] = {
    "PER": ("person", "people"),
    "ORG": ("organisation", "organisations"),
    "LOC": ("place", "places"),
    "MISC": ("other name", "other names"),
    "DATE": ("date", "dates"),
    "MONEY": ("amount", "amounts"),
    "PERCENT": ("percentage", "percentages"),
}
"""Each label's name for people, singular and plural, in the legend's order."""

ARTICLES_KEPT = 64


class EntityExtractor:
    """The app's entity backend, created on first use, with a small per-article cache."""

    def __init__(self, backend_name: str = "auto", kept: int = ARTICLES_KEPT) -> None:
        self.backend_name = backend_name
        self.notice: str | None = None
        """Why the backend asked for is not the one used (e.g. spaCy missing), once known."""
        self._backend: Backend | None = None
        self._notice_taken = False
        self._cache: OrderedDict[str, list[Entity]] = OrderedDict()
        self._kept = kept
        self._lock = threading.Lock()
        self._load_lock = threading.Lock()

    def cached(self, key: str) -> list[Entity] | None:
        """The entities of the article with state key ``key``, if found recently."""
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
            return found

    def extract(self, key: str, body: str) -> list[Entity]:
        """Find the entities of ``body`` (slow with spaCy: call from a worker thread)."""
        found = self.cached(key)
        if found is not None:
            return found
        found = self.backend().extract(body)
        with self._lock:
            self._cache[key] = found
            while len(self._cache) > self._kept:
                self._cache.popitem(last=False)
        return found

    def take_notice(self) -> str | None:
        """:attr:`notice`, the first time it is asked for after it appeared; then None."""
        with self._lock:
            notice, self._notice_taken = (
                (None, True) if self._notice_taken else (self.notice, self.notice is not None)
            )
            return notice

    def backend(self) -> Backend:
        """The backend, loaded on first use (from a worker thread)."""
        # Its own lock: loading spaCy takes seconds, and the cache's lock is also taken on the
        # event loop (cached()), which must never wait for that.
        with self._load_lock:
            if self._backend is None:
                from alireader.core.entities import backend

                chosen = backend(self.backend_name)
                chosen.load()
                self.notice = chosen.notice
                self._backend = chosen
            return self._backend


def legend(
    entities: Sequence[Entity], styles: Mapping[str, Style], hidden: frozenset[str] = frozenset()
) -> Text:
    """``person 3 · place 2 · date 1``: one word per label present, in the label's style,
    with its mention count; hidden labels are struck through."""
    counts: dict[str, int] = {}
    for entity in entities:
        counts[entity.label] = counts.get(entity.label, 0) + 1
    text = Text(no_wrap=False)
    for label, (singular, plural) in LABEL_NAMES.items():
        count = counts.get(label)
        if not count:
            continue
        if text:
            text.append(" · ")
        style = styles.get(label, Style.null())
        if label in hidden:
            style = Style(strike=True, dim=True)
        text.append(singular if count == 1 else plural, style)
        text.append(f" {count}")
    return text
