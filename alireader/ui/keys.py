"""Every binding of the reader by id, with its default keys and the scope where it is active.

The config's ``[keymap]`` is checked against this catalogue before the app starts
(:func:`alireader.keymap.validate_keymap`): an unknown id or two ids that would share a key in the
same place are configuration errors, reported as one sentence.
"""

from __future__ import annotations

from textual.binding import Binding, BindingType
from textual.dom import DOMNode

from alireader.ui.app import ReaderApp
from alireader.ui.screens import HelpScreen, MainScreen, WarningsScreen
from alireader.ui.screens.diff import CopyPicker, DiffScreen
from alireader.ui.screens.entity_panel import EntityPanel
from alireader.ui.screens.themes import ThemePicker
from alireader.ui.widgets import ArticleList, ReaderPane, SearchBar

# Scopes are paths: two ids can clash when one scope contains the other ("app" contains all).
SCOPES: tuple[tuple[type[DOMNode], str], ...] = (
    (ReaderApp, "app"),
    (MainScreen, "reader"),
    (ArticleList, "reader/list"),
    (ReaderPane, "reader/pane"),
    (SearchBar, "reader/search"),
    (HelpScreen, "help"),
    (WarningsScreen, "warnings"),
    (ThemePicker, "themes"),
    (EntityPanel, "entities"),
    (DiffScreen, "diff"),
    (CopyPicker, "copies"),
)


def binding_catalog() -> tuple[dict[str, str], dict[str, str]]:
    """``({binding id: default keys}, {binding id: scope})`` for every binding with an id."""
    known: dict[str, str] = {}
    scopes: dict[str, str] = {}
    for node, scope in SCOPES:
        for binding in _bindings(node.BINDINGS):
            if binding.id is None:
                continue
            # One id may stand on several Binding objects ("j,down" split): join their keys.
            keys = known.get(binding.id)
            known[binding.id] = binding.key if keys is None else f"{keys},{binding.key}"
            scopes[binding.id] = scope
    return known, scopes


def _bindings(bindings: list[BindingType]) -> list[Binding]:
    return [binding for binding in bindings if isinstance(binding, Binding)]
