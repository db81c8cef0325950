"""The help screen (``?``): every key, generated from the bindings rather than written by hand.

The bindings active where ``?`` was pressed come from ``Screen.active_bindings`` (so a keymap
applied with ``App.set_keymap`` shows its keys); the panes that were not focused are listed too,
from their ``BINDINGS`` with the same keymap applied, so the page is complete whichever pane had
the keyboard. Only bindings with a stable id are shown: those are the ones a keymap can change.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from alireader.ui.widgets import Pager

NOTES = (
    "Below 100 columns the list sits above the reader and shrinks while you read. "
    "enter opens the highlighted article and moves the keyboard to the reader; escape or tab "
    "goes back. Opening an article (or reading it in the reader pane) marks it read. "
    "The mouse works too: click a row to highlight it, click it again to open it. "
    "Shift+space needs a terminal that reports it; PageUp always works. "
    "R checks the folder again and picks up new, changed and deleted files (each start does "
    "too, after showing the list saved by the previous one).\n"
    "\n"
    "Search (/): results follow each keystroke, best first. enter opens the result under the "
    "cursor with every match highlighted; n and N go from match to match; escape ends the "
    "search and returns to the article you were on; up and down in the bar recall earlier "
    "queries. Case, accents, ligatures and apostrophes never matter (sebastien finds "
    "Sébastien, oreal finds L'Oréal).\n"
    "  several words   all must match, in the title, body, author or source\n"
    "  typos           none up to 3 letters, 1 for 4 to 7, 2 for longer words; the word "
    "being typed also matches as a prefix\n"
    "  'word           exactly this word, no typo\n"
    "  ^pre  suf$      words starting with pre, ending with suf\n"
    "  !word           articles without it\n"
    "  a | b           either\n"
    '  "11 main"       these words side by side (a phrase)\n'
    "  title: author: source:   only in that field (title:alibaba)\n"
    "  @name  per:name  org: loc: misc: date: money: percent:   articles mentioning that "
    'named entity (per:"marie curie")\n'
    "The bar says how it read the query; a query that cannot be read as written is read as "
    "literally as possible, never refused."
)


@dataclass(slots=True)
class HelpEntry:
    """One action: its keys (as displayed), description and binding id."""

    keys: list[str]
    description: str
    binding_id: str


@dataclass(slots=True)
class HelpSection:
    """The keys of one part of the UI."""

    title: str
    active: bool
    entries: list[HelpEntry] = field(default_factory=list)


def help_title(node: DOMNode | type[DOMNode]) -> str:
    """The section title of a widget, screen or app (its ``HELP_TITLE``, else its class)."""
    cls = node if isinstance(node, type) else type(node)
    return str(getattr(cls, "HELP_TITLE", cls.__name__))


def keymapped_bindings(bindings: Iterable[BindingType], keymap: Mapping[str, str]) -> list[Binding]:
    """``bindings`` with the keys of ``keymap`` (binding id -> keys) applied."""
    result = []
    for binding in Binding.make_bindings(bindings):
        if binding.id is not None and binding.id in keymap:
            result.extend(binding.with_key(key.strip()) for key in keymap[binding.id].split(","))
        else:
            result.append(binding)
    return result


def _key(app: App[object], binding: Binding) -> str:
    # with_key drops key_display, which the footer uses to show one key for "space,pagedown":
    # the help lists every key.
    return app.get_key_display(binding.with_key(binding.key))


def _add(section: HelpSection, binding: Binding, key: str) -> None:
    binding_id = binding.id or binding.action
    for entry in section.entries:
        if entry.binding_id == binding_id:
            if key not in entry.keys:
                entry.keys.append(key)
            return
    section.entries.append(HelpEntry([key], binding.description or binding.action, binding_id))


def help_sections(
    app: App[object],
    screen: Screen[object],
    panes: Sequence[type[DOMNode]] = (),
    keymap: Mapping[str, str] | None = None,
) -> list[HelpSection]:
    """The help of ``screen``: active bindings first grouped by owner, then other ``panes``."""
    sections: dict[str, HelpSection] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if binding.id is None:
            continue  # Textual's own scrolling keys and the like
        title = help_title(active.node)
        section = sections.setdefault(title, HelpSection(title, active=True))
        _add(section, binding, _key(app, binding))
    for pane in panes:
        title = help_title(pane)
        if title in sections:
            continue
        section = sections.setdefault(title, HelpSection(title, active=False))
        for binding in keymapped_bindings(pane.BINDINGS, keymap or {}):
            if binding.id is not None:
                _add(section, binding, _key(app, binding))
    for section in sections.values():
        for entry in section.entries:
            # Letter keys first ("j / ↓", "space / pgdn"): they are the ones to learn.
            entry.keys.sort(key=lambda key: (not key.isascii(), len(key) > 1))
    # Parts of the UI the keyboard is not in come after the ones it is in; within each, the
    # focused widget's keys come before the screen's and the app's (the binding chain order).
    return sorted(sections.values(), key=lambda section: not section.active)


_ID_WIDTH = 22


def _table(section: HelpSection) -> Table:
    table = Table(box=None, show_header=False, pad_edge=False, expand=True, padding=(0, 1))
    table.add_column("keys", style="bold", width=18, no_wrap=True)
    table.add_column("action", ratio=1)
    # A fixed width (the longest id) keeps the columns aligned from one section to the next.
    table.add_column("id", style="dim", no_wrap=True, width=_ID_WIDTH)
    for entry in section.entries:
        table.add_row(Text(" / ".join(entry.keys)), Text(entry.description), Text(entry.binding_id))
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key of the reader, grouped by the part of the UI it acts on."""

    BINDINGS: list[BindingType] = [  # noqa: RUF012 - Textual reads this class attribute
        Binding("escape,q,question_mark", "dismiss", "Close help", id="help.close"),
    ]

    def __init__(self, sections: list[HelpSection]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        """A scrollable column of one table per section, then the notes."""
        with Vertical(id="help-dialog"):
            yield Static(Text("Keys  (escape or q closes this page)"), id="help-title")
            with Pager(id="help-body"):
                for section in self.sections:
                    suffix = "" if section.active else " (when it has the keyboard)"
                    yield Static(Text(section.title + suffix), classes="help-section")
                    yield Static(_table(section), classes="help-table")
                yield Static(Text(NOTES), id="help-notes")

    def on_mount(self) -> None:
        """Let the keyboard scroll the page."""
        self.query_one("#help-body").focus()
