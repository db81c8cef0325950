"""The theme picker: every theme, previewed live as the cursor moves over it.

Enter keeps the highlighted theme; escape puts back the one that was there. Opened from the
command palette ("Theme"), it replaces Textual's own picker, which applies a theme only once it
is chosen.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from alireader.core.text import visible_controls
from alireader.themes import ThemeSpec
from alireader.ui.glyphs import GLYPHS


class ThemePicker(ModalScreen[str | None]):
    """Pick a theme; dismissed with its name, or None when cancelled."""

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("escape", "cancel", "Cancel (keep the previous theme)", id="themes.cancel"),
    ]

    def __init__(self, specs: Sequence[ThemeSpec], current: str) -> None:
        super().__init__()
        self.specs = list(specs)
        self.original = current

    def compose(self) -> ComposeResult:
        """A title and one option per theme: its name and what it is for."""
        with Vertical(id="theme-dialog"):
            title = "Theme  (moving previews it · enter keeps it · escape goes back)"
            yield Static(Text(title), id="theme-title")
            yield OptionList(*(self._option(spec) for spec in self.specs), id="theme-options")

    def _prompt(self, spec: ThemeSpec, highlighted: bool = False) -> Text:
        # The highlighted theme is marked with a character, not only by the highlight colours:
        # in the monochrome theme (default colours, reverse video) Textual's option list shows
        # no highlight at all.
        pointer: str = getattr(self.app, "glyphs", GLYPHS).pointer
        prompt = Text(f"{pointer} " if highlighted else "  ", style="bold")
        prompt.append(visible_controls(spec.name), style="bold")
        prompt.append(f"  {spec.origin}", style="dim")
        if spec.description:
            prompt.append("\n  " + visible_controls(spec.description), style="dim")
        return prompt

    def _option(self, spec: ThemeSpec) -> Option:
        return Option(self._prompt(spec), id=spec.name)

    def on_mount(self) -> None:
        """Start on the current theme."""
        options = self.query_one(OptionList)
        names = [spec.name for spec in self.specs]
        if self.original in names:
            options.highlighted = names.index(self.original)
        options.focus()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Preview the highlighted theme on the whole app."""
        if event.option.id is None:
            return
        options = self.query_one(OptionList)
        for spec in self.specs:
            options.replace_option_prompt(
                spec.name, self._prompt(spec, spec.name == event.option.id)
            )
        self.app.theme = event.option.id

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Keep the chosen theme."""
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        """Put back the theme that was there before the picker opened."""
        self.app.theme = self.original
        self.dismiss(None)
