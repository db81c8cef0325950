"""Key names and the ``[keymap]`` check: binding ids mapped to keys, validated before use.

Key names follow Textual's (``ctrl+n``, ``question_mark``, ``pagedown``) and are normalised the
way Textual does, without importing it, so the CLI can check a config cheaply.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping
from pathlib import Path

from alireader.toml_files import (
    ConfigError,
    InvalidValue,
    config_error,
    did_you_mean,
    show_value,
)

_MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")
_NAMED_KEYS = frozenset(
    {
        "escape", "enter", "return", "tab", "backtab", "space", "backspace", "delete", "insert",
        "home", "end", "pageup", "pagedown", "up", "down", "left", "right", "newline",
        # Textual's friendlier names for a few punctuation characters (textual/keys.py).
        "slash", "backslash", "at", "minus", "plus", "underscore",
    }
)  # fmt: skip
_FUNCTION_KEY = re.compile(r"^f([1-9]|1[0-9]|2[0-4])$")
# Textual renames a few Unicode names (textual.keys.KEY_NAME_REPLACEMENTS); mirrored here so
# "/" and "slash" are recognised as the same key without importing Textual.
_REPLACEMENTS = {
    "solidus": "slash",
    "reverse_solidus": "backslash",
    "commercial_at": "at",
    "hyphen_minus": "minus",
    "plus_sign": "plus",
    "low_line": "underscore",
}
_ALIASES = {"ctrl+i": "tab", "ctrl+m": "enter", "return": "enter"}


def keymap_key(binding_id: str) -> str:
    """The dotted key a keymap entry is reported under: ``keymap."article.next"``."""
    return f"keymap.{json.dumps(binding_id, ensure_ascii=False)}"


def _character_key(character: str) -> str:
    """A single character's Textual key name: ``?`` -> ``question_mark``, ``a`` -> ``a``."""
    if character.isalnum():
        return character
    try:
        name = unicodedata.name(character).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        return character
    return _REPLACEMENTS.get(name, name)


def normalize_key(key: str) -> str:
    """One key in the canonical form Textual matches on, or raise ``InvalidValue`` with a reason.

    ``?`` -> ``question_mark``; ``ctrl+i`` -> ``tab``; modifiers in a fixed order.
    """
    if not key:
        raise InvalidValue("has an empty key")
    if len(key) == 1:
        if not key.isprintable() or key.isspace():
            raise InvalidValue(f"has {json.dumps(key)}, which is not a key name")
        return _character_key(key)
    *modifiers, base = key.split("+")
    if not base:  # "ctrl+" or a lone "+": Textual spells the key "plus".
        raise InvalidValue(f"has '{key}', which is not a key name (the '+' key is \"plus\")")
    for modifier in modifiers:
        if modifier not in _MODIFIERS:
            raise InvalidValue(
                f"has '{key}': '{modifier}' is not a modifier ({', '.join(_MODIFIERS)})"
            )
    if len(set(modifiers)) != len(modifiers):
        raise InvalidValue(f"has '{key}', which repeats a modifier")
    if len(base) == 1:
        base = _character_key(base)
    elif not (base in _NAMED_KEYS or _FUNCTION_KEY.match(base) or _is_unicode_key_name(base)):
        raise InvalidValue(
            f"has '{key}': '{base}' is not a key name{did_you_mean(base, _NAMED_KEYS)}"
        )
    ordered = [modifier for modifier in _MODIFIERS if modifier in modifiers]
    canonical = "+".join([*ordered, base])
    return _ALIASES.get(canonical, canonical)


