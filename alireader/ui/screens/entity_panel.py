"""The entity panel: the current article's entities by label, and the articles mentioning one.

A panel on the right of wide terminals (the whole screen on narrow ones). Moving the cursor over
an entity makes its mentions stand out in the reader behind; enter asks for the articles that
mention it, which the main screen shows as a search (``per:"…"``), so escape ends it as any
search.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from alireader.core.entities import Entity
from alireader.core.entity_index import entity_key
from alireader.core.text import visible_controls
from alireader.ui.entities import LABEL_NAMES
from alireader.ui.glyphs import GLYPHS, Glyphs


@dataclass(frozen=True, slots=True)
class PanelEntry:
    """One entity of the article: its most frequent spelling, label, key and mentions."""

    text: str
    label: str
    key: str
    mentions: int
    articles: int | None = None
    """How many articles of the corpus mention it (None: the corpus index is not ready)."""


def group_entities(entities: Sequence[Entity]) -> list[PanelEntry]:
    """The distinct entities of an article, by label (legend order), most mentioned first.

    A person named in full once and by surname after ("Marie Curie" ... "Curie") is one entry:
    the surname's mentions count for the full name.
    """
    full_names = {entity_key(e.text) for e in entities if e.label == "PER" and " " in e.text}
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for entity in entities:
        key = entity_key(entity.text)
        text = entity.text
        if entity.label == "PER" and key not in full_names:
            longer = [name for name in full_names if name.endswith(" " + key)]
            if len(longer) == 1:  # unambiguous: one person of the article has this surname
                key, text = longer[0], ""
        forms = counts.setdefault((key, entity.label), {})
        forms[text] = forms.get(text, 0) + 1
    order = {label: number for number, label in enumerate(LABEL_NAMES)}
    entries = [
        PanelEntry(_usual(forms), label, key, sum(forms.values()))
        for (key, label), forms in counts.items()
    ]
    entries.sort(key=lambda e: (order.get(e.label, len(order)), -e.mentions, e.text.casefold()))
    return entries


def _usual(forms: dict[str, int]) -> str:
    """The spelling used most (the longest on ties); "" stands for surname-only mentions."""
    named = {form: count for form, count in forms.items() if form}
    return max(named, key=lambda form: (named[form], len(form)))


class EntityPanel(ModalScreen[PanelEntry | None]):
    """The article's entities; dismissed with the one whose articles are wanted, or None."""

    HELP_TITLE = "Entity panel"

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("escape,E", "close", "Close", id="entities.close"),
    ]

    def __init__(
        self,
        title: str,
        entries: Sequence[PanelEntry],
        styles: dict[str, Style],
        note: str,
        on_highlight: Callable[[PanelEntry], None],
    ) -> None:
        """``on_highlight`` is called with the entity under the cursor as it moves."""
        super().__init__()
        self.article_title = title
        self.entries = list(entries)
        self.label_styles = styles
        self.note = note
        self.on_highlight = on_highlight

    def compose(self) -> ComposeResult:
        """The article's title, the entities grouped by label, and a line of help."""
        with Vertical(id="entity-dialog"):
            yield Static(Text(visible_controls(self.article_title)), id="entity-title")
            yield OptionList(*self._options(), id="entity-options")
            yield Static(Text(self.note), id="entity-note")

    def _options(self) -> list[Option]:
        glyphs: Glyphs = getattr(self.app, "glyphs", GLYPHS)
        options: list[Option] = []
        label = None
        for number, entry in enumerate(self.entries):
            if entry.label != label:
                label = entry.label
                plural = LABEL_NAMES.get(label, (label, label))[1]
                heading = Text(f"{plural.capitalize()} ({label})", self.label_styles.get(label, ""))
                heading.stylize("bold")
                options.append(Option(heading, disabled=True))
            # The label's colour on a mark, not on the name: the cursor row's own colours
            # would hide a name drawn in the same hue.
            prompt = Text(" ")
            prompt.append(glyphs.unread, self.label_styles.get(entry.label, ""))
            prompt.append(" " + visible_controls(entry.text))
            prompt.append(f"  {glyphs.copies}{entry.mentions}", "dim")
            if entry.articles is not None:
                prompt.append(f"  · {entry.articles} article{'s' * (entry.articles != 1)}", "dim")
            options.append(Option(prompt, id=str(number)))
        return options

    def on_mount(self) -> None:
        """Start on the first entity."""
        options = self.query_one(OptionList)
        options.focus()
        options.action_first()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """Make the highlighted entity's mentions stand out in the reader behind."""
        entry = self._entry(event.option)
        if entry is not None:
            self.on_highlight(entry)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Ask for the articles that mention the chosen entity."""
        self.dismiss(self._entry(event.option))

    def _entry(self, option: Option) -> PanelEntry | None:
        if option.id is None:
            return None
        return self.entries[int(option.id)]

    def action_close(self) -> None:
        """Close the panel; the reader shows every entity alike again."""
        self.dismiss(None)
