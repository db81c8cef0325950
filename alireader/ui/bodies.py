"""Full articles on demand: the reader pane asks for the body of the summary it shows.

:meth:`BodyStore.fetch` reads the article's file again (I/O and parsing: call it from a worker
thread, never from the event loop) and keeps two small caches, so that ``n``/``p`` and going
back are instant and a 20 MB JSONL file is not read again for each of its records:

* the last few files opened (decoded, their JSON records not yet parsed), checked against the
  file's modification time and size, so a file that changed is read again;
* the last articles parsed, which :meth:`BodyStore.cached` returns without any I/O.

A file over the size limit (``max_file_mb``) is refused here exactly as the loader refuses it,
with a sentence naming the file: a file that grew past the limit since it was listed is not
read whole into memory to show it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace
from typing import TYPE_CHECKING

from alireader.core.models import Article, ArticleSummary

if TYPE_CHECKING:
    from alireader.core.reopen import OpenedFile

FILES_KEPT = 4
ARTICLES_KEPT = 64


class BodyStore:
    """Reads articles back from their files, with a small LRU cache (thread-safe)."""

    def __init__(
        self,
        files: int = FILES_KEPT,
        articles: int = ARTICLES_KEPT,
        *,
        max_bytes: int | None = None,
    ) -> None:
        """Keep up to ``files`` opened files and ``articles`` parsed articles; files over
        ``max_bytes`` (the ``max_file_mb`` setting; None: the loader's default) are not read."""
        self.max_bytes = max_bytes
        self._files: OrderedDict[str, OpenedFile] = OrderedDict()
        self._articles: OrderedDict[str, Article] = OrderedDict()
        self._max_files, self._max_articles = files, articles
        # Held only around the caches, never while reading: a stale fetch still running must
        # not delay the one for the article now under the cursor.
        self._lock = threading.Lock()

    def cached(self, summary: ArticleSummary) -> Article | None:
        """The article of ``summary`` if it was parsed recently (no I/O: fine on the event loop)."""
        with self._lock:
            article = self._articles.get(summary.key)
            if article is not None and article.id == summary.id:
                self._articles.move_to_end(summary.key)
                return article
        return None

    def wait_until_ready(self) -> None:
        """Return once files may be read: at once here (a warm start's store holds reads back
        until search works: :class:`alireader.ui.warm_gate.GatedBodies`). Worker threads only."""

    def fetch(self, summary: ArticleSummary) -> Article | str:
        """The article of ``summary`` as its file holds it now, or a sentence saying why not.

        A file that changed since the corpus was loaded is read again and the article found by
        its record number; one that vanished or cannot be read gives the sentence.
        """
        from alireader.core.reopen import file_stamp, open_file

        path = summary.path
        stamp = file_stamp(path)
        with self._lock:
            opened = self._files.get(path)
        if opened is None or stamp is None or opened.stamp != stamp:
            # None leaves open_file its default: naming core.corpus's constant up there would
            # import that module before the first paint.
            limit = self.max_bytes
            opened = open_file(path) if limit is None else open_file(path, limit)
            with self._lock:
                self._files[path] = opened
                self._files.move_to_end(path)
                while len(self._files) > self._max_files:
                    self._files.popitem(last=False)
        if opened.problem is not None:
            if "size limit" in opened.problem:
                return (
                    f"This article cannot be shown: {path} is too large ({opened.problem}). "
                    "Raise max_file_mb in the config to read it."
                )
            return f"This article cannot be shown: {path} ({opened.problem})."
        article = opened.article(summary.record)
        if article is None:
            return (
                f"This article is no longer in {path}: the file changed since the corpus was "
                "loaded. Restart the reader to see what it holds now."
            )
        if article.id != summary.id:
            # The file alone gives the provisional ID; the corpus may have made it unique.
            article = replace(article, id=summary.id)
        with self._lock:
            self._articles[summary.key] = article
            self._articles.move_to_end(summary.key)
            while len(self._articles) > self._max_articles:
                self._articles.popitem(last=False)
        return article