def _is_unicode_key_name(name: str) -> bool:
    """``question_mark``, ``full_stop``, ``less_than_sign``: a character's Unicode name, the way
    Textual names keys for punctuation (a lowercase, underscored name of one character)."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", name):
        return False
    for candidate in (name.replace("_", " "), name.replace("_", "-")):
        try:
            unicodedata.lookup(candidate.upper())
        except KeyError:
            continue
        return True
    # Names whose Unicode spelling mixes spaces and hyphens ("less_than_sign": LESS-THAN SIGN).
    return any(_character_key(chr(code)) == name for code in range(0x20, 0x7F))


def check_key_list(value: object) -> str:
    """A keymap value: a non-empty, comma-separated list of valid key names (returned as is)."""
    if not isinstance(value, str):
        raise InvalidValue(
            f'must be a string of comma-separated keys such as "n,ctrl+n", not {show_value(value)}'
        )
    keys = [key.strip() for key in value.split(",")]
    if not value.strip() or any(not key for key in keys):
        raise InvalidValue(
            f"has an empty key in {show_value(value)} (keys are separated by single commas)"
        )
    seen: set[str] = set()
    for key in keys:
        canonical = normalize_key(key)
        if canonical in seen:
            raise InvalidValue(f"lists '{key}' twice")
        seen.add(canonical)
    return ",".join(keys)


def _scope_of(binding_id: str, scopes: Mapping[str, str] | None) -> str:
    if scopes is not None and binding_id in scopes:
        return scopes[binding_id]
    return binding_id.partition(".")[0]


def _active_together(first: str, second: str) -> bool:
    """Scopes are ``/``-separated paths ("app", "reader", "reader/list"): bindings of one scope
    are active together with those of its ancestors ("app" is everyone's ancestor), and not
    with a sibling's (only one widget has focus)."""
    if "app" in (first, second):
        return True
    a, b = first.split("/"), second.split("/")
    shorter = min(len(a), len(b))
    return a[:shorter] == b[:shorter]


def validate_keymap(
    keymap: Mapping[str, str],
    known: Mapping[str, str],
    scopes: Mapping[str, str] | None = None,
    *,
    path: Path | None = None,
    lines: Mapping[str, int] | None = None,
) -> None:
    """Check a ``[keymap]`` against the app's bindings; raise :class:`ConfigError` at the first
    problem.

    ``known`` maps each binding id to its default keys (``{"list.down": "j,down"}``).
    ``scopes`` maps ids to scope paths (``"app"``, ``"reader"``, ``"reader/list"``); an id
    missing from it takes its prefix (``list.down`` -> ``list``). Reported: ids that do not
    exist (with a did-you-mean), invalid key names, and clashes, that is a key newly given to a
    binding that another binding active at the same time also uses (clashes among the defaults
    are the app's own, deliberate shadowing, e.g. ``q`` closing a dialog, and a binding keeps
    its default keys' shadowing when remapped).
    """
    lines = lines or {}

    def fail(detail: str, binding_id: str) -> ConfigError:
        dotted = keymap_key(binding_id)
        return config_error(detail, path, lines.get(dotted), dotted)

    for binding_id, keys in keymap.items():
        if binding_id not in known:
            raise fail(
                f"unknown binding id '{binding_id}' in [keymap]{did_you_mean(binding_id, known)}",
                binding_id,
            )
        try:
            check_key_list(keys)
        except InvalidValue as invalid:
            raise fail(f"{keymap_key(binding_id)} {invalid}", binding_id) from None

    effective = {
        binding_id: [
            key.strip() for key in keymap.get(binding_id, default).split(",") if key.strip()
        ]
        for binding_id, default in known.items()
    }
    canonical = {
        binding_id: {normalize_key(key): key for key in keys}
        for binding_id, keys in effective.items()
    }
    defaults = {
        binding_id: {normalize_key(key.strip()) for key in keys.split(",") if key.strip()}
        for binding_id, keys in known.items()
    }
    remapped = [binding_id for binding_id in keymap if binding_id in known]
    for binding_id in remapped:
        scope = _scope_of(binding_id, scopes)
        # A key the binding already had by default shadows (or is shadowed) as the app
        # intends, e.g. n as "next match" in a searched article and "next article" elsewhere.
        added = canonical[binding_id].keys() - defaults[binding_id]
        for other in known:
            if other == binding_id or not _active_together(scope, _scope_of(other, scopes)):
                continue
            shared = added & canonical[other].keys()
            if shared:
                key = canonical[binding_id][min(shared)]
                how = "remapped to it" if other in keymap else "its default key"
                raise fail(
                    f"{keymap_key(binding_id)} binds '{key}', which '{other}' also uses ({how});"
                    " bind one of them to another key",
                    binding_id,
                )
