"""The key a binding has now, for the texts that name one ("Press w to see which and why").

The config's ``[keymap]`` can move any binding to other keys; the footer and the help page
follow it through Textual, and every other text that names a key asks here, so it never names
a key that no longer does what it says.
"""

from __future__ import annotations

from textual.app import App
from textual.binding import Binding


def bound_key_name(app: App[object], binding_id: str, default: str) -> str:
    """The first key bound to ``binding_id``, as Textual names it (``"question_mark"``):
    ``default`` unless the keymap changed it."""
    keys: str = getattr(app, "keymap", {}).get(binding_id) or default
    return keys.split(",", maxsplit=1)[0].strip()


def bound_key(app: App[object], binding_id: str, default: str) -> str:
    """:func:`bound_key_name` as the footer shows it: ``"w"``, ``"/"``, ``"?"``, ``"f1"``."""
    return app.get_key_display(Binding(bound_key_name(app, binding_id, default), ""))
