"""The search query language: words, fzf's operators, field filters and phrases.

``parse_query`` never fails: whatever is typed is read as literally as possible, and
:attr:`Query.description` says in plain words what was understood (the search bar shows it).

Grammar, informally (whitespace separates terms; every term must match)::

    term    := ["!"] [field ":"] ["'" | "^"] text ["$"]
             | ["!"] ("@" | label ":") text      (articles mentioning a named entity)
    field   := "title" | "author" | "source"
    label   := "per" | "org" | "loc" | "misc" | "date" | "money" | "percent"
    text    := word | '"' words '"'          (an unclosed quote runs to the end)
    clause  := term ("|" term)*              (any of the alternatives)

A term whose text folds to several words (``"11 main"``, ``etats-unis``, ``l'oreal``) is a
phrase: its words must be adjacent, in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from alireader.core.text import fold

# Words as the index sees them: runs of letters and digits of the folded text. Apostrophes and
# hyphens split, so "l'oreal" holds "oreal" (elision) and "etats-unis" is a two-word phrase.
WORD = re.compile(r"[^\W_]+")


class Mode(StrEnum):
    """How a query word is compared with the words of the articles."""

    FUZZY = "fuzzy"  # typos allowed (by length); a prefix while it is being typed
    EXACT = "exact"  # 'word: the word itself, no typo
    PREFIX = "prefix"  # ^word: words starting with it
    SUFFIX = "suffix"  # word$: words ending with it


class Field(StrEnum):
    """Where a term must match."""

    ANY = "any"  # title, author, source or body
    TITLE = "title"
    AUTHOR = "author"
    SOURCE = "source"
    ENTITY = "entity"  # @name, per:name ...: the articles that mention that named entity


FIELD_NAMES = frozenset({"title", "author", "source"})
ENTITY_LABELS = {
    "per": "PER",
    "org": "ORG",
    "loc": "LOC",
    "misc": "MISC",
    "date": "DATE",
    "money": "MONEY",
    "percent": "PERCENT",
}
"""Query prefixes (``per:``) of the entity labels."""
_ENTITY_NAMES = {
    None: "entity",
    "PER": "person",
    "ORG": "organisation",
    "LOC": "place",
    "MISC": "name",
    "DATE": "date",
    "MONEY": "amount",
    "PERCENT": "percentage",
}


@dataclass(frozen=True, slots=True)
class Term:
    """One searchable unit: a word or a phrase, with its operators.

    ``words`` are folded; several words form a phrase. ``prefix`` is True for the last word of
    a query still being typed: its last word also matches as a prefix.
    """

    words: tuple[str, ...]
    mode: Mode = Mode.FUZZY
    field: Field = Field.ANY
    negated: bool = False
    prefix: bool = False
    label: str | None = None
    """For an entity term (:attr:`Field.ENTITY`): the label wanted, or None for any."""

    def describe(self) -> str:
        """A short human reading, such as ``not title:"amazon" (exact)``."""
        text = " ".join(self.words)
        shown = f'"{text}…"' if self.prefix else f'"{text}"'
        if self.field is Field.ENTITY:
            shown = f"{_ENTITY_NAMES.get(self.label, 'entity')} {shown}"
            return f"not {shown}" if self.negated else shown
        if len(self.words) > 1:
            shown = f"phrase {shown}"
        if self.field is not Field.ANY:
            shown = f"{self.field.value}:{shown}"
        if self.mode is not Mode.FUZZY:
            shown = f"{shown} ({self.mode.value})"
        return f"not {shown}" if self.negated else shown


Clause = tuple[Term, ...]
"""Alternatives (``a | b``): the clause matches when any of its terms does."""


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every clause must match. ``notes`` say what was ignored, and why."""

    text: str
    clauses: tuple[Clause, ...]
    notes: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        """True when nothing searchable was typed."""
        return not self.clauses

    @property
    def description(self) -> str:
        """What was understood, in one line, for the search bar."""
        if not self.clauses:
            parts = ["nothing to search"]
        else:
            parts = [" or ".join(term.describe() for term in clause) for clause in self.clauses]
        return " and ".join(parts) + "".join(f"; {note}" for note in self.notes)


