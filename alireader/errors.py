"""Errors that alireader reports to people as one clear sentence.

Every error a user can cause (a bad path, an unknown article ID, a broken config) is an
:class:`AlireaderError`. The CLI prints its ``message`` on stderr and exits with status 1; the app
shows it as a notification titled ``title``. Anything else is a bug.
"""

from __future__ import annotations


class AlireaderError(Exception):
    """An error caused by the user's input or environment, with a message meant for them."""

    title = "Error"

    def __init__(self, message: str, title: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if title is not None:
            self.title = title

    def __str__(self) -> str:
        return self.message


class CorpusError(AlireaderError):
    """A corpus path that does not exist or cannot be read at all."""

    title = "Corpus error"


class ArticleNotFound(AlireaderError):
    """An article ID (or ID prefix) that matches nothing, or matches several articles."""

    title = "Unknown article"

    def __init__(
        self, message: str, candidates: tuple[str, ...] = (), *, ambiguous: bool = False
    ) -> None:
        super().__init__(message)
        self.candidates = candidates
        self.ambiguous = ambiguous
        """True when several articles match (``candidates`` are they); False when none does
        (``candidates`` are close suggestions)."""
