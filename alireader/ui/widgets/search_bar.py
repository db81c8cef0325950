"""The search bar: a query input with its history, and a line saying what the query means.

The screen runs the search itself (in an exclusive worker per keystroke, see
:class:`~alireader.ui.screens.reader.MainScreen`); the bar only edits the text, recalls earlier
queries with up and down, and reports what the user wants: open the result under the cursor
(enter), go to the results (tab), or give up the search (escape).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static

from alireader.core.text import visible_controls
from alireader.ui.bound_keys import bound_key, bound_key_name

PLACEHOLDER = "{search} Search: words, typos and accents welcome ({help} for the syntax)"
"""The empty bar's hint, with the keys bound to ``search.focus`` and ``app.help`` now."""
MAX_HISTORY = 100


class SearchBar(Input):
    """A one-line query input with a history of earlier queries (newest first)."""

    HELP_TITLE = "Search bar"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("escape", "clear_and_leave", "Clear search", id="search.clear"),
        Binding("up", "history_back", "Earlier query", id="search.history_back", show=False),
        Binding("down", "history_forward", "Later query", id="search.history_forward", show=False),
    ]

    class Leave(Message):
        """The user is done with the search bar; ``cleared`` when escape emptied it."""

        def __init__(self, cleared: bool) -> None:
            super().__init__()
            self.cleared = cleared

    class Open(Message):
        """Enter: open the result under the list's cursor."""

    def __init__(
        self, *, on_change: Callable[[str], None] | None = None, id: str | None = None
    ) -> None:
        """``on_change(text)`` is called as soon as the text changes (before the ``Changed``
        message, which reaches the screen only after a few trips through the message queues:
        a search started from here starts a few milliseconds sooner)."""
        super().__init__(
            placeholder=PLACEHOLDER.format(search="/", help="?"),
            id=id,
            compact=True,
            select_on_focus=False,
        )
        self._on_change = on_change
        self.history: list[str] = []
        """Earlier queries, newest first (from the state file, then this session's)."""
        self._recalled = -1  # position in history while browsing it; -1: the user's own text
        self._draft = ""

    def on_mount(self) -> None:
        """Name the keys the keymap gives searching and the help page."""
        self.placeholder = PLACEHOLDER.format(
            search=bound_key(self.app, "search.focus", "slash"),
            help=bound_key(self.app, "app.help", "question_mark"),
        )

    def _on_key(self, event: events.Key) -> None:
        # The hint says "? for the syntax": in the empty bar the help key does that, rather
        # than search for a lone "?" (which finds nothing anyway). Any other key goes on to
        # Input's own handler (Textual calls each class's handler along the MRO until one
        # prevents the default).
        if not self.value and event.key == bound_key_name(self.app, "app.help", "question_mark"):
            event.stop()
            event.prevent_default()
            self.app.call_later(self.app.run_action, "help")

    def set_history(self, queries: Sequence[str]) -> None:
        """Replace the history (newest first), e.g. with the queries kept in the state file."""
        self.history = list(queries)[:MAX_HISTORY]
        self._recalled = -1

    def remember(self, query: str) -> None:
        """Put ``query`` at the front of the history (once)."""
        query = query.strip()
        if not query:
            return
        self.history = [query, *(old for old in self.history if old != query)][:MAX_HISTORY]
        self._recalled = -1

    def action_history_back(self) -> None:
        """Show the previous (older) query of the history."""
        if self._recalled + 1 >= len(self.history):
            self.app.bell()
            return
        if self._recalled == -1:
            self._draft = self.value
        self._recalled += 1
        self._recall(self.history[self._recalled])

    def action_history_forward(self) -> None:
        """Show the next (newer) query, and finally the text being typed before browsing."""
        if self._recalled == -1:
            return
        self._recalled -= 1
        self._recall(self._draft if self._recalled == -1 else self.history[self._recalled])

    def _recall(self, text: str) -> None:
        recalled = self._recalled
        self.value = text
        self.cursor_position = len(text)
        self._recalled = recalled  # the change handler must not count this as typing

    def _watch_value(self, value: str) -> None:
        room = self.scrollable_content_region.width
        width = self.content_width
        if width <= room and self.virtual_size.width <= room:
            # Text that fits scrolls nowhere: Input would set its new width as a change that
            # lays out the whole screen at every keystroke; set quietly, it changes nothing.
            self.set_reactive(Widget.virtual_size, Size(width, 1))
        super()._watch_value(value)
        self._recalled = -1
        if self._on_change is not None:
            self._on_change(value)

    def action_clear_and_leave(self) -> None:
        """Empty the bar (which ends the search) and go back to the list."""
        self.value = ""
        self.post_message(self.Leave(cleared=True))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter opens the result under the cursor."""
        event.stop()
        self.post_message(self.Open())


class SearchStatus(Static):
    """Beside the bar: how the query was understood and how many articles match it."""

    DEFAULT_CSS = """
    SearchStatus { text-align: right; }
    """

    ROOM_STEP = 8
    """While a query is typed, the status widens in steps of this many columns (see
    :meth:`show`)."""

    _width = 0
    """The content width laid out (Textual asks :meth:`get_content_width`)."""
    _text_width = 0
    _settle: Timer | None = None

    def show(
        self,
        description: str,
        matched: int | None,
        indexing: bool,
        approximate: bool = False,
        *,
        settle_after: float = 0.0,
    ) -> None:
        """``description`` of the query; ``matched`` articles (None: no search running), a
        lower bound when ``approximate`` (a phrase checked in part while it is typed).

        With ``settle_after`` (seconds; while typing), the status keeps some spare room, so
        that most keystrokes change its text without a layout of the whole screen (its text
        width changes with nearly every key: the description quotes the query); it takes its
        exact width once it has not changed for that long."""
        if matched is None:
            self._set(Text(), 0.0)
            return
        count = f"{'≥' if approximate else ''}{matched:,}".replace(",", "\u202f")
        text = Text(f"{count} match{'es' * (matched != 1)}")
        if indexing:
            text.append(" so far")
        if description:
            text.append(" · ")
            text.append(visible_controls(description))
        self._set(text, settle_after)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        """The width set by :meth:`_set` (the text's, or more while a query is typed)."""
        return self._width

    def _set(self, text: Text, settle_after: float) -> None:
        # The whole screen is laid out again only when the room given to the text changes.
        width = text.cell_len
        self._text_width = width
        room = width
        if self._settle is not None:
            self._settle.stop()
            self._settle = None
        if settle_after > 0 and width:
            room = self._width
            if not room - self.ROOM_STEP < width <= room:
                room = -(-width // self.ROOM_STEP) * self.ROOM_STEP
            if room != width:
                self._settle = self.set_timer(settle_after, self._settled)
        self.update(text, layout=room != self._width)
        self._width = room

    def _settled(self) -> None:
        self._settle = None
        if self._width != self._text_width:
            self._width = self._text_width
            self.refresh(layout=True)