def typo_budget(word: str) -> int:
    """Edits a fuzzy word may differ by: none up to 3 characters, 1 up to 7, then 2.

    Words with digits never get typos: "2019" must not find "2018".
    """
    if len(word) <= 3 or any(ch.isdigit() for ch in word):
        return 0
    return 1 if len(word) <= 7 else 2


def query_words(text: str) -> list[str]:
    """The words of ``text`` as the index sees them (folded, split on punctuation)."""
    return WORD.findall(fold(text))


def _raw_tokens(text: str) -> list[str]:
    """Split on whitespace, keeping quoted runs whole and ``|`` as a token of its own."""
    tokens: list[str] = []
    current: list[str] = []
    in_quote = False
    for ch in text:
        if ch == '"':
            in_quote = not in_quote
            current.append(ch)
        elif in_quote:
            current.append(ch)
        elif ch.isspace() or ch == "|":
            if current:
                tokens.append("".join(current))
                current = []
            if ch == "|":
                tokens.append("|")
        else:
            current.append(ch)
    if current:
        tokens.append("".join(current))
    return tokens


def _term(token: str, notes: list[str]) -> Term | None:
    """Read one token's operators, then its text. None when no word is left."""
    rest = token
    negated = rest.startswith("!")
    rest = rest[1:] if negated else rest
    field = Field.ANY
    label: str | None = None
    name, colon, after = rest.partition(":")
    if colon and name.casefold() in FIELD_NAMES:
        field = Field(name.casefold())
        rest = after
    elif colon and name.casefold() in ENTITY_LABELS:
        field, label, rest = Field.ENTITY, ENTITY_LABELS[name.casefold()], after
    elif rest.startswith("@") and len(rest) > 1:
        field, rest = Field.ENTITY, rest[1:]
    if field is Field.ENTITY:
        # A name is matched word for word against the entities (no operators inside it).
        words = tuple(query_words(rest.replace('"', " ")))
        if not words:
            notes.append(f"ignored {token!r} (no name after it)")
            return None
        return Term(words=words, field=field, negated=negated, label=label)
    mode = Mode.FUZZY
    if rest.startswith("'"):
        mode, rest = Mode.EXACT, rest[1:]
    elif rest.startswith("^"):
        mode, rest = Mode.PREFIX, rest[1:]
    if rest.endswith("$") and not rest.endswith('"$"'):
        # ^word$ is fzf's "exactly this word".
        mode = Mode.EXACT if mode in (Mode.PREFIX, Mode.EXACT) else Mode.SUFFIX
        rest = rest[:-1]
    words = tuple(query_words(rest.replace('"', " ")))
    if not words:
        if token != '"':
            notes.append(f"ignored {token!r} (no letters or digits)")
        return None
    return Term(words=words, mode=mode, field=field, negated=negated)


def parse_query(text: str, prefix_last: bool = False) -> Query:
    """Parse a query; never raises.

    ``prefix_last``: the query is being typed, so its last word (when the text does not end
    with a space) also matches as a prefix.
    """
    notes: list[str] = []
    clauses: list[list[Term]] = [[]]
    pending_or = False
    for token in _raw_tokens(text):
        if token == "|":
            if clauses[-1]:
                pending_or = True
            continue
        term = _term(token, notes)
        if term is None:
            continue
        if pending_or:
            clauses[-1].append(term)
            pending_or = False
        elif clauses[-1]:
            clauses.append([term])
        else:
            clauses[-1].append(term)
    if pending_or:
        notes.append("ignored a trailing '|'")
    found = [tuple(clause) for clause in clauses if clause]
    typing = prefix_last and text[-1:] not in ("", " ", "\t", "\n", '"', "$")
    if typing and found:
        last = found[-1][-1]
        if last.mode is Mode.FUZZY and not last.negated:
            found[-1] = (
                *found[-1][:-1],
                Term(last.words, last.mode, last.field, last.negated, True, last.label),
            )
    return Query(text=text, clauses=tuple(found), notes=tuple(notes))
