"""The search bar. Until the fuzzy search lands it filters the list by plain text.

The filter is a case- and accent-insensitive substring match on title, author and source
(:func:`alireader.core.text.fold`), run by the screen in an exclusive worker so that typing never
waits for it; its placeholder says what it does today.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input

PLACEHOLDER = "/ Filter by title, author or source (plain text, accents ignored)"


class SearchBar(Input):
    """A one-line input; enter returns to the list, escape clears it and returns too."""

    HELP_TITLE = "Filter bar"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("escape", "clear_and_leave", "Clear filter", id="search.clear"),
    ]

    class Leave(Message):
        """The user is done with the search bar (focus goes back to the list)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder=PLACEHOLDER, id=id, compact=True, select_on_focus=False)

    def action_clear_and_leave(self) -> None:
        """Empty the bar (which clears the filter) and go back to the list."""
        self.value = ""
        self.post_message(self.Leave())

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter keeps the filter and hands the keyboard back to the list.
        event.stop()
        self.post_message(self.Leave())
