"""The load warnings screen (``w``): every file that could not be used, and why."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from alireader.core.models import LoadWarning
from alireader.core.text import visible_controls
from alireader.ui.widgets import Pager


def warnings_text(warnings: Sequence[LoadWarning]) -> Text:
    """``path: message`` per line, path in bold; paths and messages shown literally."""
    text = Text()
    for number, warning in enumerate(warnings):
        if number:
            text.append("\n")
        text.append(visible_controls(warning.path), "bold")
        text.append(": " + visible_controls(warning.message))
    if not warnings:
        text.append("Every file was read without a problem.")
    return text


class WarningsScreen(ModalScreen[None]):
    """Lists the load warnings: the files skipped or only partly read."""

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("escape,q,w", "dismiss", "Close", id="warnings.close"),
    ]

    def __init__(self, warnings: Sequence[LoadWarning]) -> None:
        super().__init__()
        self.load_warnings = list(warnings)

    def compose(self) -> ComposeResult:
        """A title and the scrollable list of warnings."""
        count = len(self.load_warnings)
        with Vertical(id="warnings-dialog"):
            title = f"{count} load warning{'s' * (count != 1)}  (escape closes)"
            yield Static(Text(title), id="warnings-title")
            with Pager(id="warnings-body"):
                yield Static(warnings_text(self.load_warnings))

    def on_mount(self) -> None:
        """Let the keyboard scroll the list."""
        self.query_one("#warnings-body").focus()
